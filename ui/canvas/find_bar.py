"""The find bar (Ctrl+F): finds the open journey's cards by text as the user types, rings every hit on the canvas,
selects the current one and brings it into view; Enter and F3 step to the next hit, Shift+Enter and Shift+F3 to the
previous one, Esc closes the bar and takes the rings away.

The text is matched by `cjmapper.find` (title, notes, owner, channel, expectation; case and accents left out), in the
map's order (phase, lane, place in the cell), from an index kept per journey, folded again only for the cards an edit
replaced: a keystroke is one substring scan. An edit while the bar is open finds again (the current hit stays current
while it still matches) without moving the view.

The window puts the bar in the row above the canvas (`ui.workshop.overlay_row`), so it never covers the map's
headers; `set_scene` follows the journey shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from cjmapper.editing import Change
from cjmapper.find import CardIndex

from .scene import JourneyScene
from .view import JourneyView


class FindBar(QFrame):
    """The find bar over `view`'s journey (see the module's docstring)."""

    closed = Signal()

    def __init__(self, view: JourneyView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.view = view
        self.scene: JourneyScene | None = None
        self.hits: list[int] = []
        self.current = -1
        """The index in `hits` of the current hit (-1: none)."""
        self._indexes: dict[int, CardIndex] = {}
        """A card index per journey id (kept while the window lives: switching back finds at once)."""

        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find cards: title, notes, owner, channel"))
        self.field.setAccessibleName(self.tr("Find cards"))
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(220)
        self.field.textChanged.connect(lambda _text: self.find_again(move=True))
        self.field.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(80)
        self.previous_button = self._button(
            "findPrevious", Qt.ArrowType.UpArrow, self.tr("Previous card (Shift+Enter)")
        )
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = self._button("findNext", Qt.ArrowType.DownArrow, self.tr("Next card (Enter)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("findClose")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close the find bar (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close the find bar"))
        self.close_button.clicked.connect(self.close_bar)

        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(6)
        label = QLabel(self.tr("Find:"), self)
        label.setBuddy(self.field)
        row.addWidget(label)
        row.addWidget(self.field, 1)
        row.addWidget(self.count)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addStretch(0)
        row.addWidget(self.close_button)
        self.setMaximumWidth(640)
        self.hide()

    def _button(self, name: str, arrow: Qt.ArrowType, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setArrowType(arrow)
        button.setAutoRaise(True)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    # ------------------------------------------------------------------ the journey shown

    def set_scene(self, scene: JourneyScene | None) -> None:
        """Find in `scene`'s journey from now on (None: no journey shown); the old one loses its rings."""
        if scene is self.scene:
            return
        if self.scene is not None:
            self.scene.set_found([])
            self.scene.document.changed.disconnect(self._document_changed)
        self.scene = scene
        self.hits, self.current = [], -1
        if scene is not None:
            scene.document.changed.connect(self._document_changed)
        if self.isVisible():
            self.find_again(move=False)
        else:
            self._show_count()

    def _document_changed(self, _change: Change) -> None:
        if self.isVisible() and self.field.text():
            self.find_again(move=False)

    # ------------------------------------------------------------------ opening, closing

    def open_bar(self) -> None:
        """Show the bar (Ctrl+F) with its text selected, so typing replaces it; the hits are ringed again."""
        was_shown = self.isVisible()
        self.show()
        if self.scene is not None:  # the index made now, not on the first keystroke
            self._index(self.scene).refresh(self.scene.document.journey)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if not was_shown:
            self.find_again(move=True)

    def close_bar(self) -> None:
        """Hide the bar and take the rings away; the current hit stays selected, the canvas gets the keys."""
        if self.scene is not None:
            self.scene.set_found([])
        self.hide()
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.field and event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                event.accept()  # the field's keys, not a window shortcut's (workshop mode's Esc)
                return True
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return False

    # ------------------------------------------------------------------ finding

    def find_again(self, *, move: bool) -> None:
        """Find the field's text again: `move`, show the first hit (typing); else keep the current hit current while
        it still matches, or the next one in the map's order, without moving the view (after an edit)."""
        scene = self.scene
        text = self.field.text()
        if scene is None or not text or not self.isVisible():
            self.hits, self.current = [], -1
            if scene is not None:
                scene.set_found([])
            self._show_count()
            return
        journey = scene.document.journey
        index = self._index(scene)
        was = self.hits[self.current] if 0 <= self.current < len(self.hits) else None
        hits = index.find(journey, text)
        self.hits = hits
        if not hits:
            self.current = -1
        elif move or was is None:
            self.current = 0
        elif was in hits:
            self.current = hits.index(was)
        else:
            self.current = min(self.current, len(hits) - 1)
        scene.set_found(hits, self.current_id)
        self._show_count()
        if move and hits:
            self._show_current()

    def _index(self, scene: JourneyScene) -> CardIndex:
        return self._indexes.setdefault(scene.document.journey_id, CardIndex())

    def step(self, by: int) -> None:
        """The next (`by` = 1) or previous (-1) hit, round the end; the bar opens when it is closed (F3)."""
        if not self.isVisible():
            self.open_bar()
        if not self.hits:
            return
        self.current = (self.current + by) % len(self.hits)
        if self.scene is not None:
            self.scene.set_found(self.hits, self.current_id)
        self._show_count()
        self._show_current()

    @property
    def current_id(self) -> int | None:
        """The current hit's card id."""
        return self.hits[self.current] if 0 <= self.current < len(self.hits) else None

    def _show_count(self) -> None:
        if not self.field.text() or self.scene is None:
            self.count.setText("")
        elif not self.hits:
            self.count.setText(self.tr("No cards"))
        else:
            self.count.setText(self.tr("Card {0} of {1}").format(self.current + 1, len(self.hits)))
        for button in (self.previous_button, self.next_button):
            button.setEnabled(len(self.hits) > 0)

    def _show_current(self) -> None:
        """Select the current hit and bring it into view: centred when it is not wholly in sight below and right of
        the sticky headers."""
        scene, card_id = self.scene, self.current_id
        if scene is None or card_id is None:
            return
        scene.select_ids([card_id])
        item = scene.card_item(card_id)
        if item is None:
            return
        card = item.mapRectToScene(item.card_rect())
        view = self.view
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        m = scene.metrics
        free = shown.adjusted(m.lane_header_width, m.phase_header_height, 0, 0)  # the headers stick to the edges
        if not free.contains(card):
            centre = card.center()
            # Half the headers' room added, so the card is centred in what the headers leave free.
            view.centerOn(QPointF(centre.x() - m.lane_header_width / 2, centre.y() - m.phase_header_height / 2))
