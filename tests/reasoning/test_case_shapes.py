"""What the case format could not say before issue 28, from the blind encoders' FORMAT notes.

Each shape feeds the derived facts the rules already read, with the engine's three values:
a bound decides a threshold only when it settles it, unknown stays unknown, and a question
that does not apply is neither (no rule fires on it, `wgad gaps` does not ask it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from detention_rules.agreement import evaluate_paths
from detention_rules.input.fields import Bounded
from detention_rules.law.rule import FactCond, walk
from detention_rules.output import json as json_output
from detention_rules.output import markdown, text
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning import runnable
from detention_rules.reasoning.gaps import questions
from detention_rules.reasoning.near_misses import near_misses

from ..conftest import explanations, run


def _result(data: dict[str, Any]) -> CaseResult:
    result = run(data)
    assert result.analysis is not None and result.facts is not None, [str(p) for p in result.problems]
    return result


def _status(result: CaseResult, rule_id: str, path: str) -> Any:
    """What the three-valued logic makes of one condition of a rule that did not fire: True, False or None."""
    assert result.facts is not None
    book = runnable.load()
    for misses in near_misses(book, result.facts, established=True).values():
        for miss in misses:
            if miss.rule.id == rule_id:
                return next(c.status for c in miss.conditions if c.path == path)
    raise AssertionError(f"{rule_id} is not a near miss")


def _asked(result: CaseResult) -> set[str]:
    assert result.facts is not None
    return {q.field for q in questions(runnable.load(), result.facts)}


# --- lengths as bounds -----------------------------------------------------------------


def _pretrial(**length: Any) -> dict[str, Any]:
    return {"arrest": {"date": "2020-01-01"}, "detention": [{"kind": "pretrial", **length}]}


def test_a_lower_bound_above_the_threshold_decides_it() -> None:
    result = _result(
        {
            "arrest": {"charged": False},
            "detention": [{"kind": "police_custody", "length_at_least": 20, "length_unit": "months"}],
        }
    )
    days = result.facts.leaf("detention[0].days")  # type: ignore[union-attr]
    assert isinstance(days.value, Bounded) and str(days.value) == "at least 608"
    assert [s.path for s in days.derived_from] == ["detention[0].length_at_least", "detention[0].length_unit"]
    assert "I.held-without-charge" in result.analysis.fired  # type: ignore[union-attr]


def test_a_lower_bound_below_the_threshold_leaves_it_unknown_not_false() -> None:
    bounded = _result(_pretrial(length_at_least=6, length_unit="months"))
    assert _status(bounded, "III.undue-delay", "detention[0].days") is None
    assert {"detention[0].start", "detention[0].end"} <= _asked(bounded)  # the dates would settle it
    # the same six months as an exact length: the year is not reached, known false
    exact = _result(_pretrial(months=6))
    assert _status(exact, "III.undue-delay", "detention[0].days") is False


def test_an_upper_bound_below_the_threshold_decides_it_false() -> None:
    result = _result(_pretrial(length_at_most=6, length_unit="months"))
    assert _status(result, "III.undue-delay", "detention[0].days") is False


def test_a_range_astride_the_threshold_is_unknown_and_above_it_decides() -> None:
    astride = _result(_pretrial(length_at_least=3, length_at_most=18, length_unit="months"))
    assert _status(astride, "III.undue-delay", "detention[0].days") is None
    above = _result(_pretrial(length_at_least=3, length_at_most=8, length_unit="years"))
    assert "III.undue-delay" in above.analysis.fired  # type: ignore[union-attr]


def test_bounds_add_up_to_the_time_untried() -> None:
    result = _result(
        {
            "arrest": {"date": "2009-09-25"},
            "detention": [
                {"kind": "police_custody", "days": 2},
                {"kind": "pretrial", "length_at_least": 11, "length_unit": "years"},
            ],
        }
    )
    untried = result.facts.leaf("arrest.days_untried")  # type: ignore[union-attr]
    assert isinstance(untried.value, Bounded) and int(untried.value) == 2 + int(11 * 365.25)
    assert untried.value.upper is None
    # eleven years untried: grave alone (III.gravity), as in Quevedo Cruz 45/2020
    assert "III" in result.analysis.categories  # type: ignore[union-attr]


def test_bounds_without_a_unit_are_warned_and_not_read() -> None:
    result = run(_pretrial(length_at_least=2))
    assert "length-bounds" in {p.code for p in result.problems if p.level == "warning"}
    assert result.facts is not None and result.facts.leaf("detention[0].days") is None
    inverted = run(_pretrial(length_at_least=8, length_at_most=3, length_unit="years"))
    assert "length-bounds" in {p.code for p in inverted.problems if p.level == "error"}


def test_no_rule_compares_a_length_from_above() -> None:
    """The engine is given a bound's lower value: sound for `at_least` and `more_than` (which a bound
    reaching the threshold settles) and for no other comparison, which would fire on the lower bound."""
    lengths = {"days", "arrest.days_untried", "arrest.days_uncharged"}
    for rule in runnable.load().rules:
        for cond in walk(rule.when):
            if isinstance(cond, FactCond) and cond.path in lengths:
                assert cond.op in ("at_least", "more_than"), (rule.id, cond.path, cond.op)


# --- intervals without dates -----------------------------------------------------------


@pytest.mark.parametrize(("days", "within"), [(1, True), (2, None), (3, False)])
def test_before_a_judge_after_some_days(days: int, within: bool | None) -> None:
    result = _result(
        {"arrest": {"date": "2021-03-01"}, "detention": [{"kind": "police_custody", "judge_after_days": days}]}
    )
    leaf = result.facts.leaf("arrest.judge_within_48h")  # type: ignore[union-attr]
    assert (leaf.value if leaf else None) is within
    assert ("I.not-brought-promptly-before-judge" in result.analysis.fired) is (within is False)  # type: ignore[union-attr]


def test_charged_some_days_after_the_arrest() -> None:
    late = _result({"arrest": {"charged_after_days": 10}, "detention": [{"kind": "prison"}]})
    assert late.facts.leaf("arrest.days_uncharged").value == 10  # type: ignore[union-attr]
    assert "I.held-without-charge" in late.analysis.fired  # type: ignore[union-attr]
    # the explanation reads the interval, though no period matched the rule (it was empty before)
    assert explanations(late, "I.held-without-charge") == {
        "The person was held without charge for 10 days after the arrest."
    }
    next_day = _result({"arrest": {"charged_after_days": 1}})
    assert "I.held-without-charge" not in next_day.analysis.fired  # type: ignore[union-attr]


def test_charged_in_a_month_or_a_year_bounds_the_days_uncharged() -> None:
    # arrested on 6 October 2020, charged in August 2021: 299 to 329 days, over the week either way
    late = _result({"arrest": {"date": "2020-10-06", "charge_date": "2021-08"}, "detention": [{"kind": "pretrial"}]})
    leaf = late.facts.leaf("arrest.days_uncharged")
    assert leaf is not None and (int(leaf.value), leaf.value.upper) == (299, 329)
    assert "I.held-without-charge" in late.analysis.fired  # type: ignore[union-attr]
    # charged in the month of the arrest: none to 30 days, the week is not settled
    open_ = _result({"arrest": {"date": "2020-10-06", "charge_date": "2020-10"}, "detention": [{"kind": "pretrial"}]})
    assert "I.held-without-charge" not in open_.analysis.fired  # type: ignore[union-attr]
    # charged in a year before the arrest's: no time uncharged to count
    before = _result({"arrest": {"date": "2020-10-06", "charge_date": "2019"}, "detention": [{"kind": "pretrial"}]})
    assert before.facts.leaf("arrest.days_uncharged") is None  # type: ignore[union-attr]


# --- a custody whose regime is unknown ----------------------------------------------------


def test_custody_of_unknown_regime_is_a_deprivation_of_liberty_whose_kind_stays_unknown() -> None:
    result = _result(
        {
            "arrest": {"date": "2020-01-01", "warrant_shown": False},
            "detention": [{"kind": "unknown", "start": "2020-01-01", "length_at_least": 3, "length_unit": "years"}],
        }
    )
    assert result.analysis.categories == ["I"]  # type: ignore[union-attr]
    assert result.facts.leaf("detention[0].deprived").value is True  # type: ignore[union-attr]
    assert _status(result, "III.undue-delay", "detention[0].kind") is None
    assert "detention[0].kind" in _asked(result)
    # it may have been pre-trial: between none and all of its days untried
    untried = result.facts.leaf("arrest.days_untried").value  # type: ignore[union-attr]
    assert isinstance(untried, Bounded) and (int(untried), untried.upper) == (0, None)


# --- questions that do not apply ----------------------------------------------------------


def test_trial_questions_do_not_apply_when_there_was_no_trial() -> None:
    facts = {"arrest": {"date": "2020-01-01", "charged": True}, "detention": [{"kind": "pretrial"}]}
    untried = _result({**facts, "trial": {"held": False}})
    unknown = _result(facts)
    held = _result({**facts, "trial": {"held": True}})
    assert "trial.public" in _asked(held) and "trial.public" not in _asked(untried)
    # asked only once a trial is known to have been held: while that is unknown, it is asked first
    assert "trial.held" in _asked(unknown) and "trial.public" not in _asked(unknown)
    assert "trial.appeal" not in _asked(untried)
    # a guarantee owed before any trial is still asked
    assert "trial.counsel.access_pretrial" in _asked(untried)
    assert _status(untried, "III.hearing-not-public", "trial.public") is False


def test_a_trial_question_stated_without_a_trial_is_warned_and_not_read() -> None:
    result = run({"detention": [{"kind": "pretrial"}], "trial": {"held": False, "public": False}})
    assert "no-trial" in {p.code for p in result.problems}
    assert result.analysis is not None and "III.hearing-not-public" not in result.analysis.fired
    assert result.facts is not None and result.facts.leaf("trial.public").value is False  # kept as written


# --- consular access ----------------------------------------------------------------------


@pytest.mark.parametrize(("access", "refused"), [("restricted", False), ("granted", False), ("refused", True)])
def test_consular_access_restricted_is_not_refused(access: str, refused: bool) -> None:
    result = _result({"detention": [{"kind": "pretrial", "consular_access": access}]})
    assert result.facts.leaf("detention[0].consular_access_refused").value is refused  # type: ignore[union-attr]
    assert ("III.consular-access-refused" in result.analysis.fired) is refused  # type: ignore[union-attr]


# --- re-arrests and custody in another State ----------------------------------------------------


def _rearrested(**second: Any) -> dict[str, Any]:
    first = {"kind": "police_custody", "start": "2014-02-01", "end": "2014-03-01", "judge_date": "2014-02-02"}
    return {"arrest": {"date": "2014-02-01"}, "detention": [first, {"kind": "pretrial", "rearrest": True, **second}]}


def test_each_re_arrest_is_owed_a_prompt_appearance() -> None:
    late = _result(_rearrested(start="2019-02-01", judge_date="2019-02-05"))
    assert late.facts.leaf("arrest.judge_within_48h").value is False  # type: ignore[union-attr]
    assert "I.not-brought-promptly-before-judge" in late.analysis.fired  # type: ignore[union-attr]
    prompt = _result(_rearrested(start="2019-02-01", judge_after_days=1))
    assert prompt.facts.leaf("arrest.judge_within_48h").value is True  # type: ignore[union-attr]
    # the re-arrest's appearance unknown: whether every arrest was followed by a prompt one is unknown
    unknown = _result(_rearrested(start="2019-02-01"))
    assert unknown.facts.leaf("arrest.judge_within_48h") is None  # type: ignore[union-attr]
    # without rearrest, a later judge date is no first appearance: the first arrest's prompt one stands
    continued = _rearrested(start="2019-02-01", judge_date="2019-02-05")
    del continued["detention"][1]["rearrest"]
    assert _result(continued).facts.leaf("arrest.judge_within_48h").value is True  # type: ignore[union-attr]


def test_custody_held_by_another_state_is_not_read_as_the_state_concerned() -> None:
    abroad = {
        "kind": "pretrial",
        "other_state": "United States",
        "start": "2007-11-28",
        "end": "2009-09-25",
        "incommunicado": True,
    }
    result = _result({"arrest": {"date": "2009-09-25"}, "detention": [abroad, {"kind": "pretrial", "days": 30}]})
    assert "I.incommunicado" not in result.analysis.fired  # type: ignore[union-attr]
    assert not {q for q in _asked(result) if q.startswith("detention[0].")}
    assert result.facts.leaf("arrest.days_untried").value == 30  # type: ignore[union-attr]
    assert result.facts.leaf("detention[0].incommunicado").value is True  # type: ignore[union-attr]
    alone = _result({"detention": [{**abroad, "kind": "prison"}]})
    assert alone.analysis.categories == []  # type: ignore[union-attr]


# --- outcomes besides categories ------------------------------------------------------------


RELEASED = {
    "person": {"released": True},
    "arrest": {"date": "2020-01-01", "warrant_shown": False},
    "detention": [{"kind": "police_custody", "start": "2020-01-01", "end": "2020-01-05"}],
}


def test_check_notes_that_a_released_persons_case_may_be_filed_never_removing_a_finding() -> None:
    result = _result(RELEASED)
    assert result.analysis.categories == ["I"]  # type: ignore[union-attr]
    assert "paragraph 17 (a)" in text.render([result])
    assert "paragraph 17 (a)" in markdown.render([result])
    filing = json_output.result(result)["filing"]
    assert filing["fact"] == "person.released" and filing["possible"] is True
    held = _result({**RELEASED, "person": {"released": False}})
    assert "17 (a)" not in text.render([held]) and json_output.result(held)["filing"] is None


def test_a_release_date_alone_shows_the_release() -> None:
    result = _result({**RELEASED, "person": {"release_date": "2020-01-05"}})
    assert result.analysis.released is not None and result.analysis.released.path == "person.release_date"  # type: ignore[union-attr]


def _write(folder: Path, name: str, data: dict[str, Any]) -> None:
    (folder / name).write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML


def test_evaluate_counts_the_outcomes(tmp_path: Path) -> None:
    _write(tmp_path, "filed.yaml", {**RELEASED, "expected": {"outcome": "filed", "filed_reason": "released"}})
    _write(tmp_path, "no-category.yaml", {**RELEASED, "expected": {"outcome": "arbitrary"}})
    _write(tmp_path, "not-arbitrary.yaml", {**RELEASED, "expected": {"outcome": "not_arbitrary", "not_found": []}})
    ev = evaluate_paths([tmp_path])
    assert dict(ev.outcomes["filed_released"]) == {"agreed": 1}
    assert dict(ev.outcomes["arbitrary_unnamed"]) == {"agreed": 1}
    assert dict(ev.outcomes["not_arbitrary"]) == {"disagreed": 1}  # category I is established
    assert ev.agrees  # measurement: an outcome's disagreement is no regression


def test_a_filed_reason_needs_outcome_filed() -> None:
    result = run({**RELEASED, "expected": {"outcome": "arbitrary", "filed_reason": "released"}})
    assert "expected-conflict" in {p.code for p in result.problems if p.level == "error"}


def test_a_bound_stays_a_bound_whatever_the_order_of_the_periods() -> None:
    """An exact length in days (2.5) before or after a bounded one: the total is still a bound, never exact."""
    bounded = {"kind": "pretrial", "length_at_least": 6, "length_unit": "months"}
    exact = {"kind": "police_custody", "days": 2.5}
    for periods in ([bounded, exact], [exact, bounded]):
        result = _result({"arrest": {"date": "2020-01-01"}, "detention": periods})
        untried = result.facts.leaf("arrest.days_untried").value  # type: ignore[union-attr]
        assert isinstance(untried, Bounded) and (int(untried), untried.upper) == (184, None)
        assert _status(result, "III.undue-delay", "arrest.days_untried") is None


def test_a_huge_day_count_is_late_not_an_overflow() -> None:
    result = _result(
        {"arrest": {"date": "9999-12-30"}, "detention": [{"kind": "police_custody", "judge_after_days": 2**53}]}
    )
    assert result.facts.leaf("arrest.judge_within_48h").value is False  # type: ignore[union-attr]
