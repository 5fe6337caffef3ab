"""User text in places where Qt reads more into it: tooltips (Qt guesses rich text) and action or button texts (an
"&" marks the mnemonic letter), escaped so it shows as typed."""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that shows exactly what was typed: "<b>" stays "<b>", "&amp;" stays "&amp;", line breaks
    stay line breaks (Qt would otherwise render text that looks like markup as rich text)."""
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{escaped}</p>"


def action_text(text: str) -> str:
    """User text (a title, a file name) inside a menu entry's or button's text: each "&" doubled, so Qt shows it
    instead of taking it as the mnemonic mark ("Jansen & Zn." stays "Jansen & Zn.", not "Jansen  Zn.")."""
    return text.replace("&", "&&")


def shown_text(text: str) -> str:
    """A menu entry's or button's text as Qt shows it: without its mnemonic mark, an "&&" as one "&"
    ("&Undo Rename “A && B”" -> "Undo Rename “A & B”")."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))
