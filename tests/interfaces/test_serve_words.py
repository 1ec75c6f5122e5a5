"""Issue 30: the page in a lawyer's words. The reasoning panel, the what-if and the folder's list say
facts as the draft says them, never a field path, a rule id or an engine word; the form asks details
after their prerequisite, names the title first, offers a date picker, keeps the findings beside an error."""

from __future__ import annotations

import json
import re
import shutil
import warnings
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from detention_rules.input.case import field_types
from detention_rules.interfaces.web.app import create_app
from detention_rules.reasoning import runnable

from ..conftest import CASES, REFERENCE

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    warnings.filterwarnings("ignore", message="The anyio.abc.BlockingPortal alias is deprecated")
    from starlette.testclient import TestClient

TOKEN = "test-token-0123456789"
ORIGIN = "http://127.0.0.1:8000"
#: What the findings never show: a value as the file writes it, an engine word, a conclusion's name.
ENGINE_WORDS = re.compile(r"\b(met|unmet|drawn|true|false|null|None|procedural|premise|conclusion)\b|violation:|->")


def engine_talk(text: str) -> list[str]:
    """The field paths, rule ids and engine words in a text a lawyer reads (none, if the page speaks plainly)."""
    found = [m.group() for m in ENGINE_WORDS.finditer(text)]
    found += [m.group() for m in re.finditer(r"\b\w+_\w+\b|\b\w+\[\d*\]", text)]  # `police_custody`, `detention[0]`
    for path in field_types():
        if path.isalpha():  # a top-level field named by a plain word ("language", "title") is a word too
            continue
        pattern = re.escape(path).replace(r"\[\]", r"\[\d*\]")
        found += [m.group() for m in re.finditer(rf"\b{pattern}\b", text)]
    found += [r.id for r in runnable.load().rules if re.search(rf"(?<![\w.]){re.escape(r.id)}(?![\w-])", text)]
    return found


class _Text(HTMLParser):
    """The text a reader sees of a fragment (no attribute, no script)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag == "script"

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def shown(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    return TestClient(
        create_app(folder, runnable.load(), TOKEN, {"127.0.0.1:8000"}),
        base_url=ORIGIN,
        headers={"x-wgad-token": TOKEN},
    )


def _post(client: TestClient, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, content=json.dumps(body), headers={"origin": ORIGIN, "content-type": "application/json"})


def _panel(page: str) -> str:
    return page[page.index('<aside id="reasoning"') :]


def test_the_check_finds_the_engine_talk_the_page_used_to_show() -> None:
    old = "met detention[0].kind in [police_custody, pretrial] (it is police_custody); I.no-warrant; drawn -> not drawn"
    assert {"met", "detention[0].kind", "police_custody", "I.no-warrant", "drawn", "->"} <= set(engine_talk(old))
    assert engine_talk("No warrant was shown at the arrest on 3 March 2025 (para 4).") == []


def test_the_reference_case_is_told_in_sentences(client: TestClient) -> None:
    page = client.get("/case", params={"file": REFERENCE.name}).text
    text = shown(_panel(page))
    assert engine_talk(text) == [], text
    assert "No arrest warrant was shown at the arrest on 17 April 2020." in text  # the rule's words, dated
    # a library case's refs are its encoding notes ("paras 11, 69" of the opinion): the draft prints none, nor the page
    assert "No arrest warrant or other decision of a public authority was shown at the arrest." in text
    assert "(paras 11, 69)" not in text
    # category III shows the fair-trial violations it rests on, not only "violations of gravity"
    iii = _panel(page)[_panel(page).index('data-category="III"') : _panel(page).index('data-category="IV"')]
    assert 'data-conclusion="violation:witnesses-denied"' in iii
    assert "The defence was prevented from presenting its witnesses" in shown(iii)
    # a period's fact names its period; an open ground shows no failing condition under "open"
    assert "Pre-trial detention from 18 April 2020: Could the person or a lawyer bring this detention before" in text
    for miss in re.findall(r'<div class="miss".*?</ul>', _panel(page), re.S):
        if 'class="state open"' in miss:
            assert "check unmet" not in miss


def test_a_drafter_s_own_file_shows_its_refs_as_its_draft_prints_them(client: TestClient, tmp_path: Path) -> None:
    """A drafter's file (no `source:` block) cites its evidence beside each fact, on the page as in the draft: in
    the sentence, before its full stop, as a lawyer cites, never a parenthesis after the stop."""
    own = tmp_path / "cases" / "own.yaml"
    own.write_text(re.sub(r"(?ms)^source:\n.*?(?=^expected:)", "", REFERENCE.read_text("utf-8")), "utf-8")
    text = shown(_panel(client.get("/case", params={"file": own.name}).text))
    assert "No arrest warrant or other decision of a public authority was shown at the arrest (paras 11, 69)." in text
    assert not re.search(r"\. \((?:paras?|per|contested) ", text)


def test_a_contested_fact_is_marked_in_its_sentence_before_the_full_stop(client: TestClient, tmp_path: Path) -> None:
    """The Government's contest is said in the sentence's one parenthesis, with the reference, before the stop."""
    own = tmp_path / "cases" / "own.yaml"
    text = re.sub(r"(?ms)^source:\n.*?(?=^expected:)", "", REFERENCE.read_text("utf-8"))
    given = 'warrant_shown: {value: false, by: [source], ref: "paras 11, 69"}'
    assert given in text
    text = text.replace(given, given.removesuffix("}") + ", contested: true}")
    own.write_text(text, "utf-8")
    panel = shown(_panel(client.get("/case", params={"file": own.name}).text))
    assert "was shown at the arrest (paras 11, 69; contested by the Government)." in panel


def test_what_if_says_what_would_still_hold(client: TestClient) -> None:
    page = client.get("/case", params={"file": REFERENCE.name}).text
    answer = _post(client, "/api/whatif", {"source": REFERENCE.name, "path": "arrest.warrant_shown", "state": {}})
    text = shown(answer.text)
    assert engine_talk(text) == [], text
    assert "If instead: A warrant was shown at the arrest." in text
    assert "it would take away: No arrest warrant was presented" in text
    assert "category I would still be established, on: The reasons for the arrest were not given" in text
    assert "category II would" not in text  # the warrant is no ground of category II
    assert page  # the page itself was served


def test_a_bad_date_is_told_beside_its_field_and_the_findings_stay(client: TestClient) -> None:
    state = {"fields": {"arrest.date": {"value": "17 April 2020", "ref": "", "contested": False}}, "lists": {}}
    panel = _post(client, "/api/analyse", {"source": REFERENCE.name, "state": state}).text
    assert 'data-problem="arrest.date"' in panel
    message = re.search(r'data-problem="arrest.date">.*?<span class="message">(.*?)</span>', panel, re.S)
    assert message and not message.group(1).startswith("arrest.date"), panel  # the field named once, by its label
    assert 'data-category="I" data-status="established"' in panel  # the findings without that answer
    assert engine_talk(shown(panel)) == [], shown(panel)


def test_the_folder_lists_titles_and_categories(client: TestClient) -> None:
    text = shown(client.get("/files").text)
    assert "Alnur Ilyashev v. Kazakhstan ilyashev-kazakhstan-2022.yaml · categories I, II, III, V established" in text


def test_the_form_asks_as_a_lawyer_fills_it(client: TestClient) -> None:
    page = client.get("/new").text
    form = page[: page.index('<aside id="reasoning"')]
    assert form.index('data-section="title"') < form.index('data-section="about"')  # the title first
    assert 'class="path"' not in form  # no field path beside a question
    name = re.search(r'data-field="person.name".*?<div class="field-error"', form, re.S)
    assert name and 'data-part="ref"' not in name.group(0)  # a name has no reference box
    sex = re.search(r'data-field="person.sex".*?<div class="field-error"', form, re.S)
    assert sex and '<div class="provenance" hidden>' in sex.group(0)  # a reference on demand
    date = re.search(r'data-field="arrest.date".*?<div class="field-error"', form, re.S)
    assert date and 'type="date"' in date.group(0) and 'class="date-text"' in date.group(0)
    for detail in ("trial.public", "trial.judges_removable", "trial.court_name", "sentence.years"):
        tag = re.search(rf'<div class="field[^>]*data-field="{re.escape(detail)}"[^>]*>', form)
        assert tag and " hidden" in tag.group(0), detail  # a trial detail waits until the trial is known held
    # an empty part is named as the form titles it, whatever its title's grammar ("What the person did")
    panel = shown(_panel(page))
    assert "Nothing is known yet: the part “What the person did” is empty." in panel
    assert "of the What" not in panel and "of the Detention" not in panel


def test_a_case_with_every_category_decided_still_asks_what_would_add_a_violation(client: TestClient) -> None:
    """The reference case decides every category (I, II, III and V established, IV not): the page still lists
    the facts whose answer would add a violation to an established category, as `wgad gaps` does, and says so."""
    from detention_rules import application
    from detention_rules.input import source

    book = runnable.load()
    first = application.questions(book, source.load(REFERENCE), None)[0]
    assert first.adds and not first.impact  # what the CLI lists first: a violation to add, no category to change
    text = shown(_panel(client.get("/case", params={"file": REFERENCE.name}).text))
    assert engine_talk(text) == [], text
    assert "No open question" not in text
    assert "the source says of its lawfulness? could add a violation to category I" in text
    assert "the family with no news for days or weeks)? could add a violation to categories I and III" in text


def test_the_governments_reply_and_the_communication_are_asked_with_a_notes_box(client: TestClient) -> None:
    """The reply's date, its deadline and the communication's date are asked as questions, and the reply's
    notes (`government.note`, the one notes field the format gives either part) are the section's notes box."""
    form = client.get("/new").text
    form = form[: form.index('<aside id="reasoning"')]
    reply = form[form.index('data-section="government"') : form.index('data-section="submission"')]
    sent = form[form.index('data-section="submission"') :]
    assert "On what date did the Government reply?" in shown(reply)
    assert "By what date was the Government to reply?" in shown(reply)
    assert "On what date was the communication sent (or last updated)?" in shown(sent)
    note = re.search(r'<div class="field[^"]*" data-field="government.note".*?<div class="field-error"', reply, re.S)
    assert note and " notes" in note.group(0) and "what the Government answered" in shown(note.group(0))
    assert "<textarea" in note.group(0)
    assert shown(reply).rstrip().endswith(shown(note.group(0)).rstrip())  # last in its section


def test_a_what_if_in_a_joint_case_names_the_person_it_changes(client: TestClient) -> None:
    """A case of several detainees: a what-if tells each person's changes against their own findings, named."""
    joint = "fogue-tedom-bibou-nissack-cameroon-2022.yaml"
    answer = _post(client, "/api/whatif", {"source": joint, "path": "trial.held", "state": {}})
    text = shown(answer.text)
    assert engine_talk(text) == [], text
    assert "Alain Fogue Tedom: category III would no longer be established" in text
    assert "Olivier Bibou Nissack: category III would no longer be established" in text
    no_trial = text.split("If this were not known")[0]
    assert "no finding would change" not in no_trial


def test_a_periods_head_writes_its_date_as_the_page_writes_dates(client: TestClient) -> None:
    """The head of a period is named as the reasoning names it (`asking.period`), its first day "1 March 2020",
    never as typed; a period of which nothing is known yet is not named."""
    state = {
        "fields": {},
        "lists": {
            "detention": [
                {"origin": -1, "fields": {"kind": {"value": "police_custody"}, "start": {"value": "2020-03-01"}}},
                {"origin": -1, "fields": {}},
            ]
        },
    }
    panel = _post(client, "/api/analyse", {"source": "", "file": "new.yaml", "state": state}).text
    names = re.search(r'<ol class="period-names" hidden>(.*?)</ol>', panel, re.S)
    assert names and re.findall(r"<li>(.*?)</li>", names.group(1)) == ["Police custody from 1 March 2020", ""]


@pytest.mark.parametrize(
    ("lang", "said", "english"),
    [
        (
            "fr",
            ["Nom", "Date de naissance", "Résidence", "défenseur des droits de l'homme", "personne LGBTI"],
            "Birth date",
        ),
        ("es", ["Nombre", "Fecha de nacimiento", "Residencia", "defensor de los derechos humanos"], "Birth date"),
    ],
)
def test_the_form_speaks_the_page_s_language(client: TestClient, lang: str, said: list[str], english: str) -> None:
    """`wgad serve --lang fr`: a field with no question (a name, a date) by the page's words, a list's choices
    (a person's status) in the language, and the page's `lang` (issue 31)."""
    from detention_rules import words

    words.use(lang)
    try:
        page = client.get("/case", params={"file": REFERENCE.name}).text
    finally:
        words.use("en")
    form_text = shown(page[: page.index('<aside id="reasoning"')])
    for text in said:
        assert text in form_text
    for text in (english, "human rights defender", "Residence"):
        assert text not in form_text
    assert f'<html lang="{lang}">' in page


def test_every_field_without_a_question_has_the_page_s_words_in_each_language() -> None:
    from detention_rules import words
    from detention_rules.reasoning.asking import has_question

    unlabelled = [p for p in field_types() if not has_question(p) and not p.startswith("detainees[]")]
    for lang in ("en", "fr", "es"):
        assert [p for p in unlabelled if p not in words.of("web", "labels", lang)] == [], lang


def test_the_french_page_sets_apart_the_drafter_s_english_words(tmp_path: Path) -> None:
    """`wgad serve --lang fr`: a rule's French explanation quoting a conduct the file describes in English
    sets it apart to translate, as the French draft does, never splicing English into a French sentence; the
    same words in a file written in French (`language: fr`) are the page's own (issue 31)."""
    from detention_rules import words

    english = "three Facebook posts criticising the ruling Nur Otan party"
    french = REFERENCE.read_text(encoding="utf-8").replace("\ntitle:", "\nlanguage: fr\ntitle:", 1)
    (tmp_path / "fr.yaml").write_text(french, encoding="utf-8")
    shutil.copy(REFERENCE, tmp_path / REFERENCE.name)
    words.use("fr")
    try:
        client = TestClient(
            create_app(tmp_path, runnable.load(), TOKEN, {"127.0.0.1:8000"}),
            base_url=ORIGIN,
            headers={"x-wgad-token": TOKEN},
        )
        from_english = shown(_panel(client.get("/case", params={"file": REFERENCE.name}).text))
        from_french = shown(_panel(client.get("/case", params={"file": "fr.yaml"}).text))
    finally:
        words.use("en")
    assert f"la liberté d'expression par la personne : [à traduire : {english}]" in from_english
    assert from_english.count(english) == from_english.count(f"[à traduire : {english}]") > 0
    assert f"[à traduire : {english}]" not in from_french and english in from_french
