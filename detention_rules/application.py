"""What an interface asks of the pipeline, one function per use: the CLI, the batch, the web page
and the casebook call these, so that a case's result, a chosen detainee's draft, the questions and
a what-if are composed once and mean the same wherever they are asked.

Each function takes the law it runs under (`book`, a `Runnable`) and a case (a file's path or a
document already read: the web page's form); none reads a default. Rendering stays in `output/`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from detention_rules import pipeline, words
from detention_rules.errors import InputError, Problem, UsageError
from detention_rules.input import detainees, source
from detention_rules.input.case import Case
from detention_rules.input.validate import validate
from detention_rules.pipeline import CaseResult

if TYPE_CHECKING:  # the reasoning stage is imported when a case is analysed, as pipeline.py does
    from detention_rules.reasoning.gaps import Question
    from detention_rules.reasoning.runnable import Runnable
    from detention_rules.reasoning.whatif import Setting


class ChooseDetainee(UsageError):
    """The file names several detainees and the use is one person's: which one is for the interface to ask."""

    def __init__(self, path: str, labels: list[str]):
        names = "; ".join(f"{i}: {label}" for i, label in enumerate(labels, 1))
        super().__init__(words.of("messages", "files")["choose"].format(path=path, count=len(labels), names=names))
        self.labels = labels


def result(book: Runnable, case: Path | source.Document, why_not: bool = False) -> CaseResult:
    """The result of a case: every detainee's analysis (`CaseResult.each`); a file that cannot be read,
    its problems. `why_not`: the closest rules for each category not established."""
    if isinstance(case, source.Document):
        return pipeline.check_doc(case, book, why_not)
    return pipeline.check_file(case, book, why_not)


def results(book: Runnable, paths: Iterable[Path], why_not: bool = False) -> Iterator[tuple[Path, CaseResult]]:
    """`result` of every case file under `paths`; the tool's failure on one file is that file's result."""
    return pipeline.check_each(paths, book, why_not)


def person_doc(doc: source.Document, detainee: int | None) -> tuple[source.Document, str]:
    """The case of one person and how outputs name them: the file's own, or the detainee chosen
    (1-based) when it names several; only that person's case is made, never the others'."""
    people = detainees.count(doc)
    if not people:
        if detainee not in (None, 1):
            raise UsageError(words.of("messages", "files")["one_person"].format(path=doc.path, detainee=detainee))
        return doc, ""
    if detainee is None or not 1 <= detainee <= people:
        raise ChooseDetainee(doc.path, [detainees.label(doc, i) for i in range(people)])
    return detainees.split(doc, detainee - 1), detainees.label(doc, detainee - 1)


def person(book: Runnable, doc: source.Document, detainee: int | None) -> CaseResult:
    """The analysis of one person (see `person_doc`), or the file's problems raised when it is not valid."""
    _valid(doc)
    one, label = person_doc(doc, detainee)
    chosen = pipeline.check_doc(one, book)
    if chosen.analysis is None:
        raise InputError(chosen.problems)
    chosen.detainee = label
    return chosen


def questions(book: Runnable, doc: source.Document, detainee: int | None) -> list[Question]:
    """The gap questions of one person: the unknown facts that could change a finding, most consequential
    first. Only the facts are built: the questions need no run of the engine."""
    from detention_rules.reasoning import facts, gaps

    case = _valid(doc)
    one, _ = person_doc(doc, detainee)
    if one is not doc:
        case = _valid(one)
    return gaps.questions(book, facts.build(book, case, one))


def draft(book: Runnable, doc: source.Document, detainee: int | None) -> tuple[CaseResult, list[Question]]:
    """What the draft of one person is built from (`output.draft.build`): their result and open questions."""
    from detention_rules.reasoning import gaps

    chosen = person(book, doc, detainee)
    assert chosen.facts is not None
    return chosen, gaps.questions(book, chosen.facts)


def drafts(book: Runnable, doc: source.Document, detainee: int | None) -> list[tuple[CaseResult, list[Question]]]:
    """What a submission is built from (`output.draft.build_joint`): the person chosen, or every
    detainee the file names (one joint submission), each with their result and open questions."""
    people = detainees.count(doc)
    if detainee is not None or not people:
        return [draft(book, doc, detainee)]
    return [draft(book, doc, number) for number in range(1, people + 1)]


def what_if(
    book: Runnable, case: Path | source.Document, changes: list[list[Setting]], why_not: bool = False
) -> tuple[CaseResult, list[CaseResult]]:
    """The case as written, and its result with each of `changes` made (`--set`; the web's what-if), read
    once. A change the case cannot take (no such item) gives a result with that problem, coded `set-path`."""
    from detention_rules.reasoning.whatif import apply

    if isinstance(case, Path):
        try:
            doc = source.load(case)
        except InputError as exc:
            unread = CaseResult(str(case), exc.problems)
            return unread, [unread for _ in changes]
    else:
        doc = case
    original = pipeline.check_doc(doc, book)
    out = []
    for settings in changes:
        try:
            changed = apply(doc, settings)
        except UsageError as exc:
            out.append(CaseResult(doc.path, [Problem(doc.path, 1, 1, "error", str(exc), "set-path")]))
            continue
        out.append(pipeline.check_doc(changed, book, why_not))
    return original, out


def _valid(doc: source.Document) -> Case:
    """The case, or the file's problems raised when it is not valid: one person's use reports the whole
    file's errors, as `wgad check` would."""
    case, problems = validate(doc)
    if case is None or any(p.level == "error" for p in problems):
        raise InputError(problems)
    return case
