"""Hostile input, round three (issue 26), the reading side: each class at its cause, and once through the CLI.

A provenance key where no fact is, a lone carriage return, numbers YAML 1.1 reads in another
base, a `--set` path deeper than any field, a file name that holds a line break. The mutations
of every shipped case are in test_fuzz.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from detention_rules import agreement, pipeline
from detention_rules.errors import InputError, UsageError, exit_code
from detention_rules.input import source
from detention_rules.output import casebook
from detention_rules.reasoning import runnable, whatif

from .conftest import CASES, fail_on, wgad

NO_WARRANT = CASES / "teaching" / "category-1-no-warrant.yaml"
BASE = "title: t\ndetention: [{kind: pretrial, start: 2020-01-02}]\n"


# --- 1. a provenance key where no fact is, or on a fact refused --------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("arrest: {contested: true, date: 2020-01-01}\n", "arrest.contested"),
        ("arrest: {warrant_shown: {value: maybe, contested: true}}\n", "arrest.warrant_shown.value"),
        ("arrest: {warrant_shown: {value: false, contested: true, colour: red}}\n", "arrest.warrant_shown.colour"),
        ("contested: true\n", "contested"),
        ("detainees: [{arrest: {contested: true}}]\n", "detainees[0].arrest.contested"),
        ("government: {replied: {value: 3, contested: true}}\n", "government.replied.value"),
    ],
)
def test_a_provenance_key_on_a_section_or_a_refused_fact_is_a_problem_on_its_line(text: str, where: str) -> None:
    """The contested facts were looked up from the file's keys in data the refused ones had left (KeyError)."""
    result = pipeline.check_text(BASE + text, "p.yaml")
    errors = [p for p in result.problems if p.level == "error"]
    assert errors and errors[0].field == where and errors[0].line == 3, [str(p) for p in result.problems]


def test_a_provenance_key_on_a_section_says_where_it_goes() -> None:
    (problem,) = pipeline.check_text(BASE + "arrest: {contested: true}\n", "p.yaml").problems
    assert problem.code == "unknown-key" and "goes on one fact written as a mapping" in problem.message
    # a key close to one the section has keeps its did-you-mean
    (problem,) = pipeline.check_text(BASE + "note: a\n", "p.yaml").problems
    assert "did you mean 'notes'" in problem.message


@pytest.mark.parametrize("command", ["validate", "check", "gaps", "draft", "exercise"])
def test_a_provenance_key_on_a_section_exits_1_in_every_command(tmp_path: Path, command: str) -> None:
    case = tmp_path / "c.yaml"
    case.write_text(BASE + "arrest: {contested: true}\n", encoding="utf-8")
    out = wgad(command, str(case))
    assert out.returncode == 1, out.stdout + out.stderr
    assert f"{case}:3:10: error: unknown key 'contested' in arrest" in out.stdout + out.stderr


def _folder_with_one_broken_file(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in ("category-1-no-warrant.yaml", "category-1-incommunicado.yaml"):
        shutil.copy(CASES / "teaching" / name, folder)
    (folder / "broken.yaml").write_text(BASE + "arrest: {contested: true}\n", encoding="utf-8")
    return folder


def test_a_folder_with_one_broken_file_still_builds_its_casebook(tmp_path: Path) -> None:
    folder = _folder_with_one_broken_file(tmp_path)
    out = wgad("casebook", str(folder), "-o", str(tmp_path / "site"))
    assert out.returncode == 1, out.stderr
    assert f"{folder / 'broken.yaml'}:3:10: error: unknown key 'contested'" in out.stderr
    assert "wrote 2 case page(s)" in out.stdout
    assert len(list((tmp_path / "site").glob("case-*.html"))) == 2


def test_a_folder_with_one_broken_file_still_evaluates_the_rest(tmp_path: Path) -> None:
    folder = _folder_with_one_broken_file(tmp_path)
    out = wgad("evaluate", str(folder))
    assert out.returncode == 1, out.stderr
    assert f"{folder / 'broken.yaml'}:3:10: error: unknown key 'contested'" in out.stderr
    assert "2 case(s) with expected findings" in out.stdout
    assert f"- {folder / 'broken.yaml'}: invalid, not evaluated" in out.stdout


def test_a_failure_of_the_tool_on_one_file_leaves_the_casebook_and_evaluation_of_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the next bug on one file, the others are built and evaluated; the exit code says 3."""
    folder = _folder_with_one_broken_file(tmp_path)
    fail_on(monkeypatch, "category-1-incommunicado.yaml")
    book = runnable.load()
    done, problems = casebook.build([folder], book, tmp_path / "site")
    assert done.startswith("wrote 1 case page(s)")
    assert [(Path(p.path).name, p.code) for p in problems] == [
        ("broken.yaml", "unknown-key"),
        ("category-1-incommunicado.yaml", "internal"),
    ]
    assert exit_code(problems) == 3
    ev = agreement.evaluate_paths([folder], book)
    assert ev.cases == 1 and [p.code for p in ev.problems] == ["unknown-key", "internal"]


# --- 3. a lone carriage return ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("# not in flagrante\rarrest: {in_flagrante: true}\n", 3, 19),  # in a comment: one comment to an editor
        ("arrest: {warrant_shown: false}\r", 3, 31),  # at the end of the file
        ("arrest:\r  in_flagrante: true\r\n", 3, 8),  # before a CRLF elsewhere
        ("person: {name: 'a\rb'}\n", 3, 18),  # inside a quoted value
    ],
)
def test_a_lone_carriage_return_is_refused_where_an_editor_shows_it(text: str, line: int, col: int) -> None:
    with pytest.raises(InputError) as caught:
        source.parse(BASE + text, "cr.yaml")
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.col) == ("unseen-line-break", line, col), str(problem)
    assert "carriage return without a line feed" in problem.message


def test_a_lone_carriage_return_cannot_remove_a_category(tmp_path: Path) -> None:
    """Before, `in_flagrante: true` after the CR was read as a field: category I was gone, and nothing said so."""
    case = tmp_path / "hidden.yaml"
    text = NO_WARRANT.read_text(encoding="utf-8").replace("\n", "\n# checked\rarrest: {in_flagrante: true}\n", 1)
    case.write_text(text, encoding="utf-8", newline="")
    out = wgad("check", str(case))
    assert out.returncode == 1 and "[unseen-line-break]" in out.stdout, out.stdout


@pytest.mark.parametrize("path", sorted(CASES.glob("*.yaml"))[:5] + sorted((CASES / "teaching").glob("*.yaml"))[:5])
def test_a_crlf_file_reads_as_its_lf_twin(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lf, crlf = source.parse(text, "x.yaml"), source.parse(text.replace("\n", "\r\n"), "x.yaml")
    assert (crlf.data, crlf.positions, crlf.key_positions) == (lf.data, lf.positions, lf.key_positions)


# --- 11. numbers in another base, a --set path deeper than any field -----------------------------


@pytest.mark.parametrize("written", ["1:20.5", "1:20", "0x10", "-0x1F", "017", "0b11", "190:20:30.15"])
def test_a_number_in_another_base_is_never_read_as_a_number(written: str) -> None:
    """YAML 1.1 reads 1:20.5 as 80.5 (base 60), 0x10 as 16, 017 as 15, 0b11 as 3: the case kept the number."""
    doc = source.parse(BASE + f"sentence: {{years: {written}}}\nperson: {{name: {written}}}\n", "n.yaml")
    assert doc.data["person"]["name"] == written  # a text field: the text written
    result = pipeline.check_text(BASE + f"sentence: {{years: {written}}}\n", "n.yaml")
    (problem,) = result.problems
    assert (problem.code, problem.field, problem.line) == ("wrong-type", "sentence.years", 3)
    assert f"'{written}' is not a plain number" in problem.message


def test_a_long_number_in_another_base_is_text_however_long() -> None:
    """`0x` and 20,000 f's was a number beyond 2**53 (bad-number); it is no number at all now."""
    (problem,) = pipeline.check_text(BASE + f"person: {{age: 0x{'f' * 20_000}}}\n", "n.yaml").problems
    assert problem.code == "wrong-type" and "is not a plain number" in problem.message


@pytest.mark.parametrize(("written", "value"), [("0", 0), ("-3", -3), ("+5", 5), ("2.5", 2.5), ("0.5", 0.5)])
def test_decimal_numbers_are_still_numbers(written: str, value: float) -> None:
    assert source.parse(f"v: {written}\n").data["v"] == value


def test_a_time_is_still_a_time() -> None:
    assert source.parse("arrest: {time: 20:20}\n").data["arrest"]["time"] == "20:20"


def test_a_number_in_another_base_exits_1(tmp_path: Path) -> None:
    case = tmp_path / "n.yaml"
    case.write_text(BASE + "sentence: {years: 0x10}\n", encoding="utf-8")
    out = wgad("check", str(case))
    assert out.returncode == 1 and f"{case}:3:19: error: sentence.years: '0x10' is not a plain number" in out.stdout


def test_a_set_path_longer_than_any_field_is_refused() -> None:
    deep = ".".join(["a"] * 500)
    with pytest.raises(UsageError, match="500 steps, longer than any field's path"):
        whatif.parse_set(f"{deep}=1")
    with pytest.raises(UsageError, match="longer than any field's path"):
        whatif.parse_set("a" + "[0]" * 10 + "=1")
    # the longest that can mean something: a detainee's fact's provenance
    assert whatif.parse_set("detainees[0].trial.counsel.of_choice.contested=true")[0][-1] == "contested"


def test_a_set_path_longer_than_any_field_exits_2() -> None:
    """It exited 3: a RecursionError building data nested 500 deep."""
    out = wgad("check", "--set", ".".join(["a"] * 500) + "=1", str(NO_WARRANT))
    assert out.returncode == 2 and "longer than any field's path" in out.stderr, out.stderr


# --- 10. a file name holding a line break --------------------------------------------------------


def test_the_answers_file_header_escapes_the_case_file_name(tmp_path: Path) -> None:
    """The name started lines of its own in the answers file's header, read as the case's."""
    case = tmp_path / "evil\ninjected: true\n# x.yaml"
    case.write_bytes(NO_WARRANT.read_bytes())
    out = wgad("gaps", "--ask", str(case), stdin="\n" * 40)
    assert out.returncode == 0, out.stderr
    (answers,) = tmp_path.glob("*.answers.yaml")
    text = answers.read_text(encoding="utf-8")
    assert text.splitlines()[0].endswith("for evil\\ninjected: true\\n# x.yaml; the original is unchanged.")
    assert "injected" not in yaml.safe_load(text)
    again = wgad("gaps", "--ask", str(case), stdin="\n" * 40)  # resumed: the header read back and written again
    assert "resuming" in again.stdout and answers.read_text(encoding="utf-8").splitlines()[0] == text.splitlines()[0]


def test_set_reaches_into_a_section_written_empty(tmp_path: Path) -> None:
    """`trial:` with only a comment under it is an empty section, not a wall: `--set trial.held=true` and the
    exercises' variations write into it (both ended with "the path must end with a field name")."""
    case = tmp_path / "c.yaml"
    case.write_text("person: {name: A}\ntrial:\n  # nothing known yet\n", encoding="utf-8")
    doc = source.load(case)
    changed = whatif.apply(doc, whatif.parse_sets(["trial.held=true"]))
    assert changed.data["trial"] == {"held": True}
    out = wgad("check", "--set", "trial.held=true", str(case))
    assert out.returncode == 0, out.stderr


def test_a_file_naming_more_detainees_than_the_limit_is_refused_at_once(tmp_path: Path) -> None:
    """Each person is reasoned on alone: past MAX_DETAINEES the file is refused, before any person's work, so
    that a 1 MiB file of `- {}` entries (about 150,000 people) cannot take minutes and gigabytes."""
    from tools.case_model import MAX_DETAINEES

    case = tmp_path / "many.yaml"
    case.write_text("person: {name: A}\ndetainees:\n" + "  - {}\n" * (MAX_DETAINEES + 1), encoding="utf-8")
    out = wgad("check", str(case))
    assert out.returncode == 1, out.stderr
    assert f"more than {MAX_DETAINEES} entries" in out.stdout + out.stderr and "[too-long]" in out.stdout + out.stderr
    case.write_text("person: {name: A}\ndetainees:\n" + "  - {}\n" * MAX_DETAINEES, encoding="utf-8")
    assert wgad("validate", str(case)).returncode == 0
