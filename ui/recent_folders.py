"""Where file dialogs start: the folder the user last chose in a dialog of the same kind (exported journey files,
imported ones, libraries, posters, pictures), else the last folder chosen in any file dialog, else a fallback (the
home folder, or the open library's folder). Kept in the user settings, so they last across restarts; a folder that is
gone is passed over."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from .user_settings import settings

FolderKind = Literal["export", "import", "library", "poster", "picture", "image"]

SETTINGS_LAST_FOLDER = "lastFolder"
"""The folder last chosen in any file dialog."""


def _key(kind: FolderKind) -> str:
    return f"{kind}/folder"  # "poster/folder" is the poster dialog's own key from before


def start_folder(kind: FolderKind, fallback: Path) -> Path:
    """The folder a `kind` file dialog opens in."""
    stored = settings()
    for key in (_key(kind), SETTINGS_LAST_FOLDER):
        text = str(stored.value(key, "") or "")
        if text not in ("", ".") and Path(text).is_dir():
            return Path(text)
    return fallback


def remember_folder(kind: FolderKind, folder: Path) -> None:
    """The user chose a file in `folder` (or the folder itself) in a `kind` file dialog."""
    stored = settings()
    stored.setValue(_key(kind), str(folder))
    stored.setValue(SETTINGS_LAST_FOLDER, str(folder))
    stored.sync()
