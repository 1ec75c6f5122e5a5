"""One YAML file of legal data beside the rules (parameters, outcomes) as it is read: its problems, each at its line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from detention_rules.errors import Problem
from detention_rules.input import source
from detention_rules.input.field_path import FieldPath

if TYPE_CHECKING:
    from detention_rules.problem_codes import ProblemCode


class DataFile:
    """The document of one data file, and the problems found in it so far, all with one code."""

    def __init__(self, path: Path, code: ProblemCode):
        self.doc = source.load(path)
        self.code = code
        self.problems: list[Problem] = []

    def problem(self, where: source.PathKey, message: str) -> None:
        """Record an error at the value `where` points to (its line and column in the file)."""
        line, col = self.doc.where(where)
        self.problems.append(Problem(self.doc.path, line, col, "error", message, self.code, str(FieldPath(where))))

    def warning(self, where: source.PathKey, message: str, code: ProblemCode) -> None:
        """Record a warning (its own code) at the value `where` points to: the file is read, the law holds."""
        line, col = self.doc.where(where)
        self.problems.append(Problem(self.doc.path, line, col, "warning", message, code, str(FieldPath(where))))
