"""`wgad casebook`: a site that builds for every case, parses as strict HTML, needs no network,
hides each answer until it is asked for, and whose in-page quiz scores answers as the doctrine says."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest
import yaml

from ..conftest import CASES, wgad

TEACHING = CASES / "teaching"
HOSTILE = """title: "<script>alert(1)</script> v. State"
source: {synthetic: true, note: "teaches <b>nothing</b> \\u202e reversed"}
state: {name: "State <img src=x onerror=alert(1)>", iccpr_party: true}
arrest: {date: 2023-03-14, warrant_shown: {value: false, ref: "<script>alert(2)</script>"}}
detention:
  - {kind: police_custody, start: 2023-03-14, end: 2023-03-16, place: "</li><script>alert(3)</script>"}
"""


def _strict(text: str, name: str) -> None:
    parser = html5lib.HTMLParser(strict=True)
    try:
        parser.parse(text)
    except html5lib.html5parser.ParseError as exc:
        pytest.fail(f"{name}: {exc}")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The participant's book of every shipped case."""
    folder = tmp_path_factory.mktemp("book") / "casebook"
    proc = wgad("casebook", str(CASES), "-o", str(folder))
    assert proc.returncode == 0, proc.stderr
    return folder


@pytest.fixture(scope="module")
def trainer_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The trainer's book of the teaching cases."""
    folder = tmp_path_factory.mktemp("book") / "trainer"
    proc = wgad("casebook", str(TEACHING), "--trainer", "-o", str(folder))
    assert proc.returncode == 0, proc.stderr
    return folder


def test_every_case_has_a_page_and_every_page_is_strict_html(site: Path, trainer_site: Path) -> None:
    names = {p.name for p in site.glob("*.html")}
    assert {"index.html", "handout.html"} <= names and "trainer.html" not in names  # no answers to hand round
    assert "trainer.html" in {p.name for p in trainer_site.glob("*.html")}
    files = [p for p in CASES.rglob("*.yaml") if p.parent.name != "blind"]  # blind twins repeat their hand files
    people = sum(max(1, len(yaml.safe_load(f.read_text(encoding="utf-8")).get("detainees") or [])) for f in files)
    assert len([n for n in names if n.startswith("case-")]) == people  # one page per person
    for page in [*site.glob("*.html"), *trainer_site.glob("*.html")]:
        text = page.read_text(encoding="utf-8")
        _strict(text, page.name)
        # relative links only, nothing fetched: no scheme, no //host, no absolute path
        for link in re.findall(r'(?:href|src)="([^"]*)"', text):
            assert not re.match(r"^([a-z]+:|/)", link), (page.name, link)
            assert (page.parent / link).exists(), (page.name, link)
        assert "default-src 'none'" in text


def test_the_participants_index_lists_cases_by_topic_and_number(site: Path) -> None:
    """Issue 32: the index listed "Cases by category", giving every answer away."""
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Cases by topic" in index and "by category" not in index and 'id="category-' not in index
    assert "The arrest" in index and "The trial" in index and "Real cases" in index
    assert '<a href="case-01.html">Case 1</a>' in index  # a teaching case: its number, not its lesson
    assert "Cases by fact pattern" in index and "Migrants and asylum seekers" in index
    assert "Opinion 2/2022" in index  # a real case, with its opinion number (not anonymised)
    # the teaching cases come in the lesson table's order, topic by topic: the first is the arrest without a warrant
    assert "arrest without a warrant" in (site / "case-01.html").read_text(encoding="utf-8")


def test_the_trainers_index_has_the_answers_the_lesson_table_and_the_notes(trainer_site: Path) -> None:
    index = (trainer_site / "index.html").read_text(encoding="utf-8")
    rows = (TEACHING / "README.md").read_text(encoding="utf-8").count("| [")
    assert index.count("<tr><td>") == len(list(TEACHING.glob("*.yaml"))) + rows  # a row per case, then the lessons
    assert '<a href="case-01.html">arrest-no-warrant.yaml</a>' in index  # the lesson table links each case
    assert '<td class="found">I</td>' in index  # the engine's answer
    assert "Notes for trainers" in index and "is not &#34;lawful&#34;" in index  # the README's notes, as text
    assert "`" not in index and "**" not in index


def test_handout_has_no_answers_and_the_trainer_copy_has_them(trainer_site: Path) -> None:
    handout = (trainer_site / "handout.html").read_text(encoding="utf-8")
    trainer = (trainer_site / "trainer.html").read_text(encoding="utf-8")
    assert 'class="answer"' not in handout and "The engine finds" not in handout
    assert trainer.count('<details class="answer"') == handout.count('<article class="case"') > 40
    assert '<details class="answer" id="answer-01" open>' in trainer
    assert "arrest.warrant_shown = false" in trainer  # the trainer's copy cites the file too


def test_a_selection_builds_only_those_cases_in_its_order(tmp_path: Path) -> None:
    out = tmp_path / "session"
    plan = tmp_path / "session.txt"
    plan.write_text(
        "# Tuesday morning\ntrial-in-absentia\narrest-no-warrant.yaml  # then the easy one\n", encoding="utf-8"
    )
    assert wgad("casebook", str(CASES), "--session", str(plan), "-o", str(out)).returncode == 0
    assert sorted(p.name for p in out.glob("case-*.html")) == ["case-01.html", "case-02.html"]
    assert "in absentia" in (out / "case-01.html").read_text(encoding="utf-8")
    handout = (out / "handout.html").read_text(encoding="utf-8")
    assert handout.count('<article class="case"') == 2
    again = tmp_path / "again"
    assert (
        wgad("casebook", str(TEACHING), "--cases", "arrest-no-warrant,trial-in-absentia", "-o", str(again)).returncode
        == 0
    )
    assert "arrest without a warrant" in (again / "case-01.html").read_text(encoding="utf-8")
    trainer = tmp_path / "trainer"
    assert wgad("casebook", str(TEACHING), "--trainer", "--session", str(plan), "-o", str(trainer)).returncode == 0
    index = (trainer / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr><td>") == 2 + 2  # the answers and the lesson table: only these two cases
    wrong = wgad("casebook", str(TEACHING), "--cases", "no-such-case", "-o", str(tmp_path / "x"))
    assert (
        wrong.returncode == 2
        and "no-such-case: no case of that name" in wrong.stderr
        and "Traceback" not in wrong.stderr
    )
    assert not (tmp_path / "x").exists()
    gone = wgad("casebook", str(TEACHING), "--session", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "y"))
    assert gone.returncode == 2 and "cannot read the session file" in gone.stderr


def test_anonymised_real_cases_hide_the_opinion(tmp_path: Path) -> None:
    out = tmp_path / "anon"
    case = CASES / "lopez-venezuela-2014.yaml"  # Opinion 26/2014: II.assembly cites it, an anonymised page may not
    assert wgad("casebook", str(case), "--anonymise", "-o", str(out)).returncode == 0
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "26/2014" not in text and "2014/26" not in text and "López v." not in text, page.name
    shown = tmp_path / "shown"
    assert wgad("casebook", str(case), "-o", str(shown)).returncode == 0
    assert "Opinion 26/2014" in (shown / "index.html").read_text(encoding="utf-8")  # without --anonymise
    assert "Real cases" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_an_anonymised_standard_does_not_quote_the_cases_own_opinion(tmp_path: Path, lang: str) -> None:
    """Opinion 2/2022 (Ilyashev v. Kazakhstan) quotes General Comment No. 34 para 22 at its para 79, and the
    standard of II.expression says so: a participant reading "quoted at 2/2022" on the page of an anonymised
    case can look the answer up. The standard keeps the General Comment it quotes."""
    out = tmp_path / "anon"
    case = CASES / "ilyashev-kazakhstan-2022.yaml"
    assert wgad("casebook", str(case), "--anonymise", "--lang", lang, "-o", str(out)).returncode == 0
    page = (out / "case-01.html").read_text(encoding="utf-8")
    kept = {
        "en": "General Comment No. 34 para 22)",
        "fr": "observation générale n° 34, par. 22)",
        "es": "observación general núm. 34, párr. 22)",
    }
    assert kept[lang] in page
    for shown in out.glob("*.html"):
        assert "2/2022" not in shown.read_text(encoding="utf-8"), shown.name


def test_an_anonymised_book_hides_its_cases_opinion_only() -> None:
    """The book hides the case's own opinion, not the later opinions of its year that a rule cites (a submission
    could not cite those; a participant may read them)."""
    from detention_rules.output.citable import Horizon

    hidden = Horizon.hiding("26/2014")
    cited = [
        "Opinion 26/2014 para 47",
        "Opinion 126/2014",
        "Opinion 27/2014",
        "resolution 26/20145",
        "Opinions 30/2014, 26/2014",
    ]
    assert hidden.unnamed(cited) == ["Opinion 126/2014", "Opinion 27/2014", "resolution 26/20145"]
    assert Horizon.hiding("").unnamed(cited) == cited


def test_user_text_is_shown_as_text(tmp_path: Path) -> None:
    case = tmp_path / "hostile.yaml"
    case.write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "README.md").write_text(
        "| [hostile.yaml](hostile.yaml) | I | `<script>alert(4)</script>` | <img src=x onerror=alert(5)> |\n"
        "\nNotes for trainers:\n\n- <script>alert(6)</script>\n",
        encoding="utf-8",
    )
    for flag in ("--trainer", "--anonymise"):
        out = tmp_path / f"site{flag}"
        assert wgad("casebook", str(tmp_path), flag, "-o", str(out)).returncode == 0
        for page in out.glob("*.html"):
            text = page.read_text(encoding="utf-8")
            _strict(text, page.name)
            assert "<script>alert" not in text and "<img src=x" not in text and "<b>nothing" not in text
            assert "\u202e" not in text
    trainer = (tmp_path / "site--trainer" / "trainer.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in trainer and "&lt;/li&gt;&lt;script&gt;alert(3)" in trainer
    index = (tmp_path / "site--trainer" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(4)" in index and "&lt;img src=x" in index and "&lt;script&gt;alert(6)" in index


def test_never_writes_into_a_folder_in_use(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep", encoding="utf-8")
    proc = wgad("casebook", str(TEACHING / "arrest-no-warrant.yaml"), "-o", str(folder))
    assert proc.returncode == 2 and "not an empty folder" in proc.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_answer_hidden_until_revealed_and_the_quiz_scores(tmp_path: Path, browser_path: str) -> None:
    browser = browser_path
    from playwright.sync_api import sync_playwright

    out = tmp_path / "site"
    case = TEACHING / "arrest-no-warrant.yaml"  # expected: I only (rule I.no-warrant; opinion 2/2022 paras 70-71)
    assert wgad("casebook", str(case), "-o", str(out)).returncode == 0
    (page_file,) = out.glob("case-*.html")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=browser, args=["--no-sandbox"])
        try:
            page = b.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_file.as_uri())
            assert not page.is_visible("details.answer p.found")
            assert not page.is_visible("[data-rule='I.no-warrant']")
            page.click("details.answer > summary")
            assert page.is_visible("details.answer p.found")
            assert "I" in page.text_content("details.answer p.found")
            page.click("details.answer > summary")  # closed again for the quiz
            # the doctrine's answer, I: full marks
            page.check("input[value=I]")
            page.click("form.quiz button")
            assert page.get_attribute("form.quiz .score", "data-earned") == "1"  # 1 of 1 point
            assert page.is_visible("details.answer p.found")  # checking opens the answer
            # I missed and IV over-found: a point lost, as the terminal quiz counts it (quiz.points)
            page.uncheck("input[value=I]")
            page.check("input[value=IV]")
            page.click("form.quiz button")
            assert page.get_attribute("form.quiz .score", "data-earned") == "-1"
            assert page.text_content("form.quiz .score") == "Points for this case: -1 of 1."
            verdicts = {
                li.get_attribute("data-category"): li.get_attribute("data-verdict")
                for li in page.query_selector_all("form.quiz .marks li")
            }
            assert verdicts == {"I": "missed", "II": "right", "III": "right", "IV": "over-found", "V": "right"}
            assert errors == []
            assert all(r.startswith("file:") for r in requests), requests
        finally:
            b.close()


def test_every_fact_pattern_names_a_field_rules_read() -> None:
    """The index's fact patterns name fields and derived facts by path: a renamed or dropped one fails here."""
    from detention_rules.input.fields import readable_fields
    from detention_rules.output.teaching_words import PATTERNS

    unknown = {m for markers in PATTERNS.values() for m in markers if m.partition("=")[0] not in readable_fields()}
    assert not unknown


#: A field path as a page might show one: `arrest.warrant_shown`, `conduct[0].led_to_detention`.
_PATH = re.compile(r"\b[a-z_]+(?:\[\d*\])?(?:\.[a-z_]+(?:\[\d*\])?)+\b")


def test_the_participants_book_in_a_browser_names_no_category_and_no_field(tmp_path: Path, browser_path: str) -> None:
    """Issue 32, done means: the participant's index names no category, and no case page shows a field path
    or a file line (`conduct[0].led_to_detention = true, case file line 27`), what a participant sees."""
    from playwright.sync_api import sync_playwright

    from detention_rules.input.case import field_types
    from detention_rules.input.field_path import FieldPath
    from detention_rules.reasoning import runnable

    out = tmp_path / "book"
    assert wgad("casebook", str(CASES), "--anonymise", "-o", str(out)).returncode == 0
    titles = runnable.load().consequences.titles
    fields = set(field_types())
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        try:
            page = b.new_page()
            page.goto((out / "index.html").as_uri())
            index = page.inner_text("body")
            assert "Case 1" in index
            assert not re.search(r"\b(I|II|III|IV|V)\b|[Cc]ategory [IV]", index), index
            assert not [t for t in titles.values() if t in index]
            cases = sorted(out.glob("case-*.html"))
            assert len(cases) > 100
            for case in cases:
                page.goto(case.as_uri())
                page.click("details.answer > summary")  # the answer too: told in words
                page.eval_on_selector_all("details", "ds => ds.forEach(d => d.open = true)")
                text = page.inner_text("body")
                assert not re.search(r"\bline \d+", text), case.name
                paths = [m for m in _PATH.findall(text) if FieldPath.generic_name(m) in fields]
                assert not paths, (case.name, paths)
        finally:
            b.close()
