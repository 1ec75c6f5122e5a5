"""The pipeline from paths to results: read, validate, build facts, run the engine, explain.

Never prints: the CLI chooses a renderer for the results.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import derivation, engine, facts, rulebook, source
from .case import Case
from .derivation import Analysis
from .errors import InputError, Problem, UsageError
from .validate import validate

CASE_SUFFIXES = (".yaml", ".yml")


@dataclass
class CaseResult:
    """One file's outcome: its problems and, when it is valid, the analysis."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    case: Case | None = None
    analysis: Analysis | None = None

    @property
    def valid(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


def case_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Each file named, and every *.yaml / *.yml below each folder named, in sorted order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in CASE_SUFFIXES and p.is_file())
        elif path.is_file():
            yield path
        else:
            raise UsageError(f"{path}: no such file or folder")


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


def analyse(case: Case, doc: source.Document | None, book: rulebook.Rulebook) -> Analysis:
    """Run one validated case through the engine and explain what fired."""
    fx = facts.build(case, doc)
    outcome = engine.for_rulebook(book).run(fx)
    return derivation.analyse(book, fx, outcome)


def check_file(path: Path, book: rulebook.Rulebook | None = None) -> CaseResult:
    """Validate one file and, if it is valid, analyse it."""
    doc, result = read(path)
    if result.case is not None and result.valid:
        result.analysis = analyse(result.case, doc, book or rulebook.load())
    return result


def check_text(text: str, name: str = "<string>", book: rulebook.Rulebook | None = None) -> CaseResult:
    """`check_file` for text in memory (tests, what-if runs)."""
    result = CaseResult(name)
    try:
        doc = source.parse(text, name)
    except InputError as exc:
        result.problems = exc.problems
        return result
    result.case, result.problems = validate(doc)
    if result.case is not None and result.valid:
        result.analysis = analyse(result.case, doc, book or rulebook.load())
    return result
