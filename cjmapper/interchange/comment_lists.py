"""A version-4 journey file's `comments`: every comment and reply on the touchpoints, written in the cards' order
(each comment followed by its replies) and read back with every problem reported at its place. The journey reader
hands in its field checks (`FieldReader`), so a comment's text is checked as a touchpoint's is."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Final, Protocol

from cjmapper.interchange.untrusted_json import kind_of, member, quote
from cjmapper.messages import say
from cjmapper.model import MAX_AUTHOR, MAX_TEXT, Comment, Journey

COMMENT_FIELDS: Final = frozenset({"id", "touchpoint", "reply_to", "author", "created", "text", "resolved"})
SINCE: Final = 4
"""The journey-file version that brought comments."""


class FieldReader(Protocol):
    """What `read_comments` needs of the journey reader."""

    def fail(self, place: str, message: str) -> None: ...

    def fields(self, value: object, place: str, allowed: frozenset[str]) -> dict[str, Any] | None: ...

    def identifier(self, obj: dict[str, Any], place: str, seen: dict[str, str]) -> str | None: ...

    def text(
        self, obj: dict[str, Any], key: str, place: str, limit: int, *, required: bool = False, trim: bool = False
    ) -> str: ...


def file_time(moment: datetime) -> str:
    """A comment's time as the file writes it: UTC, ISO 8601, with "Z" ("2026-12-07T17:43:45Z")."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"


def write_comments(journey: Journey, card_refs: Mapping[int, str]) -> list[dict[str, Any]]:
    """The journey's comments as the file holds them: the cards in `card_refs`' order (the file's touchpoint ids),
    each card's thread in order; ids "c1", "c2", ... in that order."""
    written: list[dict[str, Any]] = []
    refs: dict[int, str] = {}
    threads = journey.threads()
    for card_id, card_ref in card_refs.items():
        for comment in threads.get(card_id, ()):
            refs[comment.id] = f"c{len(refs) + 1}"
            written.append(
                {
                    "id": refs[comment.id],
                    "touchpoint": card_ref,
                    "reply_to": None if comment.parent_id is None else refs[comment.parent_id],
                    "author": comment.author,
                    "created": file_time(comment.created),
                    "text": comment.text,
                    "resolved": comment.resolved,
                }
            )
    return written


def read_comments(items: list[Any], card_ids: Mapping[str, int], reader: FieldReader) -> list[Comment]:
    """The file's comments, with ids 1..n in file order, on the touchpoints `card_ids` names (by the file's ids);
    a reply answers a comment earlier in the list, on the same touchpoint, that is no reply itself."""
    seen: dict[str, str] = {}
    ids: dict[str, Comment] = {}
    comments: list[Comment] = []
    for index, item in enumerate(items):
        place = f"comments[{index}]"
        obj = reader.fields(item, place, COMMENT_FIELDS)
        if obj is None:
            continue
        key = reader.identifier(obj, place, seen)
        card = obj.get("touchpoint")
        card_id = card_ids.get(card) if type(card) is str else None
        if card_id is None:
            shown = quote(card) if type(card) is str else kind_of(card)
            reader.fail(member(place, "touchpoint"), say("must name a touchpoint of the file, not {0}", shown))
        parent: Comment | None = None
        answered = obj.get("reply_to")
        if answered is not None:
            parent = ids.get(answered) if type(answered) is str else None
            if parent is None or parent.parent_id is not None or parent.touchpoint_id != card_id:
                shown = quote(answered) if type(answered) is str else kind_of(answered)
                reader.fail(
                    member(place, "reply_to"),
                    say("must be null or name an earlier comment on the same touchpoint, not {0}", shown),
                )
        author = reader.text(obj, "author", place, MAX_AUTHOR)
        text = reader.text(obj, "text", place, MAX_TEXT, required=True, trim=True)
        created = _time(obj.get("created"), member(place, "created"), reader)
        resolved = obj.get("resolved", False)
        if type(resolved) is not bool:
            reader.fail(member(place, "resolved"), say("must be true or false, not {0}", kind_of(resolved)))
            resolved = False
        comment = Comment(
            index + 1, card_id or 0, author, created, text, resolved, None if parent is None else parent.id
        )
        comments.append(comment)
        if key is not None:
            ids[key] = comment
    return comments


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _time(value: object, place: str, reader: FieldReader) -> datetime:
    if type(value) is str and len(value) <= 40:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if moment.tzinfo is not None:
                return moment.astimezone(UTC)
    shown = quote(value) if type(value) is str else kind_of(value)
    reader.fail(place, say('must be a time in ISO 8601 with its zone ("2026-03-01T09:30:00Z"), not {0}', shown))
    return _EPOCH
