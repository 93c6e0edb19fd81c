"""Click parameter types of inl's own: each turns what was typed into a value, or says in one line why not."""
from __future__ import annotations

import os

import click

from ..text import one_line, path_name


class PathText(click.ParamType):
    """A file or folder as typed, completed by the shell as a file name; inl says itself what is missing.

    `file_only` refuses a folder that is already there (where a file is to be written).
    """

    name = "path"

    def __init__(self, file_only: bool = False):
        self.file_only = file_only

    def convert(self, value, param, ctx):
        value = os.fsdecode(value) if isinstance(value, bytes) else value
        if self.file_only and value not in ("", "-") and os.path.isdir(value):  # `-` is stdout
            self.fail(f"{one_line(path_name(value))} is a folder; give a file name", param, ctx)
        return value

    def shell_complete(self, ctx, param, incomplete):
        from click.shell_completion import CompletionItem

        return [CompletionItem(incomplete, type="file")]


class Choice(click.Choice):
    """Click's choice, with the choices on one line when missing and a "did you mean" when mistyped."""

    def get_missing_message(self, param, ctx) -> str:
        return f"Choose from: {', '.join(map(str, self.choices))}."

    def get_invalid_choice_message(self, value, ctx) -> str:
        import difflib

        message = super().get_invalid_choice_message(value, ctx)
        close = difflib.get_close_matches(str(value).casefold(), [str(c) for c in self.choices], n=1, cutoff=0.6)
        return f"{message} Did you mean {close[0]!r}?" if close else message


class Width(click.ParamType):
    """--width: a whole number of columns from 20 to 1000."""

    name = "integer"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            number = value
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                self.fail(f"expected a number of columns from 20 to 1000, got {value!r}", param, ctx)
        if not 20 <= number <= 1000:
            self.fail(f"expected a number of columns from 20 to 1000, got {number}", param, ctx)
        return number


class DateBound(click.ParamType):
    """A --from/--to bound: YYYY, YYYY-MM or YYYY-MM-DD."""

    name = "date"

    def convert(self, value, param, ctx):
        from ..dates import DateError, PartialDate

        if isinstance(value, PartialDate):
            return value
        try:
            return PartialDate.parse(value)
        except DateError as error:
            self.fail(str(error), param, ctx)


class CountryCode(click.ParamType):
    """import --code: an ISO 3166-1 alpha-2 code, any case, given back in capitals."""

    name = "code"

    def convert(self, value, param, ctx):
        from ..spec import ISO_3166_ALPHA2

        if not (len(value) == 2 and value.isalpha() and value.isascii()):
            self.fail(f"expected a two-letter ISO 3166-1 code such as CI, got {value!r}", param, ctx)
        if value.upper() not in ISO_3166_ALPHA2:
            self.fail(f"{value.upper()!r} is not an ISO 3166-1 alpha-2 country code", param, ctx)
        return value.upper()


class WebAddress(click.ParamType):
    """A page's address, by the one web-address rule of `text.web_address_problem`."""

    name = "url"

    def convert(self, value, param, ctx):
        from ..text import web_address_problem

        problem = web_address_problem(value)
        if problem:
            self.fail(f"{one_line(repr(value))}: {problem}", param, ctx)
        return value
