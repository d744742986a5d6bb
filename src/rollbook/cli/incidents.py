"""`rollbook incident`, `import-incidents`, `truce` and `set`: incidents such as ceasefire
violations, as each source reports them, verified step by step, and the truces they break."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from rollbook.cli.common import (
    Learned,
    Reason,
    SourceId,
    console,
    context,
    day,
    errors,
    fail,
    learned_day,
    opened,
    partial_date,
    print_json,
)
from rollbook.cli.writes import write_entry
from rollbook.ingest.incidents import (
    IncidentFileOptions,
    IncidentImportFailed,
    IncidentImportReport,
    import_incidents,
)
from rollbook.model.incidents import (
    Fatalities,
    Harm,
    IncidentError,
    IncidentType,
    Precision,
    Report,
    Verification,
)
from rollbook.store.incident_views import (
    UNDATED,
    TruceReport,
    all_truces,
    incident_view,
    review_pairs,
    truce_by_name,
    truce_report,
)
from rollbook.store.incidents import (
    REPORT_ACTION,
    RULE_ACTION,
    SET_ACTION,
    SETTINGS,
    TRUCE_ACTION,
    VERIFY_ACTION,
    VICTIM_ACTION,
    Account,
    account_payload,
    apply_report,
    apply_rule,
    apply_set,
    apply_truce,
    apply_verify,
    apply_victim,
    verify_payload,
)
from rollbook.store.sources import SourceKind

incident_app = typer.Typer(help="Incidents: clashes, shelling, ceasefire violations...",
                           no_args_is_help=True)  # fmt: skip
truce_app = typer.Typer(help="Truces and the incidents since each began.", no_args_is_help=True)

_OUTCOMES = {
    "new": "a new incident",
    "joined": "joined to an incident another source reported",
    "review": "a new incident, possibly one already reported: left for review "
    "(rollbook incident review)",
}


@incident_app.command("add")
def add(
    ctx: typer.Context,
    kind: Annotated[IncidentType, typer.Option("--type", help="What happened")],
    date: Annotated[str, typer.Option(help="When (a partial date is fine)", show_default=False)],
    lat: Annotated[float, typer.Option(help="Latitude, decimal degrees", show_default=False)],
    lon: Annotated[float, typer.Option(help="Longitude, decimal degrees", show_default=False)],
    reported_by: Annotated[
        str, typer.Option(help="Who reports it: a ministry, monitor, outlet", show_default=False)
    ],
    until: Annotated[str | None, typer.Option(help="Last day, for a time range")] = None,
    place: Annotated[str, typer.Option(help="Place name")] = "",
    area: Annotated[str, typer.Option(help="Administrative area")] = "",
    precision: Annotated[
        Precision, typer.Option(help="How closely the coordinates place it")
    ] = Precision.EXACT,
    reporting_party: Annotated[
        str, typer.Option(help="The party whose organ reports it (none for monitors)")
    ] = "",
    perpetrator: Annotated[str, typer.Option(help="Who the source says did it (its claim)")] = "",
    target: Annotated[str, typer.Option(help="Who or what the source says was hit")] = "",
    fatalities: Annotated[str, typer.Option(help="Killed: N, LOW-HIGH or LOW-BEST-HIGH")] = "",
    wounded: Annotated[int | None, typer.Option(help="Wounded, as the source says")] = None,
    description: Annotated[str, typer.Option(help="What the source says happened")] = "",
    reporter: Annotated[str, typer.Option(help="The person who told the source (protected)")] = "",
    learned: Learned = None,
    source: SourceId = None,
    reason: Reason = "",
) -> None:
    """Record one source's report of an incident. A report another source already gave of
    the same event (same type and day, nearby) joins that incident and corroborates it.

    Example: rollbook incident add --type shelling --date 2020-10-12 --lat 40.1 --lon 46.2 --reported-by "Northland MoD"
    """
    start = partial_date(date, "--date")
    assert start is not None
    try:
        report = Report(
            type=kind, start=start, end=partial_date(until, "--until"), place=place, area=area,
            lat=lat, lon=lon, precision=precision, reporting_party=reporting_party,
            perpetrator=perpetrator, target=target, fatalities=Fatalities.parse(fatalities),
            wounded=wounded, description=description,
        )  # fmt: skip
    except IncidentError as error:
        raise fail(str(error)) from None
    account = Account(report=report, reported_by=reported_by, source_id=source,
                      learned_on=learned_day(learned, "--learned"), reporter=reporter)  # fmt: skip
    done = write_entry(ctx, REPORT_ACTION, apply_report, account_payload(account), reason)
    corroborated = " It is now corroborated." if done["corroborated"] else ""
    console.print(
        f"Recorded report {done['report_id']} on incident {done['incident_id']}: "
        f"{_OUTCOMES[done['outcome']]}.{corroborated}"
    )


@incident_app.command("verify")
def verify(
    ctx: typer.Context,
    incident: Annotated[int, typer.Argument(help="Incident id", show_default=False)],
    state: Annotated[Verification, typer.Argument(help="The new state")],
    reason: Annotated[str, typer.Option(help="Why: what establishes or disputes it")] = "",
    learned: Learned = None,
    source: SourceId = None,
) -> None:
    """Move an incident on: corroborated, confirmed, disputed or rejected, with a reason.

    Example: rollbook incident verify 4 confirmed --reason "monitors saw the craters"
    """
    payload = verify_payload(incident, state, reason=reason,
                             learned=partial_date(learned, "--learned"), source_id=source)  # fmt: skip
    done = write_entry(ctx, VERIFY_ACTION, apply_verify, payload, reason)
    console.print(f"Incident {done['incident_id']} is {state} (step {done['step_id']}).")


@incident_app.command("victim")
def victim(
    ctx: typer.Context,
    incident: Annotated[int, typer.Argument(help="Incident id", show_default=False)],
    person: Annotated[int, typer.Argument(help="Person id", show_default=False)],
    harm: Annotated[Harm, typer.Option(help="What the incident did to them")] = Harm.KILLED,
    learned: Learned = None,
    source: SourceId = None,
    reason: Reason = "",
) -> None:
    """Link a person in the register to an incident as its victim.

    Example: rollbook incident victim 4 112 --harm wounded
    """
    payload = {"incident_id": incident, "person_id": person, "harm": harm.value,
               "learned_on": learned_day(learned, "--learned").isoformat(), "source_id": source}  # fmt: skip
    done = write_entry(ctx, VICTIM_ACTION, apply_victim, payload, reason)
    console.print(f"Person {done['person_id']} is a victim ({harm}) of incident "
                  f"{done['incident_id']}.")  # fmt: skip


@incident_app.command("show")
def show(
    ctx: typer.Context,
    incident: Annotated[int, typer.Argument(help="Incident id", show_default=False)],
    show_protected: Annotated[
        bool, typer.Option(help="Also show who told each source (the reporters)")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """One incident: every source's report, its verification steps and its victims."""
    with opened(ctx) as register, register.read() as connection:
        view = incident_view(connection, incident, protected=show_protected)
    if view is None:
        raise fail(f"no incident {incident} in the register")
    if as_json:
        print_json(view)
        return
    i = view["incident"]
    merged = f" (part of incident {i['merged_into']})" if i["merged_into"] else ""
    console.print(f"Incident {i['id']}{merged}: {i['type']} on {i['time']} at "
                  f"{i['place'] or 'an unnamed place'} ({i['lat']}, {i['lon']}, "
                  f"{i['precision']}), {i['state']}")  # fmt: skip
    f = view["fatalities"]
    console.print(f"  killed (low / best / high across sources): {f['low']} / {f['best']} / "
                  f"{f['high']}")  # fmt: skip
    reports = Table("report", "reported by", "party", "learned", "says who did it", "killed",
                    "description", title="Reports")  # fmt: skip
    for r in view["reports"]:
        said = f"{r['perpetrator']} (its claim)" if r["perpetrator"] else ""
        reports.add_row(str(r["id"]), r["reported_by"], r["reporting_party"], r["learned_on"],
                        said, _figures(r), r["description"])  # fmt: skip
    console.print(reports)
    steps = Table("step", "state", "learned", "by", "reason", title="Verification")
    for s in view["steps"]:
        steps.add_row(str(s["id"]), s["state"], s["learned_on"], s["actor"], s["reason"])
    console.print(steps)
    for v in view["victims"]:
        console.print(f"  victim: {v['name']} (person {v['person_id']}), {v['harm']}")


def _figures(report: dict[str, Any]) -> str:
    low, best, high = (report[f"fatalities_{k}"] for k in ("low", "best", "high"))
    if low is None and high is None:
        return "" if best is None else str(best)
    return "-".join(str(n) for n in (low, best, high) if n is not None)


@incident_app.command("review")
def review(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """The pairs of incidents that may be one event, waiting for a ruling."""
    with opened(ctx) as register, register.read() as connection:
        pairs = review_pairs(connection)
    if as_json:
        print_json(pairs)
        return
    table = Table("pair", "incident", "type", "time", "place", "incident", "type", "time",
                  "place", "km apart", title=f"Waiting for review: {len(pairs)}")  # fmt: skip
    for p in pairs:
        a, b = p["a"] or {}, p["b"] or {}
        table.add_row(str(p["id"]), str(p["incident_a"]), a.get("type", ""), a.get("time", ""),
                      a.get("place", ""), str(p["incident_b"]), b.get("type", ""),
                      b.get("time", ""), b.get("place", ""), f"{p['km']:.1f}")  # fmt: skip
    console.print(table)


@incident_app.command("rule")
def rule(
    ctx: typer.Context,
    pair: Annotated[int, typer.Argument(help="Pair id (rollbook incident review)")],
    ruling: Annotated[str, typer.Argument(help="same or different", show_default=False)],
    reason: Reason = "",
    learned: Learned = None,
) -> None:
    """Rule on a pair: the same event (the later incident becomes part of the earlier
    one), or different events.

    Example: rollbook incident rule 2 same --reason "one shelling, two names for the village"
    """
    payload = {"pair": pair, "ruling": ruling,
               "learned_on": learned_day(learned, "--learned").isoformat()}  # fmt: skip
    write_entry(ctx, RULE_ACTION, apply_rule, payload, reason)
    console.print(f"Ruled pair {pair}: {ruling}.")


def import_incidents_command(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(help="CSV, XLSX, JSON Lines or JSON file", show_default=False)
    ],
    publisher: Annotated[str, typer.Option(help="Who published the file")] = "",
    published: Annotated[
        str | None, typer.Option(help="When it was published [default: today]", show_default=False)
    ] = None,
    title: Annotated[str, typer.Option(help="Title [default: the file name]")] = "",
    kind: Annotated[SourceKind, typer.Option(help="What kind of source")] = SourceKind.NGO_LIST,
    dry_run: Annotated[bool, typer.Option(help="Check every row; write nothing")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
) -> None:
    """Import a file of incidents as one source (all of it, or nothing): Rollbook's own
    columns, or an ACLED or UCDP GED export as downloaded.

    Example: rollbook import-incidents acled_export.csv --publisher ACLED --published 2020-11-01
    """
    options = IncidentFileOptions(title=title, publisher=publisher, kind=kind,
                                  published=day(published, "--published", last=False))  # fmt: skip
    with opened(ctx) as register:
        try:
            report = import_incidents(register, file, options, actor=context(ctx).actor,
                                      dry_run=dry_run)  # fmt: skip
        except IncidentImportFailed as failed:
            _print_import(failed.report, as_json)
            raise typer.Exit(1) from None
    _print_import(report, as_json)


def _print_import(report: IncidentImportReport, as_json: bool) -> None:
    if as_json:
        data = dataclasses.asdict(report)
        data["problems"] = [{"file": report.path, **p} for p in data["problems"]]
        print_json(data)
        return
    for p in report.problems:
        where = f"row {p.row}" if p.row else "the file"
        column = f", column {p.column}" if p.column else ""
        errors.print(f"error: {report.path}, {where}{column}: {p.reason}", style="red")
    if report.more_problems:
        errors.print(f"... and {report.more_problems:,} more problems", style="red")
    if report.problems:
        errors.print("Nothing was imported.", style="red")
        return
    if report.duplicate_of is not None:
        console.print(f"Already imported as source {report.duplicate_of}; nothing to do.")
        return
    verb = "Would import" if report.dry_run else "Imported"
    console.print(
        f"{verb} {report.rows:,} reports ({report.dialect} columns) from {report.path}: "
        f"{report.new:,} new incidents, {report.joined:,} joined to incidents already "
        f"reported ({report.corroborated:,} now corroborated), {report.review:,} left for review."
    )


@truce_app.command("add")
def truce_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The truce's name", show_default=False)],
    start: Annotated[str, typer.Option(help="The day it began", show_default=False)],
    party: Annotated[
        list[str], typer.Option(help="A party to it, as the agreement names it (repeat)")
    ],
    end: Annotated[str | None, typer.Option(help="The day it ended, if it has")] = None,
    monitor: Annotated[str, typer.Option(help="Who monitors it")] = "",
    source: SourceId = None,
    reason: Reason = "",
) -> None:
    """Record a truce: its parties, start, end if any, and monitor.

    Example: rollbook truce add "October truce" --start 2020-10-10 --party Northland --party Southland
    """
    began = day(start, "--start", last=False)
    ended = day(end, "--end")
    assert began is not None
    payload = {"name": name, "parties": party, "starts_on": began.isoformat(),
               "ends_on": ended.isoformat() if ended else "", "monitor": monitor,
               "source_id": source}  # fmt: skip
    done = write_entry(ctx, TRUCE_ACTION, apply_truce, payload, reason)
    console.print(f"Recorded truce {done['truce_id']}: {name}, from {began}.")


@truce_app.command("list")
def truce_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Every truce recorded."""
    with opened(ctx) as register, register.read() as connection:
        found = all_truces(connection)
    if as_json:
        print_json(found)
        return
    table = Table("truce", "name", "parties", "from", "to", "monitor")
    for t in found:
        table.add_row(str(t["id"]), t["name"], ", ".join(t["parties"]), t["starts_on"],
                      t["ends_on"], t["monitor"])  # fmt: skip
    console.print(table)


@truce_app.command("report")
def truce_report_command(
    ctx: typer.Context,
    truce: Annotated[str, typer.Argument(help="The truce's id or name", show_default=False)],
    known_on: Annotated[
        str | None, typer.Option(help="As the register knew it on this date")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """The incidents since a truce began: per day and verification state, per reporting
    party, and the people killed or wounded in them, as known on a date.

    Example: rollbook truce report "October truce" --known-on 2020-10-20
    """
    on = day(known_on, "--known-on") or dt.date.today()
    with opened(ctx) as register, register.read() as connection:
        found = truce_by_name(connection, truce)
        if found is None:
            raise fail(f"no truce {truce!r} in the register")
        report = truce_report(connection, found, on)
    if as_json:
        print_json(_report_json(report))
        return
    _print_truce(report)


_STATES = [v.value for v in Verification]


def _report_json(report: TruceReport) -> dict[str, Any]:
    return {
        "truce": report.truce,
        "known_on": report.known_on.isoformat(),
        "last_day": report.last_day.isoformat(),
        "counted": report.counted,
        "totals": {s: report.totals[s] for s in _STATES},
        "by_day": {d: {s: c[s] for s in _STATES} for d, c in report.by_day.items()},
        "by_reporting_party": {p: {s: c[s] for s in _STATES} for p, c in report.by_party.items()},
        "victims": report.victims,
    }


def _print_truce(report: TruceReport) -> None:
    t = report.truce
    ended = f" to {t['ends_on']}" if t["ends_on"] else ""
    console.print(f"Truce {t['id']}: {t['name']}, from {t['starts_on']}{ended}; parties "
                  f"{', '.join(t['parties'])}; monitor {t['monitor'] or 'none named'}",
                  style="bold")  # fmt: skip
    console.print(f"As known on {report.known_on}: {report.counted:,} incidents counted against "
                  f"it ({report.totals[Verification.REJECTED.value]:,} rejected, not counted).")  # fmt: skip
    days = Table("day", *_STATES, "counted", title="Incidents per day, by verification state")
    for when, counts in report.by_day.items():
        counted = sum(counts.values()) - counts[Verification.REJECTED.value]
        days.add_row(when, *[str(counts[s] or "") for s in _STATES], str(counted))
    console.print(days)
    if UNDATED in report.by_day:
        console.print(f"  {UNDATED}: incidents known only to a month or a range of days that "
                      "may fall within the truce.")  # fmt: skip
    parties = Table("reported by the organs of", *_STATES,
                    title="Incidents by reporting party (one incident may count under several)")  # fmt: skip
    for party, counts in report.by_party.items():
        parties.add_row(party, *[str(counts[s] or "") for s in _STATES])
    console.print(parties)
    harmed = Table("person", "name", "harm", "incident", "time", "state",
                   title=f"Killed or wounded in them: {len(report.victims)}")  # fmt: skip
    for v in report.victims:
        harmed.add_row(str(v["person_id"]), v["name"], v["harm"], str(v["incident_id"]),
                       v["time"], v["state"])  # fmt: skip
    console.print(harmed)


def set_command(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help=f"One of: {', '.join(SETTINGS)}")],
    value: Annotated[str, typer.Argument(help="Its value", show_default=False)],
    reason: Reason = "",
) -> None:
    """Set one of the register's settings, such as the day the war began.

    Example: rollbook set war_start 2020-09-27
    """
    parsed = partial_date(value, key)
    assert parsed is not None
    write_entry(ctx, SET_ACTION, apply_set, {"key": key, "value": parsed.iso()}, reason)
    console.print(f"Set {key} to {parsed}.")


def register(app: typer.Typer) -> None:
    app.add_typer(incident_app, name="incident")
    app.add_typer(truce_app, name="truce")
    app.command("import-incidents")(import_incidents_command)
    app.command("set")(set_command)
