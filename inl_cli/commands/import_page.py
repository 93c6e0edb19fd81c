"""`inl import PAGE...`: program files drafted from INL country summary pages."""
from __future__ import annotations

import click

from ..text import one_line, path_name
from .errors import Failed, MissingPath
from .help import Command
from .options import output_file
from .types import CountryCode, WebAddress


@click.command("import", cls=Command)
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--output", "-o", metavar="OUT", callback=output_file, help="Write the program file here (whole or "
              "not at all) instead of stdout; with several pages, a folder that gets one file per country.")
@click.option("--force", is_flag=True, help="Replace program files that already exist (never a page being read).")
@click.option("--country", metavar="NAME", help="The country's name, when the page's own is not right.")
@click.option("--code", type=CountryCode(), help="The country's ISO 3166-1 alpha-2 code, such as CI.")
@click.option("--url", type=WebAddress(), metavar="URL",
              help="The page's address, when the page does not give it.")
@click.pass_obj
def import_page(session, files, output, force, country, code, url):
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
    from pathlib import Path

    from ..importer import batch

    overrides = {"country": country or page_country(session), "code": code, "url": url}
    try:
        batch.check_inputs(files, output, overrides)
    except batch.MissingInput as error:
        raise MissingPath(error.path) from None
    except batch.ImportUsageError as error:
        hint = {"FILE...": "'FILE...'", "-o": "'-o' / '--output'"}.get(error.param)
        raise (click.BadParameter(str(error), param_hint=hint) if hint else click.UsageError(str(error))) from None
    if batch.into_folder(files, output):
        rows, errors = batch.import_many(files, Path(output), force)
        for message in errors:
            click.echo(f"Error: {message}", err=True)
        if rows:
            show_summary(rows)
        if errors:
            raise SystemExit(1)
        return
    try:
        found = batch.import_one(files[0], output, overrides, force)
    except batch.ImportFailed as error:
        raise Failed(str(error)) from None
    if not output:
        from .output import emit

        emit(found.document, "yaml")
    click.echo(found_line(found.counts, output), err=True)


def page_country(session) -> str | None:
    """`inl --country NAME import PAGE` names the page's country, as `--country` after the command does."""
    countries = getattr(session, "countries", ())
    if len(countries) > 1:
        raise click.BadParameter("a page has one country; give --country once", param_hint="'--country'")
    return countries[0] if countries else None


def found_line(found: dict, output: str | None) -> str:
    """`Found 5 accomplishments, 6 dates, 3 results and 5 partners; 11 guesses to review …`."""
    where = f"; wrote {one_line(path_name(output))}" if output else ""
    cut = "; the page is cut short" if found["cut"] else ""
    return (f"Found {_count(found['accomplishments'], 'accomplishment')}, {_count(found['dates'], 'date')}, "
            f"{_count(found['results'], 'result')} and {_count(found['partners'], 'partner')}; "
            f"{_count(found['reviews'], 'guess', 'guesses')} to review (marked '# review:'){cut}{where}.")


def _count(n: int, one: str, many: str | None = None) -> str:
    """`1 partner`, `0 partners`, `2 guesses`."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def show_summary(rows: list[dict]) -> None:
    """The batch summary as a view table on stderr, drawn by the renderer every other view goes through."""
    import shutil

    from .. import render
    from ..importer.batch import SUMMARY_COLUMNS
    from ..views import Column, Table
    from .output import terminal_width

    columns = tuple(Column(key, title) for key, title in SUMMARY_COLUMNS)
    kept = [{k: row.get(k) for k, _ in SUMMARY_COLUMNS} for row in rows]
    table = Table("import", "Imported pages", columns, kept)
    width = terminal_width(None) or shutil.get_terminal_size((80, 24)).columns
    click.echo(render.get("table").render([table], width), err=True, nl=False)
