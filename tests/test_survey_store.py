"""Survey responses and targets in the library, on a file and a team library: an import is one transaction after a
named version, its undo deletes exactly its rows, targets are set and cleared, stale edits are refused, and
everything goes with its journey."""

from __future__ import annotations

import pytest

from cjmapper.errors import EditError, StaleEditError
from cjmapper.store import Library
from cjmapper.survey.kinds import Metric
from cjmapper.survey.match import Response
from cjmapper.survey.metrics import Target
from tests.survey_helpers import survey_journey

pytestmark = pytest.mark.both_backends


def test_an_import_is_stored_after_a_version_and_its_undo_deletes_only_its_rows(library: Library) -> None:
    journey_id = library.create_journey(survey_journey())
    revision = library.load_journey(journey_id).revision
    first = [Response(Metric.CSAT, 4, touchpoint_id=1, persona="Sanne", answered_on="2026-03-31")]
    done = library.import_survey(journey_id, first, version_name="Voor", expected_revision=revision)
    assert (done.batch, done.responses, done.revision) == (1, 1, revision + 1)
    assert done.version is not None
    assert done.version.name == "Voor"
    second = [Response(Metric.NPS, 9, phase_id=2), Response(Metric.CES, 2, unassigned="Elders")]
    again = library.import_survey(journey_id, second, version_name="Voor")
    assert again.batch == 2
    assert again.version is not None
    assert again.version.name == "Voor (2)"
    assert library.survey_responses(journey_id) == first + second
    with pytest.raises(StaleEditError):
        library.import_survey(journey_id, second, expected_revision=revision)
    assert library.remove_survey_import(journey_id, again.batch) == again.revision + 1
    assert library.survey_responses(journey_id) == first
    assert [v.name for v in library.list_versions(journey_id)] == ["Voor (2)", "Voor"]


def test_targets_are_set_replaced_and_cleared_with_what_they_were(library: Library) -> None:
    journey_id = library.create_journey(survey_journey())
    assert library.set_survey_target(journey_id, 2, Metric.CSAT, 0.8).value is None
    previous = library.set_survey_target(journey_id, 2, Metric.CSAT, 0.75, higher_is_better=False).value
    assert previous == Target(2, Metric.CSAT, 0.8, True)
    library.set_survey_target(journey_id, 3, Metric.NPS, 30)
    assert library.survey_targets(journey_id) == [Target(2, Metric.CSAT, 0.75, False), Target(3, Metric.NPS, 30.0)]
    library.set_survey_target(journey_id, 2, Metric.CSAT, None)
    assert library.survey_targets(journey_id) == [Target(3, Metric.NPS, 30.0)]
    with pytest.raises(EditError, match=r"A CSAT target must be from 0\.0 to 1\.0"):
        library.set_survey_target(journey_id, 2, Metric.CSAT, 80)
    other = library.create_journey(survey_journey("Ander"))
    other_phase = library.load_journey(other).phases[0].id
    with pytest.raises(EditError, match="no phase with id"):
        library.set_survey_target(journey_id, other_phase, Metric.CSAT, 0.5)


def test_responses_and_targets_go_with_their_journey(library: Library) -> None:
    journey_id = library.create_journey(survey_journey())
    kept = library.create_journey(survey_journey("Blijft"))
    library.import_survey(journey_id, [Response(Metric.CSAT, 4, touchpoint_id=1)])
    library.import_survey(kept, [Response(Metric.CSAT, 5, phase_id=1)])
    library.set_survey_target(journey_id, 1, Metric.CSAT, 0.8)
    library.delete_journey(journey_id)
    assert library.survey_responses(journey_id) == []
    assert library.survey_targets(journey_id) == []
    assert library.survey_responses(kept) == [Response(Metric.CSAT, 5, phase_id=1)]
