"""The core's messages to the user (errors, warnings, refusals) in the user's language, without Qt.

`say(template, *args)` is how the core words a message: the English `template` (with `str.format` placeholders
`{0}`, `{1}` or `{name}`), or its translation from the catalogue of the language in use, filled in. The catalogue is
keyed by the English template: resources/translations/core_<language>.json, {"English template": "translation"}; a
template missing from it stays English (tests/test_dutch.py keeps every `say` template of cjmapper/ translated).

The language in use is one for the process (`use_language`): the editor sets it with its interface language
(ui/i18n.py), the command line from `--language`, else the system's. English is the default, so a library used
from code speaks English unless told otherwise.
"""

from __future__ import annotations

import json
from functools import cache

from cjmapper.i18n import decimal, whole
from cjmapper.model import Language
from cjmapper.resources import resource

_language = Language.EN


def use_language(language: Language | str) -> Language:
    """Word the core's messages in `language` from now on; returns the language used before."""
    global _language
    previous, _language = _language, Language(str(language))
    return previous


def language() -> Language:
    """The language the core's messages are worded in now."""
    return _language


def catalogue_path(language: Language) -> str:
    return str(resource("translations", f"core_{language.value}.json"))


@cache
def catalogue(language: Language) -> dict[str, str]:
    """English template -> translation, for `language` (empty for English, or when the catalogue is missing)."""
    if language is Language.EN:
        return {}
    try:
        with open(catalogue_path(language), encoding="utf-8") as f:
            table = json.load(f)
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in table.items()} if isinstance(table, dict) else {}


def say(template: str, *args: object, **named: object) -> str:
    """`template` in the language in use, with `args` and `named` filled in."""
    wording = catalogue(_language).get(template, template) if _language is not Language.EN else template
    return wording.format(*args, **named)


def say_in(language: Language, template: str, *args: object) -> str:
    """`template` in `language` (not the language in use), with `args` filled in: the words of a file made in a
    journey's own language, such as a slide deck, even on a worker thread while the editor speaks another."""
    wording = catalogue(language).get(template, template) if language is not Language.EN else template
    return wording.format(*args)


def number(value: int) -> str:
    """A whole number with the thousands separator of the language in use: 1,000 in English, 1.000 in Dutch."""
    return whole(value, _language)


def amount(value: float, digits: int = 1) -> str:
    """A measure in the style of the language in use, without a trailing zero: 3 and 2.5 in English, 2,5 in Dutch."""
    text = decimal(value, _language, digits)
    return text.rstrip("0").rstrip(".,") if "." in text or "," in text else text


def word(english: str) -> str:
    """A single word or phrase that a message fills in (a kind of thing: "phase", "journey title"), translated."""
    return say(english)
