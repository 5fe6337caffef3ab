"""cjmapper's user settings (QSettings in its default format; tests point it at a temporary file) and the
most-recent-first lists kept in them (File › Open Recent, recent team libraries).

The settings are the user's alone. Where they are a file (an INI file on Linux and other Unix systems; not the
Windows registry or macOS's preferences, which keep their own), the file is made 0600 before anything is written to
it, in a cjmapper folder made 0700 (QSettings replaces the file keeping its mode); a file or folder an older cjmapper
left readable by others is tightened when the settings are next opened.

They never hold a secret: a team library is remembered as `str(location)`, which holds none, and a value an older
cjmapper stored with a secret in a team library's URL (`?password=`) is cleaned when the settings are opened (an
address that cannot be read is forgotten).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from cjmapper.errors import CjmapperError
from cjmapper.store.location import is_server_url, parse_server_url

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


_prepared: set[tuple[str, int, int]] = set()
"""The settings files (by name, inode and time written) this program made private and cleaned of secrets already:
once each, as `settings()` is called on every journey switch; a file written or replaced since is seen anew."""


def settings() -> QSettings:
    stored = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "cjmapper", "cjmapper")
    seen = _identity(stored.fileName())
    if seen not in _prepared:
        _make_private(stored)
        _forget_secrets(stored)
        _prepared.add(_identity(stored.fileName()))
    return stored


def _identity(name: str) -> tuple[str, int, int]:
    try:
        st = os.stat(name)
    except OSError:
        return (name, -1, -1)
    return (name, st.st_ino, st.st_mtime_ns)


def recent_list(key: str) -> list[str]:
    """The list stored under `key`, newest first ([] when there is none; QSettings gives one item as a string)."""
    value = settings().value(key, [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def put_first(key: str, entry: str, limit: int) -> None:
    """Put `entry` first in the list under `key` (once), keeping at most `limit` entries."""
    stored = settings()
    stored.setValue(key, [entry, *(e for e in recent_list(key) if e != entry)][:limit])
    stored.sync()


# ---------------------------------------------------------------------- private


def _settings_file(stored: QSettings) -> Path | None:
    """The file QSettings writes, when the settings are a file cjmapper may set the mode of."""
    if stored.format() == QSettings.Format.NativeFormat and sys.platform in ("win32", "darwin"):
        return None  # the registry; macOS's preferences daemon writes its files itself (0600)
    if os.name != "posix":
        return None
    return Path(stored.fileName())


def _make_private(stored: QSettings) -> None:
    """Make the settings file 0600 in a 0700 folder before QSettings writes it (it keeps an existing file's mode)."""
    path = _settings_file(stored)
    if path is None:
        return
    with contextlib.suppress(OSError):  # settings that cannot be written are QSettings' to report, not a crash
        folder = path.parent
        if not folder.is_dir():
            folder.parent.mkdir(parents=True, exist_ok=True)
            folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
        if stat.S_IMODE(folder.stat().st_mode) & 0o077:
            folder.chmod(PRIVATE_FOLDER)  # cjmapper's own folder (QSettings names it after the organization)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        except FileExistsError:
            if stat.S_IMODE(path.stat().st_mode) & 0o077:
                path.chmod(PRIVATE_FILE)


def _forget_secrets(stored: QSettings) -> None:
    """Clean values an older cjmapper stored with a secret in a team library's URL."""
    changed = False
    for key in stored.allKeys():
        value = stored.value(key)
        if isinstance(value, str):
            cleaned: object = _without_secrets(value)
        elif isinstance(value, list):
            cleaned = [c for v in value if (c := _without_secrets(v) if isinstance(v, str) else v) is not None]
        else:
            continue
        if cleaned == value:
            continue
        if cleaned is None:
            stored.remove(key)
        else:
            stored.setValue(key, cleaned)
        changed = True
    if changed:
        stored.sync()


def _without_secrets(text: str) -> str | None:
    """`text` (a remembered address, or `address|journey id`) with a team library's URL in it as `str(location)`;
    None when it holds a team library's URL that cannot be read (and could hold a secret unseen)."""
    if "://" not in text:
        return text
    address, bar, suffix = text.rpartition("|")
    if not (bar and suffix.isdigit()):
        address, bar, suffix = text, "", ""
    if not is_server_url(address):
        return text
    try:
        return f"{parse_server_url(address)}{bar}{suffix}"
    except CjmapperError:
        return None
