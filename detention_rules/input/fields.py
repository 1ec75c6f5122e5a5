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
}

#: Days in a month and a year, to read a length given as `months: 6` or `years: 2` in days.
DAYS_PER = {"months": 365.25 / 12, "years": 365.25}


@functools.cache
def readable_fields() -> dict[str, FieldType]:
    """Every field a rule may read: the case model's and the derived ones. Do not mutate."""
    return {**field_types(), **DERIVED}
