"""PDF posters: what a team hangs on the wall. Text is read back with pypdf, pages are checked against the paper,
and every card's text is found inside its own card, exactly as typed."""

from __future__ import annotations

import itertools
import os
import re
import stat
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import cast

import pytest
from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject

from cjmapper import style
from cjmapper.errors import CjmapperError
from cjmapper.layout import compute_layout
from cjmapper.model import CardStatus, Journey, Lane, LaneKind, Language, Persona, Phase, Touchpoint
from cjmapper.poster import (
    A0,
    A1,
    A2,
    A3,
    A4,
    PAPERS,
    ExportCancelledError,
    Paper,
    PosterOptions,
    PosterPlan,
    parse_paper,
    plan_poster,
    render_poster,
)
from cjmapper.poster.paper import MM
from cjmapper.poster.plan import LEGIBLE_PT, Obstacles, TileGrid, poster_layout, split
from cjmapper.poster.sizing import advice_options
from cjmapper.status_mark import MARK_LINE, MARK_RADIUS, STATUS_COLOURS, status_mark
from cjmapper.templates import load_example
from tests.poster_helpers import card_lines, fragments, pages_text

HOSTILE_TITLES = [
    "R&D <b>bold</b> & a<b",
    "Café één crème brûlée, ĳsje en geïnteresseerd",
    "Taart 🎂 met 中文 ✓ ♞",
    "<para>not markup</para> &amp; &lt;",
]


def journey_with(titles: list[str], *, cards: int = 0, language: Language = Language.EN, phases: int = 3) -> Journey:
    """`phases` phases, two card lanes and an emotions lane; `titles` first, then `cards` numbered cards."""
    journey = Journey(
        1,
        "Poster test — R&D <b>",
        language=language,
        personas=[Persona("Sanne <b>", "Owns a bakery & café", "Sell online")],
        phases=[Phase(i + 1, f"Phase {i + 1}") for i in range(phases)],
        lanes=[
            Lane(1, "Touchpoints"),
            Lane(2, "Pain points", LaneKind.PAIN_POINTS),
            Lane(3, "Curve", LaneKind.EMOTIONS),
        ],
    )
    all_titles = titles + [f"Card number {i + 1} with a title that wraps onto a second line" for i in range(cards)]
    for i, title in enumerate(all_titles):
        journey.touchpoints.append(
            Touchpoint(
                i + 1,
                i % phases + 1,
                (i // phases) % 2 + 1,
                i,
                title,
                notes="Notes: R&D <i>" if i % 4 == 0 else "",
                channel=("website", "e-mail", "Carrier pigeon & co", None)[i % 4],
                score=(None, 1, 2, 3, 4, 5)[i % 6],
                votes=(0, 1, 4, 12)[i % 4],
            )
        )
    return journey


def page_fonts(page: PageObject) -> list[DictionaryObject]:
    resources = cast(DictionaryObject, page["/Resources"])
    fonts = cast(DictionaryObject, resources["/Font"])
    return [cast(DictionaryObject, font.get_object()) for font in fonts.values()]


def one_line(text: str) -> str:
    return " ".join(text.split())


def render(tmp_path: Path, journey: Journey, **options: object) -> tuple[Path, PosterPlan]:
    target = tmp_path / "poster.pdf"
    plan = render_poster(journey, target, PosterOptions(**options))  # type: ignore[arg-type]
    return target, plan


# ------------------------------------------------------------------------------------------------ text


def test_every_card_title_prints_inside_its_card_exactly_as_typed(tmp_path: Path) -> None:
    journey = journey_with(HOSTILE_TITLES, cards=20)
    target, plan = render(tmp_path, journey, paper=A1)
    layout = poster_layout(journey, plan.page_width, plan.page_height)
    lines, problems = card_lines(plan, layout, fragments(target))
    assert problems == []
    for t in journey.touchpoints:
        box = layout.cards[t.id]
        printed = lines[t.id]
        title = printed[: len(box.title_lines)]
        assert not box.title_elided
        assert " ".join(title) == one_line(t.title)
        assert printed[len(box.title_lines) : len(box.title_lines) + len(box.note_lines)] == list(box.note_lines)
        assert str(t.score) in printed if t.score is not None else True


def test_markup_characters_and_diacritics_survive_in_the_title_block_and_legend(tmp_path: Path) -> None:
    journey = journey_with(HOSTILE_TITLES, language=Language.NL)
    target, _ = render(tmp_path, journey, paper=A2, printed=date(2026, 11, 23))
    text = PdfReader(target).pages[0].extract_text()
    assert "Poster test — R&D <b>" in text
    assert "Persona: Sanne <b>" in text
    assert "Owns a bakery & café" in text
    assert "Afgedrukt: 23 november 2026" in text
    assert "Taal: Nederlands" in text
    assert "Carrier pigeon & co" in text  # a free-text channel, in the legend
    assert "CSAT" in text


def test_long_titles_end_in_an_ellipsis_never_cut_mid_line(tmp_path: Path) -> None:
    long = "A very long title " * 20
    journey = journey_with([long, "x" * 300])
    target, plan = render(tmp_path, journey, paper=A3)
    layout = poster_layout(journey, plan.page_width, plan.page_height)
    lines, problems = card_lines(plan, layout, fragments(target))
    assert problems == []
    for t in journey.touchpoints:
        box = layout.cards[t.id]
        assert box.title_elided
        printed = lines[t.id][: len(box.title_lines)]
        assert printed == list(box.title_lines)
        assert printed[-1].endswith("…")
        kept = "".join(printed)[:-1].replace(" ", "")  # a word too long for a line is broken without a space
        assert t.title.replace(" ", "").startswith(kept)


def test_characters_dejavu_lacks_print_from_the_bundled_fallback_fonts(tmp_path: Path) -> None:
    target, _ = render(tmp_path, journey_with(["Taart 中文 ♞ ✓"]), paper=A4)
    page = PdfReader(target).pages[0]
    fonts = {str(font["/BaseFont"]).split("+")[-1] for font in page_fonts(page)}
    assert {"DejaVuSans", "DejaVuSans-Bold", "Symbola", "DroidSansFallback"} <= fonts
    assert "Taart 中文 ♞ ✓" in page.extract_text().replace("\n", "")


def test_every_font_is_embedded_and_nothing_runs_scripts(tmp_path: Path) -> None:
    target, _ = render(tmp_path, journey_with(HOSTILE_TITLES, cards=10), paper=A2, tile=A4)
    reader = PdfReader(target)
    for page in reader.pages:
        for font in page_fonts(page):
            descriptor = cast(DictionaryObject, font["/FontDescriptor"].get_object())
            assert "/FontFile2" in descriptor, font["/BaseFont"]
    actions = re.compile(rb"/(JavaScript|JS|OpenAction|Launch|AA|URI|SubmitForm)(?![A-Za-z0-9+])")
    # Only the PDF's objects can hold actions: stream data (compressed, ASCII85) may spell "/JS" by chance.
    objects = re.sub(rb"stream\r?\n.*?endstream", b"stream endstream", target.read_bytes(), flags=re.DOTALL)
    assert actions.findall(objects) == []
    assert actions.findall(b"<< /OpenAction 3 0 R /AA << >> >>") == [b"OpenAction", b"AA"]  # the check works


def test_metadata_names_the_journey_author_and_program(tmp_path: Path) -> None:
    journey = journey_with(["One"])
    target, _ = render(tmp_path, journey)
    meta = PdfReader(target).metadata
    assert meta is not None
    assert meta.title == "Poster test — R&D <b>"
    assert meta.author == "Sanne <b>"
    assert meta.subject == "Customer journey map: 3 phases, 3 lanes, 1 touchpoint"
    assert meta.creator is not None
    assert meta.creator.startswith("cjmapper ")
    target, _ = render(tmp_path, journey, author="Eva de Vries")
    assert PdfReader(target).metadata.author == "Eva de Vries"  # type: ignore[union-attr]


# ------------------------------------------------------------------------------------------------ paper


@pytest.mark.parametrize("name", list(PAPERS))
@pytest.mark.parametrize("portrait", [False, True])
def test_a_200_card_journey_renders_on_every_paper(tmp_path: Path, name: str, portrait: bool) -> None:
    paper = PAPERS[name]
    journey = journey_with([], cards=200)
    target, plan = render(tmp_path, journey, paper=paper, portrait=portrait)
    box = PdfReader(target).pages[0].mediabox
    short, long = sorted((paper.width_mm * MM, paper.height_mm * MM))
    expected = (short, long) if portrait else (long, short)
    assert (float(box.width), float(box.height)) == pytest.approx(expected, abs=0.01)
    assert len(PdfReader(target).pages) == 1
    layout = poster_layout(journey, plan.page_width, plan.page_height)
    lines, problems = card_lines(plan, layout, fragments(target))
    assert problems == []
    assert len(lines) == 200


def test_custom_sizes_and_the_pdf_page_limit(tmp_path: Path) -> None:
    assert parse_paper("a2") is A2
    assert parse_paper(" 600 x 900mm ") == Paper("", 600, 900)
    assert parse_paper("5080x1000") == Paper("", 5080, 1000)
    for bad in ("A5", "600", "600x", "x900", "0x100", "49x100", "5081x1000", "600x900cm", "<b>"):
        with pytest.raises(CjmapperError):
            parse_paper(bad)
    target, _ = render(tmp_path, journey_with(["One"]), paper=parse_paper("5080x900"))
    box = PdfReader(target).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((14400, 900 * MM), abs=0.01)


def test_a_map_too_large_to_read_names_the_smallest_legible_paper() -> None:
    journey = journey_with([], cards=250, phases=10)
    plans = {name: plan_poster(journey, PosterOptions(paper=paper)) for name, paper in PAPERS.items()}
    legible = [name for name, plan in plans.items() if plan.body_size >= LEGIBLE_PT]
    illegible = [name for name, plan in plans.items() if plan.body_size < LEGIBLE_PT]
    assert legible
    assert illegible
    smallest = min(legible, key=lambda name: PAPERS[name].width_mm)
    for name in illegible:
        warning = plans[name].warning
        assert warning is not None
        assert re.search(rf"At {name} the card text prints at \d+\.\d pt", warning)
        assert f"{smallest} is the smallest paper that keeps it legible" in warning
        assert plans[name].smallest_legible is PAPERS[smallest]
    for name in legible:
        assert plans[name].warning is None


def test_a_map_too_large_for_a0_suggests_a_custom_size() -> None:
    huge = journey_with([], cards=3000, phases=40)
    plan = plan_poster(huge, PosterOptions(paper=A0))
    assert plan.smallest_legible is None
    assert plan.warning is not None
    assert "no A0 to A4 paper keeps it legible" in plan.warning
    assert plan.advice is not None
    size = re.search(r"--paper (\d+)x(\d+)mm", advice_options(plan.advice))
    assert size is not None
    custom = plan_poster(huge, PosterOptions(paper=parse_paper(f"{size[1]}x{size[2]}mm")))
    assert custom.body_size >= LEGIBLE_PT
    assert custom.warning is None


# ------------------------------------------------------------------------------------------------ tiles


def test_tiles_cover_the_poster_with_crop_marks_and_labels(tmp_path: Path) -> None:
    journey = journey_with([], cards=60)
    target, plan = render(tmp_path, journey, paper=A1, tile=A4)
    grid = plan.tiles
    assert grid is not None
    assert plan.tile_grid is not None
    rows, columns = plan.tile_grid
    assert (rows, columns) == (len(grid.rows), len(grid.columns))
    reader = PdfReader(target)
    printed = grid.printed()
    assert len(reader.pages) == plan.sheets == 1 + len(printed) == 1 + rows * columns - len(grid.blank)
    assert rows * columns >= 8  # A1 is eight A4 sheets, more with margins and overlap
    texts = pages_text(target)
    assert len(texts) == len(reader.pages)
    assembly = texts[0]
    assert f"{len(printed)} sheets of A4 in {rows} rows and {columns} columns" in assembly
    for row, column in (printed[0], printed[-1]):
        assert f"{chr(ord('A') + row)}{column + 1}" in assembly
    a4 = sorted((210 * MM, 297 * MM))
    for page, (row, column), text in zip(reader.pages[1:], printed, texts[1:], strict=True):
        assert sorted((float(page.mediabox.width), float(page.mediabox.height))) == pytest.approx(a4, abs=0.01)
        label = f"Sheet {chr(ord('A') + row)}{column + 1}: row {row + 1} of {rows}, column {column + 1} of {columns}"
        assert label in text
        assert crop_marks(page, grid, row, column) == 8


def crop_marks(page: PageObject, grid: TileGrid, row: int, column: int) -> int:
    """How many of the eight crop-mark strokes at the printed part's corners the page draws."""
    from pypdf.generic import ContentStream

    content = ContentStream(page.get_contents(), page.pdf)
    left, right = grid.columns[column]
    top, bottom = grid.rows[row]
    m, height = grid.margin, grid.sheet_height
    corners = {(m, height - m), (m + right - left, height - m), (m, height - m - (bottom - top)),
               (m + right - left, height - m - (bottom - top))}  # fmt: skip
    strokes = 0
    start: tuple[float, float] | None = None
    offset = (0.0, 0.0)
    for operands, operator in content.operations:
        if operator == b"cm":
            offset = (offset[0] + float(operands[4]), offset[1] + float(operands[5]))
        elif operator == b"Q":
            offset = (0.0, 0.0)
        elif operator == b"m":
            start = (float(operands[0]) + offset[0], float(operands[1]) + offset[1])
        elif operator == b"l" and start is not None:
            end = (float(operands[0]) + offset[0], float(operands[1]) + offset[1])
            for cx, cy in corners:
                horizontal = (
                    abs(start[1] - cy) < 0.01
                    and abs(end[1] - cy) < 0.01
                    and min(abs(start[0] - cx), abs(end[0] - cx)) < 10
                )
                vertical = (
                    abs(start[0] - cx) < 0.01
                    and abs(end[0] - cx) < 0.01
                    and min(abs(start[1] - cy), abs(end[1] - cy)) < 10
                )
                if horizontal or vertical:
                    strokes += 1
    return strokes


def cards(spans: list[tuple[float, float]]) -> Obstacles:
    return Obstacles(tuple(spans), ())


def test_seams_move_to_avoid_cutting_through_a_card() -> None:
    # Sheets hold 100 points; a card spans 90..120, so the first seam moves back to 90 (a shift of 10 <= 20).
    assert split(0, 250, 100, 10, cards([(90, 120)])) == ((0, 90), (80, 180), (170, 250))
    # A card too wide to dodge within the allowed shift: the seam stays where it was.
    assert split(0, 150, 100, 10, cards([(50, 130)]))[0] == (0, 100)
    # Between two cards the seam picks the free gap.
    assert split(0, 150, 100, 10, cards([(60, 85), (88, 140)]))[0] == (0, 88)
    # Spans overlap by exactly `overlap` and cover everything.
    parts = split(0, 1000, 100, 10, cards([(i * 37.0, i * 37.0 + 30) for i in range(27)]))
    assert parts[0][0] == 0
    assert parts[-1][1] == 1000
    assert all(b[0] == a[1] - 10 for a, b in itertools.pairwise(parts))
    assert all(0 < end - start <= 100 for start, end in parts)


def test_tiles_prefer_seams_between_cards(tmp_path: Path) -> None:
    journey = journey_with([], cards=60)
    plan = plan_poster(journey, PosterOptions(paper=A0, tile=A3))
    layout = poster_layout(journey, plan.page_width, plan.page_height)
    grid = plan.tiles
    assert grid is not None
    xs = [(plan.map_x + c.rect.x * plan.scale, plan.map_x + c.rect.right * plan.scale) for c in layout.cards.values()]
    for _, seam in grid.columns[:-1]:
        assert not any(a < seam < b for a, b in xs)


# ------------------------------------------------------------------------------------------------ writing


def test_cancelling_leaves_the_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "poster.pdf"
    target.write_bytes(b"the old poster")
    calls: list[tuple[int, int]] = []

    def cancel_halfway(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < total // 2

    with pytest.raises(ExportCancelledError):
        render_poster(journey_with([], cards=300), target, PosterOptions(paper=A2), cancel_halfway)
    assert target.read_bytes() == b"the old poster"
    assert [p.name for p in tmp_path.iterdir()] == ["poster.pdf"]  # no temporary file left behind
    assert len(calls) > 3
    assert calls[-1][0] >= calls[-1][1] // 2


def test_progress_reaches_the_total(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []

    def record(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    render_poster(
        journey_with([], cards=120),
        tmp_path / "p.pdf",
        PosterOptions(tile=A4),
        record,
    )
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_poster_gets_the_usual_file_permissions(tmp_path: Path) -> None:
    from cjmapper.poster.render import UMASK

    assert os.umask(UMASK) == UMASK  # what the process has
    target, _ = render(tmp_path, journey_with(["One"]))
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~UMASK
    assert stat.S_IMODE(target.stat().st_mode) & 0o044  # readable by others, unlike a mkstemp file


def test_an_unwritable_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CjmapperError, match="cannot write"):
        render_poster(journey_with(["One"]), tmp_path / "missing" / "poster.pdf")


def test_hostile_text_neither_crashes_nor_escapes_its_card(tmp_path: Path) -> None:
    """A journey built in memory, past every limit of the store and the journey file: it still lays out and prints
    (tests/test_untrusted.py takes text within the limits through the editor, the canvas and the pictures)."""
    stacked = "Z" + "\u0301" * 500  # combining marks 500 deep
    hostile = [
        "\u202eevil right-to-left override",
        "control \x00\x07\x1b[31m characters",
        "y" * 100_000,
        "\ufeff\u200b\u200d zero width",
        stacked,
        "emoji 😀🎉 👍🏽 🇳🇱 👩\u200d👩\u200d👧 " * 2_000,
    ]
    journey = journey_with(hostile)
    journey.title = "t" * 100_000
    journey.description = "d" * 100_000
    journey.persona = Persona("p" * 10_000, "d" * 10_000, "g" * 10_000)
    long_notes = ["n" * 100_000, (stacked + " ") * 200, "<b>&amp;</b> " * 10_000]
    for card, notes in zip(journey.touchpoints, long_notes, strict=False):
        card.notes = notes
    layout = compute_layout(journey)
    assert set(layout.cards) == {card.id for card in journey.touchpoints}
    assert all(len(box.title_lines) <= 3 for box in layout.cards.values())
    target, plan = render(tmp_path, journey, paper=A4, tile=A4)
    assert len(PdfReader(target).pages) == plan.sheets
    target, plan = render(tmp_path, journey, paper=A3)
    _, problems = card_lines(plan, poster_layout(journey, plan.page_width, plan.page_height), fragments(target))
    assert problems == []


def test_the_example_prints_on_a3_and_is_legible() -> None:
    for language in ("en", "nl"):
        plan = plan_poster(load_example(language), PosterOptions(paper=A3))
        assert plan.warning is None
        assert plan.body_size >= LEGIBLE_PT
        assert plan.smallest_legible in (A4, A3)
    assert A0.width_mm == 841


def test_the_unicode_map_mend_matches_reportlab_below_u_ffff_and_writes_surrogates_above() -> None:
    from cjmapper.poster.unicode_map import REPORTLAB_CMAP, to_unicode_cmap

    subset = [0, 32, ord("é"), ord("€"), ord("中"), 0xFFFD]
    assert to_unicode_cmap("AAAAAA+DejaVuSans", subset) == REPORTLAB_CMAP("AAAAAA+DejaVuSans", subset)
    assert "<01> <D83CDF82>" in to_unicode_cmap("X", [32, 0x1F382])


def test_reportlabs_c_accelerators_are_installed() -> None:
    """rl_accel halves poster time (benchmarks/poster.py); without it reportlab silently falls back to Python."""
    from reportlab.lib import rl_accel  # type: ignore[import-untyped]

    assert type(rl_accel.fp_str).__name__ == "builtin_function_or_method"


def read_ppm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and RGB bytes of a binary PPM (what `pdftoppm` writes without -png)."""
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert (magic, depth) == (b"P6", b"255")
    return int(width), int(height), pixels


def test_poppler_renders_the_poster_cleanly_with_every_card_where_the_layout_puts_it(tmp_path: Path) -> None:
    journey = load_example("en")
    target, plan = render(tmp_path, journey, paper=A3, printed=date(2026, 11, 23))
    dpi = 144
    done = subprocess.run(["pdftoppm", "-r", str(dpi), target, tmp_path / "page"], capture_output=True, check=True)
    assert done.stderr == b""  # no font, form or syntax complaints
    width, height, pixels = read_ppm((tmp_path / "page-1.ppm").read_bytes())
    assert abs(width - plan.page_width * dpi / 72) <= 1
    assert abs(height - plan.page_height * dpi / 72) <= 1

    def pixel(x: float, y: float) -> tuple[int, int, int]:
        """The colour at page point (x, y), PDF coordinates."""
        column, row = round(x * dpi / 72), round((plan.page_height - y) * dpi / 72)
        offset = 3 * (row * width + column)
        return pixels[offset], pixels[offset + 1], pixels[offset + 2]

    layout = poster_layout(journey, plan.page_width, plan.page_height)
    for t in journey.touchpoints:
        rect = layout.cards[t.id].rect
        # The card's stripe, in the lane's colour (cards of the example have no colour of their own).
        lane_colour = style.lane_color(journey.lane(t.lane_id).kind, journey.lane(t.lane_id).color)
        x = plan.map_x + (rect.x + style.STRIPE_WIDTH / 2) * plan.scale
        y = plan.map_top - (rect.y + rect.height / 2) * plan.scale
        expected = tuple(round(v * 255) for v in style.rgb(lane_colour))
        assert max(abs(a - b) for a, b in zip(pixel(x, y), expected, strict=True)) < 40, t.title


def test_a_card_prints_its_status_mark_where_the_canvas_draws_it(tmp_path: Path) -> None:
    """The poster draws a card's status as the canvas does (`cjmapper.status_mark`): a ring at the top right,
    empty while open, its left half filled in progress, filled when done; none without a status."""
    journey = load_example("en")
    cards = journey.ordered_touchpoints()
    statuses = [CardStatus.OPEN, CardStatus.IN_PROGRESS, CardStatus.DONE, None]
    journey.touchpoints = [replace(t, status=s) for t, s in zip(cards, statuses, strict=False)] + cards[4:]
    target, plan = render(tmp_path, journey, paper=A3, printed=date(2026, 11, 23))
    dpi = 600
    subprocess.run(["pdftoppm", "-r", str(dpi), target, tmp_path / "page"], capture_output=True, check=True)
    width, _height, pixels = read_ppm((tmp_path / "page-1.ppm").read_bytes())
    layout = poster_layout(journey, plan.page_width, plan.page_height)

    def near(card: Touchpoint, dx: float, colour: str) -> bool:
        """Whether the poster shows `colour` at `dx` (map units) right of the card's mark centre."""
        box = layout.cards[card.id]
        rect, parts = box.rect, box.parts(layout.metrics)
        mark = status_mark(CardStatus.DONE, parts.status, parts.scale)
        assert mark is not None
        x = plan.map_x + (rect.x + mark.cx + dx) * plan.scale
        y = plan.map_top - (rect.y + mark.cy) * plan.scale
        column, row = round(x * dpi / 72), round((plan.page_height - y) * dpi / 72)
        offset = 3 * (row * width + column)
        found = pixels[offset : offset + 3]
        wanted = [round(v * 255) for v in style.rgb(colour)]
        return max(abs(a - b) for a, b in zip(found, wanted, strict=True)) < 40

    half = MARK_RADIUS / 2
    opened, progressing, done, plain = journey.ordered_touchpoints()[:4]
    assert near(opened, 0, "#ffffff")
    assert near(opened, MARK_RADIUS - MARK_LINE / 4, STATUS_COLOURS[CardStatus.OPEN])
    assert near(progressing, -half, STATUS_COLOURS[CardStatus.IN_PROGRESS])
    assert near(progressing, half, "#ffffff")
    assert near(done, 0, STATUS_COLOURS[CardStatus.DONE])
    assert not any(near(plain, 0, colour) for colour in STATUS_COLOURS.values())
