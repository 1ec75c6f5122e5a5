"""Change values in a case file and keep everything else the drafter wrote: comments, order, quoting.

The interview's answers and the web application's saves go through here. `patch` edits
the text itself: only the values that changed are rewritten, in place, so line endings,
a comment inside a flow list, blank lines and everything else stay byte for byte; a
removed key or list item takes its own lines with it (and the comment lines right above
it, which speak of it). What `patch` cannot place exactly falls back to ruamel.yaml's
round trip, which keeps the text around each value. The project's own reader
(`source.parse`) stays the judge of what a file means. Every result is read back with
it and compared with the data intended, so no file is produced that would read
differently from what the caller asked for (YAML 1.1 readers take `yes` or `20:20` as
other types: such strings are quoted).
"""

from __future__ import annotations

import copy
import datetime
import difflib
import functools
import io
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

import msgspec
import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from detention_rules import words
from detention_rules.errors import InputError
from detention_rules.input import source
from detention_rules.input.field_path import FieldPath, Step

#: Steps to a value: `detention[0].start` is ("detention", 0, "start") (a FieldPath, or its steps).
Steps = Sequence[Step]


class EditError(ValueError):
    """A change that cannot be made, or whose result would not read back as intended."""


class Tree(msgspec.Struct):
    """A case file open for editing: ruamel's tree (the text) beside the data it must mean."""

    root: Any
    data: Any
    yaml: YAML


def load(text: str, name: str = "<case>") -> Tree:
    """Open `text` for editing. The project's reader runs first, so its limits and errors apply;
    an empty file (or one of comments only) opens as an empty case."""
    try:
        data = source.parse(text, name).data
    except InputError as exc:
        if [p.code for p in exc.problems] != ["empty"]:
            raise
        data = {}
    if not isinstance(data, dict):
        raise EditError(_says("not_a_mapping", name=name))
    _, sequence, offset = load_yaml_guess_indent(text)
    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    null = _NULL_WORD.search(text)
    if null:  # ruamel writes an unknown as nothing (`key:`): keep the file's own word for it
        rt.Representer = _null_writer(null.group(1))
    rt.width = 4096  # never re-wrap a drafter's long lines
    offset = 2 if offset is None else offset
    rt.indent(mapping=_mapping_indent(text), sequence=max(sequence or 4, offset + 2), offset=offset)
    try:
        root = rt.load(text)
    except RuamelError as exc:  # what PyYAML read, ruamel should too; if not, refuse rather than guess
        raise EditError(_says("not_in_place", name=name, reason=" ".join(str(exc).split()))) from None
    return Tree(root if isinstance(root, CommentedMap) else CommentedMap(), copy.deepcopy(data), rt)


#: How a file spells an unknown value, if it spells it: `key: null`, `- ~`.
_NULL_WORD = re.compile(r"(?::|^[ \t]*-)[ \t]+(null|Null|NULL|~)[ \t]*(?:#.*)?$", re.MULTILINE)


@functools.cache
def _null_writer(word: str) -> type[RoundTripRepresenter]:
    """A representer that writes None as `word`; a subclass, so the one ruamel shares stays as it is."""

    class Nulls(RoundTripRepresenter):
        pass

    Nulls.add_representer(type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", word))
    return Nulls


_NESTED_KEY = re.compile(r"^[^\s#-][^:#]*:[ \t]*(#.*)?\n( +)[^\s#-]", re.MULTILINE)


def _mapping_indent(text: str) -> int:
    """How far the file indents a mapping inside a mapping (ruamel guesses only lists)."""
    m = _NESTED_KEY.search(text)
    return len(m.group(2)) if m else 2


def set_path(tree: Tree, steps: Steps, value: Any) -> None:
    """Set one value, making the maps and lists on the way; `None` removes the key."""
    value = _plain(value)
    if not steps:
        raise EditError(_says("no_field"))
    node, plain = tree.root, tree.data
    for i, step in enumerate(steps[:-1]):
        nxt = steps[i + 1]
        node, plain = _child(node, plain, step, [] if isinstance(nxt, int) else {})
    last = steps[-1]
    if isinstance(last, int):
        if not isinstance(node, list) or last > len(node):
            raise EditError(_says("no_item_to_set", index=last))
        if value is None:
            if last < len(node):
                del node[last]
                del plain[last]
        elif last == len(node):
            node.append(_node(value))
            plain.append(value)
        else:
            node[last] = _node(value)
            plain[last] = value
        return
    if not isinstance(node, dict):
        raise EditError(_says("not_inside", key=last))
    if value is None:
        node.pop(last, None)
        plain.pop(last, None)
    else:
        node[last] = _restyled(node.get(last), _node(value))
        plain[last] = value


def _restyled(old: Any, new: Any) -> Any:
    """A new mapping written in the style of the one it replaces: a fact the file wrote on one line
    (`{value: false, ref: ...}`) stays on one line, as long as it holds no mapping."""
    flow = isinstance(old, CommentedMap) and old.fa.flow_style()
    if flow and isinstance(new, CommentedMap) and not any(isinstance(v, Mapping) for v in new.values()):
        new.fa.set_flow_style()
    return new


def merge(tree: Tree, data: Any) -> None:
    """Make the file say `data`, keeping the text of every value that stays the same."""
    data = _plain(data)
    tree.root = _merge(tree.root, tree.data, data)
    tree.data = data


def dump(tree: Tree, name: str = "<case>") -> str:
    """The file's new text, read back and checked to mean exactly `tree.data`."""
    out = io.StringIO()
    tree.yaml.dump(tree.root, out)
    text = out.getvalue()
    try:
        back = source.parse(text, name).data
    except InputError as exc:  # the writer's text is refused as read (a value over the reader's limits)
        raise EditError(_says("unreadable", name=name, reason=exc.problems[0].message)) from None
    if back != tree.data:
        raise EditError(_says("not_as_intended", name=name, difference=_first_difference(back, tree.data)))
    return text


def rewrite(text: str, data: Any, name: str = "<case>") -> str:
    """`text` made to say `data`, touching nothing else: `patch`, else ruamel's round trip.

    Either way the file's own line endings are kept (CRLF stays CRLF); the text the caller
    gives has no byte-order mark (`source.decode` removed it), so none is added here.
    """
    data = _plain(data)
    patched = patch(text, data, name)
    if patched is not None:
        return patched
    newline = _newline(text)
    tree = load(text.replace("\r\n", "\n"), name)
    merge(tree, data)
    return dump(tree, name).replace("\n", newline)


def identical(a: Any, b: Any) -> bool:
    """Equal and of the same kinds all the way down: `1` is not `true` for a file."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(identical(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(identical(x, y) for x, y in zip(a, b, strict=True))
    return _same(a, b)


def patch(text: str, data: Any, name: str = "<case>") -> str | None:
    """`text` with only the values that differ from `data` rewritten, or None where that cannot be
    done exactly (an anchor, a key first on an item's line removed, a list reordered...)."""
    try:
        old = source.parse(text, name).data
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # where each value is; its meaning is `old`
    except (InputError, yaml.YAMLError):
        return None
    patcher = _Patcher(text)
    if not isinstance(root, yaml.MappingNode) or not patcher.change(root, old, _plain(data)):
        return None
    out = patcher.result()
    if out is None:
        return None
    try:
        back = source.parse(out, name).data
    except InputError:
        return None
    return out if identical(back, data) else None


def _newline(text: str) -> str:
    """The file's line ending: CRLF when most of its lines end so."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


#: A string written without quotes: it reads back as the same text in any context (checked by `_flow`).
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.()/'+-]*")


def _flow(value: Any) -> str:
    """One value on one line, as case files write it: plain where safe, else double-quoted."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    if _DATE.fullmatch(text):
        return text  # read back as the text of the date, as case files write dates
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and tag == "tag:yaml.org,2002:str":
        return text
    return json.dumps(text, ensure_ascii=False)  # JSON's escapes are YAML's double-quoted escapes


def _holds_mapping(value: Any) -> bool:
    """Whether a value is or holds a mapping: written in block style, never on one line."""
    return isinstance(value, dict) or (isinstance(value, list) and any(_holds_mapping(v) for v in value))


def _block(key: Any, value: Any, column: int, step: int) -> list[str]:
    """A new entry's lines in block style: a mapping's keys each on its own line, `step` further in; a list that
    holds mappings an item per line; a scalar or a list of scalars beside its key (`by: [drafter]`)."""
    head = f"{' ' * column}{_flow(key)}:"
    if isinstance(value, dict) and value:
        return [head] + [line for k, v in value.items() for line in _block(k, v, column + step, step)]
    if isinstance(value, list) and _holds_mapping(value):
        return [head] + [line for item in value for line in _item(item, column + step, step)]
    return [f"{head} {_flow(value)}"]


def _item(value: Any, column: int, step: int) -> list[str]:
    """A list item's lines in block style: a mapping's first key beside the dash, the others under it."""
    if not (isinstance(value, dict) and value):
        return [f"{' ' * column}- {_flow(value)}"]
    lines = [line for k, v in value.items() for line in _block(k, v, column + 2, step)]
    return [f"{' ' * column}- {lines[0].lstrip(' ')}", *lines[1:]]


class _Patcher:
    """Edits to the text, as (start, end, order, replacement), collected then applied from the end."""

    def __init__(self, text: str):
        self.text = text
        self.newline = _newline(text)
        self.edits: list[tuple[int, int, int, str]] = []

    def result(self) -> str | None:
        out, last = self.text, len(self.text)
        for start, end, _, new in sorted(self.edits, reverse=True):
            if end > last:
                return None  # two edits overlap: leave it to the round trip
            out = out[:start] + new + out[end:]
            last = start
        return out

    def _edit(self, start: int, end: int, new: str) -> None:
        self.edits.append((start, end, len(self.edits), new))  # insertions at one place keep their order

    def change(self, node: yaml.Node, old: Any, new: Any) -> bool:
        """Edits that make `node` (meaning `old`) say `new`; False where none can be placed exactly."""
        if identical(old, new):
            return True
        block = isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style
        if block and isinstance(node, yaml.MappingNode) and isinstance(old, dict) and isinstance(new, dict):
            return self._mapping(node, old, new)
        if block and isinstance(node, yaml.SequenceNode) and isinstance(old, list) and isinstance(new, list):
            return self._sequence(node, old, new)
        if block or _holds_mapping(new):
            return False  # a block, or a mapping in place of a value: the round trip writes it in block style
        start, end = node.start_mark.index, _end(node)
        written = _flow(new)
        if start == end:  # `key:` with no value
            written = " " + written
        elif self.text[start:end].endswith("\n"):  # a block scalar ends with its line
            written += self.newline
        self._edit(start, end, written)
        return True

    def _mapping(self, node: yaml.MappingNode, old: dict[str, Any], new: dict[str, Any]) -> bool:
        entries = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
        if set(entries) != set(old) or len(entries) != len(node.value):
            return False  # a merge key or a key that is not plain text: not placed exactly
        column = node.value[0][0].start_mark.column
        for key, (key_node, value_node) in entries.items():
            if key in new:
                if not self.change(value_node, old[key], new[key]):
                    return False
                continue
            line = self.text.rfind("\n", 0, key_node.start_mark.index) + 1
            if not self.text[line : key_node.start_mark.index].strip(" "):
                self._remove(line, _end(value_node), column)
            elif not self._first_of_item(node, key_node, value_node):
                return False
        previous: str | None = None
        for key, value in new.items():
            if key in old:
                previous = key
                continue
            after = entries[previous][1] if previous is not None else node.value[-1][1]
            self._insert(_end(after), self.newline.join(_block(key, value, column, _mapping_indent(self.text))))
        return True

    def _first_of_item(self, node: yaml.MappingNode, key: yaml.Node, value: yaml.Node) -> bool:
        """Remove an item's first key (`- right: x`): the next key moves up beside the dash, when
        nothing but the line break and indentation lies between them (a comment there stays a refusal)."""
        if len(node.value) < 2 or node.value[0][0] is not key:
            return False
        following = node.value[1][0].start_mark.index
        stop = self.text.find("\n", max(key.start_mark.index, _end(value) - 1))
        if stop < 0 or self.text[stop:following].strip():
            return False
        self._edit(key.start_mark.index, following, "")
        return True

    def _sequence(self, node: yaml.SequenceNode, old: list[Any], new: list[Any]) -> bool:
        items = node.value
        dashes = [self._dash(item) for item in items]
        if not items or None in dashes:
            return False
        column = dashes[0] or 0
        matcher = difflib.SequenceMatcher(None, [_key(v) for v in old], [_key(v) for v in new], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and i2 - i1 == j2 - j1:
                pairs = zip(range(i1, i2), range(j1, j2), strict=True)
                if not all(self.change(items[i], old[i], new[j]) for i, j in pairs):
                    return False
                continue
            for i in range(i1, i2):  # removed
                self._remove(self.text.rfind("\n", 0, items[i].start_mark.index) + 1, _end(items[i]), column)
            if j2 > j1 and i1 == 0:
                return False  # before the first item: placed by the round trip
            for j in range(j1, j2):  # added
                self._insert(_end(items[i1 - 1]), f"{' ' * column}- {_flow(new[j])}")
        return True

    def _dash(self, item: yaml.Node) -> int | None:
        """The column of the `-` that starts an item written on its own line, else None."""
        start = self.text.rfind("\n", 0, item.start_mark.index) + 1
        m = re.fullmatch(r"( *)- +", self.text[start : item.start_mark.index])
        return len(m.group(1)) if m else None

    def _remove(self, line: int, end: int, column: int) -> None:
        """Remove the lines from `line` to the end of the one where `end` falls, with the comment lines
        right above them (they speak of what is removed, and would speak of the next entry instead)."""
        stop = self.text.find("\n", max(line, end - 1))
        stop = len(self.text) if stop < 0 else stop + 1
        self._edit(self._comments_above(line, column), stop, "")

    def _comments_above(self, line: int, column: int) -> int:
        """Where the comment lines right above `line`, at its indentation, begin; not a comment at the top
        of the file, nor one directly under a less indented line (the heading of the section)."""
        lines = self.text[:line].splitlines(keepends=True)
        first = len(lines)
        while first and lines[first - 1].lstrip(" ").startswith("#") and _indent(lines[first - 1]) == column:
            first -= 1
        if first in (0, len(lines)) or (lines[first - 1].strip() and _indent(lines[first - 1]) < column):
            return line
        return line - sum(len(x) for x in lines[first:])

    def _insert(self, after: int, line: str) -> None:
        """A new line after the line where `after` falls (the end of a value)."""
        stop = self.text.find("\n", max(after - 1, 0))
        if stop < 0:
            self._edit(len(self.text), len(self.text), self.newline + line)
        else:
            self._edit(stop + 1, stop + 1, line + self.newline)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key(value: Any) -> str:
    """A value as a comparable key for aligning two lists: its kind and text."""
    return json.dumps(value, sort_keys=True, default=str) + type(value).__name__


def _end(node: yaml.Node) -> int:
    """Where a value's own text ends: a block collection's end mark lies past the comments after it."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return max(_end(node.value[-1][0]), _end(node.value[-1][1]))
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _end(node.value[-1])
    return int(node.end_mark.index)


def _child(node: Any, plain: Any, step: str | int, empty: Any) -> tuple[Any, Any]:
    if isinstance(step, int):
        if not isinstance(node, list) or step >= len(node):
            raise EditError(_says("no_item", index=step))
        return node[step], plain[step]
    if not isinstance(node, dict):
        raise EditError(_says("cannot_reach", step=step))
    if step not in node or node[step] is None:
        node[step] = _node(empty)
        plain[step] = copy.deepcopy(empty)
    return node[step], plain[step]


def _merge(node: Any, old: Any, new: Any) -> Any:
    """`node` (ruamel) and `old` (plain, what it means) brought to `new`, reusing what is equal."""
    if isinstance(new, Mapping) and isinstance(node, CommentedMap) and isinstance(old, Mapping):
        for key in [k for k in node if k not in new]:
            del node[key]
        previous = None
        for key, value in new.items():
            if key in node:
                node[key] = _merge(node[key], old.get(key), value)
            else:
                position = list(node).index(previous) + 1 if previous in node else 0
                node.insert(position, key, _node(value))
            previous = key
        return node
    if isinstance(new, list) and isinstance(node, CommentedSeq) and isinstance(old, list):
        del node[len(new) :]
        for i, value in enumerate(new):
            if i < len(node):
                node[i] = _merge(node[i], old[i] if i < len(old) else None, value)
            else:
                node.append(_node(value))
        return node
    if _same(old, new):
        return node
    return _node(new)


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same kind: `1` is not `true`, `1.0` is not `1` as far as the file goes."""
    return type(a) is type(b) and a == b


_RESOLVER = yaml.resolver.Resolver()
#: Tags the project's reader gives back as text: a date is read as the text of the date.
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_AS_TEXT = {"tag:yaml.org,2002:str", _TIMESTAMP}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Text ruamel.yaml writes plain in a flow mapping though no reader takes it there (`{value: : x}`): quoted;
#: and line breaks only YAML sees (NEL, the Unicode separators, a lone CR), which the reader refuses
#: unescaped: in double quotes they are written as escapes (`\N`, `\L`, `\P`, `\r`) and read back as set.
_FLOW_UNSAFE = re.compile(r"^\?|:|[\x85\u2028\u2029\r]")


def _node(value: Any) -> Any:
    """Plain data as ruamel nodes: mappings in block style, a key on each line, so that a person can read and
    edit what the tool writes; lists of scalars on one line, as case files write them (`by: [drafter]`)."""
    if isinstance(value, Mapping):
        return CommentedMap((k, _node(v)) for k, v in value.items())
    if isinstance(value, list):
        seq = CommentedSeq(_node(v) for v in value)
        if all(_is_scalar(v) for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
        if tag == _TIMESTAMP and _DATE.fullmatch(value):
            return datetime.date.fromisoformat(value)  # written plain, as case files write dates
        if tag not in _AS_TEXT or _FLOW_UNSAFE.search(value):
            return DoubleQuotedScalarString(value)
    return value


def _plain(value: Any) -> Any:
    """A value as the project's reader would give it back: dates and times as their text."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.time):
        return value.isoformat("minutes" if not value.second and not value.microsecond else "auto")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (Mapping, list))


def _first_difference(a: Any, b: Any, path: source.PathKey = ()) -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if a.get(key) != b.get(key):
                return _first_difference(a.get(key), b.get(key), (*path, key))
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, (*path, i))
    return _says("difference", path=FieldPath(path) or _says("the_top"), read=repr(a), meant=repr(b))


def _says(key: str, /, **parts: object) -> str:
    """Why a file cannot be edited in place (locales/<lang>/messages.yaml, `editing:`), read only then."""
    return words.of("messages", "editing")[key].format(**parts)
