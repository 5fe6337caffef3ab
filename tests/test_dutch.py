"""Dutch all the way (issue 16, item 7) on the real window with the Dutch translator loaded: the channel palette with
no journey open, Qt's own file dialogs, numbers with Dutch separators, the words of the catalogue (je, not u; kaart
only for a card), and the core's messages (errors, warnings, refusals) in the interface's language, in the window
and on the command line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cjmapper.model import Language
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from tools import i18n_tools
from ui import i18n
from ui.export.picture_dialog import PictureDpiDialog
from ui.export.pictures import picture_size
from ui.window.main_window import MainWindow


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    with i18n.using_language(Language.NL):
        yield


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "dutch.cjm") as lib:
        lib.create_journey(load_example("nl"))
        lib.create_journey(load_example("en"))
    return tmp_path / "dutch.cjm"


def palette_names(window: MainWindow, keys: list[str]) -> list[str]:
    return [window.channel_palette.item_for(key).text() for key in keys]


CHANNELS = ["phone", "newsletter", "contact-form", "customer-service"]


def test_the_channel_palette_follows_the_interface_with_no_journey_open(
    qtbot: QtBot, tmp_path: Path, dutch: None
) -> None:
    """An empty library: no journey, and the palette speaks Dutch; an English journey opened shows its own
    language's names, and deleting it (no journey again) brings the interface's back."""
    window = open_window(qtbot, tmp_path / "empty.cjm")
    try:
        assert window.document is None
        assert palette_names(window, CHANNELS) == ["Telefoon", "Nieuwsbrief", "Contactformulier", "Klantenservice"]
        journey = window.library.create_journey(load_example("en"))
        window.reload_journeys(select=journey)
        assert window.document is not None
        assert palette_names(window, CHANNELS) == ["Phone", "Newsletter", "Contact form", "Customer service"]
        window.library.delete_journey(journey)
        window.reload_journeys()
        assert window.document is None
        assert palette_names(window, CHANNELS)[0] == "Telefoon"
    finally:
        window.library.close()


def visible_texts(widget: QWidget) -> list[str]:
    """The texts of the visible labels, buttons and combo box items in `widget`."""
    texts = [label.text() for label in widget.findChildren(QLabel) if label.isVisible() and label.text()]
    texts += [b.text() for b in widget.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    for combo in widget.findChildren(QComboBox):
        if combo.isVisible():
            texts += [combo.itemText(i) for i in range(combo.count())]
    return texts


def test_qt_s_own_file_dialog_speaks_dutch(qtbot: QtBot, path: Path, dutch: None) -> None:
    """File › Bibliotheek openen… opens Qt's file dialog (no native one here) in Dutch: Zoeken in, Bestandsnaam,
    Bestandstype (two labels PySide6's qtbase_nl.qm lacks), Openen, Annuleren; none of Qt's English labels."""
    window = open_window(qtbot, path)
    seen: list[str] = []

    def look() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
        seen.extend(visible_texts(dialog))
        dialog.reject()

    try:
        QTimer.singleShot(200, look)
        window.open_library_action.trigger()
        assert {"&Zoeken in:", "Bestands&naam:", "Bestands&type:", "&Openen", "Annuleren"} <= set(seen), seen
        assert not {"&Look in:", "File &name:", "Files of &type:", "Cancel", "&Open"} & set(seen)
    finally:
        window.library.close()


def test_the_png_dialog_writes_sizes_with_dutch_separators(
    qtbot: QtBot, path: Path, tmp_path: Path, dutch: None
) -> None:
    """Bestand › Afbeelding exporteren… as PNG: the resolution dialog gives the size with Dutch thousands
    separators and decimal comma ("3.925 × 3.457 pixels (13,6 megapixel)"), and it follows the dpi typed."""
    window = open_window(qtbot, path)
    seen: list[str] = []

    def choose_file() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
        dialog.selectFile(str(tmp_path / "kaart.png"))
        QTimer.singleShot(200, read_size)
        dialog.accept()

    def read_size() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PictureDpiDialog) and w.isVisible())
        dialog.dpi_spin.setValue(300)
        seen.append(dialog.size_label.text())
        dialog.reject()

    try:
        assert window.document is not None
        width, height = picture_size(window.document, 300)
        assert width > 1000
        QTimer.singleShot(200, choose_file)
        window.exports.picture_action.trigger()
        megapixels = f"{width * height / 1_000_000:.1f}".replace(".", ",")
        dutch_width, dutch_height = (f"{n:,}".replace(",", ".") for n in (width, height))
        assert seen == [f"{dutch_width} × {dutch_height} pixels ({megapixels} megapixel)"]
        assert "." in dutch_width
        assert not (tmp_path / "kaart.png").exists()  # cancelled
    finally:
        window.library.close()


FORMAL = re.compile(r"\b(u|uw|uzelf|uwe)\b", re.IGNORECASE)
"""The formal pronouns: the interface says je and jouw, as the Dutch templates do."""


def test_the_catalogue_says_je_and_keeps_kaart_for_a_card() -> None:
    """No translation addresses the user formally, and "kaart" appears only where the English speaks of a card
    (or a touchpoint, which is a card on the map): the map itself is de klantreis."""
    entries = list(i18n_tools.iter_entries("nl"))
    assert len(entries) > 500
    formal = [e.translation for e in entries if FORMAL.search(e.translation.replace("&", ""))]
    assert not formal, formal
    card_words = ("card", "touchpoint")
    not_a_card = [
        (e.message.source, e.translation)
        for e in entries
        if "kaart" in e.translation.lower() and not any(w in e.message.source.lower() for w in card_words)
    ]
    assert not not_a_card, not_a_card
    [conflict] = [e for e in entries if e.message.source.startswith("Someone else changed this journey")]
    assert conflict.translation == (
        "Iemand anders heeft deze klantreis gewijzigd; je wijziging is niet opgeslagen. "
        "De klantreis toont nu die wijzigingen."
    )
