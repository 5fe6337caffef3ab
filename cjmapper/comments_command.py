"""`cjmapper comments JOURNEY [--all]`: a journey's open comments (every one with `--all`), one a line,
tab-separated: card title, author, time (UTC, ISO 8601, to the second), resolved (yes/no), text. The cards in the
map's order, each card's thread in order (a comment, then its replies). A tab, newline, carriage return or backslash
in a title, author or text is written escaped as `\\t`, `\\n`, `\\r` and `\\\\`, so each comment stays one line of
five fields."""

from __future__ import annotations

import argparse
from datetime import UTC
from typing import Any, TextIO

from cjmapper.messages import say
from cjmapper.model import Comment, Journey
from cjmapper.store import Library

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def add_parser(commands: argparse._SubParsersAction[Any], journey_help: str) -> None:
    """The `comments` command on the command line's parser."""
    comments = commands.add_parser(
        "comments",
        help=say("list a journey's open comments: card, author, time (UTC), resolved, text (tab-separated)"),
        description=say(
            "Print the open comments on JOURNEY's cards (with --all every one, resolved too), one a line: card "
            "title, author, time (UTC, ISO 8601), resolved (yes or no) and text, separated by tabs. A tab, newline "
            "or backslash in a field is written as \\t, \\n or \\\\."
        ),
    )
    comments.add_argument("journey", metavar="JOURNEY", help=journey_help)
    comments.add_argument("--all", dest="all_comments", action="store_true", help=say("resolved comments too"))


def escaped(text: str) -> str:
    return text.translate(_ESCAPES)


def lines(journey: Journey, every: bool) -> list[str]:
    """The command's lines (without their newlines)."""
    shown = {c.id for c in (journey.comments if every else journey.unresolved())}
    found: list[str] = []
    threads = journey.threads()
    for card in journey.ordered_touchpoints():
        for comment in threads.get(card.id, ()):
            if comment.id in shown:
                found.append(_line(card.title, comment))
    return found


def _line(title: str, comment: Comment) -> str:
    time = comment.created.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    resolved = "yes" if comment.resolved else "no"
    return "\t".join((escaped(title), escaped(comment.author), time, resolved, escaped(comment.text)))


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    journey = library.load_journey(library.find_journey(args.journey))
    for line in lines(journey, args.all_comments):
        out.write(line + "\n")
    return 0
