"""Properties of the engine on generated cases.

The differential property is the valuable one: durable-rules must fire exactly
the rules that the plain-Python three-valued logic of the same conditions says should fire.
"""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detention_rules.input.case import field_types
from detention_rules.input.field_path import FieldPath
from detention_rules.output.json import result as as_json
from detention_rules.reasoning import facts, runnable, three_valued
from detention_rules.reasoning.derivation import leaves
from detention_rules.reasoning.facts import FactNode

from ..conftest import run
from ..project.test_fields_read import _read_by_rules
from ..strategies import FIELDS, awkward_text, cases, words

SETTINGS = settings(
    max_examples=int(os.environ.get("WGAD_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _analysed(data: dict[str, Any]):
    result = run(data)
    assert result.analysis is not None, [str(p) for p in result.problems]
    return result


@SETTINGS
@given(cases())
def test_engine_agrees_with_plain_reading(data: dict[str, Any]) -> None:
    result = _analysed(data)
    book = runnable.load()
    doc = facts.build(book, result.case).doc
    assert set(result.analysis.fired) == three_valued.fired(book.rules, doc)
    status = three_valued.conclusions(book.rules, doc)
    assert set(result.analysis.concluded) == {c for c, v in status.items() if v is True}


@SETTINGS
@given(cases())
def test_same_input_same_output(data: dict[str, Any]) -> None:
    first = json.dumps(as_json(_analysed(data)), sort_keys=True)
    assert json.dumps(as_json(_analysed(data)), sort_keys=True) == first


@SETTINGS
@given(cases(), st.randoms(use_true_random=False))
def test_order_of_list_items_does_not_matter(data: dict[str, Any], rnd: Any) -> None:
    shuffled = json.loads(json.dumps(data))
    for key in ("detention", "conduct"):
        if key in shuffled:
            rnd.shuffle(shuffled[key])
    for section in shuffled.values():
        if isinstance(section, dict):
            for value in section.values():
                if isinstance(value, list):
                    rnd.shuffle(value)
    a, b = _analysed(data).analysis, _analysed(shuffled).analysis
    assert a.categories == b.categories
    assert set(a.fired) == set(b.fired)


def _present(node: FactNode, data: dict[str, Any]) -> bool:
    if node.derived_from:
        return all(_present(d, data) for d in node.derived_from)
    return FieldPath.read(data, node.path) == node.value


@SETTINGS
@given(cases())
def test_every_leaf_is_a_fact_of_the_file(data: dict[str, Any]) -> None:
    for finding in _analysed(data).analysis.findings:
        for node in leaves(finding.tree):
            assert node.absent_defeater or _present(node, data), node


def test_a_case_with_no_facts_has_no_finding() -> None:
    for data in ({}, {"title": "empty"}, {"source": {"synthetic": True}}):
        result = _analysed(data)
        assert result.analysis.findings == [] and result.analysis.fired == ()


def test_the_generator_draws_every_field_a_rule_reads() -> None:
    """New fields reach the differential test by themselves; a skipped prefix must not hide one.

    Derived facts (arrest.judge_within_48h) are left out: the dates and times they come from are drawn."""
    read = _read_by_rules() & set(field_types())
    assert read <= set(FIELDS), sorted(read - set(FIELDS))


@SETTINGS
@given(st.one_of(words, awkward_text))
def test_text_in_any_script_reaches_the_explanation_unchanged(text: str) -> None:
    conduct = {"right": "expression", "led_to_detention": True, "description": text}
    result = _analysed({"detention": [{"kind": "pretrial"}], "conduct": [conduct]})
    (finding,) = result.analysis.findings
    (node,) = [r for p in finding.tree.support[0].premises for r in p.support if r.rule.id == "II.expression"]
    assert text.strip() in node.text


def test_the_release_date_ends_the_open_period_that_started_last_wherever_it_is_listed() -> None:
    """Found by the shuffle property: the release date ended the last period *listed*."""
    periods = [{"kind": "pretrial", "start": "2020-02-01"}, {"kind": "police_custody", "start": "2020-01-01"}]
    for order in (periods, periods[::-1]):
        fx = run({"person": {"release_date": "2020-06-01"}, "detention": order}).facts
        assert fx is not None
        days = {p["kind"]: p.get("days") for p in fx.doc["detention"]}
        assert days == {"pretrial": 121, "police_custody": None}, order
