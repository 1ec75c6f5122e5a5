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
* Facts live per session until deleted, at most 1,024 sessions per ruleset:
  every case gets a fresh session, deleted in a `finally`.
* Each Host starts two perpetual timer threads: one Host per process.
* Over about 512 rules in one ruleset, `set_rulesets` hangs: refused earlier.
"""

from __future__ import annotations

import copy
import itertools
import sys
import threading
from dataclasses import dataclass, field
from typing import Any

from .errors import EngineError
from .facts import Facts
from .rule import All, AnyItem, AnyOf, AtLeast, Cond, FactCond, Needs, Rule, Unless, walk
from .rulebook import Rulebook

MAX_DURABLE_RULES = 480
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


def _expr(cond: Cond, prefix: str = "") -> dict[str, Any]:
    """A fact-only condition as one durable expression over the case fact."""
    if isinstance(cond, FactCond):
        return _fact_expr(cond, prefix + cond.path)
    if isinstance(cond, Unless):
        path = prefix + cond.cond.path
        return {"$or": [{"$nex": {path: 1}}, {"$neq": {path: cond.cond.value}}]}
    if isinstance(cond, AnyItem):
        return {"$iany": {prefix + cond.list_path: _expr(cond.where, "$i.")}}
    if isinstance(cond, All):
        return _join("$and", [_expr(c, prefix) for c in cond.children])
    if isinstance(cond, AnyOf):
        return _join("$or", [_expr(c, prefix) for c in cond.children])
    if isinstance(cond, AtLeast):
        combos = itertools.combinations(cond.children, cond.n)
        return _join("$or", [_join("$and", [_expr(c, prefix) for c in combo]) for combo in combos])
    raise EngineError(f"a conclusion cannot be compiled into a fact test: {cond}")


def _join(op: str, parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {op: parts}


_COMPARE = {"is_not": "$neq", "at_least": "$gte", "more_than": "$gt", "at_most": "$lte", "less_than": "$lt"}


def _fact_expr(cond: FactCond, path: str) -> dict[str, Any]:
    if cond.op == "is":
        return {path: cond.value}
    if cond.op == "in":
        return _join("$or", [{path: v} for v in cond.value])
    if cond.op in ("contains", "contains_any"):
        if path.startswith("$i."):
            raise EngineError(f"'{cond.op}' on a field of a list item is not supported")
        values = cond.value if cond.op == "contains_any" else [cond.value]
        return {"$iany": {path: _join("$or", [{"$i": v} for v in values])}}
    return {_COMPARE[cond.op]: {path: cond.value}}


def _has_needs(cond: Cond) -> bool:
    return any(isinstance(c, Needs) for c in walk(cond))


def _dnf(cond: Cond) -> list[tuple[list[Cond], frozenset[str]]]:
    """Branches of `cond`, each a list of fact-only conditions and a set of conclusions."""
    if not _has_needs(cond):
        return [([cond], frozenset())]
    if isinstance(cond, Needs):
        return [([], frozenset({cond.conclusion}))]
    if isinstance(cond, All):
        out: list[tuple[list[Cond], frozenset[str]]] = [([], frozenset())]
        for child in cond.children:
            out = [(f1 + f2, n1 | n2) for f1, n1 in out for f2, n2 in _dnf(child)]
        return out
    if isinstance(cond, AnyOf):
        return [branch for child in cond.children for branch in _dnf(child)]
    if isinstance(cond, AtLeast):
        return [
            branch for combo in itertools.combinations(cond.children, cond.n) for branch in _dnf(All(combo, cond.pos))
        ]
    raise EngineError(f"cannot expand condition {cond}")


def compile_rule(rule: Rule) -> list[dict[str, Any]]:
    """The durable rule bodies (without "run") for one of our rules."""
    bodies = []
    seen = set()
    for facts, needed in _dnf(rule.when):
        key = (repr(facts), needed)
        if key in seen:
            continue
        seen.add(key)
        terms: list[dict[str, Any]] = []
        if facts:
            terms.append({"m": {"$and": [{"t": "case"}, *(_expr(f) for f in facts)]}})
        for i, conclusion in enumerate(sorted(needed)):
            terms.append({f"c{i}": {"$and": [{"t": "concl"}, {"c": conclusion}]}})
        bodies.append({"all": terms})
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
        self.name = f"wgad{next(_HostHolder.counter)}"
        definition: dict[str, Any] = {}
        for rule in rulebook.rules:
            for n, body in enumerate(compile_rule(rule)):
                body["run"] = self._action(rule)
                definition[f"{rule.id}#{n}"] = body
        for kind in ("case", "concl"):
            definition[f"$seen-{kind}"] = {"all": [{"m": {"t": kind}}], "run": _noop}
        if len(definition) > MAX_DURABLE_RULES:
            raise EngineError(
                f"the rulebook compiles to {len(definition)} durable rules; "
                f"durable-rules hangs above about 512 in one ruleset (limit {MAX_DURABLE_RULES})"
            )
        self._host = _HostHolder.get()
        # set_rulesets pops "run" from each rule: hand it a copy that keeps our callables.
        runs = {name: body.pop("run") for name, body in definition.items()}
        ruleset = copy.deepcopy(definition)
        for name, body in ruleset.items():
            body["run"] = runs[name]
        self._host.set_rulesets({self.name: ruleset})

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
    """Catch-all action: durable-rules raises on a fact that no rule matches."""


_engines: dict[int, Engine] = {}


def for_rulebook(rulebook: Rulebook) -> Engine:
    """The engine of a rulebook, compiled once per process."""
    key = id(rulebook)
    if key not in _engines:
        _engines[key] = Engine(rulebook)
    return _engines[key]


def python_version_note() -> str:
    return f"Python {sys.version_info.major}.{sys.version_info.minor}"
