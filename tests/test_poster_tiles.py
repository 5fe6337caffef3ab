"""Tiled posters as they come out of the printer: seams between cards (never through card text), no sheet that
would print nothing, an assembly sheet whose outlines leave the small poster's title readable, its words in the
journey's language (one row, not "1 rijen"), and "fit to N sheets". Rendered, then read back with poppler."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from cjmapper.model import Journey, Language
from cjmapper.poster import A0, A3, A4, Paper, PosterOptions, PosterPlan, plan_poster, render_poster
from cjmapper.poster.paper import MM
from cjmapper.poster.plan import Box, TileGrid
from cjmapper.templates import load_example

Word = tuple[float, float, float, float, str]
"""x0, y0, x1, y1 (page points, top-down) and the word."""


def words(pdf: Path, page: int = 1) -> list[Word]:
    """The words of one page with their boxes, as poppler's pdftotext reads them."""
    command = ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"]
    html = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(pattern, html)]


def pixels(pdf: Path, page: int, dpi: int, folder: Path) -> Image.Image:
    stem = folder / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(stem)],
        check=True,
        timeout=120,
    )
    return Image.open(f"{stem}.png").convert("RGB")


def outline_pixels(image: Image.Image) -> int:
    """Pixels in the blue of the assembly sheet's outlines (style.VOTE_DOT, #3056d3)."""
    data = image.tobytes()
    return sum(
        1
        for i in range(0, len(data), 3)
        if abs(data[i] - 0x30) < 40 and abs(data[i + 1] - 0x56) < 40 and data[i + 2] > 170
    )


def card_boxes(plan: PosterPlan) -> list[Box]:
    """Each card's rectangle on the poster page (top-down points)."""
    assert plan.layout is not None
    s, top = plan.scale, plan.chrome.map_area.y
    return [
        Box(plan.map_x + c.rect.x * s, top + c.rect.y * s, c.rect.width * s, c.rect.height * s)
        for c in plan.layout.cards.values()
    ]


def seams(grid: TileGrid) -> tuple[list[float], list[float]]:
    """The trimmed edges between sheets: x of the vertical seams, y of the horizontal ones."""
    return [right for _, right in grid.columns[:-1]], [bottom for _, bottom in grid.rows[:-1]]


@pytest.fixture(scope="module")
def a0_over_a4(tmp_path_factory: pytest.TempPathFactory) -> tuple[Journey, Path, Path, PosterPlan]:
    """The Dutch example on A0, once on one sheet and once tiled over A4."""
    folder = tmp_path_factory.mktemp("a0")
    journey = load_example(Language.NL)
    single, tiled = folder / "single.pdf", folder / "tiled.pdf"
    render_poster(journey, single, PosterOptions(paper=A0))
    plan = render_poster(journey, tiled, PosterOptions(paper=A0, tile=A4))
    return journey, single, tiled, plan


def test_no_seam_runs_through_card_text(a0_over_a4: tuple[Journey, Path, Path, PosterPlan]) -> None:
    _, single, _, plan = a0_over_a4
    assert plan.tiles is not None
    cards = card_boxes(plan)
    card_words = [
        w for w in words(single) if any(b.x <= w[0] and w[2] <= b.right + 1 and b.y <= w[1] and w[3] <= b.bottom + 1
                                        for b in cards)
    ]  # fmt: skip
    assert len(card_words) > 200
    across, down = seams(plan.tiles)
    assert len(across) + len(down) >= 8
    through = [x for x in across if any(w[0] < x < w[2] for w in card_words)]
    through += [y for y in down if any(w[1] < y < w[3] for w in card_words)]
    assert through == []
    # Vertical seams run between cards, not through them.
    assert not [x for x in across if any(b.x < x < b.right for b in cards)]


def test_sheets_that_would_print_nothing_are_left_out(
    a0_over_a4: tuple[Journey, Path, Path, PosterPlan], tmp_path: Path
) -> None:
    _, single, tiled, plan = a0_over_a4
    grid = plan.tiles
    assert grid is not None
    assert grid.blank  # the example leaves the right-hand column of A0 empty below the title block
    reader = PdfReader(tiled)
    assert (
        len(reader.pages) == plan.sheets == 1 + grid.count == 1 + len(grid.rows) * len(grid.columns) - len(grid.blank)
    )
    # On the poster itself, every sheet left out covers white paper only; every sheet printed shows something.
    dpi = 20
    poster = pixels(single, 1, dpi, tmp_path)
    k = dpi / 72

    def inked(left: float, top: float, right: float, bottom: float) -> int:
        box = (round(left * k) + 1, round(top * k) + 1, round(right * k) - 1, round(bottom * k) - 1)
        return sum(poster.crop(box).convert("L").histogram()[:245])

    overlap = grid.overlap
    for r, (top, bottom) in enumerate(grid.rows):
        for c, (left, right) in enumerate(grid.columns):
            own = (left + (overlap if c else 0), top + (overlap if r else 0), right, bottom)
            if (r, c) in grid.blank:
                assert inked(*own) == 0, (r, c)
            else:
                assert inked(left, top, right, bottom) > 0, (r, c)
    # Each printed sheet's page names itself; no page names a sheet left out, and no arrow points to one.
    text = subprocess.run(["pdftotext", "-raw", str(tiled), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[1:-1]
    names = [f"{chr(ord('A') + r)}{c + 1}" for r, c in grid.printed()]
    for page, name in zip(pages, names, strict=True):
        assert f"Vel {name}:" in page
    for r, c in grid.blank:
        name = f"{chr(ord('A') + r)}{c + 1}"
        assert not any(f"Vel {name}:" in page or f"{name} →" in page or f"↓ {name}" in page for page in pages)
    assert "De grijze gaten hebben geen vel nodig" in pages[0] or "De grijze gaten" in text.split("\f")[0]


def test_the_assembly_outlines_leave_the_small_posters_title_clear(
    a0_over_a4: tuple[Journey, Path, Path, PosterPlan], tmp_path: Path
) -> None:
    journey, _, tiled, plan = a0_over_a4
    first = journey.title.split()[0]
    # The small poster's title: the words of the journey's title set in the small poster's largest type.
    found = [w for w in words(tiled, 1) if w[4] == first]
    # The sheet's heading ("Zo plak je …"), then the small poster's title (then its map's corner cell).
    assert len(found) >= 2
    title = sorted(found, key=lambda w: w[1])[1]
    dpi = 150
    image = pixels(tiled, 1, dpi, tmp_path)
    k = dpi / 72
    region = image.crop((round(title[0] * k), round(title[1] * k), round(title[2] * k), round(title[3] * k)))
    assert outline_pixels(region) == 0
    assert outline_pixels(image) > 500  # ... and they are drawn elsewhere on the sheet: the test looks for them
    assert plan.tiles is not None


@pytest.mark.parametrize(
    ("language", "expected"),
    [(Language.NL, "3 vellen A4 in 1 rij en 3 kolommen"), (Language.EN, "3 sheets of A4 in 1 row and 3 columns")],
)
def test_the_assembly_sheet_counts_in_singular_and_plural(tmp_path: Path, language: Language, expected: str) -> None:
    journey = load_example(language)
    target = tmp_path / "strip.pdf"
    plan = render_poster(journey, target, PosterOptions(paper=Paper("", 700, 200), tile=A4))
    assert plan.tile_grid == (1, 3)
    first = subprocess.run(
        ["pdftotext", "-raw", "-f", "1", "-l", "1", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert expected in " ".join(first.split())
    assert "1 rijen" not in first
    assert "1 rows" not in first


def test_fit_to_sheets_fills_them_with_the_largest_text(tmp_path: Path) -> None:
    journey = load_example(Language.EN)
    a3 = plan_poster(journey, PosterOptions(paper=A3, tile=A4))
    assert a3.tiles is not None
    assert a3.tiles.count <= 6
    fitted = render_poster(journey, tmp_path / "six.pdf", PosterOptions(tile=A4, sheets=6))
    assert fitted.tiles is not None
    assert fitted.tiles.count <= 6
    assert fitted.body_size >= a3.body_size  # A3 fits on six A4 sheets: fitting them does at least as well
    assert fitted.paper.custom
    reader = PdfReader(tmp_path / "six.pdf")
    assert len(reader.pages) == fitted.sheets <= 7
    a4 = sorted((210 * MM, 297 * MM))
    for page in reader.pages:
        assert sorted((float(page.mediabox.width), float(page.mediabox.height))) == pytest.approx(a4, abs=0.01)
    # More sheets, larger text; the poster is landscape unless asked otherwise.
    twelve = plan_poster(journey, PosterOptions(tile=A4, sheets=12))
    assert twelve.body_size > fitted.body_size
    assert twelve.page_width >= twelve.page_height
    upright = plan_poster(journey, PosterOptions(tile=A4, sheets=12, portrait=True))
    assert upright.page_height >= upright.page_width
