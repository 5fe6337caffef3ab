"""The accessible names of the properties panel's fields, for screen readers.

A form label names its field through the label's buddy, but a text field that shows a message under it (a field
`with_message`) stands in a box, and the label's buddy is the box: a reader heard only "edit text". So each such
field is named here, and each page (a scroll area, which the Tab key reaches) by what it edits. The journey's and the
persona's fields say whose they are ("Journey description", "Persona description"); a card's field is named by its
label, as the form shows it.
"""

from __future__ import annotations

import re
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from cjmapper import card_fields

from .field_editors import Page

CONTEXT = "AccessibleNames"


class Fields(Protocol):
    """What is named of the properties panel (`PropertiesPanel`, which calls `name_fields`)."""

    @property
    def journey_title(self) -> QLineEdit: ...
    @property
    def journey_description(self) -> QPlainTextEdit: ...
    @property
    def persona_name(self) -> QLineEdit: ...
    @property
    def persona_description(self) -> QPlainTextEdit: ...
    @property
    def persona_goals(self) -> QPlainTextEdit: ...
    @property
    def persona_frustrations(self) -> QPlainTextEdit: ...
    @property
    def card_editors(self) -> dict[str, QWidget]: ...
    @property
    def cards_score(self) -> QWidget: ...

    def findChildren(self, kind: type[QComboBox]) -> list[QComboBox]: ...  # noqa: N802 - Qt's name


def tr(text: str) -> str:
    """`text` translated in the context of the accessible names."""
    return QCoreApplication.translate(CONTEXT, text)


def without_mnemonic(label: str) -> str:
    """A label as a reader says it: "&Title" -> "Title", "Save && Close" -> "Save & Close"."""
    return re.sub(r"&(.)", r"\1", label)


def _page_of(widget: QWidget) -> Page | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, Page):
        parent = parent.parentWidget()
    return parent


def name_fields(panel: Fields) -> None:
    """Name the panel's fields and pages (called once, after the panel built them)."""
    for name, field in (
        (tr("Journey title"), panel.journey_title),
        (tr("Journey description"), panel.journey_description),
        (tr("Persona name"), panel.persona_name),
        (tr("Persona description"), panel.persona_description),
        (tr("Persona goals"), panel.persona_goals),
        (tr("Persona frustrations"), panel.persona_frustrations),
    ):
        field.setAccessibleName(name)
    for field_name, editor in panel.card_editors.items():
        label = QCoreApplication.translate(card_fields.CONTEXT, card_fields.BY_NAME[field_name].label)
        editor.setAccessibleName(without_mnemonic(label))
    for combo in panel.findChildren(QComboBox):
        line = combo.lineEdit()
        if line is not None:  # an editable combo (a channel): its text field says what the combo is
            line.setAccessibleName(combo.accessibleName() or tr("Channel"))
    for name, inside in (
        (tr("Journey properties"), panel.journey_title),
        (tr("Card properties"), next(iter(panel.card_editors.values()))),
        (tr("Properties of the selected cards"), panel.cards_score),
    ):
        page = _page_of(inside)
        if page is not None:
            page.setAccessibleName(name)
