"""The persona strip above the canvas, and the Persona dialog it opens.

The strip shows whom the journey is about: the persona's name in bold and the short description on the first line,
the goals and frustrations on the second, each cut with "…" to the width, their labels too, so that no text lands on
another however narrow the strip (the whole text is in the tooltip; `segment_boxes` is where each piece goes). It is
drawn in a larger type than the panels, for a projector. With no persona it is one thin line, "Add a persona".
It follows the document live (`JourneyDocument.changed`), so typing in the Properties panel shows here at once.

A chip's context menu (right click, or the menu key or Shift+F10 for the current persona; Left and Right choose it)
moves, recolours or removes a persona (`persona_menu.PersonaMenu`). A click on the strip (or Enter when it has
focus) opens the `PersonaDialog`; OK writes the persona with one
`update_journey` call, so the whole edit is one undo step. `set_editable(False)` (workshop mode locks the journey's
fields) makes the strip read-only and hides it when there is no persona.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QEnterEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QDialog,
    QSizePolicy,
    QToolTip,
    QWidget,
)

from cjmapper.model import MAX_PERSONAS, Persona, persona_colour

from ..canvas.theme import current_theme, scheme_watch
from ..dialogs.persona_dialog import PersonaDialog
from ..editing.document import Change, ChangeKind, JourneyDocument
from ..plain_text import plain_tooltip
from .persona_menu import PersonaMenu

AVATAR = QColor("#5b6b8c")
"""The initials' circle (white initials; reads on a light and a dark strip)."""
TYPE_SCALE = 1.15
"""The strip's text against the application font: larger, for a projector."""
NAME_SCALE = 1.3
PADDING = 6.0
PADDING_INT = 6
GAP = 18.0


def one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Segment:
    """One piece of text as the strip draws it (already elided)."""

    text: str
    x: float
    row: int
    kind: str
    """"name", "label" (Goals:, Frustrations:), "text" or "link"."""


class PersonaStrip(QWidget):
    """The journey's persona above the canvas. Bind it with `set_document`."""

    current_changed = Signal(int)
    """The index of the persona chosen as the current one (its chip clicked, or one added)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personaStrip")
        self._document: JourneyDocument | None = None
        self._persona: Persona | None = None
        self.current = 0
        """The index of the persona shown and chosen as the current one (the properties panel edits its score)."""
        self._current_id: int | None = None
        """The current persona's id: she stays the current one when the personas move (a move, its undo)."""
        self._personas: list[tuple[str, str]] = []
        """Each persona's name and colour, in order."""
        self._editable = True
        self._hovered = False
        self.dialog: PersonaDialog | None = None
        """The open Persona dialog, if any."""
        self.menu: PersonaMenu | None = None
        """The last context menu opened on a persona (its chip's or the strip's)."""
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self._update_fonts()
        self._refresh()
        scheme_watch().changed.connect(self.update)  # drawn in the canvas' colours (`ui.canvas.theme`)

    # ------------------------------------------------------------------ state

    def set_document(self, document: JourneyDocument | None) -> None:
        """Show `document`'s persona (None: nothing is open, the strip hides)."""
        if document is self._document:
            self._refresh()
            return
        if self._document is not None and shiboken6.isValid(self._document):
            self._document.changed.disconnect(self._document_changed)
        self._document = document
        self._current_id = None
        if self.current:
            self.current = 0
            self.current_changed.emit(0)
        if document is not None:
            document.changed.connect(self._document_changed)
        self._close_dialog()
        self._refresh()

    def set_editable(self, editable: bool) -> None:
        """False: a click does not open the dialog, and the strip hides when there is no persona."""
        if editable != self._editable:
            self._editable = editable
            if not editable:
                self._close_dialog()
            self._refresh()

    @property
    def editable(self) -> bool:
        return self._editable

    @property
    def persona(self) -> Persona | None:
        return self._persona

    def _document_changed(self, change: Change) -> None:
        if change.kind is not ChangeKind.CARDS:
            self._refresh()

    def _refresh(self) -> None:
        document = self._document
        personas = document.journey.personas if document is not None else []
        current = self.current
        ids = [p.id for p in personas]
        if self._current_id in ids:
            self.current = ids.index(self._current_id)
        self.current = max(0, min(self.current, len(personas) - 1))
        self._current_id = ids[self.current] if personas else None
        if self.current != current:
            self.current_changed.emit(self.current)
        self._personas = (
            list(zip((p.name for p in personas), document.journey.persona_colours(), strict=True))
            if (document is not None)
            else []
        )
        persona = personas[self.current] if personas else None
        self._persona = replace(persona) if persona is not None else None
        self.setVisible(document is not None and (persona is not None or self._editable))
        self.setCursor(Qt.CursorShape.PointingHandCursor if self._editable else Qt.CursorShape.ArrowCursor)
        tip = self.full_text()
        if self._editable:
            hint = self.tr("Click to edit the persona.") if persona is not None else self.tr("Click to add a persona.")
            tip = f"{tip}\n\n{hint}" if persona is not None else hint
        self.setToolTip(plain_tooltip(tip))
        self.setAccessibleName(self.tr("Persona"))
        self.setAccessibleDescription(self.full_text())
        self.updateGeometry()
        self.update()

    def full_text(self) -> str:
        """Everything the strip shows, uncut: name, description, goals and frustrations."""
        persona = self._persona
        if persona is None:
            return self.tr("No persona")
        parts = [one_line(persona.name)]
        if persona.description.strip():
            parts.append(one_line(persona.description))
        if persona.goals.strip():
            parts.append(self.tr("Goals: {0}").format(one_line(persona.goals)))
        if persona.frustrations.strip():
            parts.append(self.tr("Frustrations: {0}").format(one_line(persona.frustrations)))
        return "\n".join(parts)

    # ------------------------------------------------------------------ geometry and drawing

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:
            self._update_fonts()
            self.updateGeometry()
        super().changeEvent(event)

    def _update_fonts(self) -> None:
        base = QFont(self.font())
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        self._text_font = QFont(base)
        self._text_font.setPointSizeF(size * TYPE_SCALE)
        self._label_font = QFont(self._text_font)
        self._label_font.setBold(True)
        self._name_font = QFont(base)
        self._name_font.setPointSizeF(size * NAME_SCALE)
        self._name_font.setBold(True)

    def _rows(self) -> int:
        persona = self._persona
        if persona is None:
            return 1
        return 2 if persona.goals.strip() or persona.frustrations.strip() else 1

    def _row_height(self, row: int) -> float:
        font = self._name_font if row == 0 and self._persona is not None else self._text_font
        return QFontMetricsF(font).height() + 2

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        height = sum(self._row_height(r) for r in range(self._rows())) + 2 * PADDING + 1
        return QSize(400, int(height + 0.999))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(100, self.sizeHint().height())

    def _avatar_diameter(self) -> float:
        return sum(self._row_height(r) for r in range(self._rows())) - 2

    def segments(self, width: float | None = None) -> list[Segment]:
        """What the strip draws at `width` (default: its width): each piece of text as elided."""
        width = float(self.width()) if width is None else width
        persona = self._persona
        x0 = PADDING + 6
        right = width - PADDING - 6
        if persona is None:
            text = self.tr("+ Add a persona: who walks this journey?")
            return [
                Segment(
                    QFontMetricsF(self._text_font).elidedText(text, Qt.TextElideMode.ElideRight, right - x0),
                    x0,
                    0,
                    "link",
                )
            ]
        if self._editable:
            right -= QFontMetricsF(self._text_font).horizontalAdvance("✎") + 8
        chips = self.chip_boxes(width)
        if chips:
            right = min(box.left() for _, box in chips) - 10
        x0 += self._avatar_diameter() + 10
        available = max(0.0, right - x0)
        found: list[Segment] = []
        name_metrics = QFontMetricsF(self._name_font)
        name = name_metrics.elidedText(one_line(persona.name), Qt.TextElideMode.ElideRight, available * 0.5)
        found.append(Segment(name, x0, 0, "name"))
        description = one_line(persona.description)
        if description:
            x = x0 + name_metrics.horizontalAdvance(name) + 12
            text_metrics = QFontMetricsF(self._text_font)
            shown = text_metrics.elidedText(description, Qt.TextElideMode.ElideRight, max(0.0, right - x))
            if shown:
                found.append(Segment(shown, x, 0, "text"))
        fields = [
            (self.tr("Goals:"), one_line(persona.goals)),
            (self.tr("Frustrations:"), one_line(persona.frustrations)),
        ]
        fields = [(label, text) for label, text in fields if text]
        if fields:
            share = (available - GAP * (len(fields) - 1)) / len(fields)
            label_metrics = QFontMetricsF(self._label_font)
            text_metrics = QFontMetricsF(self._text_font)
            x = x0
            for label, text in fields:
                # A narrow strip cuts the label too, so that the next field's label never lands on this one.
                label = label_metrics.elidedText(label, Qt.TextElideMode.ElideRight, max(0.0, share))
                if not label:
                    break
                label_width = label_metrics.horizontalAdvance(label)
                found.append(Segment(label, x, 1, "label"))
                room = share - label_width - 6
                shown = text_metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, room))
                if shown:
                    found.append(Segment(shown, x + label_width + 6, 1, "text"))
                x += share + GAP
        return found

    def chip_boxes(self, width: float | None = None) -> list[tuple[int, QRectF]]:
        """The personas' chips at the right, each with its persona's index (-1: the chip that adds a persona), shown
        when the journey has a persona and there is another to choose or one to add."""
        if self._persona is None or (len(self._personas) < 2 and not self._editable):
            return []
        width = float(self.width()) if width is None else width
        size = self._row_height(0) - 2
        right = width - PADDING - 6
        if self._editable:
            right -= QFontMetricsF(self._text_font).horizontalAdvance("✎") + 8
        indices = list(range(len(self._personas)))
        if self._editable and len(self._personas) < MAX_PERSONAS:
            indices.append(-1)
        boxes = []
        x = right - len(indices) * (size + 4)
        for index in indices:
            boxes.append((index, QRectF(x, PADDING + 1, size, size)))
            x += size + 4
        return boxes

    def choose(self, index: int) -> None:
        """Make the persona at `index` the current one."""
        if 0 <= index < len(self._personas) and index != self.current:
            self.current = index
            self._current_id = None
            self._refresh()
            self.current_changed.emit(index)

    def current_persona_id(self) -> int | None:
        """The current persona's id (None: the journey has none)."""
        document = self._document
        if document is None or not document.journey.personas:
            return None
        return document.journey.personas[self.current].id

    def _fonts(self) -> dict[str, QFont]:
        return {"name": self._name_font, "label": self._label_font, "text": self._text_font, "link": self._text_font}

    def segment_boxes(self) -> list[tuple[Segment, QRectF]]:
        """Each piece of text drawn now with the box it takes in the strip (its advance by the row's height)."""
        tops = [PADDING]
        for row in range(self._rows() - 1):
            tops.append(tops[-1] + self._row_height(row))
        fonts = self._fonts()
        return [
            (
                segment,
                QRectF(
                    segment.x,
                    tops[segment.row],
                    QFontMetricsF(fonts[segment.kind]).horizontalAdvance(segment.text),
                    self._row_height(segment.row),
                ),
            )
            for segment in self.segments()
        ]

    def shown_text(self) -> str:
        """The text drawn now, one line per row (for tests and screen readers)."""
        rows: dict[int, list[str]] = {}
        for segment in self.segments():
            rows.setdefault(segment.row, []).append(segment.text)
        return "\n".join(" ".join(parts) for _, parts in sorted(rows.items()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(self.rect())
        theme = current_theme()
        painter.fillRect(rect, theme.persona_hover if self._hovered and self._editable else theme.persona_background)
        painter.setPen(QPen(theme.persona_border, 1.0))
        painter.drawLine(QPointF(0, rect.bottom() - 0.5), QPointF(rect.right(), rect.bottom() - 0.5))
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -2))
        persona = self._persona
        if persona is not None:
            diameter = self._avatar_diameter()
            circle = QRectF(PADDING + 6, PADDING + 1, diameter, diameter)
            painter.setPen(Qt.PenStyle.NoPen)
            several = len(self._personas) > 1
            painter.setBrush(QColor(self._personas[self.current][1]) if several else AVATAR)
            painter.drawEllipse(circle)
            initials = "".join(word[0] for word in one_line(persona.name).replace(",", " ").split()[:2]).upper()
            font = QFont(self._label_font)
            font.setPointSizeF(max(6.0, self._label_font.pointSizeF() * (0.9 if len(initials) > 1 else 1.1)))
            painter.setFont(font)
            painter.setPen(QColor("white"))
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, initials)
        fonts = self._fonts()
        inks = {"name": theme.ink, "label": theme.ink, "text": theme.muted_ink, "link": theme.link}
        for segment, box in self.segment_boxes():
            font = fonts[segment.kind]
            painter.setFont(font)
            painter.setPen(inks[segment.kind])
            metrics = QFontMetricsF(font)
            baseline = box.top() + (box.height() - metrics.height()) / 2 + metrics.ascent()
            painter.drawText(QPointF(box.left(), baseline), segment.text)
        for index, box in self.chip_boxes():
            if index < 0:
                painter.setPen(QPen(theme.muted_ink, 1.2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(box.adjusted(1, 1, -1, -1))
                painter.setFont(self._label_font)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "+")
                continue
            name, colour = self._personas[index]
            painter.setPen(QPen(theme.ink, 2.0) if index == self.current else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawEllipse(box.adjusted(1, 1, -1, -1))
            letters = "".join(word[0] for word in one_line(name).replace(",", " ").split()[:1]).upper()
            painter.setFont(self._label_font)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letters)
        if persona is not None and self._editable:
            painter.setFont(self._text_font)
            painter.setPen(theme.muted_ink if not self._hovered else theme.ink)
            metrics = QFontMetricsF(self._text_font)
            painter.drawText(
                QPointF(rect.right() - PADDING - 6 - metrics.horizontalAdvance("✎"), PADDING + metrics.ascent()), "✎"
            )
        painter.end()

    # ------------------------------------------------------------------ interaction

    def event(self, event: QEvent) -> bool:
        """A chip's tooltip names its persona (or says the + chip adds one)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            for index, box in self.chip_boxes():
                if box.contains(QPointF(event.pos())):
                    text = self.tr("Add a persona") if index < 0 else self.chip_tip(index)
                    QToolTip.showText(event.globalPos(), plain_tooltip(text), self)
                    return True
        return super().event(event)

    def chip_tip(self, index: int) -> str:
        """A persona chip's tooltip: its name, and whether it is the current one."""
        name = one_line(self._personas[index][0])
        if index == self.current:
            return self.tr("{0} (current persona: the properties panel edits her or his scores)").format(name)
        return self.tr("{0}: click to make this the current persona").format(name)

    def enterEvent(self, event: QEnterEvent) -> None:  # noqa: N802 - Qt's name
        self._hovered = True
        self.update()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        self._hovered = False
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        inside = self.rect().contains(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and inside:
            for index, box in self.chip_boxes():
                if box.contains(event.position()):
                    if index < 0:
                        self.add_persona()
                    else:
                        self.choose(index)
                    event.accept()
                    return
        if event.button() == Qt.MouseButton.LeftButton and inside and self.edit_persona():
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.edit_persona():
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and len(self._personas) > 1:
            self.choose(self.current + (1 if event.key() == Qt.Key.Key_Right else -1))
            event.accept()
            return
        shift_f10 = event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        if (shift_f10 or event.key() == Qt.Key.Key_Menu) and self.open_menu(self.current) is not None:
            event.accept()
            return
        super().keyPressEvent(event)

    def _chip_point(self, index: int) -> QPoint:
        for i, box in self.chip_boxes():
            if i == index:
                return box.bottomLeft().toPoint()
        return QPoint(PADDING_INT, self.height())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        """A chip's menu for its persona; elsewhere on the strip (and from the keyboard) the current persona's."""
        index = self.current
        position = event.globalPos()
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            for i, box in self.chip_boxes():
                if box.contains(QPointF(event.pos())):
                    index = i
        else:
            position = self.mapToGlobal(self._chip_point(index))
        if index >= 0 and self.open_menu(index, position) is not None:
            event.accept()
            return
        super().contextMenuEvent(event)

    def open_menu(self, index: int, position: QPoint | None = None) -> PersonaMenu | None:
        """Show the context menu of the persona at `index` (not blocking); None when the strip is read-only or
        there is no such persona."""
        document = self._document
        if document is None or not self._editable or not 0 <= index < len(document.journey.personas):
            return None
        if self.menu is not None and shiboken6.isValid(self.menu):
            self.menu.deleteLater()
        menu = PersonaMenu(document, index, self)
        self.menu = menu
        menu.popup(position if position is not None else self.mapToGlobal(self._chip_point(index)))
        return menu

    def edit_persona(self) -> bool:
        """Open the Persona dialog (window-modal, not blocking); OK writes the persona as one undo step. False when
        there is nothing to edit or the strip is read-only."""
        if self._document is None or not self._editable:
            return False
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return True
        document = self._document
        personas = document.journey.personas
        shown = personas[self.current] if personas else None
        colour = document.journey.persona_colours()[self.current] if personas else persona_colour(0)
        dialog = PersonaDialog(shown, self.window(), colour)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if result != QDialog.DialogCode.Accepted.value or document is not self._document:
                return
            new = dialog.persona()
            recolour = shown is not None and new is not None and dialog.colour() != colour
            with document.macro(self.tr("Edit Persona")) if recolour else contextlib.nullcontext():
                if shown is None or shown is personas[0]:
                    if new != document.journey.persona:
                        document.update_journey(persona=new)
                elif new is None:
                    document.remove_persona(shown.id)
                elif new != replace(shown, color=None):
                    fields = {"name": new.name, "description": new.description, "goals": new.goals}
                    document.update_persona(shown.id, **fields, frustrations=new.frustrations)
                if recolour and shown is not None:
                    document.update_persona(shown.id, color=dialog.colour())

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        return True

    def add_persona(self) -> bool:
        """Open the Persona dialog for a new persona; OK adds it (one undo step) and makes it the current one."""
        if self._document is None or not self._editable or self.dialog is not None:
            return False
        document = self._document
        colour = persona_colour(len(document.journey.personas))
        dialog = PersonaDialog(None, self.window(), colour)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            new = dialog.persona()
            accepted = result == QDialog.DialogCode.Accepted.value and document is self._document
            if new is not None and dialog.colour() != colour:
                new.color = dialog.colour()
            if accepted and new is not None and document.add_persona(new):
                self.choose(len(document.journey.personas) - 1)

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        return True

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.reject()
