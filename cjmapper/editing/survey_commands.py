"""The command that imports survey results onto the open journey: one undo step. Its first execution saves a named
version of the journey and adds the responses (one library transaction); undo deletes exactly those responses (the
version stays, a record of the map as it was); redo adds them again. Nothing on the map changes: its change is
`ChangeKind.VERSIONS`, which the heat view reads its figures again on."""

from __future__ import annotations

from collections.abc import Sequence

from cjmapper.survey.match import Response

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
