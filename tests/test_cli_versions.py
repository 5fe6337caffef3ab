"""The command line's versions: `cjmapper versions JOURNEY [--save NAME]` and `export JOURNEY --version NAME`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from cjmapper.cli import main
from cjmapper.store import Library
from cjmapper.store.location import Location
from tests.store_helpers import sample_journey

pytestmark = pytest.mark.both_backends


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def lib_path(library_location: Location) -> Location:
    """A library holding the journey "Fietsen": a file, and (a second run) a team library (`--library` takes
    `str(location)`, its URL; the password is in PGPASSWORD)."""
    with Library.open(library_location) as lib:
        lib.create_journey(sample_journey("Fietsen"))
    return library_location


def test_save_and_list_versions(capsys: pytest.CaptureFixture[str], lib_path: Location) -> None:
    lib = str(lib_path)
    assert run(capsys, "--library", lib, "versions", "Fietsen") == (0, "", "")
    code, out, err = run(capsys, "--library", lib, "versions", "Fietsen", "--save", "Voor de workshop")
    assert (code, err) == (0, "")
    [line] = out.splitlines()
    _version_id, name, saved, cards = line.split("\t")
    assert (name, cards) == ("Voor de workshop", "12")
    assert len(saved) == len("2026-11-23 14:05:00")
    code, out, err = run(capsys, "--library", lib, "versions", "1", "--save", "Na")
    assert [row.split("\t")[1] for row in out.splitlines()] == ["Na", "Voor de workshop"]
    code, out, err = run(capsys, "--library", lib, "versions", "Fietsen", "--save", "na")
    assert code == 1
    assert err.startswith("cjmapper: error: This journey already has a version named 'Na'")


def test_export_a_version(capsys: pytest.CaptureFixture[str], lib_path: Location, tmp_path: Path) -> None:
    lib = str(lib_path)
    run(capsys, "--library", lib, "versions", "Fietsen", "--save", "Voor de workshop")
    with Library.open(lib_path) as library:
        library.update_journey(1, title="Fietsen na de workshop")
    code, out, err = run(
        capsys, "--library", lib, "export", "1", "--version", "Voor de workshop", "-o", "-", "--format", "json"
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["title"] == "Fietsen"
    pdf = tmp_path / "v.pdf"
    code, out, err = run(capsys, "--library", lib, "export", "1", "--version", "Voor de workshop", "-o", str(pdf))
    assert (code, err) == (0, "")
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Voor de workshop" in text
    assert "Fietsen" in text


def test_export_version_errors(capsys: pytest.CaptureFixture[str], lib_path: Location, tmp_path: Path) -> None:
    lib = str(lib_path)
    code, _out, err = run(capsys, "--library", lib, "export", "1", "--version", "nope", "-o", str(tmp_path / "x.json"))
    assert (code, err) == (1, "cjmapper: error: The journey has no version named 'nope'.\n")
    with pytest.raises(SystemExit) as exit_info:
        main(["--library", lib, "export", "1", "--version", "x", "-o", str(tmp_path / "x.png")])
    assert exit_info.value.code == 2
    assert "--version goes with JSON, CSV and PDF files" in capsys.readouterr().err
