"""The comparison poster (cjmapper.poster.compare_poster): both maps on one sheet, the marks on the right cards, the
summary; through `cjmapper diff --poster` and the Compare dialog's Export Poster…, read back with pypdf."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cjmapper.compare import Comparison, compare
from cjmapper.layout import Rect
from cjmapper.model import CardStatus, Journey, Lane, LaneKind, Persona, Phase, Rating, Touchpoint
from cjmapper.poster import A3, A4, PAPERS
from cjmapper.poster.compare_poster import ComparisonPlan, MapPlace, plan_comparison, render_comparison_poster
from cjmapper.poster.plan import chrome_for
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.poster_helpers import Fragment, fragments
from tests.test_cli_diff import cjmapper
from tests.test_compare_window import compare_from_menu, edit_after_voor
from tests.window_helpers import open_window


def two_versions(language: str = "nl") -> tuple[Journey, Journey, dict[str, int]]:
    before = load_example(language)
    before.id = 1
    for i, card in enumerate(before.touchpoints):
        card.id = i + 1
    after = load_example(language)
    after.id = 1
    for i, card in enumerate(after.touchpoints):
        card.id = i + 1
    cards = after.ordered_touchpoints()
    changed, moved, removed = cards[0], cards[1], cards[2]
    changed.score, changed.status = 1, CardStatus.OPEN
    moved.phase_id = after.phases[2].id
    moved.position = 99
    after.touchpoints.remove(removed)
    added = max(c.id for c in after.touchpoints) + 100
    after.touchpoints.append(Touchpoint(added, after.phases[1].id, changed.lane_id, 99, "Offerte op maat"))
    return before, after, {"changed": changed.id, "moved": moved.id, "removed": removed.id, "added": added}


def badge_at(found: list[Fragment], symbol: str, page_height: float, rect: Rect) -> bool:
    """A badge `symbol` is drawn on the card's top right corner (the PDF's y runs upwards)."""
    for f in found:
        if f.text.strip() != symbol:
            continue
        y = page_height - f.y
        if rect.x + rect.width * 0.6 <= f.x <= rect.right + 4 and rect.y - 12 <= y <= rect.y + rect.height * 0.6:
            return True
    return False


def marks_on_cards(path: Path, plan: ComparisonPlan, ids: dict[str, int]) -> None:
    found = fragments(path)
    symbols = {"added": "+", "removed": "−", "moved": ">", "changed": "~"}

    def on(place: MapPlace, kind: str) -> bool:
        return badge_at(found, symbols[kind], plan.height, place.card_rect(ids[kind]))

    assert on(plan.before, "removed")
    assert on(plan.after, "added")
    for kind in ("moved", "changed"):
        assert on(plan.before, kind)
        assert on(plan.after, kind)
    # no mark stands on a card that did not change
    untouched = next(i for i in plan.after.layout.cards if i not in ids.values())
    rect = plan.after.card_rect(untouched)
    assert not any(badge_at(found, s, plan.height, rect) for s in symbols.values())


def test_both_maps_with_their_marks_and_the_summary(tmp_path: Path) -> None:
    before, after, ids = two_versions()
    comparison = compare(before, after)
    target = tmp_path / "vergelijking.pdf"
    plan = render_comparison_poster(comparison, "voor", "na", target)
    marks_on_cards(target, plan, ids)
    text = PdfReader(target).pages[0].extract_text()
    assert "1 toegevoegd, 1 verwijderd, 1 gewijzigd, 1 verplaatst" in text
    assert "Bewustwording: gemiddelde score" in text
    for word in ("toegevoegd", "verwijderd", "verplaatst", "gewijzigd", "voor → na"):
        assert word in text
    page = PdfReader(target).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A3.oriented(True), abs=0.5)


def _wide() -> Journey:
    phases = [Phase(i + 1, f"P{i + 1}") for i in range(12)]
    return Journey(1, "Wide", phases=phases, lanes=[Lane(1, "L"), Lane(2, "E", LaneKind.EMOTIONS)])


def test_the_arrangement_follows_the_paper_and_the_map() -> None:
    """A map of twelve phases and one lane goes above the other on landscape paper; the example's five phases and six
    lanes side by side on landscape, above each other on upright paper."""
    wide = _wide()
    assert plan_comparison(compare(wide, wide), A3).arrangement == "stacked"
    before, after, _ = two_versions()
    comparison: Comparison = compare(before, after)
    assert plan_comparison(comparison, A3).arrangement == "side by side"
    upright = plan_comparison(comparison, A3, portrait=True)
    assert upright.arrangement == "stacked"
    assert upright.before.top < upright.after.top  # the earlier version first
    # the arrangement chosen prints the maps at least as large as the other would
    for plan in (plan_comparison(comparison, A4), upright):
        assert min(plan.before.scale, plan.after.scale) > 0


def test_diff_writes_the_poster_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "lib.cjm"
    with Library.open(path) as lib:
        journey_id = lib.create_journey(load_example("en"))
        lib.save_version(journey_id, "before")
        first = lib.load_journey(journey_id).ordered_touchpoints()[0]
        lib.update_touchpoint(first.id, score=1)
    target = tmp_path / "poster.pdf"
    done = cjmapper(
        "--language", "en", "--library", str(path), "diff", "1", "--from", "before", "--poster", str(target),
        "--paper", "A4", "--portrait",
    )  # fmt: skip
    assert done.returncode == 0
    assert done.stderr.startswith("cjmapper: warning: the maps' card text is ")  # two maps on A4: small
    assert done.stdout.startswith(f"~ {first.title}: score: ")
    page = PdfReader(target).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4.oriented(False), abs=0.5)
    text = page.extract_text()
    assert "before → the journey now" in text
    assert "0 added, 0 removed, 1 changed, 0 moved" in text
    wrong = cjmapper("--library", str(path), "diff", "1", "--from", "before", "--paper", "A4")
    assert wrong.returncode == 2
    assert "--paper and --portrait go with --poster" in wrong.stderr


def test_export_poster_from_the_compare_dialog(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "compare.cjm"
    with Library.open(path) as lib:
        lib.create_journey(load_example("en"))
    window = open_window(qtbot, path, load_example("en").title)
    try:
        ids = edit_after_voor(window)
        dialog = compare_from_menu(window)
        target = tmp_path / "chosen.pdf"
        asked: list[str] = []

        def save_name(_parent: object, _title: str, offered: str, _filter: str) -> tuple[str, str]:
            asked.append(offered)
            return str(target.with_suffix("")), ""  # the .pdf is added

        monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
        dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("A2"))
        dialog.poster_button.click()
        assert asked
        assert asked[0].endswith(".pdf")
        assert target.exists()
        assert dialog.message.text() == "Poster written to chosen.pdf"
        assert dialog.comparison is not None
        plan = plan_comparison(dialog.comparison, PAPERS["A2"])
        marks_on_cards(target, plan, ids)
    finally:
        window.library.close()


def test_maps_too_large_for_the_paper_get_a_warning(tmp_path: Path) -> None:
    from benchmarks.store import big_journey

    path = tmp_path / "big.cjm"
    with Library.open(path) as lib:
        journey_id = lib.create_journey(big_journey(150))
        lib.save_version(journey_id, "voor")
        lib.update_touchpoint(lib.load_journey(journey_id).touchpoints[0].id, score=1)
    target = tmp_path / "big.pdf"
    done = cjmapper(
        "--language", "nl", "--library", str(path), "diff", "1", "--from", "voor", "--poster", str(target),
        "--paper", "A4",
    )  # fmt: skip
    assert done.returncode == 0
    assert target.exists()
    [warning] = done.stderr.splitlines()
    assert warning.startswith("cjmapper: waarschuwing: de tekst op de kaarten is op dit papier ")
    assert warning.endswith(" pt, te klein om te lezen (minstens 6 pt); kies groter papier")
    roomy = cjmapper("--library", str(path), "diff", "1", "--from", "voor", "--poster", str(target), "--paper", "A0")
    assert (roomy.returncode, roomy.stderr) == (0, "")


def test_with_several_personas_the_summary_has_a_row_per_persona_below_the_maps(tmp_path: Path) -> None:
    """The example's persona and Ahmed: the summary prints each one's phase averages on a row of its own, her name
    first, every row on the page below both maps (the maps give up the rows' height)."""
    before, after, ids = two_versions()
    for journey in (before, after):
        journey.personas.append(Persona("Ahmed", id=2))
        for card in journey.touchpoints:
            card.ratings = {2: Rating(3)}
    after.touchpoint(ids["changed"]).ratings = {2: Rating(5)}
    first = before.personas[0].name
    comparison = compare(before, after)
    target = tmp_path / "personen.pdf"
    plan = render_comparison_poster(comparison, "voor", "na", target)
    marks_on_cards(target, plan, ids)
    found = fragments(target)
    counts = [f for f in found if f.text.startswith("1 toegevoegd, 1 verwijderd, 1 gewijzigd, 1 verplaatst")]
    rows = [f for f in found if f.text.startswith((f"{first}:", "Ahmed:"))]
    assert [f.text.split(":")[0] for f in rows] == [first, "Ahmed"]
    assert len(counts) == 1
    assert counts[0].y > rows[0].y > rows[1].y > 0  # the PDF's y runs upwards: counts, the first persona, Ahmed
    assert "Bewustwording: gemiddelde score" in rows[1].text
    lowest_card = max(
        place.card_rect(card_id).bottom for place in (plan.before, plan.after) for card_id in place.layout.cards
    )
    assert plan.height - counts[0].y > lowest_card  # every row below both maps
    margin = chrome_for(plan.width, plan.height).margin
    assert rows[-1].y >= margin  # the summary's box grew a row: the last one stays clear of the page's margin
