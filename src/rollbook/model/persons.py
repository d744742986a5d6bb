"""A person is a conclusion: the register's resolved view of the records that name them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rollbook.model.records import PERSON_FIELDS, written_name


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved field value and the record it was taken from."""

    value: str
    record_id: int
    attested_by: int


def resolve(
    records: Sequence[Mapping[str, object]], fields: Sequence[str] = PERSON_FIELDS
) -> dict[str, Resolved]:
    """Each field's value for a person (of `fields`, by default all), with its provenance.

    The value most records agree on wins; a tie goes to the latest record (a corrected
    edition is imported after the list it corrects). Empty values attest nothing.
    """
    resolved: dict[str, Resolved] = {}
    if len(records) == 1:  # most persons: nothing to weigh
        only = records[0]
        record_id = int(str(only["id"]))
        for name in fields:
            if value := str(only.get(name) or ""):
                resolved[name] = Resolved(value, record_id, 1)
        return resolved
    for name in fields:
        votes: Counter[str] = Counter()
        latest: dict[str, int] = {}
        for record in records:
            value = str(record.get(name) or "")
            if value:
                votes[value] += 1
                latest[value] = max(latest.get(value, 0), int(str(record["id"])))
        if votes:
            value = max(votes, key=lambda v: (votes[v], latest[v]))
            resolved[name] = Resolved(value, latest[value], votes[value])
    return resolved


def display_name(fields: Mapping[str, Resolved]) -> str:
    """The name to show for a person: written whole, else its parts surname first."""
    return written_name({name: found.value for name, found in fields.items()}) or "(no name)"
