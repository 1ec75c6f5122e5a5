"""A save from `wgad serve` changes what the drafter changed and nothing else (issue 26, class 7).

An untouched save leaves the file byte for byte as it was, mode included, whatever its
line endings, byte-order mark, blank lines and comments; changing one value changes only
that value's line; the `.bak` is a byte copy; and a save over a file changed since the
page opened it is refused (409), so a second tab cannot silently undo the first one's save.
"""

from __future__ import annotations

import copy
import difflib
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detention_rules.input import edit, source
from detention_rules.interfaces.web import form
from detention_rules.interfaces.web.files import Folder

from ..conftest import CASES, REFERENCE
from .test_serve import ORIGIN, _client, _state_of_page

SHIPPED = sorted([*CASES.glob("*.yaml"), *(CASES / "teaching").glob("*.yaml")])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
#: Lines before which a whole-line comment or a blank line may go: a key or a list item, not inside a text.
_ENTRY = re.compile(r"( *)(- |[A-Za-z_][\w.]*:( |$))")


def _dressed(text: str, crlf: bool, bom: bool, extras: list[tuple[int, str]]) -> bytes:
    """A case file as other editors leave it: CRLF, a byte-order mark, blank lines and comments added."""
    lines = text.splitlines()
    for at, kind in sorted(extras, reverse=True):
        at %= len(lines)
        m = _ENTRY.match(lines[at])
        if m and not _inside_text(lines, at):
            lines.insert(at, "" if kind == "blank" else f"{m.group(1)}# {kind}: a drafter's note, ünïcode")
    out = ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n")
    return ("\ufeff" if bom else "").encode() + out.encode("utf-8")


def _inside_text(lines: list[str], at: int) -> bool:
    """Whether line `at` continues a block text (`|`, `>`) or a flow list started above it."""
    for line in reversed(lines[:at]):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        return bool(re.search(r"[|>][-+]?\s*(#.*)?$|[\[{,]\s*(#.*)?$", stripped))
    return False


dressing = st.tuples(
    st.sampled_from(SHIPPED),
    st.booleans(),
    st.booleans(),
    st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(["blank", "note"])), max_size=6),
)


def _write(folder: Path, case: Path, crlf: bool, bom: bool, extras: list[tuple[int, str]]) -> tuple[str, bytes]:
    raw = _dressed(case.read_text(encoding="utf-8"), crlf, bom, extras)
    try:
        dressed = source.parse(source.decode(raw, case.name), case.name).data
    except Exception:  # a note where YAML does not allow one: not a file a drafter has
        raw = _dressed(case.read_text(encoding="utf-8"), crlf, bom, [])
        dressed = None
    if dressed is not None and dressed != source.load(case).data:
        raw = _dressed(case.read_text(encoding="utf-8"), crlf, bom, [])
    (folder / case.name).write_bytes(raw)
    (folder / case.name).chmod(0o600)
    return case.name, raw


@SETTINGS
@given(dressing)
def test_an_untouched_save_leaves_the_file_byte_identical(tmp_path: Path, dressed: Any) -> None:
    """The form's state as the page shows it, sent back unchanged: nothing is written, not even a .bak."""
    case, crlf, bom, extras = dressed
    folder = tmp_path / f"f{os.urandom(4).hex()}"
    folder.mkdir()
    name, raw = _write(folder, case, crlf, bom, extras)
    served = Folder(folder)
    opened = served.read(name)
    data = form.to_data(form.state_of(opened.data), opened.data)
    saved = served.save(name, data, replace=True, version=opened.version)
    assert not saved.written
    assert (folder / name).read_bytes() == raw
    assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    assert not (folder / (name + ".bak")).exists()


def _leaves(data: Any, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Any]]:
    if isinstance(data, dict):
        return [leaf for k, v in data.items() for leaf in _leaves(v, (*path, k))]
    if isinstance(data, list):
        return [leaf for i, v in enumerate(data) for leaf in _leaves(v, (*path, i))]
    return [(path, data)]


def _other(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    return "changed, by the drafter" if value != "changed, by the drafter" else "again"


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


@SETTINGS
@given(dressing, st.integers(0, 10_000))
def test_changing_one_value_changes_only_its_line(tmp_path: Path, dressed: Any, pick: int) -> None:
    """Every other line stays byte for byte (its CRLF too); the value's line is the only one that differs."""
    case, crlf, bom, extras = dressed
    raw = _dressed(case.read_text(encoding="utf-8"), crlf, bom, extras)
    text = source.decode(raw, case.name)
    try:
        old = source.parse(text, case.name).data
    except Exception:
        return  # a note where YAML allows none (see _write)
    leaves = [leaf for leaf in _leaves(old) if leaf[0]]
    path, value = leaves[pick % len(leaves)]
    new = copy.deepcopy(old)
    _set(new, path, _other(value))
    out = edit.rewrite(text, new, case.name)
    assert edit.identical(source.parse(out, case.name).data, new)
    before, after = text.splitlines(keepends=True), out.splitlines(keepends=True)
    changes = [
        op for op in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes() if op[0] != "equal"
    ]
    assert len(changes) == 1, (path, changes)
    op, i1, i2, j1, j2 = changes[0]
    assert op == "replace" and j2 - j1 == 1, (path, before[i1:i2], after[j1:j2])
    assert after[j1].endswith("\r\n" if crlf else "\n") and "\r\n" not in after[j1][:-2]


# --- the cases, one by one ----------------------------------------------------------

FILE = (
    "title: test\r\n"
    "\r\n"
    "# The arrest\r\n"
    "arrest:\r\n"
    "  warrant_shown: true  # petition para 4\r\n"
    "\r\n"
    "\r\n"
    "  reasons_given: at_arrest\r\n"
    "government:\r\n"
    "  replied: true\r\n"
    "  contests: [arrest.warrant_shown,  # their reply, para 2\r\n"
    "    arrest.reasons_given]\r\n"
    "detention:\r\n"
    "  - kind: police_custody\r\n"
    "    incommunicado: true\r\n"
    "  # the second period: the pretrial detention\r\n"
    "  - kind: pretrial\r\n"
    "\r\n"
    "  # the third period: prison\r\n"
    "  - kind: prison\r\n"
)


def _folder(tmp_path: Path, raw: bytes, mode: int = 0o640) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "c.yaml").write_bytes(raw)
    (folder / "c.yaml").chmod(mode)
    return folder


def _save(client: Any, body: dict[str, Any]) -> Any:
    return client.post("/api/save", content=json.dumps(body), headers={"origin": ORIGIN})


def _version(page: str) -> str:
    m = re.search(r'data-version="([^"]*)"', page)
    assert m
    return m.group(1)


def test_an_untouched_crlf_file_saved_from_the_page_is_byte_identical(tmp_path: Path) -> None:
    raw = ("\ufeff" + FILE).encode("utf-8")
    folder = _folder(tmp_path, raw)
    client = _client(folder)
    page = client.get("/case", params={"file": "c.yaml"}).text
    body = {"source": "c.yaml", "file": "c.yaml", "state": _state_of_page(page), "version": _version(page)}
    answer = _save(client, {**body, "replace": True}).json()
    assert answer["ok"] and answer["written"] is False, answer
    assert (folder / "c.yaml").read_bytes() == raw
    assert stat.S_IMODE((folder / "c.yaml").stat().st_mode) == 0o640


def test_one_change_keeps_line_endings_blank_lines_comments_and_the_bom(tmp_path: Path) -> None:
    raw = ("\ufeff" + FILE).encode("utf-8")
    folder = _folder(tmp_path, raw)
    client = _client(folder)
    page = client.get("/case", params={"file": "c.yaml"}).text
    state = _state_of_page(page)
    state["fields"]["arrest.warrant_shown"]["value"] = "no"
    body = {"source": "c.yaml", "file": "c.yaml", "state": state, "version": _version(page), "replace": True}
    answer = _save(client, body).json()
    assert answer["ok"] and answer["written"], answer
    expected = raw.replace(b"warrant_shown: true  #", b"warrant_shown: false  #")
    assert (folder / "c.yaml").read_bytes() == expected
    assert (folder / "c.yaml.bak").read_bytes() == raw  # the BOM too: a byte copy
    assert stat.S_IMODE((folder / "c.yaml.bak").stat().st_mode) == 0o640


def test_a_removed_period_takes_its_own_comment_and_leaves_the_others_in_place(tmp_path: Path) -> None:
    folder = _folder(tmp_path, FILE.encode("utf-8"))
    client = _client(folder)
    page = client.get("/case", params={"file": "c.yaml"}).text
    state = _state_of_page(page)
    del state["lists"]["detention"][1]
    body = {"source": "c.yaml", "file": "c.yaml", "state": state, "version": _version(page), "replace": True}
    assert _save(client, body).json()["ok"]
    expected = FILE.replace("  # the second period: the pretrial detention\r\n  - kind: pretrial\r\n", "")
    assert (folder / "c.yaml").read_bytes() == expected.encode("utf-8")


def test_a_new_period_and_a_new_fact_are_added_as_lines_of_their_own(tmp_path: Path) -> None:
    folder = _folder(tmp_path, FILE.encode("utf-8"))
    data = source.parse(FILE).data
    new = copy.deepcopy(data)
    new["detention"].append({"kind": "house_arrest", "start": "2020-01-02"})
    new["arrest"]["place"] = "Tashkent: the police station"
    Folder(folder).save("c.yaml", new, replace=True)
    expected = FILE.replace(
        "  reasons_given: at_arrest\r\n", '  reasons_given: at_arrest\r\n  place: "Tashkent: the police station"\r\n'
    )
    expected += "  - {kind: house_arrest, start: 2020-01-02}\r\n"
    assert (folder / "c.yaml").read_bytes().decode("utf-8") == expected


def test_a_second_tab_cannot_undo_the_firsts_save(tmp_path: Path) -> None:
    """Two tabs open the same file; the first saves; the second's save is refused with 409, nothing written."""
    folder = _folder(tmp_path, FILE.encode("utf-8"))
    client = _client(folder)
    tabs = [client.get("/case", params={"file": "c.yaml"}).text for _ in range(2)]
    first = _state_of_page(tabs[0])
    first["fields"]["arrest.warrant_shown"]["value"] = "no"
    body = {"source": "c.yaml", "file": "c.yaml", "replace": True}
    answer = _save(client, {**body, "state": first, "version": _version(tabs[0])})
    assert answer.status_code == 200 and answer.json()["ok"]
    after_first = (folder / "c.yaml").read_bytes()
    second = _state_of_page(tabs[1])
    second["fields"]["title"]["value"] = "the second tab's title"
    refused = _save(client, {**body, "state": second, "version": _version(tabs[1])})
    assert refused.status_code == 409
    assert refused.json()["changed"] and "Reload" in refused.json()["message"]
    assert (folder / "c.yaml").read_bytes() == after_first
    # Reloaded, the second tab sees the first's change and can save its own over it.
    reloaded = client.get("/case", params={"file": "c.yaml"}).text
    state = _state_of_page(reloaded)
    state["fields"]["title"]["value"] = "the second tab's title"
    again = _save(client, {**body, "state": state, "version": _version(reloaded)}).json()
    assert again["ok"], again
    final = source.load(folder / "c.yaml").data
    assert final["arrest"]["warrant_shown"] is False and final["title"] == "the second tab's title"


def test_the_reference_case_saved_untouched_through_the_page_writes_nothing(tmp_path: Path) -> None:
    folder = _folder(tmp_path, REFERENCE.read_bytes().replace(b"\n", b"\r\n"))
    client = _client(folder)
    page = client.get("/case", params={"file": "c.yaml"}).text
    body = {"source": "c.yaml", "file": "c.yaml", "state": _state_of_page(page), "version": _version(page)}
    assert _save(client, {**body, "replace": True}).json()["written"] is False
    assert (folder / "c.yaml").read_bytes() == REFERENCE.read_bytes().replace(b"\n", b"\r\n")


@pytest.mark.parametrize("case", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_case_in_crlf_with_a_bom_saved_untouched_is_byte_identical(tmp_path: Path, case: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    name, raw = _write(folder, case, True, True, [(3, "note"), (7, "blank")])
    served = Folder(folder)
    opened = served.read(name)
    assert not served.save(name, form.to_data(form.state_of(opened.data), opened.data), replace=True).written
    assert (folder / name).read_bytes() == raw
