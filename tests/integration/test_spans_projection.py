"""The toll projections written in bulk agree with the domain's own rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from rollbook.ingest.lists import ImportOptions, import_list
from rollbook.model.status import spans
from rollbook.store.database import Register
from rollbook.store.schema import TOLL_KEY, status_spans
from rollbook.store.spans import histories

# Event dates of every precision, none at all, and one after the list was published.
LIST = """Surname,Given name,Date of death,Service number
Qarvelov,Tamer,14.10.2020,SN-1
Dozanli,Orxan,10.2020,SN-2
Belvurov,Seymur,2020,SN-3
Xalmazov,Rauf,,SN-4
Pirzadov,Elnur,03.01.2021,SN-5
Qarvelov,Tamer,14.10.2020,SN-1
"""


def test_bulk_spans_equal_the_model_spans_for_every_person(
    register: Register, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")
    options = ImportOptions(status="killed", published=dt.date(2020, 12, 20), party="North")

    import_list(register, path, options, actor="test")

    with register.read() as connection:
        events = histories(connection, range(1, 10))
        stored = {
            (row.person_id, row.status, row.valid_from, row.valid_to, row.known_from,
             row.known_to, row.month, row.day, row.event_id)
            for row in connection.execute(select(status_spans))
        }  # fmt: skip
    expected = {
        (pid, s.status.value, s.valid_from, s.valid_to, s.known_from, s.known_to, s.month,
         s.day, s.event_id)
        for pid, history in events.items()
        for s in spans(history)
    }  # fmt: skip
    assert len(events) == 5
    assert stored == expected


def test_toll_cube_counts_exactly_the_stored_spans_after_two_lists(
    register: Register, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text(LIST, encoding="utf-8")
    # The second list names SN-2 again (joining that person) and one new man.
    second.write_text(
        "Surname,Given name,Date of death,Service number\n"
        "Dozanli,Orxan,21.10.2020,SN-2\nTelmuzov,Orxil,2020,SN-6\n",
        encoding="utf-8",
    )
    for path, published in ((first, dt.date(2020, 12, 20)), (second, dt.date(2021, 1, 9))):
        options = ImportOptions(status="killed", published=published, party="North")
        import_list(register, path, options, actor="test")

    keys = ", ".join(TOLL_KEY)
    with register.read() as connection:
        cube = connection.exec_driver_sql(f"SELECT {keys}, n FROM toll_cells").all()
        spans_counted = connection.exec_driver_sql(
            f"SELECT {keys}, COUNT(*) FROM status_spans GROUP BY {keys}"
        ).all()
    assert sorted(map(tuple, cube)) == sorted(map(tuple, spans_counted))
    assert len(cube) > 1
