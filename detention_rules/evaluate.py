"""Measure the engine against the Working Group: every case with an `expected:` block.

Per category: found rightly, missed, found wrongly, and the precision and recall
they give. Each disagreement comes with what caused it: for a category found
wrongly, the rules that drew it; for one missed, the closest rule and the
conditions it lacks. Coverage lists the rules and conditions no case exercises.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import facts, reading, rulebook
from .case import CATEGORIES
from .check import CaseResult, case_files, check_file, read
from .rule import FactCond, Needs, Rule, Trace, Unless, evaluate, walk
from .whynot import near_misses


@dataclass
class Disagreement:
    path: str
    category: str
    kind: str  # "missed" or "wrongly found"
    cause: str
    known_gap: str = ""


@dataclass
class Evaluation:
    cases: int = 0
    invalid: list[str] = field(default_factory=list)
    counts: dict[str, Counter[str]] = field(default_factory=lambda: {c: Counter() for c in CATEGORIES})
    disagreements: list[Disagreement] = field(default_factory=list)

    def precision(self, category: str) -> float | None:
        c = self.counts[category]
        found = c["agreed"] + c["wrongly found"]
        return c["agreed"] / found if found else None

    def recall(self, category: str) -> float | None:
        c = self.counts[category]
        expected = c["agreed"] + c["missed"]
        return c["agreed"] / expected if expected else None

    @property
    def agrees(self) -> bool:
        return not self.disagreements and not self.invalid


def _cause_missed(result: CaseResult, category: str, book: rulebook.Rulebook) -> str:
    assert result.facts is not None
    misses = near_misses(book, result.facts, (category,)).get(category, [])
    if not misses:
        return "no rule leads to this category"
    # the closest rule below the category rule itself says what is missing
    specific = [m for m in misses if not m.rule.id.endswith(".established")] or misses
    best = specific[0]
    lacking = [
        f"{c.path} {'unknown' if c.status is None else 'is ' + repr(c.actual)} (needs {c.test})"
        for c in best.checks
        if c.status is not True
    ]
    return f"closest rule {best.rule.id}: " + "; ".join(lacking[:4])


def _cause_found(result: CaseResult, category: str) -> str:
    assert result.analysis is not None
    (finding,) = [f for f in result.analysis.findings if f.category == category]
    chain = [rule.rule.id for premise in finding.tree.support[0].premises for rule in premise.support]
    return "drawn by " + ", ".join(dict.fromkeys(chain))


def evaluate_paths(paths: Iterable[Path], book: rulebook.Rulebook | None = None) -> Evaluation:
    """Run every case that has an `expected:` block and compare."""
    book = book or rulebook.load()
    out = Evaluation()
    for path in case_files(paths):
        result = check_file(path, book)
        if result.case is None or result.analysis is None:
            out.invalid.append(str(path))
            continue
        expected = result.case.expected
        if expected is None:
            continue
        out.cases += 1
        found = set(result.analysis.categories)
        gap = expected.known_gap or ""
        for category in CATEGORIES:
            want, got = category in expected.categories, category in found
            if want and got:
                out.counts[category]["agreed"] += 1
            elif want:
                out.counts[category]["missed"] += 1
                out.disagreements.append(
                    Disagreement(str(path), category, "missed", _cause_missed(result, category, book), gap)
                )
            elif got:
                out.counts[category]["wrongly found"] += 1
                out.disagreements.append(
                    Disagreement(str(path), category, "wrongly found", _cause_found(result, category), gap)
                )
            elif category in expected.not_found:
                out.counts[category]["rightly rejected"] += 1
    return out


@dataclass
class Coverage:
    """Which rules fired or were defeated, and which conditions were ever known true or false."""

    fired: Counter[str] = field(default_factory=Counter)
    defeated: Counter[str] = field(default_factory=Counter)
    conditions: dict[str, set[bool]] = field(default_factory=dict)

    def unexercised_rules(self, book: rulebook.Rulebook) -> list[str]:
        return [r.id for r in book.rules if not self.fired[r.id] and not self.defeated[r.id]]

    def unexercised_conditions(self) -> list[str]:
        return sorted(k for k, seen in self.conditions.items() if not seen)


def _key(rule_id: str, cond: object) -> str:
    pos = getattr(cond, "pos", None)
    what = getattr(cond, "path", None) or getattr(cond, "conclusion", None) or type(cond).__name__
    if hasattr(cond, "cond"):
        what = f"unless {cond.cond.path}"  # type: ignore[attr-defined]
    return f"{rule_id}: {what} (line {pos.line if pos else '?'})"


def _inside_unless(rule: Rule, cond: object) -> bool:
    return any(isinstance(c, Unless) and c.cond is cond for c in walk(rule.when))


def coverage(docs: Iterable[dict], book: rulebook.Rulebook | None = None) -> Coverage:
    """Coverage of the rulebook over fact documents, read with the plain reading."""
    book = book or rulebook.load()
    cov = Coverage()
    for rule in book.rules:
        for cond in walk(rule.when):
            if isinstance(cond, (FactCond, Unless, Needs)) and not _inside_unless(rule, cond):
                cov.conditions.setdefault(_key(rule.id, cond), set())
    for doc in docs:
        status = reading.conclusions(book.rules, doc)
        for rule in book.rules:
            trace = Trace()
            value = evaluate(rule.when, doc, status, trace)
            if value is True:
                cov.fired[rule.id] += 1
            elif value is False:
                cov.defeated[rule.id] += 1
            for cond, leaf_value, _ in trace.leaves:
                if leaf_value is not None:
                    cov.conditions.setdefault(_key(rule.id, cond), set()).add(leaf_value)
    return cov


def case_docs(paths: Iterable[Path]) -> list[dict]:
    """The fact documents of every valid case under `paths`."""
    out = []
    for path in case_files(paths):
        doc, result = read(path)
        if result.case is not None and result.valid:
            out.append(facts.build(result.case, doc).doc)
    return out
