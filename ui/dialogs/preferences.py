"""Edit › Preferences… (the application menu on macOS): the interface language, and the name comments are signed
with (`ui.comment_author`).

The choice is stored in the user's settings and applies from the next start (widgets take their texts when they are
made); the dialog says so when the choice differs from the language in use."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from cjmapper.model import MAX_AUTHOR, Language

from ..comment_author import comment_author, set_comment_author, system_name
from ..i18n import LANGUAGE_NAMES, choose_language, chosen_language, system_ui_language, ui_language


class PreferencesDialog(QDialog):
    """Language: System default (English or Nederlands, as the system says), English, Nederlands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("languageBox")
        system = LANGUAGE_NAMES[system_ui_language()]
        self.language_box.addItem(self.tr("System default ({0})").format(system), "")
        for language, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, language.value)
        stored = chosen_language()
        self.language_box.setCurrentIndex(self.language_box.findData(stored.value if stored is not None else ""))
        self.restart_note = QLabel(self)
        self.restart_note.setObjectName("restartNote")
        self.restart_note.setWordWrap(True)
        self.restart_note.setText(
            self.tr(
                "cjmapper uses the new language from the next time you start it. New journeys then start from "
                "templates in that language."
            )
        )
        self.author_box = QLineEdit(self)
        self.author_box.setObjectName("authorBox")
        self.author_box.setMaxLength(MAX_AUTHOR)
        self.author_box.setText(comment_author())
        self.author_box.setPlaceholderText(system_name())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.language_box)
        form.addRow(self.restart_note)
        form.addRow(self.tr("Your &name for comments:"), self.author_box)
        form.addRow(self.buttons)
        self.setMinimumWidth(380)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.language_box.currentIndexChanged.connect(self._show_note)
        self._show_note()

    @property
    def language(self) -> Language | None:
        """The chosen language, or None for the system's."""
        value = str(self.language_box.currentData() or "")
        return Language(value) if value else None

    def _show_note(self) -> None:
        """The note shows when the choice would change the language the editor is in now."""
        effective = self.language or system_ui_language()
        self.restart_note.setVisible(effective is not ui_language())

    def accept(self) -> None:
        choose_language(self.language)
        set_comment_author(self.author_box.text())
        super().accept()
