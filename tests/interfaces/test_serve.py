"""`wgad serve` through Starlette's test client: the guard, the served folder's bounds, escaping, save.

The form's round trip is checked for every case in cases/: the page is read as a
browser's script reads it (`_FormReader` mirrors static/wgad.js `collect`), one fact is
changed, the case is saved, and the file must say exactly what it said before but the
change, with its comments, and pass `wgad validate`.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
import warnings
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from detention_rules.input import source
from detention_rules.input.validate import validate
from detention_rules.interfaces.web.app import create_app
from detention_rules.output.formats import DRAFT_FORMATS, DraftFormatName
from detention_rules.reasoning import runnable

from ..conftest import CASES, REFERENCE, ROOT, TWO, wgad

# Starlette 1.x prefers httpx2 for its test client and warns about httpx, which older Starlette needs;
# older Starlette's test client uses an alias the newest anyio deprecates. Neither is this project's code.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    warnings.filterwarnings("ignore", message="The anyio.abc.BlockingPortal alias is deprecated")
    from starlette.testclient import TestClient

TOKEN = "test-token-0123456789"
HOST = "127.0.0.1:8000"
ORIGIN = f"http://{HOST}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of cases/: saving must never touch the repository's files."""
    shutil.copytree(CASES, tmp_path / "cases")
    return tmp_path / "cases"


def _client(folder: Path, *, login: bool = True) -> TestClient:
    """A client as the page's script is one: the token in its header on every request (no cookie)."""
    headers = {"x-wgad-token": TOKEN} if login else {}
    return TestClient(create_app(folder, runnable.load(), TOKEN, {HOST}), base_url=ORIGIN, headers=headers)


@pytest.fixture
def client(folder: Path) -> TestClient:
    return _client(folder)


def _post(client: TestClient, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, content=json.dumps(body), headers={"origin": ORIGIN, "content-type": "application/json"})


# --- the guard ------------------------------------------------------------------------


def test_without_the_token_nothing_is_served(folder: Path) -> None:
    client = _client(folder, login=False)
    for url in ("/files", f"/case?file={REFERENCE.name}", "/static/wgad.js", "/files?token=wrong"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Ilyashev" not in response.text
    assert _post(client, "/api/analyse", {"state": {}}).status_code == 403


def test_the_token_is_carried_by_the_page_never_by_a_cookie(folder: Path) -> None:
    """Issue 26: a cookie of 127.0.0.1 goes to every port of it, so the token is never one."""
    client = _client(folder, login=False)
    page = client.get(f"/?token={TOKEN}", follow_redirects=True)
    assert page.status_code == 200 and REFERENCE.name in page.text
    assert all("set-cookie" not in r.headers for r in [*page.history, page])
    assert not client.cookies
    assert page.headers["referrer-policy"] == "same-origin"  # the address never travels elsewhere
    assert "default-src 'none'" in page.headers["content-security-policy"]
    # Every link of the page holds the token, so that a click is let in without a cookie.
    links = re.findall(r'(?:href|src)="(/[^"]*)"', page.text)
    assert links and all(f"token={TOKEN}" in link.replace("&amp;", "&") for link in links), links
    case = re.search(r'href="(/case\?[^"]*)"', page.text)
    assert case and client.get(case.group(1).replace("&amp;", "&")).status_code == 200
    assert f'<meta name="wgad-token" content="{TOKEN}">' in page.text  # the script's, for its header
    # The script's requests: the header lets them in, as the query does.
    assert client.get("/files", headers={"x-wgad-token": TOKEN}).status_code == 200
    assert client.get("/files", headers={"x-wgad-token": "wrong"}).status_code == 403


def test_the_case_page_hands_its_script_the_words_of_web_yaml_as_escaped_json(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The script's status lines are web.yaml's (`script:`), in a JSON block that no translation can close."""
    from detention_rules import words
    from detention_rules.interfaces.web import routes

    said = dict(words.of("web", "script"))
    said["saved"] = "</script><b>Saved</b> {file} & co."
    monkeypatch.setitem(routes.ENV.globals, "SCRIPT_WORDS", said)
    page = client.get(f"/case?file={REFERENCE.name}").text
    block = re.search(r'<script type="application/json" id="wgad-words">(.*?)</script>', page, re.S)
    assert block and "<b>" not in block.group(1)
    assert json.loads(block.group(1)) == said


@pytest.mark.parametrize(
    "cookie",
    ['a="\x00; b="', "wgad_token_8000=wrong", '$Version=1; x="\\', "=; ;;=", "a=\x7f\x80\xff"],
)
def test_a_foreign_or_malformed_cookie_never_locks_the_user_out(folder: Path, cookie: str) -> None:
    """Another local application's cookie reaches this port too: it is never read."""
    client = _client(folder, login=False)
    raw = cookie.encode("latin-1")
    page = client.get(f"/files?token={TOKEN}", headers=[(b"cookie", raw)])  # type: ignore[arg-type]
    assert page.status_code == 200, page.text
    answer = client.post(
        "/api/analyse",
        content=json.dumps({"state": {}}),
        headers=[(b"cookie", raw), (b"origin", ORIGIN.encode()), (b"x-wgad-token", TOKEN.encode())],  # type: ignore[arg-type]
    )
    assert answer.status_code == 200


@pytest.mark.parametrize("host", ["evil.example:8000", "127.0.0.1:9999", "attacker.127.0.0.1.nip.io:8000", ""])
def test_a_foreign_host_header_is_refused(client: TestClient, host: str) -> None:
    """DNS rebinding: a page elsewhere whose name now points at 127.0.0.1 sends its own Host."""
    response = client.get("/files", headers={"host": host})
    assert response.status_code == 403
    assert "Ilyashev" not in response.text


def test_a_request_from_another_origin_is_refused(client: TestClient) -> None:
    body = json.dumps({"state": {}})
    for origin in ("http://evil.example", "http://127.0.0.1:9999", "null"):
        response = client.post("/api/analyse", content=body, headers={"origin": origin})
        assert response.status_code == 403, origin
    assert client.post("/api/analyse", content=body).status_code == 403  # no Origin at all: refused
    assert client.post("/api/analyse", content=body, headers={"origin": ORIGIN}).status_code == 200


# --- the folder's bounds ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../outside.yaml", "/etc/passwd", "teaching/../../outside.yaml", "..%2Foutside.yaml", ".hidden.yaml", "x.txt"],
)
def test_only_files_under_the_folder_can_be_read(client: TestClient, folder: Path, name: str) -> None:
    (folder.parent / "outside.yaml").write_text("title: SECRET OUTSIDE\n", encoding="utf-8")
    response = client.get("/case", params={"file": name})
    assert response.status_code in (400, 404)
    assert "SECRET" not in response.text
    assert "Traceback" not in response.text


def test_a_link_out_of_the_folder_is_refused(client: TestClient, folder: Path) -> None:
    outside = folder.parent / "outside.yaml"
    outside.write_text("title: SECRET OUTSIDE\n", encoding="utf-8")
    (folder / "link.yaml").symlink_to(outside)
    assert "link.yaml" not in client.get("/files").text
    response = client.get("/case", params={"file": "link.yaml"})
    assert response.status_code == 400 and "SECRET" not in response.text
    saved = _post(client, "/api/save", {"file": "link.yaml", "state": {}, "replace": True}).json()
    assert not saved["ok"]
    assert outside.read_text(encoding="utf-8") == "title: SECRET OUTSIDE\n"


def test_nothing_is_written_outside_the_folder(client: TestClient, folder: Path) -> None:
    for name in ("../evil.yaml", str(folder.parent / "evil.yaml"), "sub/../../evil.yaml"):
        answer = _post(client, "/api/save", {"file": name, "state": {}, "replace": True}).json()
        assert not answer["ok"], name
    assert not (folder.parent / "evil.yaml").exists()


def test_the_cli_size_limit_applies(client: TestClient, folder: Path) -> None:
    (folder / "huge.yaml").write_text("notes: " + "x" * (source.MAX_BYTES + 10) + "\n", encoding="utf-8")
    response = client.get("/case", params={"file": "huge.yaml"})
    assert response.status_code == 400
    assert "limit" in response.text and "Traceback" not in response.text
    big = _post(client, "/api/analyse", {"state": {"fields": {"title": {"value": "x" * (5 * source.MAX_BYTES)}}}})
    assert big.status_code == 400


def test_a_broken_file_says_where_without_a_traceback(client: TestClient, folder: Path) -> None:
    (folder / "broken.yaml").write_text("person:\n\tname: x\n", encoding="utf-8")
    response = client.get("/case", params={"file": "broken.yaml"})
    assert response.status_code == 400
    assert "broken.yaml:2:" in response.text and "Traceback" not in response.text


# --- escaping ---------------------------------------------------------------------------


def test_a_script_in_a_fact_shows_as_text(client: TestClient, folder: Path) -> None:
    (folder / "xss.yaml").write_text(
        "title: '<script>alert(1)</script>'\n"
        "arrest:\n  warrant_shown: {value: false, ref: '<img src=x onerror=alert(2)>'}\n"
        "  place: '\"><script>alert(3)</script>'\n"
        "detention:\n  - kind: police_custody\n",
        encoding="utf-8",
    )
    page = client.get("/case", params={"file": "xss.yaml"}).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page  # the reference, in the form and in the reasoning
    fragment = _post(client, "/api/analyse", {"source": "xss.yaml", "state": _state_of_page(page)}).text
    assert "<img src=x" not in fragment and "&lt;img src=x onerror=alert(2)&gt;" in fragment


def _field_tag(page: str, path: str) -> str:
    found = re.search(r'<div class="field[^>]*data-field="' + re.escape(path) + r'"[^>]*>', page)
    assert found, path
    return found.group(0)


def test_the_form_and_gaps_json_honour_the_prerequisite_the_interview_honours(client: TestClient, folder: Path) -> None:
    """No trial (`trial.held: false`): the interview asks no trial detail; `wgad gaps -f json` asks none for it,
    and the page folds the empty details away. One prerequisite, declared with the field in the model."""
    case = folder / "untried.yaml"
    case.write_text(
        "arrest: {date: 2021-03-01, warrant_shown: true}\n"
        "detention:\n  - {kind: pretrial, start: 2021-03-01, brought_before_judge: false}\n"
        "trial: {held: false, court: military}\n",
        encoding="utf-8",
    )
    asked = wgad("gaps", "--ask", str(case), "-o", str(folder / "a.yaml"), stdin="unknown\n" * 200).stdout
    assert "trial.public [" not in asked and "trial.held [" not in asked
    rows = {r["field"]: r["asks"] for r in json.loads(wgad("gaps", "-f", "json", str(case)).stdout)}
    # a trial question does not apply without a trial: `gaps` does not list it at all
    assert "trial.public" not in rows and rows["detention[0].ill_treatment"] == ["detention[0].ill_treatment"]
    page = client.get("/case", params={"file": "untried.yaml"}).text
    public = _field_tag(page, "trial.public")
    assert 'data-after="trial.held" data-opens="yes"' in public and " hidden" in public
    assert " hidden" not in _field_tag(page, "trial.held")
    assert " hidden" not in _field_tag(page, "trial.court")  # a detail the file answers always shows
    assert 'data-after="brought_before_judge"' in _field_tag(page, "judge_date")  # beside it, in the period
    assert " hidden" in _field_tag(page, "judge_date")


# --- saving -----------------------------------------------------------------------------


def test_saving_over_a_file_asks_first_and_keeps_a_backup(client: TestClient, folder: Path) -> None:
    name = REFERENCE.name
    before = (folder / name).read_text(encoding="utf-8")
    state = _state_of_page(client.get("/case", params={"file": name}).text)
    state["fields"]["arrest.warrant_shown"]["value"] = ""
    body = {"source": name, "file": name, "state": state}
    first = _post(client, "/api/save", body).json()
    assert first == {"ok": False, "exists": True, "file": name}
    assert (folder / name).read_text(encoding="utf-8") == before
    second = _post(client, "/api/save", {**body, "replace": True}).json()
    assert second["ok"], second
    assert (folder / (name + ".bak")).read_text(encoding="utf-8") == before
    after = (folder / name).read_text(encoding="utf-8")
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert changed == ["  warrant_shown: {value: null, by: [source], ref: 'paras 11, 69'}"] or len(changed) == 1
    assert wgad("validate", str(folder / name)).returncode == 0


def test_a_case_with_errors_is_not_saved(client: TestClient, folder: Path) -> None:
    state = {"fields": {"arrest.date": {"value": "17 April 2020", "ref": "", "contested": False}}, "lists": {}}
    answer = _post(client, "/api/save", {"source": "", "file": "bad.yaml", "state": state}).json()
    assert not answer["ok"]
    assert any(p["field"] == "arrest.date" for p in answer["problems"])
    assert not (folder / "bad.yaml").exists()


# --- the form's round trip, for every case --------------------------------------------


class _FormReader(HTMLParser):
    """The form's state as static/wgad.js `collect` reads it from the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: dict[str, Any] = {}
        self.lists: dict[str, list[dict[str, Any]]] = {}
        self.section: tuple[str, bool] | None = None
        self.item: dict[str, Any] | None = None
        self.field: dict[str, Any] | None = None
        self.select = False
        self.textarea: str | None = None
        self.in_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.in_form = a.get("id") == "case"
        if not self.in_form:
            return
        if tag == "section" and "data-section" in a:
            self.section = (a["data-section"], "data-list" in a)
            if self.section[1]:
                self.lists[self.section[0]] = []
        elif tag == "fieldset" and "item" in a.get("class", "").split():
            self.item = {"origin": int(a["data-origin"]), "fields": {}}
            assert self.section is not None
            self.lists[self.section[0]].append(self.item)
        elif tag == "div" and "field" in a.get("class", "").split():
            kind = a["data-kind"]
            self.field = {"value": [] if kind == "list" else "", "ref": "", "contested": False, "_kind": kind}
            (self.item["fields"] if self.item is not None else self.fields)[a["data-field"]] = self.field
        elif self.field is not None and "data-part" in a:
            self._input(tag, a)
        elif tag == "option" and self.select and "selected" in a and self.field is not None:
            self.field["value"] = a["value"]

    def _input(self, tag: str, a: dict[str, str]) -> None:
        assert self.field is not None
        part, kind = a["data-part"], a.get("type", "")
        if tag == "select":
            self.select = True
        elif tag == "textarea":
            self.textarea = ""
        elif part in ("contested", "none"):
            self.field[part] = "checked" in a
        elif kind == "radio":
            if "checked" in a:
                self.field["value"] = a["value"]
        elif kind == "checkbox":
            if "checked" in a:
                self.field["value"].append(a["value"])
        else:
            self.field[part] = a.get("value", "")

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.textarea += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = False
        elif tag == "textarea" and self.textarea is not None and self.field is not None:
            text = self.textarea.removeprefix("\n")  # as a browser reads a textarea
            self.field["value"] = text.split("\n") if self.field["_kind"] == "list" else text
            self.textarea = None
        elif tag == "fieldset":
            self.item = None
        elif tag == "section":
            self.section = None


def _state_of_page(page: str) -> dict[str, Any]:
    reader = _FormReader()
    reader.feed(page)
    for entry in [
        *reader.fields.values(),
        *(f for items in reader.lists.values() for i in items for f in i["fields"].values()),
    ]:
        entry.pop("_kind", None)
    return {"fields": reader.fields, "lists": reader.lists}


def _set(data: dict[str, Any], section: str, key: str, value: Any) -> None:
    node = data.setdefault(section, {})
    if isinstance(node.get(key), dict):
        node[key]["value"] = value
    else:
        node[key] = value


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


CASE_FILES = sorted(p.relative_to(CASES).as_posix() for p in CASES.rglob("*.yaml"))


@pytest.mark.parametrize("name", CASE_FILES)
def test_the_form_round_trip_loses_no_fact(folder: Path, name: str) -> None:
    """Open, change one fact (the State's ICCPR party), save, re-validate: the rest is as it was."""
    client = _client(folder)
    before_text = (folder / name).read_text(encoding="utf-8")
    before = source.parse(before_text, name).data
    state = _state_of_page(client.get("/case", params={"file": name}).text)
    entry = state["fields"]["state.iccpr_party"]
    new = entry["value"] != "yes"
    entry["value"] = "yes" if new else "no"
    answer = _post(client, "/api/save", {"source": name, "file": name, "state": state, "replace": True}).json()
    assert answer["ok"], answer
    after_text = (folder / name).read_text(encoding="utf-8")
    expected = copy.deepcopy(before)
    _set(expected, "state", "iccpr_party", new)
    assert source.parse(after_text, name).data == expected
    assert _comments(after_text) == _comments(before_text)
    case, problems = validate(source.parse(after_text, name))
    assert case is not None and not [p for p in problems if p.level == "error"]
    unchanged = [line for line in before_text.splitlines() if not re.search(r"iccpr_party|^state:", line)]
    assert all(line in after_text.splitlines() for line in unchanged)  # every other line kept as written


# --- the form is the model's --------------------------------------------------------------


def test_every_field_of_the_model_is_in_the_form(client: TestClient) -> None:
    """The form is generated from `field_types`: a field added to the model appears with no page code."""
    from detention_rules.input.case import field_types
    from detention_rules.interfaces.web import form

    page = client.get("/new").text
    shown = set(re.findall(r'data-field="([^"]+)"', page))
    assert {p for p in field_types() if "[]" not in p and p not in form.KEPT} <= shown  # KEPT: as the file has it
    for name in ("detention", "conduct"):  # a list's fields appear with each item added
        item = _post(client, "/api/item", {"list": name, "key": 1}).text
        fields = {p.removeprefix(f"{name}[].") for p in field_types() if p.startswith(f"{name}[].")}
        assert set(re.findall(r'data-field="([^"]+)"', item)) == fields


# --- the command ------------------------------------------------------------------------


def test_other_commands_do_not_load_the_web_stack() -> None:
    """Starlette, uvicorn and jinja2 are imported by `wgad serve` only (start-up time of every other command)."""
    code = (
        "import sys; from detention_rules.interfaces import cli; "
        "print(sorted(m for m in ('starlette', 'uvicorn', 'jinja2') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert proc.stdout.strip() == "[]"


def test_serve_warns_when_listening_beyond_this_machine(folder: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "detention_rules", "serve", str(folder), "--host", "0.0.0.0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        printed = proc.stdout.readline() + proc.stdout.readline()
        proc.terminate()
        warning = proc.stderr.read()
        proc.wait(timeout=30)
    assert re.search(r"http://127\.0\.0\.1:\d+/\?token=", printed)
    assert "warning: listening at 0.0.0.0" in warning


def test_serve_refuses_what_is_not_a_folder(folder: Path) -> None:
    proc = wgad("serve", str(folder / "nothing-here"))
    assert proc.returncode == 2 and "not a folder" in proc.stderr and "Traceback" not in proc.stderr


def test_detainees_can_be_added_and_removed(client: TestClient, folder: Path) -> None:
    """A file naming several detainees: one removed and one added by the form; the others' own facts kept."""
    name = "namazi-iran-2017.yaml"
    before = source.parse((folder / name).read_text(encoding="utf-8"), name).data
    assert len(before["detainees"]) >= 2
    state = _state_of_page(client.get("/case", params={"file": name}).text)
    kept = state["lists"]["detainees"][1:]
    added = {
        "origin": -1,
        "fields": {
            "person.name": {"value": "C. D.", "ref": "", "contested": False},
            "person.age": {"value": "51", "ref": "para 9", "contested": False},
        },
    }
    state["lists"]["detainees"] = [*kept, added]
    analysed = _post(client, "/api/analyse", {"source": name, "state": state}).text
    assert "C. D." in analysed  # the new person's own findings
    answer = _post(client, "/api/save", {"source": name, "file": name, "state": state, "replace": True}).json()
    assert answer["ok"], answer
    after = source.parse((folder / name).read_text(encoding="utf-8"), name).data
    assert after["detainees"] == [
        *before["detainees"][1:],
        {"person": {"name": "C. D.", "age": {"value": 51, "ref": "para 9"}}},
    ]
    assert {k: v for k, v in after.items() if k != "detainees"} == {k: v for k, v in before.items() if k != "detainees"}


def test_an_internal_error_shows_no_traceback(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from detention_rules.interfaces.web import live

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret case data in a traceback")

    monkeypatch.setattr(live, "view", broken)
    app = create_app(folder, runnable.load(), TOKEN, {HOST})
    client = TestClient(app, base_url=ORIGIN, headers={"x-wgad-token": TOKEN}, raise_server_exceptions=False)
    response = _post(client, "/api/analyse", {"state": {}})
    assert response.status_code == 500
    assert "secret" not in response.text and "Traceback" not in response.text
    assert "internal error" in response.text


def test_the_page_offers_every_draft_format(client: TestClient) -> None:
    """The Draft buttons are the draft formats' registry (output/formats.py), each with its label."""
    page = client.get("/case", params={"file": REFERENCE.name}).text
    buttons = re.findall(r'<button type="button" class="download" data-format="([^"]+)">Draft \(([^)]+)\)', page)
    assert buttons == [(f.name, f.label) for f in sorted(DRAFT_FORMATS.values())]
    assert [name for name, _ in buttons] == ["docx", "html", "markdown"]


@pytest.mark.parametrize("fmt", list(DRAFT_FORMATS))
def test_the_draft_downloads_in_each_format(client: TestClient, folder: Path, fmt: DraftFormatName) -> None:
    """The page's Draft buttons: the reference case's draft, named after the file, in the format asked."""
    import io
    import zipfile

    state = _state_of_page(client.get("/case", params={"file": REFERENCE.name}).text)
    form = {"format": fmt, "source": REFERENCE.name, "file": REFERENCE.name, "state": json.dumps(state)}
    answer = client.post("/draft", data=form, headers={"origin": ORIGIN})
    assert answer.status_code == 200, answer.text
    suffix = {"html": ".html", "markdown": ".md", "docx": ".docx"}[fmt]
    assert f'filename="{REFERENCE.stem}-draft{suffix}"' in answer.headers["content-disposition"]
    assert answer.headers["content-type"].split(";")[0] == DRAFT_FORMATS[fmt].media_type
    if DRAFT_FORMATS[fmt].binary:
        with zipfile.ZipFile(io.BytesIO(answer.content)) as word:
            body = word.read("word/document.xml").decode("utf-8")
    else:
        body = answer.text
    # Opinion No. 2/2022 para 100: arbitrary under categories I, II, III and V, not IV.
    submitted = set(re.findall(r"arbitrary and falls within category ([IV]+)", body))
    assert submitted == {"I", "II", "III", "V"}


def test_the_page_s_draft_cites_no_line_of_a_file_not_yet_written(client: TestClient, folder: Path) -> None:
    """The page drafts the form's facts, which have no line in any file yet: its appendix names each fact by
    its field, not "case file line 1" for every one."""
    state = json.dumps(_state_of_page(client.get("/case", params={"file": REFERENCE.name}).text))
    form = {"format": "markdown", "source": REFERENCE.name, "file": REFERENCE.name, "state": state}
    body = client.post("/draft", data=form, headers={"origin": ORIGIN}).text
    assert "arrest.warrant_shown = no" in body or "arrest.warrant_shown = false" in body
    assert "case file line" not in body and "(line " not in body


def test_the_draft_is_for_the_stage_chosen(client: TestClient, folder: Path) -> None:
    """Issue 29: "The Government did not reply" belongs to comments on the reply, never to a first submission."""
    page = client.get("/case", params={"file": REFERENCE.name}).text
    assert 'id="draft-stage"' in page
    state = json.dumps(_state_of_page(page))
    form = {"format": "markdown", "source": REFERENCE.name, "file": REFERENCE.name, "state": state}
    first = client.post("/draft", data=form, headers={"origin": ORIGIN})
    comments = client.post("/draft", data={**form, "stage": "comments"}, headers={"origin": ORIGIN})
    assert first.status_code == 200 and comments.status_code == 200
    assert "did not reply" not in first.text and "The Government did not reply" in comments.text
    assert client.post("/draft", data={**form, "stage": "final"}, headers={"origin": ORIGIN}).status_code == 400


def test_the_draft_is_of_the_detainee_chosen(client: TestClient, folder: Path) -> None:
    """Issue 27: the page drafted the first of several detainees whichever was asked; the CLI the one chosen."""
    (folder / "two.yaml").write_text(TWO, encoding="utf-8")
    page = client.get("/case", params={"file": "two.yaml"}).text
    assert 'data-format="markdown" data-detainee="2"' in page  # each person's own Draft buttons
    state = _state_of_page(page)
    form = {"format": "markdown", "source": "two.yaml", "file": "two.yaml", "state": json.dumps(state)}
    second = client.post("/draft", data={**form, "detainee": "2"}, headers={"origin": ORIGIN})
    assert second.status_code == 200, second.text
    assert "B. Two" in second.text and "A. One" not in second.text
    assert set(re.findall(r"arbitrary and falls within category ([IV]+)", second.text)) == {"II", "III"}
    joint = client.post("/draft", data=form, headers={"origin": ORIGIN})  # the case's own Draft: everyone
    assert joint.status_code == 200 and "### A. One" in joint.text and "### B. Two" in joint.text
    assert "A. One and B. Two is arbitrary" in joint.text
    for bad in ("3", "0", "x", "²"):
        assert client.post("/draft", data={**form, "detainee": bad}, headers={"origin": ORIGIN}).status_code == 400
