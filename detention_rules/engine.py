"""Run the rulebook on durable-rules: compile rules to rulesets, assert facts, record firings.

The only module that imports durable-rules (2.0.28, unmaintained). Its quirks,
verified and worked around here:

* Rules are data: each rule's condition tree is compiled to durable's JSON
  (`$and`, `$or`, `$iany`, `$nex`, `$neq`, `$gte`...). Citations and templates
  stay in our own Rule objects: any extra key in a durable rule is refused.
* A conclusion needed by a rule is a separate fact joined in the rule. A
  disjunction over conclusions is expanded into one durable rule per branch
  (named `<rule id>#<n>`); the first branch to fire asserts the conclusion.
* `set_rulesets` mutates its argument (pops "run"): it gets a deep copy.
* An exception in an action does not propagate: it lands in the session state
  under "exception", which is checked after every case.
* A fact no rule matches raises MessageNotHandledException: two catch-all rules
  match every case fact and every conclusion fact.
* Deleting a session in which no action ever ran aborts the whole process
  (`free(): invalid pointer`): the case fact's catch-all always fires.
* Facts live per session until deleted, at most 1,024 sessions per ruleset:
  every case gets a fresh session, deleted in a `finally`.
* Each Host starts two perpetual timer threads: one Host per process.
* Over about 512 rules in one ruleset, `set_rulesets` hangs: refused earlier.
* Seen twice in some hundreds of fresh processes: `create_ruleset` failed with
  error 102 (ERR_UNEXPECTED_TYPE) on the very definition that loads every other
  time, and that a retry in the same process loads. Registration is retried.
"""

from __future__ import annotations

import copy
import itertools
import threading
from dataclasses import dataclass, field
from typing import Any

from .errors import EngineError
from .facts import Facts
from .rule import All, AnyItem, AnyOf, AtLeast, Cond, FactCond, Needs, Rule, Unless, walk
from .rulebook import Rulebook

MAX_DURABLE_RULES = 480
REGISTER_ATTEMPTS = 3
_PY313_ADVICE = (
    "durable-rules could not be imported ({error}). On Python 3.13 it must be built with\n"
    '  CPPFLAGS="-DPyEval_CallObject=PyObject_CallObject" '
    "pip install --no-cache-dir --force-reinstall durable-rules==2.0.28\n"
    "(see README, 'Python 3.13')."
)


def _durable() -> Any:
    """Import durable-rules late, turning a failed import into advice instead of a traceback."""
    try:
        import durable.engine as durable_engine
    except ImportError as exc:  # on 3.13: undefined symbol PyEval_CallObject
        raise EngineError(_PY313_ADVICE.format(error=exc)) from None
    return durable_engine


# --- compiling ---------------------------------------------------------------------


def _branches(cond: Cond) -> list[list[dict[str, Any]]]:
    """A fact-only condition as alternatives, each a conjunction of durable tests.

    Rules are compiled to conjunctions only, one durable rule per alternative:
    durable-rules evaluates `$or` inside `$iany` wrongly (it keeps the verdict of
    the item's last property) and refuses large expressions (error 113). Some item
    satisfies (A or B) exactly when some item satisfies A or some item satisfies B.
    """
    if isinstance(cond, FactCond):
        if cond.op in ("contains", "contains_any"):
            values = cond.value if cond.op == "contains_any" else [cond.value]
            return [[{"$iany": {cond.path: {"$i": v}}}] for v in values]
        return [[_atom(cond, cond.path, v)] for v in _values(cond)]
    if isinstance(cond, Unless):
        return [[{"$nex": {cond.cond.path: 1}}], [{"$neq": {cond.cond.path: cond.cond.value}}]]
    if isinstance(cond, AnyItem):
        return [[{"$iany": {cond.list_path: _join("$and", branch)}}] for branch in _item_dnf(cond.where)]
    return _combine(cond, _branches)


def _combine(cond: Cond, branches: Any) -> list[list[Any]]:
    """Distribute all / any / at_least over the alternatives of their children.

    Shared by the three expansions: of a rule over conclusions (`_dnf`), of its fact tests
    (`_branches`) and of the tests on one list item (`_item_dnf`).
    """
    if isinstance(cond, All):
        out: list[list[Any]] = [[]]
        for child in cond.children:
            out = [a + b for a in out for b in branches(child)]
        return out
    if isinstance(cond, AnyOf):
        return [b for child in cond.children for b in branches(child)]
    if isinstance(cond, AtLeast):
        return [b for combo in itertools.combinations(cond.children, cond.n) for b in branches(All(combo, cond.pos))]
    raise EngineError(f"cannot compile {type(cond).__name__} here")


def _join(op: str, parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {op: parts}


_COMPARE = {"is_not": "$neq", "at_least": "$gte", "more_than": "$gt", "at_most": "$lte", "less_than": "$lt"}


def _values(cond: FactCond) -> list[Any]:
    return list(cond.value) if cond.op == "in" else [cond.value]


def _atom(cond: FactCond, path: str, value: Any = None) -> dict[str, Any]:
    """One test of one field: `is` (or one value of `in`), or a comparison."""
    if cond.op in ("is", "in"):
        return {path: value}
    return {_COMPARE[cond.op]: {path: cond.value}}


def _item_dnf(cond: Cond) -> list[list[dict[str, Any]]]:
    """A condition on a list item as alternatives, each a conjunction of `$i.` tests."""
    if isinstance(cond, FactCond):
        if cond.op in ("contains", "contains_any"):
            raise EngineError(f"'{cond.op}' on a field of a list item is not supported")
        return [[_atom(cond, "$i." + cond.path, v)] for v in _values(cond)]
    if isinstance(cond, Unless):
        path = "$i." + cond.cond.path
        return [[{"$nex": {path: 1}}], [{"$neq": {path: cond.cond.value}}]]
    return _combine(cond, _item_dnf)


def _has_needs(cond: Cond) -> bool:
    return any(isinstance(c, Needs) for c in walk(cond))


def _dnf(cond: Cond) -> list[list[Cond]]:
    """Branches of `cond` at the level of conclusions: each a list of fact-only conditions and Needs."""
    if not _has_needs(cond) or isinstance(cond, Needs):
        return [[cond]]
    return _combine(cond, _dnf)


def compile_rule(rule: Rule) -> list[dict[str, Any]]:
    """The durable rule bodies (without "run") for one of our rules."""
    bodies: list[dict[str, Any]] = []
    for branch in _dnf(rule.when):
        facts = [c for c in branch if not isinstance(c, Needs)]
        needed = sorted({c.conclusion for c in branch if isinstance(c, Needs)})
        needs_terms = [{f"c{i}": {"$and": [{"t": "concl"}, {"c": c}]}} for i, c in enumerate(needed)]
        for tests in _branches(All(tuple(facts), rule.pos)) if facts else [[]]:
            case_term = [{"m": {"$and": [{"t": "case"}, *tests]}}] if tests else []
            body = {"all": case_term + needs_terms}
            if body not in bodies:
                bodies.append(body)
    return bodies


# --- running -----------------------------------------------------------------------


@dataclass
class _Session:
    fired: list[str] = field(default_factory=list)
    concluded: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    """What the engine did with one case: rules fired and conclusions drawn, in order."""

    fired: tuple[str, ...]
    concluded: tuple[str, ...]


class _HostHolder:
    """One durable Host per process, created on first use."""

    host: Any = None
    lock = threading.Lock()
    counter = itertools.count()

    @classmethod
    def get(cls) -> Any:
        with cls.lock:
            if cls.host is None:
                cls.host = _durable().Host()
            return cls.host


class Engine:
    """A rulebook compiled into one durable ruleset, ready to run cases one after another."""

    def __init__(self, rulebook: Rulebook):
        self.rulebook = rulebook
        self._sessions: dict[str, _Session] = {}
        self._sid = itertools.count()
        definition: dict[str, Any] = {}
        runs: dict[str, Any] = {}
        for rule in rulebook.rules:
            for n, body in enumerate(compile_rule(rule)):
                definition[f"{rule.id}#{n}"] = body
                runs[f"{rule.id}#{n}"] = self._action(rule)
        # Catch-alls, so that no fact is "not handled". The one for the case fact fires once per
        # case: durable-rules aborts the process (free(): invalid pointer) when it deletes a
        # session in which no action ever ran. The one for conclusions joins a fact type that is
        # never asserted, so it matches every conclusion without costing an action call.
        definition["$seen-case"] = {"all": [{"m": {"t": "case"}}]}
        definition["$seen-concl"] = {"all": [{"m": {"t": "concl"}}, {"n": {"t": "$never"}}]}
        runs["$seen-case"] = runs["$seen-concl"] = _noop
        if len(definition) > MAX_DURABLE_RULES:
            raise EngineError(
                f"the rulebook compiles to {len(definition)} durable rules; "
                f"durable-rules hangs above about 512 in one ruleset (limit {MAX_DURABLE_RULES})"
            )
        self._host = _HostHolder.get()
        self.name = self._register(definition, runs)

    def _register(self, definition: dict[str, Any], runs: dict[str, Any]) -> str:
        """Register the ruleset under a fresh name, retrying a spurious parse failure."""
        error: Exception | None = None
        for _ in range(REGISTER_ATTEMPTS):
            name = f"wgad{next(_HostHolder.counter)}"
            ruleset = copy.deepcopy(definition)  # set_rulesets pops "run" from what it is given
            for key, body in ruleset.items():
                body["run"] = runs[key]
            try:
                self._host.set_rulesets({name: ruleset})
            except Exception as exc:  # durable_rules_engine.error: "Could not create ruleset"
                error = exc
                continue
            return name
        raise EngineError(f"durable-rules refused the compiled rulebook: {error}")

    def _action(self, rule: Rule) -> Any:
        def action(c: Any) -> None:
            session = self._sessions[c.s.sid]
            session.fired.append(rule.id)
            if rule.concludes not in session.concluded:
                session.concluded.append(rule.concludes)
                c.assert_fact({"id": f"c:{rule.concludes}", "t": "concl", "c": rule.concludes})

        return action

    def run(self, facts: Facts) -> Outcome:
        """Assert one case's facts in a fresh session and collect what fired."""
        durable_engine = _durable()
        sid = f"s{next(self._sid)}"
        session = self._sessions[sid] = _Session()
        try:
            self._host.assert_facts(self.name, [{**facts.doc, "sid": sid, "id": "case", "t": "case"}])
            state = self._host.get_state(self.name, sid)
            if state and "exception" in state:
                raise EngineError(f"a rule action failed inside durable-rules: {state['exception']}")
        except durable_engine.MessageNotHandledException:  # pragma: no cover - catch-all rules exist
            raise EngineError("durable-rules matched no rule for the case fact") from None
        finally:
            try:
                self._host.delete_state(self.name, sid)
            finally:
                self._sessions.pop(sid, None)
        return Outcome(tuple(dict.fromkeys(session.fired)), tuple(session.concluded))


def _noop(c: Any) -> None:
    """The catch-all rules' action: nothing to do (see the $seen rules)."""


_engines: dict[int, Engine] = {}


def for_rulebook(rulebook: Rulebook) -> Engine:
    """The engine of a rulebook, compiled once per process."""
    key = id(rulebook)
    if key not in _engines:
        _engines[key] = Engine(rulebook)
    return _engines[key]
