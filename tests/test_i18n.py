"""The Dutch interface: every UI string has a Dutch translation in the committed catalogue and its compiled .qm,
translations keep their placeholders, the window in Dutch speaks Dutch (Qt's own buttons too), and the language
comes from --language, Preferences or the system. Also the extractor and catalogue tooling behind
`scripts/translations`."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

import ui.main
from cjmapper.model import Journey, Lane, LaneKind, Language, Phase, Touchpoint
from cjmapper.poster import A4, PosterOptions, plan_poster
from cjmapper.poster.sizing import Choice, warning_text
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from tools import i18n_extract, i18n_tools
from tools.i18n_extract import Message
from tools.i18n_tools import Entry
from ui import app as ui_app
from ui import i18n, user_settings
from ui.dialogs.new_journey_dialog import NewJourneyDialog
from ui.dialogs.preferences import PreferencesDialog
from ui.export.poster_dialog import PosterDialog
from ui.window.main_window import MainWindow

NL = "nl"
HOW_TO_FIX = "run scripts/translations and translate what it lists (see README, Development)"


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """Every test here leaves the interface in English, with no translator of ours installed."""
    yield
    assert i18n.ui_language() is Language.EN
    if QCoreApplication.instance() is not None:
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    with i18n.using_language(Language.NL):
        yield


# ---------------------------------------------------------------------- the committed catalogue


@pytest.fixture(scope="module")
def extraction() -> i18n_extract.Extraction:
    return i18n_extract.extract()


def test_the_source_has_strings_to_translate(extraction: i18n_extract.Extraction) -> None:
    contexts = {m.context for m in extraction.messages}
    assert {"MainWindow", "JourneyCanvas", "JourneyDocument", "PropertiesPanel", "PosterDialog"} <= contexts
    assert len(extraction.messages) > 250
    assert Message("MainWindow", "&File", "", False, ("ui/window/main_window.py",)) in extraction.messages
    lane_kinds = [m for m in extraction.messages if m.context == "JourneyCanvas" and m.source == "Pain points"]
    assert lane_kinds  # marked with QT_TRANSLATE_NOOP where the dict is written
    plural = next(m for m in extraction.messages if m.source == "%n cards selected")
    assert plural.numerus


def test_every_ui_string_has_a_finished_dutch_translation(extraction: i18n_extract.Extraction) -> None:
    state = i18n_tools.status(NL, extraction)
    missing = [f"{m.context}: {m.source!r}" for m in state.missing]
    untranslated = [f"{m.context}: {m.source!r}" for m in state.untranslated]
    assert not missing, f"not in cjmapper_nl.ts ({HOW_TO_FIX}):\n" + "\n".join(missing)
    assert not untranslated, f"untranslated in cjmapper_nl.ts ({HOW_TO_FIX}):\n" + "\n".join(untranslated)
    assert not state.obsolete, f"cjmapper_nl.ts holds strings the source no longer uses: {HOW_TO_FIX}"


def test_translation_calls_are_readable_and_no_literal_skips_translation(extraction: i18n_extract.Extraction) -> None:
    assert [str(p) for p in extraction.problems] == []
    literals = [str(p) for p in i18n_extract.literal_ui_strings()]
    assert literals == [], "wrap these in tr() (or end the line with '# i18n: no'):\n" + "\n".join(literals)


def test_translations_keep_placeholders_accelerators_and_ellipses() -> None:
    wrong = [p for e in i18n_tools.iter_entries(NL) if e.finished for p in i18n_tools.translation_problems(e)]
    assert wrong == []


def test_the_compiled_qm_holds_every_translation_of_the_ts(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(i18n_tools.qm_path(NL)))
    stale = []
    for entry in i18n_tools.iter_entries(NL):
        m = entry.message
        comment = m.comment or None
        if m.numerus:
            got = [translator.translate(m.context, m.source, comment, n) for n in (1, 2)]
            expected = entry.forms
        else:
            got, expected = [translator.translate(m.context, m.source, comment)], [entry.translation]
        if got != expected:
            stale.append(f"{m.context}: {m.source!r}: .qm {got!r}, .ts {expected!r}")
    assert stale == [], "cjmapper_nl.qm is not compiled from cjmapper_nl.ts: run scripts/translations\n" + "\n".join(
        stale
    )


def test_the_qm_is_what_lrelease_makes_of_the_ts() -> None:
    assert i18n_tools.qm_in_step(NL)


def test_terms_follow_the_dutch_templates() -> None:
    """The catalogue uses the words of the Dutch templates and channel catalogue: klantreis, contactmoment, fase,
    rij, kanaal."""
    nl = {(e.message.context, e.message.source): e.translation for e in i18n_tools.iter_entries(NL)}
    assert nl["MainWindow", "&Journey"] == "&Klantreis"
    assert nl["JourneyFigures", "{0} touchpoints"] == "{0} contactmomenten"
    assert nl["JourneyCanvas", "Pain points"] == "Knelpunten"  # as the template lane
    assert nl["MainWindow", "Add &Lane"] == "&Rij toevoegen"
    assert nl["MainWindow", "Add &Phase"] == "&Fase toevoegen"
    assert nl["PosterDialog", "{0} phases, {1} lanes, {2} touchpoints"] == "{0} fasen, {1} rijen, {2} contactmomenten"


# ---------------------------------------------------------------------- the tooling


def _source(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "pkg" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_extractor_finds_every_kind_of_translation_call(tmp_path: Path) -> None:
    helpers = _source(
        tmp_path,
        "helpers.py",
        """
        from PySide6.QtCore import QCoreApplication
        CONTEXT = "Canvas"

        def tr(text: str) -> str:
            return QCoreApplication.translate(CONTEXT, text)
        """,
    )
    widgets = _source(
        tmp_path,
        "widgets.py",
        """
        from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
        from .helpers import CONTEXT, tr
        NAMES = {1: QT_TRANSLATE_NOOP("Kinds", "Pain points")}

        class Panel(QWidget):
            def build(self, n):
                self.setWindowTitle(self.tr("Panel"))
                self.label.setText(self.tr("{0} cards").format(n))
                self.other.setText(self.tr("%n cards selected", "", n))
                self.title.setText(self.tr("Open", "a door"))
                self.more.setText(tr("Canvas text"))
                self.again.setText(QCoreApplication.translate(CONTEXT, "By constant"))
                self.bad.setText(self.tr(f"Hello {n}"))
                self.dynamic.setText(tr(NAMES[1]))
        """,
    )
    found = i18n_extract.extract([helpers, widgets], root=tmp_path)
    got = {(m.context, m.source, m.comment, m.numerus) for m in found.messages}
    assert got == {
        ("Kinds", "Pain points", "", False),
        ("Panel", "Panel", "", False),
        ("Panel", "{0} cards", "", False),
        ("Panel", "%n cards selected", "", True),
        ("Panel", "Open", "a door", False),
        ("Canvas", "Canvas text", "", False),
        ("Canvas", "By constant", "", False),
    }
    assert [(p.path, "computed text" in p.text) for p in found.problems] == [("pkg/widgets.py", True)]
    assert [p.text for p in found.dynamic] == ["NAMES[1]"]


def test_the_cores_marked_edit_labels_are_found_under_the_documents_context(
    extraction: i18n_extract.Extraction,
) -> None:
    """The editing commands are Qt-free (cjmapper/editing): their labels are marked with `marked()` and translated
    by the front end in the context "JourneyDocument"."""
    marked = {m.source for m in extraction.messages if any(p.startswith("cjmapper/editing/") for p in m.locations)}
    assert {"Move {0} cards", "Rename phase {0}", "Save version {0}", "Edit {0} cards"} <= marked
    assert {m.context for m in extraction.messages if m.source in marked} == {"JourneyDocument"}


def test_literal_ui_strings_are_found(tmp_path: Path) -> None:
    path = _source(
        tmp_path,
        "dialog.py",
        """
        class Dialog(QDialog):
            def build(self, n):
                self.setWindowTitle("Timer")
                QLabel("Minutes", self)
                self.status.showMessage(f"Saved {n} cards", 5000)
                self.zoom.setText(f"{n}%")
                self.title.setText(f"{n} — cjmapper")
                image.setText("Title", "metadata")
                self.box.addItem("English")
                self.ok.setText(self.tr("Fine"))
                QMessageBox.warning(self, "cjmapper", "Something broke")
                self.name.setText("Bakery")  # i18n: no
        """,
    )
    found = [(p.line, p.text) for p in i18n_extract.literal_ui_strings([path], root=tmp_path)]
    assert found == [
        (4, "untranslated text 'Timer'"),
        (5, "untranslated text 'Minutes'"),
        (6, "untranslated text 'Saved {…} cards'"),
        (12, "untranslated text 'Something broke'"),
    ]


def test_the_catalogue_keeps_translations_adds_new_strings_unfinished_and_drops_vanished_ones(
    tmp_path: Path,
) -> None:
    ts = tmp_path / "x_nl.ts"
    kept = Message("A", "Save “{0}” & <go> 'now'\n", "verb")
    plural = Message("A", "%n cards", numerus=True)
    gone = Message("B", "Old")
    i18n_tools.write_catalogue(
        ts,
        NL,
        [
            Entry(kept, "Opslaan “{0}” & <ga> 'nu'\n", finished=True, translator_comment="checked"),
            Entry(plural, forms=["%n kaart", "%n kaarten"], finished=True),
            Entry(gone, "Oud", finished=True),
        ],
    )
    assert [(e.message.key, e.translation, e.forms, e.finished) for e in i18n_tools.read_catalogue(ts)] == [
        (kept.key, "Opslaan “{0}” & <ga> 'nu'\n", [], True),
        (plural.key, "", ["%n kaart", "%n kaarten"], True),
        (gone.key, "Oud", [], True),
    ]
    new = Message("A", "New")
    update = i18n_tools.merge([new, kept, plural], i18n_tools.read_catalogue(ts), NL)
    assert update.added == [new]
    assert update.removed == [gone]
    assert [(e.message.source, e.translation, e.finished) for e in update.entries] == [
        ("New", "", False),
        (kept.source, "Opslaan “{0}” & <ga> 'nu'\n", True),
        ("%n cards", "", True),
    ]
    assert update.entries[1].translator_comment == "checked"
    i18n_tools.write_catalogue(ts, NL, update.entries)
    status = i18n_tools.status(NL, i18n_extract.Extraction(messages=[new, kept, plural]), ts)
    assert [m.source for m in status.untranslated] == ["New"]
    assert status.missing == status.obsolete == []


def test_translation_problems_catch_lost_placeholders_accelerators_and_ellipses() -> None:
    def problems(source: str, translation: str) -> list[str]:
        return i18n_tools.translation_problems(Entry(Message("C", source), translation, finished=True))

    assert problems("&Open “{0}”…", "&Open “{0}”…") == []
    assert problems("Move {0} cards", "{1} kaarten verplaatsen")
    assert problems("Score %1: %2", "Score %1")
    assert problems("&Open…", "Openen…")  # lost the accelerator
    assert problems("&Open…", "&Ope&nen…")  # two
    assert problems("Export…", "Exporteren")  # lost the …
    assert problems("<b>{0}</b>", "{0}")
    assert problems(" mm", "mm")
    plural = Entry(Message("C", "%n cards", numerus=True), forms=["één kaart", "%n kaarten"], finished=True)
    assert i18n_tools.translation_problems(plural) == []  # a singular form may spell out the number


# ---------------------------------------------------------------------- the window in Dutch


def onboarding() -> Journey:
    return Journey(
        id=0,
        title="Onboarding",
        phases=[Phase(1, "Intake"), Phase(2, "Kick-off")],
        lanes=[Lane(1, "Touchpoints"), Lane(2, "Experience", LaneKind.EMOTIONS)],
        touchpoints=[
            Touchpoint(1, 1, 1, 0, "Welcome call", channel="phone", score=5),
            Touchpoint(2, 1, 1, 1, "Signs the contract", score=4),
            Touchpoint(3, 2, 1, 0, "Waits for the login", channel="e-mail", score=2),
        ],
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "test.cjm") as lib:
        lib.create_journey(onboarding())
    return tmp_path / "test.cjm"


@pytest.fixture
def dutch_window(qtbot: QtBot, path: Path, dutch: None) -> Iterator[MainWindow]:
    window = open_window(qtbot, path)
    yield window
    window.library.close()  # pytest-qt closes the window


def _texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_window_in_dutch_shows_dutch_menus(dutch_window: MainWindow) -> None:
    window = dutch_window
    titles = [m.title() for m in window.menus]
    assert titles[:4] == ["&Bestand", "Be&werken", "Beel&d", "&Klantreis"]
    assert titles[-1] == "&Help"
    file_menu, edit_menu, view_menu, journey_menu = window.menus[:4]
    assert {"&Nieuwe bibliotheek…", "Bibliotheek &openen…", "&Poster exporteren…", "A&fsluiten"} <= set(
        _texts(file_menu)
    )
    assert {"&Ongedaan maken", "Opnie&uw", "&Kopiëren", "P&lakken", "Voorkeu&ren…"} <= set(_texts(edit_menu))
    assert {"&Inzoomen", "&Passend in venster", "Klantreizen", "Eigenschappen"} <= set(_texts(view_menu))
    assert {"&Nieuw…", "Nieuwe &kaart", "&Fase toevoegen", "&Rij toevoegen"} <= set(_texts(journey_menu))
    assert window.status_figures.text() == "3 contactmomenten  ·  gemiddelde score 3,7  ·  CSAT 67%"  # Dutch comma
    assert window.journeys_dock.windowTitle() == "Klantreizen"
    assert window.library_panel.search_field.placeholderText() == "Klantreizen zoeken"


def test_dutch_accelerators_are_unique_in_every_menu(dutch_window: MainWindow) -> None:
    def letters(texts: list[str]) -> list[str]:
        found = []
        for text in texts:
            plain = text.replace("&&", "")
            at = plain.find("&")
            if at >= 0 and at + 1 < len(plain):
                found.append(plain[at + 1].lower())
        return found

    menus = dutch_window.menus
    bar = letters([m.title() for m in menus])
    assert len(bar) == len(set(bar)), bar
    for menu in menus:
        keys = letters(_texts(menu))
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        assert not duplicates, f"{menu.title()}: {duplicates} in {_texts(menu)}"


def test_qt_standard_buttons_are_dutch(dutch_window: MainWindow, qtbot: QtBot) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == ["Annuleren", "OK"]
    box = QMessageBox(
        QMessageBox.Icon.Question, "x", "y", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == ["&Ja", "&Nee"]


def test_undo_names_the_edit_in_dutch_word_order(dutch_window: MainWindow) -> None:
    window = dutch_window
    window.library_editor.create(onboarding())
    assert window.undo_action.text() == "&Ongedaan maken: Nieuwe klantreis “Onboarding”"
    window.undo_action.trigger()
    assert window.redo_action.text() == "Opnie&uw: Nieuwe klantreis “Onboarding”"
    assert window.undo_action.text() == "&Ongedaan maken"


def test_plural_message_follows_dutch_rules(dutch: None) -> None:
    assert QCoreApplication.translate("PropertiesPanel", "%n cards selected", "", 1) == "1 kaart geselecteerd"
    assert QCoreApplication.translate("PropertiesPanel", "%n cards selected", "", 4) == "4 kaarten geselecteerd"


def test_new_journeys_default_to_the_interface_language(
    dutch_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    languages: list[Language] = []

    def cancel(dialog: NewJourneyDialog) -> int:
        languages.append(dialog.language)
        assert dialog.template_box.currentText() == "Klantreis in vijf fasen"
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(NewJourneyDialog, "exec", cancel)
    dutch_window.new_journey_action.trigger()
    assert languages == [Language.NL]  # the open journey is English; the interface is Dutch


def test_the_default_library_is_seeded_in_the_interface_language(dutch: None) -> None:
    with ui_app.open_library(None) as library:
        [info] = library.list_journeys()
        assert info.title == load_example("nl").title


def test_the_poster_dialog_words_its_legibility_warning_in_the_interface_language(qtbot: QtBot) -> None:
    journey = load_example("en")
    journey.phases = [Phase(i, f"Phase {i}") for i in range(1, 25)]
    journey.touchpoints = [
        Touchpoint(i, (i % 24) + 1, journey.lanes[0].id, i, f"Card {i}") for i in range(1, 200)
    ]  # far too wide for A4
    plan = plan_poster(journey, PosterOptions(A4))
    assert plan.warning is not None
    dialog = PosterDialog(journey, Path.home() / "poster.pdf")
    qtbot.addWidget(dialog)
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("A4"))
    assert dialog.warning_label.text() == plan.warning  # English: the core's own words, as the CLI prints them
    assert plan.warning.startswith("At A4 the card text prints at ")
    with i18n.using_language(Language.NL):
        for advice in (None, plan.advice):  # the core's Dutch, with or without advice
            assert warning_text(Choice(A4), plan.body_size, advice).startswith("Op A4 wordt de tekst op de kaarten ")
        dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("A3"))
        dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("A4"))
        dutch = dialog.warning_label.text()
        assert dutch.startswith("Op A4 wordt de tekst op de kaarten ")
        assert dutch == plan_poster(journey, PosterOptions(A4)).warning  # one wording, the core's
        assert "At " not in dutch
        assert "too small" not in dutch


# ---------------------------------------------------------------------- choosing the language


def test_a_missing_translation_leaves_the_interface_in_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: QApplication
) -> None:
    monkeypatch.setattr(i18n, "catalogue_path", lambda language: str(tmp_path / "gone.qm"))
    with i18n.using_language(Language.NL):
        assert i18n.ui_language() is Language.EN
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert "cannot load the Nederlands translation" in capsys.readouterr().err


def test_language_comes_from_the_option_else_preferences_else_the_system(
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    monkeypatch.setattr(i18n, "system_ui_language", lambda: Language.NL)
    assert i18n.chosen_language() is None
    assert i18n.startup_language() is Language.NL
    i18n.choose_language(Language.EN)
    assert i18n.startup_language() is Language.EN
    assert i18n.startup_language("nl") is Language.NL  # --language wins
    i18n.choose_language(None)
    assert i18n.startup_language() is Language.NL


def test_preferences_store_the_language_and_say_it_applies_after_a_restart(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "system_ui_language", lambda: Language.EN)
    monkeypatch.setattr("ui.dialogs.preferences.system_ui_language", lambda: Language.EN)
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.language_box
    assert [box.itemText(i) for i in range(box.count())] == ["System default (English)", "English", "Nederlands"]
    assert box.currentIndex() == 0
    assert not dialog.restart_note.isVisible()
    box.setCurrentIndex(box.findData("nl"))
    assert dialog.restart_note.isVisible()
    assert "next time" in dialog.restart_note.text()
    dialog.accept()
    assert i18n.chosen_language() is Language.NL
    assert user_settings.settings().value(i18n.SETTINGS_LANGUAGE) == "nl"
    again = PreferencesDialog()
    qtbot.addWidget(again)
    assert again.language_box.currentData() == "nl"
    again.language_box.setCurrentIndex(0)
    again.accept()
    assert i18n.chosen_language() is None


def test_preferences_are_in_the_edit_menu_with_the_preferences_role(qtbot: QtBot, path: Path) -> None:
    window = ui_app.create_window(Library.open(path))
    qtbot.addWidget(window)
    action = window.preferences_action
    assert action in window.menus[1].actions()
    assert action.menuRole() is action.MenuRole.PreferencesRole  # the application menu on macOS
    window.library.close()


def test_language_option_reaches_the_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[tuple[Path | None, Language | None]] = []

    def run_editor(library: Path | None, argv: list[str] | None = None, language: Language | None = None) -> int:
        calls.append((library, language))
        return 0

    monkeypatch.setattr(ui_app, "run_editor", run_editor)
    monkeypatch.setattr(sys, "argv", ["cjmapper", "--language", "nl", "--library", str(tmp_path / "a.cjm")])
    with pytest.raises(SystemExit) as exited:
        ui.main.main()
    assert exited.value.code == 0
    assert calls == [(tmp_path / "a.cjm", Language.NL)]


def test_run_editor_starts_in_the_language_given_and_ends_in_english(path: Path, qapp: QApplication) -> None:
    seen: list[tuple[Language, list[str]]] = []
    timer = QTimer()
    timer.setSingleShot(True)

    def look() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        seen.append((i18n.ui_language(), [m.title() for m in window.menus]))
        window.close()

    timer.timeout.connect(look)
    timer.start(50)
    try:
        assert ui_app.run_editor(path, language=Language.NL) == 0
    finally:
        timer.stop()
    assert seen
    assert seen[0][0] is Language.NL
    assert seen[0][1][:2] == ["&Bestand", "Be&werken"]
