"""Team library benchmarks: the same work on PostgreSQL (on loopback) against a library file in the same run.

The server is found as the tests find it: CJM_TEST_POSTGRES_URL and CJM_TEST_POSTGRES_PASSWORD, else scripts/postgres
(which starts a private server on loopback, installing PostgreSQL first where it can). Each run works in a fresh
schema that it drops afterwards. Without a server the team benchmarks are left out, with a note on stderr.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from benchmarks.store import Result, _median_ms, big_journey
from cjmapper.store import Library
from cjmapper.store.location import ServerLocation, parse_server_url

URL_ENV = "CJM_TEST_POSTGRES_URL"
PASSWORD_ENV = "CJM_TEST_POSTGRES_PASSWORD"
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "postgres"


def find_server() -> tuple[ServerLocation, str] | None:
    """The test server's database (a location without password) and its password, or None when there is none."""
    url, password = os.environ.get(URL_ENV), os.environ.get(PASSWORD_ENV)
    if not (url and password):
        try:
            done = subprocess.run([str(SCRIPT)], capture_output=True, text=True, timeout=600, check=True)
        except (OSError, subprocess.SubprocessError):
            return None
        lines = [line.removeprefix("export ").replace("'", "") for line in done.stdout.splitlines()]
        found = dict(line.split("=", 1) for line in lines if "=" in line)
        url, password = found.get(URL_ENV), found.get(PASSWORD_ENV)
        if not (url and password):
            return None
    return parse_server_url(url), password


@contextlib.contextmanager
def fresh_schema(server: tuple[ServerLocation, str]) -> Iterator[ServerLocation]:
    """A team library's location in a new, empty schema (password included), dropped afterwards."""
    import psycopg
    from psycopg import sql

    location, password = server
    name = f"bench_{secrets.token_hex(6)}"
    with psycopg.connect(str(location), password=password, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
    try:
        yield ServerLocation(location.url.update_query_dict({"options": f"-csearch_path={name}"}), password)
    finally:
        with psycopg.connect(str(location), password=password, autocommit=True) as conn:
            conn.execute("SET lock_timeout = '10s'")
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)))


def bench_team_load(server: tuple[ServerLocation, str], folder: Path, repeat: int = 15) -> Result:
    """Load a 5,000-touchpoint journey into model objects from a team library on loopback, against the same journey
    loaded from a library file: both warm (opened once, as an editor that has shown the journey once)."""
    with fresh_schema(server) as location, Library.open(location) as team, Library.open(folder / "team.cjm") as file:
        team_journey = team.create_journey(big_journey(5000))
        file_journey = file.create_journey(big_journey(5000))
        titles = [t.title for t in team.load_journey(team_journey).ordered_touchpoints()]
        assert titles == [t.title for t in file.load_journey(file_journey).ordered_touchpoints()]
        assert len(titles) == 5000
        rounds = [
            (
                _median_ms(lambda: team.load_journey(team_journey), repeat),
                _median_ms(lambda: file.load_journey(file_journey), repeat),
            )
            for _ in range(3)  # alternating, so a busy moment on the machine hits both
        ]
    measured = min(pg for pg, _ in rounds)
    floor = min(sqlite for _, sqlite in rounds)
    return Result(
        "load 5,000-touchpoint journey from PostgreSQL on loopback (floor: from a file)", measured, floor, 2.0, None
    )


def run_all() -> list[Result]:
    server = find_server()
    if server is None:
        print(
            f"team benchmarks left out: no PostgreSQL server (set {URL_ENV} and {PASSWORD_ENV}, or install PostgreSQL "
            "so scripts/postgres can start one)",
            file=sys.stderr,
        )
        return []
    with tempfile.TemporaryDirectory() as tmp:
        return [bench_team_load(server, Path(tmp))]
