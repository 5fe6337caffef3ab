"""The properties form's editor of a card's place on the impact/effort matrix (its `impact` or `effort`): a number
box from 0 to 100 whose lowest step is "Not placed" (None), so a user can clear a placement from the form as well as
from the matrix (Journey > Prioritise)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox, QWidget

from cjmapper.model import PLACE_MAX

_NONE = -1
"""The box's value that stands for "not placed"."""


class PlaceBox(QSpinBox):
    """A place along one axis of the matrix: 0..100, or None ("Not placed", the box's lowest step)."""

    place_chosen = Signal(object)
    """The place the user set (an int, or None)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(_NONE, PLACE_MAX)
        self.setSpecialValueText(self.tr("Not placed"))
        self.setKeyboardTracking(False)  # typing 75 writes 75, not 7 and 75
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.setValue(_NONE)
        self.valueChanged.connect(lambda value: self.place_chosen.emit(None if value == _NONE else value))

    def place(self) -> int | None:
        return None if self.value() == _NONE else self.value()

    def set_place(self, place: int | None) -> None:
        """Show `place` without reporting it as chosen."""
        self.blockSignals(True)
        try:
            self.setValue(_NONE if place is None else place)
        finally:
            self.blockSignals(False)
