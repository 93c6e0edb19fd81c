"""Help that stays readable in narrow terminals: Click's layout, with the widths and stacking changed.

Click never wraps help under 50 columns, so a 40-column terminal would cut its words. Here help follows the
terminal down to 20 columns: under 60 the column of option names is held to a third of the width, and under
40 usage, options and commands are stacked, each description under its name, with no word split.
"""
from __future__ import annotations

import click

NARROW = 40
"""Under this help width help is stacked."""


def help_width() -> int:
    """The width help is wrapped to: the terminal's (or $COLUMNS), less a margin of 2 from 40 columns up, at
    most 98."""
    import shutil  # only when help is shown: it brings in the compression modules

    columns = shutil.get_terminal_size((80, 24)).columns
    return max(min(columns, 100) - 2, 20) if columns >= NARROW else max(columns, 20)


def _fill(text: str, width: int, indent: str) -> str:
    import textwrap

    return textwrap.fill(" ".join(text.split()), max(width, len(indent) + 8), initial_indent=indent,
                         subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


class HelpFormatter(click.HelpFormatter):
    """Click's help formatter with the narrow-terminal rules above."""

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


class HelpContext(click.Context):
    """A context whose help is drawn by `HelpFormatter` at `help_width()`."""

    formatter_class = HelpFormatter

    def make_formatter(self):
        return self.formatter_class(width=self.terminal_width or help_width(), max_width=self.max_content_width)


class Command(click.Command):
    context_class = HelpContext


class StackedCommandList:
    """For a group: in stacked help (under NARROW), each command's summary is the one an 80-column terminal
    shows, wrapped under its name; Click would cut it to what a column beside the names leaves."""

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
