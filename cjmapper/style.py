"""The colours and card proportions of a journey map, shared by the canvas and the PDF poster so both look alike.

Colours are "#rrggbb" strings; the canvas turns them into QColors, the poster into reportlab colours. They are
chosen for a projector and for paper: dark ink on light cards, score colours
whose lightness rises with the score (they read in grey and to the colour blind), no thin grey text.
"""

from __future__ import annotations

from functools import cache

from cjmapper.model import SCORE_MAX, SCORE_MIN, LaneKind

RGB = tuple[float, float, float]
"""Red, green and blue, each 0..1."""

INK = "#1f2933"
"""Text on cards and headers."""
MUTED_INK = "#4b5563"
"""Secondary text (channel names, figures): still dark enough to read on a projector and on paper."""
SCENE_BACKGROUND = "#e9edf2"
GRID_LINE = "#cfd6df"
CELL_BACKGROUND = "#ffffff"
CELL_BACKGROUND_ALT = "#f6f8fa"
HEADER_BACKGROUND = "#fbfcfd"
LANE_HEADER_BACKGROUND = "#f1f4f7"
LANE_HEADER_BACKGROUND_ALT = "#eceff3"
CORNER_BACKGROUND = "#dfe5ec"
CURVE_BACKGROUND = "#fbfbfd"
CURVE_GUIDE = "#e3e7ec"
CARD_BORDER = "#c3ccd6"
NO_SCORE = "#9aa5b1"
VOTE_DOT = "#3056d3"
CURVE_LINE = "#33415c"

SCORE_COLORS: dict[int, str] = {
    1: "#93181e",
    2: "#b3570e",
    3: "#c0880f",
    4: "#7cc85a",
    5: "#a9e07c",
}
"""Score colours, from dark red (1, a bad moment) through amber (3) to light green (5, a great one). Their lightness
rises with the score, so they stay apart and in order in grey and as people with red-green colour blindness see them:
luma (0..255) 61, 106, 139, 165, 196; as a deuteranope sees them 80, 113, 143, 175, 203; a protanope 56, 93, 128,
179, 206 (the red-to-green palette before, #d32f2f .. #2e7d32, was 96, 146, 180, 150, 93: 1 and 5 the same grey).
tests/test_map_marks.py holds them to it. Every mark of a score also shows its digit."""

SCORE_RING = 0.3
"""How much darker than its fill a score badge's (and a curve dot's) rim is, so the light ones stand out on a light
card."""

PHASE_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
"""Default phase colours, by the phase's place (Tableau 10)."""

LANE_COLORS: dict[LaneKind, str] = {
    LaneKind.TOUCHPOINTS: "#a0cbe8",
    LaneKind.ACTIONS: "#ffbe7d",
    LaneKind.THOUGHTS: "#f1ce63",
    LaneKind.EMOTIONS: "#b07aa1",
    LaneKind.PAIN_POINTS: "#ff9d9a",
    LaneKind.OPPORTUNITIES: "#8cd17d",
    LaneKind.BACKSTAGE: "#bab0ac",
    LaneKind.NOTES: "#d4a6c8",
}
"""Default lane (and card) colours by lane kind."""

CARD_TINT = 0.16
"""How much of its colour a card's body shows (the rest is white); the stripe shows all of it."""
CARD_RADIUS = 5.0
STRIPE_WIDTH = 4.0
ICON_SIZE = 14.0
BADGE_RADIUS = 8.0
BADGE_FONT_SIZE = 10.0
MAX_DOTS = 10
DOT_DIAMETER = 4.0
DOT_PITCH = 5.5
STATUS_MARK = 6.0
COMMENT_BADGE = 12.0
"""The height of a card's badge of open comments (its number in `COMMENT_FONT_SIZE`), at the default type."""
COMMENT_FONT_SIZE = 8.0
COMMENT_BADGE_FILL = "#5b3fc4"
"""A violet apart from the score colours and the personas' blues: the comment badge, white number on it."""
"""The side of the slot a card's status mark is drawn in (`cjmapper.layout.CardParts.status`)."""
PHASE_BAND = 6.0
"""Height of the colour band at the top of a phase header."""
LANE_STRIPE = 5.0
"""Width of the colour stripe at the left of a lane header."""


def shows_score_badge(score: int | None, kind: LaneKind) -> bool:
    """Whether a card shows a score badge: always when it has a score; without one (an empty "no score" ring) only
    in a touchpoints lane, where cards are scored as a rule and a missing score is worth seeing. Pain points,
    opportunities and the other lanes are seldom scored: a ring on each of their cards says nothing."""
    return score is not None or kind is LaneKind.TOUCHPOINTS


def lane_color(kind: LaneKind, value: str | None) -> str:
    """A lane's colour: its own, else its kind's default."""
    return value or LANE_COLORS.get(kind, LANE_COLORS[LaneKind.TOUCHPOINTS])


def phase_color(index: int, value: str | None) -> str:
    """A phase's colour: its own, else the default for its place."""
    return value or PHASE_COLORS[index % len(PHASE_COLORS)]


@cache
def rgb(value: str) -> RGB:
    """ "#rrggbb" as (r, g, b) in 0..1."""
    digits = value.lstrip("#")
    return int(digits[0:2], 16) / 255, int(digits[2:4], 16) / 255, int(digits[4:6], 16) / 255


def tint(value: str, amount: float) -> RGB:
    """`value` mixed with white: amount 0 is white, 1 is the colour."""
    r, g, b = rgb(value)
    return 1 - (1 - r) * amount, 1 - (1 - g) * amount, 1 - (1 - b) * amount


def shade(value: str, amount: float) -> RGB:
    """`value` mixed with black: amount 0 is the colour, 1 is black."""
    r, g, b = rgb(value)
    return r * (1 - amount), g * (1 - amount), b * (1 - amount)


def score_rgb(score: float | None) -> RGB:
    """Red (1) through amber (3) to green (5); an average in between is blended; grey for no score."""
    if score is None:
        return rgb(NO_SCORE)
    clamped = min(max(score, SCORE_MIN), SCORE_MAX)
    low = int(clamped)
    if low >= SCORE_MAX or clamped == low:
        return rgb(SCORE_COLORS[low])
    a, b = rgb(SCORE_COLORS[low]), rgb(SCORE_COLORS[low + 1])
    f = clamped - low
    return a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f


DARK_INK: RGB = (0.067, 0.067, 0.067)
"""#111111: text on a light fill."""
LIGHT_INK: RGB = (1.0, 1.0, 1.0)


def relative_luminance(colour: RGB) -> float:
    """WCAG 2's relative luminance of an sRGB colour (0 black .. 1 white)."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ink_on(background: RGB) -> RGB:
    """Near-black or white, whichever has the higher contrast (WCAG 2) on `background`."""
    luminance = relative_luminance(background)
    dark = relative_luminance(DARK_INK)
    return DARK_INK if (luminance + 0.05) / (dark + 0.05) >= 1.05 / (luminance + 0.05) else LIGHT_INK
