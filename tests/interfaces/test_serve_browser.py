"""`wgad serve` end to end, as a drafter uses it, in a real headless Chromium (Debian's, via Playwright).

The steps of issue 17's and issue 30's "done means": the folder's files by title, the reference
case (opinion 2/2022: categories I, II, III and V, para 100) in sentences, a what-if, the warrant
fact unset and category I's why-not, a whole new case by the form alone (a date picked, a detail
after its prerequisite, an error beside its field with the findings kept), saved (`wgad validate`
accepts the file), and its draft; at each step the findings hold no field path, rule id or engine
word. Screenshots of each step go to
$WGAD_SCREENSHOTS when set (docs/serve-*.png were made so), else to the test's folder.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from detention_rules.input import source

from ..conftest import CASES, REFERENCE, ROOT, wgad
from .test_serve_words import engine_talk


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`wgad serve` over a copy of cases/, as a user starts it; its printed address."""
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    log = tmp_path / "serve.log"
    with (
        log.open("w", encoding="utf-8") as errors,
        subprocess.Popen(
            [sys.executable, "-m", "detention_rules", "serve", str(folder)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            cwd=ROOT,
        ) as proc,
    ):
        try:
            assert proc.stdout is not None
            lines = [proc.stdout.readline() for _ in range(2)]
            match = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", "".join(lines))
            assert match, lines
            yield match.group(), folder
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    assert "Traceback" not in log.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def chromium(browser_path: str) -> Iterator[Any]:
    """One headless Chromium for the module's tests: a launch costs about a second of CPU, and each test
    opens its own contexts (`_contexts`), so no cookie, page or storage passes from one test to the next."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path)
        yield browser
        browser.close()


@contextlib.contextmanager
def _contexts(browser: Any) -> Iterator[Any]:
    """The module's browser for one test; every context the test opened is closed after it."""
    try:
        yield browser
    finally:
        for context in browser.contexts:
            context.close()


def _shots(tmp_path: Path) -> Path:
    out = Path(os.environ.get("WGAD_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    return out


def _statuses(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(
        "#reasoning .category", "els => Object.fromEntries(els.map(e => [e.dataset.category, e.dataset.status]))"
    )


def _wait_status(page, category: str, wanted: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector(f'#reasoning .category[data-category="{category}"][data-status="{wanted}"]', timeout=15_000)


def _plain(page) -> str:  # type: ignore[no-untyped-def]
    """The findings as the drafter reads them, held to speaking without engine talk."""
    page.wait_for_timeout(400)  # the page asks the server 150 ms after the last change
    page.wait_for_function("() => !document.getElementById('reasoning').classList.contains('busy')")
    text: str = page.inner_text("#reasoning")
    assert engine_talk(text) == [], text
    return text


def _open_file(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """A file of the folder's list, by its name (the list shows its title)."""
    page.click(f'ul.names a[href*="file={name}&"]')
    page.wait_for_selector("#reasoning .category")


def _field(page, path: str):  # type: ignore[no-untyped-def]
    return page.locator(f'.field[data-field="{path}"]')


def test_the_drafters_workflow_in_a_browser(chromium: Any, served: tuple[str, Path], tmp_path: Path) -> None:
    url, folder = served
    origin = url.split("/?", 1)[0]
    shots = _shots(tmp_path)
    with _contexts(chromium) as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        # 1. The printed address: the folder's files by their titles, each with its categories.
        page.goto(url)
        listed = page.locator(f'ul.names li:has(a[href*="file={REFERENCE.name}&"])')
        assert "Ilyashev" in listed.locator("a").inner_text()
        assert "categories I, II, III, V established" in listed.inner_text()
        page.screenshot(path=str(shots / "serve-1-case-files.png"))

        # 2. The reference case: I, II, III and V (opinion 2/2022 para 100), its title first, each category's
        #    violations in sentences, category III's the fair-trial violations themselves.
        _open_file(page, REFERENCE.name)
        assert _statuses(page) == {
            "I": "established",
            "II": "established",
            "III": "established",
            "IV": "not-established",
            "V": "established",
        }
        assert page.locator("#case section").first.get_attribute("data-section") == "title"
        text = _plain(page)
        assert "No arrest warrant was shown at the arrest on 17 April 2020." in text
        category_iii = page.locator('#reasoning [data-category="III"]')
        witnesses = category_iii.locator('.ground[data-conclusion="violation:witnesses-denied"]').first
        assert witnesses.is_visible()  # not folded away under "the fair-trial violations of gravity"
        assert "The defence was prevented from presenting its witnesses" in witnesses.inner_text()
        assert page.locator("#reasoning .miss:has(.state.open) .check.unmet").count() == 0  # no ✗ beside "open"
        assert _field(page, "person.name").locator(".provenance").is_hidden()  # a reference only on demand
        page.screenshot(path=str(shots / "serve-2-reference-case.png"))

        # 3. What if a warrant had been shown: category I would still hold, on the reasons given late.
        field = _field(page, "arrest.warrant_shown")
        field.locator("button[data-whatif]").click()
        answer = field.locator(".whatif-answer", has_text="If instead: A warrant was shown at the arrest.")
        answer.wait_for(timeout=15_000)
        said = answer.inner_text()
        assert "it would take away: No arrest warrant was presented" in said
        assert "category I would still be established, on: The reasons for the arrest were not given" in said
        assert "category II would" not in said  # only the category the warrant is a ground of
        assert engine_talk(said) == []
        field.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "serve-3-what-if.png"))

        # 4. Unset the warrant fact, and the reasons given at the arrest: category I is not established, and
        #    why not says what is missing as a question, not as a field.
        field.locator('input[type=radio][value=""]').check()
        _field(page, "arrest.reasons_given").locator("select").select_option("at_arrest")
        _wait_status(page, "I", "not-established")
        miss = page.locator('#reasoning [data-category="I"] .miss[data-rule="I.no-warrant"]')
        assert miss.locator(".check.unknown", has_text="warrant").count() == 1
        text = _plain(page)
        assert "Was an arrest warrant (or other decision of a public authority) shown at the arrest?" in text
        miss.locator('a[data-jump="arrest.warrant_shown"]').click()
        assert "jumped" in (field.get_attribute("class") or "")
        page.locator('#reasoning [data-category="I"]').scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "serve-4-why-not.png"))

        # 5. A new case from nothing, by the form alone: its title, the person, the arrest (a date picked).
        page.once("dialog", lambda dialog: dialog.accept())  # unsaved changes: the browser asks before leaving
        page.click("header >> text=New case")
        page.wait_for_selector("#reasoning .category")
        assert _statuses(page)["I"] == "not-established"
        page.fill("#file-name", "new-client.yaml")
        _field(page, "title").locator("[data-part=value]").fill("A. B. v. the State (police custody, March 2025)")
        _field(page, "person.name").locator("[data-part=value]").fill("A. B.")
        _field(page, "person.sex").locator("select").select_option("female")
        _field(page, "arrest.date").locator("[data-picker]").fill("2025-03-03")
        assert _field(page, "arrest.date").locator("[data-part=value]").input_value() == "2025-03-03"
        warrant = _field(page, "arrest.warrant_shown")
        warrant.locator('input[type=radio][value="no"]').check()
        warrant.locator("button[data-provenance]").click()  # a reference, asked for
        warrant.locator("input[data-part=ref]").fill("petition para 4")
        page.click('button[data-add="detention"]')
        period = page.locator('section[data-list="detention"] .item').first
        period.locator('.field[data-field="kind"] select').select_option("police_custody")
        _wait_status(page, "I", "established")
        text = _plain(page)
        assert "No arrest warrant was shown at the arrest on 3 March 2025." in text  # issue 30's own words
        page.locator("#case").evaluate("form => form.scrollIntoView()")
        page.screenshot(path=str(shots / "serve-5-new-case.png"))

        # 6. The period: a detail waits for its prerequisite; the period's head names it while its fields scroll.
        judge_date = period.locator('.field[data-field="judge_date"]')
        assert judge_date.is_hidden()
        period.locator('.field[data-field="start"] [data-picker]').fill("2025-03-03")
        period.locator('.field[data-field="brought_before_judge"] input[type=radio][value="yes"]').check()
        judge_date.wait_for(state="visible", timeout=5_000)
        period.locator(".named", has_text="3 March 2025").wait_for(timeout=15_000)  # named once the server answers
        assert period.locator(".named").inner_text() == ": Police custody from 3 March 2025"  # as the page writes dates
        _plain(page)
        #    its first fields scrolled away: the head still names the period
        period.locator('.field[data-field="judge_date"]').evaluate("e => e.scrollIntoView({block: 'center'})")
        page.screenshot(path=str(shots / "serve-6-period.png"))

        # 7. A date that is no date: its error beside its field, the findings kept.
        judge_date.locator("[data-part=value]").fill("the next day")
        page.wait_for_selector('.field[data-field="judge_date"] .field-error:not(:empty)', timeout=15_000)
        assert page.locator("#reasoning .category").count() == 5
        assert _statuses(page)["I"] == "established"
        _plain(page)
        judge_date.evaluate("e => e.scrollIntoView({block: 'center'})")
        page.screenshot(path=str(shots / "serve-7-field-error.png"))
        judge_date.locator("[data-part=value]").fill("2025-03")  # a month alone: the text box takes it
        page.wait_for_selector('.field[data-field="judge_date"] .field-error:empty', state="attached", timeout=15_000)

        # 8. The trial: its details once it was held; next questions, asked in words; saved.
        public = _field(page, "trial.public")
        assert public.is_hidden()
        _field(page, "trial.held").locator('input[type=radio][value="yes"]').check()
        public.wait_for(state="visible", timeout=5_000)
        public.locator('input[type=radio][value="no"]').check()
        page.wait_for_selector("#reasoning ol.questions li", timeout=15_000)
        _plain(page)
        page.click("#save")
        page.wait_for_selector("#status.ok", timeout=15_000)
        page.locator("#case").evaluate("form => form.scrollIntoView()")
        page.screenshot(path=str(shots / "serve-8-saved.png"))
        saved = folder / "new-client.yaml"
        data = source.load(saved).data
        assert data["title"] == "A. B. v. the State (police custody, March 2025)"
        assert data["arrest"] == {"date": "2025-03-03", "warrant_shown": {"value": False, "ref": "petition para 4"}}
        assert data["detention"] == [
            {"kind": "police_custody", "start": "2025-03-03", "brought_before_judge": True, "judge_date": "2025-03"}
        ]
        check = wgad("validate", str(saved))
        assert check.returncode == 0, check.stdout + check.stderr

        # Saving again over it asks first, and keeps the file as it was.
        before = saved.read_text(encoding="utf-8")
        _field(page, "state.iccpr_party").locator('input[type=radio][value="yes"]').check()
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#save")
        page.wait_for_selector("#status.ok", timeout=15_000)
        assert (folder / "new-client.yaml.bak").read_text(encoding="utf-8") == before
        assert source.load(saved).data["state"] == {"iccpr_party": True}

        # 9. The draft, downloaded.
        with page.expect_download() as download:
            page.click('button.download[data-format="html"]')
        draft = Path(download.value.path()).read_text(encoding="utf-8")
        assert download.value.suggested_filename == "new-client-draft.html"
        assert re.search(r"arbitrary and falls within category I\b", draft)  # the draft submits category I
        #    A case with an error gets no draft, and the page (with the drafter's work) stays.
        _field(page, "arrest.date").locator("[data-part=value]").fill("17 April 2020")
        page.click('button.download[data-format="markdown"]')
        page.wait_for_selector("#status.error", timeout=15_000)
        assert "No draft" in page.inner_text("#status")
        assert _field(page, "arrest.date").locator("[data-part=value]").input_value() == "17 April 2020"
        draft_page = tmp_path / "draft.html"
        draft_page.write_text(draft, encoding="utf-8")
        page.goto(draft_page.as_uri())
        page.screenshot(path=str(shots / "serve-9-draft.png"))

    assert errors == []
    assert all(r.startswith(origin) or r.startswith("file://") for r in requests), "a request left the machine"


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Another local server, on another port of the loopback: it writes down every request it gets."""

    seen: ClassVar[list[tuple[str, dict[str, str]]]] = []

    def do_GET(self) -> None:
        self.seen.append((self.path, dict(self.headers.items())))
        body = b"<!DOCTYPE html><title>another server</title><p>another local server</p>"
        self.send_response(200)
        self.send_header("content-type", "text/html")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def other_server() -> Iterator[tuple[str, list[tuple[str, dict[str, str]]]]]:
    """A server on another port of 127.0.0.1, and what it received."""
    _Recorder.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.seen
    finally:
        server.shutdown()
        server.server_close()


def test_no_other_server_on_the_loopback_receives_the_token(
    chromium: Any, served: tuple[str, Path], other_server: tuple[str, list[Any]], tmp_path: Path
) -> None:
    """Issue 26: cookies ignore ports, so a cookie of the served page went to every local server."""
    url, _ = served
    token = url.split("token=", 1)[1]
    other, seen = other_server
    with _contexts(chromium) as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(url)
        _open_file(page, REFERENCE.name)  # not its blind twin, blind/{REFERENCE.name}
        page.locator('.field[data-field="arrest.warrant_shown"] input[type=radio][value=""]').check()
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#save")
        page.wait_for_selector("#status.ok", timeout=15_000)
        page.screenshot(path=str(_shots(tmp_path) / "serve-privacy-saved.png"))
        page.reload()  # the address bar holds the token: a reload is let in
        page.wait_for_selector("#reasoning .category")
        # The served page sends the browser to the other server; the browser goes there itself too.
        page.evaluate("other => { location.href = other + '/from-the-page'; }", other)
        page.wait_for_url(f"{other}/from-the-page")
        page.goto(f"{other}/typed")
        cookies = context.cookies()
    assert {"/from-the-page", "/typed"} <= {path for path, _ in seen}  # and the browser's own /favicon.ico
    for path, headers in seen:
        assert "cookie" not in {k.lower() for k in headers}, headers
        assert token not in path + json.dumps(headers), headers
    assert cookies == []  # the served page sets none at all


def test_a_nul_and_a_crlf_file_survive_saves_from_the_page(chromium: Any, served: tuple[str, Path]) -> None:
    """The page shows a NUL as U+FFFD and cannot show CRLF: what the drafter did not touch is not sent back."""
    url, folder = served
    raw = (
        '\ufefftitle: "a NUL \\0 in the title"\r\n'
        'notes: "two\\nlines"\r\n'
        "\r\n"
        "arrest:\r\n"
        "  warrant_shown: true  # petition para 4\r\n"
        "government:\r\n"
        "  contests: [arrest.warrant_shown,  # their reply\r\n"
        "    arrest.date]\r\n"
    ).encode()
    case = folder / "nul.yaml"
    case.write_bytes(raw)
    case.chmod(0o600)
    origin = url.split("/?", 1)[0]
    with _contexts(chromium) as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url)
        _open_file(page, "nul.yaml")
        page.click("#save")  # nothing to replace: no question asked
        page.wait_for_selector("#status.ok", timeout=15_000)
        assert "Nothing changed" in page.inner_text("#status")
        assert case.read_bytes() == raw and stat.S_IMODE(case.stat().st_mode) == 0o600
        assert not (folder / "nul.yaml.bak").exists()
        page.locator('.field[data-field="arrest.warrant_shown"] input[type=radio][value="no"]').check()
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#save")
        page.wait_for_selector("#status.ok >> text=Saved", timeout=15_000)
        assert case.read_bytes() == raw.replace(b"warrant_shown: true", b"warrant_shown: false")
        assert (folder / "nul.yaml.bak").read_bytes() == raw
        assert stat.S_IMODE(case.stat().st_mode) == 0o600

        # Two tabs: the second's save, made on the file as it was, is refused and says to reload.
        second = browser.new_page(viewport={"width": 1400, "height": 1000})
        second.goto(f"{origin}/case?file=nul.yaml&token={url.split('token=', 1)[1]}")
        second.wait_for_selector("#reasoning .category")
        page.locator('.field[data-field="arrest.warrant_shown"] input[type=radio][value="yes"]').check()
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#save")
        page.wait_for_selector("#status.ok >> text=Saved", timeout=15_000)
        saved = case.read_bytes()
        second.locator('.field[data-field="arrest.warrant_shown"] input[type=radio][value=""]').check()
        second.once("dialog", lambda dialog: dialog.accept())
        second.click("#save")
        second.wait_for_selector("#status.error", timeout=15_000)
        assert "Reload the page" in second.inner_text("#status")
        assert case.read_bytes() == saved


def test_a_detail_folds_away_when_its_prerequisite_answer_closes_it(
    chromium: Any, served: tuple[str, Path], tmp_path: Path
) -> None:
    """The page reads the model's prerequisites as the interview does: no trial, no empty trial detail shown;
    a period's judge date waits for whether the person was brought before a judge in that period."""
    url, _ = served
    with _contexts(chromium) as browser:
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        page.click("header >> text=New case")
        page.wait_for_selector("#reasoning .category")
        public = page.locator('.field[data-field="trial.public"]')
        sentence = page.locator('.field[data-field="sentence.years"]')  # waits on the trial, another section
        assert public.is_hidden()  # asked once the trial is known to have been held
        assert sentence.is_hidden()
        page.locator('.field[data-field="arrest.warrant_shown"] input[type=radio][value="no"]').check()
        page.wait_for_timeout(300)
        assert sentence.is_hidden()  # still folded when the script folds again after a change elsewhere
        page.locator('.field[data-field="trial.held"] input[type=radio][value="yes"]').check()
        public.wait_for(state="visible", timeout=5_000)
        sentence.wait_for(state="visible", timeout=5_000)
        page.locator('.field[data-field="trial.held"] input[type=radio][value="no"]').check()
        public.wait_for(state="hidden", timeout=5_000)
        sentence.wait_for(state="hidden", timeout=5_000)
        assert page.locator('.field[data-field="trial.counsel.access_trial"]').is_hidden()  # nested in the trial
        page.locator('.field[data-field="trial.held"]').scroll_into_view_if_needed()
        page.screenshot(path=str(_shots(tmp_path) / "serve-prerequisite-folds.png"))
        page.locator('.field[data-field="trial.held"] input[type=radio][value="yes"]').check()
        public.wait_for(state="visible", timeout=5_000)
        page.click('button[data-add="detention"]')
        period = page.locator('section[data-list="detention"] .item').first
        period.locator('.field[data-field="brought_before_judge"] input[type=radio][value="no"]').check()
        period.locator('.field[data-field="judge_date"]').wait_for(state="hidden", timeout=5_000)
    assert errors == []
