"""A rule, its condition tree and its citations, with its three-valued truth (`truth`).

`truth` is the plain-Python three-valued logic of a rule. It decides nothing on its
own: durable-rules fires the rules. It is used to explain a firing (which list
items it matched: the engine says only that some item did), to say why a rule did
not fire (met, unmet, unknown), and, in the tests, as the oracle the engine must
agree with.

Truth values are True, False and None (unknown), combined with Kleene's logic:
an absent fact is unknown, so a rule that needs it is unknown, not false.
"""

# No `from __future__ import annotations`: the rules cache reads this module's types (reasoning/rules_cache.py).
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Literal, cast

import msgspec

from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import Bounded, NotApplicable

Tri = bool | None
#: A compiled test of a list item (`holds`), given the conclusions drawn.
Holds = Callable[[Any, Mapping[str, Tri]], bool]

ConclusionKind = Literal["procedural", "violation", "category"]
#: Conclusion kinds a rule may draw, and the words a condition uses to need one.
CONCLUSION_KINDS: tuple[ConclusionKind, ...] = ("procedural", "violation", "category")
#: A rule's footing: the Working Group's "settled" practice, or this project's "reading" of it.
Basis = Literal["settled", "reading"]
BASES: tuple[Basis, ...] = ("settled", "reading")

OPERATORS = (
    "is",
    "is_not",
    "in",
    "contains",
    "contains_any",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
)

#: a name of letters in any script: a language's own words agree with the person ("{podía}", "{contó}")
_PLACEHOLDER = re.compile(r"\{([^\W\d][\w.\[\]]*)\}")


class Conclusion(str):
    """A conclusion a rule draws or needs, written `kind:name` (`violation:arrest-without-warrant`),
    never a fact path (`arrest.warrant_shown`): a condition's subject is one or the other, and this
    type says which. A str, so that it prints, compares and serialises as the rule file writes it."""

    __slots__ = ()

    @property
    def kind(self) -> ConclusionKind:
        return cast(ConclusionKind, self.partition(":")[0])

    @property
    def name(self) -> str:
        return self.partition(":")[2]


class Pos(msgspec.Struct, frozen=True):
    """Where something was written: rule files and case files alike."""

    path: str
    line: int
    col: int


class _Node(msgspec.Struct, frozen=True, dict=True):  # dict: room for the compiled test, not stored or compared
    """What every kind of condition has: its test of a list item (`holds`), compiled when first asked for and kept
    with the condition, so it lives and dies with it (issue 33: a cache keyed by `id()` could outlive a condition)."""

    @functools.cached_property
    def item_test(self) -> Holds:
        return _holds(cast(Cond, self))


class FactCond(_Node, frozen=True, tag=True):
    """A test of one fact: `{fact: arrest.warrant_shown, is: false}`."""

    path: str
    op: str
    value: Any
    pos: Pos
    parameter: str = ""  # the parameter the value comes from (rules/parameters.yaml), if any


class Unless(_Node, frozen=True, tag=True):
    """A defeater: holds unless the fact is known to be so (`is`), or one of these (`in`).

    Unknown counts in favour of the source: the burden of showing an exception
    (caught in the act, incitement, a permissible restriction) is on the
    Government (opinion 2/2022 para 66).
    """

    cond: FactCond
    pos: Pos


class Needs(_Node, frozen=True, tag=True):
    """Needs a conclusion drawn by another rule: `{violation: arrest-without-warrant}`."""

    conclusion: str
    pos: Pos


class AnyItem(_Node, frozen=True, tag=True):
    """Some item of a list satisfies `where`, whose paths are relative to the item."""

    list_path: str
    where: "Cond"
    pos: Pos


class All(_Node, frozen=True, tag=True):
    children: tuple["Cond", ...]
    pos: Pos


class AnyOf(_Node, frozen=True, tag=True):
    children: tuple["Cond", ...]
    pos: Pos


class AtLeast(_Node, frozen=True, tag=True):
    n: int
    children: tuple["Cond", ...]
    pos: Pos


#: Each kind of condition is tagged with its class name where the rules are stored (`rules_cache`).
Cond = FactCond | Unless | Needs | AnyItem | All | AnyOf | AtLeast


class Rule(msgspec.Struct, frozen=True):
    """One rule, with the law beside it."""

    id: str
    title: str
    category: str
    when: Cond
    concludes: str
    provisions: tuple[str, ...]
    jurisprudence: tuple[str, ...]
    explain: str
    pos: Pos
    law: str = ""
    note: str = ""
    refer: tuple[str, ...] = ()  # special procedures a finding by this rule may be referred to
    basis: Basis = "settled"

    @property
    def kind(self) -> ConclusionKind:
        return Conclusion(self.concludes).kind


# --- reading facts -----------------------------------------------------------------


def _compare(op: str, actual: Any, expected: Any) -> Tri:
    if actual is None:
        return None
    if isinstance(actual, NotApplicable):
        return False  # a question that does not apply: no test of it holds, and none is unknown
    if isinstance(actual, Bounded) and op in ("at_least", "more_than", "at_most", "less_than", "is"):
        return actual.compare(op, expected) if isinstance(expected, (int, float)) else False
    if op == "is":
        return _same(actual, expected)
    if op == "is_not":
        return not _same(actual, expected)
    if op == "in":
        return any(_same(actual, v) for v in expected)
    if op == "contains":
        return isinstance(actual, list) and expected in actual
    if op == "contains_any":
        return isinstance(actual, list) and any(v in actual for v in expected)
    if not isinstance(actual, (int, float)) or isinstance(actual, bool):
        return False
    if op == "at_least":
        return actual >= expected
    if op == "more_than":
        return actual > expected
    if op == "at_most":
        return actual <= expected
    if op == "less_than":
        return actual < expected
    raise ValueError(f"unknown operator {op}")


def _same(a: Any, b: Any) -> bool:
    """Equal and of one type (true is not 1), except that numbers compare as numbers."""
    return (a == b and type(a) is type(b)) or _num_eq(a, b)


def _num_eq(a: Any, b: Any) -> bool:
    numeric = (int, float)
    return (
        isinstance(a, numeric)
        and isinstance(b, numeric)
        and not isinstance(a, bool)
        and not isinstance(b, bool)
        and a == b
    )


# --- three-valued truth --------------------------------------------------------------


class Trace(msgspec.Struct):
    """What one call of `truth` looked at: each leaf with its truth value and the facts it read."""

    leaves: list[tuple[FactCond | Unless | Needs | AnyItem, Tri, list[str]]] = msgspec.field(default_factory=list)


def truth(
    cond: Cond,
    doc: Mapping[str, Any],
    concluded: Mapping[str, Tri],
    trace: Trace | None = None,
    prefix: str = "",
) -> Tri:
    """The Kleene truth value of `cond` over a fact document and the conclusions drawn so far.

    `prefix` is the path of the list item an `AnyItem` is looking at (`detention[1].`).
    """
    if isinstance(cond, FactCond):
        full = prefix + cond.path
        value = _compare(cond.op, FieldPath.read(doc, full), cond.value)
        if trace is not None:
            trace.leaves.append((cond, value, [full]))
        return value
    if isinstance(cond, Unless):
        full = prefix + cond.cond.path
        inner = _compare(cond.cond.op, FieldPath.read(doc, full), cond.cond.value)
        value = inner is not True
        if trace is not None:
            trace.leaves.append((cond, value, [full]))
        return value
    if isinstance(cond, Needs):
        value = concluded.get(cond.conclusion, False)
        if trace is not None:
            trace.leaves.append((cond, value, []))
        return value
    if isinstance(cond, AnyItem):
        items = FieldPath.read(doc, prefix + cond.list_path)
        if items is None:
            if trace is not None:
                trace.leaves.append((cond, None, [prefix + cond.list_path]))
            return None
        start = len(trace.leaves) if trace is not None else 0
        results = [
            truth(cond.where, doc, concluded, trace, f"{prefix}{cond.list_path}[{i}].") for i in range(len(items))
        ]
        return _moot(trace, start, _any(results), settled=True in results)
    if trace is None and not isinstance(cond, AtLeast):
        return _settled(cond, doc, concluded, prefix)
    start = len(trace.leaves) if trace is not None else 0
    results = [truth(c, doc, concluded, trace, prefix) for c in cond.children]
    if isinstance(cond, All):
        every = False if False in results else None if None in results else True
        return _moot(trace, start, every, settled=False in results)
    if isinstance(cond, AnyOf):
        return _moot(trace, start, _any(results), settled=True in results)
    true, unknown = results.count(True), results.count(None)
    enough = True if true >= cond.n else None if true + unknown >= cond.n else False
    return _moot(trace, start, enough, settled=enough is not None)


def _moot(trace: Trace | None, start: int, value: Tri, *, settled: bool) -> Tri:
    """`value`, once the unknown leaves traced since `start` are dropped when a known child already `settled` the
    node (an `all` with a false child, an `any` with a true one): no answer to them could change it, so neither
    `gaps` nor `--why-not` asks them (a pre-trial question of a period that was a prison sentence)."""
    if trace is not None and settled:
        trace.leaves[start:] = [leaf for leaf in trace.leaves[start:] if leaf[1] is not None]
    return value


def _settled(cond: All | AnyOf, doc: Mapping[str, Any], concluded: Mapping[str, Tri], prefix: str) -> Tri:
    """`truth` of `all` or `any` when nothing is traced: the children in order, up to the first that settles it
    (a false one for `all`, a true one for `any`), as most list items fail their first test (issue 33)."""
    settles = isinstance(cond, AnyOf)
    unknown = False
    for child in cond.children:
        value = truth(child, doc, concluded, None, prefix)
        if value == settles:  # None is neither: it leaves the value unknown unless a later child settles it
            return settles
        unknown = unknown or value is None
    return None if unknown else not settles


def _any(results: list[Tri]) -> Tri:
    if True in results:
        return True
    return None if None in results else False


def holds(cond: Cond) -> Holds:
    """A test that `cond` is true of a list item: `holds(cond)(item, concluded)` is `truth(cond, item, concluded) is
    True`, compiled once a condition. The explanation tests every item of a list for each `any_item` of a rule that
    fired (durable-rules does not say which item matched): through `truth`, a fifth of the stage (issue 33)."""
    return cond.item_test


def _holds(cond: Cond) -> Holds:
    """`holds` for one node: only True is true (Kleene's unknown is not), so the nodes compose as plain booleans."""
    if isinstance(cond, (FactCond, Unless)):
        test = cond if isinstance(cond, FactCond) else cond.cond
        op, expected, read = test.op, test.value, _reader(test.path)
        if isinstance(cond, Unless):
            return lambda item, _: _compare(op, read(item), expected) is not True
        return lambda item, _: _compare(op, read(item), expected) is True
    if isinstance(cond, (All, AnyOf, AtLeast)):
        tests = tuple(child.item_test for child in cond.children)
        if isinstance(cond, All):
            return lambda item, concluded: all(t(item, concluded) for t in tests)
        if isinstance(cond, AnyOf):
            return lambda item, concluded: any(t(item, concluded) for t in tests)
        n = cond.n
        return lambda item, concluded: sum(t(item, concluded) for t in tests) >= n
    return lambda item, concluded: truth(cond, item, concluded) is True  # a conclusion or a list: as `truth` does


def _reader(path: str) -> Callable[[Any], Any]:
    """`FieldPath.read(data, path)` for one path, parsed once: most of an item's fields are one name below it."""
    try:
        steps = FieldPath.parse(path)
    except ValueError:
        return lambda data: None
    if len(steps) == 1 and isinstance(steps[0], str):
        name = steps[0]
        return lambda data: data.get(name) if isinstance(data, dict) else None
    return steps.get


def walk(cond: Cond) -> Iterator[Cond]:
    """Every node of a condition tree, depth first."""
    yield cond
    if isinstance(cond, (All, AnyOf, AtLeast)):
        for child in cond.children:
            yield from walk(child)
    elif isinstance(cond, AnyItem):
        yield from walk(cond.where)
    elif isinstance(cond, Unless):
        yield cond.cond


def needs(cond: Cond) -> set[str]:
    """The conclusions a condition can use."""
    return {c.conclusion for c in walk(cond) if isinstance(c, Needs)}


@functools.lru_cache(maxsize=1024)
def placeholders(template: str) -> tuple[str, ...]:
    """Fact paths named in an explanation template, e.g. `{arrest.date}`; cached: templates are few."""
    return tuple(_PLACEHOLDER.findall(template))


_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


def fill(template: str, values: Mapping[str, str]) -> str:
    """Fill `{path}` placeholders by plain substitution: templates are never evaluated.

    A `[segment]` is kept only when every placeholder in it is known, so
    "given later[ on {arrest.reasons_given_date}]" reads well either way.
    """
    return compiled(template).fill(values)


class Template:
    """A template parsed once (`compiled`), filled without a regular expression: every explanation of a finding
    fills its rule's template, and the two substitutions were a tenth of the explanation's time (issue 33).

    Filling does what the two substitutions did, in their order: each `[segment]` kept or dropped, then the
    placeholders of the text that leaves; that text is split into literals and placeholders once for each way
    the segments can be kept (a template has a few)."""

    __slots__ = ("_forms", "_pieces", "_segments")

    def __init__(self, template: str):
        split = _OPTIONAL.split(template)  # the text around the segments, then each segment's inside
        self._pieces = split
        self._segments = tuple(placeholders(inner) for inner in split[1::2])
        self._forms: dict[tuple[bool, ...], tuple[str, tuple[str, ...]]] = {}

    def fill(self, values: Mapping[str, str]) -> str:
        kept = tuple([all(n in values for n in names) for names in self._segments])
        form = self._forms.get(kept)
        if form is None:
            form = self._forms[kept] = self._form(kept)
        text, names = form
        return text.format(*[values.get(name, "(unknown)") for name in names])

    def _form(self, kept: tuple[bool, ...]) -> tuple[str, tuple[str, ...]]:
        """The text with these segments kept, as a format string of positional fields (its own braces doubled, the
        values never read as one: `str.format` puts them in as they are) and the placeholders they stand for."""
        pieces = self._pieces
        text = "".join(piece if i % 2 == 0 else piece if kept[i // 2] else "" for i, piece in enumerate(pieces))
        split = _PLACEHOLDER.split(text)
        literals = [literal.replace("{", "{{").replace("}", "}}") for literal in split[::2]]
        return "{}".join(literals), tuple(split[1::2])


@functools.lru_cache(maxsize=1024)
def compiled(template: str) -> Template:
    """A template parsed for filling; cached, as `placeholders` is: templates are few (a rule's, in each language)."""
    return Template(template)
