"""The output formats, each declared once (check-jsonschema's pattern): what `--format` offers,
how each is rendered, and what a file of it is (media type, suffix, text or bytes).

`interfaces/cli.py` takes its `--format` choices and help from the `Literal` types here, and every
command, the batch printer (`output/batch.py`) and `check --set` (`output/whatif.py`) ask a format
what it is rather than comparing names; the web page offers and serves the draft formats from
`DRAFT_FORMATS`.
A new format is one entry here and its renderer; `tests/output/test_formats.py` holds the types and the
tables to each other. Renderers are imported when a format is used, and the entries are msgspec
Structs (a NamedTuple class costs half a millisecond to make), so that reading this module costs
`wgad check` next to nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import msgspec

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path

    from detention_rules.law.law import Law
    from detention_rules.output.document import Draft
    from detention_rules.pipeline import CaseResult
    from detention_rules.variations import Exercise

#: `wgad check` and `validate`: `--format`.
CheckFormatName = Literal["text", "json", "jsonl", "markdown"]
#: `wgad evaluate` and `gaps`: `--format`: the report as text, or its data as JSON.
ReportFormatName = Literal["text", "json"]
#: `wgad exercise`: `--format`: also Markdown and HTML a trainer hands out.
ExerciseFormatName = Literal["text", "json", "markdown", "html"]
#: `wgad rules`: `--format`: also the rules as the Markdown tables of docs/rules.md.
RulesFormatName = Literal["text", "json", "markdown"]
#: `wgad draft --format`, and the web page's draft downloads.
DraftFormatName = Literal["markdown", "html", "docx"]
#: What a batch does with each file: check it (findings, in a check format) or only validate it (problems).
Mode = Literal["check", "validate"]


class CheckFormat(msgspec.Struct, frozen=True):
    """A format of `wgad check`'s report: a human report, or JSON data."""

    name: CheckFormatName
    #: The report of valid results (text, Markdown); None for a JSON format, whose data is `output/json.py`'s.
    report: Callable[[list[CaseResult]], str] | None
    #: A JSON format written one line per file as each finishes (JSON Lines), rather than one document at the end.
    lines: bool
    media_type: str
    suffix: str

    @property
    def data(self) -> bool:
        """True when this format writes JSON data, and problems go into it rather than as lines."""
        return self.report is None


class ReportFormat(msgspec.Struct, frozen=True):
    """A format of a command that prints one report (`evaluate`, `gaps`, `exercise`): its text, or its data."""

    name: ReportFormatName
    #: True when the command writes its report's data as JSON (its renderer's `data`), not its `text`.
    data: bool


class ExerciseFormat(msgspec.Struct, frozen=True):
    """A format of `wgad exercise`: a page or text to hand out, or JSON data."""

    name: ExerciseFormatName
    #: The exercise as text, Markdown or HTML (`output/exercise.py`); None for JSON, whose data is its `data`.
    report: Callable[[Exercise], str] | None


class RulesFormat(msgspec.Struct, frozen=True):
    """A format of `wgad rules`: the rules as a human report, or as JSON data."""

    name: RulesFormatName
    #: The report of the rules (text, Markdown); None for JSON, whose data is `output/rules.py`'s.
    report: Callable[[Law], str] | None


class DraftFormat(msgspec.Struct, frozen=True, order=True):
    """A format of the petition's draft."""

    name: DraftFormatName
    render: Callable[[Draft], str | bytes]
    #: True when the draft is bytes, written to a file only (Word), never to the terminal.
    binary: bool
    media_type: str
    suffix: str
    #: The web page's button: "Draft (LABEL)".
    label: str
    #: Other suffixes a file of this format goes by (`.markdown`, `.htm`), which `-o FILE` also reads.
    other_suffixes: tuple[str, ...] = ()


def _text(results: list[CaseResult]) -> str:
    from detention_rules.output import text

    return text.render(results)


def _markdown(results: list[CaseResult]) -> str:
    from detention_rules.output import markdown

    return markdown.render(results)


def _rules_text(book: Law) -> str:
    from detention_rules.output import rules

    return rules.text(book)


def _rules_markdown(book: Law) -> str:
    from detention_rules.output import markdown

    return markdown.rules_table(book)


def _exercise_text(ex: Exercise) -> str:
    from detention_rules.output import exercise

    return exercise.text(ex)


def _exercise_markdown(ex: Exercise) -> str:
    from detention_rules.output import exercise

    return exercise.markdown_text(ex)


def _exercise_html(ex: Exercise) -> str:
    from detention_rules.output import exercise

    return exercise.html(ex)


def _draft_markdown(the_draft: Draft) -> str:
    from detention_rules.output import draft_markdown

    return draft_markdown.render(the_draft)


def _draft_html(the_draft: Draft) -> str:
    from detention_rules.output import draft_html

    return draft_html.render(the_draft)


def _draft_docx(the_draft: Draft) -> bytes:
    from detention_rules.output import draft_docx

    return draft_docx.render_bytes(the_draft)


#: Every check format, in the order the help lists them.
CHECK_FORMATS: dict[CheckFormatName, CheckFormat] = {
    "text": CheckFormat("text", _text, False, "text/plain", ".txt"),
    "json": CheckFormat("json", None, False, "application/json", ".json"),
    "jsonl": CheckFormat("jsonl", None, True, "application/jsonl", ".jsonl"),
    "markdown": CheckFormat("markdown", _markdown, False, "text/markdown", ".md"),
}

#: Every format of `evaluate` and `gaps`, in the order the help lists them.
REPORT_FORMATS: dict[ReportFormatName, ReportFormat] = {
    "text": ReportFormat("text", False),
    "json": ReportFormat("json", True),
}

#: Every format of `exercise`, in the order the help lists them.
EXERCISE_FORMATS: dict[ExerciseFormatName, ExerciseFormat] = {
    "text": ExerciseFormat("text", _exercise_text),
    "json": ExerciseFormat("json", None),
    "markdown": ExerciseFormat("markdown", _exercise_markdown),
    "html": ExerciseFormat("html", _exercise_html),
}

#: Every format of `wgad rules`, in the order the help lists them.
RULES_FORMATS: dict[RulesFormatName, RulesFormat] = {
    "text": RulesFormat("text", _rules_text),
    "json": RulesFormat("json", None),
    "markdown": RulesFormat("markdown", _rules_markdown),
}

#: Every draft format, in the order the help lists them.
DRAFT_FORMATS: dict[DraftFormatName, DraftFormat] = {
    "markdown": DraftFormat("markdown", _draft_markdown, False, "text/markdown", ".md", "Markdown", (".markdown",)),
    "html": DraftFormat("html", _draft_html, False, "text/html", ".html", "HTML", (".htm",)),
    "docx": DraftFormat(
        "docx",
        _draft_docx,
        True,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
        "Word",
    ),
}


def draft_format(name: str) -> DraftFormat | None:
    """The draft format called `name` (as a request names it), or None."""
    return next((f for f in DRAFT_FORMATS.values() if f.name == name), None)


def draft_format_of_file(path: Path) -> DraftFormat | None:
    """The draft format a file's name says (`draft.docx`: Word), by its suffix in any case; None for a suffix
    that names none (`draft.txt`), so that `wgad draft -o FILE` writes what the file's name promises."""
    suffix = path.suffix.lower()
    return next((f for f in DRAFT_FORMATS.values() if suffix in (f.suffix, *f.other_suffixes)), None)


def help_text(formats: Mapping[str, object]) -> str:
    """`--format`'s help: the formats' names, in their order."""
    from detention_rules import words  # the help's words: only a command line through typer reads them

    return words.of("cli", "options")["format"].format(formats=", ".join(formats))
