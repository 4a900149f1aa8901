"""The workshop's local web server: Starlette on uvicorn, on 127.0.0.1 only.

Every request must carry the secret token: in the URL the command prints
(``/?token=…``), which answers with a cookie and sends the browser on to ``/``, or
in that cookie, or in the ``X-Gevinst-Token`` header. A request whose ``Host`` is not
this server (a DNS-rebinding site) or whose ``Origin`` is another page is refused
with 403 before the token is looked at. POSTs must be JSON.

The API (all JSON; every answer carries the file's ``version``):

- ``GET /api/state``: the map (SVG), the findings of ``check``, the elements.
- ``GET /api/version``: the version only, for the page to poll for changes on disk.
- ``POST /api/edit`` ``{"version": …, "edit": {"op": …}}``: apply one edit
  (:mod:`gevinst.workshop.edits`), answer the new state. 409 when the file has
  changed since ``version``; 400 for malformed JSON; 422 for an edit that cannot be
  made; 500 when the file cannot be written (read-only, disk full). On any error
  the file is untouched.
- ``POST /api/undo`` and ``/api/redo`` ``{"version": …}``: take back (make again) the
  last edit of this tab, keeping edits made since in other tabs or in the file (422
  when that edit's lines were changed since).

The page sends its tab's id (random, made by the page) in the ``X-Gevinst-Tab`` header
of every request: each tab has its own undo and redo (``can`` in the state), so undo in
one tab never takes back another tab's edit. An id of other than 1 to 64 letters,
digits, ``-`` and ``_`` is refused with 422; without the header, requests share one
history.

Every message in an answer (a refused edit, a conflict, a malformed request, a file that
cannot be written) is in the page's language: ``--lang``, else the plan's.
"""

from __future__ import annotations

import gc
import json
import secrets
import socket
import threading
from http.cookies import SimpleCookie
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

import gevinst.theme as theme
from gevinst.errors import GevinstError, OutputError, Said, SaidNumber, said_in
from gevinst.workshop.document import Conflict, PlanFile, Snapshot
from gevinst.workshop.edits import EditError
from gevinst.workshop.history import TAB
from gevinst.workshop.page import page_html
from gevinst.workshop.state import LastLayout, page_state

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, MutableMapping
    from pathlib import Path

    Scope = MutableMapping[str, Any]
    Message = MutableMapping[str, Any]
    Receive = Callable[[], Awaitable[Message]]
    Send = Callable[[Message], Awaitable[None]]
    ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

__all__ = ["COOKIE", "Guard", "create_app", "listen", "serve"]

COOKIE = "gevinst_workshop"
_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_HEADERS = {
    "Content-Security-Policy": _CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_STATIC = {
    "workshop.js": "text/javascript; charset=utf-8",
    "workshop.css": "text/css; charset=utf-8",
}
_MAX_BODY = 1_000_000
_MAX_SIZE = SaidNumber(_MAX_BODY)
_R = TypeVar("_R")


class Guard:
    """ASGI middleware: the Host and Origin of this server, and the token, or 403.

    ``language`` gives the language of the refusal (English when not given).
    """

    def __init__(
        self,
        app: ASGIApp,
        token: str,
        hosts: tuple[str, ...],
        language: Callable[[], str] | None = None,
    ) -> None:
        self.app = app
        self.token = token
        self.hosts = hosts
        self.language = language
        self.origins = tuple(f"http://{host}" for host in hosts)

    def _token_of(self, scope: Scope, headers: dict[str, str]) -> str | None:
        from urllib.parse import parse_qs

        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if "token" in query:
            return str(query["token"][0])
        if "x-gevinst-token" in headers:
            return headers["x-gevinst-token"]
        cookie: SimpleCookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # noqa: BLE001 - a malformed cookie is no token
            return None
        morsel = cookie.get(COOKIE)
        return str(morsel.value) if morsel is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        reason = None
        if headers.get("host") not in self.hosts:
            reason = Said("ws_refused_host")
        elif "origin" in headers and headers["origin"] not in self.origins:
            reason = Said("ws_refused_origin")
        else:
            token = self._token_of(scope, headers)
            if token is None or not secrets.compare_digest(token, self.token):
                reason = Said("ws_refused_token")
        if reason is not None:
            said = reason.in_language(self.language() if self.language else "en")
            response = PlainTextResponse(said, status_code=403, headers=_HEADERS)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers=_HEADERS)


def _problem(status: int, message: str, **extra: Any) -> JSONResponse:
    return _json({"message": message, **extra}, status)


def create_app(
    path: str | Path,
    token: str,
    hosts: tuple[str, ...],
    *,
    language: str | None = None,
) -> Starlette:
    """The workshop app for the plan at ``path``, answering only at ``hosts`` with ``token``.

    Raises:
        PlanError: the file is of a kind the workshop cannot edit (Excel, unknown suffix).
    """
    plan_file = PlanFile(path)
    last_layout = LastLayout()
    #: The page's language as last read from the plan (``nb`` until then): the guard
    #: says its refusals in it, so a request without the token reads no file.
    heard = [language or "nb"]

    def spoken(snapshot: Snapshot | None = None) -> str:
        """The page's language: ``language``, else the plan's (:attr:`Snapshot.language`)."""
        if language:
            return language
        if snapshot is None:
            try:
                snapshot = plan_file.snapshot()
            except (GevinstError, OSError):  # gone or unreadable: as the page last was
                return heard[0]
        heard[0] = snapshot.language
        return heard[0]

    def problem(status: int, message: object, **extra: Any) -> JSONResponse:
        """An answer with ``message`` (a :class:`Said` or an error) in the page's language."""
        return _problem(status, said_in(message, spoken()), **extra)

    def state(snapshot: Any, tab: str) -> dict[str, Any]:
        lang = spoken(snapshot)
        data = page_state(snapshot, lang, last_layout)
        data["can"] = plan_file.can(tab)
        data["file"] = str(plan_file.path)
        return data

    def index(request: Request) -> Response:
        if "token" in request.query_params:  # the token leaves the address bar
            response: Response = RedirectResponse("/", status_code=303, headers=_HEADERS)
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict")
            return response
        lang = spoken(plan_file.snapshot())
        return Response(page_html(lang), media_type="text/html", headers=_HEADERS)

    def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name == "palette.css":
            body = ":root {\n" + "".join(
                f"  --{key}: {value};\n" for key, value in theme.css_variables().items()
            )
            return Response(body + "}\n", media_type="text/css", headers=_HEADERS)
        if name == "map.css":  # the style of `gevinst render -o map.html`'s map
            text = resources.files("gevinst").joinpath("templates", "map.css").read_text("utf-8")
            return Response(text, media_type="text/css", headers=_HEADERS)
        if name not in _STATIC:
            missing = Said("load_no_file").in_language(heard[0])
            return PlainTextResponse(missing, status_code=404, headers=_HEADERS)
        text = resources.files("gevinst.workshop").joinpath("static", name).read_text("utf-8")
        return Response(text, media_type=_STATIC[name], headers=_HEADERS)

    def get_state(request: Request) -> Response:
        tab = tab_of(request)
        if isinstance(tab, JSONResponse):
            return tab
        return _json(state(plan_file.snapshot(), tab))

    def get_version(request: Request) -> Response:
        return _json({"version": plan_file.version()})

    def tab_of(request: Request) -> str | JSONResponse:
        tab = request.headers.get("x-gevinst-tab", "")
        if tab and not TAB.fullmatch(tab):
            return problem(422, Said("ws_err_tab"))
        return tab

    async def body_of(request: Request) -> dict[str, Any] | JSONResponse:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return await _in_thread(problem, 415, Said("ws_err_not_json"))
        raw = await request.body()
        if len(raw) > _MAX_BODY:
            return await _in_thread(problem, 413, Said("ws_err_too_large", limit=_MAX_SIZE))
        try:
            body = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            return await _in_thread(problem, 400, Said("ws_err_bad_json", reason=exc))
        if not isinstance(body, dict) or not isinstance(body.get("version"), str):
            return await _in_thread(problem, 422, Said("ws_err_no_version"))
        return body

    def run(action: Callable[[], Any], tab: str) -> Response:
        try:
            snapshot = action()
        except Conflict as exc:
            return problem(409, exc, version=exc.current)
        except EditError as exc:
            return problem(422, exc)
        except OutputError as exc:
            return problem(500, Said("ws_err_not_saved", reason=exc))
        except OSError as exc:
            return problem(500, Said("ws_err_not_saved", reason=exc.strerror or exc))
        return _json(state(snapshot, tab))

    async def post_edit(request: Request) -> Response:
        body, tab = await body_of(request), await _in_thread(tab_of, request)
        if isinstance(tab, JSONResponse):
            return tab
        if isinstance(body, JSONResponse):
            return body
        if not isinstance(body.get("edit"), dict):
            return await _in_thread(problem, 422, Said("ws_err_no_edit_object"))
        edit = body["edit"]
        return await _in_thread(run, lambda: plan_file.edit(edit, body["version"], tab), tab)

    async def post_undo(request: Request) -> Response:
        return await step(request, undo=True)

    async def post_redo(request: Request) -> Response:
        return await step(request, undo=False)

    async def step(request: Request, undo: bool) -> Response:
        body, tab = await body_of(request), await _in_thread(tab_of, request)
        if isinstance(tab, JSONResponse):
            return tab
        if isinstance(body, JSONResponse):
            return body
        act = plan_file.undo if undo else plan_file.redo
        return await _in_thread(run, lambda: act(body["version"], tab), tab)

    routes = [
        Route("/", index),
        Route("/static/{name}", static),
        Route("/api/state", get_state),
        Route("/api/version", get_version),
        Route("/api/edit", post_edit, methods=["POST"]),
        Route("/api/undo", post_undo, methods=["POST"]),
        Route("/api/redo", post_redo, methods=["POST"]),
    ]
    app = Starlette(routes=routes)
    app.state.plan_file = plan_file
    app.add_middleware(Guard, token=token, hosts=hosts, language=lambda: heard[0])
    return app


async def _in_thread(run: Callable[..., _R], *args: Any, **kwargs: Any) -> _R:
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(run, *args, **kwargs)


def settle(plan_file: PlanFile) -> None:
    """Make ``plan_file`` ready for quick edits: parse it for editing
    (:meth:`PlanFile.prepare`), then set what is alive now (the parse, the plan, the
    modules) aside from the garbage collector (:func:`gc.freeze`).

    An edit of a 300-element plan makes enough objects that the collector's full pass
    comes every few edits, and walking every object of the parse made it take as long
    as a third of an edit; after this it walks only what the edits made. What is set
    aside is what a workshop keeps anyway.
    """
    plan_file.prepare()
    gc.collect()
    gc.freeze()


def listen(port: int = 0) -> socket.socket:
    """A socket listening on 127.0.0.1 at ``port`` (0: any free port)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(64)
    return sock


def hosts_for(port: int) -> tuple[str, ...]:
    """The Host headers a browser sends to this server."""
    return (f"127.0.0.1:{port}", f"localhost:{port}")


def serve(
    path: str | Path,
    *,
    port: int = 0,
    language: str | None = None,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the workshop for ``path`` until Ctrl-C; ``on_ready`` gets the URL first."""
    import uvicorn

    sock = listen(port)
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(24)
    app = create_app(path, token, hosts_for(port), language=language)
    # the first edit of a large plan then waits for no parse (the page loads meanwhile)
    threading.Thread(target=settle, args=(app.state.plan_file,), daemon=True).start()
    url = f"http://127.0.0.1:{port}/?token={token}"
    if on_ready is not None:
        on_ready(url)
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
