"""The editor's undo commands: one QUndoCommand subclass per kind of edit, all run by `JourneyDocument`.

A command holds ids and plain values (model dataclasses, placements, removals), never ORM objects, and the
document it edits. `execute()` is the first execution, run by the document BEFORE the push, so a refused edit
never reaches the stack; the push's own redo() then does nothing. undo() and redo() call the library's inverse
and forward edit API, patch the document's snapshot and return the precise `Change`; a refusal there is handled
by the document (`_history_step`), since an exception cannot leave a Qt virtual override.

Card order: a cell orders its cards by gapped sort keys. When a card lands in a gap that is used up, the library
renumbers the cell's other cards and says which (`Renumbering`). A command that caused that also records those
cards' keys before and after, so its undo puts every key back as it was and the stored placements of older
commands stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, ClassVar, TypeVar, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from cjmapper import card_fields, rules
from cjmapper.errors import CjmapperError, EditError, NotFoundError
from cjmapper.model import MAX_PERSONA_NAME, MAX_TITLE, Journey, Lane, LaneKind, Persona, Phase, Touchpoint
from cjmapper.store import LaneRemoval, Library, PhaseRemoval, Placement, VersionInfo, VersionRemoval

from .document import CONTEXT, Change, ChangeKind, JourneyDocument

CARD_FIELDS = card_fields.NAMES
"""The fields of a card an edit may set (its place changes only by moving it)."""
COPIED_FIELDS = card_fields.COPIED
"""What a copy takes over besides the title."""


def tr(marked: object) -> str:
    """A label marked with QT_TRANSLATE_NOOP(CONTEXT, ...), in the user's language."""
    return QCoreApplication.translate(CONTEXT, str(marked))


def quoted(text: str, limit: int = 40) -> str:
    """A name for an Edit menu label: one line, at most `limit` characters, in quotes."""
    line = " ".join(text.split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return f"“{line}”"


class DocumentCommand(QUndoCommand):
    """One edit of a `JourneyDocument`. Subclasses implement execute(), forward() and backward()."""

    def __init__(self, document: JourneyDocument, text: str = "") -> None:
        super().__init__(text)
        self.document = document
        self.keep = True
        """False when the edit turned out to change nothing worth an undo step (execute() sets it)."""
        self.problem: str | None = None
        """Set by execute() when the edit was only partly done: the document reports it through `failed`."""
        self._skip_redo = False

    @property
    def library(self) -> Library:
        return self.document.library

    @property
    def seen(self) -> int:
        """The journey's revision as the document last saw it: every library call passes it, so the library
        refuses (StaleEditError) an edit of a journey someone else changed meanwhile."""
        return self.document.journey.revision

    def execute(self) -> Change | None:
        """The first execution: run the library call, patch the snapshot, set text(); the Change, or None when
        nothing had to change (nothing is pushed then). Raises CjmapperError when the library refused."""
        raise NotImplementedError

    def forward(self) -> Change:
        """Redo after an undo. Raises CjmapperError when the library refused."""
        raise NotImplementedError

    def backward(self) -> Change:
        """Undo. Raises CjmapperError when the library refused."""
        raise NotImplementedError

    def skip_next_redo(self) -> None:
        """The edit has been executed: the redo() that QUndoStack.push() calls must not do it again."""
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.document._history_step(self, self.forward, "redo")

    def undo(self) -> None:
        self.document._history_step(self, self.backward, "undo")

    # ------------------------------------------------------------------ shared library calls with patches

    def _arrange(self, placements: Sequence[Placement]) -> None:
        if placements:
            self.library.arrange(placements, expected_revision=self.seen)
            self.document._wrote()
            self.document._place(placements)

    def _restore_cards(self, cards: Sequence[Touchpoint]) -> None:
        if cards:
            self.library.restore_touchpoints(self.document.journey_id, cards, expected_revision=self.seen)
            self.document._wrote()
            self.document._put_cards(cards)

    def _delete_cards(self, ids: Sequence[int]) -> list[Touchpoint]:
        if not ids:
            return []
        cards = self.library.delete_touchpoints(ids, expected_revision=self.seen)
        self.document._wrote()
        self.document._drop_cards(ids)
        return cards


def _ids(values: Iterable[int]) -> frozenset[int]:
    return frozenset(values)


# ---------------------------------------------------------------------- cards


class _NewCardsCommand(DocumentCommand):
    """Cards added to one cell. Redo puts them back with the same ids and sort keys (restore_touchpoints), so
    later commands holding those ids stay valid."""

    def __init__(self, document: JourneyDocument, phase_id: int, lane_id: int, index: int | None) -> None:
        super().__init__(document)
        self.phase_id = phase_id
        self.lane_id = lane_id
        self.index = None if index is None else max(index, 0)
        self.card_ids: tuple[int, ...] = ()
        self._cards: tuple[Touchpoint, ...] = ()
        """The new cards as they stand after the edit (for redo)."""
        self._others_before: tuple[Placement, ...] = ()
        self._others_after: tuple[Placement, ...] = ()
        """Other cards of the cell that the library renumbered to make room."""

    def _add(self, specs: Sequence[tuple[str, Mapping[str, Any]]]) -> Change:
        document = self.document
        cell_before = document._placements(document._cell_ids(self.phase_id, self.lane_id))
        added: list[int] = []
        try:
            for offset, (title, fields) in enumerate(specs):
                at = None if self.index is None else self.index + offset
                addition = self.library.add_touchpoint(
                    document.journey_id,
                    self.phase_id,
                    self.lane_id,
                    title,
                    index=at,
                    expected_revision=self.seen,
                    **fields,
                )
                added.append(addition.touchpoint.id)
                document._wrote()
                document._place(addition.renumbered.after)
                document._put_cards([addition.touchpoint])
        except CjmapperError as e:
            if not added:
                raise
            change = self._settle(cell_before, added)
            try:
                self._delete_cards(self.card_ids)
            except CjmapperError:
                # Not even the cards that were added can be taken out again: keep them as one undo step.
                self.problem = QCoreApplication.translate(
                    CONTEXT, "Only {0} of {1} cards were added: {2} Undo takes out the ones that were."
                ).format(len(added), len(specs), e)
                return change
            self._arrange(self._others_before)
            raise
        return self._settle(cell_before, added)

    def _settle(self, cell_before: dict[int, Placement], added: list[int]) -> Change:
        document = self.document
        after = document._placements(cell_before)
        moved = [i for i in cell_before if after[i] != cell_before[i]]
        self._others_before = tuple(cell_before[i] for i in moved)
        self._others_after = tuple(after[i] for i in moved)
        self.card_ids = tuple(added)
        self._cards = tuple(replace(document._card(i)) for i in added)
        return Change(ChangeKind.CARDS, added=_ids(added), updated=_ids(moved))

    def backward(self) -> Change:
        self._delete_cards(self.card_ids)
        self._arrange(self._others_before)
        return Change(
            ChangeKind.CARDS, removed=_ids(self.card_ids), updated=_ids(p.touchpoint_id for p in self._others_before)
        )

    def forward(self) -> Change:
        self._arrange(self._others_after)
        self._restore_cards(self._cards)
        return Change(
            ChangeKind.CARDS, added=_ids(self.card_ids), updated=_ids(p.touchpoint_id for p in self._others_after)
        )


class AddTouchpointCommand(_NewCardsCommand):
    def __init__(
        self,
        document: JourneyDocument,
        phase_id: int,
        lane_id: int,
        title: str,
        index: int | None,
        fields: Mapping[str, object],
    ) -> None:
        super().__init__(document, phase_id, lane_id, index)
        unknown = [name for name in fields if name not in COPIED_FIELDS]
        if unknown:
            raise TypeError(f"add_touchpoint() got an unexpected field {unknown[0]!r}")
        self._title = title
        self._fields = dict(fields)

    def execute(self) -> Change:
        change = self._add([(self._title, self._fields)])
        self.setText(QCoreApplication.translate(CONTEXT, "Add card {0}").format(quoted(self._cards[0].title)))
        return change


class InsertTouchpointsCommand(_NewCardsCommand):
    """Copies of cards (paste, duplicate). The library adds cards one call at a time, so the copies are written
    in one transaction each; should the library refuse halfway, the copies already made are taken out again."""

    def __init__(
        self, document: JourneyDocument, cards: Sequence[Touchpoint], phase_id: int, lane_id: int, index: int | None
    ) -> None:
        super().__init__(document, phase_id, lane_id, index)
        self._specs = [(card.title, {name: getattr(card, name) for name in COPIED_FIELDS}) for card in cards]

    def execute(self) -> Change | None:
        if not self._specs:
            return None
        change = self._add(self._specs)
        count = len(self.card_ids)
        if count == 1:
            self.setText(QCoreApplication.translate(CONTEXT, "Insert card {0}").format(quoted(self._cards[0].title)))
        else:
            self.setText(QCoreApplication.translate(CONTEXT, "Insert {0} cards").format(count))
        return change


class MoveTouchpointsCommand(DocumentCommand):
    """Undo = arrange(the placements before), redo = arrange(the placements after)."""

    def __init__(
        self, document: JourneyDocument, ids: Sequence[int], phase_id: int, lane_id: int, index: int | None
    ) -> None:
        super().__init__(document)
        self.ids = list(dict.fromkeys(ids))
        self.phase_id = phase_id
        self.lane_id = lane_id
        self.index = index
        self._before: tuple[Placement, ...] = ()
        self._after: tuple[Placement, ...] = ()

    def execute(self) -> Change | None:
        document = self.document
        if not self.ids:
            raise EditError("Select one or more cards to move.")
        first = document._card(self.ids[0])
        for card_id in self.ids[1:]:
            document._card(card_id)
        moving = set(self.ids)
        cell = document._cell_ids(self.phase_id, self.lane_id)
        rest = [i for i in cell if i not in moving]
        at = len(rest) if self.index is None else max(0, min(self.index, len(rest)))
        if [*rest[:at], *self.ids, *rest[at:]] == cell:
            return None  # the cards already stand there
        before = document._placements([*self.ids, *rest])
        move = self.library.move_touchpoints(
            self.ids, self.phase_id, self.lane_id, self.index, expected_revision=self.seen
        )
        document._wrote()
        document._place([*move.renumbered.after, *move.after])
        after = document._placements(before)
        moved = [i for i in before if after[i] != before[i]]
        self._before = tuple(before[i] for i in moved)
        self._after = tuple(after[i] for i in moved)
        if len(self.ids) == 1:
            self.setText(QCoreApplication.translate(CONTEXT, "Move card {0}").format(quoted(first.title)))
        else:
            self.setText(QCoreApplication.translate(CONTEXT, "Move {0} cards").format(len(self.ids)))
        return Change(ChangeKind.CARDS, updated=_ids(moved))

    def backward(self) -> Change:
        self._arrange(self._before)
        return Change(ChangeKind.CARDS, updated=_ids(p.touchpoint_id for p in self._before))

    def forward(self) -> Change:
        self._arrange(self._after)
        return Change(ChangeKind.CARDS, updated=_ids(p.touchpoint_id for p in self._after))


class DeleteTouchpointsCommand(DocumentCommand):
    """Undo puts the cards back with their ids and sort keys (restore_touchpoints)."""

    def __init__(self, document: JourneyDocument, ids: Sequence[int]) -> None:
        super().__init__(document)
        self.ids = list(dict.fromkeys(ids))
        self._cards: tuple[Touchpoint, ...] = ()

    def execute(self) -> Change | None:
        if not self.ids:
            return None
        first = self.document._card(self.ids[0])
        for card_id in self.ids[1:]:
            self.document._card(card_id)
        self._cards = tuple(self._delete_cards(self.ids))
        if len(self.ids) == 1:
            self.setText(QCoreApplication.translate(CONTEXT, "Delete card {0}").format(quoted(first.title)))
        else:
            self.setText(QCoreApplication.translate(CONTEXT, "Delete {0} cards").format(len(self.ids)))
        return Change(ChangeKind.CARDS, removed=_ids(self.ids))

    def backward(self) -> Change:
        self._restore_cards(self._cards)
        return Change(ChangeKind.CARDS, added=_ids(self.ids))

    def forward(self) -> Change:
        self._delete_cards(self.ids)
        return Change(ChangeKind.CARDS, removed=_ids(self.ids))


# ---------------------------------------------------------------------- field edits


class _UpdateCommand(DocumentCommand):
    """Set some fields of one thing. typing=True makes successive edits of the same fields of the same thing
    (in one typing run, see JourneyDocument.end_typing) merge into one undo step, whose undo restores the
    values from before the first of them."""

    FIELDS: ClassVar[tuple[str, ...]]
    MERGE_ID: ClassVar[int]
    WHAT: ClassVar[str]
    LABELS: ClassVar[dict[str, object]]
    """Edit menu label by field edited ("*": several fields), marked for translation; {0} is the quoted name."""

    def __init__(self, document: JourneyDocument, target_id: int, fields: Mapping[str, object], typing: bool) -> None:
        super().__init__(document)
        unknown = [name for name in fields if name not in self.FIELDS]
        if unknown:
            raise TypeError(
                f"update_{self.WHAT}() got an unexpected field {unknown[0]!r}; the fields are {', '.join(self.FIELDS)}"
            )
        self.target_id = target_id
        self.requested = dict(fields)
        self.typing = typing
        self.session = document.typing_session
        self.before: dict[str, object] = {}
        self.after: dict[str, object] = {}

    def id(self) -> int:
        return self.MERGE_ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not (
            type(other) is type(self)
            and isinstance(other, _UpdateCommand)
            and self.typing
            and other.typing
            and other.target_id == self.target_id
            and other.session == self.session
            and other.after.keys() == self.after.keys()
        ):
            return False
        self.after = dict(other.after)
        if self.after == self.before:
            self.setObsolete(True)  # typed back to where it started: no undo step at all
        return True

    def current(self, names: Iterable[str]) -> dict[str, object]:
        """The values of these fields in the snapshot."""
        raise NotImplementedError

    def write(self, values: Mapping[str, object]) -> None:
        """Set the fields in the library and patch the snapshot with what the library stored."""
        raise NotImplementedError

    def change(self) -> Change:
        raise NotImplementedError

    def name(self) -> str:
        """The thing's name as the label shows it (before the edit)."""
        raise NotImplementedError

    def label(self) -> str:
        names = list(self.requested)
        return tr(self.LABELS[names[0] if len(names) == 1 else "*"]).format(quoted(self.name()))

    def execute(self) -> Change | None:
        if not self.requested:
            return None
        self.before = self.current(self.requested)
        if self.before == self.requested:
            return None
        label = self.label()
        self.write(self.requested)
        self.after = self.current(self.requested)
        self.keep = self.after != self.before
        self.setText(label)
        return self.change()

    def forward(self) -> Change:
        self.write(self.after)
        return self.change()

    def backward(self) -> Change:
        self.write(self.before)
        return self.change()


class UpdateTouchpointCommand(_UpdateCommand):
    FIELDS = CARD_FIELDS
    MERGE_ID = 1001
    WHAT = "touchpoint"
    LABELS: ClassVar[dict[str, object]] = {
        "title": QT_TRANSLATE_NOOP(CONTEXT, "Rename card {0}"),
        "notes": QT_TRANSLATE_NOOP(CONTEXT, "Edit notes of card {0}"),
        "channel": QT_TRANSLATE_NOOP(CONTEXT, "Edit channel of card {0}"),
        "score": QT_TRANSLATE_NOOP(CONTEXT, "Edit score of card {0}"),
        "expectation": QT_TRANSLATE_NOOP(CONTEXT, "Edit expectation of card {0}"),
        "owner": QT_TRANSLATE_NOOP(CONTEXT, "Edit owner of card {0}"),
        "color": QT_TRANSLATE_NOOP(CONTEXT, "Edit colour of card {0}"),
        "votes": QT_TRANSLATE_NOOP(CONTEXT, "Edit votes of card {0}"),
        "status": QT_TRANSLATE_NOOP(CONTEXT, "Edit status of card {0}"),
        "*": QT_TRANSLATE_NOOP(CONTEXT, "Edit card {0}"),
    }

    def current(self, names: Iterable[str]) -> dict[str, object]:
        card = self.document._card(self.target_id)
        return {name: getattr(card, name) for name in names}

    def write(self, values: Mapping[str, object]) -> None:
        card = self.library.update_touchpoint(
            self.target_id, expected_revision=self.seen, **cast(dict[str, Any], values)
        )
        self.document._wrote()
        self.document._put_cards([card])

    def change(self) -> Change:
        return Change(ChangeKind.CARDS, updated=frozenset({self.target_id}))

    def name(self) -> str:
        return self.document._card(self.target_id).title


_Item = TypeVar("_Item", Phase, Lane)


def _replace_item(items: list[_Item], item: _Item) -> None:
    for at, old in enumerate(items):
        if old.id == item.id:
            items[at] = item
            return
    raise NotFoundError(f"There is no {type(item).__name__.lower()} with id {item.id} on this journey.")


class UpdatePhaseCommand(_UpdateCommand):
    FIELDS = ("name", "description", "color")
    MERGE_ID = 1002
    WHAT = "phase"
    LABELS: ClassVar[dict[str, object]] = {
        "name": QT_TRANSLATE_NOOP(CONTEXT, "Rename phase {0}"),
        "description": QT_TRANSLATE_NOOP(CONTEXT, "Edit description of phase {0}"),
        "color": QT_TRANSLATE_NOOP(CONTEXT, "Edit colour of phase {0}"),
        "*": QT_TRANSLATE_NOOP(CONTEXT, "Edit phase {0}"),
    }

    def current(self, names: Iterable[str]) -> dict[str, object]:
        phase = self.document._phase(self.target_id)
        return {name: getattr(phase, name) for name in names}

    def write(self, values: Mapping[str, object]) -> None:
        phase = self.library.update_phase(self.target_id, expected_revision=self.seen, **cast(dict[str, Any], values))
        self.document._wrote()
        _replace_item(self.document.journey.phases, phase)

    def change(self) -> Change:
        return Change(ChangeKind.STRUCTURE)

    def name(self) -> str:
        return self.document._phase(self.target_id).name


class UpdateLaneCommand(_UpdateCommand):
    FIELDS = ("name", "kind", "color")
    MERGE_ID = 1003
    WHAT = "lane"
    LABELS: ClassVar[dict[str, object]] = {
        "name": QT_TRANSLATE_NOOP(CONTEXT, "Rename lane {0}"),
        "kind": QT_TRANSLATE_NOOP(CONTEXT, "Edit kind of lane {0}"),
        "color": QT_TRANSLATE_NOOP(CONTEXT, "Edit colour of lane {0}"),
        "*": QT_TRANSLATE_NOOP(CONTEXT, "Edit lane {0}"),
    }

    def current(self, names: Iterable[str]) -> dict[str, object]:
        lane = self.document._lane(self.target_id)
        return {name: getattr(lane, name) for name in names}

    def write(self, values: Mapping[str, object]) -> None:
        lane = self.library.update_lane(self.target_id, expected_revision=self.seen, **cast(dict[str, Any], values))
        self.document._wrote()
        _replace_item(self.document.journey.lanes, lane)

    def change(self) -> Change:
        return Change(ChangeKind.STRUCTURE)

    def name(self) -> str:
        return self.document._lane(self.target_id).name


def _stored_journey_value(name: str, value: object) -> object:
    """A journey field as `Library.update_journey` stores it (it returns nothing; the value passed its rules)."""
    if name == "title":
        return rules.title(cast(str, value), MAX_TITLE, "journey title")
    if name == "language":
        return rules.language(cast(str, value))
    if name == "framework":
        return rules.framework(cast(str, value))
    if name == "persona":
        if value is None:
            return None
        persona = cast(Persona, value)
        name_ = rules.title(persona.name, MAX_PERSONA_NAME, "persona name")
        return Persona(name_, persona.description, persona.goals, persona.frustrations)
    return value


class UpdateJourneyCommand(_UpdateCommand):
    FIELDS = ("title", "description", "language", "framework", "persona")
    MERGE_ID = 1004
    WHAT = "journey"
    LABELS: ClassVar[dict[str, object]] = {
        "title": QT_TRANSLATE_NOOP(CONTEXT, "Rename journey {0}"),
        "description": QT_TRANSLATE_NOOP(CONTEXT, "Edit journey description"),
        "language": QT_TRANSLATE_NOOP(CONTEXT, "Edit journey language"),
        "framework": QT_TRANSLATE_NOOP(CONTEXT, "Edit journey framework"),
        "persona": QT_TRANSLATE_NOOP(CONTEXT, "Edit persona"),
        "*": QT_TRANSLATE_NOOP(CONTEXT, "Edit journey"),
    }

    def __init__(self, document: JourneyDocument, fields: Mapping[str, object], typing: bool) -> None:
        super().__init__(document, document.journey_id, fields, typing)

    def current(self, names: Iterable[str]) -> dict[str, object]:
        journey = self.document.journey
        values = {name: getattr(journey, name) for name in names}
        if isinstance(values.get("persona"), Persona):
            values["persona"] = replace(cast(Persona, values["persona"]))
        return values

    def write(self, values: Mapping[str, object]) -> None:
        self.library.update_journey(self.target_id, expected_revision=self.seen, **cast(dict[str, Any], values))
        self.document._wrote()
        journey = self.document.journey
        for name, value in values.items():
            setattr(journey, name, _stored_journey_value(name, value))

    def change(self) -> Change:
        return Change(ChangeKind.JOURNEY)

    def name(self) -> str:
        return self.document.journey.title


# ---------------------------------------------------------------------- phases and lanes


Removal = PhaseRemoval | LaneRemoval


def _clamped(index: int | None, length: int) -> int:
    """Where the library puts a phase or lane asked for at `index` among `length` others (its `_insert_at`)."""
    return length if index is None else max(0, min(index, length))


def _index_of(items: Sequence[Phase | Lane], item_id: int, what: str) -> int:
    for at, item in enumerate(items):
        if item.id == item_id:
            return at
    raise NotFoundError(f"There is no {what} with id {item_id} on this journey.")


class _StructureCommand(DocumentCommand):
    """A command on phases or lanes; `_PhaseKind` and `_LaneKind` say which."""

    WHAT: ClassVar[str]
    TEXTS: ClassVar[dict[str, object]]
    """Edit menu labels ("add", "move", "delete", "delete 1", "delete n"), marked for translation."""

    def _items(self) -> list[Any]:
        """The snapshot's phases or lanes (list[Phase] or list[Lane])."""
        raise NotImplementedError

    def _library_delete(self, item_id: int) -> Removal:
        raise NotImplementedError

    def _library_restore(self, removal: Removal) -> None:
        raise NotImplementedError

    def _library_move(self, item_id: int, index: int) -> None:
        raise NotImplementedError

    def _removal(self, index: int, item: Phase | Lane) -> Removal:
        """What restores a phase or lane that holds no cards."""
        raise NotImplementedError

    @staticmethod
    def _item(removal: Removal) -> Phase | Lane:
        return removal.phase if isinstance(removal, PhaseRemoval) else removal.lane

    def _remove(self, item_id: int) -> Removal:
        """Delete the phase or lane with its cards, in the library and the snapshot."""
        removal = self._library_delete(item_id)
        self.document._wrote()
        items = self._items()
        del items[_index_of(items, item_id, self.WHAT)]
        self.document._drop_cards(t.id for t in removal.touchpoints)
        return removal

    def _put_back(self, removal: Removal) -> None:
        self._library_restore(removal)
        self.document._wrote()
        items = self._items()
        items.insert(_clamped(removal.index, len(items)), self._item(removal))
        self.document._put_cards(removal.touchpoints)

    def _move(self, item_id: int, index: int) -> None:
        self._library_move(item_id, index)
        self.document._wrote()
        items = self._items()
        item = items.pop(_index_of(items, item_id, self.WHAT))
        items.insert(_clamped(index, len(items)), item)


class _PhaseKind(_StructureCommand):
    WHAT = "phase"
    TEXTS: ClassVar[dict[str, object]] = {
        "add": QT_TRANSLATE_NOOP(CONTEXT, "Add phase {0}"),
        "move": QT_TRANSLATE_NOOP(CONTEXT, "Move phase {0}"),
        "delete": QT_TRANSLATE_NOOP(CONTEXT, "Delete phase {0}"),
        "delete 1": QT_TRANSLATE_NOOP(CONTEXT, "Delete phase {0} with 1 card"),
        "delete n": QT_TRANSLATE_NOOP(CONTEXT, "Delete phase {0} with {1} cards"),
    }

    def _items(self) -> list[Any]:
        return self.document.journey.phases

    def _library_delete(self, item_id: int) -> Removal:
        return self.library.delete_phase(item_id, expected_revision=self.seen)

    def _library_restore(self, removal: Removal) -> None:
        assert isinstance(removal, PhaseRemoval)
        self.library.restore_phase(removal, expected_revision=self.seen)

    def _library_move(self, item_id: int, index: int) -> None:
        self.library.move_phase(item_id, index, expected_revision=self.seen)

    def _removal(self, index: int, item: Phase | Lane) -> Removal:
        assert isinstance(item, Phase)
        return PhaseRemoval(self.document.journey_id, index, item, ())


class _LaneKind(_StructureCommand):
    WHAT = "lane"
    TEXTS: ClassVar[dict[str, object]] = {
        "add": QT_TRANSLATE_NOOP(CONTEXT, "Add lane {0}"),
        "move": QT_TRANSLATE_NOOP(CONTEXT, "Move lane {0}"),
        "delete": QT_TRANSLATE_NOOP(CONTEXT, "Delete lane {0}"),
        "delete 1": QT_TRANSLATE_NOOP(CONTEXT, "Delete lane {0} with 1 card"),
        "delete n": QT_TRANSLATE_NOOP(CONTEXT, "Delete lane {0} with {1} cards"),
    }

    def _items(self) -> list[Any]:
        return self.document.journey.lanes

    def _library_delete(self, item_id: int) -> Removal:
        return self.library.delete_lane(item_id, expected_revision=self.seen)

    def _library_restore(self, removal: Removal) -> None:
        assert isinstance(removal, LaneRemoval)
        self.library.restore_lane(removal, expected_revision=self.seen)

    def _library_move(self, item_id: int, index: int) -> None:
        self.library.move_lane(item_id, index, expected_revision=self.seen)

    def _removal(self, index: int, item: Phase | Lane) -> Removal:
        assert isinstance(item, Lane)
        return LaneRemoval(self.document.journey_id, index, item, ())


class _AddStructureCommand(_StructureCommand):
    """Undo deletes the new phase or lane; redo puts it back with the same id and place."""

    def __init__(self, document: JourneyDocument, name: str, index: int | None, color: str | None) -> None:
        super().__init__(document)
        self._name = name
        self._index = index
        self._color = color
        self._removed: Removal | None = None

    def _added(self, item: Phase | Lane) -> Change:
        self.document._wrote()
        items = self._items()
        at = _clamped(self._index, len(items))
        items.insert(at, item)
        self._removed = self._removal(at, item)
        self.setText(tr(self.TEXTS["add"]).format(quoted(item.name)))
        return Change(ChangeKind.STRUCTURE)

    def backward(self) -> Change:
        assert self._removed is not None
        self._removed = self._remove(self._item(self._removed).id)
        return Change(ChangeKind.STRUCTURE, removed=_ids(t.id for t in self._removed.touchpoints))

    def forward(self) -> Change:
        assert self._removed is not None
        self._put_back(self._removed)
        return Change(ChangeKind.STRUCTURE, added=_ids(t.id for t in self._removed.touchpoints))


class _MoveStructureCommand(_StructureCommand):
    def __init__(self, document: JourneyDocument, item_id: int, index: int) -> None:
        super().__init__(document)
        self.item_id = item_id
        self.index = index
        self._old = 0
        self._new = 0

    def execute(self) -> Change | None:
        items = self._items()
        self._old = _index_of(items, self.item_id, self.WHAT)
        self._new = max(0, min(self.index, len(items) - 1))
        if self._new == self._old:
            return None
        self.setText(tr(self.TEXTS["move"]).format(quoted(items[self._old].name)))
        self._move(self.item_id, self._new)
        return Change(ChangeKind.STRUCTURE)

    def backward(self) -> Change:
        self._move(self.item_id, self._old)
        return Change(ChangeKind.STRUCTURE)

    def forward(self) -> Change:
        self._move(self.item_id, self._new)
        return Change(ChangeKind.STRUCTURE)


class _DeleteStructureCommand(_StructureCommand):
    """Deletes a phase or lane with its cards; undo restores it and its cards with the same ids and places."""

    def __init__(self, document: JourneyDocument, item_id: int) -> None:
        super().__init__(document)
        self.item_id = item_id
        self._removed: Removal | None = None

    def execute(self) -> Change:
        items = self._items()
        name = quoted(items[_index_of(items, self.item_id, self.WHAT)].name)
        self._removed = self._remove(self.item_id)
        count = len(self._removed.touchpoints)
        text = self.TEXTS["delete n" if count > 1 else "delete 1" if count == 1 else "delete"]
        self.setText(tr(text).format(name, count))
        return Change(ChangeKind.STRUCTURE, removed=_ids(t.id for t in self._removed.touchpoints))

    def backward(self) -> Change:
        assert self._removed is not None
        self._put_back(self._removed)
        return Change(ChangeKind.STRUCTURE, added=_ids(t.id for t in self._removed.touchpoints))

    def forward(self) -> Change:
        self._removed = self._remove(self.item_id)
        return Change(ChangeKind.STRUCTURE, removed=_ids(t.id for t in self._removed.touchpoints))


class AddPhaseCommand(_AddStructureCommand, _PhaseKind):
    def __init__(self, document: JourneyDocument, name: str, index: int | None, color: str | None) -> None:
        super().__init__(document, name, index, color)
        self.phase: Phase | None = None

    def execute(self) -> Change:
        self.phase = self.library.add_phase(
            self.document.journey_id, self._name, index=self._index, color=self._color, expected_revision=self.seen
        )
        return self._added(self.phase)


class AddLaneCommand(_AddStructureCommand, _LaneKind):
    def __init__(
        self, document: JourneyDocument, name: str, kind: LaneKind | str, index: int | None, color: str | None
    ) -> None:
        super().__init__(document, name, index, color)
        self.lane: Lane | None = None
        self._kind = kind

    def execute(self) -> Change:
        self.lane = self.library.add_lane(
            self.document.journey_id,
            self._name,
            self._kind,
            index=self._index,
            color=self._color,
            expected_revision=self.seen,
        )
        return self._added(self.lane)


class MovePhaseCommand(_MoveStructureCommand, _PhaseKind):
    pass


class MoveLaneCommand(_MoveStructureCommand, _LaneKind):
    pass


class DeletePhaseCommand(_DeleteStructureCommand, _PhaseKind):
    pass


class DeleteLaneCommand(_DeleteStructureCommand, _LaneKind):
    pass


# ---------------------------------------------------------------------- named versions


def _kept(journey: Journey) -> Journey:
    """A copy of the document's journey that later patches of the document leave alone (they replace model
    objects and change the lists, so copies of the lists and the persona are enough)."""
    persona = None if journey.persona is None else replace(journey.persona)
    return replace(
        journey,
        persona=persona,
        phases=list(journey.phases),
        lanes=list(journey.lanes),
        touchpoints=list(journey.touchpoints),
    )


class SaveVersionCommand(DocumentCommand):
    """Save the journey as a named version. Undo deletes the version; redo puts it back under its own id."""

    def __init__(self, document: JourneyDocument, name: str) -> None:
        super().__init__(document)
        self.name = name
        self.info: VersionInfo | None = None
        self._removal: VersionRemoval | None = None

    def execute(self) -> Change:
        document = self.document
        self.info = self.library.save_version(
            document.journey_id, self.name, expected_revision=document.journey.revision
        )
        self.setText(QCoreApplication.translate(CONTEXT, "Save version {0}").format(quoted(self.info.name)))
        return self._changed()

    def backward(self) -> Change:
        assert self.info is not None
        self._removal = self.library.delete_version(self.info.id, expected_revision=self.document.journey.revision)
        return self._changed()

    def forward(self) -> Change:
        assert self._removal is not None
        self.library.restore_deleted_version(self._removal, expected_revision=self.document.journey.revision)
        return self._changed()

    def _changed(self) -> Change:
        self.document._wrote()
        self.document.versions_changed.emit()
        return Change(ChangeKind.JOURNEY)


class DeleteVersionCommand(DocumentCommand):
    """Delete a named version. Undo puts it back under its own id."""

    def __init__(self, document: JourneyDocument, version_id: int) -> None:
        super().__init__(document)
        self.version_id = version_id
        self._removal: VersionRemoval | None = None

    def execute(self) -> Change:
        self._delete()
        assert self._removal is not None
        self.setText(QCoreApplication.translate(CONTEXT, "Delete version {0}").format(quoted(self._removal.info.name)))
        return self._changed()

    def backward(self) -> Change:
        assert self._removal is not None
        self.library.restore_deleted_version(self._removal, expected_revision=self.document.journey.revision)
        return self._changed()

    def forward(self) -> Change:
        self._delete()
        return self._changed()

    def _delete(self) -> None:
        self._removal = self.library.delete_version(self.version_id, expected_revision=self.document.journey.revision)

    def _changed(self) -> Change:
        self.document._wrote()
        self.document.versions_changed.emit()
        return Change(ChangeKind.JOURNEY)


class RestoreVersionCommand(DocumentCommand):
    """Make the journey hold a version's content again. Undo puts the content it had back, redo the version's;
    both keep every id, so the commands below and above this one on the stack stay valid."""

    def __init__(self, document: JourneyDocument, version_id: int) -> None:
        super().__init__(document)
        self.version_id = version_id
        self._previous: Journey | None = None
        self._restored: Journey | None = None

    def execute(self) -> Change:
        name = self.library.version_info(self.version_id).name
        self._previous = self.library.restore_version(self.version_id, expected_revision=self.document.journey.revision)
        self._settle()
        self._restored = _kept(self.document.journey)
        self.setText(QCoreApplication.translate(CONTEXT, "Restore version {0}").format(quoted(name)))
        return Change(ChangeKind.STRUCTURE)

    def backward(self) -> Change:
        assert self._previous is not None
        self.library.replace_journey_content(self._previous, expected_revision=self.document.journey.revision)
        self._settle()
        return Change(ChangeKind.STRUCTURE)

    def forward(self) -> Change:
        assert self._restored is not None
        self.library.replace_journey_content(self._restored, expected_revision=self.document.journey.revision)
        self._settle()
        return Change(ChangeKind.STRUCTURE)

    def _settle(self) -> None:
        """The whole journey changed: read it back (in the document's order, with the library's revision)."""
        self.document.journey = self.document._read()
