"""`cjmapper copy` (alias `publish`): a journey with its saved versions from one library into another, a file and a
team library either way, in one transaction; the source is only read."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjmapper.cli import main
from cjmapper.interchange import write_journey
from cjmapper.model import Journey
from cjmapper.store import Library, versions
from cjmapper.store.location import ServerLocation
from cjmapper.store.transfer import copy_journey
from cjmapper.templates import load_example


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def content(journey: Journey) -> str:
    """The journey as a journey file: ids there are the file's own references, so a copy compares equal."""
    return write_journey(journey)


@pytest.fixture
def local(tmp_path: Path) -> tuple[Path, int]:
    """A library file with the Dutch example journey, voted on and with two saved versions."""
    path = tmp_path / "laptop.cjm"
    with Library.open(path) as lib:
        journey_id = lib.create_journey(load_example("nl"))
        card = lib.load_journey(journey_id).touchpoints[0]
        lib.update_touchpoint(card.id, votes=3)
        lib.save_version(journey_id, "voor de workshop")
        lib.update_touchpoint(card.id, title="Na de workshop")
        lib.save_version(journey_id, "na de workshop")
    return path, journey_id


def test_publish_to_the_team_library_and_take_a_copy_back(
    capsys: pytest.CaptureFixture[str], local: tuple[Path, int], team_location: ServerLocation
) -> None:
    path, journey_id = local
    with Library.open(path) as lib:
        original = lib.load_journey(journey_id)
        saved = [(v.name, v.created_at, v.touchpoints) for v in lib.list_versions(journey_id)]
    code, out, err = run(capsys, "--library", str(path), "publish", str(journey_id), "--to", str(team_location))
    assert code == 0
    team_id = int(out)
    assert err == f"cjmapper: copied {original.title!r} to {team_location.name} as journey {team_id}\n"
    with Library.open(team_location) as team:
        published = team.load_journey(team_id)
        assert published.title == original.title
        assert content(published) == content(original)
        assert [(v.name, v.created_at, v.touchpoints) for v in team.list_versions(team_id)] == saved
        first = team.find_version(team_id, "voor de workshop")
        assert team.load_version(first).touchpoints[0].title != "Na de workshop"

    # Back on the laptop for the train: a copy of the team's journey, next to the original.
    code, out, _ = run(capsys, "--library", str(team_location), "copy", str(team_id), "--to", str(path))
    assert code == 0
    with Library.open(path) as lib:
        back = int(out)
        assert back != journey_id
        assert content(lib.load_journey(back)) == content(original)
        assert [v.name for v in lib.list_versions(back)] == [name for name, _, _ in saved]
        assert content(lib.load_journey(journey_id)) == content(original)  # the source stays as it was


def test_without_versions_between_two_files(
    capsys: pytest.CaptureFixture[str], local: tuple[Path, int], tmp_path: Path
) -> None:
    path, journey_id = local
    other = tmp_path / "other.cjm"
    code, out, _ = run(capsys, "--library", str(path), "copy", str(journey_id), "--to", str(other), "--no-versions")
    assert code == 0
    with Library.open(other) as lib, Library.open(path) as source:
        assert content(lib.load_journey(int(out))) == content(source.load_journey(journey_id))
        assert lib.list_versions(int(out)) == []


def test_copying_into_the_same_library_is_refused(capsys: pytest.CaptureFixture[str], local: tuple[Path, int]) -> None:
    path, journey_id = local
    code, out, err = run(capsys, "--library", str(path), "copy", str(journey_id), "--to", str(path))
    assert (code, out) == (1, "")
    assert (
        err == "cjmapper: error: that is the same library; give another one with --to (use duplicate in the editor)\n"
    )
    with Library.open(path) as lib:
        assert len(lib.list_journeys()) == 1


def test_an_unreachable_team_library_is_one_line(capsys: pytest.CaptureFixture[str], local: tuple[Path, int]) -> None:
    path, journey_id = local
    before = path.read_bytes()
    code, out, err = run(
        capsys, "--library", str(path), "publish", str(journey_id), "--to", "postgresql://me@127.0.0.1:1/x"
    )
    assert (code, out) == (1, "")
    assert err.startswith("cjmapper: error: Cannot reach the team library server 127.0.0.1: ")
    assert err.count("\n") == 1
    assert path.read_bytes() == before


def test_a_copy_that_fails_part_way_leaves_nothing_behind(
    local: tuple[Path, int], team_location: ServerLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journey and its versions arrive in one transaction: when the second version cannot be written, the
    team library holds neither the journey nor the first version."""
    path, journey_id = local
    real = versions.import_version
    calls: list[str] = []

    def failing(*args: object, **kwargs: object) -> object:
        calls.append("version")
        if len(calls) == 2:
            raise OSError("the network went away")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(versions, "import_version", failing)
    with Library.open(path) as source, Library.open(team_location) as team:
        with pytest.raises(OSError, match="network"):
            copy_journey(source, journey_id, team)
        assert calls == ["version", "version"]
        assert team.list_journeys() == []
