"""The form's state and case data, for any valid case: nothing is lost either way (web/form.py)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, example, given, settings

from detention_rules.input import source
from detention_rules.input.validate import validate
from detention_rules.interfaces.web import form

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
def test_the_form_alone_carries_every_fact(data: dict[str, Any]) -> None:
    """Built from the form's values only (a new case), the data means the same case.

    Known limits: a list of items written empty (`conduct: []`) has no item to show, and a text of
    blanks only (`nationality: " "`, which states nothing) shows as an empty field, so a new case
    cannot say either; opened from a file, both are kept as written (the test above)."""
    written = _without_blanks({k: v for k, v in data.items() if v != []})
    assert _case(form.to_data(form.state_of(data), {})) == _case(written)


def _without_blanks(data: Any) -> Any:
    """`data` with every text of blanks only left out, and a section it empties with it."""
    if isinstance(data, dict):
        kept = {k: _without_blanks(v) for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return {k: v for k, v in kept.items() if v != {} or data[k] == {}}
    return data
