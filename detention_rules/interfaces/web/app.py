"""The web application and its guard, and `serve`, which runs it on a free port of the loopback.

Every request passes the guard first. It answers only when the Host header names this
server (a page elsewhere that rebinds a DNS name to 127.0.0.1 is refused), when a
request that changes anything comes from this server's own page (Origin, against
cross-site requests), and when it carries the token printed with the address.

The token is never kept in a cookie: browsers send a cookie of 127.0.0.1 to every port
of it, so any other local server would receive it. The page carries it instead: the
address and every link of the page hold it (`?token=`, sent only to this server; the
referrer policy keeps addresses from other origins), and the page's script sends it
as the `X-Wgad-Token` header with every request it makes. Cookies are not read at all,
so another application's cookie, however malformed, never locks the drafter out.
Responses forbid loading anything from elsewhere, framing, and sending the address
(with its token) on as a referrer.
"""

from __future__ import annotations

import contextlib
import ipaddress
import secrets
import socket
import sys
import threading
import webbrowser
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from detention_rules import words
from detention_rules.errors import UsageError
from detention_rules.interfaces.web import routes
from detention_rules.interfaces.web.files import Folder
from detention_rules.reasoning.runnable import Runnable

STATIC = Path(__file__).parent / "static"
SAFE_METHODS = frozenset({"GET", "HEAD"})
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "referrer-policy": "same-origin",  # never sent elsewhere; "no-referrer" makes form posts say Origin: null
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}
#: What the server answers and prints (locales/<lang>/web.yaml, `server:`).
SAYS = words.of("web", "server")
REFUSED_HOST = SAYS["refused_host"]
REFUSED_ORIGIN = SAYS["refused_origin"]
REFUSED_TOKEN = SAYS["refused_token"]
#: The header the page's script sends the token in (routes.TOKEN_HEADER, static/wgad.js).
TOKEN_HEADER = routes.TOKEN_HEADER


class Guard:
    """Host, Origin and token checks before anything else (see the module's docstring)."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str], token: str):
        self.app = app
        self.hosts = frozenset(h.lower() for h in hosts)
        self.origins = frozenset(f"http://{h}" for h in self.hosts)
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if isinstance(refusal, Response):
            await _secured(refusal)(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_secured)

    def _refusal(self, scope: Scope) -> Response | None:
        headers = Headers(scope=scope)
        if headers.get("host", "").lower() not in self.hosts:
            return PlainTextResponse(REFUSED_HOST, 403)
        origin = headers.get("origin")
        if origin is not None and origin.lower() not in self.origins:
            return PlainTextResponse(REFUSED_ORIGIN, 403)
        if scope["method"] not in SAFE_METHODS and origin is None:
            return PlainTextResponse(REFUSED_ORIGIN, 403)  # browsers send Origin on every such request
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        for given in (headers.get(TOKEN_HEADER), dict(query).get("token")):
            if given is not None and secrets.compare_digest(given.encode(), self.token.encode()):
                return None
        return PlainTextResponse(REFUSED_TOKEN, 403)


def _secured(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response


def create_app(folder: Path, book: Runnable, token: str, hosts: Iterable[str]) -> ASGIApp:
    """The application over `folder` under the law `book`, answering only to `hosts` (`127.0.0.1:8000`) with `token`."""
    state = routes.State(Folder(folder), book, token)
    app = Starlette(
        routes=[*routes.routes(state), Mount("/static", StaticFiles(directory=STATIC), name="static")],
        exception_handlers={Exception: _internal_error},
    )
    return Guard(app, hosts, token)


async def _internal_error(request: Request, exc: Exception) -> Response:
    """No traceback reaches the page: it would show the case's data to whoever sees the screen."""
    return PlainTextResponse(SAYS["internal"].format(error=type(exc).__name__), 500)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _hosts(host: str, port: int) -> set[str]:
    """The Host headers this server answers to: the address it listens at, and loopback names."""
    shown = f"[{host}]" if ":" in host else host
    out = {f"{shown}:{port}", f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}
    if host in ("0.0.0.0", "::"):  # every address of this machine
        out.add(f"{socket.gethostname()}:{port}")
        with contextlib.suppress(OSError):
            out |= {f"{info[4][0]}:{port}" for info in socket.getaddrinfo(socket.gethostname(), None)}
    return out


def listen(host: str, port: int) -> socket.socket:
    """A listening socket at host:port (port 0: a free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(64)
    except OSError as exc:
        sock.close()
        raise UsageError(SAYS["cannot_listen"].format(host=host, port=port, error=exc.strerror or exc)) from None
    return sock


def serve(
    folder: Path, book: Runnable, host: str | None = None, port: int = 0, open_browser: bool = False, out: Any = None
) -> None:
    """Serve `folder` under the law `book` until interrupted, printing the address with its token."""
    import uvicorn

    out = out or sys.stdout
    if not folder.is_dir():
        raise UsageError(SAYS["not_a_folder"].format(folder=folder))
    if host is not None and not _is_loopback(host):
        sys.stderr.write(SAYS["exposed"].format(host=host) + "\n")
    host = host or "127.0.0.1"
    sock = listen(host, port)
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(24)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/?token={token}"
    app = create_app(folder, book, token, _hosts(host, port))
    out.write(SAYS["serving"].format(folder=folder, url=url) + "\n")
    out.flush()
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", server_header=False)
    if open_browser:
        threading.Timer(0.3, webbrowser.open, [url]).start()
    uvicorn.Server(config).run(sockets=[sock])
