"""The web application: one register, opened once, served as pages and a JSON API.

Every asset ships in the package (no font, script or style from elsewhere), so the pages
work with no internet connection; the interactive API documents, which load theirs from
the internet, are off, and the OpenAPI description is at /openapi.json.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import metadata
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from rollbook.store.database import Register
from rollbook.web import admin, edits, pages, records, review, sources, steps, uploads
from rollbook.web.access import Publish
from rollbook.web.background import Background
from rollbook.web.limits import RateLimit

HERE = Path(__file__).parent
#: Failed log-ins from one address in 15 minutes, and public searches in a minute.
FAILED_LOGINS, PUBLIC_SEARCHES = 5, 60


def refused_request(_request: Request, error: Exception) -> JSONResponse:
    """A request that fails validation: 422 with each field and reason, as FastAPI answers,
    but without echoing the input and with any text that cannot be UTF-8 (a lone surrogate
    in the JSON) escaped, so that the answer itself cannot fail."""
    assert isinstance(error, RequestValidationError)
    detail = [{"loc": [_printable(part) for part in e["loc"]], "msg": _printable(e["msg"]),
               "type": e["type"]} for e in error.errors()]  # fmt: skip
    return JSONResponse({"detail": detail}, status_code=422)


def _printable(part: object) -> object:
    if isinstance(part, str):
        return part.encode("utf-8", "backslashreplace").decode("utf-8")
    return part


def create_app(
    register: Register, *, publish: Publish = Publish.NAMES, secure_cookies: bool = True
) -> FastAPI:
    """The application over an opened register, showing the public what `publish` allows.

    Sessions are signed with ROLLBOOK_SECRET_KEY, or with a key drawn at start (log-ins
    then last until a restart); their cookie goes over HTTPS only unless `secure_cookies`
    is off (a server on loopback, with no TLS)."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.dashboard.wait()
        register.close()

    app = FastAPI(
        title="Rollbook",
        version=metadata.version("rollbook"),
        description="An evidence-backed register of the people killed, missing, wounded and "
        "captured in an armed conflict. Every page has its JSON twin under /api.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.register = register
    app.state.publish = publish
    app.state.dashboard = Background(register, pages.slow_parts)  # its estimate and chart
    app.state.remembered = {}  # what a listing holds, for this state of the register
    app.state.failed_logins = RateLimit(FAILED_LOGINS, 15 * 60)
    app.state.public_searches = RateLimit(PUBLIC_SEARCHES, 60)
    secret = os.environ.get("ROLLBOOK_SECRET_KEY") or secrets.token_urlsafe(32)
    app.add_middleware(SessionMiddleware, secret_key=secret, session_cookie="rollbook",
                       same_site="strict", https_only=secure_cookies, max_age=8 * 3600)  # fmt: skip
    app.add_exception_handler(RequestValidationError, refused_request)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(pages.router)
    app.include_router(review.router)
    app.include_router(records.router)
    app.include_router(uploads.router)
    app.include_router(sources.router)
    app.include_router(admin.router)
    app.include_router(edits.router)
    app.include_router(steps.router)
    return app
