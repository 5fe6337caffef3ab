"""Where cjmapper's bundled resources (templates, fonts, icons, translations) live."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of a bundled resource, e.g. `resource("templates", "aida.en.json")`."""
    return RESOURCES.joinpath(*parts)
