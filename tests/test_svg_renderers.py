"""The SVG picture renders in other programs as cjmapper's own PNG: rsvg-convert (librsvg), Inkscape and Chromium.

A "hidden text" journey (markup characters, Dutch and Nordic diacritics, emoji, a Chinese word, stars) is exported
as a 96-dpi PNG and as an SVG by the `cjmapper` program (the path a user takes); each renderer draws the SVG at the
PNG's size, with this machine's fonts and with none at all, and the pictures are compared pixel by pixel. The
renderers are required (scripts/test installs them from Debian): a missing one fails these tests.

Tolerance: anti-aliasing differs between renderers, so a pixel matches when it lies within `THRESHOLD` grey levels
of the range of the other picture's pixels around it (3 x 3), both ways. Measured on this journey (632 x 734
pixels): 8 pixels differ in each renderer, with or without fonts (the edges of an emboldened emoji). The SVG as Qt
wrote it (fonts named, none carried) differed by 979 (rsvg-convert: an emoji as a hex box), 1,076 (Inkscape: emoji
left out) and 1,433 (Chromium: boxes, kerned text) pixels with this machine's fonts, and by 17,394 to 22,588 without
them. `MAX_DIFFERENT` allows five times the measured count.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter
from PySide6.QtWidgets import QApplication

import ui.main
from cjmapper.layout import Metrics, compute_layout
from cjmapper.model import Journey, Lane, LaneKind, Language, Persona, Phase, Touchpoint
from cjmapper.store import Library
from ui.editing.document import JourneyDocument
from ui.export import pictures as picture_export

THRESHOLD = 64
"""Grey levels (of 255) a pixel may lie outside its neighbourhood in the other picture before it counts as different."""
MAX_DIFFERENT = 40
"""Different pixels allowed in the whole picture (8 measured in each renderer; a lost emoji makes about 50)."""
SVG = "{http://www.w3.org/2000/svg}"

CARDS = (
    ("<b>&amp;\"'", "notes with a long line that wraps to the right edge of the card here één"),
    ("één ç ø", "Garçon ø ★★★"),
    ("Feest 🎉😀", "emoji 🚀 here"),
    ("購物車", "中文 notes 日本語"),
    ("★ ster", "Ünïcödé ß"),
    ("plain", ""),
)


def hidden_text_journey() -> Journey:
    journey = Journey(
        0,
        "Verborgen tekst <b>&amp;\"' één ★",
        language=Language.NL,
        personas=[Persona("Anaïs & François")],
        phases=[Phase(1, "Oriëntatie <i>"), Phase(2, "Aankoop ç ø 🎉")],
        lanes=[Lane(1, "Contactmomenten", LaneKind.TOUCHPOINTS), Lane(2, "Beleving", LaneKind.EMOTIONS)],
    )
    for i, (title, notes) in enumerate(CARDS):
        journey.touchpoints.append(
            Touchpoint(i + 1, i % 2 + 1, 1, i // 2, title, notes=notes, channel="email", score=i % 5 + 1)
        )
    return journey


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(PNG at 96 dpi, SVG) of the hidden-text journey, written by `cjmapper export`."""
    folder = tmp_path_factory.mktemp("svg-renderers")
    library = Library.open(folder / "lib.cjm")
    try:
        journey_id = library.create_journey(hidden_text_journey())
    finally:
        library.close()
    png, svg = folder / "map.png", folder / "map.svg"
    for target, extra in ((png, ["--dpi", "96"]), (svg, [])):
        export(["--library", str(folder / "lib.cjm"), "export", str(journey_id), "-o", str(target), *extra])
    return png, svg


def export(arguments: list[str]) -> None:
    """Run the `cjmapper` program (the editor's entry, which draws pictures) with `arguments`; it must succeed."""
    saved = sys.argv
    sys.argv = ["cjmapper", *arguments]
    try:
        with pytest.raises(SystemExit) as exited:
            ui.main.main()
    finally:
        sys.argv = saved
    assert exited.value.code == 0


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found is not None, f"{name} is not installed (scripts/test installs it: apt-get install {name})"
    return found


def picture(path: Path) -> Image.Image:
    """The PNG at `path`, read whole (its file closed)."""
    with Image.open(path) as image:
        image.load()
        return image


FONTLESS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>{folder}</dir><cachedir>{folder}</cachedir></fontconfig>
"""
"""A fontconfig configuration whose only font folder is an empty one: a machine without any font the SVG names."""


def render(
    renderer: str, svg: Path, size: tuple[int, int], out: Path, zoom: int = 1, fonts: bool = True
) -> Image.Image:
    """`svg` drawn by `renderer` at `zoom` times its `size` (the PNG's, in pixels), as an RGB picture; with no fonts
    at all (fontconfig, which all three renderers use on Linux, pointed at an empty folder) unless `fonts`."""
    environment = dict(os.environ)
    if not fonts:
        folder = Path(tempfile.mkdtemp(prefix="no-fonts-", dir=out.parent))
        (folder / "fonts.conf").write_text(FONTLESS.format(folder=folder), encoding="utf-8")
        environment["FONTCONFIG_FILE"] = str(folder / "fonts.conf")
    width, height = size[0] * zoom, size[1] * zoom
    if renderer == "rsvg-convert":
        command = [tool("rsvg-convert"), "-w", str(width), "-h", str(height), "-o", str(out), str(svg)]
    elif renderer == "inkscape":
        command = [tool("inkscape"), "--export-type=png", f"--export-filename={out}", str(svg)]
        command[1:1] = [f"--export-width={width}", f"--export-height={height}"]
    else:
        profile = tempfile.mkdtemp(prefix="chromium-", dir=out.parent)
        command = [
            tool("chromium"),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--screenshot={out}",
            f"--window-size={size[0]},{size[1]}",
            f"--force-device-scale-factor={zoom}",
            str(svg),
        ]
    subprocess.run(command, check=True, capture_output=True, timeout=120, env=environment)
    return picture(out).convert("RGB")


def on_white(image: Image.Image) -> Image.Image:
    """Grey levels, transparency (rsvg-convert and Inkscape leave the outside of the page clear) over white."""
    image = image.convert("RGBA")
    background = Image.new("RGBA", image.size, "white")
    return Image.alpha_composite(background, image).convert("L")


def outside(a: Image.Image, b: Image.Image) -> Image.Image:
    """Where `a` lies more than THRESHOLD outside the range of `b`'s 3 x 3 neighbourhood (255), else 0."""
    low, high = b.filter(ImageFilter.MinFilter(3)), b.filter(ImageFilter.MaxFilter(3))
    gap = ImageChops.lighter(ImageChops.subtract(low, a), ImageChops.subtract(a, high))
    return gap.point(lambda value: 255 if value > THRESHOLD else 0)


def different_pixels(a: Image.Image, b: Image.Image) -> int:
    return ImageChops.lighter(outside(a, b), outside(b, a)).histogram()[255]


@pytest.mark.parametrize("fonts", [True, False], ids=["system-fonts", "no-fonts"])
@pytest.mark.parametrize("renderer", ["rsvg-convert", "inkscape", "chromium"])
def test_svg_renders_as_the_png(pictures: tuple[Path, Path], renderer: str, fonts: bool, tmp_path: Path) -> None:
    """Alike with this machine's fonts (DejaVu Sans among them) and on one without any font."""
    png, svg = pictures
    own = picture(png)
    rendered = render(renderer, svg, own.size, tmp_path / f"{renderer}.png", fonts=fonts)
    assert rendered.size == own.size
    assert different_pixels(on_white(own), on_white(rendered)) <= MAX_DIFFERENT


def test_the_comparison_sees_what_qts_own_svg_lost(
    pictures: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SVG as QSvgGenerator wrote it (fonts named, none carried) fails the comparison in each renderer."""
    png, _ = pictures
    monkeypatch.setattr(picture_export, "self_contained", lambda svg: svg)
    library = Library.open(tmp_path / "lib.cjm")
    try:
        journey_id = library.create_journey(hidden_text_journey())
    finally:
        library.close()
    bare = tmp_path / "bare.svg"
    export(["--library", str(tmp_path / "lib.cjm"), "export", str(journey_id), "-o", str(bare)])
    assert "sans-serif" not in bare.read_text(encoding="utf-8")
    own = picture(png)
    for renderer in ("rsvg-convert", "inkscape", "chromium"):
        for fonts in (True, False):
            rendered = render(renderer, bare, own.size, tmp_path / f"{renderer}.png", fonts=fonts)
            assert different_pixels(on_white(own), on_white(rendered)) > 4 * MAX_DIFFERENT, (renderer, fonts)


def test_svg_carries_no_font_it_needs_and_keeps_its_text(pictures: tuple[Path, Path]) -> None:
    """Every font list ends in sans-serif, no picture is embedded, and every card's words are text (invisible) in it."""
    _, svg = pictures
    root = ET.parse(svg).getroot()
    families = {element.get("font-family") for element in root.iter() if element.get("font-family")}
    assert families
    assert all(family.rstrip().endswith("sans-serif") for family in families if family)
    assert not list(root.iter(f"{SVG}image"))
    words = "".join(element.text or "" for element in root.iter(f"{SVG}text"))
    for title, notes in CARDS:
        assert title in words
        for word in notes.split():
            assert word in words


@pytest.mark.parametrize("fonts", [True, False], ids=["system-fonts", "no-fonts"])
@pytest.mark.parametrize("renderer", ["rsvg-convert", "inkscape", "chromium"])
def test_notes_keep_the_cards_padding(
    qapp: QApplication, pictures: tuple[Path, Path], renderer: str, fonts: bool, tmp_path: Path
) -> None:
    """The longest note line ends inside the card's right padding in every renderer (drawn at 4 x): between the
    notes' box and the card's border, over the notes' rows, the card is its own colour."""
    png, svg = pictures
    journey = hidden_text_journey()
    layout = compute_layout(journey, Metrics(), aspect=picture_export.PICTURE_ASPECT)
    card = next(box for box in layout.cards.values() if box.touchpoint_id == 1)
    parts = card.parts(layout.metrics)
    with Library.open(tmp_path / "lib.cjm") as library:
        origin = picture_export.map_origin(JourneyDocument(library, library.create_journey(journey)))
    zoom = 4
    rendered = render(renderer, svg, picture(png).size, tmp_path / f"{renderer}.png", zoom, fonts).convert("L")
    left = (origin[0] + card.rect.x + parts.notes.x + parts.notes.width + 1) * zoom
    right = (origin[0] + card.rect.x + card.rect.width - 2) * zoom
    top = (origin[1] + card.rect.y + parts.notes.y) * zoom
    bottom = top + len(card.note_lines) * layout.metrics.note_line_height * zoom
    darkest, lightest = grey_range(rendered.crop((int(left), int(top), int(right), int(bottom))))
    assert lightest - darkest <= 8  # the card's fill alone: no ink of the notes
    notes = rendered.crop((int((origin[0] + card.rect.x + parts.notes.x) * zoom), int(top), int(left), int(bottom)))
    assert grey_range(notes)[0] < darkest - 100  # the notes themselves are drawn (the box is the right one)


def grey_range(image: Image.Image) -> tuple[int, int]:
    """The darkest and lightest grey level of a greyscale picture."""
    histogram = image.histogram()
    levels = [level for level, count in enumerate(histogram) if count]
    return levels[0], levels[-1]
