"""The `wgad` command: arguments, renderer choice and exit codes; no domain logic.

Exit codes (docs/cli.md): 0 success; 1 a case or rule file has problems (or,
for `evaluate`, the engine disagrees with an opinion); 2 usage or I/O error;
3 the tool's own failure.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import check as pipeline
from . import rulebook
from .errors import InputError, UsageError, WgadError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # case files hold personal data: never dump locals
    help="Decide which categories of arbitrary detention (WGAD I-V) a case file supports, and why.",
)


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
RulesOpt = Annotated[Path | None, typer.Option("--rules", help="Folder of rule files (default: the shipped rules).")]
PathsArg = Annotated[list[Path], typer.Argument(help="Case files or folders (recursing into *.yaml, *.yml).")]


def _render(results: list[pipeline.CaseResult], fmt: Format) -> str:
    if fmt is Format.json:
        from .render import json as renderer
    elif fmt is Format.markdown:
        from .render import markdown as renderer  # type: ignore[no-redef]
    else:
        from .render import text as renderer  # type: ignore[no-redef]
    return renderer.render(results)


def _exit_for(results: list[pipeline.CaseResult]) -> int:
    if any(p.code == "io" for r in results for p in r.problems):
        return 2
    return 0 if all(r.valid for r in results) else 1


@app.command()
def check(paths: PathsArg, fmt: FormatOpt = Format.text, rules: RulesOpt = None) -> None:
    """Validate each case and show the categories it supports, with the chain of reasoning."""
    book = rulebook.load(rules)
    results = [pipeline.check_file(p, book) for p in pipeline.case_files(paths)]
    sys.stdout.write(_render(results, fmt))
    raise typer.Exit(_exit_for(results))


@app.command()
def validate(paths: PathsArg, fmt: FormatOpt = Format.text) -> None:
    """Check case files like a linter: `path:line:col: level: message [code]`, then a summary."""
    results = [pipeline.read(p)[1] for p in pipeline.case_files(paths)]
    problems = [p for r in results for p in r.problems]
    if fmt is Format.json:
        sys.stdout.write(json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False) + "\n")
    else:
        for p in problems:
            sys.stdout.write(f"{p}\n")
        errors = sum(p.level == "error" for p in problems)
        warnings = len(problems) - errors
        invalid = sum(not r.valid for r in results)
        sys.stdout.write(
            f"{len(results)} file(s) checked: {invalid} invalid, {errors} error(s), {warnings} warning(s)\n"
        )
    raise typer.Exit(_exit_for(results))


@app.command("rules")
def list_rules(
    check_only: Annotated[bool, typer.Option("--check", help="Only check the rule files.")] = False,
    fmt: FormatOpt = Format.text,
    rules: RulesOpt = None,
) -> None:
    """List the rules with their provisions, or check the rule files (--check)."""
    if check_only:
        problems = rulebook.all_problems(rules)
        for p in problems:
            sys.stdout.write(f"{p}\n")
        errors = sum(p.level == "error" for p in problems)
        sys.stdout.write(f"rules: {errors} error(s)\n")
        raise typer.Exit(1 if errors else 0)
    book = rulebook.load(rules)
    if fmt is Format.json:
        rows = [
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
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    for r in book.rules:
        sys.stdout.write(f"{r.id:<42} {r.title}\n{'':<42} {', '.join(r.provisions)}\n")


@app.command()
def schema() -> None:
    """Print the JSON Schema of a case file (for editors and the YAML language server)."""
    from .case import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


@app.command()
def new(path: Annotated[Path, typer.Argument(help="The case file to create.")]) -> None:
    """Write a case skeleton with every field, commented, in the questionnaire's order."""
    from .skeleton import skeleton

    if path.exists():
        raise UsageError(f"{path}: already exists; wgad new never overwrites a file")
    try:
        with path.open("x", encoding="utf-8") as fh:
            fh.write(skeleton())
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    sys.stdout.write(f"wrote {path}\n")


def main() -> None:
    """Entry point: run the app, turning every known error into a message and an exit code."""
    try:
        app()  # typer reports bad options itself (exit 2) and exits with each command's code
    except InputError as exc:
        for p in exc.problems:
            sys.stderr.write(f"{p}\n")
        sys.exit(exc.exit_code)
    except WgadError as exc:
        sys.stderr.write(f"wgad: {exc}\n")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("wgad: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # a bug: say so without dumping case data
        if os.environ.get("WGAD_DEBUG"):
            raise
        sys.stderr.write(f"wgad: internal error ({type(exc).__name__}); rerun with WGAD_DEBUG=1 to see it\n")
        sys.exit(3)
