"""Text measurement with the bundled DejaVu Sans, the one typeface of the canvas and the PDF poster.

Widths come from the font files' own advance widths, read as reportlab reads them (`cjmapper.font_file`), so a title
wraps the same on screen, on paper and in the layout's tests. reportlab itself is imported only to draw a PDF: the fonts
are registered with it by `font_name` and `font_runs`, which the poster draws with. Kerning is not applied (reportlab
does not kern either): the Qt side draws with kerning off to match.

Units: one unit of `size` is one scene unit, so `FontMetrics(11).width("Hi")` is the width in scene units of "Hi" set
at 11 units. Characters DejaVu Sans lacks (emoji, Chinese) are measured in the bundled fallback font that draws them
(see `FALLBACK_FONTS` and `font_runs`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import islice
from pathlib import Path

from cjmapper.font_file import FontMetricsTable, read_metrics
from cjmapper.resources import resource

FONT_FAMILY = "DejaVu Sans"
"""The family name the Qt side asks for after loading `font_path()`."""

ELLIPSIS = "…"

_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
_NAMES = {False: "DejaVuSans", True: "DejaVuSans-Bold"}

FALLBACK_FONTS = (("Symbola", "Symbola.ttf"), ("DroidSansFallback", "DroidSansFallback.ttf"))
"""(reportlab name, file) of the bundled fonts that supply what DejaVu Sans lacks, tried in this order: Symbola for
emoji and symbols, Droid Sans Fallback for Chinese, Japanese and Korean. Loaded on the first character that needs
them."""

_MAX_CACHED_RUNS = 50_000

_MAX_CACHED_WORDS = 100_000
"""Per font; the cache starts afresh when full (a journey of 100,000 cards has far fewer distinct words)."""

_MAX_CACHED_WRAPS = 50_000
"""Wrapped texts kept per font at least (about 10 MB when full); `reserve_wraps` makes room for a bigger map. When
full, the oldest quarter is forgotten (not all of it: a map laid out again finds most of its texts still there)."""

_MOST_CACHED_WRAPS = 1_000_000
"""The most wrapped texts `reserve_wraps` keeps room for, per font."""

_BEFORE_ELLIPSIS = " \t\n\u00a0\u2007\u202f.,;:…"
"""What an elided line does not end in before its "…": white space and the punctuation that would stand before it
as ".…" or ",…"."""

_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
"""Any run of white space except the no-break spaces, which join the words on either side."""


def font_path(bold: bool = False) -> Path:
    """The bundled TrueType file of DejaVu Sans (regular or bold)."""
    return resource("fonts", _FILES[bold])


def font_name(bold: bool = False) -> str:
    """The name the font is registered under with reportlab (registering it on first use), for PDF drawing."""
    name = _NAMES[bold]
    _register(name)
    return name


_registered: set[str] = set()


def _register(name: str) -> None:
    """Register the bundled font `name` with reportlab (imported here: only a PDF needs it), once."""
    if name in _registered:
        return
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
    from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]

    if name not in pdfmetrics.getRegisteredFontNames():
        files = {**{_NAMES[bold]: _FILES[bold] for bold in (False, True)}, **dict(FALLBACK_FONTS)}
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", files[name]))))
    _registered.add(name)


def fallback_font_paths() -> tuple[Path, ...]:
    """The bundled fallback font files, in the order they are tried."""
    return tuple(resource("fonts", file) for _, file in FALLBACK_FONTS)


def _is_invisible(char: str) -> bool:
    """A joiner, variation selector, direction mark or other format character: drawn as nothing when no font has
    a glyph for it (rather than as a missing-glyph box)."""
    return unicodedata.category(char) in ("Cf", "Mn", "Me") or 0xFE00 <= ord(char) <= 0xFE0F


@functools.cache
def _fallbacks() -> tuple[tuple[str, dict[int, float]], ...]:
    """(reportlab name, advance widths in 1/1000 em by code point) of each fallback font, read on first use."""
    return tuple((name, read_metrics(resource("fonts", file)).widths) for name, file in FALLBACK_FONTS)


def _fallback_for(char: str) -> tuple[str, float] | None:
    """The first fallback font with a glyph for `char`, with the glyph's width in 1/1000 em."""
    code = ord(char)
    for name, widths in _fallbacks():
        width = widths.get(code)
        if width is not None:
            return name, float(width)
    return None


class _CharUnits(dict[str, float]):
    """Advance width of each character in 1/1000 em, filled on first use. A character the font lacks is measured
    in the fallback font that draws it; an invisible one (joiner, variation selector) none has is 0 wide; anything
    else gets the font's default width (its missing-glyph box)."""

    __slots__ = ("_default", "_widths")

    def __init__(self, widths: dict[int, float], default: float) -> None:
        super().__init__()
        self._widths = widths
        self._default = default

    def __missing__(self, char: str) -> float:
        own = self._widths.get(ord(char))
        if own is not None:
            value = float(own)
        else:
            fallback = _fallback_for(char)
            invisible = fallback is None and _is_invisible(char)
            value = fallback[1] if fallback is not None else 0.0 if invisible else self._default
        self[char] = value
        return value


class _Face:
    """One registered font file with its character and word width caches (shared by every size)."""

    __slots__ = (
        "ascent", "chars", "covered", "descent", "ellipsis", "name", "runs", "space", "words", "wrap_room", "wraps",
    )  # fmt: skip

    def __init__(self, name: str, metrics: FontMetricsTable) -> None:
        self.name = name
        self.covered = frozenset(metrics.widths)
        """Code points this font has glyphs for."""
        self.runs: dict[str, tuple[tuple[str, str], ...]] = {}
        self.chars = _CharUnits(metrics.widths, float(metrics.default_width))
        self.words: dict[str, float] = {}
        self.wraps: dict[tuple[str, float, float, int], tuple[tuple[str, ...], bool]] = {}
        self.wrap_room = _MAX_CACHED_WRAPS
        self.space = self.chars[" "]
        self.ellipsis = self.chars[ELLIPSIS]
        self.ascent = float(metrics.ascent)
        self.descent = float(metrics.descent)

    def units(self, text: str) -> float:
        """Width of `text` in 1/1000 em (not cached)."""
        return sum(map(self.chars.__getitem__, text))

    def word_units(self, word: str) -> float:
        """Width of one word in 1/1000 em, cached."""
        value = self.words.get(word)
        if value is None:
            value = sum(map(self.chars.__getitem__, word))
            if len(self.words) >= _MAX_CACHED_WORDS:
                self.words.clear()
            self.words[word] = value
        return value


@functools.cache
def _face(bold: bool) -> _Face:
    return _Face(_NAMES[bold], read_metrics(font_path(bold)))


def font_runs(text: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """`text` cut into runs of (reportlab font name, characters) for drawing: DejaVu Sans where it has the glyph, else
    the first fallback font that has it (each registered with reportlab). Invisible characters no font has are left out;
    any other character no font has stays with DejaVu Sans (and prints as its missing-glyph box). Cached."""
    face = _face(bold)
    runs = face.runs.get(text)
    if runs is not None:
        return runs
    covered = face.covered
    if all(ord(char) in covered for char in text):
        runs = ((face.name, text),) if text else ()
    else:
        pieces: list[tuple[str, str]] = []
        for char in text:
            if ord(char) in covered:
                name = face.name
            else:
                fallback = _fallback_for(char)
                if fallback is None:
                    if _is_invisible(char):
                        continue
                    name = face.name
                else:
                    name = fallback[0]
            if pieces and pieces[-1][0] == name:
                pieces[-1] = (name, pieces[-1][1] + char)
            else:
                pieces.append((name, char))
        runs = tuple(pieces)
    for name, _ in runs:  # the poster draws them with reportlab
        _register(name)
    if len(face.runs) >= _MAX_CACHED_RUNS:
        face.runs.clear()
    face.runs[text] = runs
    return runs


def reserve_wraps(count: int) -> None:
    """Keep room for at least `count` wrapped texts per font (up to a million): a map of n cards wraps up to 2n
    (titles and notes), so laying it out again finds every one of them cached."""
    room = min(max(count, _MAX_CACHED_WRAPS), _MOST_CACHED_WRAPS)
    for bold in (False, True):
        face = _face(bold)
        face.wrap_room = max(face.wrap_room, room)


def clear_caches() -> None:
    """Forget every cached word width and wrapped text (for benchmarks of a first, cold layout)."""
    for bold in (False, True):
        _face(bold).words.clear()
        _face(bold).wraps.clear()
        _face(bold).runs.clear()


def words(text: str) -> list[str]:
    """The words of `text`: split at any white space (newlines and tabs too) except no-break spaces."""
    if "\u00a0" not in text and "\u202f" not in text and "\u2007" not in text:
        return text.split()
    return [word for word in _BREAKING_SPACE.split(text) if word]


_JOINERS = frozenset("\u200d\u034f")


def _joins_previous(char: str, previous: str) -> bool:
    """Whether `char` belongs to the same user-perceived character as the one before it."""
    if previous in _JOINERS or char in _JOINERS:
        return True
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:  # variation selectors
        return True
    if 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:  # skin tones, emoji tag sequences
        return True
    return unicodedata.category(char) in ("Mn", "Mc", "Me")


def clusters(text: str) -> list[str]:
    """`text` cut into user-perceived characters, closely enough for breaking a line: a base character with its
    combining marks, variation selectors and zero-width-joined emoji, and a flag's two regional indicators."""
    result: list[str] = []
    previous = ""
    pending_flag = False
    for char in text:
        is_indicator = 0x1F1E6 <= ord(char) <= 0x1F1FF
        if result and (_joins_previous(char, previous) or (is_indicator and pending_flag)):
            result[-1] += char
            pending_flag = False
        else:
            result.append(char)
            pending_flag = is_indicator
        previous = char
    return result


class FontMetrics:
    """Measures, wraps and elides text in DejaVu Sans at one size."""

    __slots__ = ("_face", "_scale", "bold", "size")

    def __init__(self, size: float, bold: bool = False) -> None:
        if not size > 0:
            raise ValueError(f"font size must be positive, not {size!r}")
        self.size = float(size)
        self.bold = bold
        self._face = _face(bold)
        self._scale = 0.001 * self.size

    def __repr__(self) -> str:
        return f"FontMetrics({self.size:g}, bold={self.bold})"

    @property
    def ascent(self) -> float:
        """Height of the font's ascender above the baseline."""
        return self._face.ascent * self._scale

    @property
    def descent(self) -> float:
        """Depth of the font's descender below the baseline (negative, as in the font)."""
        return self._face.descent * self._scale

    def width(self, text: str) -> float:
        """The advance width of `text` on one line, as reportlab's `stringWidth` gives it."""
        return self._scale * self._face.units(text)

    def wrap(self, text: str, width: float, max_lines: int) -> tuple[tuple[str, ...], bool]:
        """`text` word-wrapped to lines no wider than `width`, at most `max_lines` of them; returns (lines, elided).

        Line breaks and tabs count as spaces and runs of spaces as one. A word wider than `width` is broken between
        characters. When the text needs more lines, the last line is cut so that it plus "…" fits, and ends in "…"
        (only when `width` is narrower than "…" itself does the line "…" overflow). Empty text gives no lines.

        Results are cached, so laying out the same titles again costs a look-up each."""
        if max_lines < 1:
            raise ValueError(f"max_lines must be at least 1, not {max_lines}")
        key = (text, self.size, width, max_lines)
        wraps = self._face.wraps
        result = wraps.get(key)
        if result is None:
            result = self._wrap(text, width, max_lines)
            if len(wraps) >= self._face.wrap_room:
                for old in list(islice(wraps, len(wraps) // 4 or 1)):
                    del wraps[old]
            wraps[key] = result
        return result

    def elide(self, text: str, width: float) -> str:
        """`text` on one line (white space runs as one space), cut to end in "…" when wider than `width`."""
        line = " ".join(words(text))
        if self._scale * self._face.units(line) <= width:
            return line
        return self._with_ellipsis(line, width)

    def _wrap(self, text: str, width: float, max_lines: int) -> tuple[tuple[str, ...], bool]:
        """Greedy word wrap; stops as soon as it knows the text needs more than `max_lines` lines."""
        face = self._face
        scale = self._scale
        space = face.space
        cached = face.words.get
        lines: list[str] = []
        current: list[str] = []
        current_units = 0.0
        for word in words(text):
            units = cached(word)
            if units is None:
                units = face.word_units(word)
            if current:
                joined = current_units + space + units
                if joined * scale <= width:
                    current.append(word)
                    current_units = joined
                    continue
                lines.append(" ".join(current))
                if len(lines) > max_lines:
                    break
            if units * scale <= width:
                current = [word]
                current_units = units
                continue
            *full, last = self._break_word(word, width)
            lines += full
            if len(lines) > max_lines:
                break
            current = [last]
            current_units = face.units(last)
        else:
            if current:
                lines.append(" ".join(current))
        if len(lines) <= max_lines:
            return tuple(lines), False
        del lines[max_lines:]
        lines[-1] = self._with_ellipsis(lines[-1], width)
        return tuple(lines), True

    def _break_word(self, word: str, width: float) -> list[str]:
        """A word too wide for one line, cut into pieces that each fit (at least one character each)."""
        chars = self._face.chars
        scale = self._scale
        pieces: list[str] = []
        piece = ""
        piece_units = 0.0
        for cluster in clusters(word):
            units = sum(map(chars.__getitem__, cluster))
            if piece and (piece_units + units) * scale > width:
                pieces.append(piece)
                piece, piece_units = "", 0.0
            piece += cluster
            piece_units += units
        pieces.append(piece)
        return pieces

    def _with_ellipsis(self, line: str, width: float) -> str:
        """The longest start of `line` that fits `width` together with a trailing "…", plus "…". Spaces, full stops,
        commas and the like at the cut are dropped ("tijd…", not "tijd.…")."""
        chars = self._face.chars
        scale = self._scale
        used = self._face.ellipsis
        kept: list[str] = []
        for cluster in clusters(line):
            used += sum(map(chars.__getitem__, cluster))
            if used * scale > width:
                break
            kept.append(cluster)
        return "".join(kept).rstrip(_BEFORE_ELLIPSIS) + ELLIPSIS
