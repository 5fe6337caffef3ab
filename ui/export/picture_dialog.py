"""File › Export Picture's dialog: the dpi of a PNG picture, with the pixel size it gives, and whether the poster's
title block and legend go around the map (asked for an SVG too, without the dpi)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from ..i18n import decimal, integer

SETTINGS_PICTURE_DPI = "picture/dpi"
SETTINGS_PICTURE_CHROME = "picture/chrome"


class PictureDpiDialog(QDialog):
    """The resolution of a PNG picture, with the pixel size it gives (`pixels_at(dpi, chrome)` -> (width, height)),
    and whether the title block and legend go with the map (`chrome`); for an SVG (`png` False) only the latter."""

    MIN_DPI = 30
    MAX_DPI = 1200

    def __init__(
        self,
        pixels_at: Callable[[int, bool], tuple[int, int]],
        dpi: int,
        parent: QWidget | None = None,
        *,
        chrome: bool = True,
        png: bool = True,
    ) -> None:
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
        self.chrome_box = QCheckBox(self.tr("&Title block and legend"), self)
        self.chrome_box.setObjectName("pictureChrome")
        self.chrome_box.setToolTip(
            self.tr("The journey's title, persona and figures above the map and the legend below it, as on a poster")
        )
        self.chrome_box.setChecked(chrome)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        if png:
            form.addRow(self.tr("&Resolution:"), self.dpi_spin)
            form.addRow(self.tr("Size:"), self.size_label)
            form.addRow(hint)
        else:
            for widget in (self.dpi_spin, self.size_label, hint):
                widget.hide()
        form.addRow(self.chrome_box)
        form.addRow(buttons)
        self.dpi_spin.valueChanged.connect(self._show_size)
        self.chrome_box.toggled.connect(self._show_size)
        self._show_size()

    @property
    def dpi(self) -> int:
        return self.dpi_spin.value()

    @property
    def chrome(self) -> bool:
        """Whether the title block and legend go with the map."""
        return self.chrome_box.isChecked()

    def _show_size(self) -> None:
        width, height = self._pixels_at(self.dpi, self.chrome)
        megapixels = width * height / 1_000_000
        self.size_label.setText(
            self.tr("{0} × {1} pixels ({2} megapixels)").format(integer(width), integer(height), decimal(megapixels))
        )
