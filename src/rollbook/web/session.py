"""Who is asking: a logged-in account (a session cookie), a script (a bearer token) or the
public; and the token each form carries against cross-site requests."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from fastapi import HTTPException, Request
from sqlalchemy import Connection

from rollbook.model.roles import Role
from rollbook.store.users import User, user_by_id, user_by_token


@dataclass(frozen=True, slots=True)
class Viewer:
    """The role a request is answered for, and its account if any."""

    role: Role
    user: User | None = None


PUBLIC = Viewer(Role.PUBLIC)


def viewer(request: Request, db: Connection) -> Viewer:
    """Who is asking: a bearer token first, then the session's account, else the public."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token:
        found = user_by_token(db, token.strip())
        if found is None:
            raise HTTPException(401, "unknown or revoked token")
        return Viewer(found.role, found)
    user_id = request.session.get("user_id")
    if isinstance(user_id, int):
        found = user_by_id(db, user_id)
        if found is not None:
            return Viewer(found.role, found)
        request.session.clear()  # the account was disabled since
    return PUBLIC


def csrf_token(request: Request) -> str:
    """The session's token that every form sends back."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, sent: str) -> None:
    """Refuse a form that does not carry the session's token."""
    expected = request.session.get("csrf")
    if not isinstance(expected, str) or not secrets.compare_digest(expected, sent):
        raise HTTPException(403, "the form has expired or did not come from this site")
