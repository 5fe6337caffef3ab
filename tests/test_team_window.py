"""Team libraries in the editor (pytest-qt on the real window, a team library on the test PostgreSQL server): a
teammate's edit shows within 2 s, a stale edit is refused, the password prompt (never stored or shown), File › Open
Team Library…, and publishing a journey to the team library and copying it back."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from cjmapper import cli
from cjmapper.errors import LibraryError
from cjmapper.interchange import write_journey
from cjmapper.model import Journey
from cjmapper.paths import LIBRARY_ENV, default_library_path
from cjmapper.store import Library
from cjmapper.store.location import ServerLocation, parse_server_url
from cjmapper.templates import load_example
from tests import window_helpers
from tests.conftest import admin_connection
from tests.store_helpers import sample_journey
from ui import app as ui_app
from ui import main as ui_main
from ui.dialogs import team
from ui.user_settings import settings
from ui.window import transfer
from ui.window.library_files import recent_libraries
from ui.window.library_watch import CHANGE_POLL_MS, MAX_POLL_BACKOFF_MS
from ui.window.main_window import SETTINGS_GEOMETRY, MainWindow

SHARED = "Shared journey"
STALE = "Someone else changed this journey; your edit was not saved. The map now shows their changes."


@pytest.fixture
def seeded(team_location: ServerLocation) -> ServerLocation:
    """The team library with two journeys, made by a teammate (not through this window)."""
    with Library.open(team_location) as lib:
        journey_id = lib.create_journey(sample_journey(SHARED))
        lib.create_journey(sample_journey("Other journey", phases=2))
        lib.save_version(journey_id, "before the workshop")
    return team_location


def open_window(qtbot: QtBot, library: Library, title: str | None = SHARED) -> MainWindow:
    return window_helpers.open_window(qtbot, library, title)


@pytest.fixture
def windows(qtbot: QtBot, seeded: ServerLocation) -> Iterator[tuple[MainWindow, MainWindow]]:
    a = open_window(qtbot, Library.open(seeded))
    b = open_window(qtbot, Library.open(seeded))
    yield a, b
    for window in (a, b):
        window.close()
        window.library.close()


@pytest.fixture
def password(postgres_server: tuple[ServerLocation, str], monkeypatch: pytest.MonkeyPatch) -> str:
    """The server's password, which the user now has to type: PGPASSWORD is gone (and there is no ~/.pgpass)."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert not (Path.home() / ".pgpass").exists()
    return postgres_server[1]


def typed(monkeypatch: pytest.MonkeyPatch, answers: list[str | None]) -> list[tuple[str, QLineEdit.EchoMode]]:
    """Answer the password prompts with `answers` in turn (None: Cancel); returns each prompt's text and echo mode."""
    asked: list[tuple[str, QLineEdit.EchoMode]] = []

    def get_text(_parent: QWidget | None, _title: str, label: str, echo: QLineEdit.EchoMode, *a: object) -> object:
        asked.append((label, echo))
        answer = answers.pop(0)
        return ("", False) if answer is None else (answer, True)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked


def settings_text() -> str:
    """Everything cjmapper wrote to its settings file."""
    stored = settings()
    stored.sync()
    path = Path(stored.fileName())
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def comparable(journey: Journey) -> str:
    """The journey as a journey file (ids there are the file's own references, so copies compare equal)."""
    return write_journey(journey)


# ---------------------------------------------------------------------- live updates


def test_a_teammates_edit_shows_in_the_other_window_within_2_s(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow], warnings: list[str]
) -> None:
    a, b = windows
    assert a.document is not None
    assert b.document is not None
    assert b.scene is not None
    cards = a.document.journey.touchpoints
    card, other = cards[0], cards[-1]
    b.scene.select_ids([other.id])
    b.resize(1200, 860)  # a canvas narrower than the map at 100%, so there is a scroll place to keep
    qtbot.waitUntil(lambda: b.width() == 1200 and b.view.width() >= 0.6 * 1200)  # the panels narrowed for it
    QApplication.processEvents()  # the fit to window that opening the journey queued
    b.view.zoom_reset()
    qtbot.waitUntil(lambda: b.view.horizontalScrollBar().maximum() > 0)
    b.view.horizontalScrollBar().setValue(b.view.horizontalScrollBar().maximum() // 2)
    scroll = (b.view.horizontalScrollBar().value(), b.view.verticalScrollBar().value())
    untouched = b.scene.card_item(other.id)
    assert untouched is not None
    untouched_card = untouched.card

    doc_a, doc_b = a.document, b.document

    def teammate(edit: Callable[[], object]) -> None:
        """A's edit, as the user makes it (one undo step), then B's screen until it shows it."""
        before = doc_b.journey.revision
        assert edit()
        started = time.perf_counter()
        qtbot.waitUntil(lambda: doc_b.journey.revision > before, timeout=2000)
        print(f"teammate's edit reached the other window in {(time.perf_counter() - started) * 1000:.0f} ms")
        assert doc_b.journey == doc_a.journey

    teammate(lambda: doc_a.update_touchpoint(card.id, title="Written by a teammate"))
    teammate(lambda: doc_a.add_touchpoint(card.phase_id, card.lane_id, "A teammate's new card"))
    teammate(lambda: doc_a.update_journey(title="Renamed by a teammate"))

    item = b.scene.card_item(card.id)
    assert item is not None
    assert item.card.title == "Written by a teammate"
    assert any(t.title == "A teammate's new card" for t in (i.card for i in b.scene.card_items().values()))
    assert "Renamed by a teammate" in b.library_panel.titles()
    assert b.windowTitle().startswith("Renamed by a teammate — Team library: ")
    assert b.scene.selected_ids() == [other.id]  # the selection stays
    assert (b.view.horizontalScrollBar().value(), b.view.verticalScrollBar().value()) == scroll  # and the scroll
    assert b.scene.card_item(other.id) is untouched
    assert untouched.card is untouched_card
    assert "Updated with changes made elsewhere" in b.statusBar().currentMessage()
    assert a.document.undo_stack.count() == 3  # A's own edits came back as notices too, and changed nothing there
    assert warnings == []


def test_a_notice_wakes_the_other_window_without_waiting_for_its_poll(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow]
) -> None:
    """The window watches the notice socket: with its poll timer stopped, a teammate's edit still arrives, and well
    before a poll would have come (the first poll makes the listening connection)."""
    a, b = windows
    qtbot.waitUntil(lambda: b.library.change_notice_socket() is not None, timeout=3000)
    QApplication.processEvents()
    b.change_poll.stop()
    assert a.document is not None
    assert b.document is not None
    doc_b, card = b.document, a.document.journey.touchpoints[0]
    before = doc_b.journey.revision
    assert a.document.update_touchpoint(card.id, title="Straight from the notice")
    qtbot.waitUntil(lambda: doc_b.journey.revision > before, timeout=CHANGE_POLL_MS)
    assert doc_b.journey.touchpoint(card.id).title == "Straight from the notice"
    assert not b.change_poll.isActive()


def test_a_stale_edit_from_the_second_window_is_refused_and_its_view_refreshed(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow], warnings: list[str], seeded: ServerLocation
) -> None:
    a, b = windows
    b.change_poll.stop()  # B has not noticed A's edit yet
    assert a.document is not None
    assert b.document is not None
    assert b.scene is not None
    card = a.document.journey.touchpoints[0]
    assert a.document.update_touchpoint(card.id, title="A's title")

    assert not b.document.update_touchpoint(card.id, notes="B's note, on an old view")
    assert warnings == [STALE]
    assert b.document.journey.touchpoint(card.id).title == "A's title"
    item = b.scene.card_item(card.id)
    assert item is not None
    assert item.card.title == "A's title"
    with Library.open(seeded) as lib:
        stored = lib.load_journey(b.document.journey_id).touchpoint(card.id)
    assert (stored.title, stored.notes) == ("A's title", "")
    # Once refreshed, B's edits go through again, and A sees them.
    assert b.document.update_touchpoint(card.id, notes="B's note")
    qtbot.waitUntil(
        lambda: a.document is not None and a.document.journey.touchpoint(card.id).notes == "B's note", timeout=2000
    )


def test_a_dropped_notice_connection_is_made_again_and_catches_up(
    qtbot: QtBot,
    windows: tuple[MainWindow, MainWindow],
    postgres_server: tuple[ServerLocation, str],
    seeded: ServerLocation,
    warnings: list[str],
) -> None:
    """The server ends the window's listening connection (a restart, a network blip): the window listens again and
    shows what was changed meanwhile, whose notice it never got."""
    a, b = windows
    assert a.document is not None
    assert b.document is not None
    a.poll_changes()
    b.poll_changes()  # both listen now
    schema = str(seeded.url.query["options"]).rpartition("=")[2]
    with admin_connection(postgres_server) as conn:  # only this test's listeners: others may use the server
        ended = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'cjmapper' AND query LIKE %s",
            (f'LISTEN "cjmapper.{schema}"%',),
        ).fetchall()
    assert [row[0] for row in ended] == [True, True]  # A's and B's
    card = a.document.journey.touchpoints[0]
    assert a.document.update_touchpoint(card.id, title="While the line was down")
    qtbot.waitUntil(
        lambda: b.document is not None and b.document.journey.touchpoint(card.id).title == "While the line was down",
        timeout=5000,
    )
    assert b.status_library.text().endswith("</span> Team library: cjm_test on 127.0.0.1")
    assert warnings == []


def test_a_server_that_stops_answering_shows_in_the_status_bar(
    seeded: ServerLocation, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, Library.open(seeded))
    try:
        window.change_poll.stop()
        real = Library.change_counter

        def unreachable(_library: Library) -> int:
            raise LibraryError("Cannot reach the team library server 127.0.0.1: Connection refused.")

        monkeypatch.setattr(Library, "change_counter", unreachable)
        window.poll_changes()
        assert "(cannot reach the server)" in window.status_library.text()
        assert window.change_poll.interval() == CHANGE_POLL_MS  # tried again soon, then less and less often
        for _ in range(6):
            window.poll_changes()
        assert window.change_poll.interval() == MAX_POLL_BACKOFF_MS
        monkeypatch.setattr(Library, "change_counter", real)
        window.poll_changes()
        assert window.status_library.text().endswith("</span> Team library: cjm_test on 127.0.0.1")
        assert window.change_poll.interval() == CHANGE_POLL_MS
    finally:
        window.close()
        window.library.close()


def test_the_window_names_a_team_library_and_keys_its_settings_by_the_url(qtbot: QtBot, seeded: ServerLocation) -> None:
    window = open_window(qtbot, Library.open(seeded))
    try:
        assert window.windowTitle() == f"{SHARED} — Team library: cjm_test on 127.0.0.1 — cjmapper"
        assert window.status_library.isVisible()
        assert window.status_library.text().endswith("</span> Team library: cjm_test on 127.0.0.1")
        assert recent_libraries()[0] == str(seeded)
        assert team.recent_team_libraries()[0] == str(seeded)
        assert window.recent_menu.actions()[0].text() == "Team library: cjm_test on 127.0.0.1"
        assert window.recent_menu.actions()[0].toolTip() == str(seeded)
        assert not window.save_as_action.isEnabled()
        assert "Copy Journey to Local Library" in window.save_as_action.toolTip()
        assert window.copy_local_action.isVisible()
        assert window.copy_local_action.isEnabled()
        assert window.publish_action.isEnabled()
        window.files.save_library_as()  # off in the menu; called all the same, it explains itself
        assert "lives on its server" in window.statusBar().currentMessage()
        other = window.library.find_journey("Other journey")
        window.open_journey(other)
    finally:
        window.close()
        window.library.close()
    # Reopened, the window shows the journey last open in that library.
    again = open_window(qtbot, Library.open(seeded), title=None)
    try:
        assert again.document is not None
        assert again.document.journey_id == other
        assert again.switch_library(recent_libraries()[0])  # File › Open Recent: the URL as remembered
        assert again.library.is_team
    finally:
        again.close()
        again.library.close()


def test_switching_from_a_team_library_to_a_file_restores_the_file_actions(
    qtbot: QtBot, seeded: ServerLocation, tmp_path: Path
) -> None:
    window = open_window(qtbot, Library.open(seeded))
    try:
        assert window.switch_library(tmp_path / "local.cjm")
        assert window.save_as_action.isEnabled()
        assert not window.copy_local_action.isVisible()
        assert not window.status_library.isVisible()
        assert window.windowTitle() == "local.cjm — cjmapper"
        assert window.switch_library(seeded)
        assert window.windowTitle().endswith("Team library: cjm_test on 127.0.0.1 — cjmapper")
    finally:
        window.close()
        window.library.close()


# ---------------------------------------------------------------------- passwords


def test_a_password_is_asked_for_again_when_wrong_and_never_kept(
    qtbot: QtBot, seeded: ServerLocation, password: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = typed(monkeypatch, ["not the password", password])
    library = team.open_location(seeded)
    assert library is not None
    window = open_window(qtbot, library)
    try:
        assert len(asked) == 2
        first, again = asked[0][0], asked[1][0]
        assert all(echo == QLineEdit.EchoMode.Password for _, echo in asked)
        assert "needs a password to open cjm_test on 127.0.0.1" in first
        assert "cjm_test" in first
        assert "refused the user name or password" in again
        assert "Try again" in again
        assert window.document is not None
        assert window.document.journey.title == SHARED
        window.poll_changes()  # the change notices' own connection uses the typed password too
        assert window.status_library.text().endswith("</span> Team library: cjm_test on 127.0.0.1")
        window.save_settings()
        assert password not in window.windowTitle()
        assert password not in window.status_library.text()
    finally:
        window.close()
        window.library.close()
    written = settings_text()
    assert str(seeded) in written or "cjm_test" in written
    assert password not in written


def test_cancelling_the_password_prompt_opens_nothing(
    seeded: ServerLocation, password: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = typed(monkeypatch, [None])
    assert team.open_location(seeded) is None
    assert len(asked) == 1


def test_a_stored_password_the_server_refuses_is_asked_for(
    seeded: ServerLocation, password: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", "an old password")
    asked = typed(monkeypatch, [password])
    library = team.open_location(seeded)
    assert library is not None
    library.close()
    [(question, _echo)] = asked
    assert question.startswith("The server 127.0.0.1 refused the user name or password for cjm_test")
    assert "Try again" not in question  # the user typed nothing yet
    assert question.endswith("Password for cjm_test:")


def test_the_editor_asks_for_the_password_at_startup(
    seeded: ServerLocation, password: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`cjmapper --library postgresql://…` where the server wants a password: the prompt, then the window."""
    asked = typed(monkeypatch, ["wrong", password])
    titles: list[str] = []
    real_create = ui_app.create_window

    def create_window(library: Library) -> MainWindow:
        window = real_create(library)
        titles.append(window.windowTitle())
        return window

    monkeypatch.setattr(ui_app, "create_window", create_window)
    QTimer.singleShot(300, QApplication.closeAllWindows)
    assert ui_app.run_editor(seeded) == 0
    assert len(asked) == 2
    assert titles
    assert "Team library: cjm_test on 127.0.0.1" in titles[0]
    assert all(password not in title for title in titles)
    assert settings().contains(SETTINGS_GEOMETRY)
    assert password not in settings_text()
    assert password not in capsys.readouterr().err


def test_the_editor_stops_when_the_startup_password_prompt_is_cancelled(
    seeded: ServerLocation, password: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    typed(monkeypatch, [None])
    assert ui_app.run_editor(seeded) == 1
    assert capsys.readouterr().err.strip() == (
        "cjmapper: No password was given, so cjm_test on 127.0.0.1 was not opened."
    )


@pytest.mark.parametrize("from_environment", [False, True])
def test_library_option_and_variable_may_name_a_team_library(
    seeded: ServerLocation, monkeypatch: pytest.MonkeyPatch, from_environment: bool
) -> None:
    """`cjmapper --library postgresql://…` and CJMAPPER_LIBRARY=postgresql://… start the editor on the team library."""
    started: list[object] = []

    def run_editor(library: object, language: object = None) -> int:
        started.append(library)
        return 0

    monkeypatch.setattr(ui_app, "run_editor", run_editor)
    if from_environment:
        monkeypatch.setenv(LIBRARY_ENV, str(seeded))
        argv: list[str] = []
    else:
        argv = ["--library", str(seeded)]
    assert cli.main(argv, start_editor=ui_main._start_editor) == 0
    [location] = started
    assert isinstance(location, ServerLocation)
    assert str(location) == str(seeded)


# ---------------------------------------------------------------------- File › Open Team Library…


def dialog_outcome(qtbot: QtBot, dialog: team.TeamLibraryDialog, address: str) -> str:
    """Type `address`, press Open and wait for the attempt to end; the error line ("" when it opened)."""
    dialog.address.setText(address)
    dialog.open_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    return dialog.error()


@pytest.fixture
def dialog(qtbot: QtBot) -> Iterator[team.TeamLibraryDialog]:
    opened = team.TeamLibraryDialog()
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    library = opened.take_library()
    if library is not None:
        library.close()


def test_an_unreachable_server_is_one_clear_line_in_the_dialog(qtbot: QtBot, dialog: team.TeamLibraryDialog) -> None:
    error = dialog_outcome(qtbot, dialog, "postgresql://someone@127.0.0.1:1/team")
    assert error.startswith("Cannot reach the team library server 127.0.0.1: ")
    assert "\n" not in error
    assert dialog.isVisible()
    assert dialog.library is None
    assert dialog.open_button.isEnabled()
    assert dialog.address.isEnabled()
    dialog.address.setText("")
    dialog.address.textEdited.emit("")  # typing clears the old error
    assert dialog.error() == ""


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("/home/me/library.cjm", "A team library's address starts with postgresql://"),
        ("   ", "Enter the team library's address"),
        ("postgresql://me@host:port/db", "That is not a PostgreSQL address"),
    ],
)
def test_an_address_that_is_no_team_library_is_one_line(
    qtbot: QtBot, dialog: team.TeamLibraryDialog, address: str, expected: str
) -> None:
    dialog.address.setText(address)
    dialog.start()
    assert not dialog.busy
    assert dialog.error().startswith(expected)


def test_the_dialog_opens_a_team_library_asking_for_the_password(
    qtbot: QtBot,
    dialog: team.TeamLibraryDialog,
    seeded: ServerLocation,
    password: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = typed(monkeypatch, [None, "wrong", password])
    # Cancel at the prompt: the dialog stays, saying why nothing opened.
    assert "needs a password" in dialog_outcome(qtbot, dialog, str(seeded))
    assert dialog.library is None
    assert len(asked) == 1
    # Wrong, then right: opened, remembered without the password.
    assert dialog_outcome(qtbot, dialog, str(seeded)) == ""
    assert len(asked) == 3
    assert dialog.result() == team.TeamLibraryDialog.DialogCode.Accepted
    library = dialog.take_library()
    assert library is not None
    try:
        assert library.is_team
        assert SHARED in [j.title for j in library.list_journeys()]
    finally:
        library.close()
    assert team.recent_team_libraries() == [str(seeded)]
    assert password not in settings_text()
    with_password = str(seeded).replace("cjm_test@", f"cjm_test:{password}@")
    assert dialog_outcome(qtbot, dialog, with_password) == ""  # a password written in the URL is used, not kept
    reopened = dialog.take_library()
    assert reopened is not None
    reopened.close()
    assert team.recent_team_libraries() == [str(seeded)]
    assert password not in settings_text()
    # The next dialog offers it.
    later = team.TeamLibraryDialog()
    qtbot.addWidget(later)
    assert later.address.text() == str(seeded)
    assert later.recent.count() == 1


def test_file_open_team_library_shows_it_in_the_window(
    qtbot: QtBot, seeded: ServerLocation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def run(dialog: team.TeamLibraryDialog) -> int:
        dialog_outcome(qtbot, dialog, str(seeded))
        return dialog.result()

    monkeypatch.setattr(team.TeamLibraryDialog, "exec", run)
    window = open_window(qtbot, Library.open(tmp_path / "local.cjm"), title=None)
    try:
        window.open_team_action.trigger()
        assert window.library.is_team
        assert sorted(window.library_panel.titles()) == ["Other journey", SHARED]
    finally:
        window.close()
        window.library.close()


# ---------------------------------------------------------------------- publishing and copying back


@pytest.fixture
def local(tmp_path: Path) -> Path:
    path = tmp_path / "mine.cjm"
    with Library.open(path) as lib:
        journey_id = lib.create_journey(load_example("en"))
        lib.save_version(journey_id, "first draft")
    return path


def test_publish_a_journey_to_the_team_library_and_copy_it_back(
    qtbot: QtBot,
    local: Path,
    team_location: ServerLocation,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    title = load_example("en").title
    mine = open_window(qtbot, Library.open(local), title=title)
    try:
        assert mine.document is not None
        original = comparable(mine.document.journey)

        def run(dialog: team.TeamLibraryDialog) -> int:
            assert dialog.windowTitle() == "Publish to Team Library"
            dialog_outcome(qtbot, dialog, str(team_location))
            return dialog.result()

        monkeypatch.setattr(team.TeamLibraryDialog, "exec", run)
        mine.publish_action.trigger()
        assert mine.statusBar().currentMessage() == f"Published “{title}” to cjm_test on 127.0.0.1"
        assert mine.library_editor.undo_stack.count() == 0  # publishing is no edit of the open library
        assert not mine.copy_local_action.isVisible()
    finally:
        mine.close()
        mine.library.close()
    with Library.open(team_location) as lib:
        [published] = lib.list_journeys()
        assert comparable(lib.load_journey(published.id)) == original
        assert [v.name for v in lib.list_versions(published.id)] == ["first draft"]

    shared = open_window(qtbot, Library.open(team_location), title=title)
    try:
        back = tmp_path / "train.cjm"
        monkeypatch.setattr(transfer, "choose_local_library", lambda _parent, _title: back)
        shared.copy_local_action.trigger()
        assert shared.statusBar().currentMessage() == f"Copied “{title}” to train.cjm"
        assert shared.copy_journey_to(default_library_path()) is not None  # the user's own library, made now
        assert shared.library_editor.undo_stack.count() == 0
        assert warnings == []
    finally:
        shared.close()
        shared.library.close()
    with Library.open(back) as lib:
        [copied] = lib.list_journeys()
        assert copied.title == title
        assert comparable(lib.load_journey(copied.id)) == original
        assert [v.name for v in lib.list_versions(copied.id)] == ["first draft"]
    with Library.open(default_library_path()) as lib:
        titles = [j.title for j in lib.list_journeys()]
    assert titles.count(title) == 2  # the example journey it was made with, and the copy


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_when_the_server_is_gone_the_journey_on_screen_can_still_be_copied(
    qtbot: QtBot,
    seeded: ServerLocation,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
) -> None:
    """The team library's server went away mid-workshop: the copy for the train cannot read it, so the editor offers
    the journey as the window shows it (every acknowledged edit; no saved versions) and copies that when asked."""
    window = open_window(qtbot, Library.open(seeded))
    back = tmp_path / "train.cjm"
    asked: list[str] = []
    try:
        assert window.document is not None
        on_screen = comparable(window.document.journey)
        unreachable = LibraryError("Cannot reach the team library server 127.0.0.1: Connection refused.")

        def gone(*_args: object) -> None:
            raise unreachable

        monkeypatch.setattr(window.library, "load_journey", gone)
        monkeypatch.setattr(transfer, "choose_local_library", lambda _parent, _title: back)

        def question(_parent: QWidget, _title: str, text: str, *_: object) -> QMessageBox.StandardButton:
            asked.append(text)
            return answer

        monkeypatch.setattr(QMessageBox, "question", question)
        window.copy_local_action.trigger()
    finally:
        window.close()
        window.library.close()
    assert len(asked) == 1
    assert asked[0].startswith(str(unreachable))
    assert "not the journey's saved versions" in asked[0]
    with Library.open(back) as lib:
        copies = lib.list_journeys()
        if answer == QMessageBox.StandardButton.No:
            assert copies == []
        else:
            [copy] = copies
            assert comparable(lib.load_journey(copy.id)) == on_screen
            assert lib.list_versions(copy.id) == []


def test_copying_into_the_open_library_is_an_undo_step(qtbot: QtBot, seeded: ServerLocation) -> None:
    window = open_window(qtbot, Library.open(seeded))
    try:
        assert window.document is not None
        before = comparable(window.document.journey)
        copy_id = window.transfer.copy_journey_to(seeded)  # publishing to the team library that is open
        assert copy_id is not None
        assert window.library_panel.titles().count(SHARED) == 2
        assert window.undo_action.text() == f"&Undo Copy journey “{SHARED}”"
        window.undo_action.trigger()
        assert window.library_panel.titles().count(SHARED) == 1
        window.redo_action.trigger()
        assert window.library_panel.titles().count(SHARED) == 2
        with Library.open(seeded) as lib:
            copies = [j.id for j in lib.list_journeys() if j.title == SHARED][1:]
            assert [comparable(lib.load_journey(j)) for j in copies] == [before]
            assert [v.name for v in lib.list_versions(copies[0])] == ["before the workshop"]
    finally:
        window.close()
        window.library.close()


def test_a_failed_publish_is_one_message_and_changes_nothing(qtbot: QtBot, local: Path, warnings: list[str]) -> None:
    window = open_window(qtbot, Library.open(local), title=None)
    try:
        assert window.transfer.copy_journey_to(parse_server_url("postgresql://someone@127.0.0.1:1/team")) is None
        assert len(warnings) == 1
        assert warnings[0].startswith("Cannot reach the team library server 127.0.0.1")
    finally:
        window.close()
        window.library.close()
