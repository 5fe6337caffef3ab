"""`cjmapper import FILE.csv|FILE.xlsx`, run as a user runs it (a subprocess): the CSV export imported into an empty
journey gives the same cards, 120 sticky notes from a Dutch Excel sheet make a new journey, problem rows are listed
in the user's language, `--dry-run` writes nothing, `--map` names columns, a huge file is one error line, and
`import FILE.json` works as before."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cjmapper.cli import main
from cjmapper.interchange import write_journey_file
from cjmapper.model import CardStatus
from cjmapper.store import Library
from cjmapper.store.location import Location
from cjmapper.templates import load_example, load_template
from tests.card_import_helpers import (
    DUTCH_HEADER,
    DUTCH_ROWS,
    card_contents,
    sticky_notes,
    write_csv,
    write_xlsx,
)

ROOT = Path(__file__).resolve().parent.parent


def cjmapper(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("LANG", None)
    env.pop("LC_ALL", None)
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *argv], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )


def test_the_csv_export_imported_into_an_empty_journey_gives_the_same_cards(tmp_path: Path) -> None:
    library = tmp_path / "lib.cjm"
    example = load_example("en")
    first, second = example.touchpoints[:2]
    first.title, first.notes, first.votes, first.status = (
        "=1+2 said twice",
        '-minus; "quoted"\nnext line',
        7,
        CardStatus.DONE,
    )
    second.channel, second.owner, second.status = "Instagram", "@team", CardStatus.IN_PROGRESS
    with Library.open(library) as lib:
        source = lib.create_journey(example)
        empty = lib.create_journey(dataclasses.replace(load_example("en"), title="Empty", touchpoints=[]))
    exported = cjmapper("--library", str(library), "export", str(source), "-o", str(tmp_path / "map.csv"))
    assert (exported.returncode, exported.stderr) == (0, "")
    done = cjmapper("--library", str(library), "import", str(tmp_path / "map.csv"), "--into", "Empty")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [str(empty), "16 rows: 16 cards added, 0 problems"]
    new = cjmapper("--library", str(library), "import", str(tmp_path / "map.csv"), "--template", "blank")
    assert new.returncode == 0, new.stderr
    new_id = int(new.stdout.splitlines()[0])
    with Library.open(library) as lib:
        original = card_contents(lib.load_journey(source))
        assert card_contents(lib.load_journey(empty)) == original
        assert card_contents(lib.load_journey(new_id)) == original  # its phases and lanes created, in the file's order
        assert lib.load_journey(new_id).title == "map"
    assert original[0][2:5] == ("=1+2 said twice", "social-media", 4)


def test_120_sticky_notes_from_a_dutch_excel_sheet_make_a_new_journey(tmp_path: Path) -> None:
    library = tmp_path / "lib.cjm"
    sheet = write_csv(tmp_path / "Workshop muur.csv", DUTCH_HEADER, sticky_notes(120), "cp1252")
    done = cjmapper("--library", str(library), "--language", "nl", "import", str(sheet))
    assert (done.returncode, done.stderr) == (0, "")
    journey_id, summary = done.stdout.splitlines()
    assert summary == "120 rijen: 120 kaarten toegevoegd, 0 problemen"
    with Library.open(library) as lib:
        journey = lib.load_journey(int(journey_id))
    assert journey.title == "Workshop muur"
    assert [p.name for p in journey.phases] == [p.name for p in load_template("five-phase", "nl").phases]
    assert len(journey.touchpoints) == 120
    assert {c.channel for c in journey.touchpoints} == {None, "phone", "e-mail", "website", "customer-service"}


def test_problem_rows_dry_run_and_created_phases_in_dutch(tmp_path: Path) -> None:
    library = tmp_path / "lib.cjm"
    with Library.open(library) as lib:
        journey_id = lib.create_journey(load_template("five-phase", "nl"))
        revision = lib.load_journey(journey_id).revision
    rows = [
        *DUTCH_ROWS,
        ["Nazorg", "Wensen", "Terugbellen", "", "", "", "", "", ""],
        ["Aankoop", "", "Half", "", "4,5"],
    ]
    sheet = write_csv(tmp_path / "muur.csv", DUTCH_HEADER, rows, "utf-8", bom=True)
    lib_arg = ("--library", str(library), "--language", "nl")
    dry = cjmapper(*lib_arg, "import", str(sheet), "--into", str(journey_id), "--dry-run")
    assert dry.returncode == 0
    assert dry.stdout.splitlines() == [
        str(journey_id),
        "6 rijen: 5 kaarten toegevoegd, 1 problemen",
        "rij 7: Een score is 1 tot en met 5, of geen; '4,5' is dat niet.",
    ]
    assert dry.stderr.splitlines() == ["cjmapper: zou fase “Nazorg” maken", "cjmapper: zou rij “Wensen” maken"]
    with Library.open(library) as lib:
        assert lib.load_journey(journey_id).revision == revision  # nothing written
    done = cjmapper(*lib_arg, "import", str(sheet), "--into", str(journey_id))
    assert done.stdout == dry.stdout
    assert done.stderr.splitlines() == ["cjmapper: fase “Nazorg” gemaakt", "cjmapper: rij “Wensen” gemaakt"]
    with Library.open(library) as lib:
        journey = lib.load_journey(journey_id)
    assert journey.revision == revision + 1  # one transaction
    assert (journey.phases[-1].name, journey.lanes[-1].name, len(journey.touchpoints)) == ("Nazorg", "Wensen", 5)
    fresh = cjmapper("--library", str(tmp_path / "other.cjm"), "import", str(sheet), "--dry-run")
    assert fresh.stdout.splitlines()[:2] == ["-", "6 rows: 5 cards added, 1 problems"]
    with Library.open(tmp_path / "other.cjm") as other:
        assert other.list_journeys() == []


def test_an_xlsx_with_mapped_columns_and_formulas(tmp_path: Path) -> None:
    library = tmp_path / "lib.cjm"
    sheet = write_xlsx(
        tmp_path / "muur.xlsx",
        ["Stap", "Wat", "Punten", "Stemmen"],
        [["Aankoop", "Betalen", 4.0, '=HYPERLINK("http://example.com";"5")'], ["Service", "Bellen", 2, 3]],
    )
    mapped = ("--map", "Stap=fase", "--map", "Wat=titel", "--map", "Punten=score")
    done = cjmapper("--library", str(library), "--language", "nl", "import", str(sheet), *mapped)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[1] == "2 rijen: 2 kaarten toegevoegd, 0 problemen"
    with Library.open(library) as lib:
        [journey] = [lib.load_journey(j.id) for j in lib.list_journeys()]
    assert [(c.title, c.score, c.votes) for c in journey.ordered_touchpoints()] == [("Betalen", 4, 0), ("Bellen", 2, 3)]


def test_refusals_exit_like_the_other_commands(tmp_path: Path) -> None:
    library = str(tmp_path / "lib.cjm")
    huge = tmp_path / "enorm.csv"
    huge.write_bytes(b"fase;titel\r\n" + b"Aankoop;Kaart\r\n" * 1_000_000)
    refused = cjmapper("--library", library, "import", str(huge))
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == "cjmapper: error: enorm.csv has more than 10,000 rows; split it into smaller files.\n"
    old = tmp_path / "oud.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)  # Excel 97-2003
    refused = cjmapper("--library", library, "import", str(old))
    assert (refused.returncode, refused.stderr) == (
        1,
        "cjmapper: error: This is not a CSV or XLSX file (it holds binary data).\n",
    )
    sheet = write_csv(tmp_path / "muur.csv", DUTCH_HEADER, DUTCH_ROWS)
    unmapped = cjmapper("--library", library, "import", str(sheet), "--map", "Vraag=notes")
    assert (unmapped.returncode, unmapped.stdout) == (1, "")
    assert unmapped.stderr.startswith("cjmapper: error: The file has no column “Vraag”")
    both = cjmapper("--library", library, "import", str(sheet), "--into", "1", "--template", "blank")
    assert both.returncode == 2
    assert both.stderr.endswith("--template makes a new journey: leave out --into\n")
    unknown = cjmapper("--library", library, "import", str(sheet), "--template", "nope")
    assert unknown.returncode == 1
    assert "no template named 'nope'" in unknown.stderr
    with Library.open(tmp_path / "lib.cjm") as lib:
        assert lib.list_journeys() == []  # no journey left behind


def test_a_journey_file_imports_as_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = str(tmp_path / "lib.cjm")
    path = tmp_path / "bakery.json"
    write_journey_file(load_example("en"), path)
    assert main(["--library", library, "import", str(path)]) == 0
    assert capsys.readouterr().out == "1\n"
    with pytest.raises(SystemExit) as usage:
        main(["--library", library, "import", str(path), "--dry-run"])
    assert usage.value.code == 2
    assert (
        "--dry-run only goes with a sheet of cards (.csv or .xlsx), not with a journey file" in capsys.readouterr().err
    )
    assert json.loads(path.read_text(encoding="utf-8"))["title"]


@pytest.mark.both_backends
def test_import_cards_on_a_file_and_a_team_library(
    capsys: pytest.CaptureFixture[str], library_location: Location, tmp_path: Path
) -> None:
    with Library.open(library_location) as library:
        journey_id = library.create_journey(load_template("five-phase", "nl"))
    sheet = write_csv(tmp_path / "muur.csv", DUTCH_HEADER, sticky_notes(120))
    assert main(["--library", str(library_location), "import", str(sheet), "--into", str(journey_id)]) == 0
    assert capsys.readouterr().out.splitlines() == [str(journey_id), "120 rows: 120 cards added, 0 problems"]
    with Library.open(library_location) as library:
        assert len(library.load_journey(journey_id).touchpoints) == 120
