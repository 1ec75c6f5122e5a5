"""The `wgad` command: arguments, renderer choice and exit codes; no domain logic.

Exit codes (docs/cli.md): 0 success; 1 a case or rule file has problems (or,
for `evaluate`, the engine disagrees with an opinion); 2 usage or I/O error;
3 the tool's own failure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from detention_rules import __version__, application, pipeline
from detention_rules.errors import InputError, UsageError, exit_code
from detention_rules.escaping import json_text, printable
from detention_rules.interfaces import stream
from detention_rules.output.document import Stage
from detention_rules.output.formats import (
    CHECK_FORMATS,
    DRAFT_FORMATS,
    REPORT_FORMATS,
    RULES_FORMATS,
    CheckFormatName,
    DraftFormat,
    DraftFormatName,
    ReportFormatName,
    RulesFormatName,
    draft_format_of_file,
    help_text,
)


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


FormatOpt = Annotated[CheckFormatName, typer.Option("--format", "-f", metavar="FORMAT", help=help_text(CHECK_FORMATS))]
ReportFormatOpt = Annotated[
    ReportFormatName, typer.Option("--format", "-f", metavar="FORMAT", help=help_text(REPORT_FORMATS))
]
RulesOpt = Annotated[
    Path | None,
    typer.Option(
        "--rules", metavar="DIR", help="Folder of the law: rules, parameters, outcomes (default: the shipped rules)."
    ),
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
    fmt: FormatOpt = "text",
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
    if changes:
        from detention_rules.reasoning import runnable
        from detention_rules.reasoning.whatif import parse_sets

        book = runnable.load(rules)
        settings = parse_sets(changes)  # a malformed --set is a usage error before any file is read
        files = list(pipeline.case_files(paths))
        explain = why_not if why_not is not None else len(files) == 1
        pairs = [application.what_if(book, p, [settings], explain) for p in files]
        originals, results = [a for a, _ in pairs], [b for _, (b,) in pairs]
        from detention_rules.output import whatif

        sys.stdout.write(whatif.render(originals, results, changes, fmt))
        raise typer.Exit(exit_code(p for r in results for p in r.problems))
    raise typer.Exit(stream.check_paths(paths, fmt, rules, why_not, jobs))


@app.command(cls=_Command)
def evaluate(
    paths: PathsArg,
    fmt: ReportFormatOpt = "text",
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
    from detention_rules.reasoning import runnable

    book = runnable.load(rules)
    ev = evaluate_paths(paths, book)
    cov = coverage(case_docs(paths, book), book) if show_coverage else None
    iso = isolation(paths, book) if show_coverage else None
    for p in ev.problems:  # files left out: reported like `wgad validate`, the rest evaluated
        sys.stderr.write(f"{p}\n")
    if REPORT_FORMATS[fmt].data:
        sys.stdout.write(json_text(evaluation.data(ev, cov, book, iso), 2) + "\n")
    else:
        sys.stdout.write(evaluation.text(ev, cov, book, iso))
    raise typer.Exit(max(0 if ev.agrees else 1, exit_code(ev.problems)))


@app.command(cls=_Command)
def gaps(
    path: FileArg,
    ask: Annotated[
        bool, typer.Option("--ask", help="Ask each question; each answer is written at once to a new file.")
    ] = False,
    ask_all: Annotated[
        bool, typer.Option("--all", help="With --ask: also the questions whose answer could change no finding.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", metavar="FILE", help="With --ask: the new file to write.")
    ] = None,
    fmt: ReportFormatOpt = "text",
    rules: RulesOpt = None,
    detainee: DetaineeOpt = None,
) -> None:
    """The unknown facts that could change findings, as questions, most consequential first."""
    from detention_rules.input import source
    from detention_rules.reasoning import runnable

    book = runnable.load(rules)
    if ask:  # the interview finds its own questions, again after each answer
        from detention_rules.input import detainees
        from detention_rules.interfaces.interview import answers_file, interview

        target = answers_file(path, output)  # a run that stopped left its answers file: its questions are open
        doc, result = pipeline.read(target if target.exists() else path)
        if doc is None or not result.valid:
            raise InputError(result.problems)
        if detainee is not None or detainees.count(doc):
            raise UsageError(f"{path}: --ask cannot yet write a detainee's own answers; answer in the file itself")
        interview(path, book, output, ask_all=ask_all)
        return
    doc = source.load(path)
    asked = application.questions(book, doc, detainee)
    from detention_rules.output import gaps as renderer

    if REPORT_FORMATS[fmt].data:  # each question's fields as the interview would ask them: prerequisites first
        from detention_rules.reasoning.asking import open_fields

        doc, _ = application.person_doc(doc, detainee)

        sys.stdout.write(json_text(renderer.data(asked, [open_fields(doc.data, q.field) for q in asked]), 2) + "\n")
        return
    sys.stdout.write(renderer.text(asked))


@app.command(cls=_Command)
def validate(paths: PathsArg, fmt: FormatOpt = "text", jobs: JobsOpt = 0) -> None:
    """Check case files like a linter: `path:line:col: level: message \\[code]`, then a summary."""
    raise typer.Exit(stream.validate_paths(paths, fmt, jobs))


def _draft_format(fmt: DraftFormatName | None, output: Path | None) -> DraftFormat:
    """The format `-f` names, else the one `-o FILE`'s suffix names, else Markdown; refused where they disagree,
    so that a `.docx` is never Markdown."""
    named = draft_format_of_file(output) if output is not None else None
    chosen = DRAFT_FORMATS[fmt] if fmt is not None else named or DRAFT_FORMATS["markdown"]
    if named is not None and named is not chosen:
        raise UsageError(
            f"{output}: -f {chosen.name} writes {chosen.label}, but the file's name says {named.label}"
            f" ({named.suffix}): name it {chosen.suffix}, or leave out -f"
        )
    if chosen.binary and output is None:
        raise UsageError(f"-f {chosen.name} writes a binary file: name it with -o FILE")
    return chosen


@app.command(cls=_Command)
def draft(
    path: FileArg,
    fmt: Annotated[
        DraftFormatName | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=help_text(DRAFT_FORMATS) + " Default: the one -o FILE's suffix names, else markdown.",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", metavar="FILE", help="File to write (default: standard output).")
    ] = None,
    redact: Annotated[bool, typer.Option("--redact", help="Replace the person's names with initials.")] = False,
    no_appendix: Annotated[
        bool, typer.Option("--no-appendix", help='Leave out "How this draft was reasoned" (rules, fields, lines).')
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output file.")] = False,
    rules: RulesOpt = None,
    detainee: Annotated[
        int | None,
        typer.Option(
            "--detainee",
            metavar="N",
            help="For a case of several detainees: draft for this person only (1, 2, ...); "
            "by default one joint submission for all.",
        ),
    ] = None,
    stage: Annotated[
        Stage,
        typer.Option(
            "--stage",
            metavar="STAGE",
            help="first (the source's communication) or comments (on the Government's reply).",
        ),
    ] = "first",
) -> None:
    """Write a draft submission in the order of the Working Group's model questionnaire."""
    from detention_rules.input import source
    from detention_rules.output.draft import build_joint
    from detention_rules.reasoning import runnable

    form = _draft_format(fmt, output)
    book = runnable.load(rules)
    people = application.drafts(book, source.load(path), detainee)
    the_draft = build_joint(book, people, redact=redact, appendix=not no_appendix, stage=stage)
    content = form.render(the_draft)
    if output is None:
        assert isinstance(content, str)
        sys.stdout.write(content)
        return
    if output.exists() and os.path.samefile(output, path):  # the case file, through any link
        raise UsageError(f"{output}: the draft never overwrites the case file")  # nor a hard link to it
    if (output.exists() or output.is_symlink()) and not force:  # a dangling link too: never written through
        raise UsageError(f"{output}: already exists (an edited draft?); use --force to replace it")
    try:
        from detention_rules.output import atomic

        atomic.write_bytes(
            output, content if isinstance(content, bytes) else content.encode("utf-8"), replace=force, source=path
        )
    except FileExistsError:
        raise UsageError(f"{output}: already exists (an edited draft?); use --force to replace it") from None
    except OSError as exc:
        raise UsageError(f"{output}: cannot write: {exc.strerror or exc}; nothing was written") from None
    sys.stdout.write(f"wrote {printable(str(output))}\n")


@app.command(cls=_Command)
def exercise(
    path: FileArg,
    fmt: ReportFormatOpt = "text",
    rules: RulesOpt = None,
    detainee: DetaineeOpt = None,
) -> None:
    """ "Change one fact" exercises: each single fact change that establishes or removes a category, by the engine."""
    from detention_rules.output import exercise as renderer
    from detention_rules.reasoning import runnable
    from detention_rules.variations import exercise as derive

    book = runnable.load(rules)
    doc, result = pipeline.read(path)
    if doc is None or not result.valid:
        raise InputError(result.problems)
    ex = derive(application.person_doc(doc, detainee)[0], book)
    sys.stdout.write(json_text(renderer.data(ex), 2) + "\n" if REPORT_FORMATS[fmt].data else renderer.text(ex))


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
    from detention_rules.reasoning import runnable

    raise typer.Exit(session(paths, runnable.load(rules), seed, answers, variations))


@app.command(cls=_Command)
def casebook(
    paths: PathsArg,
    output: Annotated[Path, typer.Option("-o", "--output", metavar="DIR", help="The folder to write the site into.")],
    rules: RulesOpt = None,
) -> None:
    """A static casebook site (no server, no network): cases with the answer hidden, a quiz, print views."""
    from detention_rules.output.casebook import build
    from detention_rules.reasoning import runnable

    done, problems = build(paths, runnable.load(rules), output)
    for p in problems:  # files left out: reported like `wgad validate`, and the exit code says so
        sys.stderr.write(f"{p}\n")
    sys.stdout.write(printable(done) + "\n")
    raise typer.Exit(exit_code(problems))


@app.command("rules", cls=_Command)
def list_rules(
    problems_only: Annotated[
        bool, typer.Option("--check", help="Only check the folder's files (rules, parameters, outcomes).")
    ] = False,
    fmt: Annotated[
        RulesFormatName, typer.Option("--format", "-f", metavar="FORMAT", help=help_text(RULES_FORMATS))
    ] = "text",
    rules: RulesOpt = None,
) -> None:
    """List the rules with their provisions, or check the rule files (--check)."""
    from detention_rules.output import rules as renderer

    if problems_only:
        from detention_rules.law.rulebook import folder
        from detention_rules.reasoning import runnable

        law_folder = folder(rules)
        problems = runnable.all_problems(law_folder)
        sys.stdout.write(renderer.problems_report(problems, law_folder))
        raise typer.Exit(exit_code(problems))
    from detention_rules.reasoning import runnable

    book = runnable.load(rules)
    report = RULES_FORMATS[fmt].report
    sys.stdout.write(json_text(renderer.data(book), 2) + "\n" if report is None else report(book))


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
        from detention_rules.output import atomic

        atomic.write_text(path, skeleton(), replace=False)
    except FileExistsError:
        raise UsageError(f"{path}: already exists; wgad new never overwrites a file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}; nothing was written") from None
    sys.stdout.write(f"wrote {printable(str(path))}\n")


@app.command(cls=_Command)
def serve(
    folder: Annotated[
        Path, typer.Argument(metavar="FOLDER", help="The folder of case files (default: the current folder).")
    ] = Path("."),
    host: Annotated[
        str | None,
        typer.Option(
            "--host", metavar="HOST", help="Listen there instead of 127.0.0.1 (warns: others could reach it)."
        ),
    ] = None,
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="The port (default: a free one).")] = 0,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the address in the browser.")] = False,
    rules: RulesOpt = None,
) -> None:
    """Work on the folder's case files in a browser, on this machine only."""
    from detention_rules.interfaces.web import app as web
    from detention_rules.reasoning import runnable

    web.serve(folder, runnable.load(rules), host=host, port=port, open_browser=open_browser)


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
    """The typer app, every known error turned into a message and an exit code (`entry.main` comes first)."""
    stream.guarded(lambda: app(prog_name="wgad"))
