"""The heat view on a poster, as on the canvas: each phase's card cells tinted by how far the phase is from its
targets, each card with answers framed in its colour with its figure on a tab at its top. `heat_painter` gives the
map painter that adds them; `PosterOptions.heat` asks for it. Colours and words come from `cjmapper.survey.heat`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cjmapper.layout import Layout
from cjmapper.model import Journey
from cjmapper.poster.draw import MapPainter, Pen, Tick, baseline
from cjmapper.poster.print_ready import blend
from cjmapper.style import rgb
from cjmapper.survey.heat import FRAME, TAB_FONT, Mark, card_tab, heat_colour, shown_metrics

CELL_ALPHA = 170 / 255
CELL_STRENGTH = 0.6
"""As the canvas's (`ui/canvas/heat_items.py`): cells lighter than the cards' frames."""
INK_ON_DARK, INK_ON_LIGHT = "#ffffff", "#1a1a1a"


@dataclass(frozen=True, slots=True, eq=False)
class HeatMarks:
    """The marks of a journey's cards and phases (`cjmapper.survey.heat.marks`)."""

    cards: Mapping[int, Mark]
    phases: Mapping[int, Mark]

    @property
    def metrics(self) -> tuple[str, ...]:
        """The metrics shown, for the legend's heat key (`cjmapper.poster.chrome.Legend`)."""
        return shown_metrics(self.cards.values(), self.phases.values())


def _ink(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return INK_ON_DARK if 0.299 * r + 0.587 * g + 0.114 * b < 140 else INK_ON_LIGHT


def heat_painter(heat: HeatMarks, flat: bool = False) -> Callable[[Pen, Journey, Layout], MapPainter]:
    """A map painter that draws `heat` over the map as the canvas's heat view does; `flat`: the cells' see-through
    tint blended into solid colours (no transparency, for a print shop), the grid lines drawn again over them."""

    class HeatPainter(MapPainter):
        def _cells(self) -> None:
            super()._cells()
            c = self.pen.c
            c.saveState()
            if not flat:
                c.setFillAlpha(CELL_ALPHA)
            rows = {box.lane_id: box.index for box in self.layout.lanes}
            for (phase_id, lane_id), cell in self.layout.cells.items():
                mark = heat.phases.get(phase_id)
                if mark is not None:
                    r = cell.rect
                    tint = heat_colour(mark.heat * CELL_STRENGTH)
                    if flat:
                        tint = blend(tint, CELL_ALPHA, self.row_background(rows.get(lane_id, 0)))
                    self.pen.forget()
                    self.pen.rect(r.x, r.y, r.width, r.height, rgb(tint))
            c.restoreState()
            self.pen.forget()
            if flat:
                self._grid_lines()
                self.pen.forget()

        def _cards(self, tick: Tick) -> None:
            super()._cards(tick)
            pen = self.pen
            for card_id, mark in heat.cards.items():
                box = self.layout.cards.get(card_id)
                if box is None:
                    continue
                r = box.rect
                colour = rgb(mark.colour)
                pen.stroke(colour, FRAME)
                pen.c.rect(
                    r.x - FRAME / 2, -(r.y + r.height + FRAME / 2), r.width + FRAME, r.height + FRAME, stroke=1, fill=0
                )
                tab = card_tab(r, mark.text)
                pen.rect(tab.x, tab.y, tab.width, tab.height, colour)
                pen.fill(rgb(_ink(mark.colour)))
                pen.text_centred(
                    tab.x + tab.width / 2, baseline(tab.y, tab.height, TAB_FONT, True), mark.text, TAB_FONT, bold=True
                )
            pen.forget()

    return HeatPainter
