"""The fields a rule may read: the case model's, and the facts derived from them.

Here, beside the case model, so that reading the rules (law/) and checking a case
(validate) need nothing from the reasoning that derives those facts (reasoning/facts.py).
"""

from __future__ import annotations

import functools

from detention_rules.input.case import FieldType, field_types

#: Facts computed from others (by reasoning/facts.py), with the type rules may test them against.
DERIVED: dict[str, FieldType] = {
    "detention[].days": FieldType("number"),
    "arrest.judge_within_48h": FieldType("bool"),
    "arrest.days_uncharged": FieldType("number"),
    "arrest.brought_before_judge": FieldType("bool"),
    "arrest.days_untried": FieldType("number"),
    "detention[].judge_decided_within_48h": FieldType("bool"),
    "detention[].deprived": FieldType("bool"),
}

#: Days in a month and a year, to read a length given as `months: 6` or `years: 2` in days.
DAYS_PER = {"months": 365.25 / 12, "years": 365.25}

#: Days in each unit a length's bounds may be given in (`length_unit`).
UNIT_DAYS = {"days": 1.0, "weeks": 7.0, **DAYS_PER}


class Bounded(int):
    """A number of days known only between bounds: "more than a year", "3 to 8 years".

    It is its lower bound as an int (what the engine, which only ever fires on a threshold
    reached, is given), and `upper` is its upper bound (None: no upper bound). A comparison
    is decided only when the bounds settle it (`compare`); otherwise it is unknown, never false.
    """

    upper: int | None

    def __new__(cls, lower: int, upper: int | None = None) -> Bounded:
        self = super().__new__(cls, lower)
        self.upper = upper
        return self

    def compare(self, op: str, limit: float) -> bool | None:
        """Three-valued comparison with `limit`: True or False only when every value between the bounds agrees."""
        low, high = int(self), self.upper
        holds = {
            "at_least": (low >= limit, high is not None and high < limit),
            "more_than": (low > limit, high is not None and high <= limit),
            "at_most": (high is not None and high <= limit, low > limit),
            "less_than": (high is not None and high < limit, low >= limit),
            "is": (low == high == limit, limit < low or (high is not None and limit > high)),
        }
        true, false = holds.get(op, (False, False))
        return True if true else False if false else None

    def __str__(self) -> str:
        if self.upper is None:
            return f"at least {int(self)}"
        return str(int(self)) if self.upper == int(self) else f"{int(self)} to {self.upper}"

    __repr__ = __str__


class NotApplicable(str):
    """The value of a question that does not apply: a trial question when there was no trial, a fact of
    custody held by another State. Every test of it is false (never unknown), so no rule fires on it and
    `wgad gaps` does not ask it."""

    def __str__(self) -> str:
        return "does not apply"


#: The one value of a question that does not apply.
NOT_APPLICABLE = NotApplicable("does_not_apply")

#: Questions about a trial itself: they do not apply when `trial.held` is false (no trial took place).
#: Pre-trial guarantees (counsel before trial, informed of charges, a coerced or televised confession,
#: the presumption of innocence, undue delay, an interpreter) apply without a trial and are not here.
NEEDS_TRIAL = (
    "trial.start",
    "trial.end",
    "trial.court",
    "trial.accused_civilian",
    "trial.in_absentia",
    "trial.attendance_waived",
    "trial.independent",
    "trial.impartial",
    "trial.public",
    "trial.remote",
    "trial.remote_failures",
    "trial.failures_remedied",
    "trial.counsel.access_trial",
    "trial.adequate_time",
    "trial.evidence_withheld",
    "trial.defence_witnesses_refused",
    "trial.cross_examination_cut",
    "trial.confession.used_in_evidence",
    "trial.appeal",
)


@functools.cache
def readable_fields() -> dict[str, FieldType]:
    """Every field a rule may read: the case model's and the derived ones. Do not mutate."""
    return {**field_types(), **DERIVED}
