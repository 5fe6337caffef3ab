"""Exports that run off the UI thread: the PDF poster, drawn by `cjmapper.poster.render_poster` on a worker thread,
and the PowerPoint deck, written by `cjmapper.pptx_export.write_deck` (`export_progress.ExportProgress` is the
status-bar strip that shows their progress).

Both are pure Python (reportlab, python-pptx) and never touch Qt, so they are safe on a worker thread; each is given
its own deep copy of the journey, because the open document patches its journey's lists on every edit while the user
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


class ExportJob(QThread):
    """One export made on its own thread (`_make`, on the worker thread). Emits `progress(done, total)` now and
    then, and `ended` once, on the UI thread, after the thread has finished: read `outcome` and `message` then."""

    progress = Signal(int, int)
    ended = Signal()

    def __init__(self, journey: Journey, target: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journey = copy.deepcopy(journey)
        self.target = target
        self.outcome: JobOutcome | None = None
        self.message = ""
        """For FAILED: one sentence for the user."""
        self._cancel = threading.Event()
        self._last_percent = -1
        self.finished.connect(self._finished)

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the export to stop at its next progress step; the target is then left as it was."""
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        """The export's progress hook, on the worker thread: tells the UI (once per percent) and answers whether to
        go on."""
        percent = 100 * done // total if total > 0 else 0
        if percent != self._last_percent:
            self._last_percent = percent
            self.progress.emit(done, total)
        return not self._cancel.is_set()

    def _make(self) -> None:
        """The export itself, on the worker thread; raises a cancelled error when the progress hook said to stop."""
        raise NotImplementedError

    def _cancelled(self, error: Exception) -> bool:
        """Whether `error` is this export's way of stopping when cancelled."""
        raise NotImplementedError

    def _unexpected(self, name: str) -> str:
        """The user's sentence for a bug of type `name`."""
        raise NotImplementedError

    def _os_message(self, error: OSError) -> str:
        raise NotImplementedError

    def run(self) -> None:  # the worker thread
        try:
            self._make()
            self.outcome = JobOutcome.DONE
        except CjmapperError as e:
            if self._cancelled(e):
                self.outcome = JobOutcome.CANCELLED
            else:
                self.outcome, self.message = JobOutcome.FAILED, str(e)
        except OSError as e:
            self.outcome, self.message = JobOutcome.FAILED, self._os_message(e)
        except Exception as e:  # a bug: log it for a report, show the user one sentence
            print(f"cjmapper: unexpected error while exporting {self.target.name}:", file=sys.stderr)
            traceback.print_exc(file=sys.stderr)
            self.outcome = JobOutcome.FAILED
            self.message = self._unexpected(type(e).__name__)

    def _finished(self) -> None:  # the UI thread, after run() returned
        self.wait()
        self.ended.emit()


class PosterJob(ExportJob):
    """Draws one poster into `target` on its own thread; `plan` is the poster's plan when DONE."""

    def __init__(self, journey: Journey, target: Path, options: PosterOptions, parent: QObject | None = None) -> None:
        super().__init__(journey, target, parent)
        self.setObjectName("posterJob")
        self.options = options
        self.plan: PosterPlan | None = None

    def _make(self) -> None:
        self.plan = render_poster(self.journey, self.target, self.options, self._progress)

    def _cancelled(self, error: Exception) -> bool:
        return isinstance(error, ExportCancelledError)

    def _unexpected(self, name: str) -> str:
        return self.tr("The poster could not be made because of an unexpected problem ({0}).").format(name)

    def _os_message(self, error: OSError) -> str:
        reason = error.strerror or str(error)
        return self.tr("The poster could not be written to {0}: {1}.").format(self.target, reason)


class DeckJob(ExportJob):
    """Writes one PowerPoint deck into `target` on its own thread (`cjmapper.pptx_export`, python-pptx: no Qt),
    its overview slide holding `overview`, the map's PNG picture the UI thread drew; `slides` counts them when
    DONE."""

    def __init__(self, journey: Journey, target: Path, overview: bytes, parent: QObject | None = None) -> None:
        super().__init__(journey, target, parent)
        self.setObjectName("deckJob")
        self.overview = overview
        self.slides = 0

    def _make(self) -> None:
        from cjmapper.pptx_export import write_deck

        self.slides = write_deck(self.journey, self.target, self.overview, self._progress)

    def _cancelled(self, error: Exception) -> bool:
        from cjmapper.pptx_export.builder import DeckCancelledError

        return isinstance(error, DeckCancelledError)

    def _unexpected(self, name: str) -> str:
        return self.tr("The PowerPoint file could not be made because of an unexpected problem ({0}).").format(name)

    def _os_message(self, error: OSError) -> str:
        reason = error.strerror or str(error)
        return self.tr("The PowerPoint file could not be written to {0}: {1}.").format(self.target, reason)
