"""What the quiz and the casebook show of a case: its facts told as the draft tells them, and each mark explained.

Facts are told by the draft's own narrative (output/narrative.py), so a trainee reads a
case as a petition tells it, never as fields and file lines. Derived facts (a period's
length, "within 48 hours") are left out: working them out from the dates is the exercise.
The trainer's tools keep `facts` (the appendix's citation: path, value, line) for the
trainer's copy.
"""

from __future__ import annotations

from typing import Any

from detention_rules import words
from detention_rules.input.field_path import FieldPath
from detention_rules.output import narrative
from detention_rules.output.draft import fact_line
from detention_rules.output.teaching_words import WORDS as W
from detention_rules.pipeline import CaseResult
from detention_rules.quiz import MISSED, OVER, RIGHT, Mark, Tally
from detention_rules.reasoning.asking import has_question, question, show_value
from detention_rules.reasoning.facts import FactNode
from detention_rules.reasoning.near_misses import ConditionState, NearMiss
from detention_rules.variations import Variation


def facts(result: CaseResult) -> list[str]:
    """The stated facts of a case, in the order of the file, each with its line and reference."""
    assert result.facts is not None
    leaves = sorted((f for f in result.facts.leaves.values() if not f.derived_from), key=lambda f: (f.line, f.col))
    return [fact_line(f) for f in leaves]


def story(result: CaseResult) -> list[str]:
    """The stated facts told as the draft tells them, a paragraph per part of the case (the Government's
    word and a contest included, as in comments on its reply)."""
    assert result.facts is not None
    return narrative.Teller(result.facts.leaves, words.load("draft"), reply=True).paragraphs()


def told(leaf: FactNode, result: CaseResult) -> str:
    """One fact as one sentence of the draft; a fact the draft has no sentence for, as its question and answer."""
    assert result.facts is not None
    try:
        return narrative.Teller(result.facts.leaves, words.load("draft"), reply=True).sentence(leaf)
    except KeyError:
        return W.QUIZ_ASKED.format(question=question(leaf.path), answer=show_value(leaf.value, leaf.path, words=True))


def change(v: Variation, result: CaseResult) -> str:
    """A variation in words: the changed fact as the draft tells it, or the question left unknown."""
    assert result.facts is not None
    leaf = result.facts.leaves.get(v.path)
    if v.after is None or leaf is None:
        return W.QUIZ_NOW_UNKNOWN.format(question=question(v.path))
    return W.QUIZ_CHANGED.format(fact=told(leaf, result))


def tally_lines(tally: Tally) -> list[str]:
    """A session's score per category (found, missed, over-found), then the score and how it is counted."""
    out = [W.QUIZ_BY_CATEGORY]
    for c in tally.found:
        out.append(
            W.QUIZ_CATEGORY_LINE.format(category=c, found=tally.found[c], missed=tally.missed[c], over=tally.over[c])
        )
    out.append(W.QUIZ_SCORE.format(percent=tally.percent, earned=max(tally.earned, 0), worth=tally.worth))
    return out


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


def lacking_in_words(miss: NearMiss) -> str:
    """The facts the closest rule lacks, each as its question and the case's answer ("unknown"): for a
    participant, who reads no field names; a condition on another conclusion is its own rule's."""
    parts = []
    for c in miss.conditions:
        generic = FieldPath.generic_name(c.path)
        if c.status is True or c.needs_conclusion or not has_question(generic):
            continue
        state = (
            W.UNKNOWN if c.status is None else W.BOOK_ANSWERED.format(value=show_value(c.actual, c.path, words=True))
        )
        parts.append(W.BOOK_LACKS.format(question=question(c.path), state=state))
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
