"""The user's language, as far as the core needs it (templates, the example journey, numbers)."""

from __future__ import annotations

import locale
import math
import os
from decimal import ROUND_HALF_UP, Decimal

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
    """A decimal in the language's style: 3.4 in English, 3,4 in Dutch. Rounded half up, as people round (3.25 is
    3.3, where a float's own rounding gives 3.2), from the value as it is written (its shortest repr)."""
    if not math.isfinite(value):
        return str(value)
    text = str(Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
    return text.replace(".", ",") if language is Language.NL else text
