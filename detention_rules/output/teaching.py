"""What the quiz and the casebook show of a case: its facts as the draft cites them, and each mark explained.

Facts are worded by the draft's own `fact_line`, so the petition draft's appendix, the
quiz and the casebook cite a fact the same way. Derived facts (a period's length,
"within 48 hours") are left out: working them out from the dates is the exercise.
"""

from __future__ import annotations

from typing import Any

from detention_rules.output.draft import fact_line
from detention_rules.output.teaching_words import WORDS as W
from detention_rules.pipeline import CaseResult
from detention_rules.quiz import MISSED, OVER, RIGHT, Mark
from detention_rules.reasoning.near_misses import ConditionState, NearMiss


def facts(result: CaseResult) -> list[str]:
    """The stated facts of a case, in the order of the file, each with its line and reference."""
    assert result.facts is not None
    leaves = sorted((f for f in result.facts.leaves.values() if not f.derived_from), key=lambda f: (f.line, f.col))
    return [fact_line(f) for f in leaves]


def _state(cond: ConditionState) -> str:
    if cond.status is None:
        return W.UNKNOWN
    if cond.needs_conclusion:
        return W.NOT_DRAWN
    return W.IS_VALUE.format(value=repr(cond.actual))


def lacking(miss: NearMiss) -> str:
    """The conditions the closest rule lacks: "arrest.warrant_shown unknown (needs is false)"."""
    parts = [f"{c.path} {_state(c)} ({c.test})" for c in miss.conditions if c.status is not True]
    return "; ".join(parts[:4])


def mark_lines(mark: Mark) -> list[str]:
    """A mark in words; for a wrong one, the deciding rule and its law, or the closest rule."""
    if mark.verdict == RIGHT:
        return [W.QUIZ_RIGHT.format(category=mark.category, what=W.QUIZ_FOUND if mark.found else W.QUIZ_NOT_FOUND)]
    if mark.verdict == MISSED:
        out = [W.QUIZ_MISSED.format(category=mark.category)]
        for node in mark.rules:
            r = node.rule
            out.append(
                W.QUIZ_RULE.format(
                    id=r.id,
                    title=r.title,
                    provisions=", ".join(node.provisions),
                    jurisprudence="; ".join(r.jurisprudence),
                )
            )
            if r.law:
                out.append(W.QUIZ_LAW.format(law=" ".join(r.law.split())))
            out.append(W.QUIZ_EXPLAIN.format(text=node.text))
        return out
    assert mark.verdict == OVER
    out = [W.QUIZ_OVER.format(category=mark.category)]
    if mark.closest is None:
        out.append(W.QUIZ_NO_RULE)
    else:
        r = mark.closest.rule
        out.append(W.QUIZ_WHY_NOT.format(id=r.id, title=r.title, lacking=lacking(mark.closest)))
    return out


def mark_data(mark: Mark) -> dict[str, Any]:
    """A mark as the saved session and the casebook hold it."""
    out: dict[str, Any] = {"category": mark.category, "verdict": mark.verdict, "found": mark.found}
    if mark.verdict == MISSED:
        out["rules"] = [
            {
                "id": n.rule.id,
                "title": n.rule.title,
                "provisions": list(n.provisions),
                "jurisprudence": list(n.rule.jurisprudence),
                "law": " ".join(n.rule.law.split()),
                "explanation": n.text,
            }
            for n in mark.rules
        ]
    if mark.verdict == OVER and mark.closest is not None:
        out["closest_rule"] = {"id": mark.closest.rule.id, "lacks": lacking(mark.closest)}
    return out
