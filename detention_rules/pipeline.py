"""The pipeline from paths to results: read, validate, build facts, run the engine, explain.

Never prints: the CLI chooses a renderer for the results.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from detention_rules import words
from detention_rules.errors import InputError, Problem, UsageError
from detention_rules.input import detainees, source
from detention_rules.input.case import CATEGORIES, Case
from detention_rules.input.validate import validate

if TYPE_CHECKING:  # the reasoning stage is imported when a case is analysed: `wgad validate` never needs it
    from detention_rules.reasoning.derivation import Analysis
    from detention_rules.reasoning.facts import Facts
    from detention_rules.reasoning.near_misses import NearMiss
    from detention_rules.reasoning.runnable import Runnable

#: How many near misses to keep per category not established.
CLOSEST = 3

CASE_SUFFIXES = (".yaml", ".yml")


class CaseResult(msgspec.Struct):
    """One file's outcome: its problems and, when it is valid, the analysis."""

    path: str
    problems: list[Problem] = msgspec.field(default_factory=list)
    case: Case | None = None
    analysis: Analysis | None = None
    facts: Facts | None = None  # what the analysis ran on, for questions and causes afterwards
    why_not: dict[str, list[NearMiss]] = msgspec.field(default_factory=dict)
    detainee: str = ""  # the person this result is for, when the file names several detainees
    #: One result per detainee, when the file names several; the file's own result then has no analysis.
    persons: list[CaseResult] = msgspec.field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(p.level == "error" for p in self.problems)

    def each(self) -> list[CaseResult]:
        """The results to report: one per detainee, or this one."""
        return self.persons or [self]

    @property
    def categories(self) -> list[str]:
        """Categories established, for any person: a person's own findings are in `each()`."""
        found = {c for r in self.each() if r.analysis for c in r.analysis.categories}
        return [c for c in CATEGORIES if c in found]


def case_files(paths: Iterable[Path], ordered: bool = True) -> Iterator[Path]:
    """Each file named, and every *.yaml / *.yml below each folder named.

    Folders are walked lazily, so that a batch over a hundred thousand files never
    holds them all. `ordered` sorts each folder's entries; without it they come in
    the file system's order and not even one folder's names are held. Below a folder,
    a link is followed only when it leads to somewhere inside that folder: a link to
    `/etc/shadow` or to `/` is not a case file of the folder. A file named is read
    wherever it leads.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path, ordered, set(), os.path.realpath(path))
        elif path.exists() or path.is_symlink():
            yield path  # not a regular file, or a broken link: reading it reports the problem
        else:
            raise UsageError(words.of("messages", "files")["no_such"].format(path=path))


def _walk(folder: Path, ordered: bool, seen: set[tuple[int, int]], root: str) -> Iterator[Path]:
    """Files below `folder`; a folder that cannot be listed is yielded, so reading it reports why.

    Links to folders are followed once each: a link back to a parent does not loop.
    """
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as scan:
            entries: Iterable[tuple[str, bool]] = ((e.name, _is_dir(e)) for e in scan if _inside(e, root))
            if ordered:
                entries = _sorted(entries)
            for name, is_dir in entries:
                if is_dir:
                    yield from _walk(folder / name, ordered, seen, root)
                elif name.endswith(CASE_SUFFIXES):
                    yield folder / name
    except OSError:
        yield folder


def _sorted(entries: Iterable[tuple[str, bool]]) -> Iterator[tuple[str, bool]]:
    """A folder's case files and subfolders in name order, held as one string while they are worked through.

    A folder of 50,000 cases held as name-and-kind pairs costs some 7 MB for the whole run, most of the
    growth of a sorted batch's memory with its size; packed, well under 1 MB. Names never contain NUL.
    """
    folders: set[str] = set()
    names = []
    for name, is_dir in entries:
        if is_dir:
            folders.add(name)
        if is_dir or name.endswith(CASE_SUFFIXES):
            names.append(name)
    names.sort()
    packed = "\0".join(names)
    del names
    start = 0
    while start < len(packed):
        end = packed.find("\0", start)
        end = len(packed) if end < 0 else end
        name = packed[start:end]
        yield name, name in folders
        start = end + 1


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link loop: not a folder; reading it as a file reports the loop
        return False


def _inside(entry: os.DirEntry[str], root: str) -> bool:
    """Whether an entry is in the folder walked: not a link, or a link that leads inside it.

    A link loop or a dangling link leads nowhere; it is kept, so that reading it says so.
    """
    try:
        if not entry.is_symlink():
            return True
        target = os.path.realpath(entry.path, strict=True)
    except (OSError, RuntimeError):
        return True
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def count_case_files(paths: Iterable[Path]) -> int:
    """How many files `case_files` will yield, without keeping them."""
    return sum(1 for _ in case_files(paths, ordered=False))


def read(path: Path) -> tuple[source.Document | None, CaseResult]:
    """Parse and validate one file, without running the engine."""
    result = CaseResult(str(path))
    try:
        doc = source.load(path)
    except InputError as exc:
        result.problems = exc.problems
        return None, result
    result.case, result.problems = validate(doc)
    return doc, result


def check_doc(doc: source.Document, book: Runnable, why_not: bool = False) -> CaseResult:
    """Validate a parsed document and, if it is valid, analyse it."""
    result = CaseResult(doc.path)
    result.case, result.problems = validate(doc)
    people = detainees.count(doc) if result.case is not None and result.valid else 0
    if people:  # each person valid too (validate)
        for index, person_doc in enumerate(detainees.each(doc)):
            person = check_doc(person_doc, book, why_not)
            person.problems = []  # the file's own, validation included, are reported once, above
            person.detainee = detainees.label(doc, index)
            result.persons.append(person)
        return result
    if result.case is not None and result.valid:
        from detention_rules.reasoning import derivation, facts
        from detention_rules.reasoning.near_misses import near_misses

        fx = result.facts = facts.build(book, result.case, doc)
        result.analysis = derivation.analyse(book, fx, book.engine.run(fx))
        if fx.disputed:
            derivation.weigh_disputed(result.analysis, book.engine.run(facts.source_side(fx)))
        if why_not:
            result.why_not = {c: misses[:CLOSEST] for c, misses in near_misses(book, fx).items()}
    return result


def check_file(path: Path, book: Runnable | None = None, why_not: bool = False) -> CaseResult:
    """Validate one file and, if it is valid, analyse it."""
    try:
        doc = source.load(path)
    except InputError as exc:
        return CaseResult(str(path), exc.problems)
    return check_doc(doc, _book(book), why_not)


def check_each(paths: Iterable[Path], book: Runnable, why_not: bool = False) -> Iterator[tuple[Path, CaseResult]]:
    """`check_file` on every case file under `paths` (casebook, evaluate): a failure of the tool on one
    file is that file's result, its problem coded `internal` (exit code 3), and the other files still run."""
    for path in case_files(paths):
        try:
            result = check_file(path, book, why_not)
        except Exception as exc:
            if os.environ.get("WGAD_DEBUG"):
                raise
            result = CaseResult(str(path), [internal(str(path), exc)])
        yield path, result


def internal(path: str, exc: Exception) -> Problem:
    """The tool's own failure on one file, as that file's problem: the other files of a batch still run."""
    message = words.of("messages", "files")["internal"].format(error=type(exc).__name__)
    return Problem(path, 1, 1, "error", message, "internal")


def _book(book: Runnable | None) -> Runnable:
    """`book`, or the shipped rules (loaded here: reading a file needs no rules)."""
    if book is not None:
        return book
    from detention_rules.reasoning import runnable

    return runnable.load()


def check_text(text: str, name: str = "<string>", book: Runnable | None = None) -> CaseResult:
    """`check_file` for text in memory (tests)."""
    try:
        doc = source.parse(text, name)
    except InputError as exc:
        return CaseResult(name, exc.problems)
    return check_doc(doc, _book(book))
