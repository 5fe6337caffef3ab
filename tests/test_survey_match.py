"""Matching survey rows to a journey: columns by English or Dutch header or by mapping, touchpoints by id or exact
title, phases by name, and the preview's valid, invalid, duplicate and unmatched rows."""

from __future__ import annotations

import pytest

from cjmapper.model import Persona
from cjmapper.survey.kinds import Metric
from cjmapper.survey.match import Field, Response, Status, parse_mapping, persona_names, preview
from cjmapper.survey.read import SurveyFileError, SurveyTable
from tests.survey_helpers import survey_journey


def table(headers: tuple[str, ...], *rows: tuple[str, ...]) -> SurveyTable:
    return SurveyTable(headers, tuple((i + 2, r) for i, r in enumerate(rows)))


def test_rows_are_matched_by_id_title_or_phase_and_sorted_into_the_four_kinds() -> None:
    rows = table(
        ("respondent", "touchpoint", "phase", "metric", "value", "persona", "date"),
        ("r1", "2", "", "csat", "5", "", ""),  # by id
        ("r2", "  website   BEKIJKEN ", "", "NPS", "10", "sanne", "2026-01-05"),  # title, case and spaces aside
        ("r3", "", "offerte", "CES", "3", "", ""),  # a phase alone
        ("r4", "Nazorg", "", "csat", "4", "", ""),  # two cards have this title
        ("r5", "Bestaat niet", "", "csat", "4", "", ""),
        ("r6", "", "Geen fase", "score", "2", "", ""),
        ("r7", "1", "", "tevredenheid", "6", "", ""),
        ("r8", "1", "", "csat", "4.5", "", ""),
        ("r9", "1", "", "nps", "", "", ""),
        ("r10", "1", "", "gevoel", "3", "", ""),
        ("r11", "1", "", "csat", "4", "", "gisteren"),
        ("r1", "2", "", "csat", "5", "", ""),  # a duplicate of the first row
        ("r5", "Bestaat niet", "", "csat", "4", "", ""),  # a duplicate of an unmatched row
    )
    result = preview(rows, survey_journey())
    assert [(r.row, r.status) for r in result.rows] == [
        (2, Status.VALID),
        (3, Status.VALID),
        (4, Status.VALID),
        (5, Status.INVALID),
        (6, Status.UNMATCHED),
        (7, Status.UNMATCHED),
        (8, Status.INVALID),
        (9, Status.INVALID),
        (10, Status.INVALID),
        (11, Status.INVALID),
        (12, Status.INVALID),
        (13, Status.DUPLICATE),
        (14, Status.DUPLICATE),
    ]
    assert [r.reason for r in result.of(Status.INVALID)] == [
        "“Nazorg” is the title of 2 touchpoints; name it by its id",
        "CSAT must be a whole number from 1 to 5, not 6",
        "CSAT must be a whole number from 1 to 5, not 4.5",
        "no value",
        "unknown metric “gevoel” (csat, nps, ces or score)",
        "“gisteren” is not a date (2026-03-31 or 31-03-2026)",
    ]
    valid = [r.response for r in result.of(Status.VALID)]
    assert valid == [
        Response(Metric.CSAT, 5, touchpoint_id=2),
        Response(Metric.NPS, 10, touchpoint_id=1, persona="Sanne", answered_on="2026-01-05"),
        Response(Metric.CES, 3, phase_id=2),
    ]
    assert [r.unassigned for r in result.to_store(keep_unassigned=True)][3:] == ["Bestaat niet", "Geen fase"]
    assert len(result.to_store(keep_unassigned=False)) == 3


def test_rows_already_stored_are_duplicates() -> None:
    """The same export imported again adds nothing; a later export repeating its rows adds only its new ones."""
    first = table(("contactmoment", "meting", "waarde"), ("1", "csat", "4"), ("1", "csat", "5"))
    stored = preview(first, survey_journey()).to_store(keep_unassigned=True)
    again = preview(first, survey_journey(), stored=stored)
    assert [r.status for r in again.rows] == [Status.DUPLICATE, Status.DUPLICATE]
    later = table(("contactmoment", "meting", "waarde"), ("1", "csat", "4"), ("1", "csat", "5"), ("2", "csat", "3"))
    assert [r.status for r in preview(later, survey_journey(), stored=stored).rows] == [
        Status.DUPLICATE,
        Status.DUPLICATE,
        Status.VALID,
    ]


def test_alike_rows_are_two_respondents_unless_a_column_tells_respondents_apart() -> None:
    """Without a column cjmapper does not read, two alike rows are two people who answered alike: both count (20
    NPS answers of a phase on one day are 20, not the 11 values they hold). With a respondent's id, a row alike in
    every column is one row twice."""
    alike = table(("fase", "meting", "waarde", "datum"), *[("offerte", "nps", "9", "2026-09-15")] * 3)
    result = preview(alike, survey_journey())
    assert [r.status for r in result.rows] == [Status.VALID] * 3
    stored = result.to_store(keep_unassigned=True)
    assert len(stored) == 3
    assert [r.status for r in preview(alike, survey_journey(), stored=stored).rows] == [Status.DUPLICATE] * 3
    with_id = table(
        ("klant", "fase", "meting", "waarde"),
        ("17", "offerte", "nps", "9"),
        ("17", "offerte", "nps", "9"),
        ("18", "offerte", "nps", "9"),
    )
    assert [r.status for r in preview(with_id, survey_journey()).rows] == [
        Status.VALID,
        Status.DUPLICATE,
        Status.VALID,
    ]


def test_columns_can_be_mapped_and_a_mapping_wins_over_a_header() -> None:
    rows = table(("Vraag", "Soort", "Cijfer", "Fase"), ("Offerte ontvangen", "csat", "4", "Installatie"))
    mapping = parse_mapping(["vraag=contactmoment", "Soort=metric", "Cijfer=waarde"])
    assert mapping == {"vraag": Field.TOUCHPOINT, "Soort": Field.METRIC, "Cijfer": Field.VALUE}
    [row] = preview(rows, survey_journey(), mapping).rows
    assert row.response == Response(Metric.CSAT, 4, touchpoint_id=2)
    with pytest.raises(SurveyFileError, match="is not COLUMN=FIELD"):
        parse_mapping(["Vraag=kleur"])
    with pytest.raises(SurveyFileError, match="has no column “Antwoord”"):
        preview(rows, survey_journey(), parse_mapping(["Antwoord=value"]))
    with pytest.raises(SurveyFileError, match="No column for metric, value"):
        preview(table(("Vraag", "Fase")), survey_journey())


def test_a_rows_persona_takes_the_journeys_spelling_of_a_persona_it_has() -> None:
    journey = survey_journey()
    assert persona_names(journey) == ("Sanne",)
    rows = table(
        ("touchpoint", "metric", "value", "persona"), ("1", "csat", "4", " SANNE "), ("1", "csat", "5", "Kees")
    )
    result = preview(rows, journey)
    assert [r.response.persona for r in result.rows if r.response is not None] == ["Sanne", "Kees"]


def test_a_rows_persona_is_matched_against_every_persona_of_the_journey() -> None:
    journey = survey_journey()
    journey.personas.append(Persona("Kees de Vries"))
    assert persona_names(journey) == ("Sanne", "Kees de Vries")
    rows = table(
        ("touchpoint", "metric", "value", "persona"), ("1", "csat", "4", "kees  DE vries"), ("1", "csat", "5", "Anna")
    )
    result = preview(rows, journey)
    assert [r.response.persona for r in result.rows if r.response is not None] == ["Kees de Vries", "Anna"]
