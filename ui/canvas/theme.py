"""The canvas' colours in one place: a light and a dark `CanvasTheme`, and which one the system wants now.

The map follows the system's colour scheme (Qt's `QStyleHints.colorScheme()`, live through its `colorSchemeChanged`
signal); where the platform does not say (`Qt.ColorScheme.Unknown`), the application palette decides: a window colour
darker than its text is a dark scheme. `scheme_watch().changed` hands the new theme to the scenes and the persona
strip, which repaint in it. A picture (PNG/SVG export) is always drawn in `LIGHT`, like the poster.

The light theme is `cjmapper.style`'s colours, as the poster prints them. The dark one keeps every card in its lane's
colour, mixed into the dark cell (the stripe shows all of it), with light text: `card_body` takes less of the colour
where the text would read at a contrast below 4.5:1 (WCAG 2). Icons are tinted to the text colour on dark.

The panels' warning and error texts take their colours from here too (`message_colour`, `MessageInk`): a light and a
dark form, each reading at 4.5:1 or more on the window it stands on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from cjmapper import style

MIN_CONTRAST = 4.5
"""The lowest contrast between text and the card it stands on (WCAG 2, level AA for body text)."""


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2's contrast ratio of two colours (1 .. 21)."""
    la = style.relative_luminance((a.redF(), a.greenF(), a.blueF()))
    lb = style.relative_luminance((b.redF(), b.greenF(), b.blueF()))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def mix(colour: QColor, base: QColor, amount: float) -> QColor:
    """`colour` mixed into `base`: amount 0 is `base`, 1 is `colour`."""
    return QColor.fromRgbF(
        base.redF() + (colour.redF() - base.redF()) * amount,
        base.greenF() + (colour.greenF() - base.greenF()) * amount,
        base.blueF() + (colour.blueF() - base.blueF()) * amount,
    )


@dataclass(frozen=True, eq=False)
class CanvasTheme:
    """Every colour the canvas and the persona strip paint with (`dark` says which theme it is)."""

    dark: bool
    background: QColor
    grid_line: QColor
    cell: QColor
    cell_alt: QColor
    header: QColor
    lane_header: QColor
    lane_header_alt: QColor
    corner: QColor
    curve_background: QColor
    curve_guide: QColor
    curve_line: QColor
    label_background: QColor
    ink: QColor
    muted_ink: QColor
    card_border: QColor
    card_share: float
    """How much of its colour a card's body shows, mixed into `card_base`."""
    card_base: QColor
    shadow: QColor
    shadow_near: QColor
    shadow_far: QColor
    vote_dot: QColor
    no_score: QColor
    """The empty ring of an unscored card in a touchpoints lane."""
    icon: QColor | None
    """The colour icons are tinted to; None: as drawn (dark slate)."""
    editor_background: QColor
    focus_veil: QColor
    persona_background: QColor
    persona_hover: QColor
    persona_border: QColor
    link: QColor
    _bodies: dict[int, QColor] = field(default_factory=dict, repr=False)

    def card_body(self, colour: QColor) -> QColor:
        """A card's fill: its colour mixed into the card base, less of it where the text would read below
        `MIN_CONTRAST` (cached per colour)."""
        body = self._bodies.get(colour.rgb())
        if body is None:
            share = self.card_share
            body = mix(colour, self.card_base, share)
            while share > 0.01 and min(contrast(self.ink, body), contrast(self.muted_ink, body)) < MIN_CONTRAST:
                share -= 0.02
                body = mix(colour, self.card_base, share)
            self._bodies[colour.rgb()] = body
        return body

    def on_surface(self, colour: QColor, amount: float) -> QColor:
        """`colour` made to read on the canvas: mixed with black by `amount` (0..1) on light, with white by at least
        half on dark (the score colours and phase colours are mid-dark)."""
        if self.dark:
            return mix(QColor("#ffffff"), colour, max(amount, 0.5))
        return mix(QColor("#000000"), colour, amount)


def _c(value: str, alpha: int = 255) -> QColor:
    colour = QColor(value)
    colour.setAlpha(alpha)
    return colour


LIGHT = CanvasTheme(
    dark=False,
    background=_c(style.SCENE_BACKGROUND),
    grid_line=_c(style.GRID_LINE),
    cell=_c(style.CELL_BACKGROUND),
    cell_alt=_c(style.CELL_BACKGROUND_ALT),
    header=_c(style.HEADER_BACKGROUND),
    lane_header=_c(style.LANE_HEADER_BACKGROUND),
    lane_header_alt=_c(style.LANE_HEADER_BACKGROUND_ALT),
    corner=_c(style.CORNER_BACKGROUND),
    curve_background=_c(style.CURVE_BACKGROUND),
    curve_guide=_c(style.CURVE_GUIDE),
    curve_line=_c(style.CURVE_LINE),
    label_background=_c("#ffffff", 230),
    ink=_c(style.INK),
    muted_ink=_c(style.MUTED_INK),
    card_border=_c(style.CARD_BORDER),
    card_share=style.CARD_TINT,
    card_base=_c("#ffffff"),
    shadow=QColor(15, 23, 42, 30),
    shadow_near=QColor(15, 23, 42, 34),
    shadow_far=QColor(15, 23, 42, 22),
    vote_dot=_c(style.VOTE_DOT),
    no_score=_c(style.NO_SCORE),
    icon=None,
    editor_background=_c("#ffffff"),
    focus_veil=QColor(246, 247, 249, 165),
    persona_background=_c("#f6f4ee"),
    persona_hover=_c("#ebe7dc"),
    persona_border=_c(style.GRID_LINE),
    link=_c("#2f5fb3"),
)
"""The poster's colours: dark ink on light cards (pictures always use it)."""

DARK = CanvasTheme(
    dark=True,
    background=_c("#12161c"),
    grid_line=_c("#3a4350"),
    cell=_c("#1c2129"),
    cell_alt=_c("#1f252e"),
    header=_c("#232a33"),
    lane_header=_c("#222831"),
    lane_header_alt=_c("#262d37"),
    corner=_c("#2b323d"),
    curve_background=_c("#1a1f26"),
    curve_guide=_c("#323a45"),
    curve_line=_c("#c9d2dd"),
    label_background=_c("#1c2129", 230),
    ink=_c("#eef1f5"),
    muted_ink=_c("#c3cbd5"),
    card_border=_c("#4b5563"),
    card_share=0.3,
    card_base=_c("#1c2129"),
    shadow=QColor(0, 0, 0, 90),
    shadow_near=QColor(0, 0, 0, 110),
    shadow_far=QColor(0, 0, 0, 70),
    vote_dot=_c("#8fb1ff"),
    no_score=_c("#aab5c3"),
    icon=_c("#eef1f5"),
    editor_background=_c("#2b323d"),
    focus_veil=QColor(18, 22, 28, 165),
    persona_background=_c("#1f242b"),
    persona_hover=_c("#2a3039"),
    persona_border=_c("#3a4350"),
    link=_c("#8fb1ff"),
)
"""Light text on dark cells; cards in their lane's colour mixed into the dark, icons in the text colour."""


def is_dark(scheme: Qt.ColorScheme, palette: QPalette) -> bool:
    """Whether `scheme` is dark; when it is Unknown, whether `palette`'s window is darker than its text."""
    if scheme is Qt.ColorScheme.Dark:
        return True
    if scheme is Qt.ColorScheme.Light:
        return False
    window = palette.color(QPalette.ColorRole.Window).lightnessF()
    return window < palette.color(QPalette.ColorRole.WindowText).lightnessF()


class SchemeWatch(QObject):
    """Tells (`changed`, with the theme) when the system's colour scheme or the application's palette turns the
    canvas from light to dark or back."""

    changed = Signal(object)

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self._scheme = app.styleHints().colorScheme()
        self.theme = DARK if is_dark(self._scheme, app.palette()) else LIGHT
        app.styleHints().colorSchemeChanged.connect(self._scheme_changed)
        app.installEventFilter(self)

    def _scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        self._scheme = scheme
        self._check()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ApplicationPaletteChange and watched is QGuiApplication.instance():
            self._check()
        return False

    def _check(self) -> None:
        theme = DARK if is_dark(self._scheme, QGuiApplication.palette()) else LIGHT
        if theme is not self.theme:
            self.theme = theme
            self.changed.emit(theme)


MESSAGE_COLOURS: dict[str, tuple[str, str]] = {"warning": ("#a03a00", "#ffb27a"), "error": ("#b3261e", "#ff8a80")}
"""The panels' and bars' message texts, by kind: a warning in orange, an error in red; each for a light window and
for a dark one. `message_colour` gives the one to use."""


def message_colour(kind: str, palette: QPalette | None = None) -> QColor:
    """The colour of a warning ("warning") or error ("error") text on the window of `palette` (default: the
    application's): its light or dark form as the window is, taken towards the window's text colour where it would
    read below `MIN_CONTRAST` against the window (a desktop's own dark or light grey)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    light, dark = MESSAGE_COLOURS[kind]
    base = QColor(light if window.lightnessF() >= 0.5 else dark)
    text = palette.color(QPalette.ColorRole.WindowText)
    colour, amount = base, 0.0
    while contrast(colour, window) < MIN_CONTRAST and amount < 1.0:
        amount = min(1.0, amount + 0.05)
        colour = mix(text, base, amount)
    return colour


class MessageInk(QObject):
    """Keeps a widget's text in a message colour (`message_colour`; `kind` None: the palette's own), again whenever
    the system's scheme or the application's palette turns light or dark. Lives as long as the widget."""

    def __init__(self, widget: QWidget, kind: str | None = "warning") -> None:
        super().__init__(widget)
        self._widget = widget
        self.kind = kind
        scheme_watch().changed.connect(self._apply)
        self._apply()

    def set_kind(self, kind: str | None) -> None:
        if kind != self.kind:
            self.kind = kind
            self._apply()

    def colour(self) -> QColor | None:
        """The colour the text has now (None: the palette's)."""
        return message_colour(self.kind) if self.kind is not None else None

    def _apply(self, _theme: object = None) -> None:
        colour = self.colour()
        self._widget.setStyleSheet("" if colour is None else f"color: {colour.name()};")


_watch: SchemeWatch | None = None


def scheme_watch() -> SchemeWatch:
    """The application's one `SchemeWatch` (made on first use; needs a QGuiApplication)."""
    global _watch
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("The canvas theme needs a QGuiApplication.")
    if _watch is None or not shiboken6.isValid(_watch) or _watch.parent() is not app:
        _watch = SchemeWatch(app)
    return _watch


def current_theme() -> CanvasTheme:
    """The theme the system's colour scheme asks for now."""
    return scheme_watch().theme


def theme_of(scene: object) -> CanvasTheme:
    """The theme of the scene an item stands in (`LIGHT` outside a journey scene)."""
    theme = getattr(scene, "theme", None)
    return theme if isinstance(theme, CanvasTheme) else LIGHT
