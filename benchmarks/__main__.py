"""`python -m benchmarks [--check]`: prints a table of every benchmark against its floor.

With --check, exits 1 when a target is missed. Not part of the test suite: timings on shared machines flake."""

from __future__ import annotations

import argparse
import platform
import sys

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
            f"| {r.target} | {'yes' if r.ok else 'NO'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--check", action="store_true", help="exit 1 when any target is missed")
    args = parser.parse_args()
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from benchmarks.canvas import run_all as canvas_benchmarks
    from benchmarks.layout import bench_layout
    from benchmarks.poster import run_all as poster_benchmarks

    results = [*store_benchmarks(), bench_layout(), *canvas_benchmarks(), *poster_benchmarks()]
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print(table(results))
    return 1 if args.check and not all(r.ok for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
