"""File › Export poster: paper, orientation and tiling for a PDF poster, with a live preview of the page and the
figures of its plan (scale, text size, sheets, legibility).

The dialog only chooses; the window runs the export (see `ui.export.export_jobs`). The figures come from
`cjmapper.poster.plan_poster`; the preview (`ui.export.poster_preview`) draws the journey's `Layout` into the map area
that plan gives, so what the dialog shows is what the PDF holds.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from cjmapper.model import Journey, Language
from cjmapper.poster import PAPERS, TILE_PAPERS, Paper, PosterOptions, PosterPlan, plan_poster
from cjmapper.poster.paper import MAX_SIDE_MM, MIN_SIDE_MM
from cjmapper.poster.plan import LEGIBLE_PT, legible_size_mm, poster_layout

from ..i18n import decimal, ui_language
from .poster_preview import PosterPreview

CUSTOM = "custom"
"""The paper box's entry for a WIDTHxHEIGHT size."""
DEFAULT_PAPER = "A3"

SETTINGS_PAPER = "poster/paper"
SETTINGS_CUSTOM_WIDTH = "poster/customWidth"
SETTINGS_CUSTOM_HEIGHT = "poster/customHeight"
SETTINGS_PORTRAIT = "poster/portrait"
SETTINGS_TILE = "poster/tile"
SETTINGS_OPEN = "poster/openWhenDone"
SETTINGS_FOLDER = "poster/folder"

SPIN_DELAY_MS = 150
"""Typing a custom size re-plans this long after the last key, so a large journey is not planned per keystroke."""

MM_PER_POINT = 25.4 / 72.0


def _flag(value: object, default: bool) -> bool:
    """A bool from QSettings (the INI format gives back "true"/"false" strings)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return default


def _int(value: object, default: int, low: int, high: int) -> int:
    try:
        number = int(float(str(value)))
    except ValueError:
        return default
    return min(max(number, low), high)


# ---------------------------------------------------------------------- the dialog


class PosterDialog(QDialog):
    """Choose paper, orientation and tiling, see the page and its figures, then pick the PDF file (Export…).

    After exec() returns Accepted: `options()`, `target` and `open_when_done` say what to export where."""

    def __init__(self, journey: Journey, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("posterDialog")
        self.setWindowTitle(self.tr("Export Poster"))
        self.journey = journey
        self.suggested = suggested
        self.target: Path | None = None
        self.layout_ = poster_layout(journey, *PosterOptions().paper.oriented(True))
        self.plan: PosterPlan | None = None
        self._custom = (600, 900)
        """The last custom size in mm (width, height), kept while a named paper is chosen."""

        self.paper_box = QComboBox(self)
        self.paper_box.setObjectName("paperBox")
        for name, paper in sorted(PAPERS.items(), key=lambda item: -item[1].width_mm):
            self.paper_box.addItem(
                self.tr("{0}  ({1} × {2} mm)").format(name, f"{paper.width_mm:g}", f"{paper.height_mm:g}"), name
            )
        self.paper_box.addItem(self.tr("Custom…"), CUSTOM)
        self.width_spin = self._mm_spin("widthSpin")
        self.height_spin = self._mm_spin("heightSpin")
        size_row = QHBoxLayout()
        size_row.setSpacing(6)
        size_row.addWidget(self.width_spin, 1)
        times = QLabel("×", self)
        size_row.addWidget(times)
        size_row.addWidget(self.height_spin, 1)

        self.landscape_radio = QRadioButton(self.tr("&Landscape"), self)
        self.landscape_radio.setObjectName("landscapeRadio")
        self.portrait_radio = QRadioButton(self.tr("&Portrait"), self)
        self.portrait_radio.setObjectName("portraitRadio")
        self.orientation_group = QButtonGroup(self)
        self.orientation_group.addButton(self.landscape_radio)
        self.orientation_group.addButton(self.portrait_radio)
        self.landscape_radio.setChecked(True)
        orientation_row = QHBoxLayout()
        orientation_row.addWidget(self.landscape_radio)
        orientation_row.addWidget(self.portrait_radio)
        orientation_row.addStretch(1)

        self.tile_box = QComboBox(self)
        self.tile_box.setObjectName("tileBox")
        self.tile_box.addItem(self.tr("One sheet"), "")
        for name in TILE_PAPERS:
            self.tile_box.addItem(self.tr("{0} sheets, taped together").format(name), name)
        self.tile_box.setToolTip(
            self.tr(
                "For an office printer: the poster is split over sheets that overlap, with crop marks, "
                "and a first sheet that shows how they fit together."
            )
        )
        self.open_check = QCheckBox(self.tr("&Open the PDF when done"), self)
        self.open_check.setObjectName("openCheck")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("P&aper:"), self.paper_box)
        form.addRow(self.tr("Size:"), size_row)
        form.addRow(self.tr("Orientation:"), orientation_row)
        form.addRow(self.tr("&Print on:"), self.tile_box)
        self.heading = QLabel(self)
        self.heading.setObjectName("posterHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        self.heading.setFont(heading_font)
        self.heading.setText(journey.title)
        self.summary = QLabel(self)
        self.summary.setObjectName("posterSummary")
        self.summary.setWordWrap(True)
        self.summary.setText(
            self.tr("{0} phases, {1} lanes, {2} touchpoints").format(
                len(journey.phases), len(journey.lanes), len(journey.touchpoints)
            )
        )
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        options_box = QWidget(self)
        options_column = QVBoxLayout(options_box)
        options_column.setContentsMargins(0, 0, 0, 0)
        options_column.addWidget(self.heading)
        options_column.addWidget(self.summary)
        options_column.addSpacing(4)
        options_column.addWidget(line)
        options_column.addSpacing(6)
        options_column.addLayout(form)
        options_column.addSpacing(6)
        options_column.addWidget(self.open_check)
        options_column.addStretch(1)
        options_box.setMinimumWidth(300)

        self.preview = PosterPreview(journey, self.layout_, self)
        self.figures = QLabel(self)
        self.figures.setObjectName("posterFigures")
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.figures.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.warning_frame = QFrame(self)
        self.warning_frame.setObjectName("posterWarning")
        self.warning_frame.setStyleSheet(
            "QFrame#posterWarning { background: #fff4e0; border: 1px solid #e8b04a; border-radius: 4px; }"
            "QFrame#posterWarning QLabel { background: transparent; border: none; color: #5c3b00; }"
        )
        warning_icon = QLabel(self.warning_frame)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        warning_icon.setPixmap(icon.pixmap(20, 20))
        warning_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.warning_label = QLabel(self.warning_frame)
        self.warning_label.setObjectName("posterWarningText")
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label.setWordWrap(True)
        self.use_button = QPushButton(self.warning_frame)
        self.use_button.setObjectName("useLegiblePaper")
        self.use_button.setAutoDefault(False)
        self.use_button.clicked.connect(self.use_smallest_legible)
        warning_row = QHBoxLayout(self.warning_frame)
        warning_row.setContentsMargins(8, 6, 8, 6)
        warning_row.addWidget(warning_icon)
        warning_row.addWidget(self.warning_label, 1)
        warning_row.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.warning_frame.hide()

        preview_column = QVBoxLayout()
        preview_column.addWidget(self.preview, 1)
        preview_column.addWidget(self.figures)
        preview_column.addWidget(self.warning_frame)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.choose_target)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(options_box, 0)
        top.addLayout(preview_column, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 18, 18, 14)
        outer.addLayout(top, 1)
        outer.addSpacing(4)
        outer.addWidget(self.buttons)

        self._spin_timer = QTimer(self)
        self._spin_timer.setSingleShot(True)
        self._spin_timer.setInterval(SPIN_DELAY_MS)
        self._spin_timer.timeout.connect(self.refresh)

        self.set_paper(PAPERS[DEFAULT_PAPER])
        self.paper_box.currentIndexChanged.connect(self._paper_chosen)
        self.width_spin.valueChanged.connect(self._size_typed)
        self.height_spin.valueChanged.connect(self._size_typed)
        self.landscape_radio.toggled.connect(self.refresh)
        self.tile_box.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def _mm_spin(self, name: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(int(MIN_SIDE_MM), int(MAX_SIDE_MM))
        spin.setSuffix(self.tr(" mm"))
        spin.setAccelerated(True)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    # ------------------------------------------------------------------ the choice

    def paper(self) -> Paper:
        name = self.paper_box.currentData()
        if name == CUSTOM:
            return Paper("", float(self.width_spin.value()), float(self.height_spin.value()))
        return PAPERS[str(name)]

    def tile(self) -> Paper | None:
        name = str(self.tile_box.currentData() or "")
        return TILE_PAPERS.get(name)

    def options(self) -> PosterOptions:
        return PosterOptions(self.paper(), portrait=self.portrait_radio.isChecked(), tile=self.tile())

    @property
    def open_when_done(self) -> bool:
        return self.open_check.isChecked()

    def set_paper(self, paper: Paper) -> None:
        """Choose a named paper, or a custom size when `paper` has no name."""
        if paper.name and paper.name in PAPERS:
            self.paper_box.setCurrentIndex(self.paper_box.findData(paper.name))
        else:
            self._custom = (round(paper.width_mm), round(paper.height_mm))
            self.paper_box.setCurrentIndex(self.paper_box.findData(CUSTOM))
        self._show_size()
        self.refresh()

    def use_smallest_legible(self) -> None:
        if self.plan is not None and self.plan.smallest_legible is not None:
            self.set_paper(self.plan.smallest_legible)

    def _paper_chosen(self) -> None:
        self._show_size()
        self.refresh()

    def _show_size(self) -> None:
        """The spin boxes show the named paper's size (read-only) or the custom size (editable)."""
        custom = self.paper_box.currentData() == CUSTOM
        if custom:
            width, height = self._custom
        else:
            paper = PAPERS[str(self.paper_box.currentData())]
            width, height = round(paper.width_mm), round(paper.height_mm)
        for spin, value in ((self.width_spin, width), (self.height_spin, height)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.setEnabled(custom)
            spin.blockSignals(False)

    def _size_typed(self) -> None:
        if self.paper_box.currentData() == CUSTOM:
            self._custom = (self.width_spin.value(), self.height_spin.value())
            self._spin_timer.start()

    # ------------------------------------------------------------------ plan and preview

    def refresh(self) -> None:
        """Plan the poster for the current choice and show it: preview, figures, warning."""
        self._spin_timer.stop()
        options = self.options()
        plan = plan_poster(self.journey, options)
        self.plan = plan
        layout = poster_layout(self.journey, plan.page_width, plan.page_height)
        if layout.metrics != self.layout_.metrics:  # the cells flow otherwise on this page
            self.layout_ = layout
            self.preview.set_layout(layout)
        self.preview.set_plan(plan)
        self.figures.setText(self._figures_text(options, plan))
        self._show_warning(options, plan)

    def _figures_text(self, options: PosterOptions, plan: PosterPlan) -> str:
        width_mm, height_mm = plan.page_width * MM_PER_POINT, plan.page_height * MM_PER_POINT
        size = self.tr("{0} × {1} mm").format(round(width_mm), round(height_mm))
        scale = self.tr("scale {0}%").format(self._percent(plan.scale))
        text = self.tr("text {0} pt").format(decimal(plan.body_size))
        if plan.sheets == 1:
            sheets = self.tr("1 sheet")
        elif plan.tile_grid is not None:
            rows, columns = plan.tile_grid
            sheets = self.tr("{0} sheets ({1} × {2} {3} and an assembly sheet)").format(
                plan.sheets, columns, rows, options.tile.label if options.tile is not None else ""
            )
        else:
            sheets = self.tr("{0} sheets").format(plan.sheets)
        return "  ·  ".join((size, scale, text, sheets))

    @staticmethod
    def _percent(scale: float) -> str:
        percent = scale * 100
        return f"{percent:.0f}" if percent >= 10 else decimal(percent)

    def _show_warning(self, options: PosterOptions, plan: PosterPlan) -> None:
        if plan.warning is None:
            self.warning_frame.hide()
            return
        english = ui_language() is Language.EN
        self.warning_label.setText(plan.warning if english else self.translated_warning(options, plan))
        better = plan.smallest_legible
        offer = better is not None and better != options.paper
        if better is not None and offer:
            self.use_button.setText(self.tr("Use {0}").format(better.label))
        self.use_button.setVisible(offer)
        self.warning_frame.show()

    def translated_warning(self, options: PosterOptions, plan: PosterPlan) -> str:
        """The plan's legibility warning in the interface's language (the core words it in English, for the command
        line); in English it is the plan's own text."""
        start = self.tr("At {0} the card text prints at {1} pt, too small to read (it needs {2} pt)").format(
            options.paper.label, decimal(plan.body_size), f"{LEGIBLE_PT:g}"
        )
        if plan.smallest_legible is not None:
            return self.tr("{0}; {1} is the smallest paper that keeps it legible.").format(
                start, plan.smallest_legible.label
            )
        size = legible_size_mm(self.layout_, plan.page_width, plan.page_height, self.layout_.metrics.font_size)
        if size is not None:
            return self.tr("{0}; even A0 is too small: use {1}x{2}mm, printed in tiles if need be.").format(
                start, size[0], size[1]
            )
        return self.tr("{0}, and no PDF page is large enough: split the journey into smaller maps.").format(start)

    # ------------------------------------------------------------------ the file

    def choose_target(self) -> None:
        """Export…: ask where to write the PDF; accept the dialog when a file was chosen."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export poster"), str(self.suggested), self.tr("PDF documents (*.pdf)")
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.target = target
        self.accept()

    # ------------------------------------------------------------------ settings

    def load_settings(self, stored: QSettings) -> None:
        """Take the choices of the last export (or the defaults)."""
        width = _int(stored.value(SETTINGS_CUSTOM_WIDTH, 600), 600, int(MIN_SIDE_MM), int(MAX_SIDE_MM))
        height = _int(stored.value(SETTINGS_CUSTOM_HEIGHT, 900), 900, int(MIN_SIDE_MM), int(MAX_SIDE_MM))
        self._custom = (width, height)
        name = str(stored.value(SETTINGS_PAPER, DEFAULT_PAPER))
        paper = PAPERS.get(name, PAPERS[DEFAULT_PAPER]) if name != CUSTOM else Paper("", width, height)
        portrait = _flag(stored.value(SETTINGS_PORTRAIT, False), False)
        (self.portrait_radio if portrait else self.landscape_radio).setChecked(True)
        tile = str(stored.value(SETTINGS_TILE, "") or "")
        self.tile_box.setCurrentIndex(max(0, self.tile_box.findData(tile if tile in TILE_PAPERS else "")))
        self.open_check.setChecked(_flag(stored.value(SETTINGS_OPEN, False), False))
        self.set_paper(paper)

    def save_settings(self, stored: QSettings) -> None:
        paper = self.paper()
        stored.setValue(SETTINGS_PAPER, paper.name or CUSTOM)
        stored.setValue(SETTINGS_CUSTOM_WIDTH, self._custom[0])
        stored.setValue(SETTINGS_CUSTOM_HEIGHT, self._custom[1])
        stored.setValue(SETTINGS_PORTRAIT, self.portrait_radio.isChecked())
        stored.setValue(SETTINGS_TILE, str(self.tile_box.currentData() or ""))
        stored.setValue(SETTINGS_OPEN, self.open_check.isChecked())
        if self.target is not None:
            stored.setValue(SETTINGS_FOLDER, str(self.target.parent))
        stored.sync()


def poster_folder(stored: QSettings, fallback: Path) -> Path:
    """The folder of the last poster, while it exists; else `fallback`."""
    folder = Path(str(stored.value(SETTINGS_FOLDER, "") or ""))
    return folder if str(folder) not in ("", ".") and folder.is_dir() else fallback
