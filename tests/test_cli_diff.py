"""`cjmapper diff JOURNEY --from VERSION [--to VERSION] [--format text|json]`, run as the program is run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cjmapper.model import CardStatus, Persona, Rating
from cjmapper.store import Library
from tests.store_helpers import sample_journey

ROOT = Path(__file__).resolve().parent.parent


def cjmapper(*argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([*os.environ.get("PYTHONPATH", "").split(os.pathsep), str(ROOT)]))
    return subprocess.run(
        [sys.executable, "-m", "cjmapper", *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=ROOT,
        env=env,
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A journey "Installateur" saved as "voor", edited, saved as "na", then edited once more (the journey now)."""
    path = tmp_path / "lib.cjm"
    with Library.open(path) as lib:
        journey_id = lib.create_journey(sample_journey("Installateur"))
        lib.save_version(journey_id, "voor")
        lib.update_touchpoint(1, score=5, status=CardStatus.IN_PROGRESS)
        lib.update_phase(2, name="Offerte")
        lib.move_touchpoints([3], 3, 2, None)
        lib.delete_touchpoints([4])
        lib.add_touchpoint(journey_id, 1, 1, "Offerte op maat")
        lib.save_version(journey_id, "na")
        lib.update_touchpoint(5, owner="Jan")
    return path


def test_diff_of_two_versions_prints_a_line_per_difference(library: Path) -> None:
    done = cjmapper(
        "--language", "en", "--library", str(library), "diff", "Installateur", "--from", "voor", "--to", "na"
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        "~ phase: Phase 2 -> Offerte",
        "~ Card 1.1.1: score: 2 -> 5",
        "~ Card 1.1.1: status: (empty) -> in progress",
        "+ Offerte op maat",
        "- Card 1.2.2",
        "> Card 1.2.1: moved from Phase 1/Lane 2 to Phase 3/Lane 2",
    ]


def test_diff_against_the_journey_now_and_by_version_id(library: Path) -> None:
    with Library.open(library) as lib:
        na = lib.find_version(1, "na")
    done = cjmapper("--language", "en", "--library", str(library), "diff", "1", "--from", str(na))
    assert (done.returncode, done.stdout, done.stderr) == (0, "~ Card 2.1.1: owner: (empty) -> Jan\n", "")
    same = cjmapper("--library", str(library), "diff", "Installateur", "--from", "na", "--to", "na")
    assert (same.returncode, same.stdout, same.stderr) == (0, "", "")


def test_diff_as_json(library: Path) -> None:
    done = cjmapper("--library", str(library), "diff", "Installateur", "--from", "voor", "--format", "json")
    assert (done.returncode, done.stderr) == (0, "")
    data = json.loads(done.stdout)
    assert (data["format"], data["from"], data["to"], data["journey"]) == (
        "cjmapper.diff",
        "voor",
        None,
        "Installateur",
    )
    assert data["phases"] == [{"kind": "renamed", "before": "Phase 2", "after": "Offerte"}]
    first = data["cards"][0]
    assert first["title"] == "Card 1.1.1"
    assert first["changes"] == [
        {"field": "score", "before": 2, "after": 5},
        {"field": "status", "before": None, "after": "in-progress"},
    ]
    kinds = sorted(card["kind"] for card in data["cards"])
    assert kinds == ["added", "changed", "changed", "moved", "removed"]
    summary = data["summary"]
    assert (summary["added"], summary["removed"], summary["changed"], summary["moved"]) == (1, 1, 2, 1)
    assert [row["phase"] for row in summary["phases"]] == ["Phase 1", "Offerte", "Phase 3"]


def test_diff_in_dutch(library: Path) -> None:
    done = cjmapper(
        "--language", "nl", "--library", str(library), "diff", "Installateur", "--from", "voor", "--to", "na"
    )
    assert done.returncode == 0
    assert "~ fase: Phase 2 -> Offerte" in done.stdout.splitlines()
    assert "~ Card 1.1.1: status: (leeg) -> bezig" in done.stdout.splitlines()
    assert "> Card 1.2.1: verplaatst van Phase 1/Lane 2 naar Phase 3/Lane 2" in done.stdout.splitlines()
    missing = cjmapper("--language", "nl", "--library", str(library), "diff", "Installateur", "--from", "later")
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr == (
        "cjmapper: fout: de klantreis heeft geen versie met de naam 'later'; `cjmapper versions 1` geeft ze\n"
    )


def test_an_unknown_version_is_one_clear_error(library: Path) -> None:
    done = cjmapper("--language", "en", "--library", str(library), "diff", "Installateur", "--from", "later")
    assert (done.returncode, done.stdout) == (1, "")
    assert (
        done.stderr == "cjmapper: error: the journey has no version named 'later'; `cjmapper versions 1` lists them\n"
    )
    to = cjmapper("--language", "en", "--library", str(library), "diff", "Installateur", "--from", "voor", "--to", "x")
    assert to.returncode == 1
    assert "no version named 'x'" in to.stderr
    usage = cjmapper("--library", str(library), "diff", "Installateur")
    assert usage.returncode == 2
    assert "--from" in usage.stderr


def test_diff_names_each_personas_score_and_the_personas_that_came_went_or_were_renamed(tmp_path: Path) -> None:
    """Sanne (the sample's persona, the first) and Ahmed rate the cards; between "voor" and "na" Sanne's score and
    Ahmed's target change on one card, Ahmed is renamed and Joris comes."""
    path = tmp_path / "personas.cjm"
    with Library.open(path) as lib:
        journey_id = lib.create_journey(sample_journey("Installateur"))
        ahmed = lib.add_persona(journey_id, Persona("Ahmed")).value
        lib.update_touchpoint(1, score=2)
        lib.set_rating(1, ahmed.id, Rating(4, 5))
        lib.save_version(journey_id, "voor")
        lib.update_touchpoint(1, score=4)
        lib.set_rating(1, ahmed.id, Rating(4, 3))
        lib.update_persona(ahmed.id, name="Ahmed B.")
        lib.add_persona(journey_id, Persona("Joris"))
        lib.save_version(journey_id, "na")
    args = ("--library", str(path), "diff", "Installateur", "--from", "voor", "--to", "na")
    done = cjmapper("--language", "en", *args)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        "~ persona: Ahmed -> Ahmed B.",
        "+ persona: Joris",
        "~ Card 1.1.1: score (Sanne): 2 -> 4",
        "~ Card 1.1.1: target (Ahmed B.): 5 -> 3",
    ]
    dutch = cjmapper("--language", "nl", *args)
    assert dutch.stdout.splitlines()[2:] == [
        "~ Card 1.1.1: score (Sanne): 2 -> 4",
        "~ Card 1.1.1: gewenste score (Ahmed B.): 5 -> 3",
    ]
    data = json.loads(cjmapper(*args, "--format", "json").stdout)
    assert data["personas"] == [
        {"kind": "renamed", "before": "Ahmed", "after": "Ahmed B."},
        {"kind": "added", "before": None, "after": "Joris"},
    ]
    assert data["cards"][0]["changes"] == [
        {"field": "score", "persona": "Sanne", "before": 2, "after": 4},
        {"field": "target", "persona": "Ahmed B.", "before": 5, "after": 3},
    ]
    first = [row for row in data["summary"]["phases"] if row["phase"] == "Phase 1"]
    assert [row["persona"] for row in first] == ["Sanne", "Ahmed B.", "Joris"]
