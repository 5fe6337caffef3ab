"""File › Export Picture's resolution dialog: the dpi of a PNG picture, with the pixel size it gives."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from ..i18n import decimal, integer

SETTINGS_PICTURE_DPI = "picture/dpi"


class PictureDpiDialog(QDialog):
    """The resolution of a PNG picture, with the pixel size it gives (`pixels_at(dpi)` -> (width, height))."""

    MIN_DPI = 30
    MAX_DPI = 1200

    def __init__(self, pixels_at: Callable[[int], tuple[int, int]], dpi: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pictureDpiDialog")
        self.setWindowTitle(self.tr("Export Picture"))
        self._pixels_at = pixels_at
        self.dpi_spin = QSpinBox(self)
        self.dpi_spin.setObjectName("dpiSpin")
        self.dpi_spin.setRange(self.MIN_DPI, self.MAX_DPI)
        self.dpi_spin.setSingleStep(25)
        self.dpi_spin.setSuffix(self.tr(" dpi"))
        self.dpi_spin.setValue(min(max(dpi, self.MIN_DPI), self.MAX_DPI))
        self.size_label = QLabel(self)
        self.size_label.setObjectName("pictureSize")
        hint = QLabel(self.tr("96 dpi is the canvas at 100%; 150 to 300 dpi prints sharp."), self)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Resolution:"), self.dpi_spin)
        form.addRow(self.tr("Size:"), self.size_label)
        form.addRow(hint)
        form.addRow(buttons)
        self.dpi_spin.valueChanged.connect(self._show_size)
        self._show_size()

    @property
    def dpi(self) -> int:
        return self.dpi_spin.value()

    def _show_size(self) -> None:
        width, height = self._pixels_at(self.dpi)
        megapixels = width * height / 1_000_000
        self.size_label.setText(
            self.tr("{0} × {1} pixels ({2} megapixels)").format(integer(width), integer(height), decimal(megapixels))
        )
