"""Broken rule files are refused with `path:line:col` problems, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from detention_rules.law import parameters
from detention_rules.reasoning import runnable

from .conftest import REFERENCE, ROOT, wgad

GOOD = """\
  - id: X.base
    title: base
    when: {fact: arrest.warrant_shown, is: false}
    then: {violation: base}
    basis: settled
    provisions: [ICCPR 9(1)]
    jurisprudence: [test]
    law: a standard
    explain: base
  - id: X.found
    title: found
    when: {violation: base}
    then: {category: I}
    basis: reading
    provisions: [ICCPR 9(1)]
    jurisprudence: [test]
    law: a standard
    explain: found
"""

CASES = {
    "duplicate id": (GOOD + GOOD.split("  - id: X.found")[0], "rule-duplicate-id", 21),
    "unknown field": (GOOD.replace("arrest.warrant_shown", "arrest.warant_shown"), "rule-unknown-field", 5),
    "unknown key": (GOOD.replace("    explain: base", "    explain: base\n    cites: [x]"), "rule-unknown-key", 12),
    "bad value": (GOOD.replace("is: false", "is: maybe"), "rule-bad-value", 5),
    "dangling": (GOOD.replace("when: {violation: base}", "when: {violation: nothing}"), "rule-dangling-conclusion", 14),
    "unused": (
        GOOD.replace("when: {violation: base}", "when: {fact: trial.public, is: false}"),
        "rule-unused-conclusion",
        3,
    ),
    "cycle": (
        GOOD.replace("when: {fact: arrest.warrant_shown, is: false}", "when: {violation: base}"),
        "rule-cycle",
        3,
    ),
    "missing key": (GOOD.replace("    explain: base\n", ""), "rule-missing-key", 3),
    "syntax": ("  - id: [broken\n", "yaml-syntax", 4),
    "bad then": (GOOD.replace("then: {category: I}", "then: {category: VII}"), "rule-category", 15),
    "bad operator": (GOOD.replace("is: false}", "equals: false}"), "rule-unknown-key", 5),
}


def _write(tmp_path: Path, body: str) -> Path:
    """A rules folder: the rule file and, as every rules folder needs, the shipped parameters."""
    (tmp_path / "r.yaml").write_text("category: I\nrules:\n" + body, encoding="utf-8")
    shutil.copy(ROOT / "rules" / parameters.FILE_NAME, tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_rule_file(tmp_path: Path, name: str) -> None:
    body, code, line = CASES[name]
    problems = runnable.all_problems(_write(tmp_path, body))
    assert (code, line) in {(p.code, p.line) for p in problems}, [str(p) for p in problems]
    assert all(p.path.endswith("r.yaml") for p in problems)


def test_good_rule_file_loads(tmp_path: Path) -> None:
    book = runnable.load(_write(tmp_path, GOOD))
    assert [r.id for r in book.rules] == ["X.base", "X.found"]


def test_shipped_rules_are_clean() -> None:
    assert runnable.all_problems() == []


def test_cli_reports_broken_rules_without_traceback(tmp_path: Path) -> None:
    folder = _write(tmp_path, CASES["unknown field"][0])
    for args in (["rules", "--check", "--rules", str(folder)], ["check", "--rules", str(folder), str(REFERENCE)]):
        proc = wgad(*args)
        out = proc.stdout + proc.stderr
        assert proc.returncode == 1, out
        assert "r.yaml:5:" in out and "did you mean 'arrest.warrant_shown'" in out
        assert "Traceback" not in out


def test_no_rule_mentions_a_person_country_or_case() -> None:
    """Rules are general: no names. Citations to opinions are allowed, facts of one case are not."""
    words = ("ilyashev", "kazakhstan", "nur otan", "facebook", "covid")
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        text = path.read_text(encoding="utf-8").lower()
        assert not [w for w in words if w in text], path


def test_docs_list_every_rule_as_the_rule_files_say() -> None:
    """docs/rules.md ends with `wgad rules --format markdown` (a marked example): a changed rule fails here."""
    from detention_rules.output.markdown import rules_table

    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    table = rules_table(runnable.load())
    assert docs.endswith(table.rstrip("\n") + "\n\n<!-- end example -->\n")
    assert table.count("\n| `") == len(runnable.load().rules)


def test_docs_list_every_parameter_with_its_value_and_basis() -> None:
    """docs/rules.md's parameter table states each figure of rules/parameters.yaml, no more."""
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    section = docs.split("## Parameters: thresholds with their sources", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    found = parameters.load(ROOT / "rules")
    for p in found.values():
        (row,) = [r for r in rows if r.startswith(f"| `{p.name}` |")]
        assert row.startswith(f"| `{p.name}` | {p.value:g} {p.unit} |") and f"| {p.basis} |" in row, row
    assert len(rows) == len(found)
