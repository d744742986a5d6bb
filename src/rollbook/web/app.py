"""The web application: one register, opened once, served as pages and a JSON API.

Every asset ships in the package (no font, script or style from elsewhere), so the pages
work with no internet connection; the interactive API documents, which load theirs from
the internet, are off, and the OpenAPI description is at /openapi.json.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import metadata
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from rollbook.store.database import Register
from rollbook.web import pages
from rollbook.web.access import Publish

HERE = Path(__file__).parent


def create_app(register: Register, *, publish: Publish = Publish.NAMES) -> FastAPI:
    """The application over an opened register, showing the public what `publish` allows."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
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
    app.state.estimates = {}  # the dashboard's estimate, by the journal's last sequence
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(pages.router)
    return app
