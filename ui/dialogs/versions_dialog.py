"""Journey › Versions…: the open journey's named versions. Save one, open one read-only, restore one, print one,
delete one. Saving, restoring and deleting are undo steps of the journey (`JourneyDocument`); opening and printing
only read.

A version opens in a `VersionViewer`: the canvas of the version's snapshot over a `VersionDocument`, a document that
refuses every edit, with the structure locked and a banner saying it is read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, QObject, Qt, QTimeZone
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cjmapper.editing import Gate, Touches
from cjmapper.editing.gate import Verb
from cjmapper.errors import CjmapperError
from cjmapper.model import Journey
from cjmapper.store import Library, VersionInfo

from ..canvas.scene import JourneyScene
from ..canvas.view import JourneyView
from ..editing.document import JourneyDocument

PrintVersion = Callable[[Journey, str], None]
"""Prints a version: (its snapshot, its name). The window opens the poster dialog for it."""


def saved_text(moment: datetime) -> str:
    """When a version was saved, in the user's time zone and locale: "23 Nov 2026 14:05"."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())
    return QLocale().toString(local, "d MMM yyyy HH:mm")


class VersionDocument(JourneyDocument):
    """A saved version, open read-only: the document holds the version's snapshot and its gate refuses every edit."""

    def __init__(self, library: Library, snapshot: Journey, name: str, parent: QObject | None = None) -> None:
        self.version_name = name
        gate = Gate()
        gate.close("version", Touches.EVERYTHING, self._refusal)
        super().__init__(library, snapshot.id, parent, gate=gate, source=lambda: _copy(snapshot))

    def _refusal(self, _verb: Verb, _text: str) -> str:
        return self.tr("This is the saved version “{0}”, which is read-only. Restore it to edit it.").format(
            self.version_name
        )

    def refresh(self, revision: int | None = None) -> bool:
        return False  # a version never changes


def _copy(snapshot: Journey) -> Journey:
    """The version as a document may hold it (its lists its own)."""
    return replace(
        snapshot, phases=list(snapshot.phases), lanes=list(snapshot.lanes), touchpoints=list(snapshot.touchpoints)
    )


class VersionViewer(QDialog):
    """A saved version on a canvas of its own, read-only (structure locked, every edit refused)."""

    def __init__(
        self,
        library: Library,
        info: VersionInfo,
        snapshot: Journey,
        print_version: PrintVersion | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(self.tr("Version “{0}” of {1}").format(info.name, snapshot.title))
        self.document = VersionDocument(library, snapshot, info.name, self)
        self.scene = JourneyScene(self.document, self)
        self.scene.structure_locked = True
        self.banner = QLabel(
            self.tr("Version «{0}», saved {1}, read-only").format(info.name, saved_text(info.created_at)), self
        )
        self.banner.setObjectName("versionBanner")
        self.banner.setStyleSheet("QLabel#versionBanner { background: #fff3c4; color: #4a3b00; padding: 6px; }")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.document.failed.connect(self.message.setText)
        self.document.refused.connect(self.message.setText)
        self.scene.structure_refused.connect(self.message.setText)
        self.view = JourneyView(self)
        self.view.setScene(self.scene)
        self.print_button = QPushButton(self.tr("&Print This Version…"), self)
        self.print_button.setEnabled(print_version is not None)
        if print_version is not None:
            self.print_button.clicked.connect(lambda: print_version(self.document.journey, info.name))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(1000, 700)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)  # type: ignore[arg-type]
        self.view.fit()

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.view.setScene(None)
        self.scene.dispose()
        super().closeEvent(event)  # type: ignore[arg-type]


class VersionsDialog(QDialog):
    """The open journey's versions, newest first, with what can be done to them."""

    def __init__(
        self, document: JourneyDocument, print_version: PrintVersion | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.print_version = print_version
        self.viewers: list[VersionViewer] = []
        self.setWindowTitle(self.tr("Versions of {0}").format(document.journey.title))
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Saved"), self.tr("Cards")])
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.empty = QLabel(self.tr("No versions yet. Save one to keep the journey as it is now."), self)
        self.save_button = QPushButton(self.tr("&Save Version…"), self)
        self.save_button.clicked.connect(self.save_version)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.clicked.connect(self.print_selected)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        column = QVBoxLayout()
        for button in (self.save_button, self.open_button, self.restore_button, self.print_button):
            column.addWidget(button)
        column.addWidget(self.delete_button)
        column.addStretch(1)
        column.addWidget(close)
        lists = QVBoxLayout()
        lists.addWidget(self.list, 1)
        lists.addWidget(self.empty)
        layout = QHBoxLayout(self)
        layout.addLayout(lists, 1)
        layout.addLayout(column)
        self.resize(560, 360)
        document.versions_changed.connect(self.refresh)
        document.destroyed.connect(self.close)  # the journey was closed (say, its library switched)
        self.refresh()

    # ------------------------------------------------------------------ the list

    def versions(self) -> list[VersionInfo]:
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in self._items()]

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in found if item is not None]

    def refresh(self) -> None:
        selected = self.selected()
        try:
            listed = self.document.library.list_versions(self.document.journey_id)
        except CjmapperError as e:
            listed = []
            self.empty.setText(str(e))
        self.list.clear()
        for info in listed:
            item = QTreeWidgetItem([info.name, saved_text(info.created_at), QLocale().toString(info.touchpoints)])
            item.setData(0, Qt.ItemDataRole.UserRole, info)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
            if selected is not None and info.id == selected.id:
                item.setSelected(True)
        self.list.setVisible(bool(listed))
        self.empty.setVisible(not listed)
        self._update_buttons()

    def selected(self) -> VersionInfo | None:
        items = self.list.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def select(self, version_id: int) -> None:
        for item in self._items():
            item.setSelected(item.data(0, Qt.ItemDataRole.UserRole).id == version_id)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.open_button, self.restore_button, self.delete_button):
            button.setEnabled(chosen)
        self.print_button.setEnabled(chosen and self.print_version is not None)

    # ------------------------------------------------------------------ actions

    def default_name(self) -> str:
        now = QDateTime.currentDateTime()
        return self.tr("Version of {0}").format(QLocale().toString(now, "d MMM yyyy HH:mm"))

    def save_version(self) -> VersionInfo | None:
        """Ask for a name (a dated one is offered) and save the journey as it is now."""
        name, ok = QInputDialog.getText(
            self, self.tr("Save version"), self.tr("Name of the version:"), QLineEdit.EchoMode.Normal,
            self.default_name(),
        )  # fmt: skip
        if not ok:
            return None
        info = self.document.save_version(name)
        if info is not None:
            self.select(info.id)
        return info

    def open_selected(self) -> VersionViewer | None:
        info = self.selected()
        if info is None:
            return None
        try:
            snapshot = self.document.library.load_version(info.id)
        except CjmapperError as e:
            QMessageBox.warning(self, "cjmapper", str(e))
            return None
        viewer = VersionViewer(self.document.library, info, snapshot, self.print_version, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.destroyed.connect(lambda *_: self.viewers.remove(viewer) if viewer in self.viewers else None)
        self.viewers.append(viewer)
        viewer.show()
        return viewer

    def restore_selected(self) -> bool:
        info = self.selected()
        if info is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Restore version"),
            self.tr(
                "Make the journey what the version “{0}” holds? Its phases, lanes, cards and persona are replaced. "
                "Edit › Undo takes it back."
            ).format(info.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.document.restore_version(info.id)

    def print_selected(self) -> None:
        info = self.selected()
        if info is None or self.print_version is None:
            return
        try:
            snapshot = self.document.library.load_version(info.id)
        except CjmapperError as e:
            QMessageBox.warning(self, "cjmapper", str(e))
            return
        self.print_version(snapshot, info.name)

    def delete_selected(self) -> bool:
        info = self.selected()
        if info is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Delete version"),
            self.tr("Delete the version “{0}”? Edit › Undo brings it back.").format(info.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.document.delete_version(info.id)

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        for viewer in list(self.viewers):
            viewer.close()
        super().closeEvent(event)  # type: ignore[arg-type]
