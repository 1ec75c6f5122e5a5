"""The form's state and case data, for any valid case: nothing is lost either way (web/form.py)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, example, given, settings

from detention_rules.input import source
from detention_rules.input.validate import validate
from detention_rules.interfaces.web import form

from .strategies import cases


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
def test_the_form_alone_carries_every_fact(data: dict[str, Any]) -> None:
    """Built from the form's values only (a new case), the data means the same case.

    Known limit: a list of items written empty (`conduct: []`) has no item to show, so a new case
    cannot say it; opened from a file, it is kept as written (the test above)."""
    written = {k: v for k, v in data.items() if v != []}
    assert _case(form.to_data(form.state_of(data), {})) == _case(written)
