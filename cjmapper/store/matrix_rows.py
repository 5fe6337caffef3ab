"""The rows of a journey's names on its impact/effort matrix (`model.MatrixLabels`): the `matrix_*` columns of the
journeys table, written by a new journey, a restored version and `Library.set_matrix_labels`."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from cjmapper import rules
from cjmapper.errors import NotFoundError
from cjmapper.messages import say
from cjmapper.model import MATRIX_LABEL_NAMES, MAX_MATRIX_LABEL, MatrixLabels
from cjmapper.store.tables import JOURNEYS

COLUMNS = tuple(f"matrix_{name}" for name in MATRIX_LABEL_NAMES)
"""The journeys table's columns of the names, in `MATRIX_LABEL_NAMES`' order."""


def cleaned(labels: MatrixLabels) -> MatrixLabels:
    """The names trimmed, each through the rules (`EditError` for one too long or holding a NUL)."""
    return MatrixLabels(
        *(rules.text(getattr(labels, name).strip(), MAX_MATRIX_LABEL, "matrix label") for name in MATRIX_LABEL_NAMES)
    )


def matrix_values(labels: MatrixLabels) -> dict[str, str]:
    """The journeys table's values of the names (cleaned)."""
    clean = cleaned(labels)
    return {column: getattr(clean, name) for column, name in zip(COLUMNS, MATRIX_LABEL_NAMES, strict=True)}


def set_labels(conn: Connection, journey_id: int, labels: MatrixLabels) -> MatrixLabels:
    """Write the journey's names; returns those it had (as stored)."""
    values = matrix_values(labels)
    row = conn.execute(select(*(JOURNEYS.c[c] for c in COLUMNS)).where(JOURNEYS.c.id == journey_id)).one_or_none()
    if row is None:
        raise NotFoundError(say("There is no journey with id {0} in this library.", journey_id))
    conn.execute(update(JOURNEYS).where(JOURNEYS.c.id == journey_id).values(**values))
    return MatrixLabels(*(value if isinstance(value, str) else "" for value in row))
