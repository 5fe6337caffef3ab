"""Dutch all the way (issue 16, item 7) on the real window with the Dutch translator loaded: the channel palette with
no journey open, Qt's own file dialogs, numbers with Dutch separators, the words of the catalogue (je, not u; kaart
only for a card), and the core's messages (errors, warnings, refusals) in the interface's language, in the window
and on the command line."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

import cjmapper
from cjmapper import card_fields, cli, messages
from cjmapper.errors import EditError
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


# ---------------------------------------------------------------------- the core's messages


_SAYING = {"say": 0, "word": 0, "say_in": 1}
"""The core's wording functions and which of their arguments is the template (say_in takes the language first)."""


def core_templates() -> dict[str, str]:
    """Every template cjmapper/ (or ui/, in what the command line shares with it) words a message with (`say`,
    `say_in` and `word` with a literal, or a module's string constant), and the file it is in."""
    found: dict[str, str] = {}
    folders = (Path(cjmapper.__file__).parent, Path(i18n.__file__).parent)  # the core, and the UI's pictures
    for path in sorted(p for folder in folders for p in folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _SAYING:
                first = node.args[_SAYING[node.func.id]]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found[first.value] = path.name
                elif isinstance(first, ast.Name) and first.id in constants:
                    found[constants[first.id]] = path.name
    return found


def words_filled_in() -> set[str]:
    """The things a message names by a variable (`word(what)`): card fields, journey parts, and the literal names
    the core passes to `rules.title` and `rules.text`."""
    named = {field.what for field in card_fields.FIELDS if field.kind in ("title", "text")}  # through rules
    named |= {"phase", "lane", "phases", "lanes", "touchpoint", "journey", "persona", "version"}
    named |= {"channel", "name", "text"}  # rules.channel's own check; the journey file checks (store/checks.py)
    for path in Path(cjmapper.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) != 3:
                continue
            called, what = node.func, node.args[2]
            if not (isinstance(called, ast.Attribute) and called.attr in ("title", "text")):
                continue
            rules_call = isinstance(called.value, ast.Name) and called.value.id == "rules"
            if rules_call and isinstance(what, ast.Constant) and isinstance(what.value, str):
                named.add(what.value)
    return named | checked_words()


CHECKS = ("text_problem", "integer_problem", "_choice_problem", "_not_text")
"""The checks of a value read from a library (cjmapper/store/checks.py), which name it by a word they fill in."""


def checked_words() -> set[str]:
    """The literal names the library's value checks fill in, and the journey-file keys they name card fields by."""
    named = {field.json_key for field in card_fields.FIELDS if field.kind in ("title", "text")}
    path = Path(cjmapper.__file__).parent / "store" / "checks.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CHECKS:
            named |= {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return named


def placeholders(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_every_core_message_has_dutch_with_the_same_placeholders() -> None:
    """The core's catalogue (resources/translations/core_nl.json) translates every template and every word the
    core fills in, keeps each template's placeholders, and holds nothing the core no longer says."""
    templates = core_templates()
    assert len(templates) > 90
    catalogue = messages.catalogue(Language.NL)
    missing = sorted(t for t in templates if t not in catalogue)
    assert not missing, "add these to core_nl.json:\n" + "\n".join(missing)
    words = words_filled_in()
    assert not sorted(words - catalogue.keys())
    stale = sorted(set(catalogue) - set(templates) - words)
    assert not stale, stale
    for english, dutch in catalogue.items():
        assert placeholders(english) == placeholders(dutch), english
        assert (dutch and dutch != english) or english in {"persona"}, english  # "persona" is Dutch as well


def test_a_core_refusal_is_worded_in_the_language_in_use(tmp_path: Path) -> None:
    """The library's own refusals follow `messages.use_language`, and go back to English after."""
    with Library.open(tmp_path / "refusals.cjm") as lib:
        journey = lib.load_journey(lib.create_journey(load_example("en")))
        previous = messages.use_language(Language.NL)
        try:
            with pytest.raises(EditError) as too_long:
                lib.update_journey(journey.id, title="x" * 300)
            with pytest.raises(EditError) as empty:
                lib.update_journey(journey.id, title="  ")
        finally:
            messages.use_language(previous)
        assert (
            str(too_long.value)
            == "Het veld ‘titel van de klantreis’ is 300 tekens lang; er passen er hoogstens 200 in."
        )
        assert str(empty.value) == "Het veld ‘titel van de klantreis’ mag niet leeg zijn."
        with pytest.raises(EditError, match=r"^The journey title cannot be empty\.$"):
            lib.update_journey(journey.id, title="")


def test_the_window_shows_a_core_error_in_dutch(qtbot: QtBot, path: Path, tmp_path: Path, dutch: None) -> None:
    """Bestand › Bibliotheek openen… on a file that is no library: the core's error, in Dutch, in the message box
    and the status bar."""
    window = open_window(qtbot, path)
    notes = tmp_path / "notities.cjm"
    notes.write_text("boodschappen: brood, kaas\n" * 50, encoding="utf-8")
    said: list[str] = []

    def choose_file() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(str(notes))  # typed, as a user may
        QTimer.singleShot(200, read_message)
        QTest.keyClick(name, Qt.Key.Key_Return)

    def read_message() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        said.append(box.text())
        box.reject()

    try:
        QTimer.singleShot(200, choose_file)
        window.open_library_action.trigger()
        dutch_text = "notities.cjm is geen cjmapper-bibliotheek (het is geen SQLite-database)."
        assert said == [dutch_text]
        assert window.statusBar().currentMessage() == dutch_text
        assert window.library.path == path  # still the library it had
    finally:
        window.library.close()


def test_the_command_line_speaks_the_language_given_else_the_system_s(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "random.cjm"
    bad.write_bytes(b"no library here" * 100)
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    dutch = "cjmapper: fout: random.cjm is geen cjmapper-bibliotheek (het is geen SQLite-database).\n"
    english = "cjmapper: error: random.cjm is not a cjmapper library (it is not a SQLite database).\n"
    assert cli.main(["--language", "nl", "--library", str(bad), "list"]) == 1
    assert capsys.readouterr().err == dutch
    assert cli.main(["--library", str(bad), "list"]) == 1
    assert capsys.readouterr().err == english
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert cli.main(["--library", str(bad), "list"]) == 1
    assert capsys.readouterr().err == dutch
    assert cli.main(["--language", "en", "--library", str(bad), "list"]) == 1
    assert capsys.readouterr().err == english
    assert messages.language() is Language.EN  # as it was before
