"""The command line: parse options, run load → query → view → render, map errors to exit codes.

Exit codes: 0 success, 1 bad data (every problem is listed on stderr), 2 bad usage.
"""
from __future__ import annotations

import os
import sys

import click

from . import __version__, formats, render, views
from . import export as exports
from .params import (
    Choice,
    Command,
    CommandList,
    Context,
    CountryCode,
    DateBound,
    HelpOption,
    PathText,
    Width,
    version_option,
)
from .query import KINDS
from .render.output import emit

FORMAT_HELP = "Output format: table for people, markdown for documents, json and csv for programs."


class BadData(click.ClickException):
    exit_code = 1

    def __init__(self, problems):
        super().__init__(summary(problems))
        self.problems = problems

    def show(self, file=None):
        for problem in self.problems:
            click.echo(render.clean(str(problem), lines=False), err=True)
        super().show(file)


class MissingPath(click.ClickException):
    """A file or folder named on the command line is not there: bad usage, exit 2."""

    exit_code = 2

    def __init__(self, path):
        super().__init__(f"no such file or folder: {render.clean(path, lines=False)}")


def missing(path) -> bool:
    """Whether nothing is at `path`; one that cannot be looked at (no search permission) is there, unread."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


class Options:
    """What the global options chose; programs are loaded only when a command asks."""

    def __init__(self, data, recursive, countries=()):
        self.data = data
        self.recursive = recursive
        self.countries = tuple(countries)
        self._programs = None

    def add(self, data, recursive, countries) -> None:
        """The same options given after the command: a later --data wins, countries add up."""
        if data is not None:
            self.data = data
        self.recursive = self.recursive or recursive
        self.countries += tuple(countries)

    def command(self, *words: str) -> str:
        """`inl WORDS` as the user would type it to see the same data: with their --data and --recursive."""
        import shlex

        data = ["--data", shlex.quote(os.fspath(self.data))] if self.data is not None else []
        return " ".join(["inl", *data, *(["--recursive"] if self.recursive else []), *words])

    def programs(self):
        if self._programs is None:
            from .load import DataError, load
            from .query import select

            if self.data is not None and missing(self.data):
                raise MissingPath(self.data)
            try:
                loaded = load(self.data, self.recursive)
            except DataError as error:
                raise BadData(error.problems) from None
            self._programs, unknown = select(loaded, self.countries)
            if unknown:
                raise click.BadParameter(_unknown_country(unknown[0], loaded, self.command("countries")),
                                         param_hint="'--country'")
        return self._programs


def _unknown_country(wanted: str, programs, listing: str) -> str:
    import difflib

    from .text import key as country_key

    names = {country_key(p.country.name): p.country.name for p in programs}
    key = country_key(wanted)
    close = [name for name in sorted(names) if key and name.startswith(key)][:3] or difflib.get_close_matches(
        key, names, n=3, cutoff=0.7)
    hint = f"did you mean {', '.join(names[c] for c in close)}?" if close else (
        f"loaded: {_listed(sorted(names.values()), 'programs', listing)}")
    return render.clean(f"no program for {wanted!r}; {hint}", lines=False)


def _listed(names: list[str], noun: str, command: str, most: int = 8) -> str:
    """Names for a message, or how many there are and the command that lists them, when too many to read."""
    if len(names) <= most:
        return ", ".join(names) or "none"
    return f"{len(names):,} {noun} (`{command}` lists them)"


def _not_blank(values, ctx, param):
    """A repeatable option's values; an empty or blank one (`--partner ''`) would match everything or nothing."""
    if any(not value.strip() for value in values):
        raise click.BadParameter("give an id, an abbreviation or a name, not an empty one", ctx, param)
    return values


def _unknown_partner(wanted: str, programs, listing: str) -> str:
    import difflib
    import re

    from .text import fold

    names = {}
    for program in programs:
        for partner in program.partners:
            for name in (partner.abbreviation, partner.name, partner.id):
                if name:
                    names.setdefault(fold(name), partner.abbreviation or partner.name)
    close = difflib.get_close_matches(fold(wanted), names, n=6, cutoff=0.7)
    words = {w for w in re.findall(r"\w+", fold(wanted)) if len(w) > 2}
    close += [name for name in names if words & set(re.findall(r"\w+", name))]
    shown = list(dict.fromkeys(names[c] for c in close))[:3]
    if shown:
        return render.clean(f"no partner {wanted!r}; did you mean {', '.join(shown)}?", lines=False)
    known = sorted(dict.fromkeys(names.values()), key=str.casefold)
    return render.clean(f"no partner {wanted!r}; known: {_listed(known, 'partners', listing)}",
                        lines=False)


def _shell_word(value: str) -> str:
    """A completion as bash must insert it: spaces and quotes escaped (zsh and fish quote for themselves)."""
    import os
    import re

    if os.environ.get("_INL_COMPLETE", "").startswith("bash"):
        # Click's bash script reads each completion with `read`, which takes off one level of backslashes.
        return re.sub(r"([^\w./,:@%+=-])", r"\\\1", value).replace("\\", "\\\\")
    return value


def _completion_data(ctx):
    """The programs that the command line typed so far points at, or [] when they cannot be read."""
    from .load import DataError, load

    data, recursive = None, False
    while ctx is not None:
        data = data if data is not None else ctx.params.get("data")
        recursive = recursive or bool(ctx.params.get("recursive"))
        ctx = ctx.parent
    try:
        return load(data, recursive)
    except (DataError, OSError):
        return []


def complete_country(ctx, param, incomplete):
    """Country codes from the data the command line points at, or names once the typing goes past a code."""
    from click.shell_completion import CompletionItem

    from .text import key as country_key

    prefix = country_key(incomplete)
    found = []
    for p in _completion_data(ctx):
        name = p.country.name if _typeable(p.country.name) else None  # a code is two capital letters
        if country_key(p.country.code).startswith(prefix):
            found.append(CompletionItem(p.country.code, help=name))
        elif name is not None and country_key(name).startswith(prefix):
            found.append(CompletionItem(_shell_word(name), help=p.country.code))
    return found


def _typeable(text: str) -> bool:
    """Whether a completion may offer `text`: a newline or ESC in it would break the shell's reading of the
    completions (bash reads them a line at a time) or reach the terminal; nobody types such a name anyway."""
    return render.clean(text, lines=False) == text


def complete_partner(ctx, param, incomplete):
    """Partner abbreviations, or ids, from the data the command line points at; names once typing goes past."""
    from click.shell_completion import CompletionItem

    from .text import key as country_key

    prefix = country_key(incomplete)
    found = {}
    for program in _completion_data(ctx):
        for partner in program.partners:
            # An id is always plain (lowercase letters, digits, - and _); a name or an abbreviation may not be.
            typeable = partner.abbreviation and _typeable(partner.abbreviation)
            short = partner.abbreviation if typeable else partner.id
            name = partner.name if _typeable(partner.name) else None
            if country_key(short).startswith(prefix):
                found.setdefault(short, CompletionItem(_shell_word(short), help=name))
            elif name is not None and country_key(name).startswith(prefix):
                found.setdefault(name, CompletionItem(_shell_word(name), help=short))
    return list(found.values())


def global_options(function):
    """--data, --country and --recursive after the command, as users type them: `inl timeline --country CI`."""
    import functools

    @functools.wraps(function)
    def apply(*args, data, recursive, countries, **kwargs):
        click.get_current_context().find_object(Options).add(data, recursive, countries)
        return function(*args, **kwargs)

    for decorator in reversed(_GLOBAL_OPTIONS):
        apply = decorator(apply)
    return apply


def _data_option(**extra):
    return click.option("--data", metavar="PATH", type=PathText(), **extra,
                        help="Program file or folder of *.yaml files (default: the bundled Côte d'Ivoire "
                             "program).")


_GLOBAL_OPTIONS = (
    _data_option(),
    click.option("--recursive", is_flag=True, help="Also read program files in subfolders of a --data folder."),
    click.option("--country", "-c", "countries", multiple=True, metavar="NAME", shell_complete=complete_country,
                 help="Only this country, by ISO code or name (accents and case ignored); repeat for several."),
)


class Group(HelpOption, CommandList, click.Group):
    """The `inl` group: Ctrl-C ends any command with exit 130 and only a newline."""

    command_class = Command
    context_class = Context

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
            raise _interrupted() from None
        except OSError as error:  # --help or --version into a full disk
            raise _unwritable(error) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise _interrupted() from None
        except OSError as error:
            raise _unwritable(error) from None


def _unwritable(error: OSError):
    """Stdout that cannot be written (a full disk): one line and exit 1, not a traceback."""
    import errno

    if error.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO):
        return error  # EPIPE (| head) is Click's to end quietly
    try:  # what is still buffered must not fail again at exit
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
    return click.ClickException(f"cannot write the output: {error.strerror or error}")


def _interrupted():
    click.echo(err=True)
    return click.exceptions.Exit(130)


def output_file(ctx, param, value):
    """-o FILE: `-` means stdout; an empty name is a mistake, not the current folder."""
    if value == "":
        raise click.BadParameter("give a file name, or - for standard output", ctx, param)
    return None if value == "-" else value


def output_file_only(ctx, param, value):
    """-o FILE where only a file will do (export): as `output_file`, and a name ending in / is a folder."""
    if value and value.endswith("/"):
        raise click.BadParameter(f"{render.clean(value, False)} ends in /, which names a folder; give a file name",
                                 ctx, param)
    return output_file(ctx, param, value)


def csv_option(function):
    return click.option("--csv-safe/--csv-raw", default=True, expose_value=False,
                        callback=lambda ctx, param, value: ctx.meta.__setitem__("csv_safe", value),
                        help="With --format csv: a cell that begins with = + - @ gets a leading ' so that "
                             "spreadsheets show it instead of running it as a formula (default); "
                             "--csv-raw writes cells as they are.")(function)


def renderer_options(fmt: str) -> dict:
    """The --csv-safe choice, for the CSV renderer."""
    return {"safe": click.get_current_context().meta.get("csv_safe", True)} if fmt == "csv" else {}


def terminal_width(width: int | None) -> int | None:
    """--width, else Rich's own choice; $COLUMNS is held to --width's 20 to 1000 (COLUMNS=0 printed nothing,
    COLUMNS=999999999 took gigabytes)."""
    if width is None:
        try:
            columns = int(os.environ.get("COLUMNS", ""))
        except ValueError:
            return None
        if columns < 20:
            return 20
        if columns > 1000:
            return 1000
    return width


def output_options(function):
    function = csv_option(function)
    function = click.option("--width", type=Width(), metavar="N",
                            help="Table width in columns, 20 to 1000 (default: the terminal's, or $COLUMNS)."
                            )(function)
    function = click.option("--format", "-f", "fmt", type=Choice(formats.VIEW), default="table",
                            show_default=True, help=FORMAT_HELP)(function)
    return global_options(function)


def show_tables(tables, fmt: str, width: int | None) -> None:
    """Write the tables; a table for people in pieces as it is drawn, so `| head` shows it at once."""
    if fmt == "table":
        from .render.terminal import stream

        for piece in stream(tables, terminal_width(width)):
            emit(piece, fmt)
    else:
        emit(render.get(fmt).render(tables, terminal_width(width), **renderer_options(fmt)), fmt)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog="""\b
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

--data, --country and --recursive may come before or after the command.
""")
@_data_option(envvar="INL_DATA", show_envvar=True)
@_GLOBAL_OPTIONS[1]
@_GLOBAL_OPTIONS[2]
@version_option(__version__, prog_name="inl")
@click.pass_context
def main(ctx, data, recursive, countries):
    """Read INL's country programs: challenges, goals, partners and dated accomplishments.

    INL is the U.S. State Department's Bureau of International Narcotics and Law
    Enforcement Affairs. Exit codes: 0 success, 1 bad data, 2 bad usage.
    """
    ctx.obj = Options(data, recursive, countries)


@main.command()
@click.argument("section", metavar="SECTION", type=Choice(list(views.SECTIONS)))
@click.option("--sort", type=Choice(views.SORTS), default="date", show_default=True,
              help="Accomplishments by date (undated last), or in the file's order.")
@output_options
@click.pass_obj
def show(options, section, sort, fmt, width):
    """Show one SECTION of the program as a table.

    Sections: overview, challenges, goals, partners, accomplishments, results,
    details (each accomplishment's summary, details and milestones). With several
    programs, results adds a table of totals per unit.

    \b
    Examples:
      inl show accomplishments
      inl show results --format csv > results.csv
      inl show overview --width 60
      inl show details --sort file
    """
    programs = options.programs()
    view = views.SECTIONS[section]
    tables = [view(programs, sort) if section in views.SORTED else view(programs)]
    if section == "results" and len(programs) > 1 and fmt != "csv":
        tables.append(views.totals(programs))
    show_tables(tables, fmt, width)


@main.command()
@output_options
@click.pass_obj
def countries(options, fmt, width):
    """List the loaded programs: country, code, accomplishments, years, source.

    \b
    Examples:
      inl --data programs/ countries
      inl countries --format csv
    """
    show_tables([views.countries(options.programs())], fmt, width)


@main.command()
@click.argument("words", nargs=-1, required=True, metavar="TEXT...")
@output_options
@click.pass_obj
def search(options, words, fmt, width):
    """Find TEXT in titles, summaries, goals, challenges, partners, results and dates.

    Case and accents are ignored: "cote" finds "Côte". Several words are looked for
    together, as one phrase: civil society is the same as "civil society". A year or
    month finds the dates it falls in: 2016 finds 2015–2018. Matches are highlighted at
    a terminal and in Markdown.

    \b
    Examples:
      inl search police
      inl search civil society --format json
      inl search 2013
      inl search treatment --data programs/ --country CI
    """
    text = " ".join(words)
    if not text.strip():
        raise click.BadParameter("give some text to look for", param_hint="'TEXT'")
    show_tables([views.search(options.programs(), text)], fmt, width)


@main.command()
@click.argument("shell", type=Choice(["bash", "zsh", "fish"]))
def completion(shell):
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

    script = get_completion_class(shell)(main, {}, "inl", "_INL_COMPLETE").source()
    emit(script if script.endswith("\n") else script + "\n")


@main.command()
@click.option("--from", "start", type=DateBound(), metavar="DATE",
              help="Keep entries on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD), compared at its precision.")
@click.option("--to", "end", type=DateBound(), metavar="DATE", help="Keep entries on or before DATE, inclusive.")
@click.option("--partner", "partners", multiple=True, metavar="NAME", shell_complete=complete_partner,
              callback=lambda ctx, param, value: _not_blank(value, ctx, param),
              help="Only entries with this partner (id, abbreviation, name or words of it); repeat for several.")
@click.option("--kind", "kinds", multiple=True, type=Choice(KINDS),
              help="Only entries of this kind; repeat for several.")
@click.option("--undated", is_flag=True, help="List undated accomplishments after the dated entries.")
@click.option("--chart", is_flag=True, help="Draw a Gantt-style chart instead of a table.")
@output_options
@click.pass_obj
def timeline(options, start, end, partners, kinds, undated, chart, fmt, width):
    """Show what happened when: accomplishments, milestones and context, by date.

    A span is kept when it overlaps the window: --from 2016 --to 2017 keeps 2015–2018.

    \b
    Examples:
      inl timeline
      inl timeline --from 2013 --to 2018
      inl timeline --from 2013-10          # drops September 2013
      inl timeline --partner MSCP --kind milestone
      inl timeline --partner "united nations" --partner MSCP
      inl timeline --undated
      inl timeline --chart
      inl timeline --country CI --format json
    """
    from .query import Window

    if start and end and start.first_day > end.last_day:
        raise click.UsageError(f"--from {start} is after --to {end}; nothing can fall between them.")
    if chart and fmt != "table":
        raise click.UsageError("--chart draws in the terminal; use it without --format.")
    from .query import unknown_partners

    programs = options.programs()
    for wanted in unknown_partners(programs, partners):
        raise click.BadParameter(_unknown_partner(wanted, programs, options.command("show", "partners")),
                                 param_hint="'--partner'")
    table = views.timeline(programs, Window(start, end), partners, kinds, undated)
    if chart:
        from .render.terminal import render_chart

        emit(render_chart(table, terminal_width(width)))
    else:
        show_tables([table], fmt, width)


@main.command()
@click.argument("paths", nargs=-1, type=PathText(), metavar="[PATH]...")
@click.option("--format", "-f", "fmt", type=Choice(["text", "json"]), default="text", show_default=True,
              help="text: one problem a line; json: a list of problem objects.")
@global_options
@click.pass_obj
def validate(options, paths, fmt):
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
    from .load import read_all, scan, unique

    for location in paths or (options.data,):
        if location is not None and missing(location):
            raise MissingPath(location)
    files, problems = [], []
    for location in paths or (options.data,):
        found, unreadable = scan(location, options.recursive)
        files += found
        problems += unreadable
    files = unique(files)
    positions: list = []
    programs, found = read_all(files, positions)
    problems += found + _unassigned_codes(programs, positions)
    if fmt == "json":
        from .render.json import dumps

        emit(dumps([p._asdict() for p in problems]), "json")
    else:
        emit("".join(f"{render.clean(str(p), lines=False)}\n" for p in problems))
        if problems:
            click.echo(summary(problems, len(files)), err=True)
        else:
            emit(summary(problems, len(files)) + "\n")
    if problems:
        raise SystemExit(1)


def _unassigned_codes(programs, positions) -> list:
    """A problem for each program whose country code is not an ISO 3166-1 alpha-2 code."""
    from .spec import Problem, unassigned_code

    problems = []
    for program, (line, column) in zip(programs, positions):
        message = unassigned_code(program)
        if message:
            problems.append(Problem(program.origin, line, column, "country.code", message))
    return problems


def summary(problems, checked: int = 0) -> str:
    """`3 problems in 2 files`, or `No problems in 4 files`."""
    files = len({p.file for p in problems}) or checked
    where = f"{files} file{'s' * (files != 1)}"
    if not problems:
        return f"No problems in {where}"
    return f"{len(problems)} problem{'s' * (len(problems) != 1)} in {where}"


@main.command()
@click.pass_obj
def schema(options):
    """Print the JSON Schema of program files, for editors and other tools.

    Editors with the YAML language server validate and complete a program file
    whose first line is:  # yaml-language-server: $schema=PATH/program.schema.json

    \b
    Examples:
      inl schema > program.schema.json
    """
    from .render.json import dumps
    from .spec import json_schema

    emit(dumps(json_schema()), "json")


@main.command("import")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--output", "-o", metavar="OUT", callback=output_file, help="Write the program file here (whole or "
              "not at all) instead of stdout; with several pages, a folder that gets one file per country.")
@click.option("--force", is_flag=True, help="Replace program files that already exist (never a page being read).")
@click.option("--country", metavar="NAME", help="The country's name, when the page's own is not right.")
@click.option("--code", type=CountryCode(), help="The country's ISO 3166-1 alpha-2 code, such as CI.")
@click.option("--url", metavar="URL", help="The page's address, when the page does not give it.")
def import_page(files, output, force, country, code, url):
    """Turn INL country summary pages into program files to review.

    FILE is a page's text as a browser captures it (UTF-8), a page saved as .html,
    an http(s):// address to fetch, or - for stdin. The importer drops the site's
    banner, archive notices and the bureau's boilerplate; finds Challenges, Goals and
    Accomplishments with or without labels; one accomplishment per bullet (or per
    sentence of prose), dates, spans and "since" (later dates become milestones),
    numbers with their units, partners, and the country with its ISO code. Where it
    guessed, the file says so in a '# review:' comment. Existing files are kept
    unless --force is given. With several pages, -o DIR gets one file per country
    and a summary table is printed; the exit code is 1 if a page could not be read.

    \b
    Examples:
      inl import ghana-summary.txt -o programs/ghana.yaml
      inl import pages/*.txt -o programs/
      inl import https://www.state.gov/...-work-by-country/guinea-summary/ -o programs/
      curl -s URL | inl import - --url URL
      inl import page.txt --country "Côte d'Ivoire" --code CI --url https://www.state.gov/...
    """
    import re

    from .importer.command import run

    if url is not None and not url.startswith(("http://", "https://")):
        raise click.BadParameter(f"expected a web address (http:// or https://), got {url!r}",
                                 param_hint="'--url'")
    if url is not None and not re.fullmatch(r"https?://[^\s<>\x00-\x1f\x7f-\x9f]+", url):
        raise click.BadParameter(f"a web address has no spaces, < or >, got {url!r}", param_hint="'--url'")
    run(files, output, country, code, url, force, emit)


@main.command()
@click.option("--format", "-f", "fmt", type=Choice(formats.REPORT),
              help="markdown (the default): a report for documents; html: the report as one web page with a "
                   "drawn timeline; json: the whole program; csv: one table; timelinejs: the timeline for "
                   "TimelineJS3. With -o, the file's extension (.md, .html, .json, .csv) chooses it.")
@click.option("--section", "-s", "sections", multiple=True, type=Choice(views.REPORT_SECTIONS),
              help="Only this part (repeat for several); CSV takes one, default accomplishments.")
@click.option("--output", "-o", type=PathText(file_only=True), metavar="FILE", callback=output_file_only,
              help="Write to FILE (replaced whole, never left half-written) instead of stdout; - is stdout.")
@click.option("--sort", type=Choice(views.SORTS), default="date", show_default=True,
              help="Accomplishments by date (undated last), or in the file's order.")
@csv_option
@global_options
@click.pass_obj
def export(options, fmt, sections, output, sort):
    """Export a whole report of the program.

    The Markdown report holds the overview, challenges, goals, accomplishments with
    their details and results, partners, and the timeline as a table and a Mermaid
    gantt diagram, with the source page linked. The HTML report holds the same
    sections in one self-contained page, with the timeline drawn, ready to print.
    With -o, the format follows the file's extension unless --format is given.

    \b
    Examples:
      inl export -o report.md
      inl export -o report.html
      inl export --section accomplishments --section timeline
      inl export -o program.json
      inl export --section results -o results.csv
      inl export --format csv --section results > results.csv
      inl export --format timelinejs -o timeline.json
      inl export --sort file -o report.md
    """
    try:
        fmt = formats.for_file(fmt, output)
        text = exports.build(fmt, options.programs(), sections, sort=sort, **renderer_options(fmt))
        fmt = "json" if fmt == "timelinejs" else fmt
    except (exports.ExportError, formats.FormatError) as error:
        raise click.UsageError(str(error)) from None
    if output:
        from .files import write_atomic

        write_atomic(output, text)
        click.echo(f"Wrote {render.clean(output, lines=False)}", err=True)
    else:
        emit(text, fmt)


def run() -> None:
    """The `inl` command. What start-up imported stays to the end, so it is frozen: the garbage
    collector then never walks it again, in a collection or in the last one at exit (about 10% of a start).

    Once the output is flushed, the process ends without tearing the interpreter down: freeing every
    module and object is time the user waits for and nobody needs (2.5 ms of a 55 ms run, 30 ms after
    600 programs). inl registers no exit handlers. A flush that fails takes Python's usual way out.
    """
    import gc

    gc.freeze()
    try:
        main(prog_name="inl")
        code = 0
    except SystemExit as done:
        if done.code is not None and not isinstance(done.code, int):
            raise
        code = done.code or 0
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)
