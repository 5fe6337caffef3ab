"""Pictures speak the journey's language and carry the poster's title block and legend, through the command line a
user runs (`cjmapper export -o x.svg|x.png`, in a process of its own): a Dutch journey says "contactmomenten" and
"gem. 4,0" whatever the interface's language, an English one "touchpoints" and "avg 4.0"; `--map-only` leaves the
title block and legend off; an SVG's icons are paths, never embedded bitmaps."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui.export.picture_dialog import PictureDpiDialog
from ui.export.pictures import picture_size

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"


def cjmapper(*args: str) -> None:
    """The program as a user runs it (this worktree's code, headless)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    env.pop("CJMAPPER_LIBRARY", None)
    command = [sys.executable, "-m", "ui.main", *args]
    subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=True)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library holding the example journey in Dutch (id 1) and in English (id 2)."""
    path = tmp_path_factory.mktemp("pictures") / "library.cjm"
    for language in ("nl", "en"):
        cjmapper("--library", str(path), "import", str(ROOT / "resources" / "templates" / f"example.{language}.json"))
    return path


SHAPES = {f"{SVG}{tag}" for tag in ("path", "circle", "ellipse", "line", "polyline", "polygon", "rect")}
SCALED = re.compile(r"matrix\(([-\d.e]+),[-\d.e]+,[-\d.e]+,([-\d.e]+),([-\d.e]+),([-\d.e]+)\)")


def vector_icons(root: ET.Element) -> set[tuple[str, str]]:
    """Where the SVG draws an icon as vectors: shapes in a group that scales the 24-unit icon drawing to the icon's
    size (the map itself is drawn at scale 1), one place per icon."""
    places = set()
    for group in root.iter(f"{SVG}g"):
        scaled = SCALED.fullmatch(group.get("transform", ""))
        if scaled and abs(float(scaled[1]) - 1) > 1e-3 and any(child.tag in SHAPES for child in group):
            places.add((scaled[3], scaled[4]))
    return places


def svg_texts(path: Path) -> tuple[str, ET.Element]:
    root = ET.parse(path).getroot()
    return " ".join("".join(e.itertext()) for e in root.iter(f"{SVG}text")), root


@pytest.mark.parametrize("interface", [[], ["--language", "nl"], ["--language", "en"]], ids=["default", "nl", "en"])
def test_a_dutch_journey_pictured_as_svg_speaks_dutch_with_title_block_legend_and_vector_icons(
    library: Path, tmp_path: Path, interface: list[str]
) -> None:
    target = tmp_path / "reis.svg"
    cjmapper(*interface, "--library", str(library), "export", "1", "-o", str(target))
    texts, root = svg_texts(target)
    for words in ("3 contactmoment", "gem. 4,0", "gem. 2,8", "16 contactmomenten", "stippen: stemmen", "Kanalen:",
                  "Zoekmachine", "Persona: Linda", "Gemaakt met cjmapper"):  # fmt: skip
        assert words in texts
    assert "touchpoints" not in texts
    assert "avg " not in texts
    assert list(root.iter(f"{SVG}image")) == []  # no embedded bitmaps
    example = json.loads((ROOT / "resources" / "templates" / "example.nl.json").read_text(encoding="utf-8"))
    icons = sum(1 for card in example["touchpoints"] if card.get("channel")) + len(example["lanes"])
    assert len(vector_icons(root)) == icons == 22  # every card's channel icon and every lane's icon, as vectors


def test_an_english_journey_speaks_english_and_map_only_leaves_the_chrome_off(library: Path, tmp_path: Path) -> None:
    full, bare = tmp_path / "full.svg", tmp_path / "bare.svg"
    cjmapper("--language", "nl", "--library", str(library), "export", "2", "-o", str(full))
    cjmapper("--library", str(library), "export", "2", "-o", str(bare), "--map-only")
    texts, _ = svg_texts(full)
    for words in ("3 touchpoints", "avg 4.0", "16 touchpoints", "dots: votes", "Channels:", "Made with cjmapper"):
        assert words in texts
    assert "contactmomenten" not in texts
    bare_texts, bare_root = svg_texts(bare)
    assert "avg 4.0" in bare_texts
    assert "dots: votes" not in bare_texts
    assert "Persona: Linda" not in bare_texts
    assert float(bare_root.attrib["height"].removesuffix("mm")) < float(ET.parse(full).getroot().attrib["height"][:-2])


def test_a_png_carries_the_title_block_and_legend_unless_map_only(library: Path, tmp_path: Path) -> None:
    full, bare = tmp_path / "full.png", tmp_path / "bare.png"
    cjmapper("--library", str(library), "export", "1", "-o", str(full), "--dpi", "96")
    cjmapper("--library", str(library), "export", "1", "-o", str(bare), "--dpi", "96", "--map-only")
    with_chrome, without = QImage(str(full)), QImage(str(bare))
    assert with_chrome.width() == without.width()
    assert with_chrome.height() > without.height() + 150  # a title block above and a legend below the map
    # The title block: dark title text in the band above the map, where the map-only picture starts with the map.
    band = [with_chrome.pixelColor(x, y).lightnessF() for y in range(24, 60) for x in range(24, 400)]
    assert min(band) < 0.3


def test_the_picture_dialog_draws_a_dutch_journey_in_dutch_and_can_leave_the_chrome_off(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File › Export Picture… in an English interface on a Dutch journey: the SVG speaks Dutch, with its title block,
    legend and vector icons; the dialog's checkbox leaves them off a PNG, and is remembered."""
    with Library.open(tmp_path / "library.cjm") as lib:
        lib.create_journey(load_example("nl"))
    window = open_window(qtbot, tmp_path / "library.cjm")
    try:
        document = window.document
        assert document is not None
        target = tmp_path / "reis.svg"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
        shown: list[tuple[bool, bool]] = []

        def accept(dialog: PictureDpiDialog) -> int:
            shown.append((dialog.dpi_spin.isVisibleTo(dialog), dialog.chrome_box.isChecked()))
            return QDialog.DialogCode.Accepted.value

        monkeypatch.setattr(PictureDpiDialog, "exec", accept)
        window.export_picture_action.trigger()
        assert shown == [(False, True)]  # an SVG: no dpi to ask, the title block and legend offered
        texts, root = svg_texts(target)
        for words in ("gem. 4,0", "16 contactmomenten", "stippen: stemmen", "Kanalen:", "Persona: Linda"):
            assert words in texts
        assert "touchpoints" not in texts
        assert "avg " not in texts
        assert list(root.iter(f"{SVG}image")) == []
        assert len(vector_icons(root)) == 22

        png = tmp_path / "kaart.png"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(png), ""))

        def map_only(dialog: PictureDpiDialog) -> int:
            dialog.dpi_spin.setValue(96)
            dialog.chrome_box.setChecked(False)
            width, height = picture_size(document, 96, False)
            assert dialog.size_label.text().startswith(f"{width:,} × {height:,} pixels")
            return QDialog.DialogCode.Accepted.value

        monkeypatch.setattr(PictureDpiDialog, "exec", map_only)
        window.export_picture_action.trigger()
        image = QImage(str(png))
        assert (image.width(), image.height()) == picture_size(document, 96, False)
        assert image.height() < picture_size(document, 96, True)[1] - 150

        remembered: list[bool] = []

        def remember(dialog: PictureDpiDialog) -> int:
            remembered.append(dialog.chrome)
            return QDialog.DialogCode.Rejected.value

        monkeypatch.setattr(PictureDpiDialog, "exec", remember)
        window.export_picture_action.trigger()
        assert remembered == [False]
    finally:
        window.close()
        window.library.close()
