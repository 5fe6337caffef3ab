"""Every declared card field (`cjmapper.card_fields`) reaches every place a card goes: the store, a version's snapshot,
the journey file, the CSV, the clipboard and the properties form. Derived from the declarations, so a new field is
checked here without editing this file (a new kind of field needs a sample value below)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from typing import Any, get_args

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from cjmapper import card_fields
from cjmapper.card_fields import CardField, ValueKind
from cjmapper.editing.field_commands import UpdateTouchpointCommand
from cjmapper.interchange import read_journey, write_journey
from cjmapper.interchange.csv_format import CSV_COLUMNS, write_csv
from cjmapper.model import Journey, Touchpoint
from cjmapper.store import Library
from cjmapper.store import versions as store_versions
from cjmapper.templates import load_example
from ui.canvas.clipboard import cards_from_mime, cards_mime
from ui.editing.document import JourneyDocument
from ui.panels.field_editors import ChannelCombo, ColorPicker, ScoreButtons
from ui.panels.properties import PropertiesPanel

SAMPLES: dict[ValueKind, Any] = {
    "title": "Pays at the till ✓",
    "text": "Something worth keeping\nover two lines",
    "channel": "webshop",
    "score": 2,
    "colour": "#a1b2c3",
    "votes": 17,
    "status": "in-progress",
    "place": 40,
}
"""A value of each kind that no card has by default."""

FIELDS = pytest.mark.parametrize("field", card_fields.FIELDS, ids=card_fields.NAMES)


def test_every_kind_has_a_sample() -> None:
    assert set(SAMPLES) == set(get_args(ValueKind))


def sample(field: CardField) -> Any:
    value = SAMPLES[field.kind]
    assert value != field.default, field.name
    return field.clean(value)


def journey_with(field: CardField) -> Journey:
    """The example journey with its first card holding the field's sample value."""
    journey = load_example("en")
    first = journey.ordered_touchpoints()[0]
    journey.touchpoints = [replace(t, **{field.name: sample(field)}) if t is first else t for t in journey.touchpoints]
    return journey


def first_card(journey: Journey) -> Touchpoint:
    return journey.ordered_touchpoints()[0]


@FIELDS
def test_a_field_survives_the_journey_file(field: CardField) -> None:
    journey = journey_with(field)
    read = read_journey(write_journey(journey))
    assert getattr(first_card(read), field.name) == sample(field)


@FIELDS
def test_a_field_survives_the_journey_file_the_slow_way(field: CardField) -> None:
    """The reader's full check (taken for a file with an escape that may hide a NUL) keeps the field too."""
    journey = journey_with(field)
    text = write_journey(journey).replace('"title": "', '"title": "\\u00e9', 1)
    read = read_journey(text)
    assert getattr(first_card(read), field.name) == sample(field)


@FIELDS
def test_a_field_is_a_csv_column_or_declared_as_none(field: CardField) -> None:
    if field.csv_key is None:
        return  # declared outside the CSV (the colour: a spreadsheet has no use for it)
    journey = journey_with(field)
    header, row = list(csv.reader(io.StringIO(write_csv(journey))))[:2]
    assert header == list(CSV_COLUMNS)
    assert row[header.index(field.csv_key)] == str(sample(field))


@FIELDS
def test_a_field_goes_along_on_the_clipboard(field: CardField) -> None:
    card = replace(Touchpoint(1, 1, 1, 0, "Card"), **{field.name: sample(field)})
    [pasted] = cards_from_mime(cards_mime([card]))
    assert getattr(pasted, field.name) == sample(field)


@FIELDS
def test_a_field_survives_a_version(field: CardField) -> None:
    journey = replace(journey_with(field), id=3)
    decoded = store_versions.decode(store_versions.encode(journey), 3)
    assert getattr(first_card(decoded), field.name) == sample(field)


@pytest.fixture
def example(library: Library) -> tuple[Library, int]:
    return library, library.create_journey(load_example("en"))


@FIELDS
def test_a_field_survives_the_store_and_a_restored_version(field: CardField, example: tuple[Library, int]) -> None:
    library, journey_id = example
    card = first_card(library.load_journey(journey_id))
    library.update_touchpoint(card.id, **{field.name: sample(field)})
    with Library.open(library.location) as fresh:
        assert getattr(fresh.load_journey(journey_id).touchpoint(card.id), field.name) == sample(field)
    saved = library.save_version(journey_id, "With it")
    other: Any = field.default if field.kind != "title" else "Other"
    library.update_touchpoint(card.id, **{field.name: other})
    library.restore_version(saved.id)
    assert getattr(library.load_journey(journey_id).touchpoint(card.id), field.name) == sample(field)


def shown(editor: object) -> Any:
    """What a properties editor shows."""
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, ChannelCombo):
        return editor.value()
    if isinstance(editor, ScoreButtons):
        return editor.score()
    if isinstance(editor, ColorPicker):
        return editor.color()
    if isinstance(editor, QSpinBox):
        return editor.value()
    return editor.value()  # type: ignore[attr-defined]  # a choice


def test_the_properties_form_shows_every_field(qtbot: QtBot, example: tuple[Library, int]) -> None:
    library, journey_id = example
    card = first_card(library.load_journey(journey_id))
    for field in card_fields.FIELDS:
        library.update_touchpoint(card.id, **{field.name: sample(field)})
    document = JourneyDocument(library, journey_id)
    panel = PropertiesPanel()
    qtbot.addWidget(panel)
    panel.set_document(document)
    panel.set_selection([card.id])
    assert panel.mode() == "card"
    assert list(panel.card_editors) == list(card_fields.FORM_ORDER)
    for field in card_fields.FIELDS:
        assert shown(panel.card_editors[field.name]) == sample(field), field.name
    document.deleteLater()


@FIELDS
def test_an_edit_of_a_field_has_its_own_undo_label(field: CardField) -> None:
    assert field.name in UpdateTouchpointCommand.LABELS
