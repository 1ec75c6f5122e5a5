"""Issue 29: every rule that can fire argues as a lawyer writes. Each firing case of tests/rules/*.yaml is
drafted for a named person, and the application of each rule (after "In the present case,") is read: the
person by name and pronoun, never "the person" or "the accused"; no field path, rule id or unfilled value;
no "X or Y" hedge; one parenthesis of references per sentence, each paragraph cited once."""

from __future__ import annotations

import functools
import re
from typing import Any

import pytest

from detention_rules import words
from detention_rules.input.case import field_types
from detention_rules.output import draft, draft_markdown
from detention_rules.reasoning import runnable

from ..conftest import RULE_CASES, case, run

#: Each rule's firing cases, with a person the draft can name: "Ms. Kovac", "she", "her".
FIRING = [
    pytest.param(rule_id, example, id=f"{rule_id}: {example['name']}")
    for rule_id, examples in sorted(RULE_CASES.items())
    for example in examples
    if example["fires"]
]

#: A hedge: two acts or states where one happened ("ordered or extended", "tortured or ill-treated"), a
#: clause that names no one ("or not"), or the person's own alternatives ("she or her community").
HEDGES = re.compile(r"\b\w+ed or (?:\w+-)?\w+ed\b|\bor not\b|\bor (?:his|her|their) \w+|\b\w+ or (?:his|her|their)\b")


@functools.cache
def _book() -> runnable.Runnable:
    return runnable.load()


@functools.cache
def _paths() -> re.Pattern[str]:
    names = sorted({n for f in field_types() for n in (f, f.replace("[]", "[0]"))}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names if "." in n) + r")(?![\w(])")


def _arguments(facts: dict[str, Any]) -> str:
    """The part of the draft that argues the categories, for a case of `facts` about Mira Kovac."""
    facts = {**facts, "person": {**facts.get("person", {}), "name": "Mira Kovac", "sex": "female"}}
    result = run(case(facts))
    assert result.analysis is not None, [str(p) for p in result.problems]
    text = draft_markdown.render(draft.build(_book(), result, [], appendix=False))
    heading = words.load("draft")["draft"]["arbitrary_heading"]
    return text.split(f"## {heading}")[1].split("\n## ")[0] if heading in text else ""


def _typed(facts: Any) -> list[str]:
    """The phrases a case's facts give as typed (a conduct's description), which the draft quotes as they stand."""
    if isinstance(facts, dict):
        return [t for v in facts.values() for t in _typed(v)]
    if isinstance(facts, list):
        return [t for v in facts for t in _typed(v)]
    return [facts] if isinstance(facts, str) and " " in facts else []


def _applications(text: str) -> list[str]:
    lead = words.load("draft")["draft"]["application"].split("{")[0]
    return [p.split(lead, 1)[1] for p in text.split("\n\n") if lead in p]


@pytest.mark.parametrize(("rule_id", "example"), FIRING)
def test_each_rule_argues_in_the_persons_name(rule_id: str, example: dict[str, Any]) -> None:
    text = _arguments(example["facts"])
    assert not _paths().findall(text), _paths().findall(text)
    assert not [r.id for r in _book().rules if re.search(rf"(?<![\w.]){re.escape(r.id)}(?![\w-])", text)]
    assert "(unknown)" not in text and "{" not in text
    for applied in _applications(text):
        # the drafter's own words keep theirs ("clients charged for their protests": the clients'), D12
        mine = applied
        for typed in _typed(example["facts"]):
            mine = mine.replace(typed, "")
        assert not re.search(r"\bthe (?:person|accused)\b|\btheir\b|\bthem\b", mine), applied
        assert not HEDGES.search(applied), applied
        for sentence in re.split(r"(?<=\.) (?=[A-Z])", applied):  # one parenthesis of references a sentence
            assert len(re.findall(r"\(paras? \d", sentence)) <= 1, sentence
            cited = re.findall(r"\(paras? ([^()]*)\)", sentence)
            numbers = [n for c in cited for n in c.split(", ")]
            assert len(numbers) == len(set(numbers)), sentence


def test_the_firing_cases_argue_every_category() -> None:
    """The cases above reach an argument in each category: the test reads arguments, not empty drafts."""
    argued = {
        c
        for _, example in (p.values for p in FIRING)
        for c in re.findall(r"^### Category (I|II|III|IV|V):", _arguments(example["facts"]), flags=re.M)
    }
    assert argued == {"I", "II", "III", "IV", "V"}


@pytest.mark.parametrize(
    ("access", "told"),
    [
        ("restricted", "before and at trial, Ms. Kovac's access to counsel was restricted"),
        ("denied", "Ms. Kovac had no counsel, before or at trial"),
    ],
)
def test_counsel_restricted_alike_before_and_at_trial_is_one_clause(access: str, told: str) -> None:
    """Ilyashev's draft said "before trial, Mr. Ilyashev's access to counsel was restricted; at trial, his
    access to counsel was restricted": one fact twice."""
    text = _arguments({"trial": {"held": True, "counsel": {"access_pretrial": access, "access_trial": access}}})
    assert told in text, text
    assert "at trial, her" not in text and "; at trial" not in text, text


def test_counsel_that_differs_before_and_at_trial_is_told_for_each() -> None:
    text = _arguments({"trial": {"held": True, "counsel": {"access_pretrial": "denied", "access_trial": "restricted"}}})
    assert "before trial, Ms. Kovac had no access to counsel; at trial, her access to counsel was restricted" in text
