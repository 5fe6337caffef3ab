"""The name a comment is signed with: Preferences' "Your name for comments", kept in the user's settings, by default
the name the system knows the user by (the full name of the account where there is one, else the login name)."""

from __future__ import annotations

import getpass
import os

from cjmapper.model import MAX_AUTHOR

from .user_settings import settings

AUTHOR_KEY = "comments/author"


def system_name() -> str:
    """The user's full name from the system's account (Unix), else the login name; "" when neither is known."""
    try:
        import pwd  # Unix only

        full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
    except (ImportError, KeyError, OSError, AttributeError):
        full = ""
    if full:
        return full[:MAX_AUTHOR]
    try:
        return getpass.getuser()[:MAX_AUTHOR]
    except (KeyError, OSError):
        return ""


def comment_author() -> str:
    """The name new comments carry: the one chosen in Preferences, else the system's (`system_name`)."""
    chosen = settings().value(AUTHOR_KEY, "")
    name = chosen.strip() if isinstance(chosen, str) else ""
    return name[:MAX_AUTHOR] or system_name()


def set_comment_author(name: str) -> None:
    """Keep `name` for new comments ("" goes back to the system's name)."""
    settings().setValue(AUTHOR_KEY, name.strip()[:MAX_AUTHOR])
