"""Forged or damaged rows in a library (issue 12, item 10): a journey whose rows break a rule of the journey format
is refused with one line naming the journey and the place, while the other journeys still list, open and export;
whatever loads exports to a file that imports again. Through `Library` (on a file and on a team library), the
command line as a subprocess, and the window.

The forgeries are made behind cjmapper's back, as another program could: on a file with its checks and foreign keys
off, on a team library after dropping the constraints (PostgreSQL's column types still hold, so only the forgeries
those types allow are made there)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from cjmapper.errors import InterchangeError, LibraryError
from cjmapper.interchange import read_journey, read_journey_file, write_journey
from cjmapper.model import MAX_TITLE, Journey, LaneKind
from cjmapper.store import Library
from cjmapper.store.location import Location, ServerLocation
from tests.backend_helpers import raw_connection
from tests.store_helpers import sample_journey
from tests.window_helpers import open_window
from ui import app as ui_app
from ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SOUND = "Sound journey"
BIG = 5_000_000


@dataclass(frozen=True)
class Forgery:
    name: str
    sql: str
    """Run with :journey, :card (the journey's first card), :emotions (its emotions lane), :other_phase (a phase of
    the sound journey) and :value bound."""
    words: tuple[str, ...]
    """What the refusal names besides the journey (compared in lower case)."""
    value: object = None
    team: bool = True
    """Whether PostgreSQL's column types allow this forgery."""


FORGERIES = [
    Forgery(
        "a card position as text",
        "UPDATE touchpoints SET position = 'first' WHERE id = :card",
        ("position",),
        team=False,
    ),
    Forgery(
        "a card position as a decimal",
        "UPDATE touchpoints SET position = 2.5 WHERE id = :card",
        ("position",),
        team=False,
    ),
    Forgery(
        "a revision as text", "UPDATE journeys SET revision = 'abc' WHERE id = :journey", ("revision",), team=False
    ),
    Forgery("a card in a missing phase", "UPDATE touchpoints SET phase_id = 99999 WHERE id = :card", ("phase",)),
    Forgery("a card in a missing lane", "UPDATE touchpoints SET lane_id = 99999 WHERE id = :card", ("lane",)),
    Forgery(
        "a card in another journey's phase",
        "UPDATE touchpoints SET phase_id = :other_phase WHERE id = :card",
        ("phase",),
    ),
    Forgery(
        "a card on the emotions lane", "UPDATE touchpoints SET lane_id = :emotions WHERE id = :card", ("emotions",)
    ),
    Forgery(
        "a NUL in a title",
        "UPDATE journeys SET title = :value WHERE id = :journey",
        ("title", "nul"),
        "A\x00B",
        team=False,
    ),
    Forgery(
        "a 5 MB title",
        "UPDATE journeys SET title = :value WHERE id = :journey",
        ("title", "200"),
        "x" * BIG,
        team=False,
    ),
    Forgery("a 5 MB note", "UPDATE touchpoints SET notes = :value WHERE id = :card", ("notes", "10,000"), "n" * BIG),
    Forgery("a blank card title", "UPDATE touchpoints SET title = '   ' WHERE id = :card", ("title",)),
    Forgery(
        "bytes for notes", "UPDATE touchpoints SET notes = :value WHERE id = :card", ("notes",), b"\x00\x01", team=False
    ),
    Forgery("score 99", "UPDATE touchpoints SET score = 99 WHERE id = :card", ("score",)),
    Forgery("a score as text", "UPDATE touchpoints SET score = 'high' WHERE id = :card", ("score",), team=False),
    Forgery("negative votes", "UPDATE touchpoints SET votes = -5 WHERE id = :card", ("votes",)),
    Forgery("an unknown status", "UPDATE touchpoints SET status = 'closed' WHERE id = :card", ("status", "closed")),
    Forgery("an unknown language", "UPDATE journeys SET language = 'xx' WHERE id = :journey", ("language",)),
    Forgery("an unknown framework", "UPDATE journeys SET framework = 'nope' WHERE id = :journey", ("framework",)),
    Forgery("a lane of unknown kind", "UPDATE lanes SET kind = 'bogus' WHERE id = :emotions", ("kind",)),
    Forgery("a phase colour 'red'", "UPDATE phases SET color = 'red' WHERE journey_id = :journey", ("colour",)),
    Forgery(
        "a 5 MB card colour",
        "UPDATE touchpoints SET color = :value WHERE id = :card",
        ("colour",),
        "#" * BIG,
        team=False,
    ),
    Forgery(
        "a NUL in a phase name",
        "UPDATE phases SET name = :value WHERE journey_id = :journey",
        ("name", "nul"),
        "P\x00",
        team=False,
    ),
    Forgery(
        "a NUL in a channel",
        "UPDATE touchpoints SET channel = :value WHERE id = :card",
        ("channel", "nul"),
        "w\x00",
        team=False,
    ),
    Forgery("no phases", "DELETE FROM phases WHERE journey_id = :journey", ("phase",)),
    Forgery(
        "a title that is not UTF-8",
        "UPDATE journeys SET title = CAST(X'80FF' AS TEXT) WHERE id = :journey",
        ("utf-8",),
        team=False,
    ),
    Forgery(
        "a revision that is not UTF-8",
        "UPDATE journeys SET revision = CAST(X'80' AS TEXT) WHERE id = :journey",
        ("utf-8",),
        team=False,
    ),
    Forgery(
        "notes that are not UTF-8",
        "UPDATE touchpoints SET notes = CAST(X'C3' AS TEXT) WHERE id = :card",
        ("utf-8",),
        team=False,
    ),
]
ISSUE_CASES = [
    "a card position as text",
    "a revision as text",
    "a card in a missing phase",
    "a card in another journey's phase",
    "a card on the emotions lane",
    "a NUL in a title",
    "a 5 MB title",
]
"""The forgeries the issue names."""


def forge(location: Location, forgery: Forgery, ids: dict[str, int]) -> None:
    """Apply one forgery behind cjmapper's back."""
    params = {**ids, "value": forgery.value}
    if isinstance(location, Path):
        raw = sqlite3.connect(location)
        raw.execute("PRAGMA ignore_check_constraints = ON")
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute(forgery.sql, {k: v for k, v in params.items() if f":{k}" in forgery.sql})
        raw.commit()
        raw.close()
        return
    with raw_connection(location) as conn:
        drop_constraints(conn)
        conn.execute(text(forgery.sql), {k: v for k, v in params.items() if f":{k}" in forgery.sql})


def drop_constraints(conn: object) -> None:
    """Drop the team library's foreign keys and checks, as a stranger with the owner's rights could."""
    rows = conn.execute(  # type: ignore[attr-defined]
        text(
            "SELECT conrelid::regclass::text, conname FROM pg_constraint "
            "WHERE contype IN ('f', 'c') AND connamespace = current_schema()::regnamespace"
        )
    ).all()
    for table, name in rows:
        conn.execute(text(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))  # type: ignore[attr-defined]


def journey_ids(library: Library, journey_id: int, other_id: int) -> dict[str, int]:
    journey = library.load_journey(journey_id)
    emotions = next(lane.id for lane in journey.lanes if lane.kind is LaneKind.EMOTIONS)
    return {
        "journey": journey_id,
        "card": min(t.id for t in journey.touchpoints),
        "emotions": emotions,
        "other_phase": library.load_journey(other_id).phases[0].id,
    }


def forged_library(location: Location, forgeries: list[Forgery]) -> tuple[dict[str, int], int]:
    """A library with one journey per forgery (titled by its name) and one sound journey; their ids."""
    with Library.open(location) as library:
        sound = library.create_journey(sample_journey(SOUND))
        made = {f.name: library.create_journey(sample_journey(f.name, phases=2, lanes=2)) for f in forgeries}
        ids = {f.name: journey_ids(library, made[f.name], sound) for f in forgeries}
    for forgery in forgeries:
        forge(location, forgery, ids[forgery.name])
    return made, sound


def assert_refusal(error: LibraryError, journey_id: int, forgery: Forgery) -> None:
    message = str(error)
    assert "\n" not in message
    assert len(message) < 400
    lowered = message.lower()
    assert f"journey {journey_id}" in lowered, message
    for word in forgery.words:
        assert word in lowered, message


def team_params(forgeries: list[Forgery] = FORGERIES) -> list[object]:
    """(forgery, backend) for each forgery on a file, and on a team library where PostgreSQL's types allow it."""
    params: list[object] = []
    for forgery in forgeries:
        params.append(pytest.param(forgery, "sqlite", id=f"file: {forgery.name}"))
        if forgery.team:
            params.append(pytest.param(forgery, "postgresql", id=f"team: {forgery.name}"))
    return params


# ---------------------------------------------------------------------------------------------- Library


@pytest.mark.parametrize(("forgery", "backend"), team_params())
def test_a_forged_journey_is_refused_in_one_line_and_the_others_still_list_open_and_export(
    forgery: Forgery, backend: str, location_of: Callable[[str], Location]
) -> None:
    location = location_of(backend)
    made, sound = forged_library(location, [forgery])
    forged = made[forgery.name]
    with Library.open(location) as library:
        assert {info.id for info in library.list_journeys()} == {forged, sound}
        assert set(library.journey_revisions()) == {forged, sound}
        with pytest.raises(LibraryError) as refused:
            library.load_journey(forged)
        assert_refusal(refused.value, forged, forgery)
        kept = library.load_journey(sound)
        assert read_journey(write_journey(kept)).title == SOUND


def test_the_list_names_a_journey_whose_title_is_forged_and_never_holds_a_huge_title(tmp_path: Path) -> None:
    path = tmp_path / "forged.cjm"
    names = ("a 5 MB title", "a NUL in a title", "an unknown language", "a title that is not UTF-8")
    made, sound = forged_library(path, [f for f in FORGERIES if f.name in names])
    with Library.open(path) as library:
        infos = {info.id: info for info in library.list_journeys()}
    assert infos[sound].problem == ""
    assert infos[sound].title == SOUND
    for name in names:
        info = infos[made[name]]
        assert info.problem, name
        assert "\n" not in info.problem
        assert len(info.title) <= MAX_TITLE
        assert "\x00" not in info.title


def test_a_revision_as_text_leaves_the_others_watched(tmp_path: Path) -> None:
    path = tmp_path / "forged.cjm"
    made, sound = forged_library(path, [f for f in FORGERIES if f.name == "a revision as text"])
    with Library.open(path) as library:
        revisions = library.journey_revisions()
        assert revisions[sound] == library.revision(sound)
        assert isinstance(revisions[made["a revision as text"]], int)
        with pytest.raises(LibraryError, match="revision"):
            library.revision(made["a revision as text"])


# ---------------------------------------------------------------------------------------------- command line


def cjmapper(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    environment.pop("CJMAPPER_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=ROOT,
    )


def test_the_command_line_lists_exports_and_rescues_around_forged_journeys(tmp_path: Path) -> None:
    path = tmp_path / "forged.cjm"
    chosen = [f for f in FORGERIES if f.name in ISSUE_CASES]
    made, sound = forged_library(path, chosen)

    listed = cjmapper("--library", str(path), "list")
    assert listed.returncode == 0, listed.stderr
    assert sorted(int(line.split("\t")[0]) for line in listed.stdout.splitlines()) == sorted([*made.values(), sound])
    assert max(len(line) for line in listed.stdout.splitlines()) < 400
    assert "unexpected" not in listed.stderr

    for forgery in chosen:
        out = tmp_path / f"{made[forgery.name]}.json"
        done = cjmapper("--library", str(path), "export", str(made[forgery.name]), "-o", str(out))
        assert done.returncode == 1, (forgery.name, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith("cjmapper: error: "), lines
        assert "unexpected" not in lines[0]
        assert f"journey {made[forgery.name]}" in lines[0].lower(), lines[0]
        assert not out.exists()

    exported = tmp_path / "sound.json"
    done = cjmapper("--library", str(path), "export", str(sound), "-o", str(exported))
    assert done.returncode == 0, done.stderr
    assert read_journey_file(exported).title == SOUND
    imported = cjmapper("--library", str(tmp_path / "other.cjm"), "import", str(exported))
    assert imported.returncode == 0, imported.stderr

    rescued = tmp_path / "rescued"
    done = cjmapper("--library", str(path), "export-all", "-o", str(rescued))
    assert done.returncode == 1
    assert "unexpected" not in done.stderr
    assert [read_journey_file(p).title for p in rescued.iterdir()] == [SOUND]
    warnings = [line for line in done.stderr.splitlines() if "warning" in line]
    assert len(warnings) == len(chosen), done.stderr


# ---------------------------------------------------------------------------------------------- the window


@pytest.fixture(params=["sqlite", "postgresql"])
def forged_window(
    request: pytest.FixtureRequest, qtbot: QtBot, location_of: Callable[[str], Location]
) -> Iterator[tuple[MainWindow, dict[str, int], int]]:
    """The window on a library holding one journey per forgery (those the backend allows) and a sound one."""
    location = location_of(request.param)
    team = isinstance(location, ServerLocation)
    chosen = [f for f in FORGERIES if not f.name.startswith("a 5 MB") and (f.team or not team)]
    made, sound = forged_library(location, chosen)
    window = open_window(qtbot, location)
    yield window, made, sound
    window.library.close()


def test_the_editor_starts_on_a_forged_library_and_refuses_each_forged_journey_with_a_message(
    forged_window: tuple[MainWindow, dict[str, int], int], qtbot: QtBot, warnings: list[str]
) -> None:
    window, made, sound = forged_window
    assert warnings == []  # starting opens a sound journey, quietly
    assert window.document is not None
    assert window.document.journey_id == sound
    assert len(window.library_panel.titles()) == len(made) + 1
    window.poll_changes()
    qtbot.wait(2 * 750)  # the poll runs on its timer too; an exception in it would fail the test (pytest-qt)
    for name, journey_id in made.items():
        warnings.clear()
        window.open_journey(journey_id)
        assert len(warnings) == 1, name
        assert f"journey {journey_id}" in warnings[0].lower(), warnings[0]
        assert "unexpected" not in warnings[0].lower()
        window.poll_changes()
        # No document: the list stays on the damaged journey, which Journey › Delete… can delete.
        assert window.document is None
        assert window.library_panel.ids()[window.library_panel.list.currentIndex().row()] == journey_id
        assert window.delete_journey_action.isEnabled()
    assert len(warnings) == 1  # the poll said nothing more
    window.open_journey(sound)
    assert window.document is not None
    assert window.document.journey_id == sound


def test_the_editor_poll_survives_rows_forged_while_it_runs(qtbot: QtBot, tmp_path: Path, warnings: list[str]) -> None:
    """Another program forges rows of the open journey and of another one while the editor runs: the poll reads the
    change, says the open journey cannot be read, and raises nothing."""
    path = tmp_path / "forged.cjm"
    with Library.open(path) as library:
        journey_id = library.create_journey(sample_journey(SOUND))
        other = library.create_journey(sample_journey("Other"))
        card = min(t.id for t in library.load_journey(journey_id).touchpoints)
    window = ui_app.create_window(Library.open(path))
    qtbot.addWidget(window)
    try:
        window.open_journey(journey_id)
        window.poll_changes()
        for statements in (
            [f"UPDATE journeys SET revision = 'abc' WHERE id = {other}"],
            [f"UPDATE touchpoints SET position = 'first' WHERE id = {card}", "UPDATE journeys SET revision = 99"],
            [f"UPDATE journeys SET revision = 'abc' WHERE id = {journey_id}"],
            [f"UPDATE journeys SET revision = 7.5 WHERE id = {journey_id}"],
        ):
            raw = sqlite3.connect(path)
            for statement in statements:
                raw.execute(statement)
            raw.commit()
            raw.close()
            window.poll_changes()
            qtbot.wait(800)
        assert any(f"journey {journey_id}" in text.lower() and "position" in text for text in warnings), warnings
    finally:
        window.library.close()


def start_time(qtbot: QtBot, path: Path) -> float:
    started = time.perf_counter()
    window = ui_app.create_window(Library.open(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.poll_changes()
    qtbot.wait(10)
    elapsed = time.perf_counter() - started
    window.library.close()
    return elapsed


def test_a_5_mb_title_neither_freezes_the_editor_nor_the_list(
    qtbot: QtBot, tmp_path: Path, warnings: list[str]
) -> None:
    path = tmp_path / "forged.cjm"
    made, _sound = forged_library(path, [f for f in FORGERIES if f.name == "a 5 MB title"])
    elapsed = start_time(qtbot, path)
    assert elapsed < 5, f"the editor took {elapsed:.1f} s to start"
    started = time.perf_counter()
    with Library.open(path) as library:
        infos = library.list_journeys()
        with pytest.raises(LibraryError, match="title"):
            library.load_journey(made["a 5 MB title"])
    assert time.perf_counter() - started < 1
    assert max(len(info.title) for info in infos) <= MAX_TITLE


def test_an_export_that_would_not_import_is_refused_rather_than_written(tmp_path: Path) -> None:
    """A journey without phases or lanes (the library API allows one; a file does not) is not written to a journey
    file that `import` would refuse: the export says why, in one line, and writes nothing."""
    path = tmp_path / "lib.cjm"
    with Library.open(path) as library:
        empty = library.create_journey(Journey(0, "Empty"))
    out = tmp_path / "empty.json"
    done = cjmapper("--library", str(path), "export", str(empty), "-o", str(out))
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("cjmapper: error: "), lines
    assert "phases" in lines[0], lines
    assert not out.exists()
    with Library.open(path) as library, pytest.raises(InterchangeError, match="phases"):
        write_journey(library.load_journey(empty))
