"""argparse's own words (usage, errors, help headings) in the language of the core's messages, for the command line.

argparse words its messages through gettext (`argparse._` and `argparse.ngettext`, looked up when a message is
made); `argparse_words()` puts the core's catalogue in their place while the command line builds its parser, parses
and prints, and puts gettext back after. The language is the core's (`cjmapper.messages.use_language`), which the
command line settles before it parses (`peek_language`: argparse reads --language only while parsing).
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator, Sequence

from cjmapper.messages import say
from cjmapper.model import Language


def _known() -> dict[str, str]:
    """argparse's messages a user of the command line can meet, English -> in the language in use (the
    %-placeholders kept: argparse fills them in after)."""
    return {
        "usage: ": say("usage: "),
        "argument %(argument_name)s: %(message)s": say("argument %(argument_name)s: %(message)s"),
        "positional arguments": say("positional arguments"),
        "options": say("options"),
        "show this help message and exit": say("show this help message and exit"),
        "unrecognized arguments: %s": say("unrecognized arguments: %s"),
        "the following arguments are required: %s": say("the following arguments are required: %s"),
        "one of the arguments %s is required": say("one of the arguments %s is required"),
        "not allowed with argument %s": say("not allowed with argument %s"),
        "ignored explicit argument %r": say("ignored explicit argument %r"),
        "expected one argument": say("expected one argument"),
        "expected at most one argument": say("expected at most one argument"),
        "expected at least one argument": say("expected at least one argument"),
        "expected %s argument": say("expected %s argument"),
        "expected %s arguments": say("expected %s arguments"),
        "ambiguous option: %(option)s could match %(matches)s": say(
            "ambiguous option: %(option)s could match %(matches)s"
        ),
        "unexpected option string: %s": say("unexpected option string: %s"),
        "invalid %(type)s value: %(value)r": say("invalid %(type)s value: %(value)r"),
        "invalid choice: %(value)r (choose from %(choices)s)": say(
            "invalid choice: %(value)r (choose from %(choices)s)"
        ),
    }


def gettext(message: str) -> str:
    """argparse's `message` in the language in use (a message this table lacks stays as argparse words it)."""
    return _known().get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return gettext(singular if count == 1 else plural)


@contextlib.contextmanager
def argparse_words() -> Iterator[None]:
    """argparse speaks the language of the core's messages inside the block."""
    saved: list[Callable[..., str]] = [argparse._, argparse.ngettext]  # type: ignore[attr-defined]
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def peek_language(argv: Sequence[str], options_with_values: Sequence[str]) -> Language | None:
    """The language `--language X` (or `--language=X`) names before the command, read before argparse parses (its
    messages need it); None when there is none, or it names no language (argparse then says so)."""
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--":
            return None
        if word.startswith("--language="):
            return _language(word.partition("=")[2])
        if word == "--language":
            return _language(argv[index + 1]) if index + 1 < len(argv) else None
        if word in options_with_values:
            index += 2
            continue
        if not word.startswith("-") or word == "-":
            return None  # the command (or a file): what follows is the command's own
        index += 1
    return None


def _language(value: str) -> Language | None:
    try:
        return Language(value)
    except ValueError:
        return None
