"""Survey import benchmark: 10,000 rows of a Dutch CSV export (semicolons, decimal commas, cards named by title)
read, matched with a preview and applied onto a 1,000-card journey, against the floor of the csv module reading the
same file and a raw executemany of its rows."""

from __future__ import annotations

import csv
import io
import sqlite3
import sys
import tempfile
from pathlib import Path

from benchmarks.store import Result, _median_ms, big_journey
from cjmapper.store import Library
from cjmapper.survey.match import preview
from cjmapper.survey.read import read_survey_file

ROWS = 10_000
CARDS = 1_000
METRICS = (("klanttevredenheid", 5), ("NPS", 10), ("CES", 7), ("score", 5))


def survey_csv(cards: int = CARDS, rows: int = ROWS) -> str:
    """A Dutch export: a card's title (or only a phase, one row in ten), a metric, a value, a persona and a date."""
    out = io.StringIO()
    out.write("Contactmoment;Fase;Meting;Waarde;Persona;Datum\r\n")
    for i in range(rows):
        metric, high = METRICS[i % len(METRICS)]
        value = f"{(i * 7) % high + (0 if metric == 'NPS' else 1)},0"
        card = "" if i % 10 == 9 else f"Touchpoint number {(i * 31) % cards}"
        phase = f"Phase {i % 5 + 1}" if not card else ""
        out.write(f"{card};{phase};{metric};{value};Persona {i % 3};{1 + i % 28:02d}-03-2026\r\n")
    return out.getvalue()


def bench_survey_import(folder: Path, repeat: int = 5) -> Result:
    source = folder / "enquete.csv"
    source.write_text(survey_csv(), encoding="utf-8-sig")
    path = folder / "survey.cjm"
    with Library.open(path) as lib:
        journeys = [lib.create_journey(big_journey(CARDS)) for _ in range(repeat + 1)]
    unused = iter(journeys)

    def ours() -> None:
        journey_id = next(unused)
        with Library.open(path) as lib:
            journey = lib.load_journey(journey_id)
            result = preview(read_survey_file(source), journey, {}, lib.survey_responses(journey_id))
            lib.import_survey(journey_id, result.to_store(False), version_name="Voor de enquête")
        assert len(result.rows) == ROWS

    def floor() -> None:
        target = folder / "floor.db"
        for p in folder.glob("floor.db*"):
            p.unlink()
        conn = sqlite3.connect(target)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, card TEXT, phase TEXT, metric TEXT, value TEXT,"
            " persona TEXT, day TEXT)"
        )
        with open(source, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))[1:]
        with conn:
            conn.executemany("INSERT INTO t (card, phase, metric, value, persona, day) VALUES (?, ?, ?, ?, ?, ?)", rows)
        conn.close()

    ours()  # warm: the first import's statements and modules
    measured = _median_ms(ours, repeat)
    base = _median_ms(floor, repeat)
    return Result(
        f"import {ROWS:,} survey rows (CSV) with preview onto a {CARDS:,}-card journey", measured, base, None, 2000.0
    )


def run_all() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        return [bench_survey_import(Path(tmp))]


def main() -> int:
    from benchmarks.__main__ import table

    results = run_all()
    print(table(results))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
