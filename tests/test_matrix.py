"""The impact/effort matrix outside the window: its geometry (`cjmapper.matrix`), its PDF page read back as text, its
PNG read back as pixels, `cjmapper export --matrix` run as a program, and a card's place and the journey's names kept
by the store (file and team library), a version, a journey file (version 4, and version 3 leaving them out), and
the upgrade of a format-7 library."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from cjmapper import matrix
from cjmapper.errors import EditError, InterchangeError
from cjmapper.interchange import read_journey, write_journey
from cjmapper.interchange.journey_writer import lost_in
from cjmapper.matrix import MAX_RADIUS, MIDDLE, MIN_RADIUS, matrix_cards, matrix_layout, place_at, point_of, tray_order
from cjmapper.matrix_png import matrix_png
from cjmapper.model import Journey, Language, MatrixLabels
from cjmapper.poster.matrix_page import write_matrix_pdf
from cjmapper.store import Library, migrate
from cjmapper.style import rgb
from cjmapper.templates import load_example
from tests.poster_helpers import fragments
from tests.test_migrations import build_library_at

PAIN = "Kan geen bezorgtijd kiezen"
OTHER = "Bezorgkosten verschijnen pas bij het afrekenen"
BIRTHDAY = "Verjaardagsherinnering een jaar later"


def example() -> Journey:
    """The Dutch example: three pain points and one opportunity, with votes 4, 3, 2 and 3."""
    return load_example("nl")


def placed(journey: Journey, title: str, impact: int | None, effort: int | None) -> Journey:
    journey.touchpoints = [
        replace(t, impact=impact, effort=effort) if t.title == title else t for t in journey.touchpoints
    ]
    return journey


def test_the_matrix_holds_opportunities_pain_points_and_any_placed_card() -> None:
    journey = example()
    held = [card.title for card in matrix_cards(journey)]
    assert sorted(held) == sorted([OTHER, PAIN, BIRTHDAY, "Belt om de bezorging naar de ochtend te verzetten"])
    other = next(t for t in journey.ordered_touchpoints() if t.title not in held)
    placed(journey, other.title, None, 30)
    assert other.title in [card.title for card in matrix_cards(journey)]


def test_the_tray_is_by_votes_then_title_and_leaves_out_placed_cards() -> None:
    journey = placed(example(), OTHER, 70, None)
    order = [(card.votes, card.title) for card in tray_order(matrix_cards(journey))]
    assert order == [(3, PAIN), (3, BIRTHDAY), (2, "Belt om de bezorging naar de ochtend te verzetten")]


def test_dots_grow_with_votes_and_stand_where_their_place_says() -> None:
    journey = placed(placed(example(), OTHER, 80, 20), "Belt om de bezorging naar de ochtend te verzetten", 10, None)
    layout = matrix_layout(journey)
    dots = {dot.title.text.rstrip("…"): dot for dot in layout.dots}
    most = next(d for d in layout.dots if d.votes == 4)
    assert most.radius == MAX_RADIUS  # the most voted card of the matrix
    small = next(d for d in layout.dots if d.votes == 2)
    assert MIN_RADIUS < small.radius < MAX_RADIUS
    plot = layout.plot
    assert (most.x, most.y) == pytest.approx((plot.x + 0.2 * plot.width, plot.y + 0.2 * plot.height))
    assert small.effort == MIDDLE  # placed on one axis only: the middle of the other
    assert place_at(plot, most.x, most.y) == (80, 20)
    assert place_at(plot, plot.x - 100, plot.y - 100) == (100, 0)  # kept on the matrix
    assert point_of(plot, 0, 100) == (plot.x + plot.width, plot.y + plot.height)
    assert len(dots) == 2
    assert [card.title for card in layout.tray] == [PAIN, BIRTHDAY]


def test_the_names_are_the_journeys_own_or_the_defaults_in_its_language() -> None:
    journey = example()
    assert matrix.shown_labels(journey) == matrix.DEFAULT_LABELS[Language.NL]
    journey.language = Language.EN
    journey.matrix = MatrixLabels(big_bets="Moonshots")
    shown = matrix.shown_labels(journey)
    assert (shown.quick_wins, shown.big_bets, shown.effort) == ("Quick wins", "Moonshots", "Effort")


def test_the_pdf_page_prints_names_and_titles_where_the_geometry_puts_them(tmp_path: Path) -> None:
    journey = placed(example(), PAIN, 90, 90)
    journey.touchpoints = [replace(t, title="<b>Bold</b> & 😀") if t.title == OTHER else t for t in journey.touchpoints]
    journey = placed(journey, "<b>Bold</b> & 😀", 10, 10)
    journey.matrix = MatrixLabels(money_pits="<i>Niet doen</i>")
    target = tmp_path / "matrix.pdf"
    write_matrix_pdf(journey, target)
    found = {f.text: f for f in fragments(target)}
    layout = matrix_layout(journey)
    height = layout.height
    for quadrant in layout.quadrants:
        label = quadrant.label
        assert label.text in found
        assert found[label.text].y == pytest.approx(height - label.baseline, abs=0.5)
    assert "<i>Niet doen</i>" in found  # user text printed as typed, never as markup
    pain = next(d for d in layout.dots if d.title.text == PAIN)
    assert found[PAIN].y == pytest.approx(height - pain.title.baseline, abs=0.5)
    assert found[PAIN].x > layout.plot.x + layout.plot.width / 2  # a big bet: right half
    assert any(text.startswith("<b>Bold</b> &") for text in found)
    assert "Inspanning →" in found
    assert journey.title in found


def test_the_png_shows_the_quadrants_and_the_dots_in_their_colours() -> None:
    journey = placed(example(), PAIN, 90, 10)
    layout = matrix_layout(journey)
    image = Image.open(io.BytesIO(matrix_png(journey, 72))).convert("RGB")
    assert image.size == (842, 595)
    for quadrant in layout.quadrants:
        box = quadrant.box
        pixel = image.getpixel((round(box.x + box.width - 6), round(box.y + box.height - 6)))
        assert pixel == tuple(round(v * 255) for v in rgb(quadrant.fill)), quadrant.name
    [dot] = layout.dots
    assert image.getpixel((round(dot.x), round(dot.y - dot.radius / 2))) == tuple(round(v * 255) for v in rgb(dot.fill))


@pytest.fixture
def lib_path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "matrix.cjm") as library:
        journey_id = library.create_journey(example())
        card = next(t for t in library.load_journey(journey_id).touchpoints if t.title == PAIN)
        library.update_touchpoint(card.id, impact=85, effort=15)
    return tmp_path / "matrix.cjm"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *args], capture_output=True, text=True, check=False, timeout=120,
        env={k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")},
    )  # fmt: skip


def test_the_command_line_exports_the_matrix_as_a_pdf_page_and_a_png(lib_path: Path, tmp_path: Path) -> None:
    pdf, png = tmp_path / "m.pdf", tmp_path / "m.png"
    done = cli("--library", str(lib_path), "export", "1", "--matrix", "-o", str(pdf))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    texts = [f.text for f in fragments(pdf)]
    assert {"Snelle winst", "Geldputten", PAIN}.issubset(texts)
    done = cli("--library", str(lib_path), "export", "1", "--matrix", "-o", str(png), "--dpi", "100")
    assert (done.returncode, done.stderr) == (0, "")
    with Image.open(png) as picture:
        assert picture.size == (round(842 * 100 / 72), round(595 * 100 / 72))
    refused = cli("--library", str(lib_path), "export", "1", "--matrix", "-o", str(tmp_path / "m.csv"))
    assert refused.returncode == 2
    assert "--matrix goes with PDF and PNG files, not with CSV files" in refused.stderr
    refused = cli("--library", str(lib_path), "export", "1", "--matrix", "--heat", "-o", str(pdf))
    assert refused.returncode == 2
    assert "--heat does not go with --matrix" in refused.stderr
    helped = cli("export", "--help")
    assert "--matrix" in helped.stdout


@pytest.mark.both_backends
def test_a_place_and_the_names_are_kept_by_the_store_and_a_version(library: Library) -> None:
    journey_id = library.create_journey(example())
    card = next(t for t in library.load_journey(journey_id).touchpoints if t.title == PAIN)
    stored = library.update_touchpoint(card.id, impact=70, effort=30)
    assert (stored.value.impact, stored.value.effort) == (70, 30)
    labels = MatrixLabels(quick_wins="  Meteen doen ", impact="Waarde")
    before = library.set_matrix_labels(journey_id, labels)
    assert before.value == MatrixLabels()
    assert library.load_journey(journey_id).matrix == MatrixLabels(quick_wins="Meteen doen", impact="Waarde")
    saved = library.save_version(journey_id, "geprioriteerd")
    library.update_touchpoint(card.id, impact=None, effort=None)
    library.set_matrix_labels(journey_id, MatrixLabels())
    library.restore_version(saved.id)
    again = library.load_journey(journey_id)
    assert (again.touchpoint(card.id).impact, again.touchpoint(card.id).effort) == (70, 30)
    assert again.matrix.quick_wins == "Meteen doen"
    with pytest.raises(EditError):
        library.update_touchpoint(card.id, impact=101)
    with pytest.raises(EditError):
        library.set_matrix_labels(journey_id, MatrixLabels(effort="x" * 101))
    assert library.load_journey(journey_id).matrix.effort == ""


def test_journey_file_version_4_round_trips_and_version_3_leaves_the_matrix_out() -> None:
    journey = placed(example(), PAIN, 60, 40)
    journey.matrix = MatrixLabels(fill_ins="Later")
    text = write_journey(journey)
    document = json.loads(text)
    assert document["version"] == 4
    assert document["matrix"]["fill_ins"] == "Later"
    again = read_journey(text)
    assert again.matrix == journey.matrix
    assert [(t.title, t.impact, t.effort) for t in again.touchpoints if t.impact is not None] == [(PAIN, 60, 40)]
    assert write_journey(again) == text
    assert lost_in(journey, 3) == ["the cards' places on the impact/effort matrix", "the matrix's names"]
    older = json.loads(write_journey(journey, 3))
    assert "matrix" not in older
    assert all("impact" not in t and "effort" not in t for t in older["touchpoints"])
    assert read_journey(write_journey(journey, 3)).matrix == MatrixLabels()
    older["touchpoints"][0]["impact"] = 10
    with pytest.raises(InterchangeError, match=r"touchpoints\[0\]\.impact: unknown field"):
        read_journey(json.dumps(older))
    document["touchpoints"][0]["effort"] = 101
    with pytest.raises(InterchangeError, match=r"touchpoints\[0\]\.effort: must be an integer 0 to 100 or null"):
        read_journey(json.dumps(document))


def test_a_format_7_library_upgrades_with_nothing_placed_and_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "oud.cjm"
    build_library_at(path, "0007")
    with Library.open(path) as library:
        journey = library.load_journey(7)
        assert journey.matrix == MatrixLabels()
        assert [(t.title, t.impact, t.effort) for t in journey.touchpoints] == [("Afrekenen", None, None)]
        library.update_touchpoint(9, impact=50, effort=5)
        library.set_matrix_labels(7, MatrixLabels(big_bets="Groot"))
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.HEAD,)
    assert raw.execute("SELECT impact, effort FROM touchpoints").fetchone() == (50, 5)
    raw.close()
    backup = sqlite3.connect(tmp_path / "oud.cjm.format7.bak")
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0007",)
    backup.close()
