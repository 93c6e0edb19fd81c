"""The `inl` group: its global options, its commands, and `run`, the entry point.

Exit codes: 0 success, 1 bad data (every problem is listed on stderr), 2 bad usage, 130 interrupted.
"""
from __future__ import annotations

import importlib

import click

from .. import __version__
from .errors import click_error, interrupted, unwritable
from .help import HelpContext, StackedCommandList
from .options import country_option, data_option, funding_option, recursive_option
from .session import Session

COMMANDS = {"show": "show", "timeline": "timeline", "search": "search", "countries": "countries",
            "funding": "funding", "export": "export", "validate": "validate", "schema": "schema",
            "import": "import_page", "completion": "completion"}
"""Each command's name and its module in this package, which holds a function of the module's name. A
command's module is imported when the command is run (or listed, for help and completion), so `inl export`
does not load the code of nine other commands: Click's lazy subcommands."""

EPILOG = """\b
Examples:
  inl show accomplishments
  inl timeline --from 2013
  inl export --format markdown -o report.md
  inl --data my-programs/ show overview
  inl --data my-programs/ --country "cote divoire" timeline
  inl --data my-programs/ countries
  inl search police
  inl timeline --country CI --chart
  inl completion bash

--data, --country, --recursive and --funding may come before or after the command.
"""


class Group(StackedCommandList, click.Group):
    """The `inl` group: a bare `inl` prints its help; errors of the layers below become one line and an exit
    code (see `errors`)."""

    context_class = HelpContext

    def list_commands(self, ctx) -> list[str]:
        return sorted({*COMMANDS, *super().list_commands(ctx)})

    def get_command(self, ctx, name: str):
        if name in COMMANDS and name not in self.commands:
            module = COMMANDS[name]
            self.add_command(getattr(importlib.import_module(f"{__package__}.{module}"), module), name)
        return super().get_command(ctx, name)

    def resolve_command(self, ctx, args):
        """Click suggests a command for a mistyped name from the commands it holds, so for a name that is
        none of them every command is loaded first: the cost falls on the error, not on every run."""
        if args and args[0] not in COMMANDS:
            for name in COMMANDS:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)

    def parse_args(self, ctx, args):
        """A bare `inl` asks what it can do: the help, on stdout, and success. Options without a command
        (`inl --data x`) stay a usage error, as Click has them."""
        if not args and not ctx.resilient_parsing:
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit()
        return super().parse_args(ctx, args)

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt:
            raise interrupted() from None
        except OSError as error:  # --help or --version into a full disk
            raise unwritable(error) or error from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise interrupted() from None
        except OSError as error:
            mapped = click_error(error) or unwritable(error)
            if mapped is None:
                raise
            raise mapped from None
        except Exception as error:  # noqa: BLE001  only inl's own errors are mapped; the rest go on
            mapped = click_error(error)
            if mapped is None:
                raise
            raise mapped from None


@click.group(cls=Group, epilog=EPILOG,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@data_option(envvar="INL_DATA", show_envvar=True)
@recursive_option()
@country_option()
@funding_option(envvar="INL_FUNDING", show_envvar=True)
@click.version_option(__version__, "--version", "-V", prog_name="inl")
@click.pass_context
def main(ctx, data, recursive, countries, funding):
    """Read INL's country programs: challenges, goals, partners and dated accomplishments.

    INL is the U.S. State Department's Bureau of International Narcotics and Law
    Enforcement Affairs. Exit codes: 0 success, 1 bad data, 2 bad usage.
    """
    ctx.obj = Session(data, recursive, countries, funding)


def run() -> None:
    """The `inl` command."""
    from .output import adopt_standard_streams

    adopt_standard_streams()
    main(prog_name="inl")
