"""Per-case time split by pipeline stage, on generated cases (imported by run.py).

Each case goes through the pipeline's own `check_file` and the JSON renderer, as `wgad
check -f json` runs them; the functions the pipeline calls for each stage are timed in
place, so the split measures the pipeline itself, not a copy of it.
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from detention_rules import pipeline
from detention_rules.input import source
from detention_rules.output import json as json_renderer
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


def stages(files: list[Path]) -> dict[str, float]:
    """Mean milliseconds per case for each stage."""
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
            (json_renderer, "result", "render"),
        ):
            timers.enter_context(_timing(owner, name, totals, stage))
        for path in files:
            json_renderer.result(pipeline.check_file(path, book))
    return {k: v / len(files) * 1000 for k, v in totals.items()}


if __name__ == "__main__":
    import sys

    files = sorted(Path(sys.argv[1]).glob("*.yaml"))
    for k, v in stages(files).items():
        print(f"{k:<10} {v:7.3f} ms")
