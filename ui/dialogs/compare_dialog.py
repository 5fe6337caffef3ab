"""Journey › Compare Versions…: what changed between two saved versions of the open journey, or between a version
and the journey as it is now.

The dialog shows one map: the "to" journey with what was removed put back, ghosted (`compare.shown_journey`), on a
read-only canvas (`VersionDocument`, the structure locked), each added, removed, moved or changed card marked
(`ui.canvas.compare_marks`); beside it the list of differences as `cjmapper diff` words them (clicking one selects
its card and scrolls to it), and below the summary. Export Poster… prints both maps on one sheet.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cjmapper.compare import Comparison, compare, shown_journey
from cjmapper.compare_words import card_lines, part_line, summary_lines
from cjmapper.errors import CjmapperError
from cjmapper.file_names import name_limit, title_part
from cjmapper.model import Journey

from ..canvas.compare_marks import CompareMark, Side, mark_cards
from ..canvas.scene import JourneyScene
from ..canvas.view import JourneyView
from ..editing.document import JourneyDocument
from ..recent_folders import remember_folder, start_folder
from .versions_dialog import VersionDocument, saved_text

NOW = -1
"""The "to" choice that is the journey as it is now."""
CARD_ROLE = Qt.ItemDataRole.UserRole
"""A difference's card id on the one map (None: a phase, lane or persona)."""
BEFORE_ROLE = Qt.ItemDataRole.UserRole + 1
"""... its id in the version before (None: added, or a phase or lane)."""
AFTER_ROLE = Qt.ItemDataRole.UserRole + 2
"""... and after (None: removed, or a phase or lane)."""

POSTER_PAPERS = ("A4", "A3", "A2", "A1", "A0")
DEFAULT_PAPER = "A3"
PORTRAIT = " portrait"
"""The paper box's data: the paper's name, with this after it for upright paper."""


class CompareDialog(QDialog):
    """Two versions of the open journey compared on one map."""

    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.comparison: Comparison | None = None
        self.names: tuple[str, str | None] = ("", None)
        self.marks: dict[int, CompareMark] = {}
        self.scene: JourneyScene | None = None
        """The one map, or side by side the version after."""
        self.before_scene: JourneyScene | None = None
        """Side by side: the version before."""
        self.before_marks: dict[int, CompareMark] = {}
        self.setWindowTitle(self.tr("Compare Versions of {0}").format(document.journey.title))
        self.from_box = QComboBox(self)
        self.to_box = QComboBox(self)
        self.from_box.setAccessibleName(self.tr("Compare from"))
        self.to_box.setAccessibleName(self.tr("Compare to"))
        self.empty = QLabel(
            self.tr("No versions yet. Save one in Journey › Versions… to compare the journey with it."), self
        )
        self.empty.setWordWrap(True)
        self.view = JourneyView(self)
        self.before_view = JourneyView(self)
        self.side_by_side = QCheckBox(self.tr("&Side by side"), self)
        self.side_by_side.setToolTip(self.tr("Each version on a map of its own, the earlier one on the left"))
        self.side_by_side.toggled.connect(lambda _on: self.refresh())
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Differences"))
        self.list.currentItemChanged.connect(lambda item, _previous: self.show_difference(item))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.paper_box = QComboBox(self)
        self.paper_box.setAccessibleName(self.tr("Poster paper"))
        for name in POSTER_PAPERS:
            self.paper_box.addItem(self.tr("{0} landscape").format(name), name)
            self.paper_box.addItem(self.tr("{0} portrait").format(name), name + PORTRAIT)
        self.paper_box.setCurrentIndex(self.paper_box.findData(DEFAULT_PAPER))
        self.poster_button = QPushButton(self.tr("Export &Poster…"), self)
        self.poster_button.setToolTip(self.tr("Both maps on one sheet, the differences marked, with the summary"))
        self.poster_button.clicked.connect(lambda: self.export())
        self.message = QLabel(self)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)

        choose = QFormLayout()
        choose.addRow(self.tr("&From:"), self.from_box)
        choose.addRow(self.tr("&To:"), self.to_box)
        choose.addRow("", self.side_by_side)
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Differences:"), side))
        column.addWidget(self.list, 1)
        column.addWidget(self.summary)
        self.split = split = QSplitter(Qt.Orientation.Horizontal, self)
        self.before_heading = QLabel(self)
        self.after_heading = QLabel(self)
        for heading in (self.before_heading, self.after_heading):
            heading.setStyleSheet("font-weight: bold;")
            heading.hide()
        self.before_pane = self._pane(self.before_heading, self.before_view)
        split.addWidget(self.before_pane)
        split.addWidget(self._pane(self.after_heading, self.view))
        split.addWidget(side)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([0, 820, 380])
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.paper_box)
        buttons.addWidget(self.poster_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.resize(1200, 760)
        self.before_pane.hide()
        self._fill_choices()
        self.from_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.to_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self._closed = False
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(100)
        self._later.timeout.connect(self.refresh)
        document.changed.connect(self._journey_changed)
        document.versions_changed.connect(self._versions_changed)
        document.destroyed.connect(self.close)  # the journey was closed
        self.refresh()

    # ------------------------------------------------------------------ choosing

    def _fill_choices(self) -> None:
        """The versions in both boxes, newest first ("now" first among the "to" choices); what was chosen stays
        chosen while it is there (else the newest version, and now)."""
        try:
            versions = self.document.library.list_versions(self.document.journey_id)
        except CjmapperError as e:
            versions = []
            self.empty.setText(str(e))
        chosen = (self.from_box.currentData(), self.to_box.currentData())
        for box in (self.from_box, self.to_box):
            box.blockSignals(True)
            box.clear()
        self.to_box.addItem(self.tr("The journey now"), NOW)
        for info in versions:  # newest first
            label = self.tr("{0} (saved {1})").format(info.name, saved_text(info.created_at))
            self.from_box.addItem(label, info.id)
            self.to_box.addItem(label, info.id)
        for box, data in zip((self.from_box, self.to_box), chosen, strict=True):
            box.setCurrentIndex(max(0, box.findData(data)) if data is not None else 0)
            box.blockSignals(False)
        self.empty.setVisible(not versions)
        for widget in (self.from_box, self.to_box, self.paper_box, self.poster_button):
            widget.setEnabled(bool(versions))

    def _versions_changed(self) -> None:
        if self._closed:
            return
        self._fill_choices()
        self.refresh()

    def _journey_changed(self, _change: object) -> None:
        """An edit of the open journey: compared again (once the edits of the moment are done) when "now" is the
        "to" side."""
        if not self._closed and self.to_box.currentData() == NOW:
            self._later.start()

    def choose(self, from_version: int, to_version: int | None) -> Comparison | None:
        """Compare the version with id `from_version` with the one with id `to_version` (None: the journey now), as
        choosing them in the boxes does."""
        self.from_box.setCurrentIndex(self.from_box.findData(from_version))
        self.to_box.setCurrentIndex(self.to_box.findData(NOW if to_version is None else to_version))
        return self.comparison

    def _load(self, box: QComboBox) -> tuple[Journey, str | None]:
        version_id = box.currentData()
        library = self.document.library
        if version_id == NOW:
            return library.load_journey(self.document.journey_id), None
        return library.load_version(version_id), library.version_info(version_id).name

    # ------------------------------------------------------------------ showing

    def refresh(self) -> Comparison | None:
        """Compare what the boxes name and show it."""
        if self.from_box.currentIndex() < 0:
            return None
        try:
            before, before_name = self._load(self.from_box)
            after, after_name = self._load(self.to_box)
        except CjmapperError as e:
            QMessageBox.warning(self, "cjmapper", str(e))
            return None
        assert before_name is not None
        comparison = compare(before, after)
        self.comparison = comparison
        self.names = (before_name, after_name)
        title = f"{before_name} → {after_name if after_name is not None else self.tr('now')}"
        apart = self.side_by_side.isChecked()
        self.scene, self.marks = self._show(
            self.view, self.scene, after if apart else shown_journey(comparison), title, "after" if apart else "one map"
        )
        if apart:
            self.before_scene, self.before_marks = self._show(
                self.before_view, self.before_scene, before, before_name, "before"
            )
        else:
            self._drop(self.before_view, self.before_scene)
            self.before_scene, self.before_marks = None, {}
        self.before_heading.setText(before_name)
        self.after_heading.setText(after_name if after_name is not None else self.tr("The journey now"))
        self.after_heading.setVisible(apart)
        self.before_heading.setVisible(apart)
        if apart != self.before_pane.isVisibleTo(self):
            self.before_pane.setVisible(apart)
            maps, side = sum(self.split.sizes()[:2]), self.split.sizes()[2]
            self.split.setSizes([maps // 2, maps - maps // 2, side] if apart else [0, maps, side])
        self._fill_list(comparison)
        self.summary.setText("\n".join(summary_lines(comparison)))
        if self.isVisible():
            self._fit()
        return comparison

    def _pane(self, heading: QLabel, view: JourneyView) -> QWidget:
        pane = QWidget(self)
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading)
        column.addWidget(view, 1)
        return pane

    def _show(
        self, view: JourneyView, old: JourneyScene | None, journey: Journey, name: str, side: Side
    ) -> tuple[JourneyScene, dict[int, CompareMark]]:
        """`journey` on a new read-only scene in `view` (the old one dropped), its cards marked for `side`."""
        comparison = self.comparison
        assert comparison is not None
        scene = JourneyScene(VersionDocument(self.document.library, journey, name, self), self)
        scene.structure_locked = True
        tooltips = {d.card.id: "\n".join(card_lines(comparison, d)) for d in comparison.cards}
        marks = mark_cards(scene, comparison, tooltips, side)
        view.setScene(scene)
        self._drop(None, old)
        return scene, marks

    @staticmethod
    def _drop(view: JourneyView | None, scene: JourneyScene | None) -> None:
        if view is not None:
            view.setScene(None)
        if scene is not None:
            scene.dispose()
            scene.deleteLater()
            scene.document.deleteLater()

    def _fit(self) -> None:
        self.view.fit()
        if self.before_view.isVisible():
            self.before_view.fit()

    def _fill_list(self, comparison: Comparison) -> None:
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for part in (*comparison.phases, *comparison.lanes, *comparison.personas):
                item = QListWidgetItem(part_line(part))
                item.setData(CARD_ROLE, None)
                self.list.addItem(item)
            for difference in comparison.cards:
                for line in card_lines(comparison, difference):
                    item = QListWidgetItem(line)
                    item.setData(CARD_ROLE, difference.card.id)
                    item.setData(BEFORE_ROLE, difference.before.id if difference.before is not None else None)
                    item.setData(AFTER_ROLE, difference.after.id if difference.after is not None else None)
                    self.list.addItem(item)
            if not self.list.count():
                self.list.addItem(QListWidgetItem(self.tr("No differences.")))
        finally:
            self.list.blockSignals(False)

    def differences(self) -> list[str]:
        found = (self.list.item(i) for i in range(self.list.count()))
        return [item.text() for item in found if item is not None]

    def show_difference(self, item: QListWidgetItem | None) -> None:
        """Select the card of the difference clicked and scroll to it (side by side: on both maps it is on)."""
        if item is None or item.data(CARD_ROLE) is None:
            return
        if self.before_scene is None:
            shown = [(self.view, self.scene, item.data(CARD_ROLE))]
        else:
            shown = [(self.before_view, self.before_scene, item.data(BEFORE_ROLE))]
            shown.append((self.view, self.scene, item.data(AFTER_ROLE)))
        for view, scene, card_id in shown:
            if scene is None:
                continue
            scene.select_ids([] if card_id is None else [card_id])
            card = scene.card_item(card_id) if card_id is not None else None
            if card is not None:
                view.ensureVisible(card, 40, 40)

    def export(self, target: Path | None = None) -> Path | None:
        """Export Poster…: ask where (unless `target` is given) and write the comparison poster on the paper
        chosen; returns the file written."""
        if self.comparison is None:
            return None
        before_name, after_name = self.names
        if target is None:
            folder = start_folder("poster", Path.home())
            after = after_name if after_name is not None else self.tr("now")
            name = title_part(f"{self.document.journey.title} {before_name} - {after}", name_limit(folder) - 4)
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export comparison poster"), str(folder / f"{name}.pdf"), self.tr("PDF documents (*.pdf)")
            )
            if not path:
                return None
            target = Path(path)
            if target.suffix.lower() != ".pdf":
                target = target.with_name(target.name + ".pdf")
            remember_folder("poster", target.parent)
        from cjmapper.poster import PAPERS  # reportlab: loaded by the first poster, not with the window
        from cjmapper.poster.compare_poster import render_comparison_poster

        chosen = str(self.paper_box.currentData())
        paper, portrait = chosen.removesuffix(PORTRAIT), chosen.endswith(PORTRAIT)
        try:
            self.document.library.refuse_own_file(target)
            plan = render_comparison_poster(self.comparison, before_name, after_name, target, PAPERS[paper], portrait)
        except CjmapperError as e:
            QMessageBox.warning(self, "cjmapper", str(e))
            return None
        self.message.setText(self.tr("Poster written to {0}").format(target.name))
        warning = plan.warning()
        if warning is not None:
            QMessageBox.warning(self, "cjmapper", warning)
        return target

    # ------------------------------------------------------------------ Qt

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)  # type: ignore[arg-type]
        self._fit()

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self._closed = True  # the journey's signals may still come (and the journey may be going: no disconnecting)
        self._later.stop()
        for view, scene in ((self.view, self.scene), (self.before_view, self.before_scene)):
            view.setScene(None)
            if scene is not None:
                scene.dispose()
        super().closeEvent(event)  # type: ignore[arg-type]
