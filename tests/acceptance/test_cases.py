"""Every case file is a test: the engine must reach what its source opinion found.

A case whose `expected:` carries a `known_gap` is an expected failure, strict:
the test fails once the gap closes, so the note gets removed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from detention_rules import pipeline
from detention_rules.agreement import case_docs, coverage

from ..conftest import CASES, run

EXPECTING = sorted(p for p in CASES.rglob("*.yaml") if "expected" in (yaml.safe_load(p.read_text("utf-8")) or {}))


def _params() -> list[object]:
    out = []
    for path in EXPECTING:
        gap = (yaml.safe_load(path.read_text("utf-8"))["expected"] or {}).get("known_gap")
        marks = [pytest.mark.xfail(strict=True, reason=f"known gap: {gap}")] if gap else []
        out.append(pytest.param(path, marks=marks, id=str(path.relative_to(CASES))))
    return out


@pytest.mark.parametrize("path", _params())
def test_case_agrees_with_its_opinion(path: Path) -> None:
    whole = pipeline.check_file(path)
    assert whole.valid, [str(p) for p in whole.problems]
    expected = whole.case.expected
    for result in whole.each():  # every detainee, when the opinion concerns several
        assert result.analysis is not None
        found = set(result.analysis.categories)
        # a category in neither list is one whose view the source does not give: not judged either way
        assert set(expected.categories) <= found, result.detainee
        assert not found & set(expected.not_found), result.detainee
        if expected.outcome == "not_arbitrary":
            assert not found


def test_every_case_file_is_valid() -> None:
    for path in sorted(CASES.rglob("*.yaml")):
        _, result = pipeline.read(path)
        assert result.valid, [str(p) for p in result.problems]


def test_cases_and_rule_examples_exercise_every_rule_and_condition() -> None:
    """Coverage over the case library and the rules' named cases (tests/rules/) together."""
    from detention_rules.reasoning import runnable

    from ..conftest import RULE_CASES, case

    docs = case_docs([CASES], runnable.load())
    for examples in RULE_CASES.values():
        for example in examples:
            fx = run(case(example["facts"])).facts
            assert fx is not None
            docs.append(fx.doc)
    cov = coverage(docs, runnable.load())
    assert cov.unexercised_rules(runnable.load()) == []
    assert cov.unexercised_conditions() == []
