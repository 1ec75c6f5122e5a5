"""What the source alleges and what the Government asserts alone decide no category.

The Working Group finds on facts. A source's allegation of a category is no prima facie
case by itself (opinion 2/2022 para 66, citing A/HRC/19/57 para 68), and the Working Group
finds categories the source did not allege (para 93): so the allegation may make a
category "possible", never establish or remove one. Likewise the burden of an exception
(incitement, a permissible restriction, in flagrante delicto...) is on the Government, and
a mere assertion does not discharge it: a value only the Government states, with no
evidence, may contest a finding, never remove it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from detention_rules import pipeline
from detention_rules.input.case import exceptions

from ..conftest import CASES, run

SHIPPED = sorted(CASES.rglob("*.yaml"))


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    data.pop("expected", None)  # what the opinion found plays no part in the engine
    return data


def _established(data: dict[str, Any], name: str) -> list[tuple[str, ...]]:
    """The categories established for each person of the case."""
    whole = run(data, name)
    assert whole.valid, [str(p) for p in whole.problems]
    out = []
    for result in whole.each():
        assert result.analysis is not None
        out.append(tuple(result.analysis.categories))
    return out


def _baseline(path: Path) -> list[tuple[str, ...]]:
    whole = pipeline.check_file(path)
    return [tuple(r.analysis.categories) for r in whole.each() if r.analysis is not None]


@pytest.mark.parametrize("path", SHIPPED, ids=[str(p.relative_to(CASES)) for p in SHIPPED])
def test_alleging_every_category_or_none_changes_no_finding(path: Path) -> None:
    before = _baseline(path)
    alleged = _load(path)
    # the rest of the submission (its date, which measures a custody still running) stays
    alleged["submission"] = {**alleged.get("submission", {}), "categories_alleged": ["I", "II", "III", "IV", "V"]}
    whole = run(alleged, str(path))
    assert [tuple(r.analysis.categories) for r in whole.each() if r.analysis] == before
    # what was alleged and not established is only possible
    for result in whole.each():
        assert result.analysis is not None
        assert set(result.analysis.possible) == {"I", "II", "III", "IV", "V"} - set(result.analysis.categories)
    silent = _load(path)
    silent.get("submission", {}).pop("categories_alleged", None)
    assert _established(silent, str(path)) == before


def _with_assertion(data: dict[str, Any], field: str, value: Any, **provenance: Any) -> dict[str, Any] | None:
    """The case with the exception `field` (a model path: `conduct[].peaceful`) set, in every item, to
    `value` as the provenance says; None when the case has no place for it (no arrest, no conduct)."""
    section, _, name = field.partition(".")
    fact = {"value": value, **provenance}
    if section.endswith("[]"):
        items = data.get(section[:-2]) or []
        if not items:
            return None
        data[section[:-2]] = [{**item, name: fact} for item in items]
    else:
        data[section] = {**(data.get(section) or {}), name: fact}
    return data


#: Every exception of the case model with each value that defeats a rule.
DEFEATING = sorted((field, value) for field, exception in exceptions().items() for value in exception.defeats)


@pytest.mark.parametrize("path", SHIPPED, ids=[str(p.relative_to(CASES)) for p in SHIPPED])
def test_a_government_only_exception_never_removes_a_finding(path: Path) -> None:
    before = _baseline(path)
    for field, defeating in DEFEATING:
        data = _with_assertion(_load(path), field, defeating, by=["government"], ref="the reply")
        if data is None:
            continue
        whole = run(data, f"{path} {field}")
        for result, found in zip(whole.each(), before, strict=True):
            assert result.analysis is not None
            # never removes: it may add one, where it replaces a value the case itself showed
            assert set(found) <= set(result.analysis.categories), field
            # the assertion is named: each finding resting on it is contested
            for finding in result.analysis.findings:
                if any(f.unproven for f in finding.contested):
                    assert finding.strength == "contested"


def test_an_exception_shown_by_evidence_or_by_the_source_defeats() -> None:
    """The other side of the burden: an exception shown (by the source, a court, or the Government's
    undisputed evidence) defeats the rule; the Government's word alone does not. Evidence the source
    contests with its own account is disputed: the rule grounds no finding, and the category the source's
    account gives is reported beside the findings (A/HRC/19/57 para 68; opinion 2/2022 para 74)."""
    base: dict[str, Any] = {
        "government": {"replied": True},
        "detention": [{"kind": "pretrial", "start": "2024-01-01", "end": "2024-03-01"}],
        "conduct": [{"right": "expression", "led_to_detention": True}],
    }

    def analysis(**fact: Any) -> Any:
        data = {**base, "conduct": [{**base["conduct"][0], "incited_violence": fact}]}
        result = run(data)
        assert result.analysis is not None
        return result.analysis

    def categories(**fact: Any) -> list[str]:
        found: list[str] = analysis(**fact).categories
        return found

    assert categories(value=True, by=["government"]) == ["II"]
    disputed = analysis(value=True, by=["government"], evidence="a report", contested=True)
    assert disputed.categories == []
    assert disputed.disputed_categories == ("II",)
    assert [(f.path, f.evidence) for f in disputed.disputed] == [("conduct[0].incited_violence", "a report")]
    assert analysis(value=True, by=["government"]).disputed_categories == ()
    assert categories(value=True, by=["government"], evidence="the recording of the speech, annex 1") == []
    assert categories(value=True, by=["government", "court"]) == []
    assert categories(value=True) == []


def test_a_rebutted_fact_grounds_nothing_unless_the_source_answered() -> None:
    base: dict[str, Any] = {
        "government": {"replied": True},
        "detention": [{"kind": "police_custody", "start": "2024-01-01", "end": "2024-01-03"}],
    }
    evidence = "the warrant of 1 January, annex 2 of the reply"

    def check(**fact: Any) -> Any:
        result = run({**base, "arrest": {"warrant_shown": {"value": False, "by": ["source"], **fact}}})
        assert result.analysis is not None
        return result.analysis

    assert check().categories == ["I"]
    rebutted = check(rebutted=evidence)
    assert rebutted.categories == []
    assert [(f.path, f.rebutted) for f in rebutted.rebutted] == [("arrest.warrant_shown", evidence)]
    answered = check(rebutted=evidence, contested=True)
    assert answered.categories == ["I"]
    assert answered.findings[0].strength == "contested"


def _unless(cond: Any, item: str = "") -> list[tuple[str, Any]]:
    """Every `unless` of a condition, with its full path (`conduct[].peaceful`), and its values."""
    from detention_rules.law.rule import AnyItem, Unless

    if isinstance(cond, Unless):
        values = cond.cond.value if cond.cond.op == "in" else [cond.cond.value]
        return [(f"{item}[].{cond.cond.path}" if item else cond.cond.path, values)]
    if isinstance(cond, AnyItem):
        return _unless(cond.where, cond.list_path)
    return [found for child in getattr(cond, "children", ()) for found in _unless(child, item)]


def test_every_unless_of_the_rules_names_an_exception_of_the_case_model() -> None:
    """The rules' exceptions and the case model's agree, so a mere assertion defeats none of them:
    an `unless` on an element the source must establish would let a bare value defeat it."""
    from detention_rules.reasoning import runnable

    # a derived fact rests on the exception it is computed from (judge_decided, with the dates)
    derived_from = {"detention[].judge_decided_within_48h": "detention[].judge_decided"}
    # a derived fact of the record's dates alone, which leaves out a date only the Government states
    # (facts._released_promptly, facts._lasted_within_48h; the rule cases "the release the next day stated
    # by the Government alone" and "the end the next day stated by the Government alone")
    from_dates = {"arrest.released_within_48h", "detention[].within_48h"}
    named = set()
    for rule in runnable.load().rules:
        for unless, values in _unless(rule.when):
            if unless in from_dates:
                continue
            path = derived_from.get(unless, unless)
            exception = exceptions().get(path)
            assert exception is not None, f"{rule.id}: unless {path} is no exception of the case model"
            assert all(exception.defeated_by(v) for v in values), f"{rule.id}: {path} {values}"
            named.add(path)
    assert named == set(exceptions()), "an exception of the case model that no rule reads"


def test_a_draft_does_not_cite_the_governments_bare_assertion_as_its_ground(tmp_path: Path) -> None:
    """The draft applies the standard to the source's facts, citing their references: the reply's
    paragraph asserting an exception it did not show is no reference for the petition's argument."""
    from ..conftest import wgad

    case = tmp_path / "asserted.yaml"
    case.write_text(
        yaml.safe_dump(
            {
                "government": {"replied": True},
                "detention": [{"kind": "pretrial", "start": "2024-02-01", "end": "2024-03-01"}],
                "conduct": [
                    {
                        "right": "expression",
                        "led_to_detention": {"value": True, "ref": "petition para 7"},
                        "restriction_justified": {"value": True, "by": ["government"], "ref": "reply para 5"},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    out = wgad("draft", "--no-appendix", str(case))
    assert out.returncode == 0, out.stderr
    assert "petition para 7" in out.stdout
    assert "reply para 5" not in out.stdout
