"""`rollbook user`: the accounts that log in to `rollbook serve`, and scripts' tokens."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from rollbook.cli.common import Reason, console, fail, opened, print_json
from rollbook.cli.writes import write_entry
from rollbook.model.roles import ACCOUNT_ROLES, Role
from rollbook.store.users import (
    ADD_ACTION,
    DISABLE_ACTION,
    TOKEN_ACTION,
    UserRefused,
    all_users,
    apply_add,
    apply_disable,
    apply_token,
    hash_password,
    new_token,
)

user_app = typer.Typer(help="Accounts for the web, and tokens for scripts.", no_args_is_help=True)


@user_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The account's name", show_default=False)],
    role: Annotated[Role, typer.Option(help=f"One of {', '.join(ACCOUNT_ROLES)}")] = Role.READER,
    password_stdin: Annotated[
        bool, typer.Option(help="Read the password from standard input, for scripts")
    ] = False,
    reason: Reason = "",
) -> None:
    """Add an account; the password is asked for twice (or read from standard input). The
    first administrator is added this way.

    Example: rollbook user add amina --role reviewer
    """
    if role is Role.PUBLIC:
        raise fail("the public has no account: choose reader or above")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        hashed = hash_password(password)
    except UserRefused as error:
        raise fail(str(error)) from None
    payload: dict[str, object] = {"name": name, "role": role.value, "password_hash": hashed}
    done = write_entry(ctx, ADD_ACTION, apply_add, payload, reason)
    console.print(f"Added account {done['user_id']}: {name}, {role}.")


@user_app.command("list")
def list_users(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Every account, with its role and whether it is disabled."""
    with opened(ctx) as register, register.read() as connection:
        found = all_users(connection)
    if as_json:
        print_json(found)
        return
    table = Table("id", "name", "role", "disabled")
    for u in found:
        table.add_row(str(u["id"]), u["name"], u["role"], "yes" if u["disabled"] else "")
    console.print(table)


@user_app.command("disable")
def disable(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The account's name", show_default=False)],
    reason: Reason = "",
) -> None:
    """Disable an account and its tokens: it can no longer log in.

    Example: rollbook user disable amina --reason "left the team"
    """
    write_entry(ctx, DISABLE_ACTION, apply_disable, {"name": name}, reason)
    console.print(f"Disabled account {name}.")


@user_app.command("token")
def token(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The account's name", show_default=False)],
    label: Annotated[str, typer.Option(help="What the token is for")] = "",
    reason: Reason = "",
) -> None:
    """Issue a token for an account's scripts (Authorization: Bearer TOKEN); it is shown
    once, and the register keeps only its hash.

    Example: rollbook user token amina --label "nightly export"
    """
    issued, hashed = new_token()
    payload: dict[str, object] = {"name": name, "label": label, "token_hash": hashed}
    done = write_entry(ctx, TOKEN_ACTION, apply_token, payload, reason)
    console.print(f"Token {done['token_id']} for {name} (shown once, keep it safe):")
    console.print(issued)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
