"""What the engine is given: only the fields the rules read, with the same firings as the whole fact document."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from detention_rules import pipeline
from detention_rules.reasoning import engine, runnable

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
    assert '"warrant_shown": false' in seen[0] and '"kind": "police_custody"' in seen[0]  # read by the rules
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
    book = runnable.load()
    documents = _documents()
    trimmed = [book.engine.run(fx) for fx in documents]
    monkeypatch.setattr(engine, "project", lambda value, read: value)
    whole = [book.engine.run(fx) for fx in documents]
    assert len(documents) > 250 and trimmed == whole
