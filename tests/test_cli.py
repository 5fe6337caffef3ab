"""The command line, as a user runs it: output, exit codes and one-line errors. Every test that uses a library
runs on a library file and on a team library (`--library postgresql://...`)."""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from cjmapper import __version__, exports, poster
from cjmapper.cli import main
from cjmapper.model import Journey, Language
from cjmapper.poster import PAPERS, TILE_PAPERS, PosterOptions, PosterPlan, plan_poster
from cjmapper.store import Library
from cjmapper.store.location import Location
from cjmapper.templates import load_example
from tests.backend_helpers import library_exists
from tests.export_helpers import OUTLINE, outline
from ui.editing.document import JourneyDocument
from ui.export import pictures
from ui.export.pictures import DEFAULT_DPI, export_picture, picture_size

Run = tuple[int, str, str]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


pytestmark = pytest.mark.both_backends


@pytest.fixture
def lib_path(library_location: Location) -> Location:
    """The library the commands use (`--library`, given as `str(location)`): a file, and (a second run) a team
    library's URL; its password is in PGPASSWORD."""
    return library_location


def test_new_list_export_import_delete(capsys: pytest.CaptureFixture[str], lib_path: Location, tmp_path: Path) -> None:
    lib = str(lib_path)
    code, out, err = run(
        capsys, "--library", lib, "new", "--template", "aida", "--language", "nl", "--title", "Fietsen"
    )
    assert (code, err) == (0, "")
    journey_id = out.strip()
    assert journey_id.isdigit()

    code, out, _ = run(capsys, "--library", lib, "list")
    assert code == 0
    assert out == f"{journey_id}\tFietsen\t4\t6\t0\n"

    exported = tmp_path / "fietsen.json"
    assert run(capsys, "--library", lib, "export", "Fietsen", "-o", str(exported))[0] == 0
    text = exported.read_text(encoding="utf-8")
    assert '"title": "Fietsen"' in text
    assert '"name": "Aandacht"' in text

    code, out, _ = run(capsys, "--library", lib, "import", str(exported))
    assert code == 0
    second = out.strip()
    again = tmp_path / "again.json"
    run(capsys, "--library", lib, "export", second, "-o", str(again))
    assert again.read_bytes() == exported.read_bytes()

    code, out, _ = run(capsys, "--library", lib, "delete", journey_id)
    assert code == 0
    assert out.startswith(f"deleted journey {journey_id}")
    assert run(capsys, "--library", lib, "list")[1] == f"{second}\tFietsen\t4\t6\t0\n"


def test_export_csv_by_extension_and_to_stdout(
    capsys: pytest.CaptureFixture[str], lib_path: Location, tmp_path: Path
) -> None:
    with Library.open(lib_path) as lib:
        journey_id = lib.create_journey(load_example("en"))
    target = tmp_path / "cards.csv"
    assert run(capsys, "--library", str(lib_path), "export", str(journey_id), "-o", str(target))[0] == 0
    data = target.read_bytes()
    header = b"phase,lane,order,title,channel,score,expectation,owner,votes,notes,status,impact,effort\r\n"
    assert data.startswith(b"\xef\xbb\xbf" + header)
    code, out, _ = run(capsys, "--library", str(lib_path), "export", str(journey_id), "-o", "-", "--format", "csv")
    assert code == 0
    assert out.count("\n") == data.decode("utf-8-sig").count("\n")


def test_environment_variable_picks_the_library(
    capsys: pytest.CaptureFixture[str], lib_path: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CJMAPPER_LIBRARY", str(lib_path))
    assert run(capsys, "new", "--template", "blank", "--title", "From env")[0] == 0
    with Library.open(lib_path) as lib:
        assert [j.title for j in lib.list_journeys()] == ["From env"]


def test_library_flag_creates_an_empty_library(capsys: pytest.CaptureFixture[str], lib_path: Location) -> None:
    assert not library_exists(lib_path)
    assert run(capsys, "--library", str(lib_path), "list") == (0, "", "")
    assert library_exists(lib_path)
    with Library.open(lib_path) as lib:
        assert not lib.created
        assert lib.list_journeys() == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "404", "-o", "x.json"], "No journey has the id or title '404'"),
        (["export", "1", "-o", "x.pdfx"], "cannot tell the format"),
        (["delete", "Nope"], "No journey"),
        (["import", "missing.json"], "missing.json"),
    ],
)
def test_user_errors_exit_1_with_one_line(
    capsys: pytest.CaptureFixture[str], lib_path: Location, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--library", str(lib_path), *argv)
    assert code == 1
    assert out == ""
    assert err.startswith("cjmapper: error: ")
    assert err.count("\n") == 1
    assert message in err


def test_import_of_a_bad_file_names_the_problem_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], lib_path: Location, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cjmapper.journey", "version": 1, "title": ""}', encoding="utf-8")
    code, _, err = run(capsys, "--library", str(lib_path), "import", str(bad))
    assert code == 1
    assert "title" in err
    assert run(capsys, "--library", str(lib_path), "list")[1] == ""


def test_bad_library_file_is_one_line_and_untouched(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file's own bytes: library files only."""
    bad = tmp_path / "random.cjm"
    bad.write_bytes(os.urandom(4096))
    before = bad.read_bytes()
    code, _, err = run(capsys, "--library", str(bad), "list")
    assert code == 1
    assert err == "cjmapper: error: random.cjm is not a cjmapper library (it is not a SQLite database).\n"
    assert bad.read_bytes() == before


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], lib_path: Location) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--library", str(lib_path), "new", "--template", "nope", "--title", "x"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main(["frobnicate"]) == 1  # a word that is no command is taken for a file (`cjmapper PATH`): none
    said = "cjmapper: error: 'frobnicate' is neither a command nor a file; see 'cjmapper --help'\n"
    assert capsys.readouterr().err == said


def test_no_command_starts_the_editor_on_the_chosen_library(lib_path: Location) -> None:
    seen: list[tuple[Location | None, Language | None]] = []

    def editor(location: Location | None, language: Language | None, journey_file: Path | None) -> int:
        assert journey_file is None
        seen.append((location, language))
        return 0

    assert main(["--library", str(lib_path)], start_editor=editor) == 0
    assert main([], start_editor=editor) == 0
    assert main(["--language", "nl"], start_editor=editor) == 0
    assert main(["--library", str(lib_path), "--language", "en"], start_editor=editor) == 0
    assert seen == [(lib_path, None), (None, None), (None, Language.NL), (lib_path, Language.EN)]


def test_language_before_a_command_is_the_default_for_new(
    lib_path: Location, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--library", str(lib_path), "--language", "nl", "new", "--template", "aida", "--title", "A"]) == 0
    assert main(["--library", str(lib_path), "--language", "nl", "new", "--template", "aida", "--language", "en",
                 "--title", "B"]) == 0  # fmt: skip
    with Library.open(lib_path) as lib:
        assert lib.load_journey(lib.find_journey("A")).phases[0].name == "Aandacht"
        assert lib.load_journey(lib.find_journey("B")).phases[0].name == "Attention"
    with pytest.raises(SystemExit) as caught:
        main(["--language", "de"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_unexpected_failure_prints_no_traceback(
    capsys: pytest.CaptureFixture[str], lib_path: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Library) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(Library, "list_journeys", broken)
    code, _, err = run(capsys, "--library", str(lib_path), "list")
    assert code == 1
    assert "Traceback" not in err
    assert "boom" in err


def test_installed_program(lib_path: Location) -> None:
    exe = shutil.which("cjmapper", path=str(Path(sys.executable).parent))
    assert exe is not None, "the cjmapper console script is not installed in the test environment"
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False, timeout=60)
    assert (version.returncode, version.stdout.strip()) == (0, f"cjmapper {__version__}")
    new = subprocess.run(
        [exe, "--library", str(lib_path), "new", "--template", "five-phase", "--title", "Via program"],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert (new.returncode, new.stdout.strip(), new.stderr) == (0, "1", "")
    with Library.open(lib_path) as lib:
        assert [(j.id, j.title) for j in lib.list_journeys()] == [(1, "Via program")]
    bad = subprocess.run([exe, "--bogus"], capture_output=True, text=True, check=False, timeout=60)
    assert bad.returncode == 2
    assert "cjmapper: error:" in bad.stderr


# ---------------------------------------------------------------------- posters and pictures

A_SIZES_MM = {"A1": (594, 841), "A2": (420, 594), "A3": (297, 420), "A4": (210, 297)}


def points(mm: float) -> float:
    return mm * 72 / 25.4


@pytest.fixture
def example_id(lib_path: Location) -> int:
    """The Dutch example journey in the library at `lib_path`."""
    with Library.open(lib_path) as lib:
        return lib.create_journey(load_example("nl"))


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(page.mediabox.width), float(page.mediabox.height)) for page in PdfReader(path).pages]


@pytest.mark.parametrize(
    ("options", "size_mm"),
    [
        ([], (420, 297)),  # A3 landscape by default
        (["--paper", "A2", "--portrait"], (420, 594)),
        (["--paper", "a1"], (841, 594)),
        (["--paper", "600x900mm"], (600, 900)),  # a custom size as given: width, then height
        (["--paper", "900x600mm"], (900, 600)),
        (["--paper", "600x900mm", "--portrait"], (600, 900)),
    ],
)
def test_pdf_poster_by_extension_on_the_chosen_paper(
    capsys: pytest.CaptureFixture[str],
    lib_path: Location,
    tmp_path: Path,
    example_id: int,
    options: list[str],
    size_mm: tuple[float, float],
) -> None:
    target = tmp_path / "poster.pdf"
    code, out, err = run(capsys, "--library", str(lib_path), "export", str(example_id), "-o", str(target), *options)
    assert (code, out) == (0, "")
    assert err == "" or (err.startswith("cjmapper: warning: ") and err.count("\n") == 1)
    [(width, height)] = page_sizes(target)
    assert width == pytest.approx(points(size_mm[0]), abs=0.5)
    assert height == pytest.approx(points(size_mm[1]), abs=0.5)
    metadata = PdfReader(target).metadata
    assert metadata is not None
    assert metadata.title == "Klantreis webshop: Bakkerij De Korenbloem"


@pytest.mark.parametrize(("paper", "tile"), [("A1", "A4"), ("A0", "a3")])
def test_tiled_poster_has_the_planned_sheets(
    capsys: pytest.CaptureFixture[str], lib_path: Location, tmp_path: Path, example_id: int, paper: str, tile: str
) -> None:
    target = tmp_path / "tiles.pdf"
    argv = ["--library", str(lib_path), "export", str(example_id), "-o", str(target), "--paper", paper]
    code, _, _ = run(capsys, *argv, "--tile", tile)
    assert code == 0
    with Library.open(lib_path) as lib:
        journey = lib.load_journey(example_id)
    plan = plan_poster(journey, PosterOptions(paper=PAPERS[paper], tile=TILE_PAPERS[tile.upper()]))
    sizes = page_sizes(target)
    assert len(sizes) == plan.sheets
    sheet = sorted(points(mm) for mm in A_SIZES_MM[tile.upper()])
    for width, height in sizes[1:]:  # after the assembly sheet, every sheet is the printer's paper
        assert sorted((width, height)) == pytest.approx(sheet, abs=0.5)


def test_poster_options_reach_the_poster_and_its_warning_is_one_line(
    capsys: pytest.CaptureFixture[str],
    lib_path: Location,
    tmp_path: Path,
    example_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[PosterOptions] = []

    def render(journey: Journey, target: Path | BinaryIO, options: PosterOptions) -> PosterPlan:
        seen.append(options)
        assert isinstance(target, Path)
        target.write_bytes(b"%PDF-1.4 fake")
        warning = "at A4 the card text would be 3.1 pt,\ntoo small to read; A1 keeps it legible"
        return replace(plan_poster(journey, options), warning=warning, advice=None)

    monkeypatch.setattr(poster, "render_poster", render)
    target = tmp_path / "poster.pdf"
    argv = ["--library", str(lib_path), "export", str(example_id), "-o", str(target)]
    code, out, err = run(capsys, *argv, "--paper", "A4", "--portrait", "--tile", "A4")
    assert (code, out) == (0, "")
    assert err == "cjmapper: warning: at A4 the card text would be 3.1 pt, too small to read; A1 keeps it legible\n"
    assert seen == [PosterOptions(paper=PAPERS["A4"], portrait=True, tile=TILE_PAPERS["A4"])]
    assert target.read_bytes() == b"%PDF-1.4 fake"


def test_pdf_poster_to_standard_output(
    capsysbinary: pytest.CaptureFixture[bytes], lib_path: Location, example_id: int
) -> None:
    code = main(["--library", str(lib_path), "export", str(example_id), "-o", "-", "--format", "pdf"])
    out, err = capsysbinary.readouterr()
    assert (code, err) == (0, b"")
    assert out.startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(out)).pages) == 1


class Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_binary_formats_are_not_written_to_a_terminal(
    capsys: pytest.CaptureFixture[str], lib_path: Location, example_id: int, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    screen = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", Terminal(screen, encoding="utf-8"))
    drawn: list[Path] = []

    def exporter(
        library: Library, journey_id: int, path: Path, fmt: str, dpi: int, chrome: bool, heat: bool = False
    ) -> None:
        drawn.append(path)

    argv = ["--library", str(lib_path), "export", str(example_id), "-o", "-", "--format", fmt]
    assert main(argv, export_picture=exporter) == 1
    assert capsys.readouterr().err == (
        f"cjmapper: error: will not write a {fmt.upper()} file to a terminal; redirect the output or name a file\n"
    )
    assert (screen.getvalue(), drawn) == (b"", [])


def test_png_and_svg_pictures_through_the_exporter(
    capsys: pytest.CaptureFixture[str], qapp: QApplication, lib_path: Location, tmp_path: Path, example_id: int
) -> None:
    lib = str(lib_path)
    png, svg, other = tmp_path / "map.png", tmp_path / "map.svg", tmp_path / "map.picture"
    assert main(["--library", lib, "export", str(example_id), "-o", str(png), "--dpi", "72"], None, export_picture) == 0
    assert main(["--library", lib, "export", "Klantreis webshop: Bakkerij De Korenbloem", "-o", str(svg)], None,
                export_picture) == 0  # fmt: skip
    assert main(["--library", lib, "export", str(example_id), "-o", str(other), "--format", "png"], None,
                export_picture) == 0  # fmt: skip
    assert capsys.readouterr() == ("", "")
    with Library.open(lib_path) as opened:
        document = JourneyDocument(opened, example_id)
        assert QImage(str(png)).size().toTuple() == picture_size(document, 72)
        assert QImage(str(other)).size().toTuple() == picture_size(document, DEFAULT_DPI)
    root = ElementTree.parse(svg).getroot()
    assert root.findtext("{http://www.w3.org/2000/svg}title") == "Klantreis webshop: Bakkerij De Korenbloem"


def test_svg_picture_to_standard_output(
    capsysbinary: pytest.CaptureFixture[bytes], qapp: QApplication, lib_path: Location, example_id: int
) -> None:
    argv = ["--library", str(lib_path), "export", str(example_id), "-o", "-", "--format", "svg"]
    assert main(argv, export_picture=export_picture) == 0
    out, err = capsysbinary.readouterr()
    assert err == b""
    texts = ["".join(e.itertext()) for e in ElementTree.fromstring(out).iter("{http://www.w3.org/2000/svg}text")]
    assert "Kan geen bezorgtijd kiezen" in texts


def test_a_picture_too_large_is_one_line(
    capsys: pytest.CaptureFixture[str],
    qapp: QApplication,
    lib_path: Location,
    tmp_path: Path,
    example_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pictures, "MAX_PIXELS", 2_000_000)
    target = tmp_path / "map.png"
    argv = ["--library", str(lib_path), "export", str(example_id), "-o", str(target), "--dpi", "300"]
    code, out, err = (main(argv, export_picture=export_picture), *capsys.readouterr())
    assert (code, out) == (1, "")
    assert err.startswith("cjmapper: error: a 300-dpi picture of this journey would be ")
    assert err.endswith(" dpi or less\n")
    assert err.count("\n") == 1
    assert not target.exists()


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_pictures_without_the_canvas_are_one_clear_error(
    capsys: pytest.CaptureFixture[str], lib_path: Location, tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / f"map.{fmt}"
    code, out, err = run(capsys, "--library", str(lib_path), "export", "1", "-o", str(target))
    assert (code, out) == (1, "")
    assert err == (
        f"cjmapper: error: {fmt.upper()} pictures are drawn by the editor's canvas, which this command line leaves "
        "out; run the `cjmapper` program to export them\n"
    )
    assert not target.exists()
    assert not library_exists(lib_path)  # refused before the library was opened (and created)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["-o", "m.svg", "--dpi", "100"], "--dpi only goes with PNG pictures, not with SVG files"),
        (["-o", "m.pdf", "--dpi", "300"], "--dpi only goes with PNG pictures, not with PDF files"),
        (["-o", "m.png", "--dpi", "29"], "argument --dpi: 29 is out of range: choose 30 to 1200"),
        (["-o", "m.png", "--dpi", "1201"], "argument --dpi: 1201 is out of range: choose 30 to 1200"),
        (["-o", "m.png", "--dpi", "high"], "argument --dpi: 'high' is not a whole number"),
        (["-o", "m.png", "--paper", "A3"], "--paper only goes with PDF posters, not with PNG files"),
        (["-o", "m.json", "--portrait"], "--portrait only goes with PDF posters, not with JSON files"),
        (["-o", "m.svg", "--tile", "A4"], "--tile only goes with PDF posters, not with SVG files"),
        (["-o", "m.png", "--paper", "A3", "--portrait"], "--paper and --portrait only go with PDF posters"),
        (["-o", "m.svg", "--tile", "a3", "--dpi", "99"], "--tile only goes with PDF posters, not with SVG files"),
        (["-o", "m.pdf", "--tile", "A2"], "argument --tile: invalid choice: 'A2'"),
        (["-o", "m.pdf", "--paper", "B5"], "argument --paper: unknown paper 'B5'"),
        (["-o", "m.pdf", "--paper", "10x10mm"], "argument --paper: paper '10x10mm' is too small"),
        (["-o", "m.pdf", "--paper", "6000x900"], "argument --paper: paper '6000x900' is too large"),
        (["-o", "m.pdf", "--format", "gif"], "argument --format: invalid choice: 'gif'"),
        (["-o", "m.pdf", "--map-only"], "--map-only only goes with PNG and SVG pictures, not with PDF files"),
        (["-o", "m.json", "--map-only"], "--map-only only goes with PNG and SVG pictures, not with JSON files"),
    ],
)
def test_export_options_that_do_not_fit_are_usage_errors(
    capsys: pytest.CaptureFixture[str], lib_path: Location, tmp_path: Path, options: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--library", str(lib_path), "export", "1", *options], export_picture=export_picture)
    assert caught.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("usage: cjmapper export")
    last = err.splitlines()[-1]
    assert last.startswith("cjmapper export: error: ")
    assert message in last
    assert not library_exists(lib_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["poster.pdf", "map.png", "map.svg"])
def test_export_into_a_missing_folder_is_one_line(
    capsys: pytest.CaptureFixture[str], lib_path: Location, tmp_path: Path, example_id: int, name: str
) -> None:
    target = tmp_path / "missing" / name
    argv = ["--library", str(lib_path), "export", str(example_id), "-o", str(target)]
    code, out, err = (main(argv, export_picture=export_picture), *capsys.readouterr())
    assert (code, out) == (1, "")
    assert err == f"cjmapper: error: cannot write {target}: the folder {target.parent} does not exist\n"


def test_installed_program_draws_a_png_without_a_display(
    qapp: QApplication, lib_path: Location, tmp_path: Path, example_id: int
) -> None:
    exe = shutil.which("cjmapper", path=str(Path(sys.executable).parent))
    assert exe is not None
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    target = tmp_path / "map.png"
    done = subprocess.run(
        [exe, "--library", str(lib_path), "export", str(example_id), "-o", str(target), "--dpi", "60"],
        capture_output=True, text=True, check=False, timeout=120, env=env,
    )  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert png_dpi(target.read_bytes()) == 60
    with Library.open(lib_path) as opened:
        assert QImage(str(target)).size().toTuple() == picture_size(JourneyDocument(opened, example_id), 60)


def png_dpi(data: bytes) -> int:
    """The resolution in a PNG's pHYs chunk."""
    at = data.index(b"pHYs")
    x_ppm, y_ppm, unit = struct.unpack(">IIB", data[at + 4 : at + 13])
    assert (x_ppm, unit) == (y_ppm, 1)
    return round(int(x_ppm) * 0.0254)


def test_export_writes_each_format_of_the_table_with_its_own_writer(
    capsys: pytest.CaptureFixture[str],
    lib_path: Location,
    tmp_path: Path,
    example_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(exports.FORMATS, "md", OUTLINE)
    with Library.open(lib_path) as lib:
        expected = outline(lib.load_journey(example_id))
    target = tmp_path / "cards.md"
    assert run(capsys, "--library", str(lib_path), "export", str(example_id), "-o", str(target)) == (0, "", "")
    assert target.read_text(encoding="utf-8") == expected
    assert run(capsys, "--library", str(lib_path), "export", str(example_id), "-o", "-", "--format", "md") == (
        0,
        expected,
        "",
    )


def test_an_extension_of_no_format_names_the_formats_of_the_table(
    capsys: pytest.CaptureFixture[str], lib_path: Location, tmp_path: Path, example_id: int
) -> None:
    code, out, err = run(capsys, "--library", str(lib_path), "export", str(example_id), "-o", str(tmp_path / "x.md"))
    assert (code, out) == (1, "")
    assert err == (
        f"cjmapper: error: cannot tell the format of {str(tmp_path / 'x.md')!r} from its extension; "
        "add --format json, csv, xlsx, mermaid, pdf, png, svg or pptx\n"
    )
    assert not (tmp_path / "x.md").exists()
