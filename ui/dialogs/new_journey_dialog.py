"""The "New journey" dialog: a title, a framework template and a language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from cjmapper.model import MAX_TITLE, Language
from cjmapper.templates import TEMPLATE_NAMES, template_description, template_title

from ..length_limit import show_limit

LANGUAGE_NAMES = {Language.EN: "English", Language.NL: "Nederlands"}


class NewJourneyDialog(QDialog):
    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New journey"))
        self.title_field = QLineEdit(self)
        show_limit(self.title_field, MAX_TITLE)
        self.title_field.setPlaceholderText(self.tr("e.g. Webshop journey for new customers"))
        self.template_box = QComboBox(self)
        self.language_box = QComboBox(self)
        for lang, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, lang.value)
        self.language_box.setCurrentIndex(list(LANGUAGE_NAMES).index(language))
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setMinimumWidth(360)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout(self)
        form.addRow(self.tr("&Title:"), self.title_field)
        form.addRow(self.tr("&Framework:"), self.template_box)
        form.addRow(self.tr("&Language:"), self.language_box)
        form.addRow(self.description)
        form.addRow(self.buttons)
        self._fill_templates()
        self.language_box.currentIndexChanged.connect(self._fill_templates)
        self.template_box.currentIndexChanged.connect(self._describe)
        self.title_field.textChanged.connect(self._validate)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._validate()

    @property
    def language(self) -> Language:
        return Language(self.language_box.currentData())

    @property
    def template(self) -> str:
        return str(self.template_box.currentData())

    @property
    def title(self) -> str:
        return self.title_field.text().strip()

    def _fill_templates(self) -> None:
        chosen = self.template_box.currentData() or TEMPLATE_NAMES[0]
        self.template_box.blockSignals(True)
        self.template_box.clear()
        for name in TEMPLATE_NAMES:
            self.template_box.addItem(template_title(name, self.language), name)
        self.template_box.setCurrentIndex(TEMPLATE_NAMES.index(chosen))
        self.template_box.blockSignals(False)
        self._describe()

    def _describe(self) -> None:
        self.description.setText(template_description(self.template, self.language))

    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title))
