"""Every rule fires on its example and stays silent on its near misses."""

from __future__ import annotations

import json
from typing import Any

import pytest

from detention_rules.reasoning import engine, runnable

from ..conftest import RULE_CASES, case, explanations, fired, run, wgad

#: Each rule's cases as pytest parameters, named "<rule id>: <case name>".
CASE_PARAMS = [
    pytest.param(rule_id, example, id=f"{rule_id}: {example['name']}")
    for rule_id, examples in sorted(RULE_CASES.items())
    for example in examples
]


def test_every_rule_has_cases() -> None:
    """A case where each rule fires (with the explanation it gives) and one where it does not."""
    ids = {r.id for r in runnable.load().rules}
    missing = sorted(
        i
        for i in ids
        if not any(c["fires"] for c in RULE_CASES.get(i, [])) or all(c["fires"] for c in RULE_CASES.get(i, []))
    )
    assert not missing, f"rules without a case where they fire and one where they do not: {missing}"
    assert not set(RULE_CASES) - ids, "cases for rules that do not exist"
    for rule_id, cases in RULE_CASES.items():
        assert all(set(c) == {"name", "fires", "facts", *(["explanation"] if c["fires"] else [])} for c in cases)
        assert len({c["name"] for c in cases}) == len(cases), f"{rule_id}: two cases of one name"
    unexplained = sorted(i for i, cases in RULE_CASES.items() if not any(c.get("explanation") for c in cases))
    assert unexplained == ["adm.allegations-stand"], "rules whose explanation no case asserts"


@pytest.mark.parametrize(("rule_id", "example"), CASE_PARAMS)
def test_rule_case(rule_id: str, example: dict[str, Any]) -> None:
    """The rule fires or not as the case says, and a firing explains itself as the case says."""
    result = run(case(example["facts"]))
    assert result.analysis is not None, [str(p) for p in result.problems]
    assert (rule_id in result.analysis.fired) is example["fires"]
    if example["fires"]:
        expected = example["explanation"]
        assert explanations(result, rule_id) == (set() if expected is None else {expected})


def test_unknown_is_not_false() -> None:
    """An absent fact never satisfies a test for false; a null one neither."""
    for arrest in ({}, {"warrant_shown": None}, {"reasons_given": None}):
        found = fired({"arrest": arrest})
        assert "I.no-warrant" not in found and "I.reasons-not-given" not in found
    assert "I.no-warrant" in fired({"arrest": {"warrant_shown": False}})


def test_unknown_ends_in_unknown_not_in_failure() -> None:
    """The three-valued logic keeps unknown apart from false all the way up to categories."""
    from detention_rules.reasoning import facts, three_valued

    result = run(case({"arrest": {}}))
    assert result.case is not None
    book = runnable.load()
    status = three_valued.conclusions(book.rules, facts.build(book, result.case).doc)
    assert status["category:I"] is None  # could still hold if the arrest facts were known
    result = run(
        case(
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
        case({"state": {"iccpr_party": False}, "conduct": [{"right": "expression", "led_to_detention": True}]})
    )
    assert result.analysis is not None
    (finding,) = result.analysis.findings
    expression = [r for p in finding.tree.support[0].premises for r in p.support if r.rule.id == "II.expression"]
    assert expression and expression[0].provisions == ("UDHR 19",)


def test_every_field_a_rule_reads_has_a_question() -> None:
    """Exceptions (`unless`) included: walk() yields the fact inside each."""
    from detention_rules.law.rule import AnyItem, FactCond, walk
    from detention_rules.reasoning.asking import has_question

    missing = set()
    for rule in runnable.load().rules:
        lists = [c.list_path for c in walk(rule.when) if isinstance(c, AnyItem)]
        for node in walk(rule.when):
            if isinstance(node, FactCond):
                name = node.path
                full = {f"{lst}[].{name}" for lst in lists if has_question(f"{lst}[].{name}")} or {name}
                if not any(has_question(f) for f in full):
                    missing.add(name)
    assert not missing, f"no question for {sorted(missing)}"


def test_a_fresh_process_survives_a_case_where_nothing_fires(tmp_path) -> None:
    """durable-rules aborts when a session in which no action ran is deleted (engine.py)."""
    path = tmp_path / "c.yaml"
    path.write_text("government:\n  replied: true\n", encoding="utf-8")
    out = wgad("check", str(path))
    assert out.returncode == 0, out.stderr
    assert "Categories established: none" in out.stdout


def test_a_failure_inside_a_case_leaves_the_engine_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error mid-case propagates, its session is abandoned and deleted, and the next case is unaffected."""
    from detention_rules.input.case import parse
    from detention_rules.reasoning import facts

    book = runnable.load()
    eng = book.engine
    (example,) = [c["facts"] for c in RULE_CASES["I.no-legal-basis-invoked"] if c["fires"]]
    model = parse(case(example))
    before = eng.run(facts.build(book, model))
    real = engine.Engine._assert

    def failing(self: engine.Engine, fact: str) -> int:  # the fact as JSON
        if json.loads(fact)["t"] == "concl":
            raise RuntimeError("boom")
        return real(self, fact)

    # On the class: undoing a patch of the instance left the real method bound to it, hiding later patches.
    monkeypatch.setattr(engine.Engine, "_assert", failing)
    with pytest.raises(RuntimeError, match="boom"):
        eng.run(facts.build(book, model))
    monkeypatch.undo()
    assert eng.run(facts.build(book, model)) == before


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
    result = run(case({"trial": trial}))
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
    assert ("IV.prolonged-custody-without-review" in fired(_asylum_custody(**period))) is fires


def test_covenant_articles_are_cited_unless_the_state_is_known_not_to_be_a_party() -> None:
    conduct = {"conduct": [{"right": "expression", "led_to_detention": True}]}
    parties = ({}, True), ({"state": {"iccpr_party": True}}, True), ({"state": {"iccpr_party": False}}, False)
    for state, cited in parties:
        result = run(case({**conduct, **state}))
        assert result.analysis is not None
        (finding,) = result.analysis.findings
        expression = [r for p in finding.tree.support[0].premises for r in p.support if r.rule.id == "II.expression"]
        assert ("ICCPR 19" in expression[0].provisions) is cited, state


def test_an_explanation_names_every_item_that_qualifies() -> None:
    result = run(
        case(
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
