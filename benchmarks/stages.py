"""Per-case time split by pipeline stage, on generated cases (imported by run.py).

    python benchmarks/stages.py FOLDER [--format jsonl]
    python benchmarks/stages.py FOLDER --alone explain|engine [--repeat 5]

Each case goes through what a batch worker does with a file (`interfaces/batch.py`):
`application.result`, then `output/batch.checked` in the format (`jsonl` by default, as
`benchmarks/run.py`'s throughput runs), which builds the JSON data and serialises it, so
"render" is all of the output's cost. The functions the pipeline calls for each stage are
timed in place, so the split measures the pipeline itself, not a copy of it; "other" is the
whole loop's time that no stage took (the pipeline between stages), so the rows add up to
"whole".

`--alone STAGE` times one stage by itself (the engine, or the explanation, `derivation.analyse`):
each case's input to it is built once, then the stage runs over every case `--repeat` times, and
the median pass is given per case, in wall and CPU time. Run by one installed version, then by
another, in turns, it compares the two on the same cases (docs/performance.md).
"""

from __future__ import annotations

import contextlib
import functools
import statistics
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


def alone(files: list[Path], stage: str, repeat: int) -> dict[str, float]:
    """Median milliseconds per case of `repeat` passes of one stage ("engine" or "explain") over the cases, wall
    and CPU; the cases read, validated and run through the engine once, before."""
    book = runnable.load()
    inputs = []
    for path in files:
        for one in pipeline.check_file(path, book).each():
            if one.facts is not None:
                inputs.append((one.facts, book.engine.run(one.facts)))
    steps: dict[str, Callable[[facts.Facts, engine.Firings], object]] = {
        "engine": lambda fx, _: book.engine.run(fx),
        "explain": lambda fx, fired: derivation.analyse(book, fx, fired),
    }
    step, walls, cpus = steps[stage], [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        for fx, fired in inputs:
            step(fx, fired)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"wall": statistics.median(walls) / len(inputs) * 1000, "cpu": statistics.median(cpus) / len(inputs) * 1000}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--format", default="jsonl", choices=["text", "json", "jsonl", "markdown"])
    parser.add_argument("--alone", choices=["engine", "explain"], help="time this stage alone")
    parser.add_argument("--repeat", type=int, default=5, help="passes of the stage alone (the median is given)")
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.yaml"))
    if args.alone:
        times = alone(files, args.alone, args.repeat)
        print(f"{args.alone:<10} {times['wall']:7.3f} ms wall {times['cpu']:7.3f} ms CPU", end=" ")
        print(f"(median of {args.repeat} passes, {len(files)} files)")
    else:
        for k, v in stages(files, args.format).items():
            print(f"{k:<10} {v:7.3f} ms")
