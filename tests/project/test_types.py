"""Types carry the choices: mypy refuses a misspelt field of a case, an undeclared problem code,
format or strength, and a conclusion is told from a fact path by its type."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from detention_rules.law.rule import Conclusion, Needs, Pos
from detention_rules.reasoning.near_misses import ConditionState

from ..conftest import ROOT

api = pytest.importorskip("mypy.api", reason="mypy is not installed")

SNIPPET = textwrap.dedent(
    """\
    from detention_rules.errors import Problem
    from detention_rules.input.case import Case
    from detention_rules.output.formats import CHECK_FORMATS, DRAFT_FORMATS
    from detention_rules.reasoning.derivation import Finding


    def read(case: Case, finding: Finding) -> object:
        ok: list[object] = [case.arrest, case.detention, case.person and case.person.name, CHECK_FORMATS["jsonl"]]
        ok += [DRAFT_FORMATS["docx"], finding.strength == "contested", case.expected and case.expected.categories]
        case.arest  # line 10
        Problem("p", 1, 1, "error", "m", "no-such-code")  # line 11
        CHECK_FORMATS["yaml"]  # line 12
        DRAFT_FORMATS["pdf"]  # line 13
        return finding.strength == "strong"  # line 14
    """
)


def test_mypy_refuses_what_the_types_do_not_allow(tmp_path: Path) -> None:
    (tmp_path / "snippet.py").write_text(SNIPPET, encoding="utf-8")
    out, err, _ = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--follow-imports=silent",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(tmp_path / "snippet.py"),
        ]
    )
    errors = {int(line.split(":")[1]) for line in out.splitlines() if ": error:" in line}
    assert errors == {10, 11, 12, 13, 14}, out + err
    assert '"Case" has no attribute "arest"' in out


def test_a_needed_conclusion_is_a_conclusion_and_a_fact_path_is_not() -> None:
    needed = ConditionState(Conclusion("violation:arrest-without-warrant"), "drawn", None)
    read = ConditionState("arrest.warrant_shown", "is false", None)
    assert needed.needs_conclusion and not read.needs_conclusion
    assert needed.path == "violation:arrest-without-warrant" and f"{needed.path}" == "violation:arrest-without-warrant"
    assert (Conclusion(needed.path).kind, Conclusion(needed.path).name) == ("violation", "arrest-without-warrant")
    assert Needs("procedural:x", Pos("f", 1, 1)).conclusion == "procedural:x"
