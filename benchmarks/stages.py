"""Per-case time split by pipeline stage, on generated cases (imported by run.py).

    python benchmarks/stages.py FOLDER [--format jsonl]

Each case goes through what a batch worker does with a file (`interfaces/batch.py`):
`application.result`, then `output/batch.checked` in the format (`jsonl` by default, as
`benchmarks/run.py`'s throughput runs), which builds the JSON data and serialises it, so
"render" is all of the output's cost. The functions the pipeline calls for each stage are
timed in place, so the split measures the pipeline itself, not a copy of it; "other" is the
whole loop's time that no stage took (the pipeline between stages), so the rows add up to
"whole".
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from detention_rules import application, pipeline
from detention_rules.input import source
from detention_rules.output import batch
from detention_rules.output.formats import CheckFormatName
from detention_rules.reasoning import derivation, engine, facts, runnable

STAGES = ("parse", "validate", "facts", "engine", "explain", "render")


@contextlib.contextmanager
def _timing(owner: Any, name: str, totals: dict[str, float], stage: str) -> Iterator[None]:
    """While inside, `owner.name` adds the time of each call to `totals[stage]`."""
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)
    def timed(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[stage] += time.perf_counter() - t

    setattr(owner, name, timed)
    try:
        yield
    finally:
        setattr(owner, name, original)


def stages(files: list[Path], fmt: CheckFormatName = "jsonl") -> dict[str, float]:
    """Mean milliseconds per case for each stage, then "other" and "whole" (the sum of the rows above it)."""
    book = runnable.load()
    book.engine  # noqa: B018 - compiled once per process, as in a batch: not a per-case cost
    totals = dict.fromkeys(STAGES, 0.0)
    with contextlib.ExitStack() as timers:
        for owner, name, stage in (
            (source, "load", "parse"),
            (pipeline, "validate", "validate"),  # imported by name into the pipeline
            (facts, "build", "facts"),
            (engine.Engine, "run", "engine"),
            (derivation, "analyse", "explain"),
            (batch, "checked", "render"),
        ):
            timers.enter_context(_timing(owner, name, totals, stage))
        t = time.perf_counter()
        for path in files:
            batch.checked(application.result(book, path), fmt)
        whole = time.perf_counter() - t
    totals["other"] = whole - sum(totals.values())
    totals["whole"] = whole
    return {k: v / len(files) * 1000 for k, v in totals.items()}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--format", default="jsonl", choices=["text", "json", "jsonl", "markdown"])
    args = parser.parse_args()
    for k, v in stages(sorted(args.folder.glob("*.yaml")), args.format).items():
        print(f"{k:<10} {v:7.3f} ms")
