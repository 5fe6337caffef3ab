"""The library store: journeys in one SQLite file, changed only through `Library`'s edit API."""

from cjmapper.store.library import UNSET, Cell, CellOrders, LaneRemoval, Library, PhaseRemoval
from cjmapper.store.reading import JourneyInfo

__all__ = ["UNSET", "Cell", "CellOrders", "JourneyInfo", "LaneRemoval", "Library", "PhaseRemoval"]
