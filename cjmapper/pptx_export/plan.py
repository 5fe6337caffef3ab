"""Where each card of a phase goes on the deck's phase slides: the pages of a phase and, on each, the lane rows with
their label and the cards' boxes, in points (1/72 inch) on a 16:9 slide of 960 x 540.

Cards keep their lane and their order in it (the map's), `columns` to a line; a card is as tall as its title and
footer need at the deck's fixed type sizes (measured with the bundled DejaVu Sans, the widest of the fonts a viewer
may set them in, so a card's text fits in the box in each); a line is as tall as its tallest card. A phase whose
lines do not fit on one slide continues on the next, the lane's label repeated; the type is never made smaller.

No python-pptx here: the plan is plain geometry, drawn by `cjmapper.pptx_export.slides`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cjmapper.model import Journey, Lane, Phase, Touchpoint
from cjmapper.text import FontMetrics

SLIDE_WIDTH = 960.0
SLIDE_HEIGHT = 540.0
"""A 16:9 slide (13.333 x 7.5 inches), in points."""
MARGIN = 28.0
TITLE_TOP = 18.0
TITLE_HEIGHT = 44.0
SUBTITLE_HEIGHT = 18.0
GRID_TOP = TITLE_TOP + TITLE_HEIGHT + SUBTITLE_HEIGHT + 10.0
GRID_BOTTOM = SLIDE_HEIGHT - MARGIN
LABEL_WIDTH = 150.0
LABEL_GAP = 10.0
CARD_WIDTH = 176.0
CARD_GAP = 10.0
"""Between two cards of a line and between two lines."""
ROW_GAP = 8.0
"""Between two lanes' rows."""
CARD_PADDING = 6.0
"""Inside a card's box, on every side (the text frame's margins)."""

TITLE_SIZE = 12.0
"""A card's title, bold: the smallest size a projected slide reads well at, never shrunk."""
FOOTER_SIZE = 10.0
"""A card's channel, score and votes."""
LABEL_SIZE = 12.0
"""A lane's name, bold."""
LINE_SPACING = 1.2
"""A line's height as a share of the type size (what PowerPoint and Impress set single-spaced DejaVu Sans in)."""
PARAGRAPH_GAP = 2.0
"""Between a card's title and its footer."""

Footer = Callable[[Touchpoint, Lane], str]
"""What a card's footer says (its channel, score and votes), in the deck's language (`cjmapper.pptx_export.words`)."""


@dataclass(frozen=True)
class CardSpot:
    """One card on a phase slide: its box (points) and its footer's words."""

    touchpoint: Touchpoint
    x: float
    y: float
    width: float
    height: float
    footer: str


@dataclass(frozen=True)
class LaneRow:
    """One lane's row on a phase slide: its label's box and its cards."""

    lane: Lane
    y: float
    height: float
    cards: tuple[CardSpot, ...]


@dataclass
class PhasePage:
    """One slide of a phase: `page` of `pages` (1-based), its lane rows."""

    phase: Phase
    index: int
    """The phase's place in the journey (0-based)."""
    page: int
    pages: int = 1
    rows: list[LaneRow] = field(default_factory=list)


def columns() -> int:
    """How many cards a line of a lane holds."""
    width = SLIDE_WIDTH - 2 * MARGIN - LABEL_WIDTH - LABEL_GAP
    return max(1, int((width + CARD_GAP) // (CARD_WIDTH + CARD_GAP)))


def cards_left() -> float:
    """Where the first card of a line starts."""
    return MARGIN + LABEL_WIDTH + LABEL_GAP


def text_height(text: str, size: float, width: float, bold: bool = False) -> float:
    """The height `text` takes wrapped to `width` at `size` (one line at least): as many lines as it needs."""
    lines, _ = FontMetrics(size, bold).wrap(text, width, 10_000)
    return max(1, len(lines)) * size * LINE_SPACING


def card_height(title: str, footer: str) -> float:
    """A card's box: its padding, its wrapped title and its footer."""
    inner = CARD_WIDTH - 2 * CARD_PADDING
    height = 2 * CARD_PADDING + text_height(title, TITLE_SIZE, inner, bold=True)
    if footer:
        height += PARAGRAPH_GAP + text_height(footer, FOOTER_SIZE, inner)
    return height


def label_height(name: str) -> float:
    return 2 * CARD_PADDING + text_height(name, LABEL_SIZE, LABEL_WIDTH - 2 * CARD_PADDING, bold=True)


def plan_phases(journey: Journey, footer_of: Footer) -> list[PhasePage]:
    """Every phase's slides, in the journey's order (a phase without cards gets one empty slide)."""
    cells: dict[tuple[int, int], list[Touchpoint]] = {}
    for touchpoint in journey.touchpoints:
        cells.setdefault((touchpoint.phase_id, touchpoint.lane_id), []).append(touchpoint)
    for cell in cells.values():
        cell.sort(key=lambda t: t.position)
    pages: list[PhasePage] = []
    for index, phase in enumerate(journey.phases):
        lanes = [(lane, cells.get((phase.id, lane.id), [])) for lane in journey.lanes]
        phase_pages = _plan_phase(phase, index, [(lane, cards) for lane, cards in lanes if cards], footer_of)
        for page in phase_pages:
            page.pages = len(phase_pages)
        pages.extend(phase_pages)
    return pages


def _plan_phase(
    phase: Phase, index: int, lanes: list[tuple[Lane, list[Touchpoint]]], footer_of: Footer
) -> list[PhasePage]:
    per_line = columns()
    left = cards_left()
    page = PhasePage(phase, index, 1)
    pages = [page]
    y = GRID_TOP
    for lane, cards in lanes:
        spots: list[CardSpot] = []
        row_top = y
        label = label_height(lane.name)
        for start in range(0, len(cards), per_line):
            line = cards[start : start + per_line]
            footers = [footer_of(t, lane) for t in line]
            height = max(card_height(t.title, f) for t, f in zip(line, footers, strict=True))
            needed = max(height, label) if not spots else height
            if y + needed > GRID_BOTTOM and (spots or page.rows):
                if spots:  # the lane's lines so far stay on this slide
                    page.rows.append(LaneRow(lane, row_top, y - CARD_GAP - row_top, tuple(spots)))
                page = PhasePage(phase, index, page.page + 1)
                pages.append(page)
                y = row_top = GRID_TOP
                spots = []
                needed = max(height, label)
            for column, (touchpoint, footer) in enumerate(zip(line, footers, strict=True)):
                x = left + column * (CARD_WIDTH + CARD_GAP)
                spots.append(CardSpot(touchpoint, x, y, CARD_WIDTH, height, footer))
            y += needed + CARD_GAP
        page.rows.append(LaneRow(lane, row_top, y - CARD_GAP - row_top, tuple(spots)))
        y += ROW_GAP - CARD_GAP
    return pages


@dataclass(frozen=True)
class TextLine:
    """One wrapped line of a text that goes on over several slides: its paragraph (by number) and its style."""

    paragraph: int
    text: str
    size: float
    bold: bool


def text_pages(
    paragraphs: list[tuple[str, float, bool]], width: float, height: float, spacing: float
) -> list[list[TextLine]]:
    """`paragraphs` (text, size, bold) wrapped to `width` and cut into pages no taller than `height`, between
    lines: for a text too long for one slide at a readable size, which goes on over further slides instead of
    shrinking. A line break in a text starts a new paragraph."""
    lines: list[TextLine] = []
    number = 0
    for text, size, bold in paragraphs:
        for piece in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            wrapped, _ = FontMetrics(size, bold).wrap(piece, width, 10_000)
            lines.extend(TextLine(number, line, size, bold) for line in wrapped or ("",))
            number += 1
    pages: list[list[TextLine]] = [[]]
    used = 0.0
    for line in lines:
        needed = line.size * LINE_SPACING
        if pages[-1] and pages[-1][-1].paragraph != line.paragraph:
            needed += spacing
        if pages[-1] and used + needed > height:
            pages.append([])
            used, needed = 0.0, line.size * LINE_SPACING
        pages[-1].append(line)
        used += needed
    return pages


def paragraphs_height(paragraphs: list[tuple[str, float, bool]], width: float, spacing: float) -> float:
    """How tall `paragraphs` (text, size, bold) are wrapped to `width`, `spacing` apart."""
    pages = text_pages(paragraphs, width, float("inf"), spacing)
    return sum(
        line.size * LINE_SPACING + (spacing if i and line.paragraph != pages[0][i - 1].paragraph else 0.0)
        for i, line in enumerate(pages[0])
    )
