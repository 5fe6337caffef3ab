"""A round of dot voting on the canvas (`VotingSession`): its settings, remembered; the participants' ballots (the
rules are `cjmapper.voting`'s); the card click handler it gives the canvas (`JourneyScene.card_click_handler`), where
a left-click votes and a right-click or Ctrl+click takes a dot back; and Esc on the canvas, which ends the round.
Each vote is one undo step through the document (`Touchpoint.votes`, so votes are in the library, its exports and
the poster at once). A `_BallotMarker` inside each step keeps the tallies in step when a vote is undone or redone.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoCommand
from PySide6.QtWidgets import QGraphicsView

from cjmapper.editing import quoted
from cjmapper.model import MAX_VOTES, Touchpoint
from cjmapper.voting import (
    DEFAULT_DOTS,
    DEFAULT_PARTICIPANTS,
    MAX_DOTS_EACH,
    MAX_PARTICIPANTS,
    Ballot,
    allowed_dots,
    allowed_participants,
)

from ..canvas.scene import JourneyScene
from ..editing.document import Change, JourneyDocument

SETTINGS_DOTS = "voting/dotsPerParticipant"
SETTINGS_PARTICIPANTS = "voting/participants"


class _BallotMarker(QUndoCommand):
    """A child of a vote's (or a reset's) undo step. It changes nothing in the library: its redo and undo change the
    ballots, so undoing a vote gives the participant the dot back and redoing it takes it again."""

    def __init__(self, session: VotingSession, changes: list[tuple[Ballot, int, int]]) -> None:
        super().__init__()
        self._session = session
        self._changes = changes
        """(ballot, card id, dots) to add on redo and take off on undo."""

    def _apply(self, sign: int) -> None:
        for ballot, card_id, dots in self._changes:
            ballot.add(card_id, sign * dots)
        if shiboken6.isValid(self._session):
            self._session._tally_changed()

    def redo(self) -> None:
        self._apply(1)

    def undo(self) -> None:
        self._apply(-1)


class VotingSession(QObject):
    """A round of dot voting on the open journey. Bind it to the canvas with `set_canvas`; `view` is the canvas'
    view (its pointer shows a hand while voting, and Esc on it stops voting)."""

    changed = Signal()
    """The round's state changed: started or stopped, participant, settings, tally, or the journey's votes."""
    notice = Signal(str)
    """A message for the facilitator (no dots left, the round is over...), also kept in `message`."""

    def __init__(
        self,
        view: QGraphicsView,
        parent: QObject | None = None,
        settings: Callable[[], QSettings] | None = None,
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._settings = settings
        """Where the dots per participant and the number of participants are remembered (None: nowhere)."""
        self._document: JourneyDocument | None = None
        self._scene: JourneyScene | None = None
        self._dots = self._stored(SETTINGS_DOTS, DEFAULT_DOTS, MAX_DOTS_EACH)
        self._participants = self._stored(SETTINGS_PARTICIPANTS, DEFAULT_PARTICIPANTS, MAX_PARTICIPANTS)
        self._active = False
        self._ballots: list[Ballot] = []
        self._drag_mode = view.dragMode()
        self._message = ""
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    # ------------------------------------------------------------------ state

    def _stored(self, key: str, default: int, limit: int) -> int:
        if self._settings is None:
            return default
        value = str(self._settings().value(key, default))
        return min(max(int(value), 1), limit) if value.isdigit() else default

    def _store(self, key: str, value: int) -> None:
        if self._settings is not None:
            self._settings().setValue(key, value)

    @property
    def document(self) -> JourneyDocument | None:
        return self._document

    @property
    def active(self) -> bool:
        """Whether clicks on cards are votes now."""
        return self._active

    @property
    def dots_per_participant(self) -> int:
        return self._dots

    def set_dots_per_participant(self, dots: int) -> None:
        """Also during a round: every participant's allowance changes (dots already given stay)."""
        dots = allowed_dots(dots)
        if dots != self._dots:
            self._dots = dots
            self._store(SETTINGS_DOTS, dots)
            self.changed.emit()

    @property
    def participants(self) -> int:
        return self._participants

    def set_participants(self, count: int) -> None:
        """How many take part; also during a round (never below the participant voting now)."""
        count = allowed_participants(count, self.participant)
        if count != self._participants:
            self._participants = count
            self._store(SETTINGS_PARTICIPANTS, count)
            self.changed.emit()

    @property
    def participant(self) -> int:
        """The number (from 1) of the participant voting now; 0 when no round has started."""
        return len(self._ballots)

    @property
    def ballots(self) -> list[Ballot]:
        """This round's ballots, the current participant's last (a copy of the list)."""
        return list(self._ballots)

    @property
    def ballot(self) -> Ballot | None:
        return self._ballots[-1] if self._active and self._ballots else None

    @property
    def dots_left(self) -> int:
        """The current participant's dots not yet given (0 when not voting)."""
        ballot = self.ballot
        return ballot.left(self._dots) if ballot is not None else 0

    @property
    def dots_used(self) -> int:
        """Dots given in this round by every participant so far."""
        return sum(b.used for b in self._ballots)

    @property
    def message(self) -> str:
        return self._message

    def _say(self, text: str) -> None:
        self._message = text
        if text:
            self.notice.emit(text)
        self.changed.emit()

    def _tally_changed(self) -> None:
        self.changed.emit()

    # ------------------------------------------------------------------ the canvas

    def set_canvas(self, document: JourneyDocument | None, scene: JourneyScene | None) -> None:
        """The journey on the canvas now (None: none). Opening another journey ends a round."""
        if document is self._document and scene is self._scene:
            return
        if self._active:
            self.stop(self.tr("Voting stopped: another journey was opened."))
        if self._document is not None:
            self._document.changed.disconnect(self._document_changed)
        self._document = document
        self._scene = scene
        if document is not None:
            document.changed.connect(self._document_changed)
        self.changed.emit()

    def _document_changed(self, _change: Change) -> None:
        self.changed.emit()

    # ------------------------------------------------------------------ the round

    def start(self) -> bool:
        """Start a round with participant 1; False when no journey is open (or a round runs already)."""
        if self._active or self._document is None or self._scene is None:
            return False
        self._active = True
        self._ballots = [Ballot(1)]
        for watched in (self._view, self._view.viewport()):  # first in line for Esc (before workshop mode's)
            watched.removeEventFilter(self)
            watched.installEventFilter(self)
        self._scene.clearSelection()  # a stray Delete key cannot remove a card clicked on while voting
        self._scene.card_click_handler = self.click
        self._drag_mode = self._view.dragMode()
        self._view.setDragMode(QGraphicsView.DragMode.NoDrag)  # no rubber band selection while voting
        self._view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self._say(self.tr("Voting started. Participant 1: click the cards that matter most to you."))
        return True

    def stop(self, message: str | None = None) -> None:
        """End the round: clicks select and drag cards again. The votes stay on the cards."""
        if not self._active:
            return
        self._active = False
        if self._scene is not None:
            self._scene.card_click_handler = None
        self._view.setDragMode(self._drag_mode)
        self._view.viewport().unsetCursor()
        if message is None:
            message = self.tr("Voting stopped. {0}.").format(used_text(self))
        self._say(message)

    def next_participant(self) -> bool:
        """Hand a full set of dots to the next participant; after the last one the round ends."""
        if not self._active:
            return False
        if self.participant >= self._participants:
            self.stop(
                self.tr("Everyone has voted. {0}; the most voted cards are listed in the Voting panel.").format(
                    used_text(self)
                )
            )
            return False
        self._ballots.append(Ballot(self.participant + 1))
        if self._dots == 1:
            self._say(self.tr("Participant {0}: your turn, you have 1 dot.").format(self.participant))
        else:
            self._say(self.tr("Participant {0}: your turn, you have {1} dots.").format(self.participant, self._dots))
        return True

    def click(self, card_id: int, button: Qt.MouseButton, modifiers: Qt.KeyboardModifier) -> bool:
        """The canvas' card click handler while voting: left-click votes, right-click or Ctrl+click takes back."""
        if not self._active:
            return False
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if button == Qt.MouseButton.RightButton or (button == Qt.MouseButton.LeftButton and ctrl):
            self.take_back(card_id)
            return True
        if button == Qt.MouseButton.LeftButton:
            self.vote(card_id)
            return True
        return False

    def _card(self, card_id: int) -> Touchpoint | None:
        if self._document is None:
            return None
        try:
            return self._document.journey.touchpoint(card_id)
        except KeyError:
            return None

    def vote(self, card_id: int) -> bool:
        """Put one of the current participant's dots on a card (one undo step)."""
        document, ballot, card = self._document, self.ballot, self._card(card_id)
        if document is None or ballot is None or card is None:
            return False
        if self.dots_left <= 0:
            self._say(
                self.tr("No dots left for participant {0}. Click “{1}” to go on.").format(
                    ballot.participant, next_button_text(self)
                )
            )
            return False
        if card.votes >= MAX_VOTES:
            self._say(self.tr("This card has the most votes a card can hold."))
            return False
        with document.macro(self.tr("Vote for card {0}").format(quoted(card.title))):
            if not document.update_touchpoint(card_id, votes=card.votes + 1):
                return False
            document.undo_stack.push(_BallotMarker(self, [(ballot, card_id, 1)]))
        if self.dots_left == 0:
            self._say(
                self.tr("Participant {0} has used all their dots. Click “{1}” to go on.").format(
                    ballot.participant, next_button_text(self)
                )
            )
        else:
            self._say("")
        return True

    def take_back(self, card_id: int) -> bool:
        """Take one of the current participant's dots back off a card (one undo step)."""
        document, ballot, card = self._document, self.ballot, self._card(card_id)
        if document is None or ballot is None or card is None:
            return False
        if ballot.given.get(card_id, 0) <= 0 or card.votes <= 0:
            self._say(self.tr("Participant {0} has no dot on this card to take back.").format(ballot.participant))
            return False
        with document.macro(self.tr("Take back a vote from card {0}").format(quoted(card.title))):
            if not document.update_touchpoint(card_id, votes=card.votes - 1):
                return False
            document.undo_stack.push(_BallotMarker(self, [(ballot, card_id, -1)]))
        self._say("")
        return True

    def voted_cards(self) -> list[Touchpoint]:
        """Every card with votes on the open journey."""
        return [t for t in self._document.journey.touchpoints if t.votes > 0] if self._document is not None else []

    def reset_votes(self) -> bool:
        """Take every vote off every card, as one undo step (ask first: see `VotingPanel.confirm_reset`). The round's
        tallies start again too; undo brings the votes and the tallies back."""
        document = self._document
        cards = self.voted_cards()
        if document is None or not cards:
            return False
        with document.macro(self.tr("Reset votes")):
            done = document.update_touchpoints([card.id for card in cards], votes=0)
            if done:
                given = [(b, card_id, -dots) for b in self._ballots for card_id, dots in b.given.items()]
                document.undo_stack.push(_BallotMarker(self, given))
        if done:
            self._say(self.tr("All votes were taken off the cards. Edit › Undo brings them back."))
        return done

    # ------------------------------------------------------------------ Esc on the canvas

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            self._active
            and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and not (self._scene is not None and self._scene.editor.active)
        ):
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.stop()
            return True
        return super().eventFilter(watched, event)


# ---------------------------------------------------------------------- widgets


def dots_left_text(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("Voting", "1 dot left")
    return QCoreApplication.translate("Voting", "{0} dots left").format(count)


def participant_text(session: VotingSession) -> str:
    return QCoreApplication.translate("Voting", "Participant {0} of {1}").format(
        session.participant, session.participants
    )


def used_text(session: VotingSession) -> str:
    if session.dots_used == 1:
        return QCoreApplication.translate("Voting", "1 dot used in this round")
    return QCoreApplication.translate("Voting", "{0} dots used in this round").format(session.dots_used)


def next_button_text(session: VotingSession) -> str:
    """What the voting bar's next button says (and the messages that name it): Finish Voting for the last
    participant, Next Participant before."""
    if session.participant >= session.participants:
        return QCoreApplication.translate("Voting", "Finish Voting")
    return QCoreApplication.translate("Voting", "Next Participant")
