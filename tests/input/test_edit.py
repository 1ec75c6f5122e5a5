"""Editing a case file in place keeps what the drafter wrote (input/edit.py)."""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from detention_rules.errors import InputError
from detention_rules.input import edit, source
from detention_rules.input.skeleton import skeleton

from ..conftest import REFERENCE, ROOT

CASES = sorted((ROOT / "cases").rglob("*.yaml"))


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_every_case_comes_back_unchanged(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert edit.dump(edit.load(text, str(path))) == text


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_merging_a_case_with_itself_changes_nothing(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tree = edit.load(text)
    edit.merge(tree, source.parse(text).data)
    assert edit.dump(tree) == text


@pytest.mark.parametrize("word", ["null", "~", "NULL"])
def test_a_file_keeps_its_own_word_for_an_unknown_when_another_value_changes(word: str) -> None:
    """ruamel writes an unknown as nothing (`authority:`); a file that spells it keeps its spelling."""
    text = f"person:\n  name: A\narrest:\n  authority: {word}\n  date: 2020-01-01\n"
    tree = edit.load(text)
    edit.set_path(tree, ("person", "name"), "B")
    assert edit.dump(tree) == text.replace("name: A", "name: B")


def test_setting_a_value_changes_its_line_only_and_keeps_comments() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    tree = edit.load(text)
    edit.set_path(tree, ["arrest", "warrant_shown"], {"value": True, "by": ["drafter"], "ref": "para 11"})
    out = edit.dump(tree)
    assert _changed_lines(text, out) == [
        '-  warrant_shown: {value: false, by: [source], ref: "paras 11, 69"}',
        "+  warrant_shown: {value: true, by: [drafter], ref: para 11}",
    ]
    assert out.startswith("# yaml-language-server: $schema=../docs/case.schema.json\n# Reference case.")
    assert source.parse(out).data["arrest"]["warrant_shown"]["value"] is True


def test_a_new_list_item_and_a_removed_key() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    tree = edit.load(text)
    edit.set_path(tree, ["detention", 2], {"kind": "pretrial", "start": datetime.date(2020, 7, 1)})
    edit.set_path(tree, ["person", "sex"], None)
    out = edit.dump(tree)
    # a new item in block style, a key on each line (issue 30: what the tool writes a person reads)
    assert _changed_lines(text, out) == ["-  sex: male", "+  - kind: pretrial", "+    start: 2020-07-01"]
    data = source.parse(out).data
    assert "sex" not in data["person"]
    assert data["detention"][2] == {"kind": "pretrial", "start": "2020-07-01"}


@pytest.mark.parametrize("text", ["yes", "no", "on", "null", "~", "20:20", "1.5", "0x1F", "1e3", "true", " padded"])
def test_text_that_a_yaml_reader_could_take_for_another_type_is_quoted(text: str) -> None:
    tree = edit.load("title: T\n")
    edit.set_path(tree, ["person", "occupation"], text)
    assert source.parse(edit.dump(tree)).data["person"]["occupation"] == text


def test_merge_keeps_comments_and_order_of_what_stays() -> None:
    text = "# header\ntitle: T  # the title\nperson:\n  name: A  # who\n  sex: male\nstate:\n  name: X\n"
    tree = edit.load(text)
    edit.merge(tree, {"title": "T", "person": {"name": "A", "age": 30, "sex": "female"}})
    out = edit.dump(tree)
    assert out == "# header\ntitle: T  # the title\nperson:\n  name: A  # who\n  age: 30\n  sex: female\n"


def test_a_skeleton_from_wgad_new_can_be_filled() -> None:
    text = skeleton()
    tree = edit.load(text)
    edit.set_path(tree, ["person", "name"], "A. N. Other")
    edit.set_path(tree, ["arrest", "warrant_shown"], False)
    data = source.parse(edit.dump(tree)).data
    assert data["person"]["name"] == "A. N. Other"
    assert data["arrest"]["warrant_shown"] is False


def test_refusals() -> None:
    with pytest.raises(InputError):
        edit.load("a: [\n")
    with pytest.raises(edit.EditError):
        edit.load("- a\n- b\n")
    tree = edit.load("detention:\n  - kind: pretrial\n")
    with pytest.raises(edit.EditError):
        edit.set_path(tree, ["detention", 3, "kind"], "pretrial")
    with pytest.raises(edit.EditError):
        edit.set_path(tree, ["detention", 0, "kind", "deeper"], True)


_SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.dates().map(datetime.date.isoformat),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x2FFF), max_size=30),  # no surrogates
)


@pytest.mark.parametrize("value", ["\x85", "a\u2028b", "x\ry", "\u2029"])
def test_a_line_break_only_yaml_sees_is_written_escaped_and_reads_back(value: str) -> None:
    """NEL, the Unicode separators and a lone CR, set by the interview or the page, are escaped in
    double quotes: the reader refuses them raw (unseen-line-break), and the edit must read back."""
    tree = edit.load(REFERENCE.read_text(encoding="utf-8"))
    edit.set_path(tree, ["person", "a"], value)
    assert source.parse(edit.dump(tree)).data["person"]["a"] == value


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["person", "arrest", "trial"]), st.sampled_from(["a", "b", "c"]), _SCALARS),
        min_size=1,
        max_size=6,
    )
)
def test_any_values_read_back_as_set(changes: list[tuple[str, str, object]]) -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    tree = edit.load(text)
    for section, key, value in changes:
        edit.set_path(tree, [section, key], value)
    try:
        data = source.parse(edit.dump(tree)).data
    except InputError as exc:  # the project's own limits (characters it refuses) may still apply
        assert {p.code for p in exc.problems} <= {"unseen-line-break", "yaml-syntax"}
        return
    for section, key, _ in changes:
        assert data[section][key] == tree.data[section][key]


def test_what_the_tool_adds_is_block_style_never_flow_on_one_line() -> None:
    """Issue 30: answers and saves nested `{held: {value: true, ...}}` on one line; a person edits block style."""
    answered = {"held": {"value": True, "by": ["drafter"], "ref": "para 4"}, "counsel": {"access_pretrial": "full"}}
    text = "person:\n  name: Jane Doe\n"
    patched = edit.rewrite(text, {"person": {"name": "Jane Doe"}, "trial": answered})
    tree = edit.load(text)
    edit.set_path(tree, ["trial"], answered)
    for out in (patched, edit.dump(tree)):
        assert "{" not in out, out
        assert "trial:\n  held:\n    value: true\n    by: [drafter]\n    ref: para 4\n  counsel:\n" in out, out
        assert yaml.safe_load(out)["trial"] == answered
