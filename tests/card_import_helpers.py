"""Sheets of cards as a consultant brings them (a Dutch Excel CSV, an XLSX), and a card's content as compared after an
import: its phase and lane by name and every field a sheet carries."""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl

from cjmapper.model import Journey

DUTCH_HEADER = ["Fase", "Rij", "Titel", "Kanaal", "Score", "Notities", "Eigenaar", "Stemmen", "Status"]
DUTCH_ROWS = [
    [
        "Bewustwording",
        "Contactmomenten",
        "Advertentie op Instagram",
        "Sociale media",
        "4,0",
        "Veel likes",
        "Eva",
        "3",
        "",
    ],
    ["Overweging", "Contactmomenten", "Prijzen vergelijken", "Zoekmachine", "2", "", "", "5", "Open"],
    ["Aankoop", "Knelpunten", "Verzendkosten pas aan het eind", "", "1", "Café-klanten haken af", "", "12", "Bezig"],
    ["Service", "kansen", "Bezorgmoment kiezen", "Verzendupdates", "", "", "Jan", "8", "klaar"],
]
"""Four rows of a Dutch workshop sheet (the lane "kansen" in lower case, a decimal comma, Dutch status words)."""


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], encoding: str = "cp1252", bom: bool = False
) -> Path:
    """A CSV as Dutch Excel saves it: semicolons, CRLF, Windows-1252 (or UTF-8 with a BOM)."""
    lines = [";".join(header), *(";".join(_quoted(cell) for cell in row) for row in rows)]
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ';"\n') else cell


def write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def sticky_notes(count: int = 120, seed: int = 18) -> list[list[str]]:
    """`count` sticky notes of a Dutch workshop wall over the five-phase template's phases and card lanes."""
    rng = random.Random(seed)
    phases = ["Bewustwording", "Overweging", "Aankoop", "Service", "Loyaliteit"]
    lanes = ["Contactmomenten", "Klantacties", "Knelpunten", "Kansen"]
    return [
        [
            rng.choice(phases),
            rng.choice(lanes),
            f"Notitie {i + 1}: {rng.choice(['bellen', 'mailen', 'wachten', 'zoeken'])}",
            rng.choice(["", "Telefoon", "E-mail", "Website", "Klantenservice"]),
            rng.choice(["", "1", "2", "3,0", "4", "5"]),
            rng.choice(["", "Gezien op de muur", "Twee keer genoemd"]),
            "",
            str(rng.randrange(0, 9)),
            rng.choice(["", "open", "bezig", "klaar"]),
        ]
        for i in range(count)
    ]


def card_contents(journey: Journey) -> list[tuple[object, ...]]:
    """Every card's phase and lane names and sheet fields, in the map's order."""
    phases = {p.id: p.name for p in journey.phases}
    lanes = {lane.id: lane.name for lane in journey.lanes}
    return [
        (
            phases[c.phase_id],
            lanes[c.lane_id],
            c.title,
            c.channel,
            c.score,
            c.expectation,
            c.owner,
            c.votes,
            c.notes,
            c.status,
        )
        for c in journey.ordered_touchpoints()
    ]
