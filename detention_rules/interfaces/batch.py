"""Run many case files: in this process or in worker processes, streaming results as they finish.

Each worker loads the rulebook and compiles the engine once, then handles files
one after another; the engine keeps nothing from one case to the next (each
case has its own durable-rules session, deleted after it). Workers return each
file's output already rendered (by `output/batch.py`), so nothing large crosses
processes and memory stays flat however many files there are. What is printed,
and the summary table, are `output/batch.py`'s; here are the pool and the counts.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from detention_rules.output.formats import CheckFormatName, Mode

if TYPE_CHECKING:
    from detention_rules.reasoning.runnable import Runnable

#: Files handed to a worker at a time: large enough to amortise the hand-off, small enough to stream.
CHUNK = 64


class Job(msgspec.Struct, frozen=True):
    """What to do with each file: check (with an output format) or only validate."""

    mode: Mode
    fmt: CheckFormatName
    rules: Path | None = None
    why_not: bool = False


class Done(msgspec.Struct, frozen=True):
    """One file's outcome, rendered, with what the summary needs."""

    path: str
    output: str  # what it adds to the output: a report, problem lines, a JSON line or the `json` array's items
    valid: bool
    io_error: bool
    categories: tuple[str, ...] = ()
    errors: int = 0
    warnings: int = 0
    internal: bool = False  # the tool failed on this file (exit 3); the batch went on


_job: Job | None = None
_book: Runnable | None = None


def _init(job: Job) -> None:
    """Per worker: load the rulebook and compile the engine once, before the first file (not to validate)."""
    global _job, _book
    _job = job
    if job.mode != "validate":
        from detention_rules.reasoning import runnable

        _book = runnable.load(job.rules)
        _book.engine  # noqa: B018 - compiled here, once per worker, not in the first file's time
    settled()


def settled() -> None:
    """Collect garbage from here on, but never again walk what starting up built (modules, rules, engine).

    A cold `wgad check` spent a tenth of its time in collections that found nothing to free,
    during the imports and loading the rules, and again at exit (`entry.main` disables them).
    """
    gc.freeze()
    gc.enable()


def _worker_init(job: Job) -> None:
    """In a worker: leave Ctrl-C to the parent, which stops the pool and says so once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _init(job)


def _die_with_parent() -> None:
    """A worker whose parent is killed (TERM, HUP, KILL) ends at once and quietly.

    Otherwise it printed a BrokenPipeError traceback at its next result, or waited forever
    for work on a lock its dead sibling held. On Linux the kernel kills it with the parent;
    elsewhere a closed pipe kills it as it would a Unix tool.
    """
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if sys.platform == "linux":
        import ctypes

        parent = os.getppid()
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # pragma: no cover - the parent died before prctl took effect
            os._exit(0)


_PR_SET_PDEATHSIG = 1


def _one(path: Path) -> Done:
    """One file's outcome; a failure of the tool on one file is that file's result, not the batch's end."""
    try:
        return _check_one(path)
    except Exception as exc:
        if os.environ.get("WGAD_DEBUG"):
            raise
        return _failed(path, exc)


def _failed(path: Path, exc: Exception) -> Done:
    from detention_rules import pipeline
    from detention_rules.output import batch as rendered

    assert _job is not None
    problem = pipeline.internal(str(path), exc)
    output = rendered.failed(str(path), problem, _job.mode, _job.fmt)
    return Done(str(path), output, False, False, errors=1, internal=True)


def _check_one(path: Path) -> Done:
    from detention_rules.output import batch as rendered

    assert _job is not None
    job = _job
    if job.mode == "validate":
        from detention_rules import pipeline

        result = pipeline.read(path)[1]
        output = rendered.validated(str(path), result, job.fmt)
    else:
        from detention_rules import application  # here: `wgad validate` reads files, it asks no use of a case

        assert _book is not None
        result = application.result(_book, path, job.why_not)
        output = rendered.checked(result, job.fmt)
    errors = sum(p.level == "error" for p in result.problems)
    return Done(
        str(path),
        output,
        result.valid,
        any(p.code == "io" for p in result.problems),
        tuple(c for one in result.each() if one.analysis for c in one.analysis.categories),
        errors,
        len(result.problems) - errors,
    )


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def workers(jobs: int, total: int) -> int:
    """Worker processes for a batch: never more than the files, nor than the cores (each costs memory
    and the work is all CPU), whatever `--jobs` asks."""
    return max(1, min(jobs, total, default_jobs()))


def results(paths: Iterable[Path], job: Job, jobs: int, ordered: bool, total: int) -> Iterator[Done]:
    """Results for each path; in input order if `ordered`, else as they finish. Paths are read lazily."""
    jobs = workers(jobs, total)
    if jobs <= 1:
        _init(job)
        yield from map(_one, paths)
        return
    settled()  # here, in the parent: each worker loads the rules and settles itself
    import multiprocessing  # here: a single file, the common case in editors and hooks, never needs it

    # Forked on Linux, so workers start with the modules and the case model already built (this
    # process runs no threads to copy: the engine does not use durable-rules' threaded Host).
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with context.Pool(jobs, initializer=_worker_init, initargs=(job,)) as pool:
        mapper = pool.imap if ordered else pool.imap_unordered
        yield from mapper(_one, paths, chunksize=CHUNK)


class Summary(msgspec.Struct):
    """Counts of a batch, for its exit code and the table printed after it (`output.batch.summary`)."""

    files: int = 0
    invalid: int = 0
    io_errors: int = 0
    internal: int = 0
    errors: int = 0
    warnings: int = 0
    categories: Counter[str] = msgspec.field(default_factory=Counter)
    none_found: int = 0

    @property
    def exit_code(self) -> int:
        """As `errors.exit_code` for the whole batch, and 3 when the tool failed on any file."""
        return 3 if self.internal else 2 if self.io_errors else 1 if self.invalid else 0

    def add(self, done: Done) -> None:
        """Count one file's outcome."""
        self.files += 1
        self.invalid += not done.valid
        self.io_errors += done.io_error
        self.internal += done.internal
        self.errors += done.errors
        self.warnings += done.warnings
        self.categories.update(done.categories)
        self.none_found += done.valid and not done.categories
