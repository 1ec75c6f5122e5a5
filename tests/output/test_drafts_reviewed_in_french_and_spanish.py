"""What the fluent reviewers of the French and Spanish drafts found wrong (issue 31, fourth review), each
checked on a shipped case's draft so that the old wording fails: the expected words are the Working
Group's own forms in each language, not the engine's output."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from detention_rules import words

from ..conftest import ROOT

JOINT = ROOT / "cases" / "ayuk-tabe-and-others-cameroon-2022.yaml"
LATER = ROOT / "cases" / "aivo-benin-2024.yaml"  # reasons for the arrest given only later
REFERENCE = ROOT / "cases" / "ilyashev-kazakhstan-2022.yaml"


@functools.cache
def drafted(lang: str, path: Path) -> str:
    """A shipped case's draft in a language, without its appendix (the text a reviewer reads)."""
    from detention_rules import application
    from detention_rules.input import source
    from detention_rules.output import draft_markdown
    from detention_rules.output.draft import build_joint
    from detention_rules.reasoning import runnable

    words.use(lang)
    try:
        book = runnable.load()
        return draft_markdown.render(
            build_joint(book, application.drafts(book, source.load(path), None), appendix=False)
        )
    finally:
        words.use("en")


def _paragraph(text: str, heading: str) -> str:
    """The section under a heading, to the next heading."""
    return text.split(heading, 1)[1].split("\n#", 1)[0]


@pytest.mark.parametrize(
    ("lang", "path", "said", "never"),
    [
        ("fr", JOINT, "les motifs de l'arrestation n'ont jamais été communiqués (", "communication :"),
        ("fr", LATER, "au moment de l'arrestation, mais seulement plus tard", "communication :"),
        ("es", JOINT, "los motivos de la detención nunca se comunicaron (", "comunicación:"),
        ("es", LATER, "no se comunicaron en el momento de la detención, sino solo más tarde", "comunicación:"),
        ("en", JOINT, "the reasons for the arrest were never given (", "they were never ("),
    ],
)
def test_reasons_not_given_are_worded_by_the_value(lang: str, path: Path, said: str, never: str) -> None:
    """ "Later" and "never" are two sentences, not one template with the value in a parenthesis."""
    text = drafted(lang, path)
    assert said in text
    assert never not in text


@pytest.mark.parametrize(
    ("lang", "heading", "said"),
    [
        (
            "fr",
            "### Catégorie V",
            [
                "les intéressés sont membres d'une minorité linguistique, et une détention qui résulte de l'exercice"
                " actif de droits civils et politiques fait naître une forte présomption de discrimination",
                "ils ont été détenus pour avoir pris part à une réunion pacifique",
            ],
        ),
        (
            "es",
            "### Categoría V",
            [
                "los interesados son miembros de una minoría lingüística, y una privación de libertad que resulta",
                "fueron detenidos por participar en una reunión pacífica",
            ],
        ),
        ("en", "### Category V", ["are members of a linguistic minority, and a detention that results from"]),
    ],
)
def test_the_joint_cases_category_five_states_the_facts_that_held(lang: str, heading: str, said: list[str]) -> None:
    """A minority detained for exercising a right (V.group-targeted's branch through category II): the draft
    states the membership, the presumption (A/HRC/36/37 para 48) and the right exercised, never the rule's
    bare "the facts tie that ground to this detention"."""
    five = _paragraph(drafted(lang, JOINT), heading)
    for words_ in said:
        assert words_ in five
    for bare in ("les faits lient ce motif", "los hechos vinculan ese motivo", "the facts tie that ground"):
        assert bare not in five


@pytest.mark.parametrize(
    ("lang", "path", "said"),
    [
        ("fr", JOINT, "demander au Gouvernement camerounais :"),
        ("fr", REFERENCE, "demander au Gouvernement kazakh :"),
        ("es", JOINT, "que pida al Gobierno del Camerún:"),
        ("es", REFERENCE, "que pida al Gobierno de Kazajstán:"),
        ("en", JOINT, "to ask the Government of Cameroon to:"),
    ],
)
def test_the_remedies_name_the_government(lang: str, path: Path, said: str) -> None:
    assert said in drafted(lang, path)
