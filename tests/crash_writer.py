"""The writer that tests/test_crash.py kills: it edits one journey through the core edit API as fast as it can and,
after each edit returns, writes one acknowledgement line naming what it committed.

    python tests/crash_writer.py LIBRARY SEED [EDITS]   edit the library's first journey (for ever, or EDITS times
                                                        and exit 0); the lines go to stdout
    python tests/crash_writer.py serve [WARM]           a fork server: each stdin line `MODE LIBRARY OUTPUT SEED
                                                        [FILE]` forks a writer whose stdout is the file OUTPUT; prints
                                                        `pid N`, then `exit N STATUS` when it has ended (STATUS -9:
                                                        killed)

The fork server's writers (MODE), each running until it is killed:
  `edit`      edits the first journey, as above;
  `create`    only opens, so creates, LIBRARY;
  `import`    imports the journey file FILE (as `cjmapper import` does) and closes the library, over and over (so a kill
              lands in the import or in the close, while SQLite copies the WAL into the file); before each import
              it deletes the older of two journeys it imported, so the library keeps its size;
  `save-as`   saves the library as each of `save_as_targets(LIBRARY)` in turn (so each target exists from the third
              save on, and is replaced);
  `versions`  saves versions of the first journey, deleting the oldest once there are `KEPT_VERSIONS`.

Every line is JSON. `{"do": op}` is written before an edit starts and `{"done": op}` after it returned (committed);
`done` adds what the edit returned (a new id). So after a kill every `done` must be in the library, and the one
`do` without its `done` may or may not be. The fork server exists only to save the 0.7 s of importing SQLAlchemy
per kill: each writer is still its own process, killed with SIGKILL, that opens the library itself.

`Mirror` is what one journey looks like to these tests (order of phases, lanes and each cell's cards; the fields
the writer edits). Both sides use it: the writer to choose valid edits, the test to say what the library must hold.

CJM_CRASH_BREAK (for showing once that the test catches a broken guarantee; never set in the suite):
  `ack-early`   acknowledge each edit before making it;
  `no-journal`  after opening, run with journal_mode=MEMORY, synchronous=OFF and a one-page cache instead of WAL
                (a kill mid-transaction then leaves the pages written so far in the file, with no journal to undo them).
"""

from __future__ import annotations

import copy
import json
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `cjmapper` importable from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cjmapper.model import Journey, LaneKind

Op = dict[str, Any]
BREAK_ENV = "CJM_CRASH_BREAK"

_MAX_CARDS = 240
_ADDS = frozenset({"add", "add_phase", "add_lane"})
_PHASES = (2, 7)
_CARD_LANES = (1, 4)


@dataclass
class Mirror:
    """One journey as the crash test sees it: everything the writer edits, in display order."""

    title: str = ""
    phases: list[int] = field(default_factory=list)
    phase_names: dict[int, str] = field(default_factory=dict)
    lanes: list[int] = field(default_factory=list)
    lane_names: dict[int, str] = field(default_factory=dict)
    card_lanes: set[int] = field(default_factory=set)
    cells: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    cards: dict[int, tuple[str, str, int | None, int]] = field(default_factory=dict)
    """id -> (title, notes, score, votes)"""

    @classmethod
    def of(cls, journey: Journey) -> Mirror:
        mirror = cls(title=journey.title)
        for phase in journey.phases:
            mirror.phases.append(phase.id)
            mirror.phase_names[phase.id] = phase.name
        for lane in journey.lanes:
            mirror.lanes.append(lane.id)
            mirror.lane_names[lane.id] = lane.name
            if lane.kind.holds_cards:
                mirror.card_lanes.add(lane.id)
        for cell, cards in journey.cells().items():
            mirror.cells[cell] = [card.id for card in cards]
        for card in journey.touchpoints:
            mirror.cards[card.id] = (card.title, card.notes, card.score, card.votes)
        return mirror

    def copy(self) -> Mirror:
        return copy.deepcopy(self)

    def normalised(self) -> Mirror:
        """The same journey without empty cells (so that two mirrors of it compare equal)."""
        result = self.copy()
        result.cells = {cell: ids for cell, ids in result.cells.items() if ids}
        return result

    def cell_of(self, card_id: int) -> tuple[int, int]:
        for cell, ids in self.cells.items():
            if card_id in ids:
                return cell
        raise KeyError(card_id)

    def apply(self, op: Op) -> None:
        """Make the edit that `op` names (with its result, e.g. the new id) in the mirror."""
        kind = op["op"]
        if kind == "add":
            cell = self.cells.setdefault((op["phase"], op["lane"]), [])
            _insert(cell, op["index"], op["id"])
            self.cards[op["id"]] = (op["title"].strip(), op["notes"], op["score"], 0)
        elif kind == "update":
            title, notes, score, votes = self.cards[op["id"]]
            changes = op["changes"]
            self.cards[op["id"]] = (
                changes["title"].strip() if "title" in changes else title,
                changes.get("notes", notes),
                changes.get("score", score),
                changes.get("votes", votes),
            )
        elif kind == "move":
            for card_id in op["ids"]:
                self.cells[self.cell_of(card_id)].remove(card_id)
            cell = self.cells.setdefault((op["phase"], op["lane"]), [])
            at = len(cell) if op["index"] is None else min(op["index"], len(cell))
            cell[at:at] = op["ids"]
        elif kind == "delete":
            for card_id in op["ids"]:
                self.cells[self.cell_of(card_id)].remove(card_id)
                del self.cards[card_id]
        elif kind == "rename_journey":
            self.title = op["title"].strip()
        elif kind == "add_phase":
            _insert(self.phases, op["index"], op["id"])
            self.phase_names[op["id"]] = op["name"]
        elif kind == "rename_phase":
            self.phase_names[op["id"]] = op["name"]
        elif kind == "move_phase":
            self.phases.remove(op["id"])
            _insert(self.phases, op["index"], op["id"])
        elif kind == "delete_phase":
            self.phases.remove(op["id"])
            del self.phase_names[op["id"]]
            self._drop_cells(lambda cell: cell[0] == op["id"])
        elif kind == "add_lane":
            _insert(self.lanes, op["index"], op["id"])
            self.lane_names[op["id"]] = op["name"]
            self.card_lanes.add(op["id"])
        elif kind == "rename_lane":
            self.lane_names[op["id"]] = op["name"]
        elif kind == "delete_lane":
            self.lanes.remove(op["id"])
            del self.lane_names[op["id"]]
            self.card_lanes.discard(op["id"])
            self._drop_cells(lambda cell: cell[1] == op["id"])
        else:
            raise ValueError(f"unknown op {kind!r}")

    def _drop_cells(self, doomed: Any) -> None:
        for cell in [cell for cell in self.cells if doomed(cell)]:
            for card_id in self.cells.pop(cell):
                del self.cards[card_id]

    # --- choosing the next edit -----------------------------------------------------------------------

    def next_op(self, rng: random.Random, tag: str) -> Op:
        """A random edit that the library will accept, with values unique to `tag`."""
        count = len(self.cards)
        weights = {
            "add": 30 if count < _MAX_CARDS else 2,
            "update": 25 if count else 0,
            "move": 20 if count else 0,
            "delete": (4 if count < _MAX_CARDS else 30) if count else 0,
            "rename_journey": 3,
            "add_phase": 2 if len(self.phases) < _PHASES[1] else 0,
            "rename_phase": 3,
            "move_phase": 2,
            "delete_phase": 0.3 if len(self.phases) > _PHASES[0] else 0,
            "add_lane": 1 if len(self.card_lanes) < _CARD_LANES[1] else 0,
            "rename_lane": 2,
            "delete_lane": 0.3 if len(self.card_lanes) > _CARD_LANES[0] else 0,
        }
        kind = rng.choices(list(weights), list(weights.values()))[0]
        cards = sorted(self.cards)
        card_lanes = [lane for lane in self.lanes if lane in self.card_lanes]
        if kind == "add":
            phase, lane = rng.choice(self.phases), rng.choice(card_lanes)
            size = len(self.cells.get((phase, lane), []))
            return {
                "op": kind,
                "phase": phase,
                "lane": lane,
                "index": rng.choice([None, rng.randint(0, size)]),
                "title": f"card {tag}",
                "notes": rng.choice(["", f"notes {tag} ✓ é", f"notes {tag}\nsecond line"]),
                "score": rng.choice([None, 1, 2, 3, 4, 5]),
            }
        if kind == "update":
            fields = rng.sample(["title", "notes", "score", "votes"], rng.randint(1, 3))
            values = {"title": f"title {tag}", "notes": f"notes {tag}", "score": rng.randint(1, 5), "votes": 0}
            values["votes"] = rng.randint(0, 20)
            return {"op": kind, "id": rng.choice(cards), "changes": {name: values[name] for name in fields}}
        if kind == "move":
            ids = rng.sample(cards, min(len(cards), rng.choice([1, 1, 1, 2, 3])))
            phase, lane = rng.choice(self.phases), rng.choice(card_lanes)
            others = [i for i in self.cells.get((phase, lane), []) if i not in ids]
            return {
                "op": kind,
                "ids": ids,
                "phase": phase,
                "lane": lane,
                "index": rng.choice([None, rng.randint(0, len(others))]),
            }
        if kind == "delete":
            return {"op": kind, "ids": rng.sample(cards, min(len(cards), rng.choice([1, 1, 2])))}
        if kind == "rename_journey":
            return {"op": kind, "title": f"journey {tag}"}
        if kind == "add_phase":
            return {"op": kind, "name": f"phase {tag}", "index": rng.randint(0, len(self.phases))}
        if kind in ("rename_phase", "move_phase", "delete_phase"):
            phase = rng.choice(self.phases)
            if kind == "rename_phase":
                return {"op": kind, "id": phase, "name": f"phase {tag}"}
            if kind == "move_phase":
                return {"op": kind, "id": phase, "index": rng.randint(0, len(self.phases) - 1)}
            return {"op": kind, "id": phase}
        if kind == "add_lane":
            return {"op": kind, "name": f"lane {tag}", "index": rng.randint(0, len(self.lanes))}
        if kind == "rename_lane":
            return {"op": kind, "id": rng.choice(self.lanes), "name": f"lane {tag}"}
        return {"op": kind, "id": rng.choice(card_lanes)}


def _insert(order: list[int], index: int | None, item: int) -> None:
    at = len(order) if index is None else max(0, min(index, len(order)))
    order.insert(at, item)


# ------------------------------------------------------------------------------------------ the writer


def perform(library: Any, journey_id: int, op: Op) -> Op:
    """Make the edit through the core edit API; returns `op` with what the edit returned (a new id)."""
    kind = op["op"]
    done = dict(op)
    if kind == "add":
        added = library.add_touchpoint(
            journey_id, op["phase"], op["lane"], op["title"], index=op["index"], notes=op["notes"], score=op["score"]
        )
        done["id"] = added.touchpoint.id
    elif kind == "update":
        library.update_touchpoint(op["id"], **op["changes"])
    elif kind == "move":
        library.move_touchpoints(op["ids"], op["phase"], op["lane"], op["index"])
    elif kind == "delete":
        library.delete_touchpoints(op["ids"])
    elif kind == "rename_journey":
        library.update_journey(journey_id, title=op["title"])
    elif kind == "add_phase":
        done["id"] = library.add_phase(journey_id, op["name"], index=op["index"]).value.id
    elif kind == "rename_phase":
        library.update_phase(op["id"], name=op["name"])
    elif kind == "move_phase":
        library.move_phase(op["id"], op["index"])
    elif kind == "delete_phase":
        library.delete_phase(op["id"])
    elif kind == "add_lane":
        done["id"] = library.add_lane(journey_id, op["name"], LaneKind.TOUCHPOINTS, index=op["index"]).value.id
    elif kind == "rename_lane":
        library.update_lane(op["id"], name=op["name"])
    elif kind == "delete_lane":
        library.delete_lane(op["id"])
    else:
        raise ValueError(f"unknown op {kind!r}")
    return done


def _say(record: dict[str, Any]) -> None:
    """One line on stdout, written straight to the file descriptor (nothing is buffered in the process)."""
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    while data:
        data = data[os.write(1, data) :]


def _break_journal(library: Any) -> None:
    """CJM_CRASH_BREAK=no-journal: every connection leaves WAL for an in-memory journal without syncing."""
    from sqlalchemy import event

    def weaken(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA journal_mode = MEMORY")
        dbapi_connection.execute("PRAGMA synchronous = OFF")
        dbapi_connection.execute("PRAGMA cache_size = 1")  # spill pages into the file before the commit

    library.engine.dispose()
    event.listen(library.engine, "connect", weaken)


def write(path: Path, seed: int, edits: int | None) -> None:
    """Edit the library's first journey `edits` times (None: until killed), one line before and after each."""
    from cjmapper.store import Library

    broken = os.environ.get(BREAK_ENV, "")
    rng = random.Random(seed)
    with Library.open(path) as library:
        if broken == "no-journal":
            _break_journal(library)
        journey_id = library.list_journeys()[0].id
        mirror = Mirror.of(library.load_journey(journey_id))
        _say({"ready": seed})
        number = 0
        while edits is None or number < edits:
            op = mirror.next_op(rng, f"{seed}.{number}")
            _say({"do": op})
            early = broken == "ack-early" and op["op"] not in _ADDS  # an add's id is only known afterwards
            if early:
                _say({"done": op})
            done = perform(library, journey_id, op)
            if not early:
                _say({"done": done})
            mirror.apply(done)
            number += 1


KEPT_VERSIONS = 6
"""The `versions` writer deletes the oldest saved version once the journey has this many."""


def import_and_close(path: Path, seed: int, journey_file: Path) -> None:
    """Import `journey_file` into the library and close it, for ever (see the module's docstring)."""
    from cjmapper.interchange import read_journey_file
    from cjmapper.store import Library

    journey = read_journey_file(journey_file)
    _say({"ready": seed})
    while True:
        library = Library.open(path)
        imported = sorted(info.id for info in library.list_journeys() if info.title == journey.title)
        if len(imported) >= 2:
            op: Op = {"op": "delete_journey", "id": imported[0]}
            _say({"do": op})
            library.delete_journey(imported[0])
            _say({"done": op})
        op = {"op": "import", "title": journey.title}
        _say({"do": op, "at": time.monotonic()})
        journey_id = library.create_journey(journey)
        _say({"done": {**op, "id": journey_id}, "at": time.monotonic()})
        _say({"closing": journey_id, "at": time.monotonic()})
        library.close()  # SQLite copies the WAL into the file
        _say({"closed": journey_id, "at": time.monotonic()})


def save_as_targets(path: Path) -> tuple[Path, Path]:
    """Where the `save-as` writer saves the library at `path`, in turn."""
    return path.with_name(f"{path.stem}-saved-a.cjm"), path.with_name(f"{path.stem}-saved-b.cjm")


def save_copies(path: Path, seed: int) -> None:
    from cjmapper.store import Library

    targets = save_as_targets(path)
    with Library.open(path) as library:
        _say({"ready": seed})
        number = 0
        while True:
            op: Op = {"op": "save_as", "target": str(targets[number % len(targets)])}
            _say({"do": op})
            library.save_as(targets[number % len(targets)])
            _say({"done": op})
            number += 1


def save_versions(path: Path, seed: int) -> None:
    from cjmapper.store import Library

    with Library.open(path) as library:
        journey_id = library.list_journeys()[0].id
        _say({"ready": seed})
        number = 0
        while True:
            saved = library.list_versions(journey_id)  # newest first
            if len(saved) >= KEPT_VERSIONS:
                op: Op = {"op": "delete_version", "id": saved[-1].id, "name": saved[-1].name}
                _say({"do": op})
                library.delete_version(saved[-1].id)
                _say({"done": op})
            op = {"op": "save_version", "name": f"version {seed}.{number}"}
            _say({"do": op})
            info = library.save_version(journey_id, op["name"])
            _say({"done": {**op, "id": info.id}})
            number += 1


def serve() -> None:
    """The fork server: one writer per stdin line, one at a time; reports each writer's pid and how it ended."""
    from cjmapper.store import Library

    warm = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    if warm is not None:  # import everything the writers import lazily, then drop every connection
        from cjmapper.interchange import read_journey_file  # noqa: F401 - imported for the forked writers

        with Library.open(warm) as library:
            journey_id = library.list_journeys()[0].id
            library.update_journey(journey_id, title=library.load_journey(journey_id).title)
            library.delete_version(library.save_version(journey_id, "warm").id)
            library.save_as(save_as_targets(warm)[0])
    print("ready", flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        mode, library_path, output, seed, *extra = line.split()
        pid = os.fork()
        if pid == 0:  # the writer
            status = 1
            try:
                descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)
                os.dup2(descriptor, 1)
                os.close(descriptor)
                path = Path(library_path)
                if mode == "create":
                    Library.open(path).close()
                    _say({"ready": seed})
                elif mode == "import":
                    import_and_close(path, int(seed), Path(extra[0]))
                elif mode == "save-as":
                    save_copies(path, int(seed))
                elif mode == "versions":
                    save_versions(path, int(seed))
                else:
                    write(path, int(seed), None)
                status = 0
            except BaseException:
                import traceback

                traceback.print_exc()
            finally:
                os._exit(status)
        print(f"pid {pid}", flush=True)
        _, code = os.waitpid(pid, 0)
        print(f"exit {pid} {os.waitstatus_to_exitcode(code)}", flush=True)


def main() -> None:
    if len(sys.argv) >= 2 and sys.argv[1] == "serve":
        serve()
        return
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else None
    write(Path(sys.argv[1]), int(sys.argv[2]), edits)


if __name__ == "__main__":
    main()
