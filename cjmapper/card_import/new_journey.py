"""The journey a sheet of cards makes when it goes into no existing journey: a template's, named after the file.
The templates a picker offers and loading one by name are here alone (through `cjmapper.templates`), for the
command line's `import FILE.csv` without --into and the Import Cards dialog."""

from __future__ import annotations

from cjmapper.model import Journey, Language
from cjmapper.templates import TEMPLATE_NAMES, load_template, template_title

DEFAULT_TEMPLATE = "five-phase"


def template_choices(language: Language | str) -> list[tuple[str, str]]:
    """The templates a new journey can start from: (name, title in `language`), in a picker's order."""
    return [(name, template_title(name, language)) for name in TEMPLATE_NAMES]


def new_journey(name: str | None, language: Language | str, title: str) -> Journey:
    """A new journey (not stored) from template `name` (None: the default) in `language`, titled `title` (when
    not empty). Raises NotFoundError for a template there is not."""
    journey = load_template(name or DEFAULT_TEMPLATE, language)
    journey.title = title.strip() or journey.title
    return journey
