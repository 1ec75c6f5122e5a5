"""Several detainees in one file: each person reasoned on the shared facts overlaid with their own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detention_rules import pipeline
from detention_rules.errors import UsageError

from .conftest import run, wgad

TWO = """\
title: Two detainees
arrest: {warrant_shown: false, date: 2021-03-01}
detention: [{kind: pretrial, start: 2021-03-01}]
conduct: [{right: expression, cited_by_authorities: true}]
trial: {counsel: {access_trial: full, of_choice: false}}
detainees:
  - person: {name: A. One}
  - person: {name: B. Two}
    arrest: {warrant_shown: true}
    trial: {counsel: {of_choice: true}, public: false}
"""


def test_each_person_has_the_shared_facts_with_their_own() -> None:
    whole = run(TWO)
    assert whole.valid and whole.analysis is None
    one, two = whole.persons
    assert (one.detainee, two.detainee) == ("A. One", "B. Two")
    assert one.analysis.categories == ["I", "II", "III"]  # no warrant; counsel of choice refused (14(3)(d))
    assert two.analysis.categories == ["II", "III"]  # warrant shown; a closed hearing instead (14(1))
    # a sub-model merges field by field: the shared access_trial stays, of_choice is the person's
    assert two.facts.doc["trial"]["counsel"] == {"access_trial": "full", "of_choice": True}
    assert whole.categories == ["I", "II", "III"]


def test_a_persons_fact_keeps_its_own_line() -> None:
    _, two = run(TWO).persons
    assert two.facts.leaf("arrest.warrant_shown").line == 9
    assert two.facts.leaf("arrest.date").line == 2  # shared


def test_a_problem_only_one_persons_facts_show_is_the_files() -> None:
    text = TWO + "    detention: [{kind: pretrial, start: 2020-01-01}]\n"
    result = run(text)
    assert [(p.code, p.line) for p in result.problems] == [("date-order", 11)]
    assert not result.valid


def test_every_output_speaks_of_each_person(tmp_path: Path) -> None:
    case = tmp_path / "two.yaml"
    case.write_text(TWO, encoding="utf-8")
    text = wgad("check", "--no-why-not", str(case)).stdout
    assert "Two detainees [A. One]" in text and "Two detainees [B. Two]" in text
    (data,) = json.loads(wgad("check", "--format", "json", str(case)).stdout)
    assert [(d["detainee"], d["established"]) for d in data["detainees"]] == [
        ("A. One", ["I", "II", "III"]),
        ("B. Two", ["II", "III"]),
    ]
    markdown = wgad("check", "--format", "markdown", str(case)).stdout
    assert "# Two detainees: A. One" in markdown and "# Two detainees: B. Two" in markdown
    changed = wgad("check", str(case), "--set", "detainees[1].arrest.warrant_shown=false").stdout
    assert "B. Two: category I" in changed and "A. One: category I" not in changed


def test_draft_and_gaps_ask_which_person(tmp_path: Path) -> None:
    case = tmp_path / "two.yaml"
    case.write_text(TWO, encoding="utf-8")
    out = wgad("draft", str(case))
    assert out.returncode == 2 and "choose one with --detainee (1: A. One; 2: B. Two)" in out.stderr
    assert wgad("draft", str(case), "--detainee", "2").returncode == 0
    assert wgad("gaps", str(case), "--detainee", "1").returncode == 0
    with pytest.raises(UsageError):
        pipeline.one_person(run(TWO), 3)
