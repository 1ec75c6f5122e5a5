"""Hostile input to the law (law/): rule files `wgad rules --check` must refuse with the problem at its place.

A condition with a mapping, a list or a boolean where its value or field goes, more conjunctions than
any engine takes (refused from a bound, not by expanding them), and values no command would read: an
infinity, a number no engine can hold, a scalar its tag cannot read; and what the check passes, every
command runs. Found by review and in a second round (issue 14).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REFERENCE, ROOT, law_files, wgad

# --- round one (review): conditions the checks refuse ---------------------------------------------


def _rules_dir(tmp_path: Path, when: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(
        "category: III\nrules:\n  - id: III.x\n    title: x\n"
        f"    when: {when}\n"
        "    then: {category: III}\n    basis: settled\n    provisions: [ICCPR 9(1)]\n"
        "    jurisprudence: [y]\n    law: z\n    explain: x\n",
        encoding="utf-8",
    )
    return law_files(folder)


@pytest.mark.parametrize(
    ("when", "code"),
    [
        ("{fact: arrest.place, is: {a: 1}}", "rule-bad-value"),
        ("{fact: arrest.place, is: true}", "rule-bad-value"),
        ("{any_item: 5, where: {fact: kind, is: pretrial}}", "rule-unknown-field"),
        ("{violation: [a]}", "rule-condition"),
        (
            "{at_least: 12, of: [" + ", ".join(f"{{fact: sentence.years, at_least: {i}}}" for i in range(25)) + "]}",
            "rules-too-many",  # millions of conjunctions: refused from a bound, not by expanding them
        ),
    ],
)
def test_hostile_rule_files_are_refused_by_the_checks(tmp_path: Path, when: str, code: str) -> None:
    out = wgad("rules", "--check", "--rules", str(_rules_dir(tmp_path, when)))
    assert out.returncode == 1, out.stdout + out.stderr
    assert f"[{code}]" in out.stdout


# --- round two (issue 14): values in a rule file --------------------------------------------------


RULES = """category: III
rules:
  - id: III.nationality
    title: nationality
    when: {{fact: person.nationality, is: {text}}}
    then: {{category: III}}
    basis: settled
    provisions: [ICCPR 14]
    jurisprudence: [y]
    law: z
    explain: x
  - id: II.years
    title: years
    category: II
    when: {{fact: sentence.years, at_least: {number}}}
    then: {{category: II}}
    basis: settled
    provisions: [ICCPR 19]
    jurisprudence: [y]
    law: z
    explain: x
"""


@pytest.mark.parametrize(
    ("value", "code"),
    [(".inf", "bad-number"), (".nan", "bad-number"), ("9" * 30, "bad-number"), ("!!bool maybe", "bad-scalar")],
)
def test_rules_check_refuses_what_every_command_would(tmp_path: Path, value: str, code: str) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(RULES.format(text="x", number=value), encoding="utf-8")
    out = wgad("rules", "--check", "--rules", str(law_files(folder)))
    assert out.returncode == 1 and f"[{code}]" in out.stdout, out.stdout + out.stderr


def test_a_rule_value_rules_check_passes_runs_in_every_command(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(RULES.format(text='"Türkiye"', number="1.0e-5"), encoding="utf-8")
    case = tmp_path / "c.yaml"
    case.write_text("person: {nationality: Türkiye}\nsentence: {years: 0.5}\n", encoding="utf-8")
    assert wgad("rules", "--check", "--rules", str(law_files(folder))).returncode == 0
    out = wgad("check", "--rules", str(folder), str(case))
    assert out.returncode == 0 and "Categories established: II, III" in out.stdout, out.stdout + out.stderr


# --- a rule file that is no regular file: a problem of that file, never a wait or a traceback --------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_rule_file_that_is_no_regular_file_is_a_problem_of_that_file(tmp_path: Path, kind: str) -> None:
    rules = Path(shutil.copytree(ROOT / "rules", tmp_path / "rules"))
    odd = rules / "odd.yaml"
    if kind == "fifo":
        os.mkfifo(odd, 0o600)
    else:
        odd.mkdir()
    for args in (["check", "--rules", str(rules), str(REFERENCE)], ["rules", "--check", "--rules", str(rules)]):
        out = subprocess.run(
            [sys.executable, "-m", "detention_rules", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
            timeout=60,
        )
        assert out.returncode in (1, 2) and f"{odd}:1:1: error: not a regular file [io]" in out.stdout + out.stderr
        assert "Traceback" not in out.stderr
