"""The comparison poster: two versions of a journey on one sheet, each map headed by its version's name, every added,
removed, moved and changed card marked as the editor's Compare view marks it, and a summary (cards added, removed,
changed and moved; each phase's average score before and after, on one row, or with several personas on a row per
persona, her name first: the summary's box grows a row per persona, the maps give up that height).

The two maps go above each other or side by side, whichever prints them larger on the paper chosen: each is laid
out (`compute_layout`, its cells flowed to its half's shape) and scaled into its half as a poster's map is, and the
arrangement whose smaller scale is larger wins. A wide map on landscape paper usually goes above the other; on
upright paper, or for a map of few phases and many lanes, side by side. The earlier version is first (top or left).

The words (headings, the key, the summary) are in the journey's language, as a poster's title block is. The page's
parts come from `plan.chrome_for` (title block at the top, the summary where a poster has its legend) and the maps
are drawn by `draw.draw_map`, so the comparison looks like the posters.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Literal

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper import __version__, style
from cjmapper.compare import MARK_COLOURS, MARK_SYMBOLS, CardKind, Comparison
from cjmapper.compare_words import phase_line, summary_lines
from cjmapper.i18n import decimal
from cjmapper.interchange.export_files import write_bytes_atomically
from cjmapper.layout import Layout, Rect, compute_layout
from cjmapper.messages import language, say, use_language, word
from cjmapper.model import Journey
from cjmapper.poster.chrome import GAP_UNITS, LEGEND_SIZE, draw_title_block, height_for
from cjmapper.poster.draw import Pen, draw_map
from cjmapper.poster.paper import A3, Paper
from cjmapper.poster.plan import LEGIBLE_PT, Chrome, chrome_for, map_scale
from cjmapper.style import rgb
from cjmapper.text import FontMetrics, font_name

HEADING_UNITS = 2.0
"""A map's heading (its version's name), in units of the page."""

Arrangement = Literal["stacked", "side by side"]


@dataclass(frozen=True, slots=True)
class MapPlace:
    """One of the two maps on the page: its heading's box, the layout, where its top left lands and its scale."""

    heading: Rect
    layout: Layout
    x: float
    top: float
    scale: float

    def card_rect(self, card_id: int) -> Rect:
        """A card's rectangle on the page (top-down points)."""
        r = self.layout.cards[card_id].rect
        return Rect(self.x + r.x * self.scale, self.top + r.y * self.scale, r.width * self.scale, r.height * self.scale)


@dataclass(frozen=True, slots=True)
class ComparisonPlan:
    width: float
    height: float
    arrangement: Arrangement
    before: MapPlace
    after: MapPlace

    @property
    def body_size(self) -> float:
        """Card text size on paper, in points, on the smaller of the two maps."""
        return min(place.layout.metrics.font_size * place.scale for place in (self.before, self.after))

    @property
    def legible(self) -> bool:
        return self.body_size >= LEGIBLE_PT - 1e-9

    def warning(self) -> str | None:
        """Why the maps cannot be read on this paper, in the language of the core's messages (None: they can)."""
        if self.legible:
            return None
        return say(
            "the maps' card text is {0} pt on this paper, too small to read (at least {1} pt); choose larger paper",
            decimal(self.body_size, language()),
            decimal(LEGIBLE_PT, language(), 0),
        )


def _halves(area: Rect, arrangement: Arrangement, gap: float) -> tuple[Rect, Rect]:
    if arrangement == "stacked":
        height = (area.height - gap) / 2
        return Rect(area.x, area.y, area.width, height), Rect(area.x, area.y + height + gap, area.width, height)
    width = (area.width - gap) / 2
    return Rect(area.x, area.y, width, area.height), Rect(area.x + width + gap, area.y, width, area.height)


def _place(journey: Journey, half: Rect, heading_height: float) -> MapPlace:
    area = Rect(half.x, half.y + heading_height, half.width, max(half.height - heading_height, 1.0))
    layout = compute_layout(journey, aspect=area.width / area.height)
    scale = map_scale(layout, area)
    x = area.x + (area.width - layout.width * scale) / 2
    return MapPlace(Rect(half.x, half.y, half.width, heading_height), layout, x, area.y, scale)


AVERAGES_APART = "   ·   "
"""Between two phases' averages on a row of the summary."""


def average_rows(comparison: Comparison) -> list[str]:
    """The summary's phase averages as the poster prints them: one row of every phase, or with several personas one
    row per persona, her name first."""
    summary = comparison.summary
    if not summary.personas:
        return [AVERAGES_APART.join(phase_line(row) for row in summary.phases)]
    count = len(summary.personas)
    return [
        f"{name}:{AVERAGES_APART}"
        + AVERAGES_APART.join(phase_line(replace(row, persona=None)) for row in summary.phases[k::count])
        for k, name in enumerate(summary.personas)
    ]


def _chrome(comparison: Comparison, width: float, height: float) -> Chrome:
    """The page's parts, the summary's box a row taller for each persona past the first."""
    chrome = chrome_for(width, height)
    rows = 1 + max(1, len(comparison.summary.personas))
    extra = height_for(rows, chrome.unit) - height_for(2, chrome.unit)
    if extra <= 0:
        return chrome
    legend, area = chrome.legend, chrome.map_area
    return replace(
        chrome,
        legend=replace(legend, y=legend.y - extra, height=legend.height + extra),
        map_area=replace(area, height=area.height - extra),
    )


def plan_comparison(comparison: Comparison, paper: Paper = A3, portrait: bool = False) -> ComparisonPlan:
    """Where the two maps go on the page (the arrangement that prints them larger)."""
    width, height = paper.oriented(not portrait)
    chrome = _chrome(comparison, width, height)
    gap = GAP_UNITS * chrome.unit
    heading = HEADING_UNITS * chrome.unit * 1.6
    best: ComparisonPlan | None = None
    for arrangement in ("stacked", "side by side"):
        top_half, other_half = _halves(chrome.map_area, arrangement, gap)
        before = _place(comparison.before, top_half, heading)
        after = _place(comparison.after, other_half, heading)
        plan = ComparisonPlan(width, height, arrangement, before, after)
        if best is None or min(before.scale, after.scale) > min(best.before.scale, best.after.scale):
            best = plan
    assert best is not None
    return best


def render_comparison_poster(
    comparison: Comparison,
    before_name: str,
    after_name: str | None,
    target: Path,
    paper: Paper | None = None,
    portrait: bool = False,
    printed: date | None = None,
) -> ComparisonPlan:
    """Write the comparison poster to `target` (atomically; `after_name` None: the journey as it is now). Raises
    CjmapperError when the file cannot be written."""
    plan = plan_comparison(comparison, paper or A3, portrait)
    journey = comparison.after
    previous = use_language(journey.language)
    try:
        after_heading = after_name if after_name is not None else word("the journey now")
        counts = summary_lines(comparison)[0]
        averages = average_rows(comparison)
        key: list[tuple[CardKind, str]] = [
            ("added", word("added")),
            ("removed", word("removed")),
            ("moved", word("moved")),
            ("changed", word("changed")),
        ]
        version = f"{before_name} → {after_heading}"
        out = BytesIO()
        c = Canvas(out, pagesize=(plan.width, plan.height), pageCompression=1, initialFontName=font_name())
        c.setTitle(f"{journey.title}: {version}")
        c.setCreator(f"cjmapper {__version__}")
        c.translate(0, plan.height)
        pen = Pen(c)
        chrome = _chrome(comparison, plan.width, plan.height)
        draw_title_block(pen, journey, chrome.title, chrome.unit, printed or date.today(), version)
        for place, name, source in (
            (plan.before, before_name, comparison.before),
            (plan.after, after_heading, journey),
        ):
            _heading(pen, place, name, chrome.unit)
            draw_map(c, source, place.layout, (place.x, place.top, place.scale), lambda _steps: None)
            pen.forget()
        _marks(pen, plan, comparison)
        _summary(pen, chrome.legend, chrome.unit, key, counts, averages)
        c.showPage()
        c.save()
    finally:
        use_language(previous)
    write_bytes_atomically(target, out.getvalue())
    return plan


def _heading(pen: Pen, place: MapPlace, name: str, unit: float) -> None:
    size = HEADING_UNITS * unit
    font = FontMetrics(size, bold=True)
    pen.fill(rgb(style.INK))
    pen.text(place.heading.x, place.heading.y + font.ascent, font.elide(name, place.heading.width), size, bold=True)


def _marks(pen: Pen, plan: ComparisonPlan, comparison: Comparison) -> None:
    """On the map before: the removed, moved and changed cards; on the map after: the added, moved and changed."""
    for difference in comparison.cards:
        kind = difference.kind
        if difference.before is not None and difference.before.id in plan.before.layout.cards:
            _mark(pen, plan.before, difference.before.id, kind)
        if difference.after is not None and difference.after.id in plan.after.layout.cards:
            _mark(pen, plan.after, difference.after.id, kind)


def _mark(pen: Pen, place: MapPlace, card_id: int, kind: CardKind) -> None:
    r = place.card_rect(card_id)
    colour = rgb(MARK_COLOURS[kind])
    c = pen.c
    line = max(0.6, 3.0 * place.scale)
    pen.stroke(colour, line)
    if kind == "removed":
        c.setDash(3 * line, 2 * line)
    c.roundRect(r.x - line / 2, -(r.y + r.height + line / 2), r.width + line, r.height + line, 3 * place.scale)
    c.setDash()
    radius = max(3.0, 14.0 * place.scale)
    _badge(pen, r.right - 2 * place.scale, r.y + 2 * place.scale, radius, kind)


def _badge(pen: Pen, x: float, y: float, radius: float, kind: CardKind) -> None:
    pen.fill(rgb(MARK_COLOURS[kind]))
    pen.stroke(rgb("#ffffff"), radius * 0.12)
    pen.circle(x, y, radius, fill=True, stroke=True)
    size = radius * (2.0 if kind == "changed" else 1.6)
    font = FontMetrics(size, bold=True)
    pen.fill(rgb("#ffffff"))
    pen.text_centred(x, y + (font.ascent + font.descent) / 2, MARK_SYMBOLS[kind], size, bold=True)


def _summary(
    pen: Pen, box: Rect, unit: float, key: list[tuple[CardKind, str]], counts: str, averages: list[str]
) -> None:
    """The key to the marks and the counts on the first line, each phase's average score before and after on the
    next (a line per persona with several; cut with "…" where the page is too narrow)."""
    size = LEGEND_SIZE * unit
    font = FontMetrics(size)
    pen.stroke(rgb(style.GRID_LINE), max(0.5, unit * 0.08))
    pen.line(box.x, box.y, box.right, box.y)
    baseline = box.y + 1.2 * unit + font.ascent
    x = box.x
    for kind, name in key:
        _badge(pen, x + 0.7 * unit, baseline - font.ascent / 2 + font.descent / 2, 0.7 * unit, kind)
        pen.fill(rgb(style.INK))
        x += 1.7 * unit + pen.text(x + 1.7 * unit, baseline, name, size) + 1.2 * unit
    pen.fill(rgb(style.INK))
    pen.text(x + 1.5 * unit, baseline, counts, size, bold=True)
    pen.fill(rgb(style.MUTED_INK))
    for row, text in enumerate(averages, start=1):
        pen.text(box.x, baseline + 1.6 * size * row, font.elide(text, box.width), size)
