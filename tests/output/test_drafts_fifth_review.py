"""What the fifth fluent reviews of the French and Spanish drafts found wrong (issue 31), each checked on the
reference case's or the joint case's draft so that the old wording fails: the expected words are the reviewers'
corrections and the Working Group's own forms in each language, not the engine's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from detention_rules import words

from .test_drafts_reviewed_in_french_and_spanish import JOINT, REFERENCE, drafted


def _draft(lang: str, text: str, tmp_path: Path) -> str:
    """A case file written here (not a shipped one, so not cached), drafted in a language."""
    from detention_rules import application
    from detention_rules.input import source
    from detention_rules.output import draft_markdown
    from detention_rules.output.draft import build_joint
    from detention_rules.reasoning import runnable

    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    words.use(lang)
    try:
        book = runnable.load()
        return draft_markdown.render(
            build_joint(book, application.drafts(book, source.load(path), None), appendix=False)
        )
    finally:
        words.use("en")


@pytest.mark.parametrize(
    ("lang", "marked", "spliced"),
    [
        (
            "fr",
            [
                "Il est [à traduire\u00a0: civic activist]",
                "[à traduire\u00a0: office of his relatives in Almaty]",
                "détenu dans [à traduire\u00a0: Temporary Detention Facility of Almaty",
                "[à traduire\u00a0: three Facebook posts criticising the ruling Nur Otan party]",
                "jugée par [à traduire\u00a0: the Medeu District Court No. 2 of Almaty]",
            ],
            ["est civic activist", "à office of", "par police officers", "par three Facebook", "sur his private"],
        ),
        (
            "es",
            [
                "[por traducir: civic activist]",
                "[por traducir: office of his relatives in Almaty]",
                "[por traducir: police officers]",
                "[por traducir: three Facebook posts criticising the ruling Nur Otan party]",
            ],
            ["es civic activist", "en office of", "por police officers", "mediante three Facebook", "en his private"],
        ),
    ],
)
def test_english_free_text_is_set_apart_to_translate(lang: str, marked: list[str], spliced: list[str]) -> None:
    """The case file's free text is English (no `language:`): a French or Spanish draft marks it as the drafter's
    words to translate, never splices it into its own sentence as in « par three Facebook posts »."""
    text = drafted(lang, REFERENCE)
    for words_ in marked:
        assert words_ in text
    for words_ in spliced:
        assert words_ not in text


def test_a_translation_the_file_gives_is_told_and_a_files_own_language_is_not_marked(tmp_path: Path) -> None:
    """`translations:` gives the text in the draft's language; a file written in French (`language: fr`) is told
    as typed in a French draft and set apart in an English one."""
    case = REFERENCE.read_text(encoding="utf-8")
    given = case + "\ntranslations:\n  fr: {civic activist: militant de la société civile}\n"
    text = _draft("fr", given, tmp_path)
    assert "Il est militant de la société civile." in text
    # what the file does not translate stays marked (police officers are French words now: `glossary`, T13-fr D29)
    assert "[à traduire\u00a0: office of his relatives in Almaty]" in text
    french = case.replace("value: civic activist", "value: militant de la société civile") + "\nlanguage: fr\n"
    assert "Il est militant de la société civile." in _draft("fr", french, tmp_path)
    assert "[to translate: militant de la société civile]" in _draft("en", french, tmp_path)


def test_an_english_file_drafted_in_english_is_unmarked() -> None:
    assert "to translate" not in drafted("en", REFERENCE)
    assert "civic activist" in drafted("en", REFERENCE)


@pytest.mark.parametrize(
    ("lang", "path", "said", "never"),
    [
        ("fr", REFERENCE, ["et d'effacer son casier judiciaire"], ["d'effacer le casier judiciaire"]),
        (
            "fr",
            JOINT,
            # the opinions cited once, in the remedies' lead (thirteenth French review, D17)
            ["et d'effacer leur casier judiciaire", "; les avis n°s\u00a013/2018 et 33/2015), de demander"],
            ["n° 33/2015"],
        ),
        (
            "fr",
            REFERENCE,
            [
                # what he is, never the rule's list of field values (eleventh review, issue 29)
                "En l'espèce, M. Ilyashev est défenseur des droits de l'homme. Comme exposé ci-dessus, il avait",
                "constitue en elle-même une «\u00a0autre situation\u00a0» au sens",  # twelfth review, D12
                # the ground named, as a lawyer files it (seventh review: « les motifs exposés ci-dessus » named none)
                "La détention est donc discriminatoire\u00a0: elle est fondée sur sa qualité de défenseur"
                " des droits de l'homme.",
                "dans un contexte de persécution délibérée",  # « ciblage délibéré » was a calque (RV-fr review)
                "(Pacte, art. 9 (par. 1)\u202f; Déclaration universelle",
                "observation générale n°\u00a034",  # the case's own avis n° 2/2022 is cited nowhere (sixth review)
            ],
            ["groupe défini par un motif protégé", "pour ce motif", "indice de ciblage", "(par. 1); ", "n° 2/2022"],
        ),
        # the requests cite no opinions (eighteenth review, D15)
        ("es", JOINT, ["Que ponga inmediatamente en libertad a"], ["(véase opinión", "(véanse las opiniones núms. 13"]),
        (
            "es",
            REFERENCE,
            [
                "el Sr. Ilyashev es defensor de los derechos humanos y activista político.",  # review 18, D10
                "constituye en sí misma “cualquier otra condición social”",  # the Covenant's words, in “ ”
                "la persecución de que el Sr. Ilyashev ya había sido objeto",  # told once above (review 18, D11)
                "fue discriminatoria por su condición de defensor de los derechos humanos.",  # the ground named
            ],
            ["grupo definido por un motivo protegido", "por ese motivo", "objeto de persecución"],
        ),
    ],
)
def test_the_reviews_calques_and_typography(lang: str, path: Path, said: list[str], never: list[str]) -> None:
    """The fifth reviews' corrections of our own wording (not the case file's): the category V reasoning that
    names its ground, the record "son/leur casier", "avis n°s ... et ...", the article and number of "véase(n)",
    French no-break spaces before ";" and after "n°"."""
    text = drafted(lang, path)
    for words_ in said:
        assert words_ in text
    for words_ in never:
        assert words_ not in text


@pytest.mark.parametrize(
    ("lang", "shared", "asked"),
    [
        ("en", "are nationals of Cameroon", "for each of them: "),
        ("fr", "sont de nationalité camerounaise", "pour chacun des intéressés\u00a0: "),
        ("es", "son nacionales del Camerún", "para cada una de las personas: "),
    ],
)
def test_the_identity_ten_detainees_share_is_told_once(lang: str, shared: str, asked: str) -> None:
    """Both reviewers: the joint draft's identity section said the same nationality and status ten times, once
    under each name; what they share is said once, in all their names, and what is missing asked of each."""
    identity = drafted(lang, JOINT).split("\n## ")[1]
    assert identity.count(shared) == 1
    assert "Julius Ayuk Tabe, Wilfred Fombang Tassang" in identity
    assert asked in identity
    assert "\n### " not in identity  # no person's own heading: nothing in the section is theirs alone


@pytest.mark.parametrize(
    ("lang", "each"),
    [
        ("en", "Each of them is a member of the House of Assembly"),
        ("fr", "Chacun d'eux est [à traduire\u00a0: member of the House of Assembly"),
        ("es", "Cada uno de ellos es [por traducir: member of the House of Assembly"),
    ],
)
def test_an_occupation_in_the_singular_is_said_of_each_of_several(lang: str, each: str) -> None:
    """Two members of parliament sharing one occupation, written in the singular: "They are a member of ..."
    is wrong in every language; each of them is."""
    text = drafted(lang, JOINT.with_name("mabuza-dube-eswatini-2025.yaml"))
    assert each in text
    assert "They are a member" not in text
