"""Slow parts of a page, worked out in the background for the register's latest state.

Over a million persons the dashboard's estimate takes seconds to work out. A write should
not make the next visitor wait for it: each request gets the parts last worked out at once,
with the journal entry they were worked out at, while one thread works out new ones for the
register as it now is. Only the first request after the server starts waits for them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from rollbook.store.database import Register
from rollbook.store.journal import last_seq

Parts = dict[str, Any]


class Background:
    """The latest parts of one kind, and the thread that brings them up to date."""

    def __init__(self, register: Register, work: Callable[[Connection], Parts]) -> None:
        self._register = register
        self._work = work
        self._lock = threading.Lock()
        self._seq = -1  # the journal entry the parts were worked out at
        self._parts: Parts | None = None
        self._thread: threading.Thread | None = None

    def latest(self, db: Connection, seq: int) -> tuple[Parts, int]:
        """The parts last worked out and the journal entry they are of: behind `seq`, the
        last entry `db` holds, while a thread brings them up to it. Waits only when none
        were worked out yet."""
        with self._lock:
            if self._seq < seq:
                self._start()
            thread, parts, at = self._thread, self._parts, self._seq
        if parts is None:
            if thread is not None:
                thread.join()
            with self._lock:
                parts, at = self._parts, self._seq
        if parts is None:  # the thread failed: work them out here, so that the error shows
            parts, at = self._work(db), seq
        return parts, at

    def wait(self) -> None:
        """Wait for the thread under way, if any: before the register closes, and in tests."""
        thread = self._thread
        if thread is not None:
            thread.join()

    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._refresh, name="rollbook-background",
                                            daemon=True)  # fmt: skip
            self._thread.start()

    def _refresh(self) -> None:
        with self._register.read() as db:
            seq = last_seq(db)
            parts = self._work(db)
        with self._lock:
            if seq > self._seq:
                self._seq, self._parts = seq, parts
