"""Card import benchmark: 10,000 sticky notes of a Dutch Excel CSV (semicolons, decimal commas, Windows-1252) read,
previewed row by row and applied onto a five-phase journey in one transaction, against the floor of the csv module
reading the same file and a raw executemany of its rows."""

from __future__ import annotations

import csv
import sqlite3
import sys
import tempfile
from pathlib import Path

from benchmarks.store import Result, _median_ms
from cjmapper.card_import.sheet import columns, preview, read_card_sheet
from cjmapper.store import Library
from cjmapper.templates import load_template

ROWS = 10_000
PHASES = ("Bewustwording", "Overweging", "Aankoop", "Service", "Loyaliteit")
LANES = ("Contactmomenten", "Klantacties", "Knelpunten", "Kansen")


def cards_csv(rows: int = ROWS) -> str:
    """A Dutch sheet of sticky notes: phase, lane, title, channel, score (a decimal comma), notes, votes, status."""
    lines = ["Fase;Rij;Titel;Kanaal;Score;Notities;Stemmen;Status"]
    for i in range(rows):
        lines.append(
            f"{PHASES[i % 5]};{LANES[i % 4]};Notitie {i} van de muur;{('Telefoon', 'E-mail', '')[i % 3]};"
            f"{i % 5 + 1},0;Café-klant {i % 17};{i % 9};{('open', 'bezig', 'klaar', '')[i % 4]}"
        )
    return "\r\n".join(lines) + "\r\n"


def bench_card_import(folder: Path, repeat: int = 5) -> Result:
    source = folder / "muur.csv"
    source.write_bytes(cards_csv().encode("cp1252"))
    path = folder / "cards.cjm"
    with Library.open(path) as lib:
        journeys = [lib.create_journey(load_template("five-phase", "nl")) for _ in range(repeat + 1)]
    unused = iter(journeys)

    def ours() -> None:
        journey_id = next(unused)
        with Library.open(path) as lib:
            journey = lib.load_journey(journey_id)
            table = read_card_sheet(source)
            result = preview(table, journey, columns(table.headers, {}))
            lib.import_cards(journey_id, result.plan(), expected_revision=journey.revision)
        assert len(result.cards) == ROWS

    def floor() -> None:
        target = folder / "floor.db"
        for p in folder.glob("floor.db*"):
            p.unlink()
        conn = sqlite3.connect(target)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, phase TEXT, lane TEXT, title TEXT, channel TEXT, score TEXT,"
            " notes TEXT, votes TEXT, status TEXT)"
        )
        with open(source, encoding="cp1252", newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))[1:]
        with conn:
            conn.executemany(
                "INSERT INTO t (phase, lane, title, channel, score, notes, votes, status)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        conn.close()

    ours()  # warm: the first import's statements and modules
    measured = _median_ms(ours, repeat)
    base = _median_ms(floor, repeat)
    return Result(f"import {ROWS:,} cards (Dutch CSV) with preview into a journey", measured, base, None, 3000.0)


def run_all() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        return [bench_card_import(Path(tmp))]


def main() -> int:
    from benchmarks.__main__ import table

    results = run_all()
    print(table(results))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
