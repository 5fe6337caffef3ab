"""A small journey to import survey rows onto, a library of it with answers and targets, and survey files written as
Dutch and English spreadsheets write them."""

from __future__ import annotations

from pathlib import Path

from cjmapper.model import Journey, Lane, Persona, Phase, Touchpoint
from cjmapper.store import Library
from cjmapper.survey.kinds import Metric
from cjmapper.survey.match import Response


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


def heat_library(path: Path) -> Path:
    """A library at `path` with the survey journey, CSAT and CES targets in two phases and answers that miss one
    and beat the other (what the heat view's tests draw)."""
    with Library.open(path) as library:
        journey_id = library.create_journey(survey_journey())
        journey = library.load_journey(journey_id)
        library.set_survey_target(journey_id, journey.phases[1].id, Metric.CSAT, 0.8)
        library.set_survey_target(journey_id, journey.phases[2].id, Metric.CES, 3.0, higher_is_better=False)
        library.import_survey(
            journey_id,
            [
                Response(Metric.CSAT, 5, touchpoint_id=2),
                Response(Metric.CSAT, 2, touchpoint_id=2),
                Response(Metric.CES, 1, touchpoint_id=3),
                Response(Metric.CES, 2, touchpoint_id=3),
            ],
        )
    return path


def write(path: Path, text: str, encoding: str = "utf-8", bom: bool = False) -> Path:
    data = text.replace("\n", "\r\n").encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path
