"""Findings and their derivation trees, built from what the engine fired.

The engine decides which rules fire; this module explains each firing. For a
rule that fired it gathers the parts of the condition that held, and unfolds
them: a needed conclusion unfolds into the rules that drew it, a fact into its
line in the case file. Every tree therefore ends in case-file lines. Which
alternatives held (children of `any` and `at_least`), the engine says
(`Firings.chosen`: the branches that fired); only what it cannot say is
found here: which items of a list matched (evaluated, `rule.holds`) and
whether a needed conclusion was drawn (looked up).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import msgspec

from detention_rules.input.case import CATEGORIES
from detention_rules.law.law import Law
from detention_rules.law.rule import (
    All,
    AnyItem,
    Cond,
    FactCond,
    Needs,
    Rule,
    Unless,
    compiled,
    holds,
    placeholders,
)
from detention_rules.reasoning.asking import show_value
from detention_rules.reasoning.engine import Firings, Place
from detention_rules.reasoning.facts import FactNode, Facts

#: Provisions of the Covenant bind States parties only (opinion 2/2022 para 3 (b)).


class RuleNode(msgspec.Struct):
    """A rule that fired: its conclusion, the law it applies, and what it rested on."""

    rule: Rule
    text: str
    provisions: tuple[str, ...]
    facts: list[FactNode] = msgspec.field(default_factory=list)
    premises: list[ConclusionNode] = msgspec.field(default_factory=list)


class ConclusionNode(msgspec.Struct):
    """A conclusion drawn, with every rule that drew it."""

    conclusion: str
    support: list[RuleNode] = msgspec.field(default_factory=list)


#: How a category stands: on facts no one disputes, or on facts the Government contests.
Strength = Literal["established", "contested"]


class Finding(msgspec.Struct):
    """A category established, with its derivation and how strong it is."""

    category: str
    tree: ConclusionNode
    strength: Strength
    contested: list[FactNode]
    source_only: list[FactNode]


class Analysis(msgspec.Struct):
    """Everything the engine concluded about one case."""

    file: str
    findings: list[Finding]
    concluded: tuple[str, ...]
    fired: tuple[str, ...]
    government_replied: bool | None
    alleged: tuple[str, ...] = ()  # the categories the source alleged (submission.categories_alleged)
    #: facts rebutted by the Government's evidence, which the source did not answer: read as unknown
    rebutted: tuple[FactNode, ...] = ()
    #: the fact that the person was released before the opinion: the Working Group may then file the case
    #: (methods of work, A/HRC/36/38, para 17 (a)); a note for the drafter, never a finding removed
    released: FactNode | None = None
    #: exceptions the Government supports with evidence that the source contests (`Facts.disputed`)
    disputed: tuple[FactNode, ...] = ()
    #: categories the source's account would give were those exceptions not shown: neither found nor defeated
    disputed_categories: tuple[str, ...] = ()

    @property
    def categories(self) -> list[str]:
        return [f.category for f in self.findings]

    @property
    def possible(self) -> list[str]:
        """Categories the source alleged that the facts do not (yet) establish: possible, not found."""
        return [c for c in CATEGORIES if c in self.alleged and c not in self.categories]


class _Explainer:
    def __init__(self, rulebook: Law, facts: Facts, firings: Firings):
        self.rulebook = rulebook
        self.facts = facts
        self.fired = set(firings.fired)
        self.chosen = firings.chosen
        self.concluded: Mapping[str, bool] = {c: True for c in firings.concluded}
        self.iccpr = facts.doc.get("state", {}).get("iccpr_party")
        self._memo: dict[str, ConclusionNode] = {}
        self._words: dict[str, str | None] = {}

    def conclusion(self, conclusion: str) -> ConclusionNode:
        if conclusion not in self._memo:
            node = ConclusionNode(conclusion)
            self._memo[conclusion] = node
            for rule in self.rulebook.drawing(conclusion):
                if rule.id in self.fired:
                    node.support.append(self.rule(rule))
        return self._memo[conclusion]

    def rule(self, rule: Rule) -> RuleNode:
        facts: list[FactNode] = []
        premises: list[str] = []
        items: list[str] = []
        chosen = self.chosen.get(rule.id, frozenset())
        self._support(rule.when, "", self.facts.doc, (), chosen, (facts, premises, items))
        node = RuleNode(rule, self.text(rule, items), self.provisions(rule), _unique(facts))
        node.premises = [self.conclusion(c) for c in dict.fromkeys(premises)]
        return node

    def _support(
        self,
        cond: Cond,
        prefix: str,
        data: Mapping[str, Any],
        place: Place,
        chosen: frozenset[Place],
        found: tuple[list[FactNode], list[str], list[str]],
    ) -> None:
        """Collect what made a true condition true into `found`'s facts, premises and items: true branches only,
        every matching item. `data`: what `cond` reads, the fact document or, below `prefix`, the list item
        (read there directly: a path from the document's top, parsed for every item, was a fifth of the stage);
        `place`: where `cond` is in its rule; `chosen`: the alternatives that held there."""
        facts, premises, items = found
        if isinstance(cond, FactCond):
            facts.append(self._fact(prefix + cond.path))
        elif isinstance(cond, Unless):
            path = prefix + cond.cond.path
            leaf = self.facts.leaf(path)
            if leaf is None:
                facts.append(FactNode(path, None, 0, 0, absent_defeater=True))
            else:
                facts.append(leaf)
        elif isinstance(cond, Needs):
            premises.append(cond.conclusion)
        elif isinstance(cond, AnyItem):  # which items matched, durable does not say: each is tested
            listed = data.get(cond.list_path, [])
            for i in range(len(listed)):  # any_item never nests (rulebook)
                entry: Any = listed[i] if isinstance(listed, list) else None
                if holds(cond.where)(entry, self.concluded):
                    item = f"{cond.list_path}[{i}]."
                    items.append(item)
                    self._support(cond.where, item, entry, place, chosen, found)
        elif prefix:  # inside an item: so are its alternatives
            for child in cond.children:
                if isinstance(cond, All) or holds(child)(data, self.concluded):
                    self._support(child, prefix, data, place, chosen, found)
        elif isinstance(cond, All):
            for i, child in enumerate(cond.children):
                self._support(child, prefix, data, (*place, i), chosen, found)
        else:  # any, at_least: the alternatives that held, as the branches that fired say; a needed conclusion
            concluded = self.concluded  # looked up among those drawn (a counted at_least does not say which)
            for i, child in enumerate(cond.children):
                if child.conclusion in concluded if isinstance(child, Needs) else (*place, i) in chosen:
                    self._support(child, prefix, data, (*place, i), chosen, found)

    def _fact(self, path: str) -> FactNode:
        leaf = self.facts.leaf(path)
        assert leaf is not None, f"a true condition read an absent fact {path}"
        return leaf

    def provisions(self, rule: Rule) -> tuple[str, ...]:
        """The rule's provisions, less the Covenant's where the State is known not to be a party."""
        if self.iccpr is False:
            from detention_rules.law import citation  # here: only such a State's cases read a citation

            return tuple(p for p in rule.provisions if not citation.is_covenant(p))
        return rule.provisions

    def text(self, rule: Rule, items: list[str]) -> str:
        """The rule's template filled from the facts, once per matched list item."""
        template = compiled(rule.explain)
        names = placeholders(rule.explain)
        shown = self._shown
        values = {n: told for n in names if (told := shown(n)) is not None}
        if not any(n.startswith("item.") for n in names) or not items:
            # no list item matched (I.held-without-charge on arrest.days_uncharged): the item's parts drop out
            return template.fill(values)
        filled = []
        for item in dict.fromkeys(items):
            per_item = dict(values)
            for n in names:
                told = shown(item + n.removeprefix("item.")) if n.startswith("item.") else None
                if told is not None:
                    per_item[n] = told
            filled.append(template.fill(per_item))
        return " ".join(dict.fromkeys(filled))

    def _shown(self, path: str) -> str | None:
        """The fact at `path` in words for a sentence, or None where the case has none; each worked out once a
        case: many rules' sentences show the same facts (the arrest's date)."""
        if path not in self._words:
            leaf = self.facts.leaf(path)
            self._words[path] = None if leaf is None else show_value(leaf.value, leaf.path, words=True)
        return self._words[path]


def _unique(nodes: list[FactNode]) -> list[FactNode]:
    seen: dict[str, FactNode] = {}
    for n in nodes:
        seen.setdefault(n.path, n)
    return list(seen.values())


def _asserters(node: FactNode) -> set[str]:
    """Who asserts a fact; a derived fact, whoever asserts the facts it comes from."""
    if node.derived_from:
        return set().union(*(_asserters(d) for d in node.derived_from))
    return set(node.by)


def leaves(node: ConclusionNode) -> list[FactNode]:
    """Every fact a conclusion rests on, through all its premises."""
    out: list[FactNode] = []
    for rule in node.support:
        out += rule.facts
        for premise in rule.premises:
            out += leaves(premise)
    return _unique(out)


def analyse(rulebook: Law, facts: Facts, firings: Firings) -> Analysis:
    """Build the findings of one case from what the engine fired."""
    explainer = _Explainer(rulebook, facts, firings)
    replied = facts.doc.get("government", {}).get("replied")
    findings = []
    for category in CATEGORIES:
        conclusion = f"category:{category}"
        if conclusion not in firings.concluded:
            continue
        tree = explainer.conclusion(conclusion)
        used = [f for f in leaves(tree) if not f.absent_defeater]
        # an exception the Government alone asserts, without evidence, is among them: it contests the
        # finding and never defeats it (2/2022 para 66; A/HRC/19/57 para 68)
        contested = [f for f in used if f.contested]
        # The Working Group treats an allegation the reply does not address as uncontested (methods of
        # work para 15; 2/2022 para 66): only a rebuttal contests. Facts the source alone states (a plain
        # fact is the source's) are listed, for the drafter to shore up, but do not weaken the finding.
        source_only = [f for f in used if replied is True and not f.contested and _asserters(f) <= {"source"}]
        strength: Strength = "contested" if contested else "established"
        findings.append(Finding(category, tree, strength, contested, source_only))
    alleged = tuple(facts.doc.get("submission", {}).get("categories_alleged", ()))
    rebutted = tuple(facts.rebutted)
    return Analysis(
        facts.file,
        findings,
        firings.concluded,
        firings.fired,
        replied,
        alleged,
        rebutted,
        _released(facts),
        tuple(facts.disputed),
    )


def weigh_disputed(analysis: Analysis, source_side: Firings) -> None:
    """Name the categories the source's account gives (`source_side`: the run without the disputed
    exceptions) that the run with them does not: the dispute, with both sides, is reported; no category
    is found or defeated on it."""
    found = set(analysis.categories)
    analysis.disputed_categories = tuple(
        c for c in CATEGORIES if c not in found and f"category:{c}" in source_side.concluded
    )


def _released(facts: Facts) -> FactNode | None:
    """The fact that shows the person released by the time of the opinion: `released: true`, else a release date."""
    person = facts.doc.get("person", {})
    if person.get("released") is True:
        return facts.leaf("person.released")
    if person.get("released") is None and "release_date" in person:
        return facts.leaf("person.release_date")
    return None
