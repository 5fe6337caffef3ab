"""The one place that computes a journey map's geometry. The canvas and the PDF poster both draw from a `Layout`;
neither computes a position of its own.

Units are scene units: 1 unit = 1 pixel on the canvas at 100% zoom, and 1 point on a poster before it is scaled to
the paper. Text is measured with the bundled DejaVu Sans (see `cjmapper.text`), so wrapping is identical everywhere.

It is one job, a little past 700 lines: the map's geometry from the phase columns down to a card's insides
(`CardParts`) and the curve's points, kept in one module so that no second place ever computes a position. Laying
out again only where a change touched it is `cjmapper.relayout`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import partial
from typing import overload

from cjmapper import style
from cjmapper.channels import channel_label
from cjmapper.curve_labels import place_labels
from cjmapper.flow import choose_depth
from cjmapper.model import SCORE_MAX, SCORE_MIN, ImageRef, Journey, LaneKind, Language, Touchpoint
from cjmapper.persona_curves import NOTHING, PersonaCurves, needed, persona_curves
from cjmapper.text import FontMetrics, reserve_wraps


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom


@dataclass(frozen=True, slots=True)
class Metrics:
    """Sizes that shape the map. The defaults suit the canvas at 100% zoom; workshop mode scales `font_size`."""

    lane_header_width: float = 168.0
    phase_header_height: float = 64.0
    card_width: float = 188.0
    cell_padding: float = 10.0
    card_gap: float = 8.0
    card_padding: float = 8.0
    font_size: float = 11.0
    line_height: float = 14.0
    max_title_lines: int = 3
    note_font_size: float = 9.5
    note_line_height: float = 12.0
    max_note_lines: int = 2
    """A card shows the start of its notes under the title, in this many lines at most (0: none)."""
    footer_height: float = 18.0
    """The row under the title: channel icon and name on the left, score badge and vote dots on the right."""
    empty_cell_height: float = 56.0
    """The least height of a card lane's cells, so an empty lane still offers room to drop and double-click."""
    drop_room: float = 28.0
    """Free space kept below the last card of a cell, to drop after it."""
    emotions_height: float = 150.0
    header_font_size: float = 13.0
    vote_dots: float = 1.0
    """How much larger than the type's the vote dots are (workshop mode: large enough to count on a projector)."""
    cards_per_column: int = 0
    """The most cards a card column of a cell holds before the cell's next card column starts (0: no limit, every
    cell one column). Each phase is as wide as the card columns of its fullest cell, and every cell of the phase
    spreads its cards evenly over those columns (`CellBox.depth`). `compute_layout` chooses it for a target shape
    (see `cjmapper.flow`)."""


@dataclass(frozen=True, slots=True)
class PhaseBox:
    phase_id: int
    index: int
    header: Rect
    """The phase's header at the top (name, card count, average score)."""
    column: Rect
    """The whole column below the header, across all lanes."""


@dataclass(frozen=True, slots=True)
class LaneBox:
    lane_id: int
    index: int
    header: Rect
    """The lane's header on the left (name, kind icon)."""
    row: Rect
    """The whole row right of the header, across all phases."""


@dataclass(frozen=True, slots=True)
class CellBox:
    phase_id: int
    lane_id: int
    rect: Rect
    card_ids: tuple[int, ...]
    """The cell's cards in reading order: top to bottom, card column by card column."""
    depth: int = 0
    """The most cards one of the cell's card columns holds (0: one column): its cards spread evenly over its phase's
    card columns (`cell_depth`), so a cell with fewer cards than the phase's fullest one is no taller than it needs."""


@dataclass(frozen=True, slots=True)
class CardBox:
    touchpoint_id: int
    phase_id: int
    lane_id: int
    index: int
    """Position in its cell, 0 = top of the first card column."""
    rect: Rect
    title_lines: tuple[str, ...]
    """The title wrapped to the card's width: at most `max_title_lines` lines, the last ending in "…" when cut."""
    title_elided: bool
    channel_label: str
    """The channel's name in the journey's language, elided to fit the footer."""
    note_lines: tuple[str, ...]
    """The start of the notes, wrapped like the title in the smaller note font (ending in "…" when cut)."""

    def parts(self, metrics: Metrics) -> CardParts:
        """Where the parts of this card go (see `CardParts`)."""
        m, lines = metrics, max(1, len(self.title_lines))
        text = 2 * m.card_padding + m.footer_height + lines * m.line_height + len(self.note_lines) * m.note_line_height
        return card_parts(self.rect.width, self.rect.height, len(self.title_lines), m, self.rect.height - text)


@dataclass(frozen=True, slots=True)
class CardParts:
    """Where the parts of a card go, relative to its top left corner: the canvas and the poster both draw a card
    from these. Badge, dots, icon and the status mark grow with the type (`scale`, 1 at the default font size)."""

    scale: float
    title: Rect
    """The title lines, `line_height` apart."""
    notes: Rect
    """The note lines under the title, `note_line_height` apart."""
    footer: Rect
    """The row at the bottom: channel icon and name on the left, vote dots and score badge on the right."""
    icon: Rect
    """The channel icon, at the footer's left, centred on its middle."""
    label_x: float
    """Where the channel name starts (right of the icon)."""
    badge_x: float
    badge_y: float
    badge_radius: float
    """The score badge: centre and radius, at the footer's right."""
    dots_right: float
    """The vote dots (and a "+n" when there are more) end here and run leftwards."""
    dot_pitch: float
    dot_diameter: float
    status: Rect
    """The slot of the card's status mark (open, in progress, done): a small square in the top padding at the
    right, clear of the title."""
    comments: Rect
    """The badge with the number of open comments (`comment_badge`): a pill on the card's top edge, left of the
    status mark, reaching at most `COMMENT_BADGE_RISE` above the card."""
    thumbnail: Rect
    """The card's photo (no height: it has none), over the card's inner width between the notes and the footer; the
    picture is drawn fitted inside it, centred (`fitted`)."""


def thumbnail_height(m: Metrics, image: ImageRef | None) -> float:
    """How much a card grows for its photo: the picture at the card's inner width, between two and five title lines
    high, and a gap above the footer (0 without a photo)."""
    if image is None:
        return 0.0
    inner = m.card_width - 2 * m.card_padding
    return min(max(inner * image.height / image.width, 2 * m.line_height), 5 * m.line_height) + _THUMBNAIL_GAP


def fitted(slot: Rect, width: int, height: int) -> Rect:
    """A `width` x `height` picture scaled to fit inside `slot`, centred (never larger than the slot)."""
    if slot.width <= 0 or slot.height <= 0 or width <= 0 or height <= 0:
        return Rect(slot.x, slot.y, 0.0, 0.0)
    scale = min(slot.width / width, slot.height / height)
    w, h = width * scale, height * scale
    return Rect(slot.x + (slot.width - w) / 2, slot.y + (slot.height - h) / 2, w, h)


_THUMBNAIL_GAP = 4.0


def card_parts(width: float, height: float, title_lines: int, m: Metrics, thumbnail: float = 0.0) -> CardParts:
    """The parts of a `width` x `height` card whose title takes `title_lines` lines and whose photo (if any) takes
    `thumbnail` of its height (`thumbnail_height`) (see `CardParts`)."""
    k = m.font_size / _DEFAULT_FONT_SIZE
    inner = width - 2 * m.card_padding
    title_height = max(1, title_lines) * m.line_height
    footer_top = height - m.card_padding - m.footer_height
    middle = footer_top + m.footer_height / 2
    radius = style.BADGE_RADIUS * k
    badge_x = width - m.card_padding - radius
    icon = round(style.ICON_SIZE * k)
    mark = style.STATUS_MARK * k
    notes_top = m.card_padding + title_height
    return CardParts(
        k,
        Rect(m.card_padding, m.card_padding, inner, title_height),
        Rect(m.card_padding, notes_top, inner, max(0.0, footer_top - thumbnail - notes_top)),
        Rect(m.card_padding, footer_top, inner, m.footer_height),
        Rect(m.card_padding, middle - icon / 2, icon, icon),
        m.card_padding + icon + 4,
        badge_x,
        middle,
        radius,
        badge_x - radius - 5 * k,
        style.DOT_PITCH * k * m.vote_dots,
        style.DOT_DIAMETER * k * m.vote_dots,
        Rect(width - m.card_padding - mark, (m.card_padding - mark) / 2, mark, mark),
        comment_badge(width, m.card_padding, mark, k),
        Rect(m.card_padding, footer_top - thumbnail, inner, max(0.0, thumbnail - _THUMBNAIL_GAP))
        if thumbnail > _THUMBNAIL_GAP
        else Rect(m.card_padding, footer_top, inner, 0.0),
    )


COMMENT_BADGE_RISE = 5.0
"""How far the comment badge stands out above its card at most (inside the canvas item's shadow margin)."""


def comment_badge(width: float, padding: float, mark: float, k: float) -> Rect:
    """The comment badge of a `width`-wide card: `style.COMMENT_BADGE` high (times `k`), wide enough for two digits,
    centred on the top edge (higher type sinks it into the card rather than out), ending left of the status mark."""
    height = style.COMMENT_BADGE * k
    badge_width = 1.6 * height
    right = width - padding - mark - 3 * k
    return Rect(right - badge_width, -min(height / 2, COMMENT_BADGE_RISE), badge_width, height)


def comment_count_text(count: int) -> str:
    """What the comment badge shows for `count` open comments ("99+" past 99)."""
    return str(count) if count < 100 else "99+"


_DEFAULT_FONT_SIZE = 11.0
"""`Metrics().font_size`: the size at which a card's badge, dots and icon have their `cjmapper.style` sizes."""


CROWDED_DOT = 0.6
"""The size of a crowded curve dot (one too close to its neighbours to hold a digit), relative to a full one."""


def curve_dot_radius(m: Metrics) -> float:
    """The radius of the experience curve's dots: a card's score badge's, growing with the type like it."""
    return style.BADGE_RADIUS * m.font_size / _DEFAULT_FONT_SIZE


def curve_dots(points: Sequence[CurvePoint], m: Metrics) -> tuple[float, list[bool]]:
    """The radius of the experience curve's dots (a card's score badge, growing with the type like it) and, per
    point, whether its dot holds its score's digit: every dot that stands at least a dot's width clear of its
    neighbours; a crowded one is drawn smaller (`CROWDED_DOT` of the radius), in its colour only."""
    radius = curve_dot_radius(m)
    room = 2 * radius + 1
    xs = [point.x for point in points]
    last = len(xs) - 1
    digits = [
        (i == 0 or x - xs[i - 1] >= room or abs(points[i - 1].y - points[i].y) >= room)
        and (i == last or xs[i + 1] - x >= room or abs(points[i + 1].y - points[i].y) >= room)
        for i, x in enumerate(xs)
    ]
    return radius, digits


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """One scored card on the curve: `x` spreads a phase's scored cards across its column in reading order."""

    touchpoint_id: int
    x: float
    y: float
    score: int


@dataclass(frozen=True, slots=True)
class PhaseMark:
    """A phase's average score on the experience curve."""

    phase_id: int
    x: float
    y: float
    average: float


@dataclass(frozen=True, slots=True)
class Curve:
    """The experience curve drawn in one emotions lane."""

    lane_id: int
    points: Sequence[CurvePoint]
    """One per scored card, left to right (a `CurvePoints`: made when first read)."""
    phase_marks: tuple[PhaseMark, ...]
    labels: Sequence[Rect] = ()
    """Where each phase mark's average label goes (in the order of `phase_marks`), clear of the curve's line and
    dots, the bars and each other (a `MarkLabels`: placed when first read)."""
    personas: PersonaCurves = NOTHING
    """The other personas' curves, the to-be curves, each phase's figures per persona and the legend (nothing with
    one persona and no target: the lane looks as of old)."""


AVERAGE_LABEL_SAMPLES = ("avg 0.0", "gem. 0,0")
"""A phase average's label in each language a map is drawn in: its box fits the widest (digits are equally wide)."""
AVERAGE_BAR_SHARE = 0.36
"""A phase average's dashed bar reaches this share of its column's width either side of the column's middle."""


def average_label_size(m: Metrics) -> tuple[float, float]:
    """The box of a phase average's label: its text in bold, a size below the cards', with room around it."""
    font = FontMetrics(m.font_size - 1, bold=True)
    return max(font.width(text) for text in AVERAGE_LABEL_SAMPLES) + 10, round(1.5 * (m.font_size - 1))


class MarkLabels(Sequence[Rect]):
    """The boxes of a curve's phase-average labels, placed when first read (`cjmapper.curve_labels`)."""

    __slots__ = ("_columns", "_dot_radius", "_lane", "_made", "_marks", "_points", "_size")

    def __init__(
        self, lane: LaneBox, points: Sequence[CurvePoint], marks: tuple[PhaseMark, ...], columns: tuple[Rect, ...],
        size: tuple[float, float], dot_radius: float,
    ) -> None:  # fmt: skip
        self._lane, self._points, self._marks, self._columns, self._size = lane, points, marks, columns, size
        self._dot_radius = dot_radius
        self._made: tuple[Rect, ...] | None = None

    def _boxes(self) -> tuple[Rect, ...]:
        if self._made is None:
            r = self._lane.row
            boxes = place_labels(
                (r.x, r.y, r.width, r.height),
                [(c.x, c.width) for c in self._columns],
                [(mark.x, mark.y) for mark in self._marks],
                [p.x for p in self._points],
                [p.y for p in self._points],
                self._size,
                AVERAGE_BAR_SHARE,
                self._dot_radius,
            )
            self._made = tuple(Rect(*box) for box in boxes)
        return self._made

    @overload
    def __getitem__(self, index: int) -> Rect: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Rect, ...]: ...
    def __getitem__(self, index: int | slice) -> Rect | tuple[Rect, ...]:
        return self._boxes()[index]

    def __len__(self) -> int:
        return len(self._marks)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MarkLabels | tuple | list):
            return self._boxes() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._boxes())

    def __repr__(self) -> str:
        return repr(self._boxes())


Scored = tuple[tuple[int, int], ...]
"""(touchpoint id, score) of a cell's scored cards, top to bottom."""

Run = tuple[Rect, Scored]
"""One phase's column and its scored cards in reading order (lane by lane, top to bottom)."""


class CurvePoints(Sequence[CurvePoint]):
    """The points of one curve, made when first read: a curve that only moved (its lane moved) or that changed in
    one phase costs nothing until it is drawn. Equal to any sequence of the same points (a tuple too)."""

    __slots__ = ("_lane", "_made", "_runs")

    def __init__(self, lane: LaneBox, runs: tuple[Run, ...]) -> None:
        self._lane = lane
        self._runs = runs
        self._made: tuple[CurvePoint, ...] | None = None

    def _points(self) -> tuple[CurvePoint, ...]:
        made = self._made
        if made is None:
            lane = self._lane
            heights = {score: curve_y(lane, score) for score in range(SCORE_MIN, SCORE_MAX + 1)}
            points: list[CurvePoint] = []
            for column, scored in self._runs:
                count = len(scored)
                for k, (touchpoint_id, score) in enumerate(scored):
                    x = column.x + column.width * (k + 0.5) / count
                    y = heights[score] if score in heights else curve_y(lane, score)
                    points.append(_point(touchpoint_id, x, y, score))
            made = self._made = tuple(points)
        return made

    @overload
    def __getitem__(self, index: int) -> CurvePoint: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[CurvePoint, ...]: ...
    def __getitem__(self, index: int | slice) -> CurvePoint | tuple[CurvePoint, ...]:
        return self._points()[index]

    def __len__(self) -> int:
        return sum(len(scored) for _, scored in self._runs)

    def __iter__(self) -> Iterator[CurvePoint]:
        return iter(self._points())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CurvePoints | tuple | list):
            return self._points() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._points())

    def __repr__(self) -> str:
        return repr(self._points())


class CardBoxes(Mapping[int, CardBox]):
    """Every laid-out card's box by touchpoint id. After `cjmapper.relayout` moved lanes or changed a cell, the
    boxes of the cards that only moved up, down or along in their cell are placed again when first read, one card
    at a time (with the arithmetic of `compute_layout`, so they are the same numbers): a move of the lanes below a
    lane that grew, or of the 2,000 cards after the one taken out of a cell, costs nothing until those boxes are
    read. Equal to any mapping of the same boxes (a dict too)."""

    __slots__ = ("_boxes", "_cells", "_metrics", "_moved", "_plans")

    def __init__(
        self,
        boxes: dict[int, CardBox],
        cells: Mapping[tuple[int, int], CellBox] | None = None,
        moved: set[tuple[int, int]] | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        self._boxes = boxes
        self._cells = cells if cells is not None else {}
        self._moved = moved if moved else set()
        """Cells some of whose cards' boxes may still stand where they stood before (their place in the cell, or
        the cell's height on the map): each box is checked, and placed again if need be, when read."""
        self._plans: dict[tuple[int, int], dict[int, tuple[int, float, float]]] = {}
        """Of a cell in `_moved`: each card's place in the cell, its left and top, once a box of the cell was read."""
        self._metrics = metrics if metrics is not None else Metrics()

    def as_before(self, touchpoint_id: int) -> CardBox:
        """The card's box, maybe where it stood before a move: right in all but `index` and `rect.y` (no placing)."""
        return self._boxes[touchpoint_id]

    def moved_cells(self) -> set[tuple[int, int]]:
        return set(self._moved)

    def boxes_as_before(self) -> dict[int, CardBox]:
        """A copy of every box, some maybe where they stood before a move (see `as_before`)."""
        return dict(self._boxes)

    def _plan(self, key: tuple[int, int]) -> dict[int, tuple[int, float, float]]:
        """Each card of the cell: its place, left and top, summed card by card as `compute_layout` does."""
        plan = self._plans.get(key)
        if plan is None:
            m = self._metrics
            boxes = self._boxes
            cell = self._cells[key]
            gap = m.card_gap
            depth = cell.depth
            top = y = cell.rect.y + m.cell_padding
            x = cell.rect.x + m.cell_padding
            plan = {}
            for index, card_id in enumerate(cell.card_ids):
                if depth and index and not index % depth:
                    x += m.card_width + gap
                    y = top
                plan[card_id] = (index, x, y)
                y += boxes[card_id].rect.height + gap
            self._plans[key] = plan
        return plan

    def _placed(self, touchpoint_id: int, box: CardBox, key: tuple[int, int]) -> CardBox:
        index, x, y = self._plan(key)[touchpoint_id]
        m = self._metrics
        rect = box.rect
        if box.index == index and rect.y == y and rect.x == x:
            return box
        box = self._boxes[touchpoint_id] = _card(
            touchpoint_id, box.phase_id, box.lane_id, index, _rect(x, y, m.card_width, rect.height),
            box.title_lines, box.title_elided, box.channel_label, box.note_lines,
        )  # fmt: skip
        return box

    def _place(self, key: tuple[int, int]) -> None:
        boxes = self._boxes
        for card_id in self._cells[key].card_ids:
            self._placed(card_id, boxes[card_id], key)
        self._moved.discard(key)
        self._plans.pop(key, None)

    def __getitem__(self, touchpoint_id: int) -> CardBox:
        box = self._boxes[touchpoint_id]
        if self._moved:
            key = (box.phase_id, box.lane_id)
            if key in self._moved:
                box = self._placed(touchpoint_id, box, key)
        return box

    def __contains__(self, touchpoint_id: object) -> bool:
        return touchpoint_id in self._boxes

    def __iter__(self) -> Iterator[int]:
        return iter(self._boxes)

    def __len__(self) -> int:
        return len(self._boxes)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            for key in list(self._moved):
                self._place(key)
            return self._boxes == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"CardBoxes({len(self._boxes)} cards)"


@dataclass(frozen=True, slots=True)
class Layout:
    width: float
    height: float
    metrics: Metrics
    phases: tuple[PhaseBox, ...]
    lanes: tuple[LaneBox, ...]
    cells: dict[tuple[int, int], CellBox] = field(default_factory=dict)
    """Every (phase id, lane id) cell of a card lane, empty or not."""
    cards: Mapping[int, CardBox] = field(default_factory=dict)
    """Every laid-out card's box (a `CardBoxes`)."""
    curves: tuple[Curve, ...] = ()
    scored: Mapping[tuple[int, int], Scored] = field(default_factory=dict, compare=False, repr=False)
    """Each cell's scored cards (what the curves are drawn through), for `cjmapper.relayout`."""
    phase_scores: Mapping[int, tuple[Scored, int]] = field(default_factory=dict, compare=False, repr=False)
    """Each phase's scored cards in reading order and the sum of their scores, for `cjmapper.relayout`."""
    contents: Mapping[tuple[int, int], float] = field(default_factory=dict, compare=False, repr=False)
    """Each cell's height as its cards need it (cards, gaps, padding, drop room; no entry when empty), for
    `cjmapper.relayout`."""


# The layout builds three objects per card. A frozen dataclass's __init__ sets each field through
# object.__setattr__, which made up half the cost of a whole layout; these builders set the slots directly, about
# twice as fast, and give equal objects (tests/test_layout.py compares them). Should a class gain, lose or reorder a
# field or gain a __post_init__, importing this module fails with a TypeError naming the builder to update.
_new = object.__new__


def _slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[object, object], None], ...]:
    if tuple(f.name for f in fields(cls)) != names or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} changed: update its fast builder in cjmapper/layout.py")
    return tuple(cls.__dict__[name].__set__ for name in names)


_RECT_FIELDS = ("x", "y", "width", "height")
_CARD_FIELDS = (
    "touchpoint_id", "phase_id", "lane_id", "index", "rect", "title_lines", "title_elided", "channel_label",
    "note_lines",
)  # fmt: skip
_POINT_FIELDS = ("touchpoint_id", "x", "y", "score")
_set_rect = _slot_setters(Rect, _RECT_FIELDS)
_set_card = _slot_setters(CardBox, _CARD_FIELDS)
_set_point = _slot_setters(CurvePoint, _POINT_FIELDS)


def _rect(x: float, y: float, width: float, height: float) -> Rect:
    """The same as Rect(x, y, width, height), faster."""
    rect: Rect = _new(Rect)
    set_x, set_y, set_width, set_height = _set_rect
    set_x(rect, x)
    set_y(rect, y)
    set_width(rect, width)
    set_height(rect, height)
    return rect


def _card(
    touchpoint_id: int,
    phase_id: int,
    lane_id: int,
    index: int,
    rect: Rect,
    title_lines: tuple[str, ...],
    title_elided: bool,
    label: str,
    note_lines: tuple[str, ...],
) -> CardBox:
    """The same as CardBox(...) with these arguments, faster."""
    card: CardBox = _new(CardBox)
    set_id, set_phase, set_lane, set_index, set_rect, set_lines, set_elided, set_label, set_notes = _set_card
    set_id(card, touchpoint_id)
    set_phase(card, phase_id)
    set_lane(card, lane_id)
    set_index(card, index)
    set_rect(card, rect)
    set_lines(card, title_lines)
    set_elided(card, title_elided)
    set_label(card, label)
    set_notes(card, note_lines)
    return card


def _point(touchpoint_id: int, x: float, y: float, score: int) -> CurvePoint:
    """The same as CurvePoint(touchpoint_id, x, y, score), faster."""
    point: CurvePoint = _new(CurvePoint)
    set_id, set_x, set_y, set_score = _set_point
    set_id(point, touchpoint_id)
    set_x(point, x)
    set_y(point, y)
    set_score(point, score)
    return point


CURVE_PADDING = 18.0
"""Room above score 5 and below score 1 inside an emotions lane (less when the lane is very low)."""

CHANNEL_LABEL_SHARE = 0.6
"""The share of a card's inner width the channel name may take in the footer; the score and votes get the rest."""


def curve_y(lane: LaneBox, score: float) -> float:
    """Height of `score` (1..5, or an average) on the experience curve in an emotions lane: 5 at the top."""
    pad = min(CURVE_PADDING, lane.row.height / 4)
    clamped = min(max(score, SCORE_MIN), SCORE_MAX)
    return lane.row.y + pad + (SCORE_MAX - clamped) / (SCORE_MAX - SCORE_MIN) * (lane.row.height - 2 * pad)


Wrapped = tuple[tuple[str, ...], bool, float, tuple[str, ...]]
"""A card's title lines, whether the title was cut, its height and its note lines."""


class CardText:
    """A card's text as the layout places it: the title and the start of the notes wrapped to the card's width, the
    card's height from them, and the channel's name elided to fit the footer (names cached per channel)."""

    __slots__ = (
        "_fixed", "_font", "_inner", "_label_width", "_labels", "_language", "_max_lines", "_max_notes", "_metrics",
        "_note_font",
    )  # fmt: skip

    def __init__(self, m: Metrics, language: Language) -> None:
        self._metrics = m
        self._language = language
        self._font = FontMetrics(m.font_size)
        self._note_font = FontMetrics(m.note_font_size)
        self._max_notes = max(0, m.max_note_lines)
        self._inner = m.card_width - 2 * m.card_padding
        self._label_width = self._inner * CHANNEL_LABEL_SHARE
        self._max_lines = max(1, m.max_title_lines)
        self._fixed = 2 * m.card_padding + m.footer_height
        self._labels: dict[str | None, str] = {}

    def wrap(self, t: Touchpoint) -> Wrapped:
        m = self._metrics
        lines, elided = self._font.wrap(t.title, self._inner, self._max_lines)
        height = self._fixed + max(1, len(lines)) * m.line_height
        notes: tuple[str, ...] = ()
        if self._max_notes and t.notes:
            notes = self._note_font.wrap(t.notes, self._inner, self._max_notes)[0]
            height += len(notes) * m.note_line_height
        if t.image is not None:
            height += thumbnail_height(m, t.image)
        return (lines, elided, height, notes)

    def label(self, channel: str | None) -> str:
        label = self._labels.get(channel)
        if label is None:
            label = self._font.elide(channel_label(channel, self._language), self._label_width)
            self._labels[channel] = label
        return label


def compute_layout(journey: Journey, metrics: Metrics | None = None, aspect: float | None = None) -> Layout:
    """The geometry of the whole map. With `aspect` (a target's width / height), `metrics.cards_per_column` is
    chosen for it first (`cjmapper.flow.choose_depth`; the layout's `metrics` carry the choice)."""
    m = metrics if metrics is not None else Metrics()
    reserve_wraps(2 * len(journey.touchpoints))  # titles and notes: laid out again, the map finds them all cached
    text = CardText(m, journey.language)

    phase_ids = {phase.id for phase in journey.phases}
    card_lanes = {lane.id for lane in journey.lanes if lane.kind.holds_cards}

    # Wrap every title once; then each card lane's height: its tallest cell, at least an empty cell's.
    cells: dict[tuple[int, int], list[Touchpoint]] = {}
    for t in journey.touchpoints:
        if t.phase_id in phase_ids and t.lane_id in card_lanes:
            cells.setdefault((t.phase_id, t.lane_id), []).append(t)
    wrapped: dict[int, Wrapped] = {}
    sizes: dict[tuple[int, int], list[float]] = {}
    for key, cell_cards in cells.items():
        cell_cards.sort(key=_position)
        heights = sizes[key] = []
        for t in cell_cards:
            wrapped[t.id] = card_text = text.wrap(t)
            heights.append(card_text[2])
    if aspect is not None:
        m = replace(m, cards_per_column=_depth_for(journey, m, sizes, aspect))
    depth = m.cards_per_column
    columns = dict.fromkeys(phase_ids, 1)
    for key, heights in sizes.items():
        columns[key[0]] = max(columns[key[0]], card_columns(len(heights), depth))
    lane_height = {lane_id: m.empty_cell_height for lane_id in card_lanes}
    contents: dict[tuple[int, int], float] = {}
    for key, heights in sizes.items():
        contents[key] = content = cell_content(heights, cell_depth(len(heights), columns[key[0]], depth), m)
        if content > lane_height[key[1]]:
            lane_height[key[1]] = content

    # Columns left to right (each as wide as its fullest cell's card columns), rows top to bottom.
    x = m.lane_header_width
    spans: list[tuple[float, float]] = []
    for phase in journey.phases:
        width = phase_width(columns[phase.id], m)
        spans.append((x, width))
        x += width
    grid_width = x - m.lane_header_width
    lanes: list[LaneBox] = []
    y = m.phase_header_height
    for i, lane in enumerate(journey.lanes):
        height = lane_height[lane.id] if lane.id in card_lanes else m.emotions_height
        lanes.append(
            LaneBox(
                lane.id, i, Rect(0.0, y, m.lane_header_width, height), Rect(m.lane_header_width, y, grid_width, height)
            )
        )
        y += height
    total_height = y
    grid_height = total_height - m.phase_header_height
    phases = tuple(
        PhaseBox(
            phase.id,
            i,
            Rect(left, 0.0, width, m.phase_header_height),
            Rect(left, m.phase_header_height, width, grid_height),
        )
        for i, (phase, (left, width)) in enumerate(zip(journey.phases, spans, strict=True))
    )

    # Cells and the cards in them: top to bottom, a new card column after every `cell_deep` cards.
    cell_boxes: dict[tuple[int, int], CellBox] = {}
    cards: dict[int, CardBox] = {}
    scored: dict[tuple[int, int], Scored] = {}
    step = m.card_width + m.card_gap
    for phase_box in phases:
        column = phase_box.column
        for lane_box in lanes:
            lane_id = lane_box.lane_id
            if lane_id not in card_lanes:
                continue
            key = (phase_box.phase_id, lane_id)
            row = lane_box.row
            cell_cards = cells.get(key, [])
            cell_deep = cell_depth(len(cell_cards), columns[key[0]], depth)
            card_x = column.x + m.cell_padding
            top = card_y = row.y + m.cell_padding
            for index, t in enumerate(cell_cards):
                if cell_deep and index and not index % cell_deep:
                    card_x += step
                    card_y = top
                lines, elided, height, notes = wrapped[t.id]
                label = text.label(t.channel)
                card = _card(
                    t.id,
                    t.phase_id,
                    lane_id,
                    index,
                    _rect(card_x, card_y, m.card_width, height),
                    lines,
                    elided,
                    label,
                    notes,
                )
                cards[t.id] = card
                card_y += height + m.card_gap
            cell_boxes[key] = CellBox(
                key[0],
                lane_id,
                Rect(column.x, row.y, column.width, row.height),
                tuple(t.id for t in cell_cards),
                cell_deep,
            )
            scored[key] = tuple((t.id, t.score) for t in cell_cards if t.score is not None)

    phase_scores = phase_runs(lanes, phases, scored, {phase.phase_id for phase in phases}, {})
    curves = _curves(lanes, [lane.kind for lane in journey.lanes], phases, phase_scores, m, journey)
    width = m.lane_header_width + grid_width
    boxes = CardBoxes(cards, cell_boxes, None, m)
    return Layout(
        width, total_height, m, phases, tuple(lanes), cell_boxes, boxes, curves, scored, phase_scores, contents
    )


def _depth_for(journey: Journey, m: Metrics, sizes: Mapping[tuple[int, int], list[float]], aspect: float) -> int:
    """`cjmapper.flow.choose_depth` for this journey's cells (`sizes`: each cell's card heights)."""
    card_lanes = [lane.id for lane in journey.lanes if lane.kind.holds_cards]
    others = sum(m.emotions_height for lane in journey.lanes if not lane.kind.holds_cards)
    grid = [[sizes.get((phase.id, lane_id), []) for lane_id in card_lanes] for phase in journey.phases]
    return choose_depth(grid, others, m, aspect)


def cell_content(heights: Sequence[float], depth: int, m: Metrics) -> float:
    """The height a cell's cards need (`heights` top to bottom, `depth` cards per card column, 0: one column):
    its tallest card column with the gaps, the padding and the drop room."""
    gap = m.card_gap
    stack = 0.0
    count = len(heights)
    per_column = depth or count or 1
    for start in range(0, count, per_column):
        column = -gap
        for height in heights[start : start + per_column]:
            column += height + gap
        if column > stack:
            stack = column
    return 2 * m.cell_padding + m.drop_room + stack


def phase_width(columns: int, m: Metrics) -> float:
    """The width of a phase whose fullest cell has `columns` card columns."""
    return columns * m.card_width + (columns - 1) * m.card_gap + 2 * m.cell_padding


def card_columns(count: int, depth: int) -> int:
    """How many card columns a cell of `count` cards takes (at least one)."""
    return max(1, -(-count // depth)) if depth else 1


def cell_depth(count: int, columns: int, depth: int) -> int:
    """The most cards per card column of a cell of `count` cards in a phase of `columns` card columns, when the map
    flows at `depth` (0: one column): the cards spread evenly over the phase's columns, never deeper than `depth`."""
    return min(depth, max(1, -(-count // columns))) if depth else 0


def phase_columns(phase: PhaseBox, m: Metrics) -> int:
    """How many card columns a laid-out phase has (the inverse of `phase_width`)."""
    return max(1, round((phase.column.width - 2 * m.cell_padding + m.card_gap) / (m.card_width + m.card_gap)))


def _position(t: Touchpoint) -> int:
    return t.position


def phase_runs(
    lanes: Sequence[LaneBox],
    phases: Sequence[PhaseBox],
    scored: Mapping[tuple[int, int], Scored],
    changed: set[int],
    before: Mapping[int, tuple[Scored, int]],
) -> dict[int, tuple[Scored, int]]:
    """Each phase's scored cards in reading order (lane by lane, then place in the cell) and their score sum: made
    again for the `changed` phases from their cells, taken from `before` for the others."""
    runs: dict[int, tuple[Scored, int]] = {}
    for phase in phases:
        phase_id = phase.phase_id
        if phase_id not in changed and phase_id in before:
            runs[phase_id] = before[phase_id]
            continue
        entries: list[tuple[int, int]] = []
        for lane in lanes:
            cell = scored.get((phase_id, lane.lane_id))
            if cell:
                entries += cell
        runs[phase_id] = (tuple(entries), sum(map(_second, entries)))
    return runs


def _curves(
    lanes: Sequence[LaneBox],
    kinds: Sequence[LaneKind],
    phases: tuple[PhaseBox, ...],
    runs: Mapping[int, tuple[Scored, int]],
    m: Metrics,
    journey: Journey,
) -> tuple[Curve, ...]:
    """One experience curve per emotions lane, through every scored card of the card lanes (`runs`, see
    `phase_runs`).

    A phase's scored cards are spread evenly across its column in reading order (lane by lane, then place in the
    cell), so the curve runs left to right instead of stacking every point of a phase on one vertical line."""
    emotions = [lane for lane, kind in zip(lanes, kinds, strict=True) if kind is LaneKind.EMOTIONS]
    if not emotions:
        return ()
    averages = {phase_id: total / len(entries) for phase_id, (entries, total) in runs.items() if entries}
    columns = tuple((phase.column, runs[phase.phase_id][0]) for phase in phases)
    curves: list[Curve] = []
    marked = tuple(p for p in phases if p.phase_id in averages)
    size = average_label_size(m)
    more = needed(journey)
    order = journey.ordered_touchpoints() if more else []
    card_lanes = {lane.lane_id for lane, kind in zip(lanes, kinds, strict=True) if kind.holds_cards}
    order = [card for card in order if card.lane_id in card_lanes]
    spans = [(p.phase_id, p.column.x, p.column.width) for p in phases]
    for lane in emotions:
        marks = tuple(
            PhaseMark(
                p.phase_id, p.column.x + p.column.width / 2, curve_y(lane, averages[p.phase_id]), averages[p.phase_id]
            )
            for p in marked
        )
        points = CurvePoints(lane, columns)
        labels = MarkLabels(lane, points, marks, tuple(p.column for p in marked), size, curve_dot_radius(m))
        extra = NOTHING
        if more:
            r = lane.row
            h = lane.header
            extra = persona_curves(
                journey, (h.x, h.y, h.width, h.height), (r.x, r.y, r.width, r.height), spans, order,
                partial(curve_y, lane),
            )  # fmt: skip
        curves.append(Curve(lane.lane_id, points, marks, labels, extra))
    return tuple(curves)


def _second(entry: tuple[int, int]) -> int:
    return entry[1]
