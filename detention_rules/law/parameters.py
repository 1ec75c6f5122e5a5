"""The thresholds rules read (48 hours, 180 days...), loaded from rules/parameters.yaml with their sources."""

# No `from __future__ import annotations`: the rules cache reads this module's types (reasoning/rules_cache.py).
from pathlib import Path

import msgspec

from detention_rules import words
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
        problem((), _says("file_shape"))
        return out, problems
    for name, entry in table.items():
        where = ("parameters", name)
        if not isinstance(entry, dict) or set(entry) != _KEYS:
            problem(where, _says("keys", name=name, keys=", ".join(sorted(_KEYS))))
            continue
        value = entry["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1e9:
            problem((*where, "value"), _says("value", name=name))
            continue
        if entry["basis"] not in BASES:
            problem((*where, "basis"), _says("basis", choices=", ".join(BASES)))
            continue
        texts = [entry[k] for k in ("unit", "description", "source")]
        if not all(isinstance(t, str) and t for t in texts):
            problem(where, _says("texts", name=name))
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


def _says(key: str, /, **parts: object) -> str:
    """A problem in the parameters file, in words (locales/<lang>/law.yaml, `parameters:`), read only then."""
    return words.of("law", "parameters")[key].format(**parts)
