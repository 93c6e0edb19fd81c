"""Click parts of inl's own: option types, and the --help and --version options.

Click looks the texts of its own --help and --version options and of `click.Path` up in gettext,
and the first look-up imports `locale` and searches the disk for catalogues Click does not ship:
about 3 ms of every run, a twentieth of start-up. The options and the path type here give their
texts directly, so no run pays for that unless it shows one of Click's messages.
"""
from __future__ import annotations

import os
import sys

import click

HELP = "Show this message and exit."


def _show_help(ctx, param, value) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


NARROW = 40
"""Under this help width (see `help_width`) help is stacked: each option's help under its names, words
never split."""


class HelpFormatter(click.HelpFormatter):
    """Click's help layout, kept readable in narrow terminals. Under 60 columns the column of option names
    is held to a third of the width; under 40, usage and options are stacked, and a word longer than its
    line runs past it rather than being cut (the terminal then wraps it whole)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if self.width >= NARROW:
            return super().write_usage(prog, args, prefix)
        self.write(f"{'Usage: ' if prefix is None else prefix}{prog}\n")
        if args:
            self.write(_fill(args, self.width, " " * (self.current_indent + 2)) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        if self.width >= NARROW:
            if self.width < 60:
                col_max = min(col_max, max(self.width // 3, 6))
            return super().write_dl(rows, col_max, col_spacing)
        for term, definition in rows:
            self.write(_fill(term, self.width, " " * self.current_indent) + "\n")
            if definition:
                self.write(_fill(definition, self.width, " " * (self.current_indent + 2)) + "\n")

    def write_text(self, text: str) -> None:
        if self.width >= NARROW:
            return super().write_text(text)
        indent = " " * self.current_indent
        paragraphs = []
        for paragraph in text.split("\n\n"):
            if paragraph.startswith("\b\n"):  # Click's mark for a block kept as written
                paragraphs.append("\n".join(indent + line for line in paragraph[2:].splitlines()))
            else:
                paragraphs.append(_fill(paragraph, self.width, indent))
        self.write("\n\n".join(paragraphs) + "\n")


def _fill(text: str, width: int, indent: str) -> str:
    import textwrap

    return textwrap.fill(" ".join(text.split()), max(width, len(indent) + 8), initial_indent=indent,
                         subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


class Context(click.Context):
    formatter_class = HelpFormatter

    def make_formatter(self):
        return self.formatter_class(width=self.terminal_width or help_width(), max_width=self.max_content_width)


def help_width() -> int:
    """The width help is wrapped to: the terminal's (or $COLUMNS), less a margin of 2 from 40 columns up, at
    most 98. Click would never go under 50, and a narrower terminal would then cut its words. The terminal
    is found as `shutil.get_terminal_size` finds it, without importing shutil."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(min(columns, 100) - 2, 20) if columns >= 40 else max(columns, 20)


class HelpOption:
    """For a command class: -h/--help made here (Click builds its own through gettext), made once."""

    def get_help_option(self, ctx):
        names = self.get_help_option_names(ctx)
        if not names or not self.add_help_option:
            return None
        if getattr(self, "_inl_help", None) is None:  # made once: Click orders eager options by identity
            self._inl_help = click.Option([*names, "inl_help"], is_flag=True, expose_value=False, is_eager=True,
                                          callback=_show_help, help=HELP)  # a name no parameter of inl takes
        return self._inl_help


class Command(HelpOption, click.Command):
    context_class = Context


class CommandList:
    """For a group: in stacked help (under NARROW), each command's summary is the one an 80-column terminal
    shows, wrapped under its name; Click would cut it to what a column beside the names leaves ("Print the
    script...")."""

    def format_commands(self, ctx, formatter):
        if formatter.width >= NARROW:
            return super().format_commands(ctx, formatter)
        commands = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        commands = [(name, command) for name, command in commands if command is not None and not command.hidden]
        longest = max((len(name) for name, _ in commands), default=0)
        rows = [(name, command.get_short_help_str(72 - longest)) for name, command in commands]  # as at 80
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def version_option(version: str, prog_name: str):
    """--version/-V: prints "PROG, version X" and exits."""

    def show(ctx, param, value):
        if value and not ctx.resilient_parsing:
            click.echo(f"{prog_name}, version {version}", color=ctx.color)
            ctx.exit()

    return click.option("--version", "-V", is_flag=True, expose_value=False, is_eager=True, callback=show,
                        help="Show the version and exit.")


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
            from .render import clean

            self.fail(f"{clean(value, False)} is a folder; give a file name", param, ctx)
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
        from .dates import DateError, PartialDate

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
        from .spec import ISO_3166_ALPHA2

        if not (len(value) == 2 and value.isalpha() and value.isascii()):
            self.fail(f"expected a two-letter ISO 3166-1 code such as CI, got {value!r}", param, ctx)
        if value.upper() not in ISO_3166_ALPHA2:
            self.fail(f"{value.upper()!r} is not an ISO 3166-1 alpha-2 country code", param, ctx)
        return value.upper()
