"""A small journey to import survey rows onto, and survey files written as Dutch and English spreadsheets write
them."""

from __future__ import annotations

from pathlib import Path

from cjmapper.model import Journey, Lane, Persona, Phase, Touchpoint


def survey_journey(title: str = "Installateur") -> Journey:
    """Three phases, one lane, four cards (one title twice, one with an accent)."""
    phases = [Phase(1, "Oriëntatie"), Phase(2, "Offerte"), Phase(3, "Installatie")]
    lanes = [Lane(1, "Contactmomenten")]
    cards = [
        Touchpoint(1, 1, 1, 0, "Website bekijken"),
        Touchpoint(2, 2, 1, 0, "Offerte ontvangen"),
        Touchpoint(3, 3, 1, 0, "Café-gesprek"),
        Touchpoint(4, 3, 1, 1, "Nazorg"),
        Touchpoint(5, 3, 1, 2, "Nazorg"),
    ]
    return Journey(0, title, personas=[Persona("Sanne")], phases=phases, lanes=lanes, touchpoints=cards)


def write(path: Path, text: str, encoding: str = "utf-8", bom: bool = False) -> Path:
    data = text.replace("\n", "\r\n").encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path
