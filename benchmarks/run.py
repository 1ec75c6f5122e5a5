"""Measure detention-rules on this machine and print a table (run by hand, never by the test suite).

    python benchmarks/run.py [--quick | --smoke]

Generates synthetic cases (benchmarks/generate.py, seeded) in a temporary folder,
then measures: cold `wgad check` of the reference case against `python -c pass`
and the import time of the third-party modules it loads (listed); cold `wgad validate`
against yamllint and check-jsonschema on the same file (the `bench` extra); rule loading; the per-case time of each
stage; throughput on 10,000 cases with 1 and 2 jobs against the libyaml parse
floor; and peak memory at 1,000, 10,000 and 100,000 cases. `--quick` uses
smaller numbers; `--smoke` a handful of files and one run of each measure, to check
that the script works (its figures mean nothing). The closing lines say which targets were met.
"""

from __future__ import annotations

import argparse
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

    def per_case(parse: Any) -> float:
        t = time.perf_counter()
        for d in data:
            parse(d)
        return (time.perf_counter() - t) / len(data) * 1000

    try:
        from tools import case_model as model
    except ImportError:
        return statistics.median(per_case(case.parse) for _ in range(runs)), None
    ours, theirs = [], []
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
    scale = parser.add_mutually_exclusive_group()
    scale.add_argument("--quick", action="store_true", help="small sizes")
    scale.add_argument("--smoke", action="store_true", help="a handful of files, one run each: the script works")
    args = parser.parse_args()
    sizes = (2, 4, 8) if args.smoke else (100, 300, 1_000) if args.quick else (1_000, 10_000, 100_000)
    throughput_n = 8 if args.smoke else 300 if args.quick else 10_000
    repeats, cold_runs = (1, 1) if args.smoke else (RUNS, COLD_RUNS)
    rows: list[tuple[str, str, str]] = []

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
    rows += [
        ("python -c pass", f"{pass_t * 1000:.0f} ms", ""),
        ("import the third-party modules check loads", f"{deps_t * 1000:.0f} ms", deps_import),
        ("  ... and the case model's validator", f"{case_t * 1000:.0f} ms", f"{case_t / deps_t:.2f}x dependencies"),
        (
            "cold wgad check (reference case)",
            f"{cold_t * 1000:.0f} ms",
            f"{cold_t / deps_t:.2f}x dependencies (target <= 1.5x); fastest runs: {fastest:.2f}x",
        ),
        ("cold wgad validate (reference case)", f"{validate_t * 1000:.0f} ms", ""),
    ]
    for name, t in linter_t.items():
        rows.append((f"cold {name} (reference case)", f"{t * 1000:.0f} ms", f"wgad validate is {validate_t / t:.2f}x"))
    targets = {
        "cold check <= 1.5x its dependencies' import": cold_t / deps_t <= 1.5,
        **{f"cold validate faster than {name}": validate_t < t for name, t in linter_t.items()},
    }

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    from stages import stages

    from detention_rules.reasoning import runnable

    t = time.perf_counter()
    book = runnable.load()
    t_rules = time.perf_counter() - t
    t = time.perf_counter()
    book.engine  # noqa: B018 - compiled here, once
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
        ours, classes = model_step(files[:1000], repeats)
        if classes is not None:
            note = f"the pydantic classes, as before: {classes:.3f} ms (same files, same run)"
            rows.append(("per case: the model step alone", f"{ours:.3f} ms", note))
            targets["per case validation no slower than with the pydantic classes"] = ours <= classes
        floor = statistics.median(parse_floor(files) for _ in range(repeats))
        rows.append(("per case: parse floor (libyaml alone)", f"{floor * 1000:.3f} ms", f"median of {repeats}"))
        for jobs in (1, 2):
            elapsed = statistics.median(run_batch(folder, jobs) for _ in range(repeats))
            per_case = elapsed / len(files)
            note = f"{per_case / floor:.1f}x the parse floor; median of {repeats}"
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
    print()
    for target, met in targets.items():
        print(f"target {'met' if met else 'MISSED'}: {target}")
    missing = sorted({"yamllint", "check-jsonschema"} - set(linters))
    if missing:
        print(f"not measured, not installed: {', '.join(missing)} (pip install '.[bench]')")


if __name__ == "__main__":
    main()
