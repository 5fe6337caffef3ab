"""What a phase header and the corner above the lane headers show, fitted into their boxes: the canvas and the
poster both draw them from these, so neither cuts "8 contactmomenten" or a long phase name where the other does not.

A phase header (see `fit_phase_header`): the phase's name on one line at the header size, else on two lines a
little smaller, down to the notes' size (the second ending in "…" only when even that is too little); under it
the card count on the left and the average badge on the right, at the body size, else both a little smaller,
else the count as a bare number. The corner (see `fit_corner_title`): the journey's title wrapped at the largest
size, down to `MIN_CORNER_SIZE`, at which it fits whole.

Units and offsets are the layout's (`cjmapper.layout.Metrics`); text is measured with `cjmapper.text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cjmapper import style
from cjmapper.layout import Metrics, Rect
from cjmapper.text import FontMetrics

SIDE = 12.0
"""The room left and right of a phase header's text."""
NAME_TOP = 14.0
NAME_BOX = 8.0
"""A one-line name stands in a box `header_font_size + NAME_BOX` tall, `NAME_TOP` below the header's top."""
FIGURES_BOTTOM = 26.0
FIGURES_HEIGHT = 18.0
"""The figures row (count, average badge) starts `FIGURES_BOTTOM` above the header's bottom."""
BADGE_PADDING = 14.0
"""The average badge is its text's width plus this."""
GAP = 6.0
"""The least room between the count and the badge."""
BASE_FONT_SIZE = Metrics().font_size
"""The body size at which the offsets above hold; they grow with it."""
MIN_CORNER_SIZE = 8.0
CORNER_SIDE = 12.0
CORNER_TOP = 6.0
LEADING = 1.2
"""The corner's lines are at least this many times the size apart."""


@dataclass(frozen=True, slots=True)
class PhaseHeaderText:
    """A phase header's text and where it goes, relative to the header's top left."""

    name_lines: tuple[str, ...]
    name_size: float
    """The name's bold size: the header size on one line, smaller on two."""
    name_top: float
    name_line_height: float
    """The name's lines, in boxes this tall from `name_top` down (text centred in each)."""
    count: str
    """The card count as it fits: the full wording, else the first shorter one that fits."""
    figures_size: float
    """The size of the count and of the badge's text (bold)."""
    figures: Rect
    """The figures row: the count at its left."""
    badge: Rect | None
    """The average badge at the row's right (None: no scored card in the phase)."""
    badge_text: str


def fit_phase_header(
    width: float, height: float, name: str, counts: Sequence[str], average: str | None, m: Metrics
) -> PhaseHeaderText:
    """Fit a header `width` x `height`: the phase's `name`, its count (`counts`: the full wording first, then
    shorter ones) and its average badge's text (`average`, None for none). Offsets grow with the type (workshop
    mode's larger metrics)."""
    k = m.font_size / BASE_FONT_SIZE
    side = SIDE * k
    inner = max(1.0, width - 2 * side)
    figures = Rect(side, height - FIGURES_BOTTOM * k, inner, FIGURES_HEIGHT * k)
    size = m.header_font_size
    lines: tuple[str, ...] = (name,) if FontMetrics(size, bold=True).width(name) <= inner else ()
    if lines:
        top, line_height = NAME_TOP * k, size + NAME_BOX * k
    else:
        top = style.PHASE_BAND * k + 3 * k
        line_height = (figures.y - k - top) / 2
        largest = max(1.0, min(m.header_font_size - 2 * k, line_height / 1.2))
        smallest = min(largest, m.note_font_size)
        size = largest
        while True:  # two lines, at the largest size down to the notes' at which the whole name fits
            lines, elided = FontMetrics(size, bold=True).wrap(name, inner, 2)
            if not elided or size <= smallest:
                break
            size = max(smallest, size - 0.5)
    count = ""
    for wording in counts:
        for figures_size in (m.font_size, m.note_font_size):
            badge_width = _badge_width(average, figures_size, k)
            room = inner - (badge_width + GAP * k if badge_width else 0.0)
            if FontMetrics(figures_size).width(wording) <= room:
                count = wording
                break
        if count:
            break
    else:
        count = FontMetrics(figures_size).elide(counts[-1], max(0.0, room))
    badge = Rect(figures.right - badge_width, figures.y, badge_width, figures.height) if badge_width else None
    return PhaseHeaderText(tuple(lines), size, top, line_height, count, figures_size, figures, badge, average or "")


def _badge_width(text: str | None, size: float, k: float) -> float:
    return FontMetrics(size, bold=True).width(text) + BADGE_PADDING * k if text else 0.0


@dataclass(frozen=True, slots=True)
class CornerTitle:
    """The journey's title in the corner, relative to the corner's top left."""

    lines: tuple[str, ...]
    size: float
    """Bold."""
    left: float
    top: float
    line_height: float
    whole: bool
    """Whether every word is shown (else the last line ends in "…", at `MIN_CORNER_SIZE`)."""


def fit_corner_title(width: float, height: float, title: str, m: Metrics) -> CornerTitle:
    """The title wrapped at the largest size from the body size plus one down to `MIN_CORNER_SIZE` at which all of
    it fits the corner, vertically centred; at the smallest size cut with "…" if it still does not (the renderers
    then leave the corner empty: the title block or the window says the title)."""
    k = m.font_size / BASE_FONT_SIZE
    inner = max(1.0, width - 2 * CORNER_SIDE * k)
    size, smallest = m.font_size + k, MIN_CORNER_SIZE * k
    while True:
        font = FontMetrics(size, bold=True)
        line_height = max(font.ascent - font.descent, LEADING * size)
        fitting = max(1, int((height - 2 * CORNER_TOP * k) // line_height))
        lines, elided = font.wrap(title, inner, fitting)
        if not elided or size <= smallest:
            break
        size = max(smallest, size - 0.5)
    top = max(CORNER_TOP * k, (height - line_height * len(lines)) / 2)
    return CornerTitle(lines, size, CORNER_SIDE * k, top, line_height, not elided)
