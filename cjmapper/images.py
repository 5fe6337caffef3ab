"""Safe intake of an image a user attaches (a card's photo, a journey's wall photo): untrusted bytes in, a bounded,
clean PNG or JPEG out, or one sentence saying why not.

Only PNG and JPEG are taken, recognised by their first bytes and by Pillow's own reading of the header (the name of
a file never counts). The size a header declares is checked before anything is decoded, so a small file declaring a
huge picture (a decompression bomb) is refused at once; a JPEG is decoded at a reduced scale where its size allows
(Pillow's `draft`), so a large photo never takes more memory than about a 4,096-pixel picture. The picture is turned
as its EXIF orientation says, every piece of metadata is dropped (EXIF with its GPS position, ICC profile, text
chunks), it is scaled to at most `MAX_SIDE` pixels on its longer side and encoded again (JPEG, or PNG where it has
transparency) to at most `MAX_BYTES`, lowering the JPEG quality, then the size, until it fits. Nothing in the file
is ever run: Pillow only decodes pixels, from the two formats allowed.

Pillow is imported by the first intake (it costs start-up time).
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from cjmapper.errors import EditError
from cjmapper.messages import number, say

if TYPE_CHECKING:
    from PIL.Image import Image

ImageFormat = Literal["png", "jpeg"]

MAX_SIDE: Final = 2048
"""The most pixels a stored image has on its longer side."""
MAX_BYTES: Final = 2 * 1024 * 1024
"""The most bytes a stored image takes."""
MAX_FILE_BYTES: Final = 40 * 1024 * 1024
"""The largest file or clipboard image taken in at all (a phone's photo is 3 to 12 MB)."""
MAX_PIXELS: Final = 60_000_000
"""The largest picture a header may declare (a 50-megapixel camera's photo fits); more is refused before decoding."""
THUMBNAIL_SIDE: Final = 480
"""The longer side of the small copy kept beside each image for the canvas (sharp on a card up to about 250% zoom):
drawing a map of photo cards decodes these, never the full images."""
MEDIA_TYPES: Final[dict[ImageFormat, str]] = {"png": "image/png", "jpeg": "image/jpeg"}
SUFFIXES: Final[dict[ImageFormat, str]] = {"png": ".png", "jpeg": ".jpg"}

_PNG_MAGIC: Final = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC: Final = b"\xff\xd8\xff"
_QUALITIES: Final = (88, 80, 72, 64, 56)
_SHRINK: Final = 0.8


class ImageError(EditError):
    """An image was refused (not a PNG or JPEG, damaged, too large); its message is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class PreparedImage:
    """An image ready to store: clean bytes within the bounds, and what they hold."""

    data: bytes
    format: ImageFormat
    width: int
    height: int
    thumbnail: bytes = field(default=b"", compare=False, repr=False)
    """The picture at `THUMBNAIL_SIDE` at most, encoded as `data` is (empty: made by `with_thumbnail`)."""

    @property
    def digest(self) -> str:
        """The SHA-256 of its bytes, hex: the same picture is stored once."""
        return hashlib.sha256(self.data).hexdigest()


def kind_of(data: bytes) -> ImageFormat | None:
    """What the first bytes say the data is (None: neither PNG nor JPEG)."""
    if data.startswith(_PNG_MAGIC):
        return "png"
    if data.startswith(_JPEG_MAGIC):
        return "jpeg"
    return None


def read_image_file(path: Path | str) -> PreparedImage:
    """The image in the file at `path`, through `prepare`; refused (ImageError) with one sentence naming the file."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise ImageError(say("{0} cannot be read: {1}.", path.name, e.strerror or e.__class__.__name__)) from None
    return prepare(data, path.name)


def prepare(data: bytes, name: str = "", *, keep_clean: bool = False) -> PreparedImage:
    """`data` (untrusted) as a clean PNG or JPEG within `MAX_SIDE` and `MAX_BYTES`; `name` names it in a refusal
    (a file's name; empty: "The image"). `keep_clean`: data that decodes whole and is already as this intake makes
    it (within the bounds, upright, nothing but pixels: `_clean`) is kept byte for byte, so a journey file that
    cjmapper wrote reads and writes again the same."""
    what = name or say("The image")
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(
            say("{0} is larger than {1} MB; take a smaller picture.", what, number(MAX_FILE_BYTES // (1024 * 1024)))
        )
    kind = kind_of(data)
    if kind is None:
        raise ImageError(say("{0} is not a PNG or JPEG picture; only those can be attached.", what))
    original, picture = _decoded(data, kind, what)
    if keep_clean and original is picture and _clean(data, kind, original):
        return PreparedImage(data, kind, picture.width, picture.height, _thumbnail(picture, kind))
    return _encoded(picture)


def with_thumbnail(image: PreparedImage) -> PreparedImage:
    """`image` (already prepared: from the library or `prepare`) with its thumbnail made when it has none."""
    if image.thumbnail:
        return image
    from PIL import Image

    with Image.open(io.BytesIO(image.data), formats=["PNG" if image.format == "png" else "JPEG"]) as picture:
        if image.format == "jpeg":
            picture.draft("RGB", (THUMBNAIL_SIDE, THUMBNAIL_SIDE))
        picture.load()
        return PreparedImage(image.data, image.format, image.width, image.height, _thumbnail(picture, image.format))


def _thumbnail(picture: Image, kind: ImageFormat) -> bytes:
    from PIL import Image

    small = picture.convert("RGBA" if kind == "png" else "RGB")
    small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if kind == "png":
        small.save(out, "PNG", optimize=True)
    else:
        small.save(out, "JPEG", quality=85)
    return out.getvalue()


def _decoded(data: bytes, kind: ImageFormat, what: str) -> tuple[Image, Image]:
    """The picture as decoded, and turned upright (the same object when it needed no turning)."""
    from PIL import Image, ImageOps

    damaged = say("{0} cannot be read: the picture is damaged or incomplete.", what)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            picture = Image.open(io.BytesIO(data), formats=["PNG" if kind == "png" else "JPEG"])
            if picture.format != kind.upper():
                raise ImageError(say("{0} is not a PNG or JPEG picture; only those can be attached.", what))
            width, height = picture.size
            if width < 1 or height < 1 or width * height > MAX_PIXELS:
                raise _too_big(what, width, height)
            if kind == "jpeg":
                picture.draft("RGB", (MAX_SIDE * 2, MAX_SIDE * 2))  # decoded at 1/2, 1/4 or 1/8: bounded memory
            picture.load()
            turned = ImageOps.exif_transpose(picture) if picture.getexif().get(_ORIENTATION, 1) != 1 else picture
        except ImageError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_big(what, *_declared_size(data)) from None
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, TypeError, MemoryError):
            raise ImageError(damaged) from None
    return picture, turned


_ORIENTATION: Final = 0x0112
_PLAIN_PNG_CHUNKS: Final = frozenset({b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND", b"pHYs"})
_PLAIN_INFO: Final = frozenset(
    {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive", "progression", "transparency"}
)


def _clean(data: bytes, kind: ImageFormat, picture: Image) -> bool:
    """Whether `data` is already as the intake makes it: within the bounds, nothing but pixels (no EXIF, profile,
    text or other chunk or segment), nothing after its end."""
    if len(data) > MAX_BYTES or max(picture.size) > MAX_SIDE or not set(picture.info) <= _PLAIN_INFO:
        return False
    if kind == "jpeg":
        applist = getattr(picture, "applist", [])
        return picture.mode == "RGB" and data.endswith(b"\xff\xd9") and all(marker == "APP0" for marker, _ in applist)
    if picture.mode not in ("RGB", "RGBA"):
        return False
    at = len(_PNG_MAGIC)
    while at + 8 <= len(data):
        length, chunk = int.from_bytes(data[at : at + 4]), data[at + 4 : at + 8]
        if chunk not in _PLAIN_PNG_CHUNKS:
            return False
        at += 12 + length
        if chunk == b"IEND":
            return at == len(data)
    return False


def _declared_size(data: bytes) -> tuple[int, int]:
    """The size a PNG's header declares (0 x 0 for anything else), read without Pillow."""
    if data.startswith(_PNG_MAGIC) and len(data) >= 24 and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20]), int.from_bytes(data[20:24])
    return 0, 0


def _too_big(what: str, width: int, height: int) -> ImageError:
    if not width or not height:
        return ImageError(
            say(
                "{0} declares more than the {1} megapixels an image may have; it was not opened.",
                what,
                number(MAX_PIXELS // 1_000_000),
            )
        )
    return ImageError(
        say(
            "{0} declares {1} × {2} pixels, more than the {3} megapixels an image may have; it was not opened.",
            what,
            number(width),
            number(height),
            number(MAX_PIXELS // 1_000_000),
        )
    )


def _has_transparency(picture: Image) -> bool:
    if picture.mode in ("RGBA", "LA", "PA") or (picture.mode == "P" and "transparency" in picture.info):
        alpha = picture.convert("RGBA").getchannel("A")
        low = alpha.getextrema()[0]
        return isinstance(low, int) and low < 255
    return False


def _encoded(picture: Image) -> PreparedImage:
    from PIL import Image

    transparent = _has_transparency(picture)
    clean = picture.convert("RGBA" if transparent else "RGB")  # a new image: no EXIF, ICC profile or text kept
    clean.info = {}
    if max(clean.size) > MAX_SIDE:
        clean.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    while True:
        for data in _encodings(clean, transparent):
            if len(data) <= MAX_BYTES:
                kind: ImageFormat = "png" if transparent else "jpeg"
                return PreparedImage(data, kind, clean.width, clean.height, _thumbnail(clean, kind))
        smaller = (max(1, round(clean.width * _SHRINK)), max(1, round(clean.height * _SHRINK)))
        clean = clean.resize(smaller, Image.Resampling.LANCZOS)


def _encodings(picture: Image, transparent: bool) -> Iterator[bytes]:
    """The encodings to try, best first, made one at a time: PNG once, or JPEG at each quality."""
    for quality in (None,) if transparent else _QUALITIES:
        out = io.BytesIO()
        if quality is None:
            picture.save(out, "PNG", optimize=True)
        else:
            picture.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
        yield out.getvalue()


def probe(data: bytes) -> tuple[ImageFormat, int, int] | None:
    """The format and size of stored image bytes, read from their header (None: not a PNG or JPEG one can read)."""
    from PIL import Image

    kind = kind_of(data)
    if kind is None:
        return None
    try:
        with Image.open(io.BytesIO(data), formats=["PNG" if kind == "png" else "JPEG"]) as picture:
            return kind, picture.width, picture.height
    except (OSError, SyntaxError, ValueError):
        return None
