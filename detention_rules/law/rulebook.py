"""Read the rules in rules/*.yaml, with every problem that makes the law they state untrustworthy.

Checks, each reported as `path:line:col: error: message [code]`: unknown keys,
duplicate rule ids, conditions on fields the case model does not have, values
a field cannot hold, conclusions needed but never drawn, conclusions drawn but
never used, and cycles between rules. Rules too large for the engine are the
engine's to refuse: `reasoning/runnable.py` loads a rulebook with both checks.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detention_rules import words
from detention_rules.errors import InputError, Problem
from detention_rules.input import source
from detention_rules.input.case import CATEGORIES, FieldType
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import readable_fields
from detention_rules.input.messages import closest
from detention_rules.law import citation, parameters
from detention_rules.law.rule import (
    BASES,
    CONCLUSION_KINDS,
    OPERATORS,
    All,
    AnyItem,
    AnyOf,
    AtLeast,
    Cond,
    FactCond,
    Needs,
    Pos,
    Rule,
    Unless,
    needs,
    placeholders,
    walk,
)

if TYPE_CHECKING:
    from detention_rules.problem_codes import ProblemCode

RULE_KEYS = {
    "id",
    "title",
    "category",
    "when",
    "then",
    "provisions",
    "jurisprudence",
    "law",
    "explain",
    "note",
    "refer",
    "basis",
}
REQUIRED = ("id", "title", "when", "then", "basis", "provisions", "jurisprudence", "law", "explain")
FILE_KEYS = {"category", "title", "rules"}
RULE_CATEGORIES = (*CATEGORIES, "admissibility")
#: Files of legal data beside the rule files, each read by its own module, not as rules.
DATA_FILES = (parameters.FILE_NAME, "outcomes.yaml")


def read(directory: Path, params: dict[str, parameters.Parameter]) -> tuple[list[Rule], list[Problem]]:
    """The rules of every rule file in a folder, and every problem with them; `params`: the folder's parameters."""
    files = sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))
    files = [f for f in files if f.name not in DATA_FILES]
    if not files:
        return [], [Problem(str(directory), 1, 1, "error", _says("no_rule_files"), "rules-missing")]
    rules, problems = _read_files(files, params)
    return rules, problems + whole_rulebook_problems(rules)


def _read_files(files: Iterable[Path], params: dict[str, parameters.Parameter]) -> tuple[list[Rule], list[Problem]]:
    rules: list[Rule] = []
    problems: list[Problem] = []
    for path in files:
        try:
            doc = source.load(path)
        except InputError as exc:
            problems += exc.problems
            continue
        reader = _Reader(doc, params)
        rules += reader.read_file()
        problems += reader.problems
    return rules, problems


class _Reader:
    """Reads one rule file, collecting problems instead of stopping at the first."""

    def __init__(self, doc: source.Document, params: dict[str, parameters.Parameter]):
        self.doc = doc
        self.params = params
        self.problems: list[Problem] = []
        self.fields = readable_fields()

    def pos(self, path: source.PathKey, *, key: bool = False) -> Pos:
        line, col = self.doc.where(path, key=key)
        return Pos(self.doc.path, line, col)

    def problem(self, path: source.PathKey, message: str, code: ProblemCode, *, key: bool = False) -> None:
        p = self.pos(path, key=key)
        self.problems.append(Problem(p.path, p.line, p.col, "error", message, code, str(FieldPath(path))))

    def unknown_keys(self, data: dict[str, Any], allowed: set[str], path: source.PathKey) -> None:
        for key in data:
            if key not in allowed:
                hint = closest(key, sorted(allowed))
                extra = _says("did_you_mean", hint=hint) if hint else ""
                self.problem((*path, key), _says("unknown_key", key=key, extra=extra), "rule-unknown-key", key=True)

    def read_file(self) -> list[Rule]:
        data = self.doc.data
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            self.problem((), _says("file_shape"), "rule-file-shape")
            return []
        self.unknown_keys(data, FILE_KEYS, ())
        default_category = data.get("category")
        out = []
        for i, item in enumerate(data["rules"]):
            rule = self.read_rule(item, ("rules", i), default_category)
            if rule is not None:
                out.append(rule)
        return out

    def read_rule(self, item: Any, path: source.PathKey, default_category: Any) -> Rule | None:
        if not isinstance(item, dict):
            self.problem(path, _says("rule_shape"), "rule-shape")
            return None
        self.unknown_keys(item, RULE_KEYS, path)
        missing = [k for k in REQUIRED if k not in item]
        if missing:
            self.problem(path, _says("missing", keys=", ".join(missing)), "rule-missing-key")
            return None
        if item["basis"] not in BASES:
            self.problem((*path, "basis"), _says("basis", choices=", ".join(BASES)), "rule-type")
            return None
        category = item.get("category", default_category)
        if category not in RULE_CATEGORIES:
            self.problem((*path, "category"), _says("category", choices=", ".join(RULE_CATEGORIES)), "rule-category")
            return None
        when = self.cond(item["when"], (*path, "when"), in_item=None)
        concludes = self.conclusion(item["then"], (*path, "then"))
        texts = {k: item.get(k) for k in ("id", "title", "explain", "law", "note")}
        for key, value in texts.items():
            if value is not None and not isinstance(value, str):
                self.problem((*path, key), _says("not_text", key=key), "rule-type")
                return None
        lists = {}
        for key in ("provisions", "jurisprudence", "refer"):
            value = item.get(key, [])
            required = key != "refer"
            if not isinstance(value, list) or (required and not value) or not all(isinstance(v, str) for v in value):
                need = _says("citations" if required else "procedures")
                self.problem((*path, key), _says("must_be", key=key, need=need), "rule-type")
                return None
            lists[key] = tuple(value)
            for i, text in enumerate(value):
                try:
                    cited = citation.parse(text)
                except citation.CitationError as exc:
                    self.problem((*path, key, i), str(exc), "rule-citation")
                    return None
                if key == "provisions" and cited.source not in citation.INSTRUMENTS:
                    known = ", ".join(citation.INSTRUMENTS)
                    self.problem((*path, key, i), _says("no_instrument", text=text, known=known), "rule-citation")
                    return None
        item_lists = [c.list_path for c in walk(when) if isinstance(c, AnyItem)] if when else []
        for name in placeholders(item["explain"]):
            readable = (
                any(f"{lst}[].{name[5:]}" in self.fields for lst in item_lists)
                if name.startswith("item.")
                else name in self.fields
            )
            if not readable:
                self.problem((*path, "explain"), _says("template_field", name=name), "rule-unknown-field")
        if when is None or concludes is None:
            return None
        return Rule(
            id=item["id"],
            title=item["title"],
            category=category,
            when=when,
            concludes=concludes,
            provisions=lists["provisions"],
            jurisprudence=lists["jurisprudence"],
            explain=item["explain"],
            pos=self.pos(path),
            law=item.get("law") or "",
            note=item.get("note") or "",
            refer=lists["refer"],
            basis=item["basis"],
        )

    def conclusion(self, data: Any, path: source.PathKey) -> str | None:
        if isinstance(data, dict) and len(data) == 1:
            ((kind, name),) = data.items()
            if kind in CONCLUSION_KINDS and isinstance(name, str) and name:
                if kind == "category" and name not in CATEGORIES:
                    self.problem(path, _says("unknown_category", name=name), "rule-category")
                    return None
                return f"{kind}:{name}"
        self.problem(path, _says("then"), "rule-then")
        return None

    def cond(self, data: Any, path: source.PathKey, in_item: str | None) -> Cond | None:
        """One condition, by the key that names its kind; each kind has its own reader below."""
        if not isinstance(data, dict):
            self.problem(path, _says("condition_shape"), "rule-condition")
            return None
        for kind in CONCLUSION_KINDS:
            if kind in data:
                return self.needs(kind, data, path, in_item)
        for combinator in ("all", "any"):
            if combinator in data:
                self.unknown_keys(data, {combinator}, path)
                children = self.children(data[combinator], (*path, combinator), in_item)
                if children is None:
                    return None
                return (All if combinator == "all" else AnyOf)(children, self.pos(path))
        if "fact" in data:
            return self.fact(data, path, in_item)
        if "at_least" in data:
            return self.at_least(data, path, in_item)
        if "any_item" in data:
            return self.any_item(data, path, in_item)
        if "unless" in data:
            return self.unless(data, path, in_item)
        self.problem(path, _says("unknown_condition"), "rule-condition")
        return None

    def needs(self, kind: str, data: dict[str, Any], path: source.PathKey, in_item: str | None) -> Cond | None:
        if in_item is not None:
            self.problem(path, _says("conclusion_in_item"), "rule-condition")
            return None
        self.unknown_keys(data, {kind}, path)
        if not isinstance(data[kind], str) or not data[kind]:
            self.problem((*path, kind), _says("takes_a_name", kind=kind), "rule-condition")
            return None
        return Needs(f"{kind}:{data[kind]}", self.pos(path))

    def at_least(self, data: dict[str, Any], path: source.PathKey, in_item: str | None) -> Cond | None:
        self.unknown_keys(data, {"at_least", "of"}, path)
        n = data["at_least"]
        children = self.children(data.get("of"), (*path, "of"), in_item)
        if children is None:
            return None
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= len(children):
            self.problem(
                (*path, "at_least"),
                _says("at_least"),
                "rule-condition",
            )
            return None
        return AtLeast(n, children, self.pos(path))

    def any_item(self, data: dict[str, Any], path: source.PathKey, in_item: str | None) -> Cond | None:
        self.unknown_keys(data, {"any_item", "where"}, path)
        if in_item is not None:
            self.problem(path, _says("nested_item"), "rule-condition")
            return None
        list_path = data["any_item"]
        if not isinstance(list_path, str) or f"{list_path}[]." not in {k[: len(list_path) + 3] for k in self.fields}:
            self.problem((*path, "any_item"), _says("not_a_list", name=list_path), "rule-unknown-field")
            return None
        where = self.cond(data.get("where"), (*path, "where"), list_path)
        return AnyItem(list_path, where, self.pos(path)) if where else None

    def unless(self, data: dict[str, Any], path: source.PathKey, in_item: str | None) -> Cond | None:
        self.unknown_keys(data, {"unless"}, path)
        inner = self.fact(data["unless"], (*path, "unless"), in_item)
        if inner is None:
            return None
        if inner.op not in ("is", "in"):
            self.problem((*path, "unless"), _says("unless"), "rule-condition")
            return None
        return Unless(inner, self.pos(path))

    def children(self, data: Any, path: source.PathKey, in_item: str | None) -> tuple[Cond, ...] | None:
        if not isinstance(data, list) or not data:
            self.problem(path, _says("conditions"), "rule-condition")
            return None
        out = [self.cond(item, (*path, i), in_item) for i, item in enumerate(data)]
        return None if any(c is None for c in out) else tuple(c for c in out if c is not None)

    def fact(self, data: Any, path: source.PathKey, in_item: str | None) -> FactCond | None:
        if not isinstance(data, dict) or "fact" not in data:
            self.problem(path, _says("fact_shape"), "rule-condition")
            return None
        ops = [k for k in data if k != "fact"]
        self.unknown_keys(data, {"fact", *OPERATORS}, path)
        ops = [k for k in ops if k in OPERATORS]
        if len(ops) != 1:
            self.problem(path, _says("one_operator", operators=", ".join(OPERATORS)), "rule-condition")
            return None
        op, value, name = ops[0], data[ops[0]], data["fact"]
        parameter = ""
        if isinstance(value, dict) and set(value) == {"parameter"}:
            parameter = str(value["parameter"])
            if parameter not in self.params:
                hint = closest(parameter, sorted(self.params))
                extra = _says("did_you_mean", hint=hint) if hint else ""
                message = _says("no_parameter", name=parameter, file=parameters.FILE_NAME, extra=extra)
                self.problem((*path, op), message, "rule-parameter")
                return None
            value = self.params[parameter].value
        full = f"{in_item}[].{name}" if in_item else str(name)
        ftype = self.fields.get(full)
        if ftype is None:
            hint = closest(full, self.fields)
            extra = _says("did_you_mean", hint=hint) if hint else ""
            self.problem((*path, "fact"), _says("no_field", name=full, extra=extra), "rule-unknown-field")
            return None
        problem = _value_problem(ftype, op, value)
        if problem:
            self.problem((*path, op), _says("bad_value", name=full, problem=problem), "rule-bad-value")
            return None
        return FactCond(str(name), op, value, self.pos(path), parameter)


def _value_problem(ftype: FieldType, op: str, value: Any) -> str:
    """Why `value` cannot be compared with a field of this type, or ''."""
    values = value if op in ("in", "contains_any") else [value]
    if op in ("in", "contains_any") and (not isinstance(value, list) or not value):
        return _says("value_list", op=op)
    if op in ("at_least", "more_than", "at_most", "less_than"):
        ok = ftype.kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool)
        return "" if ok else _says("value_numbers", op=op)
    if op in ("contains", "contains_any"):
        if ftype.kind != "list":
            return _says("value_list_field", op=op)
        bad = [v for v in values if ftype.choices and v not in ftype.choices]
        return _says("value_choice", value=bad[0], choices=", ".join(ftype.choices)) if bad else ""
    for v in values:
        if isinstance(v, (dict, list)) or v is None:
            return _says("value_single")
        if ftype.kind == "bool" and not isinstance(v, bool):
            return _says("value_bool")
        if ftype.kind == "text" and not isinstance(v, str):
            return _says("value_text")
        if ftype.kind == "number" and (not isinstance(v, (int, float)) or isinstance(v, bool)):
            return _says("value_number")
        if ftype.kind == "enum" and v not in ftype.choices:
            return _says("value_choice", value=v, choices=", ".join(ftype.choices))
        if ftype.kind == "list":
            return _says("value_contains")
    return ""


def whole_rulebook_problems(rules: list[Rule]) -> list[Problem]:
    """Whole-rulebook checks: duplicate ids, dangling or unused conclusions, cycles."""
    problems: list[Problem] = []

    def err(rule: Rule, message: str, code: ProblemCode) -> None:
        problems.append(Problem(rule.pos.path, rule.pos.line, rule.pos.col, "error", message, code, rule.id))

    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            first = seen[rule.id].pos
            err(rule, _says("duplicate_id", id=rule.id, path=first.path, line=first.line), "rule-duplicate-id")
        seen.setdefault(rule.id, rule)
    drawn = {r.concludes for r in rules}
    used = set().union(*(needs(r.when) for r in rules)) if rules else set()
    for rule in rules:
        for node in walk(rule.when):
            if isinstance(node, Needs) and node.conclusion not in drawn:
                problems.append(
                    Problem(
                        node.pos.path,
                        node.pos.line,
                        node.pos.col,
                        "error",
                        _says("dangling", conclusion=node.conclusion),
                        "rule-dangling-conclusion",
                        rule.id,
                    )
                )
        if rule.kind == "violation" and rule.concludes not in used:
            err(rule, _says("unused", conclusion=rule.concludes), "rule-unused-conclusion")
    problems += _cycles(rules)
    return problems


def _cycles(rules: list[Rule]) -> list[Problem]:
    graph: dict[str, set[str]] = {r.concludes: set() for r in rules}
    for r in rules:
        graph[r.concludes] |= needs(r.when)
    state: dict[str, int] = {}
    cyclic: set[str] = set()

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cyclic.update(stack[stack.index(nxt) :] if nxt in stack else [nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return [
        Problem(
            r.pos.path,
            r.pos.line,
            r.pos.col,
            "error",
            _says("cycle", id=r.id, conclusion=r.concludes),
            "rule-cycle",
            r.id,
        )
        for r in rules
        if r.concludes in cyclic
    ]


def _says(key: str, /, **parts: object) -> str:
    """A problem in the rule files, in words (locales/<lang>/law.yaml, `rules:`), read only when there is one."""
    return words.of("law", "rules")[key].format(**parts)
