"""The New Journey dialog's buttons for the user's own templates (cjmapper.user_templates): Rename… and Delete… (after
asking; it cannot be undone) of the template chosen when it is one of the user's, Import Template… (a journey file,
copied into the templates folder once it reads; templates are journey files, so they can be shared) and Show
Template Folder. After each change the dialog lists its templates again, the changed one chosen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cjmapper.errors import CjmapperError
from cjmapper.template_catalogue import TemplateEntry, TemplateKind
from cjmapper.user_templates import delete_template, import_template, rename_template, templates_folder

from ..recent_folders import remember_folder, start_folder


class TemplatePicker(Protocol):
    """What of the New Journey dialog the buttons need (the dialog imports this module, not the other way)."""

    def fill_templates(self, choose: str | None = None) -> None: ...


class TemplateButtons(QWidget):
    def __init__(self, picker: TemplatePicker, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.picker = picker
        self.dialog = dialog
        self.entry: TemplateEntry | None = None
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.rename_button = QPushButton(self.tr("&Rename…"), self)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.import_button = QPushButton(self.tr("&Import Template…"), self)
        self.folder_button = QPushButton(self.tr("Show Template &Folder"), self)
        self.rename_button.setToolTip(self.tr("Rename the chosen template of yours"))
        self.delete_button.setToolTip(self.tr("Delete the chosen template of yours"))
        self.import_button.setToolTip(
            self.tr("Add a journey file (.json) to your templates, such as one a colleague sent")
        )
        self.folder_button.setToolTip(self.tr("Open the folder your templates are kept in, to copy or share them"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.rename_button, self.delete_button, self.import_button, self.folder_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.problem)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.import_button.clicked.connect(self.import_file)
        self.folder_button.clicked.connect(self.show_folder)
        self.update_for(None)

    def update_for(self, entry: TemplateEntry | None) -> None:
        """The template chosen in the dialog is `entry`."""
        self.entry = entry
        mine = entry is not None and entry.kind is TemplateKind.USER
        self.rename_button.setEnabled(mine and entry is not None and entry.problem is None)
        self.delete_button.setEnabled(mine)

    def say_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _failed(self, title: str, error: CjmapperError) -> None:
        QMessageBox.warning(self.dialog, title, str(error))

    def rename(self) -> None:
        entry = self.entry
        if entry is None or entry.kind is not TemplateKind.USER:
            return
        title = self.tr("Rename template")
        name, ok = QInputDialog.getText(self.dialog, title, self.tr("Name:"), text=entry.name)
        if not ok or name.strip() == entry.name:
            return
        try:
            renamed = rename_template(entry.path if entry.path is not None else entry.name, name)
        except CjmapperError as e:
            self._failed(title, e)
            return
        self.picker.fill_templates(renamed.name)

    def delete(self) -> None:
        entry = self.entry
        if entry is None or entry.kind is not TemplateKind.USER:
            return
        title = self.tr("Delete template")
        answer = QMessageBox.question(
            self.dialog,
            title,
            self.tr("Delete your template “{0}”? Its file is removed; this cannot be undone.").format(entry.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_template(entry.path if entry.path is not None else entry.name)
        except CjmapperError as e:
            self._failed(title, e)
        self.picker.fill_templates("")

    def import_file(self) -> None:
        title = self.tr("Import template")
        name, _ = QFileDialog.getOpenFileName(
            self.dialog, title, str(start_folder("import", Path.home())), self.tr("Journey files (*.json)")
        )
        if not name:
            return
        path = Path(name)
        remember_folder("import", path.parent)
        try:
            imported = import_template(path)
        except CjmapperError as e:
            self._failed(title, e)
            return
        self.picker.fill_templates(imported.name)

    def show_folder(self) -> None:
        folder = templates_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            self._failed(self.tr("Show template folder"), CjmapperError(f"{folder}: {e.strerror or e}"))
            return
        self.open_url(QUrl.fromLocalFile(str(folder)))
