"""cjmapper's user settings (QSettings in its default format; tests point it at a temporary file) and the
most-recent-first lists kept in them (File › Open Recent, recent team libraries)."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def settings() -> QSettings:
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "cjmapper", "cjmapper")


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
