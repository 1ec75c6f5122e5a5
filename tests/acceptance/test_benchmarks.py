"""Every script in benchmarks/ runs, on inputs too small for its figures to mean anything.

The scripts are run by hand, so nothing else would notice one that no longer runs: worst.py
imported a module that had moved (issue 26), then the model's source, which needs pydantic
(issue 33). Each runs in a fresh interpreter, as by hand, as docs/performance.md says to run
them: from a checkout, timing the installed package with only the `bench` extra. So each runs
from a copy of benchmarks/ beside a package that must not be imported (a script that timed its
checkout's code instead of the installed package, as run.py did, fails) and without pydantic.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

BENCHMARKS = ROOT / "benchmarks"

#: Each script's smallest run, and a line its output must have; FOLDER is a folder of 3 generated cases.
SMOKE = {
    "generate.py": (["FOLDER", "3"], ""),
    "stages.py": (["FOLDER"], "engine"),
    "models.py": (["--smoke"], "pydantic-core, generated core schema (chosen)"),
    "run.py": (["--smoke"], "cold wgad check (reference case)"),
    "serve.py": (["1"], "serve: changed fact -> new findings"),
    "worst.py": (["--smoke", "--only", "detainees"], "detainees"),
    "identical.py": (["--smoke", "FOLDER/out"], "44 of 44 runs byte-identical"),
}


def test_every_script_has_its_smoke_run() -> None:
    assert sorted(SMOKE) == sorted(p.name for p in BENCHMARKS.glob("*.py"))


def _checkout(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A copy of benchmarks/ in a checkout whose package refuses to be imported, and an environment without
    pydantic (an install with the `bench` extra only)."""
    checkout = tmp_path / "checkout"
    shutil.copytree(BENCHMARKS, checkout / "benchmarks", ignore=shutil.ignore_patterns("__pycache__"))
    (checkout / "detention_rules").mkdir()
    (checkout / "detention_rules" / "__init__.py").write_text(
        "raise ImportError('a benchmark imported the checkout beside it, not the installed package')\n"
    )
    for shared in ("cases", "docs"):
        (checkout / shared).symlink_to(ROOT / shared)
    hidden = tmp_path / "hidden" / "pydantic"
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text("raise ImportError('no pydantic: the bench extra alone')\n")
    return checkout / "benchmarks", {**os.environ, "PYTHONPATH": str(hidden.parent)}


#: Further runs of a script: its other ways of running.
MORE = {
    **{
        f"stages.py --alone {stage}": ("stages.py", ["FOLDER", "--alone", stage, "--repeat", "2"], "median of 2 passes")
        for stage in ("parse", "validate", "facts", "engine", "explain", "render")
    },
    "run.py --done": ("run.py", ["--smoke", "--done"], "in CPU"),  # the measures alone, CPU beside wall
}


@pytest.mark.parametrize("script", sorted(SMOKE) + sorted(MORE))
def test_the_script_runs(script: str, tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    script, args, expected = MORE[script] if script in MORE else (script, *SMOKE[script])
    if script != "generate.py":
        subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), str(folder), "3"], check=True, timeout=120)
    scripts, env = _checkout(tmp_path)
    out = subprocess.run(
        [sys.executable, str(scripts / script), *(a.replace("FOLDER", str(folder)) for a in args)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
        check=False,
        env=env,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert expected in out.stdout
    if script == "generate.py":
        assert len(list(folder.glob("*.yaml"))) == 3
    if script == "worst.py":  # every command ran on the file and exited 0: its last column
        rows = [line.split() for line in out.stdout.splitlines()[1:]]
        assert len(rows) == 7 and all(row[-1] == "0" for row in rows)
    if script == "run.py" and "--done" not in args:  # the package it timed is the installed one; its stages add up
        installed = subprocess.run(  # not this process's: pytest imports the checkout beside a non-editable install
            [sys.executable, "-c", "import detention_rules as d, pathlib; print(pathlib.Path(d.__file__).parent)"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=True,
            env=env,
        ).stdout.strip()
        assert f"timing the package at {installed} " in out.stdout
        split = {
            line.split()[2].rstrip(":"): float(line.split()[3])
            for line in out.stdout.splitlines()
            if line.startswith("per case: ") and line.split()[4] == "ms"
        }
        assert list(split)[-2:] == ["other", "whole"]
        assert split["render"] > 0 and abs(sum(split.values()) - 2 * split["whole"]) < 0.01
