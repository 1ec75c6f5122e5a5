"""`wgad gaps --ask`: ask the open questions in the terminal and write each answer, as it is given, to a new file.

The original file is never written to. The answers file is the original's text with a
header, its comments and field order kept (input/edit.py), each answer marked as the
drafter's (`by: [drafter]`, the date in `note`). It is written after every answer, so
Ctrl-C or the end of input loses nothing, and a second run on it (or on the original,
while the answers file exists) resumes where the first stopped.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import msgspec
import typer

from detention_rules import application, words
from detention_rules.errors import InputError, Problem, UsageError
from detention_rules.escaping import printable
from detention_rules.input import edit, source
from detention_rules.input.case import CATEGORIES
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import readable_fields
from detention_rules.input.validate import validate
from detention_rules.output import atomic, gaps
from detention_rules.reasoning.asking import open_fields
from detention_rules.reasoning.gaps import Question
from detention_rules.reasoning.runnable import Runnable
from detention_rules.reasoning.whatif import read_value

DRAFTER = "drafter"
#: What the interview says, and the words a drafter may answer with (locales/<lang>/cli.yaml, `interview:`).
W = words.of("cli", "interview")


def _words(key: str) -> frozenset[str]:
    """The answers a translation file lists, comma-separated, for yes, no or unknown."""
    return frozenset(w.strip() for w in W[key].split(","))


YES, NO = _words("yes_words"), _words("no_words")
UNKNOWN = _words("unknown_words") | {""}  # no answer at all leaves the fact unknown, in every language
MOOT_WORDS = _words("moot_words")
#: What parts an answer: the value, then a reference and a note (`no | petition para 4 | his wife saw it`).
SEP = "|"
#: The answers file's first line, `{file}` its original's name, before and after it (read back to resume).
MARK, _, UNCHANGED = W["answers_head"].partition("{file}")
SKIPPED, MOOT = W["answers_skipped"], W["answers_moot"]


class _Form(ValueError):
    """An answer not in the field's form; the message says what to answer, so no hint follows it."""


def _parse(path: str, answer: str) -> Any:
    """An answer as the case file would hold it; choices in any case, with common synonyms."""
    ftype = readable_fields().get(FieldPath.generic_name(path))
    text = answer.strip()
    if any("\ud800" <= c <= "\udfff" for c in text):  # bytes that are not UTF-8, as the terminal sent them
        raise ValueError(W["not_utf8"])
    if ftype is None or ftype.kind == "text":
        return text
    word = _word(text)
    if ftype.kind == "bool":
        if word in YES:
            return True
        if word in NO:
            return False
        raise _Form(W["yes_or_no"])
    if ftype.kind == "enum":
        return _choice(word, ftype.choices)
    if ftype.kind == "list":
        items = [t.strip() for t in text.split(",") if t.strip()]
        if not ftype.choices:
            return items
        return [_choice(_word(i), ftype.choices) for i in items]
    try:  # a number, read as the case file would read it (and within its limits)
        value = read_value(text)
    except InputError as exc:
        raise ValueError(exc.problems[0].message) from None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise _Form(W["a_number"])
    return value


def _word(text: str) -> str:
    """An answer as a choice is matched: lower case, `-` and `_` as spaces, spaces single."""
    return " ".join(text.lower().replace("-", " ").replace("_", " ").split())


def _choice(word: str, choices: tuple[str, ...]) -> str:
    for choice in choices:
        if word == choice.lower().replace("_", " "):
            return choice
    raise _Form(W["one_of"].format(choices=", ".join(choices)))


def _hint(path: str) -> str:
    ftype = readable_fields().get(FieldPath.generic_name(path))
    if ftype is None or ftype.kind == "text":
        name = path.rpartition(".")[2]
        if name.endswith("time"):
            return W["hint_time"]
        if name.endswith("date") or name in ("start", "end"):
            return W["hint_date"]
        return W["hint_text"]
    if ftype.kind == "bool":
        return W["hint_bool"]
    return ", ".join(ftype.choices) if ftype.choices else ftype.kind


class Answers(msgspec.Struct):
    """The answers file as it is being written: its header (ours) and body (the original's text, edited)."""

    target: Path
    original: str  # the original's file name, as the header writes it (escaped)
    body: str
    skipped: list[str] = msgspec.field(default_factory=list)
    moot: list[str] = msgspec.field(default_factory=list)  # answered "does not apply"
    count: int = 0
    exists: bool = False
    source: Path | None = None  # the case file answered: a new answers file is no more open than it

    def text(self) -> str:
        header = f"{MARK}{self.original}{UNCHANGED}\n"
        for head, fields in ((SKIPPED, self.skipped), (MOOT, self.moot)):
            if fields:
                header += head + ", ".join(fields) + "\n"
        return header + self.body

    def left(self, field: str) -> bool:
        """Whether the drafter left a field unknown, or said it does not apply: it is not asked again. A time
        is left with its date (`judge_time` with `judge_date`): without the day, the hour says nothing."""
        date = re.sub(r"(^|_)time$", r"\1date", field)
        return any(f in self.skipped or f in self.moot for f in {field, date})

    def write(self) -> None:
        try:
            atomic.write_text(self.target, self.text(), replace=self.exists, source=self.source)
        except OSError as exc:  # not writable, or created meanwhile: keep the answers on screen, not lost
            sys.stdout.write(self.text())
            raise UsageError(W["cannot_write"].format(file=self.target, error=exc.strerror or exc)) from None
        self.exists = True


def _ours(text: str) -> bool:
    return text.startswith(MARK)


def _split(text: str) -> tuple[str, dict[str, list[str]], str]:
    """An answers file as (original's name, the fields of each header line: left unknown, does not apply; body)."""
    lines = text.splitlines(keepends=True)
    original = lines[0][len(MARK) :].split(UNCHANGED)[0]
    listed: dict[str, list[str]] = {SKIPPED: [], MOOT: []}
    rest = lines[1:]
    for head in (SKIPPED, MOOT):
        if rest and rest[0].startswith(head):
            listed[head] = [s.strip() for s in rest[0][len(head) :].split(",") if s.strip()]
            rest = rest[1:]
    return original, listed, "".join(rest)


def answers_file(path: Path, output: Path | None) -> Path:
    """The file the answers go to: the answers file itself when `path` is one, else `-o` or
    `<name>.answers.yaml`. An existing file is resumed only when it is an answers file."""
    text = path.read_text(encoding="utf-8")
    if _ours(text) and output is None:
        return path
    target = output or path.with_name(f"{path.stem}.answers{path.suffix}")
    if target.resolve() == path.resolve() and not _ours(text):
        raise UsageError(W["over_original"].format(file=target))
    if target.is_symlink() or (target.exists() and not _ours(target.read_text(encoding="utf-8", errors="replace"))):
        raise UsageError(W["not_answers"].format(file=target))
    if not target.parent.is_dir():  # checked before the questions, so no answer is typed in vain
        raise UsageError(W["no_folder"].format(file=target, folder=target.parent))
    return target


def _start(path: Path, target: Path) -> Answers:
    if target.exists():
        original, listed, body = _split(target.read_text(encoding="utf-8"))
        answers = Answers(target, original, body, listed[SKIPPED], listed[MOOT], exists=True)
        sys.stdout.write(W["resuming"].format(file=printable(str(target))) + "\n")
        return answers
    # escaped: a name holding a line break would start lines of its own in the header, read as the case's
    return Answers(target, printable(path.name), path.read_text(encoding="utf-8"), source=path)


def interview(path: Path, book: Runnable, output: Path | None, *, ask_all: bool = False) -> None:
    """Ask each question; an empty answer (or "unknown") leaves the fact unknown, "does not apply" says so.

    Each answer is checked against the case model at once (asked again if refused) and
    written before the next question, so the file on disk is always valid and complete so far.
    The questions are worked out again after each answer: one answer can make others moot,
    another open its details. Without `ask_all`, the interview asks what could establish or
    remove a category; then it says so and offers the questions that would add a violation.
    """
    target = answers_file(path, output)
    answers = _start(path, target)
    today = dt.date.today().isoformat()
    number = 0
    lists: list[str] = []
    going_on = ask_all
    while True:
        doc = source.parse(answers.body, str(target))
        pending = []
        for q in _questions(book, doc):
            if answers.left(q.field) or not open_fields(doc.data, q.field):
                continue
            if readable_fields().get(FieldPath.generic_name(q.field)) is None:  # a list of items (`conduct`)
                if (going_on or q.rank == 0) and q.field not in lists:  # named only among the questions asked
                    lists.append(q.field)
                continue
            pending.append(q)
        now = pending if going_on else [q for q in pending if q.rank == 0]
        if not now:
            if pending and not going_on and _go_on(pending):
                going_on = True
                continue
            break
        q = now[0]
        number += 1
        said = W["question"].format(n=number, total=number - 1 + len(now), why=gaps.why(q))
        sys.stdout.write(f"\n{said}\n")
        _ask(answers, q, today)
    for where in lists:
        sys.stdout.write(W["a_list"].format(field=printable(where)) + "\n")
    if not answers.exists:  # nothing answered: no file
        sys.stdout.write(W["nothing_written"].format(file=printable(str(target))) + "\n")
        return
    sys.stdout.write(W["wrote"].format(file=printable(str(target)), count=answers.count) + "\n")
    _, problems = validate(source.parse(answers.text(), str(target)))
    for p in problems:
        sys.stdout.write(f"{p}\n")


def _go_on(pending: list[Question]) -> bool:
    """Why the interview stops (no answer left could establish or remove a category), and whether the drafter
    goes on to the questions that would add a violation (or help establish a category with other answers)."""
    adds = [c for c in CATEGORIES if any(c in q.adds for q in pending)]
    sys.stdout.write("\n" + W["stops"].format(count=len(pending), categories=", ".join(adds) or "-") + "\n")
    try:
        return typer.confirm(W["go_on"], default=False)
    except typer.Abort:  # the end of input: stop here, as asked
        return False


def _questions(book: Runnable, doc: source.Document) -> list[Question]:
    """The open questions of the file as it now stands (`wgad gaps` asks the same)."""
    try:
        return application.questions(book, doc, None)
    except InputError:  # every answer is checked as it is given: only a file already broken
        return []


def _ask(answers: Answers, q: Question, today: str) -> None:
    where = q.field
    while True:
        try:
            reply = typer.prompt(f"{q.text}\n  {where} [{_hint(where)}]", default="", show_default=False)
        except typer.Abort:  # Ctrl-C or the end of input: every answer so far is already written
            kept = W["kept"].format(count=answers.count, file=answers.target) if answers.exists else W["none_kept"]
            sys.stderr.write("\n" + W["interrupted"].format(kept=printable(kept)) + "\n")
            raise KeyboardInterrupt from None
        said, ref, note = (part.strip() for part in f"{reply}{SEP}{SEP}".split(SEP)[:3])
        if _word(said) in UNKNOWN or _word(said) in MOOT_WORDS:
            (answers.skipped if _word(said) in UNKNOWN else answers.moot).append(where)
            answers.write()
            return
        try:
            value = _parse(where, said)
            body, refused = _answered(answers.body, where, value, (today, ref, note), str(answers.target))
        except (ValueError, UsageError, edit.EditError) as exc:
            _refuse(where, str(exc), hint=not isinstance(exc, _Form))
            continue
        if refused:
            _refuse(where, refused[0].message, hint=True)
            continue
        answers.body, answers.count = body, answers.count + 1
        answers.write()
        return


def _refuse(where: str, why: str, hint: bool) -> None:
    """Why an answer is refused and, unless `why` says it (`hint` false), what to answer; then the question again."""
    more = "\n  " + W["refused_hint"].format(hint=_hint(where)) if hint else ""
    sys.stdout.write(f"  {printable(why)}{more}\n")


def _answered(body: str, where: str, value: Any, said: tuple[str, str, str], name: str) -> tuple[str, list[Problem]]:
    """The file's text with one answer set, marked as the drafter's with its reference and note if given
    (`said`: today, the reference, the note; comments and order kept), and the errors the answer's field then
    has (none: the answer is taken)."""
    steps = FieldPath.parse(where)
    today, ref, note = said
    provenance: dict[str, Any] = {"by": [DRAFTER]}
    if ref:
        provenance["ref"] = ref
    provenance["note"] = W["note_given" if note else "note"].format(date=today, note=note)
    tree = edit.load(body, name)
    current = steps.get(tree.data)
    if isinstance(current, dict):
        edit.set_path(tree, [*steps, "value"], value)
        for key, v in provenance.items():
            edit.set_path(tree, [*steps, key], v)
    else:
        edit.set_path(tree, steps, {"value": value, **provenance})
    text = edit.dump(tree, name)
    refused = _refused(text, where, name)
    if refused:
        plain = edit.load(body, name)  # a field that takes no provenance: the value alone
        edit.set_path(plain, steps, value)
        text = edit.dump(plain, name)
        refused = _refused(text, where, name)
    return text, refused


def _refused(text: str, where: str, name: str) -> list[Problem]:
    return [p for p in validate(source.parse(text, name))[1] if p.level == "error" and _about(p.field, where)]


def _about(problem_field: str, field: str) -> bool:
    """Whether a problem is about `field` (or a part of it, such as its `value`)."""
    return problem_field == field or problem_field.startswith((field + ".", field + "["))
