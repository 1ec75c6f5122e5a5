"""What a batch prints: each file's output in the chosen format, and the summary after them all.

`interfaces/batch.py` runs the files (in workers) and counts; each worker renders its
file here, so that only text or small JSON-ready data crosses processes.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any, Protocol

from detention_rules import words
from detention_rules.errors import Problem
from detention_rules.escaping import json_text
from detention_rules.input.case import CATEGORIES
from detention_rules.output.formats import CHECK_FORMATS, CheckFormatName, Mode
from detention_rules.output.progress import Progress
from detention_rules.pipeline import CaseResult


def validated(path: str, result: CaseResult, fmt: CheckFormatName) -> Any:
    """`wgad validate`'s output for one file: problem lines, JSON-ready problems (json), or a JSON line (jsonl)."""
    form = CHECK_FORMATS[fmt]
    if form.data and not form.lines:
        return [p.as_dict() for p in result.problems]
    if form.lines:
        problems = [p.as_dict() for p in result.problems]
        return json_text({"file": path, "valid": result.valid, "problems": problems})
    return "".join(f"{p}\n" for p in result.problems)


def checked(result: CaseResult, fmt: CheckFormatName) -> Any:
    """`wgad check`'s output for one file: the report (text, markdown), JSON-ready data (json) or a JSON line."""
    form = CHECK_FORMATS[fmt]
    if form.report is None:
        from detention_rules.output import json as renderer

        data = renderer.result(result)
        return json_text(data) if form.lines else data  # serialised in the worker: the parent only writes
    return form.report([result])


def failed(path: str, problem: Problem, mode: Mode, fmt: CheckFormatName) -> Any:
    """The output for a file the tool failed on (`problem`, code `internal`), as `validated` or `checked` shape it."""
    form = CHECK_FORMATS[fmt]
    if not form.data:
        return f"{problem}\n"
    output: dict[str, Any] = {"file": path, "valid": False, "problems": [problem.as_dict()]}
    if mode == "validate" and not form.lines:
        return output["problems"]
    return json_text(output) if form.lines else output


class Counts(Protocol):
    """What the summary table shows (`interfaces.batch.Summary` counts it)."""

    files: int
    invalid: int
    errors: int
    warnings: int
    categories: Counter[str]
    none_found: int


def summary(counts: Counts, mode: Mode) -> str:
    """The table after a batch: files and problems (validate), or files per category (check)."""
    w = words.of("batch", "batch")
    if mode == "validate":
        return (
            w["validated"].format(
                files=counts.files, invalid=counts.invalid, errors=counts.errors, warnings=counts.warnings
            )
            + "\n"
        )
    rows = [w["checked"].format(files=counts.files, analysed=counts.files - counts.invalid, invalid=counts.invalid)]
    rows += [w["category"].format(category=c, count=counts.categories[c]) for c in CATEGORIES]
    rows.append(w["none_found"].format(count=counts.none_found))
    return "\n".join(rows) + "\n"


class Printer:
    """Writes each file's output as it arrives, a progress counter between them on a terminal, the summary last.

    A JSON format that is not written in lines (`json`) is one document: the files' data is collected and
    written at the end.
    Streams are looked up at each write, so a caller's redirection of `sys.stdout` holds.
    """

    def __init__(self, fmt: CheckFormatName, mode: Mode, total: int):
        self.format, self.mode, self.total = CHECK_FORMATS[fmt], mode, total
        self.progress = Progress(total)
        self.collected: list[object] = []

    def add(self, output: Any, files_done: int) -> None:
        """One file's output (as `validated`, `checked` or `failed` made it); `files_done` counts it."""
        if self.format.lines:
            self.progress.clear()
            sys.stdout.write(output + "\n")
            sys.stdout.flush()
        elif self.format.data and self.mode == "validate":
            self.collected.extend(output)
        elif self.format.data:
            self.collected.append(output)
        elif output:
            self.progress.clear()
            sys.stdout.write(output)
        self.progress.update(files_done)

    def finish(self, counts: Counts) -> None:
        """The JSON document, then the summary table (to standard error beside JSON) for a validation or many files."""
        self.progress.clear()
        if self.format.data and not self.format.lines:
            sys.stdout.write(json_text(self.collected, 2) + "\n")
        if self.mode == "validate" or self.total > 1:
            (sys.stderr if self.format.data else sys.stdout).write(summary(counts, self.mode))
