"""A format the export table (`cjmapper.exports`) does not hold, for tests that add one: each format has its own
writer, and none may be written by another's (as anything not JSON once was written as CSV)."""

from __future__ import annotations

from pathlib import Path

from cjmapper.exports import ExportFormat, Extra
from cjmapper.model import Journey


def outline(journey: Journey) -> str:
    """The journey's cards as a Markdown list."""
    return "".join(f"- {card.title}\n" for card in journey.touchpoints)


def _write_outline(journey: Journey, path: Path, _extra: Extra = None) -> None:
    path.write_text(outline(journey), encoding="utf-8")


def _outline_text(journey: Journey, _extra: Extra = None) -> str:
    return outline(journey)


OUTLINE = ExportFormat("md", ".md", "journey", False, False, _write_outline, _outline_text)
