"""The strip above the canvas that says a filter is on: "Filter on: 12 of 240 cards shown", with Edit… and Clear.

It shows while the journey shown has a filter (`set_counts`) and hides when it has none, so a dimmed map always says
why. The window places it in the row above the canvas, beside the find bar.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class FilterBar(QFrame):
    """ "Filter on" with the count of cards shown, Edit… and Clear (see the module's docstring)."""

    edit_clicked = Signal()
    clear_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.label = QLabel(self)
        self.label.setObjectName("filterBarText")
        bold = self.label.font()
        bold.setBold(True)
        self.label.setFont(bold)
        self.edit_button = QPushButton(self.tr("&Edit Filter…"), self)
        self.edit_button.setObjectName("filterBarEdit")
        self.edit_button.clicked.connect(self.edit_clicked)
        self.clear_button = QPushButton(self.tr("&Clear Filter"), self)
        self.clear_button.setObjectName("filterBarClear")
        self.clear_button.clicked.connect(self.clear_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(8)
        row.addWidget(self.label)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        row.addWidget(self.clear_button)
        self.hide()

    def set_counts(self, shown: int | None, total: int) -> None:
        """`shown` of `total` cards match the filter; None: no filter (the bar hides)."""
        if shown is None:
            self.hide()
            return
        self.label.setText(self.tr("Filter on: {0} of {1} cards shown").format(shown, total))
        self.show()
