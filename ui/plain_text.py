"""User text in places where Qt guesses rich text (tooltips): escaped, so markup shows as typed."""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that shows exactly what was typed: "<b>" stays "<b>", "&amp;" stays "&amp;", line breaks
    stay line breaks (Qt would otherwise render text that looks like markup as rich text)."""
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{escaped}</p>"
