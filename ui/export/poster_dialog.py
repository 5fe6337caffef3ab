"""File › Export poster: paper, orientation and tiling for a PDF poster, with a live preview of the page and the
figures of its plan (scale, text size, sheets, legibility). Also the small resolution dialog of File › Export picture.

The dialog only chooses; the window runs the export (see `ui.export.export_jobs`). The figures come from
`cjmapper.poster.plan_poster`, the preview draws the journey's `Layout` into the map area that plan gives, so what the
dialog shows is what the PDF holds.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
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
    QSizePolicy,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from cjmapper.layout import Layout, compute_layout
from cjmapper.model import Journey, Language
from cjmapper.poster import PAPERS, TILE_PAPERS, Paper, PosterOptions, PosterPlan, plan_poster
from cjmapper.poster.labels import tile_name
from cjmapper.poster.paper import MAX_SIDE_MM, MIN_SIDE_MM
from cjmapper.poster.plan import LEGIBLE_PT, Box, legible_size_mm

from ..canvas.painting import (
    CELL_BACKGROUND,
    CELL_BACKGROUND_ALT,
    CURVE_LINE,
    GRID_LINE,
    HEADER_BACKGROUND,
    LANE_HEADER_BACKGROUND,
    lane_color,
    phase_color,
    score_color,
    tint,
)
from ..i18n import decimal, ui_language

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
SETTINGS_PICTURE_DPI = "picture/dpi"

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


# ---------------------------------------------------------------------- the preview


PREVIEW_BACKGROUND = QColor("#d5dae1")
PAGE_BORDER = QColor("#9aa3ad")
MARGIN_GUIDE = QColor("#b9c3ce")
TEXT_BAR = QColor("#c9d0d8")
"""Small print in the preview (too small to set as text) is drawn as bars of this grey."""
TILE_LINE = QColor("#2f6fd6")
TILE_OVERLAP = QColor(47, 111, 214, 40)


def _page_box(box: Box, page: QRectF, k: float) -> QRectF:
    """A box of the plan (points from the page's top left) in widget pixels."""
    return QRectF(page.left() + box.x * k, page.top() + box.y * k, box.width * k, box.height * k)


class PosterPreview(QFrame):
    """A thumbnail of the poster page: the paper in proportion, its margins, the title block and legend (where the
    plan puts them), the map in its map area, and the sheets when tiled."""

    def __init__(self, journey: Journey, layout: Layout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("posterPreview")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Sunken)
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.journey = journey
        self.layout_ = layout
        self.plan: PosterPlan | None = None
        self.paints = 0
        """How often the preview was drawn (tests use it to see an update)."""
        self._cards = self._card_blocks()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(460, 330)

    def set_plan(self, plan: PosterPlan) -> None:
        self.plan = plan
        self.update()

    def page_rect(self) -> QRectF:
        """Where the page is drawn in the widget, in proportion, centred with room for its shadow."""
        if self.plan is None:
            return QRectF()
        area = QRectF(self.contentsRect()).adjusted(18, 18, -18, -18)
        k = min(area.width() / self.plan.page_width, area.height() / self.plan.page_height)
        width, height = self.plan.page_width * k, self.plan.page_height * k
        return QRectF(area.center().x() - width / 2, area.center().y() - height / 2, width, height)

    def map_rect(self) -> QRectF:
        """Where the map is drawn in the widget (the plan measures from the page's bottom left, in points)."""
        plan, page = self.plan, self.page_rect()
        if plan is None:
            return QRectF()
        k = page.width() / plan.page_width
        return QRectF(
            page.left() + plan.map_x * k,
            page.top() + (plan.page_height - plan.map_top) * k,
            self.layout_.width * plan.scale * k,
            self.layout_.height * plan.scale * k,
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            painter.fillRect(self.contentsRect(), PREVIEW_BACKGROUND)
            if self.plan is not None:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                self._paint_page(painter, self.plan, self.page_rect())
        finally:
            painter.end()
        super().paintEvent(event)  # the frame
        self.paints += 1

    def _paint_page(self, painter: QPainter, plan: PosterPlan, page: QRectF) -> None:
        k = page.width() / plan.page_width  # widget pixels per point
        painter.setPen(Qt.PenStyle.NoPen)
        for offset, alpha in ((4.0, 28), (2.0, 40)):
            painter.setBrush(QColor(0, 0, 0, alpha))
            painter.drawRect(page.translated(offset, offset))
        painter.setBrush(QColor("#ffffff"))
        painter.setPen(QPen(PAGE_BORDER, 1.0))
        painter.drawRect(page)
        map_rect = self.map_rect()
        chrome = plan.chrome
        margin = chrome.margin * k
        if margin > 2:
            painter.setPen(QPen(MARGIN_GUIDE, 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(page.adjusted(margin, margin, -margin, -margin))
        self._paint_title(painter, _page_box(chrome.title, page, k), chrome.unit * k)
        self._paint_legend(painter, _page_box(chrome.legend, page, k), chrome.unit * k)
        painter.save()
        painter.setClipRect(page)
        painter.translate(map_rect.topLeft())
        painter.scale(plan.scale * k, plan.scale * k)
        self._paint_map(painter, plan.scale * k)
        painter.restore()
        if plan.tiles is not None:
            self._paint_tiles(painter, page, k, plan.tiles.columns, plan.tiles.rows)

    def _paint_title(self, painter: QPainter, box: QRectF, unit: float) -> None:
        """The title block in miniature: the journey's title, its facts line, the persona on the right, a rule."""
        persona = self.journey.persona
        right = box.width() * 0.34 if persona is not None and (persona.description or persona.goals) else 0.0
        left = box.width() - right - (2 * unit if right else 0)
        size = 2.6 * unit
        painter.setPen(Qt.PenStyle.NoPen)
        if size >= 6:
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(round(size))
            painter.setFont(font)
            painter.setPen(CURVE_LINE)
            text = painter.fontMetrics().elidedText(self.journey.title, Qt.TextElideMode.ElideRight, int(left))
            painter.drawText(QRectF(box.left(), box.top(), left, size * 1.3), Qt.AlignmentFlag.AlignLeft, text)
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            painter.setBrush(CURVE_LINE)
            painter.drawRect(QRectF(box.left(), box.top() + 0.3 * size, left * 0.6, 0.7 * size))
        painter.setBrush(TEXT_BAR)
        painter.drawRect(QRectF(box.left(), box.top() + 1.35 * size + 0.4 * unit, left * 0.5, 0.8 * unit))
        if right:
            x = box.right() - right
            painter.setBrush(QColor("#8d97a3"))
            painter.drawRect(QRectF(x, box.top() + 0.2 * unit, right * 0.35, 0.8 * unit))
            painter.setBrush(TEXT_BAR)
            for line, share in enumerate((1.0, 0.95, 0.6)):
                top = box.top() + (1.6 + 1.4 * line) * unit
                if top + 0.8 * unit < box.bottom() - 0.5 * unit:
                    painter.drawRect(QRectF(x, top, right * share, 0.7 * unit))
        painter.setPen(QPen(GRID_LINE, 1.0))
        painter.drawLine(box.bottomLeft(), box.bottomRight())

    def _paint_legend(self, painter: QPainter, box: QRectF, unit: float) -> None:
        """The legend in miniature: a rule, the five score colours, the channels and the journey's figures."""
        painter.setPen(QPen(GRID_LINE, 1.0))
        painter.drawLine(box.topLeft(), box.topRight())
        painter.setPen(Qt.PenStyle.NoPen)
        first = box.top() + 1.6 * unit
        painter.setBrush(QColor("#8d97a3"))
        painter.drawRect(QRectF(box.left(), first - 0.4 * unit, 3 * unit, 0.8 * unit))
        x = box.left() + 4 * unit
        radius = 0.75 * unit
        for score in range(1, 6):
            painter.setBrush(score_color(score))
            painter.drawEllipse(QPointF(x + radius, first), radius, radius)
            x += 2 * radius + 0.5 * unit
        painter.setBrush(TEXT_BAR)
        painter.drawRect(QRectF(x + unit, first - 0.35 * unit, box.width() * 0.25, 0.7 * unit))
        painter.drawRect(QRectF(box.right() - box.width() * 0.22, first - 0.35 * unit, box.width() * 0.22, 0.7 * unit))
        painter.drawRect(QRectF(box.left(), first + 1.3 * unit, box.width() * 0.4, 0.7 * unit))

    def _card_blocks(self) -> list[tuple[QColor, QColor, QColor, list[QRectF], list[QRectF], list[QRectF]]]:
        """The cards grouped by colour, computed once: (body, stripe, score colour, bodies, stripes, badges)."""
        journey, layout = self.journey, self.layout_
        lanes = {lane.id: lane for lane in journey.lanes}
        groups: dict[tuple[int, int], tuple[QColor, QColor, QColor, list[QRectF], list[QRectF], list[QRectF]]] = {}
        for card in journey.touchpoints:
            box = layout.cards.get(card.id)
            if box is None:
                continue
            lane = lanes[card.lane_id]
            base = lane_color(lane.kind, card.color or lane.color)
            badge = score_color(card.score)
            group = groups.setdefault((base.rgb(), badge.rgb()), (tint(base, 0.3), base, badge, [], [], []))
            r = box.rect
            group[3].append(QRectF(r.x, r.y, r.width, r.height))
            group[4].append(QRectF(r.x, r.y, 6.0, r.height))
            if card.score is not None:
                group[5].append(QRectF(r.right - 26.0, r.bottom - 26.0, 18.0, 18.0))
        return list(groups.values())

    def _paint_map(self, painter: QPainter, pixels_per_unit: float) -> None:
        """The map in layout units: headers, cells, cards, the experience curve."""
        layout, journey = self.layout_, self.journey
        hairline = QPen(GRID_LINE, 0)  # cosmetic: one pixel whatever the scale
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(HEADER_BACKGROUND)
        painter.drawRect(QRectF(0, 0, layout.width, layout.metrics.phase_header_height))
        for phase_box, phase in zip(layout.phases, journey.phases, strict=False):
            colour = phase_color(phase_box.index, phase.color)
            h = phase_box.header
            painter.setBrush(tint(colour, 0.12))
            painter.drawRect(QRectF(h.x, h.y, h.width, h.height))
            painter.setBrush(colour)
            painter.drawRect(QRectF(h.x, h.y, h.width, min(h.height, 8.0)))
        for box, lane in zip(layout.lanes, journey.lanes, strict=False):
            row, header = box.row, box.header
            painter.setBrush(CELL_BACKGROUND if box.index % 2 == 0 else CELL_BACKGROUND_ALT)
            painter.drawRect(QRectF(row.x, row.y, row.width, row.height))
            painter.setBrush(LANE_HEADER_BACKGROUND)
            painter.drawRect(QRectF(header.x, header.y, header.width, header.height))
            painter.setBrush(lane_color(lane.kind, lane.color))
            painter.drawRect(QRectF(header.x, header.y, min(header.width, 6.0), header.height))
        painter.setPen(hairline)
        for box in layout.lanes:
            painter.drawLine(QPointF(0, box.row.y), QPointF(layout.width, box.row.y))
        for phase_box in layout.phases:
            painter.drawLine(QPointF(phase_box.column.x, 0), QPointF(phase_box.column.x, layout.height))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0, 0, layout.width, layout.height))
        painter.setPen(Qt.PenStyle.NoPen)
        for body, stripe, badge, bodies, stripes, badges in self._cards:
            painter.setBrush(body)
            painter.drawRects(bodies)
            painter.setBrush(stripe)
            painter.drawRects(stripes)
            if badges:
                painter.setBrush(badge)
                for rect in badges:
                    painter.drawEllipse(rect)
        curve_pen = QPen(CURVE_LINE, max(1.2 / pixels_per_unit, 1.5))
        curve_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        for curve in layout.curves:
            if len(curve.points) > 1:
                painter.setPen(curve_pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPolyline(QPolygonF([QPointF(p.x, p.y) for p in curve.points]))

    def _paint_tiles(
        self,
        painter: QPainter,
        page: QRectF,
        k: float,
        columns: Sequence[tuple[float, float]],
        rows: Sequence[tuple[float, float]],
    ) -> None:
        """The sheets of a tiled print: each sheet's part of the page (points, top-down), overlaps shaded, each
        sheet labelled as it is printed."""
        painter.save()
        painter.setClipRect(page)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TILE_OVERLAP)
        for (_, right), (left, _) in itertools.pairwise(columns):
            if right > left:
                painter.drawRect(QRectF(page.left() + left * k, page.top(), (right - left) * k, page.height()))
        for (_, bottom), (top, _) in itertools.pairwise(rows):
            if bottom > top:
                painter.drawRect(QRectF(page.left(), page.top() + top * k, page.width(), (bottom - top) * k))
        painter.setPen(QPen(TILE_LINE, 1.0, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for _, right in columns[:-1]:
            x = page.left() + right * k
            painter.drawLine(QPointF(x, page.top()), QPointF(x, page.bottom()))
        for _, bottom in rows[:-1]:
            y = page.top() + bottom * k
            painter.drawLine(QPointF(page.left(), y), QPointF(page.right(), y))
        smallest = min(min(b - a for a, b in columns), min(b - a for a, b in rows)) * k
        if smallest >= 24:
            font = QFont(self.font())
            font.setPixelSize(10)
            painter.setFont(font)
            for r, (top, _) in enumerate(rows):
                for c, (left, _) in enumerate(columns):
                    label = tile_name(r, c)
                    x, y = page.left() + left * k + 3, page.top() + top * k + 3
                    tag = QRectF(x, y, painter.fontMetrics().horizontalAdvance(label) + 6, 14)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(47, 111, 214, 210))
                    painter.drawRoundedRect(tag, 3, 3)
                    painter.setPen(QColor("#ffffff"))
                    painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()


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
        self.layout_ = compute_layout(journey)
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


# ---------------------------------------------------------------------- picture resolution


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
            self.tr("{0} × {1} pixels ({2} megapixels)").format(f"{width:,}", f"{height:,}", decimal(megapixels))
        )
