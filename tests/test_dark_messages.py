"""Dark mode beyond the canvas, on the real window with a desktop's dark palette: a field's message (red) and the voting
panel's warning (orange) read at 4.5:1 or more against the panel (WCAG 2), the score buttons turn dark with light
digits that read as well, and the poster preview's surround follows the palette while its page stays white; with
the light palette back, each looks as before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QToolButton
from pytestqt.qtbot import QtBot

from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.test_dark_mode import dark_palette, ground_and_contrast, luminance
from tests.window_helpers import open_window
from ui.canvas.theme import MESSAGE_COLOURS, MIN_CONTRAST, contrast, current_theme
from ui.export.poster_preview import PREVIEW_BACKGROUND, PosterPreview
from ui.panels.field_editors import ScoreButtons
from ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> Iterator[MainWindow]:
    with Library.open(tmp_path / "dark.cjm") as lib:
        lib.create_journey(load_example("en"))
    palette = QPalette(qapp.palette())
    opened = open_window(qtbot, tmp_path / "dark.cjm", 1)
    yield opened
    qapp.setPalette(palette)
    qapp.processEvents()
    assert not current_theme().dark
    opened.close()
    opened.library.close()


def text_colour(label: QLabel) -> QColor:
    label.ensurePolished()
    return label.palette().color(label.foregroundRole())


def assert_message_reads(label: QLabel, kind: str, dark: bool) -> None:
    """The label's text in the kind's colour (or one closer to the window's text), 4.5:1 or more against the window
    and base colours of the application's palette (what the panel and its scroll area stand on)."""
    colour = text_colour(label)
    palette = QApplication.palette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        assert contrast(colour, palette.color(role)) >= MIN_CONTRAST, (kind, colour.name(), role)
    light = colour.name() == MESSAGE_COLOURS[kind][0]
    assert light != dark, colour.name()  # the dark form on dark, the light one (as before) on light


def assert_score_buttons_read(buttons: ScoreButtons, dark: bool) -> None:
    """Each button's digit against its own fill, on its pixels, chosen and not."""
    for score in range(0, 6):
        button = buttons.findChildren(QToolButton)[score]
        for checked in (False, True):
            button.setChecked(checked)
            QApplication.processEvents()
            shot = button.grab().toImage()
            ground, best = ground_and_contrast(shot, QRectF(shot.rect()).adjusted(3, 3, -3, -3))
            assert best >= MIN_CONTRAST, (score, checked, ground.name(), best)
            if not checked:
                assert (luminance(ground) < 0.1) == dark, (score, ground.name())


def test_messages_score_buttons_and_the_poster_preview_follow_a_dark_palette(
    qtbot: QtBot, window: MainWindow, qapp: QApplication
) -> None:
    panel = window.properties
    title = panel.journey_title
    title.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(title.hasFocus)
    QTest.keyClick(title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(title, Qt.Key.Key_Backspace)  # an empty title: refused, with a message under the field
    box = title.parentWidget()
    assert box is not None
    message = box.findChild(QLabel, "fieldMessage")
    assert isinstance(message, QLabel)
    assert message.isVisible()
    voting = window.voting_panel.findChild(QLabel, "votingMessage")
    assert isinstance(voting, QLabel)
    scene = window.scene
    assert scene is not None
    preview = PosterPreview(scene.journey, scene.layout)
    qtbot.addWidget(preview)
    for dark in (False, True, False):
        qapp.setPalette(dark_palette() if dark else qapp.style().standardPalette())
        qtbot.waitUntil(lambda: current_theme().dark is dark)  # noqa: B023 - waited for here, in this loop
        assert_message_reads(message, "error", dark)
        assert_message_reads(voting, "warning", dark)
        scene.select_ids([scene.journey.touchpoints[0].id])  # a card: its score buttons in the panel
        buttons = panel.findChildren(ScoreButtons)
        shown = [b for b in buttons if b.isVisible()]
        assert shown
        assert_score_buttons_read(shown[0], dark)
        surround = preview.surround()
        window_colour = qapp.palette().color(QPalette.ColorRole.Window)
        if dark:
            assert surround.lightnessF() < window_colour.lightnessF() < 0.5
        else:
            assert surround == PREVIEW_BACKGROUND


def test_a_fields_length_counter_at_its_limit_reads_on_a_dark_palette(
    qtbot: QtBot, window: MainWindow, qapp: QApplication
) -> None:
    title = window.properties.journey_title
    title.setText("x" * title.maxLength())  # at the limit: the counter shows, in the error colour
    counter = title.findChild(QLabel, "limitCounter")
    assert isinstance(counter, QLabel)
    for dark in (False, True, False):
        qapp.setPalette(dark_palette() if dark else qapp.style().standardPalette())
        qtbot.waitUntil(lambda: current_theme().dark is dark)  # noqa: B023 - waited for here, in this loop
        assert counter.isVisibleTo(title)
        assert_message_reads(counter, "error", dark)
