"""File dialogs start where the user last chose a file: a journey exported into a folder makes the next export and
the first import start there, each kind keeps its own folder after that, and so does the next program start. Driven
through Qt's real file dialogs (their starting folder is read from the dialog shown, then a file is chosen in it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from cjmapper.interchange import write_journey
from cjmapper.store import Library
from tests.window_helpers import bakery, bakery_library, open_window
from ui.export.picture_dialog import PictureDpiDialog
from ui.export.poster_dialog import PosterDialog


@pytest.fixture
def path(tmp_path: Path) -> Path:
    (tmp_path / "home").mkdir()
    return bakery_library(tmp_path / "home" / "test.cjm")


class FileDialogs:
    """Answers the file dialogs the window opens: notes the folder each one starts in, then chooses the next answer
    (a file, or a folder for a folder dialog) in it, or cancels when the answer is None."""

    def __init__(self) -> None:
        self.answers: list[Path | None] = []
        self.started_in: list[Path] = []
        self.pressed: list[PosterDialog] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PosterDialog):
            if dialog in self.pressed:  # back from its file dialog, cancelled there
                dialog.reject()
            else:
                self.pressed.append(dialog)  # its Export… opens the file dialog (not inside this timer's slot)
                QTimer.singleShot(0, dialog.export_button.click)
            return
        if isinstance(dialog, PictureDpiDialog):
            dialog.accept()  # the picture's options as offered
            return
        if not isinstance(dialog, QFileDialog) or not dialog.isVisible() or not self.answers:
            return
        self.started_in.append(Path(dialog.directory().absolutePath()))
        answer = self.answers.pop(0)
        if answer is None:
            dialog.reject()
            return
        if dialog.fileMode() == QFileDialog.FileMode.Directory:
            dialog.setDirectory(str(answer))
        else:
            dialog.selectFile(str(answer))
        dialog.accept()

    def run(self, qtbot: QtBot, trigger: object, answer: Path | None) -> Path:
        """`trigger()` (an action's trigger) with `answer` for its file dialog; the folder the dialog started in."""
        self.answers.append(answer)
        before = len(self.started_in)
        assert callable(trigger)
        trigger()
        qtbot.waitUntil(lambda: len(self.started_in) > before, timeout=5000)
        return self.started_in[-1]


@pytest.fixture
def dialogs() -> Iterator[FileDialogs]:
    answering = FileDialogs()
    yield answering
    answering.timer.stop()


def test_export_and_import_start_in_the_folder_last_used_and_each_kind_keeps_its_own(
    qtbot: QtBot, path: Path, tmp_path: Path, dialogs: FileDialogs
) -> None:
    clients, downloads, pictures = (tmp_path / name for name in ("klanten", "downloads", "plaatjes"))
    for folder in (clients, downloads, pictures):
        folder.mkdir()
    (downloads / "aanvraag.json").write_text(write_journey(bakery("Aanvraag")), encoding="utf-8")
    window = open_window(qtbot, path, "Bakkerij")
    try:
        home = Path.home()
        assert dialogs.run(qtbot, window.export_json_action.trigger, clients / "bakkerij.json") == home
        assert (clients / "bakkerij.json").is_file()
        # The import has not been used: it starts where the last file was saved, not in the home folder.
        assert dialogs.run(qtbot, window.import_action.trigger, downloads / "aanvraag.json") == clients
        assert dialogs.run(qtbot, window.export_picture_action.trigger, pictures / "kaart.svg") == downloads
        assert (pictures / "kaart.svg").is_file()
        # Each kind now has its own folder.
        assert dialogs.run(qtbot, window.export_csv_action.trigger, None) == clients
        assert dialogs.run(qtbot, window.import_action.trigger, None) == downloads
        assert dialogs.run(qtbot, window.export_picture_action.trigger, None) == pictures
        # The poster dialog's Export… starts where the last file of any kind went.
        assert dialogs.run(qtbot, window.export_poster_action.trigger, None) == pictures
    finally:
        window.close()
        window.library.close()
    # A new start of the program remembers them.
    again = open_window(qtbot, path, "Bakkerij")
    try:
        assert dialogs.run(qtbot, again.export_json_action.trigger, None) == clients
        assert dialogs.run(qtbot, again.import_action.trigger, None) == downloads
    finally:
        again.library.close()


def test_library_dialogs_start_in_the_folder_of_the_library_last_chosen(
    qtbot: QtBot, path: Path, tmp_path: Path, dialogs: FileDialogs
) -> None:
    elsewhere = tmp_path / "klanten"
    elsewhere.mkdir()
    Library.open(elsewhere / "jansen.cjm").close()
    window = open_window(qtbot, path)
    try:
        # First: the open library's folder, as before.
        assert dialogs.run(qtbot, window.open_library_action.trigger, elsewhere / "jansen.cjm") == path.parent
        assert window.library.path == elsewhere / "jansen.cjm"
        assert dialogs.run(qtbot, window.export_all_action.trigger, None) == elsewhere
        window.switch_library(path)  # back to the first library: the library dialogs remember the other folder
        assert dialogs.run(qtbot, window.open_library_action.trigger, None) == elsewhere
        assert dialogs.run(qtbot, window.new_library_action.trigger, None) == elsewhere
    finally:
        window.library.close()


def test_a_remembered_folder_that_is_gone_is_passed_over(
    qtbot: QtBot, path: Path, tmp_path: Path, dialogs: FileDialogs
) -> None:
    gone = tmp_path / "usb-stick"
    gone.mkdir()
    window = open_window(qtbot, path, "Bakkerij")
    try:
        assert dialogs.run(qtbot, window.export_json_action.trigger, gone / "bakkerij.json") == Path.home()
        (gone / "bakkerij.json").unlink()
        gone.rmdir()
        assert dialogs.run(qtbot, window.export_json_action.trigger, None) == Path.home()
    finally:
        window.library.close()
