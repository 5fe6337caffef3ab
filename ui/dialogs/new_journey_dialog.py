"""The "New journey" dialog: a title, a template and a language.

The templates are the built-in ones, then under "Your templates" the user's own (cjmapper.template_catalogue); a
file of the templates folder that cannot be used is listed there too, greyed, its reason shown when chosen. The
buttons under the list rename, delete (after asking), import (a journey file copied in once it reads) the user's
templates, and show their folder (ui.dialogs.template_buttons).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from cjmapper.errors import CjmapperError
from cjmapper.model import MAX_TITLE, Language
from cjmapper.template_catalogue import TemplateEntry, TemplateKind, built_in_templates, list_templates
from cjmapper.templates import TEMPLATE_NAMES

from ..length_limit import show_limit
from .template_buttons import TemplateButtons

LANGUAGE_NAMES = {Language.EN: "English", Language.NL: "Nederlands"}
_HEADER = "\x00header"
"""The data of the "Your templates" heading (no template's name: a name is trimmed, visible text)."""


class NewJourneyDialog(QDialog):
    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New journey"))
        self.title_field = QLineEdit(self)
        show_limit(self.title_field, MAX_TITLE)
        self.title_field.setPlaceholderText(self.tr("e.g. Webshop journey for new customers"))
        self.template_box = QComboBox(self)
        self.entries: dict[str, TemplateEntry] = {}
        self.template_buttons = TemplateButtons(self, self)
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
        form.addRow(self.tr("&Template:"), self.template_box)
        form.addRow("", self.template_buttons)
        form.addRow(self.tr("&Language:"), self.language_box)
        form.addRow(self.description)
        form.addRow(self.buttons)
        self.fill_templates()
        self.language_box.currentIndexChanged.connect(self._fill_templates)
        self.template_box.currentIndexChanged.connect(self._chosen)
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

    @property
    def entry(self) -> TemplateEntry | None:
        """The template chosen."""
        return self.entries.get(self.template)

    def fill_templates(self, choose: str | None = None) -> None:
        """List the templates again (the user's may have changed) and choose `choose`, else the one chosen."""
        chosen = choose or self.template_box.currentData() or TEMPLATE_NAMES[0]
        try:
            entries = list_templates(self.language)
        except CjmapperError as e:  # the templates folder cannot be read: the built-in ones all the same
            entries = built_in_templates(self.language)
            self.template_buttons.say_problem(str(e))
        self.entries = {entry.name: entry for entry in entries}
        box = self.template_box
        box.blockSignals(True)
        box.clear()
        for entry in entries:
            if entry.kind is TemplateKind.USER and box.findData(_HEADER) < 0:
                box.insertSeparator(box.count())
                box.addItem(self.tr("Your templates"), _HEADER)
                self._disable(box.count() - 1)
            shown = entry.title if entry.problem is None else self.tr("{0} (cannot be used)").format(entry.name)
            box.addItem(shown, entry.name)
        index = box.findData(chosen)
        box.setCurrentIndex(index if index >= 0 and self._enabled(index) else 0)
        box.blockSignals(False)
        self._describe()

    def _fill_templates(self) -> None:
        self.fill_templates()

    def _disable(self, index: int) -> None:
        model = self.template_box.model()
        assert isinstance(model, QStandardItemModel)
        item = model.item(index)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)

    def _enabled(self, index: int) -> bool:
        model = self.template_box.model()
        assert isinstance(model, QStandardItemModel)
        return bool(model.item(index).flags() & Qt.ItemFlag.ItemIsEnabled)

    def _chosen(self) -> None:
        """A template was chosen: one of the user's brings its own language (which may be changed after)."""
        entry = self.entry
        if entry is not None and entry.language is not None and entry.language is not self.language:
            self.language_box.blockSignals(True)
            self.language_box.setCurrentIndex(list(LANGUAGE_NAMES).index(entry.language))
            self.language_box.blockSignals(False)
            self.fill_templates(entry.name)  # the built-in ones' titles in that language
            return
        self._describe()

    def _describe(self) -> None:
        entry = self.entry
        if entry is not None and entry.problem is not None:
            self.description.setText(self.tr("This file cannot be used: {0}").format(entry.problem))
        else:
            self.description.setText(entry.description if entry is not None else "")
        self.template_buttons.update_for(entry)
        self._validate()

    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        entry = self.entry
        ok.setEnabled(bool(self.title) and entry is not None and entry.problem is None)
