"""Measure detention-rules on this machine and print a table (run by hand, never by the test suite).

    python benchmarks/run.py [--quick]

Generates synthetic cases (benchmarks/generate.py, seeded) in a temporary folder,
then measures: cold `wgad check` of the reference case against `python -c pass`
and the dependencies' own import time; rule loading; the per-case time of each
stage; throughput on 10,000 cases with 1 and 2 jobs against the libyaml parse
floor; and peak memory at 1,000, 10,000 and 100,000 cases. `--quick` uses
smaller numbers to check that the script works.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
REFERENCE = ROOT / "cases" / "ilyashev-kazakhstan-2022.yaml"
PY = sys.executable
#: Throughput runs per measure: this machine's speed varies between runs, so medians are shown.
RUNS = 3
#: The installed console script, as users run it; `python -m` only where there is none.
_SCRIPT = Path(PY).with_name("wgad")
WGAD = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "detention_rules"]
#: Commands run from here, so that a source checkout in the working folder never shadows the
#: installed package (whose bytecode was compiled at install time).
NEUTRAL = tempfile.gettempdir()


def walls(cmds: list[list[str]], runs: int = 11) -> list[float]:
    """Median wall time of each command, in seconds; the commands take turns, so drift hits all alike."""
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for cmd, out in zip(cmds, times, strict=True):
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=NEUTRAL)
            out.append(time.perf_counter() - t)
    return [statistics.median(t) for t in times]


def generate(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([PY, str(HERE / "generate.py"), str(folder), str(n)], check=True)
    return folder


def parse_floor(files: list[Path]) -> float:
    """Seconds per file to read and parse with libyaml's C loader alone."""
    import yaml

    t = time.perf_counter()
    for f in files:
        yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)
    return (time.perf_counter() - t) / len(files)


def run_batch(folder: Path, jobs: int) -> float:
    """Wall seconds of `wgad check -f jsonl` over a folder (peak memory: `peak_single`)."""
    t = time.perf_counter()
    proc = subprocess.run(
        [*WGAD, "check", "-f", "jsonl", "-j", str(jobs), str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        cwd=NEUTRAL,
    )
    elapsed = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        raise SystemExit(f"wgad failed: {proc.stderr[-500:]}")
    return elapsed


def peak_single(folder: Path) -> int:
    """Peak RSS in KiB of one single-job run, measured in a fresh interpreter."""
    code = (
        "import resource, subprocess, sys;"
        f"subprocess.run({[*WGAD, 'check', '-f', 'jsonl', '-j', '1', str(folder)]!r}, stdout=subprocess.DEVNULL,"
        " stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    return int(subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True, cwd=NEUTRAL).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, to check the script")
    args = parser.parse_args()
    sizes = (100, 300, 1_000) if args.quick else (1_000, 10_000, 100_000)
    throughput_n = 300 if args.quick else 10_000
    rows: list[tuple[str, str, str]] = []

    deps = "import durable.engine, yaml, typer, pydantic, rich"
    pass_t, deps_t, model_t, case_t, cold_t = walls(
        [
            [PY, "-c", "pass"],
            [PY, "-c", deps],
            [PY, "-c", f"{deps}; from pydantic import BaseModel"],
            [PY, "-c", f"{deps}, detention_rules.input.case"],
            [*WGAD, "check", str(REFERENCE)],
        ]
    )
    rows += [
        ("python -c pass", f"{pass_t * 1000:.0f} ms", ""),
        ("import dependencies alone", f"{deps_t * 1000:.0f} ms", ""),
        ("  ... and pydantic.BaseModel", f"{model_t * 1000:.0f} ms", "pydantic loads its model machinery lazily"),
        ("  ... and the case model", f"{case_t * 1000:.0f} ms", f"{case_t / deps_t:.2f}x dependencies"),
        (
            "cold wgad check (reference case)",
            f"{cold_t * 1000:.0f} ms",
            f"{cold_t / deps_t:.2f}x dependencies (target <= 1.5x)",
        ),
    ]

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    from stages import stages

    from detention_rules.reasoning import engine, runnable

    t = time.perf_counter()
    book = runnable.load()
    t_rules = time.perf_counter() - t
    t = time.perf_counter()
    engine.for_rulebook(book)
    t_engine = time.perf_counter() - t
    rows += [
        ("load and check rules", f"{t_rules * 1000:.1f} ms", f"{len(book.rules)} rules"),
        ("compile into durable-rules", f"{t_engine * 1000:.1f} ms", "once per process"),
    ]

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        folder = generate(base / "n", throughput_n)
        files = sorted(folder.glob("*.yaml"))
        split = stages(files[:1000])
        total = sum(split.values())
        for name, ms in split.items():
            rows.append((f"per case: {name}", f"{ms:.3f} ms", f"{ms / total:.0%}"))
        floor = statistics.median(parse_floor(files) for _ in range(RUNS))
        rows.append(("per case: parse floor (libyaml alone)", f"{floor * 1000:.3f} ms", f"median of {RUNS}"))
        for jobs in (1, 2):
            elapsed = statistics.median(run_batch(folder, jobs) for _ in range(RUNS))
            per_case = elapsed / len(files)
            note = f"{per_case / floor:.1f}x the parse floor; median of {RUNS}"
            if jobs == 2:
                note += "; targets >= 1,000 cases/s and <= 3x"
            rows.append((f"{len(files):,} cases, {jobs} job(s)", f"{len(files) / elapsed:,.0f} cases/s", note))
        peaks = {}
        for n in sizes:
            folder_n = folder if n == throughput_n else generate(base / f"m{n}", n)
            peaks[n] = peak_single(folder_n)
            rows.append((f"peak memory, {n:,} cases (1 job)", f"{peaks[n] / 1024:.0f} MiB", ""))
        rows.append(("peak at largest / smallest", f"{peaks[sizes[-1]] / peaks[sizes[0]]:.2f}x", "target <= 1.2x"))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>14}  note")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>14}  {note}")


if __name__ == "__main__":
    main()
