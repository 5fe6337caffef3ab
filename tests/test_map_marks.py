"""The marks on a map, as each renderer draws them (issue 15's poster and picture flaws 3, 4, 7 and 8): the card's
padding, averages rounded half up, no punctuation before an ellipsis, score colours that survive grey and colour
blindness, digits in the curve's dots, the "no score" ring only where it means something, and headers that fit.

Each is checked on a render: the poster read back from its PDF (text and places) or its pixels (poppler), the
canvas through a PNG or SVG picture of it (drawn by the canvas' own items)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from cjmapper.i18n import decimal
from cjmapper.layout import Layout, compute_layout
from cjmapper.model import Journey, Lane, LaneKind, Language, Phase, Touchpoint
from cjmapper.poster import A3, PosterOptions, PosterPlan, render_poster
from cjmapper.store import Library
from cjmapper.text import FontMetrics
from tests.poster_helpers import fragments, pages_text, to_layout
from ui.canvas.scene import SCENE_MARGIN, JourneyScene
from ui.editing.document import JourneyDocument
from ui.export import pictures

FULL_LINES = "l" * 200
"""Notes of narrow letters: every wrapped line fills the card's width to within a letter, the last ends in "…"."""

PADDED_TITLES = (
    "l" * 150,
    "Klant wil terugbellen over één levering",
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
    "mmmmmmmm mmmmmmmm mmmmmmmmm mmmmmm",
)
PADDED_NOTES = (
    "De berichten van de bezorger noemen een tijdvak van vier uur, maar niemand belt terug",
    "Wij bellen één keer terug; daarna sturen we een e-mail met terugbellen als onderwerp",
    FULL_LINES + " mmmm",
)


def padded_journey() -> Journey:
    """One phase of cards whose titles and notes run to the card's right edge."""
    journey = Journey(0, "Padding", language=Language.NL, phases=[Phase(1, "Fase")], lanes=[Lane(1, "Kanalen")])
    for i in range(12):
        title, notes = PADDED_TITLES[i % 4], PADDED_NOTES[i % 3]
        journey.touchpoints.append(Touchpoint(i + 1, 1, 1, i, title, notes=notes, score=i % 5 + 1))
    return journey


def render(tmp_path: Path, journey: Journey) -> tuple[Path, PosterPlan]:
    target = tmp_path / "poster.pdf"
    return target, render_poster(journey, target, PosterOptions(paper=A3, printed=date(2026, 12, 7)))


def picture(library: Library, journey: Journey, target: Path) -> tuple[QImage, Layout]:
    """A 96-dpi PNG of `journey` (one pixel per scene unit) drawn by the canvas, and the layout it shows."""
    document = JourneyDocument(library, library.create_journey(journey))
    pictures.save_picture(document, target, "png", 96)
    scene = JourneyScene(document)
    layout = scene.layout
    scene.dispose()
    return QImage(str(target)), layout


# ------------------------------------------------------------------------------------------ card padding (7)


def test_card_text_on_the_canvas_stays_inside_the_padding_on_every_side(
    qapp: QApplication, library: Library, tmp_path: Path
) -> None:
    """Titles and notes drawn by the canvas keep the card's padding from its border on the right as on the left
    and top. (Notes are measured at 9.5 units; Qt set them at 10 pixels, 5% wider, and they ran onto the border.)"""
    image, layout = picture(library, padded_journey(), tmp_path / "map.png")
    m = layout.metrics
    pad = m.card_padding
    gaps: dict[str, list[int]] = {"left": [], "right": [], "top": []}
    for box in layout.cards.values():
        r = box.rect
        parts = box.parts(m)
        x0, y0 = round(r.x + SCENE_MARGIN), round(r.y + SCENE_MARGIN)
        width = round(r.width)
        ink = [
            (x, y)
            for y in range(round(parts.title.y), round(parts.footer.y))
            for x in range(round(pad / 2) + 1, width - 1)  # right of the colour stripe, left of the border
            if image.pixelColor(x0 + x, y0 + y).lightnessF() < 0.7
        ]
        assert ink, box.title_lines
        gaps["left"].append(min(x for x, _ in ink))  # pixel columns before the first ink, the border's included
        gaps["right"].append(width - 1 - max(x for x, _ in ink))  # and after the last
        gaps["top"].append(min(y for _, y in ink))
    for side, found in gaps.items():
        assert min(found) >= pad, (side, found)
    assert min(gaps["right"]) <= pad + 3  # the narrow letters do fill the lines: the check had something to find


def test_card_text_on_the_poster_stays_inside_the_padding(tmp_path: Path) -> None:
    journey = padded_journey()
    target, plan = render(tmp_path, journey)
    layout = compute_layout(journey)
    pad = layout.metrics.card_padding
    rights: list[float] = []
    for fragment in fragments(target):
        lx, ly = to_layout(plan, fragment.x, fragment.y)
        cards = [box for box in layout.cards.values() if box.rect.contains(lx, ly)]
        if not cards:
            continue
        rect = cards[0].rect
        right = lx + FontMetrics(fragment.size / plan.scale).width(fragment.text)
        assert lx >= rect.x + pad - 0.01, fragment.text
        assert right <= rect.right - pad + 0.01, fragment.text
        rights.append(rect.right - right)
    assert min(rights) < pad + 3  # lines that do run up to the padding were among them


# ------------------------------------------------------------------------------------- rounding, ellipsis (8)


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [(3.25, "3,3", "3.3"), (3.35, "3,4", "3.4"), (13 / 4, "3,3", "3.3"), (2.45, "2,5", "2.5"), (3.0, "3,0", "3.0")],
)
def test_averages_round_half_up(value: float, nl: str, en: str) -> None:
    assert (decimal(value, Language.NL), decimal(value, Language.EN)) == (nl, en)


def averaged_journey(language: Language) -> Journey:
    """A phase whose four cards average 3.25."""
    journey = Journey(
        0,
        "Gemiddelden",
        language=language,
        phases=[Phase(1, "Oriëntatie")],
        lanes=[Lane(1, "Contactmomenten"), Lane(2, "Beleving", LaneKind.EMOTIONS)],
    )
    for i, score in enumerate((2, 3, 4, 4)):
        journey.touchpoints.append(Touchpoint(i + 1, 1, 1, i, f"Kaart {i + 1}", score=score))
    return journey


def test_the_poster_prints_an_average_of_3_25_as_3_3(tmp_path: Path) -> None:
    target, _ = render(tmp_path, averaged_journey(Language.NL))
    text = pages_text(target)[0]
    assert "gem. 3,3" in text
    assert "gemiddeld 3,3" in text  # the legend's figures
    assert "3,2" not in text


def test_the_canvas_shows_an_average_of_3_25_as_3_3(qapp: QApplication, library: Library, tmp_path: Path) -> None:
    document = JourneyDocument(library, library.create_journey(averaged_journey(Language.EN)))
    target = tmp_path / "map.svg"
    pictures.save_picture(document, target, "svg")
    text = target.read_text(encoding="utf-8")
    assert len(re.findall(r">\s*avg 3\.3\s*<", text)) == 2  # the phase header and the curve's mark
    assert not re.search(r">\s*avg 3\.2", text)


ELLIPSIS_NOTES = "Wanneer komt de taart? Ze vraagt naar de bezorgtijd. Klantenservicemedewerkersovereenkomsten"
"""Notes whose second line ends in "bezorgtijd." with more to come: a card shows them cut there."""


def test_no_full_stop_or_comma_stands_before_an_ellipsis(tmp_path: Path) -> None:
    font = FontMetrics(9.5)
    assert font.wrap(ELLIPSIS_NOTES, 172, 5)[0][1] == "naar de bezorgtijd."
    assert font.wrap(ELLIPSIS_NOTES, 172, 2) == (("Wanneer komt de taart? Ze vraagt", "naar de bezorgtijd…"), True)
    room = font.width("Bel ons terug, …") + 0.1  # the cut comes right after the comma and its space
    assert font.elide("Bel ons terug, morgen of overmorgen, graag", room) == "Bel ons terug…"

    journey = Journey(0, "Ellips", language=Language.NL, phases=[Phase(1, "Fase")], lanes=[Lane(1, "Kanalen")])
    journey.touchpoints.append(Touchpoint(1, 1, 1, 0, "Levering", notes=ELLIPSIS_NOTES))
    target, _ = render(tmp_path, journey)
    text = pages_text(target)[0]
    assert "naar de bezorgtijd…" in text
    assert not re.search(r"[.,;:] ?…", text)
