"""What a batch prints: each file's output in the chosen format, and the summary after them all.

`interfaces/batch.py` runs the files (in workers) and counts; each worker renders its
file here, to the text it adds to the output (a `json` document's items too, serialised and
indented as the whole array writes them), so that only text crosses processes and the parent
holds nothing from one file to the next.
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


def items(data: list[Any]) -> str:
    """Items of the `json` document's array as `json_text(array, 2)` writes them, one level in, joined:
    the document is `[`, then each file's items, then `]` (`Printer`), whatever the files' order or number."""
    return ",\n  ".join(json_text(item, 2).replace("\n", "\n  ") for item in data)  # JSON text has no raw newline


def validated(path: str, result: CaseResult, fmt: CheckFormatName) -> str:
    """`wgad validate`'s output for one file: problem lines, the JSON array's items (json), or a JSON line (jsonl)."""
    form = CHECK_FORMATS[fmt]
    if form.data and not form.lines:
        return items([p.as_dict() for p in result.problems])
    if form.lines:
        problems = [p.as_dict() for p in result.problems]
        return json_text({"file": path, "valid": result.valid, "problems": problems})
    return "".join(f"{p}\n" for p in result.problems)


def checked(result: CaseResult, fmt: CheckFormatName) -> str:
    """`wgad check`'s output for one file: the report (text, markdown), the JSON array's item (json) or a JSON line."""
    form = CHECK_FORMATS[fmt]
    if form.report is None:
        from detention_rules.output import json as renderer

        data = renderer.result(result)
        return json_text(data) if form.lines else items([data])  # serialised in the worker: the parent only writes
    return form.report([result])


def failed(path: str, problem: Problem, mode: Mode, fmt: CheckFormatName) -> str:
    """The output for a file the tool failed on (`problem`, code `internal`), as `validated` or `checked` shape it."""
    form = CHECK_FORMATS[fmt]
    if not form.data:
        return f"{problem}\n"
    output: dict[str, Any] = {"file": path, "valid": False, "problems": [problem.as_dict()]}
    if form.lines:
        return json_text(output)
    return items(output["problems"] if mode == "validate" else [output])


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

    A JSON format that is not written in lines (`json`) is one document, an array, streamed too: its
    items as each file's arrive, already serialised (`items`), so that memory stays flat however many
    files there are; the same bytes as the whole array serialised at the end.
    Streams are looked up at each write, so a caller's redirection of `sys.stdout` holds.
    """

    def __init__(self, fmt: CheckFormatName, mode: Mode, total: int):
        self.format, self.mode, self.total = CHECK_FORMATS[fmt], mode, total
        self.progress = Progress(total)
        self.opened = False  # the `json` array's `[` is written, with its first item

    def add(self, output: str, files_done: int) -> None:
        """One file's output (as `validated`, `checked` or `failed` made it); `files_done` counts it."""
        if self.format.lines:
            self.progress.clear()
            sys.stdout.write(output + "\n")
            sys.stdout.flush()
        elif output:
            self.progress.clear()
            if self.format.data:  # the array's items
                sys.stdout.write((",\n  " if self.opened else "[\n  ") + output)
                self.opened = True
            else:
                sys.stdout.write(output)
        self.progress.update(files_done)

    def finish(self, counts: Counts) -> None:
        """The JSON document's end, then the summary table (to standard error beside JSON) for a validation or
        many files."""
        self.progress.clear()
        if self.format.data and not self.format.lines:
            sys.stdout.write("\n]\n" if self.opened else "[]\n")
        if self.mode == "validate" or self.total > 1:
            (sys.stderr if self.format.data else sys.stdout).write(summary(counts, self.mode))
