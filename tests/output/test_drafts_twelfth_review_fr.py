"""What the eleventh French pass left and the twelfth French review found (issue 31, task T12-fr), each checked on a
shipped case's draft or `wgad check` report so that the old wording fails. The expected words are how a French
lawyer, and the Working Group's French, name a custody and cite, never the engine's output."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from detention_rules import words

from ..conftest import ROOT
from .test_drafts_reviewed_in_french_and_spanish import drafted

FOUR = ROOT / "cases" / "mayangna-defenders-nicaragua-2024.yaml"  # one period from 2021, its kind unknown
TWELVE = ROOT / "cases" / "uae-munasaha-twelve-united-arab-emirates-2023.yaml"  # a detention from 2012
BRANG = ROOT / "cases" / "brang-yung-myanmar-2014.yaml"  # a detention from June 2012
REFERENCE = ROOT / "cases" / "ilyashev-kazakhstan-2022.yaml"


def _plain(text: str) -> str:
    """Text with its no-break spaces as spaces: the words are checked here, the typography elsewhere."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


@functools.cache
def _whole(lang: str, path: Path) -> str:
    """A case's draft in a language with its appendix (the drafter's notes on how it was reasoned)."""
    from detention_rules import application
    from detention_rules.input import source
    from detention_rules.output import draft_markdown
    from detention_rules.output.draft import build_joint
    from detention_rules.reasoning import runnable

    words.use(lang)
    try:
        book = runnable.load()
        return _plain(draft_markdown.render(build_joint(book, application.drafts(book, source.load(path), None))))
    finally:
        words.use("en")


def _checked(lang: str, path: Path, fmt: str = "text") -> str:
    """`wgad check --lang LANG` of a case, in its text or Markdown report."""
    from detention_rules.output import markdown, text
    from detention_rules.pipeline import check_file
    from detention_rules.reasoning import runnable

    words.use(lang)
    try:
        result = check_file(path, runnable.load())
        return _plain((text if fmt == "text" else markdown).render([result]))
    finally:
        words.use("en")


#: A period named by its kind and a month or a year alone: « la privation de liberté de 2021 ».
_BY_YEAR = re.compile(
    r"(?:la |l')(?:garde à vue|détention provisoire|détention administrative|rétention administrative|"
    r"assignation à résidence|incarcération|détention|privation de liberté) d(?:e |')(?:[a-zéû]+ )?\d{4}\b(?! au| à)"
)


@pytest.mark.parametrize(
    ("path", "said"),
    [
        (FOUR, "ni du lieu de détention pendant la privation de liberté commencée en 2021."),
        (FOUR, "aucun mandat d'arrêt n'a été présenté lors de l'arrestation effectuée en 2021."),
        (TWELVE, "les intéressés ont été maltraités pendant la détention commencée en 2012, au moment même"),
        (TWELVE, "aucun tribunal examinant la détention administrative commencée en 2022 ne pouvait ordonner"),
        (BRANG, "M. Brang Yung a été maltraité pendant la détention commencée en juin 2012"),
    ],
)
def test_a_custody_known_by_its_month_or_year_is_named_by_when_it_began(path: Path, said: str) -> None:
    """« pendant la privation de liberté de 2021 », « la détention de 2012 »: a custody is no event of a year; a
    lawyer names it by when it began, as a day's date names it (« la garde à vue du 30 novembre 2016 »)."""
    text = _plain(drafted("fr", path))
    assert said in text
    assert not _BY_YEAR.search(text), _BY_YEAR.search(text)


def test_a_custody_known_by_its_day_keeps_its_date() -> None:
    """What was right stays so: a period that began on a known day is « la garde à vue du 30 novembre 2016 »."""
    text = _plain(drafted("fr", ROOT / "cases" / "cardet-cuba-2018.yaml"))
    assert "n'a pas pu contester la garde à vue du 30 novembre 2016 devant un tribunal" in text
    assert "commencée en" not in text


def test_the_check_dates_a_custody_as_the_draft_does() -> None:
    """`wgad check --lang fr` printed « à compter du [à traduire : 2021] » (a year the file typed, taken for its
    English words) and « à compter du décembre 2022 »; a period of unknown kind was « garde à vue », which is
    police custody alone, in the draft's questions."""
    said = _checked("fr", FOUR)
    assert "régime juridique inconnu à compter de 2021." in said
    assert "prison à compter de décembre 2022." in said
    assert "lors de l'arrestation effectuée en 2021." in said
    for wrong in ("[à traduire : 2021]", "du 2021", "du décembre"):
        assert wrong not in said
    questions = _whole("fr", FOUR).split("## Raisonnement suivi", 1)[1]
    assert "(détention à partir de 2021) (detention[0].kind)" in questions
    assert "garde à vue à partir de 2021" not in questions


def _variant(tmp_path: Path, path: Path, name: str, *edits: tuple[str, str]) -> Path:
    """A shipped case with some of its lines edited (`edits`: old, new), written to a file of its own."""
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    case = tmp_path / name
    case.write_text(text, encoding="utf-8")
    return case


#: A reference the Mayangna file gives in English, with semicolons of its own.
_PRISON = "facts note, Charges, trial and sentence; Treatment and conditions (life sentence; Jorge Navarro prison)"
_WARRANT = "facts note, Arrest (no judicial warrant shown)"


def test_the_files_own_references_are_quoted_as_typed_and_labelled_in_the_appendix() -> None:
    """The appendix printed « detention[1].kind = prison (facts note, Charges, trial and sentence ; Treatment and
    conditions (life sentence ; Jorge Navarro prison)) »: the drafter's English, unlabelled, re-punctuated as French.
    Kept (it says where to check each fact), as typed and named for what it is; the English draft as before."""
    appendix = _whole("fr", FOUR).split("## Raisonnement suivi", 1)[1]
    labelled = f"(référence du dossier, en anglais : « {_PRISON} »)"
    assert f"detention[1].kind = prison {labelled}, ligne 65 du dossier" in appendix
    assert f"arrest.warrant_shown = false (référence du dossier, en anglais : « {_WARRANT} »)" in appendix
    assert "sentence ; Treatment" not in appendix and "(facts note" not in appendix
    spanish = _whole("es", FOUR).split("## Razonamiento", 1)[1]
    assert f"(referencia del expediente, en inglés: “{_WARRANT}”)" in spanish  # “ ” (review 18, D31)
    english = _whole("en", FOUR)
    assert f"arrest.warrant_shown = false ({_WARRANT}), case file line 44" in english
    assert "case file's reference" not in english


def test_the_check_quotes_the_files_references_as_typed_and_labelled() -> None:
    """`wgad check --lang fr` printed « [facts note, Arrest : no judicial warrant shown] » (its note flattened with a
    French colon) and the Markdown report « (facts note, Arrest (no judicial warrant shown)) » under the file's
    English title (« … v. Nicaragua »)."""
    said = _checked("fr", FOUR)
    assert f"fait arrest.warrant_shown = false (ligne 44) [référence du dossier, en anglais : « {_WARRANT} »]" in said
    assert f"[référence du dossier, en anglais : « {_PRISON} »]" in said
    assert "Arrest : no judicial" not in said
    marked = _checked("fr", FOUR, "markdown")
    assert f"ligne 44 (référence du dossier, en anglais : « {_WARRANT} »)" in marked
    assert marked.startswith("# Ignacio Celso Lino, Argüello Celso Lino, Donald Andrés Bruno Arcángel et Dionisio")
    assert " v. Nicaragua" not in marked
    assert f"fact arrest.warrant_shown = false (line 44) [{_WARRANT}]" in _checked("en", FOUR)


def test_a_reference_to_paragraphs_alone_is_cited_not_labelled(tmp_path: Path) -> None:
    """Paragraph numbers are no words of a language: the drafter's own file (no `source:` block) cites « (par. 11,
    69) » in the appendix as in the facts, never « référence du dossier, en anglais : « paras 11, 69 » »; a note
    beside them is quoted apart. They are listed as French lists paragraphs, « par. 11 et 69 », as the eighteenth
    review (D26) asked of the appendix's « (par. 20-22, 87) »."""
    own = _own(tmp_path)
    appendix = _whole("fr", own).split("## Raisonnement suivi", 1)[1]
    assert "arrest.warrant_shown = false (par. 11 et 69), ligne 39 du dossier" in appendix
    assert "paras 11, 69" not in appendix and "(par. 11, 69)" not in appendix
    # its note apart, quoted as typed: « (par. 80 (no evidence …)) » mixed the drafter's English into the citation
    assert (
        "(par. 80 ; note du dossier, en anglais : « no evidence that the posts incited violence or unrest »)"
        in appendix
    )


def _own(tmp_path: Path) -> Path:
    """The reference case as its drafter's own file: no `source:` block, so that its references are cited as
    evidence (`test_draft_as_filed`)."""
    case = tmp_path / "ilyashev-own.yaml"
    text = re.sub(r"(?ms)^source:\n.*?(?=^expected:)", "", REFERENCE.read_text(encoding="utf-8"))
    case.write_text(text, encoding="utf-8")
    return case


def test_a_references_note_in_english_is_set_apart_in_a_french_sentence(tmp_path: Path) -> None:
    """The facts of a drafter's own file cite its references: « Il a été traduit devant un juge le 18 avril 2020
    (par. 16 : investigating magistrate). », English inside a French sentence, as if French; now set apart to
    translate, as the drafter's other words are (the paragraph numbers listed as French lists them, review 18 D26)."""
    text = _plain(drafted("fr", _own(tmp_path)))
    assert "juge le 18 avril 2020 (par. 16 : [à traduire : investigating magistrate])." in text
    assert "(par. 16, 17 et 81 : [à traduire : held until the trial concluded])" in text
    assert "(par. 11 et 69)" in text and "(par. 16 : investigating" not in text


def test_a_french_files_references_are_labelled_in_an_english_draft(tmp_path: Path) -> None:
    """The same treatment in every language: a file written in French (`language: fr`) drafted in English quotes
    its French reference as typed, named for what it is."""
    french = _variant(
        tmp_path,
        FOUR,
        "mayangna-fr.yaml",
        (f'ref: "{_WARRANT}"', 'ref: "note des faits, Arrestation (aucun mandat présenté)"'),
        ("\nsource:\n", "\nlanguage: fr\nsource:\n"),
    )
    english = _whole("en", french)
    said = "(the case file's reference, in French: “note des faits, Arrestation (aucun mandat présenté)”)"
    assert f"arrest.warrant_shown = false {said}, case file line" in english
    assert "(note des faits" not in english


TWO = ROOT / "cases" / "qaradawi-khalaf-egypt-2018.yaml"  # a woman and a man, never tried
NON_PARTY = ROOT / "cases" / "cardet-cuba-2018.yaml"


@pytest.mark.parametrize(
    ("path", "said", "never"),
    [
        # D2: an attribute agrees with a plural subject
        (TWO, "Mme al-Qaradawi et M. Khalaf ont été traités en coupables par les autorités", "traités en coupable "),
        # D3: French repeats the possessive before each noun; « en faveur des droits de l'homme »
        (
            FOUR,
            "partageant leur origine ethnique et leur engagement en faveur des droits de l'homme",
            "origine ethnique et engagement",
        ),
        # D4: « de » repeated before each of several names after a noun
        (TWO, "l'accès de Mme al-Qaradawi et de M. Khalaf à un conseil", "l'accès de Mme al-Qaradawi et M. Khalaf"),
        # D15: a conduct typed as an English gerund follows « en » (« en dirigeant … »), never hangs after the right
        (NON_PARTY, "son droit à la liberté d'association en [à traduire : leading the Christian", "association [à"),
        (FOUR, "la réalisation des droits de l'homme en [à traduire : defending", "l'homme [à traduire"),
        # D18: « prises ensemble », a calque of "taken together"
        (TWO, "Considérées dans leur ensemble, ces violations", "Prises ensemble"),
        # D13: « motif protégé », a calque of "protected ground"
        (TWO, "fondée sur un motif de discrimination interdit", "motif protégé"),
        # D12: « sur la base de laquelle », a calque of "on the basis of which"
        (
            ROOT / "cases" / "ilyashev-kazakhstan-2022.yaml",
            "constitue en elle-même une « autre situation » au sens du paragraphe 1 de l'article 2 et de l'article 26"
            " du Pacte",
            "sur la base de laquelle",
        ),
        # D16: the rule's tag in a parenthesis, « détenus au secret (régime juridique inconnu) à compter de 2021 »
        (
            FOUR,
            "les intéressés ont été détenus au secret pendant la privation de liberté commencée en 2021.",
            "secret (",
        ),
        (
            TWELVE,
            "les intéressés ont été détenus au secret pendant la détention commencée en 2012.",
            "secret (détention",
        ),
        # D24: « appréhension » is fear in ordinary French
        (FOUR, "immédiatement après leur arrestation", "appréhension"),
    ],
)
def test_the_twelfth_reviews_patterns(path: Path, said: str, never: str) -> None:
    """The twelfth French review's defects that recur from one template (review-fr.md, D2 to D4, D12, D13, D15,
    D16 in part, D18, D24): each in the words a French lawyer, and the United Nations' French, use."""
    text = _plain(drafted("fr", path))
    assert said in text
    assert never not in text
