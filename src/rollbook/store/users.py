"""Accounts: who may log in, with which role; and the tokens scripts use. Each change is a
journalled write; passwords are kept only as argon2 hashes, tokens only as SHA-256 hashes."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, insert, select, update

from rollbook.model.roles import ACCOUNT_ROLES, Role
from rollbook.store.database import Write
from rollbook.store.records import next_id
from rollbook.store.schema import api_tokens, users

ADD_ACTION = "user.add"
DISABLE_ACTION = "user.disable"
TOKEN_ACTION = "user.token"
_HASHER = PasswordHasher()
#: Shortest password an account may have.
MIN_PASSWORD = 12


class UserRefused(ValueError):
    """An account write refused as asked, with the reason; nothing was written."""


@dataclass(frozen=True, slots=True)
class User:
    """An account as the web sees it once logged in."""

    id: int
    name: str
    role: Role


def hash_password(password: str) -> str:
    """An argon2 hash of a password long enough to keep."""
    if len(password) < MIN_PASSWORD:
        raise UserRefused(f"a password needs at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


def new_token() -> tuple[str, str]:
    """A token for a script, and the hash the register keeps of it."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def apply_add(work: Write) -> None:
    """Add an account (`user.add`): a unique name, a role, a password hash."""
    p = work.payload
    name = p["name"].strip()
    if not name:
        raise UserRefused("an account needs a name")
    if p["role"] not in ACCOUNT_ROLES:
        raise UserRefused(f"a role is one of {', '.join(ACCOUNT_ROLES)}, not {p['role']!r}")
    if _row(work.connection, name) is not None:
        raise UserRefused(f"there is already an account named {name!r}")
    p["user_id"] = next_id(work.connection, users.c.id)
    work.connection.execute(
        insert(users).values(id=p["user_id"], name=name, role=p["role"],
                             password_hash=p["password_hash"], disabled=False, seq=work.seq)
    )  # fmt: skip


def apply_disable(work: Write) -> None:
    """Disable an account and its tokens (`user.disable`); it can no longer log in."""
    found = _row(work.connection, work.payload["name"])
    if found is None:
        raise UserRefused(f"no account named {work.payload['name']!r}")
    work.connection.execute(update(users).where(users.c.id == found["id"]).values(disabled=True))


def apply_token(work: Write) -> None:
    """Keep the hash of a new token for an account's scripts (`user.token`)."""
    p = work.payload
    found = _row(work.connection, p["name"])
    if found is None or found["disabled"]:
        raise UserRefused(f"no account named {p['name']!r} that may log in")
    p["token_id"] = next_id(work.connection, api_tokens.c.id)
    work.connection.execute(
        insert(api_tokens).values(id=p["token_id"], user_id=found["id"],
                                  token_hash=p["token_hash"], label=p.get("label", ""),
                                  seq=work.seq)
    )  # fmt: skip


def all_users(connection: Connection) -> list[dict[str, Any]]:
    """Every account, without its password hash."""
    u = users.c
    query = select(u.id, u.name, u.role, u.disabled).order_by(u.id)
    return [dict(r) for r in connection.execute(query).mappings()]


def log_in(connection: Connection, name: str, password: str) -> User | None:
    """The account a name and password open, or None (unknown, wrong or disabled)."""
    found = _row(connection, name)
    if found is None or found["disabled"]:
        _HASHER.hash(password)  # take as long as a real check: names are not told apart
        return None
    try:
        _HASHER.verify(found["password_hash"], password)
    except (VerificationError, InvalidHashError):
        return None
    return User(found["id"], found["name"], Role(found["role"]))


def user_by_id(connection: Connection, user_id: int) -> User | None:
    """An account still enabled, by id."""
    row = connection.execute(select(users).where(users.c.id == user_id)).mappings().first()
    return None if row is None or row["disabled"] else _user(dict(row))


def user_by_token(connection: Connection, token: str) -> User | None:
    """The enabled account a script's token belongs to, or None."""
    query = (
        select(users)
        .join(api_tokens, api_tokens.c.user_id == users.c.id)
        .where(api_tokens.c.token_hash == token_hash(token))
    )
    row = connection.execute(query).mappings().first()
    return None if row is None or row["disabled"] else _user(dict(row))


def _user(row: Mapping[str, Any]) -> User:
    return User(row["id"], row["name"], Role(row["role"]))


def _row(connection: Connection, name: str) -> Mapping[str, Any] | None:
    row = connection.execute(select(users).where(users.c.name == name.strip())).mappings()
    found = row.first()
    return None if found is None else dict(found)
