"""Reading posters back: text fragments with their places, mapped onto the layout's cards."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from cjmapper.layout import Layout
from cjmapper.poster import PosterPlan
from cjmapper.text import FontMetrics


@dataclass(frozen=True)
class Fragment:
    text: str
    x: float
    """Page points from the left ..."""
    y: float
    """... and from the bottom, of the text's baseline start."""
    size: float


def fragments(path: Path, page: int = 0) -> list[Fragment]:
    found: list[Fragment] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        text = text.rstrip("\n")
        if not text:
            return
        a, b, c, d, e, f = cm
        x, y = tm[4], tm[5]
        found.append(Fragment(text, a * x + c * y + e, b * x + d * y + f, size * abs(a)))

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return found


def pages_text(path: Path) -> list[str]:
    """The text of each page as poppler's pdftotext reads it (installed with pdftoppm by scripts/test), in the
    order the page draws it (-raw: text that overlaps other text is not merged with it, as pypdf does not).
    pypdf reads the text of every form a page draws, in Python: a tile sheet draws the whole poster, and reading
    fifteen of them took 30 s; pdftotext reads them all in a fraction of a second."""
    command = ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"]
    text = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout
    return text.split("\f")[:-1]  # every page ends with a form feed


def to_layout(plan: PosterPlan, x: float, y: float) -> tuple[float, float]:
    """A page point in layout units."""
    return (x - plan.map_x) / plan.scale, (plan.map_top - y) / plan.scale


def card_lines(plan: PosterPlan, layout: Layout, found: list[Fragment]) -> tuple[dict[int, list[str]], list[str]]:
    """Each card's text lines as printed inside it (runs on one baseline joined, left to right), and every text
    that starts inside a card but runs past its right edge or lies in two cards."""
    lines: dict[int, dict[float, list[tuple[float, str]]]] = {}
    problems: list[str] = []
    for fragment in found:
        lx, ly = to_layout(plan, fragment.x, fragment.y)
        inside = [card for card in layout.cards.values() if card.rect.contains(lx, ly)]
        if not inside:
            continue
        if len(inside) > 1:
            problems.append(f"{fragment.text!r} lies in {len(inside)} cards")
        card = inside[0]
        size = fragment.size / plan.scale
        # The width as the fonts measure it (one run may be a fallback font: its width is measured the same way).
        right = lx + FontMetrics(size).width(fragment.text)
        if right > card.rect.right + 0.01 or ly > card.rect.bottom:
            problems.append(f"{fragment.text!r} runs out of card {card.touchpoint_id}")
        lines.setdefault(card.touchpoint_id, {}).setdefault(round(ly, 2), []).append((lx, fragment.text))
    joined = {
        card_id: ["".join(text for _, text in sorted(runs)).strip() for _, runs in sorted(rows.items())]
        for card_id, rows in lines.items()
    }
    return joined, problems
