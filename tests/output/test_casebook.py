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
    folder = tmp_path_factory.mktemp("book") / "casebook"
    proc = wgad("casebook", str(CASES), "-o", str(folder))
    assert proc.returncode == 0, proc.stderr
    return folder


def test_every_case_has_a_page_and_every_page_is_strict_html(site: Path) -> None:
    pages = sorted(site.glob("*.html"))
    names = {p.name for p in pages}
    assert {"index.html", "handout.html", "trainer.html"} <= names
    files = [p for p in CASES.rglob("*.yaml") if p.parent.name != "blind"]  # blind twins repeat their hand files
    people = sum(max(1, len(yaml.safe_load(f.read_text(encoding="utf-8")).get("detainees") or [])) for f in files)
    assert len([n for n in names if n.startswith("case-")]) == people  # one page per person
    for page in pages:
        text = page.read_text(encoding="utf-8")
        _strict(text, page.name)
        # relative links only, nothing fetched: no scheme, no //host, no absolute path
        for link in re.findall(r'(?:href|src)="([^"]*)"', text):
            assert not re.match(r"^([a-z]+:|/)", link), (page.name, link)
            assert (site / link).exists(), (page.name, link)
        assert "default-src 'none'" in text


def test_index_lists_cases_by_category_and_by_pattern(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.count('id="category-') == 6  # I to V, and none
    assert "Cases by fact pattern" in index and "Migrants and asylum seekers" in index
    assert "Opinion 2/2022" in index  # a real case, with its opinion number
    # a teaching case's page does not give its lesson away before the answer
    assert "category-1" not in " ".join(p.name for p in site.glob("*.html"))


def test_handout_has_no_answers_and_the_trainer_copy_has_them(site: Path) -> None:
    handout = (site / "handout.html").read_text(encoding="utf-8")
    trainer = (site / "trainer.html").read_text(encoding="utf-8")
    assert 'class="answer"' not in handout and "The engine finds" not in handout
    assert trainer.count('<details class="answer"') == handout.count('<article class="case"') > 40
    assert '<details class="answer" id="answer-ilyashev-kazakhstan-2022" open>' in trainer


def test_user_text_is_shown_as_text(tmp_path: Path) -> None:
    case = tmp_path / "hostile.yaml"
    case.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "site"
    assert wgad("casebook", str(case), "-o", str(out)).returncode == 0
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        _strict(text, page.name)
        assert "<script>alert" not in text and "<img src=x" not in text and "<b>nothing" not in text
        assert "\u202e" not in text
    trainer = (out / "trainer.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in trainer and "&lt;/li&gt;&lt;script&gt;alert(3)" in trainer


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
            assert page.get_attribute("form.quiz .score", "data-right") == "5"
            assert page.is_visible("details.answer p.found")  # checking opens the answer
            # I missed and IV over-found: 3 of 5
            page.uncheck("input[value=I]")
            page.check("input[value=IV]")
            page.click("form.quiz button")
            assert page.get_attribute("form.quiz .score", "data-right") == "3"
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
