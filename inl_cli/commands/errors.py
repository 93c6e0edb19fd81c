"""The one mapping of errors to exit codes: 0 success, 1 bad data (or output that cannot be written),
2 bad usage, 130 interrupted.

Lower layers raise their own errors (DataError, WriteError, FormatError, ...); `click_error` turns each into
the Click exception that prints it as one line and exits with its code.
"""
from __future__ import annotations

import os

import click

from ..text import one_line, path_name


class BadData(click.ClickException):
    """Program files with problems: every problem on a line of its own, then how many; exit 1."""

    exit_code = 1

    def __init__(self, problems):
        super().__init__(problem_count(problems))
        self.problems = problems

    def show(self, file=None):
        for problem in self.problems:
            click.echo(one_line(str(problem)), err=True)
        super().show(file)


class MissingPath(click.ClickException):
    """A file or folder named on the command line is not there: bad usage, exit 2."""

    exit_code = 2

    def __init__(self, path):
        super().__init__(f"no such file or folder: {one_line(path_name(os.fspath(path)))}")


class Failed(click.ClickException):
    """Something the user asked for could not be done (a page not read, a file not written): exit 1."""

    exit_code = 1


def missing(path) -> bool:
    """Whether nothing is at `path`; one that cannot be looked at (no search permission) is there, unread."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def problem_count(problems, checked: int = 0) -> str:
    """`3 problems in 2 files`, or `No problems in 4 files`."""
    files = len({p.file for p in problems}) or checked
    where = f"{files} file{'s' * (files != 1)}"
    if not problems:
        return f"No problems in {where}"
    return f"{len(problems)} problem{'s' * (len(problems) != 1)} in {where}"


def click_error(error: Exception) -> click.ClickException | None:
    """The Click exception for an error of a lower layer, or None for an error that is not inl's."""
    from ..files import WriteError
    from ..formats import FormatError
    from ..load import DataError

    if isinstance(error, DataError):
        return BadData(error.problems)
    if isinstance(error, WriteError):
        return Failed(str(error))
    if isinstance(error, FormatError):
        return click.UsageError(str(error))
    return None


def unwritable(error: OSError) -> click.ClickException | None:
    """Stdout that cannot be written (a full disk): one line and exit 1, not a traceback. None for a closed
    pipe (`| head`), which Click ends quietly."""
    import errno
    import sys

    if error.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO):
        return None
    try:  # what is still buffered must not fail again at exit
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
    return Failed(f"cannot write the output: {error.strerror or error}")


def interrupted() -> click.exceptions.Exit:
    """Ctrl-C: a newline, so the prompt starts on a line of its own, and exit 130."""
    click.echo(err=True)
    return click.exceptions.Exit(130)
