"""The library store: journeys in one SQLite file, changed only through `Library`'s edit API."""

from cjmapper.store.library import UNSET, LaneRemoval, Library, PhaseRemoval, Placement
from cjmapper.store.reading import JourneyInfo
from cjmapper.store.versions import VersionInfo, VersionRemoval

__all__ = [
    "UNSET",
    "JourneyInfo",
    "LaneRemoval",
    "Library",
    "PhaseRemoval",
    "Placement",
    "VersionInfo",
    "VersionRemoval",
]
