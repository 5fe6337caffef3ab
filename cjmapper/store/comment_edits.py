"""The comment part of the edit API, which `Library` inherits beside `JourneyEdits`: adding a comment or a reply to a
card, changing its text, resolving and reopening it, deleting it (with its replies) and putting deleted ones back.
Each edit is one transaction that bumps the journey's revision (so a team library's other editors see it like any
other edit), takes `expected_revision` like every other edit, and returns what its inverse needs."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import delete, insert, update
from sqlalchemy.engine import Connection

from cjmapper.errors import EditError, NotFoundError
from cjmapper.messages import say
from cjmapper.model import Comment
from cjmapper.store import comments as comment_rows
from cjmapper.store import reading
from cjmapper.store.comment_tables import COMMENTS
from cjmapper.store.edits import JourneyEdits
from cjmapper.store.results import Revised
from cjmapper.store.rows import refuse_stale


class CommentEdits:
    """Comments on a library's cards (see the module's docstring)."""

    def _write(self) -> contextlib.AbstractContextManager[Connection]:
        raise NotImplementedError

    def add_comment(
        self,
        touchpoint_id: int,
        author: str,
        text: str,
        *,
        parent_id: int | None = None,
        created: datetime | None = None,
        expected_revision: int | None = None,
    ) -> Revised[Comment]:
        """Add a comment on a card (or, with `parent_id`, a reply to a comment on it) by `author` at `created` (None:
        now); returns it as stored, with its id (`delete_comment` takes it back)."""
        with self._write() as conn:
            journey_id = reading.journey_of(conn, "touchpoint", touchpoint_id)
            refuse_stale(conn, journey_id, expected_revision)
            if parent_id is not None:
                parent = _one(conn, parent_id)[1]
                if parent.touchpoint_id != touchpoint_id:
                    raise EditError(say("A reply goes on the card of the comment it answers."))
                parent_id = parent.parent_id if parent.parent_id is not None else parent.id
            moment = created if created is not None else datetime.now(UTC)
            comment = Comment(0, touchpoint_id, author, moment, text, False, parent_id)
            values = comment_rows.clean(comment) | {"journey_id": journey_id}
            new_id = int(conn.execute(insert(COMMENTS).values(**values).returning(COMMENTS.c.id)).scalar_one())
            revision = JourneyEdits._touch(conn, journey_id, expected_revision)
        stored = comment_rows.stored_time(moment).replace(tzinfo=UTC)
        author, text = str(values["author"]), str(values["text"])
        return Revised(replace(comment, id=new_id, author=author, text=text, created=stored), revision)

    def edit_comment(self, comment_id: int, text: str, *, expected_revision: int | None = None) -> Revised[str]:
        """Change a comment's text; returns the text it had."""
        with self._write() as conn:
            journey_id, comment = _one(conn, comment_id)
            refuse_stale(conn, journey_id, expected_revision)
            cleaned = comment_rows.clean(replace(comment, text=text))["text"]
            conn.execute(update(COMMENTS).where(COMMENTS.c.id == comment_id).values(text=cleaned))
            return Revised(comment.text, JourneyEdits._touch(conn, journey_id, expected_revision))

    def resolve_comment(
        self, comment_id: int, resolved: bool = True, *, expected_revision: int | None = None
    ) -> Revised[bool]:
        """Mark a comment resolved (or, `resolved` False, open again); returns whether it was resolved."""
        with self._write() as conn:
            journey_id, comment = _one(conn, comment_id)
            refuse_stale(conn, journey_id, expected_revision)
            conn.execute(update(COMMENTS).where(COMMENTS.c.id == comment_id).values(resolved=bool(resolved)))
            return Revised(comment.resolved, JourneyEdits._touch(conn, journey_id, expected_revision))

    def delete_comment(self, comment_id: int, *, expected_revision: int | None = None) -> Revised[list[Comment]]:
        """Delete a comment and its replies; returns them (the comment first), for `restore_comments`."""
        with self._write() as conn:
            journey_id, _comment = _one(conn, comment_id)
            refuse_stale(conn, journey_id, expected_revision)
            ids = [comment_id, *comment_rows.replies_of(conn, comment_id)]
            gone = [c for _, c in comment_rows.by_ids(conn, ids)]
            conn.execute(delete(COMMENTS).where(COMMENTS.c.id.in_(ids)))
            return Revised(gone, JourneyEdits._touch(conn, journey_id, expected_revision))

    def restore_comments(
        self, journey_id: int, comments: Sequence[Comment], *, expected_revision: int | None = None
    ) -> int:
        """Put deleted comments back under their own ids (the undo of `delete_comment`, the redo of
        `add_comment`); returns the journey's new revision."""
        with self._write() as conn:
            refuse_stale(conn, journey_id, expected_revision)
            for card in {c.touchpoint_id for c in comments}:
                if reading.journey_of(conn, "touchpoint", card) != journey_id:
                    raise NotFoundError(say("There is no touchpoint with id {0} in this library.", card))
            cards = {c.touchpoint_id: c.touchpoint_id for c in comments}
            comment_rows.insert_all(conn, journey_id, comments, cards, keep_ids=lambda _: True)
            return JourneyEdits._touch(conn, journey_id, expected_revision)


def _one(conn: Connection, comment_id: int) -> tuple[int, Comment]:
    found = comment_rows.by_ids(conn, [comment_id])
    if not found:
        raise NotFoundError(say("There is no comment with id {0} in this library.", comment_id))
    return found[0]
