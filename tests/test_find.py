"""Finding cards by text (case and accents left out, canonical order, an index kept up to date per revision) and the
filter's criteria, against naive references."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from cjmapper.channels import channel_label
from cjmapper.find import CardFilter, CardIndex, filtered_journey, find_cards, fold, matching_ids
from cjmapper.layout import compute_layout
from cjmapper.model import CardStatus, Journey, Lane, LaneKind, Language, Persona, Phase, Rating, Touchpoint
from tests.thoroughness import examples

FUZZ = settings(max_examples=examples(200, 100), deadline=None, database=None)


def installer() -> Journey:
    """A Dutch installer's journey: "offerte" in several forms and fields, in cards out of canonical order."""
    phases = [Phase(1, "Oriëntatie"), Phase(2, "Offerte"), Phase(3, "Installatie")]
    lanes = [
        Lane(1, "Contactmomenten"),
        Lane(2, "Pijnpunten", LaneKind.PAIN_POINTS),
        Lane(3, "Beleving", LaneKind.EMOTIONS),
    ]
    cards = [
        Touchpoint(1, 2, 2, 0, "Wachten op de OFFERTE", score=2, owner="Verkoop", status=CardStatus.OPEN, votes=3),
        Touchpoint(2, 1, 1, 0, "Website bekijken", channel="website", score=4),
        Touchpoint(3, 2, 1, 1, "Offertes vergelijken", channel="e-mail", owner="verkoop ", score=3),
        Touchpoint(4, 2, 1, 0, "Adviesgesprek", notes="Daarna volgt de offérte", channel="phone", votes=5),
        Touchpoint(5, 3, 1, 0, "Monteur belt", expectation="Binnen een week na de offerte", owner="Planning"),
        Touchpoint(6, 3, 2, 0, "Geen bericht", channel="Buurtapp", status=CardStatus.DONE, score=1),
    ]
    return Journey(7, "Warmtepomp", language=Language.NL, phases=phases, lanes=lanes, touchpoints=cards, revision=4)


def test_offerte_finds_every_form_in_canonical_order() -> None:
    journey = installer()
    assert find_cards(journey, "offerte") == [4, 3, 1, 5]  # phase, then lane, then place in the cell
    assert find_cards(journey, "OFFÉRTES") == [3]
    assert find_cards(journey, "") == []
    assert find_cards(journey, "telefoon") == [4]  # a catalogue channel by its name in the journey's language
    assert find_cards(journey, "e-mail") == [3]
    assert find_cards(journey, "buurtapp") == [6]  # free-text channel
    assert find_cards(journey, "verkoop") == [3, 1]  # owner


def test_a_query_never_matches_across_two_fields() -> None:
    journey = installer()
    assert find_cards(journey, "bekijken") == [2]
    assert find_cards(journey, "bekijkenwebsite") == []
    assert find_cards(journey, "bekijken\x1f") == []


def test_the_index_follows_each_revision_and_refolds_only_replaced_cards() -> None:
    journey = installer()
    index = CardIndex()
    assert index.find(journey, "monteur") == [5]
    kept = dict(zip(index.ids, index.texts, strict=True))
    at = next(i for i, card in enumerate(journey.touchpoints) if card.id == 5)
    journey.touchpoints[at] = replace(journey.touchpoints[at], title="Installateur belt")
    journey.revision += 1
    assert index.find(journey, "monteur") == []
    assert index.find(journey, "installateur") == [5]
    again = dict(zip(index.ids, index.texts, strict=True))
    assert all(again[i] is kept[i] for i in kept if i != 5)  # the others' folded text reused, not folded again
    journey.touchpoints.append(Touchpoint(9, 1, 1, 1, "Nieuwe offerte"))
    journey.revision += 1
    assert index.find(journey, "offerte")[0] == 9


# ---------------------------------------------------------------------- against a naive reference


def reference_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def reference_find(journey: Journey, query: str) -> list[int]:
    """Every card in canonical order, each field folded on the spot and searched: no index, no fast path."""
    needle = reference_fold(query)
    if not needle:
        return []
    found = []
    for card in journey.ordered_touchpoints():
        channel = card.channel or ""
        fields = [
            card.title,
            card.notes,
            card.owner,
            channel,
            channel_label(channel, journey.language),
            card.expectation,
        ]
        if any(needle in reference_fold(field) for field in fields):
            found.append(card.id)
    return found


LETTERS = "aeiouAEIOUéèëêÉïÏöÖüÜçßĳǰﬁ \x1f-·İı"
words = st.text(alphabet=LETTERS, max_size=12)


@st.composite
def journeys(draw: st.DrawFn) -> Journey:
    phases = [Phase(i + 1, f"P{i}") for i in range(draw(st.integers(1, 3)))]
    lanes = [Lane(i + 1, f"L{i}") for i in range(draw(st.integers(1, 3)))]
    cards = []
    for i in range(draw(st.integers(0, 12))):
        cards.append(
            Touchpoint(
                i + 1,
                draw(st.sampled_from(phases)).id,
                draw(st.sampled_from(lanes)).id,
                draw(st.integers(0, 5)),
                draw(words),
                notes=draw(words),
                owner=draw(words),
                channel=draw(st.one_of(st.none(), st.sampled_from(["phone", "website"]), words)),
                expectation=draw(words),
            )
        )
    language = draw(st.sampled_from(list(Language)))
    return Journey(1, "J", language=language, phases=phases, lanes=lanes, touchpoints=cards)


@FUZZ
@given(journeys(), st.lists(words, min_size=1, max_size=4))
def test_find_equals_the_naive_reference(journey: Journey, queries: list[str]) -> None:
    index = CardIndex()
    for query in queries:
        assert index.find(journey, query) == reference_find(journey, query)


@FUZZ
@given(journeys(), st.data())
def test_case_and_accents_never_matter(journey: Journey, data: st.DataObject) -> None:
    """A piece of any card's title, typed in capitals or without its accents (or with them), finds that card."""
    if not journey.touchpoints:
        return
    card = data.draw(st.sampled_from(journey.touchpoints))
    plain = "".join(
        ch for ch in card.title if ch in "aeiouAEIOUéèëêÉïÏöÖüÜ "
    )  # letters whose case and accents map back
    start = data.draw(st.integers(0, len(plain)))
    piece = plain[start : data.draw(st.integers(start, len(plain)))]
    if not fold(piece).strip() or piece not in card.title:
        return  # the piece must be a run of the title itself
    for variant in (piece.upper(), piece.lower(), unicodedata.normalize("NFD", piece), reference_fold(piece)):
        assert card.id in find_cards(journey, variant), variant


# ---------------------------------------------------------------------- filters


def test_each_criterion_keeps_what_it_says() -> None:
    journey = installer()
    assert matching_ids(journey, CardFilter()) == {1, 2, 3, 4, 5, 6}
    assert not CardFilter().active
    assert matching_ids(journey, CardFilter(lanes=frozenset({2}))) == {1, 6}
    assert matching_ids(journey, CardFilter(channels=frozenset({"phone", None}))) == {1, 4, 5}
    assert matching_ids(journey, CardFilter(owners=frozenset({"VERKOOP"}))) == {1, 3}
    assert matching_ids(journey, CardFilter(score_min=2, score_max=3)) == {1, 3}
    assert matching_ids(journey, CardFilter(scored_only=True)) == {1, 2, 3, 6}
    assert matching_ids(journey, CardFilter(votes_min=4)) == {4}
    assert matching_ids(journey, CardFilter(statuses=frozenset({None}))) == {2, 3, 4, 5}
    both = CardFilter(lanes=frozenset({1}), owners=frozenset({"verkoop"}))
    assert both.active
    assert matching_ids(journey, both) == {3}


def test_the_score_range_reads_the_personas_scores_by_id_wherever_she_stands() -> None:
    """Linda's scores are the cards' own, Ahmed's and Sanne's in their ratings: the filter names a persona by id, so it
    keeps reading hers when the personas are reordered; a persona the journey no longer has reads the first one's."""
    personas = [Persona("Linda", id=11), Persona("Ahmed", id=12), Persona("Sanne", id=13)]
    cards = [
        Touchpoint(1, 1, 1, 0, "a", score=1, ratings={12: Rating(5), 13: Rating(None, 2)}),
        Touchpoint(2, 1, 1, 1, "b", score=5, ratings={12: Rating(1)}),
        Touchpoint(3, 1, 1, 2, "c", ratings={13: Rating(3)}),
    ]
    journey = Journey(1, "J", personas=personas, phases=[Phase(1, "P")], lanes=[Lane(1, "L")], touchpoints=cards)
    low = CardFilter(score_min=1, score_max=2)
    assert matching_ids(journey, low) == {1}
    assert matching_ids(journey, replace(low, persona=11)) == {1}
    assert matching_ids(journey, replace(low, persona=12)) == {2}
    assert matching_ids(journey, CardFilter(scored_only=True, persona=13)) == {3}  # a target alone is no score
    assert matching_ids(journey, replace(low, persona=99)) == {1}  # gone: the first persona's
    assert [card.id for card in cards if replace(low, persona=12).keeps(card, journey)] == [2]

    journey.personas = [personas[1], personas[0], personas[2]]  # Ahmed first: his scores become the cards' own
    for card in journey.touchpoints:
        card.score, card.ratings = card.ratings.pop(12, Rating()).score, {11: Rating(card.score), **card.ratings}
    assert matching_ids(journey, replace(low, persona=12)) == {2}
    assert matching_ids(journey, replace(low, persona=11)) == {1}
    assert matching_ids(journey, low) == {2}  # none chosen: the first persona's


statuses = st.sampled_from([None, *CardStatus])


@FUZZ
@given(
    st.lists(
        st.tuples(st.integers(1, 3), st.sampled_from([None, "phone", "x"]), st.sampled_from(["", "A", " a", "B"])),
        max_size=15,
    ),
    st.lists(st.tuples(st.one_of(st.none(), st.integers(1, 5)), st.integers(0, 4), statuses), min_size=15, max_size=15),
    st.frozensets(st.integers(1, 3)),
    st.frozensets(st.sampled_from([None, "phone", "x"])),
    st.frozensets(st.sampled_from(["a", "B", "c"])),
    st.one_of(st.none(), st.integers(1, 5)),
    st.one_of(st.none(), st.integers(1, 5)),
    st.integers(0, 4),
    st.frozensets(statuses),
    st.booleans(),
)
def test_filter_equals_the_naive_reference(
    placed: list[tuple[int, str | None, str]],
    looks: list[tuple[int | None, int, CardStatus | None]],
    lanes: frozenset[int],
    channels: frozenset[str | None],
    owners: frozenset[str],
    low: int | None,
    high: int | None,
    votes: int,
    wanted: frozenset[CardStatus | None],
    scored_only: bool,
) -> None:
    cards = [
        Touchpoint(i + 1, 1, lane, i, "t", channel=channel, owner=owner, score=score, votes=v, status=status)
        for i, ((lane, channel, owner), (score, v, status)) in enumerate(zip(placed, looks, strict=False))
    ]
    journey = Journey(1, "J", phases=[Phase(1, "P")], lanes=[Lane(i, f"L{i}") for i in (1, 2, 3)], touchpoints=cards)
    spec = CardFilter(lanes, channels, owners, low, high, scored_only, votes, wanted)

    def keeps(card: Touchpoint) -> bool:
        ranged = scored_only or low is not None or high is not None
        return (
            (not lanes or card.lane_id in lanes)
            and (not channels or card.channel in channels)
            and (not owners or card.owner.strip().lower() in {o.lower() for o in owners})
            and card.votes >= votes
            and (not wanted or card.status in wanted)
            and (not ranged or card.score is not None)
            and (low is None or (card.score is not None and card.score >= low))
            and (high is None or (card.score is not None and card.score <= high))
        )

    assert matching_ids(journey, spec) == {card.id for card in cards if keeps(card)}


def test_the_filtered_copy_holds_only_the_kept_cards_and_lays_out_anew() -> None:
    journey = installer()
    copy = filtered_journey(journey, {3, 5})
    assert sorted(card.id for card in copy.touchpoints) == [3, 5]
    assert len(journey.touchpoints) == 6
    assert copy.phases == journey.phases
    assert copy.lanes == journey.lanes
    layout = compute_layout(copy)
    assert set(layout.cards) == {3, 5}
    assert layout.height < compute_layout(journey).height  # the emptied pain-points lane is shallower


edits = st.lists(
    st.tuples(
        st.sampled_from(["retitle", "move", "delete", "add", "swap phases", "rescore"]), st.integers(0, 50), words
    ),
    max_size=8,
)


@FUZZ
@given(journeys(), edits, st.text(alphabet="aeéEÏ", min_size=1, max_size=2))
def test_an_index_kept_across_edits_equals_one_made_anew(
    journey: Journey, steps: list[tuple[str, int, str]], query: str
) -> None:
    """Cards replaced (as the editor replaces them), moved, deleted, added, phases reordered: after each revision
    the kept index finds what the naive reference finds."""
    index = CardIndex()
    index.find(journey, query)
    for kind, n, text in steps:
        cards = journey.touchpoints
        at = n % len(cards) if cards else 0
        if kind == "retitle" and cards:
            cards[at] = replace(cards[at], title=text)
        elif kind == "rescore" and cards:
            cards[at] = replace(cards[at], score=n % 5 + 1)
        elif kind == "move" and cards:
            cards[at] = replace(cards[at], phase_id=journey.phases[n % len(journey.phases)].id, position=n)
        elif kind == "delete" and cards:
            del cards[at]
        elif kind == "add":
            cards.append(Touchpoint(1000 + n, journey.phases[0].id, journey.lanes[0].id, n, text))
            if len({c.id for c in cards}) != len(cards):
                cards.pop()
        elif kind == "swap phases":
            journey.phases.reverse()
        journey.revision += 1
        assert index.find(journey, query) == reference_find(journey, query)
