"""`inl export --format html`: the report as one self-contained page, its SVG timeline, data kept as text.

The browser checks (rendered DOM, overflow, console) are in test_browser.py.
"""
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import modules_loaded

from inl_cli import views
from inl_cli.load import bundled_path
from inl_cli.render.html import render_report, safe_url

GOLDEN = Path(__file__).parent / "golden" / "cote_divoire.html"
GHANA = """\
schema_version: 1
country: {name: Ghana, code: "GH"}
bureau: {name: Bureau of International Narcotics and Law Enforcement Affairs, abbreviation: INL,
         department: U.S. Department of State}
source: {title: Ghana Summary, url: "https://example.org/ghana-summary/"}
partners:
  - {id: police, name: Ghana Police Service, role: law enforcement counterpart}
accomplishments:
  - id: academy
    title: Police academy curriculum
    date: {start: "2016-03", end: "2017"}
    partners: [police]
    summary: INL helped write the academy's curriculum.
    results: [{value: 40, unit: trainers}]
  - id: forensics
    title: Forensic laboratory
    date: "2019-05-14"
    summary: A laboratory opened.
    milestones: [{date: "2020", title: First cases analysed}]
  - {id: later, title: Community meetings, summary: Not dated on the page.}
"""


class Page(HTMLParser):
    """What a reader of the page meets: headings, links, sources of content, SVG entries, text."""

    def __init__(self, text: str):
        super().__init__()
        self.headings, self.hrefs, self.tags, self.entries, self.text = [], [], [], [], []
        self._heading = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag, ""]
        if tag == "a":
            self.hrefs.append(attrs.get("href"))
        if tag == "g" and "entry" in (attrs.get("class") or "").split():
            self.entries.append(attrs["class"])

    def handle_endtag(self, tag):
        if self._heading and tag == self._heading[0]:
            self.headings.append(tuple(self._heading))
            self._heading = None

    def handle_data(self, data):
        self.text.append(data)
        if self._heading:
            self._heading[1] += data


def html_of(run, *args, env=None) -> str:
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def two_countries(tmp_path):
    folder = tmp_path / "programs"
    folder.mkdir()
    (folder / "cote_divoire.yaml").write_text((bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    (folder / "ghana.yaml").write_text(GHANA, encoding="utf-8")
    return folder


def test_the_html_report_matches_the_golden_file(run):
    """Regenerate after a deliberate change with: inl export -o tests/golden/cote_divoire.html"""
    assert html_of(run, "export", "--format", "html") == GOLDEN.read_text(encoding="utf-8")


def test_the_html_report_has_the_markdown_report_s_sections(run):
    page = Page(html_of(run, "export", "-f", "html"))
    markdown = html_of(run, "export", "-f", "markdown")
    assert [text for tag, text in page.headings if tag == "h2"] == re.findall(r"^## (.+)$", markdown, re.M)
    assert [text for tag, text in page.headings if tag == "h1"] == ["INL in Côte d'Ivoire"]
    blocks = [text for tag, text in page.headings if tag == "h3"]
    assert blocks == re.findall(r"^### (.+)$", markdown, re.M)
    assert len(blocks) == 5


def test_the_page_is_self_contained_and_needs_no_script(run):
    text = html_of(run, "export", "-f", "html")
    page = Page(text)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base"}
    assert not [attrs for _, attrs in page.tags if "src" in attrs or any(k.startswith("on") for k in attrs)]
    assert "url(" not in text and "@import" not in text
    assert all(h.startswith("#") or h.startswith("https://") for h in page.hrefs)
    assert "https://www.state.gov/bureau-of-international-narcotics-and-law-enforcement-affairs-work-by-country/" \
           "cote-divoire-summary/" in page.hrefs
    csp = [a["content"] for tag, a in page.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:"]


def test_accessible_tables_and_timeline(run):
    page = Page(html_of(run, "export", "-f", "html"))
    headers = [attrs for tag, attrs in page.tags if tag == "th"]
    assert headers and all(attrs.get("scope") in ("col", "row") for attrs in headers)
    [svg] = [attrs for tag, attrs in page.tags if tag == "svg" and "timeline" in (attrs.get("class") or "")]
    assert svg["role"] == "img" and svg["aria-labelledby"] == "timeline-svg-title timeline-svg-desc"
    ids = {attrs.get("id") for _, attrs in page.tags}
    assert {"timeline-svg-title", "timeline-svg-desc"} <= ids
    assert ("html", {"lang": "en"}) in page.tags
    text = "".join(page.text)
    assert ("6 dated entries from 2011 to 2020: 1 context event, 4 accomplishments, 1 milestone; 2 of them span "
            "several months or years and are drawn as bars. The table below lists every entry.") in text


def test_the_timeline_draws_one_entry_per_dated_row_and_lists_the_undated(run):
    page = Page(html_of(run, "export", "-f", "html"))
    assert page.entries == ["entry point context", "entry point accomplishment", "entry span accomplishment",
                            "entry span accomplishment", "entry point accomplishment", "entry point milestone"]
    text = "".join(page.text)
    assert "Undated, so not drawn:Universal Treatment Curriculum for drug treatment professionals " \
           "(accomplishment)" in text.replace("\n", "")
    years = re.findall(r'<text x="[\d.]+" y="[\d.]+" text-anchor="middle">(\d{4})</text>', GOLDEN.read_text())
    assert years == [str(y) for y in range(2011, 2021)]


def test_two_countries_get_a_section_each_and_one_timeline(run, two_countries):
    text = html_of(run, "--data", str(two_countries), "export", "-f", "html")
    page = Page(text)
    h2 = [t for tag, t in page.headings if tag == "h2"]
    assert h2 == ["Côte d'Ivoire", "Ghana", "Timeline", "Source"]
    h3 = [t for tag, t in page.headings if tag == "h3"]
    assert h3 == ["Overview", "Challenges", "Goals", "Accomplishments", "Accomplishment details", "Results",
                  "Partners"] * 2
    assert len(page.entries) == 6 + 3
    fills = {attrs.get("fill") for tag, attrs in page.tags if tag in ("rect", "circle", "polygon")
             and "shape" in (attrs.get("class") or "")}
    assert {"#0072b2", "#d55e00"} <= fills
    labels = "".join(page.text)
    assert "Ghana · Mar 2016–2017 · Police academy curriculum" in labels
    assert "Ghana: Community meetings (accomplishment)" in labels
    ghana = text[text.index('<h2 id="country-1-h">Ghana</h2>'):text.index('id="timeline"')]
    assert "Côte d" not in ghana
    assert "<dt>Partners</dt><dd>Ghana Police Service</dd>" in ghana
    assert "<li>40 trainers</li>" in ghana


MANY = [("Afghanistan", "AF"), ("Mexico", "MX"), ("Colombia", "CO"), ("Guatemala", "GT"), ("Peru", "PE"),
        ("Kenya", "KE"), ("Nigeria", "NG"), ("Haiti", "HT")]


def test_many_countries_are_told_apart_by_name_not_colour_alone(run, tmp_path):
    """Eight countries share six colours: the timeline groups each one's rows under its name, the legend lists
    only the countries drawn (Haiti has nothing dated), and the kinds are keyed by shape, not a country's colour."""
    folder = tmp_path / "many"
    folder.mkdir()
    for number, (name, code) in enumerate(MANY):
        program = GHANA.replace("Ghana", name).replace('"GH"', f'"{code}"')
        if code == "HT":  # nothing dated: not drawn, so not in the legend
            program = program[:program.index("  - id: academy")] + "  - {id: later, title: Community meetings, summary: Not dated.}\n"
        else:
            program = program.replace("2016-03", f"{2010 + number}-03")
        (folder / f"{code.lower()}.yaml").write_text(program, encoding="utf-8")
    text = html_of(run, "--data", str(folder), "export", "-f", "html")
    start = text.index("<svg class=\"timeline by-country\"")
    svg = text[start:text.index("</svg>", start)]
    drawn = sorted(name for name, code in MANY if code != "HT")
    headings = re.findall(r'<g class="country-heading">.*?<text [^>]*>([^<]*)</text></g>', svg)
    assert headings == drawn
    # Every entry sits below its own country's heading and above the next one.
    tops = [(float(y), name) for y, name in
            re.findall(r'<g class="country-heading">.*?<text [^>]*y="([\d.]+)">([^<]*)</text></g>', svg)]
    labels = re.findall(r'<text class="label" x="[\d.]+" y="([\d.]+)"[^>]*>([^<]*)</text>', svg)
    assert len(labels) == 3 * len(drawn)
    for y, label in labels:
        under = max((top for top in tops if top[0] < float(y)), default=(0, None))[1]
        assert label.startswith(f"{under} · "), (under, label)
    legend = text[text.index('<ul class="legend by-country">'):text.index("</ul>", text.index('<ul class="legend'))]
    assert re.findall(r'<li class="country-key">.*?</svg> ([^<]*)</li>', legend) == drawn
    assert "Haiti" not in legend and "Haiti: Community meetings (accomplishment)" in text
    assert ".legend.by-country .swatch-span" in text  # the kinds' keys drop the colour a country may have


HOSTILE = """\
schema_version: 1
country: {name: "<script>alert(1)</script>Evil", code: "EV"}
bureau: {name: "Bureau\\"><img src=x onerror=alert(2)>", abbreviation: INL, department: "</style><b>x"}
source: {title: "<a href=javascript:alert(4)>click</a>", url: "https://example.org/x"}
partners:
  - {id: p, name: "<iframe src=x>", role: "{{ 7*7 }}"}
accomplishments:
  - id: a
    title: "<script>alert(6)</script>"
    date: "2014"
    partners: [p]
    summary: "\\"><img src=x onerror=alert(7)> ]]></desc><script>alert(8)</script>"
    details: ["<svg onload=alert(9)>"]
    milestones: [{date: "2015", title: "</title><script>alert(10)</script>"}]
"""


def test_hostile_markup_in_data_stays_text(run, tmp_path):
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    text = html_of(run, "--data", str(path), "export", "-f", "html")
    page = Page(text)
    assert not {tag for tag, _ in page.tags} & {"script", "img", "iframe", "b"}
    assert [h for h in page.hrefs if not h.startswith("#")] == ["https://example.org/x"]
    assert not [attrs for _, attrs in page.tags if any(k.startswith("on") for k in attrs)]
    shown = "".join(page.text)
    for typed in ("<script>alert(1)</script>Evil", '"><img src=x onerror=alert(7)>', "<svg onload=alert(9)>",
                  "{{ 7*7 }}", "<a href=javascript:alert(4)>click</a>", "</style><b>x"):
        assert typed in shown


def test_only_http_addresses_become_links():
    assert safe_url("https://www.state.gov/x/") == "https://www.state.gov/x/"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x",
                "vbscript:x", "//evil.example", "https://x/\"onmouseover=alert(1)", "https://x/ y", "", None):
        assert safe_url(bad) is None, bad
    report = views.Report("T", [{"country": "C", "title": "Click", "url": "javascript:alert(1)"}], [])
    page = Page(render_report(report))
    assert [h for h in page.hrefs if not h.startswith("#")] == []
    assert "C: Click (javascript:alert(1))" in "".join(page.text)


def _row(when, title, kind="accomplishment"):
    return {"when": when, "title": title, "kind": kind, "partners": []}


def test_an_open_span_runs_to_today(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(19_905 * 86400))  # 2024-07-01
    from inl_cli.load import load

    programs = load()
    table = views.timeline(programs)
    from inl_cli.dates import PartialDate, Span

    rows = [_row(Span(PartialDate(2012)), "Open-ended mentoring")] + table.rows
    report = views.Report("T", [{"country": "C", "title": "S", "url": "https://example.org"}],
                          [table._replace(rows=rows)])
    text = render_report(report)
    assert '<g class="entry span accomplishment open">' in text
    years = re.findall(r'text-anchor="middle">(\d{4})</text>', text)
    assert years[0] == "2011" and years[-1] == "2024"
    bar = re.search(r'<g class="entry span accomplishment open">.*?<rect class="shape" x="([\d.]+)" y="[\d.]+" '
                    r'width="([\d.]+)"', text, re.S)
    today = re.search(r'<g class="today" aria-hidden="true"><line x1="([\d.]+)"', text)
    assert abs(float(bar.group(1)) + float(bar.group(2)) - float(today.group(1))) < 2


def test_no_dated_entry_still_makes_a_page(run, program):
    path = program("accomplishments:\n  - {id: a, title: Undated work, summary: s}\n")
    page = Page(html_of(run, "--data", str(path), "export", "-f", "html"))
    assert "No dated entries to draw." in "".join(page.text)
    assert page.entries == []


@pytest.mark.parametrize("args", [["show", "accomplishments"], ["timeline", "-f", "csv"], ["export"],
                                  ["export", "-f", "timelinejs"], ["export", "-f", "json"]])
def test_only_the_html_export_imports_jinja2(args):
    assert modules_loaded(args, ("jinja2", "markupsafe")) == []


# ---- -o chooses the format ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, start", [("report.md", "# INL in Côte d'Ivoire\n"), ("report.html", "<!DOCTYPE html>"),
                                         ("REPORT.HTM", "<!DOCTYPE html>"), ("program.json", '{\n  "schema_version"'),
                                         ("results.csv", "id,when,start,end,"), ("no-extension", "# INL in Côte")])
def test_the_output_s_extension_chooses_the_format(run, tmp_path, name, start):
    result = run("export", "-o", str(tmp_path / name))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Wrote {tmp_path / name}\n"
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)


@pytest.mark.parametrize("name", ["report.pdf", "report.docx", "program.yaml", "notes.txt"])
def test_an_extension_that_names_no_format_is_refused(run, tmp_path, name):
    result = run("export", "-o", str(tmp_path / name))
    assert result.exit_code == 2
    suffix = name[name.rindex("."):]
    assert result.stderr.splitlines()[-1] == (
        f"Error: the extension '{suffix}' names no format inl writes (.md, .markdown, .html, .htm, .json, .csv); "
        "change it, or give --format.")
    assert not (tmp_path / name).exists()


def test_format_forces_a_format_onto_any_extension(run, tmp_path):
    result = run("export", "--format", "markdown", "-o", str(tmp_path / "report.txt"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "report.txt").read_text(encoding="utf-8").startswith("# INL in Côte d'Ivoire\n")


def test_a_format_that_contradicts_the_extension_is_a_usage_error(run, tmp_path):
    target = tmp_path / "results.csv"
    result = run("export", "--format", "markdown", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: --format markdown does not match the extension of '{target}', which means --format csv; "
        "change one of them.")
    assert not target.exists()


def test_timelinejs_may_be_written_to_a_json_file(run, tmp_path):
    result = run("export", "-f", "timelinejs", "-o", str(tmp_path / "timeline.json"))
    assert result.exit_code == 0
    assert "events" in json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))


def test_element_ids_are_unique_whatever_the_data_s_ids(run, program, two_countries):
    path = program("""\
        accomplishments:
          - {id: timeline, title: A, date: "2014", summary: s}
          - {id: source, title: B, summary: s}
          - {id: overview, title: C, summary: s}
        """)
    for data in (path, two_countries):
        ids = [attrs["id"] for _, attrs in Page(html_of(run, "--data", str(data), "export", "-f", "html")).tags
               if "id" in attrs]
        assert len(ids) == len(set(ids))


def test_a_program_s_open_span_is_drawn_to_today(run, program):
    path = program("""\
        accomplishments:
          - {id: a, title: Mentoring the police, date: {start: "2012"}, summary: s}
          - {id: b, title: Academy, date: "2016", summary: s}
        """)
    text = html_of(run, "--data", str(path), "export", "-f", "html", env={"SOURCE_DATE_EPOCH": str(19_905 * 86400)})
    page = Page(text)
    assert page.entries == ["entry span accomplishment open", "entry point accomplishment"]
    assert "since 2012 · Mentoring the police" in "".join(page.text)
    assert re.findall(r'text-anchor="middle">(\d{4})</text>', text)[-1] == "2024"


CONGO = """\
schema_version: 1
country: {{name: Congo, code: "{code}"}}
bureau: {{name: Bureau, abbreviation: INL, department: Department}}
source: {{title: Congo {code} Summary, url: "https://example.org/{code}"}}
partners:
  - {{id: police, name: {code} National Police, role: counterpart}}
accomplishments:
  - id: training
    title: Training in {code}
    date: "{year}"
    partners: [police]
    summary: Trainers in {code}.
    results: [{{value: {value}, unit: officers}}]
"""


def test_two_programs_with_one_country_name_are_kept_apart(run, tmp_path):
    """Congo (CG) and Congo (CD) both call an accomplishment `training`: each section lists its own, with
    its own partners and results, under a heading that tells the two apart; no element id repeats."""
    folder = tmp_path / "congos"
    folder.mkdir()
    (folder / "cg.yaml").write_text(CONGO.format(code="CG", year=2015, value=10), encoding="utf-8")
    (folder / "cd.yaml").write_text(CONGO.format(code="CD", year=2017, value=20), encoding="utf-8")
    text = html_of(run, "--data", str(folder), "export", "-f", "html")
    page = Page(text)
    ids = [attrs["id"] for _, attrs in page.tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    assert [t for tag, t in page.headings if tag == "h2"] == ["Congo (CD)", "Congo (CG)", "Timeline", "Source"]
    first, second = text.split('<section class="timeline-section"')[0].split('<section class="country"')[1:3]
    for section, mine, other, value in ((first, "CD", "CG", 20), (second, "CG", "CD", 10)):
        assert f"Training in {mine}" in section and f"Training in {other}" not in section
        assert f"<dt>Partners</dt><dd>{mine} National Police</dd>" in section
        assert f"{other} National Police" not in section
        assert f"<li>{value} officers</li>" in section
    start = text.index("<svg class=\"timeline by-country\"")
    svg = text[start:text.index("</svg>", start)]
    headings = re.findall(r'<g class="country-heading">.*?<text [^>]*>([^<]*)</text></g>', svg)
    assert headings == ["Congo (CD)", "Congo (CG)"]
    labels = re.findall(r'<text class="label" [^>]*>([^<]*)</text>', svg)
    assert labels == ["Congo (CD) · 2017 · Training in CD", "Congo (CG) · 2015 · Training in CG"]
    assert "Congo (CD): " in text and "Congo (CG): " in text  # the sources name each program


CONTROLS = ("\x1b", "\x07", "\u202e")


@pytest.mark.parametrize("several", [False, True])
def test_control_characters_in_names_and_titles_are_shown_escaped(run, tmp_path, several):
    folder = tmp_path / "controls"
    folder.mkdir()
    hostile = GHANA.replace("name: Ghana,", 'name: "Gha\\e[31m\\a\\u202ena",').replace(
        "title: Ghana Summary", 'title: "Ghana \\e[31m\\a\\u202e Summary"')
    (folder / "ghana.yaml").write_text(hostile, encoding="utf-8")
    if several:
        (folder / "ci.yaml").write_text((bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    text = html_of(run, "--data", str(folder), "export", "-f", "html")
    assert [c for c in CONTROLS if c in text] == []
    shown = "".join(Page(text).text)
    assert "Gha\\x1b[31m\\x07\\u202ena" in shown
    assert "Ghana \\x1b[31m\\x07\\u202e Summary" in shown
