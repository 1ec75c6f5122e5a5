"""The checked rules kept between runs in the user's cache folder (reasoning/rules_cache.py): the rules as
read and compiled afresh, never trusted when stale, corrupt, damaged or not the user's own, and never a case."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import detention_rules
from detention_rules import pipeline
from detention_rules.law import law
from detention_rules.law.rule import Rule
from detention_rules.reasoning import engine, rules_cache, runnable

from ..conftest import REFERENCE, ROOT, wgad

RULES = ROOT / "rules"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "detention-rules"


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A copy of the shipped rules, to change."""
    return Path(shutil.copytree(RULES, tmp_path / "rules"))


def _fresh_law(directory: Path) -> law.Law:
    found, problems = law.read(directory)
    assert not [p for p in problems if p.level == "error"]
    return found


def _fresh(directory: Path) -> tuple[Rule, ...]:
    return _fresh_law(directory).rules


def _keep(directory: Path) -> None:
    found = _fresh_law(directory)
    rules_cache.save(directory, found, engine.Compiled.of(found.rules))


def _kept_rules(directory: Path) -> tuple[Rule, ...] | None:
    kept = rules_cache.load(directory)
    return None if kept is None else kept[0].rules


def test_a_kept_law_is_the_one_read_and_compiled_afresh(cache: Path, rules: Path) -> None:
    assert rules_cache.load(rules) is None
    _keep(rules)
    kept = rules_cache.load(rules)
    assert [p.name for p in cache.iterdir()] and kept is not None
    fresh = _fresh_law(rules)
    assert kept[0] == fresh  # the rules, the parameters and the consequences
    compiled, again = kept[1], engine.Compiled.of(fresh.rules)
    assert compiled is not None
    assert compiled == again


def test_runnable_load_keeps_and_then_uses_the_checked_law(cache: Path, rules: Path) -> None:
    first = runnable.load(rules)
    assert _kept_rules(rules) == first.rules
    (kept_law, compiled) = rules_cache.load(rules) or (None, None)
    assert kept_law is not None and compiled is not None
    result = pipeline.check_file(
        REFERENCE, runnable.Runnable(kept_law.folder, kept_law.rules, kept_law.parameters, kept_law.consequences)
    )
    fresh = pipeline.check_file(REFERENCE, first)
    assert result.analysis is not None and fresh.analysis is not None
    assert result.analysis.categories == fresh.analysis.categories


def test_a_kept_law_reads_none_of_its_files_again(cache: Path, rules: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cold `wgad check` with the law kept parses no parameters or outcomes file (issue 27's cold start)."""
    first = runnable.load(rules)
    monkeypatch.setattr(runnable, "_cache", {})  # a new process: only the kept entry is left

    def unread(*args: object) -> None:
        raise AssertionError("a kept law was read again")

    monkeypatch.setattr(law, "read", unread)
    again = runnable.load(rules)
    assert again is not first and again == first and again.compiled == first.compiled


def test_a_changed_outcomes_file_is_read_afresh_and_its_error_reported(cache: Path, rules: Path) -> None:
    runnable.load(rules)
    outcomes = rules / "outcomes.yaml"
    outcomes.write_text(outcomes.read_text(encoding="utf-8").replace("categories:", "kategories:", 1), encoding="utf-8")
    assert rules_cache.load(rules) is None
    out = wgad("check", "--rules", str(rules), str(REFERENCE), env={**os.environ, "XDG_CACHE_HOME": str(cache.parent)})
    assert out.returncode != 0 and "outcomes.yaml" in out.stderr


def test_a_changed_rule_file_is_read_afresh(cache: Path, rules: Path) -> None:
    _keep(rules)
    one = sorted(rules.glob("category-*.yaml"))[0]
    text = one.read_text(encoding="utf-8")
    title = text.split("title: ", 2)[2].split("\n", 1)[0]
    one.write_text(text.replace(f"title: {title}", "title: Another title", 1), encoding="utf-8")
    assert rules_cache.load(rules) is None
    assert "Another title" in {r.title for r in _fresh(rules)}


def test_a_new_rule_file_or_another_version_is_read_afresh(
    cache: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _keep(rules)
    version = detention_rules.__version__
    monkeypatch.setattr(detention_rules, "__version__", f"{version}.post1")
    assert rules_cache.load(rules) is None
    monkeypatch.setattr(detention_rules, "__version__", version)
    assert rules_cache.load(rules) is not None
    (rules / "more.yml").write_text("rules: []\n", encoding="utf-8")
    assert rules_cache.load(rules) is None


@pytest.mark.parametrize("content", [b"", b"not msgpack", b"\x93\xc4\x01k\x90\xc0", b"\x80\x05\x95garbage", None])
def test_a_corrupt_entry_is_ignored(cache: Path, rules: Path, content: bytes | None) -> None:
    _keep(rules)
    (entry,) = cache.iterdir()
    entry.write_bytes(content if content is not None else entry.read_bytes()[:-40])
    assert rules_cache.load(rules) is None
    _keep(rules)  # replaced whole
    assert _kept_rules(rules) == _fresh(rules)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="owners and modes are POSIX")
def test_an_entry_others_may_write_is_not_trusted(cache: Path, rules: Path) -> None:
    _keep(rules)
    (entry,) = cache.iterdir()
    entry.chmod(0o666)
    assert rules_cache.load(rules) is None


def test_an_unwritable_cache_folder_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # the cache folder would be inside a file
    _keep(RULES)
    assert rules_cache.load(RULES) is None
    env = {**os.environ, "XDG_CACHE_HOME": str(blocker)}
    out = wgad("check", str(REFERENCE), env=env)
    assert out.returncode == 0 and "Category" in out.stdout and out.stderr == ""


def test_the_cache_holds_rules_only_never_a_case(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first = wgad("check", str(REFERENCE), env=env)
    second = wgad("check", str(REFERENCE), env=env)
    assert (first.stdout, first.returncode) == (second.stdout, second.returncode)
    kept = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert [p.name.startswith("rules-") for p in kept] == [True]
    facts = REFERENCE.read_text(encoding="utf-8")
    name = next(line.split(":", 1)[1].strip() for line in facts.splitlines() if line.strip().startswith("name:"))
    assert name and name.encode() not in kept[0].read_bytes() and REFERENCE.name.encode() not in kept[0].read_bytes()


# --- an entry damaged on disk, and files that are not regular files --------------------------------

_DAMAGE = settings(max_examples=150, deadline=None, derandomize=True)


@st.composite
def _damage(draw: st.DrawFn, size: int) -> list[tuple[int, int]] | int:
    """Some bits of an entry of `size` bytes flipped (position, bit), or the length it is cut to."""
    if draw(st.booleans()):
        return draw(st.integers(0, size - 1))
    return draw(st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, 7)), min_size=1, max_size=3))


def _damaged(entry: bytes, where: list[tuple[int, int]] | int) -> bytes:
    if isinstance(where, int):
        return entry[:where]
    out = bytearray(entry)
    for position, bit in where:
        out[position] ^= 1 << bit
    return bytes(out) if bytes(out) != entry else entry[:-1]  # two flips of one bit undo each other


@pytest.fixture(scope="module")
def kept(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, bytes]:
    """A rules folder, its entry's path in a cache folder of its own, and the entry as written."""
    base = tmp_path_factory.mktemp("damage")
    rules = Path(shutil.copytree(RULES, base / "rules"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(base / "cache"))
        _keep(rules)
    (entry,) = (base / "cache" / "detention-rules").iterdir()
    return rules, entry, entry.read_bytes()


@_DAMAGE
@given(data=st.data())
def test_a_damaged_entry_gives_the_rules_as_kept_or_none(kept: tuple[Path, Path, bytes], data: st.DataObject) -> None:
    """A flipped bit or a cut that msgpack still reads (a letter of a rule's text, a number) must not pass."""
    rules, entry, whole = kept
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(entry.parent.parent))
        entry.write_bytes(whole)
        intact = rules_cache.load(rules)
        entry.write_bytes(_damaged(whole, data.draw(_damage(len(whole)))))
        assert rules_cache.load(rules) is None
        assert intact is not None and intact[0] == _fresh_law(rules)


@settings(max_examples=6, deadline=None, derandomize=True)
@given(data=st.data())
def test_a_damaged_entry_changes_no_finding_and_is_written_anew(
    kept: tuple[Path, Path, bytes], tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """The run as a user makes it: the findings of an uncached run, exit 0, and the entry whole again."""
    rules, entry, whole = kept
    env = {**os.environ, "XDG_CACHE_HOME": str(entry.parent.parent)}
    entry.unlink()
    uncached = wgad("check", "--rules", str(rules), str(REFERENCE), env=env)
    assert uncached.returncode == 0 and entry.read_bytes() == whole
    entry.write_bytes(_damaged(whole, data.draw(_damage(len(whole)))))
    out = wgad("check", "--rules", str(rules), str(REFERENCE), env=env)
    assert (out.stdout, out.stderr, out.returncode) == (uncached.stdout, uncached.stderr, 0)
    assert entry.read_bytes() == whole


def test_a_changed_rule_text_that_msgpack_still_reads_changes_no_finding(cache: Path, rules: Path) -> None:
    """One letter of what a rule concludes: the reference case lost category III, with exit 0 (issue 26)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parent)}
    uncached = wgad("check", "--rules", str(rules), str(REFERENCE), env=env)
    (entry,) = cache.iterdir()
    whole = entry.read_bytes()
    at = whole.index(b"\xa9concludes\xaccategory:III") + len(b"\xa9concludes\xaccategory:II")
    entry.write_bytes(whole[:at] + b"V" + whole[at + 1 :])
    out = wgad("check", "--rules", str(rules), str(REFERENCE), env=env)
    assert (out.stdout, out.returncode) == (uncached.stdout, 0)
    assert "Category III" in out.stdout and entry.read_bytes() == whole


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_at_the_entry_is_not_waited_on_but_replaced(cache: Path, rules: Path) -> None:
    _keep(rules)
    (entry,) = cache.iterdir()
    entry.unlink()
    os.mkfifo(entry, 0o600)
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parent)}
    out = subprocess.run(
        [sys.executable, "-m", "detention_rules", "check", "--rules", str(rules), str(REFERENCE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert out.returncode == 0 and "Category" in out.stdout and out.stderr == ""
    assert entry.is_file() and rules_cache.load(rules) is not None
