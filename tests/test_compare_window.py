"""Journey › Compare Versions… on the real window and a real library file: two versions (or one and now) on one
map, each added, removed, moved and changed card marked on its own card, the differences listed beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from cjmapper.model import CardStatus, Persona, Rating
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui.canvas.compare_marks import GHOST_OPACITY, CompareMark
from ui.dialogs.compare_dialog import CompareDialog
from ui.window.main_window import MainWindow


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "compare.cjm") as lib:
        lib.create_journey(load_example("en"))
    return tmp_path / "compare.cjm"


def compare_from_menu(window: MainWindow) -> CompareDialog:
    """Journey › Compare Versions…, as the menu bar has it."""
    [journey_menu] = [m for m in window.menus if m.title() == "&Journey"]
    assert isinstance(journey_menu, QMenu)
    [action] = [a for a in journey_menu.actions() if a.text() == "Co&mpare Versions…"]
    assert action.isEnabled()
    action.trigger()
    dialog = window.compare_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def edit_after_voor(window: MainWindow) -> dict[str, int]:
    """Save "voor", then edit on the window's document: a score, a status, a move, a removal, a new card and a
    renamed phase; save "na". Returns the cards' ids by what happened to them."""
    document = window.document
    assert document is not None
    journey = document.journey
    assert document.save_version("voor") is not None
    cards = journey.ordered_touchpoints()
    changed, moved, removed = cards[0], cards[1], cards[2]
    other_phase = next(p.id for p in journey.phases if p.id != moved.phase_id)
    assert document.update_touchpoint(changed.id, score=1, status=CardStatus.OPEN)
    assert document.move_touchpoints([moved.id], other_phase, moved.lane_id, None)
    assert document.delete_touchpoints([removed.id])
    added = document.add_touchpoint(journey.phases[0].id, changed.lane_id, "Offerte op maat")
    assert added is not None
    assert document.update_phase(journey.phases[-1].id, name="Nazorg")
    return {"changed": changed.id, "moved": moved.id, "removed": removed.id, "added": added}


def test_compare_a_version_with_now_marks_each_card(qtbot: QtBot, path: Path) -> None:
    window = open_window(qtbot, path, load_example("en").title)
    try:
        ids = edit_after_voor(window)
        dialog = compare_from_menu(window)
        qtbot.waitExposed(dialog)
        # the newest version and the journey now are chosen first
        assert dialog.names == ("voor", None)
        assert dialog.scene is not None
        scene = dialog.scene
        for kind, card_id in ids.items():
            mark = dialog.marks[card_id]
            assert isinstance(mark, CompareMark)
            assert mark.kind == kind
            card = scene.card_item(card_id)
            assert card is not None
            assert mark.parentItem() is card
            # the badge sits on the card's top right corner, on the card drawn for this card id
            badge = mark.mapToScene(mark.centre())
            card_rect = card.sceneBoundingRect()
            assert card_rect.left() < badge.x() <= card_rect.right()
            assert card_rect.top() <= badge.y() < card_rect.bottom()
            assert card.opacity() == (GHOST_OPACITY if kind == "removed" else 1.0)
        assert len(dialog.marks) == 4
        assert scene.card_item(ids["removed"]) is not None  # the removed card is on the map, ghosted
        lines = dialog.differences()
        assert lines[0].startswith("~ phase: ")
        assert lines[0].endswith(" -> Nazorg")
        assert "+ Offerte op maat" in lines
        assert any(line.startswith("> ") and " moved from " in line for line in lines)
        assert any(line.endswith(": status: (empty) -> open") for line in lines)
        assert dialog.summary.text().startswith("1 added, 1 removed, 1 changed, 1 moved")

        # clicking a difference selects its card
        row = next(i for i, line in enumerate(lines) if line == "+ Offerte op maat")
        dialog.list.setCurrentRow(row)
        assert scene.selected_ids() == [ids["added"]]
        # the map refuses edits: it is a comparison
        assert not dialog.scene.document.update_touchpoint(ids["added"], title="x")
        assert window.document is not None
        assert window.document.journey.touchpoint(ids["added"]).title == "Offerte op maat"
    finally:
        window.library.close()


def test_compare_two_versions_and_nothing_changed(qtbot: QtBot, path: Path) -> None:
    window = open_window(qtbot, path, load_example("en").title)
    try:
        ids = edit_after_voor(window)
        assert window.document is not None
        assert window.document.save_version("na") is not None
        versions = {v.name: v.id for v in window.library.list_versions(window.document.journey_id)}
        dialog = compare_from_menu(window)
        comparison = dialog.choose(versions["voor"], versions["na"])
        assert comparison is not None
        assert dialog.names == ("voor", "na")
        assert {kind: dialog.marks[card_id].kind for kind, card_id in ids.items()} == {k: k for k in ids}
        dialog.choose(versions["na"], None)
        assert dialog.marks == {}
        assert dialog.differences() == ["No differences."]
    finally:
        window.library.close()


def test_without_versions_the_dialog_says_how_to_make_one(qtbot: QtBot, path: Path) -> None:
    window = open_window(qtbot, path, load_example("en").title)
    try:
        dialog = compare_from_menu(window)
        assert dialog.empty.isVisible()
        assert "Journey › Versions…" in dialog.empty.text()
        assert not dialog.from_box.isEnabled()
        assert dialog.comparison is None
    finally:
        window.library.close()


def test_the_comparison_with_now_follows_edits_and_new_versions(qtbot: QtBot, path: Path) -> None:
    window = open_window(qtbot, path, load_example("en").title)
    try:
        ids = edit_after_voor(window)
        dialog = compare_from_menu(window)
        document = window.document
        assert document is not None
        assert document.update_touchpoint(ids["added"], title="Offerte binnen een dag")
        qtbot.waitUntil(lambda: "+ Offerte binnen een dag" in dialog.differences())
        assert document.save_version("na") is not None
        qtbot.waitUntil(lambda: dialog.from_box.count() == 2)
        assert dialog.names == ("voor", None)  # what was chosen stays chosen
        dialog.from_box.setCurrentIndex(dialog.from_box.findText("na", Qt.MatchFlag.MatchStartsWith))
        assert dialog.names == ("na", None)
        assert dialog.differences() == ["No differences."]
        dialog.close()
        assert document.update_touchpoint(ids["added"], title="Na het sluiten")  # a closed dialog stays out of it
    finally:
        window.library.close()


def test_side_by_side_marks_each_version_on_its_own_map(qtbot: QtBot, path: Path) -> None:
    window = open_window(qtbot, path, load_example("en").title)
    try:
        ids = edit_after_voor(window)
        dialog = compare_from_menu(window)
        dialog.side_by_side.click()
        assert dialog.before_view.isVisible()
        assert dialog.before_view.width() > 300  # the maps share the room
        assert abs(dialog.before_view.width() - dialog.view.width()) < 20
        assert (dialog.before_heading.text(), dialog.after_heading.text()) == ("voor", "The journey now")
        before, after = dialog.before_scene, dialog.scene
        assert before is not None
        assert after is not None
        assert set(dialog.before_marks) == {ids["removed"], ids["moved"], ids["changed"]}
        assert set(dialog.marks) == {ids["added"], ids["moved"], ids["changed"]}
        assert {i: m.kind for i, m in dialog.before_marks.items()}[ids["removed"]] == "removed"
        for scene, marks in ((before, dialog.before_marks), (after, dialog.marks)):
            for card_id, mark in marks.items():
                assert mark.parentItem() is scene.card_item(card_id)
        # the moved card sits in another phase on each map, and a click selects it on both
        assert before.layout.cards[ids["moved"]].phase_id != after.layout.cards[ids["moved"]].phase_id
        lines = dialog.differences()
        dialog.list.setCurrentRow(next(i for i, line in enumerate(lines) if line.startswith("> ")))
        assert before.selected_ids() == [ids["moved"]]
        assert after.selected_ids() == [ids["moved"]]
        dialog.list.setCurrentRow(lines.index("+ Offerte op maat"))
        assert (before.selected_ids(), after.selected_ids()) == ([], [ids["added"]])
        dialog.side_by_side.click()  # back to one map
        assert not dialog.before_view.isVisible()
        assert dialog.before_scene is None
        assert set(dialog.marks) == set(ids.values())
    finally:
        window.library.close()


def test_the_list_names_each_personas_score_change_and_the_persona_added(qtbot: QtBot, path: Path) -> None:
    """The example's Linda and a second persona, Ahmed, rate the cards; after "voor" Ahmed's score on one card
    changes and Sanne comes: the list says whose score changed, and the summary gives each persona's averages."""
    window = open_window(qtbot, path, load_example("en").title)
    try:
        document = window.document
        assert document is not None
        assert document.add_persona(Persona("Ahmed"))
        journey = document.journey
        ahmed = journey.personas[1]
        card = journey.ordered_touchpoints()[0]
        assert document.set_rating(card.id, ahmed.id, Rating(2))
        assert document.save_version("voor") is not None
        assert document.set_rating(card.id, ahmed.id, Rating(5))
        assert document.add_persona(Persona("Sanne"))
        dialog = compare_from_menu(window)
        qtbot.waitExposed(dialog)
        assert dialog.differences() == ["+ persona: Sanne", f"~ {card.title}: score (Ahmed): 2 -> 5"]
        assert dialog.marks[card.id].kind == "changed"
        dialog.list.setCurrentRow(1)
        assert dialog.scene is not None
        assert dialog.scene.selected_ids() == [card.id]
        phase = journey.phase(card.phase_id).name
        summary = dialog.summary.text().splitlines()
        assert summary[0] == "0 added, 0 removed, 1 changed, 0 moved"
        assert f"{phase} (Ahmed): average score 2.0 -> 5.0" in summary
        assert f"{phase} (Sanne): average score – -> –" in summary
        assert any(line.startswith(f"{phase} (Linda, working mother): average score ") for line in summary)
    finally:
        window.library.close()
