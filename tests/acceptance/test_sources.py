"""Source notes split for blind encoding (issue 28): every real case has a facts note and a disposition
note, and no facts note gives the outcome away (docs/sources/README.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from ..conftest import CASES, ROOT

SOURCES = ROOT / "docs" / "sources"
#: The real cases: cases/*.yaml, not the teaching cases nor the blind twins (both in subfolders).
REAL = sorted(CASES.glob("*.yaml"))

#: What a facts note must never contain, with why: each reveals the Working Group's outcome or lets
#: the reader look it up. Case-insensitive unless the pattern says otherwise.
DISPOSITION_WORDS: dict[str, str] = {
    r"categor": "a category",
    r"arbitrar": "the outcome ('arbitrary')",
    r"(?-i:\b(?:II|III|IV|V)\b)": "a category numeral",
    r"\bworking group\b[^.]{0,60}?\b(?:found|finds|considere?d?s?|conclude[ds]?|decide[ds]?|held|holds|"
    r"determine[ds]?|declared?s?|requests?e?d?|urged?s?|recall(?:s|ed)?|opinion that|rendered)\b": (
        "what the Working Group found"
    ),
    r"(?-i:\b(?:WG|WGAD)\b)": "the Working Group's finding in a note's shorthand",
    r"\bdisposition": "the disposition",
    r"\b(?:immediate(?:ly)?|unconditional(?:ly)?)\b\W+(?:\w+\W+){0,2}?release": "a remedy (release)",
    r"\brelease (?:him|her|them|mr|ms|mrs)\b|\brelease and\b": "a remedy (release)",
    r"compensat": "a remedy (compensation)",
    r"reparation": "a remedy (reparations)",
    r"\bviolat": "a finding of violation",
    r"a/hrc/wgad|opinion no\b": "the opinion's symbol (looks the outcome up)",
    r"https?://|www\.": "a web address (a page's address often states the outcome)",
    r"\bgrade [ab]\b": "the note's grade",
}
_PATTERNS = [(re.compile(pattern, re.IGNORECASE), why) for pattern, why in DISPOSITION_WORDS.items()]


def leaks(text: str) -> list[str]:
    """Each disposition word in a facts note's text, with why it is barred (one line per hit)."""
    flat = " ".join(text.split())
    return [f"{match.group(0)!r}: {why}" for pattern, why in _PATTERNS for match in pattern.finditer(flat)]


def test_the_real_cases_are_found() -> None:
    """A glob that found nothing would make every test below pass on nothing."""
    assert len(REAL) >= 20
    assert CASES / "ilyashev-kazakhstan-2022.yaml" in REAL


@pytest.mark.parametrize("case", REAL, ids=lambda p: p.stem)
def test_every_real_case_has_a_blind_twin(case: Path) -> None:
    """Each real case is measured blind too: cases/blind/<stem>.yaml, written from the facts note alone."""
    assert (CASES / "blind" / case.name).is_file(), f"no blind twin for {case.name}"


@pytest.mark.parametrize("case", REAL, ids=lambda p: p.stem)
def test_every_real_case_has_a_facts_and_a_disposition_note(case: Path) -> None:
    """The blind encoder is handed docs/sources/facts/<stem>.md; the outcome lives in disposition/<stem>.md."""
    assert (SOURCES / "facts" / f"{case.stem}.md").is_file(), f"no facts note for {case.name}"
    assert (SOURCES / "disposition" / f"{case.stem}.md").is_file(), f"no disposition note for {case.name}"


@pytest.mark.parametrize("case", REAL, ids=lambda p: p.stem)
def test_no_facts_note_gives_the_outcome_away(case: Path) -> None:
    """A facts note holds facts only: no category, no finding, no remedy, no address to look them up."""
    note = SOURCES / "facts" / f"{case.stem}.md"
    if not note.is_file():
        pytest.skip("missing: reported by the test above")
    assert leaks(note.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("case", REAL, ids=lambda p: p.stem)
def test_the_disposition_note_states_the_hand_files_categories(case: Path) -> None:
    """The disposition note and the hand file's `expected:` agree, so neither drifts from the other."""
    note = SOURCES / "disposition" / f"{case.stem}.md"
    if not note.is_file():
        pytest.skip("missing: reported by the test above")
    expected = yaml.safe_load(case.read_text(encoding="utf-8"))["expected"]
    text = note.read_text(encoding="utf-8")
    found = ", ".join(expected.get("categories") or []) or "none stated"
    not_found = ", ".join(expected.get("not_found") or []) or "none stated"
    assert f"**Categories found:** {found}." in text
    assert f"**Categories not found** (stated by a source, or the category list is complete): {not_found}." in text


@pytest.mark.parametrize(
    "text",
    [
        "The Working Group found that his detention lacked a legal basis.",
        "The deprivation of liberty is arbitrary.",
        "It falls within categories I and II.",
        "Falls under II and V.",
        "The WG recalled the 48-hour standard.",
        "The source requests his immediate and unconditional release.",
        "Release and compensation were requested.",
        "The Working Group considers that article 9 was violated.",
        "Read at https://example.org/un-finds-detention-arbitrary",
        "Opinion No. 2/2022 (A/HRC/WGAD/2022/2).",
    ],
)
def test_the_word_list_catches_a_leak(text: str) -> None:
    """The check can fail: each sentence gives the outcome away and is caught."""
    assert leaks(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "The source states he was not shown a warrant.",
        "His request for provisional release was refused.",
        "I was told nothing, he said.",
        "The communication was sent to the Working Group in 2013; the Government did not reply.",
    ],
)
def test_plain_facts_pass(text: str) -> None:
    """Facts a note needs (a release request, the pronoun I, the Working Group named) are not leaks."""
    assert leaks(text) == []


@pytest.mark.parametrize("twin", sorted((CASES / "blind").glob("*.y*ml")), ids=lambda p: p.stem)
def test_every_blind_twin_has_its_hand_file_and_no_expected(twin: Path) -> None:
    """cases/blind/x.yaml is scored on cases/x.yaml's `expected:`; it states none of its own."""
    assert (CASES / twin.name).is_file(), f"{twin.name}: no hand file cases/{twin.name}"
    assert "expected" not in (yaml.safe_load(twin.read_text(encoding="utf-8")) or {})
