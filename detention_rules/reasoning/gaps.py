"""The gap questions: unknown facts whose answers could change findings, most consequential first.

Only facts a near miss waits on are asked (`near_misses.py`); a fact known to be false
is never asked again. Each is weighed by how many categories one answer could
establish or remove (`impact.py`) and worded by `asking.py`.
"""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from detention_rules.input.fields import Bounded
from detention_rules.law.law import Law
from detention_rules.reasoning.asking import question
from detention_rules.reasoning.facts import Facts
from detention_rules.reasoning.impact import Impact
from detention_rules.reasoning.near_misses import NearMiss, near_misses


class Question(msgspec.Struct, frozen=True):
    """An unknown fact whose answer could change findings."""

    field: str
    text: str
    impact: int  # how many categories one answer could establish or remove
    rules: tuple[str, ...]


def questions(book: Law, facts: Facts, misses: Mapping[str, list[NearMiss]] | None = None) -> list[Question]:
    """Unknown facts that rules toward unestablished categories wait on, most consequential first.
    `misses`: `near_misses(book, facts)` when the caller already has it (not computed twice)."""
    misses = near_misses(book, facts) if misses is None else misses
    asked: dict[str, set[str]] = {}
    for category_misses in misses.values():
        for miss in category_misses:
            if miss.status is not None:
                continue
            for cond in miss.conditions:
                # a length known only between bounds that leave the threshold open is asked too: dates settle it
                open_bound = cond.actual is None or isinstance(cond.actual, Bounded)
                if cond.status is None and cond.path and not cond.needs_conclusion and open_bound:
                    asked.setdefault(cond.path, set()).add(miss.rule.id)
    impact = Impact(book, facts.doc)
    out = [Question(path, question(path), impact.of(path), tuple(sorted(rules))) for path, rules in asked.items()]
    return sorted(out, key=lambda q: (-q.impact, -len(q.rules), q.field))
