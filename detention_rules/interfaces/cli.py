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

import click
import typer
from typer.core import TyperCommand, TyperGroup

from detention_rules import __version__, application, pipeline, words
from detention_rules.errors import InputError, UsageError, exit_code
from detention_rules.escaping import json_text, printable
from detention_rules.interfaces import stream
from detention_rules.output.document import Stage
from detention_rules.output.formats import (
    CHECK_FORMATS,
    DRAFT_FORMATS,
    EXERCISE_FORMATS,
    REPORT_FORMATS,
    RULES_FORMATS,
    CheckFormatName,
    DraftFormat,
    DraftFormatName,
    ExerciseFormatName,
    ReportFormatName,
    RulesFormatName,
    draft_format_of_file,
    help_text,
)

#: The help's words (locales/<lang>/cli.yaml): each option's, and each command's.
OPTIONS = words.of("cli", "options")
COMMANDS = words.of("cli", "commands")
SAYS = words.of("cli", "messages")


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
    add_completion=False,  # typer's own --show-completion ignores a shell named (`_options` offers both)
    pretty_exceptions_enable=False,  # case files hold personal data: never dump locals
    help=COMMANDS["wgad"],
)


FormatOpt = Annotated[CheckFormatName, typer.Option("--format", "-f", metavar="FORMAT", help=help_text(CHECK_FORMATS))]
ReportFormatOpt = Annotated[
    ReportFormatName, typer.Option("--format", "-f", metavar="FORMAT", help=help_text(REPORT_FORMATS))
]
RulesOpt = Annotated[
    Path | None,
    typer.Option("--rules", metavar="DIR", help=OPTIONS["rules"]),
]


def _use_language(lang: str | None) -> str | None:
    """`--lang`: the command speaks that language from here on (the help already does: `entry.main`)."""
    if lang is not None:
        words.use(lang)
    return lang


LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="|".join(words.LANGUAGES),
        click_type=click.Choice(words.LANGUAGES),
        callback=_use_language,
        is_eager=True,
        help=OPTIONS["lang"],
    ),
]
PathsArg = Annotated[list[Path], typer.Argument(metavar="FILE_OR_DIR", help=OPTIONS["paths"])]
FileArg = Annotated[Path, typer.Argument(metavar="FILE", help=OPTIONS["file"])]
JobsOpt = Annotated[
    int,
    typer.Option("--jobs", "-j", min=0, metavar="N", help=OPTIONS["jobs"]),
]
DetaineeOpt = Annotated[
    int | None,
    typer.Option("--detainee", metavar="N", help=OPTIONS["detainee"]),
]


SetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="PATH=VALUE",
        help=OPTIONS["set"],
    ),
]


@app.command(cls=_Command, help=COMMANDS["check"])
def check(
    paths: PathsArg,
    fmt: FormatOpt = "text",
    rules: RulesOpt = None,
    lang: LangOpt = None,
    changes: SetOpt = None,
    why_not: Annotated[
        bool | None,
        typer.Option(
            "--why-not/--no-why-not",
            help=OPTIONS["why_not"],
        ),
    ] = None,
    jobs: JobsOpt = 0,
) -> None:
    """The plain `wgad check FILE...` runs in run.py; options and `--set` come here."""
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


@app.command(cls=_Command, help=COMMANDS["evaluate"])
def evaluate(
    paths: PathsArg,
    fmt: ReportFormatOpt = "text",
    rules: RulesOpt = None,
    show_coverage: Annotated[
        bool,
        typer.Option("--coverage", help=OPTIONS["coverage"]),
    ] = False,
) -> None:
    """Exit 1 when a disagreement is not a declared known gap."""
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


@app.command(cls=_Command, help=COMMANDS["gaps"])
def gaps(
    path: FileArg,
    ask: Annotated[bool, typer.Option("--ask", help=OPTIONS["ask"])] = False,
    ask_all: Annotated[bool, typer.Option("--all", help=OPTIONS["ask_all"])] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE", help=OPTIONS["ask_output"])] = None,
    fmt: ReportFormatOpt = "text",
    rules: RulesOpt = None,
    lang: LangOpt = None,
    detainee: DetaineeOpt = None,
) -> None:
    """The questions, or (`--ask`) the interview that answers them into a new file."""
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
            raise UsageError(SAYS["ask_detainee"].format(file=path))
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


@app.command(cls=_Command, help=COMMANDS["validate"])
def validate(paths: PathsArg, fmt: FormatOpt = "text", jobs: JobsOpt = 0) -> None:
    """The plain `wgad validate FILE...` runs in run.py; options come here."""
    raise typer.Exit(stream.validate_paths(paths, fmt, jobs))


def _draft_format(fmt: DraftFormatName | None, output: Path | None) -> DraftFormat:
    """The format `-f` names, else the one `-o FILE`'s suffix names, else Markdown; refused where they disagree,
    so that a `.docx` is never Markdown."""
    named = draft_format_of_file(output) if output is not None else None
    chosen = DRAFT_FORMATS[fmt] if fmt is not None else named or DRAFT_FORMATS["markdown"]
    if named is not None and named is not chosen:
        raise UsageError(
            SAYS["format_suffix"].format(
                file=output,
                format=chosen.name,
                writes=chosen.label,
                named=named.label,
                suffix=named.suffix,
                own=chosen.suffix,
            )
        )
    if chosen.binary and output is None:
        raise UsageError(SAYS["binary"].format(format=chosen.name))
    return chosen


def _write_new(
    path: Path, content: str | bytes, *, exists: str, force: bool = False, source: Path | None = None
) -> None:
    """Write a file a command makes (a draft, a skeleton) whole or not at all, and say so; never over `source`
    (the case file it comes from, through any link, a hard one too), nor, without `force`, over anything
    already at `path` (a dangling link too: never written through), which is the usage error `exists`
    names (a key of the CLI's sentences)."""
    from detention_rules.output import atomic

    if source is not None and path.exists() and os.path.samefile(path, source):
        raise UsageError(SAYS["over_case"].format(file=path))
    if (path.exists() or path.is_symlink()) and not force:
        raise UsageError(SAYS[exists].format(file=path))
    try:
        atomic.write_bytes(
            path, content if isinstance(content, bytes) else content.encode("utf-8"), replace=force, source=source
        )
    except FileExistsError:  # made between the look and the write
        raise UsageError(SAYS[exists].format(file=path)) from None
    except OSError as exc:
        raise UsageError(SAYS["cannot_write"].format(file=path, error=exc.strerror or exc)) from None
    sys.stdout.write(SAYS["wrote"].format(file=printable(str(path))) + "\n")


@app.command(cls=_Command, help=COMMANDS["draft"])
def draft(
    path: FileArg,
    fmt: Annotated[
        DraftFormatName | None,
        typer.Option("--format", "-f", metavar="FORMAT", help=help_text(DRAFT_FORMATS) + OPTIONS["draft_format"]),
    ] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="FILE", help=OPTIONS["draft_output"])] = None,
    redact: Annotated[bool, typer.Option("--redact", help=OPTIONS["redact"])] = False,
    no_appendix: Annotated[bool, typer.Option("--no-appendix", help=OPTIONS["no_appendix"])] = False,
    force: Annotated[bool, typer.Option("--force", help=OPTIONS["force"])] = False,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    detainee: Annotated[
        int | None,
        typer.Option(
            "--detainee",
            metavar="N",
            help=OPTIONS["draft_detainee"],
        ),
    ] = None,
    stage: Annotated[
        Stage,
        typer.Option(
            "--stage",
            metavar="STAGE",
            help=OPTIONS["stage"],
        ),
    ] = "first",
) -> None:
    """Written whole or not at all, never over the case file or (without --force) an existing one."""
    from detention_rules.input import source
    from detention_rules.output.draft import build_joint
    from detention_rules.reasoning import runnable

    if output is not None and str(output) == "-":  # "-o -": standard output, as for any Unix tool
        output = None
    form = _draft_format(fmt, output)
    book = runnable.load(rules)
    people = application.drafts(book, source.load(path), detainee)
    the_draft = build_joint(book, people, redact=redact, appendix=not no_appendix, stage=stage)
    content = form.render(the_draft)
    if output is None:
        assert isinstance(content, str)
        sys.stdout.write(content)
        return
    _write_new(output, content, exists="draft_exists", force=force, source=path)


@app.command(cls=_Command, help=COMMANDS["exercise"])
def exercise(
    path: FileArg,
    fmt: Annotated[
        ExerciseFormatName, typer.Option("--format", "-f", metavar="FORMAT", help=help_text(EXERCISE_FORMATS))
    ] = "text",
    rules: RulesOpt = None,
    lang: LangOpt = None,
    detainee: DetaineeOpt = None,
) -> None:
    """The variations come from variations.py; output/exercise.py words them."""
    from detention_rules.output import exercise as renderer
    from detention_rules.reasoning import runnable
    from detention_rules.variations import exercise as derive

    book = runnable.load(rules)
    doc, result = pipeline.read(path)
    if doc is None or not result.valid:
        raise InputError(result.problems)
    ex = derive(application.person_doc(doc, detainee)[0], book)
    form = EXERCISE_FORMATS[fmt]
    sys.stdout.write(json_text(renderer.data(ex), 2) + "\n" if form.report is None else form.report(ex))


@app.command(cls=_Command, help=COMMANDS["quiz"])
def quiz(
    paths: PathsArg,
    seed: Annotated[int | None, typer.Option("--seed", metavar="N", help=OPTIONS["seed"])] = None,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", metavar="FILE", help=OPTIONS["answers"]),
    ] = None,
    variations: Annotated[int, typer.Option("--variations", min=0, metavar="N", help=OPTIONS["variations"])] = 0,
    limit: Annotated[int | None, typer.Option("--limit", min=1, metavar="N", help=OPTIONS["limit"])] = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    """The session is interfaces/quiz.py."""
    from detention_rules.interfaces.quiz import session
    from detention_rules.reasoning import runnable

    raise typer.Exit(session(paths, runnable.load(rules), seed, answers, variations, limit=limit))


@app.command(cls=_Command, help=COMMANDS["casebook"])
def casebook(
    paths: PathsArg,
    output: Annotated[Path, typer.Option("-o", "--output", metavar="DIR", help=OPTIONS["casebook_output"])],
    trainer: Annotated[bool, typer.Option("--trainer", help=OPTIONS["casebook_trainer"])] = False,
    anonymise: Annotated[bool, typer.Option("--anonymise", help=OPTIONS["casebook_anonymise"])] = False,
    cases: Annotated[str | None, typer.Option("--cases", metavar="NAME,...", help=OPTIONS["casebook_cases"])] = None,
    session_file: Annotated[
        Path | None, typer.Option("--session", metavar="FILE", help=OPTIONS["casebook_session"])
    ] = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    """The site is output/casebook.py; files left out are reported and set the exit code."""
    from detention_rules.output.casebook import Options, build, session_cases
    from detention_rules.reasoning import runnable

    chosen = tuple(n.strip() for n in (cases or "").split(",") if n.strip())
    chosen += session_cases(session_file) if session_file is not None else ()
    options = Options(trainer=trainer, anonymous=anonymise, chosen=chosen)
    done, problems = build(paths, runnable.load(rules), output, options)
    for p in problems:  # files left out: reported like `wgad validate`, and the exit code says so
        sys.stderr.write(f"{p}\n")
    sys.stdout.write(printable(done) + "\n")
    raise typer.Exit(exit_code(problems))


@app.command("rules", cls=_Command, help=COMMANDS["rules"])
def list_rules(
    problems_only: Annotated[bool, typer.Option("--check", help=OPTIONS["check_rules"])] = False,
    fmt: Annotated[
        RulesFormatName, typer.Option("--format", "-f", metavar="FORMAT", help=help_text(RULES_FORMATS))
    ] = "text",
    rules: RulesOpt = None,
) -> None:
    """`--check` reads every file of the folder, valid or not, for its problems."""
    from detention_rules.output import rules as renderer

    if problems_only:
        from detention_rules.law.law import folder
        from detention_rules.reasoning import runnable

        law_folder = folder(rules)
        problems = runnable.all_problems(law_folder)
        sys.stdout.write(renderer.problems_report(problems, law_folder))
        raise typer.Exit(exit_code(problems))
    from detention_rules.reasoning import runnable

    book = runnable.load(rules)
    report = RULES_FORMATS[fmt].report
    sys.stdout.write(json_text(renderer.data(book), 2) + "\n" if report is None else report(book))


@app.command(cls=_Command, help=COMMANDS["schema"])
def schema() -> None:
    """Generated from the case model (input/case.py)."""
    from detention_rules.input.case import json_schema

    sys.stdout.write(json_text(json_schema(), 2) + "\n")


@app.command(cls=_Command, help=COMMANDS["new"])
def new(
    path: Annotated[Path, typer.Argument(metavar="FILE", help=OPTIONS["new_file"])],
    full: Annotated[bool, typer.Option("--full", help=OPTIONS["new_full"])] = False,
) -> None:
    """Never overwrites: an existing file or link is a usage error. The schema its first line names is written
    beside it when none is there, so that an editor finds it."""
    from detention_rules.input.case import json_schema
    from detention_rules.input.skeleton import SCHEMA_FILE, drafter_skeleton, skeleton

    _write_new(path, skeleton() if full else drafter_skeleton(), exists="new_exists")
    beside = path.parent / SCHEMA_FILE
    if not (beside.exists() or beside.is_symlink()):
        _write_new(beside, json_text(json_schema(), 2) + "\n", exists="new_exists", source=path)


@app.command(cls=_Command, help=COMMANDS["serve"])
def serve(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help=OPTIONS["folder"])] = Path("."),
    host: Annotated[
        str | None,
        typer.Option("--host", metavar="HOST", help=OPTIONS["host"]),
    ] = None,
    port: Annotated[int, typer.Option("--port", metavar="PORT", help=OPTIONS["port"])] = 0,
    open_browser: Annotated[bool, typer.Option("--open", help=OPTIONS["open"])] = False,
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    """interfaces/web/app.py: loopback, a token."""
    from detention_rules.interfaces.web import app as web
    from detention_rules.reasoning import runnable

    web.serve(folder, runnable.load(rules), host=host, port=port, open_browser=open_browser)


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"wgad (detention-rules) {__version__}\n")
        raise typer.Exit()


#: The shells completion is offered for (typer's scripts), and the variable its script sets to ask `wgad`.
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
COMPLETE_VAR = "_WGAD_COMPLETE"


def _completion_shell(value: str) -> str:
    """The shell named, refused if not one of SHELLS."""
    if value not in SHELLS:
        raise UsageError(SAYS["shell"].format(shell=value, shells=", ".join(SHELLS)))
    return value


def _show_completion(value: str | None) -> None:
    """Print the completion script of the shell named: it works with no shell among the parent processes
    (a container's first process, `setsid`), which typer's own option needs to find one."""
    if value is None:
        return
    from typer import completion

    shell = _completion_shell(value)
    sys.stdout.write(completion.get_completion_script(prog_name="wgad", complete_var=COMPLETE_VAR, shell=shell) + "\n")
    raise typer.Exit()


def _install_completion(value: str | None) -> None:
    """Install the completion script for the shell named."""
    if value is None:
        return
    from typer import completion

    shell, path = completion.install(shell=_completion_shell(value), prog_name="wgad", complete_var=COMPLETE_VAR)
    sys.stdout.write(SAYS["completion_installed"].format(shell=shell, file=printable(str(path))) + "\n")
    raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_show_version, is_eager=True, help=OPTIONS["version"]),
    ] = None,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="SHELL",
            callback=_show_completion,
            is_eager=True,
            help=OPTIONS["show_completion"],
        ),
    ] = None,
    install_completion: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            metavar="SHELL",
            callback=_install_completion,
            is_eager=True,
            help=OPTIONS["install_completion"],
        ),
    ] = None,
) -> None:
    """The options before a command: --version, and shell completion (`--show-completion SHELL`)."""


def main() -> None:
    """The typer app, every known error turned into a message and an exit code (`entry.main` comes first)."""
    if COMPLETE_VAR in os.environ:  # the shell asks for completions: typer's shells, which its own options register
        from typer import completion

        completion.completion_init()
    stream.guarded(lambda: app(prog_name="wgad"))
