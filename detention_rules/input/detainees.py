"""Several detainees in one case file: each person's case is the shared facts overlaid with their own.

A `detainees:` entry may repeat any section that can differ from one person to
another. What it gives replaces the shared section's fields for that person:
mappings merge field by field (a fact replaces a fact; `trial.counsel` merges
into `trial.counsel`), lists replace the shared list whole. Positions follow the
values, so a fact taken from a detainee's entry still points at its own line.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from detention_rules.input.case import field_types
from detention_rules.input.source import Document, PathKey

#: The sections a detainee's entry may give (the case model's `Detainee`).
PERSON_SECTIONS = ("person", "arrest", "detention", "conduct", "trial", "sentence", "discrimination")
#: The most shared values the detainees' cases may repeat between them (`repeated`). Each person is reasoned
#: on alone, shared facts and all, so a file of 1,000 people sharing 1 MiB of periods would take hours and
#: more memory than a machine has (issue 33). The shipped cases repeat at most 2,322; 200,000 is about as
#: much work as the largest single-person file.
MAX_REPEATED = 200_000


def count(doc: Document) -> int:
    """How many detainees the file names; the skeleton's entry, left empty (`wgad new`), names none."""
    entries = doc.data.get("detainees") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list) or not any(map(_says_something, entries)):
        return 0
    return len(entries)


def repeated(doc: Document) -> tuple[int, int]:
    """The values the file shares (each scalar, list and mapping outside `detainees:`) and how many the
    detainees' cases repeat in all."""
    people = count(doc)
    if not people:
        return 0, 0
    shared = sum(bool(path) and path[0] != "detainees" for path in doc.positions)
    return shared, shared * people


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
    return _Shared(doc).person(index)


def each(doc: Document) -> Iterator[Document]:
    """The case of every detainee the file names, in order: `split` of each, the file read through once.

    Splitting each person from the whole document would cost the whole document per person, and
    a file of thousands of detainees that many times over. A file that names none (most) is not read
    through at all: every validation asks (issue 33).
    """
    people = count(doc)
    if not people:
        return
    shared = _Shared(doc)
    for index in range(people):
        yield shared.person(index)


class _Shared:
    """What every detainee's case starts from: the file without its `detainees:`, and each entry's positions.

    A person's case shares every value it does not change with the file (and with the other
    people): only the mappings on the way to what their entry gives are copied, and never
    changed in place, so no person's case sees another's.
    """

    def __init__(self, doc: Document):
        self.doc = doc
        self.data = {k: v for k, v in doc.data.items() if k != "detainees"}
        self.tables = [_Table(doc.positions), _Table(doc.key_positions)]

    def person(self, index: int) -> Document:
        data = dict(self.data)
        stale: set[PathKey] = set()
        for section, value in self.doc.data["detainees"][index].items():
            _overlay(data, (section,), value, stale)
        positions, key_positions = (table.person(index, stale) for table in self.tables)
        return Document(self.doc.path, data, positions, key_positions)


class _Table:
    """A position table read through once: the shared part's by section, and each detainee's own."""

    def __init__(self, table: dict[PathKey, tuple[int, int]]):
        self.sections: dict[PathKey, dict[PathKey, tuple[int, int]]] = {}
        self.own: dict[int, dict[PathKey, tuple[int, int]]] = {}
        for path, pos in table.items():
            if path[:1] != ("detainees",):
                self.sections.setdefault(path[:1], {})[path] = pos
            elif len(path) > 2 and isinstance(path[1], int):
                self.own.setdefault(path[1], {})[path[2:]] = pos

    def person(self, index: int, stale: set[PathKey]) -> dict[PathKey, tuple[int, int]]:
        """The positions of a detainee's case: the shared ones but where their entry replaced a value, then theirs."""
        out: dict[PathKey, tuple[int, int]] = {}
        changed = {path[:1] for path in stale}
        for section, table in self.sections.items():
            if section not in changed:
                out.update(table)
            elif section not in stale:
                out.update((p, v) for p, v in table.items() if not _under(p, stale))
        out.update(self.own.get(index, {}))
        return out


def _under(path: PathKey, stale: set[PathKey]) -> bool:
    """Whether `path` is at or below one of the `stale` paths."""
    return any(path[:end] in stale for end in range(1, len(path) + 1))


def _overlay(data: dict[str, Any], path: PathKey, value: Any, stale: set[PathKey]) -> None:
    """Put `value` at `path` in `data`: into a sub-model it merges, anything else it replaces.

    `data` is the person's own mapping; a sub-model merged into is copied first (it is shared).
    The paths replaced go to `stale`: the shared values' positions there no longer apply.
    """
    name = path[-1]
    assert isinstance(name, str)  # a path of keys: items of lists are replaced whole, never entered
    here = data.get(name)
    if isinstance(value, dict) and isinstance(here, dict) and _is_model(path):
        here = data[name] = dict(here)
        for key, inner in value.items():
            _overlay(here, (*path, key), inner, stale)
        return
    data[name] = value
    stale.add(path)


@functools.cache
def _is_model(path: PathKey) -> bool:
    """A section or sub-model (`trial`, `trial.counsel`), not a fact or a list."""
    dotted = ".".join(str(p) for p in path)
    fields = field_types()
    return dotted not in fields and any(f.startswith(dotted + ".") for f in fields)
