"""The form's state and case data, for any valid case: nothing is lost either way (web/form.py)."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, example, given, settings

from detention_rules.input import source
from detention_rules.input.case import field_types, fields
from detention_rules.input.fields import FACT_SECTIONS
from detention_rules.input.validate import validate
from detention_rules.interfaces.web import form

from ..conftest import run
from ..strategies import cases


def _case(data: dict[str, Any]) -> Any:
    case, problems = validate(source.Document("<test>", data))
    assert case is not None, [str(p) for p in problems]
    return case


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
@example({"person": {"nationality": " "}})  # text the form trims to nothing (found by hypothesis)
@example({"person": {"nationality": {"value": "x", "ref": " "}}})
@example({"arrest": {"charges": [" "]}})
def test_an_untouched_form_gives_back_the_files_data(data: dict[str, Any]) -> None:
    assert form.to_data(form.state_of(data), data) == data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
@example({"person": {"nationality": " "}})  # found by hypothesis in CI
@example({"arrest": {"charges": [" "]}})  # found by hypothesis in CI (stop 41)
@example({"arrest": {"charges": [" ", "x"]}})
def test_the_form_alone_carries_every_fact(data: dict[str, Any]) -> None:
    """Built from the form's values only (a new case), the data means the same case.

    Known limits: a list of items written empty (`conduct: []`) has no item to show, and a text of
    blanks only (`nationality: " "` or a charge `" "`, which states nothing) shows as an empty field or
    line, so a new case cannot say either; opened from a file, both are kept as written (the test above)."""
    written = _without_blanks({k: v for k, v in data.items() if v != []})
    assert _case(form.to_data(form.state_of(data), {})) == _case(written)


def _without_blanks(data: Any) -> Any:
    """`data` with every text of blanks only left out, and a section or list of texts it empties with it."""
    if isinstance(data, dict):
        kept = {k: _without_blanks(v) for k, v in data.items() if not _blank(v)}
        return {k: v for k, v in kept.items() if v not in ({}, []) or data[k] == v}
    if isinstance(data, list):
        return [_without_blanks(item) for item in data if not _blank(item)]
    return data


def _blank(value: Any) -> bool:
    return isinstance(value, str) and not value.strip()


def test_an_answer_under_a_section_the_file_writes_empty_is_kept() -> None:
    """A section written empty, to fill in later (`arrest:` with only a comment): the page dropped every answer
    given under it, and raised (a server error) on one under `source:` or a detainee's `person:` written so."""
    text = "title: T\narrest:  # to fill in\nsource:\ndetainees:\n  - person:\n"
    data = source.parse(text, "<case>").data
    state = form.state_of(data)
    state["fields"]["arrest.warrant_shown"] = {"value": "yes", "ref": "para 3"}
    state["fields"]["source.opinion"] = {"value": "5/2020"}
    state["lists"]["detainees"][0]["fields"]["person.name"] = {"value": "A. B."}
    written = form.to_data(state, data)
    assert written["arrest"] == {"warrant_shown": {"value": True, "ref": "para 3"}}
    assert written["source"] == {"opinion": "5/2020"}
    assert written["detainees"] == [{"person": {"name": "A. B."}}]


def test_an_answer_under_a_value_that_is_no_section_keeps_what_the_file_wrote() -> None:
    """`source: a text` (the validator names it): the page raised (a server error) on an answer given under it."""
    base: dict[str, Any] = {"source": "Opinion 5/2020", "detainees": [{"person": "A. B."}]}
    state = form.state_of(base)
    state["fields"]["source.opinion"] = {"value": "5/2020"}
    state["lists"]["detainees"][0]["fields"]["person.name"] = {"value": "A. B."}
    assert form.to_data(state, base) == base


def test_the_form_offers_a_reference_where_the_field_s_declaration_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a field may carry a reference is read from its declaration (`FieldType.fact`), not found again by
    putting a reference into every field and asking the validator which refuse it."""
    declared = field_types()
    changed = {**declared, "person.name": msgspec.structs.replace(declared["person.name"], fact=True)}
    monkeypatch.setattr(form, "field_types", lambda: changed)
    form.sections_in.cache_clear()
    try:
        shown = {f.path: f.fact for s in form.sections() for f in s.fields}
    finally:
        form.sections_in.cache_clear()
    assert shown["person.name"] is True
    assert shown["arrest.warrant_shown"] is True and shown["person.narrative"] is False


def test_the_form_and_the_fact_document_hold_the_sections_in_one_order() -> None:
    """The questionnaire's order is declared once (`fields.FACT_SECTIONS`): the form shows the sections in it
    (each detainee's person after the shared one) and the fact document holds them in it."""
    shown = [s.name for s in form.sections()]
    assert shown[0] == "about" and shown[shown.index("person") + 1] == "detainees"
    assert [n for n in shown if n in FACT_SECTIONS] == list(FACT_SECTIONS)
    stated: dict[str, Any] = {
        "person": {"name": "A"},
        "state": {"name": "B"},
        "arrest": {"date": "2020-01-01"},
        "detention": [{"kind": "prison"}],
        "conduct": [{"right": "expression"}],
        "emergency": {"declared": False},
        "trial": {"held": False},
        "sentence": {"years": 1},
        "discrimination": {"law_discriminatory": False},
        "government": {"replied": False},
        "submission": {"consent": "person"},
    }
    data = {n: stated[n] for n in reversed(FACT_SECTIONS)}  # the file's order is not the document's
    result = run(data)
    assert result.facts is not None, [str(p) for p in result.problems]
    held = [n for n in result.facts.doc if n in FACT_SECTIONS]
    assert held == list(FACT_SECTIONS)
    everything = {e["name"] for e in fields("Case")}
    assert set(FACT_SECTIONS) | set(form.ABOUT) | form.KEPT | {"detainees", "domestic_remedies"} == everything
