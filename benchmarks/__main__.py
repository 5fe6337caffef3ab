"""`python -m benchmarks [--check] [--only GROUP ...]`: prints a table of every benchmark against its floor.

With --check, exits 1 when a target is missed. --only runs one group (store, team, layout, canvas, poster, startup,
versions, find, compare, survey, cards, photos; team needs a PostgreSQL server, found or started as the tests do,
and is left out with a note without one).
--large adds the start-up benchmark's 20,000 and 50,000-card journeys (about two minutes more).
Not part of the test suite: timings on shared machines flake."""

from __future__ import annotations

import argparse
import platform
import sys
from collections.abc import Callable, Sequence

from benchmarks.store import Result
from benchmarks.store import run_all as store_benchmarks


def table(results: list[Result]) -> str:
    lines = [
        "| benchmark | cjmapper | floor (bare library) | ratio | target | met |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r.name} | {r.measured_ms:.2f} ms ({r.statistic}) | {r.floor_ms:.2f} ms | {r.ratio:.2f}x "
            f"| {r.target or '-'} | {('yes' if r.ok else 'NO') if r.target else '-'} |"
        )
    return "\n".join(lines)


GROUPS = (
    "store",
    "team",
    "layout",
    "canvas",
    "poster",
    "startup",
    "versions",
    "find",
    "compare",
    "survey",
    "cards",
    "photos",
)


def run(groups: Sequence[str], large: bool = False) -> list[Result]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from benchmarks.canvas import run_all as canvas_benchmarks
    from benchmarks.card_import import run_all as card_import_benchmarks
    from benchmarks.compare import run_all as compare_benchmarks
    from benchmarks.find import run_all as find_benchmarks
    from benchmarks.layout import bench_flowed_layout, bench_layout
    from benchmarks.photos import run_all as photos_benchmarks
    from benchmarks.poster import run_all as poster_benchmarks
    from benchmarks.startup import run_all as startup_benchmarks
    from benchmarks.survey import run_all as survey_benchmarks
    from benchmarks.team import run_all as team_benchmarks
    from benchmarks.versions import run_all as versions_benchmarks

    runners: dict[str, Callable[[], list[Result]]] = {
        "store": store_benchmarks,
        "team": team_benchmarks,
        "layout": lambda: [bench_layout(), bench_flowed_layout()],
        "canvas": canvas_benchmarks,
        "poster": poster_benchmarks,
        "startup": lambda: startup_benchmarks(large),
        "versions": versions_benchmarks,
        "find": find_benchmarks,
        "compare": compare_benchmarks,
        "survey": survey_benchmarks,
        "cards": card_import_benchmarks,
        "photos": photos_benchmarks,
    }
    return [result for group in groups for result in runners[group]()]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--check", action="store_true", help="exit 1 when any target is missed")
    parser.add_argument(
        "--only",
        action="append",
        choices=GROUPS,
        help="run only this group (repeatable); team: PostgreSQL on loopback against a file",
    )
    parser.add_argument("--large", action="store_true", help="start-up also at 20,000 and 50,000 cards")
    args = parser.parse_args()
    results = run(args.only or GROUPS, args.large)
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(table(results))
    return 1 if args.check and not all(r.ok for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
