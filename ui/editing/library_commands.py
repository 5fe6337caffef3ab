"""Undoable library-level edits: journeys made, copied and deleted from the Journeys panel, and journeys copied in
from another library (or published into this one).

Like the journey commands, each runs its library call before it is pushed (a refusal never reaches the stack) and
holds ids and plain values only; undo and redo are durable when they return.

Two editors on one library: like a card edit, a step that takes a journey away (the undo of a new, duplicated or
copied journey, a delete and its redo) passes the revision at which this window's last journey-level step left the
journey (as the library returned it), or the revision after this window's own later edits of the journey
(`JourneyDocument.own_revision`). The library refuses it when someone else changed the journey since, and a step that
puts a journey back is refused when someone else put it back already: their work stays. The refused undo or redo is
not lost without a word: the user is told which step could not be undone or redone, with the message a card edit
gives, the window shows the journey as the library holds it, and the library's undo history, which no longer matches
the library, is cleared (as a journey's is after a refused card edit).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjmapper.errors import CjmapperError, StaleEditError
from cjmapper.model import Journey
from cjmapper.store import Library, VersionInfo
from cjmapper.store.library import NEW_JOURNEY_REVISION
from cjmapper.store.transfer import copy_journey

from .document import JourneyDocument


def _no_document(_journey_id: int) -> JourneyDocument | None:
    return None


class LibraryEditor(QObject):
    """The library's undo stack and the journey-level edits that go on it."""

    journeys_changed = Signal(object)
    """A journey appeared, went or was renamed, or a step on it was refused; carries the id to show next (or None)."""
    failed = Signal(str)

    def __init__(
        self,
        library: Library,
        parent: QObject | None = None,
        *,
        documents: Callable[[int], JourneyDocument | None] = _no_document,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.documents = documents
        """The window's open document of a journey (or None): its own edits of the journey are no one else's."""
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._settle)
        self._refusal: tuple[str, int] | None = None
        """(message, journey id) of an undo or redo the library refused, settled once the stack is done."""
        self._left: dict[int, int] = {}
        """Journey id: the revision at which this editor's last step that made or put back the journey left it."""

    def create(self, journey: Journey, *, imported: bool = False) -> int | None:
        """Add a journey (from a template, or `imported` from a journey file); one undo step. Returns its id, or None
        when refused."""
        try:
            journey_id = self.library.create_journey(journey)
            created = self.library.load_journey(journey_id)
        except CjmapperError as e:
            self.failed.emit(str(e))
            return None
        self.left(journey_id, NEW_JOURNEY_REVISION)
        text = self.tr("Import journey “{0}”") if imported else self.tr("New journey “{0}”")
        self._push(_Restorable(self, text.format(created.title), created, present=True))
        return journey_id

    def duplicate(self, journey_id: int) -> int | None:
        try:
            new_id = self.library.duplicate_journey(journey_id)
            copy = self.library.load_journey(new_id)
        except CjmapperError as e:
            self.failed.emit(str(e))
            return None
        self.left(new_id, NEW_JOURNEY_REVISION)
        self._push(_Restorable(self, self.tr("Duplicate journey “{0}”").format(copy.title), copy, present=True))
        return new_id

    def delete(self, journey_id: int, *, expected_revision: int | None = None) -> bool:
        """Delete a journey; one undo step. `expected_revision`: the revision the user saw it at (the window's
        document's); when someone else changed it since, it is refused and shown as the library holds it."""
        try:
            removed = self.library.delete_journey(journey_id, expected_revision=expected_revision)
        except StaleEditError:
            self.journeys_changed.emit(journey_id)  # the window re-reads it: it shows their changes
            self.failed.emit(JourneyDocument.stale_message())
            return False
        except CjmapperError as e:
            self.failed.emit(str(e))
            return False
        self._push(_Restorable(self, self.tr("Delete journey “{0}”").format(removed.title), removed, present=False))
        return True

    def delete_damaged(self, journey_id: int, *, expected_revision: int | None = None) -> bool:
        """Delete a journey that cannot be read (`Library.delete_damaged_journey`). No undo step: what cannot be read
        cannot be put back. The library's undo history stays, unless a step on it is about that journey (its undo
        or redo could only be refused now): then it is cleared. `expected_revision`: the journey's revision as the
        library listed it when the user chose it."""
        try:
            self.library.delete_damaged_journey(journey_id, expected_revision=expected_revision)
        except StaleEditError as e:
            self.journeys_changed.emit(journey_id)  # the window re-reads it: it shows what the library holds now
            self.failed.emit(str(e))
            return False
        except CjmapperError as e:
            self.failed.emit(str(e))
            return False
        steps = (self.undo_stack.command(i) for i in range(self.undo_stack.count()))
        if any(isinstance(step, _JourneyStep) and step.journey_id() == journey_id for step in steps):
            self.undo_stack.clear()
        self._left.pop(journey_id, None)
        self.journeys_changed.emit(None)
        return True

    def copy_in(self, source: Library, journey_id: int) -> int | None:
        """Copy journey `journey_id` of `source` (another library, or this one) into this library with its saved
        versions; one undo step. Returns the copy's id, or None when refused."""
        try:
            new_id = copy_journey(source, journey_id, self.library)
            copy = self.library.load_journey(new_id)
            saved = [
                (info, self.library.load_version(info.id)) for info in reversed(self.library.list_versions(new_id))
            ]
        except CjmapperError as e:
            self.failed.emit(str(e))
            return None
        self.left(new_id, NEW_JOURNEY_REVISION)
        self.undo_stack.push(_Copied(self, self.tr("Copy journey “{0}”").format(copy.title), copy, saved))
        self.journeys_changed.emit(new_id)
        return new_id

    def left(self, journey_id: int, revision: int) -> None:
        """A step made or put back journey `journey_id`: the library says it is at `revision` now."""
        self._left[journey_id] = revision

    def expected_revision(self, journey_id: int) -> int:
        """The revision a step that takes journey `journey_id` away expects: the one at which this editor's last step
        left it, or a later one when every change since was this window's own edit of the journey."""
        revision = self._left[journey_id]  # the step that made or put back the journey, lower on the stack, set it
        document = self.documents(journey_id)
        own = None if document is None else document.own_revision(revision)
        return revision if own is None else own

    def _push(self, command: _Restorable) -> None:
        self.undo_stack.push(command)
        self.journeys_changed.emit(command.journey.id if command.present else None)

    def _refused(self, verb: str, command: _JourneyStep, error: CjmapperError) -> None:
        reason = JourneyDocument.stale_message() if isinstance(error, StaleEditError) else str(error)
        self._refusal = (JourneyDocument.history_message(verb, command.text(), reason), command.journey_id())

    def _settle(self, *_: object) -> None:
        """After a refused undo or redo: clear the stack (its steps no longer match the library), show the journey as
        the library holds it, tell the user. Runs from the stack's indexChanged, once QUndoStack no longer touches the
        command (clearing inside the command's own undo() would delete it while it runs)."""
        if self.undo_stack.count() == 0:
            self._left.clear()  # no step is left to expect a revision (the stack was cleared, say for another library)
        if self._refusal is None:
            return
        message, journey_id = self._refusal
        self._refusal = None
        self.undo_stack.clear()
        self.journeys_changed.emit(journey_id)
        self.failed.emit(message)


class _JourneyStep(QUndoCommand):
    """A journey-level step; its first execution ran before the push. Subclasses implement forward() and
    backward(), which return the journey to show next (or None) and raise CjmapperError when refused."""

    def __init__(self, editor: LibraryEditor, text: str) -> None:
        super().__init__(text)
        self.editor = editor
        self._done = True  # the edit already ran before the push

    def journey_id(self) -> int:
        raise NotImplementedError

    def forward(self) -> int | None:
        raise NotImplementedError

    def backward(self) -> int | None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._step("redo", self.forward)

    def undo(self) -> None:
        self._step("undo", self.backward)

    def _step(self, verb: str, step: Callable[[], int | None]) -> None:
        """Nothing may raise out of here (QUndoStack calls it): a refusal is settled once the stack is done."""
        if self.editor._refusal is not None:
            return
        try:
            shown = step()
        except CjmapperError as e:
            self.editor._refused(verb, self, e)
            return
        self.editor.journeys_changed.emit(shown)


class _Restorable(_JourneyStep):
    """A whole journey that one side of the command has and the other has not.

    `present` says whether the journey exists after the edit: redo makes that so, undo the opposite. The journey
    is kept whole (it is a value), so putting it back restores every id."""

    def __init__(self, editor: LibraryEditor, text: str, journey: Journey, *, present: bool) -> None:
        super().__init__(editor, text)
        self.journey = journey
        self.present = present

    def journey_id(self) -> int:
        return self.journey.id

    def forward(self) -> int | None:
        return self._apply(self.present)

    def backward(self) -> int | None:
        return self._apply(not self.present)

    def _apply(self, present: bool) -> int | None:
        library = self.editor.library
        if present:
            self.editor.left(self.journey.id, library.restore_journey(self.journey))
            return self.journey.id
        expected = self.editor.expected_revision(self.journey.id)
        self.journey = library.delete_journey(self.journey.id, expected_revision=expected)
        return None


class _Copied(_JourneyStep):
    """A journey copied in with its saved versions. Undo deletes it; redo copies it in again, as undo took it out
    (under a new id, as any copy: the library has no way to put saved versions back under their old ids)."""

    def __init__(
        self, editor: LibraryEditor, text: str, journey: Journey, saved: list[tuple[VersionInfo, Journey]]
    ) -> None:
        super().__init__(editor, text)
        self.journey = journey
        self.saved = saved
        self.copy_id = journey.id

    def journey_id(self) -> int:
        return self.copy_id

    def forward(self) -> int | None:
        self.copy_id = self.editor.library.import_journey(self.journey, self.saved)
        self.editor.left(self.copy_id, NEW_JOURNEY_REVISION)
        return self.copy_id

    def backward(self) -> int | None:
        expected = self.editor.expected_revision(self.copy_id)
        self.journey = self.editor.library.delete_journey(self.copy_id, expected_revision=expected)
        return None
