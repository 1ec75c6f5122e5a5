"""Every script in benchmarks/ runs, on inputs too small for its figures to mean anything.

The scripts are run by hand, so nothing else would notice one that no longer runs: worst.py
imported a module that had moved (issue 26). Each runs in a fresh interpreter, as by hand.
"""

from __future__ import annotations

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
}


def test_every_script_has_its_smoke_run() -> None:
    assert sorted(SMOKE) == sorted(p.name for p in BENCHMARKS.glob("*.py"))


@pytest.mark.parametrize("script", sorted(SMOKE))
def test_the_script_runs(script: str, tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    if script != "generate.py":
        subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), str(folder), "3"], check=True, timeout=120)
    args, expected = SMOKE[script]
    out = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *(str(folder) if a == "FOLDER" else a for a in args)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert expected in out.stdout
    if script == "generate.py":
        assert len(list(folder.glob("*.yaml"))) == 3
    if script == "worst.py":  # every command ran on the file and exited 0: its last column
        rows = [line.split() for line in out.stdout.splitlines()[1:]]
        assert len(rows) == 7 and all(row[-1] == "0" for row in rows)
