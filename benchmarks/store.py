"""Store benchmarks, each measured against the floor of the bare library doing the same work in the same run."""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cjmapper.interchange import read_journey_file, write_journey
from cjmapper.model import Journey, Lane, LaneKind, Phase, Touchpoint
from cjmapper.store import Library


@dataclass(frozen=True)
class Result:
    name: str
    measured_ms: float
    floor_ms: float
    max_ratio: float | None
    max_ms: float | None
    statistic: str = "median"

    @property
    def ratio(self) -> float:
        return self.measured_ms / self.floor_ms if self.floor_ms else float("inf")

    @property
    def ok(self) -> bool:
        within_ratio = self.max_ratio is None or self.ratio <= self.max_ratio
        within_time = self.max_ms is None or self.measured_ms <= self.max_ms
        return within_ratio and within_time

    @property
    def target(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"<= {self.max_ratio:g}x floor")
        if self.max_ms is not None:
            parts.append(f"< {self.max_ms:g} ms")
        return ", ".join(parts)


def big_journey(cards: int, phases: int = 5, lanes: int = 5) -> Journey:
    journey = Journey(
        0,
        f"{cards} cards",
        phases=[Phase(i + 1, f"Phase {i + 1}") for i in range(phases)],
        lanes=[Lane(i + 1, f"Lane {i + 1}", LaneKind.TOUCHPOINTS) for i in range(lanes)]
        + [Lane(lanes + 1, "Experience", LaneKind.EMOTIONS)],
    )
    per_cell: dict[tuple[int, int], int] = {}
    for i in range(cards):
        cell = (i % phases + 1, (i // phases) % lanes + 1)
        position = per_cell.get(cell, 0)
        per_cell[cell] = position + 1
        journey.touchpoints.append(
            Touchpoint(
                i + 1,
                *cell,
                position,
                f"Touchpoint number {i}",
                notes="Some notes " * 3,
                channel="website",
                score=i % 5 + 1,
                expectation="Quick answer",
                owner="Sales",
            )
        )
    return journey


def _median_ms(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def bench_load(folder: Path, repeat: int = 15) -> Result:
    path = folder / "load.cjm"
    with Library.open(path) as lib:
        journey_id = lib.create_journey(big_journey(5000))
    raw = sqlite3.connect(path)

    def floor() -> object:
        cur = raw.execute(
            "SELECT id, phase_id, lane_id, position, title, notes, channel, score, expectation, owner, color,"
            " votes FROM touchpoints WHERE journey_id = ?",
            (journey_id,),
        )
        return cur.fetchall()

    with Library.open(path) as lib:
        lib.load_journey(journey_id)  # warm the statement cache, as an editor that has opened once would be
        floor()
        measured = min(_median_ms(lambda: lib.load_journey(journey_id), repeat) for _ in range(3))
        base = min(_median_ms(floor, repeat) for _ in range(3))
    raw.close()
    return Result("load 5,000-touchpoint journey into model objects", measured, base, 2.0, None)


FLOOR_KEYS = ("phase", "lane", "title", "notes", "channel", "scores", "expectation", "owner", "color", "votes")
"""The keys of a journey file's touchpoint the floor stores (`scores`: the first persona's, as the card's score)."""


def _floor_row(touchpoint: dict[str, object]) -> tuple[object, ...]:
    def value(key: str) -> object:
        if key == "scores":
            scores = touchpoint.get("scores")
            return scores[0] if isinstance(scores, list) and scores else None
        return touchpoint[key]

    return tuple(value(key) for key in FLOOR_KEYS)


def bench_import(folder: Path, repeat: int = 5) -> Result:
    source = folder / "big.json"
    source.write_text(write_journey(big_journey(10_000)), encoding="utf-8")

    def ours() -> None:
        path = folder / "import.cjm"
        for p in folder.glob("import.cjm*"):
            p.unlink()
        with Library.open(path) as lib:
            lib.create_journey(read_journey_file(source))

    def floor() -> None:
        path = folder / "floor.db"
        for p in folder.glob("floor.db*"):
            p.unlink()
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, phase TEXT, lane TEXT, position INT, title TEXT, notes TEXT,"
            " channel TEXT, score INT, expectation TEXT, owner TEXT, color TEXT, votes INT)"
        )
        data = json.loads(source.read_bytes())
        with conn:
            conn.executemany(
                "INSERT INTO t (phase, lane, position, title, notes, channel, score, expectation, owner, color,"
                " votes) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_floor_row(t) for t in data["touchpoints"]],
            )
        conn.close()

    measured = _median_ms(ours, repeat)
    base = _median_ms(floor, repeat)
    return Result("import 10,000-touchpoint JSON file", measured, base, None, 1000.0)


def bench_move(folder: Path, moves: int = 300) -> Result:
    path = folder / "move.cjm"
    with Library.open(path) as lib:
        journey_id = lib.create_journey(big_journey(10_000))
        journey = lib.load_journey(journey_id)
        cells = [(p.id, lane.id) for p in journey.phases for lane in journey.lanes if lane.kind.holds_cards]
        ids = [t.id for t in journey.touchpoints]
        samples = []
        for i in range(moves):
            cell = cells[i % len(cells)]
            start = time.perf_counter()
            lib.move_touchpoints([ids[(i * 7919) % len(ids)]], *cell, i % 50)
            samples.append((time.perf_counter() - start) * 1000)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous = NORMAL")
    floor_samples = []
    for i in range(moves):
        start = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("UPDATE touchpoints SET phase_id = ?, position = ? WHERE id = ?", (cells[i % 5][0], i, ids[i]))
        raw.execute("COMMIT")
        floor_samples.append((time.perf_counter() - start) * 1000)
    raw.close()
    return Result(
        "move one touchpoint, committed (10,000 in library)", _p95(samples), _p95(floor_samples), None, 5.0, "p95"
    )


def bench_save_version(folder: Path, repeat: int = 15) -> Result:
    """Save a named version of a 5,000-card journey, committed. The floor is bare sqlite3 doing the same work: read
    the journey's rows, pack them as JSON with zlib and insert the bytes in a committed transaction."""
    path = folder / "versions.cjm"
    with Library.open(path) as lib:
        journey_id = lib.create_journey(big_journey(5000))
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous = NORMAL")
    raw.execute("CREATE TABLE floor_versions (id INTEGER PRIMARY KEY, name TEXT, snapshot BLOB)")
    counter = iter(range(1_000_000))

    def floor() -> None:
        raw.execute("BEGIN IMMEDIATE")
        rows = {
            table: raw.execute(f"SELECT * FROM {table} WHERE journey_id = ?", (journey_id,)).fetchall()
            for table in ("phases", "lanes", "touchpoints")
        }
        packed = zlib.compress(json.dumps(rows, separators=(",", ":")).encode(), 1)
        raw.execute("INSERT INTO floor_versions (name, snapshot) VALUES (?, ?)", (f"v{next(counter)}", packed))
        raw.execute("COMMIT")

    with Library.open(path) as lib:
        lib.save_version(journey_id, "warm-up")
        floor()
        measured = _median_ms(lambda: lib.save_version(journey_id, f"Version {next(counter)}"), repeat)
        base = _median_ms(floor, repeat)
    raw.close()
    return Result("save a named version of a 5,000-touchpoint journey", measured, base, 4.0, 200.0)


STORE_ALONE_SIZES = (1000, 5000, 50_000)
PAUSE_S = 0.002


def bench_store_edit(folder: Path, cards: int, moves: int = 150, rounds: int = 3) -> Result:
    """Move one card, committed, with `expected_revision` (as the editor does), on a journey of `cards` cards: the
    store alone, no canvas. The floor is the same file's raw UPDATE + COMMIT of one card in the same run (sqlite3,
    synchronous NORMAL as the library's own connections). Each is measured in `rounds` rounds, taking turns, and the
    lowest round's p95 counts: on a shared machine a round in which other programs took the CPU says nothing of
    cjmapper. Edits come `PAUSE_S` apart, as a user's do (back to back, a busy machine's scheduler would take the
    CPU from the loop every few milliseconds, and the p95 would measure the other programs)."""
    path = folder / f"edit-{cards}.cjm"
    with Library.open(path) as lib:
        journey_id = lib.create_journey(big_journey(cards))
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous = NORMAL")
    ours: list[float] = []
    floors: list[float] = []
    with Library.open(path) as lib:
        journey = lib.load_journey(journey_id)
        cells = [(p.id, lane.id) for p in journey.phases for lane in journey.lanes if lane.kind.holds_cards]
        ids = [t.id for t in journey.touchpoints]
        revision = journey.revision
        step = 0
        for _ in range(rounds):
            samples = []
            for _ in range(moves):
                cell = cells[step % len(cells)]
                time.sleep(PAUSE_S)
                start = time.perf_counter()
                move = lib.move_touchpoints(
                    [ids[(step * 7919) % len(ids)]], *cell, step % 50, expected_revision=revision
                )
                samples.append((time.perf_counter() - start) * 1000)
                revision = move.revision
                step += 1
            ours.append(_p95(samples))
            samples = []
            for i in range(moves):
                time.sleep(PAUSE_S)
                start = time.perf_counter()
                raw.execute("BEGIN IMMEDIATE")
                raw.execute("UPDATE touchpoints SET position = position + 1 WHERE id = ?", (ids[i],))
                raw.execute("COMMIT")
                samples.append((time.perf_counter() - start) * 1000)
            floors.append(_p95(samples))
        assert lib.revision(journey_id) == revision
    raw.close()
    return Result(
        f"the same edit in the store alone: move one card with expected_revision, {cards:,} cards",
        min(ours),
        min(floors),
        None,
        1.0,
        "p95",
    )


def run_all() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        return [
            bench_load(folder),
            bench_import(folder),
            bench_move(folder),
            *(bench_store_edit(folder, cards) for cards in STORE_ALONE_SIZES),
            bench_save_version(folder),
        ]
