"""Measure detention-rules on this machine and print a table (run by hand, never by the test suite).

    python benchmarks/run.py [--quick | --smoke] [--done] [--cases N] [--sizes N,N,...]

Generates synthetic cases (benchmarks/generate.py, seeded) in a temporary folder,
then measures: cold `wgad check` of the reference case against `python -c pass`
and the import time of the third-party modules it loads (listed); cold `wgad validate`
against yamllint and check-jsonschema on the same file (the `bench` extra); rule loading; the per-case time of each
stage, which add up to the whole (render: the JSON built and serialised); throughput on
10,000 cases (`--cases`) with 1 and 2 jobs against the floor on as many cores (libyaml's parse
and the engine alone on the same compiled rules, in 1 and in 2 processes); and peak memory in
text, JSON and JSON Lines at 1,000, 10,000 and 50,000 cases (`--sizes`). `--quick` uses
smaller numbers; `--smoke` a handful of files and one run of each measure, to check
that the script works (its figures mean nothing). `--done` keeps only what issue 33's "Done
means" needs: the floors and the 1- and 2-job rates, and peak memory at the smallest and largest
size (1,000 and 50,000 cases) in each format. Each throughput row gives wall time and CPU time (user
and system of the child processes, `RUSAGE_CHILDREN`; the floor runs in forked children too, on as
many cores), since on a shared machine the wall time moves with others' load far more than the CPU
time does. The closing lines say which targets were met.

It times the installed package (`pip install .`), as users run it, never a checkout beside this
script: the first lines say which, and each row the machine's load average (1 minute) when it was
taken, since on a shared machine the figures move with it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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


def model_step(files: list[Path], runs: int = RUNS) -> tuple[float, float | None]:
    """Milliseconds per case to validate parsed data with the runtime model, and with the pydantic
    classes it is generated from (None without pydantic); the two take turns, median of 3."""
    from detention_rules.input import case, source

    data = [source.load(f).data for f in files]
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))  # the model's source, tools/, from the checkout; last, so never the package

    def per_case(parse: Any) -> float:
        t = time.perf_counter()
        for d in data:
            parse(d)
        return (time.perf_counter() - t) / len(data) * 1000

    try:
        from tools import case_model as model
    except ImportError:
        return statistics.median(per_case(case.parse) for _ in range(runs)), None
    ours: list[float] = []
    theirs: list[float] = []
    for run in range(runs * 2):  # in turns, each first half of the time
        first, second = (ours, theirs) if run % 2 else (theirs, ours)
        first.append(per_case(case.parse if first is ours else model.Case.model_validate))
        second.append(per_case(case.parse if second is ours else model.Case.model_validate))
    return statistics.median(ours), statistics.median(theirs)


def _linters() -> dict[str, list[str]]:
    """yamllint and check-jsonschema on the reference case, where installed (the `bench` extra)."""
    found = {}
    for name, args in (
        ("yamllint", [str(REFERENCE)]),
        ("check-jsonschema", ["--schemafile", str(ROOT / "docs" / "case.schema.json"), str(REFERENCE)]),
    ):
        script = Path(PY).with_name(name)
        if script.exists():
            found[name] = [str(script), *args]
    return found


def loaded_by(args: list[str]) -> list[str]:
    """The third-party top-level modules a `wgad` command loads (installed outside the standard library)."""
    code = (
        "import sys, sysconfig\n"
        "from detention_rules.interfaces.entry import main\n"
        f"sys.argv = ['wgad', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "roots = {sysconfig.get_paths()[k] for k in ('purelib', 'platlib')}\n"
        "names = {m.split('.')[0] for m, mod in list(sys.modules.items())\n"
        "         if any(str(getattr(mod, '__file__', None) or '').startswith(r) for r in roots)}\n"
        "print(' '.join(sorted(n for n in names if n.isidentifier() and not n.startswith(('_', 'detention_rules')))),"
        " file=sys.stderr)\n"
    )
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=False, cwd=NEUTRAL)
    return out.stderr.split()


#: Runs of each cold start: on a shared machine one command's median moved by 10-20% between rounds of 11.
COLD_RUNS = 21


def walls(cmds: list[list[str]], runs: int = COLD_RUNS, exits: tuple[int, ...] = (0,)) -> list[float]:
    """Median wall time of each command, in seconds; the commands take turns, so drift hits all alike.

    `exits`: the exit codes that mean the command ran (a linter exits 1 when it finds something).
    """
    return [statistics.median(t) for t in _timed(cmds, runs, exits)]


def _timed(cmds: list[list[str]], runs: int, exits: tuple[int, ...]) -> list[list[float]]:
    """Every run's wall time of each command, in seconds, the commands taking turns."""
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for cmd, out in zip(cmds, times, strict=True):
            t = time.perf_counter()
            done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, cwd=NEUTRAL)
            out.append(time.perf_counter() - t)
            if done.returncode not in exits:
                raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return times


def generate(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([PY, str(HERE / "generate.py"), str(folder), str(n)], check=True)
    return folder


def children_cpu() -> float:
    """CPU seconds (user and system) of every child process waited for so far: measures are its differences."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def parse_floor(files: list[Path]) -> float:
    """Seconds per file to read and parse with libyaml's C loader alone."""
    import yaml

    t = time.perf_counter()
    for f in files:
        yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)
    return (time.perf_counter() - t) / len(files)


#: What the floor's processes share (forked): the files, each one's fact document, the engine.
_floor: tuple[list[Path], list[Any], Any] | None = None


def _floor_part(part: int, parts: int) -> float:
    """Seconds for one process's share of the floor: its files parsed by libyaml, their facts run by the engine."""
    import yaml

    assert _floor is not None
    files, facts, engine = _floor
    t = time.perf_counter()
    for f in files[part::parts]:
        yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)
    for fx in facts[part::parts]:
        engine.run(fx)
    return time.perf_counter() - t


def floor(files: list[Path], cores: int) -> tuple[float, float]:
    """Seconds per case, wall and CPU, of the least work a case needs in Python, on `cores` processes at once:
    libyaml's parse and the engine's run of its fact document (durable-rules on the same compiled rules).

    The fact documents are built once beforehand, untimed; each of `cores` forked processes (as the batch's
    workers are) takes its share of the files. Wall: the slowest one's time; CPU: all of theirs.
    """
    global _floor
    if _floor is None or _floor[0] != files:
        from detention_rules import pipeline
        from detention_rules.reasoning import facts, runnable

        book = runnable.load()
        docs = []
        for path in files:
            doc, result = pipeline.read(path)
            if doc is not None and result.case is not None and result.valid:
                docs.append(facts.build(book, result.case, doc))
        _floor = (files, docs, book.engine)
    cpu = children_cpu()
    with multiprocessing.get_context("fork").Pool(cores) as pool:
        wall = max(pool.starmap(_floor_part, [(i, cores) for i in range(cores)]))
        pool.close()
        pool.join()  # waited for: their CPU is in RUSAGE_CHILDREN
    return wall / len(files), (children_cpu() - cpu) / len(files)


def load() -> str:
    """The machine's load average over the last minute, now."""
    return f"{os.getloadavg()[0]:.1f}"


def run_batch(folder: Path, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds (the command and its workers) of `wgad check -f jsonl` over a folder (peak memory:
    `peak_single`)."""
    cpu = children_cpu()
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
    return elapsed, children_cpu() - cpu


def peak_single(folder: Path, fmt: str = "jsonl") -> int:
    """Peak RSS in KiB of one single-job run in format `fmt`, measured in a fresh interpreter."""
    code = (
        "import resource, subprocess, sys;"
        f"subprocess.run({[*WGAD, 'check', '-f', fmt, '-j', '1', str(folder)]!r}, stdout=subprocess.DEVNULL,"
        " stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    return int(subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True, cwd=NEUTRAL).stdout)


#: A table row: the measure, its value, a note, the load average when it was taken.
Rows = list[tuple[str, str, str, str]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    scale = parser.add_mutually_exclusive_group()
    scale.add_argument("--quick", action="store_true", help="small sizes")
    scale.add_argument("--smoke", action="store_true", help="a handful of files, one run each: the script works")
    parser.add_argument("--done", action="store_true", help="only what issue 33's 'Done means' needs")
    parser.add_argument("--cases", type=int, help="cases of the throughput runs (default 10,000)")
    parser.add_argument("--sizes", help="cases of the memory runs, comma-separated (default 1000,10000,50000)")
    args = parser.parse_args()
    sizes: tuple[int, ...] = (2, 4, 8) if args.smoke else (100, 300, 1_000) if args.quick else (1_000, 10_000, 50_000)
    if args.done:
        sizes = (sizes[0], sizes[-1])
    if args.sizes:
        sizes = tuple(int(n) for n in args.sizes.split(","))
    throughput_n = args.cases or (8 if args.smoke else 300 if args.quick else 10_000)
    repeats, cold_runs = (1, 1) if args.smoke else (RUNS, COLD_RUNS)
    rows: Rows = []

    import detention_rules

    package = Path(detention_rules.__file__).parent
    print(
        f"timing the package at {package} ({'a checkout' if (package.parent / 'benchmarks').is_dir() else 'installed'})"
    )
    print(f"with {WGAD[0]}; {os.cpu_count()} cores; load average {load()} at the start")
    targets: dict[str, bool] = {}
    if not args.done:
        cold_starts(rows, targets, cold_runs)

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        folder = generate(base / "n", throughput_n)
        files = sorted(folder.glob("*.yaml"))
        if not args.done:
            per_case(rows, targets, files, repeats)
        throughput(rows, targets, files, folder, repeats)
        memory(rows, targets, base, sizes, throughput_n, folder)

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>14}  {'load':>5}  note")
    for name, value, note, at in rows:
        print(f"{name:<{width}}  {value:>14}  {at:>5}  {note}")
    print()
    for target, met in targets.items():
        print(f"target {'met' if met else 'MISSED'}: {target}")
    if not args.done:
        missing = sorted({"yamllint", "check-jsonschema"} - set(_linters()))
        if missing:
            print(f"not measured, not installed: {', '.join(missing)} (pip install '.[bench]')")


def cold_starts(rows: Rows, targets: dict[str, bool], cold_runs: int) -> None:
    """Cold `wgad check` against its dependencies' import, cold `wgad validate` against the linters."""
    linters = _linters()
    deps = loaded_by(["check", str(REFERENCE)])
    deps_import = f"import {', '.join(deps)}"
    runs = _timed(
        [
            [PY, "-c", "pass"],
            [PY, "-c", deps_import],
            [PY, "-c", f"{deps_import}; from detention_rules.input import case; case.validator()"],
            [*WGAD, "check", str(REFERENCE)],
            [*WGAD, "validate", str(REFERENCE)],
            *linters.values(),
        ],
        cold_runs,
        (0, 1),  # yamllint reports the reference case's long lines
    )
    timed = [statistics.median(t) for t in runs]
    pass_t, deps_t, case_t, cold_t, validate_t = timed[:5]
    fastest = min(runs[3]) / min(runs[1])  # noise only ever adds time: the fastest runs are the least disturbed
    linter_t = dict(zip(linters, timed[5:], strict=True))
    cold = f"median of {cold_runs}"
    rows += [
        ("python -c pass", f"{pass_t * 1000:.0f} ms", cold, load()),
        ("import the third-party modules check loads", f"{deps_t * 1000:.0f} ms", deps_import, load()),
        (
            "  ... and the case model's validator",
            f"{case_t * 1000:.0f} ms",
            f"{case_t / deps_t:.2f}x dependencies",
            load(),
        ),
        (
            "cold wgad check (reference case)",
            f"{cold_t * 1000:.0f} ms",
            f"{cold_t / deps_t:.2f}x dependencies (target <= 1.5x); fastest runs: {fastest:.2f}x",
            load(),
        ),
        ("cold wgad validate (reference case)", f"{validate_t * 1000:.0f} ms", cold, load()),
    ]
    for name, t in linter_t.items():
        note = f"wgad validate is {validate_t / t:.2f}x"
        rows.append((f"cold {name} (reference case)", f"{t * 1000:.0f} ms", note, load()))
    targets["cold check <= 1.5x its dependencies' import"] = cold_t / deps_t <= 1.5
    targets.update({f"cold validate faster than {name}": validate_t < t for name, t in linter_t.items()})


def per_case(rows: Rows, targets: dict[str, bool], files: list[Path], repeats: int) -> None:
    """Loading the rules, the stages of a case, the model step and libyaml's parse alone."""
    from stages import stages  # beside this script (sys.path[0]); the package is the installed one

    from detention_rules.reasoning import runnable

    t = time.perf_counter()
    book = runnable.load()
    t_rules = time.perf_counter() - t
    t = time.perf_counter()
    book.engine  # noqa: B018 - compiled here, once
    t_engine = time.perf_counter() - t
    rows += [
        ("load and check rules", f"{t_rules * 1000:.1f} ms", f"{len(book.rules)} rules", load()),
        ("compile into durable-rules", f"{t_engine * 1000:.1f} ms", "once per process", load()),
    ]

    split = stages(files[:1000])
    for name, ms in split.items():
        share = f"{ms / split['whole']:.0%} of {min(len(files), 1000):,} cases"
        rows.append((f"per case: {name}", f"{ms:.3f} ms", share, load()))
    ours, classes = model_step(files[:1000], repeats)
    if classes is not None:
        note = f"the pydantic classes, as before: {classes:.3f} ms (same files, same run)"
        rows.append(("per case: the model step alone", f"{ours:.3f} ms", note, load()))
        targets["per case validation no slower than with the pydantic classes"] = ours <= classes
    parse = statistics.median(parse_floor(files) for _ in range(repeats))
    rows.append(("per case: libyaml's parse alone", f"{parse * 1000:.3f} ms", f"median of {repeats}", load()))


def throughput(rows: Rows, targets: dict[str, bool], files: list[Path], folder: Path, repeats: int) -> None:
    """The floor on 1 and 2 cores, then `wgad check -f jsonl` with 1 and 2 jobs: wall and CPU a case."""
    floors: dict[int, tuple[float, float]] = {}
    for cores in (1, 2):
        walls_, cpus = zip(*(floor(files, cores) for _ in range(repeats)), strict=True)
        floors[cores] = statistics.median(walls_), statistics.median(cpus)
        note = (
            f"libyaml's parse + the engine alone, {len(files):,} cases in {cores} process(es); CPU "
            f"{floors[cores][1] * 1000:.3f} ms a case; median of {repeats}"
        )
        rows.append((f"floor, {cores} core(s)", f"{1 / floors[cores][0]:,.0f} cases/s", note, load()))
    rates, cpu = {}, {}
    for jobs in (1, 2):
        walls_, cpus = zip(*(run_batch(folder, jobs) for _ in range(repeats)), strict=True)
        rates[jobs] = len(files) / statistics.median(walls_)
        cpu[jobs] = statistics.median(cpus) / len(files)
        note = (
            f"{1 / rates[jobs] / floors[jobs][0]:.2f}x the floor on {jobs} core(s) in wall time, "
            f"{cpu[jobs] / floors[jobs][1]:.2f}x in CPU ({cpu[jobs] * 1000:.3f} ms a case); median of {repeats}"
        )
        rows.append((f"{len(files):,} cases, {jobs} job(s), -f jsonl", f"{rates[jobs]:,.0f} cases/s", note, load()))
    rows.append(
        (
            "  2 jobs / 1 job",
            f"{rates[2] / rates[1]:.2f}x",
            f"target >= 1.8x; CPU a case {cpu[2] / cpu[1]:.2f}x 1 job's (1.8x on two free cores needs <= 1.11x)",
            load(),
        )
    )
    targets["1 job within 2x of the floor on 1 core (wall time)"] = 1 / rates[1] <= 2 * floors[1][0]
    targets["1 job within 2x of the floor on 1 core (CPU time)"] = cpu[1] <= 2 * floors[1][1]
    targets["2 jobs at least 1.8x 1 job"] = rates[2] >= 1.8 * rates[1]


def memory(rows: Rows, targets: dict[str, bool], base: Path, sizes: tuple[int, ...], n: int, folder: Path) -> None:
    """Peak memory of one job at each size, in each format: the largest against the smallest."""
    for fmt in ("text", "json", "jsonl"):
        peaks = {}
        for size in sizes:
            folder_n = folder if size == n else base / f"m{size}"
            if not folder_n.exists():
                generate(folder_n, size)
            peaks[size] = peak_single(folder_n, fmt)
            rows.append((f"peak memory, {size:,} cases, 1 job, -f {fmt}", f"{peaks[size] / 1024:.0f} MiB", "", load()))
        ratio = peaks[sizes[-1]] / peaks[sizes[0]]
        rows.append((f"  -f {fmt}: {sizes[-1]:,} / {sizes[0]:,} cases", f"{ratio:.2f}x", "target <= 1.2x", load()))
        targets[f"peak memory flat in -f {fmt} (<= 1.2x)"] = ratio <= 1.2


if __name__ == "__main__":
    main()
