"""The Persona dialog (a click on the persona strip, Journey › Edit Persona…): a persona's name, short description,
goals and frustrations, and her colour (the palette's eight, with swatches, or the one she has)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cjmapper.model import MAX_PERSONA_NAME, MAX_TEXT, PERSONA_COLOURS, Persona

from ..canvas.theme import current_theme
from ..i18n import integer
from ..length_limit import show_limit
from ..panels.persona_menu import colour_names, swatch


class PersonaDialog(QDialog):
    """Name, short description, goals, frustrations and colour of a journey's persona (`colour` is the one she has
    now, or has by her place: `colour()` is the one chosen). `persona()` is the result: None when
    the name is empty (the persona is removed), which the dialog allows only when the other fields are empty too or
    the user chose Remove Persona."""

    def __init__(
        self, persona: Persona | None, parent: QWidget | None = None, colour: str = PERSONA_COLOURS[0]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personaDialog")
        self.setWindowTitle(self.tr("Persona") if persona is None else self.tr("Edit Persona"))
        self._removed = False
        self._name = persona.name if persona is not None else ""
        self.confirm: QMessageBox | None = None
        """The open "Remove persona?" question, if any."""
        intro = QLabel(
            self.tr("The persona is the customer this journey follows: who they are, what they want to get done and "
                    "what gets in their way."),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        self.name_field = QLineEdit(persona.name if persona else "", self)
        self.name_field.setObjectName("personaDialogName")
        show_limit(self.name_field, MAX_PERSONA_NAME)
        self.name_field.setPlaceholderText(self.tr("For example: Linda, working mother"))
        self.description_field = self._text(persona.description if persona else "", "personaDialogDescription")
        self.goals_field = self._text(persona.goals if persona else "", "personaDialogGoals")
        self.frustrations_field = self._text(persona.frustrations if persona else "", "personaDialogFrustrations")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Name"), self.name_field)
        form.addRow(self.tr("&Description"), self.description_field)
        form.addRow(self.tr("&Goals"), self.goals_field)
        form.addRow(self.tr("&Frustrations"), self.frustrations_field)
        self.colour_field = QComboBox(self)
        self.colour_field.setObjectName("personaDialogColour")
        named = colour_names()
        if colour not in named:
            named[colour] = self.tr("Own colour ({0})").format(colour)
        for value, name in named.items():
            self.colour_field.addItem(swatch(value), name, value)
        self.colour_field.setCurrentIndex(self.colour_field.findData(colour))
        form.addRow(self.tr("&Colour"), self.colour_field)
        self.message = QLabel(self)
        self.message.setObjectName("personaDialogMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #ffb27a;" if current_theme().dark else "color: #a03a00;")  # 4.5:1 on both
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.remove_button = self.buttons.addButton(
            self.tr("&Remove Persona"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.setObjectName("removePersona")
        self.remove_button.setVisible(persona is not None)
        self.remove_button.clicked.connect(self._remove)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.name_field.textChanged.connect(self._validate)
        for edit in (self.description_field, self.goals_field, self.frustrations_field):
            edit.textChanged.connect(self._validate)
        self._validate()
        self.resize(520, self.sizeHint().height())
        self.name_field.setFocus()

    def _text(self, value: str, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(value, self)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        metrics = edit.fontMetrics()
        edit.setFixedHeight(metrics.lineSpacing() * 3 + 2 * int(edit.document().documentMargin()) + 6)
        return edit

    def _texts(self) -> tuple[str, str, str]:
        return (
            self.description_field.toPlainText().strip(),
            self.goals_field.toPlainText().strip(),
            self.frustrations_field.toPlainText().strip(),
        )

    def _validate(self) -> None:
        name = self.name_field.text().strip()
        problem = ""
        if not name and any(self._texts()):
            problem = self.tr("Give the persona a name.")
        elif any(len(text) > MAX_TEXT for text in self._texts()):
            problem = self.tr("Each text can hold at most {0} characters.").format(integer(MAX_TEXT))
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not problem)

    def _remove(self) -> None:
        """Ask first, as the persona chip's menu does: her scores and targets go with her (Undo brings them back)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove Persona"),
            self.tr("Remove persona “{0}”? Her or his scores and targets on every card go with her or him.").format(
                self._name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("removePersonaQuestion")
        box.setInformativeText(self.tr("Undo brings the persona back with the scores."))
        yes = box.button(QMessageBox.StandardButton.Yes)
        if yes is not None:
            yes.setText(self.tr("Remove"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._answered)
        self.confirm = box
        box.open()

    def _answered(self, result: int) -> None:
        self.confirm = None
        if result == QMessageBox.StandardButton.Yes.value:
            self._removed = True
            self.accept()

    def colour(self) -> str:
        """The colour chosen (#rrggbb)."""
        return str(self.colour_field.currentData())

    def persona(self) -> Persona | None:
        """The persona as typed (None: no persona)."""
        name = self.name_field.text().strip()
        if self._removed or not name:
            return None
        description, goals, frustrations = self._texts()
        return Persona(name, description, goals, frustrations)
