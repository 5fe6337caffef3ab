"""Crash safety: a process editing a library through the core edit API is SIGKILLed at random moments; every time,
the library passes `PRAGMA integrity_check`, opens without error and holds every edit the process acknowledged.

The writer (tests/crash_writer.py) writes `{"do": op}` before each edit and `{"done": op}` once the edit returned.
After each kill the library must equal the journey as it was before that run with every `done` applied, or that
plus the one edit still in flight (its `do` without a `done`): nothing acknowledged is lost, nothing is half made.
One library is reused for every kill, so it grows and ages (phases and lanes come and go, cells fill and renumber).

Other writers are killed the same way while they import a large journey and close the library (so while SQLite
copies the WAL into the file), save the library as another file, and save versions; after each kill the library
passes the integrity check, opens writable, and holds every acknowledged import, deletion and version, and each
Save As target is absent or a whole copy. A crash while creating a library is tested too.

How many kills of each kind: `KILLS` (CI: `CI_KILLS`; elsewhere `LOCAL_KILLS`; CJM_CRASH_KILLS=N: N edit kills and
the other kinds in CI's proportions).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import select
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest

from cjmapper.interchange import write_journey_file
from cjmapper.model import Journey
from cjmapper.store import Library
from tests.crash_writer import BREAK_ENV, Mirror, Op, save_as_targets
from tests.store_helpers import sample_journey

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = WRITER.parent.parent


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


CI_KILLS = {"edit": 100, "import": 15, "close": 30, "save-as": 20, "versions": 20, "create": 20}
LOCAL_KILLS = {"edit": 25, "import": 5, "close": 10, "save-as": 6, "versions": 6, "create": 20}


def kill_counts() -> dict[str, int]:
    asked = int(os.environ.get("CJM_CRASH_KILLS", "0"))
    if asked:
        return {kind: max(1, round(count * asked / CI_KILLS["edit"])) for kind, count in CI_KILLS.items()}
    return CI_KILLS if in_ci() else LOCAL_KILLS


KILLS = kill_counts()
DELAY_S = (0.02, 0.2)
"""How long each writer lives before the kill (it opens the library and starts editing within about 30 ms)."""
TIMEOUT_S = 20.0


@dataclass
class Run:
    """What one writer wrote before it died."""

    ready: bool
    done: list[Op]
    pending: Op | None


def read_run(text: str) -> Run:
    """The writer's lines; a last line cut short by the kill is ignored (it acknowledged nothing)."""
    ready = False
    done: list[Op] = []
    pending: Op | None = None
    for line in text.split("\n"):
        try:
            record: dict[str, Any] = json.loads(line)
        except ValueError:
            continue
        if "ready" in record:
            ready = True
        elif "do" in record:
            pending = record["do"]
        elif "done" in record:
            done.append(record["done"])
            pending = None
    return Run(ready, done, pending)


def integrity(path: Path) -> list[Any]:
    """`PRAGMA integrity_check` over a read-only connection (it reads the WAL, writes nothing)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


_NEW = {"add": "cards", "add_phase": "phases", "add_lane": "lanes"}


def with_pending(expected: Mirror, actual: Mirror, pending: Op) -> Mirror | None:
    """`expected` with the in-flight edit made too (an add's id taken from `actual`), or None if it cannot be."""
    candidate = expected.copy()
    op = dict(pending)
    if op["op"] in _NEW:
        attribute = _NEW[op["op"]]
        new = set(getattr(actual, attribute)) - set(getattr(expected, attribute))
        if len(new) != 1:
            return None
        op["id"] = new.pop()
    try:
        candidate.apply(op)
    except (KeyError, ValueError):
        return None
    return candidate.normalised()


def differences(expected: Mirror, actual: Mirror) -> str:
    shown = []
    for name in ("title", "phases", "phase_names", "lanes", "lane_names", "card_lanes", "cells"):
        if getattr(expected, name) != getattr(actual, name):
            shown.append(f"{name}: expected {getattr(expected, name)!r}, found {getattr(actual, name)!r}")
    for card_id in sorted(set(expected.cards) | set(actual.cards)):
        if expected.cards.get(card_id) != actual.cards.get(card_id):
            shown.append(
                f"card {card_id}: expected {expected.cards.get(card_id)!r}, found {actual.cards.get(card_id)!r}"
            )
    return "\n".join(shown[:12])


def check_library(path: Path, journey_id: int, before: Mirror, run: Run) -> Mirror:
    """Open the library as the editor would, and check it holds `before` + every acknowledged edit (+ perhaps
    the edit in flight). Returns what it holds, the next run's starting point."""
    expected = before.copy()
    for op in run.done:
        expected.apply(op)
    expected = expected.normalised()
    with Library.open(path) as library:
        actual = Mirror.of(library.load_journey(journey_id)).normalised()
    if actual == expected:
        return actual
    if run.pending is not None and with_pending(expected, actual, run.pending) == actual:
        return actual
    raise AssertionError(
        f"the library lost or half-made an acknowledged edit ({len(run.done)} acknowledged, "
        f"in flight: {run.pending!r}):\n{differences(expected, actual)}"
    )


def make_library(path: Path) -> int:
    with Library.open(path) as library:
        return library.create_journey(sample_journey("Crash journey", phases=3, lanes=2, cards_per_cell=3))


class ForkServer:
    """tests/crash_writer.py serve: forks one writer per request, so a kill costs no interpreter start-up."""

    def __init__(self, warm_library: Path, stderr: IO[bytes], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), "serve", str(warm_library)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            cwd=ROOT,
            env=env,
            bufsize=0,
        )
        self.buffer = b""
        assert self.line() == "ready"

    def line(self) -> str:
        stdout = self.process.stdout
        assert stdout is not None
        deadline = time.monotonic() + TIMEOUT_S
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            readable, _, _ = select.select([stdout], [], [], max(left, 0))
            if not readable:
                raise AssertionError("the crash writer's fork server did not answer in time")
            chunk = os.read(stdout.fileno(), 4096)
            if not chunk:
                raise AssertionError("the crash writer's fork server ended")
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode()

    def start(self, library: Path, output: Path, seed: int, mode: str = "edit", *extra: Path) -> int:
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(" ".join(map(str, [mode, library, output, seed, *extra, "\n"])).encode())
        word, pid = self.line().split()
        assert word == "pid"
        return int(pid)

    def ended(self, pid: int) -> int:
        """The writer's exit status, once it has gone (-9: killed by SIGKILL)."""
        word, ended, status = self.line().split()
        assert (word, int(ended)) == ("exit", pid)
        return int(status)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


@dataclass
class Figures:
    kills: int = 0
    acknowledged: int = 0
    in_flight: int = 0
    during_open: int = 0


def writer_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != BREAK_ENV}
    env["PYTHONPATH"] = str(ROOT)
    return env


@pytest.fixture
def fork_server(tmp_path: Path) -> Iterator[tuple[ForkServer, Path]]:
    warm = tmp_path / "warm.cjm"
    make_library(warm)
    errors = tmp_path / "writer-stderr.txt"
    with errors.open("wb") as stderr:
        server = ForkServer(warm, stderr, writer_env())
        try:
            yield server, errors
        finally:
            server.close()


Wanted = Callable[[dict[str, Any]], bool]


def wait_for(output: Path, wanted: Wanted) -> None:
    """Until the writer has written a (whole) line that `wanted` accepts."""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        with contextlib.suppress(FileNotFoundError):
            for line in output.read_bytes().split(b"\n")[:-1]:
                with contextlib.suppress(ValueError):
                    if wanted(json.loads(line)):
                        return
        time.sleep(0.0002)
    raise AssertionError("the writer did not get to the moment of the kill in time")


def kill_writer(
    server: ForkServer,
    errors: Path,
    path: Path,
    output: Path,
    mode: str,
    seed: int,
    delay: float,
    after: Wanted | None = None,
    extra: tuple[Path, ...] = (),
) -> str:
    """Start a writer, SIGKILL it `delay` seconds after it wrote a line `after` accepts (None: after it started),
    and return what it wrote. It must have been killed, not have ended by itself."""
    output.unlink(missing_ok=True)  # the writer creates it anew: a line of the last round is not waited for
    pid = server.start(path, output, seed, mode, *extra)
    try:
        if after is not None:
            wait_for(output, after)
        time.sleep(delay)
    finally:
        with contextlib.suppress(ProcessLookupError):  # ended by itself: the status below says how
            os.kill(pid, signal.SIGKILL)
        status = server.ended(pid)
    assert status == -signal.SIGKILL, (
        f"the {mode} writer ended by itself ({status}):\n" + errors.read_text(errors="replace")[-3000:]
    )
    return output.read_text(encoding="utf-8", errors="replace")


def kill_and_check(
    server: ForkServer, errors: Path, path: Path, journey_id: int, kills: int, seed: int
) -> tuple[Figures, Mirror]:
    """`kills` rounds of: start a writer, let it edit for a random while, SIGKILL it, check the library."""
    rng = random.Random(seed)
    figures = Figures()
    with Library.open(path) as library:
        state = Mirror.of(library.load_journey(journey_id)).normalised()
    output = path.with_name("writer-output.jsonl")
    for round_number in range(kills):
        lines = kill_writer(server, errors, path, output, "edit", seed * 1000 + round_number, rng.uniform(*DELAY_S))
        figures.kills += 1
        checked = integrity(path)
        assert checked == [("ok",)], f"round {round_number}: integrity_check says {checked[:5]}"
        run = read_run(lines)
        try:
            state = check_library(path, journey_id, state, run)
        except AssertionError as error:
            raise AssertionError(f"round {round_number} (kill {figures.kills}): {error}") from None
        figures.acknowledged += len(run.done)
        figures.in_flight += run.pending is not None
        figures.during_open += not run.ready
    return figures, state


def test_acknowledged_edits_survive_sigkill_and_the_file_stays_sound(
    tmp_path: Path, fork_server: tuple[ForkServer, Path]
) -> None:
    server, errors = fork_server
    path = tmp_path / "crash.cjm"
    journey_id = make_library(path)
    started = time.monotonic()
    figures, state = kill_and_check(server, errors, path, journey_id, KILLS["edit"], seed=6)
    seconds = time.monotonic() - started
    print(
        f"\ncrash: {figures.kills} kills survived, {figures.acknowledged} acknowledged edits verified, "
        f"{figures.in_flight} kills with an edit in flight, {figures.during_open} during open; "
        f"{len(state.cards)} cards in {len(state.phases)} phases at the end; {seconds:.1f} s"
    )
    assert figures.kills == KILLS["edit"]
    assert figures.acknowledged >= KILLS["edit"]  # the writers did edit (about 10 to 60 edits per run)
    assert figures.in_flight >= KILLS["edit"] // 4  # and were killed mid-edit, not only between edits


def test_the_writer_and_its_mirror_agree_with_the_library_without_kills(tmp_path: Path) -> None:
    """The check's own premise: a writer run to its end leaves exactly the mirror of its acknowledged edits
    (and it writes its lines to stdout, as a standalone process)."""
    path = tmp_path / "clean.cjm"
    journey_id = make_library(path)
    with Library.open(path) as library:
        before = Mirror.of(library.load_journey(journey_id)).normalised()
    finished = subprocess.run(
        [sys.executable, str(WRITER), str(path), "7", "400"],
        capture_output=True,
        cwd=ROOT,
        env=writer_env(),
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr.decode(errors="replace")
    run = read_run(finished.stdout.decode())
    assert run.ready
    assert len(run.done) == 400
    assert run.pending is None
    kinds = {op["op"] for op in run.done}
    assert {"add", "update", "move", "delete", "rename_phase", "move_phase", "rename_lane"} <= kinds
    after = check_library(path, journey_id, before, run)
    assert after != before


def test_a_crash_while_creating_a_library_leaves_nothing_unusable(
    tmp_path: Path, fork_server: tuple[ForkServer, Path]
) -> None:
    """Nothing was acknowledged yet, so either outcome is fine: no library, or an empty one. A file cjmapper
    refuses is not (it would stop the editor from starting on its default library after a crash on first run)."""
    server, _ = fork_server
    rng = random.Random(6)
    for attempt in range(KILLS["create"]):
        path = tmp_path / f"new{attempt}.cjm"
        pid = server.start(path, tmp_path / "create-output.txt", attempt, mode="create")
        time.sleep(rng.uniform(0.0, 0.03))
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        server.ended(pid)
        Library.open(path).close()


# ------------------------------------------------------------------------------ imports, closes, Save As, versions


def big_journey_file(folder: Path) -> tuple[Path, Journey]:
    """A large journey file to import: 500 cards with 5 KB of notes each (2.6 MB in the library). Its WAL stays under
    SQLite's 1000-page autocheckpoint, so the whole import is copied into the file when the library closes."""
    journey = sample_journey("Imported journey", phases=10, lanes=5, cards_per_cell=10)
    for card in journey.touchpoints:
        card.notes = f"{card.title}: " + "n" * 5000
    path = folder / "import.json"
    write_journey_file(journey, path)
    return path, journey


def checkpoint_cut_short(path: Path) -> bool:
    """The file is shorter than its header says, its WAL beside it: a kill stopped SQLite copying the WAL into it."""
    with path.open("rb") as f:
        header = f.read(100)
    page_size = struct.unpack(">H", header[16:18])[0]
    named = struct.unpack(">I", header[28:32])[0]
    return -(-path.stat().st_size // page_size) < named and Path(f"{path}-wal").exists()


def stamps(lines: str, start: str, end: str) -> list[float]:
    """How long each `start` ... `end` took in the writer's lines (their "at" stamps)."""
    durations, began = [], None
    for line in lines.splitlines():
        with contextlib.suppress(ValueError):
            record = json.loads(line)
            if start in record and (start != "do" or record["do"]["op"] == "import"):
                began = record["at"]
            elif end in record and began is not None and (end != "done" or record["done"]["op"] == "import"):
                durations.append(record["at"] - began)
                began = None
    return durations


@dataclass
class LibraryState:
    """What the library must hold besides the edited journey: the imported journeys (id -> cards) or the saved
    versions (name -> id)."""

    journey: Mirror
    items: dict[Any, int]


def allowed(expected: dict[Any, int], run: Run, adds: str, removes: str, key: str) -> list[set[Any]]:
    """The sets of keys the library may hold: `expected` (after every acknowledged op), or that with the op in
    flight made (None stands for "one more" when an add's key is known only once it returned)."""
    keys = set(expected)
    pending = run.pending
    if pending is None:
        return [keys]
    if pending["op"] == removes:
        return [keys, keys - {pending[key]}]
    assert pending["op"] == adds
    return [keys, keys | {pending.get(key)}]


def held_as(allowed_sets: list[set[Any]], actual: set[Any]) -> bool:
    for keys in allowed_sets:
        if None in keys:
            if keys - {None} <= actual and len(actual - keys) == 1:
                return True
        elif actual == keys:
            return True
    return False


def check_imports(path: Path, journey_id: int, before: LibraryState, run: Run, cards: int) -> LibraryState:
    expected = dict(before.items)
    for op in run.done:
        if op["op"] == "import":
            expected[op["id"]] = cards
        else:
            del expected[op["id"]]
    with Library.open(path) as library:
        assert not library.read_only, library.damage
        held = Mirror.of(library.load_journey(journey_id)).normalised()
        imported = {info.id: info.touchpoints for info in library.list_journeys() if info.id != journey_id}
    assert held == before.journey, differences(before.journey, held)
    assert held_as(allowed(expected, run, "import", "delete_journey", "id"), set(imported)), (
        f"imported journeys {sorted(imported)}, expected {sorted(expected)} (in flight: {run.pending})"
    )
    assert set(imported.values()) <= {cards}, f"an import is there in part: {imported}"
    return LibraryState(held, imported)


def test_acknowledged_imports_survive_sigkill_during_import_and_close(
    tmp_path: Path, fork_server: tuple[ForkServer, Path]
) -> None:
    """Writers import a large journey and close the library, over and over (`crash_writer.import_and_close`); each is
    killed during an import, or during the close that copies the import into the file. Every other round starts
    from the library with one imported journey, so the close grows the file (SQLite writes page 1, with the new
    page count, first: a kill then leaves the file shorter than its header says); the rounds between continue on
    the library as the last kill left it, where the import replaces a deleted journey's pages in place."""
    server, errors = fork_server
    path = tmp_path / "crash.cjm"
    journey_id = make_library(path)
    journey_file, journey = big_journey_file(tmp_path)
    cards = len(journey.touchpoints)
    with Library.open(path) as library:
        first = library.create_journey(journey)
        base = LibraryState(Mirror.of(library.load_journey(journey_id)).normalised(), {first: cards})
    base_bytes = path.read_bytes()
    output = tmp_path / "import-output.jsonl"
    rng = random.Random(7)
    started = time.monotonic()
    # First one writer that imports and closes three times, to time an import and a close on this machine.
    lines = kill_writer(
        server, errors, path, output, "import", 0, 0.0, lambda r: r.get("closed") is not None and _closes(output) >= 3,
        (journey_file,),
    )  # fmt: skip
    state = check_imports(path, journey_id, base, read_run(lines), cards)
    import_s = statistics.median(stamps(lines, "do", "done"))
    close_s = 1.2 * statistics.median(stamps(lines, "closing", "closed"))
    counts = {"import": 0, "close": 0, "import in flight": 0, "in close": 0, "checkpoint cut short": 0}
    # Kills spread evenly over an import, and over a close (each at a random moment of its own slice of it).
    kills = [("import", import_s * (i + rng.random()) / KILLS["import"]) for i in range(KILLS["import"])]
    kills += [("close", close_s * (i + rng.random()) / KILLS["close"]) for i in range(KILLS["close"])]
    rng.shuffle(kills)
    for round_number, (kind, delay) in enumerate(kills, 1):
        if round_number % 2:
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            path.write_bytes(base_bytes)
            state = base
        if kind == "import":  # while the import writes the WAL
            after: Wanted = lambda r: "do" in r and r["do"]["op"] == "import"  # noqa: E731
        else:  # while closing: SQLite copies the WAL into the file
            after = lambda r: "closing" in r  # noqa: E731
        lines = kill_writer(server, errors, path, output, "import", round_number, delay, after, (journey_file,))
        run = read_run(lines)
        counts[kind] += 1
        counts["import in flight"] += run.pending is not None and run.pending["op"] == "import"
        counts["in close"] += kind == "close" and '"closing"' in lines and '"closed"' not in lines
        counts["checkpoint cut short"] += checkpoint_cut_short(path)
        checked = integrity(path)
        assert checked == [("ok",)], f"round {round_number} ({kind}): integrity_check says {checked[:5]}"
        try:
            state = check_imports(path, journey_id, state, run, cards)
        except AssertionError as error:
            raise AssertionError(f"round {round_number} ({kind}): {error}") from None
    print(
        f"\ncrash during import and close: {counts['import']} kills during imports "
        f"({counts['import in flight']} with the import in flight), {counts['close']} while closing "
        f"({counts['in close']} inside the close; {counts['checkpoint cut short']} kills left the file cut short "
        f"of its header mid-checkpoint); an import took {import_s * 1000:.0f} ms, a close {close_s * 1000:.0f} ms; "
        f"{time.monotonic() - started:.1f} s"
    )
    assert counts["import in flight"] >= KILLS["import"] // 4
    assert counts["in close"] >= KILLS["close"] // 4


def _closes(output: Path) -> int:
    return output.read_bytes().count(b'"closed"')


def check_copies(path: Path, journey_id: int, source: Mirror, journeys: list[Any], run: Run) -> None:
    """The source is sound and unchanged; each Save As target is absent or a whole copy of it, and present when its
    save was acknowledged."""
    assert integrity(path) == [("ok",)]
    with Library.open(path) as library:
        assert not library.read_only
        assert Mirror.of(library.load_journey(journey_id)).normalised() == source
        assert library.list_journeys() == journeys
    in_flight = run.pending["target"] if run.pending is not None else None
    for target in save_as_targets(path):
        if not target.exists():
            assert str(target) == in_flight or not any(op["target"] == str(target) for op in run.done), (
                f"{target.name} was saved (acknowledged) and is gone"
            )
            continue
        checked = integrity(target)
        assert checked == [("ok",)], f"{target.name}: integrity_check says {checked[:5]}"
        with Library.open(target) as copy:
            assert not copy.read_only
            assert copy.list_journeys() == journeys
            assert Mirror.of(copy.load_journey(journey_id)).normalised() == source


def test_save_as_killed_leaves_the_source_sound_and_the_target_absent_or_whole(
    tmp_path: Path, fork_server: tuple[ForkServer, Path]
) -> None:
    server, errors = fork_server
    path = tmp_path / "crash.cjm"
    journey_id = make_library(path)
    _, journey = big_journey_file(tmp_path)
    with Library.open(path) as library:
        library.create_journey(journey)
        source = Mirror.of(library.load_journey(journey_id)).normalised()
        journeys = library.list_journeys()
    output = tmp_path / "save-as-output.jsonl"
    rng = random.Random(8)
    started = time.monotonic()
    in_flight = saves = 0
    for round_number in range(KILLS["save-as"]):
        delay = rng.uniform(0, 0.15)
        run = read_run(kill_writer(server, errors, path, output, "save-as", round_number, delay, _ready))
        in_flight += run.pending is not None
        saves += len(run.done)
        try:
            check_copies(path, journey_id, source, journeys, run)
        except AssertionError as error:
            raise AssertionError(f"round {round_number}: {error}") from None
    print(
        f"\ncrash during Save As: {KILLS['save-as']} kills ({in_flight} with a Save As in flight), {saves} "
        f"acknowledged copies of a {path.stat().st_size // 1024} KB library checked; {time.monotonic() - started:.1f} s"
    )
    assert saves >= KILLS["save-as"]  # the writers did save (about 1 to 10 copies each)
    assert in_flight >= KILLS["save-as"] // 4


def _ready(record: dict[str, Any]) -> bool:
    return "ready" in record


def check_versions(path: Path, journey_id: int, before: LibraryState, run: Run) -> LibraryState:
    expected = dict(before.items)
    for op in run.done:
        if op["op"] == "save_version":
            expected[op["name"]] = op["id"]
        else:
            del expected[op["name"]]
    with Library.open(path) as library:
        assert not library.read_only, library.damage
        held = Mirror.of(library.load_journey(journey_id)).normalised()
        saved = {info.name: info.id for info in library.list_versions(journey_id)}
        new = [name for name in saved if name not in before.items]
        contents = {name: Mirror.of(library.load_version(saved[name])).normalised() for name in new}
    assert held == before.journey, differences(before.journey, held)
    assert held_as(allowed(expected, run, "save_version", "delete_version", "name"), set(saved)), (
        f"versions {sorted(saved)}, expected {sorted(expected)} (in flight: {run.pending})"
    )
    for name, content in contents.items():
        assert content == held, f"version {name!r} is not the journey it saved:\n{differences(held, content)}"
    return LibraryState(held, saved)


def test_acknowledged_versions_survive_sigkill_while_saving_versions(
    tmp_path: Path, fork_server: tuple[ForkServer, Path]
) -> None:
    server, errors = fork_server
    path = tmp_path / "crash.cjm"
    journey_id = make_library(path)
    with Library.open(path) as library:
        state = LibraryState(Mirror.of(library.load_journey(journey_id)).normalised(), {})
    output = tmp_path / "versions-output.jsonl"
    rng = random.Random(9)
    started = time.monotonic()
    in_flight = acknowledged = 0
    for round_number in range(KILLS["versions"]):
        run = read_run(kill_writer(server, errors, path, output, "versions", round_number, rng.uniform(0, 0.1), _ready))
        in_flight += run.pending is not None
        acknowledged += len(run.done)
        assert integrity(path) == [("ok",)], f"round {round_number}"
        try:
            state = check_versions(path, journey_id, state, run)
        except AssertionError as error:
            raise AssertionError(f"round {round_number}: {error}") from None
    print(
        f"\ncrash while saving versions: {KILLS['versions']} kills ({in_flight} with a save or deletion in flight), "
        f"{acknowledged} acknowledged saves and deletions checked; {time.monotonic() - started:.1f} s"
    )
    assert acknowledged >= KILLS["versions"]  # the writers did save versions (about 5 to 40 each)
    assert in_flight >= KILLS["versions"] // 4
