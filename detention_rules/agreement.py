"""Measure the engine against the Working Group: every case with an `expected:` block.

Per category: found rightly, missed, found wrongly, and the precision and recall
they give. Each disagreement comes with what caused it: for a category found
wrongly, the rules that drew it; for one missed, the closest rule and the
conditions it lacks. Coverage lists the rules and conditions no case exercises.

Blind twins (issue 28): `cases/blind/x.yaml` encodes the same opinion as `cases/x.yaml`,
written by an encoder who saw only the facts note (docs/sources/README.md). It states no
`expected:`; it is measured against its hand file's, and both encodings are reported side by
side over the cases that have a twin.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import msgspec

from detention_rules import words
from detention_rules.errors import Problem
from detention_rules.input import detainees
from detention_rules.input.case import CATEGORIES, Expected
from detention_rules.input.validate import validate
from detention_rules.law.law import Law
from detention_rules.law.rule import FactCond, Needs, Rule, Trace, Unless, truth, walk
from detention_rules.pipeline import CaseResult, case_files, check_each, check_file, read
from detention_rules.reasoning import facts, runnable, three_valued, tree
from detention_rules.reasoning.derivation import RuleNode
from detention_rules.reasoning.near_misses import near_misses
from detention_rules.reasoning.runnable import Runnable


class Disagreement(msgspec.Struct):
    path: str
    category: str
    kind: Literal["missed", "wrongly found"]
    cause: str
    known_gap: str = ""


#: The mark each category of a case gets: "unjudged" is a category found where the opinion's view is not known
#: (in neither `categories` nor `not_found`), so it counts neither for nor against the engine.
MARKS = ("agreed", "missed", "wrongly found", "rightly rejected", "unjudged")


#: The outcomes an `expected:` block may state, in the order evaluate reports them: each one's key (its name
#: in report.yaml's `evaluation_outcomes:`, which the text report shows) and its key in the JSON data
#: (`outcomes`), which is a public interface and keeps these names whatever the language.
OUTCOME_LABELS = {
    "arbitrary": "arbitrary",
    "arbitrary_unnamed": "arbitrary, no category named",
    "not_arbitrary": "not arbitrary",
    "filed_released": "filed, the person released (para 17 (a))",
    "filed": "filed",
}


def outcome_label(expected: Expected) -> str | None:
    """What the opinion decided, besides its categories (a key of `OUTCOME_LABELS`); None when the
    `expected:` block does not say."""
    if expected.outcome == "arbitrary":
        return "arbitrary" if expected.categories else "arbitrary_unnamed"
    if expected.outcome == "not_arbitrary":
        return "not_arbitrary"
    if expected.outcome == "filed":
        return "filed_released" if expected.filed_reason == "released" else "filed"
    return None


def outcome_agrees(label: str, found: set[str], released: bool) -> bool:
    """Whether the engine's answer agrees with the opinion's outcome: arbitrary, some category established;
    not arbitrary or filed for want of information, none; filed on release, the facts show the release that
    lets the Working Group file the case (methods of work para 17 (a)), whatever the categories."""
    if label in ("arbitrary", "arbitrary_unnamed"):
        return bool(found)
    if label == "filed_released":
        return released
    return not found


class Tally(msgspec.Struct):
    """Agreement over a set of cases, per category, and per outcome the opinions state."""

    cases: int = 0
    counts: dict[str, Counter[str]] = msgspec.field(default_factory=lambda: {c: Counter() for c in CATEGORIES})
    #: per outcome label (`OUTCOME_LABELS`): how many cases the engine "agreed" or "disagreed" with
    outcomes: dict[str, Counter[str]] = msgspec.field(default_factory=dict)

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


#: The folder of blind twins, beside the hand files they twin: cases/blind/x.yaml twins cases/x.yaml.
BLIND = "blind"


class Blind(Tally):
    """The blind twins' agreement, and the hand files' over the same cases for comparison."""

    #: The hand files' tally over the cases that have a blind twin (the same cases as this tally's).
    hand: Tally = msgspec.field(default_factory=Tally)
    #: How many cases (files) have a blind twin that was measured.
    twins: int = 0
    #: Where a blind encoding parts from the opinion. Measurement, not regressions: the exit code ignores them.
    disagreements: list[Disagreement] = msgspec.field(default_factory=list)
    #: A twin that cannot be measured: no hand file, a hand file with no `expected:`, a blind file with one.
    problems: list[str] = msgspec.field(default_factory=list)


class Evaluation(Tally):
    invalid: list[str] = msgspec.field(default_factory=list)
    #: The errors of the invalid files, each at its line: reported as `wgad validate` would, the rest evaluated.
    problems: list[Problem] = msgspec.field(default_factory=list)
    disagreements: list[Disagreement] = msgspec.field(default_factory=list)
    #: The same tally for each grade of source: "A" (the categories stated), "B" (inferred from the
    #: articles), "teaching" (synthetic cases), "ungraded".
    by_grade: dict[str, Tally] = msgspec.field(default_factory=dict)
    blind: Blind = msgspec.field(default_factory=Blind)

    @property
    def unexplained(self) -> list[Disagreement]:
        """Disagreements no case declares as a known gap: each is a regression or a new finding."""
        return [d for d in self.disagreements if not d.known_gap]

    @property
    def agrees(self) -> bool:
        """True when every disagreement is a declared known gap, every case is valid and every twin measurable."""
        return not self.unexplained and not self.invalid and not self.blind.problems


def hand_file(path: Path) -> Path | None:
    """The hand file a blind twin is measured against (cases/blind/x.yaml -> cases/x.yaml); None if not a twin."""
    return path.parent.parent / path.name if path.parent.name == BLIND else None


#: The grades, in the order evaluate reports them (what each means: report.yaml's `evaluation_grades:`).
GRADES = ("A", "B", "ungraded", "teaching")


def grade(case: object) -> str:
    """The grade of a case's source, as evaluate reports it."""
    src = getattr(case, "source", None)
    if src is not None and src.synthetic:
        return "teaching"
    return (src.grade if src is not None else None) or "ungraded"


def _cause_missed(result: CaseResult, category: str, book: Law) -> str:
    assert result.facts is not None
    misses = near_misses(book, result.facts, (category,)).get(category, [])
    w = words.of("report", "evaluation_causes")
    if not misses:
        return w["no_rule"]
    # the closest rule below the category rule itself says what is missing
    specific = [m for m in misses if not m.rule.id.endswith(".established")] or misses
    best = specific[0]
    lacking = [
        (w["unknown"] if c.status is None else w["is"]).format(path=c.path, actual=repr(c.actual), test=c.test)
        for c in best.conditions
        if c.status is not True
    ]
    return w["closest"].format(rule=best.rule.id, lacking=w["separator"].join(lacking[:4]))


def _cause_found(result: CaseResult, category: str) -> str:
    assert result.analysis is not None
    (finding,) = [f for f in result.analysis.findings if f.category == category]
    # the rules the category's rule rests on: those drawing its premises, two steps below it
    steps = tree.walk(finding.tree, sources=False)
    chain = [s.node.rule.id for s in steps if s.depth == 2 and isinstance(s.node, RuleNode)]
    w = words.of("report", "evaluation_causes")
    return w["drawn_by"].format(rules=w["list"].join(dict.fromkeys(chain)))


def evaluate_paths(paths: Iterable[Path], book: Runnable | None = None) -> Evaluation:
    """Run every case that has an `expected:` block and compare; each blind twin against its hand file's."""
    book = book or runnable.load()
    out = Evaluation()
    hand_results: dict[Path, CaseResult] = {}  # each hand file's results, for the side-by-side over twinned cases
    twinned: list[Path] = []
    for path, whole in check_each(paths, book):
        if whole.case is None or not whole.valid:
            out.invalid.append(str(path))
            out.problems += [p for p in whole.problems if p.level == "error"]
            continue
        hand = hand_file(path)
        if hand is not None:
            if _blind(out.blind, path, hand, whole, book):
                twinned.append(hand)
            continue
        expected = whole.case.expected
        if expected is None:
            continue
        hand_results[path.resolve()] = whole
        for result in whole.each():  # each detainee measured against the opinion's findings
            assert result.case is not None and result.analysis is not None
            tally = out.by_grade.setdefault(grade(result.case), Tally())
            out.disagreements += _compare((out, tally), str(path), result, expected, expected.known_gap, book)
    for hand in twinned:  # a hand file not among the paths given (`wgad evaluate cases/blind`) is run here
        if hand.resolve() not in hand_results:
            whole = check_file(hand, book)
            hand_results[hand.resolve()] = whole
        whole = hand_results[hand.resolve()]
        assert whole.case is not None and whole.case.expected is not None  # _blind checked both
        result, found = _per_case(whole)
        expected = whole.case.expected
        _compare((out.blind.hand,), str(hand), result, expected, None, book, found)
    return out


def _blind(out: Blind, path: Path, hand: Path, whole: CaseResult, book: Runnable) -> bool:
    """Measure one blind twin against its hand file's `expected:`; False, with the problem noted, if it cannot be."""
    assert whole.case is not None
    w = words.of("report", "evaluation_twins")
    if whole.case.expected is not None:
        out.problems.append(w["states_expected"].format(path=path, hand=hand))
        return False
    if not hand.is_file():
        out.problems.append(w["no_hand_file"].format(path=path, hand=hand))
        return False
    _, read_hand = read(hand)
    if read_hand.case is None or not read_hand.valid:
        out.problems.append(w["invalid_hand_file"].format(path=path, hand=hand))
        return False
    expected = read_hand.case.expected
    if expected is None:
        out.problems.append(w["no_expected"].format(path=path, hand=hand))
        return False
    out.twins += 1
    result, found = _per_case(whole)
    out.disagreements += _compare((out,), str(path), result, expected, None, book, found)
    return True


def _per_case(whole: CaseResult) -> tuple[CaseResult, set[str]]:
    """One judgement per opinion, as the Working Group's disposition is one: a category counts as found for a
    file of several detainees when it is found for at least half of them (so 16 people weigh as one case)."""
    results = list(whole.each())
    counts = Counter(c for r in results if r.analysis is not None for c in r.analysis.categories)
    return results[0], {c for c, n in counts.items() if 2 * n >= len(results)}


def _compare(
    tallies: tuple[Tally, ...],
    path: str,
    result: CaseResult,
    expected: Expected,
    known_gap: str | None,
    book: Runnable,
    found: set[str] | None = None,
) -> list[Disagreement]:
    """Count one person's findings (or `found`, a whole file's) against what the opinion found, in each tally;
    return the disagreements."""
    where = f"{path} [{result.detainee}]" if result.detainee and found is None else path
    for tally in tallies:
        tally.cases += 1
    assert result.analysis is not None  # a valid case's: evaluate_paths skips invalid ones
    if found is None:
        found = set(result.analysis.categories)
    gap = known_gap or ""
    label = outcome_label(expected)
    if label is not None:
        agrees = outcome_agrees(label, found, result.analysis.released is not None)
        for tally in tallies:
            tally.outcomes.setdefault(label, Counter())["agreed" if agrees else "disagreed"] += 1
    out = []
    for category in CATEGORIES:
        want, got = category in expected.categories, category in found
        if want and got:
            mark = "agreed"
        elif want:
            mark = "missed"
            out.append(Disagreement(where, category, "missed", _cause_missed(result, category, book), gap))
        elif got and category in expected.not_found:
            mark = "wrongly found"
            out.append(Disagreement(where, category, "wrongly found", _cause_found(result, category), gap))
        elif got:
            mark = "unjudged"
        elif category in expected.not_found:
            mark = "rightly rejected"
        else:
            continue
        for tally in tallies:
            tally.counts[category][mark] += 1
    return out


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
    """Coverage of the rulebook over fact documents, read with the three-valued logic."""
    book = book or runnable.load()
    cov = Coverage()
    for rule in book.rules:
        for cond in walk(rule.when):
            if isinstance(cond, (FactCond, Unless, Needs)) and not _inside_unless(rule, cond):
                cov.conditions.setdefault(_key(rule.id, cond), set())
    for doc in docs:
        status = three_valued.conclusions(book.rules, doc)
        for rule in book.rules:
            trace = Trace()
            value = truth(rule.when, doc, status, trace)
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
        for person_doc in detainees.each(doc):
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
        for person in list(detainees.each(doc)) or [doc]:
            ex = variations.exercise(person, book)
            for v in ex.variations:
                for rule in v.rules:
                    out.by_variation.setdefault(rule.id, []).append(f"{path}: --set {v.setting}")
                    if teaching and v.before is not None:
                        out.by_teaching.setdefault(rule.id, []).append(str(path))
    return out
