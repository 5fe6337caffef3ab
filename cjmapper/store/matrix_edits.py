"""The edit API of a journey's impact/effort matrix, which `Library` inherits through `JourneyEdits`. A card's place
on it is two card fields (`impact`, `effort`: `update_touchpoint`, `update_touchpoints`); the journey's names on it
are one edit here, returning the names it replaced (its inverse)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from sqlalchemy.engine import Connection

from cjmapper.model import MatrixLabels
from cjmapper.store import matrix_rows
from cjmapper.store.results import Revised


class MatrixEdits:
    """Matrix edits; the library supplies the transactions and `_touch` (see `JourneyEdits`)."""

    def _write(self) -> contextlib.AbstractContextManager[Connection]:
        raise NotImplementedError

    @staticmethod
    def _touch(
        conn: Connection, journey_id: int, expected_revision: int | None = None, cards: Sequence[int] | None = None
    ) -> int:
        raise NotImplementedError

    def set_matrix_labels(
        self, journey_id: int, labels: MatrixLabels, *, expected_revision: int | None = None
    ) -> Revised[MatrixLabels]:
        """Make the journey's names on its matrix `labels` (each trimmed, at most 100 characters; "" for the
        default in the journey's language); returns the names it had, with the journey's new revision."""
        matrix_rows.cleaned(labels)  # refused before anything is written
        with self._write() as conn:
            previous = matrix_rows.set_labels(conn, journey_id, labels)
            return Revised(previous, self._touch(conn, journey_id, expected_revision))
