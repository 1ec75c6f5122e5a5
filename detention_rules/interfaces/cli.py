"""The `wgad` command: arguments, renderer choice and exit codes; no domain logic.

Exit codes (docs/cli.md): 0 success; 1 a case or rule file has problems (or,
for `evaluate`, the engine disagrees with an opinion); 2 usage or I/O error;
3 the tool's own failure.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from detention_rules import __version__, pipeline
from detention_rules.errors import InputError, UsageError, WgadError, exit_code
from detention_rules.interfaces import batch
from detention_rules.law import rulebook
from detention_rules.output import atomic
from detention_rules.output.escaping import json_text, printable


def _plain_metavars(params: list[Any]) -> list[Any]:
    """Help shows an option's metavar (FILE, PATH=VALUE), nothing more for a flag or an argument.

    Recent typer prints Python types there (`<list[Path]>`, `<bool>`), even beside a
    metavar; older typer prints click's metavars and has no `display_type_rich`.
    """
    for param in params:
        bare = param.param_type_name == "argument" or getattr(param, "is_flag", False)
        if hasattr(param, "display_type_rich") and (bare or param.metavar is not None):
            shown = None if bare else param.metavar
            param.display_type_rich = lambda ctx, shown=shown: shown
    return params


class _Command(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return _plain_metavars(super().get_params(ctx))


class _Group(TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return _plain_metavars(super().get_params(ctx))


app = typer.Typer(
    cls=_Group,
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # case files hold personal data: never dump locals
    help="Decide which categories of arbitrary detention (WGAD I-V) a case file supports, and why.",
)


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"


FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", metavar="FORMAT", help=f"Output format: {', '.join(f.value for f in Format)}."),
]
RulesOpt = Annotated[
    Path | None, typer.Option("--rules", metavar="DIR", help="Folder of rule files (default: the shipped rules).")
]
PathsArg = Annotated[
    list[Path], typer.Argument(metavar="FILE_OR_DIR", help="Case files or folders (recursing into *.yaml, *.yml).")
]
FileArg = Annotated[Path, typer.Argument(metavar="FILE", help="The case file.")]
JobsOpt = Annotated[
    int,
    typer.Option("--jobs", "-j", min=0, metavar="N", help="Worker processes (default, or 0: the machine's cores)."),
]
DetaineeOpt = Annotated[
    int | None,
    typer.Option("--detainee", metavar="N", help="For a case of several detainees: the person (1, 2, ...)."),
]


SetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="PATH=VALUE",
        help="What if the fact at PATH had this VALUE, e.g. --set trial.public=false"
        " (repeatable; files are untouched).",
    ),
]


@app.command(cls=_Command)
def check(
    paths: PathsArg,
    fmt: FormatOpt = Format.text,
    rules: RulesOpt = None,
    changes: SetOpt = None,
    why_not: Annotated[
        bool | None,
        typer.Option(
            "--why-not/--no-why-not",
            help="Show the closest rules for categories not established (default: on for a single file).",
        ),
    ] = None,
    jobs: JobsOpt = 0,
) -> None:
    """Validate each case and show the categories it supports, with the chain of reasoning."""
    book = rulebook.load(rules)
    if changes:
        from detention_rules.reasoning.whatif import parse_sets

        settings = parse_sets(changes)  # a malformed --set is a usage error before any file is read
        files = list(pipeline.case_files(paths))
        explain = why_not if why_not is not None else len(files) == 1
        pairs = [pipeline.what_if(p, book, settings, explain) for p in files]
        originals, results = [a for a, _ in pairs], [b for _, b in pairs]
        sys.stdout.write(_what_if(originals, results, changes, fmt))
        raise typer.Exit(exit_code(p for r in results for p in r.problems))
    total = pipeline.count_case_files(paths)
    explain = why_not if why_not is not None else total == 1
    job = batch.Job("check", fmt.value, rules, explain)
    summary = _run_batch(pipeline.case_files(paths, ordered=fmt is not Format.jsonl), total, job, fmt, jobs)
    raise typer.Exit(summary.exit_code)


def _run_batch(files: Iterable[Path], total: int, job: batch.Job, fmt: Format, jobs: int) -> batch.Summary:
    """Run a batch, streaming output; the summary table goes after it (to stderr for JSON formats)."""
    with _closed_output_ends_the_run():
        return _stream(files, total, job, fmt, jobs)


@contextlib.contextmanager
def _closed_output_ends_the_run() -> Iterator[None]:
    """`wgad check DIR | head`: stop the workers and end quietly with 141, like a Unix tool.

    Dying of SIGPIPE at once (as `main` lets the other commands do) would leave forked
    workers waiting forever; here the write fails, the pool is terminated, then we exit.
    """
    default = signal.getsignal(signal.SIGPIPE) if hasattr(signal, "SIGPIPE") else None
    if default is not None:
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    try:
        yield
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the final flush at exit does not fail again
        raise typer.Exit(141) from None
    finally:
        if default is not None:
            signal.signal(signal.SIGPIPE, default)


def _stream(files: Iterable[Path], total: int, job: batch.Job, fmt: Format, jobs: int) -> batch.Summary:
    summary = batch.Summary()
    progress = batch.Progress(total)
    collected: list[object] = []
    for done in batch.run(files, job, jobs or batch.default_jobs(), fmt is not Format.jsonl, total):
        summary.add(done)
        if fmt is Format.jsonl:
            progress.clear()
            sys.stdout.write(done.output + "\n")
            sys.stdout.flush()
        elif fmt is Format.json and job.mode == "validate":
            collected.extend(done.output)
        elif fmt is Format.json:
            collected.append(done.output)
        elif done.output:
            progress.clear()
            sys.stdout.write(done.output)
        progress.update(summary.files)
    progress.clear()
    if fmt is Format.json:
        sys.stdout.write(json_text(collected, 2) + "\n")
    if job.mode == "validate" or total > 1:
        (sys.stderr if fmt in (Format.json, Format.jsonl) else sys.stdout).write(summary.table(job.mode))
    return summary


def _what_if(
    originals: list[pipeline.CaseResult], results: list[pipeline.CaseResult], changes: list[str], fmt: Format
) -> str:
    """The changed run, preceded by what appeared, disappeared or changed against the original."""
    from detention_rules.reasoning.whatif import compare

    if fmt in (Format.json, Format.jsonl):
        from detention_rules.output import json as renderer

        rows = [
            {
                "file": a.path,
                "set": changes,
                "original": renderer.result(a),
                "what_if": renderer.result(b),
                "changes": [{"name": c.name, "before": c.before, "after": c.after} for c in compare(a, b)],
            }
            for a, b in zip(originals, results, strict=True)
        ]
        if fmt is Format.jsonl:
            return "".join(json_text(row) + "\n" for row in rows)
        return json_text(rows, 2) + "\n"
    lines = []
    for a, b in zip(originals, results, strict=True):
        lines.append(f"{a.path}: what if {', '.join(changes)}")
        if not b.valid:
            lines.append("  the changed case is not valid:")
            lines += [f"  {p}" for p in b.problems]
            lines.append("")
            continue
        diff = compare(a, b)
        lines.append(f"  {'':<58} {'original':<22} what if")
        if not diff:
            lines.append("  no finding changes")
        lines += [f"  {c.name:<58} {c.before:<22} {c.after}" for c in diff]
        lines.append("")
    from detention_rules.output import report

    valid = [r for r in results if r.valid]
    return "\n".join(map(printable, lines)) + "\n" + (report(valid, fmt.value) if valid else "")


@app.command(cls=_Command)
def evaluate(
    paths: PathsArg,
    fmt: FormatOpt = Format.text,
    rules: RulesOpt = None,
    show_coverage: Annotated[
        bool,
        typer.Option(
            "--coverage", help="List rules and conditions no case exercises, and rules no teaching case isolates."
        ),
    ] = False,
) -> None:
    """Compare the engine with the Working Group on every case that states what its opinion found."""
    from detention_rules.agreement import case_docs, coverage, evaluate_paths, isolation
    from detention_rules.output import evaluation

    book = rulebook.load(rules)
    ev = evaluate_paths(paths, book)
    cov = coverage(case_docs(paths), book) if show_coverage else None
    iso = isolation(paths, book) if show_coverage else None
    if fmt is Format.json:
        sys.stdout.write(json_text(evaluation.data(ev, cov, book, iso), 2) + "\n")
    else:
        sys.stdout.write(evaluation.text(ev, cov, book, iso))
    raise typer.Exit(0 if ev.agrees else 1)


@app.command(cls=_Command)
def gaps(
    path: FileArg,
    ask: Annotated[bool, typer.Option("--ask", help="Ask each question and write the answers to a new file.")] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", metavar="FILE", help="With --ask: the new file to write.")
    ] = None,
    fmt: FormatOpt = Format.text,
    rules: RulesOpt = None,
    detainee: DetaineeOpt = None,
) -> None:
    """The unknown facts that could change findings, as questions, most consequential first."""
    from detention_rules.input import detainees
    from detention_rules.reasoning import facts as facts_module
    from detention_rules.reasoning.whynot import questions

    book = rulebook.load(rules)
    doc, result = pipeline.read(path)
    if doc is None or result.case is None or not result.valid:
        raise InputError(result.problems)
    if detainee is not None or detainees.count(doc):
        if ask:
            raise UsageError(f"{path}: --ask cannot yet write a detainee's own answers; answer in the file itself")
        whole = pipeline.run(doc, book)
        person = pipeline.one_person(whole, detainee)
        assert person.facts is not None
        asked = questions(book, person.facts)
    else:
        asked = questions(book, facts_module.build(result.case, doc))
    if ask:
        from detention_rules.interfaces.interview import interview

        interview(path, doc, asked, output)
        return
    if fmt is Format.json:
        from detention_rules.interfaces.interview import fields_asked

        rows = [
            {"field": q.field, "question": q.text, "impact": q.impact, "rules": list(q.rules), "asks": fields_asked(q)}
            for q in asked
        ]
        sys.stdout.write(json_text(rows, 2) + "\n")
        return
    if not asked:
        sys.stdout.write("No open question: no unknown fact could change a finding.\n")
    for q in asked:
        line = f"{q.text} -> {q.field}  (could change {q.impact} finding(s); rules: {', '.join(q.rules)})"
        sys.stdout.write(printable(line) + "\n")


@app.command(cls=_Command)
def validate(paths: PathsArg, fmt: FormatOpt = Format.text, jobs: JobsOpt = 0) -> None:
    """Check case files like a linter: `path:line:col: level: message \\[code]`, then a summary."""
    total = pipeline.count_case_files(paths)
    files = pipeline.case_files(paths, ordered=fmt is not Format.jsonl)
    summary = _run_batch(files, total, batch.Job("validate", fmt.value), fmt, jobs)
    raise typer.Exit(summary.exit_code)


class DraftFormat(str, Enum):
    markdown = "markdown"
    html = "html"


@app.command(cls=_Command)
def draft(
    path: FileArg,
    fmt: Annotated[
        DraftFormat, typer.Option("--format", "-f", metavar="FORMAT", help="Output format: markdown, html.")
    ] = DraftFormat.markdown,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", metavar="FILE", help="File to write (default: standard output).")
    ] = None,
    redact: Annotated[bool, typer.Option("--redact", help="Replace the person's names with initials.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output file.")] = False,
    rules: RulesOpt = None,
    detainee: DetaineeOpt = None,
) -> None:
    """Write a draft "analysis of violations" in the Working Group's order, with remedies and referrals."""
    from detention_rules.output.draft import build
    from detention_rules.reasoning.whynot import questions

    book = rulebook.load(rules)
    result = pipeline.check_file(path, book)
    if not result.valid:
        raise InputError(result.problems)
    result = pipeline.one_person(result, detainee)
    if result.facts is None or result.analysis is None:
        raise InputError(result.problems)
    asked = questions(book, result.facts)
    the_draft = build(result, asked, redact=redact)
    if fmt is DraftFormat.html:
        from detention_rules.output.draft_html import render
    else:
        from detention_rules.output.draft_markdown import render  # type: ignore[no-redef]
    text = render(the_draft)
    if output is None:
        sys.stdout.write(text)
        return
    if output.exists() and os.path.samefile(output, path):  # the case file, through any link
        raise UsageError(f"{output}: the draft never overwrites the case file")  # nor a hard link to it
    if (output.exists() or output.is_symlink()) and not force:  # a dangling link too: never written through
        raise UsageError(f"{output}: already exists (an edited draft?); use --force to replace it")
    try:
        atomic.write_text(output, text, replace=force)
    except FileExistsError:
        raise UsageError(f"{output}: already exists (an edited draft?); use --force to replace it") from None
    except OSError as exc:
        raise UsageError(f"{output}: cannot write: {exc.strerror or exc}; nothing was written") from None
    sys.stdout.write(f"wrote {printable(str(output))}\n")


class ExerciseFormat(str, Enum):
    text = "text"
    json = "json"


@app.command(cls=_Command)
def exercise(
    path: FileArg,
    fmt: Annotated[
        ExerciseFormat, typer.Option("--format", "-f", metavar="FORMAT", help="Output format: text, json.")
    ] = ExerciseFormat.text,
    rules: RulesOpt = None,
    detainee: DetaineeOpt = None,
) -> None:
    """ "Change one fact" exercises: each single fact change that establishes or removes a category, by the engine."""
    from detention_rules.output import exercise as renderer
    from detention_rules.variations import exercise as derive
    from detention_rules.variations import person_doc

    book = rulebook.load(rules)
    doc, result = pipeline.read(path)
    if doc is None or not result.valid:
        raise InputError(result.problems)
    ex = derive(person_doc(doc, detainee), book)
    sys.stdout.write(json_text(renderer.data(ex), 2) + "\n" if fmt is ExerciseFormat.json else renderer.text(ex))


@app.command(cls=_Command)
def quiz(
    paths: PathsArg,
    seed: Annotated[
        int | None, typer.Option("--seed", metavar="N", help="Repeat a session: the same cases in the same order.")
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", metavar="FILE", help="Save the session as JSON for the trainer (a new file)."),
    ] = None,
    variations: Annotated[
        int, typer.Option("--variations", min=0, metavar="N", help='Also ask N "change one fact" variations.')
    ] = 0,
    rules: RulesOpt = None,
) -> None:
    """A quiz: each case's facts, your categories, a score per category with the deciding rule and its law."""
    from detention_rules.interfaces.quiz import session

    raise typer.Exit(session(paths, rulebook.load(rules), seed, answers, variations))


@app.command(cls=_Command)
def casebook(
    paths: PathsArg,
    output: Annotated[Path, typer.Option("-o", "--output", metavar="DIR", help="The folder to write the site into.")],
    rules: RulesOpt = None,
) -> None:
    """A static casebook site (no server, no network): cases with the answer hidden, a quiz, print views."""
    from detention_rules.output.casebook import build

    done, problems = build(paths, rulebook.load(rules), output)
    for p in problems:  # files left out: reported like `wgad validate`, and the exit code says so
        sys.stderr.write(f"{p}\n")
    sys.stdout.write(printable(done) + "\n")
    raise typer.Exit(exit_code(problems))


@app.command("rules", cls=_Command)
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
        raise typer.Exit(exit_code(problems))
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
        sys.stdout.write(json_text(rows, 2) + "\n")
        return
    if fmt is Format.markdown:
        from detention_rules.output.markdown import rules_table

        sys.stdout.write(rules_table(book))
        return
    for r in book.rules:
        sys.stdout.write(
            printable(f"{r.id:<42} {r.title}") + "\n" + printable(f"{'':<42} {', '.join(r.provisions)}") + "\n"
        )


@app.command(cls=_Command)
def schema() -> None:
    """Print the JSON Schema of a case file (for editors and the YAML language server)."""
    from detention_rules.input.case import json_schema

    sys.stdout.write(json_text(json_schema(), 2) + "\n")


@app.command(cls=_Command)
def new(path: Annotated[Path, typer.Argument(metavar="FILE", help="The case file to create.")]) -> None:
    """Write a case skeleton with every field, commented, in the questionnaire's order."""
    from detention_rules.input.skeleton import skeleton

    if path.exists() or path.is_symlink():
        raise UsageError(f"{path}: already exists; wgad new never overwrites a file")
    try:
        atomic.write_text(path, skeleton(), replace=False)
    except FileExistsError:
        raise UsageError(f"{path}: already exists; wgad new never overwrites a file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}; nothing was written") from None
    sys.stdout.write(f"wrote {printable(str(path))}\n")


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"wgad (detention-rules) {__version__}\n")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """The options before a command: --version, and shell completion where typer offers it."""


def main() -> None:
    """Entry point: run the app, turning every known error into a message and an exit code."""
    if sys.stderr is None:  # started with standard error closed: messages go nowhere, exit codes still tell
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - open for the life of the process
    if sys.stdout is None:  # started with standard output closed (`wgad check x >&-`)
        sys.stderr.write("wgad: standard output is closed\n")
        sys.exit(2)
    if hasattr(signal, "SIGPIPE"):  # `wgad check DIR | head`: end quietly, as Unix tools do (exit 141)
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        try:
            app(prog_name="wgad")  # typer reports bad options itself (exit 2) and exits with each command's code
        finally:
            sys.stdout.flush()  # here, so that a full disk is reported, not met again at exit
    except InputError as exc:
        for p in exc.problems:
            sys.stderr.write(f"{p}\n")
        sys.exit(exc.exit_code)
    except WgadError as exc:
        sys.stderr.write(f"wgad: {printable(str(exc))}\n")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("wgad: interrupted\n")
        sys.exit(130)
    except OSError as exc:  # every file the tool reads reports its own errors: this is the output failing
        _discard_output()
        sys.stderr.write(f"wgad: cannot write the output: {exc.strerror or exc}\n")
        sys.exit(2)
    except Exception as exc:  # a bug: say so without dumping case data
        if os.environ.get("WGAD_DEBUG"):
            raise
        sys.stderr.write(f"wgad: internal error ({type(exc).__name__}); rerun with WGAD_DEBUG=1 to see it\n")
        sys.exit(3)


def _discard_output() -> None:
    """Point standard output at /dev/null, so that the flush at exit does not fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
