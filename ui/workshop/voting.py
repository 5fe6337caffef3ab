"""Dot voting's widgets: a workshop's room puts dots on the cards that matter most, one participant after the other.

The facilitator sets the dots per participant and how many participants there are, then starts voting. From then on
a click on a card is a vote: a left-click puts one of the current participant's dots on it, a right-click (or
Ctrl+click) takes one of their dots back off it. The tally shows the dots the participant has left; "Next
participant" hands a full set to the next one; Esc or "Stop voting" ends the round.

- `VotingSession` (`voting_session.py`) is the round on the canvas; the rules are `cjmapper.voting`'s.
- `VotingPanel` is the Voting dock: the settings, the tally, the "most voted" list and Reset Votes.
- `VotingBar` is the strip above the canvas while voting: big enough to read on a projector, and there when the
  docks are hidden (workshop mode).
- `VotingActions` are the menu entries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QPainter, QPaintEvent, QPen, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cjmapper.voting import MAX_DOTS_EACH, MAX_PARTICIPANTS, most_voted

from ..canvas.painting import VOTE_DOT
from ..canvas.theme import MESSAGE_COLOURS, MessageInk
from ..plain_text import plain_tooltip
from .voting_session import VotingSession, dots_left_text, next_button_text, participant_text, used_text
from .voting_start import ask_and_start

MOST_VOTED_ROWS = 100
"""The "most voted" list shows at most this many cards."""
TALLY_DOTS = 20
"""The tally draws each dot up to this many dots per participant; above it only the number is shown."""


class DotTally(QWidget):
    """The current participant's dots: filled for each dot left, hollow for each one given."""

    def __init__(self, diameter: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diameter = diameter
        self._total = 0
        self._left = 0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_dots(self, total: int, left: int) -> None:
        shown = total if total <= TALLY_DOTS else 0
        if (shown, left) != (self._total, self._left):
            self._total, self._left = shown, left
            self.updateGeometry()
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        pitch = self._diameter * 1.4
        return QSize(int(self._total * pitch) + 2, self._diameter + 4)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = self._diameter / 2
        pitch = self._diameter * 1.4
        y = self.height() / 2
        for i in range(self._total):
            centre = QPointF(1 + radius + i * pitch, y)
            if i < self._left:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(VOTE_DOT)
            else:
                painter.setPen(QPen(VOTE_DOT, max(1.0, self._diameter / 10)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius - 1, radius - 1)
        painter.end()


def _warning_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setProperty("ink", MessageInk(label, "warning"))  # orange, readable on a light or a dark panel
    return label


class VotingPanel(QWidget):
    """The Voting dock: dots per participant and participants, start / next / stop, the tally, the most voted cards
    (a click shows one on the canvas: `card_chosen`) and Reset Votes."""

    card_chosen = Signal(int)
    """A card of the "most voted" list was clicked: show it on the canvas."""

    def __init__(self, session: VotingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("votingPanel")
        self.session = session
        self._ranking_due = False
        self._ranking_stale = True

        intro = QLabel(self.tr("Each participant puts a few dots on the cards that matter most to them."), self)
        intro.setWordWrap(True)
        self.dots_box = QSpinBox(self)
        self.dots_box.setObjectName("votingDots")
        self.dots_box.setRange(1, MAX_DOTS_EACH)
        self.dots_box.setValue(session.dots_per_participant)
        self.dots_box.valueChanged.connect(session.set_dots_per_participant)
        self.participants_box = QSpinBox(self)
        self.participants_box.setObjectName("votingParticipants")
        self.participants_box.setRange(1, MAX_PARTICIPANTS)
        self.participants_box.setValue(session.participants)
        self.participants_box.valueChanged.connect(session.set_participants)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Dots per participant"), self.dots_box)
        form.addRow(self.tr("&Participants"), self.participants_box)

        self.start_button = QPushButton(self.tr("&Start Voting"), self)
        self.start_button.setObjectName("startVoting")
        self.start_button.clicked.connect(session.start)
        self.next_button = QPushButton(self.tr("&Next Participant"), self)
        self.next_button.setObjectName("nextParticipant")
        self.next_button.clicked.connect(session.next_participant)
        self.stop_button = QPushButton(self.tr("S&top Voting"), self)
        self.stop_button.setObjectName("stopVoting")
        self.stop_button.clicked.connect(lambda: session.stop())
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.stop_button)

        self.participant_label = QLabel(self)
        self.participant_label.setObjectName("votingParticipant")
        self.tally = DotTally(14, self)
        self.tally_label = QLabel(self)
        self.tally_label.setObjectName("votingTally")
        font = self.tally_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.tally_label.setFont(font)
        self.participant_label.setFont(font)
        tally_row = QHBoxLayout()
        tally_row.addWidget(self.tally)
        tally_row.addWidget(self.tally_label, 1)
        self.message = _warning_label(self, "votingMessage")
        self.total_label = QLabel(self)
        self.total_label.setObjectName("votingTotal")

        heading = QLabel(self.tr("Most voted"), self)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        self.most_voted = QListWidget(self)
        self.most_voted.setObjectName("mostVoted")
        heading.setBuddy(self.most_voted)  # names the list for screen readers
        self.most_voted.setUniformItemSizes(True)
        self.most_voted.itemClicked.connect(self._item_chosen)
        self.most_voted.itemActivated.connect(self._item_chosen)
        self.empty_label = QLabel(self.tr("No votes yet."), self)
        self.empty_label.setObjectName("mostVotedEmpty")
        self.empty_label.setEnabled(False)
        self.reset_button = QPushButton(self.tr("&Reset Votes…"), self)
        self.reset_button.setObjectName("resetVotes")
        self.reset_button.clicked.connect(self.confirm_reset)

        self.most_voted.setMinimumHeight(120)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.start_button)
        layout.addLayout(buttons)
        layout.addWidget(self.participant_label)
        layout.addLayout(tally_row)
        layout.addWidget(self.message)
        layout.addWidget(self.total_label)
        layout.addSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.most_voted, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.reset_button)
        scroll = QScrollArea(self)  # a narrow or short dock scrolls rather than widening the window
        scroll.setAccessibleName(self.tr("Voting"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        session.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the session's state now; the most voted list follows once control is back in the event loop."""
        s = self.session
        active = s.active
        has_journey = s.document is not None
        for box, value in ((self.dots_box, s.dots_per_participant), (self.participants_box, s.participants)):
            if box.value() != value:
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)
        self.start_button.setEnabled(has_journey and not active)
        self.next_button.setEnabled(active)
        self.next_button.setText(
            self.tr("&Finish Voting") if active and s.participant >= s.participants else self.tr("&Next Participant")
        )
        self.stop_button.setEnabled(active)
        self.participant_label.setVisible(active)
        self.tally.setVisible(active)
        self.tally_label.setVisible(active)
        if active:
            self.participant_label.setText(participant_text(s))
            self.tally.set_dots(s.dots_per_participant, s.dots_left)
            self.tally_label.setText(dots_left_text(s.dots_left))
        self.message.setText(s.message)
        self.message.setVisible(bool(s.message))
        self.total_label.setText(used_text(s))
        self.total_label.setVisible(bool(s.ballots))
        if not self._ranking_due:
            self._ranking_due = True
            QTimer.singleShot(0, self._refresh_ranking)

    def _refresh_ranking(self, force: bool = False) -> None:
        if not shiboken6.isValid(self):
            return
        self._ranking_due = False
        if not force and not self.isVisible():
            self._ranking_stale = True  # a hidden panel catches up when it is shown (a big map edits fast)
            return
        self._ranking_stale = False
        document = self.session.document
        cards = most_voted(document.journey, MOST_VOTED_ROWS) if document is not None else []
        self.reset_button.setEnabled(bool(cards))
        self.empty_label.setVisible(not cards)
        rows = [(t.id, f"{t.votes} ●  {' '.join(t.title.split())}") for t in cards]
        current = [
            (int(item.data(Qt.ItemDataRole.UserRole)), item.text())
            for item in (self.most_voted.item(i) for i in range(self.most_voted.count()))
        ]
        if rows == current:
            return
        journey = document.journey if document is not None else None
        self.most_voted.clear()
        for card, (card_id, text) in zip(cards, rows, strict=True):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, card_id)
            if journey is not None:
                try:
                    place = f"{journey.phase(card.phase_id).name} · {journey.lane(card.lane_id).name}"
                except KeyError:
                    place = ""
                item.setToolTip(plain_tooltip(f"{card.title}\n{place}"))
            self.most_voted.addItem(item)

    def ranking(self) -> list[int]:
        """The card ids in the "most voted" list, top first (for tests)."""
        self._refresh_ranking(force=True)
        return [int(self.most_voted.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.most_voted.count())]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._ranking_stale:
            self._refresh_ranking()

    def _item_chosen(self, item: QListWidgetItem) -> None:
        self.card_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def confirm_reset(self) -> bool:
        """Ask, then take every vote off the journey's cards (one undo step)."""
        cards = self.session.voted_cards()
        if not cards:
            return False
        dots = sum(t.votes for t in cards)
        if dots == 1:
            question = self.tr("Take the one dot off its card? You can undo this with Edit › Undo.")
        elif len(cards) == 1:
            question = self.tr("Take all {0} dots off the voted card? You can undo this with Edit › Undo.").format(dots)
        else:
            question = self.tr("Take all {0} dots off the {1} voted cards? You can undo this with Edit › Undo.").format(
                dots, len(cards)
            )
        answer = QMessageBox.question(self.window(), self.tr("Reset votes"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.session.reset_votes()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape and self.session.active:
            self.session.stop()
            event.accept()
            return
        super().keyPressEvent(event)


HINT_WIDTH = 300
"""The least width (pixels) of the voting bar's message, so it reads in two or three lines, not a narrow column."""


class VotingBar(QFrame):
    """The strip above the canvas while voting: participant, dots left (large, for the projector), the latest
    message, and Next Participant / Stop Voting. Hidden when no round runs."""

    def __init__(self, session: VotingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("votingBar")
        self.session = session
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#votingBar { background: #eef2fd; border-bottom: 2px solid #3056d3; }#votingBar QLabel { color: #1d2433; }"
        )
        title = QLabel(self.tr("Dot voting"), self)
        self.participant_label = QLabel(self)
        self.participant_label.setObjectName("votingBarParticipant")
        self.tally = DotTally(20, self)
        self.tally_label = QLabel(self)
        self.tally_label.setObjectName("votingBarTally")
        big = self.font()
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        for label in (title, self.participant_label, self.tally_label):
            label.setFont(big)
        self.hint = QLabel(self)
        self.hint.setObjectName("votingBarHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("votingBarNext")
        self.next_button.clicked.connect(session.next_participant)
        self.stop_button = QPushButton(self.tr("Stop Voting (Esc)"), self)
        self.stop_button.setObjectName("votingBarStop")
        self.stop_button.clicked.connect(lambda: session.stop())
        for button in (self.next_button, self.stop_button):
            button.setFont(big)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the canvas keeps the keys (Esc)

        hint_font = self.hint.font()
        hint_font.setPointSizeF(hint_font.pointSizeF() * 1.1)
        self.hint.setFont(hint_font)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.setMinimumWidth(HINT_WIDTH)  # the row stacks the bar above the timer rather than squeeze it
        self.setMinimumWidth(120)  # a narrow window clips the bar rather than growing when voting starts
        # Two rows, so that a 1024-pixel projector holds every word: who votes and the dots left above, the latest
        # message and the buttons below. The title gives way first where even that is too wide.
        self.title = title
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(title)
        row.addWidget(self.participant_label)
        row.addWidget(self.tally)
        row.addWidget(self.tally_label)
        row.addStretch(1)
        below = QHBoxLayout()
        below.setSpacing(14)
        below.addWidget(self.hint, 1)
        below.addWidget(self.next_button)
        below.addWidget(self.stop_button)
        self._top, self._below = row, below
        self._hint_row = QHBoxLayout()
        """Where the message goes, on a row of its own, when it does not fit beside the buttons."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addLayout(self._hint_row)
        layout.addLayout(below)
        session.changed.connect(self.refresh)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        """Show the title only where the top row holds it beside the participant and the dots; put the message on
        a row of its own where it does not fit beside the buttons."""
        margins = self.contentsMargins().left() + self.contentsMargins().right() + 24
        needed = sum(
            w.sizeHint().width() + self._top.spacing()
            for w in (self.title, self.participant_label, self.tally, self.tally_label)
        )
        self.title.setVisible(needed + margins <= self.width())
        buttons = sum(b.sizeHint().width() + self._below.spacing() for b in (self.next_button, self.stop_button))
        apart = HINT_WIDTH + buttons + margins > self.width()
        if apart and self._below.indexOf(self.hint) >= 0:
            self._below.removeWidget(self.hint)
            self._below.insertStretch(0, 1)
            self._hint_row.addWidget(self.hint)
        elif not apart and self._hint_row.indexOf(self.hint) >= 0:
            self._hint_row.removeWidget(self.hint)
            self._below.takeAt(0)  # the stretch that stood in for it
            self._below.insertWidget(0, self.hint, 1)

    def refresh(self) -> None:
        s = self.session
        self.setVisible(s.active)
        if not s.active:
            return
        self.participant_label.setText(participant_text(s))
        self.tally.set_dots(s.dots_per_participant, s.dots_left)
        self.tally_label.setText(dots_left_text(s.dots_left))
        self.next_button.setText(next_button_text(s))
        self.hint.setText(
            s.message
            or self.tr("Click a card to give it a dot; right-click or Ctrl+click takes one back. {0}.").format(
                used_text(s)
            )
        )
        warning = MESSAGE_COLOURS["warning"][0]  # the bar stays light in either scheme
        self.hint.setStyleSheet(f"color: {warning};" if s.message and s.dots_left == 0 else "")
        self._fit_title()


@dataclass
class VotingActions:
    """The Journey menu's voting entries, enabled as the session allows."""

    start: QAction
    next: QAction
    stop: QAction
    reset: QAction

    def all(self) -> list[QAction]:
        return [self.start, self.next, self.stop, self.reset]


def voting_actions(
    session: VotingSession, panel: VotingPanel, parent: QObject, on_start: Callable[[], object]
) -> VotingActions:
    """Menu actions for `session`; Start Dot Voting asks for the dots and participants first (`StartVotingDialog`),
    and `on_start` runs once it started a round (say, to show the dock)."""

    def start() -> None:  # ask for the dots and participants first (the panel's own Start has them beside it)
        if session.document is not None and not session.active:
            ask_and_start(session, panel.window(), on_start)

    actions = VotingActions(
        QAction(QCoreApplication.translate("Voting", "Start Dot &Voting…"), parent),
        QAction(QCoreApplication.translate("Voting", "&Next Participant"), parent),
        QAction(QCoreApplication.translate("Voting", "S&top Voting"), parent),
        QAction(QCoreApplication.translate("Voting", "&Reset Votes…"), parent),
    )
    actions.start.setObjectName("startVotingAction")
    actions.start.setToolTip(QCoreApplication.translate("Voting", "Count clicks on cards as dot votes"))
    actions.next.setObjectName("nextParticipantAction")
    actions.stop.setObjectName("stopVotingAction")
    actions.reset.setObjectName("resetVotesAction")
    actions.start.triggered.connect(start)
    actions.next.triggered.connect(session.next_participant)
    actions.stop.triggered.connect(lambda: session.stop())
    actions.reset.triggered.connect(panel.confirm_reset)

    def update() -> None:
        has_journey = session.document is not None
        actions.start.setEnabled(has_journey and not session.active)
        actions.next.setEnabled(session.active)
        actions.stop.setEnabled(session.active)
        actions.reset.setEnabled(has_journey)

    session.changed.connect(update)
    update()
    return actions
