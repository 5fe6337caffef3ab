"""Drawing one poster page with reportlab: the map (from the `Layout`, as the canvas draws it) between the title
block and the legend (`cjmapper.poster.chrome`, which pictures share). Only `Canvas.drawString` sets text, so user
text is never parsed as markup: "R&D", "a<b" and "<b>" print as typed. Each string is cut into runs of the
bundled fonts (`font_runs`), so emoji and Chinese print from the fallback fonts instead of as empty boxes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper import style
from cjmapper.headers import fit_corner_title, fit_phase_header
from cjmapper.i18n import decimal
from cjmapper.layout import AVERAGE_BAR_SHARE, CROWDED_DOT, Curve, LaneBox, Layout, PhaseBox, curve_dots, curve_y
from cjmapper.model import SCORE_MAX, SCORE_MIN, Journey, LaneKind, Touchpoint
from cjmapper.persona_curves import LEGEND_FONT, LEGEND_SWATCH, TO_BE, TO_BE_WORDS, figure_text
from cjmapper.poster.chrome import Legend, draw_legend, draw_title_block
from cjmapper.poster.icons import IconStamps
from cjmapper.poster.labels import label
from cjmapper.poster.photos import draw_thumbnail
from cjmapper.poster.plan import Chrome
from cjmapper.poster.status_mark import draw_status_mark
from cjmapper.style import RGB, rgb
from cjmapper.text import FontMetrics, font_runs

Tick = Callable[[int], None]
"""Called after each batch of cards with the number drawn in that batch (progress, and the chance to cancel)."""

TICK_EVERY = 50


class Pen:
    """Text and colour helpers over a reportlab canvas, in a coordinate system where y grows downwards: every y
    passed in is negated before it reaches the canvas (the caller has flipped the origin to the top)."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self._fill: RGB | None = None
        self._stroke: RGB | None = None
        self._width: float | None = None

    def fill(self, colour: RGB) -> None:
        if colour != self._fill:
            self.c.setFillColorRGB(*colour)
            self._fill = colour

    def stroke(self, colour: RGB, width: float) -> None:
        if colour != self._stroke:
            self.c.setStrokeColorRGB(*colour)
            self._stroke = colour
        if width != self._width:
            self.c.setLineWidth(width)
            self._width = width

    def forget(self) -> None:
        """After restoreState the canvas' colours are unknown again."""
        self._fill = self._stroke = None
        self._width = None

    def rect(self, x: float, y: float, width: float, height: float, fill: RGB, stroke: RGB | None = None) -> None:
        self.fill(fill)
        if stroke is not None:
            self.stroke(stroke, self._width or 1.0)
        self.c.rect(x, -y - height, width, height, stroke=int(stroke is not None), fill=1)

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.c.line(x1, -y1, x2, -y2)

    def circle(self, x: float, y: float, radius: float, fill: bool, stroke: bool) -> None:
        self.c.circle(x, -y, radius, stroke=int(stroke), fill=int(fill))

    def text(self, x: float, baseline: float, text: str, size: float, bold: bool = False) -> float:
        """Draw `text` on one line starting at x; returns its width."""
        width = 0.0
        c = self.c
        for name, run in font_runs(text, bold):
            c.setFont(name, size)
            c.drawString(x + width, -baseline, run)
            width += c.stringWidth(run, name, size)
        return width

    def text_right(self, right: float, baseline: float, text: str, size: float, bold: bool = False) -> None:
        self.text(right - FontMetrics(size, bold).width(text), baseline, text, size, bold)

    def text_centred(self, centre: float, baseline: float, text: str, size: float, bold: bool = False) -> None:
        self.text(centre - FontMetrics(size, bold).width(text) / 2, baseline, text, size, bold)


def baseline(top: float, line_height: float, size: float, bold: bool = False) -> float:
    """The baseline of text set at `size` centred in a line box of `line_height` starting at `top` (as Qt centres
    a line of text: the font's ascent plus descent in the middle)."""
    font = FontMetrics(size, bold)
    return top + (line_height - (font.ascent - font.descent)) / 2 + font.ascent


# ---------------------------------------------------------------------------------------------------- the map


class MapPainter:
    """Draws the map in layout units; the caller has scaled and flipped the canvas (origin at the map's top left)."""

    def __init__(self, pen: Pen, journey: Journey, layout: Layout) -> None:
        self.pen = pen
        self.journey = journey
        self.layout = layout
        self.m = layout.metrics
        self.cards: dict[int, Touchpoint] = {t.id: t for t in journey.touchpoints}
        self.lane_colours = {lane.id: style.lane_color(lane.kind, lane.color) for lane in journey.lanes}
        self.phase_colours = {p.id: style.phase_color(i, p.color) for i, p in enumerate(journey.phases)}
        self.kinds = {lane.id: lane.kind for lane in journey.lanes}
        self.icons = IconStamps(pen.c)

    def draw(self, tick: Tick) -> None:
        self._corner()
        self._cells()
        for box in self.layout.phases:
            self._phase_header(box)
        lanes = {lane.id: lane for lane in self.journey.lanes}
        curves = {curve.lane_id: curve for curve in self.layout.curves}
        for lane_box in self.layout.lanes:
            self._lane_header(lane_box, lanes[lane_box.lane_id].name, lane_box.index % 2 == 1)
            if lanes[lane_box.lane_id].kind is LaneKind.EMOTIONS:
                self._curve(lane_box, curves.get(lane_box.lane_id))
        self._cards(tick)

    # ------------------------------------------------------------------ structure

    def _corner(self) -> None:
        """The journey's title, when it fits the corner whole (else the title block above says it alone)."""
        m = self.m
        pen = self.pen
        width, height = m.lane_header_width, m.phase_header_height
        pen.rect(0, 0, width, height, rgb(style.CORNER_BACKGROUND))
        corner = fit_corner_title(width, height, self.journey.title, m)
        if not corner.whole:
            return
        font = FontMetrics(corner.size, bold=True)
        top = corner.top
        pen.fill(rgb(style.INK))
        for line in corner.lines:
            pen.text(corner.left, top + font.ascent, line, corner.size, bold=True)
            top += corner.line_height

    def _cells(self) -> None:
        pen = self.pen
        for box in self.layout.lanes:
            row = box.row
            pen.rect(row.x, row.y, row.width, row.height, rgb(self.row_background(box.index)))
        self._grid_lines()

    @staticmethod
    def row_background(index: int) -> str:
        """The background (#rrggbb) of the lane row at `index`: plain and alternate rows."""
        return style.CELL_BACKGROUND_ALT if index % 2 else style.CELL_BACKGROUND

    def _grid_lines(self) -> None:
        pen = self.pen
        pen.stroke(rgb(style.GRID_LINE), 0.75)
        for phase in self.layout.phases:
            pen.line(phase.column.x, phase.column.y, phase.column.x, phase.column.bottom)
        for box in self.layout.lanes:
            pen.line(box.row.x, box.row.bottom, box.row.right, box.row.bottom)
        if self.layout.phases:
            last = self.layout.phases[-1].column
            pen.line(last.right, last.y, last.right, last.bottom)

    def _phase_header(self, box: PhaseBox) -> None:
        m = self.m
        pen = self.pen
        language = self.journey.language
        h = box.header
        phase = self.journey.phase(box.phase_id)
        pen.rect(h.x, h.y, h.width, h.height, rgb(style.HEADER_BACKGROUND))
        pen.rect(h.x, h.y, h.width, style.PHASE_BAND, rgb(self.phase_colours[box.phase_id]))
        pen.stroke(rgb(style.GRID_LINE), 0.75)
        pen.line(h.right, h.y, h.right, h.bottom)
        pen.line(h.x, h.bottom, h.right, h.bottom)
        cards = [t for t in self.journey.touchpoints if t.phase_id == box.phase_id]
        scores = [t.score for t in cards if t.score is not None]
        average = sum(scores) / len(scores) if scores else None
        count = label("touchpoints_1", language) if len(cards) == 1 else label("touchpoints_n", language, len(cards))
        badge_text = label("avg", language, decimal(average, language)) if average is not None else None
        fitted = fit_phase_header(h.width, h.height, phase.name, (count, str(len(cards))), badge_text, m)
        pen.fill(rgb(style.INK))
        top = h.y + fitted.name_top
        for line in fitted.name_lines:
            pen.text(h.x + fitted.figures.x, baseline(top, fitted.name_line_height, fitted.name_size, True), line,
                     fitted.name_size, bold=True)  # fmt: skip
            top += fitted.name_line_height
        figures, size = fitted.figures, fitted.figures_size
        line_top = h.y + figures.y
        if fitted.badge is not None and average is not None:
            badge = fitted.badge
            fill = style.score_rgb(average)
            pen.fill(fill)
            pen.c.roundRect(h.x + badge.x, -line_top - badge.height, badge.width, badge.height, badge.height / 2,
                            stroke=0, fill=1)  # fmt: skip
            pen.fill(style.ink_on(fill))
            pen.text_centred(h.x + badge.x + badge.width / 2, baseline(line_top, badge.height, size, True),
                             fitted.badge_text, size, bold=True)  # fmt: skip
        pen.fill(rgb(style.MUTED_INK))
        pen.text(h.x + figures.x, baseline(line_top, figures.height, size), fitted.count, size)

    def _lane_header(self, box: LaneBox, name: str, alternate: bool) -> None:
        m = self.m
        pen = self.pen
        h = box.header
        background = style.LANE_HEADER_BACKGROUND_ALT if alternate else style.LANE_HEADER_BACKGROUND
        pen.rect(h.x, h.y, h.width, h.height, rgb(background))
        pen.rect(h.x, h.y, style.LANE_STRIPE, h.height, rgb(self.lane_colours[box.lane_id]))
        pen.stroke(rgb(style.GRID_LINE), 0.75)
        pen.line(h.right, h.y, h.right, h.bottom)
        pen.line(h.x, h.bottom, h.right, h.bottom)
        width = h.width - 38 - 5
        size = m.header_font_size
        for candidate in (m.header_font_size, m.header_font_size - 1, m.header_font_size - 2):
            size = candidate
            if all(FontMetrics(candidate, bold=True).width(word) <= width for word in name.split()):
                break
        font = FontMetrics(size, bold=True)
        line_height = font.ascent - font.descent + 1
        fitting = max(1, int((h.height - 16) // line_height))
        lines = font.wrap(name, width, min(3, fitting))[0]
        top = h.y + 13 + (20 - line_height) / 2
        pen.fill(rgb(style.INK))
        for line in lines:
            pen.text(h.x + 38, baseline(top, line_height, size, True), line, size, bold=True)
            top += line_height
        kind = self.journey.lane(box.lane_id).kind
        icon = self.icons.lane(kind)
        if icon is None:
            self._lane_glyph(kind, h.x + 12, h.y + 13)
        else:
            self._place(icon, h.x + 12, h.y + 13, 20)

    def _place(self, form: str, x: float, y: float, size: float) -> None:
        """An icon form with its top left at (x, y), `size` units square."""
        c = self.pen.c
        c.saveState()
        c.translate(x, -y)
        c.scale(size, size)
        c.doForm(form)
        c.restoreState()

    def _lane_glyph(self, kind: LaneKind, x: float, y: float) -> None:
        """A simple drawn symbol per lane kind (the canvas' fallback glyphs), 20 units square."""
        c = self.pen.c
        self.pen.stroke(rgb(style.CURVE_LINE), 1.8)
        c.setLineCap(1)
        left, top, right, bottom = x + 3, y + 3, x + 17, y + 17
        cx, cy = x + 10, y + 10
        if kind is LaneKind.EMOTIONS:
            path = c.beginPath()
            path.moveTo(left, -(cy + 3))
            path.curveTo(cx - 3, -top, cx + 3, -bottom, right, -(cy - 3))
            c.drawPath(path, stroke=1, fill=0)
        elif kind is LaneKind.PAIN_POINTS:
            c.line(cx, -top, cx, -(bottom - 5))
            c.circle(cx, -bottom, 0.9, stroke=1, fill=0)
        elif kind is LaneKind.OPPORTUNITIES:
            c.circle(cx, -(top + 5), 5, stroke=1, fill=0)
            c.line(cx - 2.5, -(bottom - 2), cx + 2.5, -(bottom - 2))
        elif kind is LaneKind.THOUGHTS:
            c.roundRect(left, -(bottom - 5), right - left, bottom - 5 - top, 5, stroke=1, fill=0)
            c.circle(left + 3.5, -(bottom - 1.5), 1.5, stroke=1, fill=0)
        else:
            c.roundRect(left, -bottom, right - left, bottom - top, 3, stroke=1, fill=0)
            c.line(left + 3, -cy, right - 3, -cy)
        c.setLineCap(0)

    def _curve(self, lane: LaneBox, curve: Curve | None) -> None:
        m = self.m
        pen = self.pen
        c = pen.c
        language = self.journey.language
        r = lane.row
        pen.rect(r.x, r.y, r.width, r.height, rgb(style.CURVE_BACKGROUND))
        pen.stroke(rgb(style.GRID_LINE), 0.75)
        for phase in self.layout.phases:
            pen.line(phase.column.x, r.y, phase.column.x, r.bottom)
        pen.line(r.right, r.y, r.right, r.bottom)
        pen.line(r.x, r.bottom, r.right, r.bottom)
        small = m.font_size - 1
        c.setDash(3, 3)
        for score in range(SCORE_MIN, SCORE_MAX + 1):
            y = curve_y(lane, score)
            pen.stroke(rgb(style.CURVE_GUIDE), 1.0)
            pen.line(r.x + 18, y, r.right, y)
        c.setDash()
        for score in range(SCORE_MIN, SCORE_MAX + 1):
            y = curve_y(lane, score)
            pen.fill(style.shade(style.SCORE_COLORS[score], style.SCORE_RING))
            pen.text_centred(r.x + 10, baseline(y - 8, 16, small), str(score), small)
        if curve is None:
            return
        columns = {p.phase_id: p.column for p in self.layout.phases}
        marks = [(mark, columns[mark.phase_id], box) for mark, box in zip(curve.phase_marks, curve.labels, strict=True)
                 if mark.phase_id in columns]  # fmt: skip
        for mark, column, _ in marks:
            colour = self.phase_colours.get(mark.phase_id, style.CURVE_LINE)
            half = column.width * AVERAGE_BAR_SHARE
            c.setDash(6, 3)
            pen.stroke(style.shade(colour, 0.15), 2.0)
            pen.line(mark.x - half, mark.y, mark.x + half, mark.y)
            c.setDash()
        self._persona_marks(curve)
        self._persona_lines(curve)
        if not curve.points:
            return
        path = c.beginPath()
        first, *rest = curve.points
        path.moveTo(first.x, -first.y)
        for point in rest:
            path.lineTo(point.x, -point.y)
        c.setLineJoin(1)
        pen.stroke(rgb(curve.personas.first_colour or style.CURVE_LINE), 2.5)
        c.drawPath(path, stroke=1, fill=0)
        c.setLineJoin(0)
        # Each scored card's dot: its score badge, the digit in its colour (a crowded dot smaller, colour only).
        radius, digits = curve_dots(curve.points, m)
        size = style.BADGE_FONT_SIZE * radius / style.BADGE_RADIUS
        digit_base = baseline(-radius, 2 * radius, size, True)
        for point, digit in zip(curve.points, digits, strict=True):
            fill = style.score_rgb(point.score)
            pen.fill(fill)
            if digit:
                pen.stroke(style.shade(style.SCORE_COLORS.get(point.score, style.NO_SCORE), style.SCORE_RING), 1.0)
                c.circle(point.x, -point.y, radius - 0.5, stroke=1, fill=1)
                pen.fill(style.ink_on(fill))
                pen.text_centred(point.x, point.y + digit_base, str(point.score), size, bold=True)
            else:
                pen.stroke((1.0, 1.0, 1.0), 1.5)
                c.circle(point.x, -point.y, radius * CROWDED_DOT, stroke=1, fill=1)
        # The averages' labels where the layout put them, clear of the curve (over it only where a crowded phase
        # leaves no room).
        for mark, _, box in marks:
            colour = self.phase_colours.get(mark.phase_id, style.CURVE_LINE)
            text = label("avg", language, decimal(mark.average, language))
            pen.fill((1.0, 1.0, 1.0))
            c.roundRect(box.x, -box.bottom, box.width, box.height, 4, stroke=0, fill=1)
            pen.fill(style.shade(colour, 0.35))
            pen.text_centred(box.x + box.width / 2, baseline(box.y, box.height, small, True), text, small, bold=True)

    def _persona_lines(self, curve: Curve) -> None:
        """The other personas' curves and every to-be curve (dashed), each in its persona's colour."""
        c, pen = self.pen.c, self.pen
        c.setLineJoin(1)
        for line in curve.personas.lines:
            path = c.beginPath()
            first, *rest = line.points
            path.moveTo(first.x, -first.y)
            for point in rest:
                path.lineTo(point.x, -point.y)
            if line.to_be:
                c.setDash(5, 3)
            pen.stroke(rgb(line.colour), 2.0)
            c.drawPath(path, stroke=1, fill=0)
            c.setDash()
            pen.fill(rgb(line.colour))
            for point in line.points:
                c.circle(point.x, -point.y, 2.2, stroke=0, fill=1)
        c.setLineJoin(0)

    def _persona_marks(self, curve: Curve) -> None:
        """Each phase's figures per persona (average, target, gap) and the legend naming the personas."""
        c, pen = self.pen.c, self.pen
        language = self.journey.language
        size = LEGEND_FONT
        for figure in curve.personas.figures:
            pen.fill(rgb(figure.colour))
            text = figure_text(figure, lambda value: decimal(value, language))
            pen.text(figure.x, figure.y + size, text, size, bold=figure.persona == 0)
        for entry in curve.personas.legend:
            if entry.persona == TO_BE:
                c.setDash(5, 3)
            pen.stroke(rgb(entry.colour), 2.0)
            pen.line(entry.x, entry.y, entry.x + LEGEND_SWATCH, entry.y)
            c.setDash()
            pen.fill(rgb(entry.colour))
            name = TO_BE_WORDS[language.value] if entry.persona == TO_BE else entry.name
            pen.text(entry.x + LEGEND_SWATCH + 4, entry.y + size * 0.35, name, size)

    # ------------------------------------------------------------------ cards

    def _cards(self, tick: Tick) -> None:
        """Every card: its shapes as stamps (PDF forms drawn once per size and colour, placed per card), then all
        card text in one text object on top (cards never overlap, so the order between cards does not matter)."""
        m = self.m
        c = self.pen.c
        stamps = Stamps(c)
        text = CardText(c)
        title_base = baseline(0, m.line_height, m.font_size)
        note_base = baseline(0, m.note_line_height, m.note_font_size)
        footer_base = baseline(0, m.footer_height, m.font_size)
        badge_base = baseline(-style.BADGE_RADIUS, 2 * style.BADGE_RADIUS, style.BADGE_FONT_SIZE, True)
        label_font = FontMetrics(m.font_size)
        ink, muted, dots = rgb(style.INK), rgb(style.MUTED_INK), rgb(style.VOTE_DOT)
        done = 0
        for box in self.layout.cards.values():
            card = self.cards[box.touchpoint_id]
            colour = card.color or self.lane_colours.get(box.lane_id, style.LANE_COLORS[LaneKind.TOUCHPOINTS])
            r = box.rect
            x, y, w, h = r.x, r.y, r.width, r.height
            parts = box.parts(m)  # the card's insides, where the canvas puts them too
            footer_top = parts.footer.y
            badge_x, badge_y = parts.badge_x, parts.badge_y
            votes = card.votes
            shown = min(votes, style.MAX_DOTS if votes <= style.MAX_DOTS else style.MAX_DOTS - 2)
            c.saveState()
            c.translate(x, -y)
            c.doForm(stamps.body(w, h, colour))
            draw_status_mark(c, card.status, parts)
            draw_thumbnail(c, card.image, parts.thumbnail)
            icon = self.icons.channel(card.channel)
            if icon is not None:
                c.saveState()
                c.translate(parts.icon.x, -parts.icon.y)
                c.scale(parts.icon.width, parts.icon.height)
                c.doForm(icon)
                c.restoreState()
            c.translate(badge_x, -badge_y)
            if style.shows_score_badge(card.score, self.kinds[box.lane_id]):
                c.doForm(stamps.badge(card.score))
            if shown:
                c.doForm(stamps.dots(shown))
            c.restoreState()
            # Title lines and notes as the layout wrapped them; the footer's channel name, votes and score.
            left = x + parts.title.x
            top = y + parts.title.y
            for line in box.title_lines:
                text.line(left, top + title_base, line, m.font_size, ink)
                top += m.line_height
            if box.note_lines:
                top = y + parts.notes.y
                for line in box.note_lines:
                    text.line(left, top + note_base, line, m.note_font_size, muted)
                    top += m.note_line_height
            if card.score is not None:
                fill = rgb(style.SCORE_COLORS.get(card.score, style.NO_SCORE))
                digit = str(card.score)
                width = FontMetrics(style.BADGE_FONT_SIZE, True).width(digit)
                text.line(x + badge_x - width / 2, y + badge_y + badge_base, digit, style.BADGE_FONT_SIZE,
                          style.ink_on(fill), bold=True)  # fmt: skip
            right = x + parts.dots_right
            if shown:
                if votes > shown:
                    more = f"+{votes - shown}"
                    right -= label_font.width(more)
                    text.line(right, y + footer_top + footer_base, more, m.font_size, dots)
                    right -= 2
                right -= ((shown + 1) // 2 if shown > 5 else shown) * parts.dot_pitch
            if box.channel_label:
                label_left = x + parts.label_x if icon is not None else left
                room = right - 6 - label_left
                label_text = box.channel_label
                if label_font.width(label_text) > room:
                    label_text = label_font.elide(label_text.rstrip("…"), room)
                if room > 0 and label_text:
                    text.line(label_left, y + footer_top + footer_base, label_text, m.font_size, muted)
            done += 1
            if done == TICK_EVERY:
                tick(done)
                done = 0
        text.draw()
        self.pen.forget()
        tick(done)


class Stamps:
    """Shapes that many cards share, each drawn once as a PDF form: a card body per size and colour, a score badge
    per score, vote dots per count. Placing a form costs a few bytes; drawing a rounded card costs a few hundred."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self._names: dict[tuple[object, ...], str] = {}

    def _form(self, key: tuple[object, ...], bounds: tuple[float, float, float, float]) -> tuple[str, bool]:
        """The form's name, and whether it is new (then it is open for drawing; call self.c.endForm())."""
        name = self._names.get(key)
        if name is not None:
            return name, False
        name = f"cjmStamp{len(self._names)}"
        while self.c.hasForm(name):  # another map's stamps on this canvas (the comparison poster draws two maps)
            name += "b"
        self._names[key] = name
        self.c.beginForm(name, *bounds)
        return name, True

    def body(self, width: float, height: float, colour: str) -> str:
        """A card's body with its top left at the origin (y grows downwards, negated)."""
        name, new = self._form(("body", width, height, colour), (-1, -height - 1, width + 1, 1))
        if new:
            c = self.c
            radius = style.CARD_RADIUS
            c.setFillColorRGB(*style.tint(colour, style.CARD_TINT))
            c.setStrokeColorRGB(*rgb(style.CARD_BORDER))
            c.setLineWidth(1.0)
            c.roundRect(0.5, -(height - 0.5), width - 1, height - 1, radius, stroke=1, fill=1)
            clip = c.beginPath()
            clip.rect(0, -height, style.STRIPE_WIDTH + 0.5, height)
            c.clipPath(clip, stroke=0, fill=0)
            c.setFillColorRGB(*rgb(colour))
            c.roundRect(0.5, -(height - 0.5), style.STRIPE_WIDTH + radius, height - 1, radius, stroke=0, fill=1)
            c.endForm()
        return name

    def badge(self, score: int | None) -> str:
        """The score badge centred on the origin: a filled circle with a darker rim, or a grey ring when there is
        no score."""
        radius = style.BADGE_RADIUS
        name, new = self._form(("badge", score), (-radius - 1, -radius - 1, radius + 1, radius + 1))
        if new:
            c = self.c
            if score is None:
                c.setStrokeColorRGB(*rgb(style.NO_SCORE))
                c.setLineWidth(1.5)
                c.circle(0, 0, radius - 0.75, stroke=1, fill=0)
            else:
                colour = style.SCORE_COLORS.get(score, style.NO_SCORE)
                c.setFillColorRGB(*rgb(colour))
                c.setStrokeColorRGB(*style.shade(colour, style.SCORE_RING))
                c.setLineWidth(1.0)
                c.circle(0, 0, radius - 0.5, stroke=1, fill=1)
            c.endForm()
        return name

    def dots(self, shown: int) -> str:
        """`shown` vote dots left of a badge centred on the origin, in one or two rows."""
        right = -style.BADGE_RADIUS - 5
        pitch = style.DOT_PITCH
        per_row = (shown + 1) // 2 if shown > 5 else shown
        rows = 2 if shown > 5 else 1
        name, new = self._form(("dots", shown), (right - per_row * pitch - 1, -pitch - 4, right + 1, pitch + 4))
        if new:
            c = self.c
            c.setFillColorRGB(*rgb(style.VOTE_DOT))
            for i in range(shown):
                row, column = divmod(i, per_row)
                dot_x = right - (per_row - column) * pitch + pitch / 2
                dot_y = (row - (rows - 1) / 2) * pitch
                c.circle(dot_x, -dot_y, style.DOT_DIAMETER / 2, stroke=0, fill=1)
            c.endForm()
        return name


class CardText:
    """One PDF text object holding many lines, each cut into font runs; sets font and colour only when they change
    (y grows downwards and is negated, like `Pen`). Only whole strings are set: nothing is parsed as markup."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.t = canvas.beginText()
        self._font: tuple[str, float] | None = None
        self._fill: RGB | None = None

    def line(self, x: float, baseline: float, text: str, size: float, fill: RGB, bold: bool = False) -> None:
        t = self.t
        if fill != self._fill:
            t.setFillColorRGB(*fill)
            self._fill = fill
        runs = font_runs(text, bold)
        for name, run in runs:
            if (name, size) != self._font:
                t.setFont(name, size)
                self._font = (name, size)
            # Each run starts at its own origin (not where the last one left the cursor), so readers that track
            # text positions, for search and copy, place every run exactly.
            t.setTextOrigin(x, -baseline)
            t.textOut(run)
            if len(runs) > 1:
                x += self.c.stringWidth(run, name, size)

    def draw(self) -> None:
        self.c.drawText(self.t)


# ---------------------------------------------------------------------------------------------------- around it


Painter = Callable[[Pen, Journey, Layout], MapPainter]
"""What draws the map: `MapPainter`, or one that adds to it (`cjmapper.poster.heat`)."""


def draw_map(
    canvas: Canvas,
    journey: Journey,
    layout: Layout,
    chrome_map: tuple[float, float, float],
    tick: Tick,
    painter: Painter = MapPainter,
) -> None:
    """The map with its top left at (x, top) in top-down page points, at `scale` points per layout unit."""
    x, top, scale = chrome_map
    canvas.saveState()
    canvas.translate(x, -top)
    canvas.scale(scale, scale)
    painter(Pen(canvas), journey, layout).draw(tick)
    canvas.restoreState()


def draw_poster(
    canvas: Canvas,
    journey: Journey,
    layout: Layout,
    page_height: float,
    chrome: Chrome,
    map_origin: tuple[float, float, float],
    printed: date,
    version: str | None,
    tick: Tick,
    painter: Painter = MapPainter,
) -> None:
    """One whole poster page on `canvas` (PDF coordinates: origin bottom left)."""
    canvas.saveState()
    canvas.translate(0, page_height)
    pen = Pen(canvas)
    draw_title_block(pen, journey, chrome.title, chrome.unit, printed, version)
    draw_legend(pen, Legend(journey, chrome.heat), chrome.legend, chrome.unit)
    draw_map(canvas, journey, layout, map_origin, tick, painter)
    canvas.restoreState()
