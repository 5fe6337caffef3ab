"""The commands on the open journey's survey results: importing them, setting a phase's target, and assigning or
deleting responses of the Unassigned list (each one library transaction, its undo another).

Importing survey results onto the open journey is one undo step. Its first execution saves a named
version of the journey and adds the responses (one library transaction); undo deletes exactly those responses (the
version stays, a record of the map as it was); redo adds them again. Nothing on the map changes: its change is
`ChangeKind.VERSIONS`, which the heat view reads its figures again on. Setting a target is one undo step too, whose
undo puts the previous target (or none) back."""

from __future__ import annotations

from collections.abc import Sequence

from cjmapper.store.survey_edits import ResponsePlace, StoredResponse
from cjmapper.survey.kinds import Metric
from cjmapper.survey.match import Response
from cjmapper.survey.metrics import Target

from .changes import Change, ChangeKind
from .command import Command
from .gate import Touches
from .labels import Label, marked
from .parts import Parts
from .snapshot import JourneySnapshot

SURVEY_CHANGED = Change(ChangeKind.VERSIONS, versions=True)


class ImportSurveyCommand(Command):
    """Add survey responses to the journey, after saving version `version_name`."""

    TOUCHES = Touches.VERSIONS

    def __init__(self, snapshot: JourneySnapshot, responses: Sequence[Response], version_name: str) -> None:
        super().__init__(snapshot)
        self.responses = tuple(responses)
        self.version_name = version_name
        self.batch: int | None = None

    def execute(self) -> Change:
        done = self.library.import_survey(
            self.snapshot.journey_id, self.responses, version_name=self.version_name, expected_revision=self.seen
        )
        self.snapshot.adopt(done.revision)
        self.batch = done.batch
        self.label = Label(marked("Import {0} survey responses"), (len(self.responses),))
        return SURVEY_CHANGED

    def holds(self) -> Parts:
        return Parts()  # responses name cards by id, and stay valid whatever happens to the cards

    def backward(self) -> Change:
        assert self.batch is not None
        self.snapshot.adopt(
            self.library.remove_survey_import(self.snapshot.journey_id, self.batch, expected_revision=self.seen)
        )
        return SURVEY_CHANGED

    def forward(self) -> Change:
        done = self.library.import_survey(self.snapshot.journey_id, self.responses, expected_revision=self.seen)
        self.snapshot.adopt(done.revision)
        self.batch = done.batch
        return SURVEY_CHANGED


class SetTargetCommand(Command):
    """Set (or with None, clear) a phase's target for one survey metric; undo puts the previous target back."""

    TOUCHES = Touches.VERSIONS

    def __init__(
        self, snapshot: JourneySnapshot, phase_id: int, metric: Metric, value: float | None, higher_is_better: bool
    ) -> None:
        super().__init__(snapshot)
        self.phase_id, self.metric = phase_id, metric
        self.value, self.higher_is_better = value, higher_is_better
        self.previous: Target | None = None

    def execute(self) -> Change:
        change = self.forward()
        self.label = Label(marked("Set {0} target"), (self.metric.value.upper(),))
        return change

    def holds(self) -> Parts:
        return Parts()  # a target names its phase by id, and stays valid whatever happens to the phase

    def forward(self) -> Change:
        done = self.library.set_survey_target(
            self.snapshot.journey_id,
            self.phase_id,
            self.metric,
            self.value,
            self.higher_is_better,
            expected_revision=self.seen,
        )
        self.snapshot.adopt(done.revision)
        self.previous = done.value
        return SURVEY_CHANGED

    def backward(self) -> Change:
        previous = self.previous
        done = self.library.set_survey_target(
            self.snapshot.journey_id,
            self.phase_id,
            self.metric,
            None if previous is None else previous.value,
            True if previous is None else previous.higher_is_better,
            expected_revision=self.seen,
        )
        self.snapshot.adopt(done.revision)
        return SURVEY_CHANGED


class PlaceResponsesCommand(Command):
    """Put responses of the Unassigned list on a card or a phase (or anywhere `placements` say); undo puts each back
    where it was."""

    TOUCHES = Touches.VERSIONS

    def __init__(self, snapshot: JourneySnapshot, placements: Sequence[ResponsePlace]) -> None:
        super().__init__(snapshot)
        self.placements = tuple(placements)
        self.previous: tuple[ResponsePlace, ...] = ()

    def execute(self) -> Change:
        change = self.forward()
        self.label = Label(marked("Assign {0} survey responses"), (len(self.placements),))
        return change

    def holds(self) -> Parts:
        return Parts()  # responses name cards and phases by id, and stay valid whatever happens to them

    def forward(self) -> Change:
        done = self.library.place_survey_responses(
            self.snapshot.journey_id, self.placements, expected_revision=self.seen
        )
        self.snapshot.adopt(done.revision)
        self.previous = done.value
        return SURVEY_CHANGED

    def backward(self) -> Change:
        done = self.library.place_survey_responses(self.snapshot.journey_id, self.previous, expected_revision=self.seen)
        self.snapshot.adopt(done.revision)
        return SURVEY_CHANGED


class DeleteResponsesCommand(Command):
    """Delete survey responses (from the Unassigned list); undo puts them back under their ids."""

    TOUCHES = Touches.VERSIONS

    def __init__(self, snapshot: JourneySnapshot, response_ids: Sequence[int]) -> None:
        super().__init__(snapshot)
        self.response_ids = tuple(response_ids)
        self.deleted: tuple[StoredResponse, ...] = ()

    def execute(self) -> Change:
        change = self.forward()
        self.label = Label(marked("Delete {0} survey responses"), (len(self.response_ids),))
        return change

    def holds(self) -> Parts:
        return Parts()

    def forward(self) -> Change:
        done = self.library.delete_survey_responses(
            self.snapshot.journey_id, self.response_ids, expected_revision=self.seen
        )
        self.snapshot.adopt(done.revision)
        self.deleted = done.value
        return SURVEY_CHANGED

    def backward(self) -> Change:
        self.snapshot.adopt(
            self.library.restore_survey_responses(self.snapshot.journey_id, self.deleted, expected_revision=self.seen)
        )
        return SURVEY_CHANGED
