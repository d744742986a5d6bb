"""The read-ahead thread hands over items in order, raises the worker's errors, and stops."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from rollbook.ingest.ahead import ahead


def test_ahead_yields_every_item_in_order() -> None:
    with ahead(iter(range(100))) as items:
        assert list(items) == list(range(100))


def test_ahead_raises_the_workers_error_in_the_consumer() -> None:
    def failing() -> Iterator[int]:
        yield 1
        raise ValueError("row 7: broken quoting")

    with pytest.raises(ValueError, match="row 7"), ahead(failing()) as items:
        list(items)


def test_ahead_stops_the_worker_when_the_consumer_leaves_early() -> None:
    produced: list[int] = []

    def endless() -> Iterator[int]:
        n = 0
        while True:
            produced.append(n)
            yield n
            n += 1

    with ahead(endless(), depth=2) as items:
        assert next(items) == 0
    assert not any(t.name == "rollbook-read-ahead" for t in threading.enumerate())
    assert len(produced) < 10
