"""The commands that run over many files, streaming (`wgad validate`, `wgad check` without `--set`),
and `guarded`: the frame every command runs in, each error a message and an exit code.

Both ways in use them: the plain command line (`entry.py`, without typer) and the typer app
(`cli.py`); neither imports the other's module, so there is no import circle between them.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from detention_rules.errors import InputError, WgadError
from detention_rules.escaping import printable
from detention_rules.interfaces import batch
from detention_rules.output.formats import CHECK_FORMATS, CheckFormatName

if TYPE_CHECKING:
    from detention_rules.interfaces.batch import Job, Summary


def validate_paths(paths: list[Path], fmt: CheckFormatName = "text", jobs: int = 0) -> int:
    """`wgad validate`: problem lines for every case file under `paths`, the summary, the exit code."""
    from detention_rules import pipeline

    total = pipeline.count_case_files(paths)
    files = pipeline.case_files(paths, ordered=not CHECK_FORMATS[fmt].lines)
    return print_batch(files, total, batch.Job("validate", fmt), fmt, jobs).exit_code


def check_paths(
    paths: list[Path],
    fmt: CheckFormatName = "text",
    rules: Path | None = None,
    why_not: bool | None = None,
    jobs: int = 0,
) -> int:
    """`wgad check` (without `--set`): each case file's report under `paths`, the summary, the exit code.

    The rulebook is loaded first, so that a broken rules folder is reported before any case.
    `why_not` by default: near misses for a single file only.
    """
    from detention_rules import pipeline
    from detention_rules.reasoning import runnable

    runnable.load(rules)
    total = pipeline.count_case_files(paths)
    job = batch.Job("check", fmt, rules, why_not if why_not is not None else total == 1)
    return print_batch(
        pipeline.case_files(paths, ordered=not CHECK_FORMATS[fmt].lines), total, job, fmt, jobs
    ).exit_code


def print_batch(files: Iterable[Path], total: int, job: Job, fmt: CheckFormatName, jobs: int) -> Summary:
    """A batch, its output streamed; the summary table goes after it (to stderr for JSON formats)."""
    with _closed_output_ends_quietly():
        return _stream(files, total, job, fmt, jobs)


@contextlib.contextmanager
def _closed_output_ends_quietly() -> Iterator[None]:
    """`wgad check DIR | head`: stop the workers and end quietly with 141, like a Unix tool.

    Dying of SIGPIPE at once (as `guarded` lets the other commands do) would leave forked
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
        raise SystemExit(141) from None
    finally:
        if default is not None:
            signal.signal(signal.SIGPIPE, default)


def _stream(files: Iterable[Path], total: int, job: Job, fmt: CheckFormatName, jobs: int) -> Summary:
    from detention_rules.output.batch import Printer

    summary = batch.Summary()
    printer = Printer(fmt, job.mode, total)
    for done in batch.results(files, job, jobs or batch.default_jobs(), not CHECK_FORMATS[fmt].lines, total):
        summary.add(done)
        printer.add(done.output, summary.files)
    printer.finish(summary)
    return summary


def guarded(body: Callable[[], object]) -> NoReturn:
    """Run a command, turning every known error into a message and an exit code."""
    if sys.stderr is None:  # started with standard error closed: messages go nowhere, exit codes still tell
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - open for the life of the process
    if sys.stdout is None:  # started with standard output closed (`wgad check x >&-`)
        sys.stderr.write("wgad: standard output is closed\n")
        sys.exit(2)
    if hasattr(signal, "SIGPIPE"):  # `wgad check DIR | head`: end quietly, as Unix tools do (exit 141)
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        try:
            body()  # the typer app reports bad options itself (exit 2) and exits with each command's code
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
    sys.exit(0)


def _discard_output() -> None:
    """Point standard output at /dev/null, so that the flush at exit does not fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
