"""Journey files version 4: images as base64 inside the JSON, read through the safe intake, written once each,
round trips through a library byte for byte; `--format-version 3` leaves them out with a warning; a version 3 file
reads as before."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from cjmapper import images
from cjmapper.cli import main
from cjmapper.errors import InterchangeError
from cjmapper.interchange import read_journey, write_journey
from cjmapper.interchange.journey_reader import VERSION
from cjmapper.interchange.journey_writer import lost_in
from cjmapper.store import Library
from cjmapper.store.transfer import with_image_data
from tests import image_helpers as pictures
from tests.store_helpers import sample_journey

_DAMAGED = "cannot be read: the picture is damaged or incomplete."


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _document(**top: Any) -> dict[str, Any]:
    return {
        "format": "cjmapper.journey",
        "version": VERSION,
        "title": "Reis",
        "phases": [{"id": "p1", "name": "Eén"}],
        "lanes": [{"id": "l1", "name": "Contact", "kind": "touchpoints"}],
        "touchpoints": [
            {"id": "t1", "phase": "p1", "lane": "l1", "title": "A", "image": "i1"},
            {"id": "t2", "phase": "p1", "lane": "l1", "title": "B", "image": None},
        ],
        "wall_photo": "i2",
        "images": [
            {"id": "i1", "type": "image/jpeg", "data": base64.b64encode(pictures.jpeg(40, 30)).decode()},
            {
                "id": "i2",
                "type": "image/png",
                "data": base64.b64encode(pictures.png(8, 8, (0, 0, 0, 0), "RGBA")).decode(),
            },
        ],
    } | top


def _problems(document: dict[str, Any]) -> list[str]:
    with pytest.raises(InterchangeError) as caught:
        read_journey(json.dumps(document))
    return caught.value.problems


def _pictured(library: Library) -> int:
    journey_id = library.create_journey(sample_journey())
    cards = library.load_journey(journey_id).touchpoints
    photo = images.prepare(pictures.noisy_jpeg(300, 200))
    library.set_card_image(cards[0].id, photo)
    library.set_card_image(cards[1].id, photo)  # the same picture on two cards: once in the file
    library.set_card_image(cards[2].id, images.prepare(pictures.png(20, 20, (0, 0, 255, 100), "RGBA")))
    library.set_wall_photo(journey_id, images.prepare(pictures.jpeg(120, 80)))
    return journey_id


def test_a_file_gives_its_cards_and_journey_their_images() -> None:
    journey = read_journey(json.dumps(_document()))
    first, second = journey.touchpoints
    assert first.image is not None
    assert (first.image.format, first.image.width, first.image.height) == ("jpeg", 40, 30)
    assert first.image.data is not None
    assert Image.open(io.BytesIO(first.image.data)).size == (40, 30)
    assert second.image is None
    assert journey.wall_photo is not None
    assert journey.wall_photo.format == "png"


@pytest.mark.both_backends
def test_images_round_trip_through_a_file_and_a_library_byte_for_byte(library: Library) -> None:
    journey_id = _pictured(library)
    text = write_journey(with_image_data(library, library.load_journey(journey_id)))
    document = json.loads(text)
    assert [item["id"] for item in document["images"]] == ["i1", "i2", "i3"]
    assert [t["image"] for t in document["touchpoints"]][:4] == ["i1", "i1", "i2", None]
    assert document["wall_photo"] == "i3"
    assert write_journey(read_journey(text)) == text
    copy_id = library.create_journey(read_journey(text))
    assert write_journey(with_image_data(library, library.load_journey(copy_id))) == text
    with Library.open(library.location) as reopened:
        again = reopened.load_journey(copy_id)
        assert again.wall_photo is not None
        assert Image.open(io.BytesIO(reopened.image_data(again.wall_photo.id))).size == (120, 80)


def test_the_command_line_exports_and_imports_images(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "lib.cjm"
    with Library.open(path) as library:
        journey_id = _pictured(library)
    out = tmp_path / "reis.json"
    assert main(["--library", str(path), "export", str(journey_id), "-o", str(out)]) == 0
    assert len(json.loads(out.read_text("utf-8"))["images"]) == 3
    capsys.readouterr()
    other = tmp_path / "other.cjm"
    assert main(["--library", str(other), "import", str(out)]) == 0
    new_id = int(capsys.readouterr().out)
    with Library.open(other) as library:
        journey = library.load_journey(new_id)
        assert sum(card.image is not None for card in journey.touchpoints) == 3
        assert journey.wall_photo is not None


def test_version_3_leaves_images_out_with_a_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "lib.cjm"
    with Library.open(path) as library:
        journey_id = _pictured(library)
        assert lost_in(library.load_journey(journey_id), 3) == ["the cards' images", "the wall photo"]
    out = tmp_path / "oud.json"
    code = main(["--library", str(path), "export", str(journey_id), "-o", str(out), "--format-version", "3"])
    assert code == 0
    assert capsys.readouterr().err == (
        "cjmapper: warning: a version 3 journey file cannot hold the cards' images; the wall photo; left out\n"
    )
    document = json.loads(out.read_text("utf-8"))
    assert document["version"] == 3
    assert "images" not in document
    assert "wall_photo" not in document
    assert all("image" not in card for card in document["touchpoints"])
    assert all(card.image is None for card in read_journey(out.read_text("utf-8")).touchpoints)


def test_a_version_3_file_reads_as_before_and_knows_no_images() -> None:
    document = _document(version=3)
    del document["wall_photo"]
    del document["images"]
    for card in document["touchpoints"]:
        del card["image"]
    assert [card.title for card in read_journey(json.dumps(document)).touchpoints] == ["A", "B"]
    document["touchpoints"][0]["image"] = "i1"
    assert _problems(document) == ["touchpoints[0].image: unknown field"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"wall_photo": "i9"}, 'wall_photo: names the image "i9", which the file does not have'),
        ({"wall_photo": 3}, "wall_photo: must be an image's id or null, not an integer"),
        ({"images": {}}, "images: must be an array, not an object"),
    ],
)
def test_wrong_references_are_reported(change: dict[str, Any], problem: str) -> None:
    assert problem in _problems(_document(**change))


def _with_image(data: bytes, media: str = "image/png") -> dict[str, Any]:
    document = _document()
    document["images"][1] = {"id": "i2", "type": media, "data": base64.b64encode(data).decode()}
    return document


def test_a_bomb_in_a_file_is_refused_with_its_place() -> None:
    assert _problems(_with_image(pictures.png_bomb())) == [
        "images[1].data: The image declares 100,000 × 100,000 pixels, more than the 60 megapixels an image may have; "
        "it was not opened."
    ]


@pytest.mark.parametrize(
    ("data", "media", "problem"),
    [
        (pictures.gif(), "image/png", "images[1].data: is not the image/png its type says"),
        (pictures.SVG, "image/png", "images[1].data: is not the image/png its type says"),
        (
            pictures.png()[:60],
            "image/png",
            "images[1].data: The image cannot be read: the picture is damaged or incomplete.",
        ),
        (pictures.png(), "image/gif", 'images[1].type: must be "image/png" or "image/jpeg"'),
    ],
    ids=["gif", "svg", "truncated", "gif-type"],
)
def test_other_or_damaged_images_in_a_file_are_refused(data: bytes, media: str, problem: str) -> None:
    assert _problems(_with_image(data, media)) == [problem]


def test_data_that_is_not_base64_is_refused() -> None:
    document = _document()
    document["images"][0]["data"] = "not base64!"
    assert _problems(document) == ["images[0].data: is not base64"]


def test_a_file_image_with_metadata_is_cleaned_on_reading() -> None:
    journey = read_journey(json.dumps(_with_image(pictures.turned_jpeg(60, 20), "image/jpeg")))
    assert journey.wall_photo is not None
    assert (journey.wall_photo.width, journey.wall_photo.height) == (20, 60)
    assert journey.wall_photo.data is not None
    assert len(Image.open(io.BytesIO(journey.wall_photo.data)).getexif()) == 0
