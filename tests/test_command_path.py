"""The guard in conftest that keeps every front-end edit on the undo command path, shown to catch a stray one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from cjmapper.store import Library
from cjmapper.store.tables import JOURNEYS
from tests.store_helpers import sample_journey
from ui.editing.document import JourneyDocument


def run_as_module(module: str, library: Library, journey_id: int) -> None:
    """Call the library's edit API from code that claims to live in `module`."""
    code = "def edit(library, journey_id):\n    library.update_journey(journey_id, title='Changed behind undo')\n"
    namespace: dict[str, object] = {"__name__": module}
    exec(code, namespace)
    namespace["edit"](library, journey_id)  # type: ignore[operator]


def test_a_front_end_edit_around_the_commands_is_caught(tmp_path: Path, command_path_violations: list[str]) -> None:
    with Library.open(tmp_path / "guard.cjm") as lib:
        journey_id = lib.create_journey(sample_journey())  # a test building data: allowed
        run_as_module("ui.canvas.scene", lib, journey_id)
    assert command_path_violations == ["ui.canvas.scene called Library.update_journey"]
    command_path_violations.clear()  # the violation was the point of this test


def test_edits_from_the_command_modules_pass(tmp_path: Path, command_path_violations: list[str]) -> None:
    with Library.open(tmp_path / "guard.cjm") as lib:
        journey_id = lib.create_journey(sample_journey())
        run_as_module("ui.editing.commands", lib, journey_id)
        run_as_module("ui.editing.document", lib, journey_id)
    assert command_path_violations == []


def test_every_edit_method_is_guarded_without_a_list(tmp_path: Path, command_path_violations: list[str]) -> None:
    """The guard sits on the one write path, so an edit method added later (here `delete_damaged_journey`, which a
    hand-kept list had missed) is caught too; reading is not an edit."""
    with Library.open(tmp_path / "guard.cjm") as lib:
        journey_id = lib.create_journey(sample_journey())
        code = (
            "def edit(library, journey_id):\n"
            "    library.list_journeys()\n"
            "    library.save_version(journey_id, 'v1')\n"
            "    try:\n"
            "        library.delete_damaged_journey(journey_id)\n"
            "    except Exception:\n"
            "        pass\n"
        )
        namespace: dict[str, object] = {"__name__": "ui.workshop.voting"}
        exec(code, namespace)
        namespace["edit"](lib, journey_id)  # type: ignore[operator]
    assert command_path_violations == [
        "ui.workshop.voting called Library.save_version",
        "ui.workshop.voting called Library.delete_damaged_journey",
    ]
    command_path_violations.clear()  # the violations were the point of this test


def test_a_core_command_run_around_the_document_is_caught(tmp_path: Path, command_path_violations: list[str]) -> None:
    """The editing commands live in the core (`cjmapper.editing`): the guard looks through them to the front-end
    module that ran one, so running a command around the document (and its undo stack) is caught too."""
    with Library.open(tmp_path / "guard.cjm") as lib:
        journey_id = lib.create_journey(sample_journey())
        code = (
            "from cjmapper.editing.snapshot import JourneySnapshot\n"
            "from cjmapper.editing.field_commands import UpdateJourneyCommand\n"
            "def edit(library, journey_id):\n"
            "    UpdateJourneyCommand(JourneySnapshot(library, journey_id), {'title': 'Around undo'}).execute()\n"
        )
        namespace: dict[str, object] = {"__name__": "ui.panels.properties"}
        exec(code, namespace)
        namespace["edit"](lib, journey_id)  # type: ignore[operator]
        assert lib.load_journey(journey_id).title == "Around undo"
    assert command_path_violations == ["ui.panels.properties called Library.update_journey"]
    command_path_violations.clear()  # the violation was the point of this test


def test_the_document_runs_the_core_commands_on_the_path(tmp_path: Path, command_path_violations: list[str]) -> None:
    with Library.open(tmp_path / "guard.cjm") as lib:
        journey_id = lib.create_journey(sample_journey())
        document = JourneyDocument(lib, journey_id)
        assert document.update_journey(title="Through undo")
        document.undo_stack.undo()
        document.undo_stack.redo()
        assert lib.load_journey(journey_id).title == "Through undo"


def test_a_new_library_method_that_writes_around_the_write_path_is_caught(
    tmp_path: Path, command_path_violations: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A public method added to Library later that changes the database in a transaction of its own, not through
    `Library._write`, would slip past the front-end guard: the guard catches its statements instead, whoever calls
    it (found by the class's public names, so no list of methods to keep)."""

    def rename_everything(self: Library, title: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(JOURNEYS).values(title=title))

    monkeypatch.setattr(Library, "rename_everything", rename_everything, raising=False)
    with Library.open(tmp_path / "guard.cjm") as lib:  # opening writes the schema before any Library exists: allowed
        journey_id = lib.create_journey(sample_journey())
        lib.update_journey(journey_id, title="Through the write path")  # allowed: not called from the front end
        assert command_path_violations == []
        lib.rename_everything("Behind the write path")  # type: ignore[attr-defined]
    assert command_path_violations == [
        "Library.rename_everything wrote outside Library._write (UPDATE journeys SET ...)"
    ]
    command_path_violations.clear()  # the violation was the point of this test


def test_reading_outside_the_write_path_is_no_violation(tmp_path: Path, command_path_violations: list[str]) -> None:
    with Library.open(tmp_path / "guard.cjm") as lib:
        journey_id = lib.create_journey(sample_journey())
        lib.load_journey(journey_id)
        lib.list_journeys()
        lib.save_as(tmp_path / "copy.cjm")
    with Library.open(tmp_path / "copy.cjm") as copy:
        assert [j.id for j in copy.list_journeys()] == [journey_id]
    assert command_path_violations == []
