"""Mime types dragged between the rooms of the window (the palette drags a channel onto the canvas), here so that
neither room imports the other for them."""

from __future__ import annotations

CHANNEL_MIME = "application/x-cjmapper-channel"
"""Mime type of a dragged channel; the data is the channel (catalogue key or free text) in UTF-8."""
