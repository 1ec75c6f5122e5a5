"""Files keep their permissions (issue 26, class 5): `output/atomic.py` is the one writer.

A replaced file keeps its mode, a `.bak` copies the original's, and a new file derived
from a case file (a draft, an answers file) is never more open than that case file.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from detention_rules.output import atomic

from ..conftest import REFERENCE, wgad
from ..interfaces.test_serve import ORIGIN, _client, _state_of_page


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask, so that "more open than the source" is visible (0644 against 0600)."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    for mode in (0o600, 0o640, 0o664):
        path = tmp_path / f"f{mode:o}.txt"
        path.write_text("old", encoding="utf-8")
        path.chmod(mode)
        atomic.write_text(path, "new", replace=True)
        assert (path.read_text(encoding="utf-8"), _mode(path)) == ("new", mode)


def test_a_new_file_takes_the_umask_default_narrowed_to_its_source(tmp_path: Path, umask_022: None) -> None:
    atomic.write_text(tmp_path / "plain.txt", "x", replace=False)
    assert _mode(tmp_path / "plain.txt") == 0o644
    source = tmp_path / "case.yaml"
    source.write_text("x", encoding="utf-8")
    source.chmod(0o600)
    atomic.write_text(tmp_path / "derived.txt", "x", replace=False, source=source)
    assert _mode(tmp_path / "derived.txt") == 0o600
    source.chmod(0o400)  # a read-only case: its draft stays the owner's to edit
    atomic.write_text(tmp_path / "derived2.txt", "x", replace=True, source=source)
    assert _mode(tmp_path / "derived2.txt") == 0o600


def test_a_backup_is_a_byte_copy_with_the_originals_mode(tmp_path: Path, umask_022: None) -> None:
    original = tmp_path / "case.yaml"
    original.write_bytes(b"\xef\xbb\xbftitle: x\r\n")
    original.chmod(0o600)
    copy = tmp_path / "case.yaml.bak"
    copy.write_text("older backup", encoding="utf-8")
    copy.chmod(0o644)
    atomic.backup(original, copy)
    assert copy.read_bytes() == original.read_bytes() and _mode(copy) == 0o600


def test_a_save_in_serve_keeps_the_case_private(tmp_path: Path, umask_022: None) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    shutil.copy(REFERENCE, folder / REFERENCE.name)
    case = folder / REFERENCE.name
    case.chmod(0o600)
    client = _client(folder)
    page = client.get("/case", params={"file": REFERENCE.name}).text
    state = _state_of_page(page)
    state["fields"]["arrest.warrant_shown"]["value"] = ""
    body = {"source": REFERENCE.name, "file": REFERENCE.name, "state": state, "replace": True}
    body["version"] = _version(page)
    answer = client.post("/api/save", content=json.dumps(body), headers={"origin": ORIGIN, **client.headers}).json()
    assert answer["ok"], answer
    assert _mode(case) == 0o600
    assert _mode(folder / (REFERENCE.name + ".bak")) == 0o600


def _version(page: str) -> str:
    import re

    m = re.search(r'data-version="([^"]*)"', page)
    assert m, "the page names the version of the file it shows"
    return m.group(1)


@pytest.mark.parametrize("mode", [0o600, 0o640])
def test_a_new_draft_is_no_more_open_than_its_case(tmp_path: Path, umask_022: None, mode: int) -> None:
    case = tmp_path / "case.yaml"
    shutil.copy(REFERENCE, case)
    case.chmod(mode)
    out = tmp_path / "draft.md"
    assert wgad("draft", "-o", str(out), str(case)).returncode == 0
    assert _mode(out) == mode


def test_a_draft_replaced_with_force_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "draft.md"
    out.write_text("an older draft", encoding="utf-8")
    out.chmod(0o600)
    assert wgad("draft", "--force", "-o", str(out), str(REFERENCE)).returncode == 0
    assert _mode(out) == 0o600 and "an older draft" not in out.read_text(encoding="utf-8")


def test_an_answers_file_is_no_more_open_than_its_case(tmp_path: Path, umask_022: None) -> None:
    case = tmp_path / "c.yaml"
    case.write_text("detention:\n  - kind: pretrial\narrest:\n  warrant_shown: true\n", encoding="utf-8")
    case.chmod(0o600)
    out = wgad("gaps", "--ask", str(case), stdin="yes\n" + "\n" * 60)
    assert out.returncode == 0, out.stderr
    answers = tmp_path / "c.answers.yaml"
    assert _mode(answers) == 0o600
    answers.chmod(0o640)  # resumed: the answers file is replaced (a new inode) and keeps the mode it has
    # the drafter clears the list of questions left unknown, so the next run asks again and rewrites the file
    lines = answers.read_text(encoding="utf-8").splitlines(keepends=True)
    answers.write_text("".join(line for line in lines if not line.startswith("# Left unknown")), encoding="utf-8")
    inode = answers.stat().st_ino
    wgad("gaps", "--ask", "--all", str(case), stdin="unknown\n")  # one question left unknown, then the input ends
    assert answers.stat().st_ino != inode
    assert _mode(answers) == 0o640
