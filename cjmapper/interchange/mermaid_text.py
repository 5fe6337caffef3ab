"""Text in a Mermaid `journey` diagram (docs/mermaid.md): what each place of a line can hold, and the entity codes
(`#35;`) that carry what it cannot, both ways.

Mermaid's journey lexer ends a title at `#` or `;`, a section or task name also at `:`, an actor also at `,`; a line
starting with `%` or holding `%%` after its first character is a comment, and a task named like a keyword (`Title
page`) would be read as that keyword. Mermaid itself replaces `#name;` and `#123;` by HTML entities before it
parses (and turns them back into characters in its SVG), so such a character is written as its decimal code:
`#` as `#35;`, `:` as `#58;`, `;` as `#59;`, `,` as `#44;`. Leading and trailing spaces and line breaks, which a
line cannot keep, are written the same way (`#32;`, `#10;`). Nothing is replaced or lost.
"""

from __future__ import annotations

import html
import re
from typing import Final, Literal

Place = Literal["title", "section", "task", "actor", "description"]

_SPECIAL: Final[dict[Place, str]] = {
    "title": "#;",
    "section": "#:;",
    "task": "#:;",
    "actor": "#:;,",
    "description": "#;}",
}
"""The characters each place cannot hold as they are (besides line breaks and other control characters)."""
_KEYWORD = re.compile(r"(?:journey\b|title\s|section\s|acctitle\s*:|accdescr\s*[:{])", re.IGNORECASE)
"""What Mermaid's lexer would read as a keyword at the start of a task name."""
_STYLE = re.compile(r"(?:style|classDef).*:\S*#.*;")
"""Lines Mermaid trims a `;` off before it reads entities (`encodeEntities`): a title matching it has its colons
written as codes too."""
_ENTITY = re.compile(r"#(\w{1,32});", re.ASCII)
"""What Mermaid reads as an entity code (`encodeEntities`): `#` and word characters up to a `;`."""


def _code(char: str) -> str:
    return f"#{ord(char)};"


def escape(text: str, place: Place) -> str:
    """`text` as Mermaid holds it at `place`: the characters it cannot hold there as entity codes."""
    special = _SPECIAL[place]
    if "%" in text and (text.startswith("%") or "%%" in text):
        special += "%"
    chars = [_code(c) if c in special or c < " " or c == "\x7f" else c for c in text]
    for index in range(len(text)):  # leading spaces
        if not text[index].isspace():
            break
        chars[index] = _code(text[index])
    for index in range(len(text) - 1, -1, -1):  # trailing spaces
        if not text[index].isspace():
            break
        chars[index] = _code(text[index])
    escaped = "".join(chars)
    if place == "task" and _KEYWORD.match(escaped):
        escaped = _code(escaped[0]) + escaped[1:]
    if place == "title" and _STYLE.search("title " + escaped):
        escaped = escaped.replace(":", _code(":"))
    return escaped


def escaped_any(text: str, place: Place) -> bool:
    """Whether `escape` writes any character of `text` as a code."""
    return escape(text, place) != text


def unescape(text: str) -> str:
    """`text` with Mermaid's entity codes as the characters they stand for (`#35;` -> `#`, `#quot;` -> `"`); a code
    that stands for no character is kept as it is."""

    def character(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.isdigit():
            value = int(name)
            if 0 < value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF:
                return chr(value)
            return match.group()
        named = html.unescape(f"&{name};")
        return match.group() if named == f"&{name};" else named

    return _ENTITY.sub(character, text)
