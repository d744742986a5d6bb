"""What every command shares: the register it works on, the actor, dates and output."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from rich.console import Console

from rollbook.ingest.dates import parse_partial_date
from rollbook.model.dates import DateError, PartialDate
from rollbook.store.database import Register, RegisterError

# No markup: names and reasons are data and may hold brackets.
console = Console(highlight=False, soft_wrap=True, markup=False)
errors = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)


@dataclass
class Context:
    """Options given before the command: where the register is and who is writing."""

    db: str | None
    actor: str


def context(ctx: typer.Context) -> Context:
    obj = ctx.find_root().obj
    assert isinstance(obj, Context)
    return obj


def default_actor() -> str:
    """Who writes: ROLLBOOK_ACTOR, else the operating-system user."""
    try:
        return os.environ.get("ROLLBOOK_ACTOR") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error and give the exit to raise."""
    errors.print(f"error: {message}", style="red")
    return typer.Exit(code)


@contextmanager
def opened(ctx: typer.Context) -> Iterator[Register]:
    """The register named by --db (or the environment), opened and checked."""
    try:
        register = Register.open(context(ctx).db)
    except RegisterError as error:
        raise fail(str(error)) from None
    with register:
        yield register


def partial_date(text: str | None, option: str) -> PartialDate | None:
    """A partial date from an option, or a clear error naming the option."""
    if not text:
        return None
    try:
        return parse_partial_date(text)
    except DateError as error:
        raise fail(f"{option}: {error}") from None


def day(text: str | None, option: str, *, last: bool = True) -> dt.date | None:
    """A day from an option; a partial date stands for its last (or first) day."""
    parsed = partial_date(text, option)
    if parsed is None:
        return None
    return parsed.last_day() if last else parsed.first_day()


def learned_day(text: str | None, option: str) -> dt.date:
    """The day something became known: a partial date stands for its first day; today
    when not given."""
    return day(text, option, last=False) or dt.date.today()


#: Options the writing commands share.
Reason = Annotated[str, typer.Option(help="Why, for the journal")]
Learned = Annotated[str | None, typer.Option(help="When it became known [default: today]")]
SourceId = Annotated[int | None, typer.Option(help="Source id it comes from")]


def print_json(data: Any) -> None:
    """JSON for machines on standard output."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
