"""Per-case time split by pipeline stage, on generated cases (imported by run.py).

    python benchmarks/stages.py FOLDER [--format jsonl]
    python benchmarks/stages.py FOLDER --alone STAGE [--repeat 5]

Each case goes through what a batch worker does with a file (`interfaces/batch.py`):
`application.result`, then `output/batch.checked` in the format (`jsonl` by default, as
`benchmarks/run.py`'s throughput runs), which builds the JSON data and serialises it, so
"render" is all of the output's cost. The functions the pipeline calls for each stage are
timed in place, so the split measures the pipeline itself, not a copy of it; "other" is the
whole loop's time that no stage took (the pipeline between stages), so the rows add up to
"whole".

`--alone STAGE` times one stage by itself (any of the six): each file's input to it is built once,
then the stage runs over every file `--repeat` times, and the median pass is given per file, in wall
and CPU time. Run by one installed version, then by
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
from detention_rules.input import detainees, source
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


def alone(files: list[Path], stage: str, repeat: int, fmt: CheckFormatName = "jsonl") -> dict[str, float]:
    """Median milliseconds per file of `repeat` passes of one stage over the files, wall and CPU; each
    stage's input (the path, the parsed document, the person's case, facts, firings or the result) is made
    once, before. Under `valgrind --tool=cachegrind`, `--repeat 3` less `--repeat 1` is the stage's
    instructions for two passes: a count the machine's load does not move."""
    book = runnable.load()
    docs, results, people = [], [], []
    for path in files:
        doc = source.load(path)
        result = pipeline.check_doc(doc, book)
        docs.append(doc)
        results.append(result)
        for person_doc, one in zip(list(detainees.each(doc)) if result.persons else [doc], result.each(), strict=True):
            if one.facts is not None and one.case is not None and one.analysis is not None:
                people.append((one.case, person_doc, one.facts, book.engine.run(one.facts)))
    steps: dict[str, Callable[[], object]] = {
        "parse": lambda: [source.load(path) for path in files],
        "validate": lambda: [pipeline.validate(doc) for doc in docs],
        "facts": lambda: [facts.build(book, case, doc) for case, doc, _, _ in people],
        "engine": lambda: [book.engine.run(fx) for _, _, fx, _ in people],
        "explain": lambda: [derivation.analyse(book, fx, fired) for _, _, fx, fired in people],
        "render": lambda: [batch.checked(result, fmt) for result in results],
    }
    step, walls, cpus = steps[stage], [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        step()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"wall": statistics.median(walls) / len(files) * 1000, "cpu": statistics.median(cpus) / len(files) * 1000}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--format", default="jsonl", choices=["text", "json", "jsonl", "markdown"])
    parser.add_argument("--alone", choices=STAGES, help="time this stage alone")
    parser.add_argument("--repeat", type=int, default=5, help="passes of the stage alone (the median is given)")
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.yaml"))
    if args.alone:
        times = alone(files, args.alone, args.repeat, args.format)
        print(f"{args.alone:<10} {times['wall']:7.3f} ms wall {times['cpu']:7.3f} ms CPU", end=" ")
        print(f"(median of {args.repeat} passes, {len(files)} files)")
    else:
        for k, v in stages(files, args.format).items():
            print(f"{k:<10} {v:7.3f} ms")
