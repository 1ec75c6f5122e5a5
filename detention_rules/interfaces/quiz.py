"""`wgad quiz` in the terminal: one case at a time, answers read line by line from standard input.

Reading plain lines means a session can be scripted (`printf 'I\\nnone\\n' | wgad quiz ...`).
End of input or Ctrl-C ends the quiz with the score so far; `--answers` saves the
session, also when it ends early.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from detention_rules.errors import UsageError
from detention_rules.escaping import json_text, printable
from detention_rules.output import atomic, teaching
from detention_rules.output.teaching_words import WORDS as W
from detention_rules.quiz import Item, Tally, load, parse_answer, score
from detention_rules.reasoning.runnable import Runnable


def _say(out: TextIO, line: str = "") -> None:
    out.write(printable(line) + "\n")
    out.flush()


def _ask(item: Item, stdin: TextIO, out: TextIO) -> set[str] | None:
    """The trainee's categories; None at the end of input."""
    while True:
        out.write(W.QUIZ_PROMPT)
        out.flush()
        line = stdin.readline()
        if not line:
            _say(out)
            return None
        if not stdin.isatty():  # a scripted session: show the answer, so the transcript reads as asked
            _say(out, line.rstrip("\n"))
        try:
            return parse_answer(line)
        except ValueError as exc:
            _say(out, W.QUIZ_BAD_ANSWER.format(error=exc))


def session(
    paths: Iterable[Path],
    book: Runnable,
    seed: int | None,
    answers: Path | None,
    variation_count: int = 0,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    limit: int | None = None,
) -> int:
    """Run a quiz of at most `limit` items; the exit code (0, or 2 when no case could be asked)."""
    stdin, out = stdin or sys.stdin, out or sys.stdout
    if answers is not None and (answers.exists() or answers.is_symlink()):
        raise UsageError(W.QUIZ_EXISTS.format(file=answers))
    items = load(paths, book, seed, variation_count, limit)
    if not items:
        raise UsageError(W.QUIZ_NO_CASE)
    saved: list[dict[str, Any]] = []
    tally = Tally()
    _say(out, W.QUIZ_INTRO.format(count=len(items)))
    try:
        for n, item in enumerate(items, 1):
            _say(out)
            _say(out, W.QUIZ_CASE.format(n=n, count=len(items)))
            if item.variation is not None:
                _say(out, W.QUIZ_VARIATION.format(change=teaching.change(item.variation, item.result)))
            _say(out, W.QUIZ_FACTS)
            for paragraph in teaching.story(item.result):
                _say(out, f"  {paragraph}")
            given = _ask(item, stdin, out)
            if given is None:
                _say(out, W.QUIZ_STOPPED)
                break
            marks = score(item, given, book)
            _say(out, W.QUIZ_WAS.format(title=item.title, file=item.path))
            for mark in marks:
                for line in teaching.mark_lines(mark):
                    _say(out, line)
            earned, worth = tally.add(marks)
            _say(out, W.QUIZ_CASE_SCORE.format(earned=earned, worth=worth))
            saved.append(
                {
                    "file": item.path,
                    "title": item.title,
                    "set": item.variation.setting if item.variation else None,
                    "points": {"earned": earned, "worth": worth},
                    "answer": sorted(given),
                    "engine": list(item.answer),
                    "marks": [teaching.mark_data(m) for m in marks],
                }
            )
    except KeyboardInterrupt:
        _say(out)
        _say(out, W.QUIZ_STOPPED)
    _say(out)
    _say(out, W.QUIZ_ANSWERED.format(cases=len(saved)))
    for line in teaching.tally_lines(tally):
        _say(out, line)
    if answers is not None:
        score_data = {"percent": tally.percent, "earned": max(tally.earned, 0), "worth": tally.worth}
        by_category = {
            c: {"found": tally.found[c], "missed": tally.missed[c], "over_found": tally.over[c]} for c in tally.found
        }
        record = {"seed": seed, "score": score_data, "by_category": by_category, "cases": saved}
        try:
            atomic.write_text(answers, json_text(record, 2) + "\n", replace=False)
        except (FileExistsError, OSError) as exc:
            raise UsageError(W.QUIZ_CANNOT_WRITE.format(file=answers, error=exc)) from None
        _say(out, W.QUIZ_SAVED.format(file=answers))
    return 0
