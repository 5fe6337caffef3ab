"""The commands that edit the comments on a journey's cards: add a comment or a reply, change its text, resolve or
reopen it, delete it with its replies. Each holds ids and plain values (the comment as the library stored it, the
text or mark it replaced, the comments a deletion took out), calls the library's comment API
(`cjmapper.store.comment_edits`), patches the snapshot's `Journey.comments` and reports the card as updated (its
badge of open comments changes)."""

from __future__ import annotations

from collections.abc import Sequence

from cjmapper.model import Comment

from .changes import Change, ChangeKind
from .command import Command
from .labels import Label, marked, quoted
from .parts import Parts
from .snapshot import JourneySnapshot


class CommentCommand(Command):
    """A command on the comments of one card (`touchpoint_id`)."""

    def __init__(self, snapshot: JourneySnapshot, touchpoint_id: int) -> None:
        super().__init__(snapshot)
        self.touchpoint_id = touchpoint_id

    def holds(self) -> Parts:
        return Parts(cards=frozenset({self.touchpoint_id}))

    def changed(self) -> Change:
        return Change(ChangeKind.CARDS, updated=frozenset({self.touchpoint_id}))

    def comment(self, comment_id: int) -> Comment:
        for comment in self.snapshot.journey.comments:
            if comment.id == comment_id:
                return comment
        raise KeyError(comment_id)

    def put(self, comments: Sequence[Comment]) -> None:
        """Add comments to the snapshot, or replace those it holds under their ids."""
        given = {c.id: c for c in comments}
        held = self.snapshot.journey.comments
        held[:] = [given.pop(c.id, c) for c in held]
        held.extend(given.values())
        held.sort(key=lambda c: c.id)

    def drop(self, comments: Sequence[Comment]) -> None:
        gone = {c.id for c in comments}
        self.snapshot.journey.comments[:] = [c for c in self.snapshot.journey.comments if c.id not in gone]

    def card_title(self) -> str:
        return quoted(self.snapshot.card(self.touchpoint_id).title)


class AddCommentCommand(CommentCommand):
    """Add a comment on a card, or (`parent_id`) a reply. Undo deletes it; redo puts it back under the same id."""

    def __init__(
        self, snapshot: JourneySnapshot, touchpoint_id: int, author: str, text: str, parent_id: int | None = None
    ) -> None:
        super().__init__(snapshot, touchpoint_id)
        self.author = author
        self.text = text
        self.parent_id = parent_id
        self.added: Comment | None = None

    def execute(self) -> Change:
        done = self.library.add_comment(
            self.touchpoint_id, self.author, self.text, parent_id=self.parent_id, expected_revision=self.seen
        )
        self.snapshot.adopt(done.revision)
        self.added = done.value
        self.put([done.value])
        text = marked("Reply on card {0}") if self.parent_id is not None else marked("Comment on card {0}")
        self.label = Label(text, (self.card_title(),))
        return self.changed()

    def backward(self) -> Change:
        assert self.added is not None
        gone = self.library.delete_comment(self.added.id, expected_revision=self.seen)
        self.snapshot.adopt(gone.revision)
        self.drop(gone.value)
        return self.changed()

    def forward(self) -> Change:
        assert self.added is not None
        journey_id = self.snapshot.journey_id
        self.snapshot.adopt(self.library.restore_comments(journey_id, [self.added], expected_revision=self.seen))
        self.put([self.added])
        return self.changed()


class EditCommentCommand(CommentCommand):
    """Change a comment's text; undo puts back the text it had."""

    def __init__(self, snapshot: JourneySnapshot, touchpoint_id: int, comment_id: int, text: str) -> None:
        super().__init__(snapshot, touchpoint_id)
        self.comment_id = comment_id
        self.text = text
        self.old = ""

    def execute(self) -> Change | None:
        self.old = self.comment(self.comment_id).text
        if self.old == self.text.strip():
            return None
        self.label = Label(marked("Edit comment on card {0}"), (self.card_title(),))
        return self._write(self.text)

    def _write(self, text: str) -> Change:
        done = self.library.edit_comment(self.comment_id, text, expected_revision=self.seen)
        self.snapshot.adopt(done.revision)
        was = self.comment(self.comment_id)
        self.put(
            [Comment(was.id, was.touchpoint_id, was.author, was.created, text.strip(), was.resolved, was.parent_id)]
        )
        return self.changed()

    def backward(self) -> Change:
        return self._write(self.old)

    def forward(self) -> Change:
        return self._write(self.text)


class ResolveCommentCommand(CommentCommand):
    """Resolve a comment (closing its thread), or (`resolved` False) reopen it; undo puts the mark back."""

    def __init__(self, snapshot: JourneySnapshot, touchpoint_id: int, comment_id: int, resolved: bool) -> None:
        super().__init__(snapshot, touchpoint_id)
        self.comment_id = comment_id
        self.resolved = resolved

    def execute(self) -> Change | None:
        if self.comment(self.comment_id).resolved == self.resolved:
            return None
        text = marked("Resolve comment on card {0}") if self.resolved else marked("Reopen comment on card {0}")
        self.label = Label(text, (self.card_title(),))
        return self._write(self.resolved)

    def _write(self, resolved: bool) -> Change:
        done = self.library.resolve_comment(self.comment_id, resolved, expected_revision=self.seen)
        self.snapshot.adopt(done.revision)
        was = self.comment(self.comment_id)
        self.put([Comment(was.id, was.touchpoint_id, was.author, was.created, was.text, resolved, was.parent_id)])
        return self.changed()

    def backward(self) -> Change:
        return self._write(not self.resolved)

    def forward(self) -> Change:
        return self._write(self.resolved)


class DeleteCommentCommand(CommentCommand):
    """Delete a comment with its replies; undo puts them back under their ids."""

    def __init__(self, snapshot: JourneySnapshot, touchpoint_id: int, comment_id: int) -> None:
        super().__init__(snapshot, touchpoint_id)
        self.comment_id = comment_id
        self.gone: list[Comment] = []

    def execute(self) -> Change:
        self.label = Label(marked("Delete comment on card {0}"), (self.card_title(),))
        return self.forward()

    def forward(self) -> Change:
        done = self.library.delete_comment(self.comment_id, expected_revision=self.seen)
        self.snapshot.adopt(done.revision)
        self.gone = done.value
        self.drop(done.value)
        return self.changed()

    def backward(self) -> Change:
        journey_id = self.snapshot.journey_id
        self.snapshot.adopt(self.library.restore_comments(journey_id, self.gone, expected_revision=self.seen))
        self.put(self.gone)
        return self.changed()
