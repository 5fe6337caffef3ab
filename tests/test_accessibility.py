"""What a screen reader finds in the editor's window: every control it can reach by keyboard has a name (in English
and in Dutch), and the canvas shows its phase headers, lanes, cells and cards as accessible items with names and
roles, with the current card as its focus child as the user arrows through the map."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from cjmapper.model import Language
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui import i18n
from ui.canvas import JourneyScene
from ui.canvas.accessible import card_name
from ui.dialogs.new_journey_dialog import NewJourneyDialog
from ui.dialogs.persona_dialog import PersonaDialog
from ui.dialogs.preferences import PreferencesDialog
from ui.dialogs.team import TeamLibraryDialog
from ui.export.picture_dialog import PictureDpiDialog
from ui.export.poster_dialog import PosterDialog
from ui.window.main_window import MainWindow

NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "a11y.cjm") as lib:
        lib.create_journey(load_example("en"))  # every lane kind, scores, votes, notes, a persona
    return tmp_path / "a11y.cjm"


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    with i18n.using_language(Language.NL):
        yield


def interfaces(root: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    """Every interface under `root` (itself included) that is not hidden, depth first, as a reader walks it."""
    yield root
    for index in range(root.childCount()):
        child = root.child(index)
        assert child is not None, f"{describe(root)} has no child {index}"
        assert root.indexOfChild(child) == index, f"{describe(child)} is not child {index} of {describe(root)}"
        if not child.state().invisible:
            yield from interfaces(child)


def describe(iface: QAccessibleInterface) -> str:
    obj = iface.object()
    kind = type(obj).__name__ if obj is not None else type(iface).__name__
    name = obj.objectName() if obj is not None else ""
    return f"{iface.role().name} {kind}({name!r}) {iface.text(NAME)!r}"


def unnamed_controls(window: QWidget) -> list[str]:
    """The visible controls a keyboard reaches (focusable, shown on screen, enabled or not) that have no accessible
    name. (Qt's main window keeps a dock tab bar it no longer uses outside the window, where no one sees it.)"""
    found = []
    for iface in interfaces(QAccessible.queryAccessibleInterface(window)):
        obj = iface.object()
        if not isinstance(obj, QWidget) or not obj.isVisible() or obj.visibleRegion().isEmpty():
            continue
        if obj.focusPolicy() & Qt.FocusPolicy.TabFocus and not iface.text(NAME).strip():
            found.append(describe(iface))
    return found


def journey_scene(window: MainWindow) -> JourneyScene:
    assert window.scene is not None
    return window.scene


Heard = list[tuple[QAccessible.Event, QAccessible.Role, str]]


@pytest.fixture
def reader(monkeypatch: pytest.MonkeyPatch) -> Iterator[Heard]:
    """A screen reader listening: accessibility active, and every event the window sends it (type, the role and
    name of what it is about, read when it is sent), passed on to Qt as well."""
    heard: Heard = []
    send = QAccessible.updateAccessibility

    def listen(event: QAccessibleEvent) -> None:
        iface = event.accessibleInterface()
        if iface is not None:
            heard.append((event.type(), iface.role(), iface.text(NAME)))
        send(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(listen))
    QAccessible.setActive(True)
    try:
        yield heard
    finally:
        QAccessible.setActive(False)


def focus_heard(heard: Heard, role: QAccessible.Role) -> list[str]:
    return [name for kind, r, name in heard if kind == QAccessible.Event.Focus and r == role]


def focused_canvas(qtbot: QtBot, window: MainWindow) -> tuple[JourneyScene, QAccessibleInterface]:
    """The example journey open, the keyboard on the canvas: its scene and the view's accessible interface."""
    window.open_journey(window.library.find_journey("Webshop customer journey: Bakery De Korenbloem"))
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    return journey_scene(window), QAccessible.queryAccessibleInterface(window.view)


def settle(qtbot: QtBot) -> None:
    QCoreApplication.processEvents()
    qtbot.wait(10)


# ---------------------------------------------------------------------- every control named


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_control_the_keyboard_reaches_has_a_name(qtbot: QtBot, path: Path, language: str) -> None:
    with i18n.using_language(Language(language)):
        window = open_window(qtbot, path, "Webshop customer journey: Bakery De Korenbloem")
        try:
            settle(qtbot)
            assert not (unnamed := unnamed_controls(window)), f"the journey's page: {unnamed}"
            title = {"en": "Journey title", "nl": "Titel van de klantreis"}[language]
            assert QAccessible.queryAccessibleInterface(window.properties.journey_title).text(NAME) == title
            scene = journey_scene(window)
            first, second = list(scene.layout.cards)[:2]
            scene.select_ids([first])
            settle(qtbot)
            assert window.properties.isVisible()
            assert not (unnamed := unnamed_controls(window)), f"a card's page: {unnamed}"
            scene.select_ids([first, second])
            settle(qtbot)
            assert not (unnamed := unnamed_controls(window)), f"the page of several cards: {unnamed}"
            scene.select_ids([])
            window.workshop.enter()
            window.voting.start()
            window.workshop.show_timer_dialog()
            settle(qtbot)
            assert not (unnamed := unnamed_controls(window)), f"workshop mode, voting, the timer's overlay: {unnamed}"
            dialog = window.workshop.show_timer_dialog()
            assert not (unnamed := unnamed_controls(dialog)), f"the timer's dialog: {unnamed}"
            dialog.close()
            window.voting.stop()
            window.workshop.leave()
        finally:
            window.library.close()


def test_every_dialog_names_the_controls_the_keyboard_reaches(qtbot: QtBot, window: MainWindow) -> None:
    """The window's dialogs, each with every page or choice that shows other controls."""
    assert window.document is not None
    journey = window.document.journey
    poster = PosterDialog(journey, Path.home() / "poster.pdf", window)
    dialogs: dict[str, QDialog] = {
        "new journey": NewJourneyDialog(Language.EN, window),
        "preferences": PreferencesDialog(window),
        "team library": TeamLibraryDialog(window, journey_title=journey.title),
        "persona": PersonaDialog(journey.persona, window),
        "picture": PictureDpiDialog(lambda dpi, chrome: (dpi * 10, dpi * 8), 150, window),
        "timer": window.workshop.show_timer_dialog(),
    }
    versions = window.show_versions()
    assert versions is not None
    dialogs["versions"] = versions
    try:
        for name, dialog in dialogs.items():
            dialog.show()
            qtbot.waitExposed(dialog)
            assert not (unnamed := unnamed_controls(dialog)), f"{name}: {unnamed}"
        poster.show()
        qtbot.waitExposed(poster)
        for index in range(poster.paper_box.count()):  # the paper sizes, a custom size, fit to sheets
            poster.paper_box.setCurrentIndex(index)
            settle(qtbot)
            assert not (unnamed := unnamed_controls(poster)), f"poster, {poster.paper_box.itemText(index)}: {unnamed}"
    finally:
        for dialog in [*dialogs.values(), poster]:
            dialog.close()
            dialog.deleteLater()


# ---------------------------------------------------------------------- the canvas' items


def canvas_items(window: MainWindow) -> dict[QAccessible.Role, list[QAccessibleInterface]]:
    """The canvas' accessible items (below the view's own interface) by role."""
    view = QAccessible.queryAccessibleInterface(window.view)
    found: dict[QAccessible.Role, list[QAccessibleInterface]] = {}
    for iface in list(interfaces(view))[1:]:
        found.setdefault(iface.role(), []).append(iface)
    return found


def test_the_canvas_shows_its_headers_cells_and_cards_to_a_screen_reader(window: MainWindow) -> None:
    window.open_journey(window.library.find_journey("Webshop customer journey: Bakery De Korenbloem"))
    scene = journey_scene(window)
    journey = scene.journey
    view = QAccessible.queryAccessibleInterface(window.view)
    assert view.role() == QAccessible.Role.Table
    assert view.text(NAME) == f"Journey map: {journey.title}"
    assert "Arrow keys" in view.text(DESCRIPTION)

    items = canvas_items(window)
    phases = [p.name for p in journey.phases]
    assert [i.text(NAME) for i in items[QAccessible.Role.ColumnHeader]] == phases
    first_phase = items[QAccessible.Role.ColumnHeader][0].text(DESCRIPTION)
    assert first_phase.startswith(f"Phase 1 of {len(phases)}, ")
    assert [i.text(NAME) for i in items[QAccessible.Role.RowHeader]] == [lane.name for lane in journey.lanes]
    card_lanes = [lane for lane in journey.lanes if lane.kind.holds_cards]
    assert len(items[QAccessible.Role.Cell]) == len(phases) * len(card_lanes)
    assert len(items[QAccessible.Role.Chart]) == len(journey.lanes) - len(card_lanes)  # the experience curve

    cards = items[QAccessible.Role.ListItem]
    by_title = {t.title: t for t in journey.touchpoints}
    assert len(cards) == len(journey.touchpoints)
    assert sorted(i.text(NAME).split(", ")[0] for i in cards) == sorted(by_title)
    voted = next(t for t in journey.touchpoints if t.votes > 1 and t.score is not None and t.channel)
    item = next(i for i in cards if i.text(NAME).startswith(voted.title + ","))
    box = scene.layout.cards[voted.id]
    assert item.text(NAME) == f"{voted.title}, {box.channel_label}, score {voted.score}, {voted.votes} votes"
    if voted.notes:
        assert item.text(DESCRIPTION).startswith(voted.notes.strip())
    cell = item.parent()
    assert cell.role() == QAccessible.Role.Cell
    lane = next(lane for lane in journey.lanes if lane.id == voted.lane_id)
    phase = next(p for p in journey.phases if p.id == voted.phase_id)
    assert cell.text(NAME).startswith(f"{lane.name}, {phase.name}: ")
    assert cell.parent().object() is window.view

    # Where a reader (or a magnifier) looks: the card's rect on screen is where the view shows it.
    card_item = scene.card_item(voted.id)
    assert card_item is not None
    shown = window.view.mapFromScene(card_item.sceneBoundingRect()).boundingRect()
    on_screen = window.view.viewport().mapToGlobal(shown.center())
    assert item.rect().contains(on_screen)
    assert view.childAt(on_screen.x(), on_screen.y()) is cell
    assert cell.childAt(on_screen.x(), on_screen.y()) is item


def test_a_screen_reader_follows_the_arrow_keys_from_card_to_card(
    qtbot: QtBot, window: MainWindow, reader: Heard
) -> None:
    scene, view = focused_canvas(qtbot, window)
    heard = []
    for _ in range(3):
        QTest.keyClick(window.view, Qt.Key.Key_Down)
        (current,) = scene.selected_ids()
        focus = view.focusChild()
        assert focus is not None
        assert focus.role() == QAccessible.Role.ListItem
        assert focus.state().focused
        assert focus.state().selected
        card = next(t for t in scene.journey.touchpoints if t.id == current)
        assert focus.text(NAME) == card_name(card, scene.layout.cards[current].channel_label)
        assert focus.text(NAME).startswith(card.title + ", ")
        heard.append(focus.text(NAME))
        assert focus_heard(reader, QAccessible.Role.ListItem)[-1:] == [focus.text(NAME)]  # said as it moved
    assert len(set(heard)) == 3
    assert focus_heard(reader, QAccessible.Role.ListItem) == heard


def test_a_title_edited_in_place_and_a_renamed_journey_are_said(
    qtbot: QtBot, window: MainWindow, reader: Heard
) -> None:
    scene, view = focused_canvas(qtbot, window)
    QTest.keyClick(window.view, Qt.Key.Key_Down)
    card = view.focusChild()
    QTest.keyClick(window.view, Qt.Key.Key_F2)  # edit the title in place
    assert scene.editor.active
    editor = view.focusChild()
    assert editor.role() == QAccessible.Role.EditableText
    assert editor.state().focused
    assert editor.state().editable
    assert focus_heard(reader, QAccessible.Role.EditableText) == ["Card title"]  # said as it opened
    assert view.child(view.indexOfChild(editor)) is editor
    assert editor.parent() is view
    QTest.keyClicks(window.view.viewport(), "Orders a cake")
    assert editor.text(QAccessible.Text.Value) == "Orders a cake"
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    assert not scene.editor.active
    assert not editor.isValid()
    assert view.focusChild() is card  # back on the card, and said so
    assert focus_heard(reader, QAccessible.Role.ListItem)[-1] == card.text(NAME)
    assert card.text(NAME).startswith("Orders a cake, ")
    assert (QAccessible.Event.NameChanged, QAccessible.Role.ListItem, card.text(NAME)) in reader

    window.properties.journey_title.setFocus()
    window.properties.journey_title.selectAll()
    QTest.keyClicks(window.properties.journey_title, "Bakery")
    QTest.keyClick(window.properties.journey_title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: scene.journey.title == "Bakery")
    assert (QAccessible.Event.NameChanged, QAccessible.Role.Table, "Journey map: Bakery") in reader


def test_quick_capture_tells_the_reader_which_cell_typing_goes_to(
    qtbot: QtBot, window: MainWindow, reader: Heard
) -> None:
    scene, view = focused_canvas(qtbot, window)
    window.workshop.capture_action.trigger()  # Journey › Quick Capture
    heard = []
    for step in (None, Qt.Key.Key_Right, Qt.Key.Key_Down):
        if step is not None:
            QTest.keyClick(window.view, step)
        assert scene.capture.cell is not None
        phase_id, lane_id = scene.capture.cell
        focus = view.focusChild()
        assert focus is not None
        assert focus.role() == QAccessible.Role.Cell
        assert focus.state().focused
        phase = next(p for p in scene.journey.phases if p.id == phase_id)
        lane = next(lane for lane in scene.journey.lanes if lane.id == lane_id)
        assert focus.text(NAME).startswith(f"{lane.name}, {phase.name}: ")
        heard.append(focus.text(NAME))
    assert len(set(heard)) == 3
    assert focus_heard(reader, QAccessible.Role.Cell)[-2:] == heard[1:]  # the arrows' moves, said as they happen


@pytest.mark.parametrize("listening", [False, True], ids=["queried", "reader-active"])
def test_the_readers_map_follows_deletes_undo_and_another_journey(
    qtbot: QtBot, window: MainWindow, listening: bool, request: pytest.FixtureRequest
) -> None:
    """With a reader active, every change also tells it (focus, names, reordering); the items of cards that went
    are deleted (Qt's cache would otherwise point at freed interfaces) and undo brings new ones."""
    heard: Heard = request.getfixturevalue("reader") if listening else []
    window.open_journey(window.library.find_journey("Webshop customer journey: Bakery De Korenbloem"))
    scene = journey_scene(window)
    before = [i.text(NAME) for i in canvas_items(window)[QAccessible.Role.ListItem]]
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    QTest.keyClick(window.view, Qt.Key.Key_Down)
    view = QAccessible.queryAccessibleInterface(window.view)
    going = view.focusChild()
    name = going.text(NAME)
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert not scene.selected_ids()
    gc.collect()
    assert not shiboken6.isValid(going)  # deleted from Qt's cache, then let go
    if listening:
        assert (QAccessible.Event.ObjectDestroyed, QAccessible.Role.ListItem) in [(k, r) for k, r, _ in heard]
        assert QAccessible.Event.ObjectReorder in [k for k, _, _ in heard]
    after = [i.text(NAME) for i in canvas_items(window)[QAccessible.Role.ListItem]]
    assert sorted([*after, name]) == sorted(before)
    window.undo_action.trigger()
    gc.collect()
    assert sorted(i.text(NAME) for i in canvas_items(window)[QAccessible.Role.ListItem]) == sorted(before)

    other = window.library.create_journey(load_example("nl"))
    window.open_journey(other)
    assert journey_scene(window) is not scene
    view = QAccessible.queryAccessibleInterface(window.view)
    assert view.text(NAME) == f"Journey map: {journey_scene(window).journey.title}"
    titles = {t.title for t in journey_scene(window).journey.touchpoints}
    assert {i.text(NAME).split(", ")[0] for i in canvas_items(window)[QAccessible.Role.ListItem]} == titles


def test_the_canvas_speaks_dutch_in_the_dutch_interface(qtbot: QtBot, path: Path, dutch: None) -> None:
    window = open_window(qtbot, path, "Webshop customer journey: Bakery De Korenbloem")
    try:
        scene = journey_scene(window)
        view = QAccessible.queryAccessibleInterface(window.view)
        assert view.text(NAME) == f"Klantreis: {scene.journey.title}"
        assert view.text(DESCRIPTION).startswith("Met de pijltjestoetsen ga je van kaart naar kaart")
        items = canvas_items(window)
        phases = len(scene.journey.phases)
        assert items[QAccessible.Role.ColumnHeader][0].text(DESCRIPTION).startswith(f"Fase 1 van {phases}, ")
        voted = next(t for t in scene.journey.touchpoints if t.votes > 1 and t.score is not None)
        (item,) = [i for i in items[QAccessible.Role.ListItem] if i.text(NAME).startswith(voted.title + ",")]
        assert item.text(NAME).endswith(f", score {voted.score}, {voted.votes} stemmen")
        assert any(i.text(NAME).endswith(": geen kaarten") for i in items[QAccessible.Role.Cell])
    finally:
        window.library.close()
