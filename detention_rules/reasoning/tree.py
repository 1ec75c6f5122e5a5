"""The one walk of a derivation tree, for every renderer that shows one (text, Markdown, the draft's
appendix, the casebook, the web page) and every module that reads one (the quiz, `wgad evaluate`):
here, beside the tree, so that those before `output/` may walk it too.

A tree (`reasoning.derivation`) goes from a conclusion to the rules that drew it, from a rule to
the facts it read and the conclusions it rested on, from a derived fact to the facts it was derived
from. `walk` visits it depth first in that order and says, for each node, where it stands: how deep,
whether it is the last of its siblings (for the text report's branches), and whether it was met
before (a renderer names it then, without unfolding it again). `finished` gives each node after
those below it; `branches` the same walk nested, for a template or data that nests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import msgspec

from detention_rules.reasoning.derivation import ConclusionNode, RuleNode
from detention_rules.reasoning.facts import FactNode

Node = RuleNode | FactNode | ConclusionNode
#: What makes two nodes the same for a walk that shows each once; None: the node is always shown.
Key = Callable[[Node], str | None]


class Step(msgspec.Struct, frozen=True):
    """A node as the walk meets it (a Struct: a NamedTuple class costs every cold check 0.1 ms to make)."""

    node: Node
    #: For the node and each node above it (the root excepted), top down: whether it is its siblings' last.
    lasts: tuple[bool, ...]
    #: How many rules and facts are above it: the indent of a list that shows the conclusions between
    #: rules only as the rules under them (Markdown, the draft's appendix).
    level: int
    #: Met before, by the walk's key: to name, not to unfold (the walk does not go below it).
    repeated: bool = False

    @property
    def depth(self) -> int:
        """How far below the root: the root's rules are at 0, their facts and premises at 1."""
        return len(self.lasts) - 1

    @property
    def last(self) -> bool:
        return self.lasts[-1]

    def rails(self, rail: str = "│  ", space: str = "   ") -> str:
        """What the text report draws left of the node's branch: a rail where a node above has siblings to come."""
        return "".join(space if last else rail for last in self.lasts[:-1])


def conclusions(node: Node) -> str | None:
    """Each conclusion once (the text and Markdown reports): a premise drawn before is not drawn again."""
    return node.conclusion if isinstance(node, ConclusionNode) else None


def rules(node: Node) -> str | None:
    """Each rule once (the draft's appendix): a rule met again is named, not repeated."""
    return node.rule.id if isinstance(node, RuleNode) else None


def _children(node: Node, sources: bool, parent: Node | None) -> list[Node]:
    if isinstance(node, ConclusionNode):
        return list(node.support)
    if isinstance(node, RuleNode):
        return [*node.facts, *node.premises]
    # a rule's derived fact shows what it was derived from; those facts' own sources are not shown
    return list(node.derived_from) if sources and isinstance(parent, RuleNode) else []


def held(node: RuleNode) -> list[FactNode | ConclusionNode]:
    """The limbs of a rule's condition that held, as the derivation keeps only those: the facts it read
    and the conclusions it rested on that a rule drew (the draft words its application from them)."""
    return [*node.facts, *(p for p in node.premises if p.support)]


def below(node: RuleNode) -> tuple[list[FactNode], list[ConclusionNode]]:
    """The facts a rule read and the conclusions it rested on: what `branches` shows below it without sources,
    for a renderer that nests them itself (the JSON output) with no `Branch` built to be walked once."""
    return node.facts, node.premises


def drawn_by(conclusion: ConclusionNode) -> list[RuleNode]:
    """The rules that drew a conclusion."""
    return [c for c in _children(conclusion, False, None) if isinstance(c, RuleNode)]


def walk(
    root: ConclusionNode, seen: set[str] | None = None, key: Key | None = None, sources: bool = True
) -> Iterator[Step]:
    """Every node below `root`, depth first. With `key`, a node whose key is in `seen` (shared across
        walks, so that one report's trees show each once) is yielded as repeated and not entered; the
        root's key counts as met. `sources`: also the facts a rule's derived fact was derived from (one
    step: the reports show no source's own sources)."""
    seen = set() if seen is None else seen
    if key is not None and (own := key(root)) is not None:
        seen.add(own)
    yield from _walk(root, (), 0, None, seen, key, sources)


def _walk(
    node: Node, lasts: tuple[bool, ...], level: int, parent: Node | None, seen: set[str], key: Key | None, sources: bool
) -> Iterator[Step]:
    """`walk` below one node. A module function, as `_branches`: a nested function calling itself is a reference
    cycle, which kept each result's trees alive until the next collection of garbage (issue 33)."""
    children = _children(node, sources, parent)
    for i, child in enumerate(children):
        here = (*lasts, i == len(children) - 1)
        name = key(child) if key is not None else None
        if name is not None and name in seen:
            yield Step(child, here, level, repeated=True)
            continue
        if name is not None:
            seen.add(name)
        yield Step(child, here, level)
        yield from _walk(child, here, level + (not isinstance(child, ConclusionNode)), node, seen, key, sources)


def finished(steps: Iterable[Step]) -> Iterator[Step]:
    """A walk's steps, each once everything below it has been met (the draft argues a rule after the
    rules it rests on)."""
    pending: list[Step] = []
    for step in steps:
        while pending and pending[-1].depth >= step.depth:
            yield pending.pop()
        pending.append(step)
    yield from reversed(pending)


class Branch(msgspec.Struct):
    """A node with the nodes below it, for a template that nests."""

    node: Node
    below: list[Branch]


def branches(root: ConclusionNode, sources: bool = True) -> list[Branch]:
    """`walk`, nested: the root's rules, each with its facts and premises, each premise with its rules...

    Built by recursion, not from `walk`'s steps: with no key the walk shows every node, and its chain of
    generators, one per level, and its steps were half the JSON output's Python calls (issue 33: 13% of its
    instructions)."""
    return _branches(root, None, sources)


def _branches(node: Node, parent: Node | None, sources: bool) -> list[Branch]:
    """`branches` below one node (a module function: see `_walk`)."""
    return [Branch(child, _branches(child, node, sources)) for child in _children(node, sources, parent)]


def with_facts(root: ConclusionNode, change: Callable[[FactNode], FactNode]) -> ConclusionNode:
    """A copy of the tree with each fact its rules read changed by `change` (the draft tells a library case's
    facts without their encoding notes)."""
    support = [
        RuleNode(r.rule, r.text, r.provisions, list(map(change, r.facts)), [with_facts(p, change) for p in r.premises])
        for r in root.support
    ]
    return msgspec.structs.replace(root, support=support)
