"""The tests' shared helpers: paths, running a case given as data or the CLI, and the rules' named cases."""

from __future__ import annotations

import gc
import io
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from detention_rules import pipeline, words
from detention_rules.pipeline import CaseResult

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases"
REFERENCE = CASES / "ilyashev-kazakhstan-2022.yaml"
#: A case of two detainees whose facts differ (the warrant, counsel of choice, a public trial).
TWO = """\
title: Two detainees
arrest: {warrant_shown: false, date: 2021-03-01}
detention: [{kind: pretrial, start: 2021-03-01}]
conduct: [{right: expression, cited_by_authorities: true}]
trial: {counsel: {access_trial: full, of_choice: false}}
detainees:
  - person: {name: A. One}
  - person: {name: B. Two}
    arrest: {warrant_shown: true}
    trial: {counsel: {of_choice: true}, public: false}
"""
#: A case that holds only a police custody period: the rule cases' facts are merged into it.
BASE: dict[str, Any] = {"detention": [{"kind": "police_custody"}]}
#: The rules' named cases, one file per category (tests/rules/*.yaml), by rule id.
RULE_CASES: dict[str, list[dict[str, Any]]] = {
    rule_id: cases
    for path in sorted((Path(__file__).parent / "rules").glob("*.yaml"))
    for rule_id, cases in yaml.safe_load(path.read_text(encoding="utf-8")).items()
}


@pytest.fixture(autouse=True, scope="session")
def _rules_cache_of_the_run(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The checked rules kept between runs (reasoning/rules_cache.py) go to the run's own folder, not the user's."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Every test speaks English unless it asks for a language (`--lang`, `words.use`), whatever the
    locale of the machine running it; its subprocesses too (`wgad` reads LC_ALL first)."""
    os.environ["LC_ALL"] = "C.UTF-8"
    words.use("en")
    yield
    words.use("en")


def law_files(folder: Path) -> Path:
    """`folder` with the shipped parameters and outcomes: every rules folder states them beside its rules."""
    from detention_rules.law.rulebook import DATA_FILES

    for name in DATA_FILES:
        shutil.copy(ROOT / "rules" / name, folder)
    return folder


def run(data: dict[str, Any] | str, name: str = "<test>") -> CaseResult:
    """Check a case given as a dict or as YAML text."""
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
    return pipeline.check_text(text, name)


def wgad(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None, timeout: float = 300, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user would, in a fresh interpreter (in `cwd`); a hang fails the test (within `timeout`),
    not the suite."""
    return subprocess.run(
        [sys.executable, "-m", "detention_rules", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
        timeout=timeout,
    )


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`wgad ARGS` on one file, in this process, through the entry point (`entry.main`, the same frame and exit
    codes as the command line): for a test of what a command prints or writes, not of the process. A fresh
    interpreter (`wgad` above) costs some 0.2-0.6 s of CPU a call; keep it for what only a process shows
    (the entry point itself, `cwd`, the environment, signals, closed or binary streams, several files).
    English only: a process keeps the rulebook's sentences in the language it first loaded them in."""
    from detention_rules.interfaces import entry

    assert "--lang" not in args, "a command in another language: wgad(), in its own process"

    streams = (sys.stdin, sys.stdout, sys.stderr)
    argv, gc_on, sigpipe = sys.argv, gc.isenabled(), signal.getsignal(signal.SIGPIPE)
    written = (io.BytesIO(), io.BytesIO())
    out, err = (io.TextIOWrapper(b, encoding="utf-8") for b in written)
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin), out, err
    sys.argv = ["wgad", *args]
    try:
        entry.main()
        code: object = 0  # not reached: entry.main always exits (stream.guarded)
    except SystemExit as stop:
        code = stop.code
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
        sys.argv = argv
        signal.signal(signal.SIGPIPE, sigpipe)
        if gc_on:  # entry.main turns it off until the files' work starts
            gc.enable()
    if not isinstance(code, int):  # sys.exit("message") or sys.exit(): as the interpreter ends them
        err.write("" if code is None else f"{code}\n")
        code = 0 if code is None else 1
    out.flush()
    err.flush()
    # read as subprocess.run(text=True) reads a pipe: UTF-8 (LC_ALL, `_english`), universal newlines
    said = [b.getvalue().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n") for b in written]
    return subprocess.CompletedProcess(["wgad", *args], code, *said)


def case(facts: dict[str, Any]) -> dict[str, Any]:
    """A case of `facts` over BASE: its own `detention`, if it states one, replaces BASE's."""
    return {**BASE, **facts}


def fired(facts: dict[str, Any]) -> tuple[str, ...]:
    """The rules that fire on `case(facts)`, which must be valid."""
    result = run(case(facts))
    assert result.analysis is not None, [str(p) for p in result.problems]
    return result.analysis.fired


def explanations(result: CaseResult, rule_id: str) -> set[str]:
    """What a rule's explanation says wherever the findings' derivation trees show the rule."""
    assert result.analysis is not None
    out: set[str] = set()
    todo = [finding.tree for finding in result.analysis.findings]
    while todo:
        node = todo.pop()
        for rule in node.support:
            if rule.rule.id == rule_id:
                out.add(rule.text)
            todo += rule.premises
    return out


@pytest.fixture(scope="session")
def browser_path() -> str:
    """Debian's chromium, for tests in a real headless browser (Playwright with executable_path, never a
    download): skipped where it is missing, but CI must run them (.ci/run installs it)."""
    path = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    missing = "chromium is not installed" if path is None else ""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "playwright is not installed (the test extra)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run this test: {missing} (.ci/run)")
        pytest.skip(missing)
    assert path is not None
    return path


def fail_on(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make the tool's own check fail on the file called `name`, as the next unknown bug would."""
    real = pipeline.check_file

    def failing(path: Path, *args: Any) -> pipeline.CaseResult:
        if path.name == name:
            raise KeyError("boom")
        return real(path, *args)

    monkeypatch.setattr(pipeline, "check_file", failing)
    monkeypatch.delenv("WGAD_DEBUG", raising=False)


def refs_in(node: Any) -> list[str]:
    """Every `ref` a case file (parsed) gives a fact: the source's paragraphs, as written."""
    if isinstance(node, dict):
        own = [node["ref"]] if isinstance(node.get("ref"), str) else []
        return own + [r for v in node.values() for r in refs_in(v)]
    if isinstance(node, list):
        return [r for v in node for r in refs_in(v)]
    return []
