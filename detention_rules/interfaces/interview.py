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

from detention_rules.errors import InputError, UsageError
from detention_rules.escaping import printable
from detention_rules.input import source
from detention_rules.input.fields import readable_fields
from detention_rules.input.source import generic
from detention_rules.input.validate import validate
from detention_rules.output import atomic
from detention_rules.reasoning.whatif import apply, path_steps, read_value
from detention_rules.reasoning.whynot import Question

#: A derived fact is answered through the facts it is computed from.
#: Relative names ("start") are read beside the derived fact; full paths as they stand.
ASK_INSTEAD = {
    "detention[].days": ("start", "end"),
    "arrest.judge_within_48h": ("arrest.date", "arrest.time", "detention[0].judge_date", "detention[0].judge_time"),
    "arrest.days_uncharged": ("arrest.date", "arrest.charge_date"),
    "arrest.brought_before_judge": ("detention[0].brought_before_judge",),
}
YES = {"y", "yes", "true", "t", "1"}
NO = {"n", "no", "false", "f", "0"}


def fields_asked(question: Question) -> list[str]:
    """The fields the interview asks for a question: a derived fact is asked through its sources."""
    base = question.field.rpartition(".")[0]
    instead = ASK_INSTEAD.get(generic(question.field))
    if instead:
        return [n if "." in n else f"{base}.{n}" for n in instead]
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
    try:  # a number, read as the case file would read it (and within its limits)
        value = read_value(text)
    except InputError as exc:
        raise ValueError(exc.problems[0].message) from None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise ValueError("answer a number")
    return value


def _hint(field: str) -> str:
    ftype = readable_fields().get(generic(field))
    if ftype is None or ftype.kind == "text":
        return "text or date"
    if ftype.kind == "bool":
        return "yes/no"
    return ", ".join(ftype.choices) if ftype.choices else ftype.kind


def interview(path: Path, doc: source.Document, asked: list[Question], output: Path | None) -> None:
    """Ask each question; an empty answer leaves the fact unknown.

    Each answer is set on the data as typed (never through YAML text, which folds a long answer
    across lines) and validated at once: an answer the case model refuses is asked again, so
    the file written at the end is valid.
    """
    target = output or path.with_name(f"{path.stem}.answers{path.suffix}")
    if target.resolve() == path.resolve():
        raise UsageError(f"{target}: the answers go to a new file, never over the original")
    if target.exists() or target.is_symlink():
        raise UsageError(f"{target}: already exists; choose another with -o")
    if not target.parent.is_dir():  # checked before the questions, so no answer is typed in vain
        raise UsageError(f"{target}: no folder {target.parent} to write into")
    answered = doc
    count = 0
    for q in asked:
        for field in fields_asked(q):
            if readable_fields().get(generic(field)) is None:  # a list of items (`conduct`): not one answer
                sys.stdout.write(f"{q.text}\n  {field}: a list of items; add them to the file itself\n")
                continue
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
                    trial = apply(answered, [(f"{field}={answer}", path_steps(field, field), value)])
                except (ValueError, UsageError) as exc:
                    sys.stdout.write(f"  {printable(str(exc))}\n")
                    continue
                refused = [p for p in validate(trial)[1] if p.level == "error" and _about(p.field, field)]
                if refused:
                    sys.stdout.write(f"  {printable(refused[0].message)}\n")
                    continue
                answered, count = trial, count + 1
                break
    header = f"# Answers to `wgad gaps --ask` for {printable(path.name)}; the original is unchanged.\n"
    text = header + yaml.safe_dump(answered.data, sort_keys=False, allow_unicode=True)
    new_doc = source.parse(text, str(target))
    _, problems = validate(new_doc)
    try:
        atomic.write_text(target, text, replace=False)
    except OSError as exc:  # created meanwhile, or not writable: keep the answers on screen, not lost
        sys.stdout.write(text)
        raise UsageError(
            f"{target}: cannot write ({exc.strerror or exc}); the answered case is printed above"
        ) from None
    sys.stdout.write(f"wrote {printable(str(target))} ({count} answer(s))\n")
    for p in problems:
        sys.stdout.write(f"{p}\n")


def _about(problem_field: str, field: str) -> bool:
    """Whether a problem is about `field` (or a part of it, such as its `value`)."""
    return problem_field == field or problem_field.startswith((field + ".", field + "["))
