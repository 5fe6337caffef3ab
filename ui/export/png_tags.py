"""A PNG picture's colour space and text, set in the bytes Qt wrote: an sRGB chunk (with the gAMA and cHRM values
the PNG specification gives for it, for readers that know no sRGB), so the colours are defined; the title and the
description as iTXt chunks in UTF-8 with a real language tag (the journey's, "nl"; Qt writes "UTF-8" there) and the
program as a tEXt chunk. Qt's own text and colour chunks are dropped; everything else is kept byte for byte."""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_DROPPED = frozenset({b"tEXt", b"zTXt", b"iTXt", b"sRGB", b"gAMA", b"cHRM", b"iCCP", b"sBIT"})
_PERCEPTUAL = 0
"""The sRGB rendering intent for pictures (photographs and drawings alike)."""
_GAMMA = 45455
"""The gAMA value for sRGB (1/2.2 times 100,000)."""
_CHROMATICITIES = (31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000)
"""The cHRM values for sRGB: white point, red, green and blue (x, y times 100,000)."""
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?")
"""A BCP 47 language tag of a language, with a script and a region if any ("nl", "nl-BE", "sr-Latn-RS")."""
_COMPRESS_FROM = 1024
"""iTXt text of this many bytes or more is compressed."""


def chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data and CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _spans(png: bytes) -> Iterator[tuple[bytes, int, int]]:
    """The type of each chunk of a PNG and where the whole chunk (length to CRC) lies. Raises ValueError for bytes that
    are no whole PNG."""
    if not png.startswith(SIGNATURE):
        raise ValueError("not a PNG")
    at = len(SIGNATURE)
    while at < len(png):
        if at + 12 > len(png):
            raise ValueError("a PNG chunk is cut short")
        (length,) = struct.unpack(">I", png[at : at + 4])
        end = at + 12 + length
        if end > len(png):
            raise ValueError("a PNG chunk is cut short")
        yield png[at + 4 : at + 8], at, end
        at = end


def international_text(keyword: str, text: str, language: str) -> bytes:
    """An iTXt chunk: `text` in UTF-8 under `keyword` (Latin-1, 1-79 characters) with the language tag `language`
    (a BCP 47 tag such as "nl"; one that is not is left out, as the format allows)."""
    name = keyword.encode("latin-1")
    if not 1 <= len(name) <= 79:
        raise ValueError(f"a PNG text keyword has 1 to 79 characters: {keyword!r}")
    tag = language.encode("ascii") if _LANGUAGE_TAG.fullmatch(language) else b""
    encoded = text.encode("utf-8")
    compressed = len(encoded) >= _COMPRESS_FROM
    body = zlib.compress(encoded) if compressed else encoded
    return chunk(b"iTXt", name + b"\0" + bytes([int(compressed), 0]) + tag + b"\0" + b"\0" + body)


def tagged(png: bytes, texts: list[tuple[str, str, str]], software: str) -> bytes:
    """`png` tagged sRGB, with `texts` ((keyword, text, language tag) each) as iTXt chunks and `software` as a tEXt
    chunk, all right after the header (before the picture data)."""
    tags = (
        chunk(b"sRGB", bytes([_PERCEPTUAL]))
        + chunk(b"gAMA", struct.pack(">I", _GAMMA))
        + chunk(b"cHRM", struct.pack(">8I", *_CHROMATICITIES))
        + b"".join(international_text(keyword, text, language) for keyword, text, language in texts if text)
        + chunk(b"tEXt", b"Software\0" + software.encode("latin-1", "replace"))
    )
    out: list[bytes | memoryview] = [SIGNATURE]
    view = memoryview(png)
    for kind, start, end in _spans(png):
        if kind in _DROPPED:
            continue
        out.append(view[start:end])  # as Qt wrote it (its CRC too): the picture data is not copied twice
        if kind == b"IHDR":
            out.append(tags)
    return b"".join(out)
