"""The gap questions: unknown facts whose answers could change findings, or add to them, most consequential first.

Only facts a near miss waits on are asked (`near_misses.py`); a fact known to be false
is never asked again. A near miss toward a category not established could establish it
(or an answer could remove one); a near miss toward an established category would add a
violation to it, which makes the submission stronger. Each question names a field of the
case file (never a derived fact: the facts it is computed from are asked, `asking.fields_asked`),
only once its prerequisite is answered and only where it applies (`asking.applies`). Ranked:
what could establish or remove a category (most categories first), then what would add a
violation to an established one, then what could help establish a category with other
answers; ties go to what the Working Group weighs most (`WEIGHED_FIRST`, then the rule files'
order), then to the questionnaire's order.
"""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from detention_rules.input.case import CATEGORIES
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import Bounded, questionnaire
from detention_rules.law.law import Law
from detention_rules.reasoning.asking import next_fields, period, question
from detention_rules.reasoning.facts import Facts
from detention_rules.reasoning.impact import Impact
from detention_rules.reasoning.near_misses import NearMiss, near_misses

#: The violations the Working Group weighs most, asked first among questions that tie: the legal basis of the
#: arrest (a warrant), prompt judicial control (habeas corpus), counsel from the outset and at trial, a legal
#: basis invoked at all, the reasons for the arrest, torture, incommunicado detention and disappearance: the
#: safeguards its opinions call fundamental from the first moment of a deprivation of liberty (Basic
#: Principles and Guidelines on remedies before a court, A/HRC/30/37, principles 9 and 21; ICCPR 9(1)-(4),
#: 14(3)(b), (d)). Every other rule follows in its rule file's order (each file follows the Covenant's
#: articles), category I to V. docs/cli.md, "wgad gaps".
WEIGHED_FIRST = (
    "I.no-warrant",
    "I.not-brought-promptly-before-judge",
    "III.counsel-denied",
    "III.counsel-restricted",
    "I.no-legal-basis-invoked",
    "I.reasons-not-given",
    "III.ill-treatment",
    "I.incommunicado",
    "I.enforced-disappearance",
    "III.coerced-confession",
)


class Question(msgspec.Struct, frozen=True):
    """An unknown fact whose answer could change findings or add a violation to one."""

    field: str  # a field of the case file: what `--set` and the interview set
    text: str  # the question, naming the period (or other list item) it asks about
    impact: int  # how many categories one answer could establish or remove
    rules: tuple[str, ...]
    adds: tuple[str, ...] = ()  # the established categories an answer could add a violation under

    @property
    def rank(self) -> int:
        """0: could establish or remove a category; 1: could add a violation to an established one; 2: neither
        alone (it helps establish a category together with other answers)."""
        return 0 if self.impact else 1 if self.adds else 2


def questions(book: Law, facts: Facts, misses: Mapping[str, list[NearMiss]] | None = None) -> list[Question]:
    """The open questions of a case, ranked (see the module's docstring). `misses`: `near_misses(book, facts,
    established=True)` when the caller already has it (not computed twice; without the established categories,
    no question says what it adds)."""
    misses = near_misses(book, facts, established=True) if misses is None else misses
    impact = Impact(book, facts.doc)
    order = _rule_order(book)
    impacts: dict[str, int] = {}
    found: dict[str, _Found] = {}
    for category, category_misses in misses.items():
        held = category in impact.base
        for miss in category_misses:
            if miss.status is not None:
                continue
            for cond in miss.conditions:
                # a length known only between bounds that leave the threshold open is asked too: dates settle it
                open_bound = cond.actual is None or isinstance(cond.actual, Bounded)
                if cond.status is not None or not cond.path or cond.needs_conclusion or not open_bound:
                    continue
                if cond.path not in impacts:
                    impacts[cond.path] = impact.of(cond.path)
                for field in next_fields(facts.doc, cond.path):
                    entry = found.setdefault(field, _Found())
                    entry.rules.add(miss.rule.id)
                    entry.impact = max(entry.impact, impacts[cond.path])
                    entry.weight = min(entry.weight, _weight(order, miss.rule.id))
                    if held and miss.rule.category == category:
                        entry.adds.add(category)
    out = [
        (
            entry.weight,
            Question(
                field,
                _worded(facts.doc, field),
                entry.impact,
                tuple(sorted(entry.rules)),
                tuple(c for c in CATEGORIES if c in entry.adds),
            ),
        )
        for field, entry in found.items()
    ]
    out.sort(key=lambda wq: (wq[1].rank, -wq[1].impact, wq[0], _order(wq[1].field)))
    return [q for _, q in out]


class _Found(msgspec.Struct):
    """What the near misses say of one field, gathered before it becomes a `Question`."""

    rules: set[str] = msgspec.field(default_factory=set)
    adds: set[str] = msgspec.field(default_factory=set)
    impact: int = 0
    weight: int = 1 << 30


def _weight(order: Mapping[str, int], rule: str) -> int:
    """Where a rule's violation stands in what the Working Group weighs (lower first); `order`: `_rule_order`."""
    if rule in WEIGHED_FIRST:
        return WEIGHED_FIRST.index(rule)
    return len(WEIGHED_FIRST) + order.get(rule, len(order))


def _rule_order(book: Law) -> dict[str, int]:
    """Each rule's place in the rule files, category I to V."""
    ranked = sorted(book.rules, key=lambda r: CATEGORIES.index(r.category) if r.category in CATEGORIES else 99)
    return {r.id: n for n, r in enumerate(ranked)}


def _order(field: str) -> tuple[int, str]:
    """A field's place in the questionnaire (then its path: a later period after an earlier one)."""
    names = list(questionnaire())
    generic = FieldPath.generic_name(field)
    return (names.index(generic) if generic in names else len(names), field)


def _worded(doc: Mapping[str, object], field: str) -> str:
    """The field's question, with the period (or other list item) it asks about named."""
    named = period(doc, field)
    return question(field, named)
