"""PDF journey posters, drawn with reportlab from the same `Layout` as the canvas.

`render_poster(journey, target, options)` writes one poster page (or, with `options.tile`, an assembly sheet and
the tiles for an office printer). `plan_poster` answers the questions a dialog asks before drawing: scale, body
text size, sheet count and the legibility warning.
"""

from cjmapper.poster.paper import A0, A1, A2, A3, A4, PAPERS, TILE_PAPERS, Paper, parse_paper
from cjmapper.poster.render import (
    ExportCancelledError,
    PosterOptions,
    PosterPlan,
    Progress,
    plan_poster,
    render_poster,
)

__all__ = [
    "A0",
    "A1",
    "A2",
    "A3",
    "A4",
    "PAPERS",
    "TILE_PAPERS",
    "ExportCancelledError",
    "Paper",
    "PosterOptions",
    "PosterPlan",
    "Progress",
    "parse_paper",
    "plan_poster",
    "render_poster",
]
