"""Issue 29: a draft a lawyer files as written. Every case shipped (cases/, cases/teaching/, cases/blind/)
and every case in tests/output/prose_cases/ (written from `wgad new` with unusual values) is drafted, each of its
people, in Markdown, HTML and Word, and its text outside the appendix is read for machine text: a field's
question, a field path, a rule id, "The source answers", a doubled article, an ISO date, a fact told twice."""

from __future__ import annotations

import functools
import html as html_lib
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from detention_rules import application, words
from detention_rules.input import detainees, source
from detention_rules.input.case import field_types
from detention_rules.input.fields import questionnaire
from detention_rules.law import citation
from detention_rules.output import draft_docx, draft_html, draft_markdown, narrative
from detention_rules.output.document import Stage
from detention_rules.output.draft import build, build_joint
from detention_rules.reasoning import runnable

from ..conftest import ROOT, refs_in

PROSE_CASES = ROOT / "tests" / "output" / "prose_cases"
FILES = sorted(
    [*ROOT.glob("cases/*.yaml"), *ROOT.glob("cases/teaching/*.yaml"), *ROOT.glob("cases/blind/*.yaml")]
) + sorted(PROSE_CASES.glob("*.yaml"))
APPENDIX = "How this draft was reasoned"


#: Openings that read as a form filled in, not as a lawyer's narrative.
SET_OPENINGS = (
    "is described as follows",
    "In this, ",
    "This took place",
    "This period of detention",
    "The medium used",
    "The provision invoked",
    "The provisions invoked",
    "The State concerned is",
)


def _people(path: Path) -> Iterator[tuple[Path, int | None]]:
    count = detainees.count(source.load(path))
    yield from ((path, i) for i in range(1, count + 1)) if count else [(path, None)]


PEOPLE = [p for path in FILES for p in _people(path)]


@functools.cache
def _book() -> runnable.Runnable:
    return runnable.load()


@functools.cache
def _rule_ids() -> frozenset[str]:
    return frozenset(rule.id for rule in _book().rules)


@functools.cache
def _paths() -> re.Pattern[str]:
    """Any field path of the model, generic (`detention[].start`) or numbered (`detention[0].start`)."""
    names = sorted({n for f in field_types() for n in (f, f.replace("[]", "[0]"))}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names if "." in n) + r")(?![\w(])")


def _bodies(path: Path, detainee: int | None, stage: Stage = "first") -> dict[str, str]:
    """The draft's text before its appendix, in each format."""
    result, asked = application.draft(_book(), source.load(path), detainee)
    made = build(_book(), result, asked, stage=stage)
    md = draft_markdown.render(made).split(f"## {APPENDIX}")[0]
    page = draft_html.render(made).split("<aside")[0]
    page = html_lib.unescape(re.sub(r"<[^>]+>", " ", page.split("<body")[1]))
    document = docx.Document(io.BytesIO(draft_docx.render_bytes(made)))
    lines = []
    for p in document.paragraphs:
        if p.text == APPENDIX:
            break
        lines.append(p.text)
    return {"markdown": md, "html": page, "docx": "\n".join(lines)}


def _facts(md: str) -> str:
    """The parts that tell the facts, the person's identity to the circumstances (the model questionnaire's
    order), as the translation file names them."""
    say = words.load("draft")["draft"]
    heads = [*say["parts"].values(), say["identity_joint"]]
    parts = re.split(r"^## (.*)$", md, flags=re.M)
    return "\n".join(body for head, body in zip(parts[1::2], parts[2::2], strict=True) if head in heads)


def _typed(node: Any) -> list[str]:
    """The sentences a drafter typed (a string of several words): told as written, whatever dates they hold
    ("appeal dismissed on 2015-08-20")."""
    if isinstance(node, dict):
        return [s for v in node.values() for s in _typed(v)]
    if isinstance(node, list):
        return [s for v in node for s in _typed(v)]
    return [node] if isinstance(node, str) and " " in node.strip() else []


#: One clause told for two stages of the proceedings ("before trial, ... was restricted; at trial, ... was
#: restricted"): said once, "before and at trial".
_REPEATED_STAGE = re.compile(r"before trial, [^;]*?\b(\w+); at trial, [^;]*?\b\1(?=[;.]| \()")
#: A parenthesis of citations: an instrument's name opening it or after "; ".
_INSTRUMENT = re.compile(r"(?:^|; )(" + "|".join(map(re.escape, citation.INSTRUMENTS)) + r") ")


#: A referral's reasons ("as to category V (detained for ...)", "the conditions of detention (...)"), and a
#: reason that hedges where the limb that held is known: "political, defender's or journalist's activity",
#: "tortured or ill-treated".
_REFERRAL_REASONS = re.compile(r"(?:category [IV]+|conditions of detention) \(((?:[^()]|\([^()]*\))*)\)")
_HEDGED_REASON = re.compile(r"\b[\w']+, [\w' ]+? or (?!more\b|less\b)[\w']+|\b\w+ed or \w+ed\b|\btorture or\b")


#: a sentence's slot left unfilled ("{name}", "{podía}"): the template shows through
_PLACEHOLDER = re.compile(r"\{[^{}\s]{1,40}\}")


def _cited_twice(text: str) -> list[str]:
    """The instruments one parenthesis of citations names twice ("ICCPR 14(3)(b); ICCPR 14(3)(d)"), or an
    article it cites twice ("ICCPR 14(3)(b), 14(3)(d)"; "arts 1, 1"): a lawyer cites each once."""
    twice = []
    for inside in re.findall(r"\(((?:[^()]|\([^()]*\))*)\)", text):
        named = _INSTRUMENT.findall(inside)
        twice += [n for n in set(named) if named.count(n) > 1]
        for item in inside.split("; "):
            if not _INSTRUMENT.match(item):
                continue
            pins = re.findall(r"(?<![\w/(])\d+(?:\(\w+\))*", item)
            heads = [re.sub(r"\(\w+\)$", "", p) for p in pins if p.endswith(")")]
            if len(set(pins)) < len(pins) or len(set(heads)) < len(heads):
                twice.append(item)
    return twice


@pytest.mark.parametrize(("path", "detainee"), PEOPLE, ids=[f"{p.stem}-{d or 0}" for p, d in PEOPLE])
def test_a_draft_reads_as_prose(path: Path, detainee: int | None) -> None:
    # a reference as the file gives it (whole), or as a sentence prints it (narrative.refs): each part, its
    # note and "per" apart (the facts print a note flat after its paragraphs: "paras 76, 80: note")
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    whole = refs_in(doc)
    by = words.load("draft")["draft"]["ref_by"]
    note = r" \((?:[^()]|\([^()]*\))*\)"
    parts = {p.removeprefix(by) for ref in whole for p in re.sub(note, "", ref).split("; ")}
    flat = {narrative.flat(p, words.load("draft")) for ref in whole for p in [ref, *ref.split("; ")]}
    notes = {n[2:-1] for ref in whole for n in re.findall(note, ref)}
    noted = {n for r in whole for n in re.findall(note, r)}
    refs = sorted({*whole, *flat, *parts, *notes, *noted}, key=len, reverse=True)
    questions = [q.question for q in questionnaire().values() if q.question]
    for fmt, text in _bodies(path, detainee).items():
        where = f"{path.name} ({fmt})"
        assert "The source answers" not in text, where
        assert not [o for o in SET_OPENINGS if o in text], (where, [o for o in SET_OPENINGS if o in text])
        assert not [q for q in questions if q in text], where
        assert not _paths().findall(text), (where, _paths().findall(text))
        assert not re.search(r"\w\[\d*\]", text), where
        assert not [r for r in _rule_ids() if re.search(rf"(?<![\w.]){re.escape(r)}(?![\w-])", text)], where
        assert not re.search(r"\b(?:the|a|an) (?:the|a|an|his|her|their|its)\b", text, flags=re.I), where
        # a pinpoint's brackets, as the Working Group writes them ("article 14 (3) (b)"), are no parenthesis
        in_a_row = re.search(r" \((?![0-9a-z]{1,3}\))(?:[^()]|\([^()]*\))*\) \(", text)
        assert not in_a_row, (where, "two parentheses in a row")
        assert not _cited_twice(text), (where, _cited_twice(text))
        hedged = [r for r in _REFERRAL_REASONS.findall(text) if _HEDGED_REASON.search(r)]
        assert not hedged, (where, hedged)
        assert not _REPEATED_STAGE.search(text), (where, _REPEATED_STAGE.search(text))
        plain = text
        for ref in [*refs, *_typed(doc)]:  # the drafter's own citations and sentences are printed as written
            plain = plain.replace(ref, "")
        iso = r"(?<!\bLaw )(?<!\bNo\. )\b\d{4}-\d{2}(?:-\d{2})?\b"  # a law's number ("Law 2015-26") is no date
        assert not re.search(iso, plain), (where, re.findall(r"\S*\d{4}-\d{2}\S*", plain))
        assert not _PLACEHOLDER.search(plain), (where, _PLACEHOLDER.findall(plain))
        if fmt == "markdown":
            split = r"(?<=[.)])(?<!\bMr\.)(?<!\bMs\.)\s+(?=[A-Z])"  # not after a title: "On 12 May, Mr."
            sentences = [s for s in re.split(split, _facts(text)) if len(s.split()) >= 5]
            typed = _typed(doc)  # a sentence the drafter typed in two narratives is told as written, twice
            twice = {s for s in sentences if sentences.count(s) > 1 and not any(s in t for t in typed)}
            assert not twice, (where, twice)


def test_every_field_the_draft_can_show_has_its_sentence() -> None:
    """A field with no sentence used to be told as its question and "The source answers"."""
    facts = words.load("draft")["facts"]
    told = set(narrative.sentence_fields(words.load("draft")))
    shown = {f for f in field_types() if f.split(".")[0].split("[")[0] in facts["sections"]}
    assert not shown - told, sorted(shown - told)
    for name, sentence in facts["sentences"].items():  # a sentence for each answer, where answers have theirs
        ftype = field_types().get(name)
        if ftype is not None and ftype.kind == "bool":
            assert isinstance(sentence, dict) and set(sentence) == {True, False}, name
        elif isinstance(sentence, dict) and ftype is not None and ftype.kind == "enum":
            assert set(sentence) == set(ftype.choices), name


def test_the_new_cases_hold_what_they_were_written_to_show() -> None:
    """The ten cases of tests/output/prose_cases/: each unusual value is in one of them."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in PROSE_CASES.glob("*.yaml")}
    assert len(texts) == 10
    joined = "\n".join(texts.values())
    assert re.search(r"date: \"?\d{4}-\d{2}\"?\s", joined) and re.search(r"date: \"?\d{4}\"?\s", joined)
    assert any(re.search(r"^  sex: *(#.*)?$", t, flags=re.M) for t in texts.values())  # a sex not known
    assert re.search(r"place: (?:the|a|her|his) ", joined)
    assert re.search(r"^detainees:\n  - person:", joined, flags=re.M) and "held: false" in joined  # no trial


#: What each new case was written to show, as its draft tells it.
TOLD = {
    "partial-dates": ["Ms. K. was born in 1990.", "arrested in February 2025", "sentenced to five years' imprisonment"],
    "unknown-sex": ["Alex Morgan is Iranian.", "at a bakery in the old town", "Morgan has not been tried."],
    "place-with-article": ["at her home", "held at the central prison", "the Russian Federation", "in the United"],
    "no-trial-solitary": [
        "Mr. B. is still detained.",
        "arrested on 3 March 2025 in the street",
        "solitary confinement for 20",
    ],
    "government-says": [
        "Ms. Wu was arrested",
        "According to the Government, a warrant was shown",
        "from 20 to 25 January",
    ],
    "own-narrative": ["Mr. Diallo, a teacher, led", "He first saw a lawyer on day 40"],
    # of one sex, named in full once, then by title and family name, as the Working Group names several people
    "group-in-one-name": [
        "Ali Hassan, Yusuf Karim and Nabil Omar",
        "Mr. Hassan, Mr. Karim and Mr. Omar were arrested in",
    ],
    "initials-other-sex": ["A. B. is an activist.", "exercised their right", "In December 2020, A. B. exercised"],
    "lengths-and-lists": ["a former mayor and a member", "rebellion, insulting the President and money laundering"],
}


@pytest.mark.parametrize("name", sorted(TOLD))
def test_each_new_case_is_told_as_written(name: str) -> None:
    stage: Stage = "comments" if name == "government-says" else "first"  # the Government's word: in comments
    facts = _facts(_bodies(PROSE_CASES / f"{name}.yaml", None, stage)["markdown"])
    for phrase in TOLD[name]:
        assert phrase in facts, (phrase, facts)
    if name == "own-narrative":  # the narrative tells the date, the officers and the warrant: not told again
        assert facts.count("arrested") == 1 and facts.count("plain-clothes") == 1 and "No arrest warrant" not in facts


def test_each_person_of_several_is_told_in_their_own_name() -> None:
    first, second = (_facts(_bodies(PROSE_CASES / "several-detainees.yaml", i)["markdown"]) for i in (1, 2))
    assert "Ms. Said was arrested on 15 October 2024 at the university library" in first
    assert "Tomas Lee was 21 years old at the time of their arrest" in second and "Lee has not been tried" in second


def test_the_name_the_draft_uses_is_redacted_too(tmp_path: Path) -> None:
    """`person.called` may hold a word the name does not ("Ms. Nightingale"): --redact replaces it too."""
    case = tmp_path / "c.yaml"
    text = (PROSE_CASES / "government-says.yaml").read_text(encoding="utf-8")
    case.write_text(text.replace("called: Ms. Wu", "called: Ms. Nightingale"), encoding="utf-8")
    result, asked = application.draft(_book(), source.load(case), None)
    out = draft_markdown.render(build(_book(), result, asked, redact=True))
    assert "Nightingale" not in out and "Wu" not in out and "Ms. N." in out


def test_a_fact_is_told_or_argued_never_both() -> None:
    """A legal characterisation is the argument's: a sentence for it among the facts could never be told."""
    facts = words.load("draft")["facts"]
    assert not set(facts["sentences"]) & set(facts["argued"])


def test_a_joint_part_told_once_keeps_the_non_party_paragraph(tmp_path: Path) -> None:
    """The circumstances the detainees share are told of them all: the paragraph on a State not party to
    the Covenant goes with them (it was added to each person's own telling only)."""
    path = tmp_path / "non-party.yaml"
    path.write_text(NON_PARTY_PAIR, encoding="utf-8")
    people = application.drafts(_book(), source.load(path), None)
    made = draft_markdown.render(build_joint(_book(), people, appendix=False))
    assert "## The circumstances\n\n### " not in made  # their circumstances are told once, of them all
    assert "Ms. Uno and Mr. Dos exercised their right of peaceful assembly" in made
    assert "the Working Group applies the Universal Declaration" in made  # the non-party paragraph


#: Two detainees whose facts are the same but for their names, held by a State not party to the Covenant.
NON_PARTY_PAIR = """\
title: Two protesters v. State N
state: {name: State N, iccpr_party: false}
arrest: {date: 2024-03-02, warrant_shown: false}
detention:
  - {kind: pretrial, start: 2024-03-02}
conduct:
  - {right: assembly, description: a peaceful protest, date: 2024-03-01, peaceful: true, cited_by_authorities: true}
detainees:
  - person: {name: Ana Uno, sex: female}
  - person: {name: Ben Dos, sex: male}
"""


@pytest.mark.parametrize(
    ("extended_by", "extensions", "told"),
    [
        ("prosecutor", 2, "A prosecutor ordered the detention and extended it twice."),
        ("judge", 3, "The detention was ordered by a prosecutor and extended three times by a judge."),
        ("prosecutor", 1, "A prosecutor ordered the detention and extended it once."),
        ("prosecutor", 12, "A prosecutor ordered the detention and extended it 12 times."),
        ("", 0, "The detention was never extended."),
    ],
)
def test_how_often_the_detention_was_extended_is_told(
    tmp_path: Path, extended_by: str, extensions: int, told: str
) -> None:
    """ "A prosecutor ordered it and extended it twice" could not be said: no field counted the extensions."""
    path = tmp_path / "extended.yaml"
    by = f"extended_by: {extended_by}, " if extended_by else ""
    path.write_text(
        "person: {name: Ana Uno, sex: female}\narrest: {date: 2023-03-01}\ndetention:\n"
        f"  - {{kind: pretrial, start: 2023-03-01, ordered_by: prosecutor, {by}extensions: {extensions}}}\n",
        encoding="utf-8",
    )
    assert told in _facts(_bodies(path, None)["markdown"])


def _joint(tmp_path: Path, text: str) -> str:
    path = tmp_path / "joint.yaml"
    path.write_text(text, encoding="utf-8")
    people = application.drafts(_book(), source.load(path), None)
    return draft_markdown.render(build_joint(_book(), people, appendix=False))


def test_a_joint_part_names_each_detainee_and_asks_where_each_is_held(tmp_path: Path) -> None:
    """A joint part called them "the persons concerned" after their names, and asked "where the person is
    held now" of several."""
    made = _joint(tmp_path, (PROSE_CASES / "several-detainees.yaml").read_text(encoding="utf-8"))
    assert "Ms. Said and Tomas Lee were held in police custody" in made
    assert "the persons concerned" not in _facts(made).casefold()
    assert "where each of them is held now" in made and "where the person is held now" not in made


def test_what_detainees_share_is_told_once_and_what_differs_under_each_name(tmp_path: Path) -> None:
    """One was tried, the other not: the State and the protest they share were told twice, once per person."""
    made = _joint(tmp_path, (PROSE_CASES / "several-detainees.yaml").read_text(encoding="utf-8"))
    circumstances = made.split("## The circumstances")[1].split("## Why")[0]
    assert circumstances.count("State J") == 1 and circumstances.count("sit-in") == 1
    assert "### Tomas Lee" in circumstances and "### Mariam Said" not in circumstances
    assert "Tomas Lee has not been tried." in circumstances


def test_two_detainees_of_one_surname_are_never_both_mr_surname(tmp_path: Path) -> None:
    """Father and son, both "Mr. Namazi": a sentence in that name leaves the reader to guess which one."""
    made = _joint(tmp_path, NON_PARTY_PAIR.replace("Ana Uno, sex: female", "Ana Dos, sex: male"))
    assert "Mr. Dos" not in made and "Ana Dos and Ben Dos exercised their right" in made


def test_a_plural_subject_takes_plural_words(tmp_path: Path) -> None:
    """ "Siamak Namazi and Mohammed Baquer Namazi are a civilian": a noun after the verb agrees too."""
    trial = "trial: {held: true, court: military, accused_civilian: true}\n"
    pair = NON_PARTY_PAIR.replace("detainees:", trial + "detainees:")
    made = _joint(tmp_path, pair)
    assert "Ms. Uno and Mr. Dos were tried. The case was heard by a military court. They are civilians." in made, made
    # the argument names them as the facts do once named in full: by their titles ("Ms. Uno and Mr. Dos")
    assert "Ms. Uno and Mr. Dos, civilians, were tried by a military court" in made, made


@pytest.mark.parametrize(("court", "told"), [("military", True), ("ordinary", False), ("state_security", False)])
def test_a_civilian_is_told_only_beside_a_military_court(tmp_path: Path, court: str, told: bool) -> None:
    """ "Mr. Ilyashev is a civilian": a status a lawyer writes only where it matters."""
    path = tmp_path / "civilian.yaml"
    path.write_text(
        f"person: {{name: Ana Uno, sex: female}}\ntrial: {{held: true, court: {court}, accused_civilian: true}}\n",
        encoding="utf-8",
    )
    assert ("She is a civilian." in _facts(_bodies(path, None)["markdown"])) is told


def test_a_first_name_that_is_also_a_particle_is_a_first_name() -> None:
    """ "Ben Dos" was "Mr. Ben Dos": "ben" is a particle only in lower case, or after the first name."""
    spec = words.load("draft")["facts"]["person"]
    assert narrative.surname("Ben Dos", spec) == "Dos"
    assert narrative.surname("Ali ben Salah", spec) == "ben Salah"
    assert narrative.surname("de la Cruz", spec) == "de la Cruz"


def test_one_reading_of_a_date_for_the_facts_and_the_argument() -> None:
    """draft._DATE copied narrative's ISO pattern; the argument now asks narrative whether a value is a date."""
    assert all(narrative.is_date(d) for d in ("2020", "2020-04", "2020-04-17"))
    assert not any(narrative.is_date(d) for d in ("17 April 2020", "2020-04-17T10:00", "para 2020", "12"))


@pytest.mark.parametrize(
    ("description", "told"),
    [
        (
            "three posts criticising the party",
            "In March 2020, Ms. Uno exercised her right to freedom of expression "
            "through three posts criticising the party.",
        ),
        (
            "leading the opposition party",
            "In March 2020, Ms. Uno exercised her right to freedom of expression by leading the opposition party.",
        ),
        (
            "took part in the protests",
            "In March 2020, Ms. Uno took part in the protests. She thereby "
            "exercised her right to freedom of expression.",
        ),
        ("founded an NGO", "In March 2020, Ms. Uno founded an NGO. She thereby exercised"),
        ("alleged links with a movement", "exercised her right to freedom of expression through alleged links"),
    ],
)
def test_the_conduct_is_told_as_narrative(tmp_path: Path, description: str, told: str) -> None:
    """ "The conduct at issue is described as follows: ...": the conduct told in the person's name."""
    path = tmp_path / "conduct.yaml"
    path.write_text(
        "person: {name: Ana Uno, sex: female}\n"
        f"conduct:\n  - {{right: expression, description: {description}, date: 2020-03, peaceful: true}}\n",
        encoding="utf-8",
    )
    assert told in _facts(_bodies(path, None)["markdown"])


def test_a_date_the_description_gives_is_not_told_again(tmp_path: Path) -> None:
    path = tmp_path / "dated.yaml"
    path.write_text(
        "person: {name: Ana Uno, sex: female}\nconduct:\n  - {right: assembly, date: 2014-02-12, "
        "description: called the demonstration of 12 February 2014}\n",
        encoding="utf-8",
    )
    facts = _facts(_bodies(path, None)["markdown"])
    assert facts.count("12 February 2014") == 1, facts


def test_facts_of_one_kind_are_told_in_one_sentence(tmp_path: Path) -> None:
    """ "Before trial, his access to counsel was restricted. At trial, his access to counsel was restricted."
    and "The State concerned is X. The State is a party to ..." """
    path = tmp_path / "one.yaml"
    path.write_text(
        "person: {name: Ana Uno, sex: female}\nstate: {name: Kazakhstan, iccpr_party: true}\n"
        "trial: {held: true, counsel: {access_pretrial: restricted, access_trial: restricted}}\n"
        "conduct:\n  - {right: assembly, description: a protest, political: true, peaceful: true, "
        "incited_violence: false}\n",
        encoding="utf-8",
    )
    facts = _facts(_bodies(path, None)["markdown"])
    assert "Before and at trial, her access to counsel was restricted." in facts
    assert "Kazakhstan is a party to the International Covenant" in facts and "State concerned" not in facts
    assert "This was a peaceful exercise of her rights on a political matter; there is no evidence that it" in facts


@pytest.mark.parametrize(
    ("start", "end", "told"),
    [
        ("2020-04-18", "2020-06", "18 April to June 2020"),
        ("2020-04", "2020-06-03", "April to 3 June 2020"),
        ("2020-04", "2021-06", "April 2020 to June 2021"),
        ("2020-06-12", "2020-06-22", "12 to 22 June 2020"),
        ("2020", "2021", "2020 to 2021"),
    ],
)
def test_a_range_names_its_year_once(start: str, end: str, told: str) -> None:
    """ "from 18 April 2020 to June 2020": one year, said once."""
    assert narrative.date_range(start, end, words.load("draft")) == told


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        ("on a bus to Almaty", "on a bus to Almaty"),
        ("her home", "at her home"),
        ("a bakery", "at a bakery"),
        # a place named by common nouns, capitalised or not, takes "the"; a proper name does not
        ("Temporary Detention Facility of Almaty", "at the Temporary Detention Facility of Almaty"),
        ("Temporary Detention Facility, then SIZO, Almaty", "at the Temporary Detention Facility, then SIZO, Almaty"),
        ("Evin Prison", "at Evin Prison"),
        ("SIZO No. 1 in Tashkent", "at SIZO No. 1 in Tashkent"),
        ("Central Prison", "at the Central Prison"),
    ],
)
def test_a_place_keeps_the_preposition_the_drafter_wrote(typed: str, told: str) -> None:
    # "on" unquoted in the translation file is YAML 1.1's true, and "on a bus" became "at the on a bus"
    assert narrative.place(typed, words.load("draft")) == told


@pytest.mark.parametrize(
    ("cited", "facts", "argument"),
    [
        (["para 11", "para 16"], "paras 11, 16", "paras 11, 16"),
        (["paras 76, 80", "para 80 (no evidence)"], "paras 76, 80: no evidence", "paras 76, 80"),
        (["paras 20-22, 87", "para 24"], "paras 20-22, 24, 87", "paras 20-22, 24, 87"),
        (["facts note, Arrest", "para 3"], "para 3; facts note, Arrest", "para 3; facts note, Arrest"),
        (["per DAWN", "DAWN"], "per DAWN", "DAWN"),
        (["DAWN (a)", "per DAWN (a)", "DAWN (b)"], "per DAWN: a, b", "DAWN"),
        (
            ["paras 18, 88 (two meetings)", "para 89 (at trial)"],
            "paras 18, 88, 89: two meetings, at trial",
            "paras 18, 88, 89",
        ),
        (["para 44 (contested); per  JAR (a; b)", "para 44"], "para 44: contested; per JAR: a, b", "para 44; JAR"),
        (["paras 5-6", "para 5-6"], "paras 5-6", "paras 5-6"),
        (
            ["per HRW", "report para 68 (a)", "report para 67"],
            "per HRW; report paras 67, 68: a",
            "HRW; report paras 67, 68",
        ),
        (
            ["petition para 4", "para 9", "petition para 2 (x)"],
            "para 9; petition paras 2, 4: x",
            "para 9; petition paras 2, 4",
        ),
    ],
)
def test_a_sentence_cites_its_references_as_a_lawyer_writes_them(cited: list[str], facts: str, argument: str) -> None:
    """The facts printed "(para 11; para 16)" and "(paras 76, 80; para 80 (no evidence ...))", and the
    argument merged paragraphs with a copy of its own: one merger now, the facts keeping each note once,
    flat after the paragraphs (a sentence's parenthesis holds them: never one inside it), the argument
    leaving notes and "per" to the facts."""
    w = words.load("draft")
    assert narrative.refs(cited, w) == facts
    assert narrative.refs(cited, w, notes=False) == argument


@pytest.mark.parametrize(
    ("lang", "items", "told"),
    [
        ("en", ["political activity", "civic activity"], "political and civic activity"),
        ("en", ["national origin", "ethnic origin", "social origin"], "national, ethnic and social origin"),
        ("en", ["a human rights defender", "a political activist"], "a human rights defender and a political activist"),
        ("en", ["public expression", "travel"], "public expression and travel"),
        ("fr", ["toute activité politique", "toute activité civique"], "toute activité politique et civique"),
        ("es", ["toda actividad política", "toda actividad cívica"], "toda actividad política y cívica"),
    ],
)
def test_choices_that_share_a_head_say_it_once(lang: str, items: list[str], told: str) -> None:
    assert narrative.shared(items, words.load("draft", lang)) == told


def test_a_ban_on_activities_is_told_and_argued_with_its_head_once() -> None:
    """ "bars him from political activity and civic activity", in the facts and in the argument (whose list
    was joined by hand, apart from narrative.join)."""
    text = _bodies(ROOT / "cases" / "ilyashev-kazakhstan-2022.yaml", None)["markdown"]
    assert text.count("bars him from political and civic activity") == 2, text
    assert "political activity and civic activity" not in text
