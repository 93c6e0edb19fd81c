"""`inl export`: a whole report, to stdout or to a file written whole or not at all."""
from __future__ import annotations

import click

from .. import formats, views
from ..text import one_line, path_name
from .help import Command
from .options import csv_option, global_options, narrowed, narrowing_options, output_file_only
from .output import emit
from .types import Choice, PathText

FORMAT_HELP = ("markdown (the default): a report for documents; html: the report as one web page with a drawn "
               "timeline; json: the whole program; csv: one table; timelinejs: the timeline for TimelineJS3. "
               "With -o, the file's extension (.md, .html, .json, .csv) chooses it.")


@click.command(cls=Command)
@click.option("--format", "-f", "fmt", type=Choice(formats.REPORT), help=FORMAT_HELP)
@click.option("--section", "-s", "sections", multiple=True, type=Choice(views.REPORT_SECTIONS),
              help="Only this part (repeat for several); CSV takes one, default accomplishments.")
@click.option("--output", "-o", type=PathText(file_only=True), metavar="FILE", callback=output_file_only,
              help="Write to FILE (replaced whole, never left half-written) instead of stdout; - is stdout.")
@click.option("--sort", type=Choice(views.SORTS), default="date", show_default=True,
              help="Accomplishments by date (undated last), or in the file's order.")
@click.option("--no-chart", is_flag=True,
              help="Leave out the charts (Markdown's Mermaid diagram; HTML's drawn timeline and funding bars); "
                   "their tables stay. For editors that show Mermaid as raw text.")
@narrowing_options
@csv_option
@global_options
@click.pass_obj
def export(session, fmt, sections, output, sort, no_chart, start, end, partners, csv_safe):
    """Export a whole report of the program.

    The Markdown report holds the overview, challenges, goals, accomplishments with
    their details and results, partners, and the timeline as a table and a Mermaid
    gantt diagram, with the source page linked. The HTML report holds the same
    sections in one self-contained page, with the timeline drawn, ready to print.
    When `inl funding import` has written a funding extract (or --funding names
    one), both add a Funding section: obligations and disbursements per fiscal
    year, drawn in HTML on the timeline's year axis.
    With -o, the format follows the file's extension unless --format is given; an
    extension that names no format (.pdf, .docx) is refused.

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
      inl export --no-chart -o report.md
      inl export --from 2015 -o since-2015.html
      inl export --funding extract.csv -o report.html
    """
    from .. import export as reports

    fmt = formats.for_file(fmt, output)
    options = {"safe": csv_safe} if fmt == "csv" else {}
    if no_chart:
        if fmt not in reports.CHARTED:
            raise click.UsageError(f"--no-chart is for the Markdown and HTML reports; a {fmt} export has no chart")
        options["chart"] = False
    programs, note, selected = narrowed(session, start, end, partners)
    if output:
        refuse_an_input(output, programs)
    if reports.shows_funding(fmt, sections):
        from .spending import spending

        options["spending"] = spending(session, programs, "funding" in sections, selected)
    try:
        text = reports.build(fmt, programs, sections, sort=sort, note=note, **options)
    except reports.ExportError as error:
        raise click.UsageError(str(error)) from None
    if output:
        from ..files import write_atomic

        write_atomic(output, text)
        click.echo(f"Wrote {one_line(path_name(output))}", err=True)
    else:
        emit(text, "json" if fmt == "timelinejs" else fmt)


def refuse_an_input(output: str, programs) -> None:
    """A usage error when `output` is a file a program was read from: the export would replace the data."""
    import os

    for program in programs:
        try:
            same = os.path.samefile(output, program.origin)
        except (OSError, ValueError):
            continue
        if same:
            raise click.UsageError(f"{one_line(path_name(output))} is a program file being read; write the "
                                   "export to another file")
