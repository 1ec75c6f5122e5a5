"""`wgad exercise` as text (questions, then answers) or as JSON data."""

from __future__ import annotations

import shlex
from typing import Any

from detention_rules.escaping import printable
from detention_rules.input.case import CATEGORIES
from detention_rules.law.rule import Rule
from detention_rules.output.teaching_words import WORDS as W
from detention_rules.variations import Exercise, Variation, set_text


def _cats(categories: tuple[str, ...] | list[str]) -> str:
    return ", ".join(categories) or W.NONE


def _was(value: Any) -> str:
    return W.UNKNOWN if value is None else set_text(value)


def effect(v: Variation) -> str:
    """What a variation does, in words: "removes I; establishes III"."""
    parts = []
    if v.established:
        parts.append(W.EXERCISE_ESTABLISHES.format(categories=_cats(v.established)))
    if v.removed:
        parts.append(W.EXERCISE_REMOVES.format(categories=_cats(v.removed)))
    return "; ".join(parts)


def rule_data(rule: Rule) -> dict[str, Any]:
    """A deciding rule with its law, as JSON and the casebook show it."""
    return {
        "id": rule.id,
        "title": rule.title,
        "category": rule.category,
        "provisions": list(rule.provisions),
        "jurisprudence": list(rule.jurisprudence),
        "law": rule.law.strip(),
    }


def variation_data(v: Variation) -> dict[str, Any]:
    return {
        "set": v.setting,
        "path": v.path,
        "before": v.before,
        "after": v.after,
        "categories_before": list(v.categories_before),
        "categories_after": list(v.categories_after),
        "establishes": list(v.established),
        "removes": list(v.removed),
        "rules": [rule_data(r) for r in v.rules],
    }


def data(ex: Exercise) -> dict[str, Any]:
    """The exercise as plain data: the variations, and for each category the ones that move it (indexes)."""
    by_category = {}
    for c in CATEGORIES:
        establish, remove = ex.for_category(c)
        by_category[c] = {
            "established_by": [ex.variations.index(v) for v in establish],
            "removed_by": [ex.variations.index(v) for v in remove],
        }
    return {
        "file": ex.path,
        "categories": list(ex.categories),
        "tried": ex.tried,
        "invalid": ex.invalid,
        "variations": [variation_data(v) for v in ex.variations],
        "by_category": by_category,
    }


def text(ex: Exercise) -> str:
    """The questions first, so that a trainer can hand them out; the answers after them."""
    out = [W.EXERCISE_HEAD.format(file=ex.path, categories=_cats(ex.categories))]
    if not ex.variations:
        out.append(W.EXERCISE_NONE)
        return "\n".join(map(printable, out)) + "\n"
    out.append(W.EXERCISE_INTRO.format(count=len(ex.variations), tried=ex.tried, invalid=ex.invalid))
    out.append("")
    for n, v in enumerate(ex.variations, 1):
        out.append(W.EXERCISE_QUESTION.format(n=n, path=v.path, after=_was(v.after), before=_was(v.before)))
    out += ["", W.EXERCISE_ANSWERS]
    for n, v in enumerate(ex.variations, 1):
        out.append(W.EXERCISE_ANSWER.format(n=n, setting=v.setting, effect=effect(v), after=_cats(v.categories_after)))
        for r in v.rules:
            out.append(
                W.EXERCISE_RULE.format(
                    id=r.id, title=r.title, provisions=", ".join(r.provisions), jurisprudence="; ".join(r.jurisprudence)
                )
            )
        out.append(W.EXERCISE_CHECK.format(setting=shlex.quote(v.setting), file=shlex.quote(ex.path)))
    out += ["", W.EXERCISE_BY_CATEGORY]
    for c in CATEGORIES:
        establish, remove = ex.for_category(c)
        numbers = [", ".join(str(ex.variations.index(v) + 1) for v in vs) or "-" for vs in (establish, remove)]
        out.append(W.EXERCISE_CATEGORY_LINE.format(category=c, establish=numbers[0], remove=numbers[1]))
    return "\n".join(map(printable, out)) + "\n"
