"""The panels tabbed together on a 1024x768 projector show every tab's label whole, in Dutch and in English ("Kan…",
"Stem…" told a Dutch user nothing), and the canvas keeps its share of the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cjmapper.model import Language
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.test_window_fit import settled
from tests.window_helpers import open_window
from ui import i18n
from ui.window.panel_layout import CANVAS_SHARE

PADDING = 8
"""At least this much room beside a tab's label (pixels): it is shown whole, not cut to "…"."""


@pytest.fixture(params=[Language.NL, Language.EN], ids=["nl", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Language]:
    with i18n.using_language(request.param):
        yield request.param


def test_every_tab_of_the_tabbed_panels_shows_its_label_whole_at_1024(
    qtbot: QtBot, tmp_path: Path, language: Language
) -> None:
    with Library.open(tmp_path / "tabs.cjm") as lib:
        lib.create_journey(load_example(language.value))
    window = open_window(qtbot, tmp_path / "tabs.cjm", 1)
    try:
        settled(qtbot, window, 1024, 768)
        assert window.panel_layout.compact
        qtbot.waitUntil(lambda: window.panel_layout.tab_bar() is not None)
        bar = window.panel_layout.tab_bar()
        assert bar is not None
        titles = {dock.windowTitle() for dock in window.panel_layout.docks}
        assert {bar.tabText(i) for i in range(bar.count())} == titles
        qtbot.wait(50)
        metrics = bar.fontMetrics()
        for i in range(bar.count()):
            text = bar.tabText(i)
            rect = bar.tabRect(i)
            assert rect.width() >= metrics.horizontalAdvance(text) + PADDING, (text, rect.width())
            assert rect.width() >= bar.tabSizeHint(i).width(), text  # as wide as Qt wants it unelided
            assert bar.rect().contains(rect), text  # and all of it in the bar (no tab scrolled away)
        assert window.view.width() / window.width() >= CANVAS_SHARE
    finally:
        window.close()
        window.library.close()
