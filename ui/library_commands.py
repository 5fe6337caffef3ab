"""Undoable library-level edits: journeys made, copied and deleted from the Journeys panel, and journeys copied in
from another library (or published into this one).

Like the journey commands, each runs its library call before it is pushed (a refusal never reaches the stack) and
holds ids and plain values only; undo and redo are durable when they return."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cjmapper.errors import CjmapperError
from cjmapper.model import Journey
from cjmapper.store import Library, VersionInfo
from cjmapper.store.transfer import copy_journey


class LibraryEditor(QObject):
    """The library's undo stack and the journey-level edits that go on it."""

    journeys_changed = Signal(object)
    """A journey appeared, went or was renamed; carries the id to show next (or None)."""
    failed = Signal(str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = QUndoStack(self)

    def create(self, journey: Journey) -> int | None:
        """Add a journey (a template or an import); one undo step. Returns its id, or None when refused."""
        try:
            journey_id = self.library.create_journey(journey)
            created = self.library.load_journey(journey_id)
        except CjmapperError as e:
            self.failed.emit(str(e))
            return None
        self._push(_Restorable(self, self.tr("New journey “{0}”").format(created.title), created, present=True))
        return journey_id

    def duplicate(self, journey_id: int) -> int | None:
        try:
            new_id = self.library.duplicate_journey(journey_id)
            copy = self.library.load_journey(new_id)
        except CjmapperError as e:
            self.failed.emit(str(e))
            return None
        self._push(_Restorable(self, self.tr("Duplicate journey “{0}”").format(copy.title), copy, present=True))
        return new_id

    def delete(self, journey_id: int) -> bool:
        try:
            removed = self.library.delete_journey(journey_id)
        except CjmapperError as e:
            self.failed.emit(str(e))
            return False
        self._push(_Restorable(self, self.tr("Delete journey “{0}”").format(removed.title), removed, present=False))
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
        self.undo_stack.push(_Copied(self, self.tr("Copy journey “{0}”").format(copy.title), copy, saved))
        self.journeys_changed.emit(new_id)
        return new_id

    def _push(self, command: _Restorable) -> None:
        self.undo_stack.push(command)
        self.journeys_changed.emit(command.journey.id if command.present else None)


class _Restorable(QUndoCommand):
    """A whole journey that one side of the command has and the other has not.

    `present` says whether the journey exists after the edit: redo makes that so, undo the opposite. The journey
    is kept whole (it is a value), so putting it back restores every id."""

    def __init__(self, editor: LibraryEditor, text: str, journey: Journey, *, present: bool) -> None:
        super().__init__(text)
        self.editor = editor
        self.journey = journey
        self.present = present
        self._done = True  # the edit already ran before the push

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self.present)

    def undo(self) -> None:
        self._apply(not self.present)

    def _apply(self, present: bool) -> None:
        library = self.editor.library
        try:
            if present:
                library.restore_journey(self.journey)
            else:
                self.journey = library.delete_journey(self.journey.id)
        except CjmapperError as e:
            cleared = QCoreApplication.translate("LibraryEditor", "The undo history of the library was cleared.")
            self.editor.failed.emit(f"{e} {cleared}")
            # Not now: the stack is running this command. Clear it once control is back in the event loop.
            QTimer.singleShot(0, self.editor.undo_stack.clear)
            self.editor.journeys_changed.emit(None)
            return
        self.editor.journeys_changed.emit(self.journey.id if present else None)


class _Copied(QUndoCommand):
    """A journey copied in with its saved versions. Undo deletes it; redo copies it in again (under a new id, as any
    copy: the library has no way to put saved versions back under their old ids)."""

    def __init__(
        self, editor: LibraryEditor, text: str, journey: Journey, saved: list[tuple[VersionInfo, Journey]]
    ) -> None:
        super().__init__(text)
        self.editor = editor
        self.journey = journey
        self.saved = saved
        self.journey_id = journey.id
        self._done = True  # the copy already ran before the push

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        try:
            self.journey_id = self.editor.library.import_journey(self.journey, self.saved)
        except CjmapperError as e:
            self._refused(e)
            return
        self.editor.journeys_changed.emit(self.journey_id)

    def undo(self) -> None:
        try:
            self.editor.library.delete_journey(self.journey_id)
        except CjmapperError as e:
            self._refused(e)
            return
        self.editor.journeys_changed.emit(None)

    def _refused(self, error: CjmapperError) -> None:
        cleared = QCoreApplication.translate("LibraryEditor", "The undo history of the library was cleared.")
        self.editor.failed.emit(f"{error} {cleared}")
        QTimer.singleShot(0, self.editor.undo_stack.clear)  # not now: the stack is running this command
        self.editor.journeys_changed.emit(None)
