"""The reliability state machine (issue 6, Fuzzing): edits, undo, redo, named versions, reopen and concurrent writes
from a second connection, interleaved at random.

It extends the editor's `DocumentMachine` (tests/test_commands.py: card, phase, lane and journey edits, macros,
undo, redo, an undo refused under another program's lock) with:

- named versions through the document (save, delete, restore: each one undo step; restoring is undoable);
- reopen: the document and the library closed, the file opened again, a new document on it;
- a second `Library` on the same file editing the journey directly (rename, add or delete a card, rename a phase,
  save a version), after which the document must notice it, in one of the ways the editor does: the window's poll
  (`journey_revisions`, then `refresh(revision)`), a plain `refresh()`, or an edit or undo that is refused with the
  stale-edit message. The undo history then keeps exactly the steps that hold no part the other's edit changed (and
  that no dropped step stands in the way of), as the machine predicts from its own record of what each step changed
  (`step_parts`); a refused undo clears it all;
- a poll while nothing changed elsewhere, which must neither re-read nor clear the history.

Invariant after every step: the document's journey equals the file as a fresh `Library` reads it (canonically,
exactly, and as journey-json-v1 text); the versions listed are exactly the ones saved (by either side) minus the
ones deleted, as undo and redo leave them; the revision never goes back, and goes up whenever the content changed.
Every foreign edit is in the document and the file once noticed (nothing acknowledged is lost), and every edit of
the document is checked by `DocumentMachine` (undo and redo give back exactly the journey of that history step).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import invariant, precondition, rule, run_state_machine_as_test
from PySide6.QtWidgets import QApplication

from cjmapper.editing.parts import JOURNEY_FIELDS, Parts, changed_parts
from cjmapper.interchange import write_journey
from cjmapper.model import Journey
from cjmapper.store import Library
from tests.test_commands import DocumentMachine, canonical, content, exact
from tests.thoroughness import examples
from ui.editing.document import JourneyDocument

NOTICE_WAYS = ("poll", "refresh", "edit", "undo")
"""How the document finds out about a foreign write: the window's poll, refresh(), a refused edit, a refused undo."""


def step_parts(before: Journey, after: Journey) -> Parts:
    """What an undo step from `before` to `after` holds, by the rule of `cjmapper.editing.parts` (README, "Two
    editors"), told from the two journeys alone: a card whose fields changed; a card added, removed or moved (a
    new cell or sort key) with the cells it left and entered; a phase or lane changed, or added or removed with
    every cell of it and the order; the order of phases or lanes; the journey's own fields."""
    old_cards = {t.id: t for t in before.touchpoints}
    new_cards = {t.id: t for t in after.touchpoints}
    cards = {i for i in old_cards.keys() | new_cards.keys() if old_cards.get(i) != new_cards.get(i)}
    cells = set()
    for i in cards:
        old, new = old_cards.get(i), new_cards.get(i)
        placed = [(t.phase_id, t.lane_id, t.position) for t in (old, new) if t is not None]
        if len(placed) == 1 or placed[0] != placed[1]:
            cells |= {(phase, lane) for phase, lane, _ in placed}
    parts = Parts(cards=frozenset(cards), cells=frozenset(cells))
    for kind in ("phases", "lanes"):
        old_items = {x.id: x for x in getattr(before, kind)}
        new_items = {x.id: x for x in getattr(after, kind)}
        changed = frozenset(i for i in old_items.keys() | new_items.keys() if old_items.get(i) != new_items.get(i))
        whole = frozenset(old_items.keys() ^ new_items.keys())
        order = list(old_items) != list(new_items)
        parts |= (
            Parts(phases=changed, whole_phases=whole, phase_order=order)
            if kind == "phases"
            else Parts(lanes=changed, whole_lanes=whole, lane_order=order)
        )
    fields = frozenset(name for name in JOURNEY_FIELDS if getattr(before, name) != getattr(after, name))
    return parts | Parts(fields=fields)


def patched(state: Journey, before: Journey, after: Journey) -> Journey:
    """`state` (a journey of the undo history) with the other's edit (`before` to `after`) made in it too: what
    undo and redo of a kept step must give back. Their cards, phases and lanes replaced by id, their fields set."""
    old_cards = {t.id: t for t in before.touchpoints}
    new_cards = {t.id: t for t in after.touchpoints}
    theirs = {i for i in old_cards.keys() | new_cards.keys() if old_cards.get(i) != new_cards.get(i)}
    cards = [t for t in state.touchpoints if t.id not in theirs] + [new_cards[i] for i in theirs if i in new_cards]
    phases = {p.id: p for p in after.phases if p not in before.phases}
    lanes = {lane.id: lane for lane in after.lanes if lane not in before.lanes}
    fields = {name: getattr(after, name) for name in JOURNEY_FIELDS if getattr(before, name) != getattr(after, name)}
    return content(
        replace(
            state,
            touchpoints=cards,
            phases=[phases.get(p.id, p) for p in state.phases],
            lanes=[lanes.get(lane.id, lane) for lane in state.lanes],
            **fields,
        )
    )


class ReliabilityMachine(DocumentMachine):
    def __init__(self) -> None:
        super().__init__()
        self.notices: list[str] = []
        self.doc.notice.connect(self.notices.append)
        self.other = Library.open(self.path, busy_timeout_ms=50)
        """The second connection: another program (or window) writing to the same file."""
        self.saved: dict[int, str] = {}
        """The versions the file must list now: id -> name."""
        self.saved_at: dict[int, dict[int, str]] = {0: {}}
        """`saved` at each index of the undo stack (like `history`, for the versions)."""
        self.version_content: dict[int, Journey] = {}
        """What each version saved (its content, without the revision)."""
        self.last_content = content(self.doc.journey)
        self.last_revision = self.doc.journey.revision
        self.counter = self.lib.change_counter()
        """The library's change counter before the latest foreign write (what the window's poll compares)."""
        self.holds_more: dict[int, Parts] = {}
        """What the step that leads to an index of the undo stack holds beyond what its two journeys tell
        (`step_parts`): a restored version the whole journey, a moved phase or lane that one."""

    def teardown(self) -> None:
        self.other.close()
        super().teardown()

    # ------------------------------------------------------------------ history bookkeeping for versions

    def edited(self) -> None:
        super().edited()
        stack = self.doc.undo_stack
        index = stack.index()
        if stack.count() > index:  # nothing pushed: nothing changed, the versions neither
            assert self.saved == self.saved_at[index]
            return
        self.saved_at = {i: state for i, state in self.saved_at.items() if i < index}
        self.saved_at[index] = dict(self.saved)
        self.holds_more = {i: parts for i, parts in self.holds_more.items() if i < index}

    def history_cleared(self) -> None:
        """The undo history is gone (a refusal, a foreign write, a reopen): the journey as it is starts it again."""
        assert self.doc.undo_stack.count() == 0
        self.history = {0: content(self.doc.journey)}
        self.saved_at = {0: dict(self.saved)}
        self.holds_more = {}

    @rule()
    def undo(self) -> None:
        super().undo()
        self.saved = dict(self.saved_at[self.doc.undo_stack.index()])

    @rule()
    def redo(self) -> None:
        super().redo()
        self.saved = dict(self.saved_at[self.doc.undo_stack.index()])

    @rule(data=st.data(), index=st.integers(0, 5))
    def move_phase(self, data: st.DataObject, index: int) -> None:
        """DocumentMachine's, noting the phase moved (its step holds it: its journeys do not tell which moved)."""
        phase_id = data.draw(st.sampled_from(self.doc.journey.phases)).id
        at = self.doc.undo_stack.index()
        assert self.doc.move_phase(phase_id, index)
        self.edited()
        if self.doc.undo_stack.index() > at:
            self.holds_more[self.doc.undo_stack.index()] = Parts(phases=frozenset({phase_id}))

    @rule(data=st.data(), index=st.integers(0, 5))
    def move_lane(self, data: st.DataObject, index: int) -> None:
        """DocumentMachine's, noting the lane moved."""
        lane_id = data.draw(st.sampled_from(self.doc.journey.lanes)).id
        at = self.doc.undo_stack.index()
        assert self.doc.move_lane(lane_id, index)
        self.edited()
        if self.doc.undo_stack.index() > at:
            self.holds_more[self.doc.undo_stack.index()] = Parts(lanes=frozenset({lane_id}))

    @precondition(lambda self: self.doc.undo_stack.canUndo())
    @rule()
    def undo_while_locked(self) -> None:
        super().undo_while_locked()
        self.history_cleared()

    # ------------------------------------------------------------------ named versions

    @rule()
    def save_version(self) -> None:
        info = self.doc.save_version(self.name("Version"))
        assert info is not None
        self.saved[info.id] = info.name
        self.version_content[info.id] = content(self.doc.journey)
        self.edited()

    @precondition(lambda self: bool(self.saved))
    @rule(data=st.data())
    def delete_version(self, data: st.DataObject) -> None:
        version_id = data.draw(st.sampled_from(sorted(self.saved)))
        assert self.doc.delete_version(version_id)
        del self.saved[version_id]
        self.edited()

    @precondition(lambda self: bool(self.saved))
    @rule(data=st.data())
    def restore_version(self, data: st.DataObject) -> None:
        version_id = data.draw(st.sampled_from(sorted(self.saved)))
        assert self.doc.restore_version(version_id)
        assert content(self.doc.journey) == self.version_content[version_id]
        self.edited()
        self.holds_more[self.doc.undo_stack.index()] = Parts(everything=True)

    # ------------------------------------------------------------------ reopen

    @rule()
    def reopen(self) -> None:
        """Close the document and the library, open the file again (the other connection stays open)."""
        journey_id = self.doc.journey_id
        before = content(self.doc.journey)
        self.doc.deleteLater()
        self.lib.close()
        self.lib = Library.open(self.path, busy_timeout_ms=50)
        self.doc = JourneyDocument(self.lib, journey_id)
        self.doc.failed.connect(self.failures.append)
        self.doc.notice.connect(self.notices.append)
        assert content(self.doc.journey) == before
        self.history_cleared()

    # ------------------------------------------------------------------ the other connection

    @rule()
    def poll_without_change(self) -> None:
        """The window's poll while nobody else wrote: no re-read, the undo history stays."""
        count = self.doc.undo_stack.count()
        revisions = self.lib.journey_revisions()
        assert not self.doc.refresh(revisions[self.doc.journey_id])
        assert self.doc.undo_stack.count() == count

    def theirs(self) -> Journey:
        return self.other.load_journey(self.doc.journey_id)

    def begin(self) -> Journey:
        """Before the other connection writes: the window's change counter as its poll last saw it, their journey."""
        self.counter = self.lib.change_counter()
        return self.theirs()

    def their_cells(self) -> list[tuple[int, int]]:
        journey = self.theirs()
        return [(p.id, lane.id) for p in journey.phases for lane in journey.lanes if lane.kind.holds_cards]

    @precondition(lambda self: bool(self.card_ids()))
    @rule(data=st.data(), way=st.sampled_from(NOTICE_WAYS))
    def foreign_rename_card(self, data: st.DataObject, way: str) -> None:
        before = self.begin()
        card_id = data.draw(st.sampled_from([t.id for t in before.touchpoints]))
        name = self.name("Foreign card")
        self.other.update_touchpoint(card_id, title=name)
        after = self.theirs()
        assert after.touchpoint(card_id).title == name
        self.notice(before, after, way)

    @precondition(lambda self: bool(self.cells()))
    @rule(data=st.data(), index=st.none() | st.integers(0, 3), way=st.sampled_from(NOTICE_WAYS))
    def foreign_add_card(self, data: st.DataObject, index: int | None, way: str) -> None:
        before = self.begin()
        cell = data.draw(st.sampled_from(self.their_cells()))
        name = self.name("Foreign card")
        card_id = self.other.add_touchpoint(before.id, *cell, name, index=index).touchpoint.id
        after = self.theirs()
        assert after.touchpoint(card_id).title == name
        self.notice(before, after, way)

    @precondition(lambda self: bool(self.card_ids()))
    @rule(data=st.data(), way=st.sampled_from(NOTICE_WAYS))
    def foreign_delete_card(self, data: st.DataObject, way: str) -> None:
        before = self.begin()
        card_id = data.draw(st.sampled_from([t.id for t in before.touchpoints]))
        self.other.delete_touchpoints([card_id])
        after = self.theirs()
        assert card_id not in {t.id for t in after.touchpoints}
        self.notice(before, after, way)

    @rule(data=st.data(), way=st.sampled_from(NOTICE_WAYS))
    def foreign_rename_phase(self, data: st.DataObject, way: str) -> None:
        before = self.begin()
        phase_id = data.draw(st.sampled_from([p.id for p in before.phases]))
        name = self.name("Foreign phase")
        self.other.update_phase(phase_id, name=name)
        after = self.theirs()
        assert after.phase(phase_id).name == name
        self.notice(before, after, way)

    @rule(way=st.sampled_from(NOTICE_WAYS))
    def foreign_save_version(self, way: str) -> None:
        before = self.begin()
        info = self.other.save_version(before.id, self.name("Foreign version"))
        self.saved[info.id] = info.name
        self.version_content[info.id] = content(before)
        self.notice(before, self.theirs(), way)

    def kept_steps(self, before: Journey, after: Journey) -> range:
        """The undo steps (by index) the other's edit from `before` to `after` leaves: none that holds a part it
        changed, no undo step below such a step and no redo step above one."""
        stack = self.doc.undo_stack
        count, index = stack.count(), stack.index()
        theirs = changed_parts(before, after)
        meets = [
            (step_parts(self.history[i], self.history[i + 1]) | self.holds_more.get(i + 1, Parts())).meets(theirs)
            for i in range(count)
        ]
        first = max((i + 1 for i in range(index) if meets[i]), default=0)
        last = next((i for i in range(index, count) if meets[i]), count)
        return range(first, last)

    def history_kept(self, kept: range, before: Journey, after: Journey) -> None:
        """The undo history is now the steps `kept` (indices of the old stack), each state with the other's edit."""
        stack = self.doc.undo_stack
        index = stack.index()
        assert stack.count() == len(kept), (stack.count(), kept)
        theirs = {i: name for i, name in self.saved.items() if i not in self.saved_at[index + kept.start]}
        self.history = {
            i - kept.start: patched(self.history[i], before, after) for i in range(kept.start, kept.stop + 1)
        }
        self.saved_at = {i - kept.start: {**self.saved_at[i], **theirs} for i in range(kept.start, kept.stop + 1)}
        self.holds_more = {i - kept.start: p for i, p in self.holds_more.items() if kept.start < i <= kept.stop}
        assert self.history[index] == content(self.doc.journey)

    def notice(self, before: Journey, acknowledged: Journey, way: str) -> None:
        """After the other connection's edit (acknowledged: it returned, and it reads it back): the document finds
        out `way`, shows their journey, and keeps the undo steps `kept_steps` predicts (none after a refused undo,
        whose failure clears the history); the kept ones still undo and redo to the history's journeys."""
        assert acknowledged.revision > before.revision
        count = self.doc.undo_stack.count()
        kept = self.kept_steps(before, acknowledged)
        shortened = ""
        if len(kept) < count:
            shortened = "Undo history cleared" if not kept else "Undo history shortened"
        failures, notices = len(self.failures), len(self.notices)
        if way == "undo" and not self.doc.undo_stack.canUndo():
            way = "edit"
        if way == "poll":  # as MainWindow.poll_changes does it
            assert self.lib.change_counter() != self.counter
            assert self.doc.refresh(self.lib.journey_revisions()[self.doc.journey_id])
        elif way == "refresh":
            assert self.doc.refresh()
        elif way == "edit":
            assert not self.doc.update_journey(description=self.name("Mine"))
        else:
            self.doc.undo_stack.undo()
        if way in ("poll", "refresh"):
            assert len(self.notices) == notices + 1
            if shortened:
                assert self.notices[-1].startswith(shortened), self.notices[-1]
            else:
                assert self.notices[-1] == "Updated with changes made elsewhere."
            assert len(self.failures) == failures
        else:
            assert len(self.failures) == failures + 1
            assert len(self.notices) == notices
            if way == "edit":
                if shortened:
                    assert self.failures[-1].startswith(JourneyDocument.stale_message() + " " + shortened)
                else:
                    assert self.failures[-1] == JourneyDocument.stale_message()
            else:
                # Also when their edit removed what the undo touches (the library's lookup then fails before its
                # revision check): the document sees the revision moved and says why.
                assert self.failures[-1].startswith("Could not undo")
                assert JourneyDocument.stale_message() in self.failures[-1]
        assert content(self.doc.journey) == content(acknowledged)  # their work stays, and the map shows it
        assert self.doc.journey.revision == acknowledged.revision
        if way == "undo":
            self.history_cleared()
        else:
            self.history_kept(kept, before, acknowledged)

    # ------------------------------------------------------------------ the invariant

    @invariant()
    def snapshot_equals_file(self) -> None:
        """Replaces DocumentMachine's invariant (one fresh open per step checks everything)."""
        with Library.open(self.path) as fresh:
            on_file = fresh.load_journey(self.doc.journey_id)
            listed = {v.id: v.name for v in fresh.list_versions(self.doc.journey_id)}
        assert canonical(self.doc.journey) == canonical(on_file)
        assert exact(self.doc.journey) == exact(on_file)
        assert write_journey(self.doc.journey) == write_journey(on_file)
        assert listed == self.saved
        now = content(on_file)
        if now != self.last_content:
            assert on_file.revision > self.last_revision, "the journey changed but its revision did not go up"
        assert on_file.revision >= self.last_revision
        self.last_content, self.last_revision = now, on_file.revision


def test_reliability_state_machine(qapp: QApplication) -> None:
    """See the module docstring. The machine's documents are deleted by the deferred deletes the conftest runs
    after each test."""
    run_state_machine_as_test(
        ReliabilityMachine,
        settings=settings(
            max_examples=examples(30, 10),  # CI's count, fewer in the default run
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
