"""File › Export Poster and File › Export Picture on the real window: the poster dialog with its live preview and
figures, the export on a worker thread (progress, cancel, failure, closing the window while it runs), settings
that persist, and PNG/SVG pictures."""

from __future__ import annotations

import dataclasses
import math
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

import ui.export.export_jobs
from cjmapper.errors import CjmapperError
from cjmapper.model import Journey, Language, Touchpoint
from cjmapper.poster import A0, A1, A2, A3, A4, Paper, PosterOptions, PosterPlan, plan_poster, render_poster
from cjmapper.poster.paper import MM
from cjmapper.poster.sizing import Choice, warning_text
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui import app as ui_app
from ui import i18n
from ui.export.export_jobs import JobOutcome, PosterJob
from ui.export.picture_dialog import PictureDpiDialog
from ui.export.pictures import picture_size
from ui.export.poster_dialog import CUSTOM, FIT, SPIN_DELAY_MS, PosterDialog
from ui.user_settings import settings
from ui.window.main_window import MainWindow


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "test.cjm") as lib:
        lib.create_journey(load_example("en"))
    return tmp_path / "test.cjm"


@pytest.fixture
def window(qtbot: QtBot, path: Path) -> Iterator[MainWindow]:
    opened = open_window(qtbot, path)
    yield opened
    opened.close()
    opened.library.close()


@pytest.fixture
def opened_urls(window: MainWindow) -> list[QUrl]:
    urls: list[QUrl] = []
    window.exports.open_url = urls.append
    return urls


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """QFileDialog.getSaveFileName answers `target`; returns the suggested names it was shown."""
    suggested: list[str] = []

    def answer(_parent: object, _title: str, directory: str = "", *_: object, **__: object) -> tuple[str, str]:
        suggested.append(directory)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return suggested


def run_dialog(monkeypatch: pytest.MonkeyPatch, choose: Callable[[PosterDialog], None], export: bool = True) -> None:
    """PosterDialog.exec: apply `choose` to the dialog, then press Export… (or Cancel)."""

    def fake_exec(dialog: PosterDialog) -> int:
        choose(dialog)
        if export:
            dialog.export_button.click()
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(PosterDialog, "exec", fake_exec)


def journey_of(window: MainWindow) -> Journey:
    assert window.document is not None
    return window.document.journey


def wait_for_export(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.exports.poster_job is None, timeout=30_000)


def page_size_mm(target: Path, page: int = 0) -> tuple[float, float]:
    box = PdfReader(target).pages[page].mediabox
    return round(float(box.width) / MM), round(float(box.height) / MM)


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow) -> PosterDialog:
    made = PosterDialog(journey_of(window), Path.home() / "poster.pdf", window)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


# ---------------------------------------------------------------------- the dialog


def test_ctrl_p_opens_the_poster_dialog_on_the_open_journey(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, PosterPlan | None, str]] = []
    run_dialog(monkeypatch, lambda d: seen.append((d.journey.title, d.plan, d.figures.text())), export=False)
    assert window.export_poster_action.isEnabled()
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()  # offscreen, a shown window is not active until asked: shortcuts need it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    [(title, plan, figures)] = seen
    assert title == journey_of(window).title
    assert plan == plan_poster(journey_of(window), PosterOptions(A3))  # the first time: A3 landscape, one sheet
    assert figures.startswith("420 × 297 mm")
    assert window.exports.poster_job is None  # cancelled: nothing runs


def test_export_poster_is_disabled_without_a_journey(qtbot: QtBot, tmp_path: Path) -> None:
    empty = ui_app.create_window(Library.open(tmp_path / "empty.cjm"))
    qtbot.addWidget(empty)
    try:
        assert not empty.export_poster_action.isEnabled()
        assert not empty.export_picture_action.isEnabled()
    finally:
        empty.close()
        empty.library.close()


def test_paper_orientation_and_tiling_update_the_preview_and_figures(qtbot: QtBot, dialog: PosterDialog) -> None:
    journey = dialog.journey
    qtbot.waitUntil(lambda: dialog.preview.paints > 0)
    painted = dialog.preview.paints
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("A0"))
    assert dialog.plan == plan_poster(journey, PosterOptions(A0))
    assert dialog.preview.plan is dialog.plan
    qtbot.waitUntil(lambda: dialog.preview.paints > painted)  # drawn again for the new plan
    assert dialog.figures.text().startswith("1189 × 841 mm")
    assert (dialog.width_spin.value(), dialog.height_spin.value()) == (841, 1189)
    assert not dialog.width_spin.isEnabled()
    landscape = dialog.preview.grab().toImage()

    dialog.portrait_radio.setChecked(True)
    assert dialog.plan == plan_poster(journey, PosterOptions(A0, portrait=True))
    assert dialog.figures.text().startswith("841 × 1189 mm")
    page = dialog.preview.page_rect()
    assert page.height() > page.width()
    assert dialog.preview.grab().toImage() != landscape

    dialog.landscape_radio.setChecked(True)
    dialog.tile_box.setCurrentIndex(dialog.tile_box.findData("A4"))
    tiled = plan_poster(journey, PosterOptions(A0, tile=A4))
    assert dialog.plan == tiled
    assert dialog.options() == PosterOptions(A0, tile=A4)
    if tiled.tile_grid is not None:
        rows, columns = tiled.tile_grid
        assert tiled.tiles is not None
        blank = len(tiled.tiles.blank)
        assert tiled.sheets == rows * columns - blank + 1
        printed = f"{tiled.sheets - 1} sheets of A4 in a {columns} × {rows} grid, and an assembly sheet"
        assert dialog.figures.text().endswith(printed + (f" ({blank} blank sheets left out)" if blank > 1 else ""))
        assert dialog.preview.grab().toImage() != landscape  # the tile grid is drawn
    else:
        assert dialog.figures.text().endswith("1 sheet")
    scale = f"scale {round(tiled.scale * 100)}%"
    body = f"text {math.floor(tiled.body_size * 10) / 10:.1f} pt"  # never rounded up
    assert scale in dialog.figures.text()
    assert body in dialog.figures.text()


def test_a_custom_size_is_planned_after_typing_stops(qtbot: QtBot, dialog: PosterDialog) -> None:
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData(CUSTOM))
    assert dialog.width_spin.isEnabled()
    dialog.width_spin.setValue(1000)
    dialog.height_spin.setValue(500)
    expected = plan_poster(dialog.journey, PosterOptions(Paper("", 1000, 500)))
    qtbot.waitUntil(lambda: dialog.plan == expected, timeout=SPIN_DELAY_MS * 20)
    assert dialog.figures.text().startswith("1000 × 500 mm")
    assert dialog.paper() == Paper("", 1000, 500)
    # The spin boxes keep the custom size while a named paper shows its own.
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("A4"))
    assert dialog.width_spin.value() == 210
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData(CUSTOM))
    assert (dialog.width_spin.value(), dialog.height_spin.value()) == (1000, 500)
    assert (dialog.width_spin.minimum(), dialog.width_spin.maximum()) == (50, 5080)


def test_a_legibility_warning_offers_the_smallest_legible_paper(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = plan_poster(journey_of(window), PosterOptions(A4))
    made = PosterDialog(journey_of(window), Path.home() / "poster.pdf", window)
    qtbot.addWidget(made)
    made.show()
    made.paper_box.setCurrentIndex(made.paper_box.findData("A4"))
    assert made.warning_frame.isVisible() == (real.warning is not None)
    if real.warning is not None:  # the example's text is too small on A4: the dialog says so and offers better
        assert made.warning_label.text() == real.warning
        assert real.smallest_legible is not None
        assert made.use_button.text() == f"Use {real.smallest_legible.label}"

    def too_small(journey: Journey, options: PosterOptions) -> PosterPlan:
        plan = plan_poster(journey, options)
        if options.paper in (A1, A0):
            return dataclasses.replace(plan, smallest_legible=A1, warning=None)
        return dataclasses.replace(plan, smallest_legible=A1, warning="Body text would be 4.1 pt: use A1 or larger.")

    monkeypatch.setattr("ui.export.poster_dialog.plan_poster", too_small)
    made.refresh()
    assert made.warning_frame.isVisible()
    assert made.warning_label.text() == "Body text would be 4.1 pt: use A1 or larger."
    assert made.use_button.isVisible()
    assert made.use_button.text() == "Use A1"
    QTest.mouseClick(made.use_button, Qt.MouseButton.LeftButton)
    assert made.paper() == A1
    assert not made.warning_frame.isVisible()
    made.close()


# ---------------------------------------------------------------------- exporting


def test_export_writes_a_pdf_of_the_chosen_paper_and_opens_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened_urls: list[QUrl]
) -> None:
    target = tmp_path / "out" / "bakery poster"
    target.parent.mkdir()
    suggested = save_as(monkeypatch, target)

    def choose(d: PosterDialog) -> None:
        d.paper_box.setCurrentIndex(d.paper_box.findData("A2"))
        d.portrait_radio.setChecked(True)
        d.open_check.setChecked(True)

    run_dialog(monkeypatch, choose)
    window.export_poster_action.trigger()
    assert suggested == [str(Path.home() / "Webshop customer journey_ Bakery De Korenbloem.pdf")]
    assert window.exports.poster_job is not None
    assert window.export_progress.isVisible()
    assert not window.export_poster_action.isEnabled()  # one export at a time
    wait_for_export(qtbot, window)
    written = target.with_name("bakery poster.pdf")  # .pdf added
    assert page_size_mm(written) == (420, 594)
    assert len(PdfReader(written).pages) == 1
    assert opened_urls == [QUrl.fromLocalFile(str(written))]
    assert window.statusBar().currentMessage() == f"Saved the poster as {written} (1 sheet)"
    assert not window.export_progress.isVisible()
    assert window.export_poster_action.isEnabled()
    # The next export suggests the same folder and does not open the PDF when not asked.
    run_dialog(monkeypatch, lambda d: d.open_check.setChecked(False))
    window.export_poster_action.trigger()
    wait_for_export(qtbot, window)
    assert suggested[1] == str(target.parent / "Webshop customer journey_ Bakery De Korenbloem.pdf")
    assert len(opened_urls) == 1


def test_a_tiled_export_has_the_planned_sheets(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, opened_urls: list[QUrl]
) -> None:
    target = tmp_path / "tiled.pdf"
    options = PosterOptions(A1, tile=A4)
    assert window.exports.start_poster_export(target, options)
    wait_for_export(qtbot, window)
    plan = plan_poster(journey_of(window), options)
    assert len(PdfReader(target).pages) == plan.sheets
    assert window.statusBar().currentMessage().endswith("1 sheet)" if plan.sheets == 1 else f"({plan.sheets} sheets)")
    assert opened_urls == []


def test_the_export_draws_a_copy_taken_when_it_starts(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    journey = journey_of(window)
    assert window.exports.start_poster_export(tmp_path / "copy.pdf", PosterOptions(A4))
    job = window.exports.poster_job
    assert job is not None
    assert job.journey == journey
    assert job.journey is not journey
    assert job.journey.touchpoints[0] is not journey.touchpoints[0]
    wait_for_export(qtbot, window)


@pytest.fixture
def held_export(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """render_poster on the worker waits (polling its progress hook) until the export is cancelled, then draws
    for real, which sees the cancel at its first step. Returns the event set once the worker is waiting."""
    started = threading.Event()

    def held(journey: Journey, target: Path, options: PosterOptions, progress: Callable[[int, int], bool]) -> object:
        started.set()
        deadline = time.monotonic() + 20
        while progress(0, 10) and time.monotonic() < deadline:
            time.sleep(0.005)
        return render_poster(journey, target, options, progress)

    monkeypatch.setattr(ui.export.export_jobs, "render_poster", held)
    return started


def test_cancel_leaves_the_target_as_it_was(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, held_export: threading.Event, warnings: list[str]
) -> None:
    fresh = tmp_path / "fresh.pdf"
    assert window.exports.start_poster_export(fresh, PosterOptions(A0))
    qtbot.waitUntil(held_export.is_set)
    qtbot.waitUntil(lambda: window.export_progress.bar.maximum() == 10)  # progress reached the status bar
    QTest.mouseClick(window.export_progress.cancel_button, Qt.MouseButton.LeftButton)
    assert window.export_progress.label.text() == "Cancelling…"
    wait_for_export(qtbot, window)
    assert not fresh.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf" or p.name.startswith(".poster")] == []
    assert window.statusBar().currentMessage() == "Poster export cancelled; no file was written."
    assert warnings == []

    held_export.clear()
    existing = tmp_path / "existing.pdf"
    existing.write_bytes(b"an older poster")
    assert window.exports.start_poster_export(existing, PosterOptions(A0))
    qtbot.waitUntil(held_export.is_set)
    window.exports.cancel_poster_export()
    wait_for_export(qtbot, window)
    assert existing.read_bytes() == b"an older poster"


def test_a_second_export_is_refused_while_one_runs(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, held_export: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.exports.start_poster_export(tmp_path / "first.pdf", PosterOptions(A3))
    qtbot.waitUntil(held_export.is_set)
    assert not window.export_poster_action.isEnabled()
    assert not window.exports.start_poster_export(tmp_path / "second.pdf", PosterOptions(A3))
    monkeypatch.setattr(PosterDialog, "exec", lambda _d: pytest.fail("the dialog opened during an export"))
    window.exports.export_poster()  # e.g. from a stale menu: a status message, no dialog
    assert window.statusBar().currentMessage().startswith("A poster is being exported already")
    # The window stays usable meanwhile: edits go on, on the document's own journey.
    window.new_card_action.trigger()
    assert len(journey_of(window).touchpoints) == 17
    window.exports.cancel_poster_export()
    wait_for_export(qtbot, window)
    assert not (tmp_path / "second.pdf").exists()


def test_closing_the_window_cancels_and_joins_the_export(
    qtbot: QtBot, path: Path, tmp_path: Path, held_export: threading.Event
) -> None:
    window = ui_app.create_window(Library.open(path))
    qtbot.addWidget(window)
    window.show()
    target = tmp_path / "closing.pdf"
    assert window.exports.start_poster_export(target, PosterOptions(A0))
    job = window.exports.poster_job
    assert job is not None
    qtbot.waitUntil(held_export.is_set)
    window.close()
    window.library.close()
    assert job.isFinished()
    assert job.outcome is JobOutcome.CANCELLED
    assert window.exports.poster_job is None
    assert not target.exists()


def test_a_failing_export_is_one_message_and_the_window_stays_usable(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
    opened_urls: list[QUrl],
) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    save_as(monkeypatch, blocker / "poster.pdf")
    run_dialog(monkeypatch, lambda d: d.open_check.setChecked(True))
    window.export_poster_action.trigger()
    wait_for_export(qtbot, window)
    assert len(warnings) == 1
    assert str(blocker / "poster.pdf") in warnings[0]  # the renderer's message, or the window's for an OSError
    assert "Traceback" not in warnings[0]
    assert opened_urls == []
    assert window.export_poster_action.isEnabled()
    good = tmp_path / "good.pdf"
    save_as(monkeypatch, good)
    window.export_poster_action.trigger()
    wait_for_export(qtbot, window)
    assert good.exists()
    assert len(warnings) == 1


def test_a_user_error_from_the_renderer_is_shown_as_it_is(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    def refuse(*_: object) -> PosterPlan:
        raise CjmapperError("the poster is too large for this paper")

    monkeypatch.setattr(ui.export.export_jobs, "render_poster", refuse)
    assert window.exports.start_poster_export(tmp_path / "x.pdf", PosterOptions(A4))
    wait_for_export(qtbot, window)
    assert warnings == ["the poster is too large for this paper"]


def test_an_unexpected_error_is_one_short_message(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(*_: object) -> PosterPlan:
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(ui.export.export_jobs, "render_poster", broken)
    assert window.exports.start_poster_export(tmp_path / "x.pdf", PosterOptions(A4))
    wait_for_export(qtbot, window)
    assert warnings == ["The poster could not be made because of an unexpected problem (ZeroDivisionError)."]
    assert "Traceback" in capsys.readouterr().err  # the details go to the log for a bug report


def test_poster_options_persist_between_dialogs(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened_urls: list[QUrl]
) -> None:
    save_as(monkeypatch, tmp_path / "first.pdf")

    def choose(d: PosterDialog) -> None:
        d.paper_box.setCurrentIndex(d.paper_box.findData(CUSTOM))
        d.width_spin.setValue(700)
        d.height_spin.setValue(1000)
        d.portrait_radio.setChecked(True)
        d.tile_box.setCurrentIndex(d.tile_box.findData("A3"))
        d.open_check.setChecked(True)

    run_dialog(monkeypatch, choose)
    window.export_poster_action.trigger()
    wait_for_export(qtbot, window)
    assert page_size_mm(tmp_path / "first.pdf", -1) in ((297, 420), (420, 297), (700, 1000))

    seen: list[tuple[PosterOptions, bool]] = []
    run_dialog(monkeypatch, lambda d: seen.append((d.options(), d.open_when_done)), export=False)
    window.export_poster_action.trigger()
    assert seen == [(PosterOptions(Paper("", 700, 1000), portrait=True, tile=A3), True)]
    # A cancelled dialog changes nothing that is remembered.
    run_dialog(monkeypatch, lambda d: d.paper_box.setCurrentIndex(d.paper_box.findData("A4")), export=False)
    window.export_poster_action.trigger()
    run_dialog(monkeypatch, lambda d: seen.append((d.options(), d.open_when_done)), export=False)
    window.export_poster_action.trigger()
    assert seen[-1] == seen[0]
    stored = QSettings(settings().fileName(), QSettings.Format.IniFormat)
    assert stored.value("poster/paper") == CUSTOM


def test_cancelling_the_file_dialog_keeps_the_poster_dialog_open(
    dialog: PosterDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    dialog.export_button.click()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.target is None


# ---------------------------------------------------------------------- pictures


def fake_dpi(monkeypatch: pytest.MonkeyPatch, dpi: int, seen: list[str] | None = None) -> None:
    def choose(d: PictureDpiDialog) -> int:
        d.dpi_spin.setValue(dpi)
        if seen is not None:
            seen.append(d.size_label.text())
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PictureDpiDialog, "exec", choose)


def test_export_picture_writes_a_png_at_the_chosen_dpi(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.document is not None
    target = tmp_path / "map.png"
    save_as(monkeypatch, target)
    labels: list[str] = []
    fake_dpi(monkeypatch, 60, labels)
    window.export_picture_action.trigger()
    image = QImage(str(target))
    assert not image.isNull()
    width, height = picture_size(window.document, 60)
    assert (image.width(), image.height()) == (width, height)
    assert labels == [f"{width:,} × {height:,} pixels ({width * height / 1e6:.1f} megapixels)"]
    assert window.statusBar().currentMessage() == f"Saved the picture as {target}"
    # The dpi is remembered for the next picture.
    seen: list[int] = []

    def remember(d: PictureDpiDialog) -> int:
        seen.append(d.dpi)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(PictureDpiDialog, "exec", remember)
    window.export_picture_action.trigger()
    assert seen == [60]


def test_export_picture_writes_an_svg(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "map.svg"
    save_as(monkeypatch, target)
    asked: list[bool] = []

    def accept(d: PictureDpiDialog) -> int:
        asked.append(d.dpi_spin.isVisibleTo(d))  # an SVG has no dpi to ask for: only the title block and legend
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PictureDpiDialog, "exec", accept)
    window.export_picture_action.trigger()
    assert asked == [False]
    text = target.read_text(encoding="utf-8")
    assert "<svg" in text
    assert "Bakery De Korenbloem" in text


def test_a_failing_picture_is_one_message(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("x", encoding="utf-8")
    save_as(monkeypatch, blocker / "map.png")
    fake_dpi(monkeypatch, 96)
    window.export_picture_action.trigger()
    assert len(warnings) == 1
    assert "map.png" in warnings[0]
    assert QApplication.overrideCursor() is None  # the wait cursor is gone
    assert window.export_picture_action.isEnabled()


def test_the_job_reports_progress_and_its_plan(qtbot: QtBot, tmp_path: Path) -> None:
    journey = load_example("en")
    job = PosterJob(journey, tmp_path / "job.pdf", PosterOptions(A2))
    steps: list[tuple[int, int]] = []
    job.progress.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(job.ended, timeout=30_000):
        job.start()
    assert job.outcome is JobOutcome.DONE
    assert job.plan == plan_poster(journey, PosterOptions(A2))
    assert steps
    assert all(0 <= done <= total for done, total in steps)
    job.deleteLater()


# ---------------------------------------------------------------------- paper sizes, fitting, advice


def test_a_custom_size_keeps_its_width_and_height_and_shows_its_orientation(qtbot: QtBot, dialog: PosterDialog) -> None:
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData(CUSTOM))
    for width, height in ((300, 600), (600, 300)):
        dialog.width_spin.setValue(width)
        dialog.height_spin.setValue(height)
        dialog.refresh()
        assert dialog.plan is not None
        assert (round(dialog.plan.page_width / MM), round(dialog.plan.page_height / MM)) == (width, height)
        assert dialog.figures.text().startswith(f"{width} × {height} mm")
        assert dialog.portrait_radio.isChecked() == (height > width)
        assert not dialog.portrait_radio.isEnabled()
        assert not dialog.landscape_radio.isEnabled()
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("A2"))
    assert dialog.portrait_radio.isEnabled()  # a named size keeps its choice of orientation


def test_fit_to_sheets_sizes_the_poster_for_them(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_as(monkeypatch, tmp_path / "fitted.pdf")

    def choose(d: PosterDialog) -> None:
        d.paper_box.setCurrentIndex(d.paper_box.findData(FIT))
        assert d.sheets_spin.isVisibleTo(d)
        assert not d.width_spin.isVisibleTo(d)
        assert d.tile() == A4  # fitting needs sheets: "One sheet" becomes A4
        d.sheets_spin.setValue(4)
        d.refresh()
        assert d.options() == PosterOptions(A3, tile=A4, sheets=4)
        assert d.plan is not None
        assert d.plan.tiles is not None
        assert d.plan.tiles.count <= 4
        assert d.plan == plan_poster(journey_of(window), d.options())

    run_dialog(monkeypatch, choose)
    window.export_poster_action.trigger()
    wait_for_export(qtbot, window)
    pages = PdfReader(tmp_path / "fitted.pdf").pages
    assert 2 <= len(pages) <= 5
    assert all(sorted(page_size_mm(tmp_path / "fitted.pdf", i)) == [210, 297] for i in range(len(pages)))
    seen: list[PosterOptions] = []
    run_dialog(monkeypatch, lambda d: seen.append(d.options()), export=False)
    window.export_poster_action.trigger()
    assert seen == [PosterOptions(A3, tile=A4, sheets=4)]  # remembered


def test_the_warning_button_takes_the_advice_beyond_a0(qtbot: QtBot, window: MainWindow) -> None:
    journey = journey_of(window)
    lane = journey.lanes[0].id
    journey.touchpoints = [
        Touchpoint(i, journey.phases[i % len(journey.phases)].id, lane, i, f"Card {i}") for i in range(1, 1500)
    ]
    made = PosterDialog(journey, Path.home() / "poster.pdf", window)
    qtbot.addWidget(made)
    made.show()
    made.paper_box.setCurrentIndex(made.paper_box.findData("A0"))
    plan = made.plan
    assert plan is not None
    assert plan.advice is not None
    assert made.warning_frame.isVisible()
    assert made.use_button.isVisible()
    choice = plan.advice.choice
    QTest.mouseClick(made.use_button, Qt.MouseButton.LeftButton)
    assert made.options().paper == choice.paper
    assert made.options().tile == choice.tile
    assert made.plan is not None
    assert made.plan.warning is None
    assert not made.warning_frame.isVisible()
    with i18n.using_language(Language.NL):
        tiny = dataclasses.replace(plan, body_size=0.043)
        assert "0,043 pt" in warning_text(Choice(A0), tiny.body_size, plan.advice)
        assert "0,0 pt" not in warning_text(Choice(A0), 0.04, plan.advice)
        assert "onder 0,001 pt" in warning_text(Choice(A0), 0.0004, plan.advice)
    made.close()
