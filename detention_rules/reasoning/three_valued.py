"""The plain-Python three-valued logic of a rulebook: which conclusions hold, are unknown, or fail.

durable-rules decides what fires; this logic is its independent twin. The
tests hold the engine to it, and the drafter's views (why not, gaps) use its
three values to tell "not shown" from "shown not to be".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from detention_rules.law.rule import Rule, Tri, truth


def conclusions(rules: Iterable[Rule], doc: Mapping[str, Any]) -> dict[str, Tri]:
    """Every conclusion the rules can draw, as True, None (unknown) or False.

    Two fixpoints: first what is true (rules only add, so it converges), then
    what could still become true if unknown facts were known.
    """
    rules = list(rules)
    status: dict[str, Tri] = {r.concludes: False for r in rules}
    changed = True
    while changed:
        changed = False
        for rule in rules:
            if status[rule.concludes] is not True and truth(rule.when, doc, status) is True:
                status[rule.concludes] = True
                changed = True
    changed = True
    while changed:
        changed = False
        for rule in rules:
            if status[rule.concludes] is False and truth(rule.when, doc, status) is None:
                status[rule.concludes] = None
                changed = True
    return status


def fired(rules: Iterable[Rule], doc: Mapping[str, Any]) -> set[str]:
    """The ids of the rules whose conditions hold once every true conclusion is drawn."""
    rules = list(rules)
    status = conclusions(rules, doc)
    true = {c: True for c, v in status.items() if v is True}
    return {r.id for r in rules if truth(r.when, doc, true) is True}
