"""A case-file skeleton generated from the case model: every field, in order, commented."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from detention_rules.input.case import Case, FieldType, describe

HEADER = """\
# yaml-language-server: $schema=case.schema.json
# A detention case for `wgad check`. Leave a field empty (null) when it is unknown:
# unknown is never read as false. Any fact may carry its provenance:
#   warrant_shown: {value: false, by: [source], ref: "petition para 4", contested: false}
# For completion and inline errors in an editor: `wgad schema > case.schema.json` beside this file.
"""


def _comment(info: Any, described: object) -> str:
    parts = []
    if info.description:
        parts.append(info.description.rstrip("."))
    if isinstance(described, FieldType) and described.choices:
        parts.append(
            "one of: " + ", ".join(described.choices)
            if described.kind == "enum"
            else "list of: " + ", ".join(described.choices)
        )
    elif isinstance(described, FieldType) and described.kind == "bool":
        parts.append("true / false")
    return f"  # {' - '.join(parts)}" if parts else ""


def _lines(model: type[BaseModel], indent: str) -> list[str]:
    out = []
    for name, info in model.model_fields.items():
        if model is Case and name in ("expected",):
            out.append(f"{indent}{name}:  # for cases from an opinion: what it found (see docs/case-format.md)")
            out.append(f"{indent}  categories: []")
            out.append(f"{indent}  not_found: []")
            continue
        described = describe(info.annotation)
        if isinstance(described, tuple):
            out.append(f"{indent}{name}:{_comment(info, None)}")
            out.append(f"{indent}  - # one item per {name} entry")
            item = _lines(described[1], indent + "    ")
            out.append(f"{indent}    {item[0].lstrip()}")
            out += item[1:]
        elif isinstance(described, type):
            out.append(f"{indent}{name}:{_comment(info, None)}")
            out += _lines(described, indent + "  ")
        else:
            out.append(f"{indent}{name}:{_comment(info, described)}")
    return out


def skeleton() -> str:
    """The text of a new case file that validates as it stands."""
    return HEADER + "\n".join(_lines(Case, "")) + "\n"
