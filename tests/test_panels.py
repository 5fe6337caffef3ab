"""The channel palette, the properties panel and the icons, driven with pytest-qt on a real library file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QColorDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cjmapper.channels import CHANNELS
from cjmapper.channels import resolve as resolve_channel
from cjmapper.model import MAX_TEXT, CardStatus, Framework, Journey, LaneKind, Language, Persona, Touchpoint
from cjmapper.store import Library
from cjmapper.templates import load_example
from ui import icons
from ui.editing.document import JourneyDocument
from ui.panels.palette import CHANNEL_MIME, ChannelPalette, channel_from_mime, channel_mime_data
from ui.panels.properties import PropertiesPanel

# ---------------------------------------------------------------------------------------------------- helpers


def visible_pixels(image: QImage) -> int:
    """How many pixels of an image are not (almost) transparent."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixelColor(x, y).alpha() > 32)


def render_svg(path: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid(), path
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key as QKeyEvents carrying the text (qtbot.keyClicks aborts on non-ASCII text)."""
    for char in text:
        key = Qt.Key.Key_Space if char == " " else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def press(widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifier)


def select_all_and_delete(widget: QWidget) -> None:
    press(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(widget, Qt.Key.Key_Backspace)


def click(button: QAbstractButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def message_of(field: QWidget) -> QLabel:
    """The inline message shown under a field."""
    box = field.parentWidget()
    assert box is not None
    message = box.findChild(QLabel, "fieldMessage")
    assert isinstance(message, QLabel)
    return message


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def reread(library: Library, journey_id: int) -> Journey:
    """The journey as a fresh Library reads it from the file."""
    with Library.open(library.location) as fresh:
        return fresh.load_journey(journey_id)


def card_in_file(library: Library, journey_id: int, card_id: int) -> Touchpoint:
    return reread(library, journey_id).touchpoint(card_id)


# ---------------------------------------------------------------------------------------------------- fixtures


@pytest.fixture
def panel(qtbot: QtBot, document: JourneyDocument) -> PropertiesPanel:
    widget = PropertiesPanel()
    qtbot.addWidget(widget)
    widget.resize(360, 900)
    widget.set_document(document)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def palette(qtbot: QtBot) -> ChannelPalette:
    widget = ChannelPalette()
    qtbot.addWidget(widget)
    widget.resize(260, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


REVIEWS = 4
"""Example card "Reads the Google reviews": channel reviews, score 4, 1 vote, owner Customer service (Mirjam)."""
WEBSITE = 5
"""Example card "Looks up the cakes and their allergens on the website": channel website, score 3, 2 votes."""


# ---------------------------------------------------------------------------------------------------- icons


def test_every_channel_lane_kind_and_the_app_have_an_icon_file() -> None:
    folder = icons.icons_folder()
    expected = [folder / "channels" / f"{c.icon}.svg" for c in CHANNELS]
    expected.append(folder / "channels" / "other.svg")
    expected += [folder / "lanes" / f"{kind.value}.svg" for kind in LaneKind]
    expected.append(folder / "cjmapper.svg")
    assert icons.all_icon_paths() == expected
    missing = [p for p in expected if not p.is_file()]
    assert missing == []
    contents = [p.read_bytes() for p in expected]
    assert len(set(contents)) == len(contents), "two icons are the same drawing"


@pytest.mark.parametrize("path", icons.all_icon_paths(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_icon_renders_at_24_and_48_px(qapp: QApplication, path: Path) -> None:
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    assert renderer.viewBoxF() == QRectF(0, 0, 24, 24)
    for size in (24, 48):
        image = render_svg(path, size)
        drawn = visible_pixels(image)
        filled = path.name == "cjmapper.svg"  # the app icon is a filled tile; the rest are line drawings
        most = size * size if filled else size * size * 0.7
        assert size * 2 < drawn <= most, f"{path.name} at {size}px: {drawn} pixels drawn"


@pytest.mark.parametrize("path", icons.all_icon_paths()[:-1], ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_line_icons_share_one_style_and_use_nothing_outside(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    root = re.search(r"<svg\b[^>]*>", text)
    assert root is not None
    for attribute in ('viewBox="0 0 24 24"', 'fill="none"', 'stroke="#33415c"', 'stroke-width="2"'):
        assert attribute in root.group(0)
    assert 'stroke-linecap="round"' in root.group(0)
    assert "currentColor" not in text
    assert re.findall(r"https?://[^\"]*", text) == ["http://www.w3.org/2000/svg"]  # the namespace, nothing else
    for element in ("<image", "<text", "href", "<style", "<script"):
        assert element not in text
    colours = set(re.findall(r"#[0-9a-fA-F]{3,6}\b", text))
    assert colours == {"#33415c"}


def test_icons_are_cached_qicons_and_free_text_gets_the_tag(qapp: QApplication) -> None:
    phone = icons.channel_icon("phone")
    assert not phone.isNull()
    assert icons.channel_icon("phone").cacheKey() == phone.cacheKey()
    tag = icons.channel_icon(None)
    assert icons.channel_icon("Flyer in the bus").cacheKey() == tag.cacheKey()
    assert icons.channel_icon("").cacheKey() == tag.cacheKey()
    assert tag.cacheKey() != phone.cacheKey()
    for c in CHANNELS:
        icon = icons.channel_icon(c.key)
        assert not icon.isNull()
        assert visible_pixels(icon.pixmap(QSize(24, 24)).toImage()) > 30
    for kind in LaneKind:
        assert visible_pixels(icons.lane_icon(kind).pixmap(QSize(24, 24)).toImage()) > 30
    assert icons.lane_icon("pain-points").cacheKey() == icons.lane_icon(LaneKind.PAIN_POINTS).cacheKey()
    assert visible_pixels(icons.app_icon().pixmap(QSize(64, 64)).toImage()) > 64 * 64 / 2
    with pytest.raises(ValueError, match="lane"):
        icons.lane_icon("swimming")


def test_channel_pixmap_is_sized_cached_and_sharp_on_high_dpi(qapp: QApplication) -> None:
    small = icons.channel_pixmap("webshop", 24)
    assert small.size() == QSize(24, 24)
    assert small.cacheKey() == icons.channel_pixmap("webshop", 24).cacheKey()
    assert small.cacheKey() != icons.channel_pixmap("webshop", 32).cacheKey()
    assert visible_pixels(small.toImage()) > 30
    sharp = icons.channel_pixmap("webshop", 24, 2.0)
    assert sharp.size() == QSize(48, 48)
    assert sharp.devicePixelRatio() == 2.0
    assert sharp.deviceIndependentSize().toSize() == QSize(24, 24)
    other = icons.channel_pixmap("Flyer", 16)
    assert other.toImage() == icons.channel_pixmap(None, 16).toImage()
    assert other.toImage() != icons.channel_pixmap("chat", 16).toImage()
    with pytest.raises(ValueError, match="size"):
        icons.channel_pixmap("chat", 0)


# ---------------------------------------------------------------------------------------------------- palette


def test_palette_lists_the_catalogue_with_icons_names_and_keys(palette: ChannelPalette) -> None:
    channel_list = palette.channel_list
    assert channel_list.count() == len(CHANNELS)
    for row, entry in enumerate(CHANNELS):
        item = channel_list.item(row)
        assert item.text() == entry.name_en
        assert item.data(Qt.ItemDataRole.UserRole) == entry.key
        assert entry.key in item.toolTip()
        assert not item.icon().isNull()
        assert visible_pixels(item.icon().pixmap(QSize(20, 20)).toImage()) > 20
    assert palette.visible_keys() == [c.key for c in CHANNELS]


def test_palette_relabels_in_dutch(palette: ChannelPalette) -> None:
    palette.set_language(Language.NL)
    assert palette.item_for("phone").text() == "Telefoon"
    assert palette.item_for("physical-store").text() == "Fysieke winkel"
    palette.set_language("en")
    assert palette.item_for("phone").text() == "Phone"


def test_palette_filter_matches_names_in_both_languages_and_keys(qtbot: QtBot, palette: ChannelPalette) -> None:
    field = palette.filter_field
    QTest.keyClicks(field, "MAIL")
    assert palette.visible_keys() == ["e-mail"]
    field.clear()
    QTest.keyClicks(field, "telefoon")  # Dutch name, English list
    assert palette.visible_keys() == ["phone"]
    field.clear()
    QTest.keyClicks(field, "web")
    assert palette.visible_keys() == ["website", "webshop"]
    no_match = palette.findChild(QWidget, "channelNoMatch")
    assert no_match is not None
    assert not no_match.isVisible()
    field.clear()
    QTest.keyClicks(field, "carrier pigeon")
    assert palette.visible_keys() == []
    assert no_match.isVisible()
    field.clear()
    assert palette.visible_keys() == [c.key for c in CHANNELS]
    assert not no_match.isVisible()


def test_palette_drag_data_carries_the_key(palette: ChannelPalette) -> None:
    channel_list = palette.channel_list
    assert channel_list.mimeTypes() == [CHANNEL_MIME]
    mime = channel_list.mimeData([palette.item_for("word-of-mouth")])
    assert mime.formats() == [CHANNEL_MIME]
    assert bytes(mime.data(CHANNEL_MIME).data()) == b"word-of-mouth"
    assert channel_from_mime(mime) == "word-of-mouth"


def test_channel_mime_round_trip_and_rejects() -> None:
    assert bytes(channel_mime_data("Café-flyer").data(CHANNEL_MIME).data()) == "Café-flyer".encode()
    assert channel_from_mime(channel_mime_data("Café-flyer")) == "Café-flyer"
    assert channel_from_mime(channel_mime_data("   ")) is None
    assert channel_from_mime(channel_mime_data("x" * 61)) is None
    bad = channel_mime_data("")
    bad.setData(CHANNEL_MIME, b"\xff\xfe")
    assert channel_from_mime(bad) is None
    from PySide6.QtCore import QMimeData

    text_only = QMimeData()
    text_only.setText("phone")
    assert channel_from_mime(text_only) is None


def test_resolve_channel_maps_catalogue_names_to_keys() -> None:
    assert resolve_channel("Telefoon") == "phone"
    assert resolve_channel("  social   MEDIA ") == "social-media"
    assert resolve_channel("e-mail") == "e-mail"
    assert resolve_channel("Flyer  in de bus ") == "Flyer in de bus"
    assert resolve_channel("   ") is None
    assert resolve_channel(None) is None


def test_palette_free_text_becomes_a_draggable_entry(qtbot: QtBot, palette: ChannelPalette) -> None:
    entry = palette.custom_entry
    assert not entry.isVisible()
    assert entry.mime_data() is None
    focus(qtbot, palette.custom_field)
    type_text(palette.custom_field, "Café-flyer")
    assert palette.custom_field.text() == "Café-flyer"
    assert entry.isVisible()
    assert entry.text() == "Café-flyer"
    mime = entry.mime_data()
    assert mime is not None
    assert bytes(mime.data(CHANNEL_MIME).data()) == "Café-flyer".encode()
    with qtbot.waitSignal(palette.channel_activated) as activated:
        press(palette.custom_field, Qt.Key.Key_Return)
    assert activated.args == ["Café-flyer"]
    palette.custom_field.setText("telefoon")  # a catalogue name is the catalogue channel
    assert entry.value == "phone"
    assert entry.text() == "Phone"
    palette.custom_field.setText("x" * 80)
    assert len(palette.custom_field.text()) == 60
    palette.custom_field.clear()
    assert not entry.isVisible()


def test_palette_enter_on_an_item_emits_its_key(qtbot: QtBot, palette: ChannelPalette) -> None:
    channel_list = palette.channel_list
    focus(qtbot, channel_list)
    channel_list.setCurrentItem(palette.item_for("chat"))
    with qtbot.waitSignal(palette.channel_activated) as activated:
        press(channel_list, Qt.Key.Key_Return)
    assert activated.args == ["chat"]


def test_palette_filter_then_down_and_enter(qtbot: QtBot, palette: ChannelPalette) -> None:
    focus(qtbot, palette.filter_field)
    QTest.keyClicks(palette.filter_field, "video")
    with qtbot.waitSignal(palette.channel_activated) as activated:
        press(palette.filter_field, Qt.Key.Key_Return)
    assert activated.args == ["video"]
    palette.filter_field.clear()
    QTest.keyClicks(palette.filter_field, "sea")  # search engine
    press(palette.filter_field, Qt.Key.Key_Down)
    assert palette.channel_list.hasFocus()
    assert palette.channel_list.currentItem() is palette.item_for("search-engine")
    with qtbot.waitSignal(palette.channel_activated) as activated:
        press(palette.channel_list, Qt.Key.Key_Enter)
    assert activated.args == ["search-engine"]


# ---------------------------------------------------------------------------------------------------- one card


def test_selecting_a_card_shows_its_fields(panel: PropertiesPanel, document: JourneyDocument) -> None:
    assert panel.mode() == "journey"
    panel.set_selection([REVIEWS])
    assert panel.mode() == "card"
    card = document.journey.touchpoint(REVIEWS)
    assert panel.card_title.text() == "Reads the Google reviews"
    assert panel.card_channel.value() == "reviews"
    assert panel.card_channel.currentText() == "Reviews"
    assert panel.card_score.score() == 4
    assert panel.card_score.button(4).isChecked()
    assert panel.card_expectation.toPlainText() == card.expectation
    assert panel.card_owner.text() == "Customer service (Mirjam)"
    assert panel.card_notes.toPlainText() == card.notes
    assert panel.card_color.color() is None
    assert panel.card_votes.value() == 1
    panel.set_selection([WEBSITE])
    assert panel.card_title.text() == "Looks up the cakes and their allergens on the website"
    assert panel.card_score.score() == 3
    assert panel.card_votes.value() == 2


def test_typing_a_title_is_one_undo_step_and_in_the_file(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    panel.set_selection([REVIEWS])
    focus(qtbot, panel.card_title)
    press(panel.card_title, Qt.Key.Key_End)
    steps = document.undo_stack.count()
    type_text(panel.card_title, " — één café")
    assert panel.card_title.text() == "Reads the Google reviews — één café"
    assert document.undo_stack.count() == steps + 1
    expected = "Reads the Google reviews — één café"
    assert document.journey.touchpoint(REVIEWS).title == expected
    assert card_in_file(library, document.journey_id, REVIEWS).title == expected
    document.undo_stack.undo()
    assert card_in_file(library, document.journey_id, REVIEWS).title == "Reads the Google reviews"
    assert panel.card_title.text() == "Reads the Google reviews"


def test_typing_again_after_leaving_the_field_is_a_new_undo_step(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.set_selection([REVIEWS])
    focus(qtbot, panel.card_owner)
    select_all_and_delete(panel.card_owner)
    QTest.keyClicks(panel.card_owner, "Eva")
    steps = document.undo_stack.count()
    focus(qtbot, panel.card_notes)  # leaves the owner field
    focus(qtbot, panel.card_owner)
    press(panel.card_owner, Qt.Key.Key_End)
    QTest.keyClicks(panel.card_owner, " and Joris")
    assert document.journey.touchpoint(REVIEWS).owner == "Eva and Joris"
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()
    assert document.journey.touchpoint(REVIEWS).owner == "Eva"
    assert panel.card_owner.text() == "Eva"


def test_multi_line_fields_write_as_typed(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    panel.set_selection([REVIEWS])
    steps = document.undo_stack.count()
    for edit, field in ((panel.card_notes, "notes"), (panel.card_expectation, "expectation")):
        focus(qtbot, edit)
        select_all_and_delete(edit)
        type_text(edit, "Twee regels")
        press(edit, Qt.Key.Key_Return)
        type_text(edit, "ëlke dag")
        stored = card_in_file(library, document.journey_id, REVIEWS)
        assert getattr(stored, field) == "Twee regels\nëlke dag"
    assert document.undo_stack.count() == steps + 2


def test_a_trailing_space_stays_in_the_field_while_typing(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.set_selection([REVIEWS])
    focus(qtbot, panel.card_title)
    select_all_and_delete(panel.card_title)
    QTest.keyClicks(panel.card_title, "Reads ")
    assert document.journey.touchpoint(REVIEWS).title == "Reads"  # the library trims
    assert panel.card_title.text() == "Reads "
    QTest.keyClicks(panel.card_title, "reviews")
    assert panel.card_title.text() == "Reads reviews"
    assert document.journey.touchpoint(REVIEWS).title == "Reads reviews"


def test_an_empty_title_is_refused_with_a_message(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    panel.set_selection([REVIEWS])
    revision = library.revision(document.journey_id)
    steps = document.undo_stack.count()
    focus(qtbot, panel.card_title)
    select_all_and_delete(panel.card_title)
    type_text(panel.card_title, "   ")
    message = message_of(panel.card_title)
    assert message.isVisible()
    assert "title" in message.text()
    assert library.revision(document.journey_id) == revision
    assert document.undo_stack.count() == steps
    assert card_in_file(library, document.journey_id, REVIEWS).title == "Reads the Google reviews"
    focus(qtbot, panel.card_owner)  # leaving the field shows the stored title again
    assert panel.card_title.text() == "Reads the Google reviews"
    assert not message.isVisible()


def test_too_long_notes_are_refused_with_a_message(
    panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    panel.set_selection([REVIEWS])
    before = document.journey.touchpoint(REVIEWS).notes
    panel.card_notes.setPlainText("x" * (MAX_TEXT + 1))
    message = message_of(panel.card_notes)
    assert message.isVisible()
    assert "10,001" in message.text()
    assert card_in_file(library, document.journey_id, REVIEWS).notes == before
    panel.card_notes.setPlainText("x" * MAX_TEXT)
    assert not message.isVisible()
    assert card_in_file(library, document.journey_id, REVIEWS).notes == "x" * MAX_TEXT


def test_score_writes_at_once_and_undoes(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    panel.set_selection([REVIEWS])
    steps = document.undo_stack.count()
    click(panel.card_score.button(2))
    assert card_in_file(library, document.journey_id, REVIEWS).score == 2
    click(panel.card_score.button(None))
    assert card_in_file(library, document.journey_id, REVIEWS).score is None
    assert panel.card_score.score() is None
    assert document.undo_stack.count() == steps + 2
    document.undo_stack.undo()
    assert panel.card_score.score() == 2
    document.undo_stack.undo()
    assert card_in_file(library, document.journey_id, REVIEWS).score == 4
    assert panel.card_score.button(4).isChecked()


def test_colour_writes_at_once_and_undoes(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.set_selection([REVIEWS])
    steps = document.undo_stack.count()
    monkeypatch.setattr(QColorDialog, "getColor", lambda *_args, **_kw: QColor("#12AB34"))
    click(panel.card_color.swatch)
    assert card_in_file(library, document.journey_id, REVIEWS).color == "#12ab34"
    assert panel.card_color.swatch.text() == "#12ab34"
    click(panel.card_color.presets[0])
    assert card_in_file(library, document.journey_id, REVIEWS).color == "#a0cbe8"
    click(panel.card_color.default_button)
    assert card_in_file(library, document.journey_id, REVIEWS).color is None
    assert not panel.card_color.default_button.isEnabled()
    assert document.undo_stack.count() == steps + 3
    monkeypatch.setattr(QColorDialog, "getColor", lambda *_args, **_kw: QColor())  # cancelled
    click(panel.card_color.swatch)
    assert document.undo_stack.count() == steps + 3
    document.undo_stack.undo()
    assert panel.card_color.color() == "#a0cbe8"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert card_in_file(library, document.journey_id, REVIEWS).color is None


def test_votes_write_at_once_and_typing_a_number_is_one_write(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    panel.set_selection([REVIEWS])
    steps = document.undo_stack.count()
    focus(qtbot, panel.card_votes)
    press(panel.card_votes, Qt.Key.Key_Up)
    assert card_in_file(library, document.journey_id, REVIEWS).votes == 2
    select_all_and_delete(panel.card_votes)
    QTest.keyClicks(panel.card_votes, "1200")
    press(panel.card_votes, Qt.Key.Key_Return)
    assert card_in_file(library, document.journey_id, REVIEWS).votes == 1200
    assert panel.card_votes.text() == "1,200"
    assert document.undo_stack.count() == steps + 2
    assert panel.card_votes.maximum() == 1_000_000
    document.undo_stack.undo()
    assert panel.card_votes.value() == 2
    document.undo_stack.undo()
    assert card_in_file(library, document.journey_id, REVIEWS).votes == 1


def test_channel_takes_catalogue_names_and_free_text(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    panel.set_selection([REVIEWS])
    combo = panel.card_channel
    line = combo.line_edit()
    steps = document.undo_stack.count()
    combo.activated.emit(combo.findData("chat"))  # picking an entry from the list
    assert card_in_file(library, document.journey_id, REVIEWS).channel == "chat"
    assert combo.currentText() == "Chat"
    assert not combo.itemIcon(combo.currentIndex()).isNull()
    focus(qtbot, line)
    select_all_and_delete(line)
    type_text(line, "Flyer in de büs")
    assert card_in_file(library, document.journey_id, REVIEWS).channel == "chat"  # written when done typing
    press(line, Qt.Key.Key_Return)
    assert card_in_file(library, document.journey_id, REVIEWS).channel == "Flyer in de büs"
    assert combo.currentIndex() == -1
    select_all_and_delete(line)
    QTest.keyClicks(line, "telefoon")
    press(line, Qt.Key.Key_Return)
    assert card_in_file(library, document.journey_id, REVIEWS).channel == "phone"
    assert combo.currentText() == "Phone"
    select_all_and_delete(line)
    press(line, Qt.Key.Key_Return)
    assert card_in_file(library, document.journey_id, REVIEWS).channel is None
    assert document.undo_stack.count() == steps + 4
    line.setText("x" * 80)
    assert len(line.text()) == 60
    document.undo_stack.undo()
    assert combo.value() == "phone"
    assert combo.currentText() == "Phone"


def test_leaving_the_channel_without_typing_writes_nothing(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    document.update_touchpoint(REVIEWS, channel="Flyer  in  de bus")  # as an imported file may have it
    steps = document.undo_stack.count()
    panel.set_selection([REVIEWS])
    assert panel.card_channel.currentText() == "Flyer  in  de bus"
    focus(qtbot, panel.card_channel.line_edit())
    press(panel.card_channel.line_edit(), Qt.Key.Key_Return)
    focus(qtbot, panel.card_owner)
    assert document.undo_stack.count() == steps
    assert document.journey.touchpoint(REVIEWS).channel == "Flyer  in  de bus"


def test_channel_names_follow_the_journey_language(panel: PropertiesPanel, document: JourneyDocument) -> None:
    panel.set_selection([REVIEWS])
    document.update_journey(language=Language.NL)
    panel.set_selection([WEBSITE])
    assert panel.card_channel.currentText() == "Website"
    document.update_touchpoint(WEBSITE, channel="phone")
    assert panel.card_channel.currentText() == "Telefoon"


# ---------------------------------------------------------------------------------------------------- several cards


def test_several_cards_share_score_colour_and_channel_in_one_undo_step(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    ids = [1, REVIEWS, WEBSITE]
    scores = {i: document.journey.touchpoint(i).score for i in ids}
    assert len(set(scores.values())) > 1
    panel.set_selection(ids)
    assert panel.mode() == "cards"
    summary = panel.findChild(QWidget, "cardsSummary")
    assert summary is not None
    assert summary.text() == "3 cards selected"  # type: ignore[attr-defined]
    assert panel.cards_score.score() == "mixed"
    steps = document.undo_stack.count()
    click(panel.cards_score.button(5))
    assert document.undo_stack.count() == steps + 1
    assert {card_in_file(library, document.journey_id, i).score for i in ids} == {5}
    assert panel.cards_score.score() == 5
    click(panel.cards_color.presets[3])
    assert {card_in_file(library, document.journey_id, i).color for i in ids} == {"#ff9d9a"}
    panel.cards_channel.activated.emit(panel.cards_channel.findData("video"))
    assert {card_in_file(library, document.journey_id, i).channel for i in ids} == {"video"}
    assert document.undo_stack.count() == steps + 3
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert {i: card_in_file(library, document.journey_id, i).score for i in ids} == scores
    assert panel.cards_score.score() == "mixed"
    assert panel.cards_channel.is_mixed()


def test_leaving_a_mixed_channel_untouched_writes_nothing(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.set_selection([1, REVIEWS])
    focus(qtbot, panel.cards_channel.line_edit())
    focus(qtbot, panel.cards_score.button(3))
    assert document.undo_stack.count() == 0
    assert document.journey.touchpoint(1).channel == "social-media"


# ---------------------------------------------------------------------------------------------------- the journey


def test_nothing_selected_edits_the_journey(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    assert panel.mode() == "journey"
    assert panel.journey_title.text() == "Webshop customer journey: Bakery De Korenbloem"
    assert panel.journey_framework.currentData() == Framework.FIVE_PHASE.value
    assert panel.persona_name.text() == "Linda, working mother"
    focus(qtbot, panel.journey_title)
    select_all_and_delete(panel.journey_title)
    type_text(panel.journey_title, "Bakkerij De Korenbloem")
    assert reread(library, document.journey_id).title == "Bakkerij De Korenbloem"
    assert document.undo_stack.count() == 1
    panel.journey_language.activated.emit(panel.journey_language.findData("nl"))
    panel.journey_framework.activated.emit(panel.journey_framework.findData("aida"))
    stored = reread(library, document.journey_id)
    assert (stored.language, stored.framework) == (Language.NL, Framework.AIDA)
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    assert panel.journey_framework.currentData() == "five-phase"


def test_an_empty_journey_title_is_refused(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    focus(qtbot, panel.journey_title)
    select_all_and_delete(panel.journey_title)
    message = message_of(panel.journey_title)
    assert message.isVisible()
    assert document.undo_stack.count() == 0
    press(panel.journey_title, Qt.Key.Key_Return)
    assert panel.journey_title.text() == "Webshop customer journey: Bakery De Korenbloem"


def test_persona_cleared_and_set_again(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    focus(qtbot, panel.persona_name)
    select_all_and_delete(panel.persona_name)
    assert reread(library, document.journey_id).persona is not None  # not while the field is being edited
    message = message_of(panel.persona_name)
    assert message.isVisible()
    focus(qtbot, panel.journey_title)  # leaving the emptied name removes the persona
    assert reread(library, document.journey_id).persona is None
    assert not panel.persona_goals.isEnabled()
    assert panel.persona_goals.toPlainText() == ""

    focus(qtbot, panel.persona_name)
    type_text(panel.persona_name, "Jan, eigenaar van een café")
    assert reread(library, document.journey_id).persona == Persona("Jan, eigenaar van een café")
    assert panel.persona_goals.isEnabled()
    focus(qtbot, panel.persona_goals)
    type_text(panel.persona_goals, "Minder papierwerk")
    assert reread(library, document.journey_id).persona == Persona(
        "Jan, eigenaar van een café", goals="Minder papierwerk"
    )
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert panel.persona_name.text() == ""
    document.undo_stack.undo()
    assert panel.persona_name.text() == "Linda, working mother"
    assert reread(library, document.journey_id).persona == load_example("en").persona


# ---------------------------------------------------------------------------------------------------- refreshing


def test_changes_from_elsewhere_show_without_being_written_back(
    panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    panel.set_selection([REVIEWS])
    assert document.update_touchpoint(REVIEWS, title="Reads the reviews on Google", score=1, votes=9)
    revision = library.revision(document.journey_id)
    assert panel.card_title.text() == "Reads the reviews on Google"
    assert panel.card_score.score() == 1
    assert panel.card_votes.value() == 9
    document.undo_stack.undo()
    assert panel.card_title.text() == "Reads the Google reviews"
    assert panel.card_score.score() == 4
    assert panel.card_votes.value() == 1
    assert document.undo_stack.canRedo()  # the panel's refresh wrote nothing (that would clear the redo)
    assert library.revision(document.journey_id) == revision + 1  # only the undo itself
    document.undo_stack.redo()
    assert panel.card_title.text() == "Reads the reviews on Google"


def test_a_refresh_keeps_the_text_and_cursor_being_typed(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.set_selection([REVIEWS])
    focus(qtbot, panel.card_notes)
    cursor = panel.card_notes.textCursor()
    cursor.setPosition(10)
    panel.card_notes.setTextCursor(cursor)
    type_text(panel.card_notes, "XY")
    notes = document.journey.touchpoint(REVIEWS).notes
    assert notes[10:12] == "XY"
    document.update_touchpoint(REVIEWS, score=2)  # say, from the canvas
    assert panel.card_notes.hasFocus()
    assert panel.card_notes.textCursor().position() == 12
    assert panel.card_notes.toPlainText() == notes
    document.update_touchpoint(REVIEWS, notes="Replaced elsewhere")
    assert panel.card_notes.toPlainText() == "Replaced elsewhere"


def test_a_deleted_card_falls_back_to_the_journey(panel: PropertiesPanel, document: JourneyDocument) -> None:
    panel.set_selection([REVIEWS, WEBSITE])
    document.delete_touchpoints([WEBSITE])
    assert panel.mode() == "card"
    assert panel.card_title.text() == "Reads the Google reviews"
    document.delete_touchpoints([REVIEWS])
    assert panel.mode() == "journey"
    panel.set_selection([12345])
    assert panel.mode() == "journey"


def test_without_a_document_the_panel_says_so(qtbot: QtBot, panel: PropertiesPanel) -> None:
    panel.set_document(None)
    assert panel.mode() == "none"
    panel.set_selection([REVIEWS])
    assert panel.mode() == "none"


def test_panel_on_a_journey_without_persona(qtbot: QtBot, library: Library) -> None:
    journey = load_example("en")
    journey.persona = None
    document = JourneyDocument(library, library.create_journey(journey))
    widget = PropertiesPanel()
    qtbot.addWidget(widget)
    widget.set_document(document)
    assert widget.persona_name.text() == ""
    assert widget.persona_name.placeholderText().startswith("No persona")
    assert not widget.persona_description.isEnabled()
    widget.set_document(None)
    document.deleteLater()


def test_a_status_is_chosen_in_the_list_one_undo_step_and_in_the_file(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument, library: Library
) -> None:
    panel.set_selection([REVIEWS])
    status = panel.card_status
    assert status.currentText() == "None"
    assert [status.itemText(i) for i in range(status.count())] == ["None", "Open", "In progress", "Done"]
    steps = document.undo_stack.index()
    focus(qtbot, status)
    for _ in range(3):
        press(status, Qt.Key.Key_Down)
    assert status.currentText() == "Done"
    assert document.journey.touchpoint(REVIEWS).status is CardStatus.DONE
    assert card_in_file(library, document.journey_id, REVIEWS).status is CardStatus.DONE
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.undo_stack.index() == steps + 1  # Open, In progress and Done: a step each
    assert document.journey.touchpoint(REVIEWS).status is CardStatus.OPEN
    assert status.currentText() == "Open"
    document.undo_stack.undo()
    assert card_in_file(library, document.journey_id, REVIEWS).status is None
    assert status.currentText() == "None"
