"""Photos in the real editor window over a real library file: a PNG or JPEG file dropped onto a card, image data
pasted onto the selected card (Ctrl+V), the card menu's Attach Image…/Remove Image and the properties panel's
picture with Replace/Remove, each one undo step that Undo and Redo take back and do again (in the library too); a
refused picture gives one message and changes nothing. Journey › Wall Photo… sets and removes the wall photo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from cjmapper.model import Journey
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests import image_helpers as pictures
from tests.store_helpers import sample_journey
from ui.window.main_window import MainWindow

TITLE = "Webshop journey"
COPY = Qt.DropAction.CopyAction
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "photos.cjm") as lib:
        lib.create_journey(sample_journey(TITLE))
    return tmp_path / "photos.cjm"


def stored(path: Path) -> Journey:
    with Library.open(path) as lib:
        return lib.load_journey(lib.find_journey(TITLE))


def opened(window: MainWindow) -> int:
    """Open the journey; its first card's id."""
    window.open_journey(window.library.find_journey(TITLE))
    assert window.document is not None
    return window.document.journey.touchpoints[0].id


def drop(window: MainWindow, card_id: int, data: QMimeData) -> None:
    """Drag `data` over the card and drop it, as the view's viewport receives it from the system."""
    scene = window.scene
    assert scene is not None
    rect = scene.layout.cards[card_id].rect
    window.view.centerOn(rect.x + rect.width / 2, rect.y + rect.height / 2)
    point = window.view.mapFromScene(rect.x + rect.width / 2, rect.y + rect.height / 2)
    viewport = window.view.viewport()
    enter = QDragEnterEvent(point, COPY, data, LEFT, NONE)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, COPY, data, LEFT, NONE)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(point.toPointF(), COPY, data, LEFT, NONE))


def file_data(file: Path) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(file))])
    return data


def test_a_photo_dropped_on_a_card_is_one_undo_step(window: MainWindow, path: Path, tmp_path: Path) -> None:
    card_id = opened(window)
    photo = tmp_path / "muur.jpg"
    photo.write_bytes(pictures.noisy_jpeg(3000, 2000))
    drop(window, card_id, file_data(photo))
    image = stored(path).touchpoint(card_id).image
    assert image is not None
    assert (image.width, image.height) == (2048, 1365)
    assert window.scene is not None
    assert window.scene.layout.cards[card_id].parts(window.scene.metrics).thumbnail.height > 0
    window.undo_action.trigger()
    assert stored(path).touchpoint(card_id).image is None
    assert window.scene.layout.cards[card_id].parts(window.scene.metrics).thumbnail.height == 0
    window.redo_action.trigger()
    assert stored(path).touchpoint(card_id).image == image


def test_a_gif_named_png_dropped_on_a_card_is_refused_with_one_message(
    window: MainWindow, path: Path, tmp_path: Path, warnings: list[str]
) -> None:
    card_id = opened(window)
    fake = tmp_path / "photo.png"
    fake.write_bytes(pictures.gif())
    revision = stored(path).revision
    drop(window, card_id, file_data(fake))
    assert warnings == ["photo.png is not a PNG or JPEG picture; only those can be attached."]
    assert stored(path).revision == revision
    assert not window.undo_action.isEnabled() or window.undo_action.text() != "Undo Attach image"


def test_an_image_pasted_onto_the_selected_card_is_one_undo_step(window: MainWindow, path: Path) -> None:
    card_id = opened(window)
    assert window.scene is not None
    window.scene.select_ids([card_id])
    clipboard = QApplication.clipboard()
    picture = QImage(120, 80, QImage.Format.Format_RGB32)
    picture.fill(0xFF2060C0)
    clipboard.setImage(picture)
    assert window.paste_action.shortcut().matches(QKeySequence("Ctrl+V")) == QKeySequence.SequenceMatch.ExactMatch
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    image = stored(path).touchpoint(card_id).image
    assert image is not None
    assert (image.width, image.height) == (120, 80)
    assert len(stored(path).touchpoints) == len(sample_journey().touchpoints)  # no card pasted
    window.undo_action.trigger()
    assert stored(path).touchpoint(card_id).image is None
    window.redo_action.trigger()
    assert stored(path).touchpoint(card_id).image == image


def test_the_card_menu_and_the_properties_panel_attach_show_and_remove(
    window: MainWindow, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    card_id = opened(window)
    assert window.scene is not None
    window.scene.select_ids([card_id])
    photo = tmp_path / "post-it.png"
    photo.write_bytes(pictures.png(300, 200, (250, 220, 40)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(photo), ""))
    menu = window.scene.card_menu()
    try:
        actions = {action.objectName(): action for action in menu.actions()}
        assert not actions["removeImage"].isEnabled()
        actions["attachImage"].trigger()
    finally:
        menu.deleteLater()
    image = stored(path).touchpoint(card_id).image
    assert image is not None
    panel = window.properties.card_image
    qtbot.waitUntil(lambda: not panel.shown_pixmap().isNull())
    shown = panel.shown_pixmap().toImage()
    colour = shown.pixelColor(shown.width() // 2, shown.height() // 2)
    assert (abs(colour.red() - 250), abs(colour.green() - 220), abs(colour.blue() - 40)) < (12, 12, 12)
    assert panel.attach.text() == "Replace Image…"
    QTest.mouseClick(panel.remove, LEFT)
    assert stored(path).touchpoint(card_id).image is None
    assert panel.picture.isHidden()
    window.undo_action.trigger()
    assert stored(path).touchpoint(card_id).image == image
    menu = window.scene.card_menu()
    try:
        actions = {action.objectName(): action for action in menu.actions()}
        assert actions["removeImage"].isEnabled()
        actions["removeImage"].trigger()
    finally:
        menu.deleteLater()
    assert stored(path).touchpoint(card_id).image is None


def test_the_wall_photo_is_set_shown_and_removed_in_its_panel(
    window: MainWindow, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Journey › Wall Photo… opens the Wall Photo panel (also View › Wall Photo): Set Photo…, the photo shown within
    the panel, undo and redo, Remove; the panel follows the journey shown."""
    opened(window)
    photo = tmp_path / "wall.jpg"
    photo.write_bytes(pictures.jpeg(400, 300))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(photo), ""))
    assert not window.wall_photo_dock.isVisible()
    window.images.wall_photo_action.trigger()
    panel = window.images.panel
    assert window.wall_photo_dock.isVisible()
    assert not window.wall_photo_dock.visibleRegion().isEmpty()  # in front of the panels it is tabbed with
    assert not panel.remove_button.isEnabled()
    QTest.mouseClick(panel.set_button, LEFT)
    wall = stored(path).wall_photo
    assert wall is not None
    assert (wall.width, wall.height) == (400, 300)
    shown = panel.picture.pixmap()
    assert not shown.isNull()
    assert shown.width() <= panel.picture.width()
    assert shown.height() <= panel.picture.height()
    assert abs(shown.width() / shown.height() - 4 / 3) < 0.05  # whole, in its shape
    assert panel.remove_button.isEnabled()
    assert panel.set_button.text() == "Replace Photo…"
    window.undo_action.trigger()
    assert stored(path).wall_photo is None
    assert panel.picture.pixmap().isNull()
    window.redo_action.trigger()
    assert stored(path).wall_photo == wall
    QTest.mouseClick(panel.remove_button, LEFT)
    assert stored(path).wall_photo is None
    window.undo_action.trigger()
    other = window.library.create_journey(load_example("en"))
    window.open_journey(other)
    assert panel.document is window.document
    assert panel.picture.pixmap().isNull()  # the other journey has none
    assert panel.set_button.text() == "Set Photo…"


def test_a_copied_card_keeps_its_photo(window: MainWindow, path: Path, tmp_path: Path) -> None:
    card_id = opened(window)
    photo = tmp_path / "muur.jpg"
    photo.write_bytes(pictures.jpeg(64, 48))
    drop(window, card_id, file_data(photo))
    assert window.scene is not None
    window.scene.select_ids([card_id])
    [copy_id] = window.scene.duplicate_selection()
    journey = stored(path)
    assert journey.touchpoint(copy_id).image == journey.touchpoint(card_id).image is not None


def test_a_card_copied_and_pasted_in_its_journey_keeps_its_photo(
    window: MainWindow, path: Path, tmp_path: Path
) -> None:
    card_id = opened(window)
    photo = tmp_path / "muur.jpg"
    photo.write_bytes(pictures.jpeg(64, 48))
    drop(window, card_id, file_data(photo))
    assert window.scene is not None
    window.scene.select_ids([card_id])
    window.copy_action.trigger()
    window.paste_action.trigger()
    journey = stored(path)
    pictured = [card for card in journey.touchpoints if card.image is not None]
    assert len(pictured) == 2
    assert pictured[0].image == pictured[1].image


def test_a_card_pasted_into_another_journey_of_the_library_keeps_its_photo(
    window: MainWindow, path: Path, tmp_path: Path
) -> None:
    """An image belongs to the library, not to one journey: a card copied into another journey of the same library
    shows the same photo (into another library, the copy comes without it: its bytes stay in the first)."""
    card_id = opened(window)
    photo = tmp_path / "muur.jpg"
    photo.write_bytes(pictures.jpeg(64, 48))
    drop(window, card_id, file_data(photo))
    image = stored(path).touchpoint(card_id).image
    assert image is not None
    assert window.scene is not None
    window.scene.select_ids([card_id])
    window.copy_action.trigger()
    other = window.library.create_journey(load_example("en"))
    window.open_journey(other)
    assert window.scene is not None
    ids = window.scene.paste()
    assert len(ids) == 1
    with Library.open(path) as lib:
        pasted = lib.load_journey(other).touchpoint(ids[0])
    assert pasted.image == image
    window.undo_action.trigger()
    with Library.open(path) as lib:
        assert ids[0] not in {t.id for t in lib.load_journey(other).touchpoints}
