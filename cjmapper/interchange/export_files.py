"""Writing an export to its file: as UTF-8, atomically (`file_names.replace_file`), with any failure as one
`InterchangeError` naming the file. Shared by the journey file and the CSV."""

from __future__ import annotations

from pathlib import Path

from cjmapper.errors import InterchangeError
from cjmapper.file_names import replace_file
from cjmapper.messages import say


def _refuse(problem: str, source: str) -> InterchangeError:
    return InterchangeError([problem], source)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """`replace_file`, with OSError as an InterchangeError naming the file."""
    try:
        replace_file(path, data)
    except OSError as error:
        raise _refuse(say("cannot write {0}: {1}", path.name, _reason(error)), path.name) from None


def encode_text(text: str, path: Path) -> bytes:
    """`text` as UTF-8; text that cannot be encoded becomes an InterchangeError naming the file."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise _refuse(
            say("cannot write {0}: the journey holds text that is not valid Unicode", path.name), path.name
        ) from None
