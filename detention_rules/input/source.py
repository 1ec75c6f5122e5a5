"""Read one YAML file into plain data, keeping the line and column of every value.

This is the only YAML reader in the project. It composes the document with the
libyaml C loader when present (safe loading only: no tag ever builds an object),
then builds plain dicts, lists and scalars itself, so that it can refuse what a
case or rule file never needs (Python tags, duplicate keys, several documents)
and bound what a hostile file could make it do (size, depth, alias expansion).
"""

from __future__ import annotations

import math
import operator
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
import yaml

from detention_rules import words
from detention_rules.errors import InputError, Problem

if TYPE_CHECKING:
    from detention_rules.problem_codes import ProblemCode

try:  # the C composer is several times faster; fall back when libyaml is absent
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader

_RESOLVED: dict[str, str] = {}
_SCALAR_NODE, _MAPPING_NODE = yaml.ScalarNode, yaml.MappingNode
_RESOLVED_MAX = 4096


class _Loader(_Base):
    """The safe loader, reading numbers in decimal only, and remembering the tag of short plain scalars.

    YAML 1.1 reads `1:20` as 80 (base 60), `1:20.5` as 80.5, `0x10` as 16, `017` as 15 and
    `0b11` as 3: a drafter who wrote them meant something else (a time, a code), and the
    case must never hold a number they did not write. Such a scalar is read as the text
    written: a text field keeps it, a number field refuses it with its line.

    Resolving a scalar's tag runs a Python regex per value; case files repeat the same
    few hundred keys and values, so the answer is looked up instead. The safe loader has
    no path resolvers, so a scalar's tag depends on its text alone, and a mapping's or a list's is
    its kind's (PyYAML's own resolver, a Python call a node, was the answer for those). The table
    is bounded.
    """

    # libyaml's composer calls these two around every node, for path resolvers, which the safe loader has none of:
    # PyYAML's return at once, but each was a Python call (two a node). A C function taking the same arguments
    # and doing nothing with them takes their place: `operator.is_(parent, index)`, `tuple()`.
    descend_resolver = operator.is_
    ascend_resolver = tuple

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is not _SCALAR_NODE:
            return _MAP if kind is _MAPPING_NODE else _SEQ  # the composer makes no other kind of node
        if not implicit[0]:  # quoted, or tagged: PyYAML's resolver reads no pattern, so text (`_decimal_only` too)
            return _STR
        if len(value) > 40:
            return _decimal_only(super().resolve(kind, value, implicit), value)
        tag = _RESOLVED.get(value)  # plain: the tag depends on the text alone (the resolver reads implicit[0] only)
        if tag is None:
            tag = _decimal_only(super().resolve(kind, value, implicit), value)
            if len(_RESOLVED) >= _RESOLVED_MAX:
                _RESOLVED.clear()
            _RESOLVED[value] = tag
        return tag


#: A YAML 1.1 integer in base 16, 8 or 2: `0x10`, `017`, `0b11` (`0` alone, and `0.5`, are decimal).
_OTHER_BASE = re.compile(r"[-+]?0[0-9_xob]")


def _decimal_only(tag: str, value: str) -> str:
    """The string tag for a number YAML 1.1 reads in base 60 (`1:20`), 16, 8 or 2."""
    if (tag == _INT and (":" in value or _OTHER_BASE.match(value))) or (tag == _FLOAT and ":" in value):
        return _STR
    return tag


#: Limits, documented in docs/case-format.md ("Limits"). A real case file is a few KB.
MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 100_000
MAX_STRING = 100_000
#: Characters of text in the document after alias expansion: without aliases, never more than the file.
MAX_TEXT = MAX_BYTES
#: Numbers beyond 2**53 are not exact as floating point, which the rule engine compares in.
MAX_NUMBER = 2**53

PathKey = tuple[str | int, ...]

_STR, _INT, _FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_SAFE_SCALARS = {
    _STR,
    _INT,
    _FLOAT,
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP = "tag:yaml.org,2002:map"
_BOOL = "tag:yaml.org,2002:bool"
_BOOLS: dict[str, bool] = yaml.constructor.SafeConstructor.bool_values
_SEQ = "tag:yaml.org,2002:seq"
_constructor = yaml.constructor.SafeConstructor()
_SCALAR = {
    _INT: yaml.constructor.SafeConstructor.construct_yaml_int,
    _FLOAT: yaml.constructor.SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": yaml.constructor.SafeConstructor.construct_yaml_null,
}


class Document(msgspec.Struct):
    """Plain data from one file, with a position for every value and every key."""

    path: str
    data: Any
    positions: dict[PathKey, tuple[int, int]] = msgspec.field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = msgspec.field(default_factory=dict)

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """The closest known position for `path`: its own, else its nearest parent's."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))


def _problem(path: str, line: int, col: int, message: str, code: ProblemCode) -> InputError:
    return InputError([Problem(path, line, col, "error", message, code)])


def read_text(path: Path) -> str:
    """Read a regular file as UTF-8 text within the size limit, or raise InputError.

    A FIFO would block and a device (/dev/zero) never ends, so only regular files are
    read, and never more than the limit whatever the size the file system reports.
    """
    name = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            with os.scandir(path):  # a folder reaches here only when it could not be listed: say why
                pass
        if not stat.S_ISREG(info.st_mode):
            raise _problem(name, 1, 1, _says("not_regular"), "io")
        if info.st_size > MAX_BYTES:
            message = _says("too_large", size=info.st_size, limit=MAX_BYTES)
            raise _problem(name, 1, 1, message, "file-too-large")
        with path.open("rb") as f:
            # as much as the file holds, and a byte more to see it grew: asked for the limit, `read` made and
            # freed a buffer of a mebibyte for each file, four times the work of reading one (issue 33)
            raw = f.read(info.st_size + 1)
            if len(raw) > info.st_size:  # it grew since stat, or says no size (/proc): the rest, to the limit
                raw += f.read(MAX_BYTES + 1 - len(raw))
    except OSError as exc:
        raise _problem(name, 1, 1, _says("cannot_read", error=exc.strerror or exc), "io") from None
    if len(raw) > MAX_BYTES:  # it grew since stat
        raise _problem(name, 1, 1, _says("grew", limit=MAX_BYTES), "file-too-large")
    return decode(raw, name)


def decode(raw: bytes, name: str) -> str:
    """Strict UTF-8, no NUL bytes: a binary or mis-encoded file is refused, not guessed."""
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise _problem(name, line, 1, _says("binary"), "not-text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _problem(name, line, col, _says("not_utf8"), "not-utf8") from None
    return text.removeprefix("\ufeff")


def load(path: Path) -> Document:
    """Read and parse one YAML file."""
    return parse(read_text(path), str(path))


def parse(text: str, name: str = "<string>") -> Document:
    """Parse YAML text into a Document, or raise InputError naming the line."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise _problem(name, 1, 1, _says("text_too_large", limit=MAX_BYTES), "file-too-large")
    _refuse_bad_characters(text, name)
    try:
        if _may_nest_deeply(text):
            _refuse_deep_nesting(text, name)
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if _LIBYAML_TOO_DEEP in (exc.problem or ""):  # libyaml's own limit, far above ours: the same problem
            raise _problem(name, line, col, _says("too_deep", limit=MAX_DEPTH), "too-deep") from None
        what = exc.problem or exc.context or _says("invalid_yaml")
        raise _problem(name, line, col, _says("yaml_syntax", error=what), "yaml-syntax") from None
    except yaml.reader.ReaderError as exc:  # pragma: no cover - `_refuse_bad_characters` finds these first
        line, col = _line_col(text, exc.position)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        what = _says("character", code=char, reason=exc.reason)
        raise _problem(name, line, col, _says("yaml_error", error=what), "yaml-syntax") from None
    except yaml.YAMLError as exc:
        raise _problem(name, 1, 1, _says("yaml_error", error=" ".join(str(exc).split())), "yaml-syntax") from None
    except RecursionError:
        raise _problem(name, 1, 1, _says("nested_too_deeply"), "too-deep") from None
    if not nodes or (len(nodes) == 1 and _is_null(nodes[0])):
        raise _problem(name, 1, 1, _says("empty"), "empty")
    if len(nodes) > 1:
        line = nodes[1].start_mark.line + 1
        raise _problem(name, line, 1, _says("several_documents"), "multi-document")
    return _Builder(name, text).build(nodes[0])


#: What YAML 1.1 allows in a file (tab, line feed, carriage return, printable Unicode), less the
#: characters it reads as line breaks but editors, grep and less do not show as such: a carriage
#: return not followed by a line feed (CRLF is one line break, and stays allowed), NEL (U+0085),
#: and the line and paragraph separators (U+2028, U+2029). Lone surrogates (from a command line) too.
#: Written as the characters refused, not the complement of those allowed: the same set, but the
#: complement's large ranges took 5-10 ms to compile at every start. Kept as text and compiled by `re`
#: when a text that is not ASCII is first searched: its ranges past U+00FF still cost 4.3M instructions
#: (about 1 ms) to compile, more than any other pattern of a cold `wgad check`.
_NOT_ALLOWED = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
#: The same set within ASCII, all that an ASCII text (most case files) can hold: a twentieth of the cost.
_NOT_ALLOWED_ASCII = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Searched apart, and only in a text with a carriage return: as an alternative of the class above, it
#: doubled the time of every file's search.
_LONE_CR = re.compile("\r(?!\n)")
#: Each one's name: its key in messages.yaml's `reading:`.
_UNSEEN_BREAKS = {0x0D: "lone_cr", 0x85: "nel", 0x2028: "line_separator", 0x2029: "paragraph_separator"}


def _refuse_bad_characters(text: str, name: str) -> None:
    """Refuse a character YAML does not allow, or one it reads as a line break that editors do not show.

    Found here, in the text, so the position is the line and column an editor shows (the YAML
    reader counts U+2028 as a line break, and libyaml reports byte offsets).
    """
    bad = _NOT_ALLOWED_ASCII.search(text) if text.isascii() else re.search(_NOT_ALLOWED, text)
    found = [bad, _LONE_CR.search(text) if "\r" in text else None]
    m = min((m for m in found if m is not None), key=lambda m: m.start(), default=None)
    if m is None:
        return
    line, col = _line_col(text, m.start())
    code = ord(m.group())
    if code in _UNSEEN_BREAKS:
        message = _says("unseen_break", code=code, character=_says(_UNSEEN_BREAKS[code]))
        raise _problem(name, line, col, message, "unseen-line-break")
    what = _says("character", code=code, reason=_says("special"))
    raise _problem(name, line, col, _says("yaml_error", error=what), "yaml-syntax")


#: How libyaml (bundled with PyYAML 6.0.4 and later) refuses nesting past its own limit of 1000 levels,
#: which its scanner can reach while looking ahead, before _refuse_deep_nesting sees level MAX_DEPTH + 1.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"
#: Indicators that open a level of nesting without a new, deeper-indented line.
_NESTERS = ("[", "{", "- ", "-\t", "? ", "?\t")
#: Fewer of them cannot nest deeper than libyaml's composer recurses safely; more are scanned first.
_NESTERS_SAFE = 2_000


def _may_nest_deeply(text: str) -> bool:
    """Whether the text has enough nesting indicators to be worth a depth scan.

    libyaml's composer recurses once per level in C: tens of thousands of levels
    (a 100 KB file of brackets) overflow the stack and kill the process. Nesting by
    indentation alone needs a line per level, each longer than the last, so within
    the size limit it stays far below that; only these indicators nest cheaply.
    """
    # each indicator found starts at a character of its own: a text no longer than the bound has too few
    return len(text) > _NESTERS_SAFE and sum(text.count(n) for n in _NESTERS) > _NESTERS_SAFE


def _refuse_deep_nesting(text: str, name: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH from the event stream, which does not recurse."""
    depth = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise _problem(name, mark.line + 1, mark.column + 1, _says("too_deep", limit=MAX_DEPTH), "too-deep")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _line_col(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    return text.count("\n", 0, position) + 1, position - (text.rfind("\n", 0, position) + 1) + 1


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


class _Builder:
    """Turns a composed node graph into plain data, recording positions and refusing abuse."""

    def __init__(self, name: str, text: str = ""):
        self.name = name
        self.text = text
        self.count = 0
        self.chars = 0
        self.doc = Document(name, None)
        self.built: set[int] = set()  # nodes already built: meeting one again is meeting an alias
        self.aliases: list[yaml.Mark] | None = None  # where each alias is written, in document order
        self.alias_at: tuple[int, int] | None = None  # while building an alias: where it is written

    def build(self, root: yaml.Node) -> Document:
        self.doc.data = self._node(root, (), 0)
        return self.doc

    def _where(self, node: yaml.Node) -> tuple[int, int]:
        """Where `node` is written; for a value reached through an alias, where the alias is."""
        return self.alias_at or (node.start_mark.line + 1, node.start_mark.column + 1)

    def _fail(self, node: yaml.Node, message: str, code: ProblemCode) -> InputError:
        return _problem(self.name, *self._where(node), message, code)

    def _alias_mark(self) -> tuple[int, int]:
        """The position of the next alias in the file: the composed graph does not keep it.

        Read from the event stream, once and only for a file that has aliases.
        """
        if self.aliases is None:
            events = yaml.parse(self.text, Loader=_Base)
            self.aliases = [e.start_mark for e in events if isinstance(e, yaml.AliasEvent)][::-1]
        mark = self.aliases.pop() if self.aliases else None
        return (mark.line + 1, mark.column + 1) if mark else (1, 1)

    def _node(self, node: yaml.Node, path: PathKey, depth: int) -> Any:
        # The hot loop of every file read (a hundred nodes a case): `_where`, the node's kind and a plain
        # string scalar are written out here rather than called (issue 33, docs/performance.md).
        if self.alias_at is None:
            if id(node) in self.built:
                self.alias_at = self._alias_mark()
                try:
                    return self._node(node, path, depth)
                finally:
                    self.alias_at = None
            where = (node.start_mark.line + 1, node.start_mark.column + 1)
        else:
            where = self.alias_at
        self.built.add(id(node))
        self.count += 1
        if self.count > MAX_VALUES:
            # A billion-laughs file composes small (aliases share nodes) but expands here.
            raise self._fail(node, _says("too_many_values", limit=MAX_VALUES), "too-many-values")
        if depth > MAX_DEPTH:
            raise self._fail(node, _says("too_deep", limit=MAX_DEPTH), "too-deep")
        self.doc.positions.setdefault(path, where)
        kind = type(node)
        if kind is yaml.ScalarNode:
            value, tag = node.value, node.tag
            if tag == _STR and len(value) <= MAX_STRING:  # most values: text, kept as written
                self.chars += len(value)
                if self.chars > MAX_TEXT:
                    raise self._fail(node, _says("too_much_text", limit=MAX_TEXT), "too-much-text")
                return value
            # most of the rest: a yes or no, read as PyYAML's constructor reads it, without its three calls
            if tag == _BOOL and (told := _BOOLS.get(value.lower())) is not None and len(value) <= MAX_STRING:
                self.chars += len(value)
                if self.chars > MAX_TEXT:
                    raise self._fail(node, _says("too_much_text", limit=MAX_TEXT), "too-much-text")
                return told
            return self._scalar(node)
        if kind is yaml.MappingNode:
            if node.tag != _MAP:
                raise self._fail(node, _says("tag", tag=repr(node.tag)), "unsafe-tag")
            return self._mapping(node, path, depth)
        if node.tag != _SEQ:
            raise self._fail(node, _says("tag", tag=repr(node.tag)), "unsafe-tag")
        return [self._node(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]

    def _mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        key_positions = self.doc.key_positions
        alias_at = self.alias_at
        for key_node, value_node in node.value:
            tag = key_node.tag
            if tag == "tag:yaml.org,2002:merge":
                raise self._fail(key_node, _says("merge_key"), "unsafe-tag")
            if type(key_node) is not yaml.ScalarNode:
                raise self._fail(key_node, _says("bad_key"), "bad-key")
            if tag not in _SAFE_SCALARS:
                raise self._fail(key_node, _says("tag", tag=repr(tag)), "unsafe-tag")
            key = key_node.value  # `_count_text`, written out: every key of the file passes here
            self.chars += len(key)
            if self.chars > MAX_TEXT:
                raise self._fail(key_node, _says("too_much_text", limit=MAX_TEXT), "too-much-text")
            key = str(key)
            if key in out:
                first = key_positions[(*path, key)]
                raise self._fail(key_node, _says("duplicate_key", key=key, line=first[0]), "duplicate-key")
            mark = key_node.start_mark
            at = (*path, key)
            key_positions[at] = alias_at or (mark.line + 1, mark.column + 1)
            out[key] = self._node(value_node, at, depth + 1)
        return out

    def _count_text(self, node: yaml.ScalarNode) -> None:
        """Bound the text of the expanded document: a long anchored string aliased many times is small
        as a file, but every copy reaches the case model and the rule engine."""
        self.chars += len(node.value)
        if self.chars > MAX_TEXT:
            raise self._fail(node, _says("too_much_text", limit=MAX_TEXT), "too-much-text")

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SAFE_SCALARS:
            raise self._fail(node, _says("tag", tag=repr(node.tag)), "unsafe-tag")
        if len(node.value) > MAX_STRING:
            raise self._fail(node, _says("too_long", length=len(node.value), limit=MAX_STRING), "too-long")
        self._count_text(node)
        if node.tag in (_STR, "tag:yaml.org,2002:timestamp"):
            # Dates stay text: the case model parses them and reports bad ones with a position.
            return node.value
        try:
            # The tag's own method, not construct_object: that one caches every node it builds
            # in the constructor, which would keep every document ever read alive.
            value = _SCALAR[node.tag](_constructor, node)
        except (ValueError, KeyError, IndexError, yaml.YAMLError):  # `!!bool maybe`, `!!int ''`, 20,000 digits
            kind = node.tag.rsplit(":", 1)[-1]
            if kind in ("int", "float") and re.fullmatch(r"[-+]?[0-9_.]+", node.value):
                raise self._fail(node, _says("out_of_range", limit=MAX_NUMBER), "bad-number") from None
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "..."
            message = _says("bad_scalar", value=shown, kind=kind)
            raise self._fail(node, message, "bad-scalar") from None
        if isinstance(value, float) and not math.isfinite(value):
            raise self._fail(node, _says("not_finite"), "bad-number")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            raise self._fail(node, _says("out_of_range", limit=MAX_NUMBER), "bad-number")
        return value


def _says(key: str, /, **parts: object) -> str:
    """What reading a file says when it cannot (locales/<lang>/messages.yaml, `reading:`), read only then."""
    return words.of("messages", "reading")[key].format(**parts)
