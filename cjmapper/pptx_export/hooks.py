"""The deck's last slides, made from parts of a journey that other parts of cjmapper keep: the impact/effort matrix
and the open comments. Each hook adds its slides to the deck being made (`DeckBuilder`: `slide(title, subtitle)`
makes a titled slide, `words.say(template, ...)` words a text in the journey's language, `made()` counts a slide
done) or nothing when the journey holds nothing for it.

Both are called by `write_deck` after the phase slides, matrix first. They are the places to fill in once the
matrix (cards' impact and effort, with its Qt-free geometry) and the comments (`Journey.comments`) are merged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cjmapper.pptx_export.builder import DeckBuilder


def add_matrix_slide(deck: DeckBuilder) -> None:
    """The impact/effort matrix as a slide: impact up, effort to the right, the four quadrants with their labels,
    each placed card as an editable text box (its title, sized by its votes) where the matrix geometry puts it.

    Not yet: the journey holds no places on the matrix in this branch. To fill in after the merge: when any card
    of `deck.journey` has an impact and an effort, make `deck.slide(deck.words.say("Impact and effort"),
    deck.journey.title)`, draw the quadrants and the cards from the matrix geometry's result scaled into
    (plan.MARGIN, plan.GRID_TOP, plan.SLIDE_WIDTH - 2 * plan.MARGIN, plan.GRID_BOTTOM - plan.GRID_TOP) with
    `shapes.text_box` and `shapes.rectangle`, then `deck.made()`; and count the slide in `write_deck`'s total."""
    del deck


def add_comments_slides(deck: DeckBuilder) -> None:
    """The journey's open comments, one text box per thread's first open comment with its card's title, author and
    date, continuing on further slides as the cards of a phase do.

    Not yet: the journey holds no comments in this branch. To fill in after the merge: take the comments of
    `deck.journey.comments` that are not resolved (replies under their parent), make
    `deck.slide(deck.words.say("Open comments"), deck.journey.title)` and list them with `shapes.text_box`
    (user text as runs, never markup), measured with `plan.text_height` so none is cut; `deck.made()` per slide;
    and count the slides in `write_deck`'s total."""
    del deck
