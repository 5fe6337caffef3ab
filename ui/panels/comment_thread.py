"""A card's comments in the properties panel: its thread (each comment with its replies, author and local time, a
Reply and a Resolve or Reopen button), and a text box with Add (Ctrl+Enter) for a new comment, or for a reply once
Reply was pressed. Every edit goes through the `JourneyDocument`, one undo step each, signed with the name from
Preferences (`ui.comment_author`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cjmapper.model import MAX_TEXT, Comment

from ..comment_author import comment_author
from ..editing.document import JourneyDocument
from .field_editors import plain_text


def local_time(comment: Comment) -> str:
    """When the comment was written, in the computer's time zone ("2026-03-01 10:30")."""
    return comment.created.astimezone().strftime("%Y-%m-%d %H:%M")


class CommentEntry(QFrame):
    """One comment or reply of the thread: who and when, the text, and its buttons."""

    def __init__(self, comment: Comment, parent: QWidget) -> None:
        super().__init__(parent)
        self.comment = comment
        self.setObjectName("commentEntry")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16 if comment.parent_id is not None else 4, 4, 4, 4)
        layout.setSpacing(2)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        state = self.tr(" · resolved") if comment.resolved else ""
        self.header.setText(f"{comment.author or self.tr('(no name)')} · {local_time(comment)}{state}")
        font = QFont(self.header.font())
        font.setBold(True)
        self.header.setFont(font)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a comment's text is never read as markup
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setText(comment.text)
        if comment.resolved:
            self.text.setEnabled(False)
        buttons = QHBoxLayout()
        self.reply_button = QPushButton(self.tr("Reply"), self)
        self.reply_button.setObjectName("replyButton")
        self.resolve_button = QPushButton(self.tr("Reopen") if comment.resolved else self.tr("Resolve"), self)
        self.resolve_button.setObjectName("resolveButton")
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("deleteCommentButton")
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addWidget(self.header)
        layout.addWidget(self.text)
        layout.addLayout(buttons)


class CommentThread(QWidget):
    """The shown card's comments (`show_thread`), with the box to add one or reply."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentThread")
        self._document: JourneyDocument | None = None
        self.card_id = 0
        self.reply_to: Comment | None = None
        self._shown: tuple[Comment, ...] | None = None
        self.entries: list[CommentEntry] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self._list = QVBoxLayout()
        self._list.setSpacing(4)
        self.replying = QLabel(self)
        self.replying.setTextFormat(Qt.TextFormat.PlainText)
        self.replying.setWordWrap(True)
        self.text_box = plain_text(self, 3)
        self.text_box.setObjectName("commentText")
        self.text_box.setPlaceholderText(self.tr("Write a comment…"))
        self.add_button = QPushButton(self.tr("&Add Comment"), self)
        self.add_button.setObjectName("addCommentButton")
        self.add_button.setToolTip(self.tr("Add the comment (Ctrl+Enter)"))
        self.cancel_button = QPushButton(self.tr("Cancel Reply"), self)
        self.cancel_button.setObjectName("cancelReplyButton")
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        layout.addWidget(self.heading)
        layout.addLayout(self._list)
        layout.addWidget(self.replying)
        layout.addWidget(self.text_box)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add)
        self.cancel_button.clicked.connect(lambda: self.set_reply(None))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.text_box)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.add)
        self.set_reply(None)

    def show_thread(self, document: JourneyDocument | None, card_id: int) -> None:
        """Show the comments of card `card_id` of `document` (again only when they changed)."""
        if document is not self._document or card_id != self.card_id:
            self.set_reply(None)
            self.text_box.clear()
            self._shown = None
        self._document = document
        self.card_id = card_id
        thread = tuple(document.journey.thread(card_id)) if document is not None else ()
        if thread == self._shown:
            return
        self._shown = thread
        for entry in self.entries:
            self._list.removeWidget(entry)
            entry.hide()
            entry.deleteLater()
        self.entries = []
        for comment in thread:
            entry = CommentEntry(comment, self)
            entry.reply_button.clicked.connect(lambda _=False, c=comment: self.set_reply(c))
            entry.resolve_button.clicked.connect(lambda _=False, c=comment: self.resolve(c))
            entry.delete_button.clicked.connect(lambda _=False, c=comment: self.delete(c))
            self._list.addWidget(entry)
            self.entries.append(entry)
        count = document.journey.open_comments().get(card_id, 0) if document else 0
        self.heading.setText(self.tr("Comments ({0} open)").format(count) if thread else self.tr("Comments"))
        if self.reply_to is not None and self.reply_to.id not in {c.id for c in thread}:
            self.set_reply(None)

    def set_reply(self, comment: Comment | None) -> None:
        """Make the text box answer `comment` (its thread's comment, for a reply), or (None) add a new comment."""
        if comment is not None and comment.parent_id is not None and self._document is not None:
            comment = next((c for c in self._document.journey.comments if c.id == comment.parent_id), comment)
        self.reply_to = comment
        self.replying.setVisible(comment is not None)
        self.cancel_button.setVisible(comment is not None)
        if comment is not None:
            self.replying.setText(self.tr("Reply to {0}:").format(comment.author or self.tr("(no name)")))
            self.add_button.setText(self.tr("&Reply"))
            self.text_box.setFocus()
        else:
            self.add_button.setText(self.tr("&Add Comment"))

    def add(self) -> None:
        """Add what the text box holds as a comment on the card (or a reply); nothing for an empty box."""
        text = self.text_box.toPlainText().strip()
        if not text or self._document is None:
            return
        if len(text) > MAX_TEXT:
            self.replying.setVisible(True)
            self.replying.setText(self.tr("A comment holds at most {0} characters.").format(MAX_TEXT))
            return
        parent = self.reply_to.id if self.reply_to is not None else None
        if self._document.add_comment(self.card_id, comment_author(), text, parent):
            self.text_box.clear()
            self.set_reply(None)

    def resolve(self, comment: Comment) -> None:
        if self._document is not None:
            self._document.resolve_comment(self.card_id, comment.id, not comment.resolved)

    def delete(self, comment: Comment) -> None:
        if self._document is not None:
            self._document.delete_comment(self.card_id, comment.id)
