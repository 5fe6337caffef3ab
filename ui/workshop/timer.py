"""The workshop's countdown timer: a model that counts down on an injectable clock, a large strip above the canvas
that a room can read from the back, and a small dialog to set the minutes and start, pause and reset.

- `CountdownTimer(now=time.monotonic)`: `set_minutes()`, `start()` (or resume), `pause()`, `toggle()`, `reset()`;
  `remaining()` and `text()` ("04:59"); `changed` after every change and every tick that changes the shown second,
  `finished` once at zero (with `QApplication.beep()`). A QTimer calls `tick()`; tests give it a fake clock and call
  `tick()` themselves.
- `TimerOverlay(timer)`: the time in large digits at the right of a dark strip, a bar of the time left beside them,
  "Paused" when paused; at zero it turns red and flashes for a few seconds. A click pauses or resumes (or, at zero,
  resets); the context menu has the rest. It never lies over the map: the window puts it in the row above the
  canvas (`overlay_row.OverlayRow`), beside the voting bar while voting, across the row otherwise.
- `TimerDialog(timer)`: minutes (spin box and presets), Start/Resume, Pause and Reset; shows the time left live.
"""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..canvas.painting import canvas_font

TICK_MS = 200
"""How often the running timer looks at the clock (the display changes once a second)."""
FLASH_MS = 350
"""One on/off half of the flashing at zero."""
FLASH_SECONDS = 5.0
"""How long the overlay flashes at zero; it stays red afterwards until reset."""
MAX_MINUTES = 180
PRESET_MINUTES = (1, 3, 5, 10, 15, 20)
MIN_BAR_WIDTH = 90
"""The bar of the time left beside the digits, at least (twice this in workshop mode)."""

PANEL = QColor(24, 30, 42, 225)
PANEL_PAUSED = QColor(74, 80, 94, 225)
ALARM = QColor("#d93025")
ALARM_LIGHT = QColor("#ffffff")
WARNING = QColor("#f6b026")
"""The time bar in the last minute."""
BAR = QColor("#5cc28a")


class TimerState(enum.Enum):
    IDLE = "idle"
    """Set but not started (or reset)."""
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    """Ran down to zero."""


def clock_text(seconds: float) -> str:
    """Seconds left as the clock shows them, rounded up so it reads 05:00 at the start and 00:00 only at zero:
    "04:59", or "1:02:03" from an hour."""
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class CountdownTimer(QObject):
    """A countdown on the clock `now` (seconds, monotonic). Not running, it does nothing on its own."""

    changed = Signal()
    """The state, the duration or the shown time changed."""
    finished = Signal()
    """The time ran out (once per run)."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        now: Callable[[], float] = time.monotonic,
        beep: Callable[[], None] | None = None,
        interval_ms: int = TICK_MS,
    ) -> None:
        super().__init__(parent)
        self.now = now
        """The clock (seconds; tests replace it)."""
        self._beep = beep
        self._duration = 5 * 60.0
        self._left = self._duration
        """Time left when last paused or set; while running, time left at `_started`."""
        self._started = 0.0
        self._state = TimerState.IDLE
        self._shown = clock_text(self._left)
        self._ticker = QTimer(self)
        self._ticker.setInterval(interval_ms)
        self._ticker.timeout.connect(self.tick)

    # ------------------------------------------------------------------ reading

    @property
    def state(self) -> TimerState:
        return self._state

    @property
    def duration(self) -> float:
        """The length of a run in seconds."""
        return self._duration

    @property
    def running(self) -> bool:
        return self._state is TimerState.RUNNING

    def remaining(self) -> float:
        """Seconds left (0 when finished)."""
        if self._state is TimerState.RUNNING:
            return max(0.0, self._left - (self.now() - self._started))
        return self._left

    def fraction(self) -> float:
        """The share of the run still left, 1.0 to 0.0."""
        return self.remaining() / self._duration if self._duration > 0 else 0.0

    def text(self) -> str:
        return clock_text(self.remaining())

    # ------------------------------------------------------------------ control

    def set_minutes(self, minutes: float) -> None:
        self.set_duration(minutes * 60.0)

    def set_duration(self, seconds: float) -> None:
        """Set the run's length; a timer that is not running shows it at once (a running one keeps running)."""
        self._duration = max(1.0, float(seconds))
        if self._state is not TimerState.RUNNING:
            self._left = self._duration
            self._state = TimerState.IDLE
        self._emit()

    def start(self) -> None:
        """Start a run (from the full duration when idle or finished), or resume a paused one."""
        if self._state is TimerState.RUNNING:
            return
        if self._state is TimerState.FINISHED:
            self._left = self._duration
        self._started = self.now()
        self._state = TimerState.RUNNING
        self._ticker.start()
        self._emit()

    def resume(self) -> None:
        if self._state is TimerState.PAUSED:
            self.start()

    def pause(self) -> None:
        if self._state is not TimerState.RUNNING:
            return
        self._left = self.remaining()
        self._state = TimerState.PAUSED
        self._ticker.stop()
        self._emit()

    def toggle(self) -> None:
        """Pause a running timer; start or resume any other."""
        if self._state is TimerState.RUNNING:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        """Back to the full duration, not running."""
        self._ticker.stop()
        self._left = self._duration
        self._state = TimerState.IDLE
        self._emit()

    def stop(self) -> None:
        """Stop ticking for good (the window closes)."""
        self._ticker.stop()

    def tick(self) -> None:
        """Look at the clock: tell of a new second, or finish at zero."""
        if self._state is not TimerState.RUNNING:
            return
        if self.remaining() <= 0.0:
            self._ticker.stop()
            self._left = 0.0
            self._state = TimerState.FINISHED
            self._emit()
            if self._beep is not None:
                self._beep()
            else:
                QApplication.beep()
            self.finished.emit()
            return
        if clock_text(self.remaining()) != self._shown:
            self._emit()

    def _emit(self) -> None:
        self._shown = self.text()
        self.changed.emit()


class TimerOverlay(QWidget):
    """The countdown in large digits on a dark strip, for a row of its own above the canvas (it grows to the row's
    width; its size hint is the digits and a short bar). The workshop controller shows and hides it."""

    open_dialog = Signal()
    """The user chose "Set Timer…" in the overlay's context menu."""

    def __init__(self, timer: CountdownTimer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerOverlay")
        self.timer = timer
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.large = False
        """Workshop mode: bigger digits for the room."""
        self.flashing = False
        """Whether it is flashing now (the first seconds at zero)."""
        self.flash_on = False
        self._flash_until = 0.0
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._flash_step)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click to pause or resume; right-click for more"))
        timer.changed.connect(self._changed)
        timer.finished.connect(self._finished)
        self._changed()

    # ------------------------------------------------------------------ what it shows

    @property
    def text(self) -> str:
        return self.timer.text()

    @property
    def caption(self) -> str:
        """The small line under the digits."""
        state = self.timer.state
        if state is TimerState.FINISHED:
            return self.tr("Time's up")
        if state is TimerState.PAUSED:
            return self.tr("Paused")
        if state is TimerState.IDLE:
            return self.tr("Ready")
        return ""

    @property
    def alarm(self) -> bool:
        """Red: the time ran out."""
        return self.timer.state is TimerState.FINISHED

    def set_large(self, large: bool) -> None:
        if large != self.large:
            self.large = large
            self.updateGeometry()
            self.update()

    def _digit_font(self) -> QFont:
        return canvas_font(48.0 if self.large else 28.0, bold=True)

    def _caption_font(self) -> QFont:
        return canvas_font(20.0 if self.large else 13.0, bold=True)

    def _pad(self) -> int:
        return 10 if self.large else 6

    def _digits_width(self) -> int:
        digits = QFontMetrics(self._digit_font())
        return digits.horizontalAdvance("00:00" if self.timer.duration < 3600 else "0:00:00")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        digits = QFontMetrics(self._digit_font())
        pad = self._pad()
        bar = MIN_BAR_WIDTH * (2 if self.large else 1)
        return QSize(self._digits_width() + bar + 5 * pad, digits.ascent() + digits.descent() + 2 * pad)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._digits_width() + 2 * self._pad(), self.sizeHint().height())

    def _changed(self) -> None:
        if self.timer.state is not TimerState.FINISHED and self.flashing:
            self._stop_flashing()
        self.updateGeometry()  # an hour or more needs wider digits
        self.update()

    def _finished(self) -> None:
        self.flashing = True
        self.flash_on = True
        self._flash_until = time.monotonic() + FLASH_SECONDS
        self._flash.start()
        self.show()
        self.update()

    def _flash_step(self) -> None:
        if time.monotonic() >= self._flash_until or self.timer.state is not TimerState.FINISHED:
            self._stop_flashing()
        else:
            self.flash_on = not self.flash_on
        self.update()

    def _stop_flashing(self) -> None:
        self._flash.stop()
        self.flashing = False
        self.flash_on = False

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
            state = self.timer.state
            inverted = self.alarm and self.flash_on  # the flash: white panel, red digits
            if self.alarm:
                background = ALARM_LIGHT if inverted else ALARM
                ink = ALARM if inverted else QColor("#ffffff")
            else:
                background = PANEL_PAUSED if state is TimerState.PAUSED else PANEL
                ink = QColor("#ffffff")
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRect(QRectF(self.rect()))
            if self.alarm:
                painter.setPen(QColor(ALARM))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect)
            pad = float(self._pad())
            digits_width = float(self._digits_width())
            digits = QRectF(rect.right() - pad - digits_width, rect.top(), digits_width, rect.height())
            painter.setPen(ink)
            painter.setFont(self._digit_font())
            painter.drawText(digits, Qt.AlignmentFlag.AlignCenter, self.text)
            side = QRectF(rect.left() + 2 * pad, rect.top() + pad, digits.left() - rect.left() - 4 * pad, 0)
            side.setBottom(rect.bottom() - pad)
            if side.width() < 8:
                return
            caption = self.caption
            bar_height = 10.0 if self.large else 6.0
            if caption:
                caption_font = self._caption_font()
                painter.setFont(caption_font)
                caption_ink = QColor(ink)
                if not self.alarm:
                    caption_ink.setAlpha(210)
                painter.setPen(caption_ink)
                line = QRectF(side.left(), side.top(), side.width(), side.height() - bar_height - pad / 2)
                shown = QFontMetrics(caption_font).elidedText(
                    caption.upper(), Qt.TextElideMode.ElideRight, int(line.width())
                )
                painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
                track = QRectF(side.left(), side.bottom() - bar_height, side.width(), bar_height)
            else:  # running: only the bar of the time left, in the middle
                track = QRectF(side.left(), side.center().y() - bar_height / 2, side.width(), bar_height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 50))
            painter.drawRoundedRect(track, bar_height / 2, bar_height / 2)
            left = track.adjusted(0, 0, -track.width() * (1 - self.timer.fraction()), 0)
            if left.width() > 0:
                painter.setBrush(WARNING if self.timer.remaining() <= 60 else BAR)
                painter.drawRoundedRect(left, bar_height / 2, bar_height / 2)
        finally:
            painter.end()

    # ------------------------------------------------------------------ mouse and placement

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            if self.timer.state is TimerState.FINISHED:
                self.timer.reset()
            else:
                self.timer.toggle()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def menu(self) -> QMenu:
        """The context menu (the caller deletes it)."""
        menu = QMenu(self)
        running = self.timer.running
        pause = menu.addAction(self.tr("Pause") if running else self.tr("Start"))
        pause.triggered.connect(self.timer.toggle)
        menu.addAction(self.tr("Reset")).triggered.connect(self.timer.reset)
        menu.addSeparator()
        menu.addAction(self.tr("Set Timer…")).triggered.connect(self.open_dialog.emit)
        menu.addAction(self.tr("Hide Timer")).triggered.connect(self._hide_timer)
        return menu

    def _hide_timer(self) -> None:
        self.timer.reset()
        self.hide()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        menu = self.menu()
        try:
            menu.exec(event.globalPos())
        finally:
            menu.deleteLater()
        event.accept()


class TimerDialog(QDialog):
    """Set the minutes and start, pause or reset the timer. Not modal: it can stay open beside the canvas."""

    def __init__(self, timer: CountdownTimer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerDialog")
        self.setWindowTitle(self.tr("Timer"))
        self.timer = timer
        layout = QVBoxLayout(self)

        row = QHBoxLayout()
        label = QLabel(self.tr("&Minutes:"), self)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("timerMinutes")
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setValue(max(1, round(timer.duration / 60)))
        label.setBuddy(self.minutes)
        row.addWidget(label)
        row.addWidget(self.minutes, 1)
        layout.addLayout(row)

        presets = QHBoxLayout()
        presets.setSpacing(4)
        self.presets: list[QPushButton] = []
        for minutes in PRESET_MINUTES:
            button = QPushButton(self.tr("{0} min").format(minutes), self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, m=minutes: self._preset(m))
            presets.addWidget(button)
            self.presets.append(button)
        layout.addLayout(presets)

        self.display = QLabel(self)
        self.display.setObjectName("timerDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setFont(canvas_font(40.0, bold=True))
        layout.addWidget(self.display)

        buttons = QDialogButtonBox(self)
        self.start_button = buttons.addButton(self.tr("&Start"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pause_button = buttons.addButton(self.tr("&Pause"), QDialogButtonBox.ButtonRole.ActionRole)
        self.reset_button = buttons.addButton(self.tr("&Reset"), QDialogButtonBox.ButtonRole.ResetRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        self.pause_button.clicked.connect(timer.pause)
        self.reset_button.clicked.connect(self._reset)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.minutes.valueChanged.connect(self._minutes_changed)
        timer.changed.connect(self._update)
        self._connected = True
        self._update()

    def _preset(self, minutes: int) -> None:
        self.minutes.setValue(minutes)
        self.timer.reset()
        self.timer.set_minutes(minutes)
        self.timer.start()

    def _minutes_changed(self, value: int) -> None:
        if not self.timer.running:
            self.timer.set_minutes(value)

    def _start(self) -> None:
        if self.timer.state is TimerState.IDLE or self.timer.state is TimerState.FINISHED:
            self.timer.set_minutes(self.minutes.value())
        self.timer.start()

    def _reset(self) -> None:
        self.timer.set_minutes(self.minutes.value())
        self.timer.reset()

    def _update(self) -> None:
        state = self.timer.state
        self.display.setText(self.timer.text())
        self.display.setStyleSheet("color: #d93025;" if state is TimerState.FINISHED else "")
        self.start_button.setText(self.tr("&Resume") if state is TimerState.PAUSED else self.tr("&Start"))
        self.start_button.setEnabled(state is not TimerState.RUNNING)
        self.pause_button.setEnabled(state is TimerState.RUNNING)

    def done(self, result: int) -> None:
        if self._connected:
            self._connected = False
            self.timer.changed.disconnect(self._update)
        super().done(result)
