"""Crash safety: a process editing a library through the core edit API is SIGKILLed at random moments; every time,
the library passes `PRAGMA integrity_check`, opens without error and holds every edit the process acknowledged.

The writer (tests/crash_writer.py) writes `{"do": op}` before each edit and `{"done": op}` once the edit returned.
After each kill the library must equal the journey as it was before that run with every `done` applied, or that
plus the one edit still in flight (its `do` without a `done`): nothing acknowledged is lost, nothing is half made.
One library is reused for every kill, so it grows and ages (phases and lanes come and go, cells fill and renumber).

CI runs 100 kills; elsewhere fewer, unless CJM_CRASH_KILLS says how many.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest

from cjmapper.store import Library
from tests.crash_writer import BREAK_ENV, Mirror, Op
from tests.store_helpers import sample_journey

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = WRITER.parent.parent


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


KILLS = int(os.environ.get("CJM_CRASH_KILLS", "0")) or (100 if in_ci() else 25)
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

    def start(self, library: Path, output: Path, seed: int, mode: str = "edit") -> int:
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(f"{mode} {library} {output} {seed}\n".encode())
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
        pid = server.start(path, output, seed * 1000 + round_number)
        time.sleep(rng.uniform(*DELAY_S))
        with contextlib.suppress(ProcessLookupError):  # ended by itself: the status below says how
            os.kill(pid, signal.SIGKILL)
        status = server.ended(pid)
        assert status == -signal.SIGKILL, (
            f"round {round_number}: the writer ended by itself ({status}):\n"
            + (errors.read_text(errors="replace")[-3000:])
        )
        figures.kills += 1
        checked = integrity(path)
        assert checked == [("ok",)], f"round {round_number}: integrity_check says {checked[:5]}"
        run = read_run(output.read_text(encoding="utf-8", errors="replace"))
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
    figures, state = kill_and_check(server, errors, path, journey_id, KILLS, seed=6)
    seconds = time.monotonic() - started
    print(
        f"\ncrash: {figures.kills} kills survived, {figures.acknowledged} acknowledged edits verified, "
        f"{figures.in_flight} kills with an edit in flight, {figures.during_open} during open; "
        f"{len(state.cards)} cards in {len(state.phases)} phases at the end; {seconds:.1f} s"
    )
    assert figures.kills == KILLS
    assert figures.acknowledged >= KILLS  # the writers did edit (about 10 to 60 edits per run)
    assert figures.in_flight >= KILLS // 4  # and were killed mid-edit, not only between edits


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
    for attempt in range(20):
        path = tmp_path / f"new{attempt}.cjm"
        pid = server.start(path, tmp_path / "create-output.txt", attempt, mode="create")
        time.sleep(rng.uniform(0.0, 0.03))
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        server.ended(pid)
        Library.open(path).close()
