"""Templates of your own in the editor, as a user goes: Journey › Save as Template… on the real window, then Journey ›
New… lists the template under "Your templates" and a new journey from it has its structure (and cards); Rename…,
Delete… (it asks), Import Template… and Show Template Folder in the New Journey dialog; a damaged file there is
listed with its reason and cannot be chosen to start from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cjmapper.interchange import read_journey_file, write_journey_file
from cjmapper.store import Library
from cjmapper.templates import TEMPLATE_NAMES, load_example
from cjmapper.user_templates import TEMPLATES_ENV, list_user_templates, templates_folder
from tests.template_helpers import cards, structure
from ui.dialogs.new_journey_dialog import NewJourneyDialog
from ui.dialogs.save_template_dialog import SaveTemplateDialog
from ui.window.main_window import MainWindow


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "lib.cjm") as lib:
        lib.create_journey(load_example("nl"))
    return tmp_path / "lib.cjm"


def save_as_template(window: MainWindow, qtbot: QtBot, name: str, with_cards: bool) -> SaveTemplateDialog:
    journey_menu = window.menus[3]
    assert window.templates.save_action in journey_menu.actions()
    window.templates.save_action.trigger()
    dialog = window.templates.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.name_field.text() == load_example("nl").title  # the journey's title to start from
    dialog.name_field.selectAll()
    dialog.name_field.insert(name)  # typed or pasted (QTest.keyClicks cannot type an emoji)
    if with_cards:
        QTest.keyClick(dialog.cards_box, Qt.Key.Key_Space)
        assert dialog.cards_box.isChecked()
    QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    return dialog


def new_journey_with(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, act: Callable[[NewJourneyDialog], int]
) -> None:
    monkeypatch.setattr(NewJourneyDialog, "exec", act)
    window.new_journey_action.trigger()


def choose(dialog: NewJourneyDialog, shown: str) -> None:
    index = dialog.template_box.findText(shown)
    assert index >= 0, [dialog.template_box.itemText(i) for i in range(dialog.template_box.count())]
    dialog.template_box.setCurrentIndex(index)


def test_save_as_template_then_a_new_journey_from_it(
    window: MainWindow, qtbot: QtBot, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = window.document.journey if window.document is not None else None
    assert example is not None
    dialog = save_as_template(window, qtbot, "Bakkerij 🥐", with_cards=True)
    assert not dialog.isVisible()
    assert "Bakkerij 🥐" in window.statusBar().currentMessage()
    [saved] = list_user_templates()
    assert (saved.name, saved.cards) == ("Bakkerij 🥐", len(example.touchpoints))

    again = save_as_template(window, qtbot, "bakkerij 🥐", with_cards=False)  # the name is taken
    assert again.isVisible()
    assert "There is already a template named 'bakkerij 🥐'" in again.problem.text()
    again.reject()

    seen: list[tuple[str, ...]] = []

    def pick(dialog: NewJourneyDialog) -> int:
        box = dialog.template_box
        seen.append(tuple(box.itemText(i) for i in range(box.count())))
        dialog.language_box.setCurrentIndex(0)  # English: the template brings its own language back
        QTest.keyClicks(dialog.title_field, "Tweede vestiging")
        choose(dialog, "Bakkerij 🥐")
        assert dialog.language_box.currentText() == "Nederlands"
        dialog.language_box.setCurrentIndex(0)  # and may be changed after
        assert (dialog.language_box.currentText(), dialog.template_box.currentText()) == ("English", "Bakkerij 🥐")
        dialog.language_box.setCurrentIndex(1)
        assert dialog.description.text() == example.description
        assert dialog.template_buttons.rename_button.isEnabled()
        return QDialog.DialogCode.Accepted.value

    new_journey_with(window, monkeypatch, pick)
    assert seen[0][-3:] == ("", "Your templates", "Bakkerij 🥐")  # a separator, the heading, the template
    assert window.document is not None
    made = window.document.journey
    assert made.title == "Tweede vestiging"
    assert structure(made) == structure(example)
    assert cards(made) == cards(example)
    with Library.open(path) as lib:
        assert structure(lib.load_journey(made.id)) == structure(example)


def test_rename_and_delete_in_the_new_journey_dialog(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_as_template(window, qtbot, "Eerste opzet", with_cards=False)
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Definitief / v2", True))
    monkeypatch.setattr(QMessageBox, "question", question)

    def manage(dialog: NewJourneyDialog) -> int:
        buttons = dialog.template_buttons
        choose(dialog, dialog.template_box.itemText(0))  # a built-in one cannot be renamed or deleted
        assert not buttons.rename_button.isEnabled()
        assert not buttons.delete_button.isEnabled()
        choose(dialog, "Eerste opzet")
        QTest.mouseClick(buttons.rename_button, Qt.MouseButton.LeftButton)
        assert dialog.template_box.currentText() == "Definitief / v2"
        assert [t.name for t in list_user_templates()] == ["Definitief / v2"]
        assert read_journey_file(list_user_templates()[0].path).title == "Definitief / v2"
        QTest.mouseClick(buttons.delete_button, Qt.MouseButton.LeftButton)  # No: it stays
        assert dialog.template_box.findText("Definitief / v2") >= 0
        QTest.mouseClick(buttons.delete_button, Qt.MouseButton.LeftButton)  # Yes
        assert dialog.template_box.findText("Definitief / v2") < 0
        assert dialog.template_box.findText("Your templates") < 0
        return QDialog.DialogCode.Rejected.value

    new_journey_with(window, monkeypatch, manage)
    assert asked == ["Delete your template “Definitief / v2”? Its file is removed; this cannot be undone."] * 2
    assert list(templates_folder().iterdir()) == []


def test_a_damaged_file_is_listed_with_its_reason_and_import_and_the_folder_work(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = templates_folder()
    folder.mkdir(parents=True)
    (folder / "kapot.json").write_text('{"format": "cjmapper.journey", "version": 3')
    shared = tmp_path / "van Sanne.json"
    shared_journey = load_example("en")
    shared_journey.title = "Sanne's map"
    write_journey_file(shared_journey, shared)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(shared), ""))
    opened: list[QUrl] = []

    def look(dialog: NewJourneyDialog) -> int:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        QTest.keyClicks(dialog.title_field, "Nieuw")
        choose(dialog, "kapot.json (cannot be used)")
        assert dialog.description.text().startswith("This file cannot be used: not a journey file: ")
        assert not ok.isEnabled()
        assert dialog.template_buttons.delete_button.isEnabled()
        assert not dialog.template_buttons.rename_button.isEnabled()
        dialog.template_buttons.import_button.click()
        assert dialog.template_box.currentText() == "Sanne's map"
        assert ok.isEnabled()
        dialog.template_buttons.open_url = opened.append
        dialog.template_buttons.folder_button.click()
        return QDialog.DialogCode.Accepted.value

    new_journey_with(window, monkeypatch, look)
    assert opened == [QUrl.fromLocalFile(str(folder))]
    assert window.document is not None
    assert window.document.journey.title == "Nieuw"
    assert len(window.document.journey.touchpoints) == len(shared_journey.touchpoints)


def test_a_templates_folder_that_cannot_be_read_leaves_the_built_in_ones(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not a folder"
    blocked.write_text("")
    monkeypatch.setenv(TEMPLATES_ENV, str(blocked))

    def look(dialog: NewJourneyDialog) -> int:
        box = dialog.template_box
        assert [box.itemData(i) for i in range(box.count())] == list(TEMPLATE_NAMES)
        assert dialog.template_buttons.problem.text().startswith("cannot read the templates folder ")
        return QDialog.DialogCode.Rejected.value

    new_journey_with(window, monkeypatch, look)
