"""The poster's legend, read back from the PDF: on every named paper in both orientations, in Dutch and English,
no two of its texts overlap, each lies whole inside the legend box, and every channel used is named in full."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from cjmapper.channels import CHANNELS, channel_label
from cjmapper.model import Journey, Lane, LaneKind, Language, Persona, Phase, Touchpoint
from cjmapper.poster import PAPERS, PosterOptions, render_poster
from cjmapper.poster.chrome import Legend, height_for
from cjmapper.poster.plan import chrome_for
from cjmapper.text import FontMetrics, font_name

FREE_CHANNELS = ("Fysieke winkel in het centrum van de stad", "Postduif & co")


def long_journey(language: Language) -> Journey:
    """Five phases, every catalogue channel and two long free-text ones, scores and votes: a long legend."""
    journey = Journey(
        1,
        "Klantreis van de bakkerij" if language is Language.NL else "The bakery's customer journey",
        language=language,
        personas=[Persona("Sanne", "Eigenaar van een bakkerij", "Online verkopen")],
        phases=[Phase(i + 1, f"Fase {i + 1}") for i in range(5)],
        lanes=[Lane(1, "Contactmomenten"), Lane(2, "Klantbeleving", LaneKind.EMOTIONS)],
    )
    channels = [c.key for c in CHANNELS] + list(FREE_CHANNELS)
    for i in range(33):
        journey.touchpoints.append(
            Touchpoint(
                i + 1,
                i % 5 + 1,
                1,
                i,
                f"Kaart {i + 1}",
                channel=channels[i % len(channels)],
                score=(None, 1, 2, 3, 4, 5)[i % 6],
                votes=i % 4,
            )
        )
    return journey


@dataclass(frozen=True)
class Placed:
    text: str
    left: float
    right: float
    top: float
    bottom: float
    """Page points, top-down: the text's box from ascent to descent."""


def texts(path: Path, page_height: float) -> list[Placed]:
    """Every text the page draws with its box, measured with the font it is set in."""
    bold_font = font_name(bold=True)
    found: list[Placed] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        text = text.rstrip("\n")
        if not text.strip():
            return
        a, b, c, d, e, f = cm
        x, y = tm[4], tm[5]
        left, baseline = a * x + c * y + e, page_height - (b * x + d * y + f)
        size *= abs(a)
        base = str(cast(DictionaryObject, font).get("/BaseFont", "")) if font is not None else ""
        metrics = FontMetrics(size, bold=bold_font in base)
        right = left + metrics.width(text)
        found.append(Placed(text, left, right, baseline - metrics.ascent, baseline - metrics.descent))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return found


def overlapping(found: list[Placed]) -> list[tuple[str, str]]:
    pairs = []
    for i, one in enumerate(found):
        for other in found[i + 1 :]:
            if (
                min(one.right, other.right) - max(one.left, other.left) > 0.01
                and min(one.bottom, other.bottom) - max(one.top, other.top) > 0.01
            ):
                pairs.append((one.text, other.text))
    return pairs


@pytest.mark.parametrize("language", [Language.NL, Language.EN])
@pytest.mark.parametrize("portrait", [True, False], ids=["portrait", "landscape"])
@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_the_legend_never_overlaps_and_names_every_channel_in_full(
    tmp_path: Path, paper: str, portrait: bool, language: Language
) -> None:
    journey = long_journey(language)
    target = tmp_path / "poster.pdf"
    plan = render_poster(journey, target, PosterOptions(paper=PAPERS[paper], portrait=portrait))
    box = plan.chrome.legend
    assert plan.chrome.map_area.bottom <= box.y  # the map area makes room for every row of the legend
    legend = [t for t in texts(target, plan.page_height) if t.bottom > box.y and t.top < box.bottom]
    assert overlapping(legend) == []
    for text in legend:
        assert box.x - 0.01 <= text.left, text
        assert text.right <= box.right + 0.01, text
        assert box.y <= text.top, text
        assert text.bottom <= box.bottom, text
        assert not text.text.endswith("…"), text
    printed = " ".join(t.text for t in sorted(legend, key=lambda t: (round(t.top), t.left)))
    for name in [channel_label(c.key, language) for c in CHANNELS] + list(FREE_CHANNELS):
        assert name in printed
    words = ("stippen: stemmen", "33 contactmomenten") if language is Language.NL else ("dots: votes", "33 touchpoints")
    assert all(word in printed for word in words)


def test_a_legend_that_fits_keeps_its_two_rows_and_a_narrow_one_wraps() -> None:
    legend = Legend(long_journey(Language.NL))
    wide = chrome_for(4000.0, 2000.0, legend)
    assert legend.rows(wide.legend.width, wide.unit) == 2
    assert wide.legend.height == pytest.approx(height_for(2, wide.unit))
    narrow = chrome_for(*PAPERS["A4"].oriented(False), legend)
    rows = legend.rows(narrow.legend.width, narrow.unit)
    assert rows > 2
    assert narrow.legend.height == pytest.approx(height_for(rows, narrow.unit))
    assert narrow.legend.height > chrome_for(*PAPERS["A4"].oriented(False)).legend.height


@pytest.mark.parametrize(
    ("language", "written"), [(Language.NL, "1.200 contactmomenten"), (Language.EN, "1,200 touchpoints")]
)
def test_counts_print_with_the_languages_thousands_separator(tmp_path: Path, language: Language, written: str) -> None:
    """1,200 cards: the legend's count and each phase header's as the language writes thousands."""
    journey = long_journey(language)
    journey.touchpoints = [
        Touchpoint(i + 1, 1, 1, i, f"Kaart {i}" if language is Language.NL else f"Card {i}") for i in range(1200)
    ]
    target = tmp_path / "poster.pdf"
    plan = render_poster(journey, target, PosterOptions(paper=PAPERS["A0"]))
    printed = [t.text for t in texts(target, plan.page_height)]
    assert written in " ".join(printed)
    assert not any("1200" in text for text in printed)
