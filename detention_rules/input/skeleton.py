"""Case-file skeletons generated from the model, in the questionnaire's order, commented: the drafter's (the
facts of a submission, `wgad new`) and the encoder's (every field, `wgad new --full`)."""

from __future__ import annotations

from typing import Any

from detention_rules import words
from detention_rules.input.case import field_types, fields
from detention_rules.input.fields import FACT_SECTIONS, asked_in_words, dated, questionnaire

#: The facts a drafter's first submission states (`wgad new`, which writes them in the questionnaire's order:
#: who, the State, the arrest, each period of custody, what the person did, the trial, the sentence,
#: discrimination, the Government's reply and who submits). Every other field stays available (`wgad new
#: --full`, the schema).
DRAFTER_FIELDS = (
    "title",
    "person.name",
    "person.sex",
    "person.birth_date",
    "person.nationality",
    "person.occupation",
    "person.status",
    "person.released",
    "state.name",
    "arrest.date",
    "arrest.place",
    "arrest.warrant_shown",
    "arrest.reasons_given",
    "arrest.charged",
    "arrest.charges",
    "arrest.legal_provisions",
    "detention[].kind",
    "detention[].start",
    "detention[].end",
    "detention[].place",
    "detention[].ordered_by",
    "detention[].brought_before_judge",
    "detention[].judge_date",
    "detention[].incommunicado",
    "detention[].family_notified",
    "detention[].ill_treatment",
    "detention[].could_challenge",
    "conduct[].right",
    "conduct[].description",
    "conduct[].date",
    "conduct[].peaceful",
    "conduct[].cited_by_authorities",
    "trial.held",
    "trial.start",
    "trial.court",
    "trial.public",
    "trial.judges_removable",
    "trial.counsel.access_pretrial",
    "trial.counsel.access_trial",
    "trial.defence_witnesses_refused",
    "trial.appeal",
    "sentence.kind",
    "sentence.years",
    "discrimination.grounds",
    "government.replied",
    "submission.source",
    "submission.consent",
    "notes",
)

#: The schema's file, beside the case (`wgad new` writes it there when none is), and the skeleton's first line
#: that names it for the editor, in no language.
SCHEMA_FILE = "case.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}\n"


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
    """The encoder's skeleton (`wgad new --full`): every field of the model, a file that validates as it stands."""
    return SCHEMA_LINE + _header("header") + "\n".join(_lines("Case", "")) + "\n"


def drafter_skeleton() -> str:
    """The drafter's skeleton (`wgad new`): the facts of a submission (`DRAFTER_FIELDS`), each with its question,
    under 100 lines, a file that validates as it stands."""
    types = field_types()
    w = words.of("cli", "skeleton")
    out: list[str] = []
    opened: list[str] = []  # the sections and list items written so far, as generic paths
    for path in sorted(DRAFTER_FIELDS, key=_place):
        parts = path.split(".")
        for depth in range(len(parts)):
            section = ".".join(parts[: depth + 1])
            if section in opened:
                continue
            opened.append(section)
            name = parts[depth].removesuffix("[]")
            indent = "  " * depth + "  " * sum(p.endswith("[]") for p in parts[:depth])
            if depth == len(parts) - 1:
                ftype = types[path]
                question = asked_in_words(path)
                date = ftype.kind == "text" and dated(name)
                entry = {"kind": ftype.kind, "choices": ftype.choices, "description": question or (date and w["date"])}
                line = f"{indent}{name}:{_comment(entry)}"
            else:
                line = f"{indent}{name}:"
            first_in_item = (
                depth > 0 and parts[depth - 1].endswith("[]") and ".".join(parts[:depth]) + ".*" not in opened
            )
            if first_in_item:
                opened.append(".".join(parts[:depth]) + ".*")
                line = f"{indent[:-2]}- {line.lstrip()}"
            out.append(line)
            if parts[depth].endswith("[]") and depth < len(parts) - 1:
                out[-1] += f"  # {w['item'].format(name=name)}"
    return SCHEMA_LINE + _header("drafter_header") + "\n".join(out) + "\n"


def _place(path: str) -> tuple[int, int]:
    """A field's place in the questionnaire: its section's (`FACT_SECTIONS`: identity, the State, the arrest...;
    the title first, the notes last), then the field's within the section."""
    order = list(questionnaire())
    sections = ("title", *FACT_SECTIONS, "notes")
    return sections.index(path.split(".")[0].removesuffix("[]")), order.index(path)


def _header(key: str) -> str:
    return "".join(f"# {line}\n" for line in words.of("cli", "skeleton")[key].splitlines())
