"""Errors that reach the user as one clear line, never as a traceback."""


class TeikitError(Exception):
    """A problem the user can act on: which file, which line, what is wrong."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class UsageError(TeikitError):
    """The command was given arguments it cannot use."""
