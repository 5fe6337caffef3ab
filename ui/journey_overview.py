"""A read-only overview of one journey: its heading, its figures and a grid of phases by lanes.

The full canvas editor replaces this later; until then this is how a journey is read in the editor.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cjmapper.channels import channel_label
from cjmapper.model import SCORE_MAX, Journey, JourneySummary, LaneKind, Touchpoint, summarize

MIN_COLUMN_WIDTH = 180
_PAD_X, _PAD_Y = 6, 4

# Soft backgrounds for the experience row, from poor (1) to great (5); text on them is always dark.
_EXPERIENCE_COLORS = {1: "#f4c7c3", 2: "#f9dcc4", 3: "#fcefc7", 4: "#d9ead3", 5: "#b7e1cd"}


def plain_tooltip(text: str) -> str:
    """A tooltip that shows user text as typed: Qt would render text that looks like HTML as HTML."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def score_text(average: float | None) -> str:
    return "—" if average is None else f"{average:.1f}"


def csat_text(csat: float | None) -> str:
    return "—" if csat is None else f"{round(csat * 100)}%"


def touchpoints_text(count: int) -> str:
    return f"{count} touchpoint" if count == 1 else f"{count} touchpoints"


def summary_text(summary: JourneySummary) -> str:
    """One line of figures: count, average score and CSAT."""
    if summary.scored == 0:
        return f"{touchpoints_text(summary.touchpoints)} · no scores yet"
    return (
        f"{touchpoints_text(summary.touchpoints)} · average score {score_text(summary.average)} / {SCORE_MAX}"
        f" · CSAT {csat_text(summary.csat)}"
    )


def _card_line(card: Touchpoint) -> str:
    return f"• {card.title}" if card.score is None else f"• {card.title}  ({card.score}/{SCORE_MAX})"


def _card_tooltip(card: Touchpoint, journey: Journey) -> str:
    details = [
        text
        for text in (
            channel_label(card.channel, journey.language),
            f"score {card.score}/{SCORE_MAX}" if card.score is not None else "",
            f"owner: {card.owner}" if card.owner else "",
        )
        if text
    ]
    return f"{card.title} — {', '.join(details)}" if details else card.title


class _PaddedTextDelegate(QStyledItemDelegate):
    """Sizes a cell for the width its text gets inside the style sheet's padding.

    Qt wraps the text at the full column width when it measures a row, so without this a row can come out
    a line short and its last line is cut off with "…"."""

    def sizeHint(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        narrowed = QStyleOptionViewItem(option)
        narrowed.rect = option.rect.adjusted(0, 0, -2 * _PAD_X, 0)
        return super().sizeHint(narrowed, index)


class _MapTable(QTableWidget):
    """The grid; its columns share the width while each can keep MIN_COLUMN_WIDTH, else they scroll."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        columns = self.columnCount()
        if columns and self.viewport().width() >= columns * MIN_COLUMN_WIDTH:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            for column in range(columns):
                header.resizeSection(column, MIN_COLUMN_WIDTH)


class JourneyOverview(QWidget):
    """Shows one journey read-only, or a message (no journeys, nothing found, cannot be read)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = QStackedWidget(self)
        self._message = QLabel(self._stack)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setMargin(24)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._message.setObjectName("overviewMessage")

        self._page = QWidget(self._stack)
        self._title = QLabel(self._page)
        self._title.setObjectName("journeyTitle")
        title_font = QFont(self._title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self._title.setWordWrap(True)
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._details = QLabel(self._page)
        self._details.setObjectName("journeyDetails")
        self._details.setWordWrap(True)
        self._details.setTextFormat(Qt.TextFormat.PlainText)
        self._details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._summary = QLabel(self._page)
        self._summary.setObjectName("journeySummary")
        summary_font = QFont(self._summary.font())
        summary_font.setBold(True)
        self._summary.setFont(summary_font)
        self._summary.setTextFormat(Qt.TextFormat.PlainText)

        self._table = _MapTable(self._page)
        self._table.setObjectName("journeyGrid")
        self._table.setAccessibleName("Journey map")
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setWordWrap(True)
        self._table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._table.horizontalHeader().setMinimumSectionSize(120)
        self._table.setFrameShape(QFrame.Shape.StyledPanel)
        self._table.setStyleSheet(f"QTableView::item {{ padding: {_PAD_Y}px {_PAD_X}px; }}")
        self._delegate = _PaddedTextDelegate(self._table)
        self._table.setItemDelegate(self._delegate)
        # as tall as its rows (no empty grid below them), scrolling when they do not fit
        self._table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self._table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

        page_layout = QVBoxLayout(self._page)
        page_layout.setContentsMargins(16, 12, 16, 12)
        page_layout.setSpacing(6)
        page_layout.addWidget(self._title)
        page_layout.addWidget(self._details)
        page_layout.addWidget(self._summary)
        page_layout.addSpacing(6)
        page_layout.addWidget(self._table)
        page_layout.addStretch(1)

        self._stack.addWidget(self._message)
        self._stack.addWidget(self._page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._journey: Journey | None = None
        self.show_message("")

    # ------------------------------------------------------------------ for the window and tests

    @property
    def journey(self) -> Journey | None:
        return self._journey

    @property
    def table(self) -> QTableWidget:
        return self._table

    def title_text(self) -> str:
        return self._title.text()

    def summary_text(self) -> str:
        return self._summary.text()

    def message_text(self) -> str:
        """The message shown instead of a journey ('' while a journey is shown)."""
        return self._message.text() if self._stack.currentWidget() is self._message else ""

    # ------------------------------------------------------------------ showing

    def show_message(self, text: str) -> None:
        self._journey = None
        self._message.setText(text)
        self._table.clear()
        self._table.setRowCount(0)
        self._table.setColumnCount(0)
        self._stack.setCurrentWidget(self._message)

    def show_journey(self, journey: Journey) -> None:
        self._journey = journey
        summary = summarize(journey)
        self._title.setText(journey.title)
        self._details.setText(self._details_text(journey))
        self._details.setVisible(bool(self._details.text()))
        self._summary.setText(summary_text(summary))
        self._fill_table(journey, summary)
        self._stack.setCurrentWidget(self._page)

    @staticmethod
    def _details_text(journey: Journey) -> str:
        lines = [journey.description.strip()] if journey.description.strip() else []
        if journey.persona is not None:
            persona = journey.persona
            about = persona.description.strip().splitlines()[0] if persona.description.strip() else ""
            lines.append(f"Persona: {persona.name}" + (f" — {about}" if about else ""))
        return "\n".join(lines)

    def _fill_table(self, journey: Journey, summary: JourneySummary) -> None:
        table = self._table
        table.clear()
        table.setColumnCount(len(journey.phases))
        table.setRowCount(len(journey.lanes))
        by_phase = {p.phase_id: p for p in summary.phases}
        cells = journey.cells()
        for column, phase in enumerate(journey.phases):
            figures = by_phase[phase.id]
            header = QTableWidgetItem(phase.name)
            tip = [phase.name, touchpoints_text(figures.touchpoints)]
            if figures.average is not None:
                tip.append(f"average score {score_text(figures.average)} / {SCORE_MAX}")
            if phase.description:
                tip.append(phase.description)
            header.setToolTip(plain_tooltip("\n".join(tip)))
            table.setHorizontalHeaderItem(column, header)
        for row, lane in enumerate(journey.lanes):
            lane_header = QTableWidgetItem(lane.name)
            lane_header.setToolTip(plain_tooltip(f"{lane.name} ({lane.kind.value} lane)"))
            table.setVerticalHeaderItem(row, lane_header)
            for column, phase in enumerate(journey.phases):
                if lane.kind is LaneKind.EMOTIONS:
                    item = self._experience_item(by_phase[phase.id].average, by_phase[phase.id].scored)
                else:
                    item = self._cards_item(cells.get((phase.id, lane.id), []), journey)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                table.setItem(row, column, item)
        table.fit_columns()
        table.scrollToTop()

    @staticmethod
    def _cards_item(cards: list[Touchpoint], journey: Journey) -> QTableWidgetItem:
        item = QTableWidgetItem("\n".join(_card_line(card) for card in cards))
        if cards:
            item.setToolTip(plain_tooltip("\n".join(_card_tooltip(card, journey) for card in cards)))
        return item

    @staticmethod
    def _experience_item(average: float | None, scored: int) -> QTableWidgetItem:
        if average is None:
            item = QTableWidgetItem("no scores")
            item.setToolTip("No touchpoint in this phase has a score yet.")
            return item
        item = QTableWidgetItem(f"Average {score_text(average)} / {SCORE_MAX}")
        item.setToolTip(f"Average score of the {scored} scored touchpoints in this phase.")
        item.setBackground(QBrush(QColor(_EXPERIENCE_COLORS[max(1, min(SCORE_MAX, round(average)))])))
        item.setForeground(QBrush(QColor("#202020")))
        font = QFont()
        font.setBold(True)
        item.setFont(font)
        return item
