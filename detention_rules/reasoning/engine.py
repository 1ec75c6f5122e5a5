"""Run the rulebook on durable-rules: compile rules to rulesets, assert facts, record firings.

The only module that imports durable-rules (2.0.28, unmaintained). Its quirks,
verified and worked around here:

* Rules are data: each rule's condition tree is compiled to durable's JSON
  (`$and`, `$or`, `$iany`, `$nex`, `$neq`, `$gte`...). Citations and templates
  stay in our own Rule objects: any extra key in a durable rule is refused.
* A conclusion needed by a rule is a separate fact joined in the rule. A
  disjunction over conclusions is expanded into one durable rule per branch
  (named `r<n>`, mapped back to our rule); the first branch to fire asserts the
  conclusion.
* Every durable rule costs time on every case fact, whether or not it can match
  it. So `at_least: n` over distinct conclusions is one rule with durable's
  `count: n` over the conclusion facts of its group (each carries the group's
  attribute), not one rule per combination. `count` fires once per n matching
  facts (twice for 5 of `at_least: 2`); a rule is recorded once.
* Each durable rule is one branch of our rule: the alternatives it takes (children of
  `any` and `at_least`) are kept with it, and a firing reports them (`Firings.chosen`),
  so an explanation reads which alternatives held instead of evaluating them again.
* The engine is driven through the C module `durable_rules_engine`, as
  durable's Python `Host` drives it, minus the cost: the Host starts two
  perpetual timer threads, JSON-decodes the session state and every message
  (each carries the whole case fact) and wraps each action in closures. That
  was 60% of the time of a case.
* A fact no rule matches is refused (code 1): two catch-all rules match every
  case fact and every conclusion fact.
* Deleting a session in which no action ever ran aborts the whole process
  (`free(): invalid pointer`): the case fact's catch-all always fires.
* Facts live per session until deleted, at most 1,024 sessions per ruleset:
  every case gets a fresh session, deleted in a `finally`.
* Over about 512 rules in one ruleset, `create_ruleset` hangs: refused earlier.
* Its JSON reader refuses numbers in exponent form (`1e-05`: error 204), which
  Python writes for floats below 1e-4, and it compares text byte by byte as
  written, so `T\u00fcrkiye` in a rule never equals `Türkiye` in a fact. Every
  JSON text it gets, ruleset and facts alike, is made by `encode`.
* `create_ruleset` reads memory it never wrote when an `$iany` test ends with an
  `$or` (rete.c, createAlpha: the type of the `$or`'s placeholder node, checked to
  refuse references to other facts inside `$iany`), and fails with error 102
  (ERR_UNEXPECTED_TYPE) when that memory happens to hold one of two values: now
  and then, and then on every retry in the same process. So no `$iany` test ends
  with an `$or` (`_item_tests`; valgrind finds no such read left). Seen before
  that too, rarely, through the Host: registration is still retried.
"""

from __future__ import annotations

import decimal
import itertools
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeGuard

import msgspec

from detention_rules import words
from detention_rules.errors import EngineError
from detention_rules.law.rule import All, AnyItem, AnyOf, AtLeast, Cond, FactCond, Needs, Rule, Unless, walk

if TYPE_CHECKING:
    from detention_rules.reasoning.facts import Facts

MAX_DURABLE_RULES = 480
#: `$or` alternatives (the values of `in` and `contains_any`, the two ways of an `unless`) outside
#: `$iany` tests that one ruleset takes: past 442 (the case terms of all its rules together, measured on
#: durable-rules 2.0.28 with the shipped rules) `create_ruleset` never returns. (Inside one `$iany` test
#: it refuses more than 512, error 106; `size_bound` keeps every rule below that.) docs/rules.md, Limits.
MAX_CASE_ALTERNATIVES = 400
REGISTER_ATTEMPTS = 3


def _durable() -> Any:
    """Import durable-rules' C module late, turning a failed import into advice instead of a traceback."""
    try:
        import durable_rules_engine
    except ImportError as exc:  # on 3.13: undefined symbol PyEval_CallObject
        raise EngineError(_says("not_installed", error=exc)) from None
    return durable_rules_engine


# --- encoding ----------------------------------------------------------------------

_EXPONENT = re.compile(r"[0-9]e[-+]?[0-9]")


#: No space after `,` and `:`: durable-rules scans the definition's text again for every key it looks up, so
#: each byte less is less work in `create_ruleset` (about 7% of it, 3.5M instructions a cold start).
_SEPARATORS = (",", ":")


def encode(value: Any) -> str:
    """JSON for durable-rules: one encoding for rulesets and facts (ASCII, escapes as `json` makes
    them, no spaces), with every number written without an exponent."""
    text = json.dumps(value, separators=_SEPARATORS)
    return text if _EXPONENT.search(text) is None else _encode_fixed(value)


def _encode_fixed(value: Any) -> str:
    """`encode` the slow way, for the rare value with a number Python writes in exponent form."""
    if isinstance(value, float):
        text = repr(value)
        return format(decimal.Decimal(text), "f") if "e" in text else text
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(k))}:{_encode_fixed(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_encode_fixed(v) for v in value) + "]"
    return json.dumps(value)


# --- compiling ---------------------------------------------------------------------


class _Chosen:
    """In a branch being compiled, not a test: the branch takes this alternative (a child of an `any` or an
    `at_least`). `compile_branches` turns it into the child's place in the rule (`Place`)."""

    __slots__ = ("node",)

    def __init__(self, node: Cond):
        self.node = node


#: A place in a rule's condition: the index of each child (of `all`, `any`, `at_least`) from the top.
Place = tuple[int, ...]


def _tests(branch: list[Any]) -> list[dict[str, Any]]:
    """A compiled branch's durable tests, without the alternatives it took."""
    return [test for test in branch if not isinstance(test, _Chosen)]


def _branches(cond: Cond, prefix: str = "", merged: bool = True) -> list[list[Any]]:
    """A fact-only condition as alternatives, each a conjunction of durable tests.

    The alternatives of one field (the values of `in` and `contains_any`, the two ways an
    `unless` holds: the field absent or not equal) are one durable `$or`, which it
    evaluates rightly, inside `$iany` too. Alternatives over different fields are
    separate durable rules: durable-rules evaluates an `$or` over several of an item's
    fields inside `$iany` wrongly (it keeps the verdict of the item's last property).
    Some item satisfies (A or B) exactly when some item satisfies A or some item
    satisfies B. Inside `any_item`, `prefix` is `$i.`: the tests are on one list item.
    Outside it, each alternative carries the `_Chosen` children it took (which item
    matched, durable does not say: an item's alternatives are left out).

    Not `merged`, every alternative is a durable rule of its own (as for a counting rule,
    `count: n`: a fact that meets two alternatives of an `$or` is matched twice, and would
    be counted twice; and for a term over durable's budget, `MAX_GROUPS`).
    """
    if isinstance(cond, FactCond):
        if cond.op in ("contains", "contains_any"):
            if prefix:
                raise EngineError(_says("contains_in_item", op=cond.op))
            values = cond.value if cond.op == "contains_any" else [cond.value]
            return _one_field([{"$iany": {cond.path: {"$i": v}}} for v in values], merged)
        return _one_field([_atom(cond, prefix + cond.path, v) for v in _values(cond)], merged)
    if isinstance(cond, Unless):
        path = prefix + cond.cond.path
        differs = _join("$and", [{"$neq": {path: v}} for v in _values(cond.cond)])
        return _one_field([{"$nex": {path: 1}}, differs], merged)
    if isinstance(cond, AnyItem):
        inner = _branches(cond.where, "$i.", merged)
        items = [item for branch in inner for item in _item_tests(_tests(branch))]
        return [[{"$iany": {cond.list_path: _join("$and", item)}}] for item in items]
    return _combine(cond, lambda child: _branches(child, prefix, merged))


def _item_tests(tests: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """An item's tests ordered so that the last is no `$or` (durable reads unwritten memory there).

    The conjunction is the same in any order. Last comes one of the item's tests that is no
    `$or`; else an `$or` of values of one field, followed by a test that the field exists
    (which each value implies); else (every test an `unless`) the last `$or` is split,
    one durable rule per alternative.
    """
    if "$or" not in tests[-1]:
        return [tests]
    last = next((test for test in reversed(tests) if "$or" not in test), None)
    if last is not None:
        return [[test for test in tests if test is not last] + [last]]
    for test in reversed(tests):
        field = _one_field_values(test["$or"])
        if field:
            return [[other for other in tests if other is not test] + [test, {"$ex": {field: 1}}]]
    return [[*tests[:-1], alternative] for alternative in tests[-1]["$or"]]


def _one_field_values(alternatives: list[dict[str, Any]]) -> str | None:
    """The field an `$or` tests, when each of its alternatives is one value of it (so it exists)."""
    pairs = [pair for test in alternatives for pair in test.items()]
    fields = {key for key, _ in pairs}
    one_value_each = len(pairs) == len(alternatives) and not any(isinstance(value, dict) for _, value in pairs)
    return fields.pop() if one_value_each and len(fields) == 1 else None


#: `$and` and `$or` groups one durable term may hold: each takes 2 of its 32 expression slots (error 113 above).
MAX_GROUPS = 15


def _groups(node: Any) -> int:
    """How many `$and` and `$or` groups a durable term holds, inside its `$iany` tests too."""
    if isinstance(node, dict):
        return ("$and" in node) + ("$or" in node) + sum(_groups(v) for v in node.values())
    if isinstance(node, list):
        return sum(_groups(v) for v in node)
    return 0


def _fact_tests(cond: All, counted: bool) -> list[list[Any]]:
    """The tests of a branch's case term (with the alternatives each took): each field's alternatives in one
    `$or`, unless the rule counts or a term would pass durable's budget (then one durable rule each, as before)."""
    if not counted:
        merged = _branches(cond)
        if all(_groups(_case_test(_tests(tests))) <= MAX_GROUPS for tests in merged):
            return merged
    return _branches(cond, merged=False)


def _case_test(tests: list[dict[str, Any]]) -> dict[str, Any]:
    """The test of a rule's case term: the case fact, and these tests of it."""
    return {"$and": [{"t": "case"}, *tests]}


def _one_field(tests: list[dict[str, Any]], merged: bool) -> list[list[dict[str, Any]]]:
    """The alternative tests of one field: one `$or`, or (not `merged`) one alternative each."""
    if len(tests) == 1:
        return [tests]
    return [[{"$or": tests}]] if merged else [[test] for test in tests]


def _combine(cond: Cond, branches: Any) -> list[list[Any]]:
    """Distribute all / any / at_least over the alternatives of their children, each
    alternative marked with the children it took (`_Chosen`).

    Shared by the two expansions: of a rule over conclusions (`_dnf`) and of its fact tests
    (`_branches`, also on one list item).
    """
    if isinstance(cond, All):
        out: list[list[Any]] = [[]]
        for child in cond.children:
            out = [a + b for a in out for b in branches(child)]
        return out
    if isinstance(cond, AnyOf):
        return [[_Chosen(child), *b] for child in cond.children for b in branches(child)]
    if isinstance(cond, AtLeast):
        return [
            [*map(_Chosen, combo), *b]
            for combo in itertools.combinations(cond.children, cond.n)
            for b in branches(All(combo, cond.pos))
        ]
    raise EngineError(_says("cannot_compile", kind=type(cond).__name__))


def _join(op: str, parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {op: parts}


_COMPARE = {"is_not": "$neq", "at_least": "$gte", "more_than": "$gt", "at_most": "$lte", "less_than": "$lt"}


def _values(cond: FactCond) -> list[Any]:
    return list(cond.value) if cond.op == "in" else [cond.value]


def _atom(cond: FactCond, path: str, value: Any) -> dict[str, Any]:
    """One test of one field: `is` (or one value of `in`), or a comparison."""
    if cond.op in ("is", "in"):
        return {path: value}
    return {_COMPARE[cond.op]: {path: cond.value}}


def _has_needs(cond: Cond) -> bool:
    return any(isinstance(c, Needs) for c in walk(cond))


def _counted(cond: Cond) -> TypeGuard[AtLeast]:
    """`at_least: n` over distinct conclusions only: compiled to one counting rule, not C(k, n) rules."""
    if not isinstance(cond, AtLeast) or cond.n < 2:
        return False
    names = {c.conclusion for c in cond.children if isinstance(c, Needs)}
    return len(names) == len(cond.children)


def _group(cond: AtLeast) -> str:
    """The attribute a conclusion fact carries when it is one of the conclusions `cond` counts."""
    import hashlib  # here: only compiling needs it, and loading it costs a kept rulebook's start 2 ms

    names = "|".join(sorted(c.conclusion for c in cond.children if isinstance(c, Needs)))
    return "g" + hashlib.blake2s(names.encode(), digest_size=6).hexdigest()


def _dnf(cond: Cond) -> list[list[Any]]:
    """Branches of `cond` at the level of conclusions: each a list of fact-only conditions,
    Needs, and at most one counted `at_least` (see `_counted`), with the alternatives it took."""
    if not _has_needs(cond) or isinstance(cond, Needs) or _counted(cond):
        return [[cond]]
    branches = _combine(cond, _dnf)
    out: list[list[Any]] = []
    for branch in branches:  # a second counted at_least in one branch is expanded instead
        counted = [c for c in branch if _counted(c)][1:]
        expanded = [[c for c in branch if not any(c is d for d in counted)]]
        for extra in counted:
            expanded = [a + b for a in expanded for b in _combine(extra, _dnf)]
        out += expanded
    return out


def size_bound(cond: Cond) -> int:
    """At least as many as the durable rules `cond` compiles to, computed without expanding it.

    `at_least: 12` of 25 facts would expand to millions of conjunctions; this says so first.
    """
    if isinstance(cond, FactCond):
        return len(cond.value) if cond.op in ("in", "contains_any") else 1
    if isinstance(cond, Unless):
        return 2
    if isinstance(cond, AnyItem):
        return size_bound(cond.where)
    if isinstance(cond, All):
        return math.prod(size_bound(c) for c in cond.children)
    if isinstance(cond, AnyOf):
        return sum(size_bound(c) for c in cond.children)
    if isinstance(cond, AtLeast) and not _counted(cond):
        return math.comb(len(cond.children), cond.n) * max(size_bound(c) for c in cond.children) ** cond.n
    return 1  # a conclusion, or a counted at_least: one term


def compile_rule(rule: Rule) -> list[dict[str, Any]]:
    """The durable rule bodies (without "run") for one of our rules."""
    return [body for body, _ in compile_branches(rule)]


def compile_branches(rule: Rule) -> list[tuple[dict[str, Any], tuple[Place, ...]]]:
    """The durable rule bodies (without "run") for one of our rules, each with the places of the
    alternatives its branch takes (outside `any_item`), which hold whenever it fires.

    A counted `at_least: n` becomes a term matching any conclusion fact of its group and a
    durable `count: n`: the rule fires once n such facts have joined the rest of the branch
    (which of its conclusions were drawn, the branch does not say).
    A rule too large to expand never gets here: `runnable.too_large` refuses it (`size_bound`).
    Two branches compiled to one body hold together: it takes the alternatives of both.
    """
    places = dict(_places(rule.when))
    bodies: list[dict[str, Any]] = []
    took: list[set[Place]] = []
    for branch in _dnf(rule.when):
        counted = [c for c in branch if _counted(c)]
        facts = [c for c in branch if not isinstance(c, (Needs, _Chosen)) and not _counted(c)]
        needed = sorted({c.conclusion for c in branch if isinstance(c, Needs)})
        needs_terms = [{f"c{i}": {"$and": [{"t": "concl"}, {"c": c}]}} for i, c in enumerate(needed)]
        count_terms = [{"g": {"$and": [{"t": "concl"}, {_group(c): 1}]}} for c in counted]
        for alternative in _fact_tests(All(tuple(facts), rule.pos), bool(counted)) if facts else [[]]:
            tests = _tests(alternative)
            case_term = [{"m": _case_test(tests)}] if tests else []
            body: dict[str, Any] = {"all": case_term + needs_terms + count_terms}
            if counted:
                body["count"] = counted[0].n
            if body not in bodies:
                bodies.append(body)
                took.append(set())
            chosen = (c for c in [*branch, *alternative] if isinstance(c, _Chosen))
            took[bodies.index(body)].update(places[id(c.node)] for c in chosen)
    return [(body, tuple(sorted(taken))) for body, taken in zip(bodies, took, strict=True)]


def _places(cond: Cond, place: Place = ()) -> Iterator[tuple[int, Place]]:
    """Each node of a condition (by its `id`: the compiled branches name the very objects) and its place,
    down to `any_item` (whose alternatives durable holds of some item, not of which)."""
    yield id(cond), place
    if isinstance(cond, (All, AnyOf, AtLeast)):
        for i, child in enumerate(cond.children):
            yield from _places(child, (*place, i))


def case_alternatives(node: Any) -> int:
    """How many `$or` alternatives a durable rule body holds outside its `$iany` tests (MAX_CASE_ALTERNATIVES)."""
    if isinstance(node, dict):
        own = len(node.get("$or", ()))
        return own + sum(case_alternatives(value) for key, value in node.items() if key != "$iany")
    if isinstance(node, list):
        return sum(case_alternatives(value) for value in node)
    return 0


def _memberships(rules: Iterable[Rule]) -> dict[str, dict[str, int]]:
    """For each conclusion, the group attributes its fact carries (see `compile_rule`)."""
    out: dict[str, dict[str, int]] = {}
    for rule in rules:
        for cond in walk(rule.when):
            if _counted(cond):
                for child in cond.children:
                    if isinstance(child, Needs):  # all of them, as `_counted` says
                        out.setdefault(child.conclusion, {})[_group(cond)] = 1
    return out


# --- running -----------------------------------------------------------------------

#: Added to every compiled rulebook (see `Engine.__init__`); they count towards MAX_DURABLE_RULES.
CATCH_ALLS: dict[str, Any] = {
    "$seen-case": {"all": [{"m": {"t": "case"}}]},
    "$seen-concl": {"all": [{"m": {"t": "concl"}}, {"n": {"t": "$never"}}]},
}


def compile_rulebook(
    rules: Iterable[Rule],
) -> tuple[dict[str, Any], dict[str, Rule], dict[str, tuple[Place, ...]]]:
    """The durable ruleset definition, catch-alls included, our rule behind each durable rule, and the
    alternatives each takes (those of a branch that takes none left out).

    Names are ours (`r<n>`), so a message's name needs no unescaping. The catch-alls make
    sure no fact is "not handled". The one for the case fact fires once per case:
    durable-rules aborts the process (free(): invalid pointer) when it deletes a session in
    which no action ever ran. The one for conclusions joins a fact type that is never
    asserted, so it matches every conclusion without costing an action.
    """
    definition: dict[str, Any] = {}
    behind: dict[str, Rule] = {}
    chosen: dict[str, tuple[Place, ...]] = {}
    for rule in rules:
        for body, took in compile_branches(rule):
            name = f"r{len(definition)}"
            definition[name] = body
            behind[name] = rule
            if took:
                chosen[name] = took
    definition.update(CATCH_ALLS)
    return definition, behind, chosen


class Firings(msgspec.Struct, frozen=True):
    """What the engine fired for one case: rules fired and conclusions drawn, in order; and of each rule
    fired, the alternatives that held (the places, `Place`, of the children of its `any` and `at_least`
    that a branch which fired took; none inside `any_item`, none of a counted `at_least`)."""

    fired: tuple[str, ...]
    concluded: tuple[str, ...]
    chosen: dict[str, frozenset[Place]]


class Compiled(msgspec.Struct, frozen=True):
    """A rulebook compiled for durable-rules, all of `Engine` that is the same in every process
    (`rules_cache` keeps it with the rules): only `create_ruleset` is left to do. Plain data."""

    definition: str  # the ruleset, as `encode` writes it
    size: int  # durable rules in it, catch-alls included
    behind: dict[str, tuple[str, str]]  # durable rule name -> our rule's id and what it concludes
    chosen: dict[str, tuple[Place, ...]]  # durable rule name -> the alternatives its branch takes (if any)
    #: Each conclusion's fact as JSON after its session id: the same for every case, so encoded once.
    conclusions: dict[str, str]
    #: The fields the durable rules test (`reads`), each with its short name (`shortened`): only these of a
    #: case's facts are asserted, under those names (`project`).
    read: dict[str, Any]

    @classmethod
    def of(cls, rules: Iterable[Rule], short_names: bool = True) -> Compiled:
        """Compile `rules`; not `short_names`, with the fields' and conclusions' own names (what the short ones
        must fire alike)."""
        rules = tuple(rules)
        definition, behind, chosen = compile_rulebook(rules)
        groups = _memberships(rules)
        name = _short if short_names else None
        named = _named(reads(definition), name)
        drawn = {c: name(i) if name else c for i, c in enumerate(dict.fromkeys(rule.concludes for rule in rules))}
        conclusions = {
            concl: encode({"id": f"c:{short}", "t": "concl", "c": short, **groups.get(concl, {})})[1:]
            for concl, short in drawn.items()
        }
        return cls(
            encode(shortened(definition, named, drawn)),
            len(definition),
            {n: (r.id, r.concludes) for n, r in behind.items()},
            chosen,
            conclusions,
            named,
        )


#: durable-rules' operators whose operand is `{field: value}`.
_FIELD_OPERATORS = frozenset(("$ex", "$nex", *_COMPARE.values()))


def reads(definition: dict[str, Any]) -> dict[str, Any]:
    """The fields a durable ruleset definition tests, as a tree: a field's name maps to True (its value is read
    whole) or to the tree of what is read inside it (of an object, or of each item of a list).

    The rules read about a hundred fields; a case's facts hold every field the file gives (names, places,
    charges, descriptions), which durable-rules would otherwise parse and keep for every case (issue 33).
    """
    tree: dict[str, Any] = {}
    for test in _tests_of(definition):
        if _is_case_test(test):
            for field_test in test["$and"][1:]:  # after the fact's type
                _reads(field_test, tree, None)
    return tree


def _tests_of(definition: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every term's test in a ruleset definition (each term names one fact and tests it)."""
    for body in definition.values():
        for term in [*body.get("all", ()), *body.get("any", ())]:
            yield from term.values()


def _is_case_test(test: dict[str, Any]) -> bool:
    """A test of the case fact's fields (`_case_test`): not the catch-alls' and not a conclusion's."""
    return test.get("$and", ({},))[0] == {"t": "case"}


def _reads(test: dict[str, Any], tree: dict[str, Any], item: str | None) -> None:
    """Mark what one test reads; `item`: inside `$iany`, the list whose items `$i` and `$i.field` name."""
    for key, value in test.items():
        if key in ("$and", "$or"):
            for child in value:
                _reads(child, tree, item)
        elif key == "$iany":
            for list_path, inner in value.items():
                _reads(inner, tree, list_path)
        else:
            for path in value if key in _FIELD_OPERATORS else (key,):
                if item is not None and (path == "$i" or path.startswith("$i.")):
                    path = item + path.removeprefix("$i")
                if path.startswith("$"):  # an operator this reading does not know: it would drop what it reads
                    raise EngineError(_says("cannot_compile", kind=path))
                _mark(tree, path.split("."))


def _mark(tree: dict[str, Any], names: list[str]) -> None:
    """Mark the field at `names` read whole, unless a field above it is already."""
    for name in names[:-1]:
        below = tree.setdefault(name, {})
        if below is True:
            return
        tree = below
    tree[names[-1]] = True


def project(value: Any, read: Any) -> Any:
    """`value` with only the fields `read` (a `_named` tree) names, under their short names: an object's other keys
    left out, each item of a list projected alike, anything else kept as it is."""
    if read is True:
        return value
    if isinstance(value, dict):
        return {r[0]: project(v, r[1]) for k, v in value.items() if (r := read.get(k)) is not None}
    if isinstance(value, list):
        return [project(v, read) for v in value]
    return value


# --- short names -------------------------------------------------------------------
# durable-rules scans a definition's text again for every key it looks up, so `create_ruleset` costs in
# proportion to the text's length (about 0.8M instructions a kB): fields and conclusions are given short
# names in the durable ruleset and in the facts asserted, each name unique among its siblings.


def _short(n: int) -> str:
    """The n-th short name: A to Z, then AA, AB... (capitals: no clash with the case fact's `sid`, `id`, `t`)."""
    name = chr(65 + n % 26)
    while n >= 26:
        n = n // 26 - 1
        name = chr(65 + n % 26) + name
    return name


def _named(read: dict[str, Any], short: Callable[[int], str] | None) -> dict[str, Any]:
    """A `reads` tree with each field's name in durable-rules (the n-th sibling's `short(n)`, else its own): a
    field's name maps to [that name, True or the tree below]."""
    return {
        name: [short(i) if short else name, True if below is True else _named(below, short)]
        for i, (name, below) in enumerate(read.items())
    }


def shortened(definition: dict[str, Any], named: dict[str, Any], drawn: dict[str, str]) -> dict[str, Any]:
    """`definition` with the case fact's fields under their short names (`named`) and each conclusion under its
    short name (`drawn`): the same tests of the same facts, as `project` and `Compiled.conclusions` assert them."""

    def test(one: dict[str, Any]) -> dict[str, Any]:
        if _is_case_test(one):
            return {"$and": [one["$and"][0], *(_renamed(t, named, named) for t in one["$and"][1:])]}
        if "$and" in one:  # a conclusion's term: the type, then the conclusion or its group
            return {"$and": [{k: drawn[v] if k == "c" else v for k, v in t.items()} for t in one["$and"]]}
        return one

    def terms(key: str, value: Any) -> Any:
        return [{label: test(one) for label, one in term.items()} for term in value] if key in ("all", "any") else value

    return {name: {key: terms(key, value) for key, value in body.items()} for name, body in definition.items()}


def _renamed(test: dict[str, Any], named: dict[str, Any], item: Any) -> dict[str, Any]:
    """One test of the case fact with its fields' short names; `item`: inside `$iany`, the tree of a list's items."""
    out: dict[str, Any] = {}
    for key, value in test.items():
        if key in ("$and", "$or"):
            out[key] = [_renamed(child, named, item) for child in value]
        elif key == "$iany":
            lists = {list_path: _shorten(list_path, named, item) for list_path in value}
            out[key] = {lists[p][0]: _renamed(inner, named, lists[p][1]) for p, inner in value.items()}
        elif key in _FIELD_OPERATORS:
            out[key] = {_shorten(path, named, item)[0]: operand for path, operand in value.items()}
        else:
            out[_shorten(key, named, item)[0]] = value
    return out


def _shorten(path: str, named: dict[str, Any], item: Any) -> tuple[str, Any]:
    """A field's path (`$i.` before an item's) under its short names, and the tree below it; past a field read
    whole, the names are its own (`project` keeps its value as it is)."""
    if path == "$i":
        return path, item
    head, names, tree = ("$i.", path[3:], item) if path.startswith("$i.") else ("", path, named)
    out = []
    for name in names.split("."):
        if tree is True:
            out.append(name)
        else:
            short, tree = tree[name]
            out.append(short)
    return head + ".".join(out), tree


class Engine:
    """A rulebook compiled into one durable ruleset, ready to run cases one after another.

    Driven through durable-rules' C module, as its Python `Host` does, but without what a
    batch does not need: no timer threads, no JSON decoding of the state and of every
    message (each would carry the whole case fact), no closures per action.
    """

    def __init__(self, rules: Iterable[Rule], compiled: Compiled | None = None):
        compiled = compiled or Compiled.of(rules)
        self._sid = itertools.count()
        if compiled.size > MAX_DURABLE_RULES:
            raise EngineError(_says("too_large", size=compiled.size, limit=MAX_DURABLE_RULES))
        self._behind = compiled.behind
        self._chosen = {name: frozenset(places) for name, places in compiled.chosen.items()}
        self._conclusions = compiled.conclusions
        self._read = compiled.read
        self._dre = _durable()
        self._handle = self._register(compiled.definition)

    def _register(self, definition: str) -> int:
        """Create the ruleset under a fresh name, retrying a spurious parse failure."""
        error: Exception | None = None
        for _ in range(REGISTER_ATTEMPTS):
            try:
                return self._dre.create_ruleset(f"wgad{next(_names)}", definition)
            except self._dre.error as exc:  # "Could not create ruleset, error code: 102"
                error = exc
        raise EngineError(_says("refused", error=error))

    def _assert(self, fact: str) -> int:
        """Assert one fact (JSON) into its session; the handle of the session's state."""
        code, state = self._dre.assert_fact(self._handle, fact)
        if code in (1, 2):  # pragma: no cover - catch-all rules exist; conclusions are asserted once
            raise EngineError(_says("no_match" if code == 1 else "already_had", fact=fact[:80]))
        return state

    def run(self, facts: Facts) -> Firings:
        """Assert one case's facts in a fresh session and collect what fired, in order."""
        dre, handle = self._dre, self._handle
        sid = f"s{next(self._sid)}"
        fired: list[str] = []
        concluded: list[str] = []
        chosen: dict[str, frozenset[Place]] = {}
        state = self._assert(encode({**project(facts.doc, self._read), "sid": sid, "id": "case", "t": "case"}))
        try:
            started = dre.start_action_for_state(handle, state)
            message = started[1] if started else None
            while message:  # '{"<name>":{...the facts matched...}}'
                name = message[2 : message.index('"', 2)]
                behind = self._behind.get(name)
                if behind is not None:
                    rule_id, concludes = behind
                    fired.append(rule_id)
                    took = self._chosen.get(name)
                    if took is not None:
                        chosen[rule_id] = chosen.get(rule_id, took) | took
                    if concludes not in concluded:
                        concluded.append(concludes)
                        self._assert(f'{{"sid":"{sid}",{self._conclusions[concludes]}')
                message = dre.complete_and_start_action(handle, state)
        except BaseException:
            dre.abandon_action(handle, state)
            raise
        finally:
            dre.delete_state(handle, sid)
        return Firings(tuple(dict.fromkeys(fired)), tuple(concluded), chosen)


_names = itertools.count()


def _says(key: str, /, **parts: object) -> str:
    """What the engine says when it cannot run the rules (locales/<lang>/law.yaml, `engine:`), read only then."""
    return words.of("law", "engine")[key].format(**parts)
