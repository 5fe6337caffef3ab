"""The heat view on a PDF poster (`cjmapper export --heat`): each card's figure printed on a tab at its top, its
frame and its phase's cells in the heat colours, read back from the PDF's text and from its pixels (pdftoppm)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from cjmapper.cli import main
from cjmapper.poster import PosterOptions, plan_poster
from cjmapper.store import Library
from cjmapper.survey.heat import heat_colour
from tests.poster_helpers import fragments, to_layout
from tests.survey_helpers import heat_library

DPI = 100


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    return heat_library(tmp_path / "lib.cjm")


def page_pixel(image: QImage, page_height: float, x: float, y_up: float) -> QColor:
    return image.pixelColor(round(x * DPI / 72), round((page_height - y_up) * DPI / 72))


def test_a_heat_poster_prints_each_cards_figure_and_colours(library_file: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "heat.pdf"
    assert main(["--library", str(library_file), "export", "1", "-o", str(pdf), "--heat"]) == 0
    with Library.open(library_file) as library:
        journey = library.load_journey(1)
    plan = plan_poster(journey, PosterOptions())
    layout = plan.layout
    assert layout is not None
    tabs = {f.text: to_layout(plan, f.x, f.y) for f in fragments(pdf) if f.text.startswith(("CSAT", "CES"))}
    assert set(tabs) == {"CSAT 0.50 / 0.80", "CES 1.50 / 3.00"}
    for text, card_id in (("CSAT 0.50 / 0.80", 2), ("CES 1.50 / 3.00", 3)):
        x, y = tabs[text]
        rect = layout.cards[card_id].rect
        assert rect.x < x < rect.right
        assert rect.y - 13.0 < y <= rect.y + 2.0  # on the tab over the card's top edge

    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", str(pdf), str(tmp_path / "heat")], check=True)
    image = QImage(str(tmp_path / "heat.png"))
    assert not image.isNull()

    def at(x: float, y: float) -> QColor:
        return page_pixel(image, plan.page_height, plan.map_x + x * plan.scale, plan.map_top - y * plan.scale)

    missed, beaten = layout.cards[2].rect, layout.cards[3].rect
    frame = at(missed.x - 2.0, missed.y + missed.height / 2)
    expected = QColor(heat_colour(-1.0))
    assert abs(frame.red() - expected.red()) + abs(frame.green() - expected.green()) < 40
    blue = at(beaten.x - 2.0, beaten.y + beaten.height / 2)
    assert blue.blue() > blue.red() + 60
    cell = layout.cells[(journey.phases[1].id, journey.lanes[0].id)].rect
    tinted = at(cell.x + 3.0, cell.bottom - 3.0)
    assert tinted.red() > tinted.blue() + 40

    plain = tmp_path / "plain.pdf"
    assert main(["--library", str(library_file), "export", "1", "-o", str(plain)]) == 0
    assert not [f for f in fragments(plain) if f.text.startswith(("CSAT", "CES"))]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Heat view, CSAT, CES:", "short of target", "on target", "beyond target", "darker: further from it"]),
        (
            "nl",
            [
                "Hitteweergave, CSAT, CES:",
                "onder het doel",
                "op het doel",
                "boven het doel",
                "donkerder: verder ervan af",
            ],
        ),
    ],
)
def test_a_heat_posters_legend_has_the_heat_key_in_the_journeys_language(
    library_file: Path, tmp_path: Path, language: str, words: list[str]
) -> None:
    with Library.open(library_file) as library:
        journey = library.load_journey(1)
        library.update_journey(1, language=language)
    heat_pdf, plain_pdf = tmp_path / "heat.pdf", tmp_path / "plain.pdf"
    assert main(["--library", str(library_file), "export", "1", "-o", str(heat_pdf), "--heat"]) == 0
    assert main(["--library", str(library_file), "export", "1", "-o", str(plain_pdf)]) == 0
    found = {f.text: f for f in fragments(heat_pdf)}
    assert all(w in found for w in words), sorted(found)
    with Library.open(library_file) as library:
        journey = library.load_journey(1)
        from cjmapper.survey.commands import poster_heat

        plan = plan_poster(journey, PosterOptions(heat=poster_heat(library, journey)))
    legend = plan.chrome.legend
    page_height = plan.page_height
    for w in words:  # in the legend's box, under the map; one row, left to right
        top_down = page_height - found[w].y
        assert legend.y < top_down < legend.bottom, w
    assert [found[w].x for w in words] == sorted(found[w].x for w in words)
    assert len({round(found[w].y) for w in words}) == 1
    assert not {w for w in words if w in {f.text for f in fragments(plain_pdf)}}
