"""The deck's last slides, made from parts of a journey that other parts of cjmapper keep: the impact/effort matrix
and the open comments. Each hook adds its slides to the deck being made (`DeckBuilder`: `slide(title, subtitle)`
makes a titled slide, `words.say(template, ...)` words a text in the journey's language, `made()` counts a slide
done) or nothing when the journey holds nothing for it.

Both are called by `write_deck` after the phase slides, matrix first; each counts its own slides into the deck's
total.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    slide = deck.slide(deck.words.say("Impact and effort"), journey.title)
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


def add_comments_slides(deck: DeckBuilder) -> None:
    """The journey's open comments, one text box per thread's first open comment with its card's title, author and
    date, continuing on further slides as the cards of a phase do.

    Not yet: the journey holds no comments in this branch. To fill in after the merge: take the comments of
    `deck.journey.comments` that are not resolved (replies under their parent), make
    `deck.slide(deck.words.say("Open comments"), deck.journey.title)` and list them with `shapes.text_box`
    (user text as runs, never markup), measured with `plan.text_height` so none is cut; `deck.made()` per slide;
    and count the slides in `write_deck`'s total."""
    del deck
