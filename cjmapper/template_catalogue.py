"""Every template a new journey can start from: the built-in ones (cjmapper.templates) and the user's own
(cjmapper.user_templates), listed together and found by name, for the New Journey dialog, `cjmapper templates`,
`cjmapper new --template NAME` and `cjmapper import FILE.csv` without --into.

A built-in template is named by its key (`aida`, ...) and comes in the language asked for; a user template is named
by its name (without regard to case) and keeps its own language unless one is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from cjmapper.errors import NotFoundError
from cjmapper.interchange import read_journey_file
from cjmapper.messages import say
from cjmapper.model import Journey, Language
from cjmapper.templates import TEMPLATE_NAMES, load_template
from cjmapper.user_templates import UserTemplate, find_user_template, list_user_templates


class TemplateKind(StrEnum):
    BUILT_IN = "built-in"
    USER = "user"


@dataclass(frozen=True)
class TemplateEntry:
    """One template as a picker shows it."""

    name: str
    """What picks it: a built-in template's key, or the user template's name (its file's name when damaged)."""
    kind: TemplateKind
    title: str
    """What a picker shows: a built-in template's title in the language asked for, a user template's name."""
    description: str
    phases: int
    lanes: int
    cards: int
    language: Language | None = None
    """A user template's own language (None for a built-in template, which comes in any)."""
    path: Path | None = None
    """A user template's file."""
    problem: str | None = None
    """Why a user template's file cannot be used; None when it can."""


def _built_in(name: str, language: Language | str) -> TemplateEntry:
    journey = load_template(name, language)
    return TemplateEntry(
        name,
        TemplateKind.BUILT_IN,
        journey.title,
        journey.description,
        len(journey.phases),
        len(journey.lanes),
        len(journey.touchpoints),
    )


def _user(template: UserTemplate) -> TemplateEntry:
    return TemplateEntry(
        template.name,
        TemplateKind.USER,
        template.name,
        template.description,
        template.phases,
        template.lanes,
        template.cards,
        Language(template.language) if template.language else None,
        template.path,
        template.problem,
    )


def built_in_templates(language: Language | str = Language.EN) -> list[TemplateEntry]:
    """The built-in templates, in `language`, in their order."""
    return [_built_in(name, language) for name in TEMPLATE_NAMES]


def list_templates(language: Language | str = Language.EN, folder: Path | None = None) -> list[TemplateEntry]:
    """The built-in templates (in `language`, in their order), then the user's (by name; damaged files last, with
    their problem). Raises CjmapperError only when the user's templates folder cannot be read."""
    return [*built_in_templates(language), *(_user(t) for t in list_user_templates(folder))]


def template_names(folder: Path | None = None) -> list[str]:
    """The names of the templates that can be used: the built-in ones, then the user's."""
    return [*TEMPLATE_NAMES, *(t.name for t in list_user_templates(folder) if t.problem is None)]


def has_template(name: str, folder: Path | None = None) -> bool:
    """Whether `name` names a template (a built-in one, or one of the user's, even a damaged file)."""
    return name in TEMPLATE_NAMES or find_user_template(name, folder) is not None


def load_named_template(name: str, language: Language | str | None = None, folder: Path | None = None) -> Journey:
    """A new journey from the template `name`: a built-in one (in `language`, default English) or one of the
    user's (in its own language, or `language` when given). Raises NotFoundError naming the templates there are,
    InterchangeError for a user template's damaged file."""
    if name in TEMPLATE_NAMES:
        return load_template(name, language or Language.EN)
    template = find_user_template(name, folder)  # the folder's files read once, then the one chosen
    if template is None:
        raise NotFoundError(
            say("There is no template named {0}; the templates are {1}.", repr(name), ", ".join(template_names(folder)))
        )
    journey = read_journey_file(template.path)
    if language is not None:
        journey.language = Language(str(language))
    return journey
