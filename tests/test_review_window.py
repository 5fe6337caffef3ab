"""Review of issue 14: the split window and the workshop's new interface."""

from __future__ import annotations

from ui.window.main_window import MainWindow
from tests.test_recovery import KEPT, damaged, window  # noqa: F401


def test_leaving_workshop_mode_keeps_edit_persona_off_in_a_read_only_library(window: MainWindow) -> None:  # noqa: F811
    window.open_journey(window.library.find_journey(KEPT))
    assert window.document is not None
    assert not window.edit_persona_action.isEnabled()  # read-only: every way to edit is off
    assert window.workshop.enter()
    assert window.workshop.leave()
    assert not window.edit_persona_action.isEnabled()
