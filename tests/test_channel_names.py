"""Channels written as words ("search engine", "Zoekmachine", "mond-tot-mondreclame") become the catalogue's keys on
every way in: a journey file (read, and imported with the CLI), an edit through the library, a paste of cards, the
properties panel's channel field and the palette's custom channel. Text that names no catalogue channel stays free
text, as written."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QSignalSpy, QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cjmapper import rules
from cjmapper.channels import CHANNELS, SYNONYMS, Channel, catalogue_key, channel_label, folded, resolve
from cjmapper.cli import main
from cjmapper.interchange import read_journey, read_journey_file, write_journey
from cjmapper.model import Journey, Language
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.test_canvas import Canvas, canvas, drop_channel  # noqa: F401 - canvas: a fixture
from tests.test_panels import focus, panel, press, select_all_and_delete, type_text  # noqa: F401 - panel: a fixture
from tests.thoroughness import examples
from ui.canvas import CARDS_MIME, JourneyScene, JourneyView
from ui.editing.document import JourneyDocument
from ui.panels.palette import ChannelPalette
from ui.panels.properties import PropertiesPanel

FUZZ = settings(max_examples=examples(300, 100), deadline=None, database=None)


def names_of(entry: Channel) -> tuple[str, ...]:
    """Every name a catalogue channel answers to: its key, its English and Dutch name, its synonyms."""
    return (entry.key, entry.name_en, entry.name_nl, *SYNONYMS.get(entry.key, ()))


# ---------------------------------------------------------------------------------------------------- the matching


@st.composite
def written_names(draw: st.DrawFn) -> tuple[str, str]:
    """A catalogue channel's key and one of its names as someone may write it: any case per letter, spaces,
    hyphens, dashes or underscores in between, accents on letters, spaces around."""
    entry = draw(st.sampled_from(CHANNELS))
    name = draw(st.sampled_from(names_of(entry)))
    out = [draw(st.sampled_from(["", " ", "  "]))]
    for char in name:
        out.append(char.upper() if draw(st.booleans()) else char.lower())
        if char.isalpha() and draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from(["\u0301", "\u0308", "\u0300"])))  # ´ ¨ `
        if draw(st.integers(0, 3)) == 0:
            out.append(draw(st.sampled_from([" ", "-", "_", "\u2013", "\u00a0"])))
    out.append(draw(st.sampled_from(["", " ", "\t"])))
    written = "".join(out)
    return entry.key, unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), written)


@FUZZ
@given(written_names())
def test_every_catalogue_name_as_written_names_its_channel(case: tuple[str, str]) -> None:
    key, written = case
    assert catalogue_key(written) == key
    assert resolve(written) == key
    if len(written.strip()) <= 60:
        assert rules.channel(written) == key  # an edit through the library


def test_every_key_and_name_round_trips_and_no_two_channels_share_a_name() -> None:
    for entry in CHANNELS:
        for name in names_of(entry):
            assert catalogue_key(name) == entry.key, name
        for language in Language:
            assert catalogue_key(channel_label(entry.key, language)) == entry.key
    folded_names = [{folded(name) for name in names_of(entry)} for entry in CHANNELS]
    for i, mine in enumerate(folded_names):
        for j, theirs in enumerate(folded_names):
            if i != j:
                assert not mine & theirs, (CHANNELS[i].key, CHANNELS[j].key, mine & theirs)


@FUZZ
@given(st.text(st.characters(codec="utf-8"), max_size=40))
def test_a_match_is_exact_after_folding_never_a_guess(text: str) -> None:
    key = catalogue_key(text)
    if key is not None:
        entry = next(c for c in CHANNELS if c.key == key)
        assert folded(text) in {folded(name) for name in names_of(entry)}
    assert resolve(resolve(text)) == resolve(text)


@pytest.mark.parametrize(
    "text",
    ["Kassa bij de bakker", "Google", "mail", "Flyer", "Social", "search", "e-mail newsletter", "Zoekmachine-advert"],
)
def test_text_that_names_no_catalogue_channel_stays_free_text(text: str) -> None:
    assert catalogue_key(text) is None
    assert resolve(f"  {text} ") == text
    assert rules.channel(text) == text


# ---------------------------------------------------------------------------------------------------- journey files

WRITTEN = {
    "search engine": "search-engine",
    "Social Media": "social-media",
    "word of mouth": "word-of-mouth",
    "Contact form": "contact-form",
    "customer_service": "customer-service",
    "physical store": "physical-store",
    "Zoekmachine": "search-engine",
    "mond-tot-mondreclame": "word-of-mouth",
    "Klantenservice": "customer-service",
    "fysieke winkel": "physical-store",
    "E-mail": "e-mail",
    "email": "e-mail",
    "Telefoon": "phone",
    "Café aan de overkant": "Café aan de overkant",
    "Google": "Google",
}
"""Channels as another person's journey file writes them, and what cjmapper keeps."""


def foreign_file(path: Path, description: str = "") -> Path:
    """A journey file as another tool writes it: one touchpoint per channel of `WRITTEN`."""
    document = {
        "format": "cjmapper.journey",
        "version": 2,
        "title": "Van een ander",
        "description": description,
        "language": "nl",
        "phases": [{"id": "p", "name": "Oriëntatie"}],
        "lanes": [{"id": "l", "name": "Contactmomenten", "kind": "touchpoints"}],
        "touchpoints": [
            {"id": f"t{i}", "phase": "p", "lane": "l", "title": f"Kaart {i}", "channel": written}
            for i, written in enumerate(WRITTEN)
        ],
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_journey_file_s_channel_words_become_catalogue_keys_in_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = foreign_file(tmp_path / "ander.json")
    assert [t.channel for t in read_journey_file(source).touchpoints] == list(WRITTEN.values())
    # The careful reader (taken when a string may hide a lone surrogate: here an escaped emoji) reads the same.
    careful = foreign_file(tmp_path / "careful.json", "\\ud83d\\ude00")
    assert [t.channel for t in read_journey_file(careful).touchpoints] == list(WRITTEN.values())
    library_path = tmp_path / "lib.cjm"
    assert main(["--library", str(library_path), "import", str(source)]) == 0
    journey_id = int(capsys.readouterr().out.strip())
    with Library.open(library_path) as library:
        stored = library.load_journey(journey_id)
    assert [t.channel for t in stored.ordered_touchpoints()] == list(WRITTEN.values())
    assert [channel_label(t.channel, stored.language) for t in stored.ordered_touchpoints()][:4] == [
        "Zoekmachine",
        "Sociale media",
        "Mond-tot-mondreclame",
        "Contactformulier",
    ]
    # Writing is unchanged: the keys, and free text as it was.
    written = json.loads(write_journey(stored))
    assert [t["channel"] for t in written["touchpoints"]] == list(WRITTEN.values())


def test_the_reader_keeps_free_text_exactly_as_written() -> None:
    journey = load_example("nl")
    journey.touchpoints[0].channel = "  Kassa  bij de bakker "
    journey.touchpoints[1].channel = "Search Engine"
    read = read_journey(write_journey(journey))
    assert read.touchpoints[0].channel == "  Kassa  bij de bakker "
    assert read.touchpoints[1].channel == "search-engine"


def test_an_edit_through_the_library_stores_the_key(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.cjm") as library:
        journey_id = library.create_journey(load_example("nl"))
        card = library.load_journey(journey_id).touchpoints[0]
        library.update_touchpoint(card.id, channel=" Fysieke Winkel ")
        assert library.load_journey(journey_id).touchpoint(card.id).channel == "physical-store"
        library.update_touchpoint(card.id, channel="Kraam op de markt")
        assert library.load_journey(journey_id).touchpoint(card.id).channel == "Kraam op de markt"


# ---------------------------------------------------------------------------------------------------- the editor


@pytest.fixture
def document(tmp_path: Path) -> Iterator[JourneyDocument]:
    """The Dutch example journey, open as a document on a library file (also for `panel`)."""
    library = Library.open(tmp_path / "lib.cjm")
    document = JourneyDocument(library, library.create_journey(load_example("nl")))
    try:
        yield document
    finally:
        document.undo_stack.clear()
        document.deleteLater()
        library.close()


def stored(document: JourneyDocument) -> Journey:
    with Library.open(document.library.location) as fresh:
        return fresh.load_journey(document.journey_id)


def test_pasted_cards_with_channel_words_get_catalogue_channels(qtbot: QtBot, document: JourneyDocument) -> None:
    scene = JourneyScene(document)
    view = JourneyView()
    view.setScene(scene)
    qtbot.addWidget(view)
    try:
        payload = [
            {"title": "Loopt binnen", "channel": "Fysieke winkel"},
            {"title": "Zoekt op internet", "channel": "search engine"},
            {"title": "Hoort het van de buren", "channel": "Mond tot mond"},
            {"title": "Kraam op de markt", "channel": "Markt"},
        ]
        mime = QMimeData()
        mime.setData(CARDS_MIME, json.dumps(payload).encode("utf-8"))
        QApplication.clipboard().setMimeData(mime)
        ids = scene.paste()
        assert len(ids) == 4
        expected = ["physical-store", "search-engine", "word-of-mouth", "Markt"]
        assert [document.journey.touchpoint(i).channel for i in ids] == expected
        assert [stored(document).touchpoint(i).channel for i in ids] == expected
        shown = [scene.layout.cards[i].channel_label.removesuffix("…") for i in ids]
        names = ["Fysieke winkel", "Zoekmachine", "Mond-tot-mondreclame", "Markt"]  # on the card, elided to fit
        assert all(len(part) >= 5 and name.startswith(part) for part, name in zip(shown, names, strict=True))
    finally:
        QApplication.clipboard().clear()
        view.close()
        scene.dispose()


def test_a_channel_name_dropped_from_another_window_is_the_catalogue_channel(
    canvas: Canvas,  # noqa: F811 - the fixture: the English example journey on a canvas
) -> None:
    cell = canvas.cell("Loyalty", "Pain points")
    rect = canvas.scene.layout.cells[cell].rect
    assert drop_channel(canvas, "  Zoek machine ", canvas.viewport_point(rect.x + 30, rect.y + 20))
    card = canvas.reopened().touchpoint(canvas.scene.selected_ids()[0])
    assert (card.channel, card.title) == ("search-engine", "Search engine")


def test_a_channel_name_typed_in_the_properties_field_is_the_catalogue_channel(
    qtbot: QtBot,
    panel: PropertiesPanel,  # noqa: F811 - the fixture, on this module's (Dutch) document
    document: JourneyDocument,
) -> None:
    card = document.journey.touchpoints[0].id
    panel.set_selection([card])
    combo = panel.card_channel
    line = combo.line_edit()
    for typed, key, shown in [
        ("zoek machine", "search-engine", "Zoekmachine"),
        ("Word of Mouth", "word-of-mouth", "Mond-tot-mondreclame"),
        ("klantendienst", "customer-service", "Klantenservice"),
        ("Kraam op de markt", "Kraam op de markt", "Kraam op de markt"),
    ]:
        focus(qtbot, line)
        select_all_and_delete(line)
        type_text(line, typed)
        press(line, Qt.Key.Key_Return)
        assert stored(document).touchpoint(card).channel == key
        assert combo.currentText() == shown
        if key != typed:  # the catalogue entry is chosen in the list, with its icon
            assert combo.currentIndex() == combo.findData(key) >= 0
            assert not combo.itemIcon(combo.currentIndex()).isNull()
        else:
            assert combo.currentIndex() == -1
    # Several cards at once, through the same field kind.
    cards = [t.id for t in document.journey.touchpoints[:3]]
    panel.set_selection(cards)
    line = panel.cards_channel.line_edit()
    focus(qtbot, line)
    type_text(line, "FYSIEKE WINKEL")
    press(line, Qt.Key.Key_Return)
    assert {stored(document).touchpoint(i).channel for i in cards} == {"physical-store"}


def test_the_palette_s_custom_channel_takes_a_catalogue_name_as_its_channel(qtbot: QtBot) -> None:
    palette = ChannelPalette()
    qtbot.addWidget(palette)
    palette.show()
    qtbot.waitExposed(palette)
    spy = QSignalSpy(palette.channel_activated)
    field = palette.custom_field
    focus(qtbot, field)
    type_text(field, "mond-tot-mond")
    assert palette.custom_entry.text() == "Word of mouth"
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert spy.count() == 1
    assert spy.at(0) == ["word-of-mouth"]


def test_the_format_s_documentation_lists_every_channel_with_its_names_and_other_words() -> None:
    text = (Path(__file__).parent.parent / "docs" / "journey-json.md").read_text(encoding="utf-8")
    section = text.split("### Channels\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip("| ").split(" | ") for line in section.splitlines() if line.startswith("| `")]
    assert [(r[0].strip("`"), r[1], r[2]) for r in rows] == [(c.key, c.name_en, c.name_nl) for c in CHANNELS]
    listed = [tuple(word.strip("`") for word in r[3].split(", ")) if len(r) > 3 else () for r in rows]
    assert listed == [SYNONYMS.get(c.key, ()) for c in CHANNELS]
