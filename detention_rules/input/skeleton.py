"""A case-file skeleton generated from the case model: every field, in order, commented."""

from __future__ import annotations

from typing import Any

from detention_rules import words
from detention_rules.input.case import fields

#: The first line: the editor's schema, in no language.
SCHEMA_LINE = "# yaml-language-server: $schema=case.schema.json\n"


def _comment(entry: dict[str, Any]) -> str:
    w = words.of("cli", "skeleton")
    parts = []
    if entry["description"]:
        parts.append(entry["description"].rstrip("."))
    if entry.get("choices") and entry["kind"] in ("enum", "list"):
        parts.append(w["one_of" if entry["kind"] == "enum" else "list_of"].format(choices=", ".join(entry["choices"])))
    elif entry["kind"] == "bool":
        parts.append(w["bool"])
    return f"  # {' - '.join(parts)}" if parts else ""


def _lines(model: str, indent: str) -> list[str]:
    w = words.of("cli", "skeleton")
    out = []
    for entry in fields(model):
        name, kind = entry["name"], entry["kind"]
        if model == "Case" and name == "expected":
            out.append(f"{indent}{name}:  # {w['expected']}")
            out.append(f"{indent}  categories: []")
            out.append(f"{indent}  not_found: []")
            continue
        if kind == "items":
            out.append(f"{indent}{name}:{_comment({**entry, 'kind': ''})}")
            out.append(f"{indent}  - # {w['item'].format(name=name)}")
            item = _lines(entry["model"], indent + "    ")
            out.append(f"{indent}    {item[0].lstrip()}")
            out += item[1:]
        elif kind == "model":
            out.append(f"{indent}{name}:{_comment({**entry, 'kind': ''})}")
            out += _lines(entry["model"], indent + "  ")
        else:
            out.append(f"{indent}{name}:{_comment(entry)}")
    return out


def skeleton() -> str:
    """The text of a new case file that validates as it stands."""
    header = "".join(f"# {line}\n" for line in words.of("cli", "skeleton")["header"].splitlines())
    return SCHEMA_LINE + header + "\n".join(_lines("Case", "")) + "\n"
