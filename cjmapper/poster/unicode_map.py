"""A mend for reportlab's ToUnicode maps, which make a poster's text searchable and copyable.

reportlab 5.1.0 (`reportlab.pdfbase.ttfonts.makeToUnicodeCMap`) writes each character's code point as plain hex,
so a character beyond U+FFFF (emoji such as 🎂) comes out as five digits, which is not UTF-16: viewers and text
extraction drop it. The PDF specification wants UTF-16BE there, a surrogate pair for those characters. `install()`
replaces the function with one that writes UTF-16BE; characters up to U+FFFF come out exactly as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase import ttfonts  # type: ignore[import-untyped]

REPORTLAB_CMAP = ttfonts.makeToUnicodeCMap
"""reportlab's own function, kept for comparison in the tests."""


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """The ToUnicode CMap of one font subset: glyph code i stands for character subset[i]."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>" for i, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def install() -> None:
    """Make reportlab write UTF-16BE ToUnicode maps (idempotent)."""
    if ttfonts.makeToUnicodeCMap is REPORTLAB_CMAP:
        ttfonts.makeToUnicodeCMap = to_unicode_cmap
