"""`inl validate [PATH]...`: every problem of program files, one a line."""
from __future__ import annotations

import click

from .. import formats
from ..text import one_line
from .errors import MissingPath, missing, problem_count
from .help import Command
from .options import global_options
from .output import emit
from .types import Choice, PathText


@click.command(cls=Command)
@click.argument("paths", nargs=-1, type=PathText(), metavar="[PATH]...")
@click.option("--format", "-f", "fmt", type=Choice(formats.PROBLEMS), default="text", show_default=True,
              help="text: one problem a line; json: a list of problem objects.")
@global_options
@click.pass_obj
def validate(session, paths, fmt):
    """Check program files and list every problem, one a line.

    PATH may be a file or a folder of *.yaml files; without one, the data that
    --data, INL_DATA or the bundled program points at. Each problem reads
    file:line:column: field.path: message. Exits 0 when clean, 1 otherwise.

    \b
    Examples:
      inl validate
      inl validate programs/
      inl validate peru.yaml ghana.yaml
      inl validate programs/ --format json
    """
    from ..load import check

    locations = list(paths) or [session.data]
    for location in locations:
        if location is not None and missing(location):
            raise MissingPath(location)
    checked = check(locations, session.recursive)
    problems = checked.problems
    if fmt == "json":
        from ..render.json import dumps

        emit(dumps([p._asdict() for p in problems]), "json")
    else:
        emit("".join(f"{one_line(str(p))}\n" for p in problems))
        if problems:
            click.echo(problem_count(problems, len(checked.files)), err=True)
        else:
            emit(problem_count(problems, len(checked.files)) + "\n")
    if problems:
        raise SystemExit(1)
