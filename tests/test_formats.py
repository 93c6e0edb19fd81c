"""One view, every format: Markdown that parses back, CSV equal to JSON, TimelineJS, files written whole."""
import csv
import io
import json
from pathlib import Path

import pytest
from conftest import modules_loaded
from hypothesis import strategies as st
from markdown_it import MarkdownIt

GOLDEN = Path(__file__).parent / "golden" / "cote_divoire.md"
TRICKY = "a | b\nc [x](y) *not bold* `code|pipe` <b>raw</b> & #5"
VIEWS = [("show", s) for s in ("overview", "challenges", "goals", "partners", "accomplishments", "results",
                               "details")] + [("timeline",)]


def parse(markdown: str):
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def tables(tokens):
    """Each table as a list of rows, each row a list of cells, each cell its inline token."""
    found, rows = [], None
    for token in tokens:
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows is not None and rows:
            rows[-1].append(token)
        elif token.type == "table_close":
            found.append(rows)
            rows = None
    return found


def text_of(inline) -> str:
    """What a reader sees in a cell, with <br> as a newline; fails on any link or emphasis."""
    parts = []
    for child in inline.children:
        assert child.type in ("text", "html_inline"), child.type
        parts.append("\n" if child.type == "html_inline" and child.content == "<br>" else child.content)
    return "".join(parts)


def test_the_report_matches_the_golden_file(run):
    """Regenerate after a deliberate change with: inl export -o tests/golden/cote_divoire.md"""
    assert run("export").stdout == GOLDEN.read_text(encoding="utf-8")


def test_every_table_of_the_report_parses_with_full_rows():
    found = tables(parse(GOLDEN.read_text(encoding="utf-8")))
    assert len(found) == 7  # the details are a subsection per accomplishment, not a table
    for rows in found:
        assert len(rows) > 1
        assert all(len(row) == len(rows[0]) for row in rows)


def test_tricky_text_round_trips_through_a_markdown_cell(run, program):
    path = program(f"""\
        accomplishments:
          - id: a
            title: {json.dumps(TRICKY)}
            date: "2014"
            summary: s
        """)
    markdown = run("--data", str(path), "export", "-s", "accomplishments").stdout
    [[header, row]] = tables(parse(markdown))
    assert text_of(row[1]) == TRICKY.replace("\n", " ")  # a table cell is one line
    assert len(row) == len(header)


def test_a_report_escapes_every_cell_even_when_text_holds_the_bulk_separator(run, program):
    path = program("""\
        accomplishments:
          - {id: a, title: "x\\ue000| *y* \\x1b[31m", date: "2014", summary: "s\\ue000[z](w)",
             details: ["d\\ue000<b>"]}
        """)
    markdown = run("--data", str(path), "export", "-s", "accomplishments", "-s", "details").stdout
    assert "| 2014 | x\ue000\\| \\*y\\* \\\\x1b\\[31m |" in markdown
    assert "s\ue000\\[z\\](w)" in markdown and "- d\ue000\\<b\\>" in markdown
    assert "\x1b" not in markdown


def test_mermaid_has_one_task_per_dated_entry_with_escaped_names(run, program):
    path = program("""\
        accomplishments:
          - {id: a, title: "Plan: phase #1; done", date: {start: "2014", end: "2015-06"}, summary: s}
          - {id: b, title: Undated, summary: s}
          - id: c
            title: Point
            date: "2016-03-02"
            summary: s
            milestones: [{date: "2017", title: Later}]
        """)
    markdown = run("--data", str(path), "export", "-s", "timeline").stdout
    block = markdown.split("```mermaid\n")[1].split("```")[0].splitlines()
    tasks = [line.strip() for line in block if line.startswith("    ") and " :" in line]
    assert tasks == [
        "2014–Jun 2015 Plan#58; phase #35;1#59; done :2014-01-01, 2015-07-01",
        "2 Mar 2016 Point :milestone, 2016-03-02, 0d",
        "2017 Later :milestone, 2017-01-01, 0d",
    ]


@pytest.mark.parametrize("view", VIEWS, ids=" ".join)
def test_csv_holds_the_same_rows_as_json(run, view):
    rows = json.loads(run(*view, "-f", "json").stdout)
    parsed = list(csv.DictReader(io.StringIO(run(*view, "-f", "csv").stdout)))
    assert len(parsed) == len(rows) > 0

    def as_csv(value):
        if value is None:
            return ""
        return "; ".join(value) if isinstance(value, list) else str(value)

    assert parsed == [{key: as_csv(value) for key, value in row.items()} for row in rows]


@pytest.mark.parametrize("view", VIEWS, ids=" ".join)
def test_markdown_of_each_view_parses(run, view):
    [rows] = tables(parse(run(*view, "-f", "markdown").stdout))
    assert all(len(row) == len(rows[0]) for row in rows)


def test_timelinejs_has_numeric_dates_and_groups(run):
    data = json.loads(run("export", "-f", "timelinejs").stdout)
    events = data["events"]
    assert len(events) == 6
    for event in events:
        for key in ("start_date", "end_date"):
            if key in event:
                assert isinstance(event[key]["year"], int)
                assert 1 <= event[key].get("month", 1) <= 12
    assert events[2] == {"start_date": {"year": 2015}, "end_date": {"year": 2018, "month": 12, "day": 31},
                         "display_date": "2015–2018",
                         "text": {"headline": "West Côte d'Ivoire Model Police Prefecture pilot",
                                  "text": "<p>INL began carrying out the pilot project, training, mentoring and "
                                          "advising the Ivorian National Police as it worked with local people to "
                                          "identify, report and stop internal security threats.</p>"
                                          "<p>Results: more than 100 community awareness meetings; 98 police "
                                          "officers; 2 citizen associations</p>"
                                          "<p>Partners: Ivorian National Police</p>"},
                         "group": "Accomplishments"}
    assert events[1]["start_date"] == {"year": 2013, "month": 9}
    assert "end_date" not in events[1]
    assert events[5]["text"]["text"] == ("<p>Part of: Monthly exchanges with a civil society working group</p>"
                                         "<p>Partners: MSCP</p>")


def test_timelinejs_title_slide_holds_the_overview_source_and_undated(run):
    title = json.loads(run("export", "-f", "timelinejs").stdout)["title"]["text"]
    assert title["headline"] == "INL in Côte d'Ivoire"
    assert title["text"] == (
        "<p><b>Côte d'Ivoire</b>: Bureau: Bureau of International Narcotics and Law Enforcement Affairs (INL); "
        "Department: U.S. Department of State; INL's work: 2013–2020; Context: 2011; Challenges: 3; Goals: 4; "
        "Partners: 5; "
        "Accomplishments: 5; Undated: 1; Results: 3.</p>"
        '<p>Source: <a href="https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-affairs-'
        'work-by-country/cote-divoire-summary/">Côte d\'Ivoire Summary</a></p>'
        "<p>Undated, not on the timeline: Universal Treatment Curriculum for drug treatment professionals</p>")


def test_timelinejs_spans_end_with_their_last_period_and_open_spans_run_to_today():
    from datetime import date

    from inl_cli import views
    from inl_cli.dates import PartialDate, Span
    from inl_cli.render.timelinejs import render_timeline

    rows = [{"when": when, "title": when.display(), "kind": "accomplishment", "partners": []} for when in
            [PartialDate(2020, 7), Span(PartialDate(2020, 3), PartialDate(2020, 7)),
             Span(PartialDate(2019), PartialDate(2020, 2)), Span(PartialDate(2012)), Span(PartialDate(2030, 3))]]
    tables = [views.Table("overview", "", (), []), views.Table("accomplishments", "", (), []),
              views.Table("timeline", "", (), rows)]
    report = views.Report("T", [{"country": "C", "title": "S", "url": "https://example.org"}], tables)
    events = json.loads(render_timeline(report, today=date(2024, 5, 6)))["events"]
    assert [e.get("end_date") for e in events] == [
        None, {"year": 2020, "month": 7, "day": 31}, {"year": 2020, "month": 2, "day": 29},
        {"year": 2024, "month": 5, "day": 6}, {"year": 2030, "month": 3, "day": 31}]
    assert events[3]["display_date"] == "since 2012"


def test_timelinejs_escapes_html(run, program):
    path = program("accomplishments:\n  - {id: a, title: \"<script>x</script> & co\", date: \"2014\", summary: s}\n")
    data = json.loads(run("--data", str(path), "export", "-f", "timelinejs").stdout)
    assert data["events"][0]["text"]["headline"] == "&lt;script&gt;x&lt;/script&gt; &amp; co"


@pytest.mark.parametrize("args, message", [
    (["-f", "csv", "-s", "results", "-s", "goals"], "Error: CSV holds one table; give one --section."),
    (["-f", "timelinejs", "-s", "goals"], "Error: timelinejs exports the whole timeline; leave out --section."),
    (["-s", "budget"], "Error: Invalid value for '--section' / '-s': 'budget' is not one of 'overview', "
                       "'challenges', 'goals', 'accomplishments', 'details', 'results', 'partners', 'timeline', 'funding'."),
])
def test_export_usage_errors(run, args, message):
    result = run("export", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message


def test_csv_export_defaults_to_accomplishments(run):
    header = run("export", "-f", "csv").stdout.splitlines()[0]
    assert header == "id,when,start,end,precision,title,partners,results,location,summary,milestones"


def test_sections_choose_the_parts_of_the_report(run):
    markdown = run("export", "-s", "timeline", "-s", "goals").stdout
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == ["## Goals", "## Timeline", "## Source"]


def test_a_failed_export_leaves_the_old_file_untouched(run, program, tmp_path):
    target = tmp_path / "report.md"
    target.write_text("previous report\n", encoding="utf-8")
    bad = program("colour: blue\n")
    result = run("--data", str(bad), "export", "-o", str(target))
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "previous report\n"


def test_an_interrupted_write_leaves_no_partial_file(tmp_path, monkeypatch):
    from inl_cli import files

    target = tmp_path / "report.md"
    target.write_text("previous report\n", encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomic(str(target), "new report\n" * 1000)
    assert target.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_writing_into_a_missing_folder_is_a_clear_error(run, tmp_path):
    result = run("export", "-o", str(tmp_path / "no" / "report.md"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Could not open file")


def test_colour_only_when_asked_or_at_a_terminal(run):
    assert "\x1b[" not in run("show", "goals").stdout
    assert "\x1b[" in run("show", "goals", env={"NO_COLOR": None, "FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run("show", "goals", env={"NO_COLOR": "1", "FORCE_COLOR": None}).stdout


@pytest.mark.parametrize("args", [["show", "results", "-f", "json"], ["timeline", "-f", "csv"],
                                  ["export", "-f", "json"], ["export", "-f", "markdown"]])
def test_machine_formats_never_import_rich(args):
    assert modules_loaded(args, ("rich",)) == []


def test_the_gantt_draws_an_open_span_to_today(monkeypatch):
    from inl_cli import views
    from inl_cli.render.markdown import gantt

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(19_905 * 86400))  # 2024-07-01
    from inl_cli.dates import PartialDate, Span

    rows = [{"when": Span(PartialDate(2012)), "title": "Mentoring", "kind": "accomplishment", "partners": []}]
    chart = gantt(views.Table("timeline", "T", (), rows), "T")
    assert "    since 2012 Mentoring :2012-01-01, 2024-07-02\n" in chart


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)



def test_overview_counts_are_numbers(run):
    rows = json.loads(run("show", "overview", "-f", "json").stdout)
    counts = {row["field"]: row["value"] for row in rows}
    assert {k: counts[k] for k in ("Challenges", "Goals", "Partners", "Accomplishments", "Undated", "Results")} == {
        "Challenges": 3, "Goals": 4, "Partners": 5, "Accomplishments": 5, "Undated": 1, "Results": 3}
    table = run("show", "overview").stdout
    assert "│ Accomplishments │ 5 " in table and "│ Undated         │ 1 " in table


def test_the_markdown_report_pastes_without_html_in_its_tables(run, tmp_path):
    """Table cells are one line each (several items joined by "; "); the lists are in the details."""
    folder = tmp_path / "two"
    folder.mkdir()
    text = Path(__file__).resolve().parent.parent.joinpath("data", "cote_divoire.yaml").read_text(encoding="utf-8")
    (folder / "ci.yaml").write_text(text, encoding="utf-8")
    (folder / "tl.yaml").write_text(text.replace("name: Côte d'Ivoire", "name: Testland")
                                    .replace('code: "CI"', 'code: "TL"'), encoding="utf-8")
    for data in ([], ["--data", str(folder)]):
        markdown = run(*data, "export").stdout
        assert "<br>" not in markdown
        for rows in tables(parse(markdown)):
            assert all(len(row) == len(rows[0]) for row in rows)
    markdown = run("export").stdout
    assert ("| 2015–2018 | West Côte d'Ivoire Model Police Prefecture pilot | Ivorian National Police | more than "
            "100 community awareness meetings; 98 police officers; 2 citizen associations |") in markdown
    assert "| 2019 | Monthly exchanges with a civil society working group | MSCP; Ivorian civil society " \
           "working group |  |" in markdown


def test_markdown_details_carry_partners_and_results_as_the_html_does(run):
    markdown = run("export").stdout
    block = markdown.split("### West Côte d'Ivoire Model Police Prefecture pilot\n\n")[1].split("\n### ")[0]
    assert block.startswith("**When:** 2015–2018 · **Partners:** Ivorian National Police · **Location:** "
                            "western Côte d'Ivoire\n")
    assert ("**Results:**\n\n- more than 100 community awareness meetings\n- 98 police officers\n"
            "- 2 citizen associations\n") in block


def test_no_chart_leaves_out_the_mermaid_chart_and_keeps_the_timeline_table(run):
    full = run("export").stdout
    without = run("export", "--no-chart")
    assert without.exit_code == 0 and "```mermaid" in full
    chart = "```mermaid" + full.split("```mermaid", 1)[1].split("```\n", 1)[0] + "```\n\n"
    assert without.stdout == full.replace(chart, "")
    assert "## Timeline\n" in without.stdout


def test_no_chart_leaves_out_the_drawn_timeline_of_the_html_report(run):
    drawn, table = '<svg', '<table'
    full = run("export", "-f", "html").stdout
    without = run("export", "-f", "html", "--no-chart").stdout
    assert drawn in full and drawn not in without
    timeline = without.split('class="timeline-section"', 1)[1]
    assert table in timeline and "Letter of Agreement" in timeline


def test_no_chart_is_refused_for_a_format_without_a_chart(run):
    result = run("export", "-f", "csv", "--no-chart")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: --no-chart is for the Markdown and HTML reports; a csv export has no chart"


def test_csv_cells_one_by_one():
    """Each kind of value a view holds, as a CSV cell: a lone empty cell stays a row."""
    import enum

    from inl_cli.render import csv as csv_render
    from inl_cli.views.base import Column, Table

    class Text(str):
        pass

    class Kind(str, enum.Enum):  # its str() is "Kind.FORMULA"; the cell holds the text "=a"
        FORMULA = "=a"

    values = ["", None, [], "=1+1", "a,b", 'say "x"', "line\rbreak", -7.5, ["x", "y"], Text("@home"), Kind.FORMULA]
    table = Table("cells", "Cells", (Column("value", "Value"),), [{"value": v} for v in values])
    assert csv_render.render([table]).split("\n") == [
        "value", '""', '""', '""', "'=1+1", '"a,b"', '"say ""x"""', '"line\rbreak"', "-7.5", "x; y", "'@home", "'=a", ""]
