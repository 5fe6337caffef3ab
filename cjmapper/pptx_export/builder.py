"""The deck being made (`DeckBuilder`): the presentation at 16:9, the journey's words, a titled slide, and the
progress told after each slide. `deck.write_deck` and the last slides' `hooks` add their slides through it."""

from __future__ import annotations

from collections.abc import Callable

from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Pt

from cjmapper.errors import CjmapperError
from cjmapper.messages import say
from cjmapper.model import Journey
from cjmapper.pptx_export import plan
from cjmapper.pptx_export.plan import MARGIN, SLIDE_HEIGHT, SLIDE_WIDTH
from cjmapper.pptx_export.shapes import Run, fill_text, rectangle, text_box
from cjmapper.pptx_export.words import DeckWords
from cjmapper.style import INK, MUTED_INK

Progress = Callable[[int, int], bool]
"""Told (slides made, slides in all) after each slide; answers whether to go on."""

TITLE_ONLY_LAYOUT = 5
"""The default template's "Title Only" layout: every slide's title is its title placeholder (the outline, a screen
reader and the slide sorter name the slide by it)."""


class DeckCancelledError(CjmapperError):
    """The progress hook said to stop; nothing was written."""


class DeckBuilder:
    """One deck being made: the presentation, the journey's words and the slides' progress."""

    def __init__(self, journey: Journey, total: int, progress: Progress | None) -> None:
        self.journey = journey
        self.words = DeckWords(journey)
        self.presentation: Deck = Presentation()
        self.presentation.slide_width = Pt(SLIDE_WIDTH)
        self.presentation.slide_height = Pt(SLIDE_HEIGHT)
        self.total = total
        self.done = 0
        self._progress = progress

    def new_slide(self) -> Slide:
        """A new slide with a title placeholder and nothing else."""
        slide: Slide = self.presentation.slides.add_slide(self.presentation.slide_layouts[TITLE_ONLY_LAYOUT])
        return slide

    def slide(self, title: str, subtitle: str = "", band: str = INK) -> Slide:
        """A new slide with its title (and a line under it), a colour band along its top."""
        slide = self.new_slide()
        rectangle(slide.shapes, (0, 0, SLIDE_WIDTH, 6), band, "Band")
        heading = slide.shapes.title
        assert heading is not None  # the layout has a title placeholder
        heading.left, heading.top = Pt(MARGIN), Pt(plan.TITLE_TOP)
        heading.width, heading.height = Pt(SLIDE_WIDTH - 2 * MARGIN), Pt(plan.TITLE_HEIGHT)
        frame = heading.text_frame
        frame.vertical_anchor = MSO_ANCHOR.BOTTOM
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        fill_text(frame, [[Run(title, 26, bold=True)]], PP_ALIGN.LEFT)
        if subtitle:
            top = plan.TITLE_TOP + plan.TITLE_HEIGHT
            text_box(
                slide.shapes,
                (MARGIN, top, SLIDE_WIDTH - 2 * MARGIN, plan.SUBTITLE_HEIGHT),
                [[Run(subtitle, 12, colour=MUTED_INK)]],
                name="Subtitle",
            )
        return slide

    def made(self) -> None:
        """One slide more is done: tell the progress hook, stop when it says so."""
        self.done += 1
        if self._progress is not None and not self._progress(self.done, max(self.total, self.done)):
            raise DeckCancelledError(say("the export was cancelled"))
