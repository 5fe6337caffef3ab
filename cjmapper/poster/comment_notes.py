"""Open comments printed on a poster as numbered notes (`PosterOptions.comments`): each card with open comments
gets a number, in the map's order, shown in its comment badge's place (`cjmapper.layout.comment_badge`, where the
canvas shows the count), and a notes page after the map lists every open comment under its number: the card, the
author and the time, and the text. User text is set with `drawString` (never parsed as markup) and wrapped to the
page, so the PDF's text can be searched and copied."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from cjmapper import style
from cjmapper.layout import Layout
from cjmapper.model import Comment, Journey, Language
from cjmapper.poster.draw import MapPainter, Pen, Tick, baseline
from cjmapper.style import rgb
from cjmapper.text import FontMetrics

_TITLES = {Language.EN: "Comments", Language.NL: "Opmerkingen"}
_REPLY = {Language.EN: "reply", Language.NL: "antwoord"}
_MARGIN = 36.0
"""Half an inch around the notes."""
_SIZE = 10.0
_LINE = 13.0
_TITLE_SIZE = 16.0
_WHITE = (1.0, 1.0, 1.0)


def note_numbers(journey: Journey) -> dict[int, int]:
    """Each card with open comments by id -> its note number (1, 2, ... in the map's order)."""
    counts = journey.open_comments()
    numbers: dict[int, int] = {}
    for card in journey.ordered_touchpoints():
        if card.id in counts:
            numbers[card.id] = len(numbers) + 1
    return numbers


def notes_painter(
    base: Callable[[Pen, Journey, Layout], MapPainter], numbers: dict[int, int]
) -> Callable[[Pen, Journey, Layout], MapPainter]:
    """A map painter (`base`, with its own marks) that also puts each numbered card's note number in its badge."""

    def paint(pen: Pen, journey: Journey, layout: Layout) -> MapPainter:
        painter = base(pen, journey, layout)
        draw_cards = painter._cards

        def cards(tick: Tick) -> None:
            draw_cards(tick)
            _markers(pen, layout, numbers)

        painter._cards = cards  # type: ignore[method-assign]
        return painter

    return paint


def _markers(pen: Pen, layout: Layout, numbers: dict[int, int]) -> None:
    fill = rgb(style.COMMENT_BADGE_FILL)
    c = pen.c
    for card_id, number in numbers.items():
        box = layout.cards.get(card_id)
        if box is None:
            continue
        badge = box.parts(layout.metrics).comments
        x, y = box.rect.x + badge.x, box.rect.y + badge.y
        size = style.COMMENT_FONT_SIZE * badge.height / style.COMMENT_BADGE
        text = str(number)
        width = max(badge.width, FontMetrics(size, True).width(text) + badge.height)
        x -= width - badge.width  # a wider number grows to the left, clear of the status mark
        pen.fill(fill)
        c.roundRect(x, -y - badge.height, width, badge.height, badge.height / 2, stroke=0, fill=1)
        pen.fill(_WHITE)
        pen.text_centred(x + width / 2, baseline(y, badge.height, size, True), text, size, bold=True)
    pen.forget()


def _nothing() -> None:
    return None


def draw_notes(
    c: Canvas,
    journey: Journey,
    numbers: dict[int, int],
    width: float,
    height: float,
    begin: Callable[[], None] = _nothing,
    end: Callable[[], None] = _nothing,
) -> None:
    """The notes page (pages, when they run over; the last ended by the caller's `showPage`): every open comment
    under its card's number, in the map's order. `begin` starts each page (its size, a print shop's bleed and
    boxes: `print_ready.begin_page`) and `end` closes what it opened."""
    language = Language(journey.language)
    open_ids = {comment.id for comment in journey.unresolved()}
    cards = {card.id: card for card in journey.touchpoints}
    font, bold = FontMetrics(_SIZE), FontMetrics(_SIZE, True)
    room = width - 2 * _MARGIN - 3 * _SIZE
    pen = Pen(c)
    begin()
    c.saveState()
    c.translate(0, height)
    y = _MARGIN

    def room_for(needed: float) -> float:
        """Where the next `needed` points go down the page: on a new page when this one is full."""
        if y + needed <= height - _MARGIN or y == _MARGIN:
            return y
        c.restoreState()
        end()
        c.showPage()
        begin()
        c.saveState()
        c.translate(0, height)
        pen.forget()
        return _MARGIN

    pen.fill(rgb(style.INK))
    pen.text(
        _MARGIN, baseline(y, 2 * _LINE, _TITLE_SIZE, True), f"{_TITLES[language]}: {journey.title}", _TITLE_SIZE, True
    )
    y += 2.5 * _LINE
    colours = {"title": rgb(style.INK), "heading": rgb(style.MUTED_INK), "text": rgb(style.INK)}
    threads = journey.threads()
    for card_id, number in numbers.items():
        lines: list[tuple[str, str]] = [(bold.elide(cards[card_id].title, room), "title")]
        for comment in (c for c in threads[card_id] if c.id in open_ids):
            lines.append((_heading(comment, language), "heading"))
            wrapped, _ = font.wrap(comment.text, room, 1000)
            lines += [("    " + line, "text") for line in wrapped]
        y = room_for(_LINE * min(3, len(lines)))  # a note starts where its card and first lines fit
        pen.fill(rgb(style.COMMENT_BADGE_FILL))
        pen.text(_MARGIN, baseline(y, _LINE, _SIZE, True), f"{number}.", _SIZE, True)
        for text, kind in lines:
            y = room_for(_LINE)
            pen.fill(colours[kind])
            pen.text(_MARGIN + 3 * _SIZE, baseline(y, _LINE, _SIZE, kind == "title"), text, _SIZE, kind == "title")
            y += _LINE
        y += _LINE / 2
    c.restoreState()
    end()


def _heading(comment: Comment, language: Language) -> str:
    when = comment.created.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    reply = f" ({_REPLY[language]})" if comment.parent_id is not None else ""
    return f"{comment.author or '—'}, {when}{reply}"
