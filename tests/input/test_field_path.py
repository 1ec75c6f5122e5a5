"""One type for a field's place in a case (input/field_path.py): its name, its generic name, the value there."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detention_rules.input.field_path import FieldPath

KEYS = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}", fullmatch=True)


@given(st.lists(st.one_of(KEYS, st.integers(0, 99)), min_size=1).filter(lambda s: isinstance(s[0], str)))
def test_a_name_reads_back_as_its_steps(steps: list[Any]) -> None:
    path = FieldPath(steps)
    assert FieldPath.parse(str(path)) == path
    assert FieldPath.generic_name(str(path)) == path.generic and "[" not in path.generic.replace("[]", "")


@pytest.mark.parametrize("name", ["", "a..b", "detention[x].kind", "detention[].kind", "1a", "a b", "détention"])
def test_a_name_that_is_no_path_is_refused_and_reads_nothing(name: str) -> None:
    with pytest.raises(ValueError, match="is not a field name"):
        FieldPath.parse(name)
    assert FieldPath.read({"a": {"b": 1}}, name) is None


def test_set_copies_only_the_way_to_the_value_and_keeps_provenance() -> None:
    data = {"detention": [{"kind": "pretrial"}, {"kind": {"value": "prison", "ref": "para 3"}}], "arrest": {}}
    changed = FieldPath.parse("detention[1].kind").set(data, "police_custody")
    assert changed["detention"][1]["kind"] == {"value": "police_custody", "ref": "para 3"}
    assert data["detention"][1]["kind"]["value"] == "prison"  # the original is untouched
    assert changed["detention"][0] is data["detention"][0] and changed["arrest"] is data["arrest"]
    assert FieldPath.parse("trial.counsel.of_choice").set({"trial": None}, False) == {
        "trial": {"counsel": {"of_choice": False}}
    }


def test_write_puts_the_entry_as_given_and_none_removes_the_field() -> None:
    """The web form writes a fact's reference too: the entry replaces the provenance `set` would keep."""
    data = {"arrest": {"warrant_shown": {"value": True, "ref": "para 3"}, "date": "2021"}, "person": None}
    path = FieldPath.parse("arrest.warrant_shown")
    assert path.write(data, False) == {"arrest": {"warrant_shown": False, "date": "2021"}, "person": None}
    assert path.write(data, None) == {"arrest": {"date": "2021"}, "person": None}
    assert data["arrest"]["warrant_shown"] == {"value": True, "ref": "para 3"}  # the original is untouched
    assert FieldPath.parse("person.name").write(data, {"value": "A", "ref": "p. 1"})["person"] == {
        "name": {"value": "A", "ref": "p. 1"}
    }
    with pytest.raises(ValueError, match="field name"):
        FieldPath.parse("arrest.date.day").write(data, 1)


@pytest.mark.parametrize(
    ("name", "why"),
    [("detention[3].kind", "no item 3"), ("arrest.date.day.x", "cannot reach day"), ("detention[0]", "field name")],
)
def test_set_says_why_a_path_cannot_be_followed(name: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        FieldPath.parse(name).set({"detention": [{}], "arrest": {"date": "2021", "x": 1}}, True)
