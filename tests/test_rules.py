"""Every rule fires on its example and stays silent on its near misses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from detention_rules.reasoning import runnable

from .conftest import run, wgad

EXAMPLES: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "rule_examples.yaml").read_text(encoding="utf-8")
)
BASE = {"detention": [{"kind": "police_custody"}]}


def _case(fragment: dict[str, Any]) -> dict[str, Any]:
    return {**BASE, **fragment}


def _fired(fragment: dict[str, Any]) -> tuple[str, ...]:
    result = run(_case(fragment))
    assert result.analysis is not None, [str(p) for p in result.problems]
    return result.analysis.fired


def test_every_rule_has_examples() -> None:
    ids = {r.id for r in runnable.load().rules}
    missing = sorted(i for i in ids if not EXAMPLES.get(i, {}).get("fires") or not EXAMPLES[i].get("near_miss"))
    assert not missing, f"rules without a firing example and a near miss: {missing}"
    assert not set(EXAMPLES) - ids, "examples for rules that do not exist"


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_fires(rule_id: str) -> None:
    assert rule_id in _fired(EXAMPLES[rule_id]["fires"])


@pytest.mark.parametrize(
    ("rule_id", "index"),
    [(rid, i) for rid, ex in sorted(EXAMPLES.items()) for i in range(len(ex.get("near_miss", [])))],
)
def test_near_miss(rule_id: str, index: int) -> None:
    assert rule_id not in _fired(EXAMPLES[rule_id]["near_miss"][index])


def test_unknown_is_not_false() -> None:
    """An absent fact never satisfies a test for false; a null one neither."""
    for arrest in ({}, {"warrant_shown": None}, {"reasons_given": None}):
        fired = _fired({"arrest": arrest})
        assert "I.no-warrant" not in fired and "I.reasons-not-given" not in fired
    assert "I.no-warrant" in _fired({"arrest": {"warrant_shown": False}})


def test_unknown_ends_in_unknown_not_in_failure() -> None:
    """The plain reading keeps unknown apart from false all the way up to categories."""
    from detention_rules.reasoning import facts, reading

    result = run(_case({"arrest": {}}))
    assert result.case is not None
    status = reading.conclusions(runnable.load().rules, facts.build(result.case).doc)
    assert status["category:I"] is None  # could still hold if the arrest facts were known
    result = run(
        _case(
            {
                "arrest": {"warrant_shown": True, "legal_basis_invoked": True, "reasons_given": "at_arrest"},
                "detention": [{"kind": "police_custody", "brought_before_judge": True}],
            }
        )
    )
    assert result.analysis is not None and "I" not in result.analysis.categories


def test_non_party_drops_covenant_citations() -> None:
    """ICCPR articles bind States parties only (opinion 2/2022 para 3 (b)); the UDHR binds all."""
    result = run(
        _case({"state": {"iccpr_party": False}, "conduct": [{"right": "expression", "led_to_detention": True}]})
    )
    assert result.analysis is not None
    (finding,) = result.analysis.findings
    expression = [r for p in finding.tree.support[0].premises for r in p.support if r.rule.id == "II.expression"]
    assert expression and expression[0].provisions == ("UDHR 19",)


def test_every_field_a_rule_reads_has_a_question() -> None:
    """Exceptions (`unless`) included: walk() yields the fact inside each."""
    from detention_rules.law.rule import AnyItem, FactCond, walk
    from detention_rules.reasoning.questions import QUESTIONS

    missing = set()
    for rule in runnable.load().rules:
        lists = [c.list_path for c in walk(rule.when) if isinstance(c, AnyItem)]
        for node in walk(rule.when):
            if isinstance(node, FactCond):
                name = node.path
                full = {f"{lst}[].{name}" for lst in lists} & set(QUESTIONS) or {name}
                if not full & set(QUESTIONS):
                    missing.add(name)
    assert not missing, f"no question for {sorted(missing)}"


def test_a_fresh_process_survives_a_case_where_nothing_fires(tmp_path) -> None:
    """durable-rules aborts when a session in which no action ran is deleted (engine.py)."""
    case = tmp_path / "c.yaml"
    case.write_text("government:\n  replied: true\n", encoding="utf-8")
    out = wgad("check", str(case))
    assert out.returncode == 0, out.stderr
    assert "Categories established: none" in out.stdout


def test_a_failure_inside_a_case_leaves_the_engine_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error mid-case propagates, its session is abandoned and deleted, and the next case is unaffected."""
    from detention_rules.input.case import Case
    from detention_rules.reasoning import engine, facts

    eng = engine.for_rulebook(runnable.load())
    case = Case.model_validate(_case(EXAMPLES["I.no-legal-basis-invoked"]["fires"]))
    before = eng.run(facts.build(case))
    real = eng._assert

    def failing(fact: str) -> int:  # the fact as JSON
        if json.loads(fact)["t"] == "concl":
            raise RuntimeError("boom")
        return real(fact)

    monkeypatch.setattr(eng, "_assert", failing)
    with pytest.raises(RuntimeError, match="boom"):
        eng.run(facts.build(case))
    monkeypatch.undo()
    assert eng.run(facts.build(case)) == before


@pytest.mark.parametrize(
    ("trial", "grave"),
    [
        ({"undue_delay": True}, False),
        ({"public": False}, True),  # one breach of 14(1) is grave alone
        ({"undue_delay": True, "interpreter_denied": True}, True),  # two that weigh only together
        ({"undue_delay": True, "public": False}, True),
        ({"undue_delay": True, "public": False, "interpreter_denied": True}, True),
        (
            {
                "undue_delay": True,
                "public": False,
                "interpreter_denied": True,
                "defence_witnesses_refused": True,
                "presumption_of_innocence": False,
            },
            True,
        ),
    ],
)
def test_gravity_counts_distinct_violations(trial: dict[str, Any], grave: bool) -> None:
    """One grave breach suffices; of the others one is not enough and two are (`at_least: 2` over conclusions
    compiles to one counting durable rule, engine.py)."""
    result = run(_case({"trial": trial}))
    assert result.analysis is not None
    violations = [c for c in result.analysis.concluded if c.startswith("violation:")]
    assert len(violations) == len(trial) + grave, violations
    assert ("III.gravity" in result.analysis.fired) is grave


def _asylum_custody(**period: object) -> dict[str, object]:
    return {"person": {"status": ["asylum_seeker"]}, "detention": [{"kind": "immigration", **period}]}


@pytest.mark.parametrize(
    ("period", "fires"),
    [
        ({"start": "2019-01-01", "end": "2019-06-30", "periodic_review": False}, True),  # 180 days: the threshold
        ({"start": "2019-01-01", "end": "2019-06-29", "periodic_review": False}, False),  # 179 days
        ({"time_limit": False, "could_challenge": False}, True),  # no maximum in law, no dates at all
        ({"prolonged": True, "could_challenge": True, "periodic_review": True, "review_effective": True}, False),
        # reviewed by a court that could not order release: no review (Hamad; Revised Deliberation No. 5)
        ({"prolonged": True, "could_challenge": True, "periodic_review": True, "review_effective": False}, True),
    ],
    ids=["180-days", "179-days", "no-time-limit", "reviewed", "review-cannot-release"],
)
def test_category_four_reads_prolonged_as_documented(period: dict[str, object], fires: bool) -> None:
    """docs/rules.md: prolonged is stated, or no time limit in law, or at least 180 days; and no effective review."""
    assert ("IV.prolonged-custody-without-review" in _fired(_asylum_custody(**period))) is fires


def test_covenant_articles_are_cited_unless_the_state_is_known_not_to_be_a_party() -> None:
    conduct = {"conduct": [{"right": "expression", "led_to_detention": True}]}
    parties = ({}, True), ({"state": {"iccpr_party": True}}, True), ({"state": {"iccpr_party": False}}, False)
    for state, cited in parties:
        result = run(_case({**conduct, **state}))
        assert result.analysis is not None
        (finding,) = result.analysis.findings
        expression = [r for p in finding.tree.support[0].premises for r in p.support if r.rule.id == "II.expression"]
        assert ("ICCPR 19" in expression[0].provisions) is cited, state


def test_an_explanation_names_every_item_that_qualifies() -> None:
    result = run(
        _case(
            {
                "conduct": [
                    {"right": "expression", "led_to_detention": True, "description": "a blog post"},
                    {"right": "expression", "led_to_detention": True, "description": "a radio interview"},
                ]
            }
        )
    )
    assert result.analysis is not None
    (finding,) = result.analysis.findings
    (node,) = [r for p in finding.tree.support[0].premises for r in p.support if r.rule.id == "II.expression"]
    assert "a blog post" in node.text and "a radio interview" in node.text
