"""The reasoning shown beside the form: the pipeline's results for the form's data, as the page needs them.

Nothing is decided here: `pipeline.check_doc` analyses, `near_misses` finds the closest rules,
`gaps` the questions (ranked by `impact`), `whatif` applies a change and compares, and
`output.draft` builds the draft. This module only gathers their answers for one view.
"""

from __future__ import annotations

from typing import Any

import msgspec

from detention_rules import application, pipeline, words
from detention_rules.errors import InputError, Problem, UsageError
from detention_rules.input import source
from detention_rules.input.case import CATEGORIES
from detention_rules.input.field_path import FieldPath
from detention_rules.interfaces.web.told import Told, named
from detention_rules.output.document import Stage
from detention_rules.output.formats import DRAFT_FORMATS, DraftFormatName
from detention_rules.reasoning import whatif
from detention_rules.reasoning.asking import known
from detention_rules.reasoning.derivation import Finding
from detention_rules.reasoning.gaps import Question, questions
from detention_rules.reasoning.near_misses import NearMiss, near_misses
from detention_rules.reasoning.runnable import Runnable

#: Closest rules shown per category, and next questions shown.
CLOSEST = 3
QUESTIONS = 8


class CategoryView(msgspec.Struct):
    category: str
    title: str
    finding: Finding | None
    misses: list[NearMiss] = msgspec.field(default_factory=list)  # not established: the closest; else the open ones


class PersonView(msgspec.Struct):
    label: str
    number: int  # 1-based, the person a draft of this view is of (`application.person_doc`)
    categories: list[CategoryView]
    questions: list[Question]
    told: Told  # the person's facts and the law in words, for the panel


class View(msgspec.Struct):
    problems: list[Problem]
    persons: list[PersonView]
    without: bool = False  # the findings are those of the case without the answers its errors name
    periods: list[str] = msgspec.field(default_factory=list)  # each period's head, as the page names it


def periods(data: dict[str, Any]) -> list[str]:
    """Each detention period of the form's data named for its head ("Police custody from 3 March 2025", as
    the reasoning names it: `told.named`); "" for a period whose kind and start are both still unknown."""
    items = data.get("detention")
    if not isinstance(items, list):
        return []
    out = []
    for index, item in enumerate(items):
        path = f"detention[{index}]"
        given = any(known(data, f"{path}.{name}") for name in ("kind", "start")) if isinstance(item, dict) else False
        out.append(named(data, path) if given else "")
    return out


class WhatIf(msgspec.Struct):
    """One alternative answer to a fact, and what it would change."""

    value: Any
    changes: list[whatif.Change]
    after: pipeline.CaseResult  # the changed case's result: what a category would still rest on


def document(name: str, data: dict[str, Any]) -> source.Document:
    """The form's data as a document the pipeline reads. Its positions are unknown, as the file is not written
    yet: every value is at line 0, which the draft's appendix leaves out (not "line 1" for every fact)."""
    return source.Document(name, data, positions={(): (0, 0)})


def view(book: Runnable, name: str, data: dict[str, Any]) -> tuple[View, pipeline.CaseResult]:
    """Everything the reasoning panel shows for `data`, and the result it came from. A case whose errors
    each name a field (a date not a date) keeps its findings: those of the case without these answers,
    so that one slip while typing does not blank the panel."""
    told, result = _findings(book, name, data)
    told.periods = periods(data)
    return told, result


def _findings(book: Runnable, name: str, data: dict[str, Any]) -> tuple[View, pipeline.CaseResult]:
    """The view's findings (`view`), of the case without the answers its errors name when they each name one."""
    result = application.result(book, document(name, data))
    errors = [p for p in result.problems if p.level == "error"]
    if errors and all(p.field for p in errors):
        cleared = data
        try:
            for problem in errors:
                cleared = FieldPath.parse(problem.field).write(cleared, None)
        except ValueError:  # a field the data cannot reach: no findings, only the errors
            return _view(book, result), result
        again = application.result(book, document(name, cleared))
        if again.valid:
            shown = _view(book, again)
            return View(result.problems, shown.persons, without=True), result
    return _view(book, result), result


def _view(book: Runnable, result: pipeline.CaseResult) -> View:
    titles = book.consequences.titles
    persons = []
    for number, one in enumerate(result.each(), 1):
        if one.analysis is None or one.facts is None:
            continue
        found = {f.category: f for f in one.analysis.findings}
        misses = near_misses(book, one.facts, established=True)
        categories = []
        for c in CATEGORIES:
            shown = misses.get(c, [])
            if c in found:
                shown = [m for m in shown if m.status is None]  # what an answer could still add
            categories.append(CategoryView(c, titles[c], found.get(c), shown[:CLOSEST]))
        # every category's near misses, the established ones' too: what would add a violation to a category
        # already established is asked as `wgad gaps` asks it, after what could establish or remove one
        asked = questions(book, one.facts, misses)[:QUESTIONS]
        persons.append(PersonView(one.detainee, number, categories, asked, Told(book, one.facts, case=one.case)))
    return View(result.problems, persons)


class Listed(msgspec.Struct, frozen=True):
    """A case file as the folder's list shows it: its title and the categories established."""

    title: str
    categories: tuple[str, ...]
    valid: bool


def listed(book: Runnable, name: str, data: Any) -> Listed:
    """A file's title and the categories its facts establish (any detainee's), for the folder's list."""
    title = data.get("title") if isinstance(data, dict) else None
    result = application.result(book, document(name, data if isinstance(data, dict) else {}))
    found = {f.category for one in result.each() if one.analysis for f in one.analysis.findings}
    return Listed(str(title or ""), tuple(c for c in CATEGORIES if c in found), result.valid)


def alternatives(kind: str, choices: tuple[str, ...], current: Any) -> list[Any]:
    """The answers a what-if tries for a fact: each other yes/no or choice, and unknown."""
    if kind == "bool":
        options: list[Any] = [True, False]
    elif kind == "enum":
        options = list(choices)
    else:
        options = []
    out = [v for v in options if v != current or type(v) is not type(current)]
    if current is not None:
        out.append(None)
    return out


def what_if(
    book: Runnable, name: str, data: dict[str, Any], path: str, values: list[Any]
) -> tuple[pipeline.CaseResult, list[WhatIf]]:
    """For each of `values` at `path`: the findings that appear or disappear (a value the case cannot take: none)."""
    steps = whatif.user_path(path, path)
    before, after = application.what_if(book, document(name, data), [[(path, steps, v)] for v in values])
    if not before.valid:
        return before, []
    shown = [(v, a) for v, a in zip(values, after, strict=True) if all(p.code != "set-path" for p in a.problems)]
    return before, [WhatIf(value, whatif.compare(before, changed), changed) for value, changed in shown]


def draft(
    book: Runnable, name: str, data: dict[str, Any], fmt: DraftFormatName, detainee: int | None, stage: Stage
) -> str | bytes:
    """The draft of the form's case in `fmt` ("html", "markdown" or "docx", which is bytes) for `stage`: of
    the person chosen (1-based), or one joint submission for every detainee the case names."""
    from detention_rules.output.draft import build_joint

    try:
        people = application.drafts(book, document(name, data), detainee)
    except InputError:
        raise UsageError(words.of("web", "server")["draft_errors"]) from None
    return DRAFT_FORMATS[fmt].render(build_joint(book, people, stage=stage))
