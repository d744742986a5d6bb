"""The `rollbook` command and its register commands: init, upgrade, log, verify.

Every other command is built only when named, so that a command imports just its own module
(and not, say, the web app or the linkage engine); `--help` and completion build them all.
"""

from __future__ import annotations

import importlib
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from typer.core import TyperGroup

from rollbook.cli.common import Context, console, context, default_actor, fail, opened, print_json
from rollbook.store import migrations
from rollbook.store.database import Register, RegisterError, shown_url
from rollbook.store.journal import last_entries
from rollbook.store.migrations import SchemaState

if TYPE_CHECKING:
    from typer._click import Command
    from typer._click import Context as ClickContext

#: The module under rollbook.cli that registers each command, in `rollbook --help` order
#: (the order Typer gave them when all were registered up front: commands, then groups).
COMMANDS = {
    "import": "imports",
    "diff": "imports",
    "sources": "imports",
    "read": "texts",
    "toll": "reads",
    "person": "reads",
    "claims": "reads",
    "export": "reads",
    "status": "writes",
    "merge": "writes",
    "split": "writes",
    "link": "link",
    "review": "link",
    "rule": "link",
    "estimate": "estimates",
    "import-incidents": "incidents",
    "set": "incidents",
    "serve": "serve",
    "demo": "demo",
    "claim": "writes",
    "missing": "missing",
    "incident": "incidents",
    "truce": "incidents",
    "user": "users",
}


class LazyGroup(TyperGroup):
    """The root group: its own commands are built up front, those in COMMANDS on first use."""

    def list_commands(self, ctx: ClickContext) -> list[str]:
        return [*(name for name in self.commands if name not in COMMANDS), *COMMANDS]

    def get_command(self, ctx: ClickContext, cmd_name: str) -> Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            self.commands.update(self.registered(COMMANDS[cmd_name]))
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: ClickContext, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        if args and args[0] not in self.list_commands(ctx):
            for name in COMMANDS:  # Typer suggests near names among the commands it holds
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)

    def registered(self, module: str) -> MutableMapping[str, Command]:
        """The commands a module's `register(app)` adds, built as they were on the root app."""
        sub_app = typer.Typer(
            rich_markup_mode=self.rich_markup_mode, suggest_commands=self.suggest_commands
        )
        importlib.import_module(f"rollbook.cli.{module}").register(sub_app)
        return typer.main.get_group(sub_app).commands


app = typer.Typer(
    name="rollbook",
    cls=LazyGroup,
    help="Rollbook: an evidence-backed register of the people killed, missing, wounded and "
    "captured in an armed conflict.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            help="Register: a SQLite file path or a postgresql:// URL "
            "[default: $ROLLBOOK_DATABASE_URL, else ./rollbook.db]",
            show_default=False,
        ),
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option(help="Who is writing, for the journal [default: $ROLLBOOK_ACTOR or user]"),
    ] = None,
) -> None:
    """Rollbook: an evidence-backed casualty register."""
    ctx.obj = Context(db=db, actor=actor or default_actor())


@app.command()
def init(ctx: typer.Context) -> None:
    """Create a register (a SQLite file by default).

    Example: rollbook --db war.db init
    """
    try:
        register = Register.create(context(ctx).db)
    except RegisterError as error:
        raise fail(str(error)) from None
    with register, register.write("register.init", {}, actor=context(ctx).actor):
        pass
    console.print(f"Created a register at {shown_url(register.url)}")


@app.command()
def upgrade(ctx: typer.Context) -> None:
    """Upgrade a register's schema to this version of Rollbook.

    Example: rollbook --db war.db upgrade
    """
    try:
        register = Register.open(context(ctx).db, check_schema=False)
    except RegisterError as error:
        raise fail(str(error)) from None
    with register:
        state = migrations.schema_state(register.engine)
        if state is SchemaState.EMPTY:
            raise fail("not a register: run `rollbook init` first")
        if state is SchemaState.NEWER:
            raise fail("the register was written by a newer Rollbook; upgrade Rollbook instead")
        if state is SchemaState.CURRENT:
            console.print("The register is up to date.")
            return
        try:
            register.upgrade()
        except RegisterError as error:
            raise fail(str(error)) from None
        register.refresh_statistics()  # a migration may have rebuilt a table
        console.print(f"Upgraded the register to schema {migrations.head_revision()}.")


@app.command()
def log(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="Show the last N entries (0 for all)")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Read the journal: every write, who made it, when and why.

    Example: rollbook log --limit 5
    """
    with opened(ctx) as register, register.read() as connection:
        entries = last_entries(connection, limit)
    if as_json:
        print_json(entries)
        return
    table = Table("seq", "at", "actor", "action", "what", "reason")
    for e in entries:
        table.add_row(
            str(e["seq"]), e["at"], e["actor"], e["action"], _summary(e["payload"]), e["reason"]
        )
    console.print(table)


def _summary(data: dict[str, Any]) -> str:
    if "documents" in data:
        claims = sum(len(d["claims"]) for d in data["documents"])
        return f"{len(data['documents'])} reports read: {claims} claims"
    if "source" in data:
        s = data["source"]
        counts = data.get("counts", {})
        if "reports" in counts:
            return f"source {s.get('id')} {s['filename']}: {counts['reports']} incident reports"
        return f"source {s.get('id')} {s['filename']}: {counts.get('records', 0)} records"
    if "linked" in data:
        return f"{len(data['linked'])} pairs linked, {len(data['review'])} for review"
    return ", ".join(f"{k}={v}" for k, v in sorted(data.items()) if v not in (None, ""))[:80]


@app.command()
def verify(ctx: typer.Context) -> None:
    """Rebuild the register from its journal and sources, and prove it equals the stored state.

    Example: rollbook verify
    """
    # Replaying every kind of write needs every writer; only verify pays for loading them.
    from rollbook.ingest.incidents import IMPORT_ACTION as INCIDENTS_ACTION
    from rollbook.ingest.incidents import replay_incident_import
    from rollbook.ingest.lists import ACTION as IMPORT_ACTION
    from rollbook.ingest.lists import replay_import
    from rollbook.ingest.reports import ACTION as READ_ACTION  # the grammar loads for this
    from rollbook.ingest.reports import apply_read
    from rollbook.store.actions import APPLIERS
    from rollbook.store.verify import verify as verify_register

    with opened(ctx) as register:
        report = verify_register(
            register,
            {
                **APPLIERS,
                IMPORT_ACTION: replay_import,
                INCIDENTS_ACTION: replay_incident_import,
                READ_ACTION: apply_read,
            },
        )
    rows = ", ".join(f"{n:,} {name}" for name, n in report.rows.items())
    if report.ok:
        console.print(f"Verified: {report.entries} journal entries replayed; {rows} identical.")
        return
    for difference in report.differences:
        console.print(f"difference: {difference}", style="red")
    raise typer.Exit(1)
