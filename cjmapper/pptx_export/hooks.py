"""The deck's last slides, made from parts of a journey that other parts of cjmapper keep: the impact/effort matrix
and the open comments. Each hook adds its slides to the deck being made (`DeckBuilder`: `slide(title, subtitle)`
makes a titled slide, `words.say(template, ...)` words a text in the journey's language, `made()` counts a slide
done) or nothing when the journey holds nothing for it.

Both are called by `write_deck` after the phase slides, matrix first; each counts its own slides into the deck's
total.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cjmapper.messages import say_in
from cjmapper.text import FontMetrics

if TYPE_CHECKING:
    from cjmapper.pptx_export.builder import DeckBuilder


def add_matrix_slide(deck: DeckBuilder) -> None:
    """The impact/effort matrix as a slide when any card of the journey is placed on it: impact up, effort to the
    right, the four quadrants with their names, each placed card a dot sized by its votes with its title as an
    editable text box, all where the matrix's one geometry (`cjmapper.matrix.matrix_layout`) puts them."""
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Pt

    from cjmapper.matrix import is_placed, matrix_layout, votes_text
    from cjmapper.pptx_export import plan
    from cjmapper.pptx_export.shapes import Run, colour, rectangle, text_box

    journey = deck.journey
    if not any(is_placed(card) for card in journey.touchpoints):
        return
    deck.total += 1
    slide = deck.slide(say_in(deck.words.language, "Impact and effort"), journey.title)
    left, top = plan.MARGIN, plan.GRID_TOP
    layout = matrix_layout(journey, plan.SLIDE_WIDTH - 2 * plan.MARGIN, plan.GRID_BOTTOM - top, heading=False)
    shapes = slide.shapes
    for quadrant in layout.quadrants:
        box = quadrant.box
        rectangle(
            shapes, (left + box.x, top + box.y, box.width, box.height), quadrant.fill, f"Quadrant {quadrant.name}"
        )
    texts = [quadrant.label for quadrant in layout.quadrants] + list(layout.texts)
    for dot in layout.dots:
        oval = shapes.add_shape(
            MSO_SHAPE.OVAL, Pt(left + dot.x - dot.radius), Pt(top + dot.y - dot.radius), Pt(2 * dot.radius),
            Pt(2 * dot.radius),
        )  # fmt: skip
        oval.name = f"Dot {dot.card_id}"
        oval.fill.solid()
        oval.fill.fore_color.rgb = colour(dot.fill)
        oval.line.color.rgb = colour(dot.stroke)
        oval.line.width = Pt(1)
        oval.shadow.inherit = False
        texts.append(dot.title)
        votes = votes_text(dot)
        if votes is not None:
            texts.append(votes)
    for text in texts:
        width = FontMetrics(text.size, bold=text.bold).width(text.text) + text.size * 0.6
        height = text.size * 1.35
        if text.rotated:  # runs upwards, centred on (x, baseline) turned about it
            cx, cy = left + text.x - text.size * 0.35, top + text.baseline
            shape = text_box(
                shapes, (cx - width / 2, cy - height / 2, width, height), [[Run(text.text, text.size, text.bold,
                text.colour)]], align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE,
            )  # fmt: skip
            shape.rotation = 270.0
            continue
        x = left + text.x - {"left": text.size * 0.3, "centre": width / 2, "right": width - text.size * 0.3}[text.align]
        align = {"left": PP_ALIGN.LEFT, "centre": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[text.align]
        place = (x, top + text.baseline - text.size * 1.0, width, height)
        text_box(shapes, place, [[Run(text.text, text.size, text.bold, text.colour)]], align=align, padding=0.0)
    deck.made()


MAX_COMMENT_SHOWN = 700
"""The most characters of one comment a slide shows (a longer one ends in "…"; the library keeps it whole)."""
COMMENT_SIZE = 11.0
HEADING_SIZE = 9.0
CARD_SIZE = 12.0
REPLY_INDENT = 24.0
UNIT_GAP = 6.0


def add_comments_slides(deck: DeckBuilder) -> None:
    """The journey's open comments (`Journey.unresolved`), card by card in the map's order: the card's title, then
    each open comment of its thread with its author and time (a reply indented under its comment), every one an
    editable text box measured so none is cut, going on over further slides as a phase's cards do."""
    from datetime import UTC

    from cjmapper.pptx_export import plan
    from cjmapper.pptx_export.shapes import Run, text_box
    from cjmapper.style import INK, MUTED_INK

    journey = deck.journey
    open_ids = {comment.id for comment in journey.unresolved()}
    if not open_ids:
        return
    threads = journey.threads()
    width = plan.SLIDE_WIDTH - 2 * plan.MARGIN
    units: list[tuple[float, float, list[list[Run]], bool]] = []  # (indent, height, paragraphs, is a card title)
    for card in journey.ordered_touchpoints():
        shown = [comment for comment in threads.get(card.id, []) if comment.id in open_ids]
        if not shown:
            continue
        units.append(
            (0.0, plan.text_height(card.title, CARD_SIZE, width, True), [[Run(card.title, CARD_SIZE, True)]], True)
        )
        for comment in shown:
            indent = REPLY_INDENT if comment.parent_id is not None else 0.0
            text = comment.text if len(comment.text) <= MAX_COMMENT_SHOWN else comment.text[:MAX_COMMENT_SHOWN] + "…"
            when = comment.created.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
            heading = f"{comment.author or '—'}, {when}"
            height = plan.text_height(heading, HEADING_SIZE, width - indent) + plan.text_height(
                text, COMMENT_SIZE, width - indent
            )
            units.append(
                (
                    indent,
                    height,
                    [[Run(heading, HEADING_SIZE, colour=MUTED_INK)], [Run(text, COMMENT_SIZE, colour=INK)]],
                    False,
                )
            )
    pages: list[list[tuple[float, float, float, list[list[Run]]]]] = [[]]
    y = plan.GRID_TOP
    title_now: tuple[float, float, list[list[Run]], bool] | None = None
    for indent, height, paragraphs, is_title in units:
        if is_title:
            title_now = (indent, height, paragraphs, is_title)
        if y + height > plan.GRID_BOTTOM and pages[-1]:
            pages.append([])
            y = plan.GRID_TOP
            if not is_title and title_now is not None:  # the card's title again over its comments on the new slide
                pages[-1].append((title_now[0], y, title_now[1], title_now[2]))
                y += title_now[1] + UNIT_GAP
        pages[-1].append((indent, y, min(height, plan.GRID_BOTTOM - y), paragraphs))
        y += height + UNIT_GAP
    deck.total += len(pages)
    name = say_in(deck.words.language, "Open comments")
    for number, page in enumerate(pages, start=1):
        slide = deck.slide(deck.words.continued(name, number, len(pages)), journey.title)
        for indent, top, height, paragraphs in page:
            box = (plan.MARGIN + indent, top, width - indent, height)
            text_box(slide.shapes, box, paragraphs, name="Comment")
        deck.made()
