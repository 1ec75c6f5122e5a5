"""A case-file skeleton generated from the case model: every field, in order, commented."""

from __future__ import annotations

from typing import Any

from detention_rules.input.case import fields

HEADER = """\
# yaml-language-server: $schema=case.schema.json
# A detention case for `wgad check`. Leave a field empty (null) when it is unknown:
# unknown is never read as false. Any fact may carry its provenance:
#   warrant_shown: {value: false, by: [source], ref: "petition para 4", contested: false}
# For completion and inline errors in an editor: `wgad schema > case.schema.json` beside this file.
"""


def _comment(entry: dict[str, Any]) -> str:
    parts = []
    if entry["description"]:
        parts.append(entry["description"].rstrip("."))
    if entry.get("choices") and entry["kind"] in ("enum", "list"):
        parts.append(("one of: " if entry["kind"] == "enum" else "list of: ") + ", ".join(entry["choices"]))
    elif entry["kind"] == "bool":
        parts.append("true / false")
    return f"  # {' - '.join(parts)}" if parts else ""


def _lines(model: str, indent: str) -> list[str]:
    out = []
    for entry in fields(model):
        name, kind = entry["name"], entry["kind"]
        if model == "Case" and name == "expected":
            out.append(f"{indent}{name}:  # for cases from an opinion: what it found (see docs/case-format.md)")
            out.append(f"{indent}  categories: []")
            out.append(f"{indent}  not_found: []")
            continue
        if kind == "items":
            out.append(f"{indent}{name}:{_comment({**entry, 'kind': ''})}")
            out.append(f"{indent}  - # one item per {name} entry")
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
    return HEADER + "\n".join(_lines("Case", "")) + "\n"
