"""Posters for a print shop (issue 19): `export --bleed MM` and `--print-shop` on the command line and the poster
dialog's "Ready for a print shop". What a shop's tools read is checked with those tools: qpdf's structure check,
Ghostscript rendering with warnings as errors, the page boxes and output intent read back with pypdf, the fonts
embedded, no transparency, and the crop marks and bleed seen in pixels rendered by poppler."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from cjmapper.poster.paper import MM
from cjmapper.poster.print_ready import blend, press_for, srgb_profile
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.survey_helpers import heat_library
from tests.window_helpers import open_window
from ui.export.poster_dialog import PosterDialog
from ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
A3_LANDSCAPE = (420.0, 297.0)


def run_cli(*argv: str, language: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANGUAGE": language, "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", "--language", language, *argv],
        capture_output=True, text=True, check=False, timeout=180, cwd=ROOT, env=env,
    )  # fmt: skip


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found is not None, f"{name} is needed for the print-shop tests (scripts/test installs it)"
    return found


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "shop.cjm"
    with Library.open(path) as lib:
        lib.create_journey(load_example("nl"))
    return path


def box_mm(page: DictionaryObject, name: str) -> tuple[float, float, float, float] | None:
    box = page.get(name)
    if box is None:
        return None
    return tuple(round(float(v) / MM, 2) for v in box)  # type: ignore[return-value]


def size_mm(box: tuple[float, float, float, float]) -> tuple[float, float]:
    return round(box[2] - box[0], 1), round(box[3] - box[1], 1)


def check_with_tools(pdf: Path) -> None:
    """qpdf finds no damage and no warning; Ghostscript renders every page with warnings as errors."""
    qpdf = subprocess.run([tool("qpdf"), "--check", str(pdf)], capture_output=True, text=True, check=False)
    assert qpdf.returncode == 0, qpdf.stdout + qpdf.stderr  # 3 would be warnings
    assert "No syntax or stream encoding errors" in qpdf.stdout
    gs = subprocess.run(
        [tool("gs"), "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", "-dPDFSTOPONERROR",
         "-dPDFSTOPONWARNING", str(pdf)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert gs.returncode == 0, gs.stdout + gs.stderr
    assert not (gs.stdout + gs.stderr).strip()


def transparency_in(reader: PdfReader) -> list[str]:
    """Every see-through setting in the pages' graphics states (fill or stroke opacity under 1, soft masks)."""
    found = []
    for page in reader.pages:
        resources = page.get("/Resources")
        states = resources.get_object().get("/ExtGState") if resources is not None else None
        for name, state in (states.get_object() if states is not None else {}).items():
            state = state.get_object()
            for key in ("/ca", "/CA"):
                if key in state and float(state[key]) < 1:
                    found.append(f"{name} {key} {state[key]}")
            if state.get("/SMask") not in (None, "/None"):
                found.append(f"{name} /SMask")
    return found


def test_a_print_shop_poster_has_its_bleed_boxes_marks_output_intent_and_passes_qpdf_and_ghostscript(
    library: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "shop.pdf"
    result = run_cli("--library", str(library), "export", "1", "-o", str(pdf), "--print-shop")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    check_with_tools(pdf)
    reader = PdfReader(pdf)
    assert reader.pdf_header == "%PDF-1.6"
    page = reader.pages[0]
    trim, bleed, media = box_mm(page, "/TrimBox"), box_mm(page, "/BleedBox"), box_mm(page, "/MediaBox")
    assert trim is not None
    assert bleed is not None
    assert media is not None
    assert size_mm(trim) == A3_LANDSCAPE  # the paper asked for is the trimmed page
    assert [round(t - b, 1) for t, b in zip(trim[:2], bleed[:2], strict=True)] == [3.0, 3.0]  # 3 mm of bleed
    assert [round(b - t, 1) for t, b in zip(trim[2:], bleed[2:], strict=True)] == [3.0, 3.0]
    assert media[0] <= bleed[0]
    assert media[1] <= bleed[1]
    assert media[2] >= bleed[2]
    assert media[3] >= bleed[3]
    assert size_mm(media)[0] > size_mm(bleed)[0] + 10  # room for the crop marks outside the bleed
    assert "/ArtBox" not in page  # PDF/X: a TrimBox or an ArtBox, not both
    # The sRGB output intent, with its ICC profile embedded.
    intents = reader.root_object["/OutputIntents"]
    assert isinstance(intents, ArrayObject)
    assert len(intents) == 1
    intent = intents[0].get_object()
    assert intent["/S"] == "/GTS_PDFX"
    assert intent["/OutputConditionIdentifier"] == "sRGB IEC61966-2.1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3
    data = profile.get_data()
    assert data == srgb_profile()
    assert data[36:40] == b"acsp"
    assert data[16:20] == b"RGB "
    # Every font embedded; nothing see-through.
    resources = page["/Resources"].get_object()
    assert isinstance(resources, DictionaryObject)
    fonts = resources["/Font"].get_object()
    assert isinstance(fonts, DictionaryObject)
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert any(key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")), font
    assert transparency_in(reader) == []


def test_the_bleed_carries_the_background_past_the_trim_and_the_crop_marks_print_outside_it(
    library: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "bleed.pdf"
    result = run_cli("--library", str(library), "export", "1", "-o", str(pdf), "--bleed", "5", "--portrait")
    assert result.returncode == 0, result.stderr
    check_with_tools(pdf)
    page = PdfReader(pdf).pages[0]
    trim, bleed, art = box_mm(page, "/TrimBox"), box_mm(page, "/BleedBox"), box_mm(page, "/ArtBox")
    assert trim is not None
    assert bleed is not None
    assert size_mm(trim) == (297.0, 420.0)
    assert round(trim[0] - bleed[0], 1) == 5.0
    assert art == trim  # tools that read the ArtBox find the same page
    dpi = 50
    subprocess.run([tool("pdftoppm"), "-r", str(dpi), "-png", "-singlefile", str(pdf), str(tmp_path / "p")], check=True)
    image = QImage(str(tmp_path / "p.png"))
    assert not image.isNull()
    px = dpi / 25.4

    def dark(x_mm: float, y_mm_from_top: float) -> bool:
        colour = image.pixelColor(round(x_mm * px), round(y_mm_from_top * px))
        return colour.lightness() < 160

    media_height = float(page.mediabox.height) / MM
    top = media_height - trim[3]  # the trim's top edge, in mm from the page's top
    left = trim[0]
    # A crop mark runs up from the trim's top left corner outside the bleed (5 mm), along the trim's left edge ...
    assert any(dark(left + dx, top - 5 - 2.5) for dx in (-0.4, -0.2, 0.0, 0.2, 0.4))
    # ... and none reaches into the bleed or the trimmed page.
    assert not any(dark(left + dx, top - 2) for dx in (-0.4, 0.0, 0.4))
    assert not any(dark(left + 2 + dx, top + 2) for dx in (0.0, 1.0))
    # The bleed around the page is filled with the page's white background, as the page edge is.
    colour = image.pixelColor(round((left - 2.5) * px), round((top + 100) * px))
    assert (colour.red(), colour.green(), colour.blue()) == (255, 255, 255)


def test_a_plain_poster_keeps_its_page_as_before_and_says_its_colours_are_srgb(library: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "plain.pdf"
    assert run_cli("--library", str(library), "export", "1", "-o", str(pdf)).returncode == 0
    check_with_tools(pdf)
    reader = PdfReader(pdf)
    page = reader.pages[0]
    assert size_mm(box_mm(page, "/MediaBox") or (0, 0, 0, 0)) == A3_LANDSCAPE
    assert all(name not in page for name in ("/TrimBox", "/BleedBox", "/ArtBox"))
    assert "/OutputIntents" in reader.root_object


def test_the_heat_view_prints_without_transparency_for_a_print_shop(tmp_path: Path) -> None:
    library = heat_library(tmp_path / "heat.cjm")
    screen, shop = tmp_path / "screen.pdf", tmp_path / "shop.pdf"
    assert run_cli("--library", str(library), "export", "1", "-o", str(screen), "--heat").returncode == 0
    assert run_cli("--library", str(library), "export", "1", "-o", str(shop), "--heat", "--print-shop").returncode == 0
    assert transparency_in(PdfReader(screen))  # the heat view's cells are tinted see-through on screen posters ...
    assert transparency_in(PdfReader(shop)) == []  # ... and blended to solid colours for a shop
    check_with_tools(shop)
    # The two look the same: the blended tint is the colour the see-through one showed over the cell.
    assert blend("#000000", 0.5, "#ffffff") == "#808080"
    dpi = 20
    pictures = {}
    for pdf in (screen, shop):
        subprocess.run([tool("pdftoppm"), "-r", str(dpi), "-png", "-singlefile", str(pdf), str(pdf)], check=True)
        pictures[pdf] = QImage(f"{pdf}.png")
    trim = box_mm(PdfReader(shop).pages[0], "/TrimBox")
    assert trim is not None
    a, b = pictures[screen], pictures[shop]
    offset = round(trim[0] * dpi / 25.4)  # the shop's page starts past its slug
    tinted = differing = samples = 0
    for y in range(2, a.height() - 2, 3):
        for x in range(2, a.width() - 2, 3):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x + offset, y + offset)
            samples += 1
            tinted += ca.saturation() > 40
            if max(abs(ca.red() - cb.red()), abs(ca.green() - cb.green()), abs(ca.blue() - cb.blue())) > 24:
                differing += 1
    assert tinted > samples * 0.05  # the heat cells are a good part of the page
    assert differing < samples * 0.03  # edges of text and lines a fraction of a pixel apart, no more


@pytest.mark.parametrize(
    ("argv", "language", "message"),
    [
        (["--bleed", "30"], "en", "argument --bleed: 30 is out of range: choose 0 to 20"),
        (["--bleed", "drie"], "en", "argument --bleed: 'drie' is not a number of millimetres"),
        (["--bleed", "nan"], "en", "argument --bleed: nan is out of range: choose 0 to 20"),
        (["--bleed", "3", "--tile", "A4"], "en", "a poster in tiles is for an office printer"),
        (["--print-shop", "--tile", "A3"], "nl", "een poster in tegels is voor een kantoorprinter"),
        (["--bleed", "25"], "nl", "bij --bleed: 25 valt buiten het bereik: kies 0 tot en met 20"),
    ],
)
def test_a_bleed_the_poster_cannot_have_is_refused_in_one_line_and_writes_nothing(
    library: Path, tmp_path: Path, argv: list[str], language: str, message: str
) -> None:
    pdf = tmp_path / "refused.pdf"
    result = run_cli("--library", str(library), "export", "1", "-o", str(pdf), *argv, language=language)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not pdf.exists()
    assert list(tmp_path.glob(".poster-*")) == []


def test_a_bleed_is_read_with_a_decimal_comma_and_millimetres_written_out(library: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "comma.pdf"
    result = run_cli("--library", str(library), "export", "1", "-o", str(pdf), "--bleed", "2,5mm", language="nl")
    assert result.returncode == 0, result.stderr
    trim, bleed = box_mm(PdfReader(pdf).pages[0], "/TrimBox"), box_mm(PdfReader(pdf).pages[0], "/BleedBox")
    assert trim is not None
    assert bleed is not None
    assert round(trim[0] - bleed[0], 1) == 2.5


def test_press_for_the_editor_refuses_what_the_command_line_refuses() -> None:
    assert press_for(None, False).bleed == 0
    assert not press_for(None, False).marks
    assert round(press_for(None, True).bleed / MM, 3) == 3.0
    assert press_for(None, True).flat
    assert press_for(0, True).marks
    assert press_for(0, True).bleed == 0
    with pytest.raises(Exception, match="a bleed of 21 mm is not possible: give 0 to 20 mm"):
        press_for(21, False)


# ---------------------------------------------------------------------- the poster dialog


@pytest.fixture
def window(qtbot: QtBot, library: Path) -> Iterator[MainWindow]:
    opened = open_window(qtbot, library)
    yield opened
    opened.close()
    opened.library.close()


def test_the_poster_dialog_prepares_a_poster_for_a_print_shop(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    assert window.document is not None
    dialog = PosterDialog(window.document.journey, tmp_path / "poster.pdf", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.shop_check.isChecked()
    assert not dialog.bleed_spin.isEnabled()
    assert dialog.options().press.bleed == 0
    dialog.shop_check.setChecked(True)
    assert dialog.bleed_spin.isEnabled()
    dialog.bleed_spin.setValue(5.0)
    options = dialog.options()
    assert round(options.press.bleed / MM, 3) == 5.0
    assert options.press.flat
    assert options.press.marks
    assert "5" in dialog.figures.text()
    assert "bleed" in dialog.figures.text()
    # Tiles are for an office printer: the print-shop choice steps aside while they are chosen.
    dialog.tile_box.setCurrentIndex(dialog.tile_box.findData("A4"))
    assert not dialog.shop_check.isEnabled()
    assert not dialog.bleed_spin.isEnabled()
    assert dialog.options().press.bleed == 0
    dialog.tile_box.setCurrentIndex(dialog.tile_box.findData(""))
    assert dialog.shop_check.isEnabled()
    assert dialog.shop_check.isChecked()
    # What the dialog asks for is what the export writes.
    from cjmapper.poster import render_poster

    pdf = tmp_path / "from dialog.pdf"
    render_poster(window.document.journey, pdf, dialog.options())
    check_with_tools(pdf)
    page = PdfReader(pdf).pages[0]
    trim, bleed = box_mm(page, "/TrimBox"), box_mm(page, "/BleedBox")
    assert trim is not None
    assert bleed is not None
    assert round(trim[0] - bleed[0], 1) == 5.0
