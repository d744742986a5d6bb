"""Validating a large list in a second process while this one writes to the register.

Reading and validating a row costs about as much as storing it, and both are Python, so a
thread gains nothing; a process reading the file on its own side of the machine does. The
worker runs exactly the reader the in-process path runs, on the same bytes.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import queue
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from multiprocessing.queues import Queue
from typing import Any

from rollbook.ingest.mapping import MappingFile, Plan
from rollbook.ingest.rows import BATCH_ROWS, Problem, RowReader
from rollbook.ingest.tables import open_table
from rollbook.store.records import RecordBatch

#: Validated batches with the problems found and how far into the file the reader is.
Batches = Iterator[tuple[RecordBatch, list[Problem], int]]


@dataclass(frozen=True)
class ReadJob:
    """Everything the worker needs to read a list as the importing process would."""

    path: str
    filename: str
    format: str
    encoding: str
    delimiter: str
    plan: Plan
    declared: MappingFile
    today: dt.date


def _work(job: ReadJob, out: Queue[tuple[str, Any, int]]) -> None:
    parent = multiprocessing.parent_process()

    def put(entry: tuple[str, Any, int]) -> None:
        """Hand an entry over; give up when the importing process is gone (killed)."""
        while True:
            try:
                out.put(entry, timeout=1)
                return
            except queue.Full:
                if parent is not None and not parent.is_alive():
                    out.cancel_join_thread()  # nobody will read what is still queued
                    os._exit(1)

    try:
        with open(job.path, "rb") as stream:
            table = open_table(
                stream,
                filename=job.filename,
                format=job.format,
                encoding=job.encoding or None,
                delimiter=job.delimiter or None,
            )
            try:
                reader = RowReader(job.plan, job.declared, today=job.today)
                while rows := list(islice(table.rows, BATCH_ROWS)):
                    put(("batch", reader.read_batch(rows), stream.tell()))
            finally:
                table.release()
        put(("done", None, 0))
    except Exception as error:  # raised again in the importing process
        put(("error", error, 0))


@contextmanager
def read_in_worker(job: ReadJob) -> Iterator[Batches]:
    """Validated batches of a list file, read by a worker process a few batches ahead."""
    context = multiprocessing.get_context("spawn")
    handoff: Queue[tuple[str, Any, int]] = context.Queue(maxsize=4)
    worker = context.Process(target=_work, args=(job, handoff), name="rollbook-reader", daemon=True)
    worker.start()

    def batches() -> Batches:
        while True:
            kind, payload, done = handoff.get()
            if kind == "error":
                raise payload
            if kind == "done":
                return
            batch, problems = payload
            yield batch, problems, done

    try:
        yield batches()
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join()
        handoff.close()
        handoff.join_thread()
