"""Images in the library (format 9): a card's photo and a journey's wall photo through the edit API, on a file and on
a team library; copies, deletions with their undo, versions and copies to another library keep them; reading a
journey reads no image's bytes; a format-7 library upgrades and takes images."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import event

from cjmapper import images
from cjmapper.errors import NotFoundError, StaleEditError
from cjmapper.model import ImageRef
from cjmapper.store import Library, migrate, transfer
from tests import image_helpers as pictures
from tests.store_helpers import sample_journey
from tests.test_migrations import build_library_at

pytestmark = pytest.mark.both_backends


def _photo(colour: tuple[int, int, int] = (200, 30, 30), size: tuple[int, int] = (64, 48)) -> images.PreparedImage:
    return images.prepare(pictures.jpeg(*size, colour=colour))


def _colour(data: bytes) -> tuple[int, ...]:
    picture = Image.open(io.BytesIO(data)).convert("RGB")
    return tuple(picture.getpixel((picture.width // 2, picture.height // 2)))  # type: ignore[arg-type]


def _near(found: tuple[int, ...], wanted: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 8 for a, b in zip(found, wanted, strict=True))


def test_a_card_takes_a_photo_and_gives_back_what_undoes_it(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    card = library.load_journey(journey_id).touchpoints[0]
    before = library.revision(journey_id)
    attached = library.set_card_image(card.id, _photo(), expected_revision=before)
    assert attached.value is None
    assert attached.revision == before + 1 == library.revision(journey_id)
    ref = library.load_journey(journey_id).touchpoint(card.id).image
    assert ref is not None
    assert (ref.format, ref.width, ref.height) == ("jpeg", 64, 48)
    assert _near(_colour(library.image_data(ref.id)), (200, 30, 30))
    replaced = library.set_card_image(card.id, _photo((20, 20, 220)))
    assert replaced.value == ref
    new = library.load_journey(journey_id).touchpoint(card.id).image
    assert new is not None
    assert new.id != ref.id
    library.set_card_image(card.id, replaced.value)  # the undo of the replacement
    assert library.load_journey(journey_id).touchpoint(card.id).image == ref
    removed = library.set_card_image(card.id, None)
    assert removed.value == ref
    assert library.load_journey(journey_id).touchpoint(card.id).image is None
    with pytest.raises(StaleEditError):
        library.set_card_image(card.id, ref, expected_revision=before)
    assert library.load_journey(journey_id).touchpoint(card.id).image is None


def test_the_same_picture_is_stored_once(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    first, second = library.load_journey(journey_id).touchpoints[:2]
    photo = _photo()
    library.set_card_image(first.id, photo)
    library.set_card_image(second.id, photo)
    journey = library.load_journey(journey_id)
    assert journey.touchpoint(first.id).image == journey.touchpoint(second.id).image


def test_an_unknown_image_or_card_is_refused(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    card = library.load_journey(journey_id).touchpoints[0]
    revision = library.revision(journey_id)
    with pytest.raises(NotFoundError):
        library.set_card_image(card.id, ImageRef(999, "jpeg", 10, 10))
    with pytest.raises(NotFoundError):
        library.set_card_image(999_999, _photo())
    with pytest.raises(NotFoundError):
        library.image_data(999)
    assert library.revision(journey_id) == revision


def test_the_wall_photo_is_set_and_removed(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    before = library.revision(journey_id)
    set_ = library.set_wall_photo(journey_id, _photo((10, 160, 10), (120, 80)), expected_revision=before)
    assert set_.value is None
    assert set_.revision == before + 1
    wall = library.load_journey(journey_id).wall_photo
    assert wall is not None
    assert (wall.width, wall.height) == (120, 80)
    assert _near(_colour(library.image_data(wall.id)), (10, 160, 10))
    removed = library.set_wall_photo(journey_id, None)
    assert removed.value == wall
    assert library.load_journey(journey_id).wall_photo is None
    library.set_wall_photo(journey_id, removed.value)
    assert library.load_journey(journey_id).wall_photo == wall


def test_deleting_cards_and_journeys_and_undoing_keeps_their_images(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    card = library.load_journey(journey_id).touchpoints[0]
    library.set_card_image(card.id, _photo())
    library.set_wall_photo(journey_id, _photo((0, 0, 0)))
    ref = library.load_journey(journey_id).touchpoint(card.id).image
    deleted = library.delete_touchpoints([card.id])
    assert deleted.value[0].image == ref
    library.restore_touchpoints(journey_id, deleted.value)
    assert library.load_journey(journey_id).touchpoint(card.id).image == ref
    whole = library.delete_journey(journey_id)
    library.restore_journey(whole)
    back = library.load_journey(journey_id)
    assert back.touchpoint(card.id).image == ref
    assert back.wall_photo == whole.wall_photo is not None


def test_a_duplicate_keeps_the_images(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    card = library.load_journey(journey_id).touchpoints[0]
    library.set_card_image(card.id, _photo())
    library.set_wall_photo(journey_id, _photo((0, 0, 0)))
    copy = library.load_journey(library.duplicate_journey(journey_id))
    pictured = [c for c in copy.touchpoints if c.image is not None]
    assert [c.title for c in pictured] == [card.title]
    assert pictured[0].image == library.load_journey(journey_id).touchpoint(card.id).image
    assert copy.wall_photo is not None


def test_versions_keep_the_images_they_saw(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    card = library.load_journey(journey_id).touchpoints[0]
    library.set_card_image(card.id, _photo())
    library.set_wall_photo(journey_id, _photo((0, 0, 0)))
    saved = library.load_journey(journey_id)
    version = library.save_version(journey_id, "with photos")
    library.set_card_image(card.id, None)
    library.set_wall_photo(journey_id, None)
    assert library.load_version(version.id).touchpoint(card.id).image == saved.touchpoint(card.id).image
    library.restore_version(version.id)
    restored = library.load_journey(journey_id)
    assert restored.touchpoint(card.id).image == saved.touchpoint(card.id).image
    assert restored.wall_photo == saved.wall_photo


def test_a_copy_in_another_library_brings_the_bytes(library: Library, tmp_path: Path) -> None:
    journey_id = library.create_journey(sample_journey())
    card = library.load_journey(journey_id).touchpoints[0]
    library.set_card_image(card.id, _photo((200, 30, 30)))
    library.set_wall_photo(journey_id, _photo((10, 160, 10)))
    library.save_version(journey_id, "v1")
    with Library.open(tmp_path / "other.cjm") as other:
        other.store_image(_photo((1, 2, 3)))  # ids differ between the libraries
        copy_id = transfer.copy_journey(library, journey_id, other)
        copy = other.load_journey(copy_id)
        [pictured] = [c for c in copy.touchpoints if c.image is not None]
        assert pictured.title == card.title
        assert pictured.image is not None
        assert _near(_colour(other.image_data(pictured.image.id)), (200, 30, 30))
        assert copy.wall_photo is not None
        assert _near(_colour(other.image_data(copy.wall_photo.id)), (10, 160, 10))
        [version] = other.list_versions(copy_id)
        assert other.load_version(version.id).touchpoint(pictured.id).image == pictured.image


def test_reading_a_journey_reads_no_image_bytes(library: Library) -> None:
    journey_id = library.create_journey(sample_journey())
    for card in library.load_journey(journey_id).touchpoints:
        library.set_card_image(card.id, _photo())
    statements: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        statements.append(statement)

    event.listen(library.engine, "before_cursor_execute", note)
    try:
        journey = library.load_journey(journey_id)
    finally:
        event.remove(library.engine, "before_cursor_execute", note)
    assert all(card.image is not None for card in journey.touchpoints)
    assert not [s for s in statements if "images.data" in s]


def test_a_format_7_library_upgrades_and_takes_images(tmp_path: Path) -> None:
    path = tmp_path / "old.cjm"
    build_library_at(path, "0007")
    with Library.open(path) as lib:
        lib.set_card_image(9, _photo())
        lib.set_wall_photo(7, _photo((0, 0, 0)))
        journey = lib.load_journey(7)
        assert journey.touchpoint(9).image is not None
        assert journey.wall_photo is not None
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.HEAD,)
    assert raw.execute("SELECT count(*) FROM images").fetchone() == (2,)
    raw.close()
    assert (tmp_path / "old.cjm.format7.bak").exists()
