"""Workshop mode: the editor made for a room and a projector.

View › Workshop Mode (F11) shows the map full screen with the panels and the toolbar hidden (the menu bar stays),
lays it out in larger type (`workshop_metrics`: every size of `cjmapper.layout.Metrics` times `WORKSHOP_SCALE`, so
the layout still computes all geometry), and locks the structure: phases, lanes and the journey's own fields cannot
be added, renamed, recoloured, moved or deleted, by any path (menu actions are disabled, header gestures and menus
tell why in the status bar, the Properties panel shows the journey read-only, and Edit › Undo will not undo a
structure edit made before). Cards stay free: add, edit, move, vote, and undo those edits. Quick capture is on.
F11 again, or Esc with nothing else to cancel, leaves the mode and puts the window back exactly as it was:
geometry, maximised or not, panels and toolbar (saveState/restoreState), the map's sizes, zoom and scroll place.

The controller also owns the countdown timer (View › Timer…, Ctrl+T; Ctrl+Shift+T starts or pauses it), shown in
the row above the canvas (the window puts `overlay` there, never over the map), larger in workshop mode; leaving the
mode resets a timer that is not running, so only a running one stays. And the phase-focus and quick-capture actions,
which work in and out of workshop mode.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QObject, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

from cjmapper import style
from cjmapper.editing import Gate, Touches
from cjmapper.editing.gate import Verb
from cjmapper.layout import Metrics

from ..canvas import JourneyScene, JourneyView
from ..canvas.view_places import ViewPlace
from ..editing.commands import touches
from ..editing.document import JourneyDocument
from ..editing.library_commands import LibraryEditor
from .timer import CountdownTimer, TimerDialog, TimerOverlay, TimerState
from .voting_session import VotingSession

WORKSHOP_SCALE = 1.4
"""How much larger the map is laid out in workshop mode (type, cards, headers, gaps)."""
WORKSHOP_DOTS = 4.0
"""How much larger than the (already larger) type's the vote dots are in workshop mode: about 22 units across, so
at least 12 px at the zoom that fits a map to a 1080p projector."""
REFIT_SECONDS = 1.5
"""After entering, the map is fitted again whenever the window settles into full screen within this time."""
MESSAGE_MS = 6000
SAVED_STATE_VERSION = 1
"""The version of the window's state (docks, toolbars) kept while workshop mode hides them."""
_SIZED = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
_NORMAL = Qt.WindowState.WindowNoState

WORKSHOP_GATE = "workshop"
"""The reason by which workshop mode closes the structure in the window's edit gate."""


def workshop_metrics(base: Metrics | None = None, scale: float = WORKSHOP_SCALE) -> Metrics:
    """`base` (default sizes when None) with every size scaled; counts (lines) stay. The vote dots grow by
    `WORKSHOP_DOTS` besides, and the cards' footer with them (two rows of dots fit in it)."""
    m = base if base is not None else Metrics()
    sizes: dict[str, object] = {f.name: getattr(m, f.name) for f in fields(m) if f.name != "vote_dots"}
    scaled: dict[str, Any] = {name: value * scale for name, value in sizes.items() if isinstance(value, float)}
    dots = m.vote_dots * WORKSHOP_DOTS
    k = m.font_size * scale / Metrics().font_size
    footer = (style.DOT_PITCH + style.DOT_DIAMETER) * k * dots
    scaled["footer_height"] = max(scaled["footer_height"], footer)
    return replace(m, **scaled, vote_dots=dots)


def changes_structure(command: QUndoCommand) -> bool:
    """Whether an undo step (or any step in a macro) changes phases, lanes or the journey's fields."""
    return bool(touches(command) & Touches.STRUCTURE)


@dataclass
class SavedWindow:
    """The window as it was before workshop mode."""

    window_state: Qt.WindowState
    geometry: QRect
    """The window's geometry when it was neither maximised nor full screen."""
    state: QByteArray
    zoom: float
    centre: QPointF
    scene: JourneyScene | None
    capture: bool
    place: ViewPlace | None = None
    """The canvas as it was (fitted, or the user's zoom and place), to go back to."""


class WorkshopWindow(Protocol):
    """What of the editor window workshop mode needs besides a QMainWindow's own (the window imports this module, not
    the other way round)."""

    view: JourneyView
    voting: VotingSession
    undo_group: QUndoGroup
    library_editor: LibraryEditor
    edit_gate: Gate
    document: JourneyDocument | None
    scene: JourneyScene | None

    def journey_scenes(self) -> list[JourneyScene]:
        """The canvases of the journeys opened in the window."""
        ...

    def update_actions(self) -> None:
        """Enable the window's actions that apply (it calls `WorkshopController.update_actions` last)."""
        ...


class WorkshopController(QObject):
    """Workshop mode, the countdown timer, phase focus and quick capture of one editor window: `main` is the window
    as a QMainWindow (shown full screen, its docks and toolbars hidden), `window` what else of it the mode uses,
    `locked_actions` its actions that change the structure (disabled in workshop mode). The window connects its
    Edit › Undo and Redo to `undo` and `redo`, and announces the journey it shows with `scene_shown`; it learns of
    the mode from `toggled`."""

    toggled = Signal(bool)
    """Workshop mode was entered (True) or left (False)."""

    def __init__(self, main: QMainWindow, window: WorkshopWindow, locked_actions: Sequence[QAction]) -> None:
        super().__init__(main)
        self.main = main
        self.window = window
        self._locked = list(locked_actions)
        self.active = False
        self.enter_ms = 0.0
        """How long the last enter() took (milliseconds; for the status of tests and benchmarks)."""
        self.leave_ms = 0.0
        self._saved: SavedWindow | None = None
        self._touched: list[tuple[JourneyScene, Metrics]] = []
        self._refit_until = 0.0

        self.timer = CountdownTimer(self)
        self.overlay = TimerOverlay(self.timer, main)  # the window puts it in the row above the canvas
        self.overlay.hide()
        self.overlay.open_dialog.connect(self.show_timer_dialog)
        self.timer.changed.connect(self._update_overlay)
        self.timer.finished.connect(self._timer_finished)
        self.dialog: TimerDialog | None = None

        self._create_actions()
        window.view.installEventFilter(self)

    # ------------------------------------------------------------------ actions

    def _action(
        self, text: str, slot: object, shortcut: str | QKeySequence.StandardKey | None = None, *, canvas: bool = False
    ) -> QAction:
        action = QAction(text, self.main)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if canvas:  # a key of the canvas only, so text fields keep theirs
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.window.view.addAction(action)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        view = self.window.view
        self.workshop_action = self._action(self.tr("&Workshop Mode"), self.set_active, "F11")
        self.workshop_action.setCheckable(True)
        self.workshop_action.setToolTip(
            self.tr("Full screen, larger type and the phases and lanes locked, for a workshop with a projector")
        )
        self.leave_action = self._action(self.tr("Leave Workshop Mode"), self._escape, "Esc")
        self.leave_action.setEnabled(False)
        self.main.addAction(self.leave_action)  # a shortcut only: Esc when the canvas has no use for it
        self.previous_phase_action = self._action(
            self.tr("&Previous Phase"), lambda: view.focus_next_phase(-1), "PgUp", canvas=True
        )
        self.next_phase_action = self._action(
            self.tr("&Next Phase"), lambda: view.focus_next_phase(1), "PgDown", canvas=True
        )
        self.whole_journey_action = self._action(
            self.tr("&Whole Journey"), view.show_whole_journey, "Home", canvas=True
        )
        self.capture_action = self._action(
            self.tr("&Quick Capture"), self._capture_toggled, "Ctrl+Shift+Return", canvas=True
        )
        self.capture_action.setCheckable(True)
        self.capture_action.setToolTip(
            self.tr("Arrow keys choose a cell, typing adds a card to it, Enter starts the next one, Esc stops")
        )
        self.timer_action = self._action(self.tr("&Timer…"), self.show_timer_dialog, "Ctrl+T")
        self.timer_action.setToolTip(self.tr("A countdown for exercises, shown large above the map"))
        self.timer_toggle_action = self._action(self.tr("&Start or Pause Timer"), self.toggle_timer, "Ctrl+Shift+T")

    def add_to_view_menu(self, menu: QMenu) -> None:
        """The View menu's workshop part: the mode, phase focus and the timer."""
        menu.addSeparator()
        menu.addAction(self.workshop_action)
        menu.addSeparator()
        menu.addActions([self.previous_phase_action, self.next_phase_action, self.whole_journey_action])
        menu.addSeparator()
        menu.addActions([self.timer_action, self.timer_toggle_action])

    def locked_actions(self) -> list[QAction]:
        """The window's actions that change the structure: disabled in workshop mode."""
        return list(self._locked)

    def update_actions(self) -> None:
        """After the window set its actions' enabled states: keep the structure's disabled in workshop mode."""
        has_journey = self.window.document is not None
        if self.active:
            for action in self.locked_actions():
                action.setEnabled(False)
        self.workshop_action.setEnabled(has_journey or self.active)
        for action in (self.previous_phase_action, self.next_phase_action, self.whole_journey_action):
            action.setEnabled(has_journey)
        self.capture_action.setEnabled(has_journey and not self.active)  # always on in workshop mode

    # ------------------------------------------------------------------ entering and leaving

    def set_active(self, on: bool) -> None:
        if on:
            self.enter()
        else:
            self.leave()

    def toggle(self) -> None:
        self.set_active(not self.active)

    def enter(self) -> bool:
        """Enter workshop mode (False when no journey is open or it is on already)."""
        w, main = self.window, self.main
        if self.active or w.document is None or w.scene is None:
            self._sync_check()
            return False
        started = time.perf_counter()
        view = w.view
        self._saved = SavedWindow(
            window_state=main.windowState(),
            geometry=main.geometry() if main.windowState() & _SIZED == _NORMAL else main.normalGeometry(),
            state=main.saveState(SAVED_STATE_VERSION),
            zoom=view.zoom,
            centre=view.mapToScene(view.viewport().rect().center()),
            scene=w.scene,
            capture=self.capture_action.isChecked(),
            place=view.place(),
        )
        self.active = True
        w.edit_gate.close(WORKSHOP_GATE, Touches.STRUCTURE, self._locked_message)
        _set_checked(self.capture_action, True)  # capture is always on in workshop mode
        for dock in main.findChildren(QDockWidget):
            dock.hide()
        for bar in main.findChildren(QToolBar):
            bar.hide()
        main.showFullScreen()
        self.scene_shown(w.scene)
        w.undo_group.setActiveStack(w.document.undo_stack)  # Ctrl+Z undoes card edits, not journey-level ones
        self.overlay.set_large(True)
        self.leave_action.setEnabled(True)
        self._sync_check()
        w.update_actions()
        view.fit_readable()  # the whole map where its titles stay readable from the room, else its top left
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._refit_until = time.monotonic() + REFIT_SECONDS
        main.statusBar().showMessage(
            self.tr(
                "Workshop mode: arrow keys choose a cell, type to add cards, Page Up/Down for the phases. "
                "F11 or Esc leaves."
            ),
            MESSAGE_MS * 2,
        )
        self.enter_ms = (time.perf_counter() - started) * 1000
        self.toggled.emit(True)
        return True

    def leave(self) -> bool:
        """Leave workshop mode: the window, its panels, the map's sizes, zoom and place as before."""
        if not self.active:
            self._sync_check()
            return False
        started = time.perf_counter()
        w, main = self.window, self.main
        self.active = False
        w.edit_gate.open(WORKSHOP_GATE)
        self._refit_until = 0.0
        saved = self._saved
        self._saved = None
        scenes = w.journey_scenes()
        for scene, metrics in self._touched:
            if scene in scenes and shiboken6.isValid(scene):
                scene.structure_locked = False
                scene.structure_refused.disconnect(self._refused)
                scene.set_metrics(metrics)
                scene.capture.set_enabled(saved.capture if saved is not None else False)
        self._touched.clear()
        _set_checked(self.capture_action, saved.capture if saved is not None else False)
        self.overlay.set_large(False)
        w.voting.stop()  # as Esc does first: the round ends with the workshop (the votes stay on the cards)
        if not self.timer.running:  # the workshop is over: no paused or finished timer stays behind
            self.timer.reset()
        self.leave_action.setEnabled(False)
        view = w.view
        if saved is not None:
            if saved.window_state & Qt.WindowState.WindowFullScreen:
                main.showFullScreen()  # it was full screen before (F11 is workshop mode's; the desktop's own, maybe)
            elif saved.window_state & Qt.WindowState.WindowMaximized:
                main.showMaximized()
            else:
                main.showNormal()
                main.setGeometry(saved.geometry)
            main.restoreState(saved.state, SAVED_STATE_VERSION)
            if w.scene is saved.scene and w.scene is not None and saved.place is not None:
                view.go_to(saved.place)
            else:
                view.fit()
        else:
            main.showNormal()
        self._sync_check()
        w.update_actions()
        main.statusBar().showMessage(self.tr("Left workshop mode."), MESSAGE_MS)
        self.leave_ms = (time.perf_counter() - started) * 1000
        self.toggled.emit(False)
        return True

    def _escape(self) -> None:
        """Esc outside the canvas (the canvas' own Esc goes through eventFilter): stop a voting round first."""
        if self.window.voting.active:
            self.window.voting.stop()
        else:
            self.leave()

    def close(self) -> None:
        """The window closes: leave the mode first (so the window's saved layout is the normal one), stop the timer."""
        self.leave()
        self.timer.stop()

    def _sync_check(self) -> None:
        _set_checked(self.workshop_action, self.active)

    def scene_shown(self, scene: JourneyScene | None) -> None:
        """The window shows another journey (or none): in workshop mode, that one is locked and large too."""
        if scene is None:
            if self.active:
                self.leave()
            return
        scene.capture.set_enabled(self.active or self.capture_action.isChecked())
        if not self.active or any(s is scene for s, _ in self._touched):
            return
        self._touched.append((scene, scene.metrics))
        scene.set_metrics(workshop_metrics(scene.metrics))
        scene.structure_locked = True
        scene.structure_refused.connect(self._refused)

    def _refused(self, message: str) -> None:
        self.main.statusBar().showMessage(message, MESSAGE_MS)

    # ------------------------------------------------------------------ quick capture

    def _capture_toggled(self, on: bool) -> None:
        scene = self.window.scene
        if scene is None:
            return
        if on:
            scene.capture.begin()
            self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.main.statusBar().showMessage(
                self.tr("Quick capture: arrow keys choose a cell, type to add a card, Enter for the next, Esc stops."),
                MESSAGE_MS,
            )
        else:
            scene.capture.set_enabled(False)

    # ------------------------------------------------------------------ undo and redo

    def undo(self) -> bool:
        """Edit › Undo (the window connects it here instead of to its undo group): undo on the active stack, unless
        workshop mode refuses that step (a structure step). True when it ran."""
        return self._history(undo=True)

    def redo(self) -> bool:
        """Edit › Redo, as `undo`."""
        return self._history(undo=False)

    def _history(self, *, undo: bool) -> bool:
        """Undo or redo on the active stack, unless workshop mode forbids that step (the document's gate refuses a
        structure step; the library's steps all change the structure). True when it ran."""
        w = self.window
        stack = w.undo_group.activeStack()
        document = w.document
        if document is not None and stack is document.undo_stack:
            return document.undo() if undo else document.redo()
        if self.active and stack is not None and stack is w.library_editor.undo_stack:
            index = stack.index() - 1 if undo else stack.index()
            if 0 <= index < stack.count():
                self.main.statusBar().showMessage(
                    self._locked_message("undo" if undo else "redo", stack.command(index).text()), MESSAGE_MS
                )
                return False
        if undo:
            w.undo_group.undo()
        else:
            w.undo_group.redo()
        return True

    def _locked_message(self, verb: Verb, text: str) -> str:
        """What the user is told when workshop mode refuses a structure edit, or the undo or redo of one."""
        if verb == "undo":
            return self.tr("Workshop mode keeps the structure as it is: leave it (F11) to undo “{0}”.").format(text)
        if verb == "redo":
            return self.tr("Workshop mode keeps the structure as it is: leave it (F11) to redo “{0}”.").format(text)
        return self.tr("Workshop mode keeps the structure as it is: leave it (F11) to change it.")

    # ------------------------------------------------------------------ the timer

    def show_timer_dialog(self) -> TimerDialog:
        """Open (or raise) the timer's dialog; the overlay shows the time while it is open."""
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.show()
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = TimerDialog(self.timer, self.main)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        self._update_overlay()
        dialog.show()
        return dialog

    def _dialog_closed(self) -> None:
        self.dialog = None
        self._update_overlay()

    def toggle_timer(self) -> None:
        if self.timer.state is TimerState.FINISHED:
            self.timer.reset()
        else:
            self.timer.toggle()

    def _update_overlay(self) -> None:
        dialog_open = self.dialog is not None and shiboken6.isValid(self.dialog)
        self.overlay.setVisible(self.timer.state is not TimerState.IDLE or dialog_open)

    def _timer_finished(self) -> None:
        self.main.statusBar().showMessage(self.tr("Time's up!"), MESSAGE_MS)

    # ------------------------------------------------------------------ keys and resizes of the canvas

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is not self.window.view or not self.active:
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() == Qt.Key.Key_Escape and mods == Qt.KeyboardModifier.NoModifier and self._canvas_idle():
                self.leave()
                return True
        elif event.type() == QEvent.Type.Resize and time.monotonic() < self._refit_until:
            QTimer.singleShot(0, self._refit)
        return False

    def _canvas_idle(self) -> bool:
        """Whether Esc has nothing to cancel on the canvas (no editing, drag, selection, capture cell or voting)."""
        if self.window.voting.active:  # Esc stops the voting round first
            return False
        scene = self.window.scene
        if scene is None:
            return True
        return not (scene.editor.active or scene.dragging or scene.selectedItems() or scene.capture.cell is not None)

    def _refit(self) -> None:
        view = self.window.view
        if self.active and view.focused_phase is None and time.monotonic() < self._refit_until:
            if view.fit_mode == "whole":
                view.fit()
            else:
                view.fit_readable()


def _set_checked(action: QAction, on: bool) -> None:
    """Check or uncheck without running the action."""
    if action.isChecked() != on:
        action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(False)
