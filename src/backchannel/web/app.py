"""The FastAPI application: security headers, error pages, static files, routers.

Everything shown comes from untrusted articles, so the defences are layered: Jinja2
autoescaping, a Content-Security-Policy that runs only the package's own scripts (no
inline script, no ``eval``: Vega runs through its expression interpreter), bounded page
and query sizes, a cap on request bodies, and error pages that never show a traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..report.names import holder_name, issue_label
from ..store import open_db, resolve_db
from .cache import Cache
from .templating import make_templates
from .tracking import index_label
from .tracking import warm as warm_overview

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
MAX_BODY_BYTES = 16 * 1024 * 1024  # a POST larger than this is refused with 413

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityMiddleware:
    """Adds the security headers to every response and caps request bodies.

    A pure ASGI middleware (not ``BaseHTTPMiddleware``) so streaming and error
    responses get the headers too, and a chunked upload is cut off once it passes the
    cap rather than read whole into memory.
    """

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _too_large(send, self.max_body)
            return
        seen = 0
        started = False

        async def capped_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _BodyTooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, capped_receive, send_with_headers)
        except _BodyTooLarge:
            if not started:
                await _too_large(send, self.max_body)


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Send, cap: int) -> None:
    body = f'{{"detail": "request body larger than {cap} bytes"}}'.encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers + SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})


_TITLES = {
    400: "Bad request",
    401: "Not signed in",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    413: "Too large",
    422: "Invalid input",
    500: "Something went wrong",
}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error_page(request: Request, status: int, message: str) -> Response:
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "title": _TITLES.get(status, "Error"), "message": message},
        status_code=status,
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "Error")
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        if exc.status_code == 404 and detail == "Not Found":
            detail = "There is no page at this address."
        return _error_page(request, exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def invalid_input(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            problems.append(f"{where or 'input'}: {err.get('msg', 'invalid')}")
        if _wants_json(request):
            # Only location and message: the offending input is not echoed back.
            detail = [
                {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                for e in exc.errors()
            ]
            return JSONResponse({"detail": detail}, status_code=422)
        return _error_page(request, 422, "; ".join(problems[:5]) or "The request is not valid.")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        # Served by the outermost middleware, outside SecurityMiddleware: add its headers here.
        log.exception("error while serving %s", request.url.path)
        if _wants_json(request):
            response: Response = JSONResponse({"detail": "internal error; see the server log"}, status_code=500)
        else:
            response = _error_page(request, 500, "The server could not show this page. The error is in the server log.")
        for key, value in SECURITY_HEADERS:
            response.headers[key.decode()] = value.decode()
        return response


def create_app(db: str | None = None, *, token: str | None = None, warm: bool = False) -> FastAPI:
    """The dashboard and API over the database ``db`` (see ``store.resolve_db``).

    ``token`` enables ``POST /api/articles`` for clients that send it as a bearer token;
    without one the server is read-only. ``warm`` starts computing the overview in the
    background at once (``backchannel serve`` does, so the first visitor does not wait).
    """
    from .api import router as api_router
    from .pages import router as pages_router

    engine = open_db(db)
    app = FastAPI(
        title="backchannel",
        version=__version__,
        summary="What governments signal about war and peace, from the news: signals, tracks, story clusters.",
        description=(
            "Read-only JSON API over a backchannel database. Lists are paginated with `limit` "
            "(bounded) and `offset`; dates are ISO `YYYY-MM-DD`. `POST /api/articles` ingests "
            "articles when the server was started with `--token`, sent as `Authorization: Bearer TOKEN`."
        ),
        docs_url=None,  # served by pages.py from the package's own Swagger UI copy (no CDN)
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.engine = engine
    app.state.db_label = resolve_db(db)
    app.state.token = token or None
    app.state.cache = Cache()
    app.state.templates = make_templates(HERE / "templates")
    app.state.templates.env.globals.update(
        issue_label=issue_label, holder_name=holder_name, index_label=index_label, db_label=app.state.db_label
    )
    app.add_middleware(SecurityMiddleware)
    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/healthz", include_in_schema=False)
    async def health() -> HTMLResponse:
        return HTMLResponse("ok")

    if warm:
        warm_overview(engine, app.state.cache)
    return app
