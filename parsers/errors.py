"""The one error a parser raises: it names the file, the line and what was wrong."""

from __future__ import annotations


class ParseError(Exception):
    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class ParserBug(ParseError):
    """A parser raised something it should have turned into a ParseError. The batch still
    goes on (the file is quarantined with this reason); the fuzz tests treat it as a crash."""
