"""The small dialog the Journey menu's Start Dot Voting asks first: dots per participant and participants, filled
with the last choice (the session remembers it in the user's settings), then Start Voting or Cancel. The Voting
panel has the same two boxes beside its own Start button, so it starts at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from cjmapper.voting import MAX_DOTS_EACH, MAX_PARTICIPANTS

from .voting_session import VotingSession


class StartVotingDialog(QDialog):
    """Ask how many dots each participant gets and how many take part; on Start the session keeps both (and the
    settings with it) and `on_start` runs."""

    def __init__(self, session: VotingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startVotingDialog")
        self.setWindowTitle(self.tr("Start Dot Voting"))
        self.session = session
        intro = QLabel(self.tr("Each participant puts a few dots on the cards that matter most to them."), self)
        intro.setWordWrap(True)
        self.dots_box = QSpinBox(self)
        self.dots_box.setObjectName("startVotingDots")
        self.dots_box.setRange(1, MAX_DOTS_EACH)
        self.dots_box.setValue(session.dots_per_participant)
        self.dots_box.setAccessibleName(self.tr("Dots per participant"))
        self.participants_box = QSpinBox(self)
        self.participants_box.setObjectName("startVotingParticipants")
        self.participants_box.setRange(1, MAX_PARTICIPANTS)
        self.participants_box.setValue(session.participants)
        self.participants_box.setAccessibleName(self.tr("Participants"))
        form = QFormLayout()
        form.addRow(self.tr("&Dots per participant:"), self.dots_box)
        form.addRow(self.tr("&Participants:"), self.participants_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.start_button = buttons.addButton(self.tr("&Start Voting"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("startVotingStart")
        self.start_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.dots_box.setFocus()
        self.dots_box.selectAll()

    def accept(self) -> None:
        self.session.set_dots_per_participant(self.dots_box.value())
        self.session.set_participants(self.participants_box.value())
        super().accept()


def ask_and_start(session: VotingSession, parent: QWidget | None, on_start: Callable[[], object]) -> StartVotingDialog:
    """Open the dialog (window-modal, so the call returns at once); Start Voting starts the round and runs
    `on_start`. Returns the dialog (deleted when closed)."""
    dialog = StartVotingDialog(session, parent)

    def started() -> None:
        if session.start():
            on_start()

    dialog.accepted.connect(started)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
