"""Templates of the user's own: journey files in the templates folder of the user data folder.

A user template is a journey file (docs/journey-json.md) whose title is the template's name and whose description
is the template's description; it keeps a journey's structure (language, framework, personas, phases, lanes) and,
when saved with its cards, the cards as they are. Being journey files, templates can be shared: copy one into a
friend's folder (`import_template`), or import it as a journey.

The folder is `templates` in the user data folder (next to the default library, e.g.
~/.local/share/cjmapper/templates on Linux), or $CJMAPPER_TEMPLATES. Only `*.json` files in it count (not hidden
ones, such as an unfinished write's temporary file, nor other files or folders); one that does not read as a
journey file is listed with the reason (`UserTemplate.problem`), never raising.

A name is any text of 1 to 200 characters (the title's rule), unique among the user's templates (compared without
regard to case) and not a built-in template's name. Its file name is made from it (`file_stem`): letters and digits
(with their accents), spaces, "-" and "_" are kept, any other character becomes "_", a name Windows reserves (CON,
NUL, COM1, ...) gets a "_", and a file name already taken is numbered ("Name-2.json").
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from platformdirs import user_data_path

from cjmapper.errors import CjmapperError, InterchangeError, NotFoundError
from cjmapper.file_names import byte_length, name_limit, title_part
from cjmapper.interchange import read_journey_file, write_journey_file
from cjmapper.messages import say
from cjmapper.model import MAX_TEXT, MAX_TITLE, Journey
from cjmapper.templates import TEMPLATE_NAMES

TEMPLATES_ENV = "CJMAPPER_TEMPLATES"
"""Environment variable naming the folder of the user's templates instead of the default one."""

SUFFIX = ".json"
DEFAULT_STEM = "template"
"""The file name of a template whose name keeps no letter or digit (all emoji, say)."""

_WINDOWS_RESERVED = frozenset(
    (
        "CON",
        "PRN",
        "AUX",
        "NUL",
        "CONIN$",
        "CONOUT$",
        *(f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789¹²³"),
    )
)


class TemplateExistsError(CjmapperError):
    """A template of that name is there already."""


@dataclass(frozen=True)
class UserTemplate:
    """One `*.json` file of the templates folder: its template's name and outline, or why it cannot be read."""

    path: Path
    name: str
    """The template's name (its journey's title); the file's name when it cannot be read."""
    description: str = ""
    language: str = ""
    phases: int = 0
    lanes: int = 0
    cards: int = 0
    problem: str | None = None
    """Why the file is no template (it does not read as a journey file), in one line; None when it is one."""


def templates_folder() -> Path:
    """The folder of the user's templates: $CJMAPPER_TEMPLATES, else `templates` in the user data folder. It may
    not exist yet (saving a template makes it)."""
    value = os.environ.get(TEMPLATES_ENV, "").strip()
    if value:
        return Path(value).expanduser()
    return user_data_path("cjmapper", appauthor=False) / "templates"


def _folder(folder: Path | None) -> Path:
    return templates_folder() if folder is None else folder


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _files(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: (p.name.casefold(), p.name))
    except FileNotFoundError:
        return
    except OSError as error:
        raise CjmapperError(
            say("cannot read the templates folder {0} ({1})", folder, error.strerror or error)
        ) from None
    for path in entries:
        if path.suffix.lower() == SUFFIX and not path.name.startswith(".") and path.is_file():
            yield path


def _read(path: Path) -> UserTemplate:
    try:
        journey = read_journey_file(path)
    except InterchangeError as error:
        first = error.problems[0] if error.problems else str(error)
        more = len(error.problems) - 1
        reason = first + (say(" (and {0} more)", more) if more > 0 else "")
        return UserTemplate(path, path.name, problem=_one_line(say("not a journey file: {0}", reason)))
    except CjmapperError as error:
        return UserTemplate(path, path.name, problem=_one_line(str(error)))
    return UserTemplate(
        path,
        journey.title,
        journey.description,
        journey.language.value,
        len(journey.phases),
        len(journey.lanes),
        len(journey.touchpoints),
    )


def list_user_templates(folder: Path | None = None) -> list[UserTemplate]:
    """The user's templates, readable or not, by name (without regard to case); the unreadable ones last, by file
    name. Raises CjmapperError only when the folder itself cannot be read (a missing folder has no templates)."""
    found = [_read(path) for path in _files(_folder(folder))]
    good = sorted((t for t in found if t.problem is None), key=lambda t: (t.name.casefold(), t.path.name))
    return good + [t for t in found if t.problem is not None]


def _key(name: str) -> str:
    return _one_line(name).casefold()


def find_user_template(name: str, folder: Path | None = None) -> UserTemplate | None:
    """The readable user template named `name` (without regard to case or runs of spaces), else the file of that
    name (with or without .json), else None."""
    templates = list_user_templates(folder)
    key = _key(name)
    for template in templates:
        if template.problem is None and _key(template.name) == key:
            return template
    for template in templates:
        if name.strip() in (template.path.name, template.path.stem):
            return template
    return None


def _user_template(name: str, folder: Path | None) -> UserTemplate:
    template = find_user_template(name, folder)
    if template is None:
        raise NotFoundError(say("There is no template of yours named {0}.", repr(name.strip())))
    return template


def load_user_template(name: str, folder: Path | None = None) -> Journey:
    """A new journey from the user template `name`. Raises NotFoundError, or InterchangeError for a damaged
    file."""
    template = _user_template(name, folder)
    return read_journey_file(template.path)


def _checked_name(name: str, folder: Path, keep: Path | None = None) -> str:
    """`name` trimmed, once it is a name a new template may take (`keep`: the file being renamed, whose own name
    does not count). Raises CjmapperError or TemplateExistsError."""
    name = name.strip()
    if not name:
        raise CjmapperError(say("A template needs a name."))
    if len(name) > MAX_TITLE:
        raise CjmapperError(say("A template's name can be at most {0} characters long.", MAX_TITLE))
    _plain(name, say("A template's name"))
    if name.casefold() in (n.casefold() for n in TEMPLATE_NAMES):
        raise TemplateExistsError(say("{0} is the name of a built-in template; choose another name.", repr(name)))
    for template in list_user_templates(folder):
        if template.problem is None and template.path != keep and _key(template.name) == _key(name):
            raise TemplateExistsError(
                say("There is already a template named {0}; choose another name or delete that one first.", repr(name))
            )
    return name


def _plain(text: str, what: str) -> None:
    """Refuse a NUL character or an unpaired surrogate in `text` (a library and a journey file cannot keep them)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise CjmapperError(say("{0} holds an unpaired surrogate escape, which is not text.", what)) from None
    if "\x00" in text:
        raise CjmapperError(say("{0} holds a NUL character (U+0000), which a library cannot keep; remove it.", what))


def file_stem(name: str, limit: int = 255) -> str:
    """The file name (without .json) for a template named `name`: safe on every system, at most `limit` bytes
    with the suffix and a number."""
    stem = title_part(name, limit - byte_length(SUFFIX) - 4).strip(" _") or DEFAULT_STEM
    if stem.upper() in _WINDOWS_RESERVED:
        stem += "_"
    return stem


def free_path(name: str, folder: Path, keep: Path | None = None) -> Path:
    """A file in `folder` for a template named `name` that no other file takes (`keep` may be taken: it is the
    template's own file)."""
    stem = file_stem(name, name_limit(folder) if folder.exists() else 255)
    taken = {p.name.casefold() for p in _any_files(folder) if keep is None or p != keep}
    number = 1
    candidate = f"{stem}{SUFFIX}"
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem}-{number}{SUFFIX}"
    return folder / candidate


def _any_files(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def template_from(journey: Journey, name: str, description: str, with_cards: bool) -> Journey:
    """The journey as a template named `name`: its structure (language, framework, personas, phases, lanes) and,
    `with_cards`, its cards as they are but for their photos. A workshop's comments, photos and wall photo belong to
    that workshop, not to the journeys a template starts."""
    if len(description) > MAX_TEXT:
        raise CjmapperError(say("A template's description can be at most {0} characters long.", MAX_TEXT))
    _plain(description, say("A template's description"))
    cards = [replace(card, image=None) for card in journey.touchpoints] if with_cards else []
    return replace(journey, title=name, description=description, touchpoints=cards, comments=[], wall_photo=None)


def _write(template: Journey, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_journey_file(template, path)
    except OSError as error:
        raise CjmapperError(say("cannot write the template {0} ({1})", path, error.strerror or error)) from None


def save_template(
    journey: Journey,
    name: str,
    description: str | None = None,
    with_cards: bool = False,
    folder: Path | None = None,
) -> UserTemplate:
    """Save `journey` as the user template `name` (its description: `description`, else the journey's). Raises
    TemplateExistsError for a name taken, CjmapperError for an empty or too long name or a write that fails."""
    where = _folder(folder)
    name = _checked_name(name, where)
    text = journey.description if description is None else description
    template = template_from(journey, name, text, with_cards)
    path = free_path(name, where)
    _write(template, path)
    return _read(path)


def rename_template(name: str | Path, new_name: str, folder: Path | None = None) -> UserTemplate:
    """Rename the user template `name` (or the template file `name`, a Path) to `new_name`: its title and its
    file's name. Raises NotFoundError, TemplateExistsError, or InterchangeError for a damaged file (which cannot be
    renamed: delete it)."""
    where = _folder(folder)
    old = _read(name) if isinstance(name, Path) else _user_template(name, where)
    journey = read_journey_file(old.path)
    new_name = _checked_name(new_name, where, keep=old.path)
    path = free_path(new_name, where, keep=old.path)
    _write(replace(journey, title=new_name), path)
    if path != old.path:
        old.path.unlink(missing_ok=True)
    return _read(path)


def delete_template(name: str | Path, folder: Path | None = None) -> UserTemplate:
    """Delete the user template `name` (a damaged one by its file's name), or the template file `name` when it is
    a Path (as a picker that listed it knows it); returns what it was."""
    template = _read(name) if isinstance(name, Path) else _user_template(name, folder)
    try:
        template.path.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        raise CjmapperError(
            say("cannot delete the template {0} ({1})", template.path, error.strerror or error)
        ) from None
    return template


def import_template(source: Path, folder: Path | None = None) -> UserTemplate:
    """Copy the journey file `source` into the templates folder as a template (named by its title; numbered
    "Name (2)" when that name is taken), once it reads. Raises InterchangeError for a file that does not."""
    journey = read_journey_file(source)
    where = _folder(folder)
    base = journey.title.strip()
    name, number = base, 1
    while True:
        try:
            name = _checked_name(name, where)
            break
        except TemplateExistsError:
            number += 1
            name = f"{base[: MAX_TITLE - 8]} ({number})"
    path = free_path(name, where)
    _write(replace(journey, title=name), path)
    return _read(path)
