"""The pages and the requests the page makes: files, the form, the reasoning, what-if, save, draft."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

import jinja2
import markupsafe
import msgspec
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from detention_rules import words
from detention_rules.errors import InputError, Problem, UsageError, WgadError
from detention_rules.escaping import printable
from detention_rules.input import source
from detention_rules.input.field_path import FieldPath
from detention_rules.interfaces.web import form, live
from detention_rules.interfaces.web.files import Changed, Exists, Folder, Invalid
from detention_rules.interfaces.web.told import Told, changes_of
from detention_rules.output.citable import prints_refs
from detention_rules.output.document import STAGES
from detention_rules.output.formats import DRAFT_FORMATS, draft_format
from detention_rules.reasoning.runnable import Runnable

#: Largest request body: a form's state is a little larger than its file, which the CLI caps.
MAX_BODY = 4 * source.MAX_BYTES
#: The header the page's script sends the token in (app.Guard reads it; static/wgad.js sends it).
TOKEN_HEADER = "x-wgad-token"


class State(msgspec.Struct):
    """What every request shares: the folder, the rulebook (loaded once) and the token the page carries."""

    folder: Folder
    book: Runnable
    token: str


class BadRequest(UsageError):
    """A request the page itself never makes."""


class NotFound(BadRequest):
    """What the request names (a file, a list, a field, a format) does not exist: answered 404."""


#: What the server answers (locales/<lang>/web.yaml, `server:`).
SAYS = words.of("web", "server")


def say(key: str, **parts: Any) -> markupsafe.Markup:
    """A sentence of the page that holds pieces of it (a link): the sentence escaped, each piece escaped
    unless it is already markup, as the template made it."""
    return markupsafe.escape(words.of("web", "page")[key]).format(**parts)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,  # every case text is escaped: a fact saying <script> shows as text
        undefined=jinja2.StrictUndefined,
    )
    env.filters["p"] = lambda v: printable(str(v))  # nothing hidden in the reasoning (escaping.printable)
    env.filters["words"] = form.choice  # a choice in the page's language, a detainee's as the shared field's
    env.globals["hidden"] = form.hidden  # the details a prerequisite's answer closes
    env.globals["label"] = form.label  # a field named by its question, never its path (an error's field)
    env.filters["unnamed"] = _unnamed
    env.globals["W"] = words.of("web", "page")  # the page's sentences (locales/<lang>/web.yaml), escaped as text
    env.globals["say"] = say
    env.globals["language"] = lambda: words.LANGUAGE  # the page's `lang`, read at each page
    env.globals["SCRIPT_WORDS"] = words.of("web", "script")  # the script's sentences, as JSON the page holds
    return env


def _unnamed(problem: Problem) -> str:
    """A problem's message without the field it begins by: the page names the field once, by its label."""
    message = problem.message
    if problem.field and message.startswith(problem.field):
        message = message.removeprefix(problem.field).removeprefix(":").lstrip()
    return message


ENV = _environment()


def _page(template: str, token: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page or a fragment of one, rendered with every value escaped; its links carry the token."""
    return HTMLResponse(ENV.get_template(template).render(token=token, **context), status)


def _link(path: str, token: str, **query: str) -> str:
    """An address of this server with the token, as the page's links and the address bar hold it."""
    return f"{path}?{urlencode({**query, 'token': token})}"


async def _bytes(request: Request) -> bytes:
    """The request's body, refused as soon as it grows past the CLI's size limit."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise BadRequest(SAYS["too_large"].format(size=MAX_BODY))
    return body


async def _json(request: Request) -> dict[str, Any]:
    body = await _bytes(request)
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise BadRequest(SAYS["not_json"]) from None
    if not isinstance(data, dict):
        raise BadRequest(SAYS["not_object"])
    return data


def _base(state: State, name: Any) -> dict[str, Any]:
    """The data of the file the form was opened from ({} for a new case)."""
    if not name:
        return {}
    return state.folder.read(name).data


def _data(state: State, body: dict[str, Any]) -> dict[str, Any]:
    given = body.get("state")
    return form.to_data(given if isinstance(given, dict) else {}, _base(state, body.get("source")))


def _label(body: dict[str, Any]) -> str:
    name = body.get("file") or body.get("source")
    return name if isinstance(name, str) and name else SAYS["new_case"]


def _guarded(handler: Any, token: str) -> Any:
    """A handler whose known errors become a message on the page, never a traceback."""

    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request)
        except InputError as exc:
            return _problem_page(request, token, [str(p) for p in exc.problems], 400)
        except WgadError as exc:
            return _problem_page(request, token, [str(exc)], 404 if isinstance(exc, NotFound) else 400)

    return endpoint


async def _form_body(request: Request) -> dict[str, str]:
    raw = await _bytes(request)
    return dict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))


class _Handlers:
    """One method per route, sharing the folder and the rulebook."""

    def __init__(self, state: State):
        self.state = state
        self.token = state.token
        self.listed: dict[tuple[str, str], live.Listed] = {}  # by file and version: each read once

    async def index(self, request: Request) -> Response:
        names = self.state.folder.names()
        links = [(name, _link("/case", self.token, file=name), self._listed(name)) for name in names]
        return _page("index.html", self.token, names=links, folder=str(self.state.folder.root.name or "/"))

    def _listed(self, name: str) -> live.Listed | None:
        """A file's title and categories, or None for a file the folder cannot read (its page says why)."""
        try:
            opened = self.state.folder.read(name)
        except WgadError:
            return None
        key = (name, opened.version)
        if key not in self.listed:
            self.listed[key] = live.listed(self.state.book, name, opened.data)
        return self.listed[key]

    async def case(self, request: Request) -> Response:
        name = request.query_params.get("file", "")
        if not self.state.folder.path(name).is_file():
            raise NotFound(SAYS["no_file"].format(file=name))
        opened = self.state.folder.read(name)
        return self._case_page(name, opened.data, opened.version)

    async def new(self, request: Request) -> Response:
        return self._case_page("", {}, "")

    def _case_page(self, name: str, data: dict[str, Any], version: str) -> Response:
        view, _ = live.view(self.state.book, name or SAYS["new_case"], data)
        return _page(
            "case.html",
            self.token,
            name=name,
            version=version,
            sections=form.sections(),
            values=form.state_of(data),
            view=view,
            formats=sorted(DRAFT_FORMATS.values()),  # by name, the buttons' order on the page
        )

    async def analyse(self, request: Request) -> Response:
        body = await _json(request)
        view, _ = live.view(self.state.book, _label(body), _data(self.state, body))
        return _page("reasoning.html", self.token, view=view, formats=sorted(DRAFT_FORMATS.values()))

    async def item(self, request: Request) -> Response:
        body = await _json(request)
        section = next((s for s in form.sections() if s.listed and s.name == body.get("list")), None)
        if section is None:
            raise NotFound(SAYS["no_list"])
        key = body.get("key")
        key = key if isinstance(key, int) else 0
        empty = {f.name: form.field_state(f, {}) for f in section.fields}
        return _page("item.html", self.token, section=section, item={"origin": -1, "fields": empty}, key=key, number=0)

    async def what_if(self, request: Request) -> Response:
        body = await _json(request)
        path = body.get("path")
        if not isinstance(path, str):
            raise BadRequest(SAYS["no_field_named"])
        field = _field(path)
        data = _data(self.state, body)
        current = form.parts(FieldPath.read(data, path))[0]
        values = live.alternatives(field.kind, field.choices, current)
        book = self.state.book
        before, answers = live.what_if(book, _label(body), data, path, values)
        one = before.each()[0]
        refs = one.case is None or prints_refs(one.case)
        told = Told(book, one.facts, refs=refs) if one.facts is not None else None
        said = [changes_of(book, before, a.changes, a.after) for a in answers]
        return _page("whatif.html", self.token, answers=list(zip(answers, said, strict=True)), told=told, path=path)

    async def save(self, request: Request) -> Response:
        body = await _json(request)
        name = body.get("file")
        if not isinstance(name, str):
            raise BadRequest(SAYS["no_file_named"])
        version = body.get("version") if body.get("source") == name else None
        try:
            data = _data(self.state, body)
            saved = self.state.folder.save(
                name, data, replace=body.get("replace") is True, version=version if isinstance(version, str) else None
            )
        except Changed as exc:
            return JSONResponse({"ok": False, "changed": True, "message": printable(str(exc))}, 409)
        except Exists:
            return JSONResponse({"ok": False, "exists": True, "file": name})
        except Invalid as exc:
            problems = [{"field": p.field, "message": printable(p.message)} for p in exc.problems]
            return JSONResponse({"ok": False, "message": str(exc), "problems": problems})
        except WgadError as exc:
            return JSONResponse({"ok": False, "message": printable(str(exc))})
        url = _link("/case", self.token, file=name)
        return JSONResponse({"ok": True, "file": name, "url": url, "version": saved.version, "written": saved.written})

    async def draft(self, request: Request) -> Response:
        body = await _form_body(request)
        form = draft_format(body.get("format", ""))
        if form is None:
            raise NotFound(SAYS["no_format"])
        try:
            parsed = json.loads(body.get("state", "{}"))
        except ValueError:
            raise BadRequest(SAYS["not_json"]) from None
        request_body = {"state": parsed, "source": body.get("source"), "file": body.get("file")}
        detainee = body.get("detainee", "")
        if detainee and not re.fullmatch(r"[1-9][0-9]{0,8}", detainee):
            raise BadRequest(SAYS["detainee_number"])
        stage = next((s for s in STAGES if s == body.get("stage", "first")), None)
        if stage is None:
            raise BadRequest(SAYS["draft_stage"].format(stages=", ".join(STAGES)))
        data = _data(self.state, request_body)
        content = live.draft(
            self.state.book, _label(request_body), data, form.name, int(detainee) if detainee else None, stage
        )
        stem = Path(_label(request_body)).stem.replace('"', "") or "case"
        return Response(
            content,
            media_type=form.media_type,
            headers={"content-disposition": f'attachment; filename="{quote(stem)}-draft{form.suffix}"'},
        )

    async def home(self, request: Request) -> Response:
        return RedirectResponse(_link("/files", self.token), 303)

    async def no_icon(self, request: Request) -> Response:
        return Response(status_code=204)


def routes(state: State) -> list[Route]:
    """The application's routes, bound to `state`."""
    h = _Handlers(state)
    return [
        Route("/", _guarded(h.home, state.token)),
        Route("/files", _guarded(h.index, state.token)),
        Route("/favicon.ico", h.no_icon),
        Route("/case", _guarded(h.case, state.token)),
        Route("/new", _guarded(h.new, state.token)),
        Route("/api/analyse", _guarded(h.analyse, state.token), methods=["POST"]),
        Route("/api/item", _guarded(h.item, state.token), methods=["POST"]),
        Route("/api/whatif", _guarded(h.what_if, state.token), methods=["POST"]),
        Route("/api/save", _guarded(h.save, state.token), methods=["POST"]),
        Route("/draft", _guarded(h.draft, state.token), methods=["POST"]),
    ]


def _field(path: str) -> form.Field:
    generic = FieldPath.generic_name(path)
    for section in form.sections():
        for f in section.fields:
            if f.path == generic:
                return f
    raise NotFound(SAYS["no_field"].format(path=path))


def _problem_page(request: Request, token: str, messages: list[str], status: int) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/draft":  # asked by the page's script
        return _page("problems.html", token, status, messages=messages)
    return _page("error.html", token, status, messages=messages)
