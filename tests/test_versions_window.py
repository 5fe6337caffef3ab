"""Journey › Versions… on the real window and a real library file: save, edit, restore, undo, redo; a version opened
read-only refuses every edit; a version prints as a poster whose title block names it; delete asks and undoes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cjmapper.interchange import write_journey
from cjmapper.model import Journey
from cjmapper.store import Library
from tests.test_window import ONBOARDING, journey_titled, onboarding_journey
from ui.dialogs.versions_dialog import VersionsDialog
from ui.export.poster_dialog import PosterDialog
from ui.window.main_window import MainWindow


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "versions.cjm") as lib:
        lib.create_journey(onboarding_journey())
    return tmp_path / "versions.cjm"


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: button)


def versions_dialog(window: MainWindow) -> VersionsDialog:
    window.versions_action.trigger()
    dialog = window.versions_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def save(dialog: VersionsDialog, monkeypatch: pytest.MonkeyPatch, name: str | None) -> None:
    """Click Save Version… and type `name` (None: take the offered name)."""
    offered: list[str] = []

    def get_text(_parent: object, _title: str, _label: str, _mode: object, text: str) -> tuple[str, bool]:
        offered.append(text)
        return (text if name is None else name), True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    dialog.save_button.click()
    assert offered
    assert offered[0].startswith("Version of ")


def content_json(journey: Journey) -> str:
    return write_journey(journey)


def test_save_edit_restore_undo_redo(
    window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    document = window.document
    assert document is not None
    before = content_json(journey_titled(path, ONBOARDING))
    dialog = versions_dialog(window)
    assert dialog.versions() == []
    save(dialog, monkeypatch, "Before the workshop")
    [info] = dialog.versions()
    assert (info.name, info.touchpoints) == ("Before the workshop", 3)
    assert dialog.selected() == info
    save(dialog, monkeypatch, None)  # the offered, dated name
    assert [v.name.startswith("Version of ") for v in dialog.versions()] == [True, False]
    save(dialog, monkeypatch, "before the WORKSHOP")  # taken: refused with a message, nothing saved
    assert warnings
    assert "already has a version" in warnings[-1]
    assert len(dialog.versions()) == 2

    # Edit the journey on the canvas' document, then restore the version.
    card = document.journey.touchpoints[0]
    assert document.update_touchpoint(card.id, title="Changed in the workshop")
    assert document.delete_touchpoints([document.journey.touchpoints[1].id])
    assert document.update_journey(title="After the workshop")
    edited = content_json(journey_titled(path, "After the workshop"))
    dialog.select(info.id)
    answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog.restore_button.click()  # asked, and answered No
    assert content_json(document.journey) == edited
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.restore_button.click()
    assert content_json(journey_titled(path, ONBOARDING)) == before
    assert content_json(document.journey) == before
    assert window.scene is not None
    assert len(window.scene.card_items()) == 3
    assert window.undo_action.text() == "&Undo Restore version “Before the workshop”"

    window.undo_action.trigger()
    assert content_json(journey_titled(path, "After the workshop")) == edited
    assert content_json(document.journey) == edited
    window.redo_action.trigger()
    assert content_json(journey_titled(path, ONBOARDING)) == before
    # Older steps still undo exactly: the restore kept every id.
    window.undo_action.trigger()
    assert content_json(document.journey) == edited
    for _ in range(3):
        window.undo_action.trigger()
    assert content_json(journey_titled(path, ONBOARDING)) == before
    assert content_json(document.journey) == before
    assert len(dialog.versions()) == 2
    window.undo_action.trigger()  # the second save
    assert [v.name for v in dialog.versions()] == ["Before the workshop"]
    dialog.close()


def test_delete_asks_and_undo_brings_it_back(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = versions_dialog(window)
    save(dialog, monkeypatch, "Keep me")
    [info] = dialog.versions()
    answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog.delete_button.click()
    assert dialog.versions() == [info]
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    assert dialog.versions() == []
    assert window.undo_action.text() == "&Undo Delete version “Keep me”"
    window.undo_action.trigger()
    assert dialog.versions() == [info]
    window.redo_action.trigger()
    assert dialog.versions() == []
    dialog.close()


def test_a_version_opens_read_only(
    qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = window.document
    assert document is not None
    dialog = versions_dialog(window)
    save(dialog, monkeypatch, "Before")
    document.update_touchpoint(document.journey.touchpoints[0].id, title="Edited later")
    revision = journey_titled(path, ONBOARDING).revision
    dialog.select(dialog.versions()[0].id)
    viewer = dialog.open_selected()
    assert viewer is not None
    qtbot.waitExposed(viewer)
    assert "Before" in viewer.banner.text()
    assert "read-only" in viewer.banner.text()
    shown = viewer.document.journey
    assert shown.touchpoints[0].title == "Welcome call"  # the version, not the journey now
    assert viewer.scene.structure_locked
    assert len(viewer.scene.card_items()) == 3
    # Every kind of edit is refused, says why, and leaves the library alone.
    assert not viewer.document.update_touchpoint(shown.touchpoints[0].id, title="Nope")
    assert "read-only" in viewer.message.text()
    assert not viewer.document.delete_touchpoints([shown.touchpoints[0].id])
    assert viewer.document.add_phase("Nope") is None
    assert viewer.document.add_touchpoint(shown.phases[0].id, shown.lanes[0].id, "Nope") is None
    assert viewer.document.undo_stack.count() == 0
    assert viewer.document.journey.touchpoints[0].title == "Welcome call"
    assert journey_titled(path, ONBOARDING).revision == revision
    viewer.close()
    dialog.close()


def test_print_a_version(qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = window.document
    assert document is not None
    target = tmp_path / "version.pdf"

    def fake_exec(dialog: PosterDialog) -> int:
        dialog.target = target
        return PosterDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PosterDialog, "exec", fake_exec)
    window.exports.open_url = lambda _url: None
    dialog = versions_dialog(window)
    save(dialog, monkeypatch, "Voor de workshop")
    document.update_journey(title="Na de workshop")
    dialog.select(dialog.versions()[0].id)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: window.exports.poster_job is None and target.exists(), timeout=30_000)
    text = PdfReader(target).pages[0].extract_text()
    assert "Voor de workshop" in text
    assert ONBOARDING in text  # the version's title, not the journey's new one
    assert "Na de workshop" not in text
    dialog.close()
