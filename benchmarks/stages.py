"""Per-case time split by pipeline stage, on generated cases (imported by run.py)."""

from __future__ import annotations

import time
from pathlib import Path

from detention_rules.input import source
from detention_rules.input.validate import validate
from detention_rules.output import json as json_renderer
from detention_rules.pipeline import CaseResult
from detention_rules.reasoning import derivation, engine, facts, runnable


def stages(files: list[Path]) -> dict[str, float]:
    """Mean milliseconds per case for each stage."""
    book = runnable.load()
    eng = engine.for_rulebook(book)
    totals = dict.fromkeys(("parse", "validate", "facts", "engine", "explain", "render"), 0.0)
    for path in files:
        t0 = time.perf_counter()
        doc = source.load(path)
        t1 = time.perf_counter()
        case, _ = validate(doc)
        t2 = time.perf_counter()
        fx = facts.build(case, doc)
        t3 = time.perf_counter()
        outcome = eng.run(fx)
        t4 = time.perf_counter()
        analysis = derivation.analyse(book, fx, outcome)
        t5 = time.perf_counter()
        json_renderer.result(CaseResult(str(path), [], case, analysis))
        t6 = time.perf_counter()
        for key, dt in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5), strict=True):
            totals[key] += dt
    return {k: v / len(files) * 1000 for k, v in totals.items()}


if __name__ == "__main__":
    import sys

    files = sorted(Path(sys.argv[1]).glob("*.yaml"))
    for k, v in stages(files).items():
        print(f"{k:<10} {v:7.3f} ms")
