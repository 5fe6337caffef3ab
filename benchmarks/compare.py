"""Comparing two saved versions of a 5,000-card journey, as `cjmapper diff --from A --to B` does it, against reading
the two versions alone in the same run.

- cjmapper: `Library.find_version` and `load_version` of both versions, `compare.compare` and every line of
  `compare_words.lines` (what the command prints), on a journey whose second version has 100 cards moved, 300
  changed (one to three fields), 50 removed and 50 added, a phase renamed;
- floor: `Library.load_version` of the same two versions, nothing else.

Run alone with `python -m benchmarks.compare`.
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.store import Result, big_journey
from cjmapper.compare import compare
from cjmapper.compare_words import lines
from cjmapper.model import CardStatus
from cjmapper.store import Library

CARDS = 5_000
MAX_MS = 300.0


def _edit(library: Library, journey_id: int) -> None:
    """The edits between "voor" and "na": moves, field changes, removals, additions and a renamed phase."""
    rng = random.Random(17)
    journey = library.load_journey(journey_id)
    ids = [card.id for card in journey.touchpoints]
    rng.shuffle(ids)
    for i, card_id in enumerate(ids[:100]):
        library.move_touchpoints([card_id], journey.phases[i % 5].id, journey.lanes[(i + 1) % 5].id, None)
    for i, card_id in enumerate(ids[100:400]):  # one to three fields each
        if i % 3 == 0:
            library.update_touchpoint(card_id, score=rng.randint(1, 5))
        elif i % 3 == 1:
            library.update_touchpoint(card_id, score=rng.randint(1, 5), owner="Service")
        else:
            library.update_touchpoint(card_id, score=rng.randint(1, 5), owner="Service", status=CardStatus.OPEN)
    library.delete_touchpoints(ids[400:450])
    for i in range(50):
        library.add_touchpoint(journey_id, journey.phases[0].id, journey.lanes[0].id, f"New touchpoint {i}")
    library.update_phase(journey.phases[1].id, name="Offerte")


def bench_compare(folder: Path, cards: int = CARDS, repeat: int = 9) -> Result:
    path = folder / f"compare-{cards}.cjm"
    with Library.open(path) as library:
        journey_id = library.create_journey(big_journey(cards))
        before_id = library.save_version(journey_id, "voor").id
        _edit(library, journey_id)
        after_id = library.save_version(journey_id, "na").id
        ours: list[float] = []
        floor: list[float] = []
        found: list[str] = []
        for _ in range(repeat):  # alternated, so load on the machine falls on both alike
            gc.collect()
            started = time.perf_counter()
            before = library.load_version(library.find_version(journey_id, "voor"))
            after = library.load_version(library.find_version(journey_id, "na"))
            found = lines(compare(before, after))
            ours.append((time.perf_counter() - started) * 1000)
            gc.collect()
            started = time.perf_counter()
            library.load_version(before_id)
            library.load_version(after_id)
            floor.append((time.perf_counter() - started) * 1000)
        assert len(found) > 500, len(found)
    return Result(
        f"compare two versions of a {cards:,}-card journey ({len(found)} differences, as `cjmapper diff`; floor: "
        "reading the two versions)",
        statistics.median(ours),
        statistics.median(floor),
        None,
        MAX_MS,
    )


def run_all() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        return [bench_compare(Path(tmp))]


def main() -> int:
    from benchmarks.__main__ import table

    results = run_all()
    print(table(results))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
