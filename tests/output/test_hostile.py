"""Hostile input to the outputs (output/): what a case or rule file makes the report, the draft and files written do.

Text that would forge a problem line or send an escape sequence, characters not shown as themselves,
Word's property limits, the joiners a script needs, Markdown that must stay text, a write that fails on
a full disk or would go through a dangling link, a name that redaction must remove in every variant.
Found by review, in a second round (issue 14) and a third (issue 26), which also brought the
interview's answers and a rules folder past what durable-rules takes.
"""

from __future__ import annotations

import errno
import html as htmllib
import io
import json
import os
import re
import shutil
import unicodedata
import warnings
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from detention_rules.errors import UsageError
from detention_rules.output import atomic, redact

with warnings.catch_warnings():  # typer 0.12 warns on import with click 8.2 and later: not this project's code
    warnings.simplefilter("ignore", DeprecationWarning)
    from typer.testing import CliRunner

from detention_rules import escaping
from detention_rules.input import edit, source
from detention_rules.interfaces import cli, interview
from detention_rules.output import draft_docx
from detention_rules.reasoning import engine, runnable

from ..conftest import REFERENCE, ROOT, wgad
from ..interfaces.test_serve import ORIGIN, _client, _state_of_page

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

RULE = (
    "  - id: III.extra-{i}\n    title: x\n    when: {when}\n    then: {{violation: hearing-not-public}}\n"
    "    basis: settled\n    provisions: [ICCPR 9(1)]\n    jurisprudence: [y]\n    law: z\n    explain: x\n"
)


# --- a rules folder past durable-rules' size ------------------------------------------------


def _extra_rules(tmp_path: Path, whens: list[str]) -> Path:
    """The shipped rules and one more file of rules, each concluding a violation the shipped rules use."""
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    text = "".join(RULE.format(i=i, when=when) for i, when in enumerate(whens))
    (folder / "extra.yaml").write_text("category: III\nrules:\n" + text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("whens", "line"),
    [
        # each small, together more durable rules than one ruleset takes: exit 3 before
        ([f"{{fact: person.age, is: {i}}}" for i in range(400)], 0),
        # one long `in` list: durable-rules' create_ruleset never returned
        (["{fact: person.age, in: [" + ", ".join(map(str, range(450))) + "]}"], 3),
        # two shorter ones, the second passes the limit
        (["{fact: person.age, in: [" + ", ".join(map(str, range(j, j + 230))) + "]}" for j in (0, 1000)], 12),
    ],
    ids=["many-rules", "long-in", "two-lists"],
)
def test_a_rules_folder_past_durable_rules_size_is_a_problem_at_the_rule(
    tmp_path: Path, whens: list[str], line: int
) -> None:
    folder = _extra_rules(tmp_path, whens)
    if not line:  # the rule at which the shipped rules' durable rules and one each pass the limit
        line = 3 + 9 * (engine.MAX_DURABLE_RULES - engine.Compiled.of(runnable.load().rules).size)
    for args in (["check"], ["draft", "-f", "html"]):
        out = wgad(*args, "--rules", str(folder), str(REFERENCE))
        said = out.stdout + out.stderr  # draft says it on standard error
        assert out.returncode == 1, said
        assert f"extra.yaml:{line}:5: error: with rule III.extra-" in said and "[rules-too-many]" in said, said
        assert "Traceback" not in said
    checked = wgad("rules", "--check", "--rules", str(folder))
    assert checked.returncode == 1 and f"extra.yaml:{line}:5:" in checked.stdout


# --- Word's property limits -----------------------------------------------------------------


def _case_titled(tmp_path: Path, title: str, name: str = "") -> Path:
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    data["title"] = title
    if name:
        data["person"]["name"] = name
    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=False), encoding="utf-8")  # every character as an escape
    return case


LONG_TITLES = {
    "latin": "Detention of a human rights defender " * 12,
    "persian": "بازداشت خودسرانه می‌خواهم " * 20,
    "emoji": "👩🏽‍💻🇮🇷" * 90,
    "controls": "\x01\x1b[31m\ufffe\uffff\u202e" * 60,
}


@pytest.mark.parametrize("title", LONG_TITLES.values(), ids=LONG_TITLES.keys())
def test_a_long_title_is_cut_in_words_properties_and_kept_whole_in_the_draft(tmp_path: Path, title: str) -> None:
    case = _case_titled(tmp_path, title)
    word = tmp_path / "draft.docx"
    out = wgad("draft", "-f", "docx", "-o", str(word), str(case))
    assert out.returncode == 0, out.stderr
    document = docx.Document(str(word))
    shown = document.core_properties.title
    assert len(shown) <= draft_docx.PROPERTY_LIMIT and shown.endswith(draft_docx.ELLIPSIS)
    heading = document.paragraphs[0].text  # the draft's title, which holds the case's
    assert escaping.printable(title).strip() in heading  # the heading keeps all of it
    assert heading.startswith(shown[:-1].rstrip())  # cut where a character ends: never inside an escape or a sequence
    assert escaping.printable(shown) == shown  # nothing hidden, and no joiner left at the cut


@pytest.mark.parametrize("text", ["e\u0301" * 200, "a" + "\u0301" * 400, "🇮🇷" * 200, "👨‍👩‍👧" * 100, " " * 300])
def test_a_property_is_cut_between_characters(text: str) -> None:
    shown = draft_docx.core_property(text)
    assert len(shown) <= draft_docx.PROPERTY_LIMIT and shown.endswith(draft_docx.ELLIPSIS)
    head = shown[: -len(draft_docx.ELLIPSIS)]
    assert text.startswith(head)
    rest = text[len(head) :]
    if text.strip() and any(unicodedata.category(c)[0] != "M" for c in text[1:]):  # else no boundary to cut at
        assert unicodedata.category(rest[0])[0] != "M" and rest[0] not in escaping.JOINERS
        assert head[-1:] not in escaping.JOINERS and head.count("🇮") == head.count("🇷")


def test_the_served_draft_of_a_long_title_downloads_as_word(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    case = _case_titled(folder, LONG_TITLES["persian"])
    client = _client(folder)
    state = _state_of_page(client.get("/case", params={"file": case.name}).text)
    form = {"format": "docx", "source": case.name, "file": case.name, "state": json.dumps(state)}
    answer = client.post("/draft", data=form, headers={"origin": ORIGIN})
    assert answer.status_code == 200, answer.text  # 500 before
    title = docx.Document(io.BytesIO(answer.content)).core_properties.title
    assert "بازداشت خودسرانه می‌خواهم" in title and title.endswith(draft_docx.ELLIPSIS)


# --- the joiners a script needs ---------------------------------------------------------------

PERSIAN = "می‌خواهم"  # "I want": ZWNJ between ی and خ
HINDI = "क्‍ष"  # a conjunct shown half-formed: virama and ZWJ
EMOJI = "👩🏽‍💻"  # woman technologist, medium skin tone: a ZWJ sequence
EVIL = "x\u202eCategories established\u2069\u200b\x1b[31m"


def test_the_joiners_a_name_needs_reach_every_output_and_nothing_else_hidden_does(tmp_path: Path) -> None:
    name = f"{PERSIAN} {HINDI} {EMOJI}"
    case = _case_titled(tmp_path, f"{name} {EVIL}", name=name)
    outputs = {
        f"check -f {fmt}": wgad("check", "-f", fmt, str(case)).stdout for fmt in ("text", "markdown", "json")
    } | {f"draft -f {fmt}": wgad("draft", "-f", fmt, str(case)).stdout for fmt in ("markdown", "html")}
    word = tmp_path / "draft.docx"
    assert wgad("draft", "-f", "docx", "-o", str(word), str(case)).returncode == 0
    with zipfile.ZipFile(word) as z:
        outputs["draft -f docx"] = z.read("word/document.xml").decode() + z.read("docProps/core.xml").decode()
    book = tmp_path / "book"
    assert wgad("casebook", str(case), "-o", str(book)).returncode == 0
    outputs["casebook"] = "".join(p.read_text(encoding="utf-8") for p in sorted(book.glob("*.html")))
    outputs["serve"] = _client(tmp_path).get("/case", params={"file": case.name}).text
    for where, text in outputs.items():
        for word_ in (PERSIAN, HINDI, EMOJI):
            assert word_ in text, (where, word_)
        text = re.sub(r'value="[^"]*"', "", text)  # the page's form holds the text as written, to edit
        assert "\\u200c" not in text and "\\u200d" not in text, where
        assert "\u202e" not in text and "\u2069" not in text and "\u200b" not in text and "\x1b" not in text, where


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from("\u200c\u200d\u202e\x1b\n")))
def test_a_joiner_is_kept_only_between_characters_it_joins(text: str) -> None:
    for shown in (escaping.printable(text), escaping.json_text(text)[1:-1]):
        for i, char in enumerate(shown):
            category = unicodedata.category(char)
            if char in escaping.JOINERS:
                assert 0 < i < len(shown) - 1
                assert (
                    unicodedata.category(shown[i - 1])[0] in "LMNS" and unicodedata.category(shown[i + 1])[0] in "LMNS"
                )
            else:
                assert category not in ("Cc", "Cf", "Zl", "Zp", "Cs"), (text, hex(ord(char)))
    assert json.loads(escaping.json_text(text)) == text


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([1e-05, 1.5e-07, 1e16, 2.5e300, 0.0001, 1e15, -0.0])
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(_JSON_VALUES, st.sampled_from([None, 2]))
def test_json_is_written_byte_for_byte_as_the_standard_library_writes_it(data: object, indent: int | None) -> None:
    """msgspec writes the JSON (issue 33), but every byte as `json.dumps` would: a float it would write otherwise
    (`1e-05`, `1e+16`) and a lone surrogate go to `json`."""
    assert escaping._dumps(data, indent) == json.dumps(data, indent=indent, ensure_ascii=False)


def test_json_writes_a_bounded_number_and_a_question_that_does_not_apply_as_json_does() -> None:
    from detention_rules.input.fields import NOT_APPLICABLE, Bounded

    data = {"days": Bounded(365, None), "between": [Bounded(3, 8)], "trial": NOT_APPLICABLE, "\udc80": True}
    for indent in (None, 2):
        assert escaping._dumps(data, indent) == json.dumps(data, indent=indent, ensure_ascii=False)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (PERSIAN, True),
        (HINDI, True),
        (EMOJI, True),
        ("❤️‍🔥", True),  # heart on fire: a variation selector (a mark) before the joiner
        ("\u200cx", False),  # at the edge of a word
        ("x\u200c", False),
        ("x \u200cy", False),
        ("\n\u200cx", False),  # after a control: in JSON after the escape `\n`, whose n is no letter of the text
    ],
)
def test_a_joiner_between_two_letters_is_kept_and_elsewhere_escaped(text: str, kept: bool) -> None:
    assert (escaping.printable(text) == text) is (kept and "\n" not in text)
    assert (("\\u200" in escaping.json_text(text)) is not kept) and json.loads(escaping.json_text(text)) == text


def test_noncharacters_are_escaped_as_xml_refuses_them() -> None:
    for code in [*range(0xFDD0, 0xFDF0), *(p + e for p in range(0, 0x110000, 0x10000) for e in (0xFFFE, 0xFFFF))]:
        assert escaping.printable(chr(code)).startswith("\\"), hex(code)
        assert chr(code) not in escaping.json_text(chr(code)), hex(code)


# --- Markdown that must stay text -------------------------------------------------------------

MARKUP = {
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(2)>",
    "comment": "<!-- hidden -->",
    "link": "[click](javascript:alert(3))",
    "autolink": "<javascript:alert(4)>",
    "heading": "# forged heading",
    "list": "- forged item",
    "numbered": "1999. forged",
    "code": "``x`` `y`",
    "table": "| a | b |",
    "entity": "&lt;b&gt;",
    "emphasis": "*strong* _em_ ~~gone~~",
}


def _markup_case(tmp_path: Path) -> Path:
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    data["title"] = MARKUP["heading"] + " " + MARKUP["script"]
    data["person"]["name"] = MARKUP["list"]
    data["arrest"]["place"] = {"value": " ".join(MARKUP.values()), "ref": MARKUP["link"]}
    data["conduct"][0]["description"] = MARKUP["numbered"] + " " + MARKUP["img"]
    case = tmp_path / "markup.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return case


@pytest.mark.parametrize(
    ("args", "shown"),
    [(["check", "-f", "markdown"], ["heading", "script"]), (["draft", "-f", "markdown"], list(MARKUP))],
    ids=["check", "draft"],
)
def test_text_from_the_case_is_text_in_markdown(tmp_path: Path, args: list[str], shown: list[str]) -> None:
    """The report shows the title (the facts a rule read); the draft every fact above."""
    out = wgad(*args, str(_markup_case(tmp_path)))
    assert out.returncode == 0, out.stderr
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(out.stdout)
    for tag in ("<script", "<img", "<!--", "<a ", "<del", "<table", "<em>strong"):
        assert tag not in html, (tag, html[html.find(tag) - 200 : html.find(tag) + 100])
    text = re.sub(r"<[^>]+>", "", html)  # what the reader sees
    for key in shown:
        assert htmllib.escape(MARKUP[key], quote=False) in text, key
    assert not re.search(r"<h\d>forged|<li>forged", html)


def test_markdown_report_lines_end_without_a_written_newline() -> None:
    out = wgad("check", "-f", "markdown", str(REFERENCE))
    assert out.returncode == 0 and "\\n" not in out.stdout, [line for line in out.stdout.splitlines() if "\\n" in line]


@pytest.mark.parametrize("args", [["check", "-f", "markdown"], ["draft"]], ids=["check", "draft"])
def test_a_line_break_in_the_file_s_text_is_a_space_in_markdown(tmp_path: Path, args: list[str]) -> None:
    """A reference or title of two lines (`ref: |`) showed a literal `\\n` where the file's line ended."""
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    data["title"] = "Alnur Ilyashev\nv. Kazakhstan"
    data["arrest"]["warrant_shown"]["ref"] = "paras 11,\r\n69"
    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = wgad(*args, str(case))
    assert out.returncode == 0, out.stderr
    assert "\\n" not in out.stdout and "\\r" not in out.stdout, [
        line for line in out.stdout.splitlines() if "\\" in line
    ]
    text = re.sub(r"<[^>]+>", "", MarkdownIt("commonmark").render(out.stdout))
    assert "(paras 11, 69)" in text
    if args[0] == "check":
        assert text.startswith("Alnur Ilyashev v. Kazakhstan\n")


@pytest.mark.parametrize("text", [*MARKUP.values(), "C:\\dir\\", "a\\*b", "x_y", "` ", " a ", "```"])
def test_markdown_escapes_render_as_the_text_itself(text: str) -> None:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    assert md.renderInline(escaping.markdown(text)) == htmllib.escape(text, quote=False)
    code = md.renderInline(escaping.markdown_code(text))
    assert code == f"<code>{htmllib.escape(text, quote=False)}</code>"


# --- the interview: every invalid answer is asked again -----------------------------------------

BAD_ANSWERS = {
    "arrest.date": [
        ": x",  # written unquoted in a flow mapping, and refused as read back: the interview ended (exit 1)
        "? x",
        "9" * (source.MAX_STRING + 1),  # over the reader's limit when read back: ended too
        "\udcff\udcfe",  # bytes that are not UTF-8, as a terminal in the C locale sends them: ended too
        "2020-02-30",
        "99:99",
        "\x1b[31m",
        "[1, 2]",
        "{a: 1}",
    ],
    "arrest.time": ["25:99", "noon", "-1"],
    "trial.counsel.access_pretrial": ["4", "0", "-1", "fully", "\x00"],
    "detention[0].incommunicado": ["perhaps", "2", "ja"],
}
GOOD_ANSWERS = {
    "arrest.date": "2020-01-02",
    "arrest.time": "10:30",
    "trial.counsel.access_pretrial": "full",
    "detention[0].incommunicado": "no",
}


def test_every_invalid_answer_is_asked_again_with_what_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = tmp_path / "c.yaml"
    case.write_text("detention:\n  - kind: pretrial\narrest:\n  warrant_shown: true\n", encoding="utf-8")
    answers = {field: [*bad, GOOD_ANSWERS[field]] for field, bad in BAD_ANSWERS.items()}
    asked: list[str] = []

    def prompt(text: str, **_: object) -> str:
        field = text.split("\n  ", 1)[1].split(" [", 1)[0]
        asked.append(field)
        return answers[field].pop(0) if answers.get(field) else ""

    monkeypatch.setattr(interview.typer, "prompt", prompt)
    result = CliRunner().invoke(cli.app, ["gaps", "--ask", "--all", str(case)])
    assert result.exit_code == 0, (result.output[-500:], result.exception)
    assert not any(answers.values()), answers  # every answer was asked for, the bad ones again
    for field, bad in BAD_ANSWERS.items():
        assert asked.count(field) == len(bad) + 1, field
    refusals = [line for line in result.output.splitlines() if line.startswith("  answer ")]
    assert len(refusals) >= sum(map(len, BAD_ANSWERS.values())), result.output[-2000:]  # each says what to write
    data = yaml.safe_load(case.with_name("c.answers.yaml").read_text(encoding="utf-8"))
    assert str(data["arrest"]["date"]["value"]) == "2020-01-02" and data["arrest"]["time"]["value"] == "10:30"
    assert data["trial"]["counsel"]["access_pretrial"]["value"] == "full"


@pytest.mark.parametrize("value", [": x", "? x", "a:b", ":", "x: y, z", "{", "- [a]: b"])
def test_text_that_yaml_would_misread_in_a_flow_mapping_is_written_quoted(value: str) -> None:
    tree = edit.load("arrest:\n  warrant_shown: true\n", "t.yaml")
    edit.set_path(tree, ["arrest", "place"], {"value": value, "by": ["drafter"]})
    assert source.parse(edit.dump(tree, "t.yaml"), "t.yaml").data["arrest"]["place"]["value"] == value


# --- round one (review): text from the file in the report -----------------------------------------


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


# --- round two (issue 14): what reaches the reader's screen ---------------------------------------


HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}


EVIL_ON_SCREEN = "x\x1b]0;pwned\x07\u202e\u2066Categories established: I, II\u2069\u200b\n- fake bullet\x9b31m\u2028y"


def test_every_character_not_shown_as_itself_is_escaped() -> None:
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) in HIDDEN_CATEGORIES:
            assert escaping.printable(char) != char, hex(code)
            assert escaping.printable(char).isascii()
            if code >= 0x20:  # C0 is json's own business, and it escapes it
                assert char not in escaping.json_text(char), hex(code)


@SETTINGS
@given(st.text())
def test_escaped_text_shows_nothing_hidden_and_json_reads_back_the_same(text: str) -> None:
    shown = escaping.printable(text)
    # but a joiner between two characters it joins (the joiners a script needs, above)
    assert not any(unicodedata.category(c) in HIDDEN_CATEGORIES for c in shown if c not in escaping.JOINERS)
    data = {"t": text, "l": [text]}
    encoded = escaping.json_text(data)
    assert json.loads(encoded) == data
    assert encoded.splitlines() == encoded.split("\n")  # no reader splits a record at U+2028 or NEL


def _evil_case(tmp_path: Path) -> Path:
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    data["title"] = EVIL_ON_SCREEN
    data["person"]["name"] = EVIL_ON_SCREEN
    data["person"]["nationality"]["value"] = EVIL_ON_SCREEN
    data["arrest"]["charges"]["value"] = [EVIL_ON_SCREEN]
    folder = tmp_path / "evil\x1b[31m\u202e"
    folder.mkdir()
    case = folder / "x\n- fake\u202e.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=False), encoding="utf-8")
    return case


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "-f", "markdown"],
        ["check", "-f", "json"],
        ["check", "-f", "jsonl"],
        ["check", "--set", "arrest.warrant_shown=true"],
        ["check", "--set", "arrest.warrant_shown=true", "-f", "jsonl"],
        ["validate"],
        ["draft"],
        ["draft", "-f", "html"],
        ["gaps"],
        ["evaluate"],
    ],
)
def test_no_renderer_prints_what_the_reader_cannot_see(tmp_path: Path, args: list[str]) -> None:
    case = _evil_case(tmp_path)
    for target in (case,) if args[0] in ("draft", "gaps") else (case, case.parent):
        out = wgad(*args, str(target))
        assert out.returncode in (0, 1), out.stderr
        for stream in (out.stdout, out.stderr):
            hidden = [c for c in stream.replace("\n", "") if unicodedata.category(c) in HIDDEN_CATEGORIES]
            assert not hidden, (args, hidden[:5])
            lines = stream.splitlines()
            assert not any(
                line.lstrip().startswith(("- fake", "Categories established: I, II\u2069")) for line in lines
            )


# --- round two (issue 14): files written ----------------------------------------------------------


def _no_space(*_: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("replace", [True, False])
def test_a_write_that_fails_leaves_the_old_file_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, replace: bool
) -> None:
    target = tmp_path / "draft.md"
    if replace:
        target.write_text("the edited draft\n", encoding="utf-8")
    monkeypatch.setattr(atomic.os, "fsync", _no_space)
    with pytest.raises(OSError, match="No space"):
        atomic.write_text(target, "new " * 100_000, replace=replace)
    assert [p.name for p in tmp_path.iterdir()] == (["draft.md"] if replace else [])
    if replace:
        assert target.read_text(encoding="utf-8") == "the edited draft\n"


@pytest.mark.parametrize(
    "args", [["draft", "-o", "{out}", "{case}"], ["draft", "--force", "-o", "{out}", "{case}"], ["new", "{out}"]]
)
def test_draft_and_new_on_a_full_disk_change_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    out = tmp_path / "out.md"
    if "--force" in args:
        out.write_text("the edited draft\n", encoding="utf-8")
    monkeypatch.setattr(atomic.os, "fsync", _no_space)
    result = CliRunner().invoke(cli.app, [a.format(out=out, case=REFERENCE) for a in args])
    assert isinstance(result.exception, UsageError) and "No space left" in str(result.exception)
    assert [p.name for p in tmp_path.iterdir()] == (["out.md"] if "--force" in args else [])
    if "--force" in args:
        assert out.read_text(encoding="utf-8") == "the edited draft\n"


def test_draft_never_writes_through_a_dangling_link(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.md"
    link = tmp_path / "draft.md"
    link.symlink_to(target)
    out = wgad("draft", "-o", str(link), str(REFERENCE))
    assert out.returncode == 2 and "already exists" in out.stderr
    assert not target.exists()
    assert wgad("draft", "--force", "-o", str(link), str(REFERENCE)).returncode == 0
    assert not target.exists() and not link.is_symlink() and link.read_text(encoding="utf-8").startswith("# ")


# --- round two (issue 14): redaction --------------------------------------------------------------


NFD = unicodedata.normalize("NFD", "José")


@pytest.mark.parametrize(
    ("name", "text", "gone"),
    [
        ("Li Wu", "Li and Wu spoke", ["Li", "Wu"]),  # short parts
        ("Juan de la Cruz", "de la Cruz was held", ["Cruz", "de la"]),  # particles beside the name
        ("Abdulhadi Al-Khawaja", "Al-Khawaja and Khawaja", ["Khawaja", "Al-"]),  # hyphenated parts
        ("Martin King Jr.", "King Jr. spoke", ["King", "Jr"]),  # a suffix
        (NFD + " Ng", "José Ng", ["José", "Ng"]),  # the name decomposed, the text composed
        ("José Ng", NFD + " Ng", [NFD, "José", "Ng"]),  # and the other way round
        ("Ilyashev", "Ilya\u200bshev and Ilyashev\u00ad", ["shev", "Ilya"]),  # invisible characters inside
    ],
)
def test_redaction_leaves_no_part_of_the_name(name: str, text: str, gone: list[str]) -> None:
    out = redact.Redactor(name)(text)
    assert not [g for g in gone if g.casefold() in out.casefold()], out


def test_a_particle_alone_is_not_the_name() -> None:
    assert redact.Redactor("Juan de la Cruz")("de facto, de la Cruz") == "de facto, d. l. C."


@pytest.mark.parametrize(
    ("name", "text", "redacted"),
    [
        ("A. One", "A. One was held. Mr. One said so to A. One.", "A. O. was held. Mr. O. said so to A. O."),
        ("K.", "Ms. K. was held. K. left.", "Ms. K. was held. K. left."),
        ("Ahmed al-Faraj", "Mr. al-Faraj, Ahmed al-Faraj. Al-Faraj left.", "Mr. a. F., A. a. F. A. F. left."),
        ("Jan van der Berg", "Mr. van der Berg met Jan van der Berg.", "Mr. v. d. B. met J. v. d. B."),
        ("Anne-Marie Dupont", "Ms. Dupont and Anne-Marie Dupont.", "Ms. D. and A. M. D."),
    ],
)
def test_initials_take_one_full_stop(name: str, text: str, redacted: str) -> None:
    """An initial, or a name at a sentence's end, took a second full stop: "A. One" became "A.. O."."""
    assert redact.Redactor(name)(text) == redacted


def test_draft_redacts_every_variant_of_the_name(tmp_path: Path) -> None:
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    data["person"]["name"] = "Alnur de la Ilyashev Wu"
    data["title"] = f"Al\u200bnur de la {unicodedata.normalize('NFD', 'Ilyashev')} Wu v. Kazakhstan"
    case = tmp_path / "c.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for fmt in ("markdown", "html"):
        out = wgad("draft", "--redact", "-f", fmt, str(case)).stdout
        for part in ("Alnur", "Al\\u200bnur", "Ilyashev", " Wu", "de la"):
            assert part not in out, (fmt, part)


def test_no_character_json_escapes_is_printable() -> None:
    """`json_text` skips its pattern where `str.isprintable` holds (issue 33): that is safe only while every
    character the pattern escapes is unprintable to this Python."""
    pattern = escaping._unsafe(in_json=True)
    escaped = [chr(c) for c in range(0x110000) if pattern.fullmatch(chr(c))]
    assert len(escaped) > 2000 and not any(c.isprintable() for c in escaped)


@pytest.mark.parametrize("indent", [None, 2])
def test_json_with_nothing_to_escape_is_not_searched(indent: int | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pattern ran on every string a JSON output wrote (0.130 ms a case against 0.049, issue 33)."""
    data = {"title": "Ilyashev v. Kazakhstan, «2022»", "names": ["می‌خواهم"[:2], "Ωμέγα"], "n": [1, 2.5, None]}

    def refuse(in_json: bool = False) -> re.Pattern[str]:
        raise AssertionError("searched")

    monkeypatch.setattr(escaping, "_unsafe", refuse)
    assert json.loads(escaping.json_text(data, indent)) == data
    with pytest.raises(AssertionError, match="searched"):
        escaping.json_text({"x": "a\u2028b"}, indent)
