"""`wgad rules`: the rules as text or JSON-ready data, and the `--check` report (Markdown: `markdown.rules_table`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from detention_rules import words
from detention_rules.errors import Problem
from detention_rules.escaping import printable
from detention_rules.law.law import Law


def text(book: Law) -> str:
    """Two lines per rule: its id and title, then its provisions."""
    return "".join(
        printable(f"{r.id:<42} {r.title}") + "\n" + printable(f"{'':<42} {', '.join(r.provisions)}") + "\n"
        for r in book.rules
    )


def data(book: Law) -> list[dict[str, Any]]:
    """Each rule's id, title, category, conclusion, citations and place (docs/cli.md)."""
    return [
        {
            "id": r.id,
            "title": r.title,
            "category": r.category,
            "concludes": r.concludes,
            "provisions": list(r.provisions),
            "jurisprudence": list(r.jurisprudence),
            "file": r.pos.path,
            "line": r.pos.line,
        }
        for r in book.rules
    ]


def problems_report(problems: Sequence[Problem], folder: Path) -> str:
    """`wgad rules --check`: each problem, then the count of errors and the folder checked (which copy of
    the rules: a checkout's or an installed one), relative to the current folder when inside it."""
    errors = sum(p.level == "error" for p in problems)
    shown = folder.relative_to(Path.cwd()) if folder.is_relative_to(Path.cwd()) else folder
    checked = words.of("report", "rules")["checked"].format(errors=errors, folder=printable(str(shown)))
    return "".join(f"{p}\n" for p in problems) + checked + "\n"
