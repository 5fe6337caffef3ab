"""The translation pipeline: every user-visible string of `ui/`, found in the source (`tools.i18n_extract`), kept in
Qt's .ts catalogue and compiled to the .qm file the editor loads. `scripts/translations` runs it; the tests use the
same functions. A developer's tool: it works on the source tree (ui/ and resources/translations/ beside it, found
from this file), not on an installed cjmapper, which reads its translations through `cjmapper.resources`.

The catalogue is written without line numbers, so moving code does not change it: contexts sorted by name, the
messages of each in the order the source first uses them.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from .i18n_extract import (
    ROOT,
    Extraction,
    Message,
    Problem,
    extract,
    literal_ui_strings,
)

TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "cjmapper"
LANGUAGES = ("nl",)
"""The languages cjmapper is translated into (English is the source language)."""
QT_LANGUAGE = {"nl": "nl_NL"}
NUMERUS_FORMS = {"nl": 2}
"""How many plural forms a numerus message has in each language (Dutch: one, more)."""


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"{CATALOGUE}_{language}.qm"


# ---------------------------------------------------------------------- the .ts catalogue


@dataclass(slots=True)
class Entry:
    """A message in the catalogue with its translation (numerus: one form per plural form of the language)."""

    message: Message
    translation: str = ""
    forms: list[str] = field(default_factory=list)
    finished: bool = False
    translator_comment: str = ""

    @property
    def translations(self) -> list[str]:
        return self.forms if self.message.numerus else [self.translation]

    def complete(self, language: str) -> bool:
        """Finished and non-empty (every plural form)."""
        if not self.finished:
            return False
        if self.message.numerus:
            return len(self.forms) == NUMERUS_FORMS.get(language, 2) and all(f.strip() for f in self.forms)
        return bool(self.translation.strip())


def read_catalogue(path: Path) -> list[Entry]:
    """The messages of a .ts file (obsolete and vanished ones too, as unfinished)."""
    if not path.exists():
        return []
    entries: list[Entry] = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for node in context.iter("message"):
            numerus = node.get("numerus") == "yes"
            locations = tuple(
                loc.get("filename", "").removeprefix("../../") for loc in node.iter("location") if loc.get("filename")
            )
            message = Message(name, node.findtext("source") or "", node.findtext("comment") or "", numerus, locations)
            translation = node.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            entry = Entry(message, finished=kind is None, translator_comment=node.findtext("translatorcomment") or "")
            if translation is not None:
                if numerus:
                    entry.forms = [form.text or "" for form in translation.iter("numerusform")]
                else:
                    entry.translation = translation.text or ""
            entries.append(entry)
    return entries


def _xml(text: str) -> str:
    return escape(text, {'"': "&quot;", "'": "&apos;"})


def write_catalogue(path: Path, language: str, entries: Iterable[Entry]) -> None:
    by_context: dict[str, list[Entry]] = {}
    for entry in entries:
        by_context.setdefault(entry.message.context, []).append(entry)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{QT_LANGUAGE.get(language, language)}" sourcelanguage="en">',
    ]
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{_xml(context)}</name>"]
        for entry in by_context[context]:
            message = entry.message
            lines.append('    <message numerus="yes">' if message.numerus else "    <message>")
            lines += [f'        <location filename="../../{_xml(where)}"/>' for where in message.locations]
            lines.append(f"        <source>{_xml(message.source)}</source>")
            if message.comment:
                lines.append(f"        <comment>{_xml(message.comment)}</comment>")
            if entry.translator_comment:
                lines.append(f"        <translatorcomment>{_xml(entry.translator_comment)}</translatorcomment>")
            kind = "" if entry.finished else ' type="unfinished"'
            if message.numerus:
                lines.append(f"        <translation{kind}>")
                forms = entry.forms or [""] * NUMERUS_FORMS.get(language, 2)
                lines += [f"            <numerusform>{_xml(form)}</numerusform>" for form in forms]
                lines.append("        </translation>")
            else:
                lines.append(f"        <translation{kind}>{_xml(entry.translation)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Update:
    entries: list[Entry]
    added: list[Message]
    removed: list[Message]


def merge(messages: Sequence[Message], old: Sequence[Entry], language: str) -> Update:
    """The catalogue for `messages`: existing translations kept, new messages unfinished, vanished ones dropped.
    A message that became (or stopped being) a plural keeps its text as a first guess, unfinished."""
    known = {entry.message.key: entry for entry in old}
    entries: list[Entry] = []
    added: list[Message] = []
    for message in messages:
        before = known.pop(message.key, None)
        if before is None:
            added.append(message)
            entries.append(Entry(message, forms=[""] * NUMERUS_FORMS.get(language, 2) if message.numerus else []))
            continue
        entry = Entry(message, before.translation, before.forms, before.finished, before.translator_comment)
        if before.message.numerus != message.numerus:
            guess = before.forms[0] if before.forms else before.translation
            entry.translation = guess
            entry.forms = [guess] * NUMERUS_FORMS.get(language, 2) if message.numerus else []
            entry.finished = False
        entries.append(entry)
    return Update(entries, added, [entry.message for entry in known.values()])


# ---------------------------------------------------------------------- the .qm file


def lrelease() -> list[str]:
    """The command that runs PySide6's lrelease (installed next to this interpreter with PySide6)."""
    folder = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (folder / name).exists():
            return [str(folder / name)]
    found = shutil.which("pyside6-lrelease")
    if found is not None:
        return [found]
    raise FileNotFoundError("pyside6-lrelease was not found; it comes with PySide6 (run scripts/setup)")


def compile_catalogue(ts: Path, qm: Path) -> None:
    """Compile a .ts file into a .qm file with lrelease (unfinished messages are left out: they stay English)."""
    with tempfile.TemporaryDirectory(prefix="cjmapper-qm-") as folder:
        built = Path(folder) / qm.name
        done = subprocess.run(
            [*lrelease(), "-silent", str(ts), "-qm", str(built)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0 or not built.exists():
            raise RuntimeError(f"lrelease failed on {ts}: {(done.stderr or done.stdout).strip()}")
        data = built.read_bytes()
    if not qm.exists() or qm.read_bytes() != data:
        qm.write_bytes(data)


# ---------------------------------------------------------------------- checks


PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%n")
_MNEMONIC = re.compile(r"&(?!&)(?=\S)")


def placeholders(text: str) -> list[str]:
    """The placeholders of a text, sorted: {0}, {name}, %1, %L1, %n."""
    return sorted(PLACEHOLDER.findall(text.replace("&&", "")))


def mnemonics(text: str) -> int:
    """How many keyboard accelerators (&x) a text has (&& is a literal ampersand)."""
    return len(_MNEMONIC.findall(text.replace("&&", "")))


def translation_problems(entry: Entry) -> list[str]:
    """What a finished translation gets wrong compared with its source: placeholders, accelerator, ellipsis,
    markup, leading and trailing spaces."""
    source = entry.message.source
    problems = []
    for text in entry.translations:
        if not text:
            continue
        if placeholders(text) != placeholders(source) and not (
            entry.message.numerus and placeholders(text.replace("%n", "")) == placeholders(source.replace("%n", ""))
        ):
            problems.append(f"placeholders {placeholders(text)} instead of {placeholders(source)}")
        if mnemonics(text) != mnemonics(source):
            problems.append(f"{mnemonics(text)} accelerators (&) where the source has {mnemonics(source)}")
        if source.endswith("…") != text.endswith("…"):
            problems.append("the source's trailing … is not kept" if source.endswith("…") else "a … was added")
        if sorted(re.findall(r"</?\w+", source)) != sorted(re.findall(r"</?\w+", text)):
            problems.append("the HTML tags differ from the source's")
        if source[:1].isspace() != text[:1].isspace() or source[-1:].isspace() != text[-1:].isspace():
            problems.append("leading or trailing space differs from the source's")
    return [f"{entry.message.context} / {source!r} -> {entry.translations!r}: {p}" for p in problems]


@dataclass(frozen=True, slots=True)
class Status:
    """How the committed catalogue of one language stands against the source."""

    language: str
    missing: list[Message]
    """Used in the source, not in the .ts at all (run scripts/translations)."""
    untranslated: list[Message]
    """In the .ts without a finished, non-empty translation."""
    obsolete: list[Message]
    """In the .ts, no longer in the source."""
    wrong: list[str]
    """Finished translations that lose a placeholder, an accelerator, the … and so on."""
    problems: list[Problem]
    """Translation calls the extractor cannot read (f-strings, no context)."""

    @property
    def ok(self) -> bool:
        return not (self.missing or self.untranslated or self.obsolete or self.wrong or self.problems)


def status(language: str, extraction: Extraction | None = None, ts: Path | None = None) -> Status:
    found = extraction if extraction is not None else extract()
    entries = read_catalogue(ts if ts is not None else ts_path(language))
    by_key = {entry.message.key: entry for entry in entries}
    used = {message.key for message in found.messages}
    missing = [m for m in found.messages if m.key not in by_key]
    untranslated = [
        m
        for m in found.messages
        if m.key in by_key and (not by_key[m.key].complete(language) or by_key[m.key].message.numerus != m.numerus)
    ]  # a plural listed as a simple message (or the other way round) needs translating again
    obsolete = [e.message for e in entries if e.message.key not in used]
    wrong = [p for e in entries if e.finished for p in translation_problems(e)]
    return Status(language, missing, untranslated, obsolete, wrong, found.problems)


def update(language: str, extraction: Extraction | None = None) -> Update:
    """Bring the .ts of `language` in step with the source and compile its .qm."""
    found = extraction if extraction is not None else extract()
    ts = ts_path(language)
    result = merge(found.messages, read_catalogue(ts), language)
    write_catalogue(ts, language, result.entries)
    compile_catalogue(ts, qm_path(language))
    return result


def _describe(message: Message) -> str:
    kind = " (plural: one form per number)" if message.numerus else ""
    comment = f" [{message.comment}]" if message.comment else ""
    return f"  {message.context}: {message.source!r}{comment}{kind}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/translations",
        description="Update the translation catalogues (resources/translations/*.ts) from the strings in ui/, "
        "compile them to .qm, and list what still needs translating. Exits 1 while anything does.",
    )
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when anything is out of step")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list calls with computed texts")
    args = parser.parse_args(argv)
    found = extract()
    literals = literal_ui_strings()
    failed = False
    for problem in found.problems:
        print(f"error: {problem}", file=sys.stderr)
    for problem in literals:
        print(f"error: {problem} (wrap it in tr(); see tools/i18n_tools.py)", file=sys.stderr)
    if args.verbose:
        for call in found.dynamic:
            print(f"note: {call.path}:{call.line}: computed text {call.text} (mark its strings with QT_TRANSLATE_NOOP)")
    failed = bool(found.problems or literals)
    for language in LANGUAGES:
        ts = ts_path(language)
        if not args.check:
            result = update(language, found)
            print(
                f"{os.path.relpath(ts)}: {len(result.entries)} messages, {len(result.added)} new, "
                f"{len(result.removed)} removed; compiled {os.path.relpath(qm_path(language))}"
            )
            for message in result.removed:
                print(f"  removed {message.context}: {message.source!r}")
        state = status(language, found)
        for message in state.missing:
            print(f"not in {ts.name}:{_describe(message)[1:]}")
        if state.obsolete:
            print(f"{ts.name} holds {len(state.obsolete)} messages the source no longer uses (run without --check)")
        if state.untranslated:
            print(f"{len(state.untranslated)} messages need a translation in {ts.name}:")
            for message in state.untranslated:
                print(_describe(message))
            print(
                f"Translate them in {os.path.relpath(ts)} (pyside6-linguist, or any editor: fill in <translation> and "
                'remove type="unfinished"), then run scripts/translations again.'
            )
        for wrong in state.wrong:
            print(f"error: {wrong}", file=sys.stderr)
        if args.check and not state.missing and not state.obsolete:
            failed |= not qm_in_step(language)
        failed |= not state.ok
    return 1 if failed else 0


def qm_in_step(language: str) -> bool:
    """Whether the committed .qm is what lrelease makes of the committed .ts (prints why not)."""
    qm = qm_path(language)
    with tempfile.TemporaryDirectory(prefix="cjmapper-qm-") as folder:
        fresh = Path(folder) / qm.name
        compile_catalogue(ts_path(language), fresh)
        if qm.exists() and fresh.read_bytes() == qm.read_bytes():
            return True
    print(f"{os.path.relpath(qm)} is not compiled from the current {ts_path(language).name}", file=sys.stderr)
    return False


def iter_entries(language: str) -> Iterator[Entry]:
    yield from read_catalogue(ts_path(language))


if __name__ == "__main__":
    sys.exit(main())
