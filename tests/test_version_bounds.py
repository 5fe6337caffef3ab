"""A saved version's snapshot is bounded like a journey file (issue 12, item 7): a library whose snapshot unpacks to a
flood of tiny values ("[],[],[]..." from a few hundred kilobytes) is refused with one clear message, quickly and in
bounded memory, on every path that unpacks a snapshot: opening a version (the versions dialog's Open and Print, the
viewer), restoring it, copying the journey with its versions (`Library` and `cjmapper copy`), exporting it
(`cjmapper export --version`). Listing versions unpacks nothing and keeps working.

Each operation runs in a process of its own, whose peak memory (ru_maxrss) and time the test measures. The snapshots
are forged into a real library behind cjmapper's back, as another program (or an attacker) could: in a file and in a
team library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from cjmapper.errors import EditError
from cjmapper.model import MAX_LANES, MAX_PHASES, MAX_TOUCHPOINTS
from cjmapper.store import Library
from cjmapper.store import versions as store_versions
from cjmapper.store.location import Location
from tests.backend_helpers import raw_connection
from tests.store_helpers import sample_journey

pytestmark = pytest.mark.both_backends

ROOT = Path(__file__).resolve().parent.parent
MAX_PEAK_MB = 300
MAX_SECONDS = 20
"""Generous for a loaded test machine: the measured times are far lower (see the report in the test output)."""
MEMORY_CAP = 2 * 1024**3
"""Address space a probe may use (RLIMIT_AS), so that an unbounded read fails the test instead of the machine."""

HEAD = (
    '{"format":"cjmapper.version","version":1,"title":"t","description":"","language":"en","framework":"custom",'
    '"persona":null,"phases":[],"lanes":[],"touchpoints":['
)


def flood(megabytes: int, item: bytes = b"[],") -> bytes:
    """A snapshot that unpacks to about `megabytes` MB of `item` repeated (compressed a megabyte at a time, so the
    test never holds it unpacked)."""
    packer = zlib.compressobj(9)
    block = item * (1024 * 1024 // len(item))
    parts = [packer.compress(HEAD.encode())]
    parts += [packer.compress(block) for _ in range(megabytes)]
    parts.append(packer.compress(b"[]]}"))
    parts.append(packer.flush())
    return b"".join(parts)


ITEMS = MAX_TOUCHPOINTS + MAX_PHASES + MAX_LANES
MOST_QUOTES = 12 * ITEMS + 10_000
MOST_SEPARATORS = 12 * ITEMS + 10_000
"""A snapshot's count bound (`versions._SNAPSHOT_VALUES`): the values the largest journey's snapshot may hold."""


def at_the_bound(value: str, count: int) -> bytes:
    """A snapshot of `count` copies of `value` in one list, just within the count bound: parsed, then refused."""
    return zlib.compress((HEAD + "[" + ",".join([value] * count) + "]]}").encode(), 9)


FLOODS = {
    "100 MB of empty arrays": lambda: flood(100),  # the library: past the size bound
    "30 MB of empty arrays": lambda: flood(30),  # within it: past the count of values
    "30 MB of zeros": lambda: flood(30, b"0,"),
    "tiny strings at the count bound": lambda: at_the_bound('"ab"', MOST_QUOTES // 2 - 100),
    "long numbers at the count bound": lambda: at_the_bound("1234567890123", MOST_SEPARATORS - 100),
    "50-character strings at the count bound": lambda: at_the_bound(f'"{"é" * 25}"', MOST_QUOTES // 2 - 100),
}


@dataclass
class Probe:
    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float


MEASURE = """
import json, resource, subprocess, sys, time
cap = lambda: resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), int(sys.argv[1])))
start = time.monotonic()
done = subprocess.run(sys.argv[2:], capture_output=True, text=True, preexec_fn=cap, timeout=300)
seconds = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps([done.returncode, done.stdout, done.stderr, seconds, peak / 1024]))
"""
"""Runs a command as its only child, and reports how it ended, its time and its peak memory (ru_maxrss, in KB on
Linux), so that nothing else the test process started counts."""


def probe(argv: list[str]) -> Probe:
    """Run `argv` (a Python process, its address space capped) and measure its peak memory and time."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(MEMORY_CAP), *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=400,
        check=True,
    )
    return Probe(*json.loads(done.stdout))


def python(code: str) -> list[str]:
    return [sys.executable, "-c", textwrap.dedent(code)]


def cli(location: Location, *argv: str) -> list[str]:
    return [sys.executable, "-m", "cjmapper", "--library", str(location), *argv]


LIBRARY_CALL = """
    import sys
    from cjmapper.errors import CjmapperError
    from cjmapper.store import Library
    from cjmapper.store.transfer import copy_journey
    library = Library.open(sys.argv[1])
    journey_id, version_id, other = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    try:
        {call}
    except CjmapperError as e:
        print(e)
        sys.exit(1)
"""

DIALOG = """
    import sys
    from PySide6.QtWidgets import QApplication, QMessageBox
    from cjmapper.store import Library
    from ui import app
    shown = []
    QMessageBox.warning = lambda _parent, _title, text, *a: shown.append(text)
    qapp = QApplication([])
    window = app.create_window(Library.open(sys.argv[1]))
    window.versions_action.trigger()
    dialog = window.versions_dialog
    dialog.select(int(sys.argv[3]))
    viewer = {call}
    print(shown[0] if shown else "no warning")
    sys.exit(1 if viewer is None and shown else 0)
"""

PATHS = {
    "open a version": python(LIBRARY_CALL.format(call="library.load_version(version_id)")),
    "restore a version": python(LIBRARY_CALL.format(call="library.restore_version(version_id)")),
    "copy with versions": python(LIBRARY_CALL.format(call="copy_journey(library, journey_id, Library.open(other))")),
    "versions dialog: Open": python(DIALOG.format(call="dialog.open_selected()")),
    "versions dialog: Print": python(DIALOG.format(call="dialog.print_selected()")),
}
CLI_PATHS = {
    "cjmapper export --version": lambda lib, j, other: cli(lib, "export", str(j), "--version", "Forged", "-o", other),
    "cjmapper copy": lambda lib, j, other: cli(lib, "copy", str(j), "--to", other),
}


def forge(location: Location, snapshot: bytes) -> tuple[int, int]:
    """A real library holding a journey and its version "Forged", whose snapshot is then overwritten."""
    with Library.open(location) as lib:
        journey_id = lib.create_journey(sample_journey())
        version_id = lib.save_version(journey_id, "Forged").id
    with raw_connection(location) as conn:
        conn.execute(
            text("UPDATE journey_versions SET snapshot = :snapshot WHERE id = :id"),
            {"snapshot": snapshot, "id": version_id},
        )
    return journey_id, version_id


@pytest.mark.parametrize("forged", list(FLOODS))
@pytest.mark.parametrize("path", [*PATHS, *CLI_PATHS])
def test_a_flood_of_tiny_values_is_refused_quickly_in_bounded_memory(
    library_location: Location, tmp_path: Path, forged: str, path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    snapshot = FLOODS[forged]()
    journey_id, version_id = forge(library_location, snapshot)
    with Library.open(library_location) as lib:
        before = lib.load_journey(journey_id)
    other = tmp_path / "other.cjm"
    target = str(other) if "copy" in path else str(tmp_path / "out.json")
    if path in PATHS:
        argv = [*PATHS[path], str(library_location), str(journey_id), str(version_id), target]
    else:
        argv = CLI_PATHS[path](library_location, journey_id, target)
    run = probe(argv)
    with capsys.disabled():
        print(f"\n{forged} ({len(snapshot):,} bytes stored), {path}: {run.seconds:.2f} s, peak {run.peak_mb:.0f} MB")
    message = run.out.strip() or run.err.strip()  # the program's words (Qt may add its own notes on stderr)
    assert run.code == 1, message
    assert "Traceback" not in run.out + run.err
    assert len(message.splitlines()) == 1, message
    assert "'Forged' is damaged" in message
    assert run.peak_mb < MAX_PEAK_MB
    assert run.seconds < MAX_SECONDS
    with Library.open(library_location) as lib:
        assert lib.load_journey(journey_id) == before
        assert [v.name for v in lib.list_versions(journey_id)] == ["Forged"]
    if other.exists():
        with Library.open(other) as copy:
            assert copy.list_journeys() == []


def test_listing_unpacks_nothing(library_location: Location) -> None:
    journey_id, _ = forge(library_location, FLOODS["100 MB of empty arrays"]())
    run = probe(cli(library_location, "versions", str(journey_id)))
    assert run.code == 0, run.err
    assert run.out.split("\t")[1] == "Forged"
    assert run.peak_mb < MAX_PEAK_MB


def test_a_snapshot_may_hold_what_the_largest_journey_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bound refuses no snapshot a valid journey makes: as many values as MAX_TOUCHPOINTS cards hold."""
    journey = sample_journey(phases=50, lanes=29, cards_per_cell=1)
    card = journey.touchpoints[0]
    journey.touchpoints = [
        type(card)(i, card.phase_id, card.lane_id, i, "t", "n", "c", 1, "e", "o", "#000000", 1)
        for i in range(1, MAX_TOUCHPOINTS + 1)
    ]
    decoded = store_versions.decode(store_versions.encode(journey), journey.id)
    assert len(decoded.touchpoints) == MAX_TOUCHPOINTS


def test_a_journey_too_large_for_a_version_is_refused_when_saving(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey_id = library.create_journey(sample_journey())
    monkeypatch.setattr(store_versions, "MAX_SNAPSHOT_BYTES", 1000)
    with pytest.raises(EditError, match="too large to save as a version"):
        library.save_version(journey_id, "Too big")
    assert library.list_versions(journey_id) == []
