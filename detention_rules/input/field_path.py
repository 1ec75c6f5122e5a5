"""A field's place in a case file, as one type: its steps, its name, its generic name, and the value there.

A path is written three ways: as steps (`("detention", 0, "start")`, how the reader keys positions),
as a name (`detention[0].start`, how messages, `--set`, the rules and the questions name it) and
generically (`detention[].start`, how the case model names the field of every item). `FieldPath`
is the steps; `str()` gives the name, `.generic` the generic name, `parse` reads a name back, and
`get`, `set` and `write` read and change plain data at the path.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from detention_rules import words

#: One step into a case: a key of a mapping, or the index of a list's item.
Step = str | int


class FieldPath(tuple[Step, ...]):
    """The steps to a value in a case file's data: `FieldPath(("detention", 0, "start"))`.

    A tuple, so it keys the reader's positions as the plain steps do.
    """

    __slots__ = ()

    @classmethod
    def parse(cls, name: str) -> FieldPath:
        """`detention[0].incommunicado` -> ("detention", 0, "incommunicado").

        Raises ValueError naming the part that is not a field name (`detention[x]`, `a..b`).
        """
        return _parse(name)

    def __str__(self) -> str:
        """The path's name: `detention[0].start`."""
        out = ""
        for step in self:
            if isinstance(step, int):
                out += f"[{step}]"
            else:
                out += f".{step}" if out else step
        return out

    @property
    def generic(self) -> str:
        """The field's name in the case model, without item numbers: `detention[].start`."""
        return self.generic_name(str(self))

    @staticmethod
    def generic_name(name: str) -> str:
        """`detention[1].start` -> `detention[].start`, for any name: a generic one, or text a user wrote
        (`government.contests`) that may name no field at all."""
        return _generic_name(name)

    @classmethod
    def read(cls, data: Any, name: str) -> Any:
        """What plain data holds at a name (`detention[0].kind`), or None; None too for a name that is no path."""
        try:
            return _parse(name).get(data)
        except ValueError:
            return None

    def get(self, data: Any) -> Any:
        """What plain data holds at this path, or None where nothing is.

        The three-valued logic's innermost step (rule.truth: once per condition and list item),
        so kept plain: a dict or a list, no abstract-class check.
        """
        for step in self:
            if isinstance(step, int):
                data = data[step] if isinstance(data, list) and step < len(data) else None
            else:
                data = data.get(step) if isinstance(data, dict) else None
            if data is None:
                return None
        return data

    def set(self, data: Any, value: Any) -> Any:
        """A copy of `data` with `value` at this path; the mappings and lists on the way are copied, the rest shared.

        Absent mappings and lists on the way are made (`trial:` written empty too). A fact written with its
        provenance (`{value: ..., ref: ...}`) gets the new value and keeps the provenance. Raises ValueError
        where the path cannot be followed (no such item, a value that is not a mapping, no field at the end).
        """
        top, holder, last = self._reach(data)
        current = holder.get(last)
        if isinstance(current, dict) and "value" in current:
            holder[last] = {**current, "value": value}
        else:
            holder[last] = value
        return top

    def write(self, data: Any, entry: Any) -> Any:
        """A copy of `data` with `entry` written as it is at this path, provenance and all (the web form, which
        edits a fact's reference too); None removes the field. Copies and raises as `set` does."""
        top, holder, last = self._reach(data)
        if entry is None:
            holder.pop(last, None)
        else:
            holder[last] = entry
        return top

    def _reach(self, data: Any) -> tuple[Any, dict[str, Any], str]:
        """A copy of `data` with the way copied (and made where absent), the mapping at its end, its last step."""
        top = _copy(data)
        node = top
        for i, step in enumerate(self[:-1]):  # a list's item is never made: only set where it is
            nxt = self[i + 1]
            if isinstance(step, int):
                if not isinstance(node, list) or step >= len(node):
                    raise ValueError(_says("no_item", index=step))
            elif not isinstance(node, dict):
                raise ValueError(_says("cannot_reach", step=step))
            elif node.get(step) is None:  # absent, or written empty (`trial:` with only a comment under it)
                node[step] = [] if isinstance(nxt, int) else {}
            node[step] = _copy(node[step])
            node = node[step]
        last = self[-1] if self else None
        if not isinstance(last, str) or not isinstance(node, dict):
            raise ValueError(_says("ends_in_field"))
        return top, node, last


_NUMBERED = re.compile(r"\[\d+\]")


def _copy(node: Any) -> Any:
    return dict(node) if isinstance(node, dict) else list(node) if isinstance(node, list) else node


@functools.lru_cache(maxsize=8192)
def _generic_name(name: str) -> str:
    """Cached as `_parse` is: an explanation's facts and every fact of a case ask again and again (issue 33)."""
    return _NUMBERED.sub("[]", name)


@functools.lru_cache(maxsize=8192)
def _parse(name: str) -> FieldPath:
    """Cached: the rules, the questions and the form name the same few hundred paths again and again."""
    steps: list[Step] = []
    for part in name.strip().split("."):
        key, _, rest = part.partition("[")
        if not _is_key(key):
            raise ValueError(_says("not_a_field", part=part))
        steps.append(key)
        if rest:
            indexes = rest.removesuffix("]").split("][")
            if not rest.endswith("]") or not all(i.isascii() and i.isdigit() for i in indexes):
                raise ValueError(_says("not_a_field", part=part))
            steps += [int(i) for i in indexes]
    return FieldPath(steps)


def _is_key(key: str) -> bool:
    """A key as the case model writes one: ASCII letters, digits and `_`, not starting with a digit."""
    return bool(key) and key.isascii() and (key[0].isalpha() or key[0] == "_") and key.replace("_", "a").isalnum()


def _says(key: str, /, **parts: object) -> str:
    """Why a path cannot be read or reached (locales/<lang>/messages.yaml, `paths:`), read only then."""
    return words.of("messages", "paths")[key].format(**parts)
