"""The errors of the funding layer, each said in one line; the command maps them to exit codes."""
from __future__ import annotations

from ..text import one_line


class FundingError(Exception):
    """A problem with funding data or files; str() is the one line to show."""

    def __init__(self, message: str):
        super().__init__(one_line(message))


class BadFile(FundingError):
    """A file that cannot be read as it should be (bad data, exit 1): `FILE: row N: what is wrong`.

    Rows are counted as a spreadsheet counts them: the header is row 1, a quoted newline starts no row.
    """

    def __init__(self, path: str, message: str, row: int | None = None):
        self.path, self.row = path, row
        where = f"{path}: row {row:,}: " if row is not None else f"{path}: "
        super().__init__(where + message)


class NoMatch(FundingError):
    """The account and bureau filter matched no row of the files (exit 1); names the closest in the files."""


class Overlap(FundingError):
    """Two files hold the same country's rows for the same fiscal year, which would count them twice."""


class NoExtract(FundingError):
    """No extract where one was looked for. `named`: the user gave the path (a usage error)."""

    def __init__(self, message: str, named: bool):
        super().__init__(message)
        self.named = named


class UnknownCountry(FundingError):
    """A --country that names no country of the extract (a usage error); says which come closest."""
