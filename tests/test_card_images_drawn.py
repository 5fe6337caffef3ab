"""A card's photo drawn from its one place in the layout (`CardParts.thumbnail`) by the canvas, the PNG picture and
the poster (at print resolution, embedded once), and the wall photo on the poster's back page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from cjmapper import images
from cjmapper.cli import main
from cjmapper.layout import Metrics, compute_layout, fitted, thumbnail_height
from cjmapper.model import ImageRef
from cjmapper.store import Library
from tests import image_helpers as pictures
from tests.poster_helpers import pages_text
from tests.store_helpers import sample_journey
from ui.export import pictures as picture_export

RED = (220, 40, 40)
GREEN = (30, 170, 60)


def _close(colour: QColor, wanted: tuple[int, int, int], tolerance: int = 30) -> bool:
    return all(
        abs(a - b) <= tolerance for a, b in zip((colour.red(), colour.green(), colour.blue()), wanted, strict=True)
    )


@pytest.fixture
def pictured(tmp_path: Path) -> tuple[Path, int, int]:
    """A library file whose journey has a red photo on one card (2,000 x 1,500: more than a thumbnail needs) and a
    green wall photo; its path, the journey's id and the card's id."""
    path = tmp_path / "photos.cjm"
    with Library.open(path) as library:
        journey_id = library.create_journey(sample_journey())
        card_id = library.load_journey(journey_id).touchpoints[0].id
        library.set_card_image(card_id, images.prepare(pictures.jpeg(2000, 1500, RED)))
        library.set_wall_photo(journey_id, images.prepare(pictures.jpeg(800, 600, GREEN)))
    return path, journey_id, card_id


def test_a_card_with_a_photo_grows_by_a_bounded_thumbnail() -> None:
    journey = sample_journey()
    plain = compute_layout(journey)
    m = Metrics()
    tall = ImageRef(1, "jpeg", 100, 4000)
    wide = ImageRef(2, "jpeg", 4000, 100)
    journey.touchpoints[0].image = tall
    journey.touchpoints[1].image = wide
    grown = compute_layout(journey)
    first = journey.touchpoints[0].id
    assert grown.cards[first].rect.height - plain.cards[first].rect.height == thumbnail_height(m, tall)
    assert thumbnail_height(m, tall) == 5 * m.line_height + 4  # the most a photo adds
    assert thumbnail_height(m, wide) == 2 * m.line_height + 4  # the least
    slot = grown.cards[first].parts(m).thumbnail
    assert slot.height == 5 * m.line_height
    assert slot.bottom <= grown.cards[first].parts(m).footer.y
    assert plain.cards[first].parts(m).thumbnail.height == 0


def test_the_png_picture_shows_the_photo_in_its_slot(
    qapp: QApplication, pictured: tuple[Path, int, int], tmp_path: Path
) -> None:
    path, journey_id, card_id = pictured
    target = tmp_path / "map.png"
    with Library.open(path) as library:
        picture_export.export_picture(library, journey_id, target, "png", 96, chrome=False)
        journey = library.load_journey(journey_id)
    image = QImage(str(target))
    layout = compute_layout(journey)
    box = layout.cards[card_id]
    assert journey.touchpoint(card_id).image is not None
    photo = fitted(box.parts(Metrics()).thumbnail, 2000, 1500)
    middle = (box.rect.x + photo.x + photo.width / 2, box.rect.y + photo.y + photo.height / 2)
    assert _close(image.pixelColor(int(middle[0]), int(middle[1])), RED)
    title = box.parts(Metrics()).title
    assert not _close(image.pixelColor(int(box.rect.x + title.x + 2), int(box.rect.y + title.y + 1)), RED)


def _xobject_images(pdf: Path) -> list[tuple[int, int]]:
    """The size of every image XObject the PDF holds, as pdfimages lists them."""
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listed.splitlines()[2:]]
    return [(int(row[3]), int(row[4])) for row in rows if row[2] == "image"]


def _page_pixel(pdf: Path, page: int, x_share: float, y_share: float, tmp_path: Path) -> QColor:
    prefix = tmp_path / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), str(pdf), str(prefix)], check=True
    )
    [png] = sorted(tmp_path.glob(f"page{page}*.png"))
    image = QImage(str(png))
    return image.pixelColor(int(image.width() * x_share), int(image.height() * y_share))


def test_the_poster_prints_the_photo_at_print_resolution_and_the_wall_photo_at_the_back(
    qapp: QApplication, pictured: tuple[Path, int, int], tmp_path: Path
) -> None:
    path, journey_id, _card = pictured
    pdf = tmp_path / "poster.pdf"
    assert main(["--library", str(path), "export", str(journey_id), "-o", str(pdf)]) == 0
    assert sorted(_xobject_images(pdf)) == [
        (800, 600),
        (2000, 1500),
    ]  # as stored, once each
    reader = PdfReader(pdf)
    assert len(reader.pages) == 2
    assert pages_text(pdf)[1].startswith("Wall photo · Webshop journey")
    assert _close(_page_pixel(pdf, 2, 0.5, 0.55, tmp_path), GREEN)


def test_the_poster_can_leave_the_wall_photo_out(pictured: tuple[Path, int, int], tmp_path: Path) -> None:
    path, journey_id, _card = pictured
    pdf = tmp_path / "poster.pdf"
    assert main(["--library", str(path), "export", str(journey_id), "-o", str(pdf), "--no-wall-photo"]) == 0
    assert len(PdfReader(pdf).pages) == 1
    assert _xobject_images(pdf) == [(2000, 1500)]


def test_a_tiled_poster_prints_the_wall_photo_on_a_sheet_of_its_own(
    pictured: tuple[Path, int, int], tmp_path: Path
) -> None:
    path, journey_id, _card = pictured
    pdf = tmp_path / "tiles.pdf"
    assert main(["--library", str(path), "export", str(journey_id), "-o", str(pdf), "--tile", "A4"]) == 0
    last = PdfReader(pdf).pages[-1]
    assert (round(float(last.mediabox.width)), round(float(last.mediabox.height))) in ((595, 842), (842, 595))
    assert pages_text(pdf)[-1].startswith("Wall photo")
