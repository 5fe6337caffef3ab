"""The commands that set fields: of one card, of many cards at once, of a phase, a lane or the journey itself.

typing=True makes successive edits of the same fields of the same thing (in one typing run: the front end counts
runs, see `JourneyDocument.end_typing`) merge into one undo step, whose undo restores the values from before the
first of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any, ClassVar, TypeVar, cast

from cjmapper import card_fields, rules
from cjmapper.errors import NotFoundError
from cjmapper.messages import say, word
from cjmapper.model import (
    MAX_PERSONA_NAME,
    MAX_TITLE,
    Lane,
    Persona,
    Phase,
)

from .card_commands import CARD_FIELDS
from .changes import Change, ChangeKind
from .command import Command, ids
from .gate import Touches
from .labels import Label, marked, quoted
from .parts import Parts
from .snapshot import JourneySnapshot


class UpdateCommand(Command):
    """Set some fields of one thing."""

    FIELDS: ClassVar[tuple[str, ...]]
    WHAT: ClassVar[str]
    LABELS: ClassVar[dict[str, str]]
    """Edit menu label source by field edited ("*": several fields), marked; {0} is the quoted name."""

    def __init__(
        self,
        snapshot: JourneySnapshot,
        target_id: int,
        fields: Mapping[str, object],
        typing: bool = False,
        session: int = 0,
    ) -> None:
        super().__init__(snapshot)
        unknown = [name for name in fields if name not in self.FIELDS]
        if unknown:
            raise TypeError(
                f"update_{self.WHAT}() got an unexpected field {unknown[0]!r}; the fields are {', '.join(self.FIELDS)}"
            )
        self.target_id = target_id
        self.requested = dict(fields)
        self.typing = typing
        self.session = session
        """The typing run the edit was made in: only edits of one run merge."""
        self.before: dict[str, object] = {}
        self.after: dict[str, object] = {}

    def mergeable(self) -> bool:
        return self.typing

    def absorb(self, later: Command) -> bool:
        if not (
            type(later) is type(self)
            and isinstance(later, UpdateCommand)
            and self.typing
            and later.typing
            and later.target_id == self.target_id
            and later.session == self.session
            and later.after.keys() == self.after.keys()
        ):
            return False
        self.after = dict(later.after)
        self.obsolete = self.after == self.before  # typed back to where it started: no undo step at all
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

    def describe(self) -> Label:
        names = list(self.requested)
        return Label(self.LABELS[names[0] if len(names) == 1 else "*"], (quoted(self.name()),))

    def execute(self) -> Change | None:
        if not self.requested:
            return None
        self.before = self.current(self.requested)
        if self.before == self.requested:
            return None
        label = self.describe()
        self.write(self.requested)
        self.after = self.current(self.requested)
        self.keep = self.after != self.before
        self.label = label
        return self.change()

    def forward(self) -> Change:
        self.write(self.after)
        return self.change()

    def backward(self) -> Change:
        self.write(self.before)
        return self.change()


class UpdateTouchpointCommand(UpdateCommand):
    FIELDS = CARD_FIELDS
    WHAT = "touchpoint"
    LABELS: ClassVar[dict[str, str]] = {
        "title": marked("Rename card {0}"),
        "notes": marked("Edit notes of card {0}"),
        "channel": marked("Edit channel of card {0}"),
        "score": marked("Edit score of card {0}"),
        "expectation": marked("Edit expectation of card {0}"),
        "owner": marked("Edit owner of card {0}"),
        "color": marked("Edit colour of card {0}"),
        "votes": marked("Edit votes of card {0}"),
        "status": marked("Edit status of card {0}"),
        "target": marked("Edit target of card {0}"),
        "impact": marked("Edit impact of card {0}"),
        "effort": marked("Edit effort of card {0}"),
        "*": marked("Edit card {0}"),
    }

    def current(self, names: Iterable[str]) -> dict[str, object]:
        card = self.snapshot.card(self.target_id)
        return {name: getattr(card, name) for name in names}

    def write(self, values: Mapping[str, object]) -> None:
        card = self.library.update_touchpoint(
            self.target_id, expected_revision=self.seen, **cast(dict[str, Any], values)
        )
        self.snapshot.adopt(card.revision)
        self.snapshot.put_cards([card.value])

    def change(self) -> Change:
        return Change(ChangeKind.CARDS, updated=frozenset({self.target_id}))

    def holds(self) -> Parts:
        return Parts(cards=frozenset({self.target_id}))

    def name(self) -> str:
        return self.snapshot.card(self.target_id).title


def stored_card_fields(fields: Mapping[str, object]) -> dict[str, object]:
    """The fields as the library stores them; raises EditError (as the library would) for a value it refuses."""
    return {name: card_fields.BY_NAME[name].clean(value) for name, value in fields.items()}


class UpdateTouchpointsCommand(Command):
    """Set fields of many cards as one edit of the library (`Library.update_touchpoints`): one transaction, one
    revision, one change. `changes`: card id -> its fields."""

    def __init__(
        self, snapshot: JourneySnapshot, changes: Mapping[int, Mapping[str, object]], label: Label | None = None
    ) -> None:
        super().__init__(snapshot)
        for fields in changes.values():
            unknown = [name for name in fields if name not in CARD_FIELDS]
            if unknown:
                raise TypeError(f"update_touchpoints() got an unexpected field {unknown[0]!r}")
        self.requested = {card_id: dict(fields) for card_id, fields in changes.items()}
        self.given_label = label
        self.before: dict[int, dict[str, object]] = {}
        self.after: dict[int, dict[str, object]] = {}

    def execute(self) -> Change | None:
        snapshot = self.snapshot
        wanted = {card_id: stored_card_fields(fields) for card_id, fields in self.requested.items() if fields}
        for card_id, fields in wanted.items():
            card = snapshot.card(card_id)
            before = {name: getattr(card, name) for name in fields}
            if before != fields:
                self.before[card_id] = before
                self.after[card_id] = fields
        if not self.after:
            return None
        if self.given_label is not None:
            self.label = self.given_label
        elif len(self.after) == 1:
            [(card_id, fields)] = self.after.items()
            command = UpdateTouchpointCommand(snapshot, card_id, fields)
            self.label = command.describe()
        else:
            self.label = Label(marked("Edit {0} cards"), (len(self.after),))
        return self._write(self.after)

    def holds(self) -> Parts:
        return Parts(cards=ids(self.after))

    def forward(self) -> Change:
        return self._write(self.after)

    def backward(self) -> Change:
        return self._write(self.before)

    def _write(self, changes: Mapping[int, Mapping[str, object]]) -> Change:
        snapshot = self.snapshot
        snapshot.adopt(self.library.update_touchpoints(changes, expected_revision=self.seen))
        snapshot.put_cards(
            replace(snapshot.card(card_id), **cast(dict[str, Any], fields)) for card_id, fields in changes.items()
        )
        return Change(ChangeKind.CARDS, updated=ids(changes))


_Item = TypeVar("_Item", Phase, Lane)


def _replace_item(items: list[_Item], item: _Item) -> None:
    for at, old in enumerate(items):
        if old.id == item.id:
            items[at] = item
            return
    raise NotFoundError(say("There is no {0} with id {1} on this journey.", word(type(item).__name__.lower()), item.id))


class UpdatePhaseCommand(UpdateCommand):
    TOUCHES = Touches.STRUCTURE
    FIELDS = ("name", "description", "color")
    WHAT = "phase"
    LABELS: ClassVar[dict[str, str]] = {
        "name": marked("Rename phase {0}"),
        "description": marked("Edit description of phase {0}"),
        "color": marked("Edit colour of phase {0}"),
        "*": marked("Edit phase {0}"),
    }

    def current(self, names: Iterable[str]) -> dict[str, object]:
        phase = self.snapshot.phase(self.target_id)
        return {name: getattr(phase, name) for name in names}

    def write(self, values: Mapping[str, object]) -> None:
        phase = self.library.update_phase(self.target_id, expected_revision=self.seen, **cast(dict[str, Any], values))
        self.snapshot.adopt(phase.revision)
        _replace_item(self.snapshot.journey.phases, phase.value)

    def change(self) -> Change:
        return Change(ChangeKind.STRUCTURE, phases=frozenset({self.target_id}))

    def holds(self) -> Parts:
        return Parts(phases=frozenset({self.target_id}))

    def name(self) -> str:
        return self.snapshot.phase(self.target_id).name


class UpdateLaneCommand(UpdateCommand):
    TOUCHES = Touches.STRUCTURE
    FIELDS = ("name", "kind", "color")
    WHAT = "lane"
    LABELS: ClassVar[dict[str, str]] = {
        "name": marked("Rename lane {0}"),
        "kind": marked("Edit kind of lane {0}"),
        "color": marked("Edit colour of lane {0}"),
        "*": marked("Edit lane {0}"),
    }

    def current(self, names: Iterable[str]) -> dict[str, object]:
        lane = self.snapshot.lane(self.target_id)
        return {name: getattr(lane, name) for name in names}

    def write(self, values: Mapping[str, object]) -> None:
        lane = self.library.update_lane(self.target_id, expected_revision=self.seen, **cast(dict[str, Any], values))
        self.snapshot.adopt(lane.revision)
        _replace_item(self.snapshot.journey.lanes, lane.value)

    def change(self) -> Change:
        return Change(ChangeKind.STRUCTURE, lanes=frozenset({self.target_id}))

    def holds(self) -> Parts:
        return Parts(lanes=frozenset({self.target_id}))

    def name(self) -> str:
        return self.snapshot.lane(self.target_id).name


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


class UpdateJourneyCommand(UpdateCommand):
    TOUCHES = Touches.STRUCTURE
    FIELDS = ("title", "description", "language", "framework", "persona")
    WHAT = "journey"
    LABELS: ClassVar[dict[str, str]] = {
        "title": marked("Rename journey {0}"),
        "description": marked("Edit journey description"),
        "language": marked("Edit journey language"),
        "framework": marked("Edit journey framework"),
        "persona": marked("Edit persona"),
        "*": marked("Edit journey"),
    }

    def __init__(
        self, snapshot: JourneySnapshot, fields: Mapping[str, object], typing: bool = False, session: int = 0
    ) -> None:
        super().__init__(snapshot, snapshot.journey_id, fields, typing, session)

    def current(self, names: Iterable[str]) -> dict[str, object]:
        journey = self.snapshot.journey
        values = {name: getattr(journey, name) for name in names}
        if isinstance(values.get("persona"), Persona):
            values["persona"] = replace(cast(Persona, values["persona"]))
        return values

    def write(self, values: Mapping[str, object]) -> None:
        self.snapshot.adopt(
            self.library.update_journey(self.target_id, expected_revision=self.seen, **cast(dict[str, Any], values))
        )
        journey = self.snapshot.journey
        for name, value in values.items():
            setattr(journey, name, _stored_journey_value(name, value))

    def change(self) -> Change:
        return Change(ChangeKind.JOURNEY, fields=frozenset(self.requested))

    def holds(self) -> Parts:
        return Parts(fields=frozenset(self.requested))

    def name(self) -> str:
        return self.snapshot.journey.title
