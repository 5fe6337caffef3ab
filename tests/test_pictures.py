"""PNG and SVG pictures of a journey (ui.export.pictures): sizes, pixels, metadata, text, atomic writes and refusals."""

from __future__ import annotations

import math
import os
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from cjmapper import cli
from cjmapper.errors import CjmapperError
from cjmapper.exports import formats_of_kind
from cjmapper.layout import Rect
from cjmapper.model import Journey, Lane, LaneKind, Language, Persona, Phase, Touchpoint
from cjmapper.store import Library
from cjmapper.templates import load_example
from ui.canvas.painting import SCENE_BACKGROUND, tint
from ui.canvas.scene import JourneyScene
from ui.editing.document import JourneyDocument
from ui.export import pictures

SVG = "{http://www.w3.org/2000/svg}"

TITLES = (
    "Oriëntatie bij café",
    "R&D belt terug",
    "a<b en b>a",
    "<b>niet vet</b>",
    "Überweisung & Ölwechsel",
    "Zeeuwse bolus, één",
)
"""Short titles (one line each on a card): Dutch and German diacritics and markup characters."""


@pytest.fixture
def example(qapp: QApplication, library: Library) -> JourneyDocument:
    """The Dutch example journey, open as a document."""
    return JourneyDocument(library, library.create_journey(load_example(Language.NL)))


def marked_up_journey() -> Journey:
    journey = Journey(
        0,
        "R&D <b>reis</b> a<b",
        language=Language.NL,
        personas=[Persona("Anaïs & co")],
        phases=[Phase(1, "Oriëntatie"), Phase(2, "Aankoop & <levering>")],
        lanes=[Lane(1, "Contactmomenten", LaneKind.TOUCHPOINTS), Lane(2, "Beleving", LaneKind.EMOTIONS)],
    )
    for i, title in enumerate(TITLES):
        journey.touchpoints.append(Touchpoint(i + 1, i % 2 + 1, 1, i // 2, title, channel="email", score=i % 5 + 1))
    return journey


@pytest.fixture
def marked_up(qapp: QApplication, library: Library) -> JourneyDocument:
    return JourneyDocument(library, library.create_journey(marked_up_journey()))


def card_geometry(document: JourneyDocument) -> dict[int, tuple[Rect, QColor]]:
    """Each card's rect (scene units) and colour, as the canvas shows them."""
    scene = JourneyScene(document)
    try:
        return {i: (scene.layout.cards[i].rect, QColor(item.colour)) for i, item in scene.card_items().items()}
    finally:
        scene.dispose()


def pixel(image: QImage, x: float, y: float, dpi: int, origin: tuple[float, float]) -> QColor:
    """The image's colour at layout point (x, y), the layout's origin at `origin` (`pictures.map_origin`)."""
    scale = dpi / 96
    return image.pixelColor(int((x + origin[0]) * scale), int((y + origin[1]) * scale))


def close(a: QColor, b: QColor, tolerance: int = 14) -> bool:
    return all(abs(p - q) <= tolerance for p, q in ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))


def luminance(c: QColor) -> float:
    return 0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF()


def card_pixels(image: QImage, rect: Rect, dpi: int, origin: tuple[float, float]) -> list[QColor]:
    """Every pixel inside the card (its rounded corners and border left out)."""
    scale = dpi / 96
    x, y = origin
    left, right = math.ceil((rect.x + x + 2) * scale), int((rect.right + x - 2) * scale)
    top, bottom = math.ceil((rect.y + y + 2) * scale), int((rect.bottom + y - 2) * scale)
    return [image.pixelColor(x, y) for y in range(top, bottom) for x in range(left, right)]


def png_chunks(data: bytes) -> dict[bytes, bytes]:
    """The PNG's chunks by type (the last of each type), read with nothing but the file format."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks: dict[bytes, bytes] = {}
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        chunks[kind] = data[at + 8 : at + 8 + length]
        at += 12 + length
    return chunks


# ---------------------------------------------------------------------- PNG


@pytest.mark.parametrize("dpi", [96, 150])
def test_png_has_the_promised_size_and_shows_every_card(example: JourneyDocument, tmp_path: Path, dpi: int) -> None:
    target = tmp_path / "map.png"
    pictures.save_picture(example, target, "png", dpi)
    image = QImage(str(target))
    assert (image.width(), image.height()) == pictures.picture_size(example, dpi)
    width, height = pictures.picture_size(example, 96)
    assert (image.width(), image.height()) == (math.ceil(width * dpi / 96 - 1e-6), math.ceil(height * dpi / 96 - 1e-6))
    assert close(image.pixelColor(1, 1), SCENE_BACKGROUND, 2)  # the margin, in the canvas' background
    cards = card_geometry(example)
    assert len(cards) == len(example.journey.touchpoints) == 16
    origin = pictures.map_origin(example)
    for rect, colour in cards.values():
        # The stripe on the card's left in its colour, the body in a light tint of it, dark text on it.
        assert close(pixel(image, rect.x + 2, rect.y + rect.height / 2, dpi, origin), colour)
        assert close(pixel(image, rect.right - 6, rect.y + 4, dpi, origin), tint(colour, 0.16))
        first_line = Rect(rect.x, rect.y + 6, rect.width, 18)
        assert min(luminance(c) for c in card_pixels(image, first_line, dpi, origin)) < 0.3


def test_png_stores_its_dpi_and_title(example: JourneyDocument, tmp_path: Path) -> None:
    target = tmp_path / "map.png"
    pictures.save_picture(example, target, "png", 300)
    chunks = png_chunks(target.read_bytes())
    x_ppm, y_ppm, unit = struct.unpack(">IIB", chunks[b"pHYs"])
    assert (x_ppm, y_ppm, unit) == (11811, 11811, 1)  # 300 dpi in pixels per metre
    assert round(x_ppm * 0.0254) == 300
    width, height = struct.unpack(">II", chunks[b"IHDR"][:8])
    assert (width, height) == pictures.picture_size(example, 300)
    assert QImage(str(target)).text("Title") == example.journey.title


def test_low_dpi_png_still_draws_cards_in_full_detail(example: JourneyDocument, tmp_path: Path) -> None:
    """At 30 dpi the canvas items would paint plain blocks of the card colour; the picture is drawn at 96 dpi and
    scaled down instead, so cards keep their light body, their stripe and their (small) text."""
    target = tmp_path / "small.png"
    pictures.save_picture(example, target, "png", 30)
    image = QImage(str(target))
    assert (image.width(), image.height()) == pictures.picture_size(example, 30)
    origin = pictures.map_origin(example)
    for rect, colour in card_geometry(example).values():
        inside = card_pixels(image, rect, 30, origin)
        light = sum(close(c, tint(colour, 0.16), 16) for c in inside) / len(inside)
        block = sum(close(c, colour, 16) for c in inside) / len(inside)
        assert light > 0.4, "the card's body is not its light tint"
        assert block < 0.25, "the card is drawn as a block of its colour"
        assert min(luminance(c) for c in inside) < 0.6, "no text on the card"


def test_picture_shows_no_selection_or_hover_of_the_editor(example: JourneyDocument, tmp_path: Path) -> None:
    plain = tmp_path / "plain.png"
    pictures.save_picture(example, plain, "png", 96)
    editor = JourneyScene(example)
    try:
        editor.select_ids(list(editor.card_items()))
        for item in editor.card_items().values():
            item.set_hovered(True)
        busy = tmp_path / "busy.png"
        pictures.save_picture(example, busy, "png", 96)
        assert editor.selected_ids()  # the editor's own scene is left as it was
    finally:
        editor.dispose()
    assert QImage(str(busy)) == QImage(str(plain))


def test_the_temporary_scene_lets_go_of_the_document(example: JourneyDocument, tmp_path: Path) -> None:
    before = example.receivers("2changed(PyObject)")
    scene = JourneyScene(example)
    assert example.receivers("2changed(PyObject)") == before + 1  # a scene listens while it lives
    scene.dispose()
    pictures.save_picture(example, tmp_path / "map.svg", "svg")
    pictures.save_picture(example, tmp_path / "map.png", "png")
    assert example.receivers("2changed(PyObject)") == before


# ---------------------------------------------------------------------- SVG


def test_svg_is_valid_xml_with_every_title_as_text(marked_up: JourneyDocument, tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    pictures.save_picture(marked_up, target, "svg")
    root = ET.parse(target).getroot()
    assert root.tag == f"{SVG}svg"
    texts = ["".join(e.itertext()) for e in root.iter(f"{SVG}text")]
    for title in TITLES:
        assert title in texts
    assert "Aankoop & <levering>" in texts
    assert "R&D <b>reis</b> a<b" in " ".join(texts)  # the corner title (it may wrap)
    assert root.findtext(f"{SVG}title") == "R&D <b>reis</b> a<b"
    description = root.findtext(f"{SVG}desc") or ""
    assert "R&D <b>reis</b> a<b" in description
    assert "Anaïs & co" in description
    raw = target.read_text(encoding="utf-8")
    assert "a&lt;b en b&gt;a" in raw
    assert "&lt;b&gt;niet vet&lt;/b&gt;" in raw


def test_svg_is_sized_in_scene_units(marked_up: JourneyDocument, tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    pictures.save_picture(marked_up, target, "svg")
    root = ET.parse(target).getroot()
    width, height = pictures.picture_size(marked_up, 96)
    view_box = [float(v) for v in root.attrib["viewBox"].split()]
    assert view_box[:2] == [0.0, 0.0]
    assert math.ceil(view_box[2] - 1e-6) == width
    assert math.ceil(view_box[3] - 1e-6) == height
    # Printed at the same size as the PNG: 96 units an inch.
    assert float(root.attrib["width"].removesuffix("mm")) == pytest.approx(width * 25.4 / 96, abs=0.01)
    assert float(root.attrib["height"].removesuffix("mm")) == pytest.approx(height * 25.4 / 96, abs=0.01)


# ---------------------------------------------------------------------- files and refusals


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_a_failed_write_leaves_the_old_file_untouched(
    example: JourneyDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    target = folder / f"map.{fmt}"
    target.write_bytes(b"the old picture")

    def disk_full(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(CjmapperError, match=r"^cannot write .*map\.\w+: no space left on device$"):
        pictures.save_picture(example, target, fmt)
    assert target.read_bytes() == b"the old picture"
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary file left behind


def test_a_picture_replaces_an_existing_file_whole(example: JourneyDocument, tmp_path: Path) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    target = folder / "map.png"
    target.write_bytes(b"x" * 10_000_000)
    pictures.save_picture(example, target, "png", 96)
    assert QImage(str(target)).size().toTuple() == pictures.picture_size(example, 96)
    assert [p.name for p in folder.iterdir()] == ["map.png"]


def test_unwritable_targets_are_one_clear_error(example: JourneyDocument, tmp_path: Path) -> None:
    with pytest.raises(CjmapperError, match="does not exist"):
        pictures.save_picture(example, tmp_path / "missing" / "map.png", "png")
    with pytest.raises(CjmapperError, match="it is a folder"):
        pictures.save_picture(example, tmp_path, "svg")


def test_too_large_a_picture_names_the_largest_dpi_that_fits(
    example: JourneyDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pictures, "MAX_PIXELS", 4_000_000)
    best = pictures.largest_dpi(example)
    assert pictures.MIN_DPI <= best < pictures.MAX_DPI
    w, h = pictures.picture_size(example, best)
    assert w * h <= 4_000_000
    w, h = pictures.picture_size(example, best + 1)
    assert w * h > 4_000_000
    target = tmp_path / "big.png"
    with pytest.raises(CjmapperError) as refused:
        pictures.save_picture(example, target, "png", best + 1)
    message = str(refused.value)
    assert message.startswith(f"a {best + 1}-dpi picture of this journey would be {w:,} x {h:,} pixels")
    assert message.endswith(f"choose {best} dpi or less")
    assert "\n" not in message
    assert not target.exists()
    pictures.save_picture(example, target, "png", best)
    assert QImage(str(target)).size().toTuple() == pictures.picture_size(example, best)


def test_a_map_too_large_at_any_dpi_points_to_other_formats(
    example: JourneyDocument, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(pictures, "MAX_SIDE", 300)
    with pytest.raises(CjmapperError, match="300 pixels a PNG side may have; export a PDF poster or an SVG picture"):
        pictures.save_picture(example, tmp_path / "map.png", "png", 150)
    pictures.save_picture(example, tmp_path / "map.svg", "svg")  # SVG has no pixel limit
    assert (tmp_path / "map.svg").stat().st_size > 0


def test_a_real_large_journey_is_refused_at_high_dpi(qapp: QApplication, library: Library, tmp_path: Path) -> None:
    journey = Journey(0, "Big", phases=[Phase(i + 1, f"P{i}") for i in range(40)], lanes=[Lane(1, "Cards")])
    journey.touchpoints = [Touchpoint(i + 1, i % 40 + 1, 1, i // 40, f"Card {i}") for i in range(4000)]
    document = JourneyDocument(library, library.create_journey(journey))
    with pytest.raises(CjmapperError, match=r"more than the 268,435,456 a picture may have; choose \d+ dpi or less"):
        pictures.save_picture(document, tmp_path / "big.png", "png", 1200)
    assert not (tmp_path / "big.png").exists()


@pytest.mark.parametrize("fmt", ["gif", "pdf", ""])
def test_unknown_formats_are_refused(example: JourneyDocument, tmp_path: Path, fmt: str) -> None:
    with pytest.raises(CjmapperError, match="choose png or svg"):
        pictures.save_picture(example, tmp_path / "map.gif", fmt)
    assert not (tmp_path / "map.gif").exists()


@pytest.mark.parametrize("dpi", [0, 29, 1201])
def test_a_dpi_out_of_range_is_refused(example: JourneyDocument, tmp_path: Path, dpi: int) -> None:
    with pytest.raises(CjmapperError, match="30 to 1200 dpi"):
        pictures.save_picture(example, tmp_path / "map.png", "png", dpi)


def test_the_format_is_case_blind(example: JourneyDocument, tmp_path: Path) -> None:
    pictures.save_picture(example, tmp_path / "MAP.PNG", "PNG", 40)
    assert QImage(str(tmp_path / "MAP.PNG")).size().toTuple() == pictures.picture_size(example, 40)


def test_the_command_line_offers_the_same_resolutions() -> None:
    assert (cli.MIN_DPI, cli.MAX_DPI, cli.DEFAULT_DPI) == (pictures.MIN_DPI, pictures.MAX_DPI, pictures.DEFAULT_DPI)
    assert tuple(f.name for f in formats_of_kind("picture")) == pictures.FORMATS
    assert all(f.needs_qt for f in formats_of_kind("picture"))


def test_export_picture_draws_a_journey_of_a_library(qapp: QApplication, library: Library, tmp_path: Path) -> None:
    journey_id = library.create_journey(load_example(Language.EN))
    target = tmp_path / "map.png"
    pictures.export_picture(library, journey_id, target, "png", 72)
    document = JourneyDocument(library, journey_id)
    assert QImage(str(target)).size().toTuple() == pictures.picture_size(document, 72)
