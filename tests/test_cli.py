"""The command line, as a user runs it: output, exit codes and one-line errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cjmapper import __version__
from cjmapper.cli import main
from cjmapper.store import Library
from cjmapper.templates import load_example

Run = tuple[int, str, str]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def lib_path(tmp_path: Path) -> Path:
    return tmp_path / "cli.cjm"


def test_new_list_export_import_delete(capsys: pytest.CaptureFixture[str], lib_path: Path, tmp_path: Path) -> None:
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


def test_export_csv_by_extension_and_to_stdout(capsys: pytest.CaptureFixture[str], lib_path: Path) -> None:
    with Library.open(lib_path) as lib:
        journey_id = lib.create_journey(load_example("en"))
    target = lib_path.with_name("cards.csv")
    assert run(capsys, "--library", str(lib_path), "export", str(journey_id), "-o", str(target))[0] == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfphase,lane,order,title,channel,score,expectation,owner,votes,notes\r\n")
    code, out, _ = run(capsys, "--library", str(lib_path), "export", str(journey_id), "-o", "-", "--format", "csv")
    assert code == 0
    assert out.count("\n") == data.decode("utf-8-sig").count("\n")


def test_environment_variable_picks_the_library(
    capsys: pytest.CaptureFixture[str], lib_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CJMAPPER_LIBRARY", str(lib_path))
    assert run(capsys, "new", "--template", "blank", "--title", "From env")[0] == 0
    with Library.open(lib_path) as lib:
        assert [j.title for j in lib.list_journeys()] == ["From env"]


def test_library_flag_creates_an_empty_library(capsys: pytest.CaptureFixture[str], lib_path: Path) -> None:
    assert run(capsys, "--library", str(lib_path), "list") == (0, "", "")
    assert lib_path.exists()


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
    capsys: pytest.CaptureFixture[str], lib_path: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--library", str(lib_path), *argv)
    assert code == 1
    assert out == ""
    assert err.startswith("cjmapper: error: ")
    assert err.count("\n") == 1
    assert message in err


def test_import_of_a_bad_file_names_the_problem_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], lib_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cjmapper.journey", "version": 1, "title": ""}', encoding="utf-8")
    code, _, err = run(capsys, "--library", str(lib_path), "import", str(bad))
    assert code == 1
    assert "title" in err
    assert run(capsys, "--library", str(lib_path), "list")[1] == ""


def test_bad_library_file_is_one_line_and_untouched(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "random.cjm"
    bad.write_bytes(os.urandom(4096))
    before = bad.read_bytes()
    code, _, err = run(capsys, "--library", str(bad), "list")
    assert code == 1
    assert err == "cjmapper: error: random.cjm is not a cjmapper library (it is not a SQLite database).\n"
    assert bad.read_bytes() == before


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], lib_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--library", str(lib_path), "new", "--template", "nope", "--title", "x"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def test_no_command_starts_the_editor_on_the_chosen_library(lib_path: Path) -> None:
    seen: list[Path | None] = []

    def editor(path: Path | None) -> int:
        seen.append(path)
        return 0

    assert main(["--library", str(lib_path)], start_editor=editor) == 0
    assert main([], start_editor=editor) == 0
    assert seen == [lib_path, None]


def test_unexpected_failure_prints_no_traceback(
    capsys: pytest.CaptureFixture[str], lib_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Library) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(Library, "list_journeys", broken)
    code, _, err = run(capsys, "--library", str(lib_path), "list")
    assert code == 1
    assert "Traceback" not in err
    assert "boom" in err


def test_installed_program(tmp_path: Path) -> None:
    exe = shutil.which("cjmapper", path=str(Path(sys.executable).parent))
    assert exe is not None, "the cjmapper console script is not installed in the test environment"
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False, timeout=60)
    assert (version.returncode, version.stdout.strip()) == (0, f"cjmapper {__version__}")
    lib = tmp_path / "prog.cjm"
    new = subprocess.run(
        [exe, "--library", str(lib), "new", "--template", "five-phase", "--title", "Via program"],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert (new.returncode, new.stdout.strip(), new.stderr) == (0, "1", "")
    bad = subprocess.run([exe, "--bogus"], capture_output=True, text=True, check=False, timeout=60)
    assert bad.returncode == 2
    assert "cjmapper: error:" in bad.stderr
