"""The reasoning beside the form in a lawyer's words: conditions, grounds and what-ifs as sentences.

The page never shows a field path, a rule's id or the engine's words (met, drawn...). A fact is
told with the draft's own sentence for it (`output.narrative.Teller.fact`, `locales/<lang>/draft.yaml`):
the page and the draft say a fact one way. A fact not known yet is its question, a period's fact is
named after its period ("Police custody from 3 March 2025"), a conclusion another rule draws is the
titles of the rules that draw it, and a what-if says what each answer would change, category by
category (`locales/<lang>/web.yaml`, `told:`).
"""

from __future__ import annotations

import functools
from typing import Any

from detention_rules import words
from detention_rules.input.case import Case
from detention_rules.law.law import Law
from detention_rules.output import narrative
from detention_rules.output.citable import prints_refs
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning import tree
from detention_rules.reasoning.asking import period, question, show_value
from detention_rules.reasoning.derivation import Finding, RuleNode
from detention_rules.reasoning.facts import FactNode, Facts
from detention_rules.reasoning.near_misses import ConditionState
from detention_rules.reasoning.whatif import Change

#: The page's sentences for the reasoning (locales/<lang>/web.yaml, `told:`, `told_needs:`, `periods:`).
SAYS = words.of("web", "told")
NEEDS = words.of("web", "told_needs")
PERIODS = words.of("web", "periods")


@functools.cache
def _derived() -> dict[str, Any]:
    """The sentences of the facts the engine computes (`told_derived:`), by field, then by answer for a
    yes/no fact (`arrest.judge_within_48h=true`): read when a fact is first told, not when `wgad serve`
    imports the page's modules."""
    out: dict[str, Any] = {}
    for key, sentence in words.of("web", "told_derived").items():
        field, _, answer = key.partition("=")
        if answer:
            out.setdefault(field, {})[answer == "true"] = sentence
        else:
            out[field] = sentence
    return out


class Told:
    """One person's facts and the law, told: every sentence the reasoning panel shows of them."""

    def __init__(self, book: Law, facts: Facts, found: frozenset[str] = frozenset(), case: Case | None = None):
        """`found`: the categories established on these facts (what a what-if's changes are told against);
        `case`: the file, for the language its free text is written in, its `translations:`, and whether a
        fact shows its `ref:` as the draft does (`citable.prints_refs`: a drafter's own file's, never a library
        case's encoding notes)."""
        self.book = book
        self.facts = facts
        self.found = found
        self.case = case
        self.refs = case is None or prints_refs(case)
        self.w = words.load("draft")
        self.teller = narrative.Teller(facts.leaves, self.w)

    # --- facts -----------------------------------------------------------------------------

    def part(self, path: str) -> str:
        """The period or the conduct a path is of, named ("Police custody from 3 March 2025"); "" else."""
        return named(self.facts.doc, path)

    def _in_part(self, path: str, text: str) -> str:
        part = self.part(path)
        return SAYS["in_part"].format(part=part, text=text) if part else text

    def fact(self, path: str, value: Any) -> str:
        """A fact with `value`, as the draft tells it, its period named; without a sentence, the question
        and the answer in words."""
        with narrative.written(self.case, None):
            text = self.teller.fact(path, value, _derived())
        if not text:
            text = SAYS["answered"].format(question=question(path), answer=show_value(value, path, words=True))
        return self._in_part(path, text)

    def leaf(self, leaf: FactNode) -> str:
        """A fact of a finding's reasoning: its sentence, with its reference and whether it is contested in one
        parenthesis before its full stop, as the draft cites (`narrative.cite`: "shown at the arrest (paras 11,
        69).", never "shown at the arrest. (paras 11, 69)")."""
        cited = [narrative.refs([leaf.ref], self.w)] if leaf.ref and self.refs else []
        marks = [SAYS["contested"]] if leaf.contested else []
        return narrative.cite(self.fact(leaf.path, leaf.value), "; ".join([*cited, *marks]))

    def asked(self, path: str) -> str:
        """A fact not known yet: its question, its period named."""
        return self._in_part(path, question(path))

    # --- the law ---------------------------------------------------------------------------

    def titles(self, conclusion: str) -> str:
        """A conclusion as the titles of the rules that draw it ("No arrest warrant was presented")."""
        titles = [r.title for r in self.book.drawing(conclusion)]
        return SAYS["or"].join(dict.fromkeys(titles)) if titles else SAYS["unnamed"]

    def condition(self, state: ConditionState) -> str:
        """One condition of a rule that did not apply: the fact as it stands, the question still open, or
        what another rule must establish."""
        if state.needs_conclusion:
            key = "established" if state.status is True else "not_shown" if state.status is False else "open"
            return NEEDS[key].format(titles=self.titles(str(state.path)))
        path = str(state.path)
        if not path:
            return SAYS["unnamed"]
        if "." not in path:  # a whole list, nothing known of any item (the periods, the conduct)
            return SAYS["list_unknown"].format(list=words.of("web", "sections").get(path, path))
        if state.status is None:
            return self.asked(path)
        if state.actual is None:  # an exception the file does not state: its question, unanswered
            return self._in_part(path, SAYS["not_stated"].format(question=question(path)))
        return self.fact(path, state.actual)

    def text(self, node: RuleNode) -> str:
        """What a rule found, as its `explain:` says it, with dates as the Working Group writes them and the
        drafter's words it quotes set apart to translate where they are in another language than the page's
        ("[à traduire : three Facebook posts]"), as the draft sets them apart."""
        text = narrative.dates_in(node.text, self.w)
        with narrative.written(self.case, None):
            return narrative.set_apart(text, self._typed, self.w)

    @functools.cached_property
    def _typed(self) -> frozenset[str]:
        """The free text of these facts (`narrative.free_text`): read once per person, not once per rule the panel
        tells."""
        return narrative.free_text(self.facts.leaves)

    def grounds(self, finding: Finding) -> list[tuple[RuleNode, list[RuleNode]]]:
        """The violations a category rests on, each rule once, with the violations a rule that reads no fact
        but weighs others rests on in turn (category III's gravity: the fair-trial violations it weighs)."""
        out: list[tuple[RuleNode, list[RuleNode]]] = []
        for step in tree.walk(finding.tree, set(), tree.rules, sources=False):
            node = step.node
            if step.repeated or not isinstance(node, RuleNode) or not _shown(node.rule.concludes):
                continue
            if step.depth == 2:  # drawn for a premise of the category's own rule
                out.append((node, []))
            elif out and step.depth > 2 and not out[-1][0].facts:
                out[-1][1].append(node)
        return out

    def facts_of(self, node: RuleNode) -> list[str]:
        """The facts a rule read, as sentences (an exception the file does not show is left out)."""
        return [self.leaf(f) for f in node.facts if not f.absent_defeater]

    # --- what if ---------------------------------------------------------------------------

    def if_value(self, path: str, value: Any) -> str:
        """The head of one what-if answer: "If instead: No warrant was shown at the arrest."."""
        if value is None:
            return SAYS["if_unknown"]
        return SAYS["if_value"].format(fact=self.fact(path, value))

    def changes(self, changes: list[Change], after: CaseResult) -> list[tuple[str, str]]:
        """What an answer would change, each with its kind (appears, disappears, changes, stays): read from
        the changed case's result, `after` (a category or a ground it holds, or not)."""
        if after.analysis is None or after.facts is None:
            return []
        found = {f.category for f in after.analysis.findings}
        concluded = set(after.analysis.concluded)
        out = []
        moved = {c.subject for c in changes if c.category}
        for change in changes:
            if change.category and change.subject not in found:
                out.append(("disappears", SAYS["ceases"].format(category=change.subject)))
            elif change.category and change.subject in self.found:
                out.append(("changes", SAYS["strength"].format(category=change.subject)))
            elif change.category:
                out.append(("appears", SAYS["becomes"].format(category=change.subject)))
        grounds = [c for c in changes if not c.category and _shown(c.subject)]
        gained = [c for c in grounds if c.subject in concluded]
        lost = [c for c in grounds if c.subject not in concluded]
        if gained:
            out.append(("appears", SAYS["adds"].format(titles=self._listed(gained))))
        if lost:
            out.append(("disappears", SAYS["removes"].format(titles=self._listed(lost))))
        touched = {r.category for c in grounds for r in self.book.drawing(c.subject)}  # the categories they are of
        if grounds:
            told = Told(self.book, after.facts, case=self.case)
            for finding in after.analysis.findings:
                if finding.category in touched and finding.category not in moved:
                    rests = " ".join(told.text(rule) for rule, _ in told.grounds(finding))
                    out.append(("stays", SAYS["still"].format(category=finding.category, grounds=rests)))
        return out

    def _listed(self, changes: list[Change]) -> str:
        return SAYS["and"].join(self.titles(c.subject) for c in changes)


def changes_of(book: Law, before: CaseResult, changes: list[Change], after: CaseResult) -> list[tuple[str, str]]:
    """What an answer would change (`Told.changes`), person by person: in a case of several detainees, each
    person's changes told against their own findings and named after them ("Alain Fogue Tedom: category III
    would no longer be established")."""
    out: list[tuple[str, str]] = []
    for was, now in zip(before.each(), after.each(), strict=False):
        if was.facts is None or was.analysis is None:
            continue
        found = frozenset(f.category for f in was.analysis.findings)
        mine = [c for c in changes if c.detainee == (was.detainee or None)]
        said = Told(book, was.facts, found, was.case).changes(mine, now)
        if was.detainee:
            said = [(kind, SAYS["of_person"].format(person=was.detainee, text=text)) for kind, text in said]
        out += said
    return out


def named(data: Any, path: str) -> str:
    """The period or other list item a path is of, as the page names it, capitalised ("Police custody from 3
    March 2025", "Conduct 2"): `asking.period` in the page's words; "" for a path of no list."""
    said = period(data, path, PERIODS)
    return said[:1].upper() + said[1:]


def _shown(conclusion: str) -> bool:
    """A conclusion a lawyer reads as a ground (a violation), not a step of the engine's (`procedural:`)."""
    return conclusion.startswith("violation:")
