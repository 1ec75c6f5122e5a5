"""Every sentence a user reads lives in the translation files (detention_rules/output/locales/), so that a
language is files, not code: no module of the package (a new one included) and not the page's script holds
an English sentence of its own, but for the few listed with why."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from detention_rules import words
from detention_rules.law import citation

from .conftest import ROOT

PACKAGE = ROOT / "detention_rules"
#: Modules that hold no sentence a user reads: generated, or the docs' own text (problem codes' meanings,
#: which generate docs/cli.md and docs/rules.md).
NOT_SPEAKING = {"input/case_types.py", "problem_codes.py"}
SPEAKING = [path for path in sorted(PACKAGE.rglob("*.py")) if path.relative_to(PACKAGE).as_posix() not in NOT_SPEAKING]
#: Literals of two words or more that are no sentence a user reads, each with why (by the module's path in
#: the package).
ALLOWED = {
    # the error for a translation file that is missing cannot come from that file; nor what is said when
    # the output itself fails (interfaces/stream.py: a closed output, an internal error)
    ("words.py", "no translation for language "),
    ("words.py", " (looked for "),
    ("interfaces/stream.py", "wgad: standard output is closed\n"),
    ("interfaces/stream.py", "wgad: interrupted\n"),
    ("interfaces/stream.py", "wgad: cannot write the output: "),
    ("interfaces/stream.py", "wgad: internal error ("),
    ("interfaces/stream.py", "); rerun with WGAD_DEBUG=1 to see it\n"),
    # a font's name, which the Word file's styles set (no one reads it as a sentence)
    ("output/draft_docx.py", "Times New Roman"),
    # the program's name, as `--version` prints it beside the version
    ("interfaces/cli.py", "wgad (detention-rules) "),
    # the page's Content-Security-Policy, a header no one reads
    (
        "interfaces/web/app.py",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    # an assertion's message: the tool's own error, never a user's
    ("reasoning/derivation.py", "a true condition read an absent fact "),
    ("output/narrative.py", "no sentence in the translation file for "),
    # Word's own names of its built-in styles, which a document refers to, never shows
    ("output/draft_docx.py", "List Number"),
    ("output/draft_docx.py", "List Continue"),
    ("output/draft_docx.py", "List Bullet"),
    # law data, as the rule files cite it and rules/outcomes.yaml words a referral, matched, not shown
    ("output/draft.py", "Convention against Torture art 15"),
    ("output/draft.py", "Methods of work para 33"),  # the referral paragraph, left out of a category's conclusion
    ("output/draft.py", "conditions of detention: "),
    ("output/draft.py", "Human Rights Committee "),  # the author the rule files name before a general comment
    ("law/consequences.py", "conditions of detention: "),
    *(("law/citation.py", name) for name in citation.INSTRUMENTS),
    # a programming error, never a user's: the rule files' reader refuses an unknown operator first
    ("law/rule.py", "unknown operator "),
    # libyaml's own message, matched to tell its nesting limit from a syntax error
    ("input/source.py", "exceeded maximum nesting depth"),
    # the JSON's data: evaluate's marks and outcome keys, a what-if's states (each said in report.yaml)
    *(("agreement.py", mark) for mark in ("wrongly found", "rightly rejected")),
    *(("agreement.py", label) for label in ("arbitrary, no category named", "not arbitrary")),
    ("agreement.py", "filed, the person released (para 17 (a))"),
    *(("reasoning/whatif.py", state) for state in ("not established", "not drawn")),
}
#: A word as a sentence has it: letters, maybe joined by a hyphen or an apostrophe, maybe ending in
#: punctuation or a plural "(s)"; never an identifier, a path or a file name (`arrest.warrant_shown`, `a.html`).
_WORD = re.compile(r"[(\"'«]?[^\W\d_]+(?:[-'’][^\W\d_]+)*(?:\(s\))?[.,;:!?)\"'»]*")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def sentences(source: str) -> list[tuple[int, str]]:
    """The string literals of `source` (outside docstrings) that hold two words or more, with their lines."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and sum(bool(_WORD.fullmatch(t)) for t in node.value.split()) >= 2
    ]


def test_the_scan_finds_a_sentence_and_passes_names_paths_and_layout() -> None:
    found = sentences('"""A docstring says why."""\nX = "not established"\nY = f"{a} line {b}: {c}"\n')
    assert found == [(2, "not established")]
    for quiet in ("arrest.warrant_shown", "index.html.j2", "text/plain", "{n:>3}. {id}", "categories_before"):
        assert sentences(f"X = {quiet!r}\n") == [], quiet
    assert sentences("X = ' file(s) checked: '\n") == [(1, " file(s) checked: ")]


@pytest.mark.parametrize("path", SPEAKING, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_a_module_that_speaks_holds_no_sentence_of_its_own(path: Path) -> None:
    name = path.relative_to(PACKAGE).as_posix()
    found = [(line, text) for line, text in sentences(path.read_text(encoding="utf-8")) if (name, text) not in ALLOWED]
    assert found == [], f"{name}: move these to locales/{words.LANGUAGE}/ (words.of): {found}"


#: The page's script: a string literal in it (quoted '...', "..." or `...`).
_JS_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`[^`]*`")
SCRIPT = PACKAGE / "interfaces" / "web" / "static" / "wgad.js"
#: The script's literals of two words that no one reads: its mode, and a CSS selector.
SCRIPT_ALLOWED = {"use strict", "input, select, textarea"}


def test_the_pages_script_holds_no_sentence_and_says_only_what_web_yaml_has() -> None:
    """wgad.js reads its sentences from the JSON block case.html renders from web.yaml's `script:`: no literal
    of two words or more in it, and every key it says exists there (a missing one would show `undefined`)."""
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", SCRIPT.read_text(encoding="utf-8"), flags=re.S)
    literals = [m.group()[1:-1] for m in _JS_STRING.finditer(code)]
    found = [t for t in literals if sum(bool(_WORD.fullmatch(w)) for w in t.split()) >= 2 and t not in SCRIPT_ALLOWED]
    assert found == [], f"wgad.js: move these to web.yaml's script: section: {found}"
    said = set(re.findall(r"words\(\s*\"(\w+)\"", code)) | set(re.findall(r"\bW\.(\w+)", code))
    said |= {k for pair in re.findall(r"words\(\s*[^,()]*\?\s*\"(\w+)\"\s*:\s*\"(\w+)\"", code) for k in pair}
    assert said and said <= set(words.of("web", "script")), said - set(words.of("web", "script"))


def test_every_sentence_of_a_stage_file_is_text_by_key() -> None:
    """A stage's file is sections of sentences by key (`words.of`), so that a translator fills in strings only
    (the draft's, `words.STRUCTURED`, holds lists too: tests/output/test_draft.py checks it)."""
    for path in sorted((words.LOCALES / words.LANGUAGE).glob("*.yaml")):
        if path.stem in words.STRUCTURED:
            continue
        for name, section in words.load(path.stem).items():
            if (path.stem, name) == ("check", "dates"):  # months and day words: tests/output/test_narrative_dates.py
                continue
            assert isinstance(section, dict), (path.name, name)
            assert all(isinstance(k, str) and isinstance(v, str) for k, v in section.items()), (path.name, name)


def test_every_fact_pattern_of_the_casebook_has_its_title() -> None:
    from detention_rules.output.teaching_words import PATTERNS, WORDS

    assert list(PATTERNS) == list(WORDS.PATTERNS)


def test_a_page_sentence_holding_a_link_escapes_the_sentence_and_keeps_the_link(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`say` on the web page: a translation's text is escaped like any value; only the template's own
    markup (a link) goes in as it is, and a plain value passed to it is escaped too."""
    import markupsafe

    from detention_rules.interfaces.web import routes

    page = dict(words.of("web", "page"))
    page["absent"] = "<i>not shown</i>: {path}"
    monkeypatch.setitem(words.load("web", words.LANGUAGE), "page", page)
    link = markupsafe.Markup('<a href="#">arrest.warrant_shown</a>')
    assert routes.say("absent", path=link) == '&lt;i&gt;not shown&lt;/i&gt;: <a href="#">arrest.warrant_shown</a>'
    assert routes.say("absent", path="<b>") == "&lt;i&gt;not shown&lt;/i&gt;: &lt;b&gt;"


def test_a_stage_file_reads_every_value_as_text(tmp_path: Path) -> None:
    """A translator's `no: non` or `yes: sí` stays words (YAML 1.1 reads no, non... as false, on as true)."""
    (tmp_path / "page.yaml").write_text("page:\n  no: non\n  on: 'sur'\n  n: 3\n", encoding="utf-8")
    assert words.read(tmp_path / "page.yaml", "fr", text_only=True) == {"page": {"no": "non", "on": "sur", "n": "3"}}
