"""Core `Table` handles for the store's statements (column selects skip the ORM's per-row cost)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from cjmapper import card_fields
from cjmapper.store.schema import JourneyRow, JourneyVersionRow, LaneRow, MetaRow, PhaseRow, TouchpointRow

META = cast(Table, MetaRow.__table__)
JOURNEYS = cast(Table, JourneyRow.__table__)
PHASES = cast(Table, PhaseRow.__table__)
LANES = cast(Table, LaneRow.__table__)
TOUCHPOINTS = cast(Table, TouchpointRow.__table__)
VERSIONS = cast(Table, JourneyVersionRow.__table__)

TOUCHPOINT_FIELDS = card_fields.ROW
"""Touchpoint columns in the order of `model.Touchpoint`'s fields, so a row builds a card positionally."""
TOUCHPOINT_COLUMNS = tuple(TOUCHPOINTS.c[name] for name in TOUCHPOINT_FIELDS)
