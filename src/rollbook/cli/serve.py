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
    never a protected field and never the missing. Accounts (rollbook user add) log in to
    see more: readers every person, recorders and above the protected fields too. Behind
    anything but loopback, put it behind HTTPS: its session cookie is sent over HTTPS only.

    Example: rollbook serve --port 8000
    """
    import uvicorn

    from rollbook.web.app import create_app

    try:
        register = Register.open(context(ctx).db)
    except RegisterError as error:
        raise fail(str(error)) from None
    # With no TLS in front, only a server on loopback may send its session cookie over HTTP.
    loopback = host in ("127.0.0.1", "localhost", "::1")
    web = create_app(register, publish=publish, secure_cookies=not loopback)
    console.print(f"Serving {shown_url(register.url)} at http://{host}:{port}/")
    uvicorn.run(web, host=host, port=port, log_level="warning", proxy_headers=True)


def register(app: typer.Typer) -> None:
    app.command()(serve)
