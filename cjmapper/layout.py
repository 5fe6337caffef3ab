"""The one place that computes a journey map's geometry. The canvas and the PDF poster both draw from a `Layout`;
neither computes a position of its own.

Units are scene units: 1 unit = 1 pixel on the canvas at 100% zoom, and 1 point on a poster before it is scaled to
the paper. Text is measured with the bundled DejaVu Sans (see `cjmapper.text`), so wrapping is identical everywhere.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, fields

from cjmapper.channels import channel_label
from cjmapper.model import SCORE_MAX, SCORE_MIN, Journey, LaneKind, Touchpoint
from cjmapper.text import FontMetrics


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
    """The cell's cards, top to bottom."""


@dataclass(frozen=True, slots=True)
class CardBox:
    touchpoint_id: int
    phase_id: int
    lane_id: int
    index: int
    """Position in its cell, 0 = top."""
    rect: Rect
    title_lines: tuple[str, ...]
    """The title wrapped to the card's width: at most `max_title_lines` lines, the last ending in "…" when cut."""
    title_elided: bool
    channel_label: str
    """The channel's name in the journey's language, elided to fit the footer."""
    note_lines: tuple[str, ...]
    """The start of the notes, wrapped like the title in the smaller note font (ending in "…" when cut)."""


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
    points: tuple[CurvePoint, ...]
    """One per scored card, left to right."""
    phase_marks: tuple[PhaseMark, ...]


@dataclass(frozen=True, slots=True)
class Layout:
    width: float
    height: float
    metrics: Metrics
    phases: tuple[PhaseBox, ...]
    lanes: tuple[LaneBox, ...]
    cells: dict[tuple[int, int], CellBox] = field(default_factory=dict)
    """Every (phase id, lane id) cell of a card lane, empty or not."""
    cards: dict[int, CardBox] = field(default_factory=dict)
    curves: tuple[Curve, ...] = ()


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


def compute_layout(journey: Journey, metrics: Metrics | None = None) -> Layout:
    """The geometry of the whole map."""
    m = metrics if metrics is not None else Metrics()
    font = FontMetrics(m.font_size)
    note_font = FontMetrics(m.note_font_size)
    max_notes = max(0, m.max_note_lines)
    column_width = m.card_width + 2 * m.cell_padding
    inner_width = m.card_width - 2 * m.card_padding
    label_width = inner_width * CHANNEL_LABEL_SHARE
    max_lines = max(1, m.max_title_lines)
    fixed_card_height = 2 * m.card_padding + m.footer_height

    phase_ids = {phase.id for phase in journey.phases}
    card_lanes = {lane.id for lane in journey.lanes if lane.kind.holds_cards}

    # Wrap every title once and find each card lane's height: its tallest cell, at least an empty cell's.
    cells: dict[tuple[int, int], list[Touchpoint]] = {}
    for t in journey.touchpoints:
        if t.phase_id in phase_ids and t.lane_id in card_lanes:
            cells.setdefault((t.phase_id, t.lane_id), []).append(t)
    wrapped: dict[int, tuple[tuple[str, ...], bool, float, tuple[str, ...]]] = {}
    lane_height = {lane_id: m.empty_cell_height for lane_id in card_lanes}
    for (_, lane_id), cell_cards in cells.items():
        cell_cards.sort(key=_position)
        content = 2 * m.cell_padding + m.drop_room + m.card_gap * (len(cell_cards) - 1)
        for t in cell_cards:
            lines, elided = font.wrap(t.title, inner_width, max_lines)
            height = fixed_card_height + max(1, len(lines)) * m.line_height
            notes: tuple[str, ...] = ()
            if max_notes and t.notes:
                notes = note_font.wrap(t.notes, inner_width, max_notes)[0]
                height += len(notes) * m.note_line_height
            wrapped[t.id] = (lines, elided, height, notes)
            content += height
        if content > lane_height[lane_id]:
            lane_height[lane_id] = content

    # Rows top to bottom, then columns left to right (a column spans every row).
    grid_width = len(journey.phases) * column_width
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
            Rect(m.lane_header_width + i * column_width, 0.0, column_width, m.phase_header_height),
            Rect(m.lane_header_width + i * column_width, m.phase_header_height, column_width, grid_height),
        )
        for i, phase in enumerate(journey.phases)
    )

    # Cells and the cards in them.
    labels: dict[str | None, str] = {}
    cell_boxes: dict[tuple[int, int], CellBox] = {}
    cards: dict[int, CardBox] = {}
    scored: list[tuple[CardBox, int]] = []  # in layout order: column, lane, place in the cell = left to right
    for phase_box in phases:
        column = phase_box.column
        card_x = column.x + m.cell_padding
        for lane_box in lanes:
            lane_id = lane_box.lane_id
            if lane_id not in card_lanes:
                continue
            key = (phase_box.phase_id, lane_id)
            row = lane_box.row
            cell_cards = cells.get(key, [])
            card_y = row.y + m.cell_padding
            for index, t in enumerate(cell_cards):
                lines, elided, height, notes = wrapped[t.id]
                label = labels.get(t.channel)
                if label is None:
                    label = font.elide(channel_label(t.channel, journey.language), label_width)
                    labels[t.channel] = label
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
                if t.score is not None:
                    scored.append((card, t.score))
                card_y += height + m.card_gap
            cell_boxes[key] = CellBox(
                key[0], lane_id, Rect(column.x, row.y, column.width, row.height), tuple(t.id for t in cell_cards)
            )

    curves = _curves(lanes, [lane.kind for lane in journey.lanes], phases, scored)
    width = m.lane_header_width + grid_width
    return Layout(width, total_height, m, phases, tuple(lanes), cell_boxes, cards, curves)


def _position(t: Touchpoint) -> int:
    return t.position


def _curves(
    lanes: list[LaneBox], kinds: list[LaneKind], phases: tuple[PhaseBox, ...], scored: list[tuple[CardBox, int]]
) -> tuple[Curve, ...]:
    """One experience curve per emotions lane, through every scored card of the card lanes.

    `scored` is in layout order (column, then lane, then place in the cell). A phase's scored cards are spread
    evenly across its column in that reading order, so the curve runs left to right instead of stacking every
    point of a phase on one vertical line."""
    by_phase: dict[int, list[int]] = {}
    for card, score in scored:
        by_phase.setdefault(card.phase_id, []).append(score)
    averages = {phase_id: sum(scores) / len(scores) for phase_id, scores in by_phase.items()}
    columns = {p.phase_id: p.column for p in phases}
    xs: list[float] = []
    rank: dict[int, int] = {}
    for card, _score in scored:
        k = rank.get(card.phase_id, 0)
        rank[card.phase_id] = k + 1
        column = columns[card.phase_id]
        xs.append(column.x + column.width * (k + 0.5) / len(by_phase[card.phase_id]))
    curves: list[Curve] = []
    for lane, kind in zip(lanes, kinds, strict=True):
        if kind is not LaneKind.EMOTIONS:
            continue
        heights = {score: curve_y(lane, score) for score in range(SCORE_MIN, SCORE_MAX + 1)}
        points = tuple(
            _point(card.touchpoint_id, x, heights[score] if score in heights else curve_y(lane, score), score)
            for (card, score), x in zip(scored, xs, strict=True)
        )
        marks = tuple(
            PhaseMark(
                p.phase_id, p.column.x + p.column.width / 2, curve_y(lane, averages[p.phase_id]), averages[p.phase_id]
            )
            for p in phases
            if p.phase_id in averages
        )
        curves.append(Curve(lane.lane_id, points, marks))
    return tuple(curves)


def cell_at(layout: Layout, x: float, y: float) -> CellBox | None:
    """The card cell under a scene point, or None (headers, emotions lanes, outside)."""
    column = bisect_right(layout.phases, x, key=_column_x) - 1
    row = bisect_right(layout.lanes, y, key=_row_y) - 1
    if column < 0 or row < 0:
        return None
    phase = layout.phases[column]
    lane = layout.lanes[row]
    if not (phase.column.x <= x < phase.column.right and lane.row.y <= y < lane.row.bottom):
        return None
    return layout.cells.get((phase.phase_id, lane.lane_id))


def _column_x(phase: PhaseBox) -> float:
    return phase.column.x


def _row_y(lane: LaneBox) -> float:
    return lane.row.y


def drop_index(layout: Layout, cell: CellBox, y: float, moving: frozenset[int] = frozenset()) -> int:
    """Where a card dropped at height `y` lands among the cell's cards other than `moving` (0 = top)."""
    cards = layout.cards

    def centre(card_id: int) -> float:
        rect = cards[card_id].rect
        return rect.y + rect.height / 2

    # Centres grow down the cell, so the first card whose centre lies below y is found by bisection; moving cards
    # of this cell above that place do not count.
    place = bisect_right(cell.card_ids, y, key=centre)
    above = 0
    for card_id in moving:
        card = cards.get(card_id)
        if card is not None and card.index < place and (card.phase_id, card.lane_id) == (cell.phase_id, cell.lane_id):
            above += 1
    return place - above


@dataclass(frozen=True, slots=True)
class LayoutUpdate:
    """What `update_layout` changed: the new layout and the cells whose rect or cards' boxes may differ from before
    (every other cell and its cards kept their objects)."""

    layout: Layout
    cells: frozenset[tuple[int, int]]
    """Cells of the new layout laid out again or moved (a lane above them grew or shrank)."""
    lanes_changed: bool
    """Some lane or phase box (and with it maybe a curve) is another object than before."""


def update_layout(
    layout: Layout, journey: Journey, changed: Collection[int], card: Callable[[int], Touchpoint | None]
) -> LayoutUpdate:
    """The layout of `journey` after the cards `changed` (added, removed, or changed in fields or place) changed,
    from `layout`, the layout before; equal to `compute_layout(journey, layout.metrics)`.

    Only the cells those cards left or entered are laid out again; a lane that grows or shrinks moves the lanes
    below it (their cells' cards are placed again with the same arithmetic, so every number is the one a full layout
    gives). `card(id)` is the journey's card with that id now (None: gone); every card not in `changed` must be the
    one `layout` was made from, in the same place. Phases and lanes must be the ones `layout` was made from
    (else: a full layout)."""
    m = layout.metrics
    same_grid = len(journey.phases) == len(layout.phases) and len(journey.lanes) == len(layout.lanes)
    if same_grid:
        same_grid = all(p.id == box.phase_id for p, box in zip(journey.phases, layout.phases, strict=True)) and all(
            lane.id == box.lane_id for lane, box in zip(journey.lanes, layout.lanes, strict=True)
        )
    if not same_grid:
        fresh = compute_layout(journey, m)
        return LayoutUpdate(fresh, frozenset(fresh.cells), True)
    old_cells = layout.cells
    old_cards = layout.cards
    changed = set(changed)

    # The cells the changed cards left or entered, with the changed cards now in each.
    entering: dict[tuple[int, int], list[Touchpoint]] = {}
    touched: set[tuple[int, int]] = set()
    for card_id in changed:
        before = old_cards.get(card_id)
        if before is not None:
            touched.add((before.phase_id, before.lane_id))
        now = card(card_id)
        if now is not None:
            key = (now.phase_id, now.lane_id)
            if key in old_cells:  # a card lane's cell (cards elsewhere are not laid out, as in compute_layout)
                touched.add(key)
                entering.setdefault(key, []).append(now)
    if not touched:
        return LayoutUpdate(layout, frozenset(), False)

    font = FontMetrics(m.font_size)
    note_font = FontMetrics(m.note_font_size)
    max_notes = max(0, m.max_note_lines)
    inner_width = m.card_width - 2 * m.card_padding
    label_width = inner_width * CHANNEL_LABEL_SHARE
    max_lines = max(1, m.max_title_lines)
    fixed_card_height = 2 * m.card_padding + m.footer_height

    # Each touched cell's cards in order, with their wrapped text and height (kept from before when unchanged).
    labels: dict[str | None, str] = {}
    placed: dict[tuple[int, int], list[tuple[Touchpoint, tuple[tuple[str, ...], bool, float, tuple[str, ...]], str]]]
    placed = {}
    for key in touched:
        members = [c for i in old_cells[key].card_ids if i not in changed and (c := card(i)) is not None]
        members += entering.get(key, ())
        members.sort(key=_position)
        rows = []
        for t in members:
            kept = old_cards.get(t.id) if t.id not in changed else None
            if kept is not None:
                rows.append(
                    (t, (kept.title_lines, kept.title_elided, kept.rect.height, kept.note_lines), kept.channel_label)
                )
                continue
            lines, elided = font.wrap(t.title, inner_width, max_lines)
            height = fixed_card_height + max(1, len(lines)) * m.line_height
            notes: tuple[str, ...] = ()
            if max_notes and t.notes:
                notes = note_font.wrap(t.notes, inner_width, max_notes)[0]
                height += len(notes) * m.note_line_height
            label = labels.get(t.channel)
            if label is None:
                label = font.elide(channel_label(t.channel, journey.language), label_width)
                labels[t.channel] = label
            rows.append((t, (lines, elided, height, notes), label))
        placed[key] = rows

    # The touched lanes' heights again: their tallest cell, at least an empty cell's (computed as compute_layout
    # does, card by card, so the sums are the same numbers).
    heights = {box.lane_id: box.row.height for box in layout.lanes}
    for lane_id in {key[1] for key in touched}:
        height = m.empty_cell_height
        for phase in layout.phases:
            key = (phase.phase_id, lane_id)
            if key in placed:
                sizes = [row[1][2] for row in placed[key]]
            else:
                sizes = [old_cards[i].rect.height for i in old_cells[key].card_ids]
            if not sizes:
                continue
            content = 2 * m.cell_padding + m.drop_room + m.card_gap * (len(sizes) - 1)
            for size in sizes:
                content += size
            if content > height:
                height = content
        heights[lane_id] = height

    # Lanes top to bottom; a lane whose place or height changed gets a new box.
    lanes: list[LaneBox] = []
    moved: set[int] = set()
    y = m.phase_header_height
    for box in layout.lanes:
        height = heights[box.lane_id]
        if box.row.y == y and box.row.height == height:
            lanes.append(box)
        else:
            moved.add(box.lane_id)
            lanes.append(
                LaneBox(
                    box.lane_id,
                    box.index,
                    Rect(0.0, y, m.lane_header_width, height),
                    Rect(m.lane_header_width, y, box.row.width, height),
                )
            )
        y += height
    total_height = y
    phases = layout.phases
    if total_height != layout.height:
        grid_height = total_height - m.phase_header_height
        phases = tuple(
            PhaseBox(p.phase_id, p.index, p.header, Rect(p.column.x, p.column.y, p.column.width, grid_height))
            for p in phases
        )

    # Cells laid out again (touched) or placed again (in a lane that moved); the rest keep their objects.
    cell_boxes = dict(old_cells)
    cards = dict(old_cards)
    for card_id in changed:
        cards.pop(card_id, None)
    redone: set[tuple[int, int]] = set()
    for lane_box in lanes:
        lane_id = lane_box.lane_id
        lane_moved = lane_id in moved
        if not lane_moved and not any(key[1] == lane_id for key in touched):
            continue
        row = lane_box.row
        for phase_box in phases:
            key = (phase_box.phase_id, lane_id)
            if key not in old_cells or (key not in touched and not lane_moved):
                continue
            redone.add(key)
            column = phase_box.column
            card_x = column.x + m.cell_padding
            card_y = row.y + m.cell_padding
            if key not in placed:
                ids = old_cells[key].card_ids
                for card_id in ids:
                    kept = old_cards[card_id]
                    height = kept.rect.height
                    cards[card_id] = _card(
                        card_id, kept.phase_id, lane_id, kept.index, _rect(card_x, card_y, m.card_width, height),
                        kept.title_lines, kept.title_elided, kept.channel_label, kept.note_lines,
                    )  # fmt: skip
                    card_y += height + m.card_gap
            else:
                rows = placed[key]
                ids = tuple(row[0].id for row in rows)
                for index, (t, (lines, elided, height, notes), label) in enumerate(rows):
                    cards[t.id] = _card(
                        t.id, t.phase_id, lane_id, index, _rect(card_x, card_y, m.card_width, height),
                        lines, elided, label, notes,
                    )  # fmt: skip
                    card_y += height + m.card_gap
            cell_boxes[key] = CellBox(key[0], lane_id, Rect(column.x, row.y, column.width, row.height), ids)

    # The curves: a phase whose cards' places or scores changed is spread again; when an emotions lane or the
    # columns moved, every point is placed again.
    curves = layout.curves
    kinds = {lane.id: lane.kind for lane in journey.lanes}
    if any(kinds[lane.lane_id] is LaneKind.EMOTIONS for lane in layout.lanes):
        scored: list[tuple[CardBox, int]] = []
        for phase_box in phases:
            for lane_box in lanes:
                key = (phase_box.phase_id, lane_box.lane_id)
                cell = cell_boxes.get(key)
                if cell is None:
                    continue
                for card_id in cell.card_ids:
                    score = _score(card, card_id)
                    if score is not None:
                        scored.append((cards[card_id], score))
        curves = _curves(lanes, [kinds[lane.lane_id] for lane in lanes], phases, scored)
    fresh = Layout(layout.width, total_height, m, phases, tuple(lanes), cell_boxes, cards, curves)
    return LayoutUpdate(fresh, frozenset(redone), bool(moved) or phases is not layout.phases)


def _score(card: Callable[[int], Touchpoint | None], card_id: int) -> int | None:
    t = card(card_id)
    return None if t is None else t.score
