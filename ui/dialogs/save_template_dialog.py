"""Journey › Save as Template…'s dialog: the template's name, its description and whether it keeps the cards.

OK saves it (cjmapper.user_templates.save_template); a name that is taken, or a write that fails, is said in the
dialog, which stays open for another name.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from cjmapper.errors import CjmapperError
from cjmapper.model import MAX_TITLE, Journey
from cjmapper.user_templates import UserTemplate, save_template

from ..length_limit import show_limit


class SaveTemplateDialog(QDialog):
    def __init__(self, journey: Journey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journey = journey
        self.saved: UserTemplate | None = None
        self.setWindowTitle(self.tr("Save as template"))
        self.name_field = QLineEdit(journey.title, self)
        show_limit(self.name_field, MAX_TITLE)
        self.description_field = QPlainTextEdit(journey.description, self)
        self.description_field.setTabChangesFocus(True)
        self.description_field.setMinimumWidth(360)
        self.description_field.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.cards_box = QCheckBox(self.tr("Include the &cards ({0})").format(len(journey.touchpoints)), self)
        self.cards_box.setToolTip(
            self.tr("Keep the journey's cards as they are; without them the template keeps phases, lanes and personas")
        )
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("templateProblem")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name_field)
        form.addRow(self.tr("&Description:"), self.description_field)
        form.addRow(self.cards_box)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.name_field.textChanged.connect(self._validate)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_field.selectAll()
        self._validate()

    def _validate(self) -> None:
        self.problem.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(self.name_field.text().strip()))

    def accept(self) -> None:
        try:
            self.saved = save_template(
                self.journey,
                self.name_field.text(),
                self.description_field.toPlainText(),
                with_cards=self.cards_box.isChecked(),
            )
        except CjmapperError as e:
            self.problem.setText(str(e))
            self.problem.show()
            self.name_field.setFocus()
            return
        super().accept()
