"""Journey interchange: the journey-json-v1 file (strict reader, canonical writer) and the CSV export."""

from __future__ import annotations

from cjmapper.interchange.csv_format import write_csv, write_csv_file
from cjmapper.interchange.json_format import (
    MAX_FILE_BYTES,
    read_journey,
    read_journey_file,
    write_journey,
    write_journey_file,
)

__all__ = [
    "MAX_FILE_BYTES",
    "read_journey",
    "read_journey_file",
    "write_csv",
    "write_csv_file",
    "write_journey",
    "write_journey_file",
]
