"""Why a category is not established: the rules toward it that came closest (near misses).

Uses the three-valued logic rather than the engine: a rule that did
not fire is either defeated by a known fact (unmet) or waiting on an unknown
one. The unknown ones are what `gaps.py` asks about.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from detention_rules import words
from detention_rules.input.case import CATEGORIES
from detention_rules.input.field_path import FieldPath
from detention_rules.law.law import Law
from detention_rules.law.rule import AnyItem, Conclusion, FactCond, Needs, Rule, Trace, Tri, Unless, needs, truth
from detention_rules.reasoning import three_valued
from detention_rules.reasoning.asking import reported
from detention_rules.reasoning.facts import Facts
from detention_rules.reasoning.impact import reduced


class ConditionState(msgspec.Struct, frozen=True):
    """One condition of a rule as it stands for this case."""

    path: str  # the fact read, or the `Conclusion` needed
    test: str  # what the rule asks of it, e.g. "is false"
    status: Tri
    actual: Any = None
    line: int = 0

    @property
    def needs_conclusion(self) -> bool:
        """Whether the condition needs a conclusion another rule draws, rather than reading a fact."""
        return isinstance(self.path, Conclusion)


class NearMiss(msgspec.Struct, frozen=True):
    """A rule that did not fire, with each of its conditions marked met, unmet or unknown."""

    rule: Rule
    status: Tri  # False: defeated by a known fact; None: could hold once unknowns are known
    conditions: tuple[ConditionState, ...]

    @property
    def closeness(self) -> float:
        return sum(c.status is True for c in self.conditions) / max(1, len(self.conditions))


def _describe(cond: FactCond | Unless, path: str = "") -> str:
    """What a condition asks of its fact; the values it names as the report shows the fact's (`path`, the
    item's own: `detention[0].kind`, whose choices a French report words, never `kind` alone)."""
    inner = cond.cond if isinstance(cond, Unless) else cond
    value = inner.value
    shown = reported(value, path or inner.path)  # as a case file writes it: `[immigration, administrative]`
    w = words.of("check", "conditions")
    test = w["test"].format(op=w[f"op_{inner.op}"], value=shown)
    return w["unless"].format(test=test) if isinstance(cond, Unless) else test


def _conditions(rule: Rule, facts: Facts, status: Mapping[str, Tri], book: Law) -> tuple[ConditionState, ...]:
    trace = Trace()
    truth(rule.when, facts.doc, status, trace)
    out = []
    for cond, value, paths in trace.leaves:
        if isinstance(cond, Needs):
            # in words: what would satisfy it is one of the rules that draw it
            titles = [r.title for r in book.drawing(cond.conclusion)]
            w = words.of("check", "conditions")
            test = w["drawn_by"].format(titles=w["or"].join(titles)) if titles else w["drawn"]
            out.append(ConditionState(Conclusion(cond.conclusion), test, value))
            continue
        if isinstance(cond, AnyItem):  # the whole list is unknown
            out.append(ConditionState(paths[0], words.of("check", "conditions")["any_item"], value))
            continue
        path = paths[0] if paths else ""
        leaf = facts.leaf(path)
        line = leaf.line if leaf else 0
        out.append(ConditionState(path, _describe(cond, path), value, FieldPath.read(facts.doc, path), line))
    unique: dict[tuple[str, str], ConditionState] = {}
    for state in out:
        unique.setdefault((state.path, state.test), state)
    return tuple(unique.values())


def relevant_rules(book: Law, conclusion: str) -> list[Rule]:
    """The rules drawing a conclusion and, recursively, those drawing what they need."""
    seen: dict[str, Rule] = {}
    todo = [conclusion]
    while todo:
        for rule in book.drawing(todo.pop()):
            if rule.id not in seen:
                seen[rule.id] = rule
                todo += sorted(needs(rule.when))
    return list(seen.values())


def near_misses(
    book: Law, facts: Facts, categories: tuple[str, ...] = CATEGORIES, *, established: bool = False
) -> dict[str, list[NearMiss]]:
    """For each of `categories` not established, the rules toward it that did not fire, closest first
    (unknown before defeated). The three-valued conclusions are computed once for all of them. With `established`,
    the established categories too: their rules that did not fire (what else an answer could add)."""
    status = three_valued.conclusions(book.rules, reduced(book, facts.doc))
    out: dict[str, list[NearMiss]] = {}
    for category in categories:
        if status.get(f"category:{category}") is True and not established:
            continue
        misses = []
        for rule in relevant_rules(book, f"category:{category}"):
            if rule.category not in (category, "admissibility"):
                continue  # another category's rule (V needs II): why-not speaks of this category's own
            value = truth(rule.when, facts.doc, status)
            if value is not True:
                misses.append(NearMiss(rule, value, _conditions(rule, facts, status, book)))
        out[category] = sorted(misses, key=lambda m: (m.status is False, -m.closeness, m.rule.id))
    return out
