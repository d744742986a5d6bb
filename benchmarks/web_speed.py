"""How fast `rollbook serve` answers with 1,000,000 persons: a bounded load on loopback.

Builds (or reuses, with --keep) a register of the synthetic list of `generate_list.py`
(one person per row, all killed), serves it with `rollbook serve` in its own process, and
sends each kind of request --requests times from --concurrency client threads, as a
logged-in reader's script (a bearer token: the public's searches are rate limited). Each
request is timed from send to the last byte. Prints p50, p95 and the slowest per kind; the
targets are a name search p95 under 50 ms and any page p95 under 150 ms.

    python benchmarks/web_speed.py [--persons 1000000] [--requests 200] [--concurrency 4]
        [--keep DIR] [--postgresql URL]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2 as httpx
from anyascii import anyascii
from sqlalchemy import func, select

from import_speed import ensure_list
from kept import postgresql_register, sqlite_register
from report import at_least, commit, percentile, print_table, shown
from rollbook.ingest.lists import ImportOptions, import_list
from rollbook.store.database import Register
from rollbook.store.schema import persons
from rollbook.store.users import (
    ADD_ACTION,
    TOKEN_ACTION,
    apply_add,
    apply_token,
    hash_password,
    new_token,
)

OUT = Path(__file__).resolve().parent / "out"
SEARCH_TARGET_MS, PAGE_TARGET_MS = 50.0, 150.0
SEED = 2020


def build(csv_path: Path) -> Callable[[Register, Path], None]:
    def run(register: Register, _folder: Path) -> None:
        options = ImportOptions(
            publisher="Ministry of Defence (synthetic)", published=dt.date(2021, 1, 1),
            status="killed", party="Azerbaijan",
        )  # fmt: skip
        started = time.perf_counter()
        report = import_list(register, csv_path, options, actor="benchmark")
        print(f"  imported {report.records:,} records in {time.perf_counter() - started:.1f} s")

    return run


def holds(count: int) -> Callable[[Register], bool]:
    def check(register: Register) -> bool:
        with register.read() as connection:
            return connection.execute(select(func.count()).select_from(persons)).scalar() == count

    return check


def names(csv_path: Path, count: int) -> list[tuple[str, str]]:
    """Surnames and given names of `count` rows spread over the list's first 100,000."""
    rng = random.Random(SEED)
    with csv_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [(r["Soyadı"], r["Adı"]) for _, r in zip(range(100_000), reader, strict=False)]
    return rng.sample(rows, count)


def token_for(register: Register) -> str:
    """A reader's API token, made afresh for this run (as `rollbook user add|token` do)."""
    name = f"bench-{random.randrange(10**9)}"
    added = {"name": name, "role": "reader", "password_hash": hash_password("not-a-secret")}
    with register.write(ADD_ACTION, added, actor="benchmark") as work:
        apply_add(work)
    issued, hashed = new_token()
    with register.write(
        TOKEN_ACTION, {"name": name, "token_hash": hashed}, actor="benchmark"
    ) as work:
        apply_token(work)
    return issued


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve(db: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, "-c", "from rollbook.cli import app; app()", "--db", db,
               "serve", "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/login", timeout=2)
            return server, base
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("BENCHMARK FAILED: the server did not start")


def timed(client: httpx.Client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"BENCHMARK FAILED: {url} answered {response.status_code}")
    return elapsed


def catch_up(client: httpx.Client) -> float:
    """Seconds until the dashboard's estimate is worked out for the register as it is."""
    started = time.perf_counter()
    while client.get("/api/dashboard").json()["behind"]:
        time.sleep(0.1)
    return time.perf_counter() - started


def requests_for(rng: random.Random, people: list[tuple[str, str]], count: int,
                 total: int) -> dict[str, list[str]]:  # fmt: skip
    """`count` URLs of each kind, the searches half in the list's letters, half in ASCII."""

    def query(n: int) -> str:
        surname, given = people[n % len(people)]
        words = surname if n % 3 else f"{surname} {given}"
        return words if n % 2 else anyascii(words)

    return {
        "search (JSON)": [f"/api/persons?q={query(n)}" for n in range(count)],
        "search (page)": [f"/persons?q={query(n)}" for n in range(count)],
        "persons, a page": [f"/persons?page={rng.randrange(1, total // 50)}" for _ in range(count)],
        "a person": [f"/persons/{rng.randrange(1, total + 1)}" for _ in range(count)],
        "dashboard": ["/" for _ in range(count)],
        "the list's rows": [
            f"/sources/1?page={rng.randrange(1, total // 50)}" for _ in range(count)
        ],
        "claims": ["/claims" for _ in range(count)],
        "incidents": ["/incidents" for _ in range(count)],
    }


def measure(db: str, register: Register, people: list[tuple[str, str]], total: int,
            args: argparse.Namespace, title: str) -> None:  # fmt: skip
    token = token_for(register)
    server, base = serve(db)
    try:
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=base, headers=headers, timeout=120) as client:
            first = timed(client, "/")  # the dashboard works out its estimate once per state
            rows: list[Sequence[str]] = [("request", "n", "p50 ms", "p95 ms", "max ms", "target")]
            plan = requests_for(random.Random(SEED), people, args.requests, total)
            for kind, urls in plan.items():
                with ThreadPoolExecutor(args.concurrency) as pool:
                    times = list(pool.map(lambda url: timed(client, url), urls))
                target = SEARCH_TARGET_MS if kind.startswith("search") else PAGE_TARGET_MS
                p95 = percentile(times, 0.95)
                verdict = f"< {target:.0f}: {'met' if p95 < target else 'NOT met'}"
                rows.append((kind, str(len(times)), f"{percentile(times, 0.5):.1f}",
                             f"{p95:.1f}", f"{max(times):.1f}", verdict))  # fmt: skip
            token_for(register)  # a write: the register changes under the running server
            after, caught_up = timed(client, "/"), catch_up(client)
        print_table(title, rows)
        print(f"  the dashboard's first answer after the server starts (its estimate worked"
              f" out): {first:,.0f} ms")  # fmt: skip
        print(f"  its first answer after a write: {after:,.1f} ms, saying its estimate is behind;"
              f" brought up to date in the background in {caught_up:,.1f} s")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=at_least(1000), default=1_000_000)
    parser.add_argument("--requests", type=at_least(10), default=200,
                        help="requests of each kind (default 200)")  # fmt: skip
    parser.add_argument("--concurrency", type=at_least(1), default=4,
                        help="client threads (default 4)")  # fmt: skip
    parser.add_argument("--keep", metavar="DIR", type=Path,
                        help="keep the built registers and reuse them")  # fmt: skip
    parser.add_argument("--postgresql", metavar="URL", help="also run on this PostgreSQL server")
    args = parser.parse_args(argv)
    print(f"Rollbook {commit()}: the web with {args.persons:,} persons, "
          f"{args.requests} requests of each kind, {args.concurrency} at a time")  # fmt: skip
    OUT.mkdir(exist_ok=True)
    csv_path, _ = ensure_list(OUT, args.persons)
    people = names(csv_path, 500)
    stem = f"web-{args.persons}"
    with sqlite_register(stem, args.keep, build(csv_path), holds(args.persons)) as (register, db):
        measure(db, register, people, args.persons, args, "SQLite")
    if args.postgresql:
        with postgresql_register(
            args.postgresql, stem, args.keep, build(csv_path), holds(args.persons)
        ) as (register, url):
            measure(url, register, people, args.persons, args, f"PostgreSQL ({shown(url)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
