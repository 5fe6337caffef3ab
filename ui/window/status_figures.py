"""The journey's figures in the window's status bar: its touchpoints, average score and CSAT."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from cjmapper.model import Journey, summarize

from ..i18n import decimal


def score_text(value: float | None) -> str:
    return "–" if value is None else decimal(value)


def csat_text(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


class JourneyFigures(QLabel):
    """A status bar label: "3 touchpoints  ·  average score 3.7  ·  CSAT 67%" of the journey shown (empty: none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusFigures")

    def show_journey(self, journey: Journey | None) -> None:
        if journey is None:
            self.setText("")
            return
        summary = summarize(journey)
        cards = (
            self.tr("1 touchpoint")
            if summary.touchpoints == 1
            else self.tr("{0} touchpoints").format(summary.touchpoints)
        )
        self.setText(
            self.tr("{0}  ·  average score {1}  ·  CSAT {2}").format(
                cards, score_text(summary.average), csat_text(summary.csat)
            )
        )
