"""The index of name words holds exactly the words of the records' name keys (SQLite's
full-text index, PostgreSQL's table), and `verify` notices when it does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from integration.registers import build_war
from rollbook.model.names import indexed_words
from rollbook.store.database import Register

only_sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@only_sqlite
def test_the_index_holds_the_words_of_every_name_key(
    cli: Cli, tmp_path: Path, database_url: str
) -> None:
    build_war(cli, tmp_path / "lists")
    with Register.open(database_url) as register, register.engine.begin() as connection:
        keys = connection.exec_driver_sql("SELECT name_key FROM records").scalars().all()
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, record_words, 'row')"
        )
        indexed = connection.exec_driver_sql("SELECT term, doc FROM temp.terms").all()
    words = [word for key in keys for word in indexed_words(key)]
    assert len(words) > 20
    assert dict(indexed) == {word: words.count(word) for word in set(words)}


def test_verify_finds_an_index_that_lost_a_records_words(
    cli: Cli, tmp_path: Path, database_url: str
) -> None:
    war = build_war(cli, tmp_path / "lists")
    assert "identical" in war.run("verify")
    with Register.open(database_url) as register, register.engine.begin() as connection:
        record_id, key = connection.exec_driver_sql(
            "SELECT id, name_key FROM records WHERE name_key != '' ORDER BY id LIMIT 1"
        ).one()
        if connection.dialect.name == "sqlite":
            lost = "record_words: the index does not hold the records' name keys"
            connection.exec_driver_sql(
                "INSERT INTO record_words (record_words, rowid, name_key) VALUES ('delete', ?, ?)",
                (record_id, key),
            )
        else:
            lost = "name_words: the index lacks the records' name words"
            connection.exec_driver_sql("DELETE FROM name_words WHERE record_id = %s", (record_id,))
    failed = cli("verify")
    assert failed.exit_code == 1
    assert lost in failed.output
