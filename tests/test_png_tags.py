"""A PNG picture says its colour space and its text properly: an sRGB chunk (with sRGB's gAMA and cHRM) before the
picture data, the title and description in UTF-8 iTXt chunks tagged with the journey's language ("nl", never the
"UTF-8" Qt writes there), the program in a tEXt chunk; every chunk's CRC right. Checked with nothing but the file
format (struct, zlib), and read back with Pillow."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from cjmapper import __version__
from cjmapper.model import Language
from cjmapper.store import Library
from cjmapper.templates import load_example
from ui.editing.document import JourneyDocument
from ui.export import pictures
from ui.export.png_tags import international_text


def read_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Every chunk in order as (type, data), each CRC checked."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    found: list[tuple[bytes, bytes]] = []
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        found.append((kind, body))
        at += 12 + length
    return found


def international(body: bytes) -> tuple[str, str, str, str]:
    """An iTXt chunk's keyword, language tag, translated keyword and text, read by the PNG specification."""
    keyword, rest = body.split(b"\0", 1)
    compressed, method, rest = rest[0], rest[1], rest[2:]
    language, rest = rest.split(b"\0", 1)
    translated, text = rest.split(b"\0", 1)
    assert method == 0
    if compressed:
        text = zlib.decompress(text)
    return keyword.decode("latin-1"), language.decode("ascii"), translated.decode("utf-8"), text.decode("utf-8")


@pytest.mark.parametrize("language", [Language.NL, Language.EN])
def test_a_png_is_tagged_srgb_with_its_title_and_description_in_the_journeys_language(
    qapp: QApplication, library: Library, tmp_path: Path, language: Language
) -> None:
    journey = load_example(language)
    journey.title = "Klantreis “één” 🎂: bakker & co"
    document = JourneyDocument(library, library.create_journey(journey))
    target = tmp_path / "map.png"
    pictures.save_picture(document, target, "png", 40)
    chunks = read_chunks(target.read_bytes())
    kinds = [kind for kind, _ in chunks]
    assert (kinds[0], kinds[-1]) == (b"IHDR", b"IEND")
    first_data = kinds.index(b"IDAT")
    assert kinds.count(b"sRGB") == 1
    assert kinds.index(b"sRGB") < first_data
    assert dict(chunks)[b"sRGB"] == b"\0"  # perceptual
    assert struct.unpack(">I", dict(chunks)[b"gAMA"]) == (45455,)
    assert struct.unpack(">8I", dict(chunks)[b"cHRM"]) == (31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000)
    assert b"iCCP" not in kinds  # sRGB and iCCP exclude each other
    texts = {
        keyword: (tag, text) for keyword, tag, _, text in map(international, (b for k, b in chunks if k == b"iTXt"))
    }
    assert texts == {
        "Title": (language.value, journey.title),
        "Description": (language.value, journey.description),
    }
    assert all(index < first_data for index, kind in enumerate(kinds) if kind == b"iTXt")
    assert b"UTF-8" not in b"".join(body for kind, body in chunks if kind in (b"iTXt", b"tEXt", b"zTXt"))
    assert (b"tEXt", f"Software\0cjmapper {__version__}".encode("latin-1")) in chunks

    with Image.open(target) as image:  # Pillow reads it: the colour space, the text, the pixels
        image.load()
        assert isinstance(image, PngImagePlugin.PngImageFile)
        assert image.info["srgb"] == 0
        assert image.text["Title"] == journey.title
        assert image.text["Title"].lang == language.value  # type: ignore[attr-defined]
        assert image.size == pictures.picture_size(document, 40)
    assert QImage(str(target)).text("Title") == journey.title  # and Qt, as before


def test_without_a_description_the_png_holds_the_english_summary_tagged_en(
    qapp: QApplication, library: Library, tmp_path: Path
) -> None:
    journey = load_example(Language.NL)
    journey.description = ""
    document = JourneyDocument(library, library.create_journey(journey))
    target = tmp_path / "map.png"
    pictures.save_picture(document, target, "png", 30)
    found = [international(body) for kind, body in read_chunks(target.read_bytes()) if kind == b"iTXt"]
    assert [(keyword, tag) for keyword, tag, _, _ in found] == [("Title", "nl"), ("Description", "en")]
    assert found[1][3].startswith(f"Customer journey map “{journey.title}”: 5 phases")


def test_long_text_is_compressed_and_a_tag_that_is_no_language_is_left_out() -> None:
    long = "é" * 2000
    chunk = international_text("Description", long, "nl")
    assert international(chunk[8:-4]) == ("Description", "nl", "", long)
    assert chunk[8:-4].split(b"\0", 1)[1][0] == 1  # compressed
    assert international(international_text("Title", "x", "UTF-8")[8:-4]) == ("Title", "", "", "x")
