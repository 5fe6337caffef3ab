"""The commands that attach, replace or remove a card's photo and set or remove the journey's wall photo: each one
undo step, holding the card's or journey's id and the images before and after (`ImageRef`s the library keeps, so an
undo and a redo never store the bytes again)."""

from __future__ import annotations

from dataclasses import replace

from cjmapper.images import PreparedImage
from cjmapper.model import ImageRef

from .changes import Change, ChangeKind
from .command import Command, ids
from .gate import Touches
from .labels import Label, marked, quoted
from .parts import Parts, card_parts
from .snapshot import JourneySnapshot

Given = PreparedImage | ImageRef | None
"""An image to show: new bytes (through `cjmapper.images.prepare`), one the library holds, or none."""


class SetCardImage(Command):
    """Attach `image` to a card, replacing its photo, or (None) remove it."""

    def __init__(self, snapshot: JourneySnapshot, card_id: int, image: Given) -> None:
        super().__init__(snapshot)
        self.card_id = card_id
        self.image = image
        self.before: ImageRef | None = None
        self.after: ImageRef | None = None

    def execute(self) -> Change | None:
        card = self.snapshot.card(self.card_id)
        if self.image is None and card.image is None:
            self.keep = False
            return None
        name = quoted(card.title)
        if self.image is None:
            self.label = Label(marked("Remove image from {0}"), (name,))
        elif card.image is None:
            self.label = Label(marked("Attach image to {0}"), (name,))
        else:
            self.label = Label(marked("Replace image of {0}"), (name,))
        self.before = self._set(self.image)
        self.after = self.snapshot.card(self.card_id).image
        return self._change()

    def forward(self) -> Change:
        self._set(self.after)
        return self._change()

    def backward(self) -> Change:
        self._set(self.before)
        return self._change()

    def holds(self) -> Parts:
        return card_parts([self.snapshot.card(self.card_id)]) if self.snapshot.has_card(self.card_id) else Parts()

    def _set(self, image: Given) -> ImageRef | None:
        snapshot = self.snapshot
        done = self.library.set_card_image(self.card_id, image, expected_revision=self.seen)
        snapshot.adopt(done.revision)
        now = self.library_image(image)
        snapshot.put_cards([replace(snapshot.card(self.card_id), image=now)])
        return done.value

    def library_image(self, image: Given) -> ImageRef | None:
        """The image as the library holds it now (read back for new bytes: its id there)."""
        if isinstance(image, PreparedImage):
            return self.library.card_image(self.card_id)
        return image

    def _change(self) -> Change:
        return Change(ChangeKind.CARDS, updated=ids([self.card_id]))


class SetWallPhoto(Command):
    """Set the journey's wall photo, or (None) remove it."""

    TOUCHES = Touches.STRUCTURE

    def __init__(self, snapshot: JourneySnapshot, image: Given) -> None:
        super().__init__(snapshot)
        self.image = image
        self.before: ImageRef | None = None
        self.after: ImageRef | None = None

    def execute(self) -> Change | None:
        if self.image is None and self.snapshot.journey.wall_photo is None:
            self.keep = False
            return None
        self.label = Label(marked("Remove wall photo") if self.image is None else marked("Set wall photo"))
        self.before = self._set(self.image)
        self.after = self.snapshot.journey.wall_photo
        return _WALL_CHANGED

    def forward(self) -> Change:
        self._set(self.after)
        return _WALL_CHANGED

    def backward(self) -> Change:
        self._set(self.before)
        return _WALL_CHANGED

    def holds(self) -> Parts:
        return Parts(fields=frozenset({"wall_photo"}))

    def _set(self, image: Given) -> ImageRef | None:
        snapshot = self.snapshot
        done = self.library.set_wall_photo(snapshot.journey_id, image, expected_revision=self.seen)
        snapshot.adopt(done.revision)
        snapshot.journey.wall_photo = (
            self.library.wall_photo(snapshot.journey_id) if isinstance(image, PreparedImage) else image
        )
        return done.value


_WALL_CHANGED = Change(ChangeKind.JOURNEY, fields=frozenset({"wall_photo"}))
