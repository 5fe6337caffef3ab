"""A poster's title block and legend, drawn with any `Ink` (reportlab's canvas for the PDF, a QPainter for PNG and
SVG pictures), so a poster and a picture carry the same words in the journey's language.

The legend flows: its pieces (the score key, the hints, the vote dots, the journey's figures, every channel used,
"Made with cjmapper", and with the heat view the heat key: the metrics shown, what orange, blue and darkness mean)
go left to right and wrap onto another row where the next one does not fit, so nothing overlaps and no channel is
cut; `Legend.rows` says how many rows a width takes, for the page's chrome to make room.
Coordinates run top-down (y = 0 at the top), in the page's units (points on a poster, pixels in a picture).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from cjmapper import style
from cjmapper.channels import channel_label
from cjmapper.i18n import decimal
from cjmapper.layout import Rect
from cjmapper.model import SCORE_MAX, SCORE_MIN, Journey, summarize
from cjmapper.poster.labels import framework_name, label, language_name, long_date
from cjmapper.style import RGB, rgb
from cjmapper.survey.heat import heat_colour
from cjmapper.text import FontMetrics

Box = Rect


class Ink(Protocol):
    """What the title block and legend draw with; y grows downwards."""

    def fill(self, colour: RGB) -> None: ...

    def stroke(self, colour: RGB, width: float) -> None: ...

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None: ...

    def text(self, x: float, baseline: float, text: str, size: float, bold: bool = False) -> float:
        """Draw `text` on one line starting at x (the fill colour); returns its width."""
        ...

    def circle(self, x: float, y: float, radius: float, fill: bool, stroke: bool) -> None: ...


def draw_title_block(pen: Ink, journey: Journey, box: Box, unit: float, printed: date, version: str | None) -> None:
    """Journey title, then persona, framework, date and language; on the right the persona: name, description, and
    the goals and frustrations, each labelled ("Goals: …", "Frustrations: …" in the journey's language)."""
    language = journey.language
    title_size = 2.6 * unit
    meta_size = 1.15 * unit
    persona = journey.persona
    paragraphs: list[tuple[str, str]] = []
    """(label, text) of the persona column: the description unlabelled, then goals and frustrations."""
    if persona is not None:
        for key, text in (("", persona.description), ("goals", persona.goals), ("frustrations", persona.frustrations)):
            if text.strip():
                paragraphs.append((f"{label(key, language)}:" if key else "", " ".join(text.split())))
    right_width = box.width * (0.38 if len(paragraphs) == 3 else 0.34) if paragraphs else 0.0
    left_width = box.width - right_width - (2 * unit if right_width else 0)
    title_font = FontMetrics(title_size, bold=True)
    lines = title_font.wrap(journey.title or "", left_width, 2)[0] or ("",)
    if len(lines) == 2 and title_font.ascent * 2.4 > box.height * 0.75:
        lines = (title_font.elide(journey.title, left_width),)
    pen.fill(rgb(style.INK))
    top = box.y
    for line in lines:
        pen.text(box.x, top + title_font.ascent, line, title_size, bold=True)
        top += (title_font.ascent - title_font.descent) * 1.05
    facts: list[str] = []
    if persona is not None and persona.name:
        facts.append(f"{label('persona', language)}: {persona.name}")
    facts.append(f"{label('framework', language)}: {framework_name(journey.framework, language)}")
    if version:
        facts.append(f"{label('version', language)}: {version}")
    facts.append(f"{label('printed', language)}: {long_date(printed.year, printed.month, printed.day, language)}")
    facts.append(f"{label('language', language)}: {language_name(journey.language, language)}")
    # The facts whole where a closer spacing or a slightly smaller size fits them; cut with "…" only past that.
    choices = [(sep, meta_size * k) for k in (1.0, 0.9, 0.8) for sep in ("   ·   ", "  ·  ")]
    sep, meta_size = next(
        ((sep, size) for sep, size in choices if FontMetrics(size).width(sep.join(facts)) <= left_width), choices[-1]
    )
    meta = FontMetrics(meta_size).elide(sep.join(facts), left_width)
    pen.fill(rgb(style.MUTED_INK))
    pen.text(box.x, top + 0.4 * unit + FontMetrics(meta_size).ascent, meta, meta_size)
    pen.stroke(rgb(style.GRID_LINE), max(0.5, unit * 0.08))
    pen.line(box.x, box.bottom, box.right, box.bottom)
    if right_width and persona is not None:
        x = box.right - right_width
        # The largest of three sizes at which everything fits; else the smallest, each paragraph cut with "…".
        for size in (1.05 * unit, 0.92 * unit, 0.8 * unit):
            font = FontMetrics(size)
            bold = FontMetrics(size, bold=True)
            line_height = (font.ascent - font.descent) * 1.15
            available = max(1, int((box.bottom - 0.5 * unit - box.y - line_height) // line_height))
            texts = [f"{prefix} {text}" if prefix else text for prefix, text in paragraphs]
            # A bold label is wider than the same word set regular: wrap its paragraph that much narrower.
            widths = [right_width - (bold.width(prefix) - font.width(prefix)) for prefix, _ in paragraphs]
            needed = [len(font.wrap(t, w, available + 1)[0]) for t, w in zip(texts, widths, strict=True)]
            if sum(needed) <= available:
                break
        # Lines per paragraph: one each first (goals and frustrations before the description), then in turn.
        lines_for = [0] * len(paragraphs)
        left = available
        for i in sorted(range(len(paragraphs)), key=lambda i: paragraphs[i][0] == ""):
            if left:
                lines_for[i] = 1
                left -= 1
        while left and any(n < need for n, need in zip(lines_for, needed, strict=True)):
            for i, need in enumerate(needed):
                if left and lines_for[i] < need:
                    lines_for[i] += 1
                    left -= 1
        top = box.y
        pen.fill(rgb(style.INK))
        pen.text(x, top + bold.ascent, bold.elide(persona.name, right_width), size, bold=True)
        top += line_height
        for (prefix, _), text, width, count in zip(paragraphs, texts, widths, lines_for, strict=True):
            if not count:
                continue
            for i, line in enumerate(font.wrap(text, width, count)[0]):
                at = x
                if i == 0 and prefix and line.startswith(prefix):
                    pen.fill(rgb(style.INK))
                    at += pen.text(at, top + font.ascent, prefix, size, bold=True)
                    line = line[len(prefix) :]
                pen.fill(rgb(style.MUTED_INK))
                pen.text(at, top + font.ascent, line, size)
                top += line_height


# ---------------------------------------------------------------------------------------------------- legend

TITLE_UNITS = 7.5
"""The title block's height, in units (hundredths of the page's short side on a poster)."""
GAP_UNITS = 1.5
"""The room between the title block, the map and the legend, in units."""
LEGEND_SIZE = 1.05
"""The legend's type size, in units (hundredths of the page's short side on a poster)."""
ROW_PITCH = 1.5
"""The legend's rows are this many text heights apart."""
TWO_ROWS = 5.0
"""The height of a two-row legend, in units; each further row adds a row pitch."""


@dataclass(frozen=True, slots=True)
class Text:
    """A line of legend text: left end of its baseline, in `colour`."""

    x: float
    baseline: float
    text: str
    size: float
    colour: RGB
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Dot:
    """A filled circle (`fill`), a ring (`ring`, `ring_width` wide) or both, centred on (x, y)."""

    x: float
    y: float
    radius: float
    fill: RGB | None
    ring: RGB | None = None
    ring_width: float = 0.0


Mark = Text | Dot


@dataclass(frozen=True, slots=True)
class _Piece:
    """What the legend keeps together on one row: marks relative to its left end and the row's baseline, its width,
    and the room before it when it follows another piece on the row (with `separator` centred in that room)."""

    width: float
    marks: tuple[Mark, ...]
    gap: float
    separator: Text | None = None


def _shifted(mark: Mark, dx: float, baseline: float) -> Mark:
    if isinstance(mark, Text):
        return Text(mark.x + dx, mark.baseline + baseline, mark.text, mark.size, mark.colour, mark.bold)
    return Dot(mark.x + dx, mark.y + baseline, mark.radius, mark.fill, mark.ring, mark.ring_width)


Row = list[tuple[float, _Piece]]
"""Pieces on one row with their left ends."""


def _flow(pieces: Sequence[_Piece], width: float, indent: float) -> list[Row]:
    """Pieces left to right, a new row (starting at `indent`) wherever the next one does not fit."""
    rows: list[Row] = [[]]
    end = 0.0
    for piece in pieces:
        row = rows[-1]
        start = end + piece.gap if row else end
        if row and start + piece.width > width + 1e-6:
            rows.append([])
            row = rows[-1]
            start = indent
        row.append((start, piece))
        end = start + piece.width
    return rows


def _row_end(row: Row) -> float:
    return row[-1][0] + row[-1][1].width if row else 0.0


class Legend:
    """A journey's legend in its language: the score key, the vote dots, the journey's figures (touchpoints,
    average, CSAT), the channels used, and where the map was made. `place` flows it into a box of any width."""

    def __init__(self, journey: Journey, heat: Sequence[str] | None = None) -> None:
        """`heat`: the metrics the heat view shows (`HeatMarks.metrics`) when the page shows it; None without."""
        language = journey.language
        self.heat = None if heat is None else tuple(heat)
        self.heat_words = (
            label("heat", language, ", ".join(heat or ()) or "-"),
            label("heat_short", language),
            label("heat_on", language),
            label("heat_beyond", language),
            label("heat_darker", language),
        )
        self.score = label("score", language)
        self.hints = (label("score_low", language), label("score_high", language), f"○ {label('no_score', language)}")
        self.votes = label("votes", language)
        summary = summarize(journey)
        figures = [
            label("touchpoints_1", language)
            if summary.touchpoints == 1
            else label("touchpoints_n", language, summary.touchpoints)
        ]
        if summary.average is not None:
            figures.append(label("average", language, decimal(summary.average, language)))
        if summary.csat is not None:
            csat = f"{round(summary.csat * 100)}%"
            figures.append(f"{label('csat', language, csat)} ({label('csat_hint', language)})")
        self.figures = tuple(figures)
        used: list[str] = []
        for t in journey.ordered_touchpoints():
            name = channel_label(t.channel, language)
            if name and name not in used:
                used.append(name)
        self.channels_prefix = f"{label('channels', language)}:"
        self.channels = tuple(used) or (label("no_channels", language),)
        self.made = label("made_with", language)

    def rows(self, width: float, unit: float) -> int:
        """How many rows the legend takes in a box `width` wide."""
        return self.place(Box(0.0, 0.0, width, height_for(2, unit)), unit)[1]

    def place(self, box: Box, unit: float) -> tuple[tuple[Mark, ...], int]:
        """Every mark of the legend flowed into `box` (its top is the legend's rule), and the number of rows."""
        size = LEGEND_SIZE * unit
        font, bold = FontMetrics(size), FontMetrics(size, bold=True)
        width = box.width
        ink, muted = rgb(style.INK), rgb(style.MUTED_INK)

        def text(words: str, colour: RGB, strong: bool = False, gap: float = 0.0, separator: str = "") -> _Piece:
            measure = bold if strong else font
            shown = words if measure.width(words) <= width else measure.elide(words, width)
            mark = Text(0.0, 0.0, shown, size, colour, strong)
            between = Text(-(gap + measure.width(separator)) / 2, 0.0, separator, size, colour, strong)
            return _Piece(measure.width(shown), (mark,), gap, between if separator else None)

        dot_y = -font.ascent / 2.6
        radius = 0.75 * unit
        key: list[Mark] = [Text(0.0, 0.0, self.score, size, ink, True)]
        x = bold.width(self.score) + unit
        for score in range(SCORE_MIN, SCORE_MAX + 1):
            fill = rgb(style.SCORE_COLORS[score])
            key.append(Dot(x + radius, dot_y, radius, fill))
            digit = str(score)
            digit_width = FontMetrics(size * 0.85, bold=True).width(digit)
            key.append(Text(x + radius - digit_width / 2, 0.0, digit, size * 0.85, style.ink_on(fill), True))
            x += 2 * radius + 0.5 * unit
        key.append(Dot(x + radius, dot_y, radius * 0.9, None, rgb(style.NO_SCORE), max(0.5, unit * 0.12)))
        x += 2 * radius
        hint_gap = font.width("  ·  ")
        first: list[_Piece] = [_Piece(x, tuple(key), 0.0)]
        first += [text(h, muted, gap=hint_gap if i else 0.5 * unit, separator="·" if i else "") for i, h in
                  enumerate(self.hints)]  # fmt: skip
        dots = tuple(Dot(i * 0.7 * unit + 0.25 * unit, dot_y, 0.25 * unit, rgb(style.VOTE_DOT)) for i in range(3))
        votes = text(self.votes, muted)
        first.append(_Piece(2.4 * unit + votes.width, (*dots, _shifted(votes.marks[0], 2.4 * unit, 0.0)), 1.5 * unit))
        figure_gap = bold.width("   ·   ")
        figures = [text(f, ink, True, figure_gap, "·") for f in self.figures]
        prefix = text(self.channels_prefix, ink, True)
        space = font.width(" ")
        names = [text(n + ("," if i < len(self.channels) - 1 else ""), muted, gap=space)
                 for i, n in enumerate(self.channels)]  # fmt: skip
        second = [prefix, *names]
        made = [text(self.made, muted)]
        rows: list[Row] = []
        for left, right, indent in ((first, figures, 0.0), (second, made, prefix.width + space)):
            left_rows = _flow(left, width, indent)
            right_rows = _flow(right, width, 0.0)
            # The right-hand pieces end at the right edge: on the left's last row when they fit there.
            right_rows = [[(x + width - _row_end(row), p) for x, p in row] for row in right_rows]
            last = left_rows[-1]
            if right_rows[0][0][0] >= _row_end(last) + 2 * unit:
                (x, piece), *rest = right_rows.pop(0)
                last += [(x, replace(piece, separator=None)), *rest]
            rows += left_rows + right_rows
        if self.heat is not None:
            rows += _flow(self._heat_key(text, unit, radius, dot_y, font.width("  ·  ")), width, 0.0)
        marks: list[Mark] = []
        top = box.y + 0.9 * unit + bold.ascent
        pitch = ROW_PITCH * (font.ascent - font.descent)
        for i, row in enumerate(rows):
            baseline = top + i * pitch
            for n, (x, piece) in enumerate(row):
                at = box.x + x
                if n and piece.separator is not None:
                    marks.append(_shifted(piece.separator, at, baseline))
                marks += (_shifted(mark, at, baseline) for mark in piece.marks)
        return tuple(marks), len(rows)

    def _heat_key(
        self, text: Callable[..., _Piece], unit: float, radius: float, dot_y: float, gap: float
    ) -> list[_Piece]:
        """The heat view's key: its metrics, then dots of its colours each with what it means, and the darkness."""
        ink, muted = rgb(style.INK), rgb(style.MUTED_INK)
        title, short, on, beyond, darker = self.heat_words
        pieces = [text(title, ink, True)]
        for i, (heats, words) in enumerate((((-1.0, -0.5), short), ((0.0,), on), ((0.5, 1.0), beyond))):
            dots = tuple(
                Dot(
                    n * (2 * radius + 0.3 * unit) + radius,
                    dot_y,
                    radius,
                    rgb(heat_colour(h)),
                    rgb(style.NO_SCORE),
                    max(0.5, unit * 0.1),
                )
                for n, h in enumerate(heats)
            )
            x = len(heats) * (2 * radius + 0.3 * unit) + 0.2 * unit
            words_piece = text(words, muted)
            mark = _shifted(words_piece.marks[0], x, 0.0)
            pieces.append(_Piece(x + words_piece.width, (*dots, mark), gap if i else unit))
        pieces.append(text(darker, muted, gap=gap, separator="·"))
        return pieces


def height_for(rows: int, unit: float) -> float:
    """The height of a legend of `rows` rows (at least two: the score key and the channels)."""
    font = FontMetrics(LEGEND_SIZE)
    return (TWO_ROWS + max(0, rows - 2) * ROW_PITCH * (font.ascent - font.descent)) * unit


def draw_legend(pen: Ink, legend: Legend, box: Box, unit: float) -> None:
    """The legend flowed into `box`, under a rule along its top."""
    pen.stroke(rgb(style.GRID_LINE), max(0.5, unit * 0.08))
    pen.line(box.x, box.y, box.right, box.y)
    for mark in legend.place(box, unit)[0]:
        if isinstance(mark, Text):
            pen.fill(mark.colour)
            pen.text(mark.x, mark.baseline, mark.text, mark.size, mark.bold)
            continue
        if mark.fill is not None:
            pen.fill(mark.fill)
        if mark.ring is not None:
            pen.stroke(mark.ring, mark.ring_width)
        pen.circle(mark.x, mark.y, mark.radius, mark.fill is not None, mark.ring is not None)
