"""Errors a user may see. Each carries one clear, complete sentence; no traceback reaches a user."""

from __future__ import annotations

from cjmapper.messages import say


class CjmapperError(Exception):
    """Base of every error whose message is meant for the user as it is."""


class LibraryError(CjmapperError):
    """A library (a file or a team library) cannot be opened, read or written."""


class DamagedJourneyError(LibraryError):
    """A journey breaks a rule of the journey format (a forged or damaged row) and cannot be read; the library's other
    journeys can. `Library.delete_damaged_journey` deletes it."""

    def __init__(self, message: str, journey_id: object, problem: str) -> None:
        super().__init__(message)
        self.journey_id = journey_id
        self.problem = problem
        """What is wrong with it, as a phrase ("touchpoint 17: the title is empty")."""


class LibraryLockedError(LibraryError):
    """Another program holds the library's lock."""


class UndecodableTextError(LibraryError):
    """The library holds text that is not UTF-8, which only a damaged or forged file can."""


class NewerLibraryError(LibraryError):
    """The library was written by a newer cjmapper."""


class PasswordNeededError(LibraryError):
    """A team library's server asks for a password and none was given (no PGPASSWORD, no ~/.pgpass entry)."""


class WrongPasswordError(LibraryError):
    """A team library's server refused the user name or password."""


class NotFoundError(CjmapperError):
    """A journey, phase, lane or touchpoint named by the user does not exist."""


class EditError(CjmapperError):
    """An edit was refused because it would break the journey's rules (the library is unchanged)."""


class StaleEditError(EditError):
    """An edit was refused because the journey changed since the editor read it (another window or program wrote
    to the library): the library is unchanged and the other's work intact."""


class InterchangeError(CjmapperError):
    """A journey file does not follow the interchange format. `problems` lists each, with its place."""

    def __init__(self, problems: list[str], source: str = "") -> None:
        self.problems = list(problems)
        self.source = source
        where = f"{source}: " if source else ""
        shown = "; ".join(self.problems[:5])
        more = say(" (and {0} more)", len(self.problems) - 5) if len(self.problems) > 5 else ""
        super().__init__(f"{where}{shown}{more}")
