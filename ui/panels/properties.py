"""The properties panel: edits the selected card, the selected cards together, or (nothing selected) the journey.

Every change goes through the `JourneyDocument`, one undo step each. Text fields write as the user types
(`typing=True`, so a field's run of keystrokes is one undo step; leaving the field ends the run): the library
holds the text at every keystroke. Text the library would refuse (an empty title, too long a text) is not
written; a message says why under the field, and the field shows the stored value again when it loses focus.
Buttons, lists and numbers write at once.

When the document changes (undo, redo, the canvas), the panel shows the new values without writing them back,
and a field whose stored value did not change keeps what is typed in it and its cursor.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cjmapper import card_fields
from cjmapper.card_fields import CardField
from cjmapper.model import (
    MAX_PERSONA_NAME,
    MAX_TEXT,
    MAX_TITLE,
    MAX_VOTES,
    Framework,
    Journey,
    Language,
    Persona,
    Rating,
    Touchpoint,
)

from ..editing.document import Change, ChangeKind, JourneyDocument
from ..length_limit import show_limit
from .accessible_names import name_fields
from .card_image import CardImageView
from .comment_thread import CommentThread
from .field_editors import (
    ChannelCombo,
    ChoiceCombo,
    ColorPicker,
    Page,
    ScoreButtons,
    TextBinding,
    message_label,
    plain_text,
    too_long,
    with_message,
)
from .place_editor import PlaceBox


class PropertiesPanel(QWidget):
    """The properties of the selection, for a dock. Bind it with `set_document` and tell it the selection with
    `set_selection`: one card, several cards, or none (then it edits the journey)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesPanel")
        self._document: JourneyDocument | None = None
        self.current_persona = 0
        """The index of the persona whose score and target the card's score buttons edit."""
        self._selection: list[int] = []
        self._failure: str | None = None
        self._loading = False
        self._bindings: list[TextBinding] = []
        self._lock_note: QLabel | None = None

        self._stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        self._empty = QLabel(self.tr("No journey is open."), self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setEnabled(False)
        self._stack.addWidget(self._empty)
        self._build_card_page()
        self._build_cards_page()
        self._build_journey_page()
        name_fields(self)  # for screen readers
        self._show()

    # ------------------------------------------------------------------ public API

    def document(self) -> JourneyDocument | None:
        return self._document

    def set_document(self, document: JourneyDocument | None) -> None:
        """Edit `document` (None: nothing is open). The selection is cleared: the journey's fields show."""
        if self._document is not None:
            self._end_typing()
            self._document.changed.disconnect(self._document_changed)
            self._document.failed.disconnect(self._document_failed)
        self._document = document
        if document is not None:
            document.changed.connect(self._document_changed)
            document.failed.connect(self._document_failed)
        self._selection = []
        self._show()

    def selection(self) -> list[int]:
        return list(self._selection)

    def set_selection(self, ids: Iterable[int]) -> None:
        """The selected cards' ids (ids not on the journey are ignored)."""
        wanted = list(dict.fromkeys(ids))
        if wanted == self._selection:
            return
        self._end_typing()
        self._selection = wanted
        self._show()

    def show_comments(self) -> None:
        """Bring the shown card's comments into view, the cursor in the box for a new one."""
        if self.mode() == "card":
            self._card_page.ensureWidgetVisible(self.comment_thread.text_box)
            self.comment_thread.text_box.setFocus()

    def set_structure_locked(self, locked: bool) -> None:
        """Workshop mode: the journey's own fields (title, description, language, framework, persona) are shown
        read-only, with a note why; the cards' fields stay editable."""
        for edit in (
            self.journey_title, self.journey_description, self.persona_name,
            self.persona_description, self.persona_goals, self.persona_frustrations,
        ):  # fmt: skip
            edit.setReadOnly(locked)
        self.journey_language.setEnabled(not locked)
        self.journey_framework.setEnabled(not locked)
        if locked and self._lock_note is None:
            self._lock_note = QLabel(self.tr("Locked in workshop mode: leave it (F11) to change the journey."), self)
            self._lock_note.setObjectName("journeyLocked")
            self._lock_note.setWordWrap(True)
            self._journey_page.layout_.insertWidget(1, self._lock_note)
        if self._lock_note is not None:
            self._lock_note.setVisible(locked)

    @property
    def structure_locked(self) -> bool:
        return self.journey_title.isReadOnly()

    def mode(self) -> str:
        """What the panel edits: "none" (no document), "card", "cards" or "journey"."""
        current = self._stack.currentWidget()
        if current is self._card_page:
            return "card"
        if current is self._cards_page:
            return "cards"
        if current is self._journey_page:
            return "journey"
        return "none"

    # ------------------------------------------------------------------ building

    def _binding(
        self,
        widget: QLineEdit | QPlainTextEdit,
        write: Callable[[str], str | None],
        *,
        validate: Callable[[str], str | None] = lambda _: None,
        normalize: Callable[[str], str] = lambda text: text,
        on_finish: Callable[[TextBinding], None] | None = None,
    ) -> TextBinding:
        binding = TextBinding(
            widget, write=write, validate=validate, normalize=normalize, on_finish=on_finish, parent=self
        )
        binding.finished.connect(self._end_typing)  # typing in the field again later is a new undo step
        self._bindings.append(binding)
        return binding

    def _build_card_page(self) -> None:
        page = Page(self)
        body = page.body
        self._card_heading = page.heading(self.tr("Touchpoint"))
        self._card_place = QLabel(body)
        self._card_place.setWordWrap(True)
        self._card_place.setTextFormat(Qt.TextFormat.PlainText)
        self._card_place.setEnabled(False)
        page.layout_.addWidget(self._card_heading)
        page.layout_.addWidget(self._card_place)
        page.layout_.addLayout(page.form)
        form = page.form

        self.card_editors: dict[str, QWidget] = {}
        """The card's editors by field name (also `self.card_<name>`), in the form's order."""
        self._card_bindings: dict[str, TextBinding] = {}
        for field in card_fields.in_form_order():
            editor = self._card_editor(field, body)
            editor.setObjectName("card" + field.name[:1].upper() + field.name[1:])
            self.card_editors[field.name] = editor
            label = QCoreApplication.translate(card_fields.CONTEXT, field.label)
            binding = self._card_bindings.get(field.name)
            form.addRow(label, editor if binding is None else with_message(editor, binding.message))
            if field.name == "target":
                self.other_scores = QLabel(body)
                self.other_scores.setObjectName("cardOtherScores")
                self.other_scores.setWordWrap(True)
                form.addRow("", self.other_scores)

        self.card_image = CardImageView(body)
        page.layout_.addWidget(self.card_image)
        self._card_message = message_label(body)
        page.layout_.addWidget(self._card_message)
        self.comment_thread = CommentThread(body)
        page.layout_.addWidget(self.comment_thread)
        page.layout_.addStretch(1)
        self._card_page = page
        self._stack.addWidget(page)

    def __getattr__(self, name: str) -> Any:
        """`card_<field>`: the card page's editor of that field (`card_editors`)."""
        editors = self.__dict__.get("card_editors", {})
        if name.startswith("card_") and name[5:] in editors:
            return editors[name[5:]]
        raise AttributeError(name)

    def _card_editor(self, field: CardField, body: QWidget) -> QWidget:
        """The editor of one card field, writing to the shown card (a text's binding in `_card_bindings`)."""
        name = field.name
        hint = QCoreApplication.translate(card_fields.CONTEXT, field.hint) if field.hint else ""
        if field.editor == "line" or field.editor == "text":
            edit: QLineEdit | QPlainTextEdit
            if field.editor == "line":
                edit = QLineEdit(body)
                show_limit(edit, field.limit)
                if hint:
                    edit.setPlaceholderText(hint)
            else:
                edit = plain_text(body, field.lines)
            title = field.kind == "title"
            self._card_bindings[name] = self._binding(
                edit,
                write=lambda v: self._write_card(typing=True, **{name: v}),
                validate=self._validate_card_title if title else partial(too_long, limit=field.limit),
                normalize=str.strip if title else lambda text: text,
            )
            return edit
        if field.editor == "channel":
            combo = ChannelCombo(body)
            combo.channel_chosen.connect(lambda v: self._write_card(**{name: v}))
            return combo
        if field.editor == "score":
            buttons = ScoreButtons(body)
            buttons.score_chosen.connect(lambda v: self._write_rating(name, v))
            return buttons
        if field.editor == "colour":
            picker = ColorPicker(body)
            picker.color_chosen.connect(lambda v: self._write_card(**{name: v}))
            return picker
        if field.editor == "place":
            box = PlaceBox(body)
            box.setToolTip(hint)
            box.place_chosen.connect(lambda v: None if self._loading else self._write_card(**{name: v}))
            return box
        if field.editor == "choice":
            choice = ChoiceCombo(
                [(v, QCoreApplication.translate(card_fields.CONTEXT, t)) for v, t in field.choices], body
            )
            if hint:
                choice.setToolTip(hint)
            choice.chosen.connect(lambda v: self._write_card(**{name: v}))
            return choice
        count = QSpinBox(body)
        count.setRange(0, MAX_VOTES)
        count.setGroupSeparatorShown(True)
        count.setKeyboardTracking(False)  # typing 120 writes 120, not 1, 12 and 120
        count.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        if hint:
            count.setToolTip(hint)
        count.valueChanged.connect(lambda v: None if self._loading else self._write_card(**{name: v}))
        return count

    def _build_cards_page(self) -> None:
        page = Page(self)
        body = page.body
        self._cards_heading = page.heading()
        self._cards_heading.setObjectName("cardsSummary")
        self._cards_hint = QLabel(self.tr("Changes here apply to every selected card."), body)
        self._cards_hint.setWordWrap(True)
        self._cards_hint.setEnabled(False)
        page.layout_.addWidget(self._cards_heading)
        page.layout_.addWidget(self._cards_hint)
        page.layout_.addLayout(page.form)
        form = page.form

        self.cards_score = ScoreButtons(body)
        self.cards_score.setObjectName("cardsScore")
        self.cards_score.score_chosen.connect(lambda v: self._write_cards(self.tr("Set score"), score=v))
        form.addRow(self.tr("Score"), self.cards_score)

        self.cards_channel = ChannelCombo(body)
        self.cards_channel.setObjectName("cardsChannel")
        self.cards_channel.channel_chosen.connect(lambda v: self._write_cards(self.tr("Set channel"), channel=v))
        form.addRow(self.tr("&Channel"), self.cards_channel)

        self.cards_color = ColorPicker(body)
        self.cards_color.setObjectName("cardsColor")
        self.cards_color.color_chosen.connect(lambda v: self._write_cards(self.tr("Set colour"), color=v))
        form.addRow(self.tr("Colour"), self.cards_color)

        self._cards_message = message_label(body)
        page.layout_.addWidget(self._cards_message)
        page.layout_.addStretch(1)
        self._cards_page = page
        self._stack.addWidget(page)

    def _build_journey_page(self) -> None:
        page = Page(self)
        body = page.body
        page.layout_.addWidget(page.heading(self.tr("Journey")))
        page.layout_.addLayout(page.form)
        form = page.form

        self.journey_title = QLineEdit(body)
        self.journey_title.setObjectName("journeyTitle")
        show_limit(self.journey_title, MAX_TITLE)
        self._journey_title = self._binding(
            self.journey_title,
            write=lambda v: self._write_journey(typing=True, title=v),
            validate=self._validate_journey_title,
            normalize=str.strip,
        )
        form.addRow(self.tr("&Title"), with_message(self.journey_title, self._journey_title.message))

        self.journey_description = plain_text(body, 5)
        self.journey_description.setObjectName("journeyDescription")
        self._journey_description = self._binding(
            self.journey_description,
            write=lambda v: self._write_journey(typing=True, description=v),
            validate=lambda v: too_long(v, MAX_TEXT),
        )
        form.addRow(self.tr("&Description"), with_message(self.journey_description, self._journey_description.message))

        self.journey_language = QComboBox(body)
        self.journey_language.setObjectName("journeyLanguage")
        self.journey_language.addItem("English", Language.EN.value)  # each language in its own words
        self.journey_language.addItem("Nederlands", Language.NL.value)
        self.journey_language.setToolTip(self.tr("The language of the map's text and channel names"))
        self.journey_language.activated.connect(self._language_chosen)
        form.addRow(self.tr("&Language"), self.journey_language)

        self.journey_framework = QComboBox(body)
        self.journey_framework.setObjectName("journeyFramework")
        for framework, label in (
            (Framework.FIVE_PHASE, self.tr("Five-phase model")),
            (Framework.AIDA, self.tr("AIDA")),
            (Framework.SEE_THINK_DO_CARE, self.tr("See-Think-Do-Care")),
            (Framework.CUSTOM, self.tr("Custom")),
        ):
            self.journey_framework.addItem(label, framework.value)
        self.journey_framework.activated.connect(self._framework_chosen)
        form.addRow(self.tr("&Framework"), self.journey_framework)

        persona = QGroupBox(self.tr("Persona"), body)
        persona_form = QFormLayout(persona)
        persona_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        persona_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        persona_form.setVerticalSpacing(4)

        self.persona_name = QLineEdit(persona)
        self.persona_name.setObjectName("personaName")
        show_limit(self.persona_name, MAX_PERSONA_NAME)
        self.persona_name.setPlaceholderText(self.tr("No persona: type a name to add one"))
        self.persona_name.setClearButtonEnabled(True)
        self._persona_name = self._binding(
            self.persona_name,
            write=self._write_persona_name,
            validate=self._validate_persona_name,
            normalize=str.strip,
            on_finish=self._finish_persona_name,
        )
        persona_form.addRow(self.tr("&Name"), with_message(self.persona_name, self._persona_name.message))

        self.persona_description = plain_text(persona, 3)
        self.persona_description.setObjectName("personaDescription")
        self.persona_goals = plain_text(persona, 3)
        self.persona_goals.setObjectName("personaGoals")
        self.persona_frustrations = plain_text(persona, 3)
        self.persona_frustrations.setObjectName("personaFrustrations")
        self._persona_fields: dict[str, TextBinding] = {}
        for field, edit, label in (
            ("description", self.persona_description, self.tr("D&escription")),
            ("goals", self.persona_goals, self.tr("&Goals")),
            ("frustrations", self.persona_frustrations, self.tr("F&rustrations")),
        ):
            binding = self._binding(
                edit,
                write=partial(self._write_persona_field, field),
                validate=lambda v: too_long(v, MAX_TEXT),
            )
            self._persona_fields[field] = binding
            persona_form.addRow(label, with_message(edit, binding.message))
        form.addRow(persona)
        self._persona_box = persona

        self._journey_message = message_label(body)
        page.layout_.addWidget(self._journey_message)
        page.layout_.addStretch(1)
        self._journey_page = page
        self._stack.addWidget(page)

    # ------------------------------------------------------------------ showing

    def _journey(self) -> Journey | None:
        return self._document.journey if self._document is not None else None

    def _cards(self) -> list[Touchpoint]:
        """The selected cards still on the journey, in selection order."""
        journey = self._journey()
        if journey is None:
            return []
        listed = journey.touchpoints  # kept in id order by the document
        found: list[Touchpoint] = []
        for card_id in self._selection:
            at = bisect.bisect_left(listed, card_id, key=lambda t: t.id)
            if at < len(listed) and listed[at].id == card_id:
                found.append(listed[at])
        return found

    def _show(self, *, force: bool = True) -> None:
        journey = self._journey()
        if journey is None:
            self._stack.setCurrentWidget(self._empty)
            return
        cards = self._cards()
        if len(cards) == 1:
            page: QWidget = self._card_page
        elif cards:
            page = self._cards_page
        else:
            page = self._journey_page
        if page is not self._stack.currentWidget():
            force = True
        self._loading = True
        try:
            if page is self._card_page:
                self._load_card(cards[0], journey, force=force)
            elif page is self._cards_page:
                self._load_cards(cards, journey, force=force)
            else:
                self._load_journey(journey, force=force)
        finally:
            self._loading = False
        self._stack.setCurrentWidget(page)

    def _load_card(self, card: Touchpoint, journey: Journey, *, force: bool) -> None:
        if force:
            self._card_message.hide()
        place = []
        try:
            place.append(journey.phase(card.phase_id).name)
            place.append(journey.lane(card.lane_id).name)
        except KeyError:
            pass
        self._card_place.setText(" · ".join(place))
        self.comment_thread.show_thread(self._document, card.id)
        rating = card.rating(journey, self._current_index(journey))
        for name, editor in self.card_editors.items():
            value = getattr(card, name) if name not in ("score", "target") else getattr(rating, name)
            if name in self._card_bindings:
                self._card_bindings[name].load(value, force=force)
            elif isinstance(editor, ChannelCombo):
                editor.set_language(journey.language)
                if force or value != editor.value() or editor.is_mixed():
                    editor.set_value(value)  # else leave what may be being typed in it
            elif isinstance(editor, ScoreButtons):
                editor.set_score(value)
            elif isinstance(editor, ColorPicker):
                editor.set_color(value)
            elif isinstance(editor, ChoiceCombo):
                editor.set_value(value)
            elif isinstance(editor, PlaceBox):
                editor.set_place(value)
            elif isinstance(editor, QSpinBox) and (force or value != editor.value()):  # else leave a number typed
                with QSignalBlocker(editor):
                    editor.setValue(value)

        self._load_other_scores(card, journey)
        self.card_image.show_card(self.document(), card)

    def _current_index(self, journey: Journey) -> int:
        return max(0, min(self.current_persona, len(journey.personas) - 1))

    def set_current_persona(self, index: int) -> None:
        """Edit the score and target of the journey's persona at `index` (the persona strip's current one)."""
        if index != self.current_persona:
            self.current_persona = index
            self._show(force=False)

    def _load_other_scores(self, card: Touchpoint, journey: Journey) -> None:
        """The other personas' scores (and targets) of the card, read-only under the current persona's."""
        current = self._current_index(journey)
        parts = []
        for index, persona in enumerate(journey.personas):
            if index == current:
                continue
            rating = card.rating(journey, index)
            score = "–" if rating.score is None else str(rating.score)
            target = "" if rating.target is None else f" → {rating.target}"
            parts.append(f"{' '.join(persona.name.split())}: {score}{target}")
        self.other_scores.setText(self.tr("Other personas: {0}").format("; ".join(parts)) if parts else "")
        self.other_scores.setVisible(bool(parts))

    def _write_rating(self, name: str, value: int | None) -> str | None:
        """The score or target of the current persona (the first one's are the card's own fields)."""
        document = self._document
        if self._loading or document is None:
            return None
        journey = document.journey
        index = self._current_index(journey)
        cards = self._cards()
        if index == 0 or len(cards) != 1:
            fields: dict[str, Any] = {name: value}
            return self._write_card(**fields)
        self._end_typing()
        rating = cards[0].rating(journey, index)
        wanted = Rating(value, rating.target) if name == "score" else Rating(rating.score, value)
        document.set_rating(cards[0].id, journey.personas[index].id, wanted)
        return None

    def _load_cards(self, cards: Sequence[Touchpoint], journey: Journey, *, force: bool) -> None:
        self._cards_message.hide()
        self._cards_heading.setText(self.tr("%n cards selected", "", len(cards)))
        scores = {c.score for c in cards}
        self.cards_score.set_score(next(iter(scores)), mixed=len(scores) > 1)
        self.cards_channel.set_language(journey.language)
        channels = {c.channel for c in cards}
        mixed = len(channels) > 1
        combo = self.cards_channel
        if force or mixed != combo.is_mixed() or (not mixed and next(iter(channels)) != combo.value()):
            combo.set_value(next(iter(channels)), mixed=mixed)  # else leave what may be being typed in it
        colors = {c.color for c in cards}
        self.cards_color.set_color(next(iter(colors)), mixed=len(colors) > 1)

    def _load_journey(self, journey: Journey, *, force: bool) -> None:
        if force:
            self._journey_message.hide()
        self._journey_title.load(journey.title, force=force)
        self._journey_description.load(journey.description, force=force)
        self.journey_language.setCurrentIndex(self.journey_language.findData(journey.language.value))
        self.journey_framework.setCurrentIndex(self.journey_framework.findData(journey.framework.value))
        persona = journey.persona
        self._persona_name.load(persona.name if persona is not None else "", force=force)
        for field, binding in self._persona_fields.items():
            binding.load(getattr(persona, field) if persona is not None else "", force=force)
        self._update_persona_enabled()

    def _update_persona_enabled(self) -> None:
        journey = self._journey()
        has_persona = journey is not None and journey.persona is not None
        for binding in self._persona_fields.values():
            binding.widget.setEnabled(has_persona)
            binding.widget.setPlaceholderText("" if has_persona else self.tr("Give the persona a name first"))

    def _document_changed(self, change: Change) -> None:
        if self._document is None:
            return
        if change.kind is ChangeKind.CARDS and self.mode() == "journey" and not change.added:
            return  # only cards changed, and none of them is shown
        if change.removed:
            self._selection = [i for i in self._selection if i not in change.removed]
        self._show(force=False)

    def _document_failed(self, message: str) -> None:
        self._failure = message

    # ------------------------------------------------------------------ writing

    def _end_typing(self) -> None:
        if self._document is not None:
            self._document.end_typing()

    def _write_card(self, *, typing: bool = False, **fields: Any) -> str | None:
        """Write fields of the shown card; returns None, or why it could not be saved."""
        if self._loading or self._document is None:
            return None
        cards = self._cards()
        if len(cards) != 1:
            return None
        if not typing:
            self._end_typing()
        self._failure = None
        if self._document.update_touchpoint(cards[0].id, typing=typing, **fields):
            self._card_message.hide()
            return None
        failure = self._failure or self.tr("The change could not be saved.")
        if not typing:
            self._card_message.setText(failure)
            self._card_message.show()
            self._show(force=False)
        return failure

    def _write_cards(self, text: str, **fields: Any) -> None:
        """Write the same fields to every selected card, as one undo step."""
        if self._loading or self._document is None:
            return
        cards = self._cards()
        self._failure = None
        if not self._document.update_touchpoints([card.id for card in cards], text=text, **fields):
            self._cards_message.setText(self._failure or self.tr("The change could not be saved."))
            self._cards_message.show()
        else:
            self._cards_message.hide()
        self._show(force=False)

    def _write_journey(self, *, typing: bool = False, **fields: Any) -> str | None:
        if self._loading or self._document is None:
            return None
        if not typing:
            self._end_typing()
        self._failure = None
        if self._document.update_journey(typing=typing, **fields):
            self._journey_message.hide()
            return None
        failure = self._failure or self.tr("The change could not be saved.")
        if not typing:
            self._journey_message.setText(failure)
            self._journey_message.show()
            self._show(force=False)
        return failure

    def _language_chosen(self, row: int) -> None:
        self._write_journey(language=Language(str(self.journey_language.itemData(row))))

    def _framework_chosen(self, row: int) -> None:
        self._write_journey(framework=Framework(str(self.journey_framework.itemData(row))))

    def _write_persona_name(self, name: str) -> str | None:
        journey = self._journey()
        if journey is None:
            return None
        persona = journey.persona
        updated = Persona(name) if persona is None else replace(persona, name=name)
        failure = self._write_journey(typing=True, persona=updated)
        self._update_persona_enabled()
        return failure

    def _write_persona_field(self, field: str, value: str) -> str | None:
        journey = self._journey()
        if journey is None or journey.persona is None:
            return self.tr("Give the persona a name first.")
        fields: dict[str, Any] = {field: value}
        return self._write_journey(typing=True, persona=replace(journey.persona, **fields))

    def _finish_persona_name(self, binding: TextBinding) -> None:
        """Leaving an emptied persona name removes the persona (undo brings it back)."""
        journey = self._journey()
        if binding.text().strip() or journey is None or journey.persona is None:
            return
        self._write_journey(persona=None)
        self._update_persona_enabled()

    # ------------------------------------------------------------------ validation

    def _validate_card_title(self, text: str) -> str | None:
        if not text.strip():
            return self.tr("A touchpoint needs a title; the old one stays until you type one.")
        return None

    def _validate_journey_title(self, text: str) -> str | None:
        if not text.strip():
            return self.tr("A journey needs a title; the old one stays until you type one.")
        return None

    def _validate_persona_name(self, text: str) -> str | None:
        journey = self._journey()
        if not text.strip() and journey is not None and journey.persona is not None:
            return self.tr("Leave the name empty to remove the persona (undo brings it back).")
        return None
