"""The journey canvas: the map drawn with QGraphicsScene/QGraphicsView and edited in place.

`JourneyScene(document)` holds one item per model object and keeps them in step with a `JourneyDocument`;
`JourneyView` shows it with zoom, pan and the canvas' keyboard. See `ui.canvas.scene` and `ui.canvas.view`.
"""

from __future__ import annotations

from ..mime import CHANNEL_MIME
from .clipboard import CARDS_MIME
from .scene import JourneyScene
from .view import JourneyView

__all__ = ["CARDS_MIME", "CHANNEL_MIME", "JourneyScene", "JourneyView"]
