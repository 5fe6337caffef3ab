"""The deck's own words (slide titles, a card's footer, the persona's headings) in the journey's language, from the
core's catalogue (`cjmapper.messages.say_in`), whatever language the editor or the command line speaks."""

from __future__ import annotations

from cjmapper.channels import channel_label
from cjmapper.i18n import whole
from cjmapper.messages import say_in
from cjmapper.model import Journey, Lane, Language, Touchpoint
from cjmapper.style import shows_score_badge


class DeckWords:
    """The words of one journey's deck."""

    def __init__(self, journey: Journey) -> None:
        self.language: Language = journey.language

    def say(self, template: str, *args: object) -> str:
        return say_in(self.language, template, *args)

    def count(self, value: int) -> str:
        return whole(value, self.language)

    def footer(self, touchpoint: Touchpoint, lane: Lane) -> str:
        """A card's second paragraph: its channel, its score (or that it has none, where a card is scored as a
        rule) and its votes, joined by " · "; empty when it has none of them."""
        parts: list[str] = []
        channel = channel_label(touchpoint.channel, self.language)
        if channel:
            parts.append(channel)
        if touchpoint.score is not None:
            parts.append(say_in(self.language, "score {0} of 5", touchpoint.score))
        elif shows_score_badge(None, lane.kind):
            parts.append(say_in(self.language, "not scored"))
        if touchpoint.votes == 1:
            parts.append(say_in(self.language, "1 vote"))
        elif touchpoint.votes > 1:
            parts.append(say_in(self.language, "{0} votes", self.count(touchpoint.votes)))
        return " · ".join(parts)

    def phase_subtitle(self, number: int, phases: int, cards: int) -> str:
        """ "Phase 2 of 5 · 12 cards"."""
        place = say_in(self.language, "Phase {0} of {1}", number, phases)
        if cards == 1:
            return f"{place} · {say_in(self.language, '1 card')}"
        return f"{place} · {say_in(self.language, '{0} cards', self.count(cards))}"

    def continued(self, name: str, page: int, pages: int) -> str:
        """A phase's slide title: its name, and on the further slides of a phase which one of them this is."""
        return name if page == 1 else say_in(self.language, "{0} (continued, {1} of {2})", name, page, pages)

    def overview(self) -> str:
        return say_in(self.language, "Overview")

    def no_cards(self) -> str:
        return say_in(self.language, "No cards in this phase yet.")

    def persona_heading(self, count: int) -> str:
        return say_in(self.language, "The persona") if count == 1 else say_in(self.language, "The personas")

    def goals(self) -> str:
        return say_in(self.language, "Goals")

    def frustrations(self) -> str:
        return say_in(self.language, "Frustrations")

    def made_with(self, version: str) -> str:
        return say_in(self.language, "Made with cjmapper {0}", version)
