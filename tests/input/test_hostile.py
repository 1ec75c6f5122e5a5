"""Hostile input to the reader (input/): an odd or hostile case file gets a problem at its place, never a crash.

Nesting deep enough to crash libyaml, control characters and line breaks an editor does not show,
tags, aliases that expand past the limit, numbers no engine can hold or that YAML 1.1 reads in another
base, dates in other digits, a file too large, a FIFO, a link loop or a link out of the folder named,
a file that is no case file, a provenance key where no fact is, a lone carriage return, a `--set` path
deeper than any field, a file name that holds a line break. Found by review, in a second round (issue 14)
and a third (issue 26); each class is tested at its cause, and once through the CLI. The mutations of
every shipped case are in test_fuzz.py.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detention_rules import agreement, pipeline
from detention_rules.errors import InputError, UsageError, exit_code
from detention_rules.input import source
from detention_rules.output import casebook
from detention_rules.reasoning import runnable, whatif

from ..conftest import CASES, REFERENCE, fail_on, wgad

NO_WARRANT = CASES / "teaching" / "arrest-no-warrant.yaml"
BASE = "title: t\ndetention: [{kind: pretrial, start: 2020-01-02}]\n"


# --- 1. a provenance key where no fact is, or on a fact refused --------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("arrest: {contested: true, date: 2020-01-01}\n", "arrest.contested"),
        ("arrest: {warrant_shown: {value: maybe, contested: true}}\n", "arrest.warrant_shown"),
        ("arrest: {warrant_shown: {value: false, contested: true, colour: red}}\n", "arrest.warrant_shown.colour"),
        ("contested: true\n", "contested"),
        ("detainees: [{arrest: {contested: true}}]\n", "detainees[0].arrest.contested"),
        ("government: {replied: {value: 3, contested: true}}\n", "government.replied"),
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
    for name in ("arrest-no-warrant.yaml", "custody-incommunicado.yaml"):
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
    fail_on(monkeypatch, "custody-incommunicado.yaml")
    book = runnable.load()
    done, problems = casebook.build([folder], book, tmp_path / "site")
    assert done.startswith("wrote 1 case page(s)")
    assert [(Path(p.path).name, p.code) for p in problems] == [
        ("broken.yaml", "unknown-key"),
        ("custody-incommunicado.yaml", "internal"),
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


def _sharing(periods: int, people: int) -> str:
    """`people` detainees sharing `periods` periods of four values each (and the file's title and arrest date)."""
    shared = "title: shared\narrest: {date: 2020-01-02}\ndetention:\n"
    shared += "  - {kind: pretrial, start: 2020-01-03, end: 2021-01-01, incommunicado: true}\n" * periods
    return shared + "detainees:\n" + "".join(f"  - person: {{name: P{i}}}\n" for i in range(people))


def test_detainees_repeating_too_many_shared_values_are_refused_at_once(tmp_path: Path) -> None:
    """Each person's case holds the shared facts: 1,000 people sharing 1 MiB of periods was hours of work and
    more memory than the machine has (issue 33); past MAX_REPEATED the file is refused before any person's."""
    from detention_rules.input.detainees import MAX_REPEATED

    case = tmp_path / "shared.yaml"
    periods = 2_600  # 13,004 shared values: each period and its four, the title, the arrest and its date, the list
    case.write_text(_sharing(periods, MAX_REPEATED // (5 * periods + 4)), encoding="utf-8")
    assert wgad("validate", str(case)).returncode == 0
    case.write_text(_sharing(periods, MAX_REPEATED // (5 * periods + 4) + 1), encoding="utf-8")
    out = wgad("check", str(case))
    assert out.returncode == 1, out.stderr
    assert f"{periods + 4}:1: error: detainees: each of the 16 people repeats the file's 13,004 shared values" in (
        out.stdout
    )
    assert "(at most 200,000)" in out.stdout and "[too-long]" in out.stdout


# --- round one (review): nesting, control characters, numbers, dates, files -----------------------


RELIGION = CASES / "teaching" / "freedom-religion.yaml"


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


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan"])
def test_infinity_and_nan_are_not_numbers_here(tmp_path: Path, value: str) -> None:
    case = tmp_path / "inf.yaml"
    case.write_text(f"detention: [{{kind: prison}}]\nsentence: {{years: {value}}}\n", encoding="utf-8")
    result = pipeline.check_file(case)
    assert not result.valid and {p.code for p in result.problems} == {"bad-number"}  # refused as it is read


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


# --- round two (issue 14): tags, numbers of any magnitude, unseen line breaks, aliases ------------


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


TAGS = ["!!bool", "!!int", "!!float", "!!null", "!!str", "!!timestamp", ""]


def _yaml(number: float) -> str:
    """A number as YAML 1.1 reads it: a float needs a dot, and a sign on its exponent (`1.0e-05`)."""
    text = repr(number)
    return text if isinstance(number, int) or ("e" not in text and "." in text) else f"{number:.17e}"


def _problems(text: str) -> list[str]:
    """The codes of the problems `check` reports for a case given as text; it must not raise."""
    result = pipeline.check_text(text, "t.yaml")
    return [p.code for p in result.problems if p.level == "error"]


@SETTINGS
@given(st.sampled_from(TAGS), st.text(max_size=12))
def test_any_tagged_scalar_is_read_or_refused_with_a_place(tag: str, text: str) -> None:
    quoted = json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    for value in (f"{tag} {quoted}", f"{tag} {text}" if text.strip() and "\n" not in text else tag + " x"):
        try:
            doc = source.parse(f"title: t\narrest:\n  warrant_shown: {value}\n", "t.yaml")
        except InputError as exc:
            (problem,) = exc.problems
            assert problem.line >= 1 and problem.path == "t.yaml"
            continue
        pipeline.check_doc(doc, runnable.load())  # and whatever was read, the pipeline takes without raising


@pytest.mark.parametrize("value", ["!!bool maybe", "!!bool ''", "!!int ''", "!!float ''", "!!int 0x_"])
def test_a_scalar_its_tag_cannot_read_is_a_problem_on_its_line(value: str) -> None:
    with pytest.raises(InputError) as exc:
        source.parse(f"title: t\narrest:\n  warrant_shown: {value}\n", "t.yaml")
    (problem,) = exc.value.problems
    assert (problem.code, problem.line, problem.col) == ("bad-scalar", 3, 18)


@SETTINGS
@given(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),
        st.integers(-(10**30), 10**30),
        st.sampled_from([1.0e-5, 1.0e20, 1.0e16, 0.000001, 5e-324, 2**53, 2**53 + 1, -(2**53) - 1]),
    )
)
def test_a_number_of_any_magnitude_runs_or_is_refused_as_out_of_range(number: float) -> None:
    codes = _problems(f"detention: [{{kind: prison}}]\nsentence: {{years: {_yaml(number)}}}\n")
    assert codes == ([] if abs(number) <= source.MAX_NUMBER else ["bad-number"])


@pytest.mark.parametrize("text", ["9" * 20_000, ".inf", "-.inf", ".nan", "!!float 1e400"])  # 0x...: class 11 above
def test_numbers_no_engine_can_hold_are_refused_as_read(text: str) -> None:
    assert _problems(f"person: {{age: {text}}}\n") == ["bad-number"]


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("where", ["comment", "plain", "quoted"])
def test_a_line_break_editors_do_not_show_is_refused_where_the_editor_shows_it(char: str, where: str) -> None:
    prefix = {"comment": "# note", "plain": "title: a", "quoted": 'title: "a'}[where]
    rest = {"comment": "", "plain": "", "quoted": '"'}[where]
    text = f"person: {{age: 3}}\n{prefix}{char}arrest: {{warrant_shown: false}}{rest}\n"
    with pytest.raises(InputError) as exc:
        source.parse(text, "t.yaml")
    (problem,) = exc.value.problems
    assert (problem.code, problem.line, problem.col) == ("unseen-line-break", 2, len(prefix) + 1)


@SETTINGS
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_a_character_is_placed_where_an_editor_shows_it(text: str) -> None:
    body = f"title: x\nnotes: {json.dumps(text, ensure_ascii=False)}\n"
    try:
        source.parse(body, "t.yaml")
    except InputError as exc:
        (problem,) = exc.problems
        lines = body.split("\n")
        assert problem.line <= len(lines) and problem.col <= len(lines[problem.line - 1]) + 1


def test_a_control_character_after_wide_characters_is_placed_by_character_not_byte() -> None:
    with pytest.raises(InputError) as exc:
        source.parse("title: x\nnotes: ééé\x01\n", "t.yaml")
    (problem,) = exc.value.problems
    assert (problem.line, problem.col) == (2, 11)


def _reading(text: str) -> list[tuple[str, int, int, str]]:
    try:
        source.parse(text, "t.yaml")
    except InputError as exc:
        return [(p.code, p.line, p.col, p.message) for p in exc.problems]
    return []


#: The ASCII characters YAML does not allow in a file: C0 controls but tab, line feed and carriage return; DEL.
_ASCII_REFUSED = {*range(0x20), 0x7F} - {0x09, 0x0A, 0x0D}


@pytest.mark.parametrize("code", range(0x80))
def test_an_ascii_character_is_read_alike_in_an_ascii_text_and_in_any_other(code: int) -> None:
    """An ASCII text is searched for the characters refused within ASCII only (a cheaper pattern to compile):
    each ASCII character is refused, or not, as in a text that is not all ASCII, at the same place."""
    ascii_text, other = (f"title: x\nnotes: {first}{chr(code)}b\n" for first in ("a", "é"))
    assert ascii_text.isascii() and not other.isascii()
    found = _reading(ascii_text)
    assert found == _reading(other)
    assert ([f[:3] for f in found] == [("yaml-syntax", 2, 9)]) == (code in _ASCII_REFUSED), found


def test_a_tag_on_a_key_is_refused() -> None:
    with pytest.raises(InputError) as exc:
        source.parse("!foo title: x\n", "t.yaml")
    assert [p.code for p in exc.value.problems] == ["unsafe-tag"]


@pytest.mark.parametrize("length", [100, 19_000])
def test_aliases_of_a_long_string_are_bounded_by_the_text_they_expand_to(tmp_path: Path, length: int) -> None:
    copies = source.MAX_TEXT // length + 2
    case = tmp_path / "alias.yaml"
    case.write_text(f"title: &t {'x' * length}\narrest:\n  charges:\n" + "    - *t\n" * copies, encoding="utf-8")
    (problem,) = pipeline.read(case)[1].problems
    assert problem.code == "too-much-text" and problem.line > 3  # at the alias that went over


def test_an_alias_is_reported_on_its_own_line() -> None:
    text = "person:\n  nationality: &n Kazakhstan\n  name: x\narrest:\n  date: 2020-01-01\n  place: *n\n"
    doc = source.parse(text, "t.yaml")
    assert doc.where(("arrest", "place")) == (6, 10)
    assert doc.where(("person", "nationality")) == (2, 16)
    result = pipeline.check_text(text.replace("place: *n", "warrant_shown: *n"), "t.yaml")
    assert [(p.code, p.line) for p in result.problems] == [("wrong-type", 6)]


def test_an_alias_inside_an_aliased_list_keeps_the_order_of_the_file() -> None:
    text = "a: &a [x, &b y]\nb: *b\nc: *a\nd: *b\n"
    doc = source.parse(text, "t.yaml")
    assert [doc.where((k,)) for k in "abcd"] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert doc.where(("c", 1)) == (3, 4)  # inside an alias: the alias's place


# --- round two (issue 14): the files a folder walk reads ------------------------------------------


def test_the_walk_follows_links_only_inside_the_folder_named(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.yaml"
    secret.write_text("root: x0\ndaemon: x1\n", encoding="utf-8")
    folder = tmp_path / "cases"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "good.yaml").write_bytes(REFERENCE.read_bytes())
    (folder / "shadow.yaml").symlink_to(secret)
    (folder / "root").symlink_to("/")
    (folder / "out").symlink_to(outside)
    (folder / "alias.yaml").symlink_to(folder / "sub" / "good.yaml")  # inside: followed
    (folder / "up").symlink_to(folder)  # inside, a loop: walked once
    assert sorted(p.name for p in pipeline.case_files([folder])) == ["alias.yaml", "good.yaml"]
    out = wgad("validate", str(folder))
    assert out.returncode == 0 and "daemon" not in out.stdout + out.stderr
    assert [p.name for p in pipeline.case_files([folder / "shadow.yaml"])] == ["shadow.yaml"]  # named: read


def test_a_file_that_is_no_case_file_gets_one_problem_that_echoes_nothing(tmp_path: Path) -> None:
    other = tmp_path / "passwd.yaml"
    other.write_text("".join(f"user{i}: x:{i}:{i}:secret{i}\n" for i in range(25)), encoding="utf-8")
    (problem,) = pipeline.read(other)[1].problems
    assert problem.code == "not-a-case" and "secret" not in str(problem) and "user" not in str(problem)
