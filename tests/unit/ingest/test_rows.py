"""Validating rows a batch at a time: what each record's row turns into."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from rollbook.ingest.mapping import MappingFile, plan_columns
from rollbook.ingest.rows import RowReader
from rollbook.ingest.tables import Row
from rollbook.model.names import detect_script, name_key

HEADER = ["Surname", "Given name", "Patronymic", "Service number"]
DECLARED = MappingFile(defaults={"status": "killed", "party": "Nor'land"})

# Name parts in several scripts, with hyphens, apostrophes, digits and stray spaces.
PART = st.text(
    alphabet=st.sampled_from("abqxəşğ МамедовԱհՀოვ-'’ 7"),
    max_size=12,
)


def _reader() -> RowReader:
    plan, problems = plan_columns(HEADER, DECLARED, keep_unknown=False)
    assert problems == []
    return RowReader(plan, DECLARED, today=dt.date(2026, 12, 1), learned_on=dt.date(2026, 11, 3))


@given(st.lists(st.tuples(PART, PART, PART), min_size=1, max_size=20))
def test_name_key_and_script_of_a_name_in_parts_are_those_of_the_parts_joined(
    names: list[tuple[str, str, str]],
) -> None:
    rows = [Row(n + 2, [*parts, f"SN-{n}"]) for n, parts in enumerate(names)]
    batch, _ = _reader().read_batch(rows)
    kept = {row.number: row.cells for row in rows}
    for row_no, key, script in zip(
        batch.column("row_no"), batch.column("name_key"), batch.column("script"), strict=True
    ):
        written = " ".join(p.strip() for p in kept[row_no][:3] if p.strip())
        assert (key, script) == (name_key(written), detect_script(written))


def test_fields_no_column_gives_are_one_constant_for_the_batch() -> None:
    rows = [Row(2, ["Qarvel", "Tamer", "", "SN-1"]), Row(3, ["Dozan", "Orxan", "", "SN-2"])]
    batch, problems = _reader().read_batch(rows)
    assert problems == []
    assert batch.fields == ("surname", "given_name", "patronymic", "service_number")
    assert batch.constants["party"] == "Nor'land"
    assert batch.column("party") == ["Nor'land", "Nor'land"]
    assert batch.column("service_number") == ["SN-1", "SN-2"]
    assert batch.column("status") == ["killed", "killed"]


def test_a_refused_row_leaves_every_column_of_the_batch() -> None:
    rows = [Row(2, ["Qarvel", "Tamer", "", "SN-1"]), Row(3, ["", "", "", "SN-2"])]
    batch, problems = _reader().read_batch(rows)
    assert [(p.row, p.field) for p in problems] == [(3, "full_name")]
    assert len(batch) == 1
    assert {len(column) for column in batch.columns} == {1}
