"""`inl completion SHELL`: the script that completes inl in bash, zsh or fish."""
from __future__ import annotations

import click

from .help import Command
from .output import emit
from .types import Choice


@click.command(cls=Command)
@click.argument("shell", type=Choice(["bash", "zsh", "fish"]))
@click.pass_context
def completion(ctx, shell):
    """Print the script that completes inl's commands, options and values in SHELL.

    Completes commands, options, sections, --data paths, and country and partner
    names from the data the command line points at (quoted as the shell needs).

    \b
    Examples:
      eval "$(inl completion bash)"                          # in ~/.bashrc
      eval "$(inl completion zsh)"                           # in ~/.zshrc
      inl completion fish > ~/.config/fish/completions/inl.fish
    """
    from click.shell_completion import get_completion_class

    script = get_completion_class(shell)(ctx.find_root().command, {}, "inl", "_INL_COMPLETE").source()
    emit(script if script.endswith("\n") else script + "\n")
