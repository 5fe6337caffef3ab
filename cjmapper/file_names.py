"""File names cjmapper makes: from a journey's title (Export All Journeys, the names the editor suggests) and for
the temporary file an atomic write goes through (`replace_file`, the one atomic write of every export). A name is
one plain name in its folder (no path separator, no control or direction-changing character, no leading dot, no
space at either end) and fits the file system's limit in bytes of UTF-8, cut on a character boundary, never between
a letter and its accents."""

from __future__ import annotations

import os
import secrets
import unicodedata
from pathlib import Path

NAME_MAX = 255
"""The longest file name cjmapper makes, in bytes of UTF-8: the limit of nearly every file system, so a name that
keeps to it can be copied anywhere."""

MAX_TITLE_CHARS = 80
"""At most this many characters of a title go into a file name."""

_MARKS = frozenset(("Mn", "Mc", "Me"))


def name_limit(folder: Path) -> int:
    """The longest name, in bytes, that the file system of `folder` takes (os.pathconf's PC_NAME_MAX, such as 143
    on eCryptfs), at most NAME_MAX; NAME_MAX where the system does not tell."""
    try:
        value = os.pathconf(folder, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):  # Windows has no pathconf; a missing folder; an unknown name
        return NAME_MAX
    return min(value, NAME_MAX) if value > 0 else NAME_MAX


def byte_length(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def cut_to_bytes(text: str, limit: int) -> str:
    """The longest start of `text` that takes at most `limit` bytes of UTF-8 and ends between two user-perceived
    characters (never inside a character, nor between a letter and its accents or an emoji's parts)."""
    if byte_length(text) <= limit:
        return text
    from cjmapper.text import clusters  # only for a name that is too long: it loads the fonts' metrics module

    kept: list[str] = []
    used = 0
    for cluster in clusters(text):
        used += byte_length(cluster)
        if used > limit:
            break
        kept.append(cluster)
    return "".join(kept)


def title_part(title: str, limit: int, max_chars: int = MAX_TITLE_CHARS) -> str:
    """`title` as part of a file name: letters and digits with their accents, spaces, "-" and "_" are kept, any
    other character becomes "_"; no space at either end; at most `max_chars` characters and `limit` bytes. ""
    when nothing is left."""
    kept: list[str] = []
    for char in title:
        if char.isalnum() or char in " -_":
            kept.append(char)
        elif unicodedata.category(char) in _MARKS and kept and (kept[-1].isalnum() or _is_mark(kept[-1])):
            kept.append(char)  # an accent on the letter before it
        else:
            kept.append("_")
    cleaned = "".join(kept).strip()
    cut = cut_to_bytes(cleaned, max(limit, 0))
    if len(cut) > max_chars:
        cut = cut_to_bytes(cut, byte_length(cut[:max_chars]))
    return cut.rstrip()


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in _MARKS


def temporary_sibling(path: Path) -> Path:
    """A new name in `path`'s folder for the temporary file a write of `path` goes through: hidden, random, and
    within the folder's name limit however long `path`'s name is."""
    tail = f".{secrets.token_hex(4)}.tmp"
    room = name_limit(path.parent) - byte_length(tail) - 1
    return path.with_name(f".{cut_to_bytes(path.name, room)}{tail}")


def replace_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and os.replace, so that `path`
    holds either its old content or all of the new. Raises OSError."""
    temporary = temporary_sibling(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temporary, flags, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
