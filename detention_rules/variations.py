"""Exercises: "change one fact" variations of a case, each one run through the engine.

For every fact the rules read, each other value it could take (true, false, each
choice, a number either side of a rule's threshold, unknown) is set in memory
exactly as `wgad check --set PATH=VALUE` sets it, the changed case is validated
and analysed by the engine, and the change is kept when it establishes or removes
a category. Nothing here decides a category: the engine does, so a variation
cannot be wrong against the rules. A change that makes the case invalid is dropped, and so
is a change of a fact that does not apply to the case: one whose prerequisite the case
does not answer so as to open it (no trial fact for a case with no trial).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

import msgspec

from detention_rules.errors import InputError
from detention_rules.input import source
from detention_rules.input.case import FieldType, field_types
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import derived
from detention_rules.law.rule import AnyItem, FactCond, Rule, Unless, walk
from detention_rules.pipeline import CaseResult, check_doc
from detention_rules.reasoning import asking
from detention_rules.reasoning.runnable import Runnable
from detention_rules.reasoning.whatif import Setting, apply


class Variation(msgspec.Struct, frozen=True):
    """One fact changed, and what the engine then finds."""

    path: str  # as `--set` writes it: detention[0].incommunicado
    before: Any  # the value in the file; None: unknown
    after: Any  # the value set; None: unknown
    categories_before: tuple[str, ...]
    categories_after: tuple[str, ...]
    rules: tuple[Rule, ...]  # the rules whose firing the change turns on or off, for the categories that move

    @property
    def established(self) -> tuple[str, ...]:
        return tuple(c for c in self.categories_after if c not in self.categories_before)

    @property
    def removed(self) -> tuple[str, ...]:
        return tuple(c for c in self.categories_before if c not in self.categories_after)

    @property
    def setting(self) -> str:
        """The change as `wgad check --set` takes it."""
        return f"{self.path}={set_text(self.after)}"


class Exercise(msgspec.Struct):
    """A case and every single-fact variation that moves a category."""

    path: str
    categories: tuple[str, ...]
    variations: list[Variation]
    tried: int  # changes run through the engine
    invalid: int  # changes that made the case invalid (dropped)

    def for_category(self, category: str) -> tuple[list[Variation], list[Variation]]:
        """The variations that establish `category`, and those that remove it."""
        return (
            [v for v in self.variations if category in v.established],
            [v for v in self.variations if category in v.removed],
        )


def set_text(value: Any) -> str:
    """A value as `--set` reads it back (YAML): true, null, [a, b], 2023-05-03."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def _read_fields(book: Runnable) -> dict[str, list[Any]]:
    """Each case-file field the rules read (generic path), with the numbers its conditions compare against."""
    out: dict[str, list[Any]] = {}
    for rule in book.rules:
        for cond in walk(rule.when):
            if isinstance(cond, AnyItem):
                for inner in walk(cond.where):
                    fact = inner.cond if isinstance(inner, Unless) else inner
                    if isinstance(fact, FactCond):
                        _note(out, f"{cond.list_path}[].{fact.path}", fact)
            elif isinstance(cond, (FactCond, Unless)):
                _note(out, (cond.cond if isinstance(cond, Unless) else cond).path, cond)
    return out


def _note(out: dict[str, list[Any]], path: str, cond: FactCond | Unless) -> None:
    fact = cond.cond if isinstance(cond, Unless) else cond
    thresholds = out.setdefault(path, [])
    if isinstance(fact.value, (int, float)) and not isinstance(fact.value, bool):
        thresholds.append(fact.value)


def _varied_fields(book: Runnable) -> dict[str, list[Any]]:
    """The case-file fields to vary: those the rules read, and those behind the derived facts they read."""
    fields = field_types()
    read = _read_fields(book)
    out = {p: t for p, t in read.items() if p in fields and p not in derived()}
    for path, fact in derived().items():  # varied through the field its declaration names (model.DERIVED)
        if fact.vary and path in read:
            out.setdefault(fact.vary, []).extend(read[path])
        if fact.vary == path and path in read:  # a conclusion drawn from facts: what if those facts differed?
            for source in fact.sources:
                if source in derived():
                    continue
                if fields.get(source, FieldType("")).kind == "bool":
                    out.setdefault(source, []).extend([True, False])
                elif source.endswith("_date"):  # a date it is drawn from (a law's entry into force): what if unknown?
                    out.setdefault(source, [])
    return out


def _current(data: Any, steps: FieldPath) -> Any:
    node = steps.get(data)
    return node.get("value") if isinstance(node, dict) else node


def _paths(data: Any, generic_path: str) -> Iterator[str]:
    """The concrete paths of a field: one per item of the list it belongs to (none for an absent list)."""
    if "[]" not in generic_path:
        yield generic_path
        return
    head, rest = generic_path.split("[].", 1)
    items = data.get(head) if isinstance(data, dict) else None
    for i in range(len(items) if isinstance(items, list) else 0):
        yield f"{head}[{i}].{rest}"


def _full_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


@functools.cache
def _dates_varied() -> dict[str, tuple[int, ...]]:
    """The dates varied for a derived fact, each with the days after the arrest its declaration tries
    (none: a rule's thresholds, a day either side)."""
    return {
        fact.vary: fact.vary_days
        for fact in derived().values()
        if fact.vary and field_types().get(fact.vary, FieldType("")).kind == "text"
    }


def _candidates(data: Any, field: str, thresholds: list[Any], current: Any) -> list[Any]:
    """The values tried for one fact: every other value it can take, and unknown."""
    ftype = field_types()[field]
    values: list[Any] = []
    if ftype.kind == "bool":
        values = [True, False]
    elif ftype.kind == "enum":
        values = list(ftype.choices)
    elif ftype.kind == "list" and ftype.choices:
        now = list(current) if isinstance(current, list) else []
        values = [[*now, c] for c in ftype.choices if c not in now] + [[x for x in now if x != c] for c in now]
    elif ftype.kind == "number":
        values = sorted({max(0, int(t) + d) for t in thresholds for d in (-1, 0, 1)})
    elif field in _dates_varied():  # a date behind a derived fact: days after the arrest
        arrested = _full_date(_current(data, FieldPath(("arrest", "date"))))
        offsets = _dates_varied()[field] or [int(t) + d for t in thresholds for d in (-1, 1)]
        values = [str(arrested + dt.timedelta(days=n)) for n in sorted(set(offsets))] if arrested else []
    if current is not None:
        values.append(None)
    return [v for v in values if v != current or type(v) is not type(current)]


def applies(data: Any, path: str) -> bool:
    """Whether a fact applies to the case: each prerequisite of its question answered with the value that
    opens it (`trial.held: true` before any fact of the trial)."""
    gate = asking.prerequisite(path)
    while gate:
        if asking.value(data, gate[0]) != gate[1]:
            return False
        gate = asking.prerequisite(gate[0])
    return True


def changes(doc: source.Document, book: Runnable) -> Iterator[tuple[str, Any, Any]]:
    """Every single-fact change tried of a fact that applies to the case: (path, value in the file, value set)."""
    for field, thresholds in sorted(_varied_fields(book).items()):
        for path in _paths(doc.data, field):
            if not applies(doc.data, path):
                continue
            current = _current(doc.data, FieldPath.parse(path))
            for value in _candidates(doc.data, FieldPath.generic_name(path), thresholds, current):
                yield path, current, value


def _deciding(book: Runnable, before: CaseResult, after: CaseResult, moved: set[str]) -> tuple[Rule, ...]:
    """The rules whose firing the change turned on or off, toward the categories that moved.

    The specific rules first; a category's own rule (`I.established`) only when nothing more specific moved.
    """
    assert before.analysis is not None and after.analysis is not None
    flipped = set(before.analysis.fired) ^ set(after.analysis.fired)
    rules = [r for r in book.rules if r.id in flipped and r.category in moved | {"admissibility"}]
    specific = [r for r in rules if r.kind != "category"]
    return tuple(specific or rules)


def exercise(doc: source.Document, book: Runnable) -> Exercise:
    """Every single-fact change of a one-person case that establishes or removes a category, by the engine."""
    original = check_doc(doc, book)
    if original.analysis is None:
        raise InputError(original.problems)
    before = tuple(original.analysis.categories)
    out = Exercise(doc.path, before, [], 0, 0)
    for path, current, value in changes(doc, book):
        setting: Setting = (f"{path}={set_text(value)}", FieldPath.parse(path), value)
        changed = check_doc(apply(doc, [setting]), book)
        out.tried += 1
        if changed.analysis is None:
            out.invalid += 1
            continue
        after = tuple(changed.analysis.categories)
        if after != before:
            moved = set(before) ^ set(after)
            rules = _deciding(book, original, changed, moved)
            out.variations.append(Variation(path, current, value, before, after, rules))
    return out
