"""The split window and the workshop's interface: what the window offers in workshop mode and after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cjmapper.store import Library
from tests.test_recovery import KEPT, damaged, window  # noqa: F401
from tests.test_window import onboarding_journey
from tests.window_helpers import open_window
from ui.window.main_window import MainWindow


def test_leaving_workshop_mode_keeps_edit_persona_off_in_a_read_only_library(window: MainWindow) -> None:  # noqa: F811
    window.open_journey(window.library.find_journey(KEPT))
    assert window.document is not None
    assert not window.edit_persona_action.isEnabled()  # read-only: every way to edit is off
    assert window.workshop.enter()
    assert window.workshop.leave()
    assert not window.edit_persona_action.isEnabled()


def test_workshop_mode_restores_a_version_and_undoes_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Journey › Versions… › Restore works in workshop mode (and so does its undo): the Versions…
    action stays enabled there, and putting a version back is the facilitator's deliberate step."""
    from tests.test_versions_window import answer, versions_dialog
    from tests.test_versions_window import path as _path  # noqa: F401

    with Library.open(tmp_path / "v.cjm") as lib:
        lib.create_journey(onboarding_journey())
    window = open_window(qtbot, tmp_path / "v.cjm")  # noqa: F811
    try:
        document = window.document
        assert document is not None
        info = document.save_version("Before")
        assert info is not None
        document.update_journey(title="After")
        assert window.workshop.enter()
        assert window.versions_action.isEnabled()
        dialog = versions_dialog(window)
        dialog.select(info.id)
        answer(monkeypatch, QMessageBox.StandardButton.Yes)
        assert dialog.restore_selected(), window.statusBar().currentMessage()
        assert document.journey.title == onboarding_journey().title
        dialog.close()
        assert window.workshop.undo()
        assert document.journey.title == "After"
        assert window.library.load_journey(document.journey_id).title == "After"
    finally:
        window.workshop.leave()
        window.library.close()
