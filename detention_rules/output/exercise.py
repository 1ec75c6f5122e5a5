"""`wgad exercise` as text, Markdown or HTML to hand out (questions, then answers), or as JSON data.

Variations that change the same categories for the same reason (the same deciding rules) are
one group: one question, asked with the first of them, and one answer that cites the rules once
and lists the other changes that do the same. A question tells the fact in words (its question
in the questionnaire, the value as a sentence says it); the answers give `--set` to check it.
"""

from __future__ import annotations

import shlex
from typing import Any

import jinja2
import markupsafe
import msgspec

from detention_rules.escaping import markdown, markdown_code, printable
from detention_rules.input.case import CATEGORIES
from detention_rules.law.rule import Rule
from detention_rules.output.casebook import FILES
from detention_rules.output.teaching_words import WORDS as W
from detention_rules.reasoning.asking import question, show_value
from detention_rules.variations import Exercise, Variation


class Group(msgspec.Struct):
    """Variations with one effect for one reason: the categories they establish and remove, by the same rules."""

    established: tuple[str, ...]
    removed: tuple[str, ...]
    rules: tuple[Rule, ...]
    variations: list[Variation]

    @property
    def first(self) -> Variation:
        return self.variations[0]


def groups(ex: Exercise) -> list[Group]:
    """The variations grouped by effect and deciding rules, in the order of their first variation."""
    out: dict[tuple[Any, ...], Group] = {}
    for v in ex.variations:
        key = (v.established, v.removed, tuple(r.id for r in v.rules))
        out.setdefault(key, Group(v.established, v.removed, v.rules, [])).variations.append(v)
    return list(out.values())


def _cats(categories: tuple[str, ...] | list[str]) -> str:
    return ", ".join(categories) or W.NONE


def _said(value: Any, path: str) -> str:
    """A value in words, as a sentence says it ("yes", "pre-trial detention"), or unknown."""
    return W.UNKNOWN if value is None else show_value(value, path, words=True)


def asked(v: Variation) -> str:
    """A variation as a question in words: the fact's own question, the value set and the file's."""
    return W.EXERCISE_QUESTION.format(
        question=question(v.path), after=_said(v.after, v.path), before=_said(v.before, v.path)
    )


def effect(v: Variation | Group) -> str:
    """What a variation does, in words: "removes I; establishes III"."""
    parts = []
    if v.established:
        parts.append(W.EXERCISE_ESTABLISHES.format(categories=_cats(v.established)))
    if v.removed:
        parts.append(W.EXERCISE_REMOVES.format(categories=_cats(v.removed)))
    return "; ".join(parts)


def _rule_lines(numbered: list[Group]) -> list[list[str]]:
    """Each group's deciding rules in words: a rule's citation the first time, then where it was cited."""
    first: dict[str, int] = {}
    out = []
    for n, g in enumerate(numbered, 1):
        lines = []
        for r in g.rules:
            if r.id in first:
                lines.append(W.EXERCISE_RULE_AGAIN.format(id=r.id, n=first[r.id]))
                continue
            first[r.id] = n
            lines.append(
                W.EXERCISE_RULE.format(
                    id=r.id, title=r.title, provisions=", ".join(r.provisions), jurisprudence="; ".join(r.jurisprudence)
                )
            )
        out.append(lines)
    return out


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
        "question": asked(v),
        "categories_before": list(v.categories_before),
        "categories_after": list(v.categories_after),
        "establishes": list(v.established),
        "removes": list(v.removed),
        "rules": [rule_data(r) for r in v.rules],
    }


def _by_category(ex: Exercise, numbered: list[Group]) -> dict[str, tuple[list[int], list[int]]]:
    """For each category, the groups (1-based) that establish it and those that remove it."""
    return {
        c: (
            [n for n, g in enumerate(numbered, 1) if c in g.established],
            [n for n, g in enumerate(numbered, 1) if c in g.removed],
        )
        for c in CATEGORIES
    }


def data(ex: Exercise) -> dict[str, Any]:
    """The exercise as plain data: the variations, their groups (indexes), and for each category the
    variations that move it (indexes)."""
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
        "groups": [
            {
                "variations": [ex.variations.index(v) for v in g.variations],
                "establishes": list(g.established),
                "removes": list(g.removed),
                "rules": [r.id for r in g.rules],
            }
            for g in groups(ex)
        ],
        "by_category": by_category,
    }


class Answer(msgspec.Struct, frozen=True):
    """One group as every format hands it out: its question, its answer, the deciding rules' lines (indented as
    the terminal shows them), the command that checks it and the other changes that do the same."""

    question: str
    answer: str
    rules: list[str]
    command: str
    same: list[str]


def answers(ex: Exercise) -> list[Answer]:
    """The groups' questions and answers, numbered from 1 in this order by every format."""
    numbered = groups(ex)
    return [
        Answer(
            question=asked(g.first),
            answer=W.EXERCISE_ANSWER.format(effect=effect(g), after=_cats(g.first.categories_after)),
            rules=rules,
            command=W.EXERCISE_COMMAND.format(setting=shlex.quote(g.first.setting), file=shlex.quote(ex.path)),
            same=[v.setting for v in g.variations[1:]],
        )
        for g, rules in zip(numbered, _rule_lines(numbered), strict=True)
    ]


def _head(ex: Exercise) -> str:
    return W.EXERCISE_HEAD.format(file=ex.path, categories=_cats(ex.categories))


def _intro(ex: Exercise, count: int) -> str:
    return W.EXERCISE_INTRO.format(count=count, variations=len(ex.variations), tried=ex.tried, invalid=ex.invalid)


def text(ex: Exercise) -> str:
    """The questions first, so that a trainer can hand them out; the answers after them."""
    out = [_head(ex)]
    rows = answers(ex)
    if not rows:
        out.append(W.EXERCISE_NONE)
        return "\n".join(map(printable, out)) + "\n"
    out += [_intro(ex, len(rows)), ""]
    out += [f"{n:>3}. {row.question}" for n, row in enumerate(rows, 1)]
    out += ["", W.EXERCISE_ANSWERS]
    for n, row in enumerate(rows, 1):
        out += [f"{n:>3}. {row.answer}", *row.rules, W.EXERCISE_CHECK.format(command=row.command)]
        if row.same:
            out.append(W.EXERCISE_SAME.format(changes="; ".join(row.same)))
    out += ["", W.EXERCISE_BY_CATEGORY]
    for c, (establish, remove) in _by_category(ex, groups(ex)).items():
        numbers = [", ".join(map(str, ns)) or "-" for ns in (establish, remove)]
        out.append(W.EXERCISE_CATEGORY_LINE.format(category=c, establish=numbers[0], remove=numbers[1]))
    return "\n".join(map(printable, out)) + "\n"


def markdown_text(ex: Exercise) -> str:
    """The exercise as Markdown to hand out: the questions, a page break, the answers; user text escaped."""
    rows = answers(ex)
    out = [f"# {markdown(_head(ex))}", ""]
    if not rows:
        return "\n".join([*out, markdown(W.EXERCISE_NONE), ""])
    out += [markdown(_intro(ex, len(rows))), "", f"## {markdown(W.EXERCISE_QUESTIONS)}", ""]
    out += [f"{n}. {markdown(row.question)}" for n, row in enumerate(rows, 1)]
    out += ["", f"## {markdown(W.EXERCISE_ANSWERS)}", ""]
    for n, row in enumerate(rows, 1):
        out.append(f"{n}. {markdown(row.answer)}")
        out += [f"   - {markdown(line.strip())}" for line in row.rules]
        out.append(f"   - {markdown(W.EXERCISE_CHECK_LABEL)} {markdown_code(row.command)}")
        if row.same:
            out.append(f"   - {markdown(W.EXERCISE_SAME_LABEL)} {', '.join(markdown_code(s) for s in row.same)}")
    return "\n".join(printable(line) for line in out) + "\n"


def html(ex: Exercise) -> str:
    """The exercise as one self-contained HTML page to print: questions, then the answers on a new page."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(FILES),
        autoescape=True,
        finalize=lambda v: printable(v) if isinstance(v, str) and not isinstance(v, markupsafe.Markup) else v,
        undefined=jinja2.StrictUndefined,
    )
    rows = answers(ex)
    return env.get_template("exercise.html.j2").render(
        W=W,
        css=markupsafe.Markup((FILES / "casebook.css").read_text(encoding="utf-8")),
        head=_head(ex),
        intro=_intro(ex, len(rows)) if rows else W.EXERCISE_NONE,
        groups=rows,
    )
