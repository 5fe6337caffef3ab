"""The journey open in the editor, and the one path by which the editor changes it.

Every edit goes through `JourneyDocument`: it runs an editing command of the core (`cjmapper.editing`) at once, so
the change is in the library file when the method returns; the command patches the snapshot (`journey`) from what
the library returned; the document puts the command on the undo stack (`ui.editing.commands.UndoStep`) and emits
`changed` with what changed (a `Change`: the cards added, removed or updated, the phases and lanes, the journey's
fields, or only its named versions), so a view can update only those items. Undo and redo run the command's inverse
and forward library calls, durable the same way. The edits grouped by `macro()`, and the undo or redo of such a
group, emit one change, merged, when the group is done.

`journey` always equals what the library file holds: when the library refuses an undo or redo (say another program
holds its lock), the document re-reads the journey, clears the undo history (which no longer matches the file) and
emits `failed` with a message for the user.

Two editors on one library: every library call passes the revision the document last saw (the one the library
returned after its last edit), so an edit of a journey that another window or program changed meanwhile is refused
(the other's work stays); the document then re-reads the journey. `refresh()` (polled by the window, and run before
each undo and redo) re-reads it as soon as a change made elsewhere shows up. Either way the undo history keeps every
step that holds no part the other's edit changed (`ui.editing.history`): undo still undoes this window's own edits
and leaves the other's alone; the steps that must go are dropped, and `notice` says which part caused it.

The gate (`cjmapper.editing.gate.Gate`, shared by a window's documents): what it closes (workshop mode the structure,
a read-only library everything) the document refuses, as a new edit and as an undo or redo (`undo()`, `redo()`),
emitting `refused` with the message of whoever closed it; nothing changes then.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from cjmapper.card_import.plan import ImportPlan
from cjmapper.editing import CONTEXT, Change, ChangeKind, Command, Gate, JourneySnapshot, Label, merged
from cjmapper.editing.card_commands import (
    AddTouchpointCommand,
    DeleteTouchpointsCommand,
    InsertTouchpointsCommand,
    MoveTouchpointsCommand,
)
from cjmapper.editing.card_import_commands import import_cards_command
from cjmapper.editing.comment_commands import (
    AddCommentCommand,
    DeleteCommentCommand,
    EditCommentCommand,
    ResolveCommentCommand,
)
from cjmapper.editing.field_commands import (
    UpdateJourneyCommand,
    UpdateLaneCommand,
    UpdatePhaseCommand,
    UpdateTouchpointCommand,
    UpdateTouchpointsCommand,
)
from cjmapper.editing.gate import Verb
from cjmapper.editing.image_commands import SetCardImage, SetWallPhoto
from cjmapper.editing.matrix_commands import PlaceCardCommand, SetMatrixLabelsCommand
from cjmapper.editing.parts import changed_parts
from cjmapper.editing.persona_commands import (
    AddPersonaCommand,
    MovePersonaCommand,
    RemovePersonaCommand,
    SetRatingCommand,
    UpdatePersonaCommand,
)
from cjmapper.editing.structure_commands import (
    AddLaneCommand,
    AddPhaseCommand,
    DeleteLaneCommand,
    DeletePhaseCommand,
    MoveLaneCommand,
    MovePhaseCommand,
)
from cjmapper.editing.survey_commands import (
    DeleteResponsesCommand,
    ImportSurveyCommand,
    PlaceResponsesCommand,
    SetTargetCommand,
)
from cjmapper.editing.version_commands import DeleteVersionCommand, RestoreVersionCommand, SaveVersionCommand
from cjmapper.errors import CjmapperError, StaleEditError
from cjmapper.images import PreparedImage
from cjmapper.model import ImageRef, Journey, LaneKind, MatrixLabels, Persona, Rating, Touchpoint
from cjmapper.store import Library, VersionInfo
from cjmapper.store.survey_edits import ResponsePlace
from cjmapper.survey.kinds import Metric
from cjmapper.survey.match import Response

from .commands import UndoStep, touches
from .history import keep_steps

__all__ = ["CONTEXT", "Change", "ChangeKind", "JourneyDocument"]
"""`Change` and `ChangeKind` live in `cjmapper.editing`; they are named here too for the views that import them."""

MESSAGE_NAME = 24
"""A card's (phase's, lane's) name in a status bar message is cut to this many characters, so the message fits."""


class JourneyDocument(QObject):
    """One journey of a library, open for editing. The caller keeps the library open while the document lives.

    Each edit method is one undo step. It returns None/False (and emits `failed` or `refused`) when the edit was
    refused; the library and `journey` are then as they were. An edit that would change nothing returns success
    and adds no undo step."""

    changed = Signal(object)
    """A `Change`, after every edit, undo and redo (one per macro), and after reload()."""
    failed = Signal(str)
    """An edit, undo or redo could not be saved: the message for the user. `journey` was re-read first."""
    refused = Signal(str)
    """The gate forbids an edit, undo or redo (workshop mode, a read-only library): the message for the user."""
    versions_changed = Signal()
    """A named version of the journey was saved, deleted or put back (by an edit, undo or redo)."""
    notice = Signal(str)
    """Something the user should know that is not a failure (the journey was updated with changes made elsewhere)."""

    def __init__(
        self,
        library: Library,
        journey_id: int,
        parent: QObject | None = None,
        *,
        gate: Gate | None = None,
        source: Callable[[], Journey] | None = None,
    ) -> None:
        """`gate`: the window's (shared by its documents), else one of its own. `source`: what reads the journey
        (see `JourneySnapshot`)."""
        super().__init__(parent)
        self.snapshot = JourneySnapshot(library, journey_id, source)
        self.gate = gate if gate is not None else Gate()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._settle_history)
        self._history_error: str | None = None
        self._history_stale: tuple[str, str, int] | None = None
        """(verb, command text, revision) of an undo or redo refused with an error that a change made elsewhere
        may explain."""
        self._history_changes: list[Change] = []
        """What the undo or redo under way changed so far (every step of a macro): emitted when the stack is done."""
        self._typing_session = 0
        self._macro_depth = 0
        self._macro_changes: list[Change] = []
        self._clear_after_macro = False
        self._quiet = False
        """True while the undo stack is built again (`ui.editing.history`): its steps' undo reaches nothing."""

    @property
    def library(self) -> Library:
        return self.snapshot.library

    @property
    def journey_id(self) -> int:
        return self.snapshot.journey_id

    @property
    def journey(self) -> Journey:
        """The current snapshot, always equal to what the library file holds (see `JourneySnapshot`)."""
        return self.snapshot.journey

    # ------------------------------------------------------------------ reading

    def own_revision(self, since: int) -> int | None:
        """The journey's revision now when every change of it since revision `since` was this document's own edit
        (or its undo or redo), else None: then someone else may have changed it in between. A journey-level undo
        step (`ui.editing.library_commands`) made at revision `since` expects this revision, so the user's own edits
        of the journey after the step do not count as someone else's."""
        if self.snapshot.read_at <= since <= self.journey.revision:
            return self.journey.revision
        return None

    def reload(self) -> None:
        """Re-read the journey from the library and emit Change.everything(). Raises CjmapperError when the
        library cannot be read (the snapshot is then left as it was). Cards that read back equal keep their objects
        (`JourneySnapshot.reread`)."""
        self.snapshot.reread()
        self._typing_session += 1
        self.changed.emit(Change.everything())

    def refresh(self, revision: int | None = None) -> bool:
        """Catch up with changes made elsewhere (another window or program): when the journey's revision in the
        library (`revision`, or read now) is newer than the one last seen, re-read it, drop the undo steps that hold
        a part the other's edit changed (see `keep_history`) and emit `notice`. Returns whether it re-read. Raises
        CjmapperError when the library cannot be read.

        An older `revision` is no change: a team library's revisions come from change notices, and the notice of
        this document's own last edit may not have arrived yet (revisions only ever grow)."""
        if revision is None:
            revision = self.library.revision(self.journey_id)
        if revision <= self.journey.revision:
            return False
        before = self.journey
        self.reload()
        self.notice.emit(
            self.keep_history(before) or QCoreApplication.translate(CONTEXT, "Updated with changes made elsewhere.")
        )
        return True

    def keep_history(self, before: Journey) -> str:
        """After a re-read that showed someone else's edit (the journey was `before`): drop the undo steps that hold
        a part it changed, with those they stand in the way of (`ui.editing.history`); keep the others. Returns ""
        when every step stayed, else a short message for the status bar that says why the history shrank."""
        touched = changed_parts(before, self.journey)
        count = self.undo_stack.count()
        if self._macro_depth:  # a macro being recorded cannot be built again: drop it all once it is done
            self._clear_history()
            dropped = count
        else:
            dropped = keep_steps(self.undo_stack, touched, self._history_step, self._set_quiet)
        if not dropped:
            return ""
        names = touched.names or (self.journey.title,)
        name = names[0] if len(names[0]) <= MESSAGE_NAME else names[0][: MESSAGE_NAME - 1] + "…"
        texts = {
            (True, False): QCoreApplication.translate(
                CONTEXT, "Undo history cleared: “{0}” was changed in another window."
            ),
            (True, True): QCoreApplication.translate(
                CONTEXT, "Undo history cleared: “{0}” and {1} more were changed in another window."
            ),
            (False, False): QCoreApplication.translate(
                CONTEXT, "Undo history shortened: “{0}” was changed in another window."
            ),
            (False, True): QCoreApplication.translate(
                CONTEXT, "Undo history shortened: “{0}” and {1} more were changed in another window."
            ),
        }
        return texts[dropped >= count, len(names) > 1].format(name, len(names) - 1)

    def _set_quiet(self, quiet: bool) -> None:
        self._quiet = quiet

    def _clear_history(self) -> None:
        """Clear the undo stack now, or once the macro being recorded is done (clearing inside it would delete it)."""
        if self._macro_depth:
            self._clear_after_macro = True
        else:
            self.undo_stack.clear()

    @staticmethod
    def stale_message() -> str:
        return QCoreApplication.translate(
            CONTEXT,
            "Someone else changed this journey; your edit was not saved. The map now shows their changes.",
        )

    def _reload_quietly(self) -> str:
        """reload(), for failure paths: returns "" or a sentence to add to the failure message."""
        try:
            self.reload()
            self._macro_changes.clear()  # what the reload showed covers them
        except CjmapperError as e:
            return " " + QCoreApplication.translate(CONTEXT, "The journey could not be read back either: {0}").format(e)
        return ""

    # ------------------------------------------------------------------ typing and macros

    def end_typing(self) -> None:
        """End the current typing run: the next typing=True edit starts a new undo step even when it is in the
        same field (call it when a field loses focus). Undo, redo, macros and other edits end a run too."""
        self._typing_session += 1

    @property
    def typing_session(self) -> int:
        return self._typing_session

    @contextlib.contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """Group the edits made inside the block into one undo step labelled `text`, and their changes into one
        `changed`, emitted when the block ends. An edit refused inside the block leaves the others in place; a
        block in which nothing changed adds no undo step."""
        self._typing_session += 1
        self.undo_stack.beginMacro(text)
        self._macro_depth += 1
        try:
            yield
        finally:
            self._macro_depth -= 1
            self.undo_stack.endMacro()
            self._typing_session += 1
            if self._macro_depth == 0:
                self._drop_empty_macro()
                if self._clear_after_macro:
                    self._clear_after_macro = False
                    self.undo_stack.clear()
                change = merged(self._macro_changes)
                self._macro_changes.clear()
                if change is not None:
                    self._emit(change)

    def _drop_empty_macro(self) -> None:
        index = self.undo_stack.index()
        if index == 0:
            return
        top = self.undo_stack.command(index - 1)
        if top.childCount() == 0:
            # Qt removes an obsolete command when it is undone, without calling its undo().
            top.setObsolete(True)
            self.undo_stack.undo()

    def _emit(self, change: Change) -> None:
        self.changed.emit(change)
        if change.versions:
            self.versions_changed.emit()

    # ------------------------------------------------------------------ cards

    def add_touchpoint(
        self, phase_id: int, lane_id: int, title: str, *, index: int | None = None, **fields: object
    ) -> int | None:
        """Add a card to a cell at `index` (None: at the end); `fields` are the card's other fields (notes,
        channel, score, expectation, owner, color, votes). Returns its id."""
        command = AddTouchpointCommand(self.snapshot, phase_id, lane_id, title, index, fields)
        return command.card_ids[0] if self._perform(command) and command.card_ids else None

    def update_touchpoint(self, touchpoint_id: int, *, typing: bool = False, **fields: object) -> bool:
        """Change fields of a card. typing=True: successive edits of the same fields of the same card merge
        into one undo step (each is still written to the library at once)."""
        return self._perform(
            UpdateTouchpointCommand(self.snapshot, touchpoint_id, fields, typing, self._typing_session)
        )

    def update_touchpoints(self, ids: Sequence[int], *, text: str | None = None, **fields: object) -> bool:
        """Set the same fields of several cards: one undo step (labelled `text`, already in the user's language,
        or "Edit N cards"), one library transaction, one change."""
        return self.update_each({card_id: fields for card_id in ids}, text=text)

    def update_each(self, changes: Mapping[int, Mapping[str, object]], *, text: str | None = None) -> bool:
        """Set fields of several cards, each its own (card id: fields): one undo step, transaction and change."""
        label = None if text is None else Label(text, verbatim=True)
        return self._perform(UpdateTouchpointsCommand(self.snapshot, changes, label))

    def move_touchpoints(self, ids: Sequence[int], phase_id: int, lane_id: int, index: int | None) -> bool:
        """Move cards (in the order given) into a cell, to stand at `index` among its other cards (None: end)."""
        return self._perform(MoveTouchpointsCommand(self.snapshot, ids, phase_id, lane_id, index))

    def delete_touchpoints(self, ids: Sequence[int]) -> bool:
        return self._perform(DeleteTouchpointsCommand(self.snapshot, ids))

    def insert_touchpoints(
        self, cards: Sequence[Touchpoint], phase_id: int, lane_id: int, index: int | None
    ) -> list[int]:
        """Paste or duplicate: copies of `cards` (their fields, not their ids or places) into the cell at
        `index` (None: at the end), in the order given. One undo step and one library transaction; returns the
        new cards' ids ([] when refused)."""
        command = InsertTouchpointsCommand(self.snapshot, cards, phase_id, lane_id, index)
        return list(command.card_ids) if self._perform(command) else []

    # ------------------------------------------------------------------ phases and lanes

    def add_phase(self, name: str, *, index: int | None = None, color: str | None = None) -> int | None:
        command = AddPhaseCommand(self.snapshot, name, index, color)
        return command.phase.id if self._perform(command) and command.phase is not None else None

    def update_phase(self, phase_id: int, *, typing: bool = False, **fields: object) -> bool:
        """Change a phase's name, description or color."""
        return self._perform(UpdatePhaseCommand(self.snapshot, phase_id, fields, typing, self._typing_session))

    def move_phase(self, phase_id: int, index: int) -> bool:
        return self._perform(MovePhaseCommand(self.snapshot, phase_id, index))

    def delete_phase(self, phase_id: int) -> bool:
        """Delete a phase with its cards; undo puts the phase and its cards back with the same ids."""
        return self._perform(DeletePhaseCommand(self.snapshot, phase_id))

    def add_lane(
        self,
        name: str,
        kind: LaneKind | str = LaneKind.TOUCHPOINTS,
        *,
        index: int | None = None,
        color: str | None = None,
    ) -> int | None:
        command = AddLaneCommand(self.snapshot, name, kind, index, color)
        return command.lane.id if self._perform(command) and command.lane is not None else None

    def update_lane(self, lane_id: int, *, typing: bool = False, **fields: object) -> bool:
        """Change a lane's name, kind or color."""
        return self._perform(UpdateLaneCommand(self.snapshot, lane_id, fields, typing, self._typing_session))

    def move_lane(self, lane_id: int, index: int) -> bool:
        return self._perform(MoveLaneCommand(self.snapshot, lane_id, index))

    def delete_lane(self, lane_id: int) -> bool:
        """Delete a lane with its cards; undo puts the lane and its cards back with the same ids."""
        return self._perform(DeleteLaneCommand(self.snapshot, lane_id))

    # ------------------------------------------------------------------ the journey

    # ------------------------------------------------------------------ personas

    def add_persona(self, persona: Persona, index: int | None = None) -> bool:
        """Add a persona (last, or at `index`); one undo step."""
        return self._perform(AddPersonaCommand(self.snapshot, persona, index))

    def remove_persona(self, persona_id: int) -> bool:
        """Remove a persona with its scores and targets; undo puts them back."""
        return self._perform(RemovePersonaCommand(self.snapshot, persona_id))

    def move_persona(self, persona_id: int, index: int) -> bool:
        return self._perform(MovePersonaCommand(self.snapshot, persona_id, index))

    def update_persona(self, persona_id: int, **fields: object) -> bool:
        """Rename or recolour a persona (or change its description, goals, frustrations)."""
        return self._perform(UpdatePersonaCommand(self.snapshot, persona_id, fields))

    def set_rating(self, touchpoint_id: int, persona_id: int, rating: Rating) -> bool:
        """Set one persona's score and target on a card."""
        return self._perform(SetRatingCommand(self.snapshot, touchpoint_id, persona_id, rating))

    def update_journey(self, *, typing: bool = False, **fields: object) -> bool:
        """Change the journey's title, description, language, framework or persona."""
        return self._perform(UpdateJourneyCommand(self.snapshot, fields, typing, self._typing_session))

    def place_on_matrix(self, touchpoint_id: int, impact: int | None, effort: int | None) -> bool:
        """Put a card on the impact/effort matrix (both None: take it off, back to the tray)."""
        return self._perform(PlaceCardCommand(self.snapshot, touchpoint_id, impact, effort))

    def set_matrix_labels(self, labels: MatrixLabels) -> bool:
        """Name the matrix's quadrants and axes ("" for a name: the default in the journey's language)."""
        return self._perform(SetMatrixLabelsCommand(self.snapshot, labels))

    # ------------------------------------------------------------------ comments on cards

    def add_comment(self, touchpoint_id: int, author: str, text: str, parent_id: int | None = None) -> bool:
        """Add a comment on a card, or (`parent_id`) a reply to one of its comments; one undo step."""
        return self._perform(AddCommentCommand(self.snapshot, touchpoint_id, author, text, parent_id))

    def edit_comment(self, touchpoint_id: int, comment_id: int, text: str) -> bool:
        return self._perform(EditCommentCommand(self.snapshot, touchpoint_id, comment_id, text))

    def resolve_comment(self, touchpoint_id: int, comment_id: int, resolved: bool = True) -> bool:
        """Resolve a comment (its thread no longer counts as open), or reopen it; one undo step."""
        return self._perform(ResolveCommentCommand(self.snapshot, touchpoint_id, comment_id, resolved))

    def delete_comment(self, touchpoint_id: int, comment_id: int) -> bool:
        """Delete a comment with its replies; one undo step."""
        return self._perform(DeleteCommentCommand(self.snapshot, touchpoint_id, comment_id))

    def set_card_image(self, touchpoint_id: int, image: PreparedImage | ImageRef | None) -> bool:
        """Attach, replace or (None) remove a card's photo; one undo step."""
        return self._perform(SetCardImage(self.snapshot, touchpoint_id, image))

    def set_wall_photo(self, image: PreparedImage | ImageRef | None) -> bool:
        """Set or (None) remove the journey's wall photo; one undo step."""
        return self._perform(SetWallPhoto(self.snapshot, image))

    # ------------------------------------------------------------------ named versions

    def save_version(self, name: str) -> VersionInfo | None:
        """Save the journey as it is now as a named version; one undo step (undo deletes the version)."""
        command = SaveVersionCommand(self.snapshot, name)
        return command.info if self._perform(command) else None

    def delete_version(self, version_id: int) -> bool:
        """Delete a named version; undo puts it back under its own id."""
        return self._perform(DeleteVersionCommand(self.snapshot, version_id))

    def restore_version(self, version_id: int) -> bool:
        """Make the journey what the version holds (fields, phases, lanes and cards with their ids); one undo step,
        whose undo puts the journey's previous content back."""
        return self._perform(RestoreVersionCommand(self.snapshot, version_id))

    def import_survey(self, responses: Sequence[Response], version_name: str) -> bool:
        """Add survey responses after saving a named version; one undo step (undo deletes the responses)."""
        return self._perform(ImportSurveyCommand(self.snapshot, responses, version_name))

    def import_cards(self, plan: ImportPlan) -> bool:
        """Add a sheet's cards (and the phases and lanes it creates) in one transaction; one undo step."""
        return self._perform(import_cards_command(self.snapshot, plan))

    def set_survey_target(self, phase_id: int, metric: Metric, value: float | None, higher_is_better: bool) -> bool:
        """Set (None: clear) a phase's target for a survey metric; one undo step."""
        return self._perform(SetTargetCommand(self.snapshot, phase_id, metric, value, higher_is_better))

    def assign_survey_responses(
        self, response_ids: Sequence[int], touchpoint_id: int | None = None, phase_id: int | None = None
    ) -> bool:
        """Put responses of the Unassigned list on a card (or a phase); one undo step."""
        places = [
            ResponsePlace(i, touchpoint_id, None if touchpoint_id is not None else phase_id) for i in response_ids
        ]
        return self._perform(PlaceResponsesCommand(self.snapshot, places))

    def delete_survey_responses(self, response_ids: Sequence[int]) -> bool:
        """Delete survey responses; one undo step (undo puts them back)."""
        return self._perform(DeleteResponsesCommand(self.snapshot, response_ids))

    # ------------------------------------------------------------------ undo and redo through the gate

    def undo(self) -> bool:
        """Undo the last step, unless the gate forbids it (then `refused` says why). True when it ran."""
        return self._through_gate("undo")

    def redo(self) -> bool:
        """Redo the next step, unless the gate forbids it (then `refused` says why). True when it ran."""
        return self._through_gate("redo")

    def history_refusal(self, verb: Verb) -> str | None:
        """Why the gate forbids the undo ("undo") or redo ("redo") of the step it would run now, or None."""
        stack = self.undo_stack
        index = stack.index() - 1 if verb == "undo" else stack.index()
        if not 0 <= index < stack.count():
            return None
        step = stack.command(index)
        return self.gate.refusal(touches(step), verb, step.text())

    def _through_gate(self, verb: Verb) -> bool:
        with contextlib.suppress(CjmapperError):  # unreadable: the undo or redo itself says what is wrong
            self.refresh()  # an edit made elsewhere that the poll has not shown yet: drop only the steps it must
        message = self.history_refusal(verb)
        if message is not None:
            self.refused.emit(message)
            return False
        if verb == "undo":
            self.undo_stack.undo()
        else:
            self.undo_stack.redo()
        return True

    # ------------------------------------------------------------------ running commands

    def _perform(self, command: Command) -> bool:
        """First execution of an edit, before it is pushed: a refused edit never reaches the undo stack."""
        self._settle_history()
        refusal = self.gate.refusal(command.TOUCHES, "edit", "")
        if refusal is not None:
            self._reload_quietly()  # the view may already show the gesture: put it back
            self.refused.emit(refusal)
            return False
        try:
            change = command.execute()
        except StaleEditError:
            self._refuse_stale()
            return False
        except CjmapperError as e:
            self._refuse(str(e))
            return False
        except BaseException:
            self._reload_quietly()  # a bug: at least keep showing what the library holds
            raise
        if change is None:
            return True
        if command.keep:
            self.undo_stack.push(UndoStep(command, self._history_step))
        if self._macro_depth:
            self._macro_changes.append(change)
        else:
            self._emit(change)
        return True

    def _refuse(self, message: str) -> None:
        """An edit was refused: nothing was changed (each library call is one transaction), but re-read the
        journey all the same so the view, which may already show the edit, shows the truth. A refused keystroke
        does not end the typing run."""
        session = self._typing_session
        before = self.journey
        seen = before.revision
        note = self._reload_quietly()
        self._typing_session = session
        if not note and self.journey.revision != seen:
            # Refused because what it edited changed elsewhere (say the card was deleted in another window).
            history = self.keep_history(before)
            message = self.stale_message() + (" " + history if history else "")
        self.failed.emit(message + note)

    def _refuse_stale(self) -> None:
        """An edit was refused because someone else changed the journey: show their work, drop the undo steps
        that hold what they changed (`keep_history`) and tell the user."""
        before = self.journey
        note = self._reload_quietly()
        if note:
            self._clear_history()
        else:
            history = self.keep_history(before)
            note = " " + history if history else ""
        self.failed.emit(self.stale_message() + note)

    def _history_step(self, step: UndoStep, verb: Verb) -> None:
        """Run an undo or redo of `step` (called by QUndoStack through the step, so nothing may raise out of here:
        PySide would print and swallow it). Its change is emitted, merged with those of the other steps of a
        macro, once the stack is done; a refusal is settled then too."""
        if self._history_error is not None or self._quiet:
            return  # an earlier part of this undo or redo failed (do not change the library further), or rebuilding
        self._typing_session += 1
        command = step.command
        try:
            change = command.forward() if verb == "redo" else command.backward()
        except StaleEditError:
            self._history_error = self.history_message(verb, step.text(), self.stale_message())
            return
        except CjmapperError as e:
            self._history_error = self.history_message(verb, step.text(), str(e))
            # Refused perhaps because what it edited changed elsewhere (say the card was deleted in another
            # window): _settle_history tells so when the journey's revision moved.
            self._history_stale = (verb, step.text(), self.journey.revision)
            return
        except BaseException as e:
            self._history_error = self.history_message(verb, step.text(), f"{type(e).__name__}: {e}")
            raise
        self._history_changes.append(change)

    @staticmethod
    def history_message(verb: str, text: str, error: str) -> str:
        """What the user is told when the undo ("undo") or redo ("redo") of the step labelled `text` was refused."""
        if verb == "undo":
            template = QCoreApplication.translate(
                CONTEXT,
                "Could not undo “{0}”: {1} The undo history was cleared, because it no longer matches the library; "
                "the map shows what the library holds.",
            )
        else:
            template = QCoreApplication.translate(
                CONTEXT,
                "Could not redo “{0}”: {1} The undo history was cleared, because it no longer matches the library; "
                "the map shows what the library holds.",
            )
        return template.format(text, error)

    def _settle_history(self, *_: object) -> None:
        """Once an undo or redo is done: emit what it changed, or after a refusal clear the stack, re-read the
        journey and tell the user. Runs from the stack's indexChanged, once QUndoStack no longer touches the
        command (clearing inside the command's own undo() would delete it while it runs)."""
        change = merged(self._history_changes)
        self._history_changes.clear()
        message = self._history_error
        if message is None:
            if change is not None:
                self._emit(change)
            return
        if change is not None:
            self._emit(change)  # what went through before the refusal (the re-read below may fail)
        self._history_error = None
        stale, self._history_stale = self._history_stale, None
        self.undo_stack.clear()
        note = self._reload_quietly()
        if stale is not None and not note and self.journey.revision != stale[2]:
            message = self.history_message(stale[0], stale[1], self.stale_message())
        self.failed.emit(message + note)
