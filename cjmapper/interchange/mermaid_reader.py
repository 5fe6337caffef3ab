"""Reading a Mermaid `journey` diagram (docs/mermaid.md) as a journey: a `.mmd` file whole, or the first ```mermaid
block of a Markdown file that holds a journey. Sections become phases, tasks cards in the touchpoints lane with their
score, actors personas who give the task's score. The reader is strict and bounded (file size, lines, tasks): bad
input is one `InterchangeError` naming the file and the line, and nothing half-read is returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from cjmapper.errors import InterchangeError
from cjmapper.interchange.mermaid_text import unescape
from cjmapper.messages import number, say
from cjmapper.model import (
    MAX_NAME,
    MAX_PERSONA_NAME,
    MAX_PERSONAS,
    MAX_PHASES,
    MAX_TEXT,
    MAX_TITLE,
    SCORE_MAX,
    SCORE_MIN,
    Journey,
    LaneKind,
    Language,
    Persona,
    Phase,
    Rating,
    Touchpoint,
)

MAX_FILE_BYTES: Final = 4 * 1024 * 1024
"""A Markdown or Mermaid file larger than this is refused before it is read."""
MAX_LINES: Final = 50_000
MAX_TASKS: Final = 10_000
MAX_LINE_CHARS: Final = 100_000
MARKDOWN_SUFFIXES: Final = (".md", ".markdown")
MERMAID_SUFFIXES: Final = (".mmd", ".mermaid")
UNSCORED: Final = "%% cjmapper: no score"
"""The comment cjmapper writes before a task whose card has no score (Mermaid needs one: it is written as 3)."""

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})\s*(\S*)")
_JOURNEY = re.compile(r"journey\s*", re.IGNORECASE)
_KEYWORD = re.compile(r"(title|section)\s+(.*)|(acctitle)\s*:(.*)|(accdescr)\s*([:{])(.*)", re.IGNORECASE)
_SCORE = re.compile(r"[0-9]{1,3}")
_CODE = re.compile(r"#\w{1,32};", re.ASCII)
"""An entity code (`mermaid_text`)."""
_COMMENT = re.compile(r"#(?!\w{1,32};)", re.ASCII)
"""A `#` that starts a comment (one that starts an entity code does not)."""


@dataclass
class _Task:
    line: int
    section: int
    name: str
    score: int | None
    actors: list[str]
    after_gap: bool = False
    """A blank or comment line comes between it and the task before: it does not continue that task's card."""


@dataclass
class _Diagram:
    title: str = ""
    acc_title: str = ""
    description: str = ""
    sections: list[str] = field(default_factory=list)
    tasks: list[_Task] = field(default_factory=list)


class _RefusedError(Exception):
    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def _decode(data: str | bytes) -> str:
    if isinstance(data, str):
        text = data
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise _RefusedError(line, say("is not UTF-8 text")) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise _RefusedError(text[: text.index("\x00")].count("\n") + 1, say("holds a NUL character"))
    return text


def _journey_block(lines: list[str]) -> tuple[int, list[str]]:
    """The first ```mermaid block of a Markdown document that holds a journey: its first line's index and lines."""
    blocks = 0
    index = 0
    while index < len(lines):
        opening = _FENCE.fullmatch(lines[index].rstrip())
        index += 1
        if opening is None:
            continue
        fence, info = opening.groups()
        start = index
        while index < len(lines) and not re.fullmatch(rf" {{0,3}}{fence[0]}{{{len(fence)},}}\s*", lines[index]):
            index += 1
        body = lines[start:index]
        index += 1
        if info.lower() != "mermaid":
            continue
        blocks += 1
        first = _first_statement(body)
        if first is not None and _JOURNEY.fullmatch(body[first].strip()):
            return start, body
    if blocks:
        raise _RefusedError(0, say("none of its {0} ```mermaid blocks holds a journey diagram", number(blocks)))
    raise _RefusedError(0, say("it holds no ```mermaid block with a journey diagram"))


def _first_statement(lines: list[str]) -> int | None:
    """The index of the first line after blank lines, comments and a front matter (`---` ... `---`)."""
    index = 0
    while index < len(lines) and (not lines[index].strip() or lines[index].lstrip().startswith("%")):
        index += 1
    if index < len(lines) and lines[index].strip() == "---":
        end = next((i for i in range(index + 1, len(lines)) if lines[i].strip() == "---"), None)
        if end is None:
            raise _RefusedError(index + 1, say("the front matter (---) is not closed"))
        index = end + 1
        while index < len(lines) and (not lines[index].strip() or lines[index].lstrip().startswith("%")):
            index += 1
    return index if index < len(lines) else None


def _front_title(lines: list[str]) -> str:
    """A `title:` in a front matter at the start of the diagram (Mermaid's other way of giving one), else ""."""
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].strip() != "---":
        return ""
    for line in lines[start + 1 :]:
        if line.strip() == "---":
            break
        key, colon, value = line.partition(":")
        if colon and key.strip() == "title":
            return value.strip().strip("\"'").strip()
    return ""


def _checked(text: str, limit: int, what: str, line: int) -> str:
    value = unescape(text)
    if not value.strip():
        raise _RefusedError(line, say("the {0} is empty", what))
    if len(value) > limit:
        raise _RefusedError(line, say("the {0} has {1} characters; at most {2} fit", what, number(len(value)), limit))
    return value


class _Parser:
    def __init__(self, first_line: int) -> None:
        self.first_line = first_line
        self.diagram = _Diagram()
        self.unscored_at: int | None = None
        self.gap = False
        self.described: list[str] | None = None
        """The lines of an open `accDescr {` block."""
        self.described_at = 0

    def parse(self, lines: list[str]) -> _Diagram:
        self.diagram.title = _front_title(lines)
        first = _first_statement(lines)
        if first is None or not _JOURNEY.fullmatch(lines[first].strip()):
            where = self.first_line + (first if first is not None else 0)
            raise _RefusedError(where, say("a Mermaid journey diagram starts with the word journey"))
        for index in range(first + 1, len(lines)):
            self.line(self.first_line + index, lines[index])
        if self.described is not None:
            raise _RefusedError(self.described_at, say("the accDescr {{ block is not closed with }}"))
        if self.unscored_at is not None:
            raise _RefusedError(self.unscored_at, say("no task follows the comment {0}", repr(UNSCORED)))
        return self.diagram

    def line(self, number_: int, raw: str) -> None:
        if len(raw) > MAX_LINE_CHARS:
            raise _RefusedError(number_, say("the line is longer than {0} characters", number(MAX_LINE_CHARS)))
        if self.described is not None:
            text, closing, rest = raw.partition("}")
            self.described.append(text.strip())
            if closing:
                if rest.strip():
                    raise _RefusedError(number_, say("nothing may follow the }} that ends accDescr"))
                self.describe("\n".join(line for line in self.described if line), number_)
                self.described = None
            return
        text = raw.strip()
        if " ".join(text.split()).lower() == UNSCORED:
            self.unscored_at = number_
            return
        if not text or text.startswith("%") or _COMMENT.match(text):
            self.gap = True
            return
        comment = _COMMENT.search(text)
        if comment is not None:
            text = text[: comment.start()].rstrip()
        if ";" in _CODE.sub("", text):
            raise _RefusedError(number_, say("a ; ends a Mermaid line; write it as #59;"))
        if _JOURNEY.fullmatch(text):
            raise _RefusedError(number_, say("the word journey starts the diagram and comes once"))
        keyword = _KEYWORD.fullmatch(text)
        if keyword is None:
            self.task(number_, text)
            return
        if keyword[1] is not None:
            if keyword[1].lower() == "title":
                self.diagram.title = _checked(keyword[2], MAX_TITLE, say("title"), number_)
            else:
                self.section(number_, keyword[2])
        elif keyword[3] is not None:
            self.diagram.acc_title = unescape(keyword[4].strip())
        elif keyword[6] == ":":
            self.describe(keyword[7].strip(), number_)
        else:
            text, closing, rest = keyword[7].partition("}")
            self.described = [text.strip()]
            self.described_at = number_
            if closing:
                if rest.strip():
                    raise _RefusedError(number_, say("nothing may follow the }} that ends accDescr"))
                self.describe(text.strip(), number_)
                self.described = None

    def describe(self, text: str, number_: int) -> None:
        description = unescape(text)
        if len(description) > MAX_TEXT:
            raise _RefusedError(number_, say("the description has more than {0} characters", number(MAX_TEXT)))
        self.diagram.description = description

    def section(self, number_: int, text: str) -> None:
        if ":" in text:
            raise _RefusedError(number_, say("a section's name cannot hold a colon; write it as #58;"))
        if len(self.diagram.sections) >= MAX_PHASES:
            raise _RefusedError(number_, say("a journey holds at most {0} sections (phases)", MAX_PHASES))
        self.diagram.sections.append(_checked(text.strip(), MAX_NAME, say("section name"), number_))

    def task(self, number_: int, text: str) -> None:
        name, colon, data = text.partition(":")
        if not colon:
            raise _RefusedError(
                number_, say("expected a task (name: score: actors), a section, a title or accDescr; found {0}", text)
            )
        if len(self.diagram.tasks) >= MAX_TASKS:
            raise _RefusedError(number_, say("a diagram holds at most {0} tasks", number(MAX_TASKS)))
        parts = data.split(":")
        if len(parts) > 2:
            more = say("a task is name: score: actors; this line has more colons (write one as #58;)")
            raise _RefusedError(number_, more)
        score_text = parts[0].strip()
        if not _SCORE.fullmatch(score_text) or not SCORE_MIN <= int(score_text) <= SCORE_MAX:
            low, high, found = SCORE_MIN, SCORE_MAX, repr(score_text)
            wanted = say("a task's score is a whole number from {0} to {1}; this one is {2}", low, high, found)
            raise _RefusedError(number_, wanted)
        actors: list[str] = []
        if len(parts) == 2 and parts[1].strip():
            for actor in parts[1].split(","):
                named = _checked(actor.strip(), MAX_PERSONA_NAME, say("actor's name"), number_)
                if named not in actors:
                    actors.append(named)
        if not self.diagram.sections:
            self.diagram.sections.append(say("Tasks"))
        score = None if self.unscored_at is not None else int(score_text)
        self.unscored_at = None
        title = _checked(name.strip(), MAX_TITLE, say("task's name"), number_).strip()
        self.diagram.tasks.append(_Task(number_, len(self.diagram.sections) - 1, title, score, actors, self.gap))
        self.gap = False


def _journey(diagram: _Diagram, language: Language, fallback_title: str) -> Journey:
    from cjmapper.templates import load_template

    journey = load_template("blank", language)
    journey.title = (diagram.title or diagram.acc_title or fallback_title).strip()[:MAX_TITLE]
    journey.description = diagram.description
    journey.phases = [Phase(index, name) for index, name in enumerate(diagram.sections, 1)]
    lane = next(lane for lane in journey.lanes if lane.kind is LaneKind.TOUCHPOINTS)
    actors = list(dict.fromkeys(actor for task in diagram.tasks for actor in task.actors))
    as_personas = len(actors) <= MAX_PERSONAS
    journey.personas = [Persona(name, id=index) for index, name in enumerate(actors, 1)] if as_personas else []
    persona_ids = {name: index for index, name in enumerate(actors, 1)}
    cards: list[Touchpoint] = []
    positions: dict[int, int] = {}
    """The next card's place in each section's cell."""
    previous: _Task | None = None
    for task in diagram.tasks:
        card = cards[-1] if cards else None
        if as_personas and card is not None and previous is not None and _continues(previous, task, card, persona_ids):
            _rate(card, task, persona_ids)
        else:
            position = positions.get(task.section, 0)
            positions[task.section] = position + 1
            card = Touchpoint(len(cards) + 1, task.section + 1, lane.id, position, task.name)
            if as_personas and task.actors:
                _rate(card, task, persona_ids)
            else:
                card.score = task.score
                if task.actors:
                    card.notes = say("Actors: {0}", ", ".join(task.actors))
            cards.append(card)
        previous = task
    journey.touchpoints = cards
    return journey


def _continues(previous: _Task, task: _Task, card: Touchpoint, persona_ids: dict[str, int]) -> bool:
    """Whether `task` gives more personas' scores of the card `previous` made: cjmapper writes a card whose personas
    give different scores as one task per score, one after another, with the same name and other actors (and a blank
    line between two cards that would otherwise read as one)."""
    if task.after_gap or task.section != previous.section or task.name != previous.name:
        return False
    if not task.actors or not previous.actors:
        return False
    if previous.score is None or task.score is None:
        return False
    rated = {pid for pid in card.ratings} | ({1} if card.score is not None else set())
    return not any(persona_ids[actor] in rated for actor in task.actors)


def _rate(card: Touchpoint, task: _Task, persona_ids: dict[str, int]) -> None:
    for actor in task.actors:
        persona_id = persona_ids[actor]
        if persona_id == 1:
            card.score = task.score
        else:
            card.ratings[persona_id] = Rating(task.score)


def read_mermaid(
    data: str | bytes, source: str = "", *, markdown: bool = False, language: Language = Language.EN
) -> Journey:
    """The journey of a Mermaid journey diagram (`markdown`: the first ```mermaid journey block of a Markdown
    document). The result has id 0 and ids local to the diagram. Raises InterchangeError: one problem, with its line."""
    try:
        lines = _decode(data).split("\n")
        if len(lines) > MAX_LINES:
            raise _RefusedError(MAX_LINES + 1, say("a file holds at most {0} lines", number(MAX_LINES)))
        first_line, body = _journey_block(lines) if markdown else (0, lines)
        diagram = _Parser(first_line + 1).parse(body)
    except _RefusedError as refused:
        where = say("line {0}: {1}", refused.line, refused.problem) if refused.line else refused.problem
        raise InterchangeError([where], source) from None
    fallback = Path(source).stem if source else say("Mermaid journey")
    return _journey(diagram, language, fallback or say("Mermaid journey"))


def read_mermaid_file(path: Path, language: Language = Language.EN) -> Journey:
    """Read a `.mmd` file or the journey block of a Markdown file (by its suffix); a file too large is refused before
    it is read, and any OSError becomes an InterchangeError naming the file."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problem = say("too large to read ({0} bytes; the limit is {1} bytes)", number(size), number(MAX_FILE_BYTES))
            raise InterchangeError([problem], name)
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise InterchangeError([say("cannot read the file ({0})", error.strerror or str(error))], name) from None
    if len(data) > MAX_FILE_BYTES:
        limit = number(MAX_FILE_BYTES)
        problem = say("too large to read (at least {0} bytes; the limit is {1} bytes)", number(len(data)), limit)
        raise InterchangeError([problem], name)
    return read_mermaid(data, name, markdown=path.suffix.lower() in MARKDOWN_SUFFIXES, language=language)
