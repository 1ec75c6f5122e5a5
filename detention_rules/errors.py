"""Problems found in user input, and the exceptions that carry them.

Exception tree (exit codes in parentheses, see docs/cli.md)::

    WgadError
    ├── InputError (1)      a case or rule file is broken: carries Problems
    ├── UsageError (2)      a path that does not exist, an unreadable file, bad options
    └── EngineError (3)     the tool's own failure (a rule action raised, durable-rules broke)

Every message a user sees is a `Problem`, printed like yamllint:
``path:line:col: level: message [code]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import msgspec

from detention_rules.escaping import printable

if TYPE_CHECKING:  # types only: `wgad check` never loads the registry (msgspec never decodes a Problem)
    from detention_rules.problem_codes import Level, ProblemCode


class Problem(msgspec.Struct, frozen=True, order=True):
    """One thing wrong with one place in one file."""

    path: str
    line: int
    col: int
    level: Level
    message: str
    code: ProblemCode  # declared in problem_codes.py, with what it means
    field: str = ""

    def __str__(self) -> str:
        return printable(f"{self.path}:{self.line}:{self.col}: {self.level}: {self.message} [{self.code}]")

    def as_dict(self) -> dict[str, object]:
        return msgspec.structs.asdict(self)


class WgadError(Exception):
    """Base of every error the tool reports without a traceback."""

    exit_code = 3


def exit_code(problems: Iterable[Problem]) -> int:
    """3 when the tool failed on a file (`internal`), 2 when a file could not be read (`io`), 1 for any
    other error, else 0 (docs/cli.md)."""
    levels = {p.code if p.code in ("io", "internal") else p.level for p in problems}
    return 3 if "internal" in levels else 2 if "io" in levels else 1 if "error" in levels else 0


class InputError(WgadError):
    """A case or rule file cannot be used; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

    @property
    def exit_code(self) -> int:  # type: ignore[override]
        return exit_code(self.problems) or 1


class UsageError(WgadError):
    """The command line names something that cannot be read or does not make sense."""

    exit_code = 2


class EngineError(WgadError):
    """The rule engine failed: a bug in this tool, never the user's input."""

    exit_code = 3
