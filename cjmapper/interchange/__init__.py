"""Journey interchange: the journey file (journey-json: `untrusted_json` reads
the text safely, `journey_reader` checks it strictly, `journey_writer` writes it canonically) and the CSV export."""

from __future__ import annotations

from cjmapper.interchange.csv_format import write_csv, write_csv_file
from cjmapper.interchange.journey_reader import read_journey, read_journey_file
from cjmapper.interchange.journey_writer import write_journey, write_journey_file
from cjmapper.interchange.untrusted_json import MAX_FILE_BYTES

__all__ = [
    "MAX_FILE_BYTES",
    "read_journey",
    "read_journey_file",
    "write_csv",
    "write_csv_file",
    "write_journey",
    "write_journey_file",
]
