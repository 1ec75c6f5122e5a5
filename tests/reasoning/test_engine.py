"""What the engine is given: only the fields the rules read, with the same firings as the whole fact document;
what it says back: the alternatives that held, which the explanation reads instead of evaluating them again."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from detention_rules import pipeline
from detention_rules.input.field_path import FieldPath
from detention_rules.law.rule import All, AnyItem, AnyOf, AtLeast, Cond, Holds, Needs, Tri, holds, truth, walk
from detention_rules.reasoning import derivation, engine, runnable

from ..conftest import CASES, ROOT


def _generator() -> Any:
    """The benchmarks' seeded case generator (benchmarks/generate.py), read from the checkout."""
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _asserted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every fact the engine asserts from now on, as the JSON durable-rules is given."""
    seen: list[str] = []
    original = engine.Engine._assert

    def record(self: engine.Engine, fact: str) -> int:
        seen.append(fact)
        return original(self, fact)

    monkeypatch.setattr(engine.Engine, "_assert", record)
    return seen


def test_a_field_no_rule_reads_never_reaches_durable_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole fact document went to durable-rules, names, places and descriptions included (issue 33)."""
    seen = _asserted(monkeypatch)
    result = pipeline.check_file(CASES / "ilyashev-kazakhstan-2022.yaml", runnable.load())
    assert result.analysis is not None and result.analysis.categories == ["I", "II", "III", "V"]
    named = runnable.load().compiled.read  # type: ignore[union-attr]
    (arrest, fields), (detention, items) = named["arrest"], named["detention"]
    fact = json.loads(seen[0])  # read by the rules, under their short names
    assert fact[arrest][fields["warrant_shown"][0]] is False
    assert fact[detention][0][items["kind"][0]] == "police_custody"
    assert "Alnur Ilyashev" not in seen[0] and "Facebook" not in seen[0] and "Almaty" not in seen[0]


def test_a_test_the_reading_does_not_know_is_refused() -> None:
    """An operator `reads` does not know would have its fields left out, and rules silently never fire."""
    with pytest.raises(engine.EngineError):
        engine.reads({"r0": {"all": [{"m": {"$and": [{"t": "case"}, {"$regex": {"a.b": "x"}}]}}]}})


def _documents() -> list[Any]:
    """Fact documents of every shipped case (each detainee's) and of 300 generated ones."""
    import random

    import yaml

    from detention_rules.input import source

    book = runnable.load()
    results = [pipeline.check_file(path, book) for path in sorted(CASES.rglob("*.yaml"))]
    rnd, generated_case = random.Random(33), _generator().case
    for i in range(300):
        text = yaml.safe_dump(generated_case(rnd, i), sort_keys=False, allow_unicode=True)
        results.append(pipeline.check_doc(source.parse(text, f"generated-{i}.yaml"), book))
    return [one.facts for result in results for one in result.each() if one.facts is not None]


def test_the_same_rules_fire_as_on_the_whole_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fields the rules read, under short names, fire as the whole document does under its own names."""
    book = runnable.load()
    documents = _documents()
    trimmed = [book.engine.run(fx) for fx in documents]
    own_names = engine.Engine(book.rules, engine.Compiled.of(book.rules, short_names=False))
    monkeypatch.setattr(engine, "project", lambda value, read: value)
    whole = [own_names.run(fx) for fx in documents]
    assert len(documents) > 250 and trimmed == whole


def _held(cond: Cond, doc: Mapping[str, Any], concluded: Mapping[str, Tri], place: engine.Place = ()) -> Iterator[Any]:
    """Each alternative (a child of `any` or `at_least`, outside `any_item`) that held in a true branch of `cond`,
    with its place, found by evaluating it: what the explanation did before the engine said."""
    for i, child in enumerate(cond.children if isinstance(cond, (All, AnyOf, AtLeast)) else ()):
        at = (*place, i)
        if isinstance(cond, All) or truth(child, doc, concluded) is True:
            if not isinstance(cond, All):
                yield at, child
            yield from _held(child, doc, concluded, at)


def test_the_engine_says_which_alternatives_held() -> None:
    """Every branch that fired says what evaluating each alternative would: the explanation relies on it (issue 33).
    A needed conclusion the engine may leave unsaid (a counted `at_least`): the explanation looks it up."""
    book = runnable.load()
    seen = 0
    for fx in _documents():
        firings = book.engine.run(fx)
        concluded = dict.fromkeys(firings.concluded, True)
        for rule in book.rules:
            if rule.id not in firings.fired:
                continue
            chosen = firings.chosen.get(rule.id, frozenset())
            held = dict(_held(rule.when, fx.doc, concluded))
            assert chosen <= held.keys(), rule.id
            assert {at for at, child in held.items() if not isinstance(child, Needs)} <= chosen, rule.id
            seen += len(chosen)
    assert seen > 1000


def test_an_explanation_evaluates_no_alternative_the_engine_decided(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only which list items matched, and whether a needed conclusion was drawn (a lookup), are left to find out
    (issue 33): what is tested is an item's condition, known by where it stands, below an `any_item`."""
    calls: list[Cond] = []
    original = derivation.holds

    def recording(cond: Cond) -> Holds:
        calls.append(cond)
        return original(cond)

    monkeypatch.setattr(derivation, "holds", recording)
    book = runnable.load()
    in_items = {id(c) for r in book.rules for n in walk(r.when) if isinstance(n, AnyItem) for c in walk(n.where)}
    results = [pipeline.check_file(path, book) for path in sorted(CASES.glob("*.yaml"))]
    assert sum(len(one.analysis.findings) for r in results for one in r.each() if one.analysis) > 100
    assert calls and all(id(cond) in in_items for cond in calls)


def test_a_compiled_item_test_holds_where_the_three_valued_logic_says_true() -> None:
    """`holds`, which the explanation tests list items with, against `truth` on every item of every shipped and 300
    generated cases (periods, absent and not-applicable fields, bounded lengths), each node of each item's condition,
    and on items that are no mapping."""
    book = runnable.load()
    lists = [n for r in book.rules for n in walk(r.when) if isinstance(n, AnyItem)]
    checked = true = 0
    for fx in _documents():
        for any_item in lists:
            listed = FieldPath.read(fx.doc, any_item.list_path)
            for item in [*(listed if isinstance(listed, list) else ()), None, "text", 3]:
                for node in walk(any_item.where):
                    expected = truth(node, item, {}) is True
                    assert holds(node)(item, {}) is expected, (node, item)
                    checked, true = checked + 1, true + expected
    assert checked > 10_000 and 0 < true < checked
