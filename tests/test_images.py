"""Safe image intake (cjmapper.images): only PNG and JPEG, bombs refused before decoding, damaged files refused with
one sentence, photos turned, cleaned, scaled and encoded within the bounds."""

from __future__ import annotations

import io
import resource
import tracemalloc
from pathlib import Path

import pytest
from PIL import Image

from cjmapper import images
from cjmapper.images import ImageError
from cjmapper.messages import use_language
from tests import image_helpers as pictures


def _opened(data: bytes) -> Image.Image:
    picture = Image.open(io.BytesIO(data))
    picture.load()
    return picture


def test_png_and_jpeg_are_taken_and_kept_small() -> None:
    flat = images.prepare(pictures.png(40, 30))
    assert (flat.format, flat.width, flat.height) == ("jpeg", 40, 30)  # no transparency: stored as a photo
    assert _opened(flat.data).format == "JPEG"
    photo = images.prepare(pictures.jpeg(30, 50))
    assert (photo.format, photo.width, photo.height) == ("jpeg", 30, 50)


def test_transparency_is_kept_as_png() -> None:
    prepared = images.prepare(pictures.png(20, 20, (0, 0, 255, 100), mode="RGBA"))
    assert prepared.format == "png"
    picture = _opened(prepared.data)
    assert picture.format == "PNG"
    assert picture.mode == "RGBA"
    assert picture.getpixel((5, 5)) == (0, 0, 255, 100)


def test_a_bomb_is_refused_before_decoding() -> None:
    bomb = pictures.png_bomb()
    assert len(bomb) < 50_000
    tracemalloc.start()
    try:
        with pytest.raises(ImageError) as refused:
            images.prepare(bomb, "wall.png")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # nothing was decoded: 10^10 pixels would take 10 GB
    message = str(refused.value)
    assert message == (
        "wall.png declares 100,000 × 100,000 pixels, more than the 60 megapixels an image may have; it was not opened."
    )


def test_a_bomb_just_over_the_limit_is_refused_too() -> None:
    with pytest.raises(ImageError, match="megapixels"):
        images.prepare(pictures.png_bomb(10_000, 6_001))


@pytest.mark.parametrize(
    "data",
    [
        pictures.png(300, 200)[:200],  # cut off in its pixels
        pictures.jpeg(300, 200)[:150],
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,  # a PNG's first bytes, then garbage
        b"\xff\xd8\xff" + b"\x00" * 500,
        pictures.png()[:8],
    ],
    ids=["truncated-png", "truncated-jpeg", "garbage-png", "garbage-jpeg", "only-magic"],
)
def test_damaged_files_are_refused_in_one_sentence(data: bytes) -> None:
    with pytest.raises(ImageError) as refused:
        images.prepare(data, "photo.png")
    assert str(refused.value) == "photo.png cannot be read: the picture is damaged or incomplete."


@pytest.mark.parametrize("data", [pictures.gif(), pictures.SVG, b"", b"%PDF-1.4\n"], ids=["gif", "svg", "empty", "pdf"])
def test_other_formats_are_refused_whatever_the_name(tmp_path: Path, data: bytes) -> None:
    file = tmp_path / "holiday.png"
    file.write_bytes(data)
    with pytest.raises(ImageError) as refused:
        images.read_image_file(file)
    assert str(refused.value) == "holiday.png is not a PNG or JPEG picture; only those can be attached."


def test_a_png_named_jpeg_is_read_as_what_it_is(tmp_path: Path) -> None:
    file = tmp_path / "scan.jpg"
    file.write_bytes(pictures.png(10, 10, (0, 0, 0, 0), mode="RGBA"))
    assert images.read_image_file(file).format == "png"


def test_a_big_photo_is_scaled_and_encoded_under_the_bounds() -> None:
    data = pictures.noisy_jpeg(4000, 3000)
    assert len(data) > images.MAX_BYTES * 3
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    prepared = images.prepare(data)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert (prepared.width, prepared.height) == (2048, 1536)
    assert len(prepared.data) <= images.MAX_BYTES
    assert _opened(prepared.data).size == (2048, 1536)
    assert grown_kb < 200_000  # decoded at a reduced scale: no 36 MB picture per copy, let alone many


def test_a_big_png_without_transparency_becomes_a_bounded_jpeg() -> None:
    out = io.BytesIO()
    Image.open(io.BytesIO(pictures.noisy_jpeg(3000, 2500))).save(out, "PNG")
    prepared = images.prepare(out.getvalue())
    assert prepared.format == "jpeg"
    assert max(prepared.width, prepared.height) == 2048
    assert len(prepared.data) <= images.MAX_BYTES


def test_a_noisy_transparent_png_shrinks_until_it_fits() -> None:
    noise = Image.open(io.BytesIO(pictures.noisy_jpeg(2000, 2000))).convert("RGBA")
    noise.putalpha(128)
    out = io.BytesIO()
    noise.save(out, "PNG")
    prepared = images.prepare(out.getvalue())
    assert prepared.format == "png"
    assert len(prepared.data) <= images.MAX_BYTES
    assert prepared.width < 2000
    assert prepared.width == prepared.height


def test_exif_orientation_is_applied_and_metadata_dropped() -> None:
    prepared = images.prepare(pictures.turned_jpeg(60, 20))
    assert (prepared.width, prepared.height) == (20, 60)
    picture = _opened(prepared.data)
    assert picture.size == (20, 60)
    assert len(picture.getexif()) == 0
    assert "exif" not in picture.info
    assert "icc_profile" not in picture.info


def test_refusals_speak_dutch() -> None:
    previous = use_language("nl")
    try:
        with pytest.raises(ImageError) as refused:
            images.prepare(pictures.SVG, "muur.png")
    finally:
        use_language(previous)
    assert str(refused.value) == "muur.png is geen PNG- of JPEG-afbeelding; alleen die kunnen worden toegevoegd."


def test_a_file_too_large_is_refused_unread(tmp_path: Path) -> None:
    file = tmp_path / "huge.jpg"
    with file.open("wb") as f:
        f.truncate(images.MAX_FILE_BYTES + 10)
    with pytest.raises(ImageError, match=r"^huge\.jpg is larger than 40 MB; take a smaller picture\.$"):
        images.read_image_file(file)


def test_probe_reads_the_header() -> None:
    assert images.probe(pictures.jpeg(12, 7)) == ("jpeg", 12, 7)
    assert images.probe(b"nothing") is None


def test_what_the_intake_made_is_kept_byte_for_byte_when_asked() -> None:
    for data in (pictures.noisy_jpeg(300, 200), pictures.png(20, 20, (0, 0, 255, 100), mode="RGBA")):
        made = images.prepare(data)
        assert images.prepare(made.data, keep_clean=True) == made
        assert images.prepare(made.data).format == made.format


def test_keeping_clean_data_still_cleans_the_rest() -> None:
    turned = images.prepare(pictures.turned_jpeg(60, 20), keep_clean=True)
    assert (turned.width, turned.height) == (20, 60)
    assert len(_opened(turned.data).getexif()) == 0
    made = images.prepare(pictures.jpeg(30, 30))
    trailing = made.data + b"<script>alert(1)</script>"
    assert images.prepare(trailing, keep_clean=True).data != trailing
    commented = io.BytesIO()
    Image.new("RGB", (20, 20)).save(commented, "PNG", pnginfo=_text_chunk())
    kept = images.prepare(commented.getvalue(), keep_clean=True)
    assert "Comment" not in _opened(kept.data).info


def _text_chunk() -> object:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "secret")
    return info
