"""Validating a large list in a second process while this one writes to the register.

Reading and validating a row costs about as much as storing it, and both are Python, so a
thread gains nothing; a process reading the file on the other core does. The worker runs
exactly the reader the in-process path runs, on the same bytes.

The worker is a plain `python -m rollbook.ingest.parallel` child talking over its standard
streams (length-prefixed pickles), not a `multiprocessing` one: that would import the
caller's main module again in the child, which breaks scripts that call Rollbook at their
top level. When the importing process dies, the worker's next write fails and it ends.
"""

from __future__ import annotations

import datetime as dt
import gc
import pickle
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import IO, Any

from rollbook.ingest.mapping import MappingFile, Plan
from rollbook.ingest.rows import BATCH_ROWS, Problem, RowReader
from rollbook.ingest.tables import open_table
from rollbook.store.records import RecordBatch

#: Validated batches with the problems found and how far into the file the reader is.
Batches = Iterator[tuple[RecordBatch, list[Problem], int]]
_LENGTH = 8


class WorkerError(RuntimeError):
    """The reading process ended without saying why (it crashed or was killed)."""


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
    learned_on: dt.date


def _send(out: IO[bytes], entry: tuple[str, Any, int]) -> None:
    data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(len(data).to_bytes(_LENGTH, "little"))
    out.write(data)
    out.flush()


def _receive(source: IO[bytes]) -> tuple[str, Any, int] | None:
    head = source.read(_LENGTH)
    if len(head) < _LENGTH:
        return None
    entry: tuple[str, Any, int] = pickle.loads(source.read(int.from_bytes(head, "little")))
    return entry


def _work(job: ReadJob, out: IO[bytes]) -> None:
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
                reader = RowReader(
                    job.plan, job.declared, today=job.today, learned_on=job.learned_on
                )
                while rows := list(islice(table.rows, BATCH_ROWS)):
                    _send(out, ("batch", reader.read_batch(rows), stream.tell()))
            finally:
                table.release()
        _send(out, ("done", None, 0))
    except BrokenPipeError:  # the importing process is gone
        return
    except Exception as error:  # raised again in the importing process
        _send(out, ("error", error, 0))


@contextmanager
def read_in_worker(job: ReadJob) -> Iterator[Batches]:
    """Validated batches of a list file, read by a worker process a little ahead."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "rollbook.ingest.parallel"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert worker.stdin is not None and worker.stdout is not None
    worker.stdin.write(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
    worker.stdin.close()
    output = worker.stdout

    def batches() -> Batches:
        while True:
            entry = _receive(output)
            if entry is None:
                raise WorkerError(f"the list's reader ended unexpectedly ({worker.wait()})")
            kind, payload, done = entry
            if kind == "error":
                raise payload
            if kind == "done":
                return
            batch, problems = payload
            yield batch, problems, done

    try:
        yield batches()
    finally:
        output.close()
        if worker.poll() is None:
            worker.terminate()
        worker.wait()


if __name__ == "__main__":
    # The worker lives for one list and frees its batches as it sends them: cyclic garbage
    # collection would only walk the name caches again and again.
    gc.disable()
    _work(pickle.load(sys.stdin.buffer), sys.stdout.buffer)
