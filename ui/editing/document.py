"""The journey open in the editor: a snapshot of it, and the one path by which the editor changes it.

Every edit goes through `JourneyDocument`: it runs the library's edit API at once (so the change is in the library
file when the method returns), patches `journey` from what the library returned, pushes one undo
command (`ui.editing.commands`) and emits `changed` with exactly what changed. Undo and redo run the library's inverse
and forward calls, durable the same way. `journey` always equals what the library file holds: when the library refuses
an undo or redo (say another program holds its lock), the document re-reads the journey, clears the undo history
(which no longer matches the file) and emits `failed` with a message for the user.

Two editors on one library: every library call passes the revision the document last saw, so an edit of a journey
that another window or program changed meanwhile is refused (the other's work stays); the document then re-reads
the journey and clears its undo history. `refresh()` (polled by the window) does the same as soon as it notices a
change made elsewhere, and says so through `notice`.
"""

from __future__ import annotations

import bisect
import contextlib
import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from cjmapper.errors import CjmapperError, NotFoundError, StaleEditError
from cjmapper.model import Journey, Lane, LaneKind, Phase, Touchpoint
from cjmapper.store import Library, Placement, VersionInfo

if TYPE_CHECKING:
    from .commands import DocumentCommand


class ChangeKind(enum.Enum):
    CARDS = "cards"
    """Only cards changed: see `added`, `removed` and `updated`."""
    STRUCTURE = "structure"
    """Phases or lanes changed (and maybe their cards): lay everything out again."""
    JOURNEY = "journey"
    """Only the journey's own fields (title, description, language, framework, persona)."""


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    added: frozenset[int] = frozenset()
    """Touchpoint ids that appeared."""
    removed: frozenset[int] = frozenset()
    """Touchpoint ids that went away."""
    updated: frozenset[int] = frozenset()
    """Touchpoint ids whose fields or place changed."""


CONTEXT = "JourneyDocument"
"""The translation context of the Edit menu labels and the document's messages (see ui.editing.commands)."""


def _by_id(card: Touchpoint) -> int:
    return card.id


class JourneyDocument(QObject):
    """One journey of a library, open for editing. The caller keeps the library open while the document lives.

    Each edit method is one undo step. It returns None/False (and emits `failed`) when the library refused the
    edit; the library and `journey` are then as they were. An edit that would change nothing returns success
    and adds no undo step."""

    changed = Signal(object)
    """A `Change`, after every edit, undo and redo, and after reload()."""
    failed = Signal(str)
    """An edit, undo or redo could not be saved: the message for the user. `journey` was re-read first."""
    versions_changed = Signal()
    """A named version of the journey was saved, deleted or put back (by an edit, undo or redo)."""
    notice = Signal(str)
    """Something the user should know that is not a failure (the journey was updated with changes made elsewhere)."""

    def __init__(self, library: Library, journey_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.journey_id = journey_id
        self._read_at = 0
        """The revision at which the journey was last read from the library: every later one is this document's."""
        self.journey: Journey = self._read()
        """The current snapshot, always equal to what the library file holds. Its `touchpoints` are kept in id
        order; model objects in it are replaced, never changed in place, so a card a caller holds stays as it
        was (the lists and the journey's own fields do change)."""
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._settle_history)
        self._history_error: str | None = None
        self._history_stale: tuple[str, str, int] | None = None
        """(verb, command text, revision) of an undo or redo refused with an error that a change made elsewhere
        may explain."""
        self._typing_session = 0
        self._macro_depth = 0
        self._clear_after_macro = False

    # ------------------------------------------------------------------ reading

    def _read(self) -> Journey:
        """The journey as the library holds it now; what the document holds from here on (the callers adopt it)."""
        journey = self.library.load_journey(self.journey_id)
        journey.touchpoints.sort(key=_by_id)
        self._read_at = journey.revision
        return journey

    def own_revision(self, since: int) -> int | None:
        """The journey's revision now when every change of it since revision `since` was this document's own edit
        (or its undo or redo), else None: then someone else may have changed it in between. A journey-level undo
        step (`ui.editing.library_commands`) made at revision `since` expects this revision, so the user's own edits
        of the journey after the step do not count as someone else's."""
        if self._read_at <= since <= self.journey.revision:
            return self.journey.revision
        return None

    def reload(self) -> None:
        """Re-read the journey from the library and emit Change(STRUCTURE). Raises CjmapperError when the
        library cannot be read (the snapshot is then left as it was).

        Cards that read back equal to the ones held keep their objects, so the canvas passes over them at once (it
        looks at a card item again only when its card is another object): a teammate's edit of one card touches one
        card item, however large the map."""
        journey = self._read()
        held = {card.id: card for card in self.journey.touchpoints}
        journey.touchpoints[:] = [
            kept if (kept := held.get(card.id)) is not None and kept == card else card for card in journey.touchpoints
        ]
        self.journey = journey
        self._typing_session += 1
        self.changed.emit(Change(ChangeKind.STRUCTURE))

    def refresh(self, revision: int | None = None) -> bool:
        """Catch up with changes made elsewhere (another window or program): when the journey's revision in the
        library (`revision`, or read now) is newer than the one last seen, re-read it, clear the undo history (its
        steps were made on a journey that is no longer there) and emit `notice`. Returns whether it re-read. Raises
        CjmapperError when the library cannot be read.

        An older `revision` is no change: a team library's revisions come from change notices, and the notice of
        this document's own last edit may not have arrived yet (revisions only ever grow)."""
        if revision is None:
            revision = self.library.revision(self.journey_id)
        if revision <= self.journey.revision:
            return False
        had_history = self.undo_stack.count() > 0
        self.reload()
        self._clear_history()
        message = QCoreApplication.translate(CONTEXT, "Updated with changes made elsewhere.")
        if had_history:
            message += " " + QCoreApplication.translate(
                CONTEXT, "The undo history was cleared, because it no longer matches the journey."
            )
        self.notice.emit(message)
        return True

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
        """Group the edits made inside the block into one undo step labelled `text`. An edit refused inside the
        block leaves the others in place; a block in which nothing changed adds no undo step."""
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

    def _drop_empty_macro(self) -> None:
        index = self.undo_stack.index()
        if index == 0:
            return
        top = self.undo_stack.command(index - 1)
        if top.childCount() == 0:
            # Qt removes an obsolete command when it is undone, without calling its undo().
            top.setObsolete(True)
            self.undo_stack.undo()

    # ------------------------------------------------------------------ cards

    def add_touchpoint(
        self, phase_id: int, lane_id: int, title: str, *, index: int | None = None, **fields: object
    ) -> int | None:
        """Add a card to a cell at `index` (None: at the end); `fields` are the card's other fields (notes,
        channel, score, expectation, owner, color, votes). Returns its id."""
        from .commands import AddTouchpointCommand

        command = AddTouchpointCommand(self, phase_id, lane_id, title, index, fields)
        return command.card_ids[0] if self._perform(command) and command.card_ids else None

    def update_touchpoint(self, touchpoint_id: int, *, typing: bool = False, **fields: object) -> bool:
        """Change fields of a card. typing=True: successive edits of the same fields of the same card merge
        into one undo step (each is still written to the library at once)."""
        from .commands import UpdateTouchpointCommand

        return self._perform(UpdateTouchpointCommand(self, touchpoint_id, fields, typing))

    def move_touchpoints(self, ids: Sequence[int], phase_id: int, lane_id: int, index: int | None) -> bool:
        """Move cards (in the order given) into a cell, to stand at `index` among its other cards (None: end)."""
        from .commands import MoveTouchpointsCommand

        return self._perform(MoveTouchpointsCommand(self, ids, phase_id, lane_id, index))

    def delete_touchpoints(self, ids: Sequence[int]) -> bool:
        from .commands import DeleteTouchpointsCommand

        return self._perform(DeleteTouchpointsCommand(self, ids))

    def insert_touchpoints(
        self, cards: Sequence[Touchpoint], phase_id: int, lane_id: int, index: int | None
    ) -> list[int]:
        """Paste or duplicate: copies of `cards` (their fields, not their ids or places) into the cell at
        `index` (None: at the end), in the order given. One undo step; returns the new cards' ids ([] when the
        library refused)."""
        from .commands import InsertTouchpointsCommand

        command = InsertTouchpointsCommand(self, cards, phase_id, lane_id, index)
        return list(command.card_ids) if self._perform(command) else []

    # ------------------------------------------------------------------ phases and lanes

    def add_phase(self, name: str, *, index: int | None = None, color: str | None = None) -> int | None:
        from .commands import AddPhaseCommand

        command = AddPhaseCommand(self, name, index, color)
        return command.phase.id if self._perform(command) and command.phase is not None else None

    def update_phase(self, phase_id: int, *, typing: bool = False, **fields: object) -> bool:
        """Change a phase's name, description or color."""
        from .commands import UpdatePhaseCommand

        return self._perform(UpdatePhaseCommand(self, phase_id, fields, typing))

    def move_phase(self, phase_id: int, index: int) -> bool:
        from .commands import MovePhaseCommand

        return self._perform(MovePhaseCommand(self, phase_id, index))

    def delete_phase(self, phase_id: int) -> bool:
        """Delete a phase with its cards; undo puts the phase and its cards back with the same ids."""
        from .commands import DeletePhaseCommand

        return self._perform(DeletePhaseCommand(self, phase_id))

    def add_lane(
        self,
        name: str,
        kind: LaneKind | str = LaneKind.TOUCHPOINTS,
        *,
        index: int | None = None,
        color: str | None = None,
    ) -> int | None:
        from .commands import AddLaneCommand

        command = AddLaneCommand(self, name, kind, index, color)
        return command.lane.id if self._perform(command) and command.lane is not None else None

    def update_lane(self, lane_id: int, *, typing: bool = False, **fields: object) -> bool:
        """Change a lane's name, kind or color."""
        from .commands import UpdateLaneCommand

        return self._perform(UpdateLaneCommand(self, lane_id, fields, typing))

    def move_lane(self, lane_id: int, index: int) -> bool:
        from .commands import MoveLaneCommand

        return self._perform(MoveLaneCommand(self, lane_id, index))

    def delete_lane(self, lane_id: int) -> bool:
        """Delete a lane with its cards; undo puts the lane and its cards back with the same ids."""
        from .commands import DeleteLaneCommand

        return self._perform(DeleteLaneCommand(self, lane_id))

    # ------------------------------------------------------------------ the journey

    def update_journey(self, *, typing: bool = False, **fields: object) -> bool:
        """Change the journey's title, description, language, framework or persona."""
        from .commands import UpdateJourneyCommand

        return self._perform(UpdateJourneyCommand(self, fields, typing))

    # ------------------------------------------------------------------ named versions

    def save_version(self, name: str) -> VersionInfo | None:
        """Save the journey as it is now as a named version; one undo step (undo deletes the version)."""
        from .commands import SaveVersionCommand

        command = SaveVersionCommand(self, name)
        return command.info if self._perform(command) else None

    def delete_version(self, version_id: int) -> bool:
        """Delete a named version; undo puts it back under its own id."""
        from .commands import DeleteVersionCommand

        return self._perform(DeleteVersionCommand(self, version_id))

    def restore_version(self, version_id: int) -> bool:
        """Make the journey what the version holds (fields, phases, lanes and cards with their ids); one undo step,
        whose undo puts the journey's previous content back."""
        from .commands import RestoreVersionCommand

        return self._perform(RestoreVersionCommand(self, version_id))

    # ------------------------------------------------------------------ running commands

    def _perform(self, command: DocumentCommand) -> bool:
        """First execution of an edit, before it is pushed: a refused edit never reaches the undo stack."""
        self._settle_history()
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
            command.skip_next_redo()
            self.undo_stack.push(command)
        self.changed.emit(change)
        if command.problem is not None:
            self.failed.emit(command.problem)
        return True

    def _refuse(self, message: str) -> None:
        """An edit was refused: nothing was changed (each library call is one transaction), but re-read the
        journey all the same so the view, which may already show the edit, shows the truth. A refused keystroke
        does not end the typing run."""
        session = self._typing_session
        seen = self.journey.revision
        note = self._reload_quietly()
        self._typing_session = session
        if not note and self.journey.revision != seen:
            # Refused because what it edited changed elsewhere (say the card was deleted in another window).
            self._clear_history()
            message = self.stale_message()
        self.failed.emit(message + note)

    def _refuse_stale(self) -> None:
        """An edit was refused because someone else changed the journey: show their work, drop the undo history
        (it was made on the journey before their change) and tell the user."""
        note = self._reload_quietly()
        self._clear_history()
        self.failed.emit(self.stale_message() + note)

    def _history_step(self, command: DocumentCommand, step: Callable[[], Change], verb: str) -> None:
        """Run an undo or redo of `command` (called by QUndoStack through the command, so nothing may raise
        out of here: PySide would print and swallow it). A refusal is settled once the stack is done."""
        if self._history_error is not None:
            return  # an earlier part of this undo or redo failed: do not change the library further
        self._typing_session += 1
        try:
            change = step()
        except StaleEditError:
            self._history_error = self.history_message(verb, command.text(), self.stale_message())
            return
        except CjmapperError as e:
            self._history_error = self.history_message(verb, command.text(), str(e))
            # Refused perhaps because what it edited changed elsewhere (say the card was deleted in another
            # window): _settle_history tells so when the journey's revision moved.
            self._history_stale = (verb, command.text(), self.journey.revision)
            return
        except BaseException as e:
            self._history_error = self.history_message(verb, command.text(), f"{type(e).__name__}: {e}")
            raise
        self.changed.emit(change)

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
        """After a refused undo or redo: clear the stack, re-read the journey, tell the user. Runs from the
        stack's indexChanged, once QUndoStack no longer touches the command (clearing inside the command's own
        undo() would delete it while it runs)."""
        message = self._history_error
        if message is None:
            return
        self._history_error = None
        stale, self._history_stale = self._history_stale, None
        self.undo_stack.clear()
        note = self._reload_quietly()
        if stale is not None and not note and self.journey.revision != stale[2]:
            message = self.history_message(stale[0], stale[1], self.stale_message())
        self.failed.emit(message + note)

    # ------------------------------------------------------------------ snapshot patches (for ui.editing.commands)

    def _wrote(self, calls: int = 1) -> None:
        """Each library edit call bumps the journey's revision once."""
        self.journey.revision += calls

    def _card_index(self, card_id: int) -> int:
        cards = self.journey.touchpoints
        at = bisect.bisect_left(cards, card_id, key=_by_id)
        if at == len(cards) or cards[at].id != card_id:
            raise NotFoundError(f"There is no touchpoint with id {card_id} on this journey.")
        return at

    def _card(self, card_id: int) -> Touchpoint:
        return self.journey.touchpoints[self._card_index(card_id)]

    def _has_card(self, card_id: int) -> bool:
        try:
            self._card_index(card_id)
        except NotFoundError:
            return False
        return True

    def _put_cards(self, cards: Iterable[Touchpoint]) -> None:
        """Add or replace cards in the snapshot (copies: the caller's objects stay theirs)."""
        listed = self.journey.touchpoints
        for card in cards:
            at = bisect.bisect_left(listed, card.id, key=_by_id)
            if at < len(listed) and listed[at].id == card.id:
                listed[at] = replace(card)
            else:
                listed.insert(at, replace(card))

    def _drop_cards(self, ids: Iterable[int]) -> None:
        gone = set(ids)
        self.journey.touchpoints[:] = [t for t in self.journey.touchpoints if t.id not in gone]

    def _place(self, placements: Iterable[Placement]) -> None:
        listed = self.journey.touchpoints
        for p in placements:
            at = self._card_index(p.touchpoint_id)
            listed[at] = replace(listed[at], phase_id=p.phase_id, lane_id=p.lane_id, position=p.position)

    def _placements(self, ids: Iterable[int]) -> dict[int, Placement]:
        result: dict[int, Placement] = {}
        for card_id in ids:
            t = self._card(card_id)
            result[card_id] = Placement(t.id, t.phase_id, t.lane_id, t.position)
        return result

    def _cell_ids(self, phase_id: int, lane_id: int) -> list[int]:
        """The ids in a cell in the library's order (sort key, then id)."""
        cards = [t for t in self.journey.touchpoints if t.phase_id == phase_id and t.lane_id == lane_id]
        cards.sort(key=lambda t: (t.position, t.id))
        return [t.id for t in cards]

    def _phase(self, phase_id: int) -> Phase:
        try:
            return self.journey.phase(phase_id)
        except KeyError:
            raise NotFoundError(f"There is no phase with id {phase_id} on this journey.") from None

    def _lane(self, lane_id: int) -> Lane:
        try:
            return self.journey.lane(lane_id)
        except KeyError:
            raise NotFoundError(f"There is no lane with id {lane_id} on this journey.") from None
