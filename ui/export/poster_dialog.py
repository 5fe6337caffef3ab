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
    QDoubleSpinBox,
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

from cjmapper.model import Journey
from cjmapper.poster import PAPERS, TILE_PAPERS, Paper, PosterOptions, PosterPlan, plan_poster
from cjmapper.poster.heat import HeatMarks
from cjmapper.poster.paper import MAX_BLEED_MM, MAX_SIDE_MM, MIN_SIDE_MM, SHOP_BLEED_MM
from cjmapper.poster.plan import poster_layout
from cjmapper.poster.print_ready import press_for
from cjmapper.poster.sizing import MAX_SHEETS, MIN_SHEETS, Advice, shown_size

from ..i18n import decimal
from .poster_preview import PosterPreview

CUSTOM = "custom"
"""The paper box's entry for a WIDTHxHEIGHT size."""
FIT = "fit"
"""The paper box's entry for a poster sized to fill N tile sheets."""
DEFAULT_SHEETS = 6
DEFAULT_PAPER = "A3"

SETTINGS_PAPER = "poster/paper"
SETTINGS_CUSTOM_WIDTH = "poster/customWidth"
SETTINGS_CUSTOM_HEIGHT = "poster/customHeight"
SETTINGS_PORTRAIT = "poster/portrait"
SETTINGS_TILE = "poster/tile"
SETTINGS_SHEETS = "poster/sheets"
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

    def __init__(
        self,
        journey: Journey,
        suggested: Path,
        parent: QWidget | None = None,
        shown: Journey | None = None,
        heat: HeatMarks | None = None,
    ) -> None:
        """`shown`: the journey as a filter leaves it; a tick box then prints only its cards (`journey` is then the
        whole map, which the tick box brings back). `heat`: the heat view's marks when the poster shows them (its key
        takes a row of the legend, so the figures and preview plan with it)."""
        super().__init__(parent)
        self.heat = heat
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
        self.paper_box.addItem(self.tr("Fit to sheets…"), FIT)
        self.width_spin = self._mm_spin("widthSpin")
        self.width_spin.setAccessibleName(self.tr("Paper width"))
        self.height_spin = self._mm_spin("heightSpin")
        self.height_spin.setAccessibleName(self.tr("Paper height"))
        self.sheets_spin = QSpinBox(self)
        self.sheets_spin.setObjectName("sheetsSpin")
        self.sheets_spin.setAccessibleName(self.tr("Number of sheets"))
        self.sheets_spin.setRange(MIN_SHEETS, MAX_SHEETS)
        self.sheets_spin.setValue(DEFAULT_SHEETS)
        self.sheets_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.sheets_spin.setToolTip(
            self.tr("The poster is made as large as this many sheets allow (see Print on), for the largest text.")
        )
        size_row = QHBoxLayout()
        size_row.setSpacing(6)
        size_row.addWidget(self.width_spin, 1)
        times = QLabel("×", self)
        size_row.addWidget(times)
        size_row.addWidget(self.height_spin, 1)
        size_row.addWidget(self.sheets_spin, 1)
        self._times = times

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
        self.shop_check = QCheckBox(self.tr("Ready for a print s&hop"), self)
        self.shop_check.setObjectName("printShopCheck")
        self.shop_check.setToolTip(
            self.tr(
                "For a print shop or a large-format printer: a bleed around the page, crop marks, the trim and "
                "bleed boxes their preflight reads, colours defined as sRGB and no transparency (like PDF/X-4)."
            )
        )
        self.bleed_spin = QDoubleSpinBox(self)
        self.bleed_spin.setObjectName("bleedSpin")
        self.bleed_spin.setAccessibleName(self.tr("Bleed"))
        self.bleed_spin.setRange(0.0, MAX_BLEED_MM)
        self.bleed_spin.setDecimals(1)
        self.bleed_spin.setSingleStep(0.5)
        self.bleed_spin.setValue(SHOP_BLEED_MM)
        self.bleed_spin.setSuffix(self.tr(" mm"))
        self.bleed_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.bleed_spin.setToolTip(
            self.tr("How far the background runs past the trim: ask your print shop (3 mm is usual)")
        )
        bleed_row = QHBoxLayout()
        bleed_row.addWidget(self.shop_check)
        bleed_row.addWidget(self.bleed_spin)
        bleed_row.addStretch(1)
        self.open_check = QCheckBox(self.tr("&Open the PDF when done"), self)
        self.open_check.setObjectName("openCheck")
        self.wall_check = QCheckBox(self.tr("Print the &wall photo on a page at the back"), self)
        self.wall_check.setObjectName("wallPhotoCheck")
        self.wall_check.setChecked(journey.wall_photo is not None)  # on by default when there is one
        self.wall_check.setVisible(journey.wall_photo is not None)
        self.whole, self.shown = journey, shown
        self.shown_check = QCheckBox(self.tr("Print only the cards &shown ({0} of {1}: a filter is on)"), self)
        self.shown_check.setObjectName("shownCheck")
        self.shown_check.setText(
            self.shown_check.text().format(len(shown.touchpoints) if shown else 0, len(journey.touchpoints))
        )
        self.shown_check.setVisible(shown is not None)
        self.shown_check.toggled.connect(self._print_shown)
        open_comments = len(journey.unresolved())
        self.comments_check = QCheckBox(self.tr("Print the open &comments as numbered notes ({0})"), self)
        self.comments_check.setObjectName("commentsCheck")
        self.comments_check.setText(self.comments_check.text().format(open_comments))
        self.comments_check.setToolTip(self.tr("A number on each card with open comments, and a page listing them"))
        self.comments_check.setVisible(open_comments > 0)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("P&aper:"), self.paper_box)
        form.addRow(self.tr("Size:"), size_row)
        form.addRow(self.tr("Orientation:"), orientation_row)
        form.addRow(self.tr("&Print on:"), self.tile_box)
        form.addRow(self.tr("Bleed:"), bleed_row)
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
        options_column.addWidget(self.wall_check)
        options_column.addWidget(self.open_check)
        options_column.addWidget(self.shown_check)
        options_column.addWidget(self.comments_check)
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
        self.sheets_spin.valueChanged.connect(self._sheets_typed)
        self.landscape_radio.toggled.connect(self.refresh)
        self.tile_box.currentIndexChanged.connect(self.refresh)
        self.shop_check.toggled.connect(self.refresh)
        self.bleed_spin.valueChanged.connect(self.refresh)
        self.refresh()
        self.shown_check.setChecked(shown is not None)  # a filtered map prints as shown, unless the user says not

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
        """The paper chosen (for "fit to sheets", the size planned for the sheets)."""
        name = self.paper_box.currentData()
        if name == FIT:
            return self.plan.paper if self.plan is not None else PAPERS[DEFAULT_PAPER]
        if name == CUSTOM:
            return Paper("", float(self.width_spin.value()), float(self.height_spin.value()))
        return PAPERS[str(name)]

    def tile(self) -> Paper | None:
        name = str(self.tile_box.currentData() or "")
        return TILE_PAPERS.get(name)

    def fitting(self) -> bool:
        """ "Fit to sheets" is chosen."""
        return bool(self.paper_box.currentData() == FIT)

    def options(self) -> PosterOptions:
        portrait = self.portrait_radio.isChecked()
        if self.fitting():
            tile = self.tile() or TILE_PAPERS["A4"]
            return PosterOptions(
                PAPERS[DEFAULT_PAPER],
                portrait=portrait,
                tile=tile,
                sheets=self.sheets_spin.value(),
                heat=self.heat,
                comments=self.print_comments,
                wall_photo=self.wall_photo(),
            )
        paper = self.paper()
        if paper.custom:  # a custom size is printed as given: its orientation is its shape
            portrait = paper.height_mm > paper.width_mm
        sheets = self.tile()
        shop = self.shop_check.isChecked() and sheets is None
        press = press_for(self.bleed_spin.value(), True) if shop else press_for(None, False)
        return PosterOptions(
            paper,
            portrait=portrait,
            tile=sheets,
            press=press,
            heat=self.heat,
            comments=self.print_comments,
            wall_photo=self.wall_photo(),
        )

    @property
    def print_comments(self) -> bool:
        """Whether the open comments are printed as numbered notes (off, and hidden, when there are none)."""
        return self.comments_check.isVisibleTo(self) and self.comments_check.isChecked()

    def wall_photo(self) -> bool:
        """Whether the poster prints the wall photo at the back (the default, and all there is, without one)."""
        return self.wall_check.isChecked() or self.whole.wall_photo is None

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
        """The warning's button: the smallest legible paper, else whatever the advice names."""
        if self.plan is None:
            return
        if self.plan.smallest_legible is not None:
            self.set_paper(self.plan.smallest_legible)
            return
        advice = self.plan.advice
        if advice is None:
            return
        choice = advice.choice
        for widget in (self.paper_box, self.tile_box, self.sheets_spin, self.landscape_radio, self.portrait_radio):
            widget.blockSignals(True)
        (self.portrait_radio if choice.portrait else self.landscape_radio).setChecked(True)
        self.tile_box.setCurrentIndex(max(0, self.tile_box.findData(choice.tile.name if choice.tile else "")))
        if choice.sheets is not None:
            self.sheets_spin.setValue(choice.sheets)
            self.paper_box.setCurrentIndex(self.paper_box.findData(FIT))
        for widget in (self.paper_box, self.tile_box, self.sheets_spin, self.landscape_radio, self.portrait_radio):
            widget.blockSignals(False)
        if choice.sheets is not None:
            self._show_size()
            self.refresh()
        else:
            self.set_paper(choice.paper)

    def _paper_chosen(self) -> None:
        self._show_size()
        self.refresh()

    def _show_size(self) -> None:
        """The spin boxes show the named paper's size (read-only) or the custom size (editable), or for "fit to
        sheets" how many sheets. A custom size's orientation is its shape: the radio buttons show it, disabled."""
        custom = self.paper_box.currentData() == CUSTOM
        fitting = self.fitting()
        for widget in (self.width_spin, self._times, self.height_spin):
            widget.setVisible(not fitting)
        self.sheets_spin.setVisible(fitting)
        if fitting and self.tile() is None:
            self.tile_box.setCurrentIndex(self.tile_box.findData("A4"))
        if custom:
            width, height = self._custom
        elif fitting:
            width, height = self.width_spin.value(), self.height_spin.value()
        else:
            paper = PAPERS[str(self.paper_box.currentData())]
            width, height = round(paper.width_mm), round(paper.height_mm)
        for spin, value in ((self.width_spin, width), (self.height_spin, height)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.setEnabled(custom)
            spin.blockSignals(False)
        self._show_orientation()

    def _show_orientation(self) -> None:
        custom = self.paper_box.currentData() == CUSTOM
        for radio in (self.landscape_radio, self.portrait_radio):
            radio.setEnabled(not custom)
        if custom:
            width, height = self._custom
            for radio in (self.landscape_radio, self.portrait_radio):
                radio.blockSignals(True)
            (self.portrait_radio if height > width else self.landscape_radio).setChecked(True)
            for radio in (self.landscape_radio, self.portrait_radio):
                radio.blockSignals(False)

    def _size_typed(self) -> None:
        if self.paper_box.currentData() == CUSTOM:
            self._custom = (self.width_spin.value(), self.height_spin.value())
            self._show_orientation()
            self._spin_timer.start()

    def _sheets_typed(self) -> None:
        if self.fitting():
            self._spin_timer.start()

    def _print_shown(self, on: bool) -> None:
        """Print only the cards the filter shows (on), or the whole map: laid out again, planned again."""
        self.journey = self.shown if on and self.shown is not None else self.whole
        self.preview.journey = self.journey
        self.layout_ = poster_layout(self.journey, *PosterOptions().paper.oriented(True))
        self.preview.set_layout(self.layout_)
        self.refresh()

    # ------------------------------------------------------------------ plan and preview

    def refresh(self) -> None:
        """Plan the poster for the current choice and show it: preview, figures, warning."""
        self._spin_timer.stop()
        one_sheet = self.tile() is None and not self.fitting()
        self.shop_check.setEnabled(one_sheet)  # tiles are for an office printer
        self.bleed_spin.setEnabled(one_sheet and self.shop_check.isChecked())
        options = self.options()
        plan = plan_poster(self.journey, options)
        self.plan = plan
        if plan.layout is not None and plan.layout.metrics != self.layout_.metrics:  # the cells flow to this page
            self.layout_ = plan.layout
            self.preview.set_layout(plan.layout)
        self.preview.set_plan(plan)
        self.figures.setText(self._figures_text(options, plan))
        self._show_warning(options, plan)

    def _figures_text(self, options: PosterOptions, plan: PosterPlan) -> str:
        width_mm, height_mm = plan.page_width * MM_PER_POINT, plan.page_height * MM_PER_POINT
        size = self.tr("{0} × {1} mm").format(round(width_mm), round(height_mm))
        if options.press.bleed > 0:
            size = self.tr("{0} with {1} mm bleed").format(size, decimal(options.press.bleed * MM_PER_POINT))
        scale = self.tr("scale {0}%").format(self._percent(plan.scale))
        text = self.tr("text {0} pt").format(self.points(plan.body_size))
        if plan.sheets == 1:
            sheets = self.tr("1 sheet")
        elif plan.tiles is not None:
            rows, columns = len(plan.tiles.rows), len(plan.tiles.columns)
            count, paper = plan.tiles.count, plan.tiles.paper.label
            if count == 1:
                sheets = self.tr("1 sheet of {0} in a {1} × {2} grid, and an assembly sheet").format(
                    paper, columns, rows
                )
            else:
                sheets = self.tr("{0} sheets of {1} in a {2} × {3} grid, and an assembly sheet").format(
                    count, paper, columns, rows
                )
            blank = len(plan.tiles.blank)
            if blank:
                left_out = self.tr("(1 blank sheet left out)") if blank == 1 else self.tr("({0} blank sheets left out)")
                sheets += " " + left_out.format(blank)
        else:
            sheets = self.tr("{0} sheets").format(plan.sheets)
        return "  ·  ".join((size, scale, text, sheets))

    def points(self, size: float) -> str:
        """A text size in the interface's language: never "0,0" for a tiny size, never rounded up to 6."""
        shown = shown_size(size)
        if shown is None:
            return self.tr("under {0}").format(decimal(0.001, 3))
        return decimal(*shown)

    @staticmethod
    def _percent(scale: float) -> str:
        percent = scale * 100
        return f"{percent:.0f}" if percent >= 10 else decimal(percent)

    def _show_warning(self, options: PosterOptions, plan: PosterPlan) -> None:
        if plan.warning is None:
            self.warning_frame.hide()
            return
        self.warning_label.setText(plan.warning)  # the core's words, in the interface's language (as the CLI's)
        better = plan.smallest_legible
        offer = better is not None and better != options.paper
        if better is not None and offer:
            self.use_button.setText(self.tr("Use {0}").format(better.label))
        elif better is None and plan.advice is not None:
            offer = True
            self.use_button.setText(self.advice_button(plan.advice))
        self.use_button.setVisible(offer)
        self.warning_frame.show()

    def advice_button(self, advice: Advice) -> str:
        choice = advice.choice
        if choice.sheets is not None and choice.tile is not None:
            return self.tr("Use {0} {1} sheets").format(choice.sheets, choice.tile.label)
        if advice.named:
            turned = self.tr("portrait") if choice.portrait else self.tr("landscape")
            return self.tr("Use {0} {1}").format(choice.paper.label, turned)
        if choice.tile is not None:
            return self.tr("Use {0} on {1} {2} sheets").format(choice.paper.label, advice.sheets, choice.tile.label)
        return self.tr("Use {0}").format(choice.paper.label)

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
        if name == FIT:
            paper = PAPERS[DEFAULT_PAPER]
        portrait = _flag(stored.value(SETTINGS_PORTRAIT, False), False)
        (self.portrait_radio if portrait else self.landscape_radio).setChecked(True)
        tile = str(stored.value(SETTINGS_TILE, "") or "")
        self.tile_box.setCurrentIndex(max(0, self.tile_box.findData(tile if tile in TILE_PAPERS else "")))
        self.sheets_spin.setValue(
            _int(stored.value(SETTINGS_SHEETS, DEFAULT_SHEETS), DEFAULT_SHEETS, MIN_SHEETS, MAX_SHEETS)
        )
        if name == FIT:
            self.paper_box.setCurrentIndex(self.paper_box.findData(FIT))
            self._show_size()
            self.refresh()
            self.open_check.setChecked(_flag(stored.value(SETTINGS_OPEN, False), False))
            return
        self.open_check.setChecked(_flag(stored.value(SETTINGS_OPEN, False), False))
        self.set_paper(paper)

    def save_settings(self, stored: QSettings) -> None:
        paper = self.paper()
        stored.setValue(SETTINGS_PAPER, FIT if self.fitting() else paper.name or CUSTOM)
        stored.setValue(SETTINGS_SHEETS, self.sheets_spin.value())
        stored.setValue(SETTINGS_CUSTOM_WIDTH, self._custom[0])
        stored.setValue(SETTINGS_CUSTOM_HEIGHT, self._custom[1])
        stored.setValue(SETTINGS_PORTRAIT, self.portrait_radio.isChecked())
        stored.setValue(SETTINGS_TILE, str(self.tile_box.currentData() or ""))
        stored.setValue(SETTINGS_OPEN, self.open_check.isChecked())
        if self.target is not None:
            stored.setValue(SETTINGS_FOLDER, str(self.target.parent))
        stored.sync()
