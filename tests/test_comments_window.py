"""Comments in the real editor window (pytest-qt) over a real library: a card's context menu opens its thread, the
text box and Add write a comment, Reply and Resolve act on one, each one undo step that Undo and Redo take back and
do again (in the library too); the card's badge on the canvas counts the open ones; the Comments panel lists them
and a click or Enter shows and selects the card; the author comes from Preferences; a teammate's comment on a team
library shows; and a poster with the open comments as numbered notes, read back from the PDF."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cjmapper import style
from cjmapper.layout import card_parts
from cjmapper.model import Journey
from cjmapper.poster import PosterOptions, render_poster
from cjmapper.store import Library
from cjmapper.store.location import ServerLocation
from cjmapper.templates import load_example
from tests import window_helpers
from tests.store_helpers import sample_journey
from ui.canvas.items import CardItem
from ui.comment_author import AUTHOR_KEY, comment_author
from ui.dialogs.preferences import PreferencesDialog
from ui.editing.document import JourneyDocument
from ui.user_settings import settings
from ui.window.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
TITLE = "Webshop customer journey: Bakery De Korenbloem"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "comments.cjm") as lib:
        lib.create_journey(load_example("en"))
    return tmp_path / "comments.cjm"


def opened(window: MainWindow) -> JourneyDocument:
    window.open_journey(window.library.find_journey(TITLE))
    assert window.document is not None
    return window.document


def stored(path: Path) -> Journey:
    with Library.open(path) as lib:
        return lib.load_journey(lib.find_journey(TITLE))


def badge_count(window: MainWindow, card_id: int) -> int:
    assert window.scene is not None
    item = window.scene.card_item(card_id)
    assert isinstance(item, CardItem)
    return item.comments


def comment_through_the_menu(qtbot: QtBot, window: MainWindow, card_id: int, text: str) -> None:
    """Right-click's Add Comment… on the card, type `text` in the thread's box, press Ctrl+Enter."""
    scene = window.scene
    assert scene is not None
    scene.select_ids([card_id])
    menu = scene.card_menu()
    [action] = [a for a in menu.actions() if a.objectName() == "addComment"]
    assert action.isEnabled()
    action.trigger()
    menu.deleteLater()
    thread = window.properties.comment_thread
    qtbot.waitUntil(lambda: thread.text_box.hasFocus() or QApplication.focusWidget() is thread.text_box)
    QTest.keyClicks(thread.text_box, text)
    QTest.keyClick(thread.text_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_add_reply_resolve_with_undo_redo_and_the_badge(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    settings().setValue(AUTHOR_KEY, "Anna de Vries")
    document = opened(window)
    card = document.journey.ordered_touchpoints()[0]
    assert badge_count(window, card.id) == 0
    comment_through_the_menu(qtbot, window, card.id, "Is the <b>price</b> right?")
    thread = window.properties.comment_thread
    assert [e.text.text() for e in thread.entries] == ["Is the <b>price</b> right?"]
    assert thread.entries[0].header.text().startswith("Anna de Vries · ")
    assert thread.text_box.toPlainText() == ""
    assert badge_count(window, card.id) == 1
    assert [(c.author, c.text) for c in stored(path).comments] == [("Anna de Vries", "Is the <b>price</b> right?")]

    QTest.mouseClick(thread.entries[0].reply_button, LEFT)
    assert thread.add_button.text() == "&Reply"
    QTest.keyClicks(thread.text_box, "Checked, it is")
    QTest.mouseClick(thread.add_button, LEFT)
    assert [(e.comment.parent_id is not None, e.text.text()) for e in thread.entries] == [
        (False, "Is the <b>price</b> right?"),
        (True, "Checked, it is"),
    ]
    assert badge_count(window, card.id) == 2

    QTest.mouseClick(thread.entries[0].resolve_button, LEFT)  # resolving the comment closes its thread
    assert badge_count(window, card.id) == 0
    assert thread.entries[0].resolve_button.text() == "Reopen"
    assert [c.resolved for c in stored(path).comments] == [True, False]
    assert window.undo_action.text() == f"&Undo Resolve comment on card “{card.title}”"

    window.undo_action.trigger()  # the resolve
    assert badge_count(window, card.id) == 2
    assert [c.resolved for c in stored(path).comments] == [False, False]
    window.undo_action.trigger()  # the reply
    window.undo_action.trigger()  # the comment
    assert badge_count(window, card.id) == 0
    assert thread.entries == []
    assert stored(path).comments == []
    for _ in range(3):
        window.redo_action.trigger()
    assert badge_count(window, card.id) == 0
    assert [(c.text, c.resolved) for c in stored(path).comments] == [
        ("Is the <b>price</b> right?", True),
        ("Checked, it is", False),
    ]
    assert document.journey.comments == stored(path).comments

    assert violet_pixels(window, card.id) == 0  # resolved: no badge
    window.undo_action.trigger()  # the resolve: two open again
    qtbot.waitUntil(lambda: violet_pixels(window, card.id) > 20)


def violet_pixels(window: MainWindow, card_id: int) -> int:
    """The pixels of the badge's violet inside the place the layout gives the card's comment badge, on screen."""
    scene = window.scene
    assert scene is not None
    item = scene.card_item(card_id)
    assert item is not None
    window.view.ensureVisible(item.sceneBoundingRect(), 24, 24)
    QApplication.processEvents()
    box = item.box
    badge = card_parts(box.rect.width, box.rect.height, len(box.title_lines), scene.metrics).comments
    area = window.view.mapFromScene(item.mapToScene(QRectF(badge.x, badge.y, badge.width, badge.height)))
    rect = area.boundingRect()
    return count_violet(window.view.viewport().grab().toImage(), rect.left(), rect.top(), rect.width(), rect.height())


def count_violet(image: QImage, left: int, top: int, width: int, height: int) -> int:
    """The pixels of the comment badge's violet in a rectangle of `image`."""
    fill = QColor(style.COMMENT_BADGE_FILL)
    found = 0
    for x in range(left, left + width):
        for y in range(top, top + height):
            pixel = image.pixelColor(x, y)
            distance = (
                abs(pixel.red() - fill.red()) + abs(pixel.green() - fill.green()) + abs(pixel.blue() - fill.blue())
            )
            found += distance < 60
    return found


def test_deleting_a_commented_card_and_undoing_it_keeps_its_thread(window: MainWindow, path: Path) -> None:
    document = opened(window)
    card = document.journey.ordered_touchpoints()[1]
    assert document.add_comment(card.id, "Bram", "Keep this one")
    assert document.delete_touchpoints([card.id])
    assert document.journey.comments == []
    window.undo_action.trigger()
    assert [c.text for c in document.journey.comments] == ["Keep this one"]
    assert badge_count(window, card.id) == 1
    assert document.journey.comments == stored(path).comments


def test_the_comments_panel_lists_open_ones_and_jumps_to_the_card(qtbot: QtBot, window: MainWindow) -> None:
    document = opened(window)
    first, *_, last = document.journey.ordered_touchpoints()
    assert document.add_comment(last.id, "Anna", "Last card first written")
    assert document.add_comment(first.id, "Bram", "First card")
    done = document.journey.comments[-1]
    assert document.add_comment(first.id, "Cor", "Already done")
    resolved = document.journey.comments[-1]
    assert document.resolve_comment(first.id, resolved.id)
    window.comments_dock.show()
    window.comments_dock.raise_()
    panel = window.comments.panel
    rows = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert [row.splitlines()[0] for row in rows] == [first.title, last.title]  # the map's order
    assert rows[0].endswith(": First card")
    assert panel.summary.text() == "2 open comments"
    panel.show_resolved.setChecked(True)
    assert panel.list.count() == 3
    assert "(resolved)" in panel.list.item(1).text()
    panel.show_resolved.setChecked(False)
    assert window.scene is not None
    window.scene.select_ids([])
    rect = panel.list.visualItemRect(panel.list.item(1))
    QTest.mouseClick(panel.list.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, rect.center())
    assert window.scene.selected_ids() == [last.id]
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    QTest.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.scene.selected_ids() == [first.id]
    assert window.properties.comment_thread.card_id == first.id
    window.undo_action.trigger()  # the resolve: the panel follows
    assert panel.list.count() == 3
    assert done.id in {panel.list.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(3)}


def test_the_author_comes_from_preferences_with_the_systems_name_by_default(qtbot: QtBot) -> None:
    settings().remove(AUTHOR_KEY)
    default = comment_author()
    assert default
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.author_box.text() == default
    dialog.author_box.setText("  Sanne Jansen ")
    dialog.accept()
    assert comment_author() == "Sanne Jansen"
    again = PreferencesDialog()
    qtbot.addWidget(again)
    assert again.author_box.text() == "Sanne Jansen"
    again.author_box.setText("")
    again.accept()
    assert comment_author() == default


def test_a_teammates_comment_shows_on_a_team_library(qtbot: QtBot, team_location: ServerLocation) -> None:
    with Library.open(team_location) as lib:
        journey_id = lib.create_journey(sample_journey("Shared journey"))
    window = window_helpers.open_window(qtbot, Library.open(team_location), "Shared journey")
    try:
        document = window.document
        assert document is not None
        card = document.journey.ordered_touchpoints()[0]
        window.comments_dock.show()
        before = document.journey.revision
        with Library.open(team_location) as teammate:
            teammate.add_comment(card.id, "Karel", "Seen from the other office")
        started = time.perf_counter()
        qtbot.waitUntil(lambda: document.journey.revision > before, timeout=3000)
        print(f"a teammate's comment reached the window in {(time.perf_counter() - started) * 1000:.0f} ms")
        assert [c.text for c in document.journey.comments] == ["Seen from the other office"]
        qtbot.waitUntil(lambda: badge_count(window, card.id) == 1)
        assert window.comments.panel.list.count() == 1
        assert document.add_comment(card.id, "Me", "Thanks")  # and the window's own answer reaches the library
        with Library.open(team_location) as teammate:
            assert [c.text for c in teammate.load_journey(journey_id).comments] == [
                "Seen from the other office",
                "Thanks",
            ]
    finally:
        window.close()
        window.library.close()


def test_a_poster_prints_the_open_comments_as_numbered_notes(tmp_path: Path) -> None:
    with Library.open(tmp_path / "poster.cjm") as lib:
        journey_id = lib.create_journey(load_example("en"))
        cards = lib.load_journey(journey_id).ordered_touchpoints()
        first = lib.add_comment(cards[0].id, "Anna", "Price <b>& VAT</b> shown?").value
        lib.add_comment(cards[0].id, "Bram", "Yes, since March", parent_id=first.id)
        lib.add_comment(cards[4].id, "Cor", "Photo of the wall")
        gone = lib.add_comment(cards[2].id, "Dirk", "Done already").value
        lib.resolve_comment(gone.id)
        journey = lib.load_journey(journey_id)
    plain, notes = tmp_path / "plain.pdf", tmp_path / "notes.pdf"
    render_poster(journey, plain, PosterOptions())
    plan = render_poster(journey, notes, PosterOptions(comments=True))

    def run(*args: str) -> str:
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout

    assert "Pages:           1\n" in run("pdfinfo", str(plain))
    assert "Pages:           2\n" in run("pdfinfo", str(notes))
    assert "Price" not in run("pdftotext", str(plain), "-")
    when = f"{first.created:%Y-%m-%d %H:%M} UTC"
    assert (
        [line.strip() for line in run("pdftotext", "-f", "2", "-l", "2", "-layout", str(notes), "-").splitlines()]
        == [
            f"Comments: {journey.title}",
            f"1.   {cards[0].title}",
            f"Anna, {when}",
            "Price <b>& VAT</b> shown?",  # as typed: nothing read as markup
            f"Bram, {when} (reply)",
            "Yes, since March",
            f"2.   {cards[4].title}",
            f"Cor, {when}",
            "Photo of the wall",
            "",
        ][: len(run("pdftotext", "-f", "2", "-l", "2", "-layout", str(notes), "-").splitlines())]
    )
    # Each number stands in its card's badge place on the map (the layout's `CardParts.comments`).
    words = [
        line
        for line in run("pdftotext", "-f", "1", "-l", "1", "-bbox", str(notes), "-").splitlines()
        if "<word" in line
    ]
    layout = plan.layout
    assert layout is not None
    top = plan.page_height - plan.map_top
    for number, card in ((1, cards[0]), (2, cards[4])):
        box = layout.cards[card.id]
        badge = box.parts(layout.metrics).comments
        left = plan.map_x + (box.rect.x + badge.x - badge.height) * plan.scale  # a number grows to the left
        right = plan.map_x + (box.rect.x + badge.x + badge.width) * plan.scale
        upper = top + (box.rect.y + badge.y) * plan.scale
        lower = upper + badge.height * plan.scale
        found = [w for w in words if f">{number}<" in w and _inside(w, left, right, upper, lower)]
        assert len(found) == 1, (number, card.title)


def _inside(word: str, left: float, right: float, upper: float, lower: float) -> bool:
    values = dict(part.split("=") for part in word.split()[1:5])
    x = (float(values["xMin"].strip('"')) + float(values["xMax"].strip('"'))) / 2
    y = (float(values["yMin"].strip('"')) + float(values["yMax"].strip('"').split('"')[0])) / 2
    return left <= x <= right and upper <= y <= lower


def test_the_poster_dialog_offers_the_notes_only_when_there_are_open_comments(qtbot: QtBot, tmp_path: Path) -> None:
    from ui.export.poster_dialog import PosterDialog

    with Library.open(tmp_path / "dialog.cjm") as lib:
        journey_id = lib.create_journey(load_example("en"))
        bare = lib.load_journey(journey_id)
        lib.add_comment(bare.touchpoints[0].id, "Anna", "Open one")
        commented = lib.load_journey(journey_id)
    quiet = PosterDialog(bare, tmp_path / "bare.pdf")
    qtbot.addWidget(quiet)
    assert not quiet.comments_check.isVisibleTo(quiet)
    assert quiet.options().comments is False
    dialog = PosterDialog(commented, tmp_path / "notes.pdf")
    qtbot.addWidget(dialog)
    assert dialog.comments_check.isVisibleTo(dialog)
    assert dialog.comments_check.text() == "Print the open &comments as numbered notes (1)"
    assert dialog.options().comments is False  # left out unless asked for
    QTest.mouseClick(dialog.comments_check, LEFT)
    assert dialog.options().comments is True


def test_many_notes_run_over_pages_and_every_one_is_printed(tmp_path: Path) -> None:
    from cjmapper.poster import PAPERS

    with Library.open(tmp_path / "many.cjm") as lib:
        journey_id = lib.create_journey(load_example("nl"))
        cards = lib.load_journey(journey_id).ordered_touchpoints()
        for number in range(120):
            lib.add_comment(cards[number % len(cards)].id, "Anna", f"Opmerking nummer {number} over deze kaart")
        journey = lib.load_journey(journey_id)
    target = tmp_path / "many.pdf"
    render_poster(journey, target, PosterOptions(PAPERS["A4"], portrait=True, comments=True))
    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    assert pages >= 3  # the map, and notes over more than one page
    text = subprocess.run(["pdftotext", "-f", "2", str(target), "-"], capture_output=True, text=True).stdout
    assert text.startswith(f"Opmerkingen: {journey.title}")
    assert all(f"Opmerking nummer {number} over deze kaart" in text for number in range(120))


def test_a_png_picture_shows_the_badge_where_the_layout_puts_it(qtbot: QtBot, tmp_path: Path) -> None:
    from cjmapper.layout import compute_layout
    from ui.canvas.scene import SCENE_MARGIN
    from ui.export import pictures

    with Library.open(tmp_path / "picture.cjm") as lib:
        journey_id = lib.create_journey(load_example("en"))
        card = lib.load_journey(journey_id).ordered_touchpoints()[0]
        for text in ("One", "Two", "Three"):
            lib.add_comment(card.id, "Anna", text)
        document = JourneyDocument(lib, journey_id)
        target = tmp_path / "map.png"
        pictures.save_picture(document, target, "png", 96, chrome=False)
        layout = compute_layout(document.journey, aspect=pictures.PICTURE_ASPECT)
        document.deleteLater()
    image = QImage(str(target))
    box = layout.cards[card.id]
    badge = box.parts(layout.metrics).comments
    x0 = int(SCENE_MARGIN + box.rect.x + badge.x)
    y0 = int(SCENE_MARGIN + box.rect.y + badge.y)
    violet = count_violet(image, x0, y0, int(badge.width), int(badge.height))
    assert violet > badge.width * badge.height / 3
