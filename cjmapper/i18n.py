"""The user's language, as far as the core needs it (templates, the example journey, numbers)."""

from __future__ import annotations

import locale
import os

from cjmapper.model import Language


def system_language() -> Language:
    """Dutch when the system locale is Dutch (nl_NL, nl_BE, ...), English otherwise."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return Language.NL if value.lower().startswith("nl") else Language.EN
    code = locale.getlocale()[0] or ""
    return Language.NL if code.lower().startswith("nl") else Language.EN


def decimal(value: float, language: Language, digits: int = 1) -> str:
    """A decimal in the language's style: 3.4 in English, 3,4 in Dutch."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language is Language.NL else text
