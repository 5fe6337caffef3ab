"""The editor's language: English (the source language) or Dutch, from `--language`, else Preferences, else the
system's.

Dutch loads three Qt translators: cjmapper's own catalogue (resources/translations/cjmapper_nl.qm, built from the .ts
by `scripts/translations`), Qt's (qtbase_nl.qm from PySide6, for standard buttons such as Annuleren and for the
file dialogs), and the few Qt texts that qtbase_nl.qm lacks (`QT_GAPS`). Numbers follow the interface language too
(`integer`, `decimal`), not the system's locale. Widgets take their texts when they are made, so a language chosen
in Preferences applies from the next start; `--language` and the setting are read before the window is made.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cjmapper import messages as core_messages
from cjmapper.i18n import decimal as core_decimal
from cjmapper.i18n import system_language
from cjmapper.model import Language
from cjmapper.resources import resource

from .user_settings import settings

SETTINGS_LANGUAGE = "interface/language"
"""The language chosen in Preferences: "en", "nl", or absent (the system's)."""
CATALOGUE = "cjmapper"
LANGUAGE_NAMES: dict[Language, str] = {Language.EN: "English", Language.NL: "Nederlands"}
"""Each language by its own name, as language menus show them."""

QT_GAPS: dict[Language, dict[tuple[str, str], str]] = {
    Language.NL: {
        ("QFileDialog", "&Look in:"): "&Zoeken in:",
        ("QFileDialog", "Files of &type:"): "Bestands&type:",
        ("QColorDialog", "&HTML:"): "&HTML:",
        # Key names as a Dutch keyboard's keys say them (Qt's own Dutch keeps "Return" and "PgDown").
        ("QShortcut", "Return"): "Enter",
        ("QShortcut", "PgDown"): "PgDn",
    }
}
"""Qt's own texts that PySide6's qtbase translation lacks (its source text changed since it was translated; found
by opening Qt's file, colour and input dialogs in Dutch and keeping what stayed English)."""

_translators: list[QTranslator] = []


class _QtGaps(QTranslator):
    """Qt's own texts missing from its translation (`QT_GAPS`), searched after cjmapper's catalogue, before Qt's."""

    def __init__(self, texts: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self._texts = texts

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return self._texts.get((context, source))  # None (a null QString): not here, ask the next translator

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self._texts


_language = Language.EN


def system_ui_language() -> Language:
    """Dutch when the system's first user-interface language is Dutch (Qt reads LANGUAGE, LC_ALL, LC_MESSAGES and
    LANG on Linux, the language list on macOS and Windows); English otherwise."""
    languages = QLocale.system().uiLanguages()
    if not languages or languages[0] in ("C", "POSIX"):
        return system_language()
    return Language.NL if languages[0].lower().startswith("nl") else Language.EN


def chosen_language() -> Language | None:
    """The language stored in Preferences, or None for the system's."""
    value = str(settings().value(SETTINGS_LANGUAGE, "") or "")
    try:
        return Language(value)
    except ValueError:
        return None


def choose_language(language: Language | None) -> None:
    """Store the Preferences choice (None: follow the system)."""
    stored = settings()
    if language is None:
        stored.remove(SETTINGS_LANGUAGE)
    else:
        stored.setValue(SETTINGS_LANGUAGE, language.value)
    stored.sync()


def startup_language(requested: Language | str | None = None) -> Language:
    """The language to start in: `requested` (--language), else the Preferences choice, else the system's."""
    if requested:
        return Language(str(requested))
    return chosen_language() or system_ui_language()


def ui_language() -> Language:
    """The language the interface is in now."""
    return _language


def decimal(value: float, digits: int = 1) -> str:
    """A decimal as the interface's language writes it: 3.4 in English, 3,4 in Dutch."""
    return core_decimal(value, _language, digits)


def number_locale() -> QLocale:
    """The locale numbers are written in: the interface language's (nl_NL, en_US), not the system's."""
    return QLocale("nl_NL" if _language is Language.NL else "en_US")


def integer(value: int) -> str:
    """A whole number with the interface language's thousands separator: 1,963 in English, 1.963 in Dutch."""
    return number_locale().toString(value)


def catalogue_path(language: Language) -> str:
    return str(resource("translations", f"{CATALOGUE}_{language.value}.qm"))


def qt_translations_folder() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def apply_language(language: Language | str) -> Language:
    """Translate the interface into `language` from now on (widgets made afterwards); returns the previous
    language. Needs a QCoreApplication. English removes the translators; so does a translation that cannot be
    loaded (with a warning on stderr: the editor still starts)."""
    global _language
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("the interface language needs a running QApplication")
    chosen = Language(str(language))
    previous = _language
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if chosen is not Language.EN:
        own = QTranslator()
        if not own.load(catalogue_path(chosen)):
            print(
                f"cjmapper: warning: cannot load the {LANGUAGE_NAMES[chosen]} translation ({catalogue_path(chosen)}); "
                "the interface stays in English",
                file=sys.stderr,
            )
            _language = Language.EN
            core_messages.use_language(Language.EN)
            return previous
        qt = QTranslator()
        gaps = _QtGaps(QT_GAPS.get(chosen, {}))
        for translator in (qt, gaps, own):  # installed last, searched first: cjmapper's own texts win
            if translator is not qt or qt.load(f"qtbase_{chosen.value}", qt_translations_folder()):
                app.installTranslator(translator)
                _translators.append(translator)
    _language = chosen
    core_messages.use_language(chosen)
    return previous


@contextlib.contextmanager
def using_language(language: Language | str) -> Iterator[Language]:
    """The interface in `language` while the block runs, the previous language afterwards (tests use this, so no
    translator outlives its test)."""
    previous = apply_language(language)
    try:
        yield Language(str(language))
    finally:
        apply_language(previous)
