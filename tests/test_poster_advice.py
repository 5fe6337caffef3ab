"""The legibility advice, followed literally: `cjmapper export` run as a program warns that the card text is too
small and prints the options to use; running it again with exactly those options gives no warning. Also the
custom sizes' width and height (as given), tiny sizes ("0.0 pt" never), and the new options' usage errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from benchmarks.store import big_journey
from cjmapper.model import Journey
from cjmapper.poster import A0, PosterOptions, parse_paper, plan_poster
from cjmapper.poster.paper import MAX_SIDE_MM, MM
from cjmapper.poster.plan import LEGIBLE_PT
from cjmapper.poster.sizing import MAX_SHEETS, MIN_SHEETS, shown_size, size_text
from cjmapper.store import Library

ROOT = Path(__file__).resolve().parent.parent


def export(library: Path, journey_id: int, target: Path, *options: str) -> str:
    """Run `cjmapper export` as a program; its standard error."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "cjmapper", "--library", str(library), "export", str(journey_id), "-o", str(target),
         *options],
        capture_output=True, text=True, check=False, timeout=600, cwd=ROOT, env=env,
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    return done.stderr


def advice(stderr: str) -> list[list[str]]:
    """The option lists the warning says to use: the first, and the plotter's when it names one."""
    match = re.fullmatch(r"cjmapper: warning: (.*) Use (--[^()]*?)(?: \(on a plotter: (--[^()]*)\))?\n", stderr)
    assert match is not None, stderr
    assert "0.0 pt" not in match[1]
    return [found.split() for found in match.groups()[1:] if found]


def library_with(tmp_path: Path, journey: Journey) -> tuple[Path, int]:
    path = tmp_path / "advice.cjm"
    with Library.open(path) as library:
        return path, library.create_journey(journey)


def follow(library: Path, journey_id: int, tmp_path: Path, *options: str) -> list[list[str]]:
    """Export with `options`, expect a warning with advice, follow each advice literally: no warning. Returns the
    advice."""
    stderr = export(library, journey_id, tmp_path / "first.pdf", *options)
    assert "too small to read" in stderr
    advised = advice(stderr)
    for i, words in enumerate(advised):
        target = tmp_path / f"advised{i}.pdf"
        assert export(library, journey_id, target, *words) == ""
        pages = PdfReader(target).pages
        if "--tile" not in words:
            assert len(pages) == 1
        custom = "--paper" in words and "x" in words[words.index("--paper") + 1]
        if custom and "--tile" not in words:  # a custom size on one sheet: as printed
            width, height = (float(n) for n in words[words.index("--paper") + 1].removesuffix("mm").split("x"))
            box = pages[0].mediabox
            assert (float(box.width), float(box.height)) == pytest.approx((width * MM, height * MM), abs=0.01)
    return advised


def test_a_map_too_small_on_a4_is_told_the_a_size_that_keeps_it_legible(tmp_path: Path) -> None:
    library, journey_id = library_with(tmp_path, big_journey(250, phases=10))
    advised = follow(library, journey_id, tmp_path, "--paper", "A4")
    assert len(advised) == 1
    assert advised[0][:1] == ["--paper"]
    assert advised[0][1] in ("A3", "A2", "A1", "A0")


def test_1500_cards_on_a0_are_told_a_size_tiled_or_for_a_plotter(tmp_path: Path) -> None:
    """1,500 cards print at 5.1 pt on A0 (1,000 print at 6.2 pt, tests/test_flow.py): larger than any A-size."""
    library, journey_id = library_with(tmp_path, big_journey(1500))
    advised = follow(library, journey_id, tmp_path, "--paper", "A0")
    assert advised
    for words in advised:
        plan = plan_poster(big_journey(1500), options_of(words))
        assert plan.body_size >= LEGIBLE_PT
        assert plan.warning is None
    tiled = [words for words in advised if "--tile" in words]
    if tiled:  # the tiled print has as many pages as the warning says sheets (and the assembly sheet)
        stated = re.search(
            r" on (\d+) A[34] sheets", export(library, journey_id, tmp_path / "again.pdf", "--paper", "A0")
        )
        assert stated is not None
        assert len(PdfReader(tmp_path / "advised0.pdf").pages) == int(stated[1]) + 1


def options_of(words: list[str]) -> PosterOptions:
    """The options the command line makes of `words` (for the plan's figures)."""
    paper = parse_paper(words[words.index("--paper") + 1]) if "--paper" in words else A0
    tile = parse_paper(words[words.index("--tile") + 1]) if "--tile" in words else None
    sheets = int(words[words.index("--sheets") + 1]) if "--sheets" in words else None
    return PosterOptions(paper, portrait="--portrait" in words, tile=tile, sheets=sheets)


def test_five_thousand_cards_on_a0_get_advice_that_holds_or_an_honest_no(tmp_path: Path) -> None:
    """The issue's target: 5,000 cards on A0. The warning names a paper or tiling that keeps 6 pt, and following it
    gives no warning; when it says no PDF page is large enough, no page of the PDF's largest sizes, of any shape,
    is legible."""
    journey = big_journey(5000)
    library, journey_id = library_with(tmp_path, journey)
    stderr = export(library, journey_id, tmp_path / "first.pdf", "--paper", "A0")
    assert "too small to read" in stderr
    assert not re.search(r"prints at 0\.0* pt", stderr)
    if " Use " in stderr:
        for i, words in enumerate(advice(stderr)):
            assert export(library, journey_id, tmp_path / f"advised{i}.pdf", *words) == ""
    else:
        assert "no PDF page is large enough" in stderr
        side = int(MAX_SIDE_MM)
        for width, height in ((side, side), (side, 2000), (2000, side), (side, 841), (841, side), (side, 300),
                              (300, side)):  # fmt: skip
            assert plan_poster(journey, PosterOptions(parse_paper(f"{width}x{height}"))).warning is not None


def test_five_thousand_cards_in_fifty_phases_on_a0_are_told_a_size_that_holds(tmp_path: Path) -> None:
    library, journey_id = library_with(tmp_path, big_journey(5000, phases=50))
    advised = follow(library, journey_id, tmp_path, "--paper", "A0")
    assert any("--tile" in words for words in advised)


def test_a_poster_fitted_to_too_few_sheets_is_told_how_many_keep_it_legible(tmp_path: Path) -> None:
    library, journey_id = library_with(tmp_path, big_journey(250, phases=10))
    advised = follow(library, journey_id, tmp_path, "--tile", "A4", "--sheets", "2")
    assert advised[0][:4] == ["--tile", "A4", "--sheets", advised[0][3]]
    assert int(advised[0][3]) > 2


def test_custom_sizes_print_width_by_height_as_given(tmp_path: Path) -> None:
    library, journey_id = library_with(tmp_path, big_journey(20))
    for size, portrait in (("300x600mm", []), ("600x300mm", []), ("300x600mm", ["--portrait"])):
        target = tmp_path / "custom.pdf"
        export(library, journey_id, target, "--paper", size, *portrait)
        width, height = (float(n) for n in size.removesuffix("mm").split("x"))
        box = PdfReader(target).pages[0].mediabox
        assert (float(box.width), float(box.height)) == pytest.approx((width * MM, height * MM), abs=0.01)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--paper", "600x300mm", "--portrait"], "--paper 600x300mm is a landscape size (width first): for an "
                                                 "upright page use --paper 300x600mm"),
        (["--sheets", "6"], "--sheets needs --tile"),
        (["--tile", "A4", "--sheets", "6", "--paper", "A2"], "--sheets sizes the poster to the sheets"),
        (["--tile", "A4", "--sheets", "1"], f"choose {MIN_SHEETS} to {MAX_SHEETS}"),
        (["--tile", "A4", "--sheets", "many"], "'many' is not a whole number"),
    ],
)  # fmt: skip
def test_poster_options_that_do_not_go_together_are_usage_errors(
    tmp_path: Path, options: list[str], message: str
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "cjmapper", "--library", str(tmp_path / "x.cjm"), "export", "1", "-o",
         str(tmp_path / "p.pdf"), *options],
        capture_output=True, text=True, check=False, timeout=120, cwd=ROOT, env=env,
    )  # fmt: skip
    assert done.returncode == 2
    assert message in done.stderr


def test_tiny_text_sizes_are_never_shown_as_nothing() -> None:
    assert size_text(5.96) == "5.9 pt"  # never rounded up to the 6 pt it lacks
    assert size_text(1.25) == "1.2 pt"
    assert size_text(0.256) == "0.25 pt"
    assert size_text(0.0437) == "0.043 pt"
    assert size_text(0.0004) == "under 0.001 pt"
    assert shown_size(0.05) == (0.05, 3)  # two significant digits: 0.050
    for points in (0.0011, 0.004, 0.04, 0.4, 0.96):
        shown = shown_size(points)
        assert shown is not None
        assert shown[0] > 0
