"""`cjmapper.font_file` reads every bundled font's metrics exactly as reportlab, which draws the PDF, reads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]

from cjmapper.font_file import FontFileError, read_metrics
from cjmapper.text import fallback_font_paths, font_path

BUNDLED = [font_path(), font_path(bold=True), *fallback_font_paths()]


@pytest.mark.parametrize("path", BUNDLED, ids=[path.name for path in BUNDLED])
def test_metrics_are_reportlabs(path: Path) -> None:
    face = TTFont("probe", str(path)).face
    metrics = read_metrics(path)
    assert list(metrics.widths.items()) == list(face.charWidths.items())  # the same widths, in the same order
    assert metrics.default_width == face.defaultWidth
    assert (metrics.ascent, metrics.descent) == (face.ascent, face.descent)


def test_a_file_that_is_no_font_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"\x00\x01\x00\x00\x00\x01" + b"\x00" * 6 + b"head" + b"\x00" * 12)
    with pytest.raises(FontFileError, match=r"junk\.ttf"):
        read_metrics(junk)
