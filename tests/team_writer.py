"""One writer of tests/test_team_load.py: it edits one journey of a team library through the core edit API, as an
editor does (every edit passes the revision read just before it; a stale edit is re-read and retried), and writes
one JSON line per acknowledged edit.

    python tests/team_writer.py URL JOURNEY WRITER SEED SECONDS OUTPUT

URL holds no password (libpq takes it from PGPASSWORD). The writer opens the library, writes `{"ready": WRITER}`,
waits for one line on stdin (the start signal), then edits for SECONDS and writes `{"end": {...}}`.

Lines (JSON, one per line, in OUTPUT):
  {"ack": op, "rev": R, "ms": T, "tries": N}  the edit `op` (crash_writer's op format, with the new card's id for an
                                             add) committed as the journey's revision R (the revision it expected
                                             plus one), the committing call took T ms, N stale refusals before it
  {"error": kind, "message": M, "op": op}     anything but a stale refusal; the edit's fate is unknown
  {"end": {...}}                              counts: stale retries, edits given up at the deadline, seconds

After a stale refusal the writer waits a random moment (jittered exponential backoff, up to 64 ms) before it
re-reads, as any retrying client should: without it the writer that committed last re-reads first and queues for
the write lock ahead of everyone it just made stale, so it wins every round and the others starve
(CJM_LOAD_BACKOFF=0 shows it).

The workload is checkable: each writer adds cards titled `w<WRITER> ...` and updates only cards it added (so each
card's last acknowledged write is its final value); moves are shared (any card, into any cell, at any index).
Acknowledged edits ordered by revision replay exactly on `tests.crash_writer.Mirror`.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `cjmapper` and `tests` importable from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

Op = dict[str, Any]
OWN_CARDS = 25
"""A writer stops adding at this many cards of its own (so reading the journey stays cheap as the test runs)."""
BACKOFF = os.environ.get("CJM_LOAD_BACKOFF", "1") == "1"
REFRESH_EVERY = 20
"""Re-read the journey's cards (to move other writers' new cards too) every this many edits."""


def choose(rng: random.Random, tag: str, own: list[int], known: list[int], cells: list[tuple[int, int]]) -> Op:
    """The next edit: add (until the writer has OWN_CARDS), update one of its own cards, or move any card."""
    weights = {"add": 3 if len(own) < OWN_CARDS else 0, "update": 4 if own else 0, "move": 3 if known else 0}
    kind = rng.choices(list(weights), list(weights.values()))[0]
    phase, lane = rng.choice(cells)
    if kind == "add":
        return {
            "op": "add",
            "phase": phase,
            "lane": lane,
            "index": rng.choice([None, 0, rng.randint(0, 12)]),
            "title": f"card {tag}",
            "notes": f"notes {tag}",
            "score": rng.choice([None, 1, 2, 3, 4, 5]),
        }
    if kind == "update":
        fields = rng.sample(["title", "notes", "score"], rng.randint(1, 3))
        values: dict[str, Any] = {"title": f"title {tag}", "notes": f"notes {tag}", "score": rng.randint(1, 5)}
        return {"op": "update", "id": rng.choice(own), "changes": {name: values[name] for name in fields}}
    ids = rng.sample(known, rng.choice([1, 1, 1, 2]))
    return {"op": "move", "ids": ids, "phase": phase, "lane": lane, "index": rng.choice([None, 0, rng.randint(0, 12)])}


def perform(library: Any, journey_id: int, op: Op, revision: int) -> Op:
    """Make the edit through the core edit API, expecting the journey at `revision`; returns `op` with what the
    edit returned (a new card's id)."""
    done = dict(op)
    kind = op["op"]
    if kind == "add":
        added = library.add_touchpoint(
            journey_id,
            op["phase"],
            op["lane"],
            op["title"],
            index=op["index"],
            notes=op["notes"],
            score=op["score"],
            expected_revision=revision,
        )
        done["id"] = added.touchpoint.id
    elif kind == "update":
        library.update_touchpoint(op["id"], **op["changes"], expected_revision=revision)
    elif kind == "move":
        library.move_touchpoints(op["ids"], op["phase"], op["lane"], op["index"], expected_revision=revision)
    else:
        raise ValueError(f"unknown op {kind!r}")
    return done


class Output:
    def __init__(self, path: Path) -> None:
        self.descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)

    def say(self, record: dict[str, Any]) -> None:
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        while data:
            data = data[os.write(self.descriptor, data) :]


def run(url: str, journey_id: int, writer: int, seed: int, seconds: float, output: Path) -> None:
    from cjmapper.errors import StaleEditError
    from cjmapper.model import LaneKind
    from cjmapper.store import Library

    out = Output(output)
    rng = random.Random(seed)
    with Library.open(url) as library:
        journey = library.load_journey(journey_id)
        cells = [
            (p.id, lane.id) for p in journey.phases for lane in journey.lanes if lane.kind is not LaneKind.EMOTIONS
        ]
        known = [card.id for card in journey.touchpoints]
        own: list[int] = []
        out.say({"ready": writer})
        sys.stdin.readline()  # the start signal: every writer begins at once
        started = time.monotonic()
        deadline = started + seconds
        stale = gave_up = number = 0
        while time.monotonic() < deadline and number < 1_000_000:
            if number % REFRESH_EVERY == 0:
                try:
                    known = [card.id for card in library.load_journey(journey_id).touchpoints]
                except Exception as e:
                    out.say({"error": type(e).__name__, "message": str(e), "op": None})
            op = choose(rng, f"w{writer}.{number}", own, known, cells)
            tries = 0
            while True:
                if time.monotonic() >= deadline:
                    gave_up += 1  # never acknowledged, so never owed
                    break
                try:
                    revision = library.revision(journey_id)  # read just before the edit, as an editor has it
                    begun = time.perf_counter()
                    done = perform(library, journey_id, op, revision)
                except StaleEditError:
                    tries += 1
                    stale += 1
                    if BACKOFF:
                        time.sleep(rng.uniform(0, 0.002 * 2 ** min(tries, 5)))
                    continue  # someone else edited in between: the normal path; re-read and retry
                except Exception as e:  # a surfaced error: the test counts it (and its edit's fate is unknown)
                    out.say({"error": type(e).__name__, "message": str(e), "op": op})
                    break
                elapsed = (time.perf_counter() - begun) * 1000
                out.say({"ack": done, "rev": revision + 1, "ms": round(elapsed, 3), "tries": tries})
                if done["op"] == "add":
                    own.append(done["id"])
                    known.append(done["id"])
                break
            number += 1
        out.say({"end": {"stale": stale, "gave_up": gave_up, "seconds": time.monotonic() - started}})


def main() -> None:
    url, journey, writer, seed, seconds, output = sys.argv[1:7]
    run(url, int(journey), int(writer), int(seed), float(seconds), Path(output))


if __name__ == "__main__":
    main()
