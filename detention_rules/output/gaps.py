"""`wgad gaps`: the open questions, as text lines or JSON-ready data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from detention_rules import words
from detention_rules.escaping import printable
from detention_rules.reasoning.gaps import Question


def why(q: Question) -> str:
    """What an answer could do, in words: change a category, add a violation under one, or help establish one."""
    w = words.of("report", "gaps")
    if q.impact:
        return w["could_change" if q.impact == 1 else "could_change_more"].format(impact=q.impact)
    if q.adds:
        return w["would_add"].format(categories=w["and"].join(q.adds))
    return w["would_help"]


def text(asked: Sequence[Question]) -> str:
    """One line per question: the question, its field, what an answer could do, and through which rules."""
    w = words.of("report", "gaps")
    if not asked:
        return w["none"] + "\n"
    return "".join(
        printable(w["question"].format(text=q.text, field=q.field, why=why(q), rules=", ".join(q.rules))) + "\n"
        for q in asked
    )


def data(asked: Sequence[Question], asks: Sequence[list[str]]) -> list[dict[str, Any]]:
    """The questions as JSON-ready data; `asks[i]` are the fields the interview asks for question i, in its order
    (a detail's prerequisite first; none already answered or made moot by an answer)."""
    return [
        {
            "field": q.field,
            "question": q.text,
            "impact": q.impact,
            "adds": list(q.adds),
            "rules": list(q.rules),
            "asks": fields,
        }
        for q, fields in zip(asked, asks, strict=True)
    ]
