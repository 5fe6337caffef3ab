"""Journey › Prioritise…: the open journey's impact/effort matrix (`cjmapper.matrix`). The matrix on the left (its
scene in `matrix_scene`), the tray of cards not placed yet on the right (most votes first); a card is dragged from
the tray onto the matrix, moved there, and dragged back to the tray (or taken off by its context menu or Delete).
Each placement is one undo step on the journey's undo stack (Ctrl+Z here as in the window), stored per card. The
names of the quadrants and axes are edited in a small form (Rename Labels…, or a double-click on one). The matrix is
exported as a PDF page or a PNG picture, drawn from the same geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cjmapper.editing import Change
from cjmapper.errors import CjmapperError
from cjmapper.file_names import title_part
from cjmapper.matrix import DEFAULT_LABELS, MIDDLE, matrix_layout, place_at
from cjmapper.model import MATRIX_LABEL_NAMES, MAX_MATRIX_LABEL, Journey, Language, MatrixLabels, Touchpoint

from ..editing.document import JourneyDocument
from ..recent_folders import remember_folder, start_folder
from .matrix_scene import MatrixScene, MatrixView

_CARD_ID = Qt.ItemDataRole.UserRole


class TrayList(QListWidget):
    """The cards not placed yet. A card is dragged from here onto the matrix (the list keeps the mouse while the
    button is down, so the drop is where it is let go: `dropped(card id, global point)`); Return places the current
    card in the middle."""

    dropped = Signal(int, QPoint)
    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrixTray")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumWidth(220)
        self._pressed: tuple[int, QPoint] | None = None
        self._dragging = False

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mousePressEvent(event)
        item = self.itemAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and item is not None:
            self._pressed = (int(item.data(_CARD_ID)), event.position().toPoint())
            self._dragging = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._pressed is None:
            super().mouseMoveEvent(event)
            return
        moved = (event.position().toPoint() - self._pressed[1]).manhattanLength()
        if not self._dragging and moved >= QApplication.startDragDistance():
            self._dragging = True
            QApplication.setOverrideCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pressed, dragging = self._pressed, self._dragging
        self._pressed, self._dragging = None, False
        if dragging:
            QApplication.restoreOverrideCursor()
        super().mouseReleaseEvent(event)
        if pressed is not None and dragging:
            self.dropped.emit(pressed[0], self.mapToGlobal(event.position().toPoint()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.chosen.emit(int(item.data(_CARD_ID)))
            event.accept()
            return
        super().keyPressEvent(event)


class LabelsDialog(QDialog):
    """The matrix's six names; an empty one shows the default in the journey's language (its placeholder)."""

    def __init__(self, labels: MatrixLabels, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrixLabelsDialog")
        self.setWindowTitle(self.tr("Matrix Labels"))
        default = DEFAULT_LABELS[language]
        names = {
            "quick_wins": self.tr("High impact, low effort:"),
            "big_bets": self.tr("High impact, high effort:"),
            "fill_ins": self.tr("Low impact, low effort:"),
            "money_pits": self.tr("Low impact, high effort:"),
            "impact": self.tr("Vertical axis:"),
            "effort": self.tr("Horizontal axis:"),
        }
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for name in MATRIX_LABEL_NAMES:
            edit = QLineEdit(getattr(labels, name), self)
            edit.setObjectName(f"matrixLabel_{name}")
            edit.setMaxLength(MAX_MATRIX_LABEL)
            edit.setPlaceholderText(getattr(default, name))
            edit.setClearButtonEnabled(True)
            form.addRow(names[name], edit)
            self.edits[name] = edit
        hint = QLabel(self.tr("Leave a name empty for the default in the journey's language."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def labels(self) -> MatrixLabels:
        return MatrixLabels(*(self.edits[name].text().strip() for name in MATRIX_LABEL_NAMES))


class MatrixDialog(QDialog):
    """The open journey's impact/effort matrix; every change goes through `document` as an undo step."""

    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrixDialog")
        self.setWindowTitle(self.tr("Prioritise: Impact and Effort"))
        self.document = document
        self.labels_dialog: LabelsDialog | None = None
        self.view = MatrixView(self)
        self.scene = MatrixScene(
            matrix_layout(document.journey, heading=False), self.place, self._over_tray, self._card_menu, self
        )
        self.view.setScene(self.scene)
        self.view.rename.connect(self.edit_labels)
        self.tray = TrayList(self)
        self.tray.dropped.connect(self._dropped_from_tray)
        self.tray.chosen.connect(lambda card_id: self.place(card_id, MIDDLE, MIDDLE))
        tray_label = QLabel(self.tr("&Not placed yet (most votes first):"), self)
        tray_label.setBuddy(self.tray)
        self.tray_hint = QLabel(self)
        self.tray_hint.setWordWrap(True)
        self.tray_hint.setEnabled(False)
        side = QVBoxLayout()
        side.addWidget(tray_label)
        side.addWidget(self.tray, 1)
        side.addWidget(self.tray_hint)
        self.labels_button = QPushButton(self.tr("Rename &Labels…"), self)
        self.labels_button.clicked.connect(lambda: self.edit_labels(""))
        self.pdf_button = QPushButton(self.tr("Export &PDF…"), self)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.png_button = QPushButton(self.tr("Export P&NG…"), self)
        self.png_button.clicked.connect(lambda: self.export("png"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.labels_button, self.pdf_button, self.png_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        top = QHBoxLayout()
        top.addWidget(self.view, 3)
        top.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)
        for keys, run in (
            (QKeySequence.StandardKey.Undo, document.undo),
            (QKeySequence.StandardKey.Redo, document.redo),
        ):
            QShortcut(QKeySequence(keys), self, run)
        document.changed.connect(self._changed)
        document.refused.connect(self._refused)
        self.resize(1000, 620)
        self.refresh()

    # ------------------------------------------------------------------ showing

    def refresh(self) -> None:
        """Draw the matrix and the tray again from the journey as it is now (the selected dot stays selected)."""
        selected = [item.card_id for item in self.scene.dots.values() if item.isSelected()]
        layout = matrix_layout(self.document.journey, heading=False)
        self.scene.build(layout)
        for card_id in selected:
            if card_id in self.scene.dots:
                dot = self.scene.dots[card_id]
                dot.setSelected(True)
                dot.setFocus()
        self.view.fit()
        current = self.tray.currentItem()
        current_id = current.data(_CARD_ID) if current is not None else None
        self.tray.clear()
        for card in layout.tray:
            item = QListWidgetItem(self._tray_text(card), self.tray)
            item.setData(_CARD_ID, card.id)
            item.setToolTip(card.title)
            if card.id == current_id:
                self.tray.setCurrentItem(item)
        self.tray_hint.setText(
            self.tr("Drag a card onto the matrix; drag a dot back here, or press Delete, to take it off.")
            if layout.tray or layout.dots
            else self.tr("This journey has no opportunities or pain points to prioritise yet.")
        )

    def _tray_text(self, card: Touchpoint) -> str:
        title = " ".join(card.title.split())
        if card.votes == 1:
            return self.tr("{0} (1 vote)").format(title)
        return self.tr("{0} ({1} votes)").format(title, card.votes) if card.votes else title

    def _changed(self, _change: Change) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()  # edits made while it was closed

    def detach(self) -> None:
        """Stop following the journey (the window closes the dialog for good)."""
        self.document.changed.disconnect(self._changed)
        self.document.refused.disconnect(self._refused)

    def _refused(self, message: str) -> None:
        self.refresh()  # the gesture may already show: put back what the library holds
        if self.isVisible():
            QMessageBox.warning(self, self.windowTitle(), message)

    # ------------------------------------------------------------------ editing

    def place(self, card_id: int, impact: int | None, effort: int | None) -> None:
        """Put a card at (impact, effort) (both None: take it off), as one undo step."""
        if not self.document.place_on_matrix(card_id, impact, effort):
            self.refresh()

    def _dropped_from_tray(self, card_id: int, screen_point: QPoint) -> None:
        """A card dragged from the tray let go at `screen_point`: placed there when it is on the matrix."""
        point = self.view.mapToScene(self.view.viewport().mapFromGlobal(screen_point))
        plot = self.scene.layout.plot
        if self.view.viewport().rect().contains(self.view.viewport().mapFromGlobal(screen_point)) and plot.contains(
            point.x(), point.y()
        ):
            impact, effort = place_at(plot, point.x(), point.y())
            self.place(card_id, impact, effort)

    def take_off(self, card_id: int) -> None:
        self.place(card_id, None, None)

    def _over_tray(self, screen_point: QPoint) -> bool:
        local = self.tray.mapFromGlobal(screen_point)
        return self.tray.isVisible() and self.tray.rect().contains(local)

    def _card_menu(self, card_id: int, screen_point: QPointF) -> None:
        menu = QMenu(self)
        menu.setObjectName("matrixCardMenu")
        menu.addAction(self.tr("&Take Off the Matrix"), lambda: self.take_off(card_id))
        menu.exec(QPoint(round(screen_point.x()), round(screen_point.y())))

    def edit_labels(self, focus: str = "") -> None:
        """Open the names' form (focused on `focus`, "quick_wins" ... "effort"); OK renames them as one undo step."""
        journey = self.document.journey
        dialog = LabelsDialog(journey.matrix, Language(journey.language), self)
        self.labels_dialog = dialog
        dialog.accepted.connect(lambda: self.document.set_matrix_labels(dialog.labels()))
        dialog.open()
        if focus in dialog.edits:
            dialog.edits[focus].setFocus()
            dialog.edits[focus].selectAll()

    # ------------------------------------------------------------------ exporting

    def export(self, fmt: str) -> None:
        """Ask for a file and write the matrix to it as a PDF page or a PNG picture."""
        journey = self.document.journey
        name = f"{title_part(journey.title, 120) or 'journey'} - {self.tr('matrix')}.{fmt}"
        suggested = start_folder("export", Path.home()) / name
        file_filter = self.tr("PDF files (*.pdf)") if fmt == "pdf" else self.tr("PNG pictures (*.png)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export matrix"), str(suggested), file_filter)
        if not path:
            return
        target = Path(path)
        remember_folder("export", target.parent)
        try:
            self.document.library.refuse_own_file(target)
            write_matrix(journey, fmt, target)
        except CjmapperError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))


def write_matrix(journey: Journey, fmt: str, target: Path) -> None:
    """The matrix of `journey` to `target` (reportlab or Pillow imported on first use)."""
    if fmt == "pdf":
        from cjmapper.poster.matrix_page import write_matrix_pdf

        write_matrix_pdf(journey, target)
    else:
        from cjmapper.matrix_png import write_matrix_png

        write_matrix_png(journey, target)
