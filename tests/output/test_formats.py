"""The output formats are declared once (output/formats.py): the CLI offers what the registry
declares, and a format is what its entry says, wherever it is used."""

from __future__ import annotations

import ast
import io
import sys
from typing import get_args

import pytest
import typer.main

from detention_rules import pipeline
from detention_rules.interfaces import cli
from detention_rules.output import batch, whatif
from detention_rules.output import formats as registry
from detention_rules.output.draft import build
from detention_rules.output.formats import (
    CHECK_FORMATS,
    DRAFT_FORMATS,
    EXERCISE_FORMATS,
    REPORT_FORMATS,
    RULES_FORMATS,
    CheckFormat,
    CheckFormatName,
    DraftFormatName,
    ExerciseFormatName,
    ReportFormatName,
    RulesFormatName,
)
from detention_rules.reasoning import runnable
from detention_rules.reasoning.gaps import questions

from ..conftest import REFERENCE, ROOT, wgad


def test_the_types_and_the_tables_declare_the_same_formats() -> None:
    assert list(CHECK_FORMATS) == list(get_args(CheckFormatName))
    assert list(DRAFT_FORMATS) == list(get_args(DraftFormatName))
    assert list(REPORT_FORMATS) == list(get_args(ReportFormatName))
    assert list(EXERCISE_FORMATS) == list(get_args(ExerciseFormatName))
    assert all(name == f.name for name, f in EXERCISE_FORMATS.items())
    assert list(RULES_FORMATS) == list(get_args(RulesFormatName))
    assert all(name == f.name for name, f in CHECK_FORMATS.items())
    assert all(name == f.name for name, f in DRAFT_FORMATS.items())
    assert all(name == f.name for name, f in REPORT_FORMATS.items())
    assert all(name == f.name for name, f in RULES_FORMATS.items())
    assert len({f.suffix for f in DRAFT_FORMATS.values()}) == len(DRAFT_FORMATS)


def _format_option(command: str) -> typer.core.TyperOption:
    group = typer.main.get_command(cli.app)
    params = group.commands[command].params  # type: ignore[attr-defined]
    return next(p for p in params if "--format" in p.opts)


@pytest.mark.parametrize(
    ("command", "formats"),
    [
        *[(c, CHECK_FORMATS) for c in ("check", "validate")],
        *[(c, REPORT_FORMATS) for c in ("evaluate", "gaps")],
        ("exercise", EXERCISE_FORMATS),
        ("rules", RULES_FORMATS),
        ("draft", DRAFT_FORMATS),
    ],
)
def test_the_cli_offers_the_registry_s_formats(command: str, formats: dict[str, object]) -> None:
    option = _format_option(command)
    assert list(option.type.choices) == list(formats)  # type: ignore[attr-defined]
    assert option.help.startswith(f"Output format: {', '.join(formats)}.")


def test_a_format_entry_is_all_the_batch_and_check_set_need(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new report format is its entry: the batch writes its report, `check --set` too, with nothing else told."""
    shout = CheckFormat("text", lambda results: "".join(r.path.upper() + "!\n" for r in results), False, "x", ".x")
    monkeypatch.setitem(CHECK_FORMATS, "text", shout)
    result = pipeline.check_file(REFERENCE, runnable.load())
    assert batch.checked(result, "text") == f"{str(REFERENCE).upper()}!\n"
    assert whatif.render([result], [result], ["x=1"], "text").endswith(f"{str(REFERENCE).upper()}!\n")
    lines = CheckFormat("json", None, True, "x", ".x")  # json, written as lines
    monkeypatch.setitem(CHECK_FORMATS, "json", lines)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    printer = batch.Printer("json", "validate", 1)
    printer.add(batch.validated("a.yaml", result, "json"), 1)
    assert out.getvalue().startswith('{"file": "a.yaml", "valid": true')


@pytest.mark.parametrize("name", list(DRAFT_FORMATS))
def test_each_draft_format_renders_text_or_bytes_as_declared(name: DraftFormatName) -> None:
    book = runnable.load()
    result = pipeline.check_file(REFERENCE, book).each()[0]
    assert result.facts is not None
    content = DRAFT_FORMATS[name].render(build(book, result, questions(book, result.facts)))
    assert isinstance(content, bytes) == DRAFT_FORMATS[name].binary


def test_a_request_s_format_name_is_looked_up_in_the_registry() -> None:
    assert registry.draft_format("docx") is DRAFT_FORMATS["docx"]
    assert registry.draft_format("pdf") is None
    assert registry.draft_format("") is None


def test_a_binary_draft_is_never_written_to_the_terminal() -> None:
    run = wgad("draft", "-f", "docx", str(REFERENCE))
    assert run.returncode == 2 and "-f docx writes a binary file: name it with -o FILE" in run.stderr


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def test_no_module_chooses_a_format_by_its_name() -> None:
    """`evaluate`, `gaps` and `rules` chose JSON by `fmt == "json"`, and offered jsonl and markdown, which
    they printed as text; `exercise` had a format type of its own. Each asks its registry now."""
    names = {*CHECK_FORMATS, *DRAFT_FORMATS, *REPORT_FORMATS, *RULES_FORMATS, *EXERCISE_FORMATS}
    found = []
    for path in sorted((ROOT / "detention_rules").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                named = any("fmt" in _name(x) or "format" in _name(x) for x in sides)
                if named and any(isinstance(x, ast.Constant) and x.value in names for x in sides):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


@pytest.mark.parametrize(("command", "name"), [("gaps", "markdown"), ("evaluate", "jsonl"), ("rules", "jsonl")])
def test_a_format_a_command_does_not_have_is_refused(command: str, name: str) -> None:
    """They printed text under any name they did not know."""
    proc = wgad(command, "-f", name, str(REFERENCE) if command != "rules" else "--check")
    assert proc.returncode == 2 and "Invalid value for '--format'" in proc.stderr
