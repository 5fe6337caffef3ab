"""The journey model's summary figures and the channel catalogue."""

from __future__ import annotations

import pytest

from cjmapper.channels import CHANNELS, channel, channel_label
from cjmapper.model import Journey, Lane, LaneKind, Phase, Touchpoint, csat, summarize


def journey_with_scores(*cells: tuple[int, int | None]) -> Journey:
    phases = [Phase(1, "Awareness"), Phase(2, "Purchase"), Phase(3, "Loyalty")]
    cards = [Touchpoint(i + 1, phase, 1, i, f"Card {i}", score=score) for i, (phase, score) in enumerate(cells)]
    return Journey(1, "J", phases=phases, lanes=[Lane(1, "Touchpoints")], touchpoints=cards)


def test_summary_per_phase_and_journey() -> None:
    summary = summarize(journey_with_scores((1, 5), (1, 4), (1, None), (2, 1), (2, 2)))
    assert summary.touchpoints == 5
    assert summary.scored == 4
    assert summary.average == pytest.approx(3.0)
    assert summary.csat == pytest.approx(0.5)
    awareness, purchase, loyalty = summary.phases
    assert (awareness.touchpoints, awareness.scored) == (3, 2)
    assert awareness.average == pytest.approx(4.5)
    assert purchase.touchpoints == 2
    assert purchase.average == pytest.approx(1.5)
    assert (loyalty.touchpoints, loyalty.scored, loyalty.average) == (0, 0, None)


def test_nothing_scored_gives_no_average_and_no_csat() -> None:
    summary = summarize(journey_with_scores((1, None)))
    assert (summary.average, summary.csat) == (None, None)
    assert csat([]) is None
    assert csat([4, 5, 3, None]) == pytest.approx(2 / 3)


def test_cells_are_in_card_order() -> None:
    journey = Journey(
        1,
        "J",
        phases=[Phase(1, "A"), Phase(2, "B")],
        lanes=[Lane(1, "L"), Lane(2, "Curve", LaneKind.EMOTIONS)],
        touchpoints=[Touchpoint(1, 2, 1, 1, "second"), Touchpoint(2, 2, 1, 0, "first"), Touchpoint(3, 1, 1, 0, "a")],
    )
    assert [t.title for t in journey.cell(2, 1)] == ["first", "second"]
    assert [t.title for t in journey.ordered_touchpoints()] == ["a", "first", "second"]
    assert not LaneKind.EMOTIONS.holds_cards
    assert LaneKind.PAIN_POINTS.holds_cards


def test_catalogue_has_every_contact_moment_the_articles_name() -> None:
    keys = {c.key for c in CHANNELS}
    named = {
        "website", "e-mail", "phone", "newsletter", "contact-form", "customer-service", "webshop",
        "physical-store", "social-media", "advertising", "word-of-mouth", "reviews", "search-engine",
        "brochure", "video", "account-manager", "quote", "delivery-updates", "chat",
    }  # fmt: skip
    assert named <= keys
    assert len(keys) == len(CHANNELS)


def test_channel_labels_in_both_languages_and_free_text() -> None:
    assert channel_label("word-of-mouth", "nl") == "Mond-tot-mondreclame"
    assert channel_label("phone") == "Phone"
    assert channel_label("Carrier pigeon", "nl") == "Carrier pigeon"
    assert channel_label(None) == ""
    assert channel("quote") is not None
    assert channel("Carrier pigeon") is None
