"""View › Filter…: which cards of the open journey the canvas shows in full (the others are dimmed, never removed).

The dialog offers what the journey holds: its card lanes, the channels and owners its cards have (and "none" for
cards without one), a score range read from a persona's scores, a least number of votes, the statuses. It counts the
cards the choice keeps as it is made; OK applies it, Clear All unticks everything (a filter that keeps every card is
off). `spec()` is the `cjmapper.find.CardFilter` chosen.

"Scores of:" lists the journey's personas (by name, in their order) and chooses whose scores the score range reads:
the filter's persona, or else `current` (the persona strip's current persona), or else the first.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cjmapper import card_fields
from cjmapper.channels import channel_label
from cjmapper.find import CardFilter, matching_ids, owner_key
from cjmapper.model import SCORE_MAX, SCORE_MIN, CardStatus, Journey

NONE = "\x00none"
"""The list entry that stands for "no channel" or "no owner"."""


class FilterDialog(QDialog):
    """Choose a filter for `journey`, starting from `spec` (see the module's docstring)."""

    def __init__(
        self, journey: Journey, spec: CardFilter | None, parent: QWidget | None = None, current: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filterDialog")
        self.setWindowTitle(self.tr("Filter Cards"))
        self.journey = journey
        spec = spec or CardFilter()

        self.lanes = self._list("filterLanes")
        for lane in journey.lanes:
            if lane.kind.holds_cards:
                self._add(self.lanes, lane.name, lane.id, lane.id in spec.lanes)
        self.channels = self._list("filterChannels")
        keys = sorted({card.channel for card in journey.touchpoints if card.channel}, key=self._channel_name)
        for key in keys:
            self._add(self.channels, self._channel_name(key), key, key in spec.channels)
        self._add(self.channels, self.tr("(no channel)"), NONE, None in spec.channels)
        self.owners = self._list("filterOwners")
        owners: dict[str, str] = {}
        for card in journey.touchpoints:
            if card.owner.strip():
                owners.setdefault(owner_key(card.owner), " ".join(card.owner.split()))
        chosen_owners = {owner_key(owner) for owner in spec.owners}
        for key, name in sorted(owners.items(), key=lambda item: item[1].casefold()):
            self._add(self.owners, name, name, key in chosen_owners)
        self._add(self.owners, self.tr("(no owner)"), NONE, "" in chosen_owners)

        self.score_check = QCheckBox(self.tr("&Score from"), self)
        self.score_check.setObjectName("filterScoreOn")
        self.score_min = self._spin("filterScoreMin", SCORE_MIN, SCORE_MAX, spec.score_min or SCORE_MIN)
        self.score_max = self._spin("filterScoreMax", SCORE_MIN, SCORE_MAX, spec.score_max or SCORE_MAX)
        self.score_min.setAccessibleName(self.tr("Lowest score"))
        self.score_max.setAccessibleName(self.tr("Highest score"))
        self.score_check.setChecked(spec.score_min is not None or spec.score_max is not None or spec.scored_only)
        score_row = QHBoxLayout()
        score_row.addWidget(self.score_check)
        score_row.addWidget(self.score_min)
        score_row.addWidget(QLabel(self.tr("to"), self))
        score_row.addWidget(self.score_max)
        score_row.addStretch(1)
        self.persona_box = QComboBox(self)
        self.persona_box.setObjectName("filterPersona")
        if not journey.personas:
            self.persona_box.addItem(self.tr("The persona"), None)
        for index, persona in enumerate(journey.personas):
            name = " ".join(persona.name.split())
            self.persona_box.addItem(name or self.tr("Persona {0}").format(index + 1), persona.id)
        ids = [persona.id for persona in journey.personas]
        chosen = spec.persona if spec.persona in ids else current
        self.persona_box.setCurrentIndex(ids.index(chosen) if chosen in ids else 0)
        self.persona_box.setToolTip(self.tr("Whose scores the score range reads"))
        self.persona_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.votes = self._spin("filterVotes", 0, 1_000_000, spec.votes_min)
        self.votes.setSpecialValueText(self.tr("any number"))
        self.votes.setAccessibleName(self.tr("Least number of votes"))
        self.statuses: dict[CardStatus | None, QCheckBox] = {}
        status_row = QHBoxLayout()
        for value, text in card_fields.BY_NAME["status"].choices:
            status = CardStatus(str(value)) if value is not None else None
            label = self.tr("No status") if status is None else QCoreApplication.translate(card_fields.CONTEXT, text)
            box = QCheckBox(label, self)
            box.setObjectName(f"filterStatus-{status.value if status is not None else 'none'}")
            box.setChecked(status in spec.statuses)
            self.statuses[status] = box
            status_row.addWidget(box)
        status_row.addStretch(1)

        lists = QHBoxLayout()
        for title, widget in (
            (self.tr("&Lanes"), self.lanes),
            (self.tr("C&hannels"), self.channels),
            (self.tr("&Owners"), self.owners),
        ):
            group = QGroupBox(title.replace("&", ""), self)
            column = QVBoxLayout(group)
            column.addWidget(widget)
            lists.addWidget(group, 1)
        form = QFormLayout()
        form.addRow(self.tr("Scores of:"), self.persona_box)
        form.addRow(self.tr("Score range:"), score_row)
        votes_row = QHBoxLayout()
        votes_row.addWidget(self.votes)
        votes_row.addStretch(1)
        votes_label = QLabel(self.tr("&At least votes:"), self)
        votes_label.setBuddy(self.votes)
        form.addRow(votes_label, votes_row)
        form.addRow(self.tr("Status one of:"), status_row)
        self.count = QLabel(self)
        self.count.setObjectName("filterCount")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.clear_button = self.buttons.addButton(self.tr("C&lear All"), QDialogButtonBox.ButtonRole.ResetRole)
        self.clear_button.setObjectName("filterClear")
        self.clear_button.clicked.connect(self.clear)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Cards that do not match every choice are dimmed; nothing is removed."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(lists, 1)
        layout.addLayout(form)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        for widget in (self.lanes, self.channels, self.owners):
            widget.itemChanged.connect(self._update_count)
        for spin in (self.score_min, self.score_max, self.votes):
            spin.valueChanged.connect(self._update_count)
        for box in (self.score_check, *self.statuses.values()):
            box.toggled.connect(self._update_count)
        self.persona_box.currentIndexChanged.connect(self._update_count)
        self.resize(640, 460)
        self._update_count()

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setObjectName(name)
        return widget

    def _spin(self, name: str, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    @staticmethod
    def _add(widget: QListWidget, text: str, value: object, checked: bool) -> None:
        item = QListWidgetItem(text, widget)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _channel_name(self, key: str) -> str:
        return channel_label(key, self.journey.language)

    @staticmethod
    def _ticked(widget: QListWidget) -> Iterable[object]:
        for row in range(widget.count()):
            item = widget.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                yield item.data(Qt.ItemDataRole.UserRole)

    def tick(self, widget: QListWidget, values: Iterable[object]) -> None:
        """Tick the entries of `widget` holding `values` (and untick the others)."""
        wanted = set(values)
        for row in range(widget.count()):
            item = widget.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def spec(self) -> CardFilter:
        """The filter chosen."""
        scored = self.score_check.isChecked()
        low, high = sorted((self.score_min.value(), self.score_max.value()))
        return CardFilter(
            lanes=frozenset(int(str(value)) for value in self._ticked(self.lanes)),
            channels=frozenset(None if value == NONE else str(value) for value in self._ticked(self.channels)),
            owners=frozenset("" if value == NONE else str(value) for value in self._ticked(self.owners)),
            score_min=low if scored else None,
            score_max=high if scored else None,
            votes_min=self.votes.value(),
            statuses=frozenset(status for status, box in self.statuses.items() if box.isChecked()),
            persona=self.persona_box.currentData() if scored else None,
        )

    def clear(self) -> None:
        """Untick everything: a filter that keeps every card."""
        for widget in (self.lanes, self.channels, self.owners):
            self.tick(widget, ())
        self.score_check.setChecked(False)
        self.votes.setValue(0)
        for box in self.statuses.values():
            box.setChecked(False)

    def _update_count(self) -> None:
        spec = self.spec()
        total = len(self.journey.touchpoints)
        if not spec.active:
            self.count.setText(self.tr("No filter: all {0} cards are shown.").format(total))
        else:
            kept = len(matching_ids(self.journey, spec))
            self.count.setText(self.tr("{0} of {1} cards match.").format(kept, total))
