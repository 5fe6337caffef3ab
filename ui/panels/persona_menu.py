"""The context menu of a persona's chip in the persona strip (and of the strip itself, for the current persona):
Move Left and Move Right in the journey's order, a Colour submenu (the eight palette colours with swatches, or any
colour through the colour dialog) and Remove Persona…, which asks first and says her scores and targets go with her.
Each is one undo step through the document (`JourneyDocument.move_persona`, `update_persona`, `remove_persona`)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QColorDialog, QMenu, QMessageBox, QWidget

from cjmapper.model import PERSONA_COLOURS

from ..editing.document import JourneyDocument


def tr(text: str) -> str:
    return QCoreApplication.translate("PersonaMenu", text)


def colour_names() -> dict[str, str]:
    """The palette's colours (`PERSONA_COLOURS`) by their names, as the menu and the Persona dialog show them."""
    names = (
        tr("Blue"), tr("Reddish purple"), tr("Bluish green"), tr("Indigo"),
        tr("Sky blue"), tr("Purple"), tr("Teal"), tr("Black"),
    )  # fmt: skip
    return dict(zip(PERSONA_COLOURS, names, strict=True))


def swatch(colour: str, size: int = 16) -> QIcon:
    """A filled circle of `colour`, for the colour submenu."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#808080"))
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class PersonaMenu(QMenu):
    """The menu for the persona at `index` of `document`'s journey."""

    def __init__(self, document: JourneyDocument, index: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("personaMenu")
        self.document = document
        self.index = index
        self.confirm: QMessageBox | None = None
        """The open "Remove persona?" question, if any."""
        self.colour_dialog: QColorDialog | None = None
        personas = document.journey.personas
        persona = personas[index]
        self.persona_id = persona.id
        self.move_left = self.addAction(tr("Move &Left"), lambda: self.move_by(-1))
        self.move_left.setObjectName("personaMoveLeft")
        self.move_left.setEnabled(index > 0)
        self.move_right = self.addAction(tr("Move &Right"), lambda: self.move_by(1))
        self.move_right.setObjectName("personaMoveRight")
        self.move_right.setEnabled(index < len(personas) - 1)
        self.colours = self.addMenu(tr("&Colour"))
        self.colours.setObjectName("personaColours")
        current = document.journey.persona_colours()[index]
        self.colour_actions: list[QAction] = []
        for colour, name in colour_names().items():
            action = QAction(swatch(colour), name, self.colours)
            action.setData(colour)
            action.triggered.connect(lambda _=False, c=colour: self.recolour(c))
            self.colours.addAction(action)
            action.setCheckable(True)
            action.setChecked(colour == current)
            self.colour_actions.append(action)
        self.colours.addSeparator()
        self.other_colour = self.colours.addAction(tr("&Other Colour…"), self.choose_colour)
        self.addSeparator()
        self.remove = self.addAction(tr("Re&move Persona…"), self.ask_remove)
        self.remove.setObjectName("personaRemove")

    def _window(self) -> QWidget | None:
        parent = self.parentWidget()
        return parent.window() if parent is not None else None

    def _index(self) -> int | None:
        ids = [p.id for p in self.document.journey.personas]
        return ids.index(self.persona_id) if self.persona_id in ids else None

    def move_by(self, step: int) -> bool:
        index = self._index()
        if index is None:
            return False
        return self.document.move_persona(self.persona_id, index + step)

    def recolour(self, colour: str) -> bool:
        return self._index() is not None and self.document.update_persona(self.persona_id, color=colour)

    def choose_colour(self) -> None:
        """Any colour, through the colour dialog (window-modal; OK recolours as one undo step)."""
        index = self._index()
        if index is None:
            return
        dialog = QColorDialog(QColor(self.document.journey.persona_colours()[index]), self._window())
        dialog.setWindowTitle(tr("Persona Colour"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.colorSelected.connect(lambda colour: self.recolour(colour.name()))
        self.colour_dialog = dialog
        dialog.open()

    def ask_remove(self) -> None:
        """Ask before removing: her scores and targets go with her (Undo brings them back)."""
        index = self._index()
        if index is None:
            return
        name = self.document.journey.personas[index].name
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Remove Persona"),
            tr("Remove persona “{0}”? Her or his scores and targets on every card go with her or him.").format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self._window(),
        )
        box.setObjectName("removePersonaQuestion")
        box.setInformativeText(tr("Undo brings the persona back with the scores."))
        yes = box.button(QMessageBox.StandardButton.Yes)
        if yes is not None:
            yes.setText(tr("Remove"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        document, persona_id = self.document, self.persona_id

        def finished(result: int) -> None:
            yes = result == QMessageBox.StandardButton.Yes.value and shiboken6.isValid(document)
            if yes and persona_id in {p.id for p in document.journey.personas}:
                document.remove_persona(persona_id)

        box.finished.connect(finished)
        self.confirm = box
        box.open()
