"""The command line: parse options, run load → query → view → render, map errors to exit codes.

Exit codes: 0 success, 1 bad data (every problem is listed on stderr), 2 bad usage.
"""
from __future__ import annotations

import sys

import click

from . import __version__, render, views
from . import export as exports
from .query import KINDS

FORMAT_HELP = "Output format: table for people, markdown for documents, json and csv for programs."


class BadData(click.ClickException):
    exit_code = 1

    def __init__(self, problems):
        super().__init__(summary(problems))
        self.problems = problems

    def show(self, file=None):
        for problem in self.problems:
            click.echo(str(problem), err=True)
        super().show(file)


class Options:
    """What the global options chose; programs are loaded only when a command asks."""

    def __init__(self, data, recursive, countries=()):
        self.data = data
        self.recursive = recursive
        self.countries = countries
        self._programs = None

    def programs(self):
        if self._programs is None:
            from .load import DataError, load
            from .query import select

            try:
                loaded = load(self.data, self.recursive)
            except DataError as error:
                raise BadData(error.problems) from None
            self._programs, unknown = select(loaded, self.countries)
            if unknown:
                raise click.BadParameter(_unknown_country(unknown[0], loaded), param_hint="'--country'")
        return self._programs


def _unknown_country(wanted: str, programs) -> str:
    import difflib

    from .query import country_key

    names = {country_key(p.country.name): p.country.name for p in programs}
    close = difflib.get_close_matches(country_key(wanted), names, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(names[c] for c in close)}?" if close else (
        f"loaded: {', '.join(sorted(names.values()))}")
    return f"no program for {wanted!r}; {hint}"


def complete_country(ctx, param, incomplete):
    """Country codes from the data the command line points at, or names once the typing goes past a code."""
    from click.shell_completion import CompletionItem

    from .load import DataError, load
    from .query import country_key

    try:
        programs = load(ctx.params.get("data"), ctx.params.get("recursive", False))
    except DataError:
        return []
    prefix = country_key(incomplete)
    found = []
    for p in programs:
        if country_key(p.country.code).startswith(prefix):
            found.append(CompletionItem(p.country.code, help=p.country.name))
        elif country_key(p.country.name).startswith(prefix):
            found.append(CompletionItem(p.country.name, help=p.country.code))
    return found


_ASCII = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "*",
                       "─": "-", "━": "-", "│": "|", "█": "#", "●": "o", "◆": "*", "▲": "x"})


def degrade(text: str, encoding: str) -> str:
    """Text for a stdout that cannot show every character: punctuation and accents simplified."""
    import unicodedata

    text = unicodedata.normalize("NFKD", text.translate(_ASCII))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.encode(encoding, "replace").decode(encoding)


def emit(text: str, fmt: str = "") -> None:
    """Write finished output in one piece; what stdout cannot encode is escaped (JSON) or simplified."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        if fmt == "json":
            import json

            text = json.dumps(json.loads(text), indent=2) + "\n"
        else:
            text = degrade(text, encoding)
    except LookupError:
        pass
    click.echo(text, nl=False, color=True)


def output_options(function):
    function = click.option("--width", type=click.IntRange(20, 1000), metavar="N",
                            help="Table width in columns (default: the terminal's, or $COLUMNS).")(function)
    return click.option("--format", "-f", "fmt", type=click.Choice(list(render.FORMATS)), default="table",
                        show_default=True, help=FORMAT_HELP)(function)


def show_tables(tables, fmt: str, width: int | None) -> None:
    emit(render.get(fmt).render(tables, width), fmt)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog="""\b
Examples:
  inl show accomplishments
  inl timeline --from 2013
  inl export --format markdown -o report.md
  inl --data my-programs/ show overview
  inl --data my-programs/ --country "cote divoire" timeline
  inl --data my-programs/ countries
  inl search police
""")
@click.option("--data", metavar="PATH", envvar="INL_DATA", show_envvar=True,
              help="Program file or folder of *.yaml files (default: the bundled Côte d'Ivoire program).")
@click.option("--recursive", is_flag=True, help="Also read program files in subfolders of a --data folder.")
@click.option("--country", "-c", "countries", multiple=True, metavar="NAME", shell_complete=complete_country,
              help="Only this country, by ISO code or name (accents and case ignored); repeat for several.")
@click.version_option(__version__, "--version", "-V", prog_name="inl")
@click.pass_context
def main(ctx, data, recursive, countries):
    """Read INL's country programs: challenges, goals, partners and dated accomplishments.

    INL is the U.S. State Department's Bureau of International Narcotics and Law
    Enforcement Affairs. Exit codes: 0 success, 1 bad data, 2 bad usage.
    """
    ctx.obj = Options(data, recursive, countries)


@main.command()
@click.argument("section", metavar="SECTION", type=click.Choice(list(views.SECTIONS)))
@output_options
@click.pass_obj
def show(options, section, fmt, width):
    """Show one SECTION of the program as a table.

    \b
    Sections: overview, challenges, goals, partners, accomplishments, results,
    details (each accomplishment's summary, details and milestones). With several
    programs, results adds a table of totals per unit.

    \b
    Examples:
      inl show accomplishments
      inl show results --format csv > results.csv
      inl show overview --width 60
    """
    programs = options.programs()
    tables = [views.SECTIONS[section](programs)]
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
@click.argument("text")
@output_options
@click.pass_obj
def search(options, text, fmt, width):
    """Find TEXT in titles, summaries, goals, challenges, partners and results.

    Case and accents are ignored: "cote" finds "Côte". Matches are highlighted at a
    terminal and in Markdown.

    \b
    Examples:
      inl search police
      inl search "civil society" --format json
      inl --data programs/ --country CI search treatment
    """
    if not text.strip():
        raise click.BadParameter("give some text to look for", param_hint="'TEXT'")
    show_tables([views.search(options.programs(), text)], fmt, width)


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


@main.command()
@click.option("--from", "start", type=DateBound(), metavar="DATE",
              help="Keep entries on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD), compared at its precision.")
@click.option("--to", "end", type=DateBound(), metavar="DATE", help="Keep entries on or before DATE, inclusive.")
@click.option("--partner", metavar="NAME", help="Only entries with this partner (id, name or abbreviation).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
              help="Only entries of this kind; repeat for several.")
@click.option("--undated", is_flag=True, help="List undated accomplishments after the dated entries.")
@click.option("--chart", is_flag=True, help="Draw a Gantt-style chart instead of a table.")
@output_options
@click.pass_obj
def timeline(options, start, end, partner, kinds, undated, chart, fmt, width):
    """Show what happened when: accomplishments, milestones and context, by date.

    A span is kept when it overlaps the window: --from 2016 --to 2017 keeps 2015–2018.

    \b
    Examples:
      inl timeline
      inl timeline --from 2013 --to 2018
      inl timeline --from 2013-10          # drops September 2013
      inl timeline --partner MSCP --kind milestone
      inl timeline --undated
      inl timeline --chart
      inl timeline --format json
    """
    from .query import Window

    if start and end and start.first_day > end.last_day:
        raise click.UsageError(f"--from {start} is after --to {end}; nothing can fall between them.")
    if chart and fmt != "table":
        raise click.UsageError("--chart draws in the terminal; use it without --format.")
    table = views.timeline(options.programs(), Window(start, end), partner, kinds, undated)
    if chart:
        from .render.terminal import render_chart

        emit(render_chart(table, width))
    else:
        show_tables([table], fmt, width)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(), metavar="[PATH]...")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one problem a line; json: a list of problem objects.")
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
    from .load import DataError, find_files, read_all

    files, problems = [], []
    for location in paths or (options.data,):
        try:
            files += find_files(location, options.recursive)
        except DataError as error:
            problems += error.problems
    problems += read_all(files)[1]
    if fmt == "json":
        from .render.json import dumps

        emit(dumps([p._asdict() for p in problems]), "json")
    else:
        emit("".join(f"{p}\n" for p in problems))
        click.echo(summary(problems, len(files)), err=bool(problems))
    if problems:
        raise SystemExit(1)


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


class CountryCode(click.ParamType):
    name = "code"

    def convert(self, value, param, ctx):
        if not (len(value) == 2 and value.isalpha() and value.isascii()):
            self.fail(f"expected a two-letter ISO 3166-1 code such as CI, got {value!r}", param, ctx)
        return value.upper()


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False), metavar="FILE")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="OUT.yaml",
              help="Write the program file here (whole or not at all) instead of stdout.")
@click.option("--country", metavar="NAME", help="The country's name, when the page does not make it clear.")
@click.option("--code", type=CountryCode(), help="The country's ISO 3166-1 alpha-2 code, such as CI.")
@click.option("--url", metavar="URL", help="The page's address (default: guessed from the country name).")
def import_page(file, output, country, code, url):
    """Turn the text of an INL country summary page into a program file to review.

    FILE is the page's text as a browser captures it (UTF-8). The importer finds the
    Challenges, Goals and Accomplishments, one accomplishment per bullet, dates and
    spans (later dates become milestones), numbers with their units, and partners.
    Where it guessed, the file says so in a '# review:' comment; a summary of what it
    found goes to stderr.

    \b
    Examples:
      inl import ghana-summary.txt -o programs/ghana.yaml --code GH
      inl import page.txt --country "Côte d'Ivoire" --code CI --url https://www.state.gov/...
    """
    from pathlib import Path

    from . import importer
    from .load import parse

    try:
        text = Path(file).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise click.ClickException(f"{file} is not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise click.FileError(file, hint=error.strerror or str(error)) from None
    if url is not None and not url.startswith(("http://", "https://")):
        raise click.BadParameter(f"expected a web address (http:// or https://), got {url!r}",
                                 param_hint="'--url'")
    try:
        program = importer.read_page(text, country, code, url)
    except importer.PageError as error:
        raise click.ClickException(f"{file}: {error}") from None
    document = importer.to_yaml(program, Path(file).name)
    checked = parse(document, output or "<import>")
    if not hasattr(checked, "accomplishments"):
        raise BadData(checked)
    if output:
        from .files import write_atomic

        write_atomic(output, document)
    else:
        emit(document)
    found = importer.counts(program)
    where = f"; wrote {output}" if output else ""
    click.echo(f"Found {found['accomplishments']} accomplishments, {found['dates']} dates, {found['results']} "
               f"results and {found['partners']} partners; {found['reviews']} guesses to review "
               f"(marked '# review:'){where}.", err=True)


@main.command()
@click.option("--format", "-f", "fmt", type=click.Choice(list(exports.FORMATS)),
              help="markdown (the default): a report for documents; html: the report as one web page with a "
                   "drawn timeline; json: the whole program; csv: one table; timelinejs: the timeline for "
                   "TimelineJS3. With -o, the file's extension (.md, .html, .json, .csv) chooses it.")
@click.option("--section", "-s", "sections", multiple=True, type=click.Choice(views.REPORT_SECTIONS),
              help="Only this part (repeat for several); CSV takes one, default accomplishments.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write to FILE (replaced whole, never left half-written) instead of stdout.")
@click.pass_obj
def export(options, fmt, sections, output):
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
    """
    try:
        fmt = exports.choose(fmt, output)
        text = exports.build(fmt, options.programs(), sections)
        fmt = "json" if fmt == "timelinejs" else fmt
    except exports.ExportError as error:
        raise click.UsageError(str(error)) from None
    if output:
        from .files import write_atomic

        write_atomic(output, text)
        click.echo(f"Wrote {output}", err=True)
    else:
        emit(text, fmt)
