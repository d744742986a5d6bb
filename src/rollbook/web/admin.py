"""The administrator's pages: the accounts and the register's settings, managed as
`rollbook user` and `rollbook set` manage them.

Each change is one journalled write in the administrator's name through the command line's
own applier; a refusal writes nothing. Passwords and tokens are kept only as hashes, so a
new token is shown once, on the page that issued it. An administrator may not disable their
own account here: the register would be left without anyone to undo it.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request, Response
from fastapi import Path as FastPath
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, Field
from sqlalchemy import Connection

from rollbook.ingest.dates import parse_partial_date
from rollbook.model.dates import DateError
from rollbook.model.roles import ACCOUNT_ROLES, Role
from rollbook.store.actions import Applier
from rollbook.store.incidents import (
    SET_ACTION,
    SETTINGS,
    IncidentRefused,
    apply_set,
    current_settings,
)
from rollbook.store.users import (
    ADD_ACTION,
    DISABLE_ACTION,
    TOKEN_ACTION,
    UserRefused,
    all_users,
    apply_add,
    apply_disable,
    apply_token,
    hash_password,
    new_token,
)
from rollbook.web.common import Db, Seen, at_least, render
from rollbook.web.session import Viewer, check_csrf
from rollbook.web.writes import by_token, write

router = APIRouter()
#: A page or answer holding a new token is never kept by a browser or a proxy.
NO_STORE = {"Cache-Control": "no-store"}
MAX_NAME, MAX_ROLE, MAX_PASSWORD, MAX_REASON, MAX_SETTING = 200, 32, 1000, 2000, 64
#: Why an API change without a token is refused.
NEEDS_TOKEN = "account and setting changes through the API need an administrator's token"

AccountName = Annotated[
    str, FastPath(min_length=1, max_length=MAX_NAME, description="The account's name")
]
Csrf = Annotated[str, Form(max_length=200)]
Reason = Annotated[str, Form(max_length=MAX_REASON)]


# --------------------------------------------------------------------------- the writes


def _administrator(seen: Viewer) -> str:
    """The administrator's name, for the journal; anyone else is refused."""
    at_least(seen, Role.ADMINISTRATOR)
    assert seen.user is not None
    return seen.user.name


def _plain(text: str, what: str, *, lines: bool = False) -> str:
    """The text, refused if it holds a control character or a lone surrogate (a database
    or UTF-8 refuses some; a name has none); a reason may hold line breaks and tabs."""
    allowed = "\t\n\r" if lines else ""
    if any(unicodedata.category(c) in ("Cc", "Cs") and c not in allowed for c in text):
        raise HTTPException(422, f"{what}: control characters are not allowed")
    return text


def _write(
    request: Request, actor: str, action: str, apply: Applier, payload: dict[str, Any],
    reason: str,
) -> dict[str, Any]:  # fmt: skip
    """One journalled write, as `rollbook` makes it; a refusal is a 422 and writes nothing."""
    reason = _plain(reason, "reason", lines=True)
    try:
        work = write(request, actor, action, apply, payload, reason)
    except (UserRefused, IncidentRefused) as error:
        raise HTTPException(422, str(error)) from None
    return work.payload


def add_account(
    request: Request, seen: Viewer, name: str, role: str, password: str, reason: str
) -> dict[str, Any]:
    """Add an account, as `rollbook user add` does."""
    actor = _administrator(seen)
    name = _plain(name, "name")
    try:
        hashed = hash_password(_plain(password, "password", lines=True))
    except UserRefused as error:
        raise HTTPException(422, str(error)) from None
    payload = {"name": name, "role": role, "password_hash": hashed}
    done = _write(request, actor, ADD_ACTION, apply_add, payload, reason)
    return {"user_id": done["user_id"], "name": name.strip(), "role": role}


def disable_account(request: Request, seen: Viewer, name: str, reason: str) -> dict[str, Any]:
    """Disable an account and its tokens, as `rollbook user disable` does; never one's own."""
    actor = _administrator(seen)
    name = _plain(name, "name").strip()
    if name == actor:
        raise HTTPException(422, "an administrator cannot disable their own account here; "
                                 "another administrator can")  # fmt: skip
    _write(request, actor, DISABLE_ACTION, apply_disable, {"name": name}, reason)
    return {"name": name, "disabled": True}


def issue_token(
    request: Request, seen: Viewer, name: str, label: str, reason: str
) -> dict[str, Any]:
    """A new token for an account's scripts, as `rollbook user token` issues it: the
    register keeps its hash, and the caller sees it this once."""
    actor = _administrator(seen)
    name = _plain(name, "name").strip()
    issued, hashed = new_token()
    payload = {"name": name, "label": _plain(label, "label"), "token_hash": hashed}
    done = _write(request, actor, TOKEN_ACTION, apply_token, payload, reason)
    return {"token_id": done["token_id"], "name": name, "label": label, "token": issued}


def set_setting(request: Request, seen: Viewer, key: str, value: str, reason: str
                ) -> dict[str, Any]:  # fmt: skip
    """Set one of the register's settings, as `rollbook set` does."""
    actor = _administrator(seen)
    if key not in SETTINGS:
        raise HTTPException(422, f"no setting {key!r}; there are: {', '.join(SETTINGS)}")
    try:
        parsed = parse_partial_date(_plain(value, key))
    except DateError as error:
        raise HTTPException(422, f"{key}: {error}") from None
    payload = {"key": key, "value": parsed.iso()}
    done = _write(request, actor, SET_ACTION, apply_set, payload, reason)
    return {"key": key, "value": done["value"]}


# --------------------------------------------------------------------------- accounts


def users_data(db: Connection) -> dict[str, Any]:
    """Every account with its role and whether it is disabled (never a hash), and the roles
    an account may hold."""
    return {"users": all_users(db), "roles": list(ACCOUNT_ROLES)}


def users_page(
    request: Request,
    db: Connection,
    seen: Viewer,
    *,
    error: str = "",
    issued: dict[str, Any] | None = None,
    asked: dict[str, str] | None = None,
) -> HTMLResponse:
    """The accounts page, with a refusal, a new token or the form's last entries if any."""
    data = {**users_data(db), "error": error, "issued": issued,
            "asked": asked or {"name": "", "role": Role.READER.value}}  # fmt: skip
    response = render(request, "users.html", data, seen)
    if error:
        response.status_code = 422
    if issued:
        response.headers.update(NO_STORE)
    return response


def _refusal(error: HTTPException) -> str:
    """The reason of a 422 a page shows; anything else goes on as it was raised."""
    if error.status_code != 422:
        raise error
    return str(error.detail)


@router.get("/api/users", tags=["administration"])
def users_api(db: Db, seen: Seen) -> dict[str, Any]:
    """Every account: id, name, role, disabled (administrators only)."""
    _administrator(seen)
    return users_data(db)


@router.get("/users", response_class=HTMLResponse, include_in_schema=False)
def users_html(request: Request, db: Db, seen: Seen) -> HTMLResponse:
    _administrator(seen)
    return users_page(request, db, seen)


@router.post("/users", include_in_schema=False)
def add_form(
    request: Request,
    db: Db,
    seen: Seen,
    name: Annotated[str, Form(max_length=MAX_NAME)],
    password: Annotated[str, Form(max_length=MAX_PASSWORD)],
    csrf: Csrf,
    role: Annotated[str, Form(max_length=MAX_ROLE)] = Role.READER.value,
    reason: Reason = "",
) -> Response:
    """An account added from the accounts page; then the page, or the page with why not."""
    check_csrf(request, csrf)
    try:
        add_account(request, seen, name, role, password, reason)
    except HTTPException as error:
        asked = {"name": name, "role": role}
        return users_page(request, db, seen, error=_refusal(error), asked=asked)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{name:path}/disable", include_in_schema=False)
def disable_form(
    request: Request, db: Db, seen: Seen, name: AccountName, csrf: Csrf, reason: Reason = ""
) -> Response:
    """An account disabled from the accounts page."""
    check_csrf(request, csrf)
    try:
        disable_account(request, seen, name, reason)
    except HTTPException as error:
        return users_page(request, db, seen, error=_refusal(error))
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{name:path}/token", response_class=HTMLResponse, include_in_schema=False)
def token_form(
    request: Request,
    db: Db,
    seen: Seen,
    name: AccountName,
    csrf: Csrf,
    label: Annotated[str, Form(max_length=MAX_NAME)] = "",
    reason: Reason = "",
) -> Response:
    """A token issued from the accounts page, shown on the page this once."""
    check_csrf(request, csrf)
    try:
        issued = issue_token(request, seen, name, label, reason)
    except HTTPException as error:
        return users_page(request, db, seen, error=_refusal(error))
    return users_page(request, db, seen, issued=issued)


class NewAccount(BaseModel):
    """An account to add."""

    name: str = Field(min_length=1, max_length=MAX_NAME)
    role: str = Field(default=Role.READER.value, max_length=MAX_ROLE,
                      description=f"One of {', '.join(ACCOUNT_ROLES)}")  # fmt: skip
    password: str = Field(max_length=MAX_PASSWORD)
    reason: str = Field(default="", max_length=MAX_REASON)


class Why(BaseModel):
    """Why a change is made, for the journal."""

    reason: str = Field(default="", max_length=MAX_REASON)


class NewToken(Why):
    """A token to issue."""

    label: str = Field(default="", max_length=MAX_NAME, description="What the token is for")


@router.post("/api/users", tags=["administration"], status_code=201)
def add_api(request: Request, seen: Seen, body: NewAccount) -> dict[str, Any]:
    """Add an account (administrators, with a token: Authorization: Bearer TOKEN)."""
    by_token(request, seen, NEEDS_TOKEN)
    return add_account(request, seen, body.name, body.role, body.password, body.reason)


@router.post("/api/users/{name:path}/disable", tags=["administration"])
def disable_api(request: Request, seen: Seen, name: AccountName, body: Why | None = None
                ) -> dict[str, Any]:  # fmt: skip
    """Disable an account and its tokens (administrators, with a token); never one's own."""
    by_token(request, seen, NEEDS_TOKEN)
    return disable_account(request, seen, name, body.reason if body else "")


@router.post("/api/users/{name:path}/token", tags=["administration"], status_code=201)
def token_api(request: Request, seen: Seen, name: AccountName, body: NewToken | None = None
              ) -> Response:  # fmt: skip
    """Issue a token for an account (administrators, with a token); it is in this answer
    only."""
    by_token(request, seen, NEEDS_TOKEN)
    asked = body or NewToken()
    issued = issue_token(request, seen, name, asked.label, asked.reason)
    return JSONResponse(issued, status_code=201, headers=NO_STORE)


# --------------------------------------------------------------------------- settings


def settings_data(db: Connection) -> dict[str, Any]:
    """Each setting with its value ("" while unset) and what it holds."""
    now = current_settings(db)
    return {"settings": [{"key": k, "value": now[k], "description": d}
                         for k, d in SETTINGS.items()]}  # fmt: skip


@router.get("/api/settings", tags=["administration"])
def settings_api(db: Db, seen: Seen) -> dict[str, Any]:
    """The register's settings, with their values (administrators only)."""
    _administrator(seen)
    return settings_data(db)


@router.get("/settings", response_class=HTMLResponse, include_in_schema=False)
def settings_html(request: Request, db: Db, seen: Seen) -> HTMLResponse:
    _administrator(seen)
    return render(request, "settings.html", {**settings_data(db), "error": ""}, seen)


@router.post("/settings", include_in_schema=False)
def set_form(
    request: Request,
    db: Db,
    seen: Seen,
    key: Annotated[str, Form(max_length=MAX_SETTING)],
    value: Annotated[str, Form(max_length=MAX_SETTING)],
    csrf: Csrf,
    reason: Reason = "",
) -> Response:
    """A setting set from the settings page; then the page, or the page with why not."""
    check_csrf(request, csrf)
    try:
        set_setting(request, seen, key, value, reason)
    except HTTPException as error:
        data = {**settings_data(db), "error": _refusal(error)}
        response = render(request, "settings.html", data, seen)
        response.status_code = 422
        return response
    return RedirectResponse("/settings", status_code=303)


class NewSetting(Why):
    """A setting's new value."""

    key: str = Field(max_length=MAX_SETTING, description=f"One of {', '.join(SETTINGS)}")
    value: str = Field(max_length=MAX_SETTING, description="A date, a month or a year")


@router.post("/api/settings", tags=["administration"])
def set_api(request: Request, seen: Seen, body: NewSetting) -> dict[str, Any]:
    """Set one of the register's settings (administrators, with a token)."""
    by_token(request, seen, NEEDS_TOKEN)
    return set_setting(request, seen, body.key, body.value, body.reason)
