"""The poster's title block, read back from the PDF: the line of facts under the title (persona, framework, date,
language) prints whole on every named paper, portrait too, in Dutch and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjmapper.model import Language
from cjmapper.poster import PAPERS, PosterOptions, render_poster
from cjmapper.templates import load_example
from tests.test_poster_legend import texts


@pytest.mark.parametrize("language", [Language.NL, Language.EN])
@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_the_facts_under_the_title_print_whole_in_portrait(tmp_path: Path, paper: str, language: Language) -> None:
    journey = load_example(language.value)
    target = tmp_path / "poster.pdf"
    plan = render_poster(journey, target, PosterOptions(paper=PAPERS[paper], portrait=True))
    printed = [t for t in texts(target, plan.page_height) if t.bottom <= plan.chrome.title.bottom]
    facts = next(t for t in printed if ("Taal:" if language is Language.NL else "Language:") in t.text)
    assert not facts.text.endswith("…")
    assert facts.text.endswith("Nederlands" if language is Language.NL else "English")
    assert facts.right <= plan.chrome.title.right
