"""Measure the engine against the Working Group: every case with an `expected:` block.

Per category: found rightly, missed, found wrongly, and the precision and recall
they give. Each disagreement comes with what caused it: for a category found
wrongly, the rules that drew it; for one missed, the closest rule and the
conditions it lacks. Coverage lists the rules and conditions no case exercises.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import msgspec

from detention_rules.input import detainees
from detention_rules.input.case import CATEGORIES, Expected
from detention_rules.input.validate import validate
from detention_rules.law.law import Law
from detention_rules.law.rule import FactCond, Needs, Rule, Trace, Unless, evaluate, walk
from detention_rules.pipeline import CaseResult, case_files, check_file, read
from detention_rules.reasoning import facts, reading, runnable
from detention_rules.reasoning.near_misses import near_misses
from detention_rules.reasoning.runnable import Runnable


class Disagreement(msgspec.Struct):
    path: str
    category: str
    kind: str  # "missed" or "wrongly found"
    cause: str
    known_gap: str = ""


#: Outcome counts per category: "unjudged" is a category found where the opinion's view is not known
#: (in neither `categories` nor `not_found`), so it counts neither for nor against the engine.
OUTCOMES = ("agreed", "missed", "wrongly found", "rightly rejected", "unjudged")


class Tally(msgspec.Struct):
    """Agreement over a set of cases, per category."""

    cases: int = 0
    counts: dict[str, Counter[str]] = msgspec.field(default_factory=lambda: {c: Counter() for c in CATEGORIES})

    def precision(self, category: str) -> float | None:
        c = self.counts[category]
        found = c["agreed"] + c["wrongly found"]
        return c["agreed"] / found if found else None

    def recall(self, category: str) -> float | None:
        c = self.counts[category]
        expected = c["agreed"] + c["missed"]
        return c["agreed"] / expected if expected else None

    def agreement(self) -> float | None:
        """Share of judged category decisions (found or rejected, expected or not) that agree."""
        good = sum(c["agreed"] + c["rightly rejected"] for c in self.counts.values())
        bad = sum(c["missed"] + c["wrongly found"] for c in self.counts.values())
        return good / (good + bad) if good + bad else None


class Evaluation(Tally):
    invalid: list[str] = msgspec.field(default_factory=list)
    disagreements: list[Disagreement] = msgspec.field(default_factory=list)
    #: The same tally for each grade of source: "A" (the categories stated), "B" (inferred from the
    #: articles), "teaching" (synthetic cases), "ungraded".
    by_grade: dict[str, Tally] = msgspec.field(default_factory=dict)

    @property
    def unexplained(self) -> list[Disagreement]:
        """Disagreements no case declares as a known gap: each is a regression or a new finding."""
        return [d for d in self.disagreements if not d.known_gap]

    @property
    def agrees(self) -> bool:
        """True when every disagreement is a declared known gap and every case is valid."""
        return not self.unexplained and not self.invalid


#: The grades, in the order evaluate reports them, with what each means.
GRADES = {
    "A": "Grade A (a page read states the categories)",
    "B": "Grade B (categories inferred from the articles cited)",
    "ungraded": "Real cases with no grade recorded",
    "teaching": "Teaching cases (synthetic)",
}


def grade(case: object) -> str:
    """The grade of a case's source, as evaluate reports it."""
    src = getattr(case, "source", None)
    if src is not None and src.synthetic:
        return "teaching"
    return (src.grade if src is not None else None) or "ungraded"


def _cause_missed(result: CaseResult, category: str, book: Law) -> str:
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


def evaluate_paths(paths: Iterable[Path], book: Runnable | None = None) -> Evaluation:
    """Run every case that has an `expected:` block and compare."""
    book = book or runnable.load()
    out = Evaluation()
    for path in case_files(paths):
        whole = check_file(path, book)
        if whole.case is None or not whole.valid:
            out.invalid.append(str(path))
            continue
        expected = whole.case.expected
        if expected is None:
            continue
        for result in whole.each():  # each detainee measured against the opinion's findings
            assert result.case is not None and result.analysis is not None
            _compare(out, str(path), result, expected, book)
    return out


def _compare(out: Evaluation, path: str, result: CaseResult, expected: Expected, book: Runnable) -> None:
    """Count one person's findings against what the opinion found."""
    where = f"{path} [{result.detainee}]" if result.detainee else path
    out.cases += 1
    tally = out.by_grade.setdefault(grade(result.case), Tally())
    tally.cases += 1
    assert result.analysis is not None  # a valid case's: evaluate_paths skips invalid ones
    found = set(result.analysis.categories)
    gap = expected.known_gap or ""
    for category in CATEGORIES:
        want, got = category in expected.categories, category in found
        if want and got:
            outcome = "agreed"
        elif want:
            outcome = "missed"
            out.disagreements.append(Disagreement(where, category, outcome, _cause_missed(result, category, book), gap))
        elif got and category in expected.not_found:
            outcome = "wrongly found"
            cause = _cause_found(result, category)
            out.disagreements.append(Disagreement(where, category, outcome, cause, gap))
        elif got:
            outcome = "unjudged"
        elif category in expected.not_found:
            outcome = "rightly rejected"
        else:
            continue
        out.counts[category][outcome] += 1
        tally.counts[category][outcome] += 1


class Coverage(msgspec.Struct):
    """Which rules fired or were defeated, and which conditions were ever known true or false."""

    fired: Counter[str] = msgspec.field(default_factory=Counter)
    defeated: Counter[str] = msgspec.field(default_factory=Counter)
    conditions: dict[str, set[bool]] = msgspec.field(default_factory=dict)

    def unexercised_rules(self, book: Law) -> list[str]:
        return [r.id for r in book.rules if not self.fired[r.id] and not self.defeated[r.id]]

    def unexercised_conditions(self) -> list[str]:
        return sorted(k for k, seen in self.conditions.items() if not seen)


def _key(rule_id: str, cond: object) -> str:
    pos = getattr(cond, "pos", None)
    what = getattr(cond, "path", None) or getattr(cond, "conclusion", None) or type(cond).__name__
    if isinstance(cond, Unless):
        what = f"unless {cond.cond.path}"
    return f"{rule_id}: {what} (line {pos.line if pos else '?'})"


def _inside_unless(rule: Rule, cond: object) -> bool:
    return any(isinstance(c, Unless) and c.cond is cond for c in walk(rule.when))


def coverage(docs: Iterable[dict], book: Law | None = None) -> Coverage:
    """Coverage of the rulebook over fact documents, read with the plain reading."""
    book = book or runnable.load()
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


def case_docs(paths: Iterable[Path], book: Law) -> list[dict]:
    """The fact documents of every valid case under `paths`, under `book`'s parameters."""
    out = []
    for path in case_files(paths):
        doc, result = read(path)
        if doc is None or result.case is None or not result.valid:
            continue
        if not detainees.count(doc):
            out.append(facts.build(book, result.case, doc).doc)
        for index in range(detainees.count(doc)):
            person_doc = detainees.split(doc, index)
            case, _ = validate(person_doc)
            if case is not None:
                out.append(facts.build(book, case, person_doc).doc)
    return out


class Isolation(msgspec.Struct):
    """Which rules a case isolates: the rule, and a category with it, turn on or off with one fact.

    A teaching case isolates a rule when changing one fact the case states (not adding one it
    leaves unknown) turns the rule on or off and with it a category: the case's own facts
    decide it, as a defeater decides the incitement case. A generated variation (of any case)
    isolates a rule when its one change turns the rule on or off and moves a category. Each
    change is run through the engine (`variations.exercise`). A category's own rule
    (`I.established`) is left out: it moves whenever a rule of its category does.
    """

    by_teaching: dict[str, list[str]] = msgspec.field(default_factory=dict)  # rule id -> teaching files
    by_variation: dict[str, list[str]] = msgspec.field(default_factory=dict)  # rule id -> "file: --set"

    def not_by_teaching(self, book: Law) -> list[str]:
        return [r.id for r in book.rules if r.kind != "category" and r.id not in self.by_teaching]

    def by_neither(self, book: Law) -> list[str]:
        return [i for i in self.not_by_teaching(book) if i not in self.by_variation]


def isolation(paths: Iterable[Path], book: Runnable | None = None) -> Isolation:
    """Run every single-fact variation of every valid case under `paths` (each detainee's too)."""
    from detention_rules import variations

    book = book or runnable.load()
    out = Isolation()
    for path in case_files(paths):
        doc, result = read(path)
        if doc is None or result.case is None or not result.valid:
            continue
        teaching = grade(result.case) == "teaching"
        for person in range(detainees.count(doc)) if detainees.count(doc) else [None]:
            ex = variations.exercise(doc if person is None else detainees.split(doc, person), book)
            for v in ex.variations:
                for rule in v.rules:
                    out.by_variation.setdefault(rule.id, []).append(f"{path}: --set {v.setting}")
                    if teaching and v.before is not None:
                        out.by_teaching.setdefault(rule.id, []).append(str(path))
    return out
