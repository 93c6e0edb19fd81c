"""`inl schema`: the JSON Schema of program files."""
from __future__ import annotations

import click

from .help import Command
from .output import emit


@click.command(cls=Command)
def schema():
    """Print the JSON Schema of program files, for editors and other tools.

    Editors with the YAML language server validate and complete a program file
    whose first line is:

    \b
      # yaml-language-server: $schema=PATH/program.schema.json

    \b
    Examples:
      inl schema > program.schema.json
    """
    from ..render.json import dumps
    from ..spec import json_schema

    emit(dumps(json_schema()), "json")
