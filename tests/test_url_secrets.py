"""Secrets in a team library's URL and malformed URLs (issue 12, item 5 and its "Also").

A password (or another secret libpq parameter) given in the URL, as `user:password@` or as `?password=`, is used to
connect and never appears in the location's URL, its text, messages, titles, the status bar, recent lists or the
settings file; the settings file is written 0600. A malformed URL (a port that is no number, a bad percent code, an
unknown or repeated parameter...) is one clear line, on the command line, through `Library` and in the window's
Open Team Library dialog."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from pytestqt.qtbot import QtBot

from cjmapper.errors import LibraryError
from cjmapper.store import Library
from cjmapper.store.location import (
    LIBPQ_PARAMETERS,
    SECRET_PARAMETERS,
    ServerLocation,
    parse_location,
    parse_server_url,
)
from cjmapper.store.postgres import connect_arguments
from tests.store_helpers import sample_journey
from ui import app as ui_app
from ui.dialogs import team
from ui.user_settings import put_first, recent_list, settings
from ui.window.library_files import SETTINGS_RECENT, recent_libraries
from ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SSL_SECRET = "Ssl-Key-Secret-42"
WRONG = "Wr0ng-Secret-77"


@pytest.fixture
def password(postgres_server: tuple[ServerLocation, str], monkeypatch: pytest.MonkeyPatch) -> str:
    """The server's password, which only the URL gives: no PGPASSWORD, no ~/.pgpass."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert not (Path.home() / ".pgpass").exists()
    return postgres_server[1]


@pytest.fixture
def seeded(team_location: ServerLocation) -> ServerLocation:
    with Library.open(team_location) as lib:
        lib.create_journey(sample_journey("Shared journey"))
    return team_location


def with_query(location: ServerLocation, query: str) -> str:
    """The location's URL (which has a query: the test schema's search_path) with `query` added."""
    text = str(location)
    assert "?" in text
    return f"{text}&{query}"


def assert_no_secret(text: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in text
        assert quote(secret, safe="") not in text


def settings_file() -> Path:
    stored = settings()
    stored.sync()
    return Path(stored.fileName())


def settings_text() -> str:
    path = settings_file()
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


# ---------------------------------------------------------------------- the location itself


def test_libpq_parameter_lists_match_the_libpq_in_use() -> None:
    """The parameters known here are those the driver's libpq knows, and every one libpq itself treats as a
    password (shown as "*") is among the secrets."""
    from psycopg import pq

    defaults = pq.Conninfo.get_defaults()
    known = {o.keyword.decode() for o in defaults}
    hidden = {o.keyword.decode() for o in defaults if o.dispchar == b"*"}
    assert known == LIBPQ_PARAMETERS
    assert hidden <= SECRET_PARAMETERS
    assert {"password", "sslpassword"} <= hidden
    assert SECRET_PARAMETERS <= LIBPQ_PARAMETERS


@pytest.mark.parametrize(
    "address",
    [
        "postgresql://anna@db.example.com/journeys?password=Top-Secret-1&sslmode=require",
        "postgresql://anna@db.example.com/journeys?sslmode=require&password=Top-Secret-1",
        "postgresql://anna:Top-Secret-1@db.example.com/journeys?sslmode=require",
        "postgres://anna@db.example.com/journeys?sslmode=require&password=Top%2DSecret%2D1",
    ],
)
def test_a_password_in_the_url_is_kept_apart(address: str) -> None:
    location = parse_location(address)
    assert isinstance(location, ServerLocation)
    assert location.password == "Top-Secret-1"
    for shown in (str(location), repr(location), location.url.render_as_string(hide_password=False), location.name):
        assert_no_secret(shown, "Top-Secret-1")
    assert "password" not in location.url.query
    assert str(location) == "postgresql://anna@db.example.com/journeys?sslmode=require"
    assert parse_server_url(str(location)) == location  # what is remembered opens the same library
    assert connect_arguments(location)["password"] == "Top-Secret-1"  # ...and is handed to the driver


@pytest.mark.parametrize("key", sorted(SECRET_PARAMETERS - {"password"}))
def test_every_secret_parameter_is_kept_apart(key: str) -> None:
    location = parse_server_url(f"postgresql://anna@db.example.com/journeys?{key}={SSL_SECRET}&sslmode=require")
    for shown in (str(location), repr(location), location.url.render_as_string(hide_password=False), location.name):
        assert_no_secret(shown, SSL_SECRET)
    assert key not in location.url.query
    assert location.password is None
    assert connect_arguments(location)[key] == SSL_SECRET
    assert connect_arguments(location.with_password("typed"))[key] == SSL_SECRET  # a typed password keeps it


def test_a_password_is_taken_as_libpq_reads_it() -> None:
    """libpq decodes %XX only: a + stays a +."""
    assert parse_server_url("postgresql://a@h/db?password=a+b%20c%26d").password == "a+b c&d"
    assert parse_server_url("postgresql://a:a+b%40c@h/db").password == "a+b@c"
    location = parse_server_url("postgresql://a@h/db?options=-c%20search_path%3Dx&application_name=a+b")
    assert location.url.query["options"] == "-c search_path=x"
    assert location.url.query["application_name"] == "a+b"
    assert parse_server_url(str(location)) == location
    assert parse_server_url("postgresql://a@h/db?ssl=true").url.query["sslmode"] == "require"  # libpq's alias


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("postgresql://a@h/db?PASSWORD=Top-Secret-1", "“PASSWORD” must be written in lower case: password"),
        ("postgresql://a@h/db?Password=Top-Secret-1", "“Password” must be written in lower case: password"),
        ("postgresql://a@h/db?SslPassword=Top-Secret-1", "lower case: sslpassword"),
        ("postgresql://a@h/db?password=Top-Secret-1&password=Top-Secret-1", "gives “password” more than once"),
        ("postgresql://a@h/db?sslpassword=Top-Secret-1&sslpassword=x", "gives “sslpassword” more than once"),
        ("postgresql://a:Top-Secret-1@h/db?password=Top-Secret-1", "gives the password twice"),
        ("postgresql://a@h/db?password%3ATop-Secret-1", "without “=”"),
        ("postgresql://a@h/db?pass:Top-Secret-1=x", "libpq does not know"),
        ("postgresql://a@h/db?password=Top-Secret-1%", "%"),
        ("postgresql://a@h/db?password=Top-Secret-1&port=abc", "port"),
    ],
)
def test_a_secret_in_a_refused_url_is_never_in_the_message(address: str, expected: str) -> None:
    with pytest.raises(LibraryError) as refused:
        parse_location(address)
    message = str(refused.value)
    assert expected in message
    assert_no_secret(message, "Top-Secret-1")
    assert "\n" not in message


MALFORMED = [
    ("postgresql://a@h/db?port=abc", "The address's port must be a number from 1 to 65535"),
    ("postgresql://a@h/db?port=99999", "The address's port must be a number from 1 to 65535"),
    ("postgresql://a@h:0/db", "The address's port must be a number from 1 to 65535"),
    ("postgresql://a@/db?host=x,y&port=1,2,3", "names 2 hosts but 3 ports"),
    ("postgresql://a@h/db?port=1,2", "names 1 host but 2 ports"),
    ("postgresql://a@h:5432/db?port=5433", "gives the port twice"),
    ("postgresql://a@h/db?host=x", "gives the host twice"),
    ("postgresql://a@h/db?user=b", "gives the user twice"),
    ("postgresql://a@h/db?dbname=x", "gives the database twice"),
    ("postgresql://a@h/db?connect_timeout=abc", "“connect_timeout” must be a whole number"),
    ("postgresql://a@h/db?keepalives_idle=1.5", "“keepalives_idle” must be a whole number"),
    ("postgresql://a@h/db?bogus=1", "has a setting libpq does not know: “bogus”"),
    ("postgresql://a@h/db?sslmode", "has “sslmode” without a value"),
    ("postgresql://a@h/db?=x", "has a setting without a name"),
    ("postgresql://a@h/db?sslmode=a&sslmode=b", "gives “sslmode” more than once"),
    ("postgresql://a@h/db?options=%zz", "“%” that is not followed by two hexadecimal digits"),
    ("postgresql://a%G1@h/db", "“%” that is not followed by two hexadecimal digits"),
    ("postgresql://a@h/db?options=%00", "cannot hold a NUL character"),
    ("postgresql://a@h/db?options=%FF", "is not UTF-8 text"),
    ("postgresql+asyncpg://a@h/db", "starts with postgresql:// or postgres://"),
    ("postgresql+psycopg://a@h/db", "starts with postgresql:// or postgres://"),
    ("POSTGRESQL://a@h/db", "starts with postgresql:// or postgres://"),
    ("postgresql://a@h:port/db", "That is not a PostgreSQL address"),
    ("postgresql://a@[::1/db", "That is not a PostgreSQL address"),
]


@pytest.mark.parametrize(("address", "expected"), MALFORMED)
def test_a_malformed_url_is_one_clear_line(address: str, expected: str) -> None:
    with pytest.raises(LibraryError) as refused:
        Library.open(address)
    message = str(refused.value)
    assert expected in message
    assert "\n" not in message
    assert "unexpected" not in message


def test_a_valid_url_still_parses() -> None:
    for address in (
        "postgresql://",
        "postgresql:///journeys",
        "postgresql://anna@/journeys?host=/var/run/postgresql",
        "postgresql://anna@db/journeys?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem&connect_timeout=5",
        "postgresql:///journeys?host=a,b&port=5432,5433&target_session_attrs=read-write",
        "postgresql:///journeys?host=a,b&port=5432",
        "postgresql://[::1]:5432/journeys",
        "postgresql://anna@db/journeys?options=-c%20search_path%3Dx%2Cpublic",
    ):
        location = parse_server_url(address)
        assert parse_server_url(str(location)) == location


# ---------------------------------------------------------------------- Library on the test server


def test_library_opens_with_a_password_in_the_query_and_never_keeps_it(seeded: ServerLocation, password: str) -> None:
    address = with_query(seeded, f"password={quote(password, safe='')}")
    with Library.open(address) as lib:
        assert [j.title for j in lib.list_journeys()] == ["Shared journey"]
        location = lib.location
        assert isinstance(location, ServerLocation)
        for shown in (str(location), repr(location), location.url.render_as_string(hide_password=False), lib.name):
            assert_no_secret(shown, password)
        assert str(location) == str(seeded)
    with pytest.raises(LibraryError) as refused:
        Library.open(with_query(seeded, f"password={WRONG}"))
    assert "refused the user name or password" in str(refused.value)
    assert_no_secret(str(refused.value), WRONG)


def test_library_hands_sslpassword_on_and_keeps_it_apart(seeded: ServerLocation, password: str) -> None:
    """sslpassword only unlocks an encrypted client key (none here): the connection works, the location and the
    library never show it."""
    address = with_query(seeded, f"sslpassword={SSL_SECRET}&password={quote(password, safe='')}")
    with Library.open(address) as lib:
        assert str(lib.location) == str(seeded)
        assert_no_secret(repr(lib.location) + str(lib.location) + lib.name, SSL_SECRET, password)


@pytest.mark.parametrize(
    ("query", "setting", "value"),
    [
        ("sslmode=bogus", "sslmode", "bogus"),  # was "Cannot make a secure connection"
        ("gssencmode=bogus", "gssencmode", "bogus"),
        ("ssl_min_protocol_version=x", "ssl_min_protocol_version", "x"),
        ("client_encoding=xx", "client_encoding", "xx"),  # refused by the server itself
    ],
)
def test_a_value_libpq_refuses_is_one_clear_line(
    seeded: ServerLocation, password: str, query: str, setting: str, value: str
) -> None:
    with pytest.raises(LibraryError) as refused:
        Library.open(with_query(seeded, f"{query}&password={quote(password, safe='')}"))
    assert str(refused.value) == f"The address's setting “{setting}” cannot be “{value}”; check the address."


# ---------------------------------------------------------------------- the command line


def cli(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PGPASSWORD", "CJMAPPER_LIBRARY", "CJMAPPER_DEBUG")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *argv],
        capture_output=True, text=True, check=False, timeout=120, cwd=ROOT, env=env,
    )  # fmt: skip


def test_cli_connects_with_a_password_in_the_query_and_never_prints_it(seeded: ServerLocation, password: str) -> None:
    good = with_query(seeded, f"password={quote(password, safe='')}&sslpassword={SSL_SECRET}")
    listed = cli("--library", good, "list")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert "\tShared journey\t" in listed.stdout
    made = cli("--library", good, "new", "--template", "five-phase", "--title", "Via the URL")
    assert (made.returncode, made.stderr) == (0, "")
    copied = cli("--library", good, "copy", made.stdout.strip(), "--to", good)
    assert copied.returncode == 1
    wrong = cli("--library", with_query(seeded, f"password={WRONG}"), "list")
    assert wrong.returncode == 1
    assert wrong.stderr.count("\n") == 1
    assert wrong.stderr.startswith("cjmapper: error: The server 127.0.0.1 refused the user name or password")
    for run in (listed, made, copied, wrong):
        assert_no_secret(run.stdout + run.stderr, password, SSL_SECRET, WRONG)
    with Library.open(seeded.with_password(password)) as lib:
        assert sorted(j.title for j in lib.list_journeys()) == ["Shared journey", "Via the URL"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("port=abc", "The address's port must be a number from 1 to 65535"),
        ("PASSWORD=Top-Secret-1", "“PASSWORD” must be written in lower case: password"),
        ("password=Top-Secret-1&password=Top-Secret-1", "gives “password” more than once"),
        ("options=%zz", "not followed by two hexadecimal digits"),
    ],
)
def test_cli_malformed_url_is_one_line_and_exit_2(query: str, expected: str) -> None:
    done = cli("--library", f"postgresql://a@127.0.0.1/db?{query}", "list")
    assert done.returncode == 2  # as for any --library that names no library
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("cjmapper: error: argument --library: ")
    assert expected in last
    assert "unexpected" not in done.stderr
    assert "Traceback" not in done.stderr
    assert_no_secret(done.stdout + done.stderr, "Top-Secret-1")


def test_cli_malformed_url_in_the_environment_is_one_line() -> None:
    env_run = subprocess.run(
        [sys.executable, "-m", "cjmapper", "list"],
        capture_output=True, text=True, check=False, timeout=120, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "CJMAPPER_LIBRARY": "postgresql://a@h/db?port=abc&password=Env-Secret-5"},
    )  # fmt: skip
    assert env_run.returncode == 1  # as for any CJMAPPER_LIBRARY that names no library
    assert env_run.stderr.strip().splitlines()[-1].startswith("cjmapper: error: ")
    assert "port must be a number" in env_run.stderr
    assert "Traceback" not in env_run.stderr
    assert "unexpected" not in env_run.stderr
    assert "Env-Secret-5" not in env_run.stderr


# ---------------------------------------------------------------------- settings files


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_settings_file_is_written_0600_in_a_private_folder() -> None:
    put_first("recentLibraries", "/home/me/library.cjm", 8)
    path = settings_file()
    assert path.exists()
    assert "library.cjm" in path.read_text(encoding="utf-8")
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700  # cjmapper's own folder, made by it


def test_an_older_settings_file_is_tightened_and_its_secrets_forgotten() -> None:
    """A settings file an older cjmapper wrote 0644, with a password in its recent lists, in a 0755 folder."""
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.parent.chmod(0o755)
    path.write_text(
        "[General]\n"
        "recentLibraries=postgresql://a@h/db?password=Old-Secret-9&sslmode=require, /home/me/lib.cjm\n"
        "recentTeamLibraries=postgresql://a@h/db?password=Old-Secret-9&sslmode=require, "
        "postgresql://a@h/db?PASSWORD=Old-Secret-9\n"
        "lastJourney=postgresql://a@h/db?password=Old-Secret-9&sslmode=require|3\n",
        encoding="utf-8",
    )
    path.chmod(0o644)
    assert recent_list(SETTINGS_RECENT) == ["postgresql://a@h/db?sslmode=require", "/home/me/lib.cjm"]
    assert team.recent_team_libraries() == ["postgresql://a@h/db?sslmode=require"]
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert_no_secret(settings_text(), "Old-Secret-9")
    assert "/home/me/lib.cjm" in settings_text()
    assert settings().value("lastJourney") == "postgresql://a@h/db?sslmode=require|3"


# ---------------------------------------------------------------------- the window


def dialog_outcome(qtbot: QtBot, dialog: team.TeamLibraryDialog, address: str) -> str:
    dialog.address.setText(address)
    dialog.open_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    return dialog.error()


def test_open_team_library_with_a_password_in_the_url_keeps_it_nowhere(
    qtbot: QtBot, seeded: ServerLocation, password: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = with_query(seeded, f"password={quote(password, safe='')}&sslpassword={SSL_SECRET}")
    outcomes: list[str] = []

    def run(dialog: team.TeamLibraryDialog) -> int:
        outcomes.append(dialog_outcome(qtbot, dialog, address))
        return dialog.result()

    monkeypatch.setattr(team.TeamLibraryDialog, "exec", run)
    window: MainWindow = ui_app.create_window(Library.open(tmp_path / "local.cjm"))
    qtbot.addWidget(window)
    window.show()
    try:
        window.open_team_action.trigger()  # File › Open Team Library…, no password prompt: the URL has it
        assert outcomes == [""]
        assert window.library.is_team
        window.open_journey(window.library.find_journey("Shared journey"))
        shown = [
            window.windowTitle(),
            window.statusBar().currentMessage(),
            window.status_library.text(),
            str(window.library.location),
            *(a.text() + a.toolTip() for a in window.recent_menu.actions()),
            *recent_libraries(),
            *team.recent_team_libraries(),
        ]
        assert_no_secret("\n".join(shown), password, SSL_SECRET)
        assert recent_libraries()[0] == str(seeded)
        assert team.recent_team_libraries() == [str(seeded)]
    finally:
        window.close()
        window.library.close()
    text = settings_text()
    assert "recentTeamLibraries" in text
    assert_no_secret(text, password, SSL_SECRET)
    assert mode(settings_file()) == 0o600
    later = team.TeamLibraryDialog()  # the next dialog offers the address without the secrets
    qtbot.addWidget(later)
    assert later.address.text() == str(seeded)
    later.deleteLater()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("port=abc", "The address's port must be a number from 1 to 65535."),
        ("PASSWORD=Top-Secret-1", "lower case: password"),
        ("bogus=1", "libpq does not know: “bogus”"),
    ],
)
def test_the_dialog_shows_a_malformed_url_as_one_line(
    qtbot: QtBot, query: str, expected: str, capfd: pytest.CaptureFixture[str]
) -> None:
    dialog = team.TeamLibraryDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    error = dialog_outcome(qtbot, dialog, f"postgresql://a@127.0.0.1/db?{query}")
    assert expected in error
    assert "\n" not in error
    assert "could not be opened" not in error
    assert dialog.library is None
    assert_no_secret(error, "Top-Secret-1")
    assert "Traceback" not in capfd.readouterr().err
    assert team.recent_team_libraries() == []
    dialog.deleteLater()
