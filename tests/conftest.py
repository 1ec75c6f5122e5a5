"""Shared fixtures: the shipped rulebook and a helper that runs a case given as data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from detention_rules import pipeline
from detention_rules.pipeline import CaseResult

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases"
REFERENCE = CASES / "ilyashev-kazakhstan-2022.yaml"


def run(data: dict[str, Any] | str, name: str = "<test>") -> CaseResult:
    """Check a case given as a dict or as YAML text."""
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
    return pipeline.check_text(text, name)


def wgad(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user would, in a fresh interpreter; a hang fails the test, not the suite."""
    return subprocess.run(
        [sys.executable, "-m", "detention_rules", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=300,
    )
