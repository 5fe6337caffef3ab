"""The Comments panel (a dock, tabbed like the others): the open journey's open comments, card by card in the map's
order (each comment followed by its open replies), with "Show resolved" for every one. Clicking a comment, or Enter
on it, shows its card on the canvas and selects it (`card_chosen`); the list follows every change of the journey
(undo, redo, a teammate's comment on a team library)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from cjmapper.model import Comment, Journey

from ..editing.document import Change, JourneyDocument
from .comment_thread import local_time

CARD_ROLE = Qt.ItemDataRole.UserRole
"""An item's card id."""
COMMENT_ROLE = Qt.ItemDataRole.UserRole + 1
"""An item's comment id."""


class CommentsPanel(QWidget):
    card_chosen = Signal(int)
    """A comment was clicked or Enter pressed on it: show its card on the canvas and select it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentsPanel")
        self._document: JourneyDocument | None = None
        self._shown: tuple[object, ...] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.show_resolved = QCheckBox(self.tr("Show &resolved"), self)
        self.show_resolved.setObjectName("showResolved")
        self.list = QListWidget(self)
        self.list.setObjectName("commentList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.show_resolved)
        layout.addWidget(self.list, 1)
        self.show_resolved.toggled.connect(lambda _: self.refresh(force=True))
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)  # Enter (and a double-click)
        self.refresh()

    def set_document(self, document: JourneyDocument | None) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._changed)
        self._document = document
        if document is not None:
            document.changed.connect(self._changed)
        self.refresh(force=True)

    def _changed(self, _change: Change) -> None:
        self.refresh()

    def refresh(self, *, force: bool = False) -> None:
        """List the journey's comments again (only when they, or the cards' titles, changed)."""
        journey = self._document.journey if self._document is not None else None
        rows = _rows(journey, self.show_resolved.isChecked()) if journey is not None else []
        key = tuple(rows)
        if key == self._shown and not force:
            return
        self._shown = key
        current = self.list.currentItem()
        kept = current.data(COMMENT_ROLE) if current is not None else None
        self.list.clear()
        for card_id, title, comment in rows:
            state = self.tr(" (resolved)") if comment.resolved else ""
            first = comment.text.splitlines()[0] if comment.text else ""
            said = f"{comment.author}, {local_time(comment)}{state}: {first}"
            # A comment under its card's title; a reply, indented, under the comment it answers.
            item = QListWidgetItem(f"{title}\n{said}" if comment.parent_id is None else f"    ↳ {said}")
            item.setToolTip(comment.text)
            item.setData(CARD_ROLE, card_id)
            item.setData(COMMENT_ROLE, comment.id)
            self.list.addItem(item)
            if comment.id == kept:
                self.list.setCurrentItem(item)
        open_count = len(journey.unresolved()) if journey is not None else 0
        if journey is None:
            self.summary.setText(self.tr("No journey is open."))
        elif open_count:
            many = self.tr("{0} open comments") if open_count != 1 else self.tr("{0} open comment")
            self.summary.setText(many.format(open_count))
        else:
            self.summary.setText(self.tr("No open comments. Right-click a card and choose Add Comment… to add one."))

    def _chosen(self, item: QListWidgetItem) -> None:
        self.card_chosen.emit(int(item.data(CARD_ROLE)))


def _rows(journey: Journey, every: bool) -> list[tuple[int, str, Comment]]:
    """(card id, card title, comment) of each comment shown, in the map's order."""
    shown = {c.id for c in (journey.comments if every else journey.unresolved())}
    rows: list[tuple[int, str, Comment]] = []
    if not shown:
        return rows
    threads = journey.threads()
    for card in journey.ordered_touchpoints():
        rows += [(card.id, card.title, c) for c in threads.get(card.id, ()) if c.id in shown]
    return rows
