"""Random runs of document edits of every kind the editing path emits (macros, structure,
journey fields, batch edits) with undo and redo; after each, the canvas equals a fresh layout."""

from __future__ import annotations

import random

import pytest

from cjmapper.model import LaneKind, Language
from tests.test_canvas import Canvas, assert_as_laid_out_afresh, canvas  # noqa: F401
from ui.workshop.controller import workshop_metrics


@pytest.mark.parametrize("scale", [1.0, 1.4, 1.37])
@pytest.mark.parametrize("seed", range(3))
def test_every_change_kind_leaves_the_canvas_as_laid_out_afresh(canvas: Canvas, seed: int, scale: float) -> None:  # noqa: F811
    rng = random.Random(seed)
    document = canvas.document
    scene = canvas.scene
    if scale != 1.0:
        scene.set_metrics(workshop_metrics(scene.metrics, scale))
    for step in range(220):
        journey = document.journey
        ids = [t.id for t in journey.touchpoints]
        cells = sorted(scene.layout.cells)
        choice = rng.random()
        what = ""
        if choice < 0.12 and ids:
            what = "move"
            moving = rng.sample(ids, min(len(ids), rng.choice([1, 2, 5])))
            document.move_touchpoints(moving, *rng.choice(cells), rng.choice([None, 0, 1]))
        elif choice < 0.2 and ids:
            what = "macro cards+journey"
            with document.macro("mixed"):
                document.update_touchpoint(rng.choice(ids), title="Long " * rng.randint(1, 9))
                document.update_journey(title=f"J{step}")
                document.add_touchpoint(*rng.choice(cells), "new " * rng.randint(1, 5))
        elif choice < 0.28 and ids:
            what = "macro cards"
            with document.macro("cards"):
                copy = journey.touchpoint(rng.choice(ids))
                gone = rng.sample(ids, 1)
                document.delete_touchpoints(gone)
                document.insert_touchpoints([copy], *rng.choice(cells), 0)
                rest = [i for i in ids if i not in gone]
                document.update_touchpoints(rng.sample(rest, min(3, len(rest))), score=rng.choice([None, 1, 5]))
        elif choice < 0.36 and ids:
            what = "batch"
            document.update_touchpoints(rng.sample(ids, min(4, len(ids))), notes=rng.choice(["", "x " * 60]))
        elif choice < 0.42:
            what = "language"
            document.update_journey(language=rng.choice([Language.EN, Language.NL]))
        elif choice < 0.45 and len(journey.phases) > 2:
            what = "delete phase"
            document.delete_phase(rng.choice(journey.phases).id)
        elif choice < 0.48 and len(journey.lanes) > 3:
            what = "delete lane"
            document.delete_lane(rng.choice(journey.lanes).id)
        elif choice < 0.57:
            what = "add phase"
            document.add_phase(f"P{step}", index=rng.choice([None, 0, 1]))
        elif choice < 0.6:
            what = "add lane"
            document.add_lane(f"L{step}", rng.choice(list(LaneKind)), index=rng.choice([None, 0]))
        elif choice < 0.64 and len(journey.lanes) > 1:
            what = "lane kind"
            document.update_lane(rng.choice(journey.lanes).id, kind=rng.choice(list(LaneKind)))
        elif choice < 0.67 and len(journey.phases) > 1:
            what = "move phase"
            document.move_phase(rng.choice(journey.phases).id, rng.randint(0, len(journey.phases) - 1))
        elif choice < 0.7:
            what = "version"
            info = document.save_version(f"V{step}")
            if info is not None and rng.random() < 0.5:
                what = "restore"
                document.update_touchpoints(ids[:3], title="changed") if ids else None
                document.restore_version(info.id)
        elif choice < 0.85:
            what = "undo"
            document.undo()
        else:
            what = "redo"
            document.redo()
        try:
            assert_as_laid_out_afresh(scene)
            assert scene._corner.title == document.journey.title
        except AssertionError as e:
            raise AssertionError(f"step {step}: {what}") from e


def test_a_macro_whose_later_edit_and_re_read_fail_still_shows_its_earlier_edits(
    canvas: Canvas,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Duplicate into two cells (one macro): the first copy is saved, the second refused, and the journey cannot be
    read back (say the team server went away). The first copy is in the library and in the document's snapshot;
    the canvas must show it too."""
    from cjmapper.errors import LibraryLockedError

    document, scene, library = canvas.document, canvas.scene, canvas.library
    (first_cell, second_cell) = sorted(scene.layout.cells)[:2]
    card = document.journey.touchpoints[0]
    failures: list[str] = []
    document.failed.connect(failures.append)

    def locked(*_args: object, **_kwargs: object) -> object:
        raise LibraryLockedError("the library is locked by another program")

    with document.macro("Duplicate"):
        new = document.insert_touchpoints([card], *first_cell, None)
        assert new
        monkeypatch.setattr(library, "add_touchpoints", locked)
        monkeypatch.setattr(library, "load_journey", locked)
        assert document.insert_touchpoints([card], *second_cell, None) == []
    assert failures
    assert "could not be read back" in failures[0]
    assert document.snapshot.has_card(new[0])  # the snapshot holds the first copy (the library too)
    assert new[0] in scene.card_items()  # ... and so must the canvas


def test_an_undo_whose_later_part_and_re_read_fail_still_shows_its_earlier_parts(
    canvas: Canvas,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Undo of a Duplicate into two cells: the second cell's copies are taken out, the first cell's refused, and the
    journey cannot be read back. The library and the snapshot no longer hold the second cell's copies; neither may
    the canvas."""
    from cjmapper.errors import LibraryLockedError

    document, scene, library = canvas.document, canvas.scene, canvas.library
    (first_cell, second_cell) = sorted(scene.layout.cells)[:2]
    card = document.journey.touchpoints[0]
    with document.macro("Duplicate"):
        first = document.insert_touchpoints([card], *first_cell, None)
        second = document.insert_touchpoints([card], *second_cell, None)
    assert first
    assert second
    real_delete = library.delete_touchpoints
    calls = 0

    def delete_once(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls > 1:
            raise LibraryLockedError("the library is locked by another program")
        return real_delete(*args, **kwargs)  # type: ignore[arg-type]

    def locked(*_args: object, **_kwargs: object) -> object:
        raise LibraryLockedError("the library is locked by another program")

    monkeypatch.setattr(library, "delete_touchpoints", delete_once)
    monkeypatch.setattr(library, "load_journey", locked)
    document.undo()
    assert not document.snapshot.has_card(second[0])  # taken out of the library and the snapshot
    assert second[0] not in scene.card_items()  # ... so the canvas must not show it
