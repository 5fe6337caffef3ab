"""Journey › Prioritise… in the real window: the matrix dialog opened from the Journey menu, a tray card dragged
onto the matrix with real mouse events, a dot moved and dragged back to the tray, the keyboard, undo and redo on the
journey's undo stack, the names edited, and the PDF and PNG exports of what the dialog shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from cjmapper.matrix import MIDDLE, place_at
from cjmapper.model import MatrixLabels
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.poster_helpers import fragments
from ui.dialogs.matrix_dialog import MatrixDialog
from ui.dialogs.matrix_scene import DotItem
from ui.panels.place_editor import PlaceBox
from ui.window.main_window import MainWindow

PAIN = "Kan geen bezorgtijd kiezen"
OTHER = "Bezorgkosten verschijnen pas bij het afrekenen"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "matrix.cjm") as lib:
        lib.create_journey(load_example("nl"))
    return tmp_path / "matrix.cjm"


def card_id(window: MainWindow, title: str) -> int:
    assert window.document is not None
    return next(t.id for t in window.document.journey.touchpoints if t.title == title)


def stored(window: MainWindow, title: str) -> tuple[int | None, int | None]:
    """The card's place as the library holds it (read afresh)."""
    assert window.document is not None
    card = window.library.load_journey(window.document.journey_id).touchpoint(card_id(window, title))
    return card.impact, card.effort


def open_matrix(window: MainWindow) -> MatrixDialog:
    """Journey › Prioritise…, found in the menu bar as a user finds it."""
    journey_menu = next(m for m in window.menus if m.title().replace("&", "") in ("Journey", "Klantreis"))
    action = next(a for a in journey_menu.actions() if a.objectName() == "prioritiseAction")
    assert action.isEnabled()
    action.trigger()
    dialog = window.matrix.dialog
    assert dialog is not None
    assert dialog.isVisible()
    QApplication.processEvents()
    return dialog


def tray_titles(dialog: MatrixDialog) -> list[str]:
    return [dialog.tray.item(row).toolTip() for row in range(dialog.tray.count())]


def view_point(dialog: MatrixDialog, x: float, y: float) -> QPoint:
    """The view's viewport point showing the scene point (x, y)."""
    return dialog.view.mapFromScene(QPointF(x, y))


def drag(source: QWidget, start: QPoint, target: QWidget, end: QPoint) -> None:
    """Press on `source` at `start`, move in steps and let go over `target` at `end` (the source keeps the mouse, as
    Qt gives it the moves and the release while the button is down)."""
    QTest.mousePress(source, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    finish = source.mapFromGlobal(target.mapToGlobal(end))
    for step in range(1, 6):
        QTest.mouseMove(source, start + (finish - start) * step / 5)
    QTest.mouseRelease(source, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, finish)


def test_the_dialog_holds_the_opportunities_and_pain_points_in_the_tray_by_votes(window: MainWindow) -> None:
    dialog = open_matrix(window)
    assert tray_titles(dialog) == [
        OTHER,
        PAIN,
        "Verjaardagsherinnering een jaar later",
        "Belt om de bezorging naar de ochtend te verzetten",
    ]
    assert dialog.tray.item(0).text() == f"{OTHER} (4 votes)"
    assert dialog.scene.dots == {}
    quadrant_names = [q.label.text for q in dialog.scene.layout.quadrants]
    assert quadrant_names == ["Snelle winst", "Grote projecten", "Klusjes", "Geldputten"]  # the journey is Dutch


def test_a_card_dragged_from_the_tray_is_placed_where_it_is_let_go_as_one_undo_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = open_matrix(window)
    plot = dialog.scene.layout.plot
    target = (plot.x + plot.width * 0.2, plot.y + plot.height * 0.25)  # quick wins: high impact, low effort
    row = tray_titles(dialog).index(PAIN)
    start = dialog.tray.visualItemRect(dialog.tray.item(row)).center()
    end = view_point(dialog, *target)
    drag(dialog.tray.viewport(), start, dialog.view.viewport(), end)
    dropped_at = dialog.view.mapToScene(end)
    impact, effort = place_at(plot, dropped_at.x(), dropped_at.y())
    assert stored(window, PAIN) == (impact, effort)
    assert abs(impact - 75) <= 2
    assert abs(effort - 20) <= 2
    assert PAIN not in tray_titles(dialog)
    dot = dialog.scene.dots[card_id(window, PAIN)]
    assert abs(dot.pos().x() - dropped_at.x()) < 5
    assert abs(dot.pos().y() - dropped_at.y()) < 5
    assert window.undo_action.text() == f"&Undo Place card “{PAIN}” on the matrix"
    QTest.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window, PAIN) == (None, None)
    assert PAIN in tray_titles(dialog)
    assert dialog.scene.dots == {}
    window.redo_action.trigger()
    assert stored(window, PAIN) == (impact, effort)
    assert card_id(window, PAIN) in dialog.scene.dots


def test_a_dot_moves_by_mouse_and_keys_and_goes_back_to_the_tray(window: MainWindow) -> None:
    dialog = open_matrix(window)
    pain = card_id(window, PAIN)
    dialog.place(pain, 40, 60)
    dot = dialog.scene.dots[pain]
    plot = dialog.scene.layout.plot
    start = dialog.view.mapFromScene(dot.pos())
    end = view_point(dialog, plot.x + plot.width * 0.9, plot.y + plot.height * 0.9)
    drag(dialog.view.viewport(), start, dialog.view.viewport(), end)
    impact, effort = stored(window, PAIN)
    assert impact is not None
    assert effort is not None
    assert impact <= 15
    assert effort >= 85
    dot = dialog.scene.dots[pain]
    assert dot.isSelected()
    dialog.view.setFocus()
    QTest.keyClick(dialog.view.viewport(), Qt.Key.Key_Up)
    assert stored(window, PAIN) == (impact + 5, effort)
    QTest.keyClick(dialog.view.viewport(), Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert stored(window, PAIN) == (impact + 5, effort - 1)
    dot = dialog.scene.dots[pain]
    drag(dialog.view.viewport(), dialog.view.mapFromScene(dot.pos()), dialog.tray.viewport(), QPoint(40, 40))
    assert stored(window, PAIN) == (None, None)
    assert PAIN in tray_titles(dialog)
    dialog.place(pain, 10, 10)
    dialog.scene.dots[pain].setSelected(True)
    dialog.scene.dots[pain].setFocus()
    QTest.keyClick(dialog.view.viewport(), Qt.Key.Key_Delete)
    assert stored(window, PAIN) == (None, None)
    window.undo_action.trigger()
    assert stored(window, PAIN) == (10, 10)


def test_return_in_the_tray_places_the_card_in_the_middle(window: MainWindow) -> None:
    dialog = open_matrix(window)
    dialog.tray.setFocus()
    dialog.tray.setCurrentRow(0)
    QTest.keyClick(dialog.tray, Qt.Key.Key_Return)
    assert stored(window, OTHER) == (MIDDLE, MIDDLE)
    assert tray_titles(dialog)[0] == PAIN


def test_a_quadrant_renamed_by_double_click_is_one_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_matrix(window)
    quick_wins = dialog.scene.layout.quadrants[0].box
    point = view_point(dialog, quick_wins.x + quick_wins.width / 2, quick_wins.y + quick_wins.height / 2)
    QTest.mouseDClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    labels = dialog.labels_dialog
    assert labels is not None
    qtbot.waitUntil(labels.isVisible)
    edit = labels.edits["quick_wins"]
    qtbot.waitUntil(edit.hasFocus)
    assert edit.text() == ""
    assert edit.placeholderText() == "Snelle winst"
    edit.clear()
    QTest.keyClicks(edit, "Meteen doen")
    labels.edits["effort"].setText("  Kosten ")
    labels.accept()
    assert window.library.load_journey(window.document.journey_id).matrix == MatrixLabels(  # type: ignore[union-attr]
        quick_wins="Meteen doen", effort="Kosten"
    )
    assert dialog.scene.layout.quadrants[0].label.text == "Meteen doen"
    shown = [item.text() for item in dialog.scene.items() if hasattr(item, "text") and not isinstance(item, DotItem)]
    assert "Meteen doen" in shown
    assert "Kosten →" in shown
    window.undo_action.trigger()
    assert window.document is not None
    assert window.document.journey.matrix == MatrixLabels()
    assert dialog.scene.layout.quadrants[0].label.text == "Snelle winst"


def test_the_exports_draw_what_the_dialog_shows(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_matrix(window)
    dialog.place(card_id(window, PAIN), 80, 20)
    dialog.place(card_id(window, OTHER), 20, 80)
    pdf, png = tmp_path / "matrix.pdf", tmp_path / "matrix.png"
    for button, target in ((dialog.pdf_button, pdf), (dialog.png_button, png)):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        button.click()
    found = {f.text: f for f in fragments(pdf)}
    assert {"Snelle winst", "Grote projecten", "Klusjes", "Geldputten", PAIN}.issubset(found)
    assert found[PAIN].x < 842 / 2
    assert found[PAIN].y > 595 / 2
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1754, 1240)


def test_the_properties_panel_shows_a_place_and_clears_it(window: MainWindow) -> None:
    dialog = open_matrix(window)
    pain = card_id(window, PAIN)
    dialog.place(pain, 65, 35)
    assert window.scene is not None
    window.scene.select_ids([pain])
    QApplication.processEvents()
    impact, effort = (window.properties.card_editors[name] for name in ("impact", "effort"))
    assert isinstance(impact, PlaceBox)
    assert isinstance(effort, PlaceBox)
    assert (impact.text(), effort.text()) == ("65", "35")
    effort.setFocus()
    effort.selectAll()
    QTest.keyClicks(effort, "80")
    QTest.keyClick(effort, Qt.Key.Key_Return)
    assert stored(window, PAIN) == (65, 80)
    assert dialog.scene.dots[pain].dot.effort == 80  # the dialog follows an edit made elsewhere
    for box in (impact, effort):
        box.setFocus()
        for _ in range(10):  # down to its lowest step, below 0: "Not placed"
            QTest.keyClick(box, Qt.Key.Key_PageDown)
    assert impact.text() == "Not placed"
    assert stored(window, PAIN) == (None, None)
    assert PAIN in tray_titles(dialog)


def test_a_dots_context_menu_takes_it_off_the_matrix(window: MainWindow) -> None:
    dialog = open_matrix(window)
    pain = card_id(window, PAIN)
    dialog.place(pain, 30, 70)
    point = dialog.view.mapFromScene(dialog.scene.dots[pain].pos())
    chosen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        [action] = menu.actions()
        chosen.append(action.text())
        action.trigger()
        menu.close()

    QTimer.singleShot(0, choose)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, dialog.view.viewport().mapToGlobal(point))
    QApplication.sendEvent(dialog.view.viewport(), event)
    assert chosen == ["&Take Off the Matrix"]
    assert stored(window, PAIN) == (None, None)
    assert PAIN in tray_titles(dialog)
