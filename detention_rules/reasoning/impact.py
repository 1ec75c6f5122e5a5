"""How many categories one answer to an open question could establish or remove, in time linear in the case.

Answering a question means rerunning the three-valued logic with the fact set. Done
naively, every question of every list item reruns it over every item: quadratic
(400 periods took minutes). Two facts make it cheap:

* Rules read list items only through `any_item`, whose `where` never needs a
  conclusion, so a list counts only through, for each `any_item` condition,
  whether some item satisfies it (true, unknown or false). A few items stand in
  for the whole list: for each condition, the first two items for which it is
  true and the first two for which it is unknown (two, so that one is left when
  the question is about the other). The conclusions of the case with the list cut
  down to them are those of the whole case.
* Setting a fact of one item changes only that item's verdicts. The conclusions are
  a function of those verdicts, so it is computed once per distinct verdict.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from detention_rules.input.case import CATEGORIES
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import readable_fields
from detention_rules.law.law import Law
from detention_rules.law.rule import AnyItem, FactCond, Tri, truth, walk
from detention_rules.reasoning import three_valued

#: Items kept per condition and verdict (see the module's docstring).
_KEEP = 2


def established(book: Law, doc: Mapping[str, Any]) -> set[str]:
    """The categories the three-valued logic establishes for `doc`."""
    status = three_valued.conclusions(book.rules, doc)
    return {c for c in CATEGORIES if status.get(f"category:{c}") is True}


def candidates(path: str) -> list[Any]:
    """The answers tried for a question: each value a closed field can take, two far-apart numbers."""
    ftype = readable_fields().get(FieldPath.generic_name(path))
    if ftype is None:
        return []
    if ftype.kind == "bool":
        return [True, False]
    if ftype.kind == "enum":
        return list(ftype.choices)
    if ftype.kind == "list":
        return [[c] for c in ftype.choices]
    if ftype.kind == "number":
        return [0, 10_000]
    return []


class Impact:
    """The impact of answers to the questions of one case (see the module's docstring)."""

    def __init__(self, book: Law, doc: Mapping[str, Any]):
        self.book = book
        self.doc = dict(doc)
        self.conds = _item_conditions(book)
        #: For each list the rules read: each item's verdict on each of its conditions.
        self.verdicts = {name: _list_verdicts(conds, doc[name]) for name, conds in self.conds.items() if name in doc}
        self.keep = {name: _stand_ins(verdicts) for name, verdicts in self.verdicts.items()}
        self.reduced = {**doc, **{name: [doc[name][j] for j in keep] for name, keep in self.keep.items()}}
        self.base = established(book, self.reduced)
        self._cache: dict[tuple[str, tuple[Tri, ...]], set[str]] = {}
        self._others_cache: dict[tuple[str, int], tuple[Tri, ...]] = {}
        #: For each condition of each list: the fields of an item it reads.
        self.fields = {
            name: [{_field(c.path) for c in walk(cond.where) if isinstance(c, FactCond)} for cond in conds]
            for name, conds in self.conds.items()
        }

    def of(self, path: str) -> int:
        """How many categories the most consequential answer to the question at `path` would change."""
        return max((len(self.after(path, v) ^ self.base) for v in candidates(path)), default=0)

    def after(self, path: str, value: Any) -> set[str]:
        """The categories established once the fact at `path` is `value`."""
        steps = FieldPath.parse(path)
        name, index, rest = (steps[0], steps[1], FieldPath(steps[2:])) if len(steps) > 2 else ("", 0, steps)
        if not isinstance(index, int) or not isinstance(name, str) or name not in self.verdicts:  # not a list item
            return established(self.book, steps.set(self.reduced, value))
        items = self.doc[name]
        if index >= len(items):
            return self.base
        item = rest.set(items[index], value)
        field = _field(str(rest))
        mine = list(self.verdicts[name][index])
        for c, cond in enumerate(self.conds[name]):  # only the conditions that read the field can change
            if field in self.fields[name][c]:
                mine[c] = _verdicts([cond], item)[0]
        key = (name, tuple(_any((o, v)) for o, v in zip(self._others(name, index), mine, strict=True)))
        if key not in self._cache:
            others = [items[j] for j in self.keep[name] if j != index]
            self._cache[key] = established(self.book, {**self.reduced, name: [*others, item]})
        return self._cache[key]

    def _others(self, name: str, index: int) -> tuple[Tri, ...]:
        """Whether some item of the list other than `index` satisfies each condition."""
        key = index if index in self.keep[name] else -1
        if (name, key) not in self._others_cache:
            rows = [self.verdicts[name][j] for j in self.keep[name] if j != index]
            self._others_cache[name, key] = tuple(_any(v) for v in zip(*rows, strict=True)) if rows else ()
        found = self._others_cache[name, key]
        return found or (False,) * len(self.conds[name])


def reduced(book: Law, doc: Mapping[str, Any]) -> dict[str, Any]:
    """`doc` with each list the rules read cut down to the items that stand in for it: the three-valued
    conclusions of the result are those of `doc`, in time that does not grow with the lists."""
    conds = _item_conditions(book)
    keep = {name: _stand_ins(_list_verdicts(c, doc[name])) for name, c in conds.items() if name in doc}
    return {**doc, **{name: [doc[name][j] for j in indexes] for name, indexes in keep.items()}}


def _item_conditions(book: Law) -> dict[str, list[AnyItem]]:
    """The `any_item` conditions of the rules, by the list they read."""
    out: dict[str, list[AnyItem]] = {}
    for rule in book.rules:
        for cond in walk(rule.when):
            if isinstance(cond, AnyItem) and cond not in out.setdefault(cond.list_path, []):
                out[cond.list_path].append(cond)
    return out


def _list_verdicts(conds: list[AnyItem], items: Any) -> list[tuple[Tri, ...]]:
    return [_verdicts(conds, item) for item in items] if isinstance(items, list) else []


def _verdicts(conds: list[AnyItem], item: Any) -> tuple[Tri, ...]:
    """Whether `item` satisfies the `where` of each condition."""
    doc = {"i": [item]}
    return tuple(truth(c.where, doc, {}, None, "i[0].") for c in conds)


def _stand_ins(verdicts: list[tuple[Tri, ...]]) -> list[int]:
    """The items that stand in for the list: for each condition, the first `_KEEP` true and unknown."""
    keep: set[int] = set()
    for c in range(len(verdicts[0]) if verdicts else 0):
        for wanted in (True, None):
            found = [j for j, v in enumerate(verdicts) if v[c] is wanted][:_KEEP]
            keep.update(found)
    return sorted(keep)


def _field(path: str) -> str:
    """The item's own field a condition reads (`counsel.access` -> `counsel`)."""
    return path.split(".", 1)[0].split("[", 1)[0]


def _any(values: tuple[Tri, ...]) -> Tri:
    """Some item satisfies the condition: Kleene's `or` over the items."""
    if True in values:
        return True
    return None if None in values else False
