"""A journey as a 16:9 PowerPoint deck (`write_deck`): a title slide (the journey's title and description, its
personas with their description, goals and frustrations), an overview slide with the whole map as a picture (the
PNG the picture export makes, handed in), one slide per phase whose cards are editable text boxes in their lane rows
(a phase with more cards than fit continues on further slides, `plan`), then the impact/effort matrix and the open
comments (`hooks`). Every word in the journey's language (`words`), drawn by `shapes`.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from pptx.enum.text import PP_ALIGN
from pptx.slide import Slide
from pptx.util import Pt

from cjmapper import __version__
from cjmapper.errors import CjmapperError
from cjmapper.file_names import replace_file
from cjmapper.messages import say
from cjmapper.model import Journey, Persona
from cjmapper.pptx_export import hooks, plan
from cjmapper.pptx_export.builder import DeckBuilder, DeckCancelledError, Progress
from cjmapper.pptx_export.plan import CARD_PADDING, MARGIN, SLIDE_HEIGHT, SLIDE_WIDTH, CardSpot, PhasePage
from cjmapper.pptx_export.shapes import Run, fill_text, picture, rectangle, text_box
from cjmapper.pptx_export.words import DeckWords
from cjmapper.style import (
    CARD_BORDER,
    INK,
    MUTED_INK,
    SCORE_COLORS,
    lane_color,
    phase_color,
    tint,
)

CARD_TINT = 0.3
"""How much of its score's colour a scored card's box shows (the rest white): dark ink reads on every one."""
PERSONAS_PER_SLIDE = 3
PERSONA_GAP = 16.0
"""Between two personas' columns."""
PERSONA_INSET = 10.0
"""A persona's text from her colour band."""
PERSONA_SPACING = 4.0
"""Between a persona's paragraphs."""

__all__ = ["DeckCancelledError", "Progress", "write_deck"]


def write_deck(
    journey: Journey, target: Path | BinaryIO, overview: bytes | None, progress: Progress | None = None
) -> int:
    """Write `journey`'s deck to `target` (a file, replaced atomically, or a binary stream); `overview` is the map's
    picture (PNG bytes; None leaves the overview slide out). Returns the number of slides. Raises CjmapperError
    (DeckCancelledError when `progress` said to stop: then nothing is written)."""
    words = DeckWords(journey)
    pages = plan.plan_phases(journey, words.footer)
    groups = _persona_groups(journey)
    tops = [_personas_top(journey)] + [plan.GRID_TOP] * (len(groups) - 1)
    if all(_personas_fit(words, group, top) for group, top in zip(groups, tops, strict=True)):
        long: list[tuple[Persona, list[list[plan.TextLine]]]] = []
    else:  # a persona too long for a column: each on slides of her own, at full width
        long = [(persona, _long_persona_pages(words, persona)) for persona in journey.personas]
        groups = [[]]
    persona_slides = len(groups) - 1 + sum(len(persona_pages) for _, persona_pages in long)
    total = 1 + persona_slides + (overview is not None) + len(pages)
    deck = DeckBuilder(journey, total, progress)
    _title_slide(deck, groups[0])
    for group in groups[1:]:
        _persona_slide(deck, group)
    for persona, persona_pages in long:
        for number, lines in enumerate(persona_pages, start=1):
            _long_persona_slide(deck, persona, lines, number, len(persona_pages))
    if overview is not None:
        slide = deck.slide(deck.words.overview(), journey.title)
        top = plan.GRID_TOP
        picture(slide.shapes, overview, (MARGIN, top, SLIDE_WIDTH - 2 * MARGIN, SLIDE_HEIGHT - MARGIN - top), "Map")
        deck.made()
    for page in pages:
        _phase_slide(deck, page)
    hooks.add_matrix_slide(deck)
    hooks.add_comments_slides(deck)
    data = BytesIO()
    deck.presentation.save(data)
    if isinstance(target, Path):
        _write(target, data.getvalue())
    else:
        target.write(data.getvalue())
    return len(deck.presentation.slides)


def _write(path: Path, data: bytes) -> None:
    """`data` into `path`, atomically; a failure as one sentence naming the file, worded as the pictures word it."""
    if path.is_dir():
        raise CjmapperError(say("cannot write {0}: {1}", path, say("it is a folder")))
    if not path.parent.is_dir():
        raise CjmapperError(say("cannot write {0}: the folder {1} does not exist", path, path.parent))
    try:
        replace_file(path, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise CjmapperError(say("cannot write {0}: {1}", path, reason[:1].lower() + reason[1:])) from error


# ---------------------------------------------------------------------- the title and the personas


def _persona_groups(journey: Journey) -> list[list[Persona]]:
    """The personas by slide: the title slide's first (none when the journey has none), then further slides'."""
    personas = list(journey.personas)
    groups = [personas[i : i + PERSONAS_PER_SLIDE] for i in range(0, len(personas), PERSONAS_PER_SLIDE)]
    return groups or [[]]


def _title_slide(deck: DeckBuilder, personas: list[Persona]) -> None:
    journey, words = deck.journey, deck.words
    slide = deck.new_slide()
    first = journey.phases[0].color if journey.phases else None
    rectangle(slide.shapes, (0, 0, SLIDE_WIDTH, 10), phase_color(0, first), "Band")
    width = SLIDE_WIDTH - 2 * MARGIN
    title_height = _title_height(journey)
    heading = slide.shapes.title
    assert heading is not None
    heading.left, heading.top, heading.width, heading.height = Pt(MARGIN), Pt(40), Pt(width), Pt(title_height)
    frame = heading.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    fill_text(frame, [[Run(journey.title, 32, bold=True)]], PP_ALIGN.LEFT)
    if journey.description:
        box = (MARGIN, 40 + title_height + 6, width, _description_height(journey))
        text_box(slide.shapes, box, [[Run(journey.description, 16, colour=MUTED_INK)]])
    if personas:
        _personas(deck, slide, personas, _personas_top(journey))
    text_box(
        slide.shapes,
        (MARGIN, SLIDE_HEIGHT - MARGIN - 14, width, 14),
        [[Run(words.made_with(__version__), 9, colour=MUTED_INK)]],
        name="Made with",
    )
    deck.made()


def _title_height(journey: Journey) -> float:
    return plan.text_height(journey.title, 32, SLIDE_WIDTH - 2 * MARGIN, bold=True) + 8


def _description_height(journey: Journey) -> float:
    return plan.text_height(journey.description, 16, SLIDE_WIDTH - 2 * MARGIN) + 8 if journey.description else 0.0


def _personas_top(journey: Journey) -> float:
    """Where the personas start on the title slide: under its title and description."""
    top = 40 + _title_height(journey) + 6
    if journey.description:
        top += _description_height(journey) + 10
    return top + 8


def _persona_slide(deck: DeckBuilder, personas: list[Persona]) -> None:
    slide = deck.slide(deck.words.persona_heading(len(deck.journey.personas)), deck.journey.title)
    _personas(deck, slide, personas, plan.GRID_TOP)
    deck.made()


def _persona_texts(words: DeckWords, persona: Persona) -> list[tuple[str, float, bool]]:
    """A persona's paragraphs (text, size, bold): name, description, goals and frustrations under their headings."""
    paragraphs = [(persona.name, 18.0, True)]
    if persona.description:
        paragraphs.append((persona.description, 12.0, False))
    for heading, text in ((words.goals(), persona.goals), (words.frustrations(), persona.frustrations)):
        if text:
            paragraphs += [(heading, 12.0, True), (text, 12.0, False)]
    return paragraphs


def _column_width(count: int) -> float:
    shared = max(count, 2)  # one persona takes half the slide's width
    return (SLIDE_WIDTH - 2 * MARGIN - PERSONA_GAP * (shared - 1)) / shared


def _personas_fit(words: DeckWords, personas: list[Persona], top: float) -> bool:
    """Whether `personas` side by side from `top` (under their heading) fit above the slide's foot."""
    width = _column_width(len(personas)) - PERSONA_INSET
    room = SLIDE_HEIGHT - MARGIN - 20 - (top + 24)
    return all(plan.paragraphs_height(_persona_texts(words, p), width, PERSONA_SPACING) <= room for p in personas)


def _personas(deck: DeckBuilder, slide: Slide, personas: list[Persona], top: float) -> None:
    """The personas side by side from `top`: a heading, then each one's name, description, goals and frustrations."""
    words = deck.words
    text_box(
        slide.shapes,
        (MARGIN, top, SLIDE_WIDTH - 2 * MARGIN, 20),
        [[Run(words.persona_heading(len(deck.journey.personas)), 14, bold=True, colour=MUTED_INK)]],
    )
    top += 24
    width = _column_width(len(personas))
    for column, persona in enumerate(personas):
        x = MARGIN + column * (width + PERSONA_GAP)
        rectangle(slide.shapes, (x, top, 4, SLIDE_HEIGHT - MARGIN - 20 - top), persona.color or INK, "Persona band")
        paragraphs = [[Run(text, size, bold)] for text, size, bold in _persona_texts(words, persona)]
        text_box(
            slide.shapes,
            (x + PERSONA_INSET, top, width - PERSONA_INSET, SLIDE_HEIGHT - MARGIN - 20 - top),
            paragraphs,
            name=f"Persona {persona.name}",
            spacing=PERSONA_SPACING,
        )


def _long_persona_pages(words: DeckWords, persona: Persona) -> list[list[plan.TextLine]]:
    """A persona too long for a column: her text at full width over as many slides as it needs."""
    width = SLIDE_WIDTH - 2 * MARGIN - PERSONA_INSET
    room = SLIDE_HEIGHT - MARGIN - plan.GRID_TOP
    return plan.text_pages(_persona_texts(words, persona), width, room, PERSONA_SPACING)


def _long_persona_slide(deck: DeckBuilder, persona: Persona, lines: list[plan.TextLine], page: int, pages: int) -> None:
    title = deck.words.persona_heading(len(deck.journey.personas))
    slide = deck.slide(deck.words.continued(title, page, pages), deck.journey.title)
    paragraphs: list[list[Run]] = []
    for index, line in enumerate(lines):
        if index and line.paragraph == lines[index - 1].paragraph:
            last = paragraphs[-1][0]
            paragraphs[-1] = [Run(f"{last.text} {line.text}", last.size, last.bold)]
        else:
            paragraphs.append([Run(line.text, line.size, line.bold)])
    top = plan.GRID_TOP
    rectangle(slide.shapes, (MARGIN, top, 4, SLIDE_HEIGHT - MARGIN - top), persona.color or INK, "Persona band")
    text_box(
        slide.shapes,
        (MARGIN + PERSONA_INSET, top, SLIDE_WIDTH - 2 * MARGIN - PERSONA_INSET, SLIDE_HEIGHT - MARGIN - top),
        paragraphs,
        name=f"Persona {persona.name}",
        spacing=PERSONA_SPACING,
    )
    deck.made()


# ---------------------------------------------------------------------- the phases


def _phase_slide(deck: DeckBuilder, page: PhasePage) -> None:
    journey, words = deck.journey, deck.words
    phase = page.phase
    colour = phase_color(page.index, phase.color)
    cards = sum(1 for t in journey.touchpoints if t.phase_id == phase.id)
    slide = deck.slide(
        words.continued(phase.name, page.page, page.pages),
        words.phase_subtitle(page.index + 1, len(journey.phases), cards),
        colour,
    )
    if not page.rows:
        text_box(
            slide.shapes,
            (MARGIN, plan.GRID_TOP, SLIDE_WIDTH - 2 * MARGIN, 24),
            [[Run(words.no_cards(), 14, colour=MUTED_INK)]],
        )
    for row in page.rows:
        text_box(
            slide.shapes,
            (MARGIN, row.y, plan.LABEL_WIDTH, row.height),
            [[Run(row.lane.name, plan.LABEL_SIZE, bold=True)]],
            name=f"Lane {row.lane.name}",
            padding=CARD_PADDING,
            fill=tint(lane_color(row.lane.kind, row.lane.color), 0.3),
        )
        for spot in row.cards:
            _card(slide, spot)
    deck.made()


def _card(slide: Slide, spot: CardSpot) -> None:
    """A card as one editable text box: its title, then its channel, score and votes; tinted by its score."""
    touchpoint = spot.touchpoint
    score = touchpoint.score
    paragraphs = [[Run(touchpoint.title, plan.TITLE_SIZE, bold=True)]]
    if spot.footer:
        paragraphs.append([Run(spot.footer, plan.FOOTER_SIZE, colour=MUTED_INK)])
    scored = score is not None and score in SCORE_COLORS
    text_box(
        slide.shapes,
        (spot.x, spot.y, spot.width, spot.height),
        paragraphs,
        name=f"Card {touchpoint.id}",
        padding=CARD_PADDING,
        fill=tint(SCORE_COLORS[score], CARD_TINT) if scored and score is not None else "#ffffff",
        line=SCORE_COLORS[score] if scored and score is not None else CARD_BORDER,
        line_width=2.0 if scored else 1.0,
        spacing=plan.PARAGRAPH_GAP,
    )
