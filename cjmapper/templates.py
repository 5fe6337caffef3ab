"""The built-in journey templates and the example journey, bundled under resources/templates/.

Each template is a journey-json-v1 file named `{name}.{language}.json` holding phases and lanes but no
touchpoints; the example (`example.{language}.json`) is a filled-in five-phase map for a small webshop.
Every call reads the file anew, so the caller owns (and may edit) the `Journey` it gets back.
"""

from __future__ import annotations

from pathlib import Path

from cjmapper.errors import NotFoundError
from cjmapper.interchange import read_journey_file
from cjmapper.messages import say
from cjmapper.model import Journey, Language
from cjmapper.resources import resource

TEMPLATE_NAMES: tuple[str, ...] = ("five-phase", "aida", "see-think-do-care", "blank")
DEFAULT_TEMPLATE = TEMPLATE_NAMES[0]
"""The template a journey starts from when none is chosen (the five-phase model)."""
"""The built-in templates, in the order a template picker shows them."""

EXAMPLE_NAME = "example"

_LANGUAGES = ", ".join(lang.value for lang in Language)


def _language(language: Language | str) -> Language:
    try:
        return Language(str(language))
    except ValueError:
        raise NotFoundError(
            say("There is no template language {0}; the languages are {1}.", repr(str(language)), _LANGUAGES)
        ) from None


def _path(name: str, language: Language | str) -> Path:
    return resource("templates", f"{name}.{_language(language).value}.json")


def template_path(name: str, language: Language | str = Language.EN) -> Path:
    """The bundled file of template `name` in `language`.

    Raises NotFoundError for an unknown template name or language.
    """
    if name not in TEMPLATE_NAMES:
        raise NotFoundError(
            say("There is no template named {0}; the templates are {1}.", repr(name), ", ".join(TEMPLATE_NAMES))
        )
    return _path(name, language)


def load_template(name: str, language: Language | str = Language.EN) -> Journey:
    """A new journey from template `name` (one of TEMPLATE_NAMES) in `language` ("en" or "nl").

    Raises NotFoundError for an unknown template name or language.
    """
    return read_journey_file(template_path(name, language))


def load_example(language: Language | str = Language.EN) -> Journey:
    """The example journey (a five-phase map of a small webshop) in `language`.

    Raises NotFoundError for an unknown language.
    """
    return read_journey_file(_path(EXAMPLE_NAME, language))


def template_description(name: str, language: Language | str = Language.EN) -> str:
    """The one-line description of template `name` in `language`, for a template picker."""
    return load_template(name, language).description


def template_title(name: str, language: Language | str = Language.EN) -> str:
    """The title of template `name` in `language`, for a template picker."""
    return load_template(name, language).title
