"""Core `Table` handles for the store's statements (defined in `cjmapper.store.schema`)."""

from __future__ import annotations

from cjmapper import card_fields
from cjmapper.store.schema import (
    CARD_IMAGES,
    IMAGES,
    JOURNEYS,
    LANES,
    META,
    PERSONAS,
    PHASES,
    RATINGS,
    TOUCHPOINTS,
    VERSIONS,
    WALL_PHOTOS,
)

__all__ = [
    "CARD_IMAGES",
    "IMAGES",
    "JOURNEYS",
    "LANES",
    "META",
    "PERSONAS",
    "PHASES",
    "RATINGS",
    "TOUCHPOINTS",
    "TOUCHPOINT_COLUMNS",
    "TOUCHPOINT_FIELDS",
    "VERSIONS",
    "WALL_PHOTOS",
]

TOUCHPOINT_FIELDS = card_fields.ROW
"""Touchpoint columns in the order of `model.Touchpoint`'s fields, so a row builds a card positionally."""
TOUCHPOINT_COLUMNS = tuple(TOUCHPOINTS.c[name] for name in TOUCHPOINT_FIELDS)
