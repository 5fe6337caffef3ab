"""The canvas for screen readers: the map's headers, cells and cards as accessible items with names and roles.

Qt's accessibility sees nothing inside a QGraphicsView. `install()` (every `JourneyView` calls it) adds a factory
that gives the view a `CanvasInterface`, a table whose children are

- the phase headers (role ColumnHeader, named by the phase; described "Phase 2 of 5, 4 touchpoints, average 3.6"),
- per lane its header (RowHeader, named by the lane, described by its kind), then its cells (Cell: "Touchpoints,
  Orientation: 3 cards"), or for an emotions lane its experience curve (Chart, described by each phase's average),
- then the view's scroll bars;

and a cell's children are its cards (ListItem, named as a reader should hear them: "title, channel, score 4,
2 votes"; described by their notes, expectation, owner and status). While a title or name is edited in place, the
editor is one more child (EditableText, named "Card title", "Phase name" or "Lane name", its text the value). The
editor, else the current card (the one the arrow keys move from), else quick capture's cell is the view's focus
child, with the state focused; when it changes, it gets a focus event, so a screen reader reads each card (or cell)
as the user arrows through the map, and says where typing goes.

Everything is read from the scene's layout and journey when asked: a card needs no scene item, and a map of 50,000
cards makes no interface until a reader walks it.

Lifetime: Qt's accessibility cache keeps each interface by pointer, but PySide keeps a Python-made interface alive
only while Python holds it. So a canvas' `CanvasNodes` holds its nodes by key and registers each with the cache; a
node whose item went is deleted from the cache first and only then let go (after each change of the journey), and
all of them go when the view is destroyed or the program ends.
"""

from __future__ import annotations

import atexit
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QRectF
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface, QWindow
from PySide6.QtWidgets import QAccessibleWidget, QGraphicsView

from cjmapper import card_fields
from cjmapper.editing.changes import ChangeKind
from cjmapper.layout import Layout, Rect
from cjmapper.model import Journey, Lane, Phase, Touchpoint, summarize

from ..i18n import decimal
from .items import lane_kind_name
from .scene import JourneyScene

if TYPE_CHECKING:
    from collections.abc import Iterable

    from cjmapper.editing.changes import Change

CONTEXT = "CanvasAccessibility"
VIEW_CLASS = "JourneyView"
"""The class name the factory answers for (`ui.canvas.view.JourneyView`, which imports this module)."""

PHASE, LANE, CELL, CURVE, CARD, EDITOR = "phase", "lane", "cell", "curve", "card", "editor"
Key = tuple[str, int] | tuple[str, int, int]
"""(PHASE, phase id), (LANE, lane id), (CELL, phase id, lane id), (CURVE, lane id), (CARD, touchpoint id), and
(EDITOR, 0): the in-place editor of a title or name, while it is open."""
EDITING: Key = (EDITOR, 0)

ROLES = {
    PHASE: QAccessible.Role.ColumnHeader,
    LANE: QAccessible.Role.RowHeader,
    CELL: QAccessible.Role.Cell,
    CURVE: QAccessible.Role.Chart,
    CARD: QAccessible.Role.ListItem,
    EDITOR: QAccessible.Role.EditableText,
}


def tr(text: str) -> str:
    """`text` translated in the context of the canvas' accessible items."""
    return QCoreApplication.translate(CONTEXT, text)


# ---------------------------------------------------------------------- what a reader hears


def card_name(card: Touchpoint, channel: str) -> str:
    """The card as a screen reader says it: "title, channel, score 4, 2 votes" (`channel` as the card shows it)."""
    parts = [card.title.strip() or tr("Untitled card")]
    if channel:
        parts.append(channel)
    if card.score is not None:
        parts.append(tr("score %1").replace("%1", str(card.score)))
    if card.votes:
        parts.append(tr("1 vote") if card.votes == 1 else tr("%1 votes").replace("%1", str(card.votes)))
    return ", ".join(parts)


def card_description(card: Touchpoint) -> str:
    """The card's other fields a reader may want: notes, expectation, owner and status (one a line)."""
    lines = [card.notes.strip()] if card.notes.strip() else []
    if card.expectation.strip():
        lines.append(tr("Expectation: %1").replace("%1", card.expectation.strip()))
    if card.owner.strip():
        lines.append(tr("Owner: %1").replace("%1", card.owner.strip()))
    if card.status is not None:
        label = dict(card_fields.BY_NAME["status"].choices).get(card.status, str(card.status))
        status = QCoreApplication.translate(card_fields.CONTEXT, label)
        lines.append(tr("Status: %1").replace("%1", status))
    return "\n".join(lines)


# ---------------------------------------------------------------------- the map as the reader walks it


@dataclass
class _Facts:
    """What the nodes read of one layout of one revision of the journey (made again when either changes)."""

    layout: Layout
    journey: Journey
    keys: list[Key] = field(default_factory=list)
    """The view's children before its scroll bars, in reading order."""
    index: dict[Key, int] = field(default_factory=dict)
    phases: dict[int, Phase] = field(default_factory=dict)
    lanes: dict[int, Lane] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.phases = {p.id: p for p in self.journey.phases}
        self.lanes = {lane.id: lane for lane in self.journey.lanes}
        keys: list[Key] = [(PHASE, p.phase_id) for p in self.layout.phases]
        for lane in self.layout.lanes:
            keys.append((LANE, lane.lane_id))
            kind = self.lanes[lane.lane_id].kind if lane.lane_id in self.lanes else None
            if kind is not None and not kind.holds_cards:
                keys.append((CURVE, lane.lane_id))
            else:
                keys.extend((CELL, p.phase_id, lane.lane_id) for p in self.layout.phases)
        self.keys = keys
        self.index = {key: i for i, key in enumerate(keys)}

    @cached_property
    def cards(self) -> dict[int, Touchpoint]:
        return {t.id: t for t in self.journey.touchpoints}

    @cached_property
    def summary(self) -> dict[int, tuple[int, float | None]]:
        """Each phase's card count and average score."""
        return {p.phase_id: (p.touchpoints, p.average) for p in summarize(self.journey).phases}

    def valid(self, key: Key) -> bool:
        kind = key[0]
        if kind == CARD:
            return key[1] in self.layout.cards
        return key in self.index

    def rect(self, key: Key) -> Rect | None:
        layout = self.layout
        kind = key[0]
        if kind == CARD:
            box = layout.cards.get(key[1])
            return box.rect if box is not None else None
        if kind == CELL:
            cell = layout.cells.get((key[1], key[2]))  # type: ignore[misc]
            return cell.rect if cell is not None else None
        if kind == PHASE:
            return next((p.header for p in layout.phases if p.phase_id == key[1]), None)
        lane = next((lane for lane in layout.lanes if lane.lane_id == key[1]), None)
        if lane is None:
            return None
        return lane.header if kind == LANE else lane.row

    def children(self, key: Key) -> tuple[Key, ...]:
        if key[0] != CELL:
            return ()
        cell = self.layout.cells.get((key[1], key[2]))  # type: ignore[misc]
        return tuple((CARD, card_id) for card_id in cell.card_ids) if cell is not None else ()

    def parent(self, key: Key) -> Key | None:
        """A card's cell (None for the view's own children)."""
        if key[0] != CARD:
            return None
        box = self.layout.cards.get(key[1])
        return (CELL, box.phase_id, box.lane_id) if box is not None else None

    def name(self, key: Key) -> str:
        kind = key[0]
        if kind == CARD:
            card, box = self.cards.get(key[1]), self.layout.cards.get(key[1])
            return card_name(card, box.channel_label) if card is not None and box is not None else ""
        if kind == PHASE:
            phase = self.phases.get(key[1])
            return phase.name if phase is not None else ""
        if kind == CELL:
            phase, lane = self.phases.get(key[1]), self.lanes.get(key[2])  # type: ignore[misc]
            count = len(self.children(key))
            if count == 0:
                text = tr("%1, %2: no cards")
            else:
                text = tr("%1, %2: 1 card") if count == 1 else tr("%1, %2: %3 cards").replace("%3", str(count))
            return text.replace("%1", lane.name if lane else "").replace("%2", phase.name if phase else "")
        lane = self.lanes.get(key[1])
        return lane.name if lane is not None else ""

    def description(self, key: Key) -> str:
        kind = key[0]
        if kind == CARD:
            card = self.cards.get(key[1])
            return card_description(card) if card is not None else ""
        if kind == PHASE:
            order = [p.phase_id for p in self.layout.phases]
            count, average = self.summary.get(key[1], (0, None))
            parts = [
                tr("Phase %1 of %2").replace("%1", str(order.index(key[1]) + 1)).replace("%2", str(len(order))),
                tr("1 touchpoint") if count == 1 else tr("%1 touchpoints").replace("%1", str(count)),
            ]
            if average is not None:
                parts.append(tr("average score %1").replace("%1", decimal(average)))
            return ", ".join(parts)
        if kind == LANE:
            lane = self.lanes.get(key[1])
            return lane_kind_name(lane.kind) if lane is not None else ""
        if kind == CURVE:
            averages = []
            for p in self.layout.phases:
                phase, (_, average) = self.phases.get(p.phase_id), self.summary.get(p.phase_id, (0, None))
                if phase is not None and average is not None:
                    averages.append(
                        tr("%1: average score %2").replace("%1", phase.name).replace("%2", decimal(average))
                    )
            return "; ".join(averages) if averages else tr("No scored cards yet")
        return ""


class _Node(QAccessibleInterface):
    """One header, cell, curve or card of a canvas: everything it says comes from its `CanvasNodes`."""

    def __init__(self, canvas: CanvasNodes, key: Key) -> None:
        super().__init__()
        self.canvas = canvas
        self.key = key

    def isValid(self) -> bool:  # noqa: N802 - Qt's names, here and below
        return self.canvas.valid(self.key)

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]
        return self.canvas.window()

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return self.canvas.parent_of(self.key)

    def childCount(self) -> int:  # noqa: N802
        return len(self.canvas.children_of(self.key))

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        children = self.canvas.children_of(self.key)
        return self.canvas.node(children[index]) if 0 <= index < len(children) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        key = getattr(child, "key", None)
        children = self.canvas.children_of(self.key)
        return children.index(key) if key in children else -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        return self.canvas.child_at(self.canvas.children_of(self.key), QPoint(x, y))

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        return None

    def text(self, t: QAccessible.Text) -> str:
        return self.canvas.text(self.key, t)

    def setText(self, t: QAccessible.Text, text: str) -> None:  # noqa: N802
        pass

    def rect(self) -> QRect:
        return self.canvas.screen_rect(self.key)

    def role(self) -> QAccessible.Role:
        return ROLES[self.key[0]]

    def state(self) -> QAccessible.State:
        return self.canvas.state(self.key)


class CanvasNodes:
    """The accessible items of one view: made when asked, registered with Qt's cache, deleted when they go."""

    def __init__(self, view: QGraphicsView) -> None:
        self.view = view
        self._nodes: dict[Key, _Node] = {}
        self._ids: dict[Key, int] = {}
        self._facts: _Facts | None = None
        self._scene: JourneyScene | None = None
        self._watching: list[tuple[object, Callable[..., None]]] = []
        self._capture_cell: tuple[int, int] | None = None
        self._editing = False
        self._selected: frozenset[int] | None = None
        """The selected cards (read once per selection: a reader walking 5,000 selected cards asks 5,000 times)."""
        self._keys = _KeyWatch(self)
        self.follow_scene()

    # ------------------------------------------------------------------ the scene shown

    def scene(self) -> JourneyScene | None:
        if not shiboken6.isValid(self.view):
            return None
        if self.view.scene() is not self._scene:
            self.follow_scene()
        return self._scene

    def follow_scene(self) -> None:
        """Watch the view's scene now (another journey was opened): the old scene's nodes go."""
        for signal, slot in self._watching:
            with contextlib.suppress(RuntimeError, TypeError):  # the old scene or document is gone already
                signal.disconnect(slot)  # type: ignore[attr-defined]
        self._watching = []
        scene = self.view.scene() if shiboken6.isValid(self.view) else None
        self._scene = scene if isinstance(scene, JourneyScene) else None
        self._facts = None
        self._selected = None
        self._capture_cell = None
        self._editing = False
        self.drop(list(self._nodes))
        if self._scene is not None:
            self._watch(self._scene.document.changed, self._changed)
            self._watch(self._scene.selectionChanged, self._selection_changed)

    def _watch(self, signal: object, slot: Callable[..., None]) -> None:
        signal.connect(slot)  # type: ignore[attr-defined]
        self._watching.append((signal, slot))

    def facts(self) -> _Facts | None:
        scene = self.scene()
        if scene is None:
            return None
        layout, journey = scene.layout, scene.journey
        facts = self._facts
        if facts is None or facts.layout is not layout or facts.journey is not journey:
            facts = self._facts = _Facts(layout, journey)
        return facts

    # ------------------------------------------------------------------ nodes

    def node(self, key: Key) -> _Node:
        found = self._nodes.get(key)
        if found is None:
            found = self._nodes[key] = _Node(self, key)
            self._ids[key] = QAccessible.registerAccessibleInterface(found)
        return found

    def drop(self, keys: list[Key]) -> None:
        """Delete these nodes from Qt's cache, then let them go (the other way round would leave the cache a
        pointer to a deleted interface)."""
        for key in keys:
            node_id = self._ids.pop(key, None)
            if node_id is not None and QAccessible.accessibleInterface(node_id) is not None:
                QAccessible.deleteAccessibleInterface(node_id)
            self._nodes.pop(key, None)

    def clear(self) -> None:
        self.drop(list(self._nodes))
        self._facts = None

    def valid(self, key: Key) -> bool:
        if key == EDITING:
            scene = self.scene()
            return scene is not None and scene.editor.active
        facts = self.facts()
        return facts is not None and facts.valid(key)

    def window(self) -> QWindow | None:
        if not shiboken6.isValid(self.view):
            return None
        return self.view.window().windowHandle()

    def view_interface(self) -> QAccessibleInterface | None:
        return QAccessible.queryAccessibleInterface(self.view) if shiboken6.isValid(self.view) else None

    def top_keys(self) -> list[Key]:
        facts = self.facts()
        if facts is None:
            return []
        return [*facts.keys, EDITING] if self.valid(EDITING) else facts.keys

    def index_of(self, key: Key) -> int:
        """The place of one of the view's children among them (-1: not one of them)."""
        facts = self.facts()
        if facts is None:
            return -1
        if key == EDITING:
            return len(facts.keys) if self.valid(EDITING) else -1
        return facts.index.get(key, -1)

    def children_of(self, key: Key) -> tuple[Key, ...]:
        facts = self.facts()
        return facts.children(key) if facts is not None else ()

    def parent_of(self, key: Key) -> QAccessibleInterface | None:
        facts = self.facts()
        parent = facts.parent(key) if facts is not None else None
        return self.node(parent) if parent is not None else self.view_interface()

    def text(self, key: Key, t: QAccessible.Text) -> str:
        if key == EDITING:
            return self._editor_text(t)
        facts = self.facts()
        if facts is None or not facts.valid(key):
            return ""
        if t == QAccessible.Text.Name:
            return facts.name(key)
        if t == QAccessible.Text.Description:
            return facts.description(key)
        return ""

    def _editor_text(self, t: QAccessible.Text) -> str:
        scene = self.scene()
        if scene is None or scene.editor.target is None:
            return ""
        if t == QAccessible.Text.Value:
            return scene.editor.text()
        if t != QAccessible.Text.Name:
            return ""
        kind = scene.editor.target[0]
        if kind == "phase":
            return tr("Phase name")
        return tr("Lane name") if kind == "lane" else tr("Card title")

    def current_card(self) -> int | None:
        scene = self.scene()
        return scene.current_card if scene is not None else None

    def focus_key(self) -> Key | None:
        """The item a reader is on: the title editor while it is open, else the current card, else quick
        capture's cell (where typing adds a card)."""
        if self.valid(EDITING):
            return EDITING
        current = self.current_card()
        if current is not None:
            return (CARD, current) if self.valid((CARD, current)) else None
        scene = self._scene
        cell = scene.capture.cell if scene is not None and scene.capture.enabled else None
        return (CELL, cell[0], cell[1]) if cell is not None and self.valid((CELL, cell[0], cell[1])) else None

    def state(self, key: Key) -> QAccessible.State:
        state = QAccessible.State()
        scene = self._scene
        if scene is None or not self.valid(key):
            state.invalid = True
            return state
        shown = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        rect = self.scene_rect(key)
        state.offscreen = rect is None or not shown.intersects(rect)
        if key == EDITING:
            state.focusable = True
            state.editable = True
        elif key[0] == CARD:
            state.focusable = True
            state.selectable = True
            if self._selected is None:
                self._selected = frozenset(scene.selected_ids())
            state.selected = key[1] in self._selected
        elif key[0] == CELL:
            state.focusable = True  # quick capture's cell: typing there adds cards
        state.focused = key == self.focus_key() and self.view.hasFocus()
        return state

    def scene_rect(self, key: Key) -> QRectF | None:
        scene = self.scene()
        if key == EDITING:
            return scene.editor.sceneBoundingRect() if scene is not None and scene.editor.active else None
        facts = self.facts()
        rect = facts.rect(key) if facts is not None else None
        return QRectF(rect.x, rect.y, rect.width, rect.height) if rect is not None else None

    def screen_rect(self, key: Key) -> QRect:
        rect = self.scene_rect(key)
        if rect is None or not shiboken6.isValid(self.view):
            return QRect()
        shown = self.view.mapFromScene(rect).boundingRect()
        return QRect(self.view.viewport().mapToGlobal(shown.topLeft()), shown.size())

    def child_at(self, keys: tuple[Key, ...] | list[Key], point: QPoint) -> _Node | None:
        """The node of `keys` under the screen point."""
        if not keys or not shiboken6.isValid(self.view):
            return None
        at = self.view.mapToScene(self.view.viewport().mapFromGlobal(point))
        for key in reversed(keys):  # the editor (last) over the card it edits
            rect = self.scene_rect(key)
            if rect is not None and rect.contains(at):
                return self.node(key)
        return None

    # ------------------------------------------------------------------ telling the reader

    def _changed(self, change: Change) -> None:
        """After the scene has laid out the change (it listens first): the nodes whose items went are deleted,
        and a reader hears that the map changed."""
        self._facts = None
        facts = self.facts()
        if change.kind is ChangeKind.CARDS and facts is not None:  # only cards the change names can have gone
            maybe: Iterable[Key] = [(CARD, card_id) for card_id in change.removed | change.updated]
        else:
            maybe = list(self._nodes)
        gone = [key for key in maybe if key in self._nodes and (facts is None or not self.valid(key))]
        if QAccessible.isActive():
            for key in gone:
                QAccessible.updateAccessibility(QAccessibleEvent(self._nodes[key], QAccessible.Event.ObjectDestroyed))
        self.drop(gone)
        if not QAccessible.isActive():
            return
        view = self.view_interface()
        if view is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(view, QAccessible.Event.ObjectReorder))
            if "title" in change.fields or change.whole:  # the view is named after the journey
                QAccessible.updateAccessibility(QAccessibleEvent(view, QAccessible.Event.NameChanged))
        for card_id in change.updated:
            node = self._nodes.get((CARD, card_id))
            if node is not None:
                QAccessible.updateAccessibility(QAccessibleEvent(node, QAccessible.Event.NameChanged))

    def _selection_changed(self) -> None:
        self._selected = None
        self._tell_focus()

    def input_handled(self) -> None:
        """After a key or click on the view: quick capture's cell may have moved, or the title editor opened or
        closed (they say so to no one)."""
        scene = self.scene()
        cell = scene.capture.cell if scene is not None and scene.capture.enabled else None
        editing = self.valid(EDITING)
        if cell != self._capture_cell or editing != self._editing:
            self._capture_cell, self._editing = cell, editing
            self._tell_focus()

    def _tell_focus(self) -> None:
        if not QAccessible.isActive() or not shiboken6.isValid(self.view) or not self.view.hasFocus():
            return
        if self._scene is None or not shiboken6.isValid(self._scene):  # a scene being destroyed deselects
            return
        key = self.focus_key()
        if key is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(self.node(key), QAccessible.Event.Focus))


_INPUT_DONE = frozenset({QEvent.Type.KeyRelease, QEvent.Type.MouseButtonRelease})


class _KeyWatch(QObject):
    """Tells its `CanvasNodes` after each key or click the view (or its viewport) was given."""

    def __init__(self, nodes: CanvasNodes) -> None:
        super().__init__(nodes.view)
        self._nodes = nodes
        nodes.view.installEventFilter(self)
        nodes.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT_DONE:
            self._nodes.input_handled()
        return False


class CanvasInterface(QAccessibleWidget):
    """The view: a table of the map's headers, cells and curves (`CanvasNodes`), then its scroll bars."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view, QAccessible.Role.Table)
        self.view = view
        self.nodes = _canvases.get(_address(view)) or _remember(view)

    def _widget_children(self) -> list[QAccessibleInterface]:
        """The view's own widgets but its viewport (the map is shown through the nodes)."""
        found = []
        viewport = self.view.viewport()
        for i in range(super().childCount()):
            child = super().child(i)
            if child is not None and child.object() is not viewport:
                found.append(child)
        return found

    def childCount(self) -> int:  # noqa: N802 - Qt's names, here and below
        return len(self.nodes.top_keys()) + len(self._widget_children())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        keys = self.nodes.top_keys()
        if 0 <= index < len(keys):
            return self.nodes.node(keys[index])
        widgets = self._widget_children()
        index -= len(keys)
        return widgets[index] if 0 <= index < len(widgets) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        keys = self.nodes.top_keys()
        key = getattr(child, "key", None)
        if key is not None:
            return self.nodes.index_of(key)
        for i, widget in enumerate(self._widget_children()):
            if widget.object() is child.object():
                return len(keys) + i
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        return self.nodes.child_at(self.nodes.top_keys(), QPoint(x, y)) or super().childAt(x, y)

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # noqa: N802
        key = self.nodes.focus_key()
        return self.nodes.node(key) if key is not None else super().focusChild()

    def text(self, t: QAccessible.Text) -> str:
        own = super().text(t)
        if own:
            return own
        scene = self.nodes.scene()
        if t == QAccessible.Text.Name:
            if scene is None:
                return tr("Journey map")
            return tr("Journey map: %1").replace("%1", scene.journey.title)
        if t == QAccessible.Text.Description and scene is not None:
            return tr("Arrow keys move from card to card, F2 edits the title, Ctrl+Enter adds a card after it.")
        return ""


# ---------------------------------------------------------------------- the factory

_canvases: dict[int, CanvasNodes] = {}
"""Each view's nodes, by the view's C++ address (a view is let go of when it is destroyed)."""
_installed = False


def _address(view: QObject) -> int:
    return int(shiboken6.getCppPointer(view)[0])


def _remember(view: QGraphicsView) -> CanvasNodes:
    nodes = CanvasNodes(view)
    address = _address(view)
    _canvases[address] = nodes
    view.destroyed.connect(lambda *_: _forget(address))
    return nodes


def _forget(address: int) -> None:
    nodes = _canvases.pop(address, None)
    if nodes is not None:
        nodes.clear()


def _forget_all() -> None:
    """At the program's end, before Python lets go of the nodes: Qt's cache must not outlive them holding them."""
    for address in list(_canvases):
        _forget(address)


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if key == VIEW_CLASS and isinstance(obj, QGraphicsView):
        return CanvasInterface(obj)
    return None


def install() -> None:
    """Give journey views their accessible items (once per program)."""
    global _installed
    if _installed:
        return
    _installed = True
    QAccessible.installFactory(_factory)
    atexit.register(_forget_all)


def scene_changed(view: QGraphicsView) -> None:
    """The view shows another scene: its nodes follow (nothing when no reader has asked for them)."""
    nodes = _canvases.get(_address(view))
    if nodes is None:
        return
    nodes.follow_scene()
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(view, QAccessible.Event.ObjectReorder))
