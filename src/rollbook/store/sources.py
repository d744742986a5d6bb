"""Sources: the original bytes of every document, content-hashed, kept in chunks, never changed."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection, insert, select

from rollbook.model.status import Evidence
from rollbook.store.schema import source_chunks, sources

CHUNK_BYTES = 1 << 20


class SourceKind(StrEnum):
    """What kind of document a source is."""

    OFFICIAL_LIST = "official_list"
    STATEMENT = "statement"
    NEWS_REPORT = "news_report"
    NGO_LIST = "ngo_list"
    FAMILY_REPORT = "family_report"
    FORENSIC_REPORT = "forensic_report"
    OTHER = "other"


#: The evidence a status taken from a source of each kind rests on.
EVIDENCE_OF_KIND = {
    SourceKind.OFFICIAL_LIST: Evidence.OFFICIAL_LIST,
    SourceKind.STATEMENT: Evidence.OFFICIAL_NOTIFICATION,
    SourceKind.NEWS_REPORT: Evidence.MEDIA_REPORT,
    SourceKind.NGO_LIST: Evidence.NGO_LIST,
    SourceKind.FAMILY_REPORT: Evidence.FAMILY_REPORT,
    SourceKind.FORENSIC_REPORT: Evidence.REMAINS_RECOVERED,
    SourceKind.OTHER: Evidence.OTHER,
}


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def source_by_hash(connection: Connection, sha256: str) -> Mapping[str, Any] | None:
    row = connection.execute(select(sources).where(sources.c.sha256 == sha256)).one_or_none()
    return dict(row._mapping) if row else None


def source_row(connection: Connection, source_id: int) -> Mapping[str, Any] | None:
    row = connection.execute(select(sources).where(sources.c.id == source_id)).one_or_none()
    return dict(row._mapping) if row else None


def all_sources(connection: Connection) -> list[dict[str, Any]]:
    """Every source's description (not its bytes), in the order they were added."""
    columns = [c for c in sources.columns if c.name not in ("options", "seq")]
    query = select(*columns).order_by(sources.c.id)
    return [dict(row) for row in connection.execute(query).mappings()]


def insert_source(
    connection: Connection,
    described: Mapping[str, Any],
    *,
    source_id: int,
    format: str,
    seq: int,
    revises: int | None = None,
    options: str = "{}",
) -> None:
    """Store a source's description (its bytes are stored apart, by `store_bytes`)."""
    connection.execute(
        insert(sources).values(
            id=source_id, sha256=described["sha256"], kind=described["kind"],
            title=described["title"], publisher=described["publisher"],
            published=described["published"], language=described["language"],
            filename=described["filename"], format=format, size=described["size"],
            revises=revises, options=options, seq=seq,
        )
    )  # fmt: skip


def store_bytes(connection: Connection, source_id: int, stream: BinaryIO) -> int:
    """Copy a stream into the source's chunks; returns the number of bytes stored."""
    size = 0
    n = 0
    while chunk := stream.read(CHUNK_BYTES):
        connection.execute(insert(source_chunks).values(source_id=source_id, n=n, data=chunk))
        size += len(chunk)
        n += 1
    return size


class ChunkReader(io.RawIOBase):
    """A seekable binary stream over a stored source's chunks, read lazily."""

    def __init__(self, connection: Connection, source_id: int, size: int) -> None:
        self._connection = connection
        self._source_id = source_id
        self._size = size
        self._position = 0
        self._cached: tuple[int, bytes] = (-1, b"")

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        self._position = max(0, base + offset)
        return self._position

    def tell(self) -> int:
        return self._position

    def _chunk(self, n: int) -> bytes:
        if self._cached[0] != n:
            data = self._connection.execute(
                select(source_chunks.c.data).where(
                    source_chunks.c.source_id == self._source_id, source_chunks.c.n == n
                )
            ).scalar_one()
            self._cached = (n, bytes(data))
        return self._cached[1]

    def readinto(self, buffer: Any) -> int:
        if self._position >= self._size:
            return 0
        n, offset = divmod(self._position, CHUNK_BYTES)
        data = self._chunk(n)[offset : offset + len(buffer)]
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)


def open_source_bytes(connection: Connection, source_id: int, size: int) -> BinaryIO:
    """The stored bytes (`size` of them) of a source as a buffered, seekable stream."""
    raw = ChunkReader(connection, source_id, size)
    return io.BufferedReader(raw, buffer_size=CHUNK_BYTES)


@dataclass(frozen=True)
class SourceInfo:
    """What the user says about a document: none of it is inferred."""

    kind: SourceKind
    title: str
    publisher: str
    published: str
    language: str
