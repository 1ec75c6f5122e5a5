"""Change values in a case file and keep everything else the drafter wrote: comments, order, quoting.

The interview's answers and the web application's saves go through here. ruamel.yaml's
round trip keeps the text around each value; the project's own reader (`source.parse`)
stays the judge of what a file means. Every result is read back with it and compared
with the data intended, so no file is produced that would read differently from what
the caller asked for (YAML 1.1 readers take `yes` or `20:20` as other types: such
strings are quoted).
"""

from __future__ import annotations

import copy
import datetime
import io
import re
from collections.abc import Mapping
from typing import Any

import msgspec
import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from detention_rules.errors import InputError
from detention_rules.input import source

#: Steps to a value: `detention[0].start` is ["detention", 0, "start"] (whatif.path_steps).
Steps = list[str | int]


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
        raise EditError(f"{name}: a case file is a mapping of fields at the top level")
    _, sequence, offset = load_yaml_guess_indent(text)
    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096  # never re-wrap a drafter's long lines
    offset = 2 if offset is None else offset
    rt.indent(mapping=_mapping_indent(text), sequence=max(sequence or 4, offset + 2), offset=offset)
    try:
        root = rt.load(text)
    except RuamelError as exc:  # what PyYAML read, ruamel should too; if not, refuse rather than guess
        raise EditError(f"{name}: this file cannot be edited in place ({' '.join(str(exc).split())})") from None
    return Tree(root if isinstance(root, CommentedMap) else CommentedMap(), copy.deepcopy(data), rt)


_NESTED_KEY = re.compile(r"^[^\s#-][^:#]*:[ \t]*(#.*)?\n( +)[^\s#-]", re.MULTILINE)


def _mapping_indent(text: str) -> int:
    """How far the file indents a mapping inside a mapping (ruamel guesses only lists)."""
    m = _NESTED_KEY.search(text)
    return len(m.group(2)) if m else 2


def set_path(tree: Tree, steps: Steps, value: Any) -> None:
    """Set one value, making the maps and lists on the way; `None` removes the key."""
    value = _plain(value)
    if not steps:
        raise EditError("no field named")
    node, plain = tree.root, tree.data
    for i, step in enumerate(steps[:-1]):
        nxt = steps[i + 1]
        node, plain = _child(node, plain, step, [] if isinstance(nxt, int) else {})
    last = steps[-1]
    if isinstance(last, int):
        if not isinstance(node, list) or last > len(node):
            raise EditError(f"there is no item {last} to set")
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
        raise EditError(f"cannot set {last} inside a value that is not a mapping")
    if value is None:
        node.pop(last, None)
        plain.pop(last, None)
    else:
        node[last] = _node(value)
        plain[last] = value


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
        raise EditError(f"{name}: the edited file would not read back ({exc.problems[0].message})") from None
    if back != tree.data:
        raise EditError(
            f"{name}: the edited file would not read back as intended ({_first_difference(back, tree.data)})"
        )
    return text


def _child(node: Any, plain: Any, step: str | int, empty: Any) -> tuple[Any, Any]:
    if isinstance(step, int):
        if not isinstance(node, list) or step >= len(node):
            raise EditError(f"there is no item {step} there")
        return node[step], plain[step]
    if not isinstance(node, dict):
        raise EditError(f"cannot reach {step}: the value above it is not a mapping")
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
#: Text ruamel.yaml writes plain in a flow mapping though no reader takes it there (`{value: : x}`): quoted.
_FLOW_UNSAFE = re.compile(r"^\?|:")


def _node(value: Any) -> Any:
    """Plain data as ruamel nodes; short mappings and lists of scalars in flow style, as case files write them."""
    if isinstance(value, Mapping):
        out = CommentedMap((k, _node(v)) for k, v in value.items())
        if len(value) <= 5 and all(_is_scalar(v) or _is_scalar_list(v) for v in value.values()):
            out.fa.set_flow_style()
        return out
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


def _is_scalar_list(value: Any) -> bool:
    return isinstance(value, list) and all(_is_scalar(v) for v in value)


def _first_difference(a: Any, b: Any, path: source.PathKey = ()) -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if a.get(key) != b.get(key):
                return _first_difference(a.get(key), b.get(key), (*path, key))
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, (*path, i))
    return f"at {source.dotted(path) or 'the top'}: {a!r} instead of {b!r}"
