"""The rows of a journey's comments (`comment_tables.COMMENTS`): read into `model.Comment` values with every rule
checked, written (a whole journey's, for a copy, a restore or a version put back), and each comment's rules. The
edit API on them is `cjmapper.store.comment_edits`."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Integer, bindparam, delete, insert, select
from sqlalchemy.engine import Connection

from cjmapper import rules
from cjmapper.errors import EditError
from cjmapper.messages import say
from cjmapper.model import MAX_AUTHOR, MAX_COMMENTS, MAX_TEXT, Comment
from cjmapper.store import checks
from cjmapper.store.comment_tables import COMMENTS

_ROWS = (
    select(
        COMMENTS.c.id,
        COMMENTS.c.touchpoint_id,
        checks.bounded(COMMENTS.c.author, MAX_AUTHOR),
        COMMENTS.c.created_at,
        checks.bounded(COMMENTS.c.text, MAX_TEXT),
        COMMENTS.c.resolved,
        COMMENTS.c.parent_id,
    )
    .where(COMMENTS.c.journey_id == bindparam("journey_id", type_=Integer))
    .order_by(COMMENTS.c.id)
)
_JOURNEY_ROWS = _ROWS.limit(MAX_COMMENTS + 1)
"""Built once, like the journey reader's statements: building it per read costs its cache key every time."""


def stored_time(moment: datetime) -> datetime:
    """A comment's time as stored: UTC without a zone (a naive time is taken as UTC)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def clean(comment: Comment) -> dict[str, object]:
    """A comment's row values (its id and journey aside), each through the edit API's rules (EditError)."""
    author = rules.text(comment.author.strip(), MAX_AUTHOR, "author")
    text = rules.text(comment.text.strip(), MAX_TEXT, "comment")
    if not text:
        raise EditError(say("A comment needs some text."))
    return {
        "touchpoint_id": comment.touchpoint_id,
        "parent_id": comment.parent_id,
        "author": author,
        "created_at": stored_time(comment.created),
        "text": text,
        "resolved": bool(comment.resolved),
    }


def _problem(row: Any) -> str | None:
    place = f"comment {row.id}"
    problem = (
        checks.integer_problem(row.id, "comment id", 1)
        or checks.integer_problem(row.touchpoint_id, "comment's card")
        or checks.text_problem(row.author, "author", MAX_AUTHOR)
        or checks.text_problem(row.text, "comment", MAX_TEXT, required=True)
    )
    if problem is None and not isinstance(row.created_at, datetime):
        problem = say("the time is {0}", checks.shown(row.created_at))
    if problem is None and row.parent_id is not None and type(row.parent_id) is not int:
        problem = say("the comment it answers is {0}", checks.shown(row.parent_id))
    return None if problem is None else f"{place}: {problem}"


def _sound(rows: Sequence[Any]) -> bool:
    """Whether every row plainly keeps the rules (`_problem` finds nothing): a loop of cheap tests, five times faster
    than `_problem` on each row."""
    too_long = checks.TOO_LONG
    for row in rows:
        author, text, parent = row.author, row.text, row.parent_id
        if type(row.id) is not int or row.id < 1 or type(row.touchpoint_id) is not int:
            return False
        if type(author) is not str or type(text) is not str or not isinstance(row.created_at, datetime):
            return False
        if author == too_long or text == too_long or len(author) > MAX_AUTHOR or len(text) > MAX_TEXT:
            return False
        if "\x00" in author or "\x00" in text or not text.strip() or (parent is not None and type(parent) is not int):
            return False
    return True


def _comment(row: Any) -> Comment:
    created = row.created_at.replace(tzinfo=UTC) if row.created_at.tzinfo is None else row.created_at
    return Comment(row.id, row.touchpoint_id, row.author, created, row.text, bool(row.resolved), row.parent_id)


def load(conn: Connection, journey_id: int, cards: Collection[int]) -> list[Comment]:
    """The journey's comments on `cards` (its cards: a deleted card's comments wait for its undo), oldest first; a
    reply whose comment is not among them is left out too. A row that breaks a rule refuses the journey as
    damaged."""
    rows = conn.execute(_JOURNEY_ROWS, {"journey_id": journey_id}).all()
    if len(rows) > MAX_COMMENTS:
        raise checks.damaged(journey_id, say("it holds more than {0} comments", MAX_COMMENTS))
    if not _sound(rows):  # only then is each row checked, to name the first that breaks a rule
        for row in rows:
            problem = _problem(row)
            if problem is not None:
                raise checks.damaged(journey_id, problem)
    found = [_comment(row) for row in rows if row.touchpoint_id in cards]
    tops = {c.id for c in found if c.parent_id is None}
    return [c for c in found if c.parent_id is None or c.parent_id in tops]


def by_ids(conn: Connection, ids: Sequence[int]) -> list[tuple[int, Comment]]:
    """The comments with these ids, each with its journey's id (checked as `load` checks them)."""
    rows = conn.execute(
        select(COMMENTS.c.journey_id, *_ROWS.selected_columns)
        .where(COMMENTS.c.id.in_(list(ids)))
        .order_by(COMMENTS.c.id)
    ).all()
    found: list[tuple[int, Comment]] = []
    for row in rows:
        problem = _problem(row)
        if problem is not None:
            raise checks.damaged(row.journey_id, problem)
        found.append((int(row.journey_id), _comment(row)))
    return found


def replies_of(conn: Connection, comment_id: int) -> list[int]:
    return [int(i) for i in conn.execute(select(COMMENTS.c.id).where(COMMENTS.c.parent_id == comment_id)).scalars()]


def insert_all(
    conn: Connection,
    journey_id: int,
    comments: Sequence[Comment],
    cards: Mapping[int, int],
    *,
    keep_ids: Callable[[int], bool] = lambda _: False,
) -> None:
    """Insert a journey's comments: each on the card `cards` maps its card to (a comment on a card not there is left
    out), under its own id where `keep_ids` says so (a reply so kept may answer a comment stored before), else under
    a new one (its replies follow it)."""
    parents: dict[int, int] = {}
    ordered = sorted(comments, key=lambda c: (c.parent_id is not None, c.id))
    for comment in ordered:
        card = cards.get(comment.touchpoint_id)
        kept = keep_ids(comment.id)
        # A reply put back under its own id answers its comment as stored (a restore's comment is there already).
        stored = comment.parent_id if kept else None
        parent = None if comment.parent_id is None else parents.get(comment.parent_id, stored)
        if card is None or (comment.parent_id is not None and parent is None):
            continue
        values = clean(comment) | {"journey_id": journey_id, "touchpoint_id": card, "parent_id": parent}
        if kept:
            values["id"] = comment.id
        parents[comment.id] = int(conn.execute(insert(COMMENTS).values(**values).returning(COMMENTS.c.id)).scalar_one())


def delete_on(conn: Connection, journey_id: int, cards: Collection[int]) -> None:
    """Delete the journey's comments on `cards` (and their replies)."""
    listed = list(cards)
    for start in range(0, len(listed), 5000):
        chunk = listed[start : start + 5000]
        conn.execute(delete(COMMENTS).where(COMMENTS.c.journey_id == journey_id, COMMENTS.c.touchpoint_id.in_(chunk)))


def free_ids(conn: Connection, ids: Collection[int], issued: int) -> set[int]:
    """Which of `ids` a comment put back may keep: handed out by this library (at most `issued`) and not held."""
    candidates = [i for i in ids if 0 < i <= issued]
    held = {int(i) for i in conn.execute(select(COMMENTS.c.id).where(COMMENTS.c.id.in_(candidates))).scalars()}
    return set(candidates) - held


# ---------------------------------------------------------------------- in a version's snapshot


def snapshot_rows(comments: Sequence[Comment]) -> list[list[object]]:
    """The comments as a snapshot holds them: [id, card id, comment answered or null, author, ISO time, text,
    resolved as 0 or 1]."""
    return [
        [c.id, c.touchpoint_id, c.parent_id, c.author, stored_time(c.created).isoformat(), c.text, int(c.resolved)]
        for c in comments
    ]


def from_snapshot(rows: list[Any], cards: Collection[int]) -> list[Comment]:
    """The comments of a snapshot's `snapshot_rows`; ValueError (its reason) when one is damaged."""
    found: list[Comment] = []
    for row in rows:
        if not isinstance(row, list) or len(row) != 7:
            raise ValueError(say("a comment has the wrong shape"))
        comment_id, card, parent, author, created, text, resolved = row
        whole = [type(v) is int for v in (comment_id, card, resolved)] + [parent is None or type(parent) is int]
        texts = [isinstance(v, str) for v in (author, created, text)]
        if not all(whole + texts) or card not in cards:
            raise ValueError(say("a comment has a field of the wrong type"))
        try:
            moment = datetime.fromisoformat(created).replace(tzinfo=UTC)
        except ValueError:
            raise ValueError(say("a comment has a field of the wrong type")) from None
        found.append(Comment(comment_id, card, author, moment, text, bool(resolved), parent))
    return found


def translated(comments: Sequence[Comment], cards: Mapping[int, int], placeholder: Callable[[], int]) -> list[Comment]:
    """The comments of a version brought from another library: on their cards' ids here, each under a
    `placeholder` id (no other library's id is kept; putting the version back gives them new ones)."""
    ids = {c.id: placeholder() for c in comments}
    return [
        Comment(
            ids[c.id],
            cards[c.touchpoint_id],
            c.author,
            c.created,
            c.text,
            c.resolved,
            None if c.parent_id is None else ids.get(c.parent_id, placeholder()),
        )
        for c in comments
        if c.touchpoint_id in cards
    ]


def replace(
    conn: Connection, journey_id: int, comments: Sequence[Comment], cards: Mapping[int, int], issued: int
) -> None:
    """Put a version's comments in place of those on the journey's cards (`cards`: each card of the version's id ->
    its id as stored; those it had before are in it too): each under its own id when free, else a new one."""
    delete_on(conn, journey_id, cards.keys() | set(cards.values()))
    free = free_ids(conn, [c.id for c in comments], issued)
    insert_all(conn, journey_id, comments, cards, keep_ids=free.__contains__)
