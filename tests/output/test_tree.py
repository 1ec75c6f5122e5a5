"""reasoning/tree.py: the one walk of a derivation tree that every module showing or reading one uses (issue 27)."""

from __future__ import annotations

import ast
from pathlib import Path

from detention_rules import pipeline
from detention_rules.reasoning import tree
from detention_rules.reasoning.derivation import ConclusionNode

from ..conftest import CASES, REFERENCE, ROOT

#: Quevedo Cruz: a derived fact (years untried) derived from facts that are derived themselves.
NESTED = CASES / "quevedo-cruz-mexico-2020.yaml"


def _findings() -> list[ConclusionNode]:
    out = []
    for path in (REFERENCE, NESTED):
        result = pipeline.check_file(path)
        assert result.analysis is not None
        out += [f.tree for f in result.analysis.findings]
    return out


def _unfolded(node: ConclusionNode) -> list[object]:
    """The tree in the walk's order, unfolded by hand: rules, each with its facts and what a derived one was
    derived from (one step: not the sources' own sources, which the reports never showed), then premises."""
    out: list[object] = []
    for rule in node.support:
        out.append(rule)
        for f in rule.facts:
            out += [f, *f.derived_from]
        for premise in rule.premises:
            out += [premise, *_unfolded(premise)]
    return out


def test_the_walk_meets_every_node_in_order_with_its_place() -> None:
    for root in _findings():
        steps = list(tree.walk(root))
        assert [s.node for s in steps] == _unfolded(root)
        for step in steps:
            assert not step.repeated
        top = [s for s in steps if s.depth == 0]
        assert [s.last for s in top] == [i == len(root.support) - 1 for i in range(len(root.support))]


def _levels(node: ConclusionNode, level: int = 0) -> list[int]:
    """Each node's level in the walk's order, by hand: a rule or fact adds one for what is below it."""
    out: list[int] = []
    for rule in node.support:
        out.append(level)
        for f in rule.facts:
            out += [level + 1] + [level + 2] * len(f.derived_from)
        for premise in rule.premises:
            out += [level + 1, *_levels(premise, level + 1)]
    return out


def test_levels_count_the_rules_and_facts_above() -> None:
    for root in _findings():
        assert [s.level for s in tree.walk(root)] == _levels(root)


def test_finished_puts_each_node_after_those_below_it() -> None:
    for root in _findings():
        steps = list(tree.walk(root))
        done = list(tree.finished(steps))
        assert sorted(map(id, done)) == sorted(map(id, steps))
        for i, step in enumerate(steps):  # every node after it in the walk and deeper, until one as shallow
            below = []
            for later in steps[i + 1 :]:
                if later.depth <= step.depth:
                    break
                below.append(later)
            assert all(done.index(b) < done.index(step) for b in below)


def test_a_node_met_again_is_named_not_unfolded() -> None:
    roots = _findings()
    seen: set[str] = set()
    first = list(tree.walk(roots[0], seen, tree.rules))
    again = list(tree.walk(roots[0], seen, tree.rules))
    assert not any(s.repeated for s in first)
    assert [s.node for s in again] == list(roots[0].support) and all(s.repeated for s in again)


def test_branches_nest_the_walk() -> None:
    def flat(branches: list[tree.Branch]) -> list[object]:
        return [x for b in branches for x in (b.node, *flat(b.below))]

    for root in _findings():
        assert flat(tree.branches(root)) == _unfolded(root)
        assert [b.node for b in tree.branches(root)] == list(root.support)


def test_no_module_walks_a_tree_itself() -> None:
    """The text report, Markdown, the draft, the casebook, JSON and the web page walked the tree each their own way,
    and so did the quiz (the rules to explain a category) and `wgad evaluate` (the rules a finding was drawn by).
    Only the tree's builder (reasoning/derivation.py) and the walk read a node's rules and premises.

    (A fact's `derived_from` is read where a fact is worded with its sources: one level, no walk.)"""
    walkers = []
    builders = {Path("reasoning/derivation.py"), Path("reasoning/tree.py")}
    for path in sorted((ROOT / "detention_rules").rglob("*.py")):
        if path.relative_to(ROOT / "detention_rules") in builders:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("support", "premises"):
                walkers.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.attr}")
    assert walkers == []
