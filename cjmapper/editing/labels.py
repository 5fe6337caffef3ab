"""Edit menu labels of the editing commands, made without Qt and translated by the front end.

The core cannot call Qt's translator, so a command's label is a `Label`: a source text marked with `marked()` (a
no-op the translation tool `tools/i18n_tools.py` picks up, filing it under `CONTEXT` as the front end looks it up)
and the values for its `{0}`, `{1}` placeholders. The front end's undo adapter (`ui.editing.commands`) translates
the source and fills in the values; `str(label)` gives the English text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

CONTEXT = "JourneyDocument"
"""The translation context of the labels and of the document's messages."""


def marked(text: str) -> str:
    """Mark `text` as a label source for the translation tool; returns it unchanged."""
    return text


def _same(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Label:
    """An Edit menu label: a marked source text and the values of its placeholders. A `verbatim` label (one
    the caller already wrote in the user's language) is shown as it is: neither translated nor formatted."""

    source: str = ""
    values: tuple[object, ...] = ()
    verbatim: bool = False

    def text(self, translate: Callable[[str], str] = _same) -> str:
        if self.verbatim or not self.source:
            return self.source
        return translate(self.source).format(*self.values)

    def __str__(self) -> str:
        return self.text()


def quoted(text: str, limit: int = 40) -> str:
    """A name for an Edit menu label: one line, at most `limit` characters, in quotes."""
    line = " ".join(text.split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return f"“{line}”"
