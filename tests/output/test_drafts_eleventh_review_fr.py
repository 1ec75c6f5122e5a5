"""What the first fixer of the French review left (issue 31, task T11-fr: the review's items D2 to D5, C4 and C6),
each checked on a shipped case's draft, or on a period of each kind, so that the old wording fails. The expected
words are how a French lawyer, and the Working Group's French, speak of each kind of custody and cite, never the
engine's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import ROOT
from .test_drafts_reviewed_in_french_and_spanish import drafted

TWO = ROOT / "cases" / "qaradawi-khalaf-egypt-2018.yaml"  # a woman and a man
FOUR = ROOT / "cases" / "mayangna-defenders-nicaragua-2024.yaml"  # four men, "les intéressés"
NON_PARTY = ROOT / "cases" / "cardet-cuba-2018.yaml"
CONFESSION = ROOT / "cases" / "teaching" / "trial-coerced-confession-used.yaml"  # one prison period, no end
REVIEWED = (TWO, FOUR, NON_PARTY, CONFESSION, ROOT / "cases" / "ilyashev-kazakhstan-2022.yaml")
# two drafts the review did not read, read as a French lawyer would for this task
THREE_LAWYERS = ROOT / "cases" / "irgashov-mamadshoev-kholiqnazarov-tajikistan-2024.yaml"  # joint, three men
DUAL = ROOT / "cases" / "zaghari-ratcliffe-iran-2016.yaml"  # a woman, a dual national, the file in English


def _plain(path: Path) -> str:
    """A French draft with its no-break spaces as spaces: the words are checked here, the typography elsewhere."""
    return drafted("fr", path).replace("\u202f", " ").replace("\u00a0", " ")


def _of_kind(tmp_path: Path, kind: str, period: str, name: str) -> str:
    """The teaching case's draft with its one period of this kind and these dates (`start: ...` lines), written
    to a file of its own `name` (`drafted` keeps each path's draft)."""
    text = CONFESSION.read_text(encoding="utf-8")
    assert "  - kind: prison\n    start: 2023-11-10\n" in text
    case = tmp_path / f"{kind}-{name}.yaml"
    case.write_text(text.replace("  - kind: prison\n    start: 2023-11-10\n", f"  - kind: {kind}\n{period}"), "utf-8")
    return _plain(case)


@pytest.mark.parametrize(
    ("kind", "since", "between"),
    [
        ("police_custody", "a été placé en garde à vue le 10 novembre 2023.", "a été placé en garde à vue du"),
        ("pretrial", "a été placé en détention provisoire le 10 novembre 2023.", "placé en détention provisoire du"),
        ("administrative", "a été placé en détention administrative le 10 novembre 2023.", "administrative du"),
        ("immigration", "a été placé en rétention administrative le 10 novembre 2023.", "rétention administrative du"),
        ("house_arrest", "a été assigné à résidence le 10 novembre 2023.", "a été assigné à résidence du"),
        ("prison", "a été incarcéré le 10 novembre 2023.", "a été incarcéré du"),
        (
            "psychiatric",
            "a été hospitalisé sans son consentement en établissement psychiatrique le 10 novembre 2023.",
            "en établissement psychiatrique du",
        ),
        # review 18 D19: « sans que le régime juridique … soit connu », never « sous un régime juridique inconnu »
        (
            "unknown",
            "a été détenu à partir du 10 novembre 2023, sans que le régime juridique de sa détention soit connu.",
            "2024, sans que le régime juridique de sa détention soit connu.",
        ),
        ("other", "a été détenu à partir du 10 novembre 2023.", "a été détenu du"),
    ],
)
def test_each_kind_of_custody_is_told_as_a_french_lawyer_tells_it(
    tmp_path: Path, kind: str, since: str, between: str
) -> None:
    """D2 to D4: « placé en prison », « placé en détention sous un régime inconnu », « à compter du » after a
    placement (an event, dated « le »): each kind in its own words, from its start alone, between two dates, on
    one day."""
    text = _of_kind(tmp_path, kind, "    start: 2023-11-10\n", "since")
    assert f"M. P. {since}" in text
    assert "placé en prison" not in text and "régime inconnu" not in text.replace("régime juridique inconnu", "")
    ranged = _of_kind(tmp_path, kind, "    start: 2023-11-10\n    end: 2024-01-05\n", "between")
    assert between in ranged and "du 10 novembre 2023 au 5 janvier 2024" in ranged
    one_day = _of_kind(tmp_path, kind, "    start: 2023-11-10\n    end: 2023-11-10\n", "one-day")
    assert f"M. P. {since.replace('à partir du', 'le')}" in one_day and "du 10 au 10" not in one_day


@pytest.mark.parametrize(
    ("path", "said"),
    [
        # his parole of May 2019 came after the opinion: the file states the case as it was examined (held-but-ended)
        (NON_PARTY, "M. Cardet a été incarcéré le 20 mars 2017."),
        (NON_PARTY, "M. Cardet a été placé en garde à vue le 30 novembre 2016."),
        (FOUR, "Les intéressés ont été incarcérés en décembre 2022."),
        (
            FOUR,
            "Les intéressés ont été détenus à partir de 2021, sans que le régime juridique de leur détention soit"
            " connu.",
        ),
        (TWO, "Mme al-Qaradawi et M. Khalaf ont été placés en détention provisoire le 2 juillet 2017."),
        (TWO, "la détention provisoire du 2 juillet 2017 a été ordonnée par un procureur, et non par un juge"),
        (TWO, "Mme al-Qaradawi a été maltraitée pendant la détention provisoire du 2 juillet 2017"),
        (NON_PARTY, "M. Cardet n'a pas pu contester la garde à vue du 30 novembre 2016 devant un tribunal"),
    ],
)
def test_the_reviewed_drafts_say_each_period_as_a_lawyer_does(path: Path, said: str) -> None:
    """D2 to D4 on the drafts the review read: « M. Cardet a été placé en prison du 20 mars 2017 », « placés en
    détention sous un régime inconnu à compter de 2021 », « pendant la mesure de détention provisoire à compter du »."""
    assert said in _plain(path)


@pytest.mark.parametrize("path", REVIEWED)
def test_no_period_is_a_measure_dated_from(path: Path) -> None:
    """D4: « la mesure de garde à vue à compter du 30 novembre 2016 », a calque the review found in every template
    that names a period; and no kind in the words of D2 and D3."""
    text = _plain(path)
    assert "la mesure de " not in text and "mesure de détention" not in text
    assert "placé en prison" not in text and "placés en prison" not in text
    assert "détention sous un régime inconnu" not in text


def test_a_foreign_nationality_is_said_once() -> None:
    """D5: « Elle est de nationalité qatarienne. … Elle est de nationalité étrangère. »: the second sentence says
    nothing the first did not, for a national of a State other than the one detaining her."""
    text = _plain(TWO)
    assert "Ola Yusuf al-Qaradawi est de nationalité qatarienne. Elle avait 55 ans" in text
    assert "Elle est de nationalité étrangère." not in text


#: Instruments a French draft cites, as their citations open (« Pacte, art. … », « principe 16 … de l'Ensemble »).
_INSTRUMENTS = (
    "Pacte",
    "Déclaration universelle",
    "Ensemble de principes",
    "Déclaration sur la protection de toutes les personnes contre les disparitions forcées",
    "Convention contre la torture",
    "Convention de Vienne",
    "Déclaration sur les défenseurs des droits de l'homme",
    "Principes de base",
    "observation générale n° 32",
    "observation générale n° 35",
)


def _parentheses(text: str) -> list[str]:
    """Each outermost parenthesis of a text, without its brackets."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            start, depth = (i if depth == 0 else start), depth + 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append(text[start + 1 : i])
    return out


def _cited_twice(text: str) -> list[str]:
    """The citation parentheses of a text that cite one instrument in two places (« Pacte, … ; … ; Pacte, … »)."""
    twice = []
    for group in _parentheses(text):
        heads = [
            next((i for i in _INSTRUMENTS if part.startswith(i) or f"de l'{i}" in part), part)
            for part in group.split(" ; ")
        ]
        if len(heads) > 1 and len(set(heads)) < len(heads):
            twice.append(group)
    return twice


@pytest.mark.parametrize(
    "path",
    [
        *REVIEWED,
        ROOT / "cases" / "aivo-benin-2024.yaml",  # evidence withheld: « Pacte, art. 14 (par. 3 b) » twice
        ROOT / "cases" / "khalil-bahrain-2021.yaml",  # religion: « Pacte, art. 2 (par. 1) et 26 ; Pacte, art. 18 »
        THREE_LAWYERS,  # a defender's status: the Declaration on Human Rights Defenders twice
    ],
)
def test_each_instrument_is_cited_once_in_a_parenthesis(path: Path) -> None:
    """C4: « (principe 16 (par. 1) de l'Ensemble de principes ; … ; Ensemble de principes, principe 16) », the
    Declaration on enforced disappearance twice in one bracket: the rule's own citation, written in French, was
    not recognised, so the provisions merged after it cited it again."""
    assert _cited_twice(_plain(path)) == []


def test_a_family_is_told_under_the_body_of_principles_once() -> None:
    """C4, on the draft the review read (Mayangna, para. 23); since D15 the general comment that states the
    standard closes its citation."""
    text = _plain(FOUR)
    assert (
        "(Ensemble de principes, principe 16 (par. 1) ; Pacte, art. 9 (par. 1) ; Déclaration universelle, art. 9 ;"
        " observation générale n° 35, par. 58)" in text
    )
    assert "de l'Ensemble de principes ;" not in text


@pytest.mark.parametrize(
    ("path", "full", "short"),
    [
        (
            CONFESSION,
            "Convention contre la torture et autres peines ou traitements cruels, inhumains ou dégradants, art. 15",
            "(Convention contre la torture, art. 15)",
        ),
        (
            REVIEWED[-1],
            "Ensemble de principes pour la protection de toutes les personnes soumises à une forme quelconque de "
            "détention ou d'emprisonnement, principes 2, 4 et 10",
            "Ensemble de principes, principe 10",
        ),
        (REVIEWED[-1], "(Pacte, art. 9 (par. 1) ; Déclaration universelle des droits de l'homme, art. 3 et 9", ""),
        (
            NON_PARTY,
            "l'Ensemble de règles minima des Nations Unies pour le traitement des détenus (Règles Nelson Mandela)",
            "",
        ),
    ],
)
def test_an_instrument_is_named_in_full_at_its_first_mention(path: Path, full: str, short: str) -> None:
    """C6: « Convention contre la torture, art. 15 », never its official title: the title in full at the first
    mention, the short name after it, as the Working Group's French opinions cite a treaty."""
    text = _plain(path)
    assert full in text
    if short:
        assert text.index(full) < text.index(short)


def test_a_status_the_occupation_says_in_the_files_language_is_not_said_again() -> None:
    """« Il est [à traduire : human rights lawyer ; …]. Il est également avocat, défenseur … »: the occupation, typed
    in English, already says "lawyer"; its status is told only where it adds to it."""
    text = _plain(THREE_LAWYERS)
    assert (
        "Il est [à traduire : human rights lawyer ; member of the Pamiri Lawyers' Association]. Il est également "
        "défenseur des droits de l'homme et membre d'une minorité ethnique."
    ) in text
    assert "également avocat" not in text


def test_a_nationality_typed_in_another_language_is_set_apart_to_translate() -> None:
    """« Nazanin Zaghari-Ratcliffe est de nationalité United Kingdom and Iran (dual national) »: English words read as
    a French adjective (by their ending, « -an »), neither marked to translate nor French."""
    text = _plain(DUAL)
    assert (
        "Nazanin Zaghari-Ratcliffe est ressortissante de l'État suivant : [à traduire : United Kingdom and Iran (dual "
        "national)]."
    ) in text
    assert "de nationalité United Kingdom" not in text


def test_held_incommunicado_before_trial_names_the_period_once() -> None:
    """D4 and the new wording of III.incommunicado-before-trial: « détenue au secret pendant la détention (détention
    provisoire …) » would say the detention twice."""
    text = _plain(DUAL)
    assert "Mme Zaghari-Ratcliffe a été détenue au secret pendant la détention provisoire du 3 avril 2016, sans" in text
    assert "au secret pendant la détention (" not in text  # the period named in a sentence (T12-fr D16) is no repeat
