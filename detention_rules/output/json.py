"""The JSON shape of results, documented in docs/json-format.md. Stable: version 1."""

from __future__ import annotations

from typing import Any

from detention_rules import words
from detention_rules.input.case import CATEGORIES
from detention_rules.output.text import filing_note
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning import tree
from detention_rules.reasoning.asking import question
from detention_rules.reasoning.derivation import ConclusionNode, RuleNode
from detention_rules.reasoning.facts import FactNode

VERSION = 1


def fact(node: FactNode) -> dict[str, Any]:
    out: dict[str, Any] = {"path": node.path, "value": node.value, "line": node.line, "col": node.col}
    if node.absent_defeater:
        out = {"path": node.path, "exception_not_shown": True}
    if node.unproven:
        out["exception_unproven"] = True
    if node.contested:
        out["contested"] = True
    if node.by:
        out["asserted_by"] = list(node.by)
    if node.ref:
        out["ref"] = node.ref
    if node.derived_from:
        out["derived_from"] = [fact(f) for f in node.derived_from]
    return out


def rule(node: RuleNode) -> dict[str, Any]:
    """A rule of a derivation, with the facts it read and the conclusions it rests on, each drawn by its rules.

    Nested here from `tree.below` and `tree.drawn_by`: every node shown, in `tree.branches`' order without sources
    (a fact's sources are in `fact`), with no tree of branches built to be walked once (issue 33)."""
    out: dict[str, Any] = {
        "rule": node.rule.id,
        "title": node.rule.title,
        "explanation": node.text,
        "provisions": list(node.provisions),
        "jurisprudence": list(node.rule.jurisprudence),
    }
    if node.rule.law:
        out["law"] = node.rule.law.strip()
    if node.rule.note:
        out["note"] = node.rule.note.strip()
    facts, premises = tree.below(node)
    out["facts"] = [fact(f) for f in facts]
    out["premises"] = [conclusion(p) for p in premises]
    return out


def conclusion(node: ConclusionNode) -> dict[str, Any]:
    """A conclusion and the rules that drew it."""
    return {"conclusion": node.conclusion, "drawn_by": [rule(r) for r in tree.drawn_by(node)]}


def result(res: CaseResult) -> dict[str, Any]:
    """One file's result as plain data."""
    out: dict[str, Any] = {
        "version": VERSION,
        "file": res.path,
        "valid": res.valid,
        "problems": [p.as_dict() for p in res.problems],
    }
    if res.case is not None:
        out["title"] = res.case.title
    if res.persons:
        # one object per detainee; the file's own `categories` say which any of them reach
        out["categories"] = {c: c in res.categories for c in CATEGORIES}
        out["established"] = res.categories
        out["detainees"] = [{"detainee": p.detainee, **_analysis(p)} for p in res.persons]
    elif res.analysis is not None:
        out.update(_analysis(res))
    if res.case is not None and res.case.expected is not None:
        exp = res.case.expected
        out["expected"] = {
            "categories": list(exp.categories),
            "not_found": list(exp.not_found),
            "outcome": exp.outcome,
            "known_gap": exp.known_gap,
        }
    return out


def _analysis(res: CaseResult) -> dict[str, Any]:
    """The findings and why-not of one person."""
    analysis = res.analysis
    out: dict[str, Any] = {}
    if analysis is None:
        out["problems"] = [p.as_dict() for p in res.problems]
        return out
    found = analysis.categories
    out["categories"] = {c: c in found for c in CATEGORIES}
    out["established"] = found
    out["possible"] = analysis.possible
    out["rebutted"] = [
        {"path": f.path, "value": f.value, "line": f.line, "evidence": f.rebutted, **({"ref": f.ref} if f.ref else {})}
        for f in analysis.rebutted
    ]
    # an exception the Government shows with evidence that the source contests: reported, neither found nor defeated
    out["disputed"] = {
        "categories": list(analysis.disputed_categories),
        "facts": [
            {"path": f.path, "value": f.value, "line": f.line, "evidence": f.evidence}
            | ({"ref": f.ref} if f.ref else {})
            for f in analysis.disputed
        ],
    }
    released = analysis.released
    # the case may be filed, the person released (methods of work para 17 (a)): a note, the findings stand
    out["filing"] = (
        None
        if released is None
        else {
            "possible": True,
            "basis": words.of("report", "json")["filing_basis"],
            "fact": released.path,
            "line": released.line or None,
            "note": filing_note(released),
        }
    )
    out["findings"] = [
        {
            "category": f.category,
            "strength": f.strength,
            "contested_facts": [x.path for x in f.contested],
            "source_only_facts": [x.path for x in f.source_only],
            "derivation": conclusion(f.tree),
        }
        for f in analysis.findings
    ]
    if res.why_not:
        out["not_established"] = {
            category: [
                {
                    "rule": m.rule.id,
                    "title": m.rule.title,
                    "status": "unknown" if m.status is None else "defeated",
                    "conditions": [
                        {
                            "path": c.path,
                            "test": c.test,
                            "status": {True: "met", False: "unmet", None: "unknown"}[c.status],
                            "value": c.actual,
                            "line": c.line or None,
                            **({"question": question(c.path)} if c.status is None and not c.needs_conclusion else {}),
                        }
                        for c in m.conditions
                    ],
                }
                for m in misses
            ]
            for category, misses in res.why_not.items()
        }
    return out
