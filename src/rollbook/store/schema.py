"""The register's tables: the journal, immutable sources and records, and the projections.

Sources, their bytes and their records never change. Persons, status events, claims,
decisions and the toll tables are projections of the journal (`rollbook verify` rebuilds
them and proves them equal). A record's `person_id` is the one projected column on an
immutable table: linkage moves records between persons, the record itself stays as said.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
)

from rollbook.model.records import IDENTIFIER_FIELDS, RECORD_FIELDS
from rollbook.model.status import OPEN

metadata = MetaData()

journal = Table(
    "journal",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("reason", Text, nullable=False, default=""),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("kind", String(32), nullable=False),
    Column("title", Text, nullable=False),
    Column("publisher", Text, nullable=False),
    Column("published", String(10), nullable=False),
    Column("language", String(16), nullable=False),
    Column("filename", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("revises", Integer),
    Column("options", Text, nullable=False),
    Column("seq", Integer, nullable=False),
)

source_chunks = Table(
    "source_chunks",
    metadata,
    Column("source_id", Integer, primary_key=True, autoincrement=False),
    Column("n", Integer, primary_key=True, autoincrement=False),
    Column("data", LargeBinary, nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("source_id", Integer, nullable=False),
    Column("row_no", Integer, nullable=False),
    Column("person_id", Integer, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("script", String(16), nullable=False),
    *[Column(name, Text, nullable=False) for name in RECORD_FIELDS],
    # The event date's first and last possible day (0 without a date), for derived spans.
    Column("event_lo", Integer, nullable=False),
    Column("event_hi", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("extra", Text, nullable=False),
    UniqueConstraint("source_id", "row_no"),
)
Index("records_person", records.c.person_id)
# SQLite's name search turns the records its full-text index of name words found into their
# persons from this small index, rather than from the records' wide rows (store.name_index;
# PostgreSQL's index of name words holds the persons itself).
Index("records_id_person", records.c.id, records.c.person_id).ddl_if(dialect="sqlite")
# Identifier indexes cover the person too: an import looks up thousands a batch.
for _name in IDENTIFIER_FIELDS:
    _column = records.c[_name]
    Index(
        f"records_{_name}",
        _column,
        records.c.person_id,
        sqlite_where=_column != "",
        postgresql_where=_column != "",
    )

# PostgreSQL's index of name words: each word of each record's name key with the record's
# person (SQLite keeps a full-text index instead: store.name_index). Derived from records
# in SQL; a merge or split moves the words with their records. Without SQLite's rowid the
# key is the table.
name_words = Table(
    "name_words",
    metadata,
    Column("word", Text, primary_key=True),
    Column("person_id", Integer, primary_key=True, autoincrement=False),
    Column("record_id", Integer, primary_key=True, autoincrement=False),
    sqlite_with_rowid=False,
)

persons = Table(
    "persons",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("merged_into", Integer),
    Column("seq", Integer, nullable=False),
)

status_events = Table(
    "status_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("person_id", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("effective", String(10), nullable=False),
    Column("learned_on", String(10), nullable=False),
    Column("evidence", String(32), nullable=False),
    Column("source_id", Integer),
    Column("record_id", Integer),
    Column("corrects", Integer),
    Column("note", Text, nullable=False),
    Column("seq", Integer, nullable=False),
)
Index("status_events_person", status_events.c.person_id)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("claimant", Text, nullable=False),
    Column("category", String(16), nullable=False),
    Column("qualifier", String(16), nullable=False),
    Column("value", BigInteger),
    Column("low", BigInteger),
    Column("high", BigInteger),
    Column("as_of", String(10), nullable=False),
    Column("party", Text, nullable=False),
    Column("grp", Text, nullable=False),
    Column("period_start", String(10), nullable=False),
    Column("period_end", String(10), nullable=False),
    Column("revises", Integer),
    Column("source_id", Integer),
    Column("quote", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    # Read from a text: the earlier figure it states, and the characters that state it.
    Column("previous_value", BigInteger),
    Column("span_start", Integer),
    Column("span_end", Integer),
)
Index("claims_source", claims.c.source_id)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(32), nullable=False),
    Column("payload", Text, nullable=False),
    Column("seq", Integer, nullable=False),
)

# Missing-person cases (model.cases). The family's contact and the ante-mortem data (JSON)
# are protected: no public view or export shows them.
missing_cases = Table(
    "missing_cases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("person_id", Integer, nullable=False),
    Column("record_id", Integer),
    Column("source_id", Integer),
    Column("reported_by", Text, nullable=False),
    Column("reported_on", String(10), nullable=False),
    Column("last_seen", String(10), nullable=False),
    Column("place", Text, nullable=False),
    Column("circumstances", Text, nullable=False),
    Column("unit", Text, nullable=False),
    Column("family_contact", Text, nullable=False),
    Column("ante_mortem", Text, nullable=False),
    Column("seq", Integer, nullable=False),
)
Index("missing_cases_person", missing_cases.c.person_id)

case_steps = Table(
    "case_steps",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("case_id", Integer, nullable=False),
    Column("step", String(24), nullable=False),
    Column("effective", String(10), nullable=False),
    Column("learned_on", String(10), nullable=False),
    Column("evidence", String(32), nullable=False),
    Column("source_id", Integer),
    Column("note", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("confirmed_by", Text),
    Column("confirmed_on", String(10)),
    Column("status_event_id", Integer),
    Column("seq", Integer, nullable=False),
)
Index("case_steps_case", case_steps.c.case_id)

# Incidents (model.incidents): the register's view of each event, from its first report;
# `state` is its verification now and `merged_into` the incident it was found to be. Days
# are ISO; `learned_on` is when its first report became known.
incidents = Table(
    "incidents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("type", String(24), nullable=False),
    Column("time", String(21), nullable=False),
    Column("date_lo", String(10), nullable=False),
    Column("date_hi", String(10), nullable=False),
    Column("place", Text, nullable=False),
    Column("area", Text, nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("precision", String(16), nullable=False),
    Column("state", String(16), nullable=False),
    Column("learned_on", String(10), nullable=False),
    Column("merged_into", Integer),
    Column("seq", Integer, nullable=False),
)
Index("incidents_day", incidents.c.date_lo)

# Each source's account of an incident, as given. The reporter (a person who told the
# source) is protected: no public view or export shows them.
incident_reports = Table(
    "incident_reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("incident_id", Integer, nullable=False),
    Column("source_id", Integer),
    Column("row_no", Integer),
    Column("external_id", Text, nullable=False),
    Column("type", String(24), nullable=False),
    Column("time", String(21), nullable=False),
    Column("place", Text, nullable=False),
    Column("area", Text, nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("precision", String(16), nullable=False),
    Column("reported_by", Text, nullable=False),
    Column("reporting_party", Text, nullable=False),
    Column("perpetrator", Text, nullable=False),
    Column("target", Text, nullable=False),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("wounded", Integer),
    Column("description", Text, nullable=False),
    Column("reporter", Text, nullable=False),
    Column("learned_on", String(10), nullable=False),
    Column("seq", Integer, nullable=False),
)
Index("incident_reports_incident", incident_reports.c.incident_id)

# An incident's verification, step by step; a step is in force on a day from `learned_on`
# until `known_to` (the next step's day, or "9999-12-31"), so "as known on" is a range test.
incident_steps = Table(
    "incident_steps",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("incident_id", Integer, nullable=False),
    Column("state", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("learned_on", String(10), nullable=False),
    Column("known_to", String(10), nullable=False),
    Column("source_id", Integer),
    Column("actor", Text, nullable=False),
    Column("seq", Integer, nullable=False),
)
Index("incident_steps_incident", incident_steps.c.incident_id, incident_steps.c.known_to)

# What the truce report counts: each incident's verification state and the parties whose
# organs have reported it, over the time the register knew them ([known_from, known_to),
# ISO days; "9999-12-31" while current). A ruling that makes an incident part of another
# ends its spans. Kept in step with every incident write, inside its transaction.
incident_spans = Table(
    "incident_spans",
    metadata,
    Column("incident_id", Integer, nullable=False),
    Column("state", String(16), nullable=False),
    Column("parties", Text, nullable=False),  # JSON list, sorted; "" for monitors and media
    Column("date_lo", String(10), nullable=False),
    Column("date_hi", String(10), nullable=False),
    Column("known_from", String(10), nullable=False),
    Column("known_to", String(10), nullable=False),
)
Index("incident_spans_incident", incident_spans.c.incident_id, incident_spans.c.known_to)

incident_victims = Table(
    "incident_victims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("incident_id", Integer, nullable=False),
    Column("person_id", Integer, nullable=False),
    Column("harm", String(16), nullable=False),
    Column("source_id", Integer),
    Column("learned_on", String(10), nullable=False),
    Column("seq", Integer, nullable=False),
)
Index("incident_victims_incident", incident_victims.c.incident_id)

# Reports that may tell of one event, waiting for a reviewer ("review") or ruled on
# ("same", "different"); incident `a` holds the earlier report.
incident_pairs = Table(
    "incident_pairs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("incident_a", Integer, nullable=False),
    Column("incident_b", Integer, nullable=False),
    Column("km", Float, nullable=False),
    Column("state", String(16), nullable=False),
    Column("seq", Integer, nullable=False),
)

truces = Table(
    "truces",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("parties", Text, nullable=False),  # JSON list, as the agreement names them
    Column("starts_on", String(10), nullable=False),
    Column("ends_on", String(10), nullable=False),  # "" while it holds
    Column("monitor", Text, nullable=False),
    Column("source_id", Integer),
    Column("seq", Integer, nullable=False),
)

# Pairs of records the linker scored or a reviewer ruled on, lower record id first. State:
# "linked" (merged by a link run), "review" (waiting for a reviewer), or a ruling: "same",
# "different", "skipped". Rulings bind every later run.
link_pairs = Table(
    "link_pairs",
    metadata,
    Column("record_l", Integer, primary_key=True, autoincrement=False),
    Column("record_r", Integer, primary_key=True, autoincrement=False),
    Column("probability", Float),
    Column("weights", Text, nullable=False),
    Column("state", String(16), nullable=False),
    Column("seq", Integer, nullable=False),
)
Index("link_pairs_state", link_pairs.c.state)
Index("link_pairs_right", link_pairs.c.record_r)

# One row per person and bitemporal span of their status: the names behind every toll.
status_spans = Table(
    "status_spans",
    metadata,
    Column("person_id", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("valid_from", Integer, nullable=False),
    Column("valid_to", Integer, nullable=False),
    Column("known_from", Integer, nullable=False),
    Column("known_to", Integer, nullable=False),
    Column("month", String(7), nullable=False),
    Column("day", Integer, nullable=False),
    Column("party", Text, nullable=False),
    Column("region", Text, nullable=False),
    Column("unit", Text, nullable=False),
    Column("event_id", Integer, nullable=False),
)
Index("status_spans_person", status_spans.c.person_id)
Index("status_spans_status", status_spans.c.status, status_spans.c.known_from)
# Each person's status now, in person order: a page of persons at any depth skips index
# entries, not table rows. It holds the columns of its own condition too, so that SQLite
# sees it answers a search's lookups alone and prefers it to the index of each person.
_NOW = and_(status_spans.c.valid_to == OPEN, status_spans.c.known_to == OPEN)
Index("status_spans_now", status_spans.c.person_id, status_spans.c.status,
      status_spans.c.valid_to, status_spans.c.known_to,
      sqlite_where=_NOW, postgresql_where=_NOW)  # fmt: skip

# The spans counted by every key a toll filters or groups on: tolls read this small cube.
# Units are too many to make a small cube; tolls by unit count the spans themselves.
TOLL_KEY = (
    "status",
    "party",
    "region",
    "month",
    "day",
    "valid_from",
    "valid_to",
    "known_from",
    "known_to",
)
_DAY_COLUMNS = frozenset({"day", "valid_from", "valid_to", "known_from", "known_to"})
toll_cells = Table(
    "toll_cells",
    metadata,
    *[Column(name, Integer if name in _DAY_COLUMNS else Text, nullable=False) for name in TOLL_KEY],
    Column("n", BigInteger, nullable=False),
    UniqueConstraint(*TOLL_KEY, name="toll_cells_key"),
)

# Accounts for the web: a password only as its argon2 hash, a script's token only as its
# SHA-256 hash.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("disabled", Boolean, nullable=False),
    Column("seq", Integer, nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("user_id", Integer, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("label", Text, nullable=False),
    Column("seq", Integer, nullable=False),
)

#: The projections `rollbook verify` rebuilds from the journal, with the key that orders them.
PROJECTIONS: dict[str, tuple[str, ...]] = {
    "sources": ("id",),
    "records": ("id",),
    "persons": ("id",),
    "status_events": ("id",),
    "claims": ("id",),
    "decisions": ("id",),
    "link_pairs": ("record_l", "record_r"),
    "missing_cases": ("id",),
    "case_steps": ("id",),
    "settings": ("key",),
    "incidents": ("id",),
    "incident_reports": ("id",),
    "incident_steps": ("id",),
    "incident_victims": ("id",),
    "incident_pairs": ("id",),
    "incident_spans": ("incident_id", "known_from"),
    "truces": ("id",),
    "users": ("id",),
    "api_tokens": ("id",),
    "status_spans": ("person_id", "known_from", "valid_from", "event_id"),
    "toll_cells": TOLL_KEY,
}
