"""The PowerPoint deck (`cjmapper export JOURNEY -o deck.pptx`): read back with python-pptx as a viewer reads it
(slides, titles, each card an editable text box on its phase's slide, words in the journey's language), user text
kept exactly, a large journey continuing onto further slides, and LibreOffice Impress rendering it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Pt
from pypdf import PdfReader
from PySide6.QtGui import QImage

from cjmapper.cli import main
from cjmapper.layout import Metrics, compute_layout
from cjmapper.messages import use_language
from cjmapper.model import Journey, Lane, LaneKind, Language, Persona, Phase, Touchpoint
from cjmapper.pptx_export import overview_dpi, write_deck
from cjmapper.pptx_export.plan import SLIDE_HEIGHT, SLIDE_WIDTH
from cjmapper.store import Library
from cjmapper.style import SCORE_COLORS, tint
from cjmapper.templates import load_example
from tests.poster_helpers import pages_text
from tests.pptx_helpers import read_deck, render_with_libreoffice
from tests.store_helpers import sample_journey


def cjmapper(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    """The installed program, as a user runs it."""
    exe = shutil.which("cjmapper", path=str(Path(sys.executable).parent))
    assert exe is not None
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([exe, *map(str, argv)], capture_output=True, text=True, check=False, timeout=300, env=env)


@pytest.fixture
def dutch(tmp_path: Path) -> tuple[Path, Journey]:
    """A library file holding the Dutch example journey, and the journey as stored."""
    path = tmp_path / "bakkerij.cjm"
    with Library.open(path) as library:
        journey = library.load_journey(library.create_journey(load_example("nl")))
    return path, journey


def test_the_command_line_writes_a_dutch_deck_whose_cards_are_text_boxes(
    tmp_path: Path, dutch: tuple[Path, Journey]
) -> None:
    library, journey = dutch
    target = tmp_path / "klant.pptx"
    done = cjmapper("--library", library, "export", str(journey.id), "-o", target)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    slides = read_deck(target)
    assert len(slides) == 2 + len(journey.phases)  # everything of the example fits a slide per phase
    title = slides[0]
    assert title.title == journey.title
    persona = journey.personas[0]
    shown = "\n".join(title.texts)
    for text in (journey.description, persona.name, persona.goals, persona.frustrations, "Doelen", "Frustraties"):
        assert text in shown
    assert "De persona" in title.texts
    assert (slides[1].title, slides[1].pictures) == ("Overzicht", 1)
    lanes = {lane.id: lane for lane in journey.lanes}
    for number, (phase, slide) in enumerate(zip(journey.phases, slides[2:], strict=True), start=1):
        cards = [t for t in journey.touchpoints if t.phase_id == phase.id]
        assert slide.title == phase.name
        assert f"Fase {number} van 5 · {len(cards)} kaarten" in slide.texts
        assert sorted(c.paragraphs[0] for c in slide.cards) == sorted(t.title for t in cards)
        assert {c.kind for c in slide.cards} == {MSO_SHAPE_TYPE.TEXT_BOX}  # editable text, not pictures
        assert slide.pictures == 0
        for lane_id in {t.lane_id for t in cards}:
            assert lanes[lane_id].name in slide.texts  # the lane's row label
    footers = {c.paragraphs[0]: c.paragraphs[1] for s in slides for c in s.cards}
    voted = next(t for t in journey.touchpoints if t.votes > 1 and t.score is not None)
    assert f"score {voted.score} van 5" in footers[voted.title]
    assert f"{voted.votes} stemmen" in footers[voted.title]
    by_format = tmp_path / "klant.bin"
    done = cjmapper("--library", library, "export", journey.title, "-o", by_format, "--format", "pptx")
    assert (done.returncode, done.stderr) == (0, "")
    assert [s.title for s in read_deck(by_format)] == [s.title for s in slides]


def test_the_overview_is_the_picture_the_png_export_makes(tmp_path: Path, dutch: tuple[Path, Journey]) -> None:
    """One path for the map's picture: the overview slide holds the bytes `export --map-only` writes as a PNG."""
    library, journey = dutch
    deck, png = tmp_path / "deck.pptx", tmp_path / "map.png"
    dpi = overview_dpi(compute_layout(journey, Metrics(), aspect=2**0.5).width)
    assert cjmapper("--library", library, "export", "1", "-o", deck).returncode == 0
    assert cjmapper("--library", library, "export", "1", "-o", png, "--map-only", "--dpi", str(dpi)).returncode == 0
    overview = Presentation(str(deck)).slides[1]
    pictures = [shape for shape in overview.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    assert pictures[0].image.blob == png.read_bytes()
    picture = pictures[0]
    assert picture.left >= 0
    assert picture.left + picture.width <= Pt(SLIDE_WIDTH) + 1
    assert picture.top + picture.height <= Pt(SLIDE_HEIGHT) + 1
    image = QImage(str(png))
    assert abs(picture.width / picture.height - image.width() / image.height()) < 0.01  # its shape kept


def test_markup_emoji_and_diacritics_are_kept_exactly(tmp_path: Path) -> None:
    odd = '<b>Vet</b> & "aanhalingstekens" {0} %s <a:t>'
    emoji = "Crème brûlée 🎂 — naïve café, Ærø, 東京"
    journey = Journey(
        id=1,
        title=f"{odd} reis",
        description="Twee regels:\nde tweede <i>hier</i>",
        language=Language.NL,
        personas=[Persona("Zoë 👩‍🍳", "Bakt <taarten>", "Snel & goed", "Wachten 😤")],
        phases=[Phase(1, "Fase & <één>")],
        lanes=[Lane(1, "<rij> 🚚", LaneKind.TOUCHPOINTS)],
        touchpoints=[
            Touchpoint(1, 1, 1, 0, odd, channel="Eigen <kanaal>", score=2, votes=3),
            Touchpoint(2, 1, 1, 1, emoji),
        ],
    )
    target = tmp_path / "vreemd.pptx"
    assert write_deck(journey, target, None) == 2
    title, phase = read_deck(target)
    assert title.title == journey.title
    assert journey.description in title.texts
    persona = next(text for text in title.texts if text.startswith("Zoë"))
    assert persona.split("\n") == ["Zoë 👩‍🍳", "Bakt <taarten>", "Doelen", "Snel & goed", "Frustraties", "Wachten 😤"]
    assert phase.title == "Fase & <één>"
    assert "<rij> 🚚" in phase.texts
    assert [c.paragraphs for c in phase.cards] == [
        (odd, "Eigen <kanaal> · score 2 van 5 · 3 stemmen"),
        (emoji, "geen score"),
    ]


def test_a_thousand_cards_continue_onto_further_slides_in_readable_type(tmp_path: Path) -> None:
    journey = sample_journey("Groot", phases=5, lanes=4, cards_per_cell=50)
    assert len(journey.touchpoints) == 1000
    target = tmp_path / "groot.pptx"
    started = time.perf_counter()
    count = write_deck(journey, target, None)
    took = time.perf_counter() - started
    print(f"1,000 cards: {count} slides in {took:.2f} s")
    assert took < 60
    slides = read_deck(target)
    assert len(slides) == count
    seen: dict[str, str] = {}
    for phase in journey.phases:
        own = [s for s in slides if s.title == phase.name or s.title.startswith(f"{phase.name} (")]
        assert len(own) > 1
        further = [f"{phase.name} (continued, {i} of {len(own)})" for i in range(2, len(own) + 1)]
        assert [s.title for s in own] == [phase.name, *further]
        for slide in own:
            boxes = [c.box for c in slide.cards]
            for left, top, width, height in boxes:
                assert min(left, top) >= 0
                assert left + width <= Pt(SLIDE_WIDTH)
                assert top + height <= Pt(SLIDE_HEIGHT)
            for index, (left, top, width, height) in enumerate(boxes):  # no card covers another
                for other_left, other_top, other_width, other_height in boxes[index + 1 :]:
                    apart_x = left + width <= other_left or other_left + other_width <= left
                    apart_y = top + height <= other_top or other_top + other_height <= top
                    assert apart_x or apart_y
            for card in slide.cards:
                assert min(card.sizes) >= 10  # never shrunk below a readable size
                assert card.paragraphs[0] not in seen
                seen[card.paragraphs[0]] = phase.name
    assert seen == {t.title: journey.phases[t.phase_id - 1].name for t in journey.touchpoints}


def flat(text: str) -> str:
    """`text` on one line, as a PDF's lines joined: a line may end after a hyphen, where Impress breaks a word."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def test_libreoffice_renders_the_deck(tmp_path: Path, dutch: tuple[Path, Journey]) -> None:
    library, journey = dutch
    deck = tmp_path / "klant.pptx"
    assert cjmapper("--library", library, "export", "1", "-o", deck).returncode == 0
    pdf = render_with_libreoffice(deck, tmp_path)
    pages = PdfReader(pdf).pages
    assert len(pages) == len(read_deck(deck))
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages} == {(960, 540)}
    text = flat(" ".join(pages_text(pdf)))
    for card in journey.touchpoints:
        assert flat(card.title) in text
    assert "Overzicht" in text
    assert "Fase 1 van 5" in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    rendered = sorted(tmp_path.glob("page-*.png"))
    assert len(rendered) == len(pages)
    # each card of the first phase's slide shows its score's tint inside its box, as the deck says it does
    phase_page = QImage(str(rendered[2]))
    scale = phase_page.width() / SLIDE_WIDTH / Pt(1)
    scores = {t.title: t.score for t in journey.touchpoints}
    first = read_deck(deck)[2]
    assert first.cards
    for box in first.cards:
        left, top, width, height = box.box
        x, y = round((left + width - Pt(5)) * scale), round((top + height - Pt(3)) * scale)
        shown = phase_page.pixelColor(x, y)
        score = scores[box.paragraphs[0]]
        expected = tint(SCORE_COLORS[score], 0.3) if score is not None else (1.0, 1.0, 1.0)
        got = (shown.redF(), shown.greenF(), shown.blueF())
        assert max(abs(a - b) for a, b in zip(got, expected, strict=True)) < 0.06, (box.paragraphs, got, expected)


def test_a_deck_refuses_a_saved_version_and_needs_the_canvas(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dutch: tuple[Path, Journey]
) -> None:
    library, _ = dutch
    with pytest.raises(SystemExit) as exited:
        main(["--library", str(library), "export", "1", "-o", str(tmp_path / "x.pptx"), "--version", "v1"])
    assert exited.value.code == 2
    assert "--version goes with JSON, CSV and PDF files, not with PPTX files" in capsys.readouterr().err
    assert main(["--library", str(library), "export", "1", "-o", str(tmp_path / "x.pptx")]) == 1
    assert "PPTX deck's overview picture is drawn by the editor's canvas" in capsys.readouterr().err
    assert not (tmp_path / "x.pptx").exists()


def test_the_deck_speaks_the_journey_s_language_not_the_program_s(tmp_path: Path) -> None:
    """A Dutch command line (or editor) exporting an English journey writes English slides, and the other way round;
    more than three personas go on on a slide of their own."""
    english = sample_journey("Webshop", phases=2, lanes=1, cards_per_cell=1)
    english.personas = [Persona(f"Persona {i}", goals=f"Goal {i}") for i in range(1, 5)]
    previous = use_language(Language.NL)
    try:
        assert write_deck(english, tmp_path / "en.pptx", None) == 4
    finally:
        use_language(previous)
    title, personas, first, _ = read_deck(tmp_path / "en.pptx")
    assert "The personas" in title.texts
    assert "Goals" in "\n".join(title.texts)
    assert [t for t in title.texts if t.startswith("Persona ")] == [f"Persona {i}\nGoals\nGoal {i}" for i in (1, 2, 3)]
    assert personas.title == "The personas"
    assert [t for t in personas.texts if t.startswith("Persona ")] == ["Persona 4\nGoals\nGoal 4"]
    assert "Phase 1 of 2 · 1 card" in first.texts
    assert [c.paragraphs[1] for c in first.cards] == ["Website · score 2 of 5"]
    dutch = load_example("nl")
    assert write_deck(dutch, tmp_path / "nl.pptx", None) == 1 + len(dutch.phases)  # while the program speaks English
    assert "De persona" in read_deck(tmp_path / "nl.pptx")[0].texts


def test_a_persona_too_long_for_a_column_goes_on_over_slides_of_her_own(tmp_path: Path) -> None:
    story = " ".join(f"Zin {i} over haar dag, haar werk en haar wensen." for i in range(400))  # 19,000 characters
    journey = sample_journey("Lang", phases=1, lanes=1, cards_per_cell=1)
    journey.language = Language.NL
    journey.personas = [Persona("Anna", story[:10_000], "Kort doel"), Persona("Bram", "Kort", "Ook kort")]
    count = write_deck(journey, tmp_path / "lang.pptx", None)
    slides = read_deck(tmp_path / "lang.pptx")
    assert len(slides) == count
    own = [s for s in slides if s.title.startswith("De persona’s")]
    assert own[0].title == "De persona’s"
    assert own[1].title == f"De persona’s (vervolg, 2 van {len(own) - 1})"
    assert own[-1].title == "De persona’s"  # Bram, on one slide
    assert not [t for t in slides[0].texts if t.startswith(("Anna", "Bram"))]  # none in a column of the title slide
    persona_texts = [t for s in own for t in s.texts if t not in (s.title, journey.title)]
    shown = " ".join(" ".join(persona_texts).split())
    assert shown == " ".join(f"Anna {story[:10_000]} Doelen Kort doel Bram Kort Doelen Ook kort".split())
    deck = Presentation(str(tmp_path / "lang.pptx"))
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                assert shape.top + shape.height <= Pt(SLIDE_HEIGHT)
                sizes = [r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs if r.font.size]
                assert min(sizes, default=12) >= 9


def test_the_matrix_slide_holds_the_placed_cards_where_the_matrix_puts_them(tmp_path: Path) -> None:
    """With cards placed on the impact/effort matrix the deck ends in its slide: the quadrants named in the journey's
    language, each placed card a dot with its title as an editable text box, drawn from the matrix's one geometry;
    LibreOffice renders it with every title."""
    from cjmapper.matrix import matrix_layout
    from cjmapper.pptx_export import plan

    journey = load_example("nl")
    cards = journey.ordered_touchpoints()
    placed = {cards[0].id: (90, 10), cards[1].id: (20, 80), cards[2].id: (60, 55)}
    for card in cards:
        if card.id in placed:
            card.impact, card.effort = placed[card.id]
    cards[0].votes = 5
    unplaced = write_deck(load_example("nl"), tmp_path / "zonder.pptx", None)
    deck_path = tmp_path / "matrix.pptx"
    count = write_deck(journey, deck_path, None)
    assert count == unplaced + 1  # one slide more: the matrix
    slides = read_deck(deck_path)
    matrix = slides[-1]
    assert matrix.title == "Impact en inspanning"
    assert {"Snelle winst", "Grote projecten", "Klusjes", "Geldputten"} <= set(matrix.texts)
    for card in cards[:3]:
        assert any(text == card.title or text.rstrip("…") in card.title for text in matrix.texts), card.title
    layout = matrix_layout(journey, SLIDE_WIDTH - 2 * plan.MARGIN, plan.GRID_BOTTOM - plan.GRID_TOP, heading=False)
    shapes = {shape.name: shape for shape in Presentation(str(deck_path)).slides[-1].shapes}
    for dot in layout.dots:
        shape = shapes[f"Dot {dot.card_id}"]
        assert shape.left / 12700 == pytest.approx(plan.MARGIN + dot.x - dot.radius, abs=0.05)
        assert shape.top / 12700 == pytest.approx(plan.GRID_TOP + dot.y - dot.radius, abs=0.05)
        assert shape.width / 12700 == pytest.approx(2 * dot.radius, abs=0.05)
    biggest = max(layout.dots, key=lambda d: d.radius)
    assert biggest.card_id == cards[0].id  # the most votes, the largest dot
    pdf = render_with_libreoffice(deck_path, tmp_path)
    last = pages_text(pdf)[-1]
    assert "Snelle winst" in last
    assert cards[2].title.split()[0] in last


def test_the_open_comments_end_the_deck_as_editable_text_going_on_over_slides(tmp_path: Path) -> None:
    """The deck's last slides list the open comments card by card (a resolved thread left out, a reply under its
    comment), every word as typed, going on over slides when they are many; LibreOffice renders them."""
    from datetime import UTC, datetime

    from cjmapper.model import Comment

    journey = load_example("nl")
    cards = journey.ordered_touchpoints()
    when = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    journey.comments = [
        Comment(1, cards[0].id, "Anna", when, "Werkt dit <b>op</b> de telefoon? 😀"),
        Comment(2, cards[0].id, "Karel", when, "Ja, sinds maart", parent_id=1),
        Comment(3, cards[1].id, "Anna", when, "Al opgelost", resolved=True),
        Comment(4, cards[1].id, "Karel", when, "Dus ook dit antwoord niet", parent_id=3),
    ]
    journey.comments += [
        Comment(10 + i, cards[2].id, "Eva", when, f"Opmerking {i}: " + "lang verhaal " * 30) for i in range(40)
    ]
    without = load_example("nl")
    base = write_deck(without, tmp_path / "zonder.pptx", None)
    deck_path = tmp_path / "opmerkingen.pptx"
    count = write_deck(journey, deck_path, None)
    slides = read_deck(deck_path)[base:]
    assert count - base == len(slides) >= 3  # 42 open comments go on over several slides
    assert slides[0].title == "Open opmerkingen"
    assert slides[1].title == f"Open opmerkingen (vervolg, 2 van {len(slides)})"
    texts = [text for slide in slides for text in slide.texts]
    assert any("Werkt dit <b>op</b> de telefoon? 😀" in text for text in texts)
    assert any(text.startswith("Karel, 2026-03-01 09:30 UTC\nJa, sinds maart") for text in texts)
    assert not any("Al opgelost" in text or "Dus ook dit antwoord niet" in text for text in texts)
    assert sum("Opmerking " in text for text in texts) == 40
    assert cards[2].title in slides[-1].texts  # the card's title again over its comments on a further slide
    for shape in Presentation(str(deck_path)).slides[base].shapes:
        assert shape.top + shape.height <= Pt(SLIDE_HEIGHT)
    pdf = render_with_libreoffice(deck_path, tmp_path)
    assert "Ja, sinds maart" in pages_text(pdf)[base]
