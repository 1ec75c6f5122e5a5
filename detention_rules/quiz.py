"""The quiz: cases (or "change one fact" variations) to answer, and each answer scored per category.

The right answer is the engine's: the categories it establishes on the facts shown.
A category missed is explained by the rules that establish it, with their law; one
found where the engine does not is explained by the closest rule and what it lacks
(why-not). Which cases, in which order, follows `seed`, so a session can be repeated.

The score rewards knowing the categories, not leaving boxes empty: a case is worth one
point per category the engine establishes (one point for a case that establishes none,
earned by answering "none"); an answer earns a point per category found and loses one
per category over-found; the session's score is its points earned (never below 0) over
the points it was worth. Answering "none" everywhere earns only the cases where nothing
is established.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from pathlib import Path

import msgspec

from detention_rules import variations, words
from detention_rules.input import detainees, source
from detention_rules.input.case import CATEGORIES
from detention_rules.pipeline import CaseResult, case_files, check_doc, read
from detention_rules.reasoning import tree
from detention_rules.reasoning.derivation import ConclusionNode, RuleNode
from detention_rules.reasoning.near_misses import NearMiss, near_misses
from detention_rules.reasoning.runnable import Runnable
from detention_rules.reasoning.whatif import apply, parse_sets

RIGHT, MISSED, OVER = "right", "missed", "over-found"


class Item(msgspec.Struct):
    """One question of the quiz: a person's case as the file states it, or with one fact changed."""

    path: str
    title: str
    result: CaseResult  # the analysed case the trainee sees (the changed one, for a variation)
    variation: variations.Variation | None = None

    @property
    def answer(self) -> tuple[str, ...]:
        assert self.result.analysis is not None
        return tuple(self.result.analysis.categories)


class Mark(msgspec.Struct):
    """One category of one answer: right, missed or over-found, with what decides it."""

    category: str
    verdict: str
    found: bool  # whether the engine establishes it
    rules: list[RuleNode] = msgspec.field(default_factory=list)  # for a category found: the rules that establish it
    closest: NearMiss | None = None  # for a category not found: the rule that came closest


def load(
    paths: Iterable[Path], book: Runnable, seed: int | None, variation_count: int = 0, limit: int | None = None
) -> list[Item]:
    """The valid cases under `paths` (each detainee a case of their own), shuffled by `seed`, each followed
    by the variations drawn from it: `variation_count` in all, taken in turn from the cases asked (so
    several of one case when there are few cases), each a change that applies to the case. `limit`: at
    most that many items, variations included (room is kept for them)."""
    cases: list[tuple[Item, source.Document]] = []
    for path in case_files(paths):
        doc, result = read(path)
        if doc is None or result.case is None or not result.valid:
            continue
        several = bool(detainees.count(doc))
        for index, person in enumerate(detainees.each(doc)) if several else [(0, doc)]:
            title = result.case.title or str(path)
            if several:
                title = f"{title} ({detainees.label(doc, index)})"
            cases.append((Item(str(path), title, check_doc(person, book)), person))
    rng = random.Random(seed)
    rng.shuffle(cases)
    if limit is not None:
        cases = cases[: max(limit - variation_count, 1)]
    pools: list[list[variations.Variation]] = []
    for _, doc in cases if variation_count else []:
        pool = list(variations.exercise(doc, book).variations)
        rng.shuffle(pool)
        pools.append(pool)
    drawn: list[list[variations.Variation]] = [[] for _ in cases]
    left = variation_count
    while left and any(pools):
        for n, pool in enumerate(pools):
            if pool and left:
                drawn[n].append(pool.pop())
                left -= 1
    out: list[Item] = []
    for (item, doc), chosen in zip(cases, drawn, strict=True):
        out.append(item)
        for v in chosen:
            out.append(Item(item.path, item.title, check_doc(apply(doc, parse_sets([v.setting])), book), v))
    return out[:limit] if limit is not None else out


#: A category as an arabic numeral ("1, 3" is "I, III").
_NUMERALS = {str(n): c for n, c in enumerate(CATEGORIES, 1)}


def parse_answer(text: str) -> set[str]:
    """ "I, III", "i iii", "1, 3", "I;V" or "none" -> the categories; ValueError for anything else."""
    said = words.of("cli", "quiz")
    answers = [w for w in re.split(r"[\s,;/+]+", text.strip()) if w]
    if not answers:
        raise ValueError(said["no_answer"])
    if len(answers) == 1 and answers[0].lower() in {w.strip() for w in said["none_words"].split(",")}:
        return set()
    out = set()
    for w in answers:
        category = _NUMERALS.get(w, w.upper())
        if category not in CATEGORIES:
            raise ValueError(said["not_a_category"].format(answer=repr(w)))
        out.add(category)
    return out


def _rules(node: ConclusionNode, category: str) -> list[RuleNode]:
    """The rules of `category` in a finding's tree, each once, nearest the finding first, the category's own
    rule last (the rules it rests on say why)."""
    found = [(s.depth, s.node) for s in tree.walk(node, sources=False) if isinstance(s.node, RuleNode)]
    out: dict[str, RuleNode] = {}
    for _, rule in sorted(found, key=lambda f: f[0]):  # a rule met at several depths counts at its nearest
        if rule.rule.category == category:
            out.setdefault(rule.rule.id, rule)
    return sorted(out.values(), key=lambda r: r.rule.kind == "category")


def score(item: Item, answer: set[str], book: Runnable) -> list[Mark]:
    """Each category of one answer against the engine's."""
    assert item.result.analysis is not None and item.result.facts is not None
    findings = {f.category: f for f in item.result.analysis.findings}
    misses = near_misses(book, item.result.facts)
    marks = []
    for c in CATEGORIES:
        found = c in findings
        verdict = RIGHT if (c in answer) == found else MISSED if found else OVER
        mark = Mark(c, verdict, found)
        if found:
            mark.rules = _rules(findings[c].tree, c)
        else:
            specific = [m for m in misses.get(c, []) if m.rule.kind != "category"] or misses.get(c, [])
            mark.closest = specific[0] if specific else None
        marks.append(mark)
    return marks


class Tally(msgspec.Struct):
    """A session's marks counted: per category found, missed and over-found, and the points (module docstring)."""

    found: dict[str, int] = msgspec.field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    missed: dict[str, int] = msgspec.field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    over: dict[str, int] = msgspec.field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    earned: int = 0
    worth: int = 0

    def add(self, marks: list[Mark]) -> tuple[int, int]:
        """Count one answer's marks; its own points earned (may be below 0) and worth."""
        for m in marks:
            if m.found:
                (self.found if m.verdict == RIGHT else self.missed)[m.category] += 1
            elif m.verdict == OVER:
                self.over[m.category] += 1
        earned, worth = points(marks)
        self.earned, self.worth = self.earned + earned, self.worth + worth
        return earned, worth

    @property
    def percent(self) -> int:
        """The score: points earned (at least 0) over the points the cases were worth, in percent."""
        return round(100 * max(self.earned, 0) / self.worth) if self.worth else 0


def points(marks: list[Mark]) -> tuple[int, int]:
    """One answer's points earned and what the case is worth: a point per category established (one for
    a case that establishes none), a point per category found (or for "none" rightly answered), less a
    point per category over-found."""
    established = sum(m.found for m in marks)
    over = sum(m.verdict == OVER for m in marks)
    if not established:
        return (1 if not over else -over), 1
    return sum(m.found and m.verdict == RIGHT for m in marks) - over, established
