"""Exports that run off the UI thread: the PDF poster, drawn by `cjmapper.poster.render_poster` on a worker thread
(`export_progress.ExportProgress` is the status-bar strip that shows its progress).

`render_poster` is pure Python (reportlab) and never touches Qt, so it is safe on a worker thread; it is given its
own deep copy of the journey, because the open document patches its journey's lists on every edit while the user
keeps working. Results come back to the UI thread through queued signals.
"""

from __future__ import annotations

import copy
import sys
import threading
import traceback
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from cjmapper.errors import CjmapperError
from cjmapper.model import Journey
from cjmapper.poster import ExportCancelledError, PosterOptions, PosterPlan, render_poster


class JobOutcome(Enum):
    DONE = "done"
    CANCELLED = "cancelled"
    FAILED = "failed"


class PosterJob(QThread):
    """Draws one poster into `target` on its own thread. Emits `progress(done, total)` now and then, and `ended`
    once, on the UI thread, after the thread has finished: read `outcome`, `plan` and `message` then."""

    progress = Signal(int, int)
    ended = Signal()

    def __init__(self, journey: Journey, target: Path, options: PosterOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("posterJob")
        self.journey = copy.deepcopy(journey)
        self.target = target
        self.options = options
        self.outcome: JobOutcome | None = None
        self.plan: PosterPlan | None = None
        self.message = ""
        """For FAILED: one sentence for the user."""
        self._cancel = threading.Event()
        self._last_percent = -1
        self.finished.connect(self._finished)

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the drawing to stop at its next progress step; the target is then left as it was."""
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        """render_poster's progress hook, on the worker thread: tells the UI (once per percent) and answers
        whether to go on."""
        percent = 100 * done // total if total > 0 else 0
        if percent != self._last_percent:
            self._last_percent = percent
            self.progress.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:  # the worker thread
        try:
            self.plan = render_poster(self.journey, self.target, self.options, self._progress)
            self.outcome = JobOutcome.DONE
        except ExportCancelledError:
            self.outcome = JobOutcome.CANCELLED
        except CjmapperError as e:
            self.outcome, self.message = JobOutcome.FAILED, str(e)
        except OSError as e:
            self.outcome, self.message = JobOutcome.FAILED, self._os_message(e)
        except Exception as e:  # a bug: log it for a report, show the user one sentence
            print("cjmapper: unexpected error while exporting a poster:", file=sys.stderr)
            traceback.print_exc(file=sys.stderr)
            self.outcome = JobOutcome.FAILED
            self.message = self.tr("The poster could not be made because of an unexpected problem ({0}).").format(
                type(e).__name__
            )

    def _os_message(self, error: OSError) -> str:
        reason = error.strerror or str(error)
        return self.tr("The poster could not be written to {0}: {1}.").format(self.target, reason)

    def _finished(self) -> None:  # the UI thread, after run() returned
        self.wait()
        self.ended.emit()
