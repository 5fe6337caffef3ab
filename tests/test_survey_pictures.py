"""The heat view in PNG and SVG pictures (`cjmapper export ... --heat`, and File › Export Picture… while the canvas
shows it): each card framed in its heat colour with its figure, read back from the PNG's pixels and the SVG's text,
and the legend's key naming the metrics and what the colours mean."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from cjmapper import cli
from cjmapper.store import Library
from cjmapper.survey.heat import heat_colour
from tests.survey_helpers import heat_library
from ui.editing.document import JourneyDocument
from ui.export import pictures
from ui.main import _export_picture


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    return heat_library(tmp_path / "lib.cjm")


def export(library_file: Path, target: Path, *options: str) -> None:
    argv = ["--library", str(library_file), "export", "1", "-o", str(target), *options]
    assert cli.main(argv, export_picture=_export_picture) == 0


def test_a_heat_png_frames_each_card_in_its_heat_colour(qapp: QApplication, library_file: Path, tmp_path: Path) -> None:
    heat_png, plain_png = tmp_path / "heat.png", tmp_path / "plain.png"
    export(library_file, heat_png, "--heat", "--dpi", "96")
    export(library_file, plain_png, "--dpi", "96")
    with Library.open(library_file) as library:
        document = JourneyDocument(library, 1)
        x0, y0 = pictures.map_origin(document)
        layout = pictures._picture_layout(document.journey)
    heat, plain = QImage(str(heat_png)), QImage(str(plain_png))
    assert heat.height() > plain.height()  # the legend's heat key takes a row of its own
    for card_id, colour in ((2, heat_colour(-1.0)), (3, heat_colour(1.0))):  # short of target; beyond it
        r = layout.cards[card_id].rect
        at = (round(x0 + r.x - 2), round(y0 + r.y + r.height / 2))
        assert heat.pixelColor(*at).name() == colour
        assert plain.pixelColor(*at).name() != colour


def test_a_heat_svg_has_each_cards_figure_and_the_key_in_the_journeys_language(
    qapp: QApplication, library_file: Path, tmp_path: Path
) -> None:
    with Library.open(library_file) as library:
        library.update_journey(1, language="nl")
    heat_svg, plain_svg = tmp_path / "heat.svg", tmp_path / "plain.svg"
    export(library_file, heat_svg, "--heat")
    export(library_file, plain_svg)
    heat, plain = heat_svg.read_text(encoding="utf-8"), plain_svg.read_text(encoding="utf-8")
    for words in (
        "CSAT 0,50 / 0,80",
        "CES 1,50 / 3,00",
        "Hitteweergave, CSAT, CES:",
        "onder het doel",
        "boven het doel",
    ):
        assert f">{words}<" in heat
        assert words not in plain
    assert heat_colour(-1.0) in heat
    assert heat_colour(-1.0) not in plain


def test_heat_goes_with_posters_and_pictures_only(
    library_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--library", str(library_file), "export", "1", "-o", str(tmp_path / "x.csv"), "--heat"])
    assert stopped.value.code == 2
    assert "--heat only goes with PDF posters and PNG and SVG pictures, not with CSV files" in capsys.readouterr().err
