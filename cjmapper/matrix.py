"""The impact/effort matrix's one geometry: which cards it holds, where each one's dot sits and how large it is, the
tray of cards not placed yet, and the names on it. Every renderer draws from `matrix_layout`: the Prioritise dialog
(ui/dialogs/matrix_dialog.py), the PDF page (cjmapper/poster/matrix_page.py), the PNG (cjmapper/matrix_png.py) and
the PowerPoint slide. So it holds only plain shapes in points, y growing downwards: rectangles, circles and texts.

A card's place is two card fields, `impact` (up) and `effort` (right), each 0..100 or None. A card with either one set
is placed (the other one, when None, stands at the middle, 50); a card with neither waits in the tray. The matrix
holds the journey's opportunities and pain points (lanes of those kinds) and any other card that is placed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from cjmapper.model import (
    MATRIX_LABEL_NAMES,
    PLACE_MAX,
    Journey,
    LaneKind,
    Language,
    MatrixLabels,
    Touchpoint,
)
from cjmapper.style import INK, MUTED_INK, lane_color, shade
from cjmapper.text import FontMetrics

MATRIX_KINDS: Final = frozenset({LaneKind.OPPORTUNITIES, LaneKind.PAIN_POINTS})
"""The kinds of lane whose cards the matrix holds, placed or not."""
MIDDLE: Final = PLACE_MAX // 2
"""Where a card stands along an axis it has no place on (it has one on the other)."""

DEFAULT_LABELS: Final[dict[Language, MatrixLabels]] = {
    Language.EN: MatrixLabels("Quick wins", "Big bets", "Fill-ins", "Money pits", "Impact", "Effort"),
    Language.NL: MatrixLabels("Snelle winst", "Grote projecten", "Klusjes", "Geldputten", "Impact", "Inspanning"),
}
"""The names a journey's matrix shows where it has none of its own, in the journey's language."""

PAGE: Final = (842.0, 595.0)
"""The matrix's page: A4 landscape, in points."""
MIN_RADIUS: Final = 5.0
MAX_RADIUS: Final = 18.0
"""A dot's radius in points: a card without votes the least, the journey's most voted card the most (the area
grows with the votes)."""
TITLE_WIDTH: Final = 150.0
"""How wide a dot's title may be before it is cut with "…"."""
TITLE_SIZE: Final = 8.0
LABEL_SIZE: Final = 14.0
AXIS_SIZE: Final = 11.0
HEADING_SIZE: Final = 16.0
QUADRANT_FILLS: Final = ("#e7f5e9", "#e6eefb", "#f1f3f5", "#fbe9e7")
"""The quadrants' backgrounds, in `MATRIX_LABEL_NAMES`' order: quick wins green, big bets blue, fill-ins grey,
money pits red (light enough for black text and dots on top)."""

Align = Literal["left", "centre", "right"]


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text: `x` is its left, centre or right (`align`), `baseline` its baseline; `rotated` texts run
    upwards (turned 90 degrees anticlockwise about (x, baseline))."""

    x: float
    baseline: float
    text: str
    size: float
    bold: bool = False
    align: Align = "left"
    rotated: bool = False
    colour: str = INK


@dataclass(frozen=True, slots=True)
class Quadrant:
    name: str
    """Its field in `MatrixLabels` ("quick_wins", ...)."""
    box: Box
    fill: str
    label: Text


@dataclass(frozen=True, slots=True)
class Dot:
    """A placed card."""

    card_id: int
    x: float
    y: float
    radius: float
    fill: str
    stroke: str
    title: Text
    votes: int
    impact: int
    effort: int


@dataclass(frozen=True, slots=True)
class MatrixLayout:
    width: float
    height: float
    plot: Box
    """The matrix itself: effort 0..100 left to right, impact 0..100 bottom to top."""
    quadrants: tuple[Quadrant, ...]
    """In `MATRIX_LABEL_NAMES`' order: top left, top right, bottom left, bottom right."""
    texts: tuple[Text, ...]
    """The heading (the journey's title) and the two axes' names."""
    dots: tuple[Dot, ...]
    """The placed cards, most votes first: drawn in this order, small dots lie on top of large ones."""
    tray: tuple[Touchpoint, ...]
    """The matrix's cards not placed yet, in `tray_order`."""


def shown_labels(journey: Journey) -> MatrixLabels:
    """The journey's names on its matrix, each one it has not given the default in its language."""
    own, default = journey.matrix, DEFAULT_LABELS[Language(journey.language)]
    return MatrixLabels(*(getattr(own, name) or getattr(default, name) for name in MATRIX_LABEL_NAMES))


def is_placed(card: Touchpoint) -> bool:
    return card.impact is not None or card.effort is not None


def matrix_cards(journey: Journey) -> list[Touchpoint]:
    """The cards the matrix holds, in the map's order: those in opportunities and pain points lanes, and any placed
    card."""
    kinds = {lane.id: lane.kind for lane in journey.lanes}
    return [t for t in journey.ordered_touchpoints() if kinds.get(t.lane_id) in MATRIX_KINDS or is_placed(t)]


def tray_order(cards: Sequence[Touchpoint]) -> list[Touchpoint]:
    """The unplaced ones of `cards`: most votes first, then by title (case and accents aside), then by id."""
    return sorted((c for c in cards if not is_placed(c)), key=lambda c: (-c.votes, c.title.casefold(), c.id))


def radius(votes: int, most: int) -> float:
    """A dot's radius for a card with `votes`, the journey's most voted card having `most`."""
    if most <= 0 or votes <= 0:
        return MIN_RADIUS
    return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(min(votes, most) / most)


def point_of(plot: Box, impact: int | None, effort: int | None) -> tuple[float, float]:
    """Where a card with this impact and effort stands (None: the middle)."""
    i = MIDDLE if impact is None else impact
    e = MIDDLE if effort is None else effort
    return plot.x + plot.width * e / PLACE_MAX, plot.y + plot.height * (PLACE_MAX - i) / PLACE_MAX


def place_at(plot: Box, x: float, y: float) -> tuple[int, int]:
    """The (impact, effort) of the point (x, y), kept on the matrix (a point beside it counts as its edge)."""
    effort = round((x - plot.x) / plot.width * PLACE_MAX) if plot.width > 0 else MIDDLE
    impact = round(PLACE_MAX - (y - plot.y) / plot.height * PLACE_MAX) if plot.height > 0 else MIDDLE
    return max(0, min(PLACE_MAX, impact)), max(0, min(PLACE_MAX, effort))


def matrix_layout(
    journey: Journey, width: float = PAGE[0], height: float = PAGE[1], heading: bool = True
) -> MatrixLayout:
    """The matrix of `journey` on a page of `width` by `height` points (with the journey's title as its heading,
    unless `heading` is False)."""
    margin = 28.0
    top = margin + (HEADING_SIZE * 1.8 if heading else 0.0)
    axis_room = AXIS_SIZE * 2.4
    plot = Box(margin + axis_room, top, width - 2 * margin - axis_room, height - top - margin - axis_room)
    labels = shown_labels(journey)
    half_w, half_h = plot.width / 2, plot.height / 2
    label_font = FontMetrics(LABEL_SIZE, bold=True)
    quadrants = []
    for index, name in enumerate(MATRIX_LABEL_NAMES[:4]):
        column, row = index % 2, index // 2
        box = Box(plot.x + column * half_w, plot.y + row * half_h, half_w, half_h)
        text = label_font.elide(getattr(labels, name), half_w - 16)
        label = Text(
            box.x + half_w / 2, box.y + 8 + label_font.ascent, text, LABEL_SIZE, True, "centre", False, MUTED_INK
        )
        quadrants.append(Quadrant(name, box, QUADRANT_FILLS[index], label))
    axis_font = FontMetrics(AXIS_SIZE, bold=True)
    effort = axis_font.elide(labels.effort + " →", plot.width)
    impact = axis_font.elide(labels.impact + " →", plot.height)
    texts = [
        Text(plot.x + plot.width / 2, plot.y + plot.height + axis_room - 6, effort, AXIS_SIZE, True, "centre"),
        Text(
            plot.x - axis_room + axis_font.ascent + 2, plot.y + plot.height / 2, impact, AXIS_SIZE, True, "centre", True
        ),
    ]
    if heading:
        head = FontMetrics(HEADING_SIZE, bold=True)
        texts.insert(
            0, Text(margin, margin + head.ascent, head.elide(journey.title, width - 2 * margin), HEADING_SIZE, True)
        )
    cards = matrix_cards(journey)
    return MatrixLayout(
        width, height, plot, tuple(quadrants), tuple(texts), _dots(journey, cards, plot), tuple(tray_order(cards))
    )


def _dots(journey: Journey, cards: Sequence[Touchpoint], plot: Box) -> tuple[Dot, ...]:
    placed = [c for c in cards if is_placed(c)]
    most = max((c.votes for c in cards), default=0)
    kinds = {lane.id: (lane.kind, lane.color) for lane in journey.lanes}
    font = FontMetrics(TITLE_SIZE)
    dots = []
    for card in sorted(placed, key=lambda c: (-c.votes, c.title.casefold(), c.id)):
        x, y = point_of(plot, card.impact, card.effort)
        r = radius(card.votes, most)
        kind, own = kinds.get(card.lane_id, (LaneKind.TOUCHPOINTS, None))
        fill = card.color or lane_color(kind, own)
        stroke = "#{:02x}{:02x}{:02x}".format(*(round(v * 255) for v in shade(fill, 0.45)))
        title = font.elide(card.title, TITLE_WIDTH)
        title_width = font.width(title)
        baseline = y + (font.ascent + font.descent) / 2
        if x + r + 3 + title_width <= plot.x + plot.width:
            text = Text(x + r + 3, baseline, title, TITLE_SIZE)
        else:  # no room on its right: on its left
            text = Text(x - r - 3, baseline, title, TITLE_SIZE, align="right")
        impact = MIDDLE if card.impact is None else card.impact
        effort = MIDDLE if card.effort is None else card.effort
        dots.append(Dot(card.id, x, y, r, fill, stroke, text, card.votes, impact, effort))
    return tuple(dots)


def votes_text(dot: Dot) -> Text | None:
    """The dot's vote count written inside it, when it has votes and room for them."""
    if dot.votes <= 0:
        return None
    size = max(6.0, min(10.0, dot.radius * 0.9))
    font = FontMetrics(size, bold=True)
    shown = str(dot.votes)
    if font.width(shown) > dot.radius * 1.8:
        return None
    return Text(dot.x, dot.y + (font.ascent + font.descent) / 2, shown, size, True, "centre")
