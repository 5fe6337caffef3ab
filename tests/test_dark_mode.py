"""Dark mode: the canvas and the persona strip follow the system's colour scheme, live, and stay readable; pictures
stay light. Measured on the real window's pixels: the background is dark, text reads against what it stands on at a
contrast of at least 4.5:1 (WCAG 2), icons stand out from their card and header as much; an exported PNG is light.

Qt's offscreen platform (and xcb without a desktop theme) keeps the colour scheme Unknown and ignores
`QStyleHints.setColorScheme`: there a dark application palette is what turns the map dark, and a desktop's change of
scheme is the `colorSchemeChanged` signal a desktop platform emits, emitted here as it would."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cjmapper import style
from cjmapper.model import LaneKind
from cjmapper.store import Library
from cjmapper.templates import load_example
from tests.window_helpers import open_window
from ui.canvas.items import CardItem
from ui.canvas.scene import JourneyScene
from ui.canvas.theme import DARK, LIGHT, MIN_CONTRAST, CanvasTheme, contrast, current_theme, is_dark
from ui.export import pictures
from ui.window.main_window import MainWindow


@pytest.fixture
def path(tmp_path: Path) -> Path:
    with Library.open(tmp_path / "dark.cjm") as lib:
        lib.create_journey(load_example("en"))  # a persona, cards with channels in every kind of lane
    return tmp_path / "dark.cjm"


def dark_palette() -> QPalette:
    """A desktop's dark palette: dark windows and bases, light text."""
    palette = QPalette(QColor("#2b2b2b"))
    for role, value in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#f0f0f0"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#f0f0f0"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#f0f0f0"),
        (QPalette.ColorRole.Highlight, "#3d7ae0"),
    ):
        palette.setColor(role, QColor(value))
    return palette


@pytest.fixture
def system_colours(qapp: QApplication) -> Iterator[None]:
    """Whatever a test does to the palette or the announced scheme is undone afterwards."""
    palette = QPalette(qapp.palette())
    yield
    qapp.setPalette(palette)
    qapp.styleHints().colorSchemeChanged.emit(qapp.styleHints().colorScheme())
    qapp.processEvents()
    assert not current_theme().dark


def luminance(colour: QColor) -> float:
    return style.relative_luminance((colour.redF(), colour.greenF(), colour.blueF()))


def pixels(image: QImage, rect: QRectF) -> list[QColor]:
    r = rect.toAlignedRect().intersected(image.rect())
    return [image.pixelColor(x, y) for y in range(r.top(), r.bottom() + 1) for x in range(r.left(), r.right() + 1)]


def ground_and_contrast(image: QImage, rect: QRectF) -> tuple[QColor, float]:
    """The most common colour in `rect` (what the marks stand on) and the highest contrast of any pixel against it
    (the marks' full ink: text stems and icon strokes are solid at the zoom the tests use)."""
    found = pixels(image, rect)
    assert found, rect
    ground = QColor.fromRgb(Counter(c.rgb() for c in found).most_common(1)[0][0])
    return ground, max(contrast(ground, c) for c in found)


def grab(window: MainWindow) -> QImage:
    QApplication.processEvents()
    assert window.view.zoom == 2.0
    return window.view.viewport().grab().toImage()


def on_screen(window: MainWindow, scene_rect: QRectF) -> QRectF:
    return QRectF(window.view.mapFromScene(scene_rect).boundingRect())


def card_per_lane(scene: JourneyScene) -> dict[LaneKind, CardItem]:
    kinds = {lane.id: lane.kind for lane in scene.journey.lanes}
    found: dict[LaneKind, CardItem] = {}
    for box in scene.layout.cards.values():
        item = scene.card_item(box.touchpoint_id)
        kind = kinds[box.lane_id]
        if item is not None and kind not in found and item.card.channel:
            found[kind] = item
    return found


def assert_readable_map(window: MainWindow, dark: bool) -> None:
    """The canvas' background, a cell, each lane's first card (title, channel icon and name), a phase header and a
    lane header (text and icon), measured on the view's pixels at 200%."""
    view, scene = window.view, window.view.scene()
    assert isinstance(scene, JourneyScene)
    QApplication.processEvents()  # the journey's first fit to the window comes after opening it
    view.set_zoom(2.0)
    layout = scene.layout
    view.centerOn(0.0, 0.0)  # the map's top left corner with the margin around it
    background = grab(window)
    corner = on_screen(window, QRectF(-12.0, -12.0, 8.0, 8.0))
    ground, _ = ground_and_contrast(background, corner)
    assert (luminance(ground) < 0.05) == dark, ground.name()
    phase = scene.phase_header(layout.phases[0].phase_id)
    lane = scene.lane_header(layout.lanes[0].lane_id)
    assert phase is not None
    assert lane is not None
    shot = grab(window)
    name = on_screen(window, phase.mapRectToScene(phase.name_rect()))
    ground, best = ground_and_contrast(shot, name)
    assert (luminance(ground) < 0.05) == dark, ground.name()
    assert best >= MIN_CONTRAST, ("phase name", ground.name(), best)
    icon = on_screen(window, lane.mapRectToScene(QRectF(12.0, 13.0, 20.0, 20.0)))
    ground, best = ground_and_contrast(shot, icon)
    assert (luminance(ground) < 0.05) == dark, ground.name()
    assert best >= MIN_CONTRAST, ("lane icon", ground.name(), best)
    cards = card_per_lane(scene)
    assert len(cards) >= 4, cards.keys()
    for kind, card in cards.items():
        view.centerOn(card)
        view.ensureVisible(card.sceneBoundingRect(), 8, 8)  # out from under the headers where they stick
        shot = grab(window)
        parts = card.box.parts(scene.metrics)
        title = on_screen(window, card.mapRectToScene(card.title_rect()))
        body, best = ground_and_contrast(shot, title)
        assert (luminance(body) < 0.18) == dark, (kind, body.name())
        assert best >= MIN_CONTRAST, (kind, "title", body.name(), best)
        icon = on_screen(window, card.mapRectToScene(QRectF(parts.icon.x, parts.icon.y, parts.icon.width,
                                                             parts.icon.height)))  # fmt: skip
        ground, best = ground_and_contrast(shot, icon)
        assert ground.rgb() == body.rgb(), kind
        assert best >= MIN_CONTRAST, (kind, "channel icon", body.name(), best)
        label = QRectF(
            parts.label_x, parts.icon.y, parts.badge_x - parts.badge_radius - parts.label_x, parts.icon.height
        )
        ground, best = ground_and_contrast(shot, on_screen(window, card.mapRectToScene(label)))
        assert best >= MIN_CONTRAST, (kind, "channel name", ground.name(), best)
    card = next(iter(cards.values()))
    assert scene.edit_title(card.touchpoint_id)  # the title typed in place, in the theme's colours
    shot = grab(window)
    editing = on_screen(window, scene.editor.sceneBoundingRect()).adjusted(4, 4, -4, -4)
    ground, best = ground_and_contrast(shot, editing)
    scene.editor.cancel()
    assert (luminance(ground) < 0.18) == dark, ground.name()
    assert best >= MIN_CONTRAST, ("title editor", ground.name(), best)


def assert_readable_strip(window: MainWindow, dark: bool) -> None:
    strip = window.persona_strip
    assert strip.isVisible()
    assert strip.persona is not None
    shot = strip.grab().toImage()
    for segment, box in strip.segment_boxes():
        if not segment.text.strip() or box.width() <= 0:
            continue
        ground, best = ground_and_contrast(shot, box)
        assert (luminance(ground) < 0.05) == dark, (segment.kind, ground.name())
        assert best >= MIN_CONTRAST, (segment.kind, ground.name(), best)


def assert_readable_channel_palette(window: MainWindow, dark: bool) -> None:
    """The channel palette's icons stand out from the list they are in (drawn in the list's text colour on dark)."""
    palette = window.channel_palette
    palette.show()
    window.palette_dock.raise_()
    QApplication.processEvents()
    channels = palette.channel_list
    shot = channels.viewport().grab().toImage()
    size = channels.iconSize()
    for row in range(min(4, channels.count())):
        item = channels.visualItemRect(channels.item(row))
        icon = QRectF(item.left(), item.top(), size.width() + 6, item.height())  # the icon and a margin around it
        ground, best = ground_and_contrast(shot, icon)
        assert (luminance(ground) < 0.05) == dark, ground.name()
        assert best >= MIN_CONTRAST, (row, ground.name(), best)


def test_the_map_and_the_persona_strip_turn_dark_with_the_palette_and_back(
    qtbot: QtBot, path: Path, system_colours: None, qapp: QApplication
) -> None:
    window = open_window(qtbot, path, journey=1)
    try:
        assert_readable_map(window, dark=False)
        assert_readable_strip(window, dark=False)
        assert_readable_channel_palette(window, dark=False)
        qapp.setPalette(dark_palette())  # as a desktop turning dark hands its palette over: live, no restart
        qtbot.waitUntil(lambda: current_theme().dark)
        assert_readable_map(window, dark=True)
        assert_readable_strip(window, dark=True)
        assert_readable_channel_palette(window, dark=True)
        qapp.setPalette(qapp.style().standardPalette())
        qtbot.waitUntil(lambda: not current_theme().dark)
        assert_readable_map(window, dark=False)
        assert_readable_strip(window, dark=False)
        assert_readable_channel_palette(window, dark=False)
    finally:
        window.close()
        window.library.close()


def test_the_map_follows_the_systems_colour_scheme(
    qtbot: QtBot, path: Path, system_colours: None, qapp: QApplication
) -> None:
    window = open_window(qtbot, path, journey=1)
    hints = qapp.styleHints()
    try:
        hints.setColorScheme(Qt.ColorScheme.Dark)  # a desktop switches; offscreen ignores it, so it is announced
        if hints.colorScheme() is not Qt.ColorScheme.Dark:
            hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        qtbot.waitUntil(lambda: current_theme().dark)
        assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightnessF() > 0.5  # the palette did not
        assert_readable_map(window, dark=True)
        assert_readable_strip(window, dark=True)
        hints.unsetColorScheme()
        if hints.colorScheme() is not Qt.ColorScheme.Light:
            hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        qtbot.waitUntil(lambda: not current_theme().dark)
        assert_readable_map(window, dark=False)
    finally:
        window.close()
        window.library.close()


def test_exported_pictures_stay_light_on_a_dark_screen(
    qtbot: QtBot, path: Path, system_colours: None, qapp: QApplication, tmp_path: Path
) -> None:
    window = open_window(qtbot, path, journey=1)
    try:
        qapp.setPalette(dark_palette())
        qtbot.waitUntil(lambda: current_theme().dark)
        scene = window.view.scene()
        assert isinstance(scene, JourneyScene)
        assert scene.theme is DARK  # the window's map is dark, the picture of it is not
        document = scene.document
        target = tmp_path / "map.png"
        pictures.save_picture(document, target, "png", 96)
        image = QImage(str(target))
        assert not image.isNull()
        corner = image.pixelColor(2, image.height() - 3)
        assert corner.name() == style.SCENE_BACKGROUND
        light = sum(luminance(image.pixelColor(x, y)) > 0.5 for y in range(0, image.height(), 7)
                    for x in range(0, image.width(), 7))  # fmt: skip
        total = len(range(0, image.height(), 7)) * len(range(0, image.width(), 7))
        assert light / total > 0.8, light / total
        svg = tmp_path / "map.svg"
        pictures.save_picture(document, svg, "svg")
        drawn = svg.read_text(encoding="utf-8").lower()
        assert style.SCENE_BACKGROUND in drawn
        assert style.INK in drawn
        assert DARK.ink.name() not in drawn
        assert DARK.cell.name() not in drawn
    finally:
        window.close()
        window.library.close()


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize(
    "colour", [*style.LANE_COLORS.values(), "#000000", "#ffffff", "#ffff00", "#0000ff", "#ff0000", "#00ff00"]
)
def test_every_card_colour_keeps_its_text_readable(colour: str, theme: CanvasTheme) -> None:
    """The lane colours, and the extremes a user may pick: a card's text reads at 4.5:1 at least on its body."""
    body = theme.card_body(QColor(colour))
    assert contrast(theme.ink, body) >= MIN_CONTRAST
    assert contrast(theme.muted_ink, body) >= MIN_CONTRAST
    if theme.dark:  # the vote dots and the empty score ring stand out from the card (3:1, WCAG's for graphics)
        assert contrast(theme.vote_dot, body) >= 3.0
        assert contrast(theme.no_score, body) >= 3.0
    if theme.dark and colour in style.LANE_COLORS.values():  # still the lane's colour, not the plain dark cell
        base = theme.card_base
        assert max(abs(body.red() - base.red()), abs(body.green() - base.green()), abs(body.blue() - base.blue())) >= 20


def test_the_scheme_decides_and_the_palette_only_when_it_is_unknown() -> None:
    light, dark = QPalette(QColor("#efefef")), dark_palette()
    assert is_dark(Qt.ColorScheme.Dark, light)
    assert not is_dark(Qt.ColorScheme.Light, dark)
    assert is_dark(Qt.ColorScheme.Unknown, dark)
    assert not is_dark(Qt.ColorScheme.Unknown, light)
