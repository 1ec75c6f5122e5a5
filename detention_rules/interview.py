"""`wgad gaps --ask`: ask the open questions in the terminal and write the answers to a new file.

The original file is never written to. The new file holds the same data with
the answers filled in (comments are not carried over) and is validated before
the command ends.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer
import yaml

from . import source
from .errors import UsageError
from .escaping import printable
from .facts import readable_fields
from .source import generic
from .validate import validate
from .whatif import apply, parse_sets
from .whynot import Question

#: A derived fact is answered through the facts it is computed from.
ASK_INSTEAD = {"days": ("start", "end"), "judge_within_48h": ("judge_date", "judge_time")}
YES = {"y", "yes", "true", "t", "1"}
NO = {"n", "no", "false", "f", "0"}


def _fields(question: Question) -> list[str]:
    base, _, name = question.field.rpartition(".")
    if name in ASK_INSTEAD:
        return [f"{base}.{n}" for n in ASK_INSTEAD[name]]
    return [question.field]


def _parse(field: str, answer: str) -> Any:
    ftype = readable_fields().get(generic(field))
    text = answer.strip()
    if ftype is None or ftype.kind == "text":
        return text
    if ftype.kind == "bool":
        if text.lower() in YES:
            return True
        if text.lower() in NO:
            return False
        raise ValueError("answer yes or no")
    if ftype.kind == "enum":
        if text not in ftype.choices:
            raise ValueError(f"answer one of: {', '.join(ftype.choices)}")
        return text
    if ftype.kind == "list":
        items = [t.strip() for t in text.split(",") if t.strip()]
        bad = [i for i in items if ftype.choices and i not in ftype.choices]
        if bad:
            raise ValueError(f"'{bad[0]}' is not one of: {', '.join(ftype.choices)}")
        return items
    return int(text)


def _hint(field: str) -> str:
    ftype = readable_fields().get(generic(field))
    if ftype is None or ftype.kind == "text":
        return "text or date"
    if ftype.kind == "bool":
        return "yes/no"
    return ", ".join(ftype.choices) if ftype.choices else ftype.kind


def interview(path: Path, doc: source.Document, asked: list[Question], output: Path | None) -> None:
    """Ask each question; an empty answer leaves the fact unknown."""
    target = output or path.with_name(f"{path.stem}.answers{path.suffix}")
    if target.resolve() == path.resolve():
        raise UsageError(f"{target}: the answers go to a new file, never over the original")
    if target.exists() or target.is_symlink():
        raise UsageError(f"{target}: already exists; choose another with -o")
    if not target.parent.is_dir():  # checked before the questions, so no answer is typed in vain
        raise UsageError(f"{target}: no folder {target.parent} to write into")
    changes: list[str] = []
    for q in asked:
        for field in _fields(q):
            while True:
                try:
                    answer = typer.prompt(
                        f"{q.text}\n  {field} [{_hint(field)}; empty to skip]", default="", show_default=False
                    )
                except typer.Abort:  # Ctrl-C or the end of input: exit 130, having written nothing
                    sys.stderr.write("\nwgad: interrupted; no answers were written\n")
                    raise KeyboardInterrupt from None
                if not answer.strip():
                    break
                try:
                    value = _parse(field, answer)
                except ValueError as exc:
                    sys.stdout.write(f"  {exc}\n")
                    continue
                changes.append(
                    f"{field}={yaml.safe_dump(value, default_flow_style=True).strip().removesuffix('...').strip()}"
                )
                break
    answered = apply(doc, parse_sets(changes))
    header = f"# Answers to `wgad gaps --ask` for {printable(path.name)}; the original is unchanged.\n"
    text = header + yaml.safe_dump(answered.data, sort_keys=False, allow_unicode=True)
    new_doc = source.parse(text, str(target))
    _, problems = validate(new_doc)
    try:
        with target.open("x", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:  # created meanwhile, or not writable: keep the answers on screen, not lost
        sys.stdout.write(text)
        raise UsageError(
            f"{target}: cannot write ({exc.strerror or exc}); the answered case is printed above"
        ) from None
    sys.stdout.write(f"wrote {printable(str(target))} ({len(changes)} answer(s))\n")
    for p in problems:
        sys.stdout.write(f"{p}\n")
