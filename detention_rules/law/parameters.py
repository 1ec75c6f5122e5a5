"""The thresholds rules read (48 hours, 180 days...), loaded from rules/parameters.yaml with their sources."""

from __future__ import annotations

from pathlib import Path

import msgspec

from detention_rules.errors import Problem
from detention_rules.law.data_file import DataFile
from detention_rules.law.rule import BASES, Basis

#: The file beside the rule files that holds the parameters; the rule loader skips it.
FILE_NAME = "parameters.yaml"
_KEYS = {"value", "unit", "description", "source", "basis"}


class Parameter(msgspec.Struct, frozen=True):
    """One figure of the law, with where it comes from."""

    name: str
    value: int | float
    unit: str
    description: str
    source: str
    basis: Basis


def read(path: Path) -> tuple[dict[str, Parameter], list[Problem]]:
    """Every parameter in `path`, and every problem with the file."""
    file = DataFile(path, "parameter")
    doc, problem, problems = file.doc, file.problem, file.problems
    out: dict[str, Parameter] = {}
    table = doc.data.get("parameters") if isinstance(doc.data, dict) else None
    if not isinstance(table, dict):
        problem((), "a parameters file is a mapping with a 'parameters' mapping")
        return out, problems
    for name, entry in table.items():
        where = ("parameters", name)
        if not isinstance(entry, dict) or set(entry) != _KEYS:
            problem(where, f"parameter '{name}' needs exactly: {', '.join(sorted(_KEYS))}")
            continue
        value = entry["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1e9:
            problem((*where, "value"), f"parameter '{name}' must be a number from 0 to 1e9")
            continue
        if entry["basis"] not in BASES:
            problem((*where, "basis"), f"basis must be one of {', '.join(BASES)}")
            continue
        texts = [entry[k] for k in ("unit", "description", "source")]
        if not all(isinstance(t, str) and t for t in texts):
            problem(where, f"parameter '{name}': unit, description and source must be text")
            continue
        out[name] = Parameter(name, value, entry["unit"], entry["description"], entry["source"], entry["basis"])
    return out, problems


def default_dir() -> Path:
    """rules/ beside the package in a checkout, or the copy installed inside it."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_rules", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    return package.parent / "rules"
