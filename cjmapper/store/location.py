"""Where a library lives: a SQLite file on this computer, or a team library on a PostgreSQL server.

A team library is named by a libpq URL (`postgresql://user@host:5432/dbname?sslmode=require`, any libpq
parameter), read by libpq's own rules: the query is `key=value` pairs joined by `&`, `%XX` codes are decoded and
nothing else (a `+` stays a `+`). A URL libpq would refuse is refused here, with one sentence: a bad `%` code, a
setting libpq does not know or without a value, one given twice, a port or a timeout that is no number.

Secrets written into the URL (`user:password@`, or `?password=` and the other `SECRET_PARAMETERS`) are taken out
at once: they are handed to the driver and nothing else, never shown, logged or stored; `ServerLocation.url` and
`str()` never hold them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from cjmapper.errors import LibraryError
from cjmapper.messages import say

SCHEMES = ("postgresql", "postgres")
"""URL schemes that name a team library (libpq accepts these two, in lower case)."""
DRIVER = "postgresql+psycopg"

LIBPQ_PARAMETERS = frozenset(
    {
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "require_auth", "channel_binding",
        "connect_timeout", "client_encoding", "options", "application_name", "fallback_application_name",
        "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout",
        "replication", "gssencmode", "sslmode", "sslnegotiation", "sslcompression", "sslcert", "sslkey",
        "sslkeylogfile", "sslpassword", "sslcertmode", "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer",
        "ssl_min_protocol_version", "ssl_max_protocol_version", "min_protocol_version", "max_protocol_version",
        "krbsrvname", "gsslib", "gssdelegation", "service", "target_session_attrs", "load_balance_hosts",
        "scram_client_key", "scram_server_key", "oauth_issuer", "oauth_client_id", "oauth_client_secret",
        "oauth_scope",
    }
)  # fmt: skip
"""libpq's connection parameters (PostgreSQL 18's "Parameter Key Words"; a test checks that they are exactly those the
driver's libpq knows). Any other name is refused, as libpq refuses it."""

SECRET_PARAMETERS = frozenset(
    {"password", "sslpassword", "oauth_client_secret", "scram_client_key", "scram_server_key"}
)
"""The libpq parameters whose value is a secret, kept out of the URL like a password:

- `password`, `sslpassword` (unlocks the client's key) and `oauth_client_secret`: libpq itself marks them as
  passwords, never to be shown (`PQconndefaults` gives them the display character "*"; a test checks this list holds
  every one so marked);
- `scram_client_key`, `scram_server_key`: the SCRAM keys derived from a password; whoever has them logs in as the
  user (libpq marks them "debug", not "*", but they are as good as the password).

Not secrets: `passfile`, `sslkey`, `sslcert`, `sslrootcert`, `sslcrl`, `sslcrldir` and `sslkeylogfile` are paths
(the files hold secrets; their names do not, and cjmapper never reads them), `requirepeer` is a user name,
`service` a section name in the connection service file, `oauth_client_id` a public identifier."""

NUMBER_PARAMETERS = frozenset(
    {"connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout"}
)
"""libpq parameters that take a whole number (the port is checked on its own)."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")
"""What a parameter name looks like; only such a name is ever repeated in a message (a stray secret is not)."""
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_NOT_AN_ADDRESS = "That is not a PostgreSQL address; write it as postgresql://user@host:5432/database."
_URL_SAFE = "-._~/,:"
"""Characters a value keeps as they are when a URL is written out (libpq reads them so)."""


@dataclass(frozen=True, slots=True)
class ServerLocation:
    """A team library: a database on a PostgreSQL server."""

    url: URL
    """The SQLAlchemy URL, always without a password or any other secret parameter."""
    password: str | None = field(default=None, repr=False, compare=False)
    """A password given in the URL or typed at a prompt; only ever handed to the driver."""
    secrets: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)
    """The other secret parameters given in the URL (`SECRET_PARAMETERS`); only ever handed to the driver."""

    def __post_init__(self) -> None:
        hidden = sorted(SECRET_PARAMETERS & set(self.url.query))
        if self.url.password is not None or hidden:
            raise ValueError("a ServerLocation's url holds no secret; give it as password or secrets")

    @property
    def host(self) -> str:
        return self.url.host or str(self.url.query.get("host") or "localhost")

    @property
    def database(self) -> str:
        return self.url.database or str(self.url.query.get("dbname") or "") or self.url.username or "postgres"

    @property
    def name(self) -> str:
        """How messages name the library: `dbname on host`."""
        return f"{self.database} on {self.host}"

    def with_password(self, password: str | None) -> ServerLocation:
        return ServerLocation(self.url, password, self.secrets)

    def connect_secrets(self) -> dict[str, str]:
        """The secret libpq parameters to hand to the driver (the password and the others given)."""
        given = dict(self.secrets)
        if self.password is not None:
            given["password"] = self.password
        return given

    def __str__(self) -> str:
        """The URL as the user writes it (libpq form), without any secret: safe to show and to remember."""
        base = self.url.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
        pairs = [
            f"{quote(key, safe='')}={quote(value, safe=_URL_SAFE)}"
            for key, values in self.url.query.items()
            for value in ((values,) if isinstance(values, str) else values)
        ]
        return f"{base}?{'&'.join(pairs)}" if pairs else base


def is_server_url(text: str) -> bool:
    """True when `text` names a team library rather than a file."""
    scheme, sep, _ = text.strip().partition("://")
    return bool(sep) and scheme.lower().split("+")[0] in SCHEMES


def parse_server_url(text: str) -> ServerLocation:
    """A team library's location from a libpq URL; its secrets are kept apart from the URL. Raises LibraryError
    (one sentence, never holding a secret) when libpq would not accept the URL."""
    text = text.strip()
    scheme, _, rest = text.partition("://")
    if scheme not in SCHEMES:
        raise LibraryError(say("A team library's address starts with postgresql:// or postgres://."))
    if _BAD_PERCENT.search(text):
        raise LibraryError(
            say("The address has a “%” that is not followed by two hexadecimal digits; write a % sign as %25.")
        )
    # The query starts at the first "?" after the user name and password (libpq allows a "?" in a password).
    at = re.match(r"[^@/]*@", rest)
    start = len(scheme) + 3 + (at.end() if at else 0)
    end = text.find("?", start)
    head, query_text = (text, None) if end < 0 else (text[:end], text[end + 1 :])
    _check_text(head)
    query = {} if query_text is None else _parse_query(query_text)
    try:
        url = make_url(head)
        port = url.port  # a port that is not a number fails here, not when connecting
    except (ArgumentError, ValueError):
        raise LibraryError(say(_NOT_AN_ADDRESS)) from None
    if url.query:  # make_url found a query libpq does not see as one
        raise LibraryError(say(_NOT_AN_ADDRESS))
    password = url.password
    for key, part, given in (
        ("host", "host", url.host),
        ("port", "port", port),
        ("user", "user", url.username),
        ("dbname", "database", url.database),
        ("password", "password", password),
    ):
        if key in query and given not in (None, ""):
            raise LibraryError(say("The address gives the {0} twice (before the ? and after it); give it once.", part))
    if "password" in query:
        password = query.pop("password")
    secrets = tuple((key, query.pop(key)) for key in sorted(SECRET_PARAMETERS & set(query)))
    _check_numbers(query, port)
    url = URL.create(DRIVER, url.username, None, url.host, port, url.database, query)
    return ServerLocation(url, None if password is None else str(password), secrets)


def _check_text(text: str) -> None:
    """Refuse what no part of a URL may hold after decoding: a NUL character, bytes that are no UTF-8."""
    try:
        decoded = unquote_to_bytes(text).decode("utf-8")
    except UnicodeDecodeError:
        raise LibraryError(say("The address has a %XX code that is not UTF-8 text.")) from None
    if "\x00" in decoded:
        raise LibraryError(say("The address cannot hold a NUL character (%00)."))


def _decoded(text: str) -> str:
    _check_text(text)
    return unquote_to_bytes(text).decode("utf-8")


def _shown(name: str) -> str:
    """A parameter name as a message may repeat it: only one that looks like a name (never a stray secret)."""
    return f": “{name}”" if _NAME.fullmatch(name) else ""


def _parse_query(text: str) -> dict[str, str]:
    """The settings after the ?, by libpq's rules (`key=value` joined by `&`, %XX decoded, nothing else)."""
    query: dict[str, str] = {}
    for pair in text.split("&"):
        if not pair:
            continue
        raw_key, sep, raw_value = pair.partition("=")
        key = _decoded(raw_key)
        if not sep:
            if _NAME.fullmatch(key):
                raise LibraryError(say("The address has “{0}” without a value; write {1}=value after the ?.", key, key))
            raise LibraryError(say("The address has a setting without “=” after the ?; write each as name=value."))
        if not key:
            raise LibraryError(say("The address has a setting without a name after the ?; write each as name=value."))
        if key == "ssl" and raw_value == "true":  # libpq takes this JDBC spelling too
            key, raw_value = "sslmode", "require"
        if key not in LIBPQ_PARAMETERS:
            if key.lower() in LIBPQ_PARAMETERS:
                raise LibraryError(
                    say("The address's setting “{0}” must be written in lower case: {1}.", key, key.lower())
                )
            raise LibraryError(say("The address has a setting libpq does not know{0}.", _shown(key)))
        if key in query:
            raise LibraryError(say("The address gives “{0}” more than once; give each setting once.", key))
        query[key] = _decoded(raw_value)
    return query


def _check_numbers(query: Mapping[str, str], port: int | None) -> None:
    """Refuse a port or a timeout that is no number, and more ports than hosts (as libpq would, when connecting)."""
    for key in sorted(NUMBER_PARAMETERS & set(query)):
        if not re.fullmatch(r"\s*[0-9]{1,9}\s*", query[key]):
            raise LibraryError(say("The address's “{0}” must be a whole number.", key))
    ports = query["port"].split(",") if "port" in query else [] if port is None else [str(port)]
    for given in ports:
        if given.strip() and not (given.strip().isascii() and given.strip().isdigit() and 0 < int(given) < 65536):
            raise LibraryError(say("The address's port must be a number from 1 to 65535."))
    hosts = len(query["host"].split(",")) if "host" in query else 1
    if len(ports) > 1 and len(ports) != hosts:
        if hosts == 1:
            raise LibraryError(
                say("The address names {0} host but {1} ports; give one port, or one for each host.", 1, len(ports))
            )
        raise LibraryError(
            say("The address names {0} hosts but {1} ports; give one port, or one for each host.", hosts, len(ports))
        )


Location = Path | ServerLocation


def parse_location(text: str | Path) -> Location:
    """A file path or a team library URL, from what the user gave (`--library`, a dialog, settings)."""
    if isinstance(text, Path):
        return text.expanduser().absolute()
    if is_server_url(text):
        return parse_server_url(text)
    return Path(text).expanduser().absolute()
