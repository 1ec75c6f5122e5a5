"""Broken rule files are refused with `path:line:col` problems, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from detention_rules.reasoning import runnable

from ..conftest import REFERENCE, ROOT, law_files, wgad

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

BAD = ROOT / "tests" / "bad_rules"
#: Each broken rule file in tests/bad_rules/ and the problem it must produce: (code, line).
EXPECTED: dict[str, tuple[str, int]] = {
    name: (code, line) for name, (code, line) in yaml.safe_load((BAD / "expectations.yaml").read_text()).items()
}


def _write(tmp_path: Path, body: str) -> Path:
    """A rules folder: the rule file and, as every rules folder needs, the shipped parameters and outcomes."""
    (tmp_path / "r.yaml").write_text("category: I\nrules:\n" + body, encoding="utf-8")
    return law_files(tmp_path)


def _folder_of(tmp_path: Path, name: str) -> Path:
    """A rules folder holding one broken file of tests/bad_rules/ and the shipped parameters and outcomes."""
    shutil.copy(BAD / name, tmp_path / name)
    return law_files(tmp_path)


def test_every_broken_rule_file_has_its_expected_problem() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in BAD.glob("*.yaml") if p.name != "expectations.yaml")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_rule_file(tmp_path: Path, name: str) -> None:
    code, line = EXPECTED[name]
    problems = runnable.all_problems(_folder_of(tmp_path, name))
    assert (code, line) in {(p.code, p.line) for p in problems}, [str(p) for p in problems]
    assert all(p.path.endswith(name) for p in problems)


def test_good_rule_file_loads(tmp_path: Path) -> None:
    book = runnable.load(_write(tmp_path, GOOD))
    assert [r.id for r in book.rules] == ["X.base", "X.found"]


def test_shipped_rules_are_clean() -> None:
    assert runnable.all_problems() == []


def test_cli_reports_broken_rules_without_traceback(tmp_path: Path) -> None:
    folder = _folder_of(tmp_path, "unknown-field.yaml")
    for args in (["rules", "--check", "--rules", str(folder)], ["check", "--rules", str(folder), str(REFERENCE)]):
        proc = wgad(*args)
        out = proc.stdout + proc.stderr
        assert proc.returncode == 1, out
        assert "unknown-field.yaml:5:" in out and "did you mean 'arrest.warrant_shown'" in out
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
    found = runnable.load(ROOT / "rules").parameters
    for p in found.values():
        (row,) = [r for r in rows if r.startswith(f"| `{p.name}` |")]
        assert row.startswith(f"| `{p.name}` | {p.value:g} {p.unit} |") and f"| {p.basis} |" in row, row
    assert len(rows) == len(found)


def test_each_rules_named_cases_are_in_the_test_file_named_as_its_rule_file() -> None:
    """tests/rules/X.yaml holds the named cases of rules/X.yaml's rules: a rule's cases are found by its file's name."""
    for path in sorted((ROOT / "tests" / "rules").glob("*.yaml")):
        rule_file = ROOT / "rules" / path.name
        assert rule_file.is_file(), f"{path.name}: no rule file of that name in rules/"
        ids = {rule["id"] for rule in yaml.safe_load(rule_file.read_text(encoding="utf-8"))["rules"]}
        others = set(yaml.safe_load(path.read_text(encoding="utf-8"))) - ids
        assert not others, f"tests/rules/{path.name} holds cases of rules not in rules/{path.name}: {sorted(others)}"
