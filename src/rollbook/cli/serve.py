"""`rollbook serve`: the register in the browser and behind a JSON API."""

from __future__ import annotations

from typing import Annotated

import typer

from rollbook.cli.common import console, context, fail
from rollbook.store.database import Register, RegisterError, shown_url
from rollbook.web.access import Publish


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    publish: Annotated[
        Publish, typer.Option(help="What the public sees: names (of the killed) or counts only")
    ] = Publish.NAMES,
) -> None:
    """Serve the register as web pages, each with its JSON twin under /api.

    The public sees the figures and, unless --publish counts, the names of the killed;
    never a protected field and never the missing.

    Example: rollbook serve --port 8000
    """
    import uvicorn

    from rollbook.web.app import create_app

    try:
        register = Register.open(context(ctx).db)
    except RegisterError as error:
        raise fail(str(error)) from None
    console.print(f"Serving {shown_url(register.url)} at http://{host}:{port}/ (public view)")
    uvicorn.run(create_app(register, publish=publish), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command()(serve)
