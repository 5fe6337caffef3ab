"""Text measurement, wrapping and eliding with the bundled DejaVu Sans (`cjmapper.text`)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

from cjmapper import text
from cjmapper.text import ELLIPSIS, FONT_FAMILY, FontMetrics, clusters, font_name, font_path, font_runs, words

M = FontMetrics(11)
CARD_INNER = 172.0
"""A default card's title width: card_width - 2 * card_padding."""

NO_BREAK_SPACES = "\u00a0\u2007\u202f"


def fits(metrics: FontMetrics, line: str, width: float) -> bool:
    return metrics.width(line) <= width + 1e-9


# --- the font ---------------------------------------------------------------------------------------------------


def test_font_files_are_the_bundled_truetype_fonts() -> None:
    for bold in (False, True):
        path = font_path(bold)
        assert path.is_file()
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType outlines
    assert font_path().name == "DejaVuSans.ttf"
    assert font_path(bold=True).name == "DejaVuSans-Bold.ttf"


def test_fonts_are_registered_with_reportlab_under_their_own_names() -> None:
    regular, bold = font_name(), font_name(bold=True)
    assert (regular, bold) == ("DejaVuSans", "DejaVuSans-Bold")
    assert {regular, bold} <= set(pdfmetrics.getRegisteredFontNames())
    assert pdfmetrics.getFont(regular).face.familyName.decode() == FONT_FAMILY
    assert pdfmetrics.getFont(bold).face.familyName.decode() == FONT_FAMILY


# --- width ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sample",
    [
        "",
        "Sees a birthday cake on Instagram",
        "Bewustwording: één café, geïnteresseerd in crème brûlée, ĳsje",
        "Emoji 🎂😀👍🏽🇳🇱 and symbols € ✓ …",
        "中文 and 🦜",  # Chinese from Droid Sans Fallback; the parrot is in no bundled font: DejaVu's box
        "Zero\u200dwidth \u202eoverride",
    ],
)
@pytest.mark.parametrize("bold", [False, True])
def test_width_is_reportlabs_string_width_of_the_runs_drawn(sample: str, bold: bool) -> None:
    """What the layout measures is what the poster draws: each run in its own font, as reportlab measures it."""
    metrics = FontMetrics(13, bold=bold)
    drawn = sum(pdfmetrics.stringWidth(run, name, 13) for name, run in font_runs(sample, bold))
    assert metrics.width(sample) == pytest.approx(drawn)


def test_runs_fall_back_for_characters_dejavu_lacks() -> None:
    assert font_runs("Café 😀") == (("DejaVuSans", "Café 😀"),)
    assert font_runs("Taart 中文 ✓") == (
        ("DejaVuSans", "Taart "),
        ("Symbola", "中"),
        ("DroidSansFallback", "文"),
        ("DejaVuSans", " ✓"),
    )
    assert font_runs("♞ bold", bold=True)[0][0] in ("DejaVuSans-Bold", "Symbola")
    # An invisible character no font draws is left out instead of printing a box; a visible one keeps the box.
    assert "".join(run for _, run in font_runs("a\U000e0001b")) == "ab"
    assert "".join(run for _, run in font_runs("a\U0001f99cb")) == "a\U0001f99cb"
    assert FontMetrics(10).width("\U000e0001") == 0
    assert font_runs("") == ()


def test_width_grows_with_size_and_weight() -> None:
    assert FontMetrics(22).width("Bakery") == pytest.approx(2 * FontMetrics(11).width("Bakery"))
    assert FontMetrics(11, bold=True).width("Bakery") > FontMetrics(11).width("Bakery")
    assert M.width("WWW") > M.width("iii") > 0


def test_characters_no_font_has_are_measured_with_the_default_width() -> None:
    face = pdfmetrics.getFont(font_name()).face
    parrot = "\U0001f99c"  # newer than every bundled font
    assert ord(parrot) not in face.charWidths
    assert M.width(parrot) == pytest.approx(face.defaultWidth * 11 / 1000)
    assert M.width(parrot * 2) == pytest.approx(2 * M.width(parrot))


def test_characters_dejavu_lacks_are_measured_in_their_fallback_font() -> None:
    assert ord("文") not in pdfmetrics.getFont(font_name()).face.charWidths
    assert M.width("文") == pytest.approx(pdfmetrics.stringWidth("文", "DroidSansFallback", 11))


def test_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        FontMetrics(0)


# --- words and characters ---------------------------------------------------------------------------------------


def test_words_split_at_spaces_newlines_and_tabs_but_not_no_break_spaces() -> None:
    assert words("  a\tb\nc\r\n d  ") == ["a", "b", "c", "d"]
    assert words("12\u00a0kg and\u202fmore é") == ["12\u00a0kg", "and\u202fmore", "é"]
    assert words("") == []
    assert words(" \n\t") == []


@given(st.text(max_size=40))
def test_words_are_the_text_split_at_breaking_white_space(sample: str) -> None:
    protected = sample
    for i, space in enumerate(NO_BREAK_SPACES):
        protected = protected.replace(space, f"\x00{i}\x00")
    expected = protected.split()
    for i, space in enumerate(NO_BREAK_SPACES):
        expected = [word.replace(f"\x00{i}\x00", space) for word in expected]
    assert words(sample) == expected


def test_clusters_keep_marks_modifiers_joined_emoji_and_flags_together() -> None:
    assert clusters("abc") == ["a", "b", "c"]
    assert clusters("e\u0301a") == ["e\u0301", "a"]  # e + combining acute
    assert clusters("👍🏽x") == ["👍🏽", "x"]  # skin tone modifier
    assert clusters("👨\u200d👩\u200d👧!") == ["👨\u200d👩\u200d👧", "!"]  # zero-width-joined family
    assert clusters("🇳🇱🇧🇪") == ["🇳🇱", "🇧🇪"]  # two flags, not four letters
    assert clusters("❤\ufe0f.") == ["❤\ufe0f", "."]  # variation selector


# --- wrap -------------------------------------------------------------------------------------------------------


def test_a_short_title_is_one_line() -> None:
    assert M.wrap("Reads the Google reviews", CARD_INNER, 3) == (("Reads the Google reviews",), False)


def test_empty_and_blank_titles_have_no_lines() -> None:
    assert M.wrap("", CARD_INNER, 3) == ((), False)
    assert M.wrap(" \n ", CARD_INNER, 3) == ((), False)


def test_a_long_title_wraps_at_spaces_and_keeps_every_word() -> None:
    title = "Looks up the cakes and their allergens on the website"
    lines, elided = M.wrap(title, CARD_INNER, 3)
    assert not elided
    assert len(lines) == 2
    assert " ".join(lines) == title
    assert all(fits(M, line, CARD_INNER) for line in lines)
    # Greedy: the first word of each next line did not fit on the line before.
    for line, following in itertools.pairwise(lines):
        assert not fits(M, f"{line} {following.split()[0]}", CARD_INNER)


def test_newlines_and_tabs_count_as_spaces() -> None:
    assert M.wrap("Calls\tto move\nthe  delivery", 1000, 3) == (("Calls to move the delivery",), False)


def test_a_title_of_more_than_three_lines_is_cut_with_an_ellipsis_that_fits() -> None:
    title = " ".join(["Receives the monthly newsletter with seasonal cakes"] * 4)
    lines, elided = M.wrap(title, CARD_INNER, 3)
    assert elided
    assert len(lines) == 3
    assert lines[-1].endswith(ELLIPSIS)
    assert not lines[-1].endswith(" " + ELLIPSIS)
    assert all(fits(M, line, CARD_INNER) for line in lines)
    shown = " ".join(lines)[: -len(ELLIPSIS)]
    assert title.startswith(shown)
    assert len(shown) < len(title)


def test_a_title_that_needs_exactly_max_lines_is_not_elided() -> None:
    lines, _ = M.wrap("word " * 40, CARD_INNER, 100)
    exact = " ".join(lines[:3])
    assert M.wrap(exact, CARD_INNER, 3) == (tuple(lines[:3]), False)


def test_an_unbroken_200_character_word_is_broken_between_characters() -> None:
    word = "Taart" * 40
    lines, elided = M.wrap(word, CARD_INNER, 100)
    assert not elided
    assert "".join(lines) == word
    assert len(lines) > 3
    assert all(fits(M, line, CARD_INNER) for line in lines)
    # Each piece but the last is full: its next character would not have fitted.
    rest = word
    for line in lines[:-1]:
        rest = rest[len(line) :]
        assert not fits(M, line + rest[0], CARD_INNER)

    cut, elided = M.wrap(word, CARD_INNER, 3)
    assert elided
    assert cut[:2] == lines[:2]
    assert cut[2].endswith(ELLIPSIS)
    assert fits(M, cut[2], CARD_INNER)


def test_a_long_word_after_short_ones_starts_on_a_new_line() -> None:
    lines, elided = M.wrap("Order " + "x" * 60, CARD_INNER, 5)
    assert not elided
    assert lines[0] == "Order"
    assert "".join(lines[1:]) == "x" * 60


def test_breaking_a_word_never_splits_an_emoji_or_an_accent() -> None:
    word = "👍🏽" * 30 + "e\u0301" * 30
    lines, _ = M.wrap(word, 40, 100)
    assert "".join(lines) == word
    for line in lines:
        assert not line.startswith(("\U0001f3fd", "\u0301"))


def test_dutch_diacritics_and_emoji_wrap_without_errors() -> None:
    title = "Bestelt één verjaardagstaart 🎂 met crème brûlée, geïnteresseerd in ĳs 🇳🇱 👍🏽"
    lines, elided = M.wrap(title, CARD_INNER, 3)
    assert not elided
    assert " ".join(lines) == title
    assert all(fits(M, line, CARD_INNER) for line in lines)


def test_a_width_narrower_than_the_ellipsis_still_gives_the_ellipsis() -> None:
    assert M.wrap("many words here", 1, 1) == ((ELLIPSIS,), True)


def test_max_lines_must_be_at_least_one() -> None:
    with pytest.raises(ValueError, match="max_lines"):
        M.wrap("a", 100, 0)


def test_wrapping_is_the_same_with_cold_and_warm_caches() -> None:
    title = "Sees a birthday cake on Instagram and asks the other parents about it in the group"
    text.clear_caches()
    cold = M.wrap(title, 120, 3)
    warm = M.wrap(title, 120, 3)
    assert cold == warm
    assert M.wrap(title, 120, 2) != cold  # the cache tells line limits apart
    assert FontMetrics(11, bold=True).wrap(title, 120, 3) != cold  # and fonts


def test_word_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text, "_MAX_CACHED_WORDS", 10)
    text.clear_caches()
    for i in range(100):
        M.wrap(f"word{i} other{i}", 1000, 3)
    assert 0 < len(text._face(False).words) <= 10


@settings(max_examples=300, deadline=None)
@given(
    sample=st.text(st.characters(blacklist_categories=["Cs"]), max_size=120)
    | st.lists(st.sampled_from(["a", "bakery", "één", "🎂", "Mond-tot-mondreclame", "x" * 50, "\n"])).map(" ".join),
    width=st.floats(min_value=8, max_value=400),
    max_lines=st.integers(min_value=1, max_value=5),
    size=st.sampled_from([9.0, 11.0, 16.0]),
)
def test_wrapped_lines_fit_and_keep_the_text_in_order(sample: str, width: float, max_lines: int, size: float) -> None:
    metrics = FontMetrics(size)
    lines, elided = metrics.wrap(sample, width, max_lines)
    assert len(lines) <= max_lines
    assert all(line for line in lines)
    for line in lines:
        single = len(clusters(line.removesuffix(ELLIPSIS))) <= 1
        assert fits(metrics, line, width) or single  # one character wider than the width cannot be broken
    content = "".join(words(sample))
    if elided:
        assert lines[-1].endswith(ELLIPSIS)
        shown = "".join(lines)[: -len(ELLIPSIS)].replace(" ", "")
        assert content.startswith(shown)
        assert len(shown) < len(content)
    else:
        assert "".join(lines).replace(" ", "") == content


# --- elide ------------------------------------------------------------------------------------------------------


def test_elide_keeps_what_fits_and_cuts_what_does_not() -> None:
    assert M.elide("Website", 100) == "Website"
    label = M.elide("Mond-tot-mondreclame", 80)
    assert label.endswith(ELLIPSIS)
    assert fits(M, label, 80)
    assert "Mond-tot-mondreclame".startswith(label[:-1])
    assert not fits(M, label[:-1] + "Mond-tot-mondreclame"[len(label) - 1] + ELLIPSIS, 80)  # as long as fits


def test_elide_puts_the_text_on_one_line() -> None:
    assert M.elide("Phone\ncall\t back", 1000) == "Phone call back"
    assert M.elide("", 10) == ""
    assert M.elide("anything", 0.5) == ELLIPSIS


@given(st.text(max_size=80), st.floats(min_value=12, max_value=300))
def test_elided_text_fits(sample: str, width: float) -> None:
    label = M.elide(sample, width)
    assert fits(M, label, width)
    one_line = " ".join(words(sample))
    assert label == one_line or (label.endswith(ELLIPSIS) and one_line.startswith(label[:-1].rstrip()))
