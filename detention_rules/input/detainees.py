"""Several detainees in one case file: each person's case is the shared facts overlaid with their own.

A `detainees:` entry may repeat any section that can differ from one person to
another. What it gives replaces the shared section's fields for that person:
mappings merge field by field (a fact replaces a fact; `trial.counsel` merges
into `trial.counsel`), lists replace the shared list whole. Positions follow the
values, so a fact taken from a detainee's entry still points at its own line.
"""

from __future__ import annotations

from typing import Any

from detention_rules.input.case import field_types
from detention_rules.input.source import Document, PathKey

#: The sections a detainee's entry may give (the case model's `Detainee`).
PERSON_SECTIONS = ("person", "arrest", "detention", "conduct", "trial", "sentence", "discrimination")


def count(doc: Document) -> int:
    """How many detainees the file names; the skeleton's entry, left empty (`wgad new`), names none."""
    entries = doc.data.get("detainees") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list) or not any(map(_says_something, entries)):
        return 0
    return len(entries)


def _says_something(value: object) -> bool:
    if isinstance(value, dict):
        return any(map(_says_something, value.values()))
    if isinstance(value, list):
        return any(map(_says_something, value))
    return value is not None


def label(doc: Document, index: int) -> str:
    """How outputs name the person: their name, or their place in the list."""
    entry = doc.data["detainees"][index]
    person = entry.get("person") if isinstance(entry, dict) else None
    name = person.get("name") if isinstance(person, dict) else None
    return name if isinstance(name, str) and name else f"detainee {index + 1}"


def split(doc: Document, index: int) -> Document:
    """The case of the detainee at `index`, as one file of its own would state it."""
    import copy  # here: only a file naming several people is split

    entry = doc.data["detainees"][index]
    data = {k: copy.deepcopy(v) for k, v in doc.data.items() if k != "detainees"}
    outside = ("detainees",)
    positions = {p: v for p, v in doc.positions.items() if p[:1] != outside}
    key_positions = {p: v for p, v in doc.key_positions.items() if p[:1] != outside}
    prefix: PathKey = ("detainees", index)
    for section, value in entry.items():
        _overlay(data, (section,), value, positions, key_positions)
    for table, source_table in ((positions, doc.positions), (key_positions, doc.key_positions)):
        for path, pos in source_table.items():
            if path[:2] == prefix and len(path) > 2:
                table[path[2:]] = pos
    return Document(doc.path, data, positions, key_positions)


def _overlay(data: dict[str, Any], path: PathKey, value: Any, *tables: dict[PathKey, Any]) -> None:
    """Put `value` at `path` in `data`: into a sub-model it merges, anything else it replaces."""
    name = path[-1]
    assert isinstance(name, str)  # a path of keys: items of lists are replaced whole, never entered
    here = data.get(name)
    if isinstance(value, dict) and isinstance(here, dict) and _is_model(path):
        for key, inner in value.items():
            _overlay(here, (*path, key), inner, *tables)
        return
    data[name] = value
    for table in tables:  # the shared value's positions no longer apply
        for stale in [p for p in table if p[: len(path)] == path]:
            del table[stale]


def _is_model(path: PathKey) -> bool:
    """A section or sub-model (`trial`, `trial.counsel`), not a fact or a list."""
    dotted = ".".join(str(p) for p in path)
    fields = field_types()
    return dotted not in fields and any(f.startswith(dotted + ".") for f in fields)
