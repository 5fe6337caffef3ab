"""Find and filter in the real window: Ctrl+F's find bar (typing, Enter and Shift+Enter, F3, the view brought to each
hit, Esc), the filter's dimming (read from the card items' opacity) through edits, undo, redo and relayout, the
"filter on" strip, and a poster of what is shown (the PDF's text read back)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from cjmapper.find import CardFilter, matching_ids
from cjmapper.model import CardStatus, Journey, Lane, LaneKind, Language, Persona, Phase, Rating, Touchpoint
from cjmapper.store import Library
from tests.test_poster_dialog import run_dialog, save_as, wait_for_export
from ui.canvas.items import DIMMED_OPACITY, CardItem
from ui.canvas.scene import JourneyScene
from ui.dialogs.filter_dialog import FilterDialog
from ui.export.poster_dialog import PosterDialog
from ui.window.main_window import MainWindow

TITLE = "Warmtepomp"
CONTACT, PAIN = 1, 2


def installer() -> Journey:
    """Six phases of contact moments and pain points, 14 filler cards a cell; the cards that mention "offerte" lie far
    apart (first phase's top, the last phase's bottom)."""
    phases = [Phase(i + 1, f"Fase {i + 1}") for i in range(6)]
    lanes = [Lane(CONTACT, "Contactmomenten"), Lane(PAIN, "Pijnpunten", LaneKind.PAIN_POINTS)]
    cards: list[Touchpoint] = []

    def card(phase: int, lane: int, title: str, **fields: object) -> None:
        position = sum(1 for c in cards if c.phase_id == phase and c.lane_id == lane)
        cards.append(Touchpoint(len(cards) + 1, phase, lane, position, title, **fields))  # type: ignore[arg-type]

    card(1, CONTACT, "Offerte aanvragen", owner="Verkoop")
    for phase in range(1, 7):
        for lane in (CONTACT, PAIN):
            for n in range(14):
                card(phase, lane, f"Vulkaart {phase}{lane}{n:02d}", owner="Planning")
    card(6, PAIN, "Wachten op de OFFÉRTE", owner="Verkoop")
    card(6, CONTACT, "Twee offertes vergelijken", notes="prijs", owner="verkoop")
    card(3, CONTACT, "Monteur", notes="Stuurt een nieuwe offerte")
    return Journey(0, TITLE, language=Language.NL, phases=phases, lanes=lanes, touchpoints=cards)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "find.cjm") as lib:
        lib.create_journey(installer())
    return tmp_path / "find.cjm"


def opened(window: MainWindow, qtbot: QtBot) -> MainWindow:
    window.resize(1280, 800)
    window.open_journey(window.library.find_journey(TITLE))
    qtbot.waitUntil(lambda: window.view.scene() is window.scene)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    QApplication.processEvents()
    return window


def ids_titled(window: MainWindow, *titles: str) -> list[int]:
    assert window.document is not None
    by_title = {card.title: card.id for card in window.document.journey.touchpoints}
    return [by_title[title] for title in titles]


def in_view(window: MainWindow, card_id: int) -> bool:
    """Whether the card lies wholly in the part of the view the sticky headers leave free."""
    assert window.scene is not None
    item = window.scene.card_item(card_id)
    assert item is not None
    m = window.scene.metrics
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    free = shown.adjusted(m.lane_header_width, m.phase_header_height, 0, 0)
    return free.contains(item.mapRectToScene(item.card_rect()))


def found(window: MainWindow) -> set[int]:
    """The cards ringed on the canvas (the rings item shown, and the ids it draws)."""
    assert window.scene is not None
    rings = window.scene.found_rings
    if rings is None or not rings.isVisible():
        return set()
    return set(rings.ids)


def test_ctrl_f_finds_offerte_steps_with_enter_and_f3_and_esc_takes_the_rings_away(
    qtbot: QtBot, window: MainWindow
) -> None:
    window = opened(window, qtbot)
    window.view.set_zoom(1.0)
    window.view.centerOn(0, 0)
    bar = window.finding.find_bar
    assert not bar.isVisible()
    QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible()
    assert bar.field.hasFocus()
    bar_rect = QRectF(bar.mapTo(window, bar.rect().topLeft()), bar.size().toSizeF())
    view_rect = QRectF(window.view.mapTo(window, window.view.rect().topLeft()), window.view.size().toSizeF())
    assert not bar_rect.intersects(view_rect)  # above the canvas: it covers none of the map's headers

    QTest.keyClicks(bar.field, "offerte")
    expected = ids_titled(
        window, "Offerte aanvragen", "Monteur", "Twee offertes vergelijken", "Wachten op de OFFÉRTE"
    )  # the map's order: phase 1, phase 3, then phase 6's contact moments above its pain points
    assert bar.hits == expected
    assert bar.count.text() == "Card 1 of 4"
    assert found(window) == set(expected)
    assert window.scene is not None
    assert window.scene.selected_ids() == [expected[0]]
    assert in_view(window, expected[0])

    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "Card 2 of 4"
    assert window.scene.selected_ids() == [expected[1]]
    assert in_view(window, expected[1])
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.scene.selected_ids() == [expected[3]]
    assert in_view(window, expected[3])  # the far end of the map, brought into view
    assert not in_view(window, expected[0])
    QTest.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.scene.selected_ids() == [expected[2]]
    QTest.keyClick(bar.field, Qt.Key.Key_F3)
    QTest.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.count.text() == "Card 1 of 4"  # round the end
    assert in_view(window, expected[0])
    QTest.keyClick(bar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "Card 4 of 4"

    bar.field.setText("OFFERTES")
    assert bar.hits == ids_titled(window, "Twee offertes vergelijken")
    bar.field.setText("geen kaart zegt dit")
    assert bar.hits == []
    assert bar.count.text() == "No cards"
    assert found(window) == set()
    bar.field.setText("offerte")

    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert found(window) == set()
    assert window.view.hasFocus()


def test_an_edit_while_finding_finds_again_and_the_journey_search_has_its_own_key(
    qtbot: QtBot, window: MainWindow
) -> None:
    window = opened(window, qtbot)
    assert window.find_action.shortcut().toString() == "Ctrl+Shift+F"
    assert window.finding.find_action.shortcut().toString() == "Ctrl+F"
    QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.library_panel.search_field.hasFocus()
    assert not window.finding.find_bar.isVisible()

    bar = window.finding.find_bar
    window.finding.find_action.trigger()
    bar.field.setText("offerte")
    assert len(bar.hits) == 4
    assert window.document is not None
    (filler,) = ids_titled(window, "Vulkaart 5103")
    window.document.update_touchpoint(filler, title="Offerte nabellen")
    assert filler in bar.hits
    assert len(bar.hits) == 5
    assert found(window) == set(bar.hits)
    window.undo_action.trigger()
    assert len(bar.hits) == 4
    assert filler not in found(window)


def dimmed(window: MainWindow) -> set[int]:
    """The cards painted faint, read from every card item's opacity (each item made)."""
    assert window.scene is not None
    items = window.scene.card_items()
    for item in items.values():
        assert item.opacity() in (1.0, DIMMED_OPACITY)
    return {card_id for card_id, item in items.items() if item.opacity() == DIMMED_OPACITY}


def in_lane(window: MainWindow, lane: int) -> set[int]:
    assert window.document is not None
    return {card.id for card in window.document.journey.touchpoints if card.lane_id == lane}


def choose_filter(window: MainWindow, qtbot: QtBot, lanes: list[int]) -> FilterDialog:
    dialog = window.finding.edit_filter()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.tick(dialog.lanes, lanes)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def test_a_lane_filter_dims_exactly_the_other_cards_through_edits_undo_and_redo(
    qtbot: QtBot, window: MainWindow
) -> None:
    window = opened(window, qtbot)
    assert window.scene is not None
    assert window.document is not None
    assert not window.finding.filter_bar.isVisible()
    dialog = choose_filter(window, qtbot, [PAIN])
    assert "85 of 172" in dialog.count.text()
    assert window.scene.card_filter == CardFilter(lanes=frozenset({PAIN}))
    assert dimmed(window) == in_lane(window, CONTACT)
    assert window.finding.filter_bar.isVisible()
    assert window.finding.filter_bar.label.text() == "Filter on: 85 of 172 cards shown"

    (moved,) = ids_titled(window, "Vulkaart 2100")
    window.document.move_touchpoints([moved], 2, PAIN, 0)  # into the pain points: shown
    assert moved not in dimmed(window)
    assert dimmed(window) == in_lane(window, CONTACT)
    window.undo_action.trigger()
    assert moved in dimmed(window)
    assert dimmed(window) == in_lane(window, CONTACT)
    window.redo_action.trigger()
    assert dimmed(window) == in_lane(window, CONTACT)
    assert window.finding.filter_bar.label.text() == "Filter on: 86 of 172 cards shown"

    new = window.document.add_touchpoint(1, CONTACT, "Nieuw contactmoment")
    assert new is not None
    assert new in dimmed(window)  # made after the filter: faint from the start
    window.document.add_phase("Nazorg")  # the whole map laid out again
    assert dimmed(window) == in_lane(window, CONTACT)
    window.view.fit()
    window.view.zoom_reset()
    assert dimmed(window) == in_lane(window, CONTACT)

    window.finding.filter_bar.clear_button.click()
    assert dimmed(window) == set()
    assert not window.finding.filter_bar.isVisible()
    assert not window.finding.clear_filter_action.isEnabled()


def test_the_poster_of_a_filtered_map_prints_only_the_cards_shown(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = opened(window, qtbot)
    assert window.document is not None
    (owner_filler,) = ids_titled(window, "Vulkaart 1100")
    window.document.update_touchpoint(owner_filler, owner="Verkoop ")
    window.scene.set_filter(CardFilter(owners=frozenset({"verkoop"})))  # type: ignore[union-attr]
    kept = {card.title for card in window.document.journey.touchpoints if card.owner.strip().lower() == "verkoop"}
    assert kept == {"Offerte aanvragen", "Wachten op de OFFÉRTE", "Twee offertes vergelijken", "Vulkaart 1100"}
    seen: list[bool] = []

    def choose(dialog: PosterDialog) -> None:
        seen.append(dialog.shown_check.isVisibleTo(dialog) and dialog.shown_check.isChecked())
        assert sorted(card.title for card in dialog.journey.touchpoints) == sorted(kept)

    target = tmp_path / "gefilterd.pdf"
    run_dialog(monkeypatch, choose)
    save_as(monkeypatch, target)
    window.export_poster_action.trigger()
    wait_for_export(qtbot, window)
    assert seen == [True]
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    for title in kept:
        assert title in text
    others = {card.title for card in window.document.journey.touchpoints} - kept
    assert not [title for title in others if title in text]
    assert "Monteur" not in text

    window.scene.set_filter(None)  # type: ignore[union-attr]
    whole = tmp_path / "alles.pdf"
    run_dialog(monkeypatch, lambda dialog: seen.append(dialog.shown_check.isVisibleTo(dialog)))
    save_as(monkeypatch, whole)
    window.export_poster_action.trigger()
    wait_for_export(qtbot, window)
    assert seen[-1] is False
    assert "Monteur" in "\n".join(page.extract_text() for page in PdfReader(whole).pages)


def test_card_items_made_later_are_faint_and_the_rings_need_no_items(qtbot: QtBot, window: MainWindow) -> None:
    """Items are made as cards come into view: a filter set before still reaches them (a canvas in no view has made
    none yet); the rings are drawn from the layout, with no card item made for them."""
    window = opened(window, qtbot)
    assert window.document is not None
    scene = JourneyScene(window.document)
    try:
        contact = sorted(in_lane(window, CONTACT))
        scene.set_filter(CardFilter(lanes=frozenset({PAIN})))
        scene.set_found(contact[:3], contact[1])
        assert not scene._cards  # no item made yet
        rings = scene.found_rings
        assert rings is not None
        assert rings.ids == set(contact[:3])
        assert rings.current == contact[1]
        assert not rings.shape().boundingRect().isValid()  # never what lies under the pointer
        for card_id in contact[:5]:
            item = scene.card_item(card_id)
            assert isinstance(item, CardItem)
            assert item.opacity() == DIMMED_OPACITY
        kept = scene.card_item(min(in_lane(window, PAIN)))
        assert kept is not None
        assert kept.opacity() == 1.0
    finally:
        scene.dispose()
        scene.deleteLater()


def test_the_rings_are_drawn_round_the_found_cards(qtbot: QtBot, window: MainWindow) -> None:
    """Rendered: amber pixels round a found card that go when it is no longer found; none round a card not found."""
    window = opened(window, qtbot)
    scene = window.scene
    assert scene is not None
    contact = sorted(in_lane(window, CONTACT))
    first, second = contact[0], contact[-1]  # far apart
    scene.set_found([first])

    def amber_round(card_id: int) -> int:
        box = scene.layout.cards[card_id].rect
        area = QRectF(box.x - 6, box.y - 6, box.width + 12, box.height + 12)
        image = QImage(int(area.width()) * 2, int(area.height()) * 2, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), area)
        painter.end()
        amber = 0
        for y in range(image.height()):
            for x in range(image.width()):
                c = image.pixelColor(x, y)
                if c.red() > 200 and 120 < c.green() < 190 and c.blue() < 60:
                    amber += 1
        return amber

    ringed, other = amber_round(first), amber_round(second)
    scene.set_found([])
    assert ringed - amber_round(first) > 100  # the ring's pixels went with it
    assert amber_round(second) == other  # a card not found has none


def test_esc_in_the_find_bar_closes_the_bar_not_workshop_mode(qtbot: QtBot, window: MainWindow) -> None:
    window = opened(window, qtbot)
    window.workshop.set_active(True)
    qtbot.waitUntil(lambda: window.workshop.active)
    bar = window.finding.find_bar
    QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.field.hasFocus()
    QTest.keyClicks(bar.field, "offerte")
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "Card 2 of 4"
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.workshop.active  # Esc closed the bar only
    window.workshop.set_active(False)


def test_far_zoomed_out_the_cards_left_out_are_washed_over(qtbot: QtBot, window: MainWindow) -> None:
    """Below the overview's zoom the cards are blocks (their items paint nothing): the cards the filter leaves out
    are washed over in the background's colour, and only while a filter is on."""
    window = opened(window, qtbot)
    scene = window.scene
    assert scene is not None
    left_out = min(in_lane(window, CONTACT))
    kept = min(in_lane(window, PAIN))
    scene.set_overview(True)

    def rendered(card_id: int) -> QImage:
        box = scene.layout.cards[card_id].rect
        image = QImage(int(box.width), int(box.height), QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), QRectF(box.x, box.y, box.width, box.height))
        painter.end()
        return image

    def distance_to_background(image: QImage) -> float:
        background = scene.backgroundBrush().color()
        x, y = image.width() // 3, image.height() // 2  # inside the block, left of its score strip
        c = image.pixelColor(x, y)
        return abs(c.red() - background.red()) + abs(c.green() - background.green()) + abs(c.blue() - background.blue())

    before = distance_to_background(rendered(left_out)), distance_to_background(rendered(kept))
    scene.set_filter(CardFilter(lanes=frozenset({PAIN})))
    assert distance_to_background(rendered(left_out)) < before[0] * 0.5
    assert distance_to_background(rendered(kept)) == before[1]
    scene.set_overview(False)
    assert scene.card_item(left_out) is not None
    assert scene.card_item(left_out).opacity() == DIMMED_OPACITY  # type: ignore[union-attr]
    scene.set_overview(True)
    scene.set_filter(None)
    assert distance_to_background(rendered(left_out)) == before[0]


def test_the_filter_dialog_shows_a_filter_and_gives_back_what_is_chosen(qtbot: QtBot, window: MainWindow) -> None:
    window = opened(window, qtbot)
    assert window.document is not None
    journey = window.document.journey
    spec = CardFilter(
        lanes=frozenset({PAIN}),
        owners=frozenset({"VERKOOP"}),
        score_min=2,
        score_max=4,
        votes_min=3,
        statuses=frozenset({None, CardStatus.DONE}),
    )
    dialog = FilterDialog(journey, spec, window)
    try:
        assert [dialog.owners.item(row).text() for row in range(dialog.owners.count())] == [
            "Planning",
            "Verkoop",
            "(no owner)",
        ]  # "Verkoop" and "verkoop" are one owner
        assert dialog.spec() == replace(spec, owners=frozenset({"Verkoop"}))
        assert dialog.count.text() == "0 of 172 cards match."
        dialog.clear()
        assert not dialog.spec().active
        assert dialog.count.text() == "No filter: all 172 cards are shown."
        dialog.tick(dialog.owners, ["Verkoop"])
        dialog.tick(dialog.channels, ["\x00none"])
        assert matching_ids(journey, dialog.spec()) == set(
            ids_titled(window, "Offerte aanvragen", "Wachten op de OFFÉRTE", "Twee offertes vergelijken")
        )
        assert dialog.count.text() == "3 of 172 cards match."
        assert [dialog.lanes.item(row).text() for row in range(dialog.lanes.count())] == [
            "Contactmomenten",
            "Pijnpunten",
        ]
    finally:
        dialog.deleteLater()


def test_the_marks_follow_workshop_modes_larger_type(qtbot: QtBot, window: MainWindow) -> None:
    """Workshop mode lays the map out anew, larger: the rings' item spans the larger map; the cards left out stay
    faint."""
    window = opened(window, qtbot)
    scene = window.scene
    assert scene is not None
    (last,) = ids_titled(window, "Wachten op de OFFÉRTE")
    scene.set_filter(CardFilter(lanes=frozenset({PAIN})))
    scene.set_found([last], last)
    window.workshop.set_active(True)
    qtbot.waitUntil(lambda: window.workshop.active)
    rings = scene.found_rings
    assert rings is not None
    box = scene.layout.cards[last].rect
    assert rings.boundingRect().contains(QRectF(box.x, box.y, box.width, box.height))
    assert dimmed(window) == in_lane(window, CONTACT)
    window.workshop.set_active(False)


def test_the_score_range_reads_the_chosen_personas_scores_and_starts_at_the_current_one(
    qtbot: QtBot, window: MainWindow, path: Path
) -> None:
    """Two personas whose scores differ: Linda (the first, the cards' own scores) low in the first phase and high in
    the second, Ahmed the other way round. The filter's "Scores of:" lists both, starts at the persona strip's current
    one, and the cards dimmed follow the persona chosen."""
    with Library.open(path) as lib:
        journey_id = lib.find_journey(TITLE)
        linda = lib.add_persona(journey_id, Persona("Linda")).value
        ahmed = lib.add_persona(journey_id, Persona("Ahmed")).value
        for card in lib.load_journey(journey_id).touchpoints:
            if card.phase_id in (1, 2):
                low = card.phase_id == 1
                lib.update_touchpoint(card.id, score=1 if low else 5)
                lib.set_rating(card.id, ahmed.id, Rating(5 if low else 1))
    window = opened(window, qtbot)
    assert window.scene is not None
    assert window.document is not None
    in_phase = {
        phase: {card.id for card in window.document.journey.touchpoints if card.phase_id == phase} for phase in (1, 2)
    }
    everything = {card.id for card in window.document.journey.touchpoints}
    window.persona_strip.choose(1)  # Ahmed is the current persona

    dialog = window.finding.edit_filter()  # View › Filter…
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    box = dialog.persona_box
    assert [box.itemText(i) for i in range(box.count())] == ["Linda", "Ahmed"]
    assert box.currentText() == "Ahmed"
    dialog.score_check.setChecked(True)
    dialog.score_min.setValue(1)
    dialog.score_max.setValue(2)
    assert dialog.count.text() == f"{len(in_phase[2])} of {len(everything)} cards match."
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.scene.card_filter == CardFilter(score_min=1, score_max=2, persona=ahmed.id)
    assert dimmed(window) == everything - in_phase[2]  # Ahmed scored the second phase low

    window.persona_strip.choose(0)  # the filter on keeps its persona
    dialog = window.finding.edit_filter()  # View › Filter…
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.persona_box.currentText() == "Ahmed"
    dialog.persona_box.setCurrentIndex(0)
    assert dialog.count.text() == f"{len(in_phase[1])} of {len(everything)} cards match."
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.scene.card_filter == CardFilter(score_min=1, score_max=2, persona=linda.id)
    assert dimmed(window) == everything - in_phase[1]  # Linda scored the first phase low

    (filler,) = in_phase[2] & set(ids_titled(window, "Vulkaart 2100"))
    window.document.set_rating(filler, ahmed.id, Rating(5))  # Ahmed's score is not the filter's
    assert dimmed(window) == everything - in_phase[1]
    window.document.update_touchpoint(filler, score=2)  # Linda's is
    assert dimmed(window) == everything - in_phase[1] - {filler}
