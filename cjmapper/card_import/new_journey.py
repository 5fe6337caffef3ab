"""The journey a sheet of cards makes when it goes into no existing journey: a template's, named after the file.
The templates a picker offers (the built-in ones and the user's own) and loading one by name are here alone (through
`cjmapper.template_catalogue`), for the command line's `import FILE.csv` without --into and the Import Cards
dialog."""

from __future__ import annotations

from cjmapper.model import Journey, Language
from cjmapper.template_catalogue import list_templates, load_named_template
from cjmapper.templates import DEFAULT_TEMPLATE, TEMPLATE_NAMES


def template_choices(language: Language | str) -> list[tuple[str, str]]:
    """The templates a new journey can start from: (name, title in `language`), in a picker's order: the built-in
    ones, then the user's own that can be used."""
    return [(entry.name, entry.title) for entry in list_templates(language) if entry.problem is None]


def new_journey(name: str | None, language: Language | str, title: str) -> Journey:
    """A new journey (not stored) from template `name` (None: the default) in `language`, titled `title` (when
    not empty; a user template keeps its own language). Raises NotFoundError for a template there is not."""
    name = name or DEFAULT_TEMPLATE
    journey = load_named_template(name, language if name in TEMPLATE_NAMES else None)
    journey.title = title.strip() or journey.title
    return journey
