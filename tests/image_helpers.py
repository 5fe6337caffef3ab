"""Pictures for the image tests, made here with Pillow: plain ones, a bomb, a turned photo, impostors."""

from __future__ import annotations

import io
import random
import struct
import zlib

from PIL import Image


def png(width: int = 40, height: int = 30, colour: tuple[int, ...] = (200, 30, 30), mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), colour).save(out, "PNG")
    return out.getvalue()


def jpeg(width: int = 40, height: int = 30, colour: tuple[int, int, int] = (30, 90, 200), **save: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG", **save)
    return out.getvalue()


def noisy_jpeg(width: int, height: int, seed: int = 7) -> bytes:
    """A photo-like JPEG that does not compress well (random noise), at the best quality."""
    rng = random.Random(seed)
    picture = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=98)
    return out.getvalue()


def turned_jpeg(width: int = 60, height: int = 20) -> bytes:
    """A JPEG stored `width` x `height` whose EXIF says it is to be shown turned 90° (orientation 6), with a GPS
    position a stored copy must not keep."""
    picture = Image.new("RGB", (width, height), (10, 200, 10))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 0.0)}
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG of a few hundred bytes whose header declares `width` x `height` pixels (one row of zeros compressed: a
    decoder that trusted it would allocate gigabytes)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (width + 1) * 4, 9)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows) + _chunk(b"IEND", b"")


def gif() -> bytes:
    out = io.BytesIO()
    Image.new("P", (10, 10)).save(out, "GIF")
    return out.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
