"""Hostile and odd input found by review: each gets a problem with its place and a stable exit, never a crash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from detention_rules import pipeline
from detention_rules.input import source

from .conftest import CASES, REFERENCE, law_files, wgad

RELIGION = CASES / "teaching" / "category-2-religion.yaml"


@pytest.mark.parametrize(
    "text",
    [
        "[" * 50_000 + "]" * 50_000,  # flow nesting: libyaml's composer recursed until the process died
        "- " * 40_000 + "x\n",  # block sequences nested on one line
        "{a: " * 30_000 + "1" + "}" * 30_000,
    ],
    ids=["brackets", "dashes", "braces"],
)
def test_deep_nesting_is_refused_before_it_can_crash(tmp_path: Path, text: str) -> None:
    case = tmp_path / "deep.yaml"
    case.write_text(text, encoding="utf-8")
    out = wgad("validate", str(case))
    assert out.returncode == 1, out.stderr  # a crash would be -11 (SIGSEGV)
    assert ":1:" in out.stdout and "[too-deep]" in out.stdout


def test_a_control_character_is_placed_on_its_line_in_one_line(tmp_path: Path) -> None:
    case = tmp_path / "ctl.yaml"
    case.write_text("title: x\n\x01bad: 1\n", encoding="utf-8")
    (problem,) = pipeline.read(case)[1].problems
    assert (problem.code, problem.line, problem.col) == ("yaml-syntax", 2, 1)
    assert "#x0001" in problem.message and "\n" not in str(problem)


def test_a_key_cannot_forge_a_problem_line(tmp_path: Path) -> None:
    case = tmp_path / "evil.yaml"
    case.write_text('title: t\n"x\\nfake.yaml:1:1: error: injected [x]": 1\n', encoding="utf-8")  # a case file
    lines = wgad("validate", str(case)).stdout.splitlines()
    assert len(lines) == 2 and "\\nfake.yaml" in lines[0]  # the problem, escaped, then the summary
    assert not any(line.startswith("fake.yaml") for line in lines)


def test_text_from_the_file_sends_no_escape_sequence_to_the_terminal(tmp_path: Path) -> None:
    case = tmp_path / "title.yaml"
    case.write_text('title: "\\e[31mred"\ndetention: [{kind: prison}]\n', encoding="utf-8")
    out = wgad("check", str(case))
    assert "\x1b" not in out.stdout and "\\x1b[31mred" in out.stdout


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan"])
def test_infinity_and_nan_are_not_numbers_here(tmp_path: Path, value: str) -> None:
    case = tmp_path / "inf.yaml"
    case.write_text(f"detention: [{{kind: prison}}]\nsentence: {{years: {value}}}\n", encoding="utf-8")
    result = pipeline.check_file(case)
    assert not result.valid and {p.code for p in result.problems} == {"bad-number"}  # refused as it is read


# (1.0e+16 and above, the first numbers Python writes with a large exponent, are beyond 2**53: refused as read)
@pytest.mark.parametrize(("value", "undue"), [("5.0e-324", False), ("1.0e-05", False), ("8.0e+15", True)])
def test_a_number_with_an_exponent_reaches_the_engine(tmp_path: Path, value: str, undue: bool) -> None:
    """durable-rules refuses 1e-05 as JSON (no decimal point); Python writes floats so: found by hypothesis."""
    case = tmp_path / "exp.yaml"
    case.write_text(f"detention: [{{kind: pretrial, days: {value}}}]\nsentence: {{years: {value}}}\n", encoding="utf-8")
    result = pipeline.check_file(case)
    assert result.valid and result.analysis is not None, [str(p) for p in result.problems]
    assert ("III.undue-delay" in result.analysis.fired) is undue


def test_a_date_in_the_last_month_of_year_9999(tmp_path: Path) -> None:
    case = tmp_path / "late.yaml"
    case.write_text("detention:\n  - {kind: pretrial, start: 2020-01-01, end: 9999-12}\n", encoding="utf-8")
    assert pipeline.check_file(case).valid


def test_dates_take_ascii_digits_only(tmp_path: Path) -> None:
    case = tmp_path / "digits.yaml"
    case.write_text('arrest: {date: "٢٠٢٠-٠١-٠١"}\n', encoding="utf-8")
    assert [p.code for p in pipeline.read(case)[1].problems] == ["bad-value"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_a_link_loop_in_a_folder_is_reported_and_the_rest_runs(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_bytes(RELIGION.read_bytes())
    os.mkfifo(tmp_path / "pipe.yaml")  # reading it would block forever
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..")  # a folder loop: walked once
    out = wgad("validate", str(tmp_path))
    assert out.returncode == 2  # an unreadable file
    assert "pipe.yaml:1:1: error: not a regular file [io]" in out.stdout
    assert "a.yaml:1:1: error: cannot read file" in out.stdout
    assert "4 file(s) checked: 3 invalid" in out.stdout


def test_reading_never_takes_more_than_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * source.MAX_BYTES)
    assert [p.code for p in pipeline.read(big)[1].problems] == ["file-too-large"]


def test_set_over_several_files_reports_the_file_that_cannot_take_it() -> None:
    out = wgad("check", "--set", "detention[1].incommunicado=true", str(REFERENCE), str(RELIGION))
    assert out.returncode == 1
    assert "there is no item 1 there [set-path]" in out.stdout
    assert "violation:incommunicado-detention" in out.stdout  # the reference case, which has a second period, ran


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
