"""The command line's survey commands, run as a user runs them (a subprocess): `import-survey` prints its exact
summary and invalid rows, `--dry-run` writes nothing, `metrics` prints the figures, `target` sets a phase's target,
and `--language nl` words it all in Dutch."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cjmapper.cli import main
from cjmapper.store import Library
from cjmapper.store.location import Location
from tests.survey_helpers import survey_journey, write

ROOT = Path(__file__).resolve().parent.parent

SURVEY = """Respondent;Contactmoment;Fase;Meting;Waarde;Persona;Datum
101;Website bekijken;;klanttevredenheid;5;Sanne;31-03-2026
102;Website bekijken;;klanttevredenheid;2;;31-03-2026
103;Offerte ontvangen;;NPS;9;;
104;Offerte ontvangen;;NPS;4;;
105;;Installatie;CES;6,0;;
106;Onbekend;;csat;4;;
107;Website bekijken;;csat;9;;
101;Website bekijken;;klanttevredenheid;5;Sanne;31-03-2026
"""


def cjmapper(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("LANG", None)
    env.pop("LC_ALL", None)
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *argv], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    path = tmp_path / "lib.cjm"
    with Library.open(path) as library:
        library.create_journey(survey_journey())
    return path


def test_import_survey_prints_its_counts_and_invalid_rows_and_metrics_the_figures(
    library_file: Path, tmp_path: Path
) -> None:
    survey = write(tmp_path / "enquete.csv", SURVEY, "cp1252", bom=False)
    lib = str(library_file)
    dry = cjmapper("--library", lib, "import-survey", "Installateur", str(survey), "--dry-run")
    assert (dry.returncode, dry.stderr) == (0, "")
    assert dry.stdout.splitlines() == [
        "8 rows: 5 applied, 1 invalid, 1 duplicate, 1 unmatched",
        "row 8: CSAT must be a whole number from 1 to 5, not 9",
    ]
    with Library.open(library_file) as library:
        assert library.survey_responses(1) == []
        assert library.list_versions(1) == []
        revision = library.load_journey(1).revision
    done = cjmapper("--library", lib, "import-survey", "1", str(survey), "--unassigned")
    assert done.stdout == dry.stdout
    with Library.open(library_file) as library:
        assert len(library.survey_responses(1)) == 6  # five valid, one unassigned
        [version] = library.list_versions(1)
        assert version.name.startswith("Before survey import ")
        assert library.load_journey(1).revision == revision + 1
    again = cjmapper("--library", lib, "import-survey", "1", str(survey))
    # the same file again adds nothing: every row is stored already (the unmatched one in the Unassigned list)
    assert again.stdout.splitlines()[0] == "8 rows: 0 applied, 1 invalid, 7 duplicate, 0 unmatched"

    target = cjmapper("--library", lib, "target", "1", "--phase", "oriëntatie", "--metric", "csat", "--value", "0,8")
    assert (target.returncode, target.stdout) == (0, "Oriëntatie: csat target 0.80 (higher is better)\n")
    cjmapper("--library", lib, "target", "1", "--phase", "Installatie", "--metric", "ces", "--value", "3", "--lower")
    metrics = cjmapper("--library", lib, "metrics", "Installateur")
    assert (metrics.returncode, metrics.stderr) == (0, "")
    assert metrics.stdout.splitlines() == [
        "Oriëntatie\t\tcsat\t2\t0.50\t0.80",
        "Oriëntatie\tWebsite bekijken\tcsat\t2\t0.50\t0.80",
        "Offerte\t\tnps\t2\t0\t",
        "Offerte\tOfferte ontvangen\tnps\t2\t0\t",
        "Installatie\t\tces\t1\t6.00\t3.00",
        "Unassigned\tOnbekend\tcsat\t1\t1.00\t",
    ]
    dutch = cjmapper("--library", lib, "--language", "nl", "metrics", "Installateur")
    assert dutch.stdout.splitlines()[0] == "Oriëntatie\t\tcsat\t2\t0,50\t0,80"
    assert dutch.stdout.splitlines()[-1] == "Niet toegewezen\tOnbekend\tcsat\t1\t1,00\t"

    exported = cjmapper("--library", lib, "export", "1", "-o", "-", "--format", "csv")
    rows = list(csv.reader(io.StringIO(exported.stdout)))
    header = rows[0]
    assert header[-6:] == ["csat_responses", "csat", "csat_target", "nps_responses", "nps", "nps_target"]
    by_title = {row[header.index("title")]: row[-6:] for row in rows[1:]}
    assert by_title["Website bekijken"] == ["2", "0.50", "0.80", "", "", ""]
    assert by_title["Offerte ontvangen"] == ["", "", "", "2", "0", ""]
    assert by_title["Nazorg"] == ["", "", "", "", "", ""]


def test_dutch_output_and_refusals(library_file: Path, tmp_path: Path) -> None:
    survey = write(tmp_path / "enquete.csv", SURVEY, bom=True)
    lib = str(library_file)
    done = cjmapper("--library", lib, "--language", "nl", "import-survey", "1", str(survey), "--dry-run")
    assert done.stdout.splitlines() == [
        "8 rijen: 5 toegepast, 1 ongeldig, 1 dubbel, 1 niet gevonden",
        "rij 8: CSAT moet een heel getal van 1 tot 5 zijn, niet 9",
    ]
    bad = cjmapper("--library", lib, "--language", "nl", "import-survey", "1", str(survey), "--map", "Vraag=value")
    assert (bad.returncode, bad.stdout) == (1, "")
    assert bad.stderr.startswith("cjmapper: fout: Het bestand heeft geen kolom “Vraag”")
    missing = cjmapper("--library", lib, "target", "1", "--phase", "Nergens", "--metric", "nps", "--value", "10")
    assert (missing.returncode, missing.stderr) == (1, "cjmapper: error: The journey has no phase “Nergens”.\n")


@pytest.mark.both_backends
def test_import_survey_and_metrics_on_a_file_and_a_team_library(
    capsys: pytest.CaptureFixture[str], library_location: Location, tmp_path: Path
) -> None:
    with Library.open(library_location) as library:
        journey_id = library.create_journey(survey_journey())
    survey = write(tmp_path / "enquete.csv", SURVEY, bom=True)
    lib = str(library_location)
    assert main(["--library", lib, "import-survey", "Installateur", str(survey)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "8 rows: 5 applied, 1 invalid, 1 duplicate, 1 unmatched"
    assert (
        main(["--library", lib, "target", "Installateur", "--phase", "Offerte", "--metric", "nps", "--value", "-10"])
        == 0
    )
    capsys.readouterr()
    assert main(["--library", lib, "metrics", "Installateur"]) == 0
    assert "Offerte\t\tnps\t2\t0\t-10" in capsys.readouterr().out.splitlines()
    with Library.open(library_location) as library:
        assert len(library.survey_responses(journey_id)) == 5
        assert len(library.list_versions(journey_id)) == 1
