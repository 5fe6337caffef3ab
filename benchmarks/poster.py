"""Poster benchmarks: an A0 PDF of 1,000 and 5,000 cards, against the floor of bare reportlab drawing the same
cards (body, stripe, title and note lines, channel name, score badge) into a PDF with the same settings."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from benchmarks.store import Result, _median_ms, big_journey
from cjmapper.layout import compute_layout
from cjmapper.poster import A0, PosterOptions, render_poster
from cjmapper.text import font_name


def bench_poster(cards: int, max_ratio: float | None, max_ms: float, repeat: int = 3) -> Result:
    journey = big_journey(cards)
    layout = compute_layout(journey)
    width, height = A0.oriented(True)
    regular, bold = font_name(), font_name(bold=True)
    scores = {t.id: t.score for t in journey.touchpoints}
    m = layout.metrics
    scale = min((width - 144) / layout.width, (height - 300) / layout.height)

    def ours() -> object:
        return render_poster(journey, io.BytesIO(), PosterOptions(paper=A0))

    def floor() -> object:
        c = Canvas(io.BytesIO(), pagesize=(width, height), pageCompression=1, initialFontName=regular)
        c.translate(72, height - 150)
        c.scale(scale, scale)
        for card in layout.cards.values():
            r = card.rect
            c.setFillColorRGB(0.9, 0.95, 1.0)
            c.roundRect(r.x, -r.bottom, r.width, r.height, 5, stroke=1, fill=1)
            c.setFillColorRGB(0.6, 0.8, 0.9)
            c.rect(r.x, -r.bottom, 4, r.height, stroke=0, fill=1)
            c.setFillColorRGB(0.1, 0.1, 0.2)
            c.setFont(regular, m.font_size)
            y = r.y + m.card_padding + m.font_size
            for line in card.title_lines:
                c.drawString(r.x + m.card_padding, -y, line)
                y += m.line_height
            c.setFont(regular, m.note_font_size)
            for line in card.note_lines:
                c.drawString(r.x + m.card_padding, -y, line)
                y += m.note_line_height
            c.setFont(regular, m.font_size)
            c.drawString(r.x + m.card_padding, -(r.bottom - m.card_padding - 4), card.channel_label)
            c.setFillColorRGB(0.2, 0.6, 0.2)
            c.circle(r.right - 16, -(r.bottom - 17), 8, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.setFont(bold, 10)
            c.drawCentredString(r.right - 16, -(r.bottom - 20), str(scores[card.touchpoint_id]))
        c.showPage()
        c.save()
        return c

    ours()  # fonts registered, caches warm as in a running editor
    floor()
    measured = min(_median_ms(ours, repeat) for _ in range(2))
    base = min(_median_ms(floor, repeat) for _ in range(2))
    return Result(f"A0 poster of {cards:,} cards (PDF, compressed)", measured, base, max_ratio, max_ms)


def run_all() -> list[Result]:
    return [bench_poster(1000, 1.5, 1500.0), bench_poster(5000, None, 8000.0, repeat=1)]


if __name__ == "__main__":
    for result in run_all():
        print(f"{result.name}: {result.measured_ms:.0f} ms, floor {result.floor_ms:.0f} ms ({result.ratio:.2f}x)")
