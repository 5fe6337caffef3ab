"""Dot voting on the real editor window (pytest-qt, real mouse clicks on the canvas, a real library file): clicks count
as votes with a tally per participant, each vote is one undo step, votes persist and are exported, the most voted
list, reset, and Esc."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from cjmapper.interchange import write_csv, write_journey
from cjmapper.model import Journey, Lane, LaneKind, Phase, Touchpoint
from cjmapper.store import Library
from cjmapper.templates import load_example
from cjmapper.voting import Ballot, most_voted
from tests.window_helpers import open_window
from ui import i18n
from ui.canvas.painting import VOTE_DOT
from ui.canvas.view import FIT_MARGIN
from ui.window.main_window import MainWindow
from ui.workshop.voting_start import StartVotingDialog

LEFT = Qt.MouseButton.LeftButton
RIGHT = Qt.MouseButton.RightButton
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
VOTING = "Voting workshop"


def voting_journey() -> Journey:
    """Four cards, no votes: Ad and Search in Find, Checkout (touchpoints) and Hidden costs (pain points) in Buy."""
    return Journey(
        id=0,
        title=VOTING,
        phases=[Phase(1, "Find"), Phase(2, "Buy")],
        lanes=[Lane(1, "Touchpoints"), Lane(2, "Pain points", LaneKind.PAIN_POINTS)],
        touchpoints=[
            Touchpoint(1, 1, 1, 0, "Ad"),
            Touchpoint(2, 1, 1, 1, "Search"),
            Touchpoint(3, 2, 1, 0, "Checkout"),
            Touchpoint(4, 2, 2, 0, "Hidden costs"),
        ],
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "voting.cjm") as lib:
        lib.create_journey(voting_journey())
        lib.create_journey(load_example("en"))
    return tmp_path / "voting.cjm"


@pytest.fixture
def window(qtbot: QtBot, path: Path) -> Iterator[MainWindow]:
    opened = open_window(qtbot, path)
    open_titled(opened, VOTING)
    yield opened
    opened.voting.stop()
    opened.library.close()


def open_titled(window: MainWindow, title: str) -> None:
    window.open_journey(window.library.find_journey(title))
    window.view.fit()


def card_id(window: MainWindow, title: str) -> int:
    assert window.document is not None
    return next(t.id for t in window.document.journey.touchpoints if t.title == title)


def votes(window: MainWindow) -> dict[str, int]:
    assert window.document is not None
    return {t.title: t.votes for t in window.document.journey.touchpoints}


def stored_votes(path: Path, title: str = VOTING) -> dict[str, int]:
    with Library.open(path) as lib:
        return {t.title: t.votes for t in lib.load_journey(lib.find_journey(title)).touchpoints}


def card_point(window: MainWindow, title: str) -> QPoint:
    assert window.scene is not None
    rect = window.scene.layout.cards[card_id(window, title)].rect
    x, y = rect.x + rect.width * 0.5, rect.y + rect.height * 0.3
    window.view.ensureVisible(QRectF(x - 40, y - 40, 80, 80), 0, 0)
    return window.view.mapFromScene(QPointF(x, y))


def click(window: MainWindow, title: str, button: Qt.MouseButton = LEFT, modifiers: Qt.KeyboardModifier = NONE) -> None:
    QTest.mouseClick(window.view.viewport(), button, modifiers, card_point(window, title))


def start(window: MainWindow, dots: int = 3, participants: int = 5) -> None:
    panel = window.voting_panel
    panel.dots_box.setValue(dots)
    panel.participants_box.setValue(participants)
    QTest.mouseClick(panel.start_button, LEFT)
    assert window.voting.active


def accept_start_dialog(window: MainWindow) -> None:
    """Start Voting in the dialog the Journey menu's Start Dot Voting asks first."""
    QTest.mouseClick(start_dialog(window).start_button, LEFT)


def test_clicks_on_cards_count_as_votes_and_the_tally_stops_at_zero_with_a_message(
    window: MainWindow, path: Path
) -> None:
    start(window, dots=3)
    bar = window.voting_bar
    assert bar.isVisible()
    assert window.view.dragMode() == window.view.DragMode.NoDrag
    assert bar.participant_label.text() == "Participant 1 of 5"
    assert bar.tally_label.text() == "3 dots left"
    click(window, "Ad")
    assert bar.tally_label.text() == "2 dots left"
    click(window, "Ad")
    assert window.voting_panel.tally_label.text() == "1 dot left"
    click(window, "Hidden costs")
    assert bar.tally_label.text() == "0 dots left"
    assert "used all their dots" in bar.hint.text()
    click(window, "Checkout")  # no dots left: refused, and said so
    assert votes(window) == {"Ad": 2, "Search": 0, "Checkout": 0, "Hidden costs": 1}
    message = "No dots left for participant 1. Click “Next Participant” to go on."
    assert window.voting.message == message
    assert bar.hint.text() == message
    assert window.voting_panel.message.text() == message
    assert window.statusBar().currentMessage() == message
    assert window.voting.dots_left == 0
    assert window.voting.dots_used == 3
    assert window.scene is not None
    assert window.scene.selected_ids() == []  # a vote is no selection (nor a drag)
    assert stored_votes(path) == votes(window)  # each vote is in the file at once
    item = window.scene.card_item(card_id(window, "Ad"))
    assert item is not None
    assert item.card.votes == 2  # the canvas draws the dots from the card


def test_right_click_and_ctrl_click_take_back_only_this_participants_dots(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    menus: list[QMenu] = []
    monkeypatch.setattr(QMenu, "exec", lambda menu, *_a: menus.append(menu))
    start(window, dots=2)
    click(window, "Search")
    QTest.mouseClick(window.voting_panel.next_button, LEFT)
    assert window.voting.participant == 2
    click(window, "Search", RIGHT)  # participant 2 gave no dot to Search
    assert votes(window)["Search"] == 1
    assert window.voting.message == "Participant 2 has no dot on this card to take back."
    click(window, "Search")
    click(window, "Checkout")
    assert votes(window) == {"Ad": 0, "Search": 2, "Checkout": 1, "Hidden costs": 0}
    click(window, "Search", RIGHT)
    click(window, "Checkout", LEFT, CTRL)
    assert votes(window) == {"Ad": 0, "Search": 1, "Checkout": 0, "Hidden costs": 0}
    assert window.voting.dots_left == 2
    assert window.voting_bar.tally_label.text() == "2 dots left"
    assert menus == []  # a right-click while voting opens no card menu


def test_each_vote_is_one_undo_step_and_undo_gives_the_dot_back(window: MainWindow, path: Path) -> None:
    assert window.document is not None
    stack = window.document.undo_stack
    before = stack.count()
    start(window, dots=3)
    click(window, "Ad")
    click(window, "Ad")
    assert stack.count() == before + 2
    assert window.undo_action.text() == "&Undo Vote for card “Ad”"
    window.undo_action.trigger()
    assert votes(window)["Ad"] == 1
    assert stored_votes(path)["Ad"] == 1
    assert window.voting.dots_left == 2
    assert window.voting_bar.tally_label.text() == "2 dots left"
    window.redo_action.trigger()
    assert votes(window)["Ad"] == 2
    assert window.voting.dots_left == 1
    click(window, "Ad", RIGHT)
    assert window.undo_action.text() == "&Undo Take back a vote from card “Ad”"
    window.undo_action.trigger()  # the dot is on the card again, and gone from the tally
    assert votes(window)["Ad"] == 2
    assert window.voting.dots_left == 1
    assert stored_votes(path)["Ad"] == 2


def test_next_participant_hands_out_a_full_set_and_the_last_one_finishes_the_round(window: MainWindow) -> None:
    start(window, dots=1, participants=2)
    panel, bar = window.voting_panel, window.voting_bar
    assert panel.next_button.text() == "&Next Participant"
    click(window, "Ad")
    assert bar.tally_label.text() == "0 dots left"
    QTest.mouseClick(bar.next_button, LEFT)
    assert bar.participant_label.text() == "Participant 2 of 2"
    assert bar.tally_label.text() == "1 dot left"
    assert panel.total_label.text() == "1 dot used in this round"
    assert panel.next_button.text() == "&Finish Voting"
    assert bar.next_button.text() == "Finish Voting"
    click(window, "Ad")
    assert [b.used for b in window.voting.ballots] == [1, 1]
    QTest.mouseClick(bar.next_button, LEFT)
    assert not window.voting.active
    assert not bar.isVisible()
    assert window.voting.message == (
        "Everyone has voted. 2 dots used in this round; the most voted cards are listed in the Voting panel."
    )
    assert votes(window)["Ad"] == 2
    assert window.scene is not None
    assert window.scene.card_click_handler is None
    assert window.view.dragMode() == window.view.DragMode.RubberBandDrag  # no rubber band while voting, again now
    click(window, "Checkout")  # clicks select cards again
    assert window.scene.selected_ids() == [card_id(window, "Checkout")]
    assert votes(window)["Checkout"] == 0


def test_escape_and_stop_end_voting_and_the_menu_follows(window: MainWindow) -> None:
    actions = window.voting_actions
    assert actions.start.isEnabled()
    assert not actions.stop.isEnabled()
    actions.start.trigger()
    accept_start_dialog(window)
    assert window.voting.active
    assert window.voting_dock.isVisible()  # the menu shows the Voting panel (not in full screen)
    assert not actions.start.isEnabled()
    assert actions.next.isEnabled()
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    assert not window.voting.active
    assert not window.voting_bar.isVisible()
    assert window.voting.message.startswith("Voting stopped")
    assert actions.start.isEnabled()
    start(window)
    QTest.mouseClick(window.voting_bar.stop_button, LEFT)
    assert not window.voting.active


def test_opening_another_journey_ends_the_round(window: MainWindow) -> None:
    start(window)
    click(window, "Ad")
    open_titled(window, load_example("en").title)
    assert not window.voting.active
    assert window.voting.message == "Voting stopped: another journey was opened."
    assert window.scene is not None
    assert window.scene.card_click_handler is None


def test_votes_persist_across_reopen_and_are_in_the_csv_and_json(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    start(window, dots=3)
    click(window, "Checkout")
    click(window, "Checkout")
    click(window, "Hidden costs")
    window.close()
    window.library.close()

    with Library.open(path) as lib:
        journey = lib.load_journey(lib.find_journey(VOTING))
    assert {t.title: t.votes for t in journey.touchpoints} == {"Ad": 0, "Search": 0, "Checkout": 2, "Hidden costs": 1}
    rows = list(csv.DictReader(io.StringIO(write_csv(journey).lstrip("\ufeff"))))
    assert {row["title"]: row["votes"] for row in rows} == {
        "Ad": "0",
        "Search": "0",
        "Checkout": "2",
        "Hidden costs": "1",
    }
    exported = json.loads(write_journey(journey))
    assert {t["title"]: t["votes"] for t in exported["touchpoints"]} == {
        "Ad": 0,
        "Search": 0,
        "Checkout": 2,
        "Hidden costs": 1,
    }

    again = open_window(qtbot, path)
    try:
        open_titled(again, VOTING)
        assert votes(again)["Checkout"] == 2
        assert again.scene is not None
        item = again.scene.card_item(card_id(again, "Checkout"))
        assert item is not None
        assert item.card.votes == 2
        assert again.voting_panel.ranking() == [card_id(again, "Checkout"), card_id(again, "Hidden costs")]
    finally:
        again.close()
        again.library.close()


def test_most_voted_lists_cards_by_votes_then_reading_order_and_a_click_shows_the_card(window: MainWindow) -> None:
    document = window.document
    assert document is not None
    # Hidden costs 3; Search and Checkout tie at 2 (Search reads first: phase Find); Ad 0 is not listed.
    for title, count in (("Checkout", 2), ("Hidden costs", 3), ("Search", 2)):
        assert document.update_touchpoint(card_id(window, title), votes=count)
    panel = window.voting_panel
    expected = [card_id(window, t) for t in ("Hidden costs", "Search", "Checkout")]
    assert panel.ranking() == expected
    assert [t.id for t in most_voted(document.journey)] == expected
    assert panel.most_voted.item(0).text() == "3 ●  Hidden costs"
    assert panel.most_voted.item(0).toolTip() == "<p style='white-space:pre-wrap'>Hidden costs<br>Buy · Pain points</p>"
    assert not panel.empty_label.isVisibleTo(panel)
    item = panel.most_voted.item(2)
    rect = panel.most_voted.visualItemRect(item)
    window.voting_dock.show()
    window.voting_dock.raise_()
    QTest.mouseClick(panel.most_voted.viewport(), LEFT, NONE, rect.center())
    assert window.scene is not None
    assert window.scene.selected_ids() == [card_id(window, "Checkout")]
    # Ties in reading order: phase, then lane, then place in the cell.
    assert document.update_touchpoint(card_id(window, "Ad"), votes=3)
    assert panel.ranking()[:2] == [card_id(window, "Ad"), card_id(window, "Hidden costs")]


def test_reset_asks_first_and_is_one_undo_step_that_brings_every_vote_back(
    window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_titled(window, load_example("en").title)
    title = load_example("en").title
    before = votes(window)
    assert sum(before.values()) >= 10  # the example comes with votes on several cards
    assert window.document is not None
    stack = window.document.undo_stack
    steps = stack.count()
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> None:
        def question(_parent: object, _title: str, text: str, *_a: object) -> QMessageBox.StandardButton:
            asked.append(text)
            return reply

        monkeypatch.setattr(QMessageBox, "question", question)

    answer(QMessageBox.StandardButton.No)
    assert not window.voting_panel.confirm_reset()
    assert votes(window) == before
    voted = sum(1 for v in before.values() if v)
    assert asked == [
        f"Take all {sum(before.values())} dots off the {voted} voted cards? You can undo this with Edit › Undo."
    ]

    answer(QMessageBox.StandardButton.Yes)
    window.voting_dock.show()
    window.voting_dock.raise_()
    assert window.voting_panel.ranking()  # the list is filled once control is back in the event loop
    assert window.voting_panel.reset_button.isEnabled()
    QTest.mouseClick(window.voting_panel.reset_button, LEFT)
    assert set(votes(window).values()) == {0}
    assert set(stored_votes(path, title).values()) == {0}
    assert stack.count() == steps + 1
    assert window.undo_action.text() == "&Undo Reset votes"
    assert window.voting_panel.ranking() == []
    assert window.voting_panel.empty_label.isVisibleTo(window.voting_panel)
    window.undo_action.trigger()
    assert votes(window) == before
    assert stored_votes(path, title) == before
    window.redo_action.trigger()
    assert set(stored_votes(path, title).values()) == {0}


def test_a_reset_during_a_round_gives_every_participant_their_dots_back_and_undo_takes_them_again(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    start(window, dots=2)
    click(window, "Ad")
    click(window, "Search")
    assert window.voting.dots_left == 0
    assert window.voting_panel.confirm_reset()
    assert window.voting.dots_left == 2
    assert window.voting.dots_used == 0
    window.undo_action.trigger()
    assert votes(window) == {"Ad": 1, "Search": 1, "Checkout": 0, "Hidden costs": 0}
    assert window.voting.dots_left == 0


def test_a_ballot_adds_up_each_cards_dots() -> None:
    ballot = Ballot(1)
    ballot.add(7, 2)
    ballot.add(8, 1)
    ballot.add(7, -2)
    assert ballot.given == {8: 1}
    assert ballot.used == 1


def test_dots_and_participants_are_remembered(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    window.voting_panel.dots_box.setValue(5)
    window.voting_panel.participants_box.setValue(12)
    window.close()
    window.library.close()
    again = open_window(qtbot, path)
    try:
        assert again.voting.dots_per_participant == 5
        assert again.voting.participants == 12
        assert again.voting_panel.dots_box.value() == 5
    finally:
        again.close()
        again.library.close()


def test_voting_works_in_workshop_mode_and_esc_ends_voting_before_workshop_mode(window: MainWindow) -> None:
    assert window.workshop.enter()
    assert window.scene is not None
    assert window.scene.structure_locked
    assert not window.persona_strip.editable  # the persona is one of the journey's fields, locked there
    window.voting.set_dots_per_participant(3)
    window.voting_actions.start.trigger()
    accept_start_dialog(window)
    assert window.voting.active
    assert not window.voting_dock.isVisible()  # the docks stay hidden: the bar above the canvas has the tally
    assert window.voting_bar.isVisible()
    click(window, "Hidden costs")
    click(window, "Hidden costs")
    assert votes(window)["Hidden costs"] == 2
    assert window.voting_bar.tally_label.text() == "1 dot left"
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.voting.active
    assert window.workshop.active
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.workshop.active
    assert window.persona_strip.editable
    assert votes(window)["Hidden costs"] == 2


def test_a_double_click_is_two_votes_and_beside_the_cards_adds_nothing(window: MainWindow) -> None:
    """Qt delivers a double-click as a press, then a double-click event in place of the second press."""
    start(window, dots=3)
    viewport = window.view.viewport()
    point = card_point(window, "Search")
    QTest.mouseClick(viewport, LEFT, NONE, point)
    QTest.mouseDClick(viewport, LEFT, NONE, point)
    assert votes(window)["Search"] == 2
    assert window.scene is not None
    assert window.document is not None
    journey = window.document.journey
    cell = window.scene.layout.cells[(journey.phases[1].id, journey.lanes[0].id)]
    empty = window.view.mapFromScene(QPointF(cell.rect.x + cell.rect.width / 2, cell.rect.bottom - 8))
    QTest.mouseClick(viewport, LEFT, NONE, empty)
    QTest.mouseDClick(viewport, LEFT, NONE, empty)
    assert len(votes(window)) == 4  # no new card
    assert not window.scene.editor.active


def test_the_rules_of_a_round_hold_without_qt() -> None:
    """cjmapper.voting: the limits of the settings and a ballot's dots left, the same rules the session keeps."""
    from cjmapper import voting

    assert (voting.allowed_dots(0), voting.allowed_dots(7), voting.allowed_dots(10_000)) == (1, 7, voting.MAX_DOTS_EACH)
    assert voting.allowed_participants(2, voting_now=4) == 4  # never below the participant voting now
    assert voting.allowed_participants(10_000, voting_now=1) == voting.MAX_PARTICIPANTS
    ballot = Ballot(1)
    ballot.add(5, 2)
    assert (ballot.used, ballot.left(3), ballot.left(1)) == (2, 1, 0)  # a lowered allowance leaves none, not less
    ballot.add(5, -2)
    assert ballot.given == {}


def journey_menu_action(window: MainWindow, text: str) -> QAction:
    """The action called `text` in the menu bar's Journey menu, as a user finds it."""
    [journey_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Journey"]
    assert isinstance(journey_menu, QMenu)
    [action] = [a for a in journey_menu.actions() if a.text() == text]
    return action


def start_dialog(window: MainWindow) -> StartVotingDialog:
    """The open Start Dot Voting dialog (one closed before may wait for its deletion)."""
    [dialog] = [d for d in window.findChildren(StartVotingDialog, "startVotingDialog") if d.isVisible()]
    return dialog


def test_the_journey_menu_asks_for_dots_and_participants_first_and_remembers_them(
    qtbot: QtBot, window: MainWindow, path: Path
) -> None:
    """Start Dot Voting… in the Journey menu opens a dialog with the last choice; Cancel starts nothing, Start
    Voting starts a round with what was typed, and the next start (and the next program) offers the same."""
    start_action = journey_menu_action(window, "Start Dot &Voting…")
    start_action.trigger()
    dialog = start_dialog(window)
    assert not window.voting.active  # nothing starts before the answer
    assert (dialog.dots_box.value(), dialog.participants_box.value()) == (
        window.voting.dots_per_participant,
        window.voting.participants,
    )
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Cancel
    assert not dialog.isVisible()
    assert not window.voting.active
    start_action.trigger()
    dialog = start_dialog(window)
    assert dialog.focusWidget() is dialog.dots_box
    QTest.keyClicks(dialog.dots_box, "4")  # typed over the selected value
    dialog.participants_box.setFocus()
    dialog.participants_box.selectAll()
    QTest.keyClicks(dialog.participants_box, "7")
    QTest.mouseClick(dialog.start_button, LEFT)
    assert window.voting.active
    assert (window.voting.dots_per_participant, window.voting.participants) == (4, 7)
    assert window.voting_bar.participant_label.text() == "Participant 1 of 7"
    assert window.voting_bar.tally_label.text() == "4 dots left"
    assert not start_action.isEnabled()
    window.voting.stop()
    window.close()
    window.library.close()
    again = open_window(qtbot, path)
    try:
        open_titled(again, VOTING)
        journey_menu_action(again, "Start Dot &Voting…").trigger()
        dialog = start_dialog(again)
        assert (dialog.dots_box.value(), dialog.participants_box.value()) == (4, 7)
        QTest.keyClick(dialog, Qt.Key.Key_Return)  # Start Voting is the default button
        assert again.voting.active
        assert again.voting_bar.participant_label.text() == "Participant 1 of 7"
    finally:
        again.voting.stop()
        again.close()
        again.library.close()


def named_button(message: str) -> str:
    """The button a voting message tells the participant to click (the text between the quotes)."""
    return message.split("“")[1].split("”")[0]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_each_participant_is_told_to_click_the_button_the_bar_shows(qtbot: QtBot, path: Path, language: str) -> None:
    """With a dot left or none, before the last participant and at the last one, the message names the button
    the voting bar shows at that moment (Stemmen afronden for the last participant in Dutch)."""
    with i18n.using_language(language):
        window = open_window(qtbot, path, VOTING)
        try:
            window.view.fit()
            start(window, dots=1, participants=2)
            bar = window.voting_bar
            click(window, "Ad")  # all dots used
            assert named_button(window.voting.message) == bar.next_button.text() != ""
            click(window, "Search")  # refused: none left
            assert named_button(window.voting.message) == bar.next_button.text()
            first = bar.next_button.text()
            QTest.mouseClick(bar.next_button, LEFT)
            click(window, "Ad")
            last = bar.next_button.text()
            assert named_button(window.voting.message) == last != first
            click(window, "Search")
            assert named_button(bar.hint.text()) == last
            buttons = {"en": ("Next Participant", "Finish Voting"), "nl": ("Volgende deelnemer", "Stemmen afronden")}
            assert (first, last) == buttons[language]
        finally:
            window.voting.stop()
            window.close()
            window.library.close()


def dot_extents(image: QImage) -> list[tuple[int, int]]:
    """Width and height in pixels of each blob of the vote dots' colour in `image` (4-connected; a pixel counts
    when it is at least half the dot's colour, so the antialiased rim counts as far as it covers)."""

    dot = (VOTE_DOT.red(), VOTE_DOT.green(), VOTE_DOT.blue())

    def coloured(x: int, y: int) -> bool:
        pixel = image.pixelColor(x, y)
        channels = (pixel.red(), pixel.green(), pixel.blue())
        return all(abs(a - b) < 0.5 * (255 - b) + 1 for a, b in zip(channels, dot, strict=True))

    seen: set[tuple[int, int]] = set()
    blobs = []
    for y in range(image.height()):
        for x in range(image.width()):
            if (x, y) in seen or not coloured(x, y):
                continue
            todo, xs, ys = [(x, y)], [], []
            seen.add((x, y))
            while todo:
                px, py = todo.pop()
                xs.append(px)
                ys.append(py)
                for nx, ny in ((px + 1, py), (px - 1, py), (px, py + 1), (px, py - 1)):
                    inside = 0 <= nx < image.width() and 0 <= ny < image.height()
                    if inside and (nx, ny) not in seen and coloured(nx, ny):
                        seen.add((nx, ny))
                        todo.append((nx, ny))
            blobs.append((max(xs) - min(xs) + 1, max(ys) - min(ys) + 1))
    return [blob for blob in blobs if max(blob) > 1]  # a lone pixel is an icon's rim, not a dot


def test_vote_dots_are_at_least_12_pixels_on_a_1080p_projector_at_fit_in_workshop_mode(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The example journey in workshop mode, voting, at the zoom that fits it to a 1920x1080 screen with the voting
    bar above: the real view's pixels show each dot at least 12 px across (outside workshop mode they stay small)."""
    journey = load_example("nl")
    for i, card in enumerate(journey.touchpoints):
        card.votes = 3 if i == 0 else 0
    with Library.open(tmp_path / "dots.cjm") as lib:
        lib.create_journey(journey)
    window = open_window(qtbot, tmp_path / "dots.cjm")
    try:
        view, first = window.view, journey.touchpoints[0].title

        def dots_at_1080p_fit() -> list[tuple[int, int]]:
            qtbot.wait(10)  # the window settles (workshop mode fits the map again as the view resizes)
            assert window.scene is not None
            rect = window.scene.sceneRect()
            height = 1080 - window.voting_bar.sizeHint().height() - 2 * FIT_MARGIN
            zoom = min((1920 - 2 * FIT_MARGIN) / rect.width(), height / rect.height(), 1.0)
            view.set_zoom(zoom)
            card = window.scene.layout.cards[card_id(window, first)].rect
            view.centerOn(QPointF(card.x + card.width / 2, card.y + card.height / 2))
            assert view.zoom == pytest.approx(zoom)
            on_screen = view.mapFromScene(QRectF(card.x, card.y, card.width, card.height)).boundingRect()
            return dot_extents(view.viewport().grab(on_screen).toImage())

        small = dots_at_1080p_fit()
        assert len(small) == 3
        assert max(max(w, h) for w, h in small) < 12  # the editor's small dots, outside workshop mode
        assert window.workshop.enter()
        window.voting_actions.start.trigger()
        start_dialog(window).accept()
        assert window.voting.active
        large = dots_at_1080p_fit()
        assert len(large) == 3
        assert min(min(w, h) for w, h in large) >= 12
    finally:
        window.voting.stop()
        window.workshop.leave()
        window.close()
        window.library.close()
