"""The HTML report in a real browser: headless Chromium (Debian's `chromium`), driven by Playwright.

Checked from the rendered DOM at 1024 px: the SVG draws one bar or marker per dated entry, nothing is wider
than the page, nothing is logged to the console, nothing is fetched, and a hostile program's markup stays
text. Each page is also saved as a PNG; `INL_SCREENSHOTS=docs pytest tests/test_browser.py` refreshes the
screenshots the README shows. One browser serves the whole module.

Without Chromium it is skipped with a one-line reason; under INL_CI=1 (`.ci/run`, which installs Chromium)
it fails instead.
"""
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import skip_unless_ci

from inl_cli import views
from inl_cli.commands import main
from inl_cli.load import bundled_path, load

CHROMIUM = os.environ.get("INL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTH = 1024
LONG = "Community" + "policing" * 15
SECOND = f"""\
schema_version: 1
country: {{name: Ghana, code: "GH"}}
bureau: {{name: Bureau of International Narcotics and Law Enforcement Affairs, abbreviation: INL,
         department: U.S. Department of State}}
source: {{title: Ghana Summary, url: "https://example.org/{'long-address-' * 12}"}}
partners:
  - {{id: police, name: Ghana Police Service, role: law enforcement counterpart}}
accomplishments:
  - id: academy
    title: Police academy curriculum {LONG}
    date: {{start: "2016-03", end: "2017"}}
    partners: [police]
    summary: INL helped write the curriculum. {LONG}
    results: [{{value: 40, unit: trainers}}]
  - id: forensics
    title: Forensic laboratory
    date: "2019-05-14"
    summary: A laboratory opened.
    milestones: [{{date: "2020", title: First cases analysed}}]
  - {{id: later, title: Community meetings, summary: Not dated on the page.}}
"""
HOSTILE = """\
schema_version: 1
country: {name: "<script>window.hacked=1;alert(1)</script>Evil", code: "EV"}
bureau: {name: "Bureau\\"><img src=x onerror=\\"window.hacked=2;alert(2)\\">", abbreviation: INL,
         department: "</style><style>body{display:none}</style>"}
source: {title: "<a href=javascript:alert(4)>click</a>", url: "https://example.org/x"}
partners:
  - {id: p, name: "<iframe src=javascript:alert(5)>", role: "{{ 7*7 }}"}
accomplishments:
  - id: a
    title: "<script>window.hacked=6;alert(6)</script>"
    date: "2014"
    partners: [p]
    summary: "\\"><img src=x onerror=\\"window.hacked=7;alert(7)\\"> ]]></desc><script>alert(8)</script>"
    details: ["<svg onload=alert(9)>"]
    milestones: [{date: "2015", title: "</title></svg><script>window.hacked=10</script>"}]
"""

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, found = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg') && el.localName !== 'svg') continue;
    const box = el.getBoundingClientRect();
    const name = el.localName + (el.className && el.className.baseVal === undefined ? '.' + el.className : '');
    if (box.width && (box.right > width + 0.5 || box.left < -0.5)) found.push(name + ' ends at ' + box.right);
    if (el.clientWidth && el.scrollWidth > el.clientWidth + 1) found.push(name + ' spills its box');
  }
  return {page: document.documentElement.scrollWidth, width, found};
}"""
ENTRIES = """() => [...document.querySelectorAll('svg.timeline g.entry')].map(g => {
  const shape = g.querySelector('.shape'), box = shape.getBBox();
  return {cls: g.getAttribute('class'), shape: shape.localName, width: box.width, height: box.height,
          fill: getComputedStyle(shape).fill};
})"""


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        skip_unless_ci(f"the browser test needs Chromium at {CHROMIUM}: `apt-get install -y chromium` "
                       "(.ci/run does), or set INL_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright starts the browser with a new, empty profile (--user-data-dir) of its own.
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The HTML reports of the bundled program, a two-country folder and a hostile program."""
    root = tmp_path_factory.mktemp("reports")
    folder = root / "programs"
    folder.mkdir()
    (folder / "cote_divoire.yaml").write_text((bundled_path() / "cote_divoire.yaml").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    (folder / "ghana.yaml").write_text(SECOND, encoding="utf-8")
    (root / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    made = {}
    for name, data in (("bundled", None), ("two", folder), ("hostile", root / "hostile.yaml")):
        target = root / f"{name}.html"
        args = (["--data", str(data)] if data else []) + ["export", "-o", str(target)]
        result = CliRunner().invoke(main, args, env={"INL_DATA": None}, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        made[name] = (target, load(str(data)) if data else load())
    return made


class Opened:
    """A report open in a page `width` px wide (1024 unless told), with what the page logged, fetched and tried
    to pop up."""

    def __init__(self, browser, path: Path, width: int = WIDTH):
        self.width = width
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.console, self.errors, self.requests, self.dialogs = [], [], [], []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url, wait_until="load")

    def check_clean(self):
        assert self.console == [] and self.errors == [] and self.dialogs == []
        assert self.requests == [self.url], "the report fetched something besides itself"
        layout = self.page.evaluate(OVERFLOW)
        assert layout["found"] == [] and layout["page"] <= self.width, layout

    def screenshot(self, name: str, folder: Path, keep: tuple[str, ...] = ()):
        """The whole page as NAME.png and its timeline as NAME-timeline.png, in `folder`; those named in `keep`
        also go to $INL_SCREENSHOTS (docs/ for the README)."""
        shared = os.environ.get("INL_SCREENSHOTS")
        for shot in (name, f"{name}-timeline"):
            targets = [folder / f"{shot}.png"] + ([Path(shared) / f"{shot}.png"] if shared and shot in keep else [])
            for target in targets:
                if shot == name:
                    self.page.screenshot(path=str(target), full_page=True)
                else:
                    self.page.locator("section.timeline-section").screenshot(path=str(target))
            assert targets[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def dated(programs) -> int:
    return sum(1 for row in views.timeline(programs).rows if row["when"] is not None)


def test_the_bundled_report_draws_every_dated_entry(browser, reports, tmp_path):
    path, programs = reports["bundled"]
    opened = Opened(browser, path)
    entries = opened.page.evaluate(ENTRIES)
    assert len(entries) == dated(programs) == 6
    assert all(e["width"] > 0 and e["height"] > 0 for e in entries)
    assert [e["shape"] for e in entries] == ["polygon", "circle", "rect", "rect", "circle", "polygon"]
    fills = {e["cls"].split()[-1]: e["fill"] for e in entries}
    assert len({fills["accomplishment"], fills["milestone"], fills["context"]}) == 3
    assert opened.page.locator("svg.timeline .axis text").all_text_contents() == [str(y) for y in range(2011, 2021)]
    assert opened.page.locator("ul.undated li").all_inner_texts() == [
        "Universal Treatment Curriculum for drug treatment professionals (accomplishment)"]
    opened.check_clean()
    opened.screenshot("report", tmp_path, keep=("report", "report-timeline"))


def test_print_and_dark_styles(browser, reports):
    path, _ = reports["bundled"]
    opened = Opened(browser, path)
    style = "([selector, property]) => getComputedStyle(document.querySelector(selector))[property]"
    light = opened.page.evaluate(style, ["html", "backgroundColor"])
    opened.page.emulate_media(media="print")
    assert opened.page.evaluate(style, ["nav", "display"]) == "none"
    assert opened.page.evaluate(style, ["article.block", "breakInside"]) == "avoid"
    assert opened.page.evaluate(style, ["figure.chart", "breakInside"]) == "avoid"
    assert opened.page.pdf()[:5] == b"%PDF-"
    opened.page.emulate_media(media="screen", color_scheme="dark")
    assert opened.page.evaluate(style, ["html", "backgroundColor"]) != light
    opened.check_clean()


def test_two_countries_share_one_timeline_told_apart(browser, reports, tmp_path):
    path, programs = reports["two"]
    opened = Opened(browser, path)
    entries = opened.page.evaluate(ENTRIES)
    assert len(entries) == dated(programs) == 9
    labels = opened.page.locator("svg.timeline g.entry text").all_text_contents()
    assert sum(label.startswith("Ghana · ") for label in labels) == 3
    assert sum(label.startswith("Côte d'Ivoire · ") for label in labels) == 6
    bars = {e["fill"] for e in entries if e["shape"] == "rect"}
    assert len(bars) == 2, "each country's bars have their own colour"
    assert opened.page.locator("section.country > h2").all_inner_texts() == ["Côte d'Ivoire", "Ghana"]
    opened.check_clean()
    opened.screenshot("two-countries", tmp_path)


def test_a_hostile_program_stays_text(browser, reports, tmp_path):
    path, _ = reports["hostile"]
    opened = Opened(browser, path)
    page = opened.page
    assert page.evaluate("window.hacked") is None
    assert page.evaluate("document.querySelectorAll('script, img, iframe, object, embed, style').length") == 1
    assert page.locator("h1").inner_text() == "INL in <script>window.hacked=1;alert(1)</script>Evil"
    assert page.locator("article.block h3").inner_text() == "<script>window.hacked=6;alert(6)</script>"
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    assert [h for h in hrefs if not h.startswith("#")] == ["https://example.org/x"]
    assert page.evaluate("[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                         ".some(a => a.name.startsWith('on'))).length") == 0
    assert page.locator("body").is_visible()
    opened.check_clean()
    opened.screenshot("hostile", tmp_path)


PHONE = 390
SHOWN = """(selector) => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length > 0).length"""
LIST = """() => [...document.querySelectorAll('ol.timeline-list li.entry')].map(li => {
  const bar = li.querySelector('.mark').getBoundingClientRect(), track = li.querySelector('.track').getBoundingClientRect();
  return {text: li.querySelector('.label').innerText, size: parseFloat(getComputedStyle(li.querySelector('.label')).fontSize),
          width: bar.width, inside: bar.left >= track.left - 8 && bar.right <= track.right + 8};
})"""


@pytest.mark.parametrize("name", ["bundled", "two"])
def test_on_a_phone_the_timeline_is_a_list_of_dated_bars_and_tables_are_records(browser, reports, tmp_path, name):
    path, programs = reports[name]
    opened = Opened(browser, path, PHONE)
    page = opened.page
    assert page.evaluate(SHOWN, "svg.timeline") == 0
    entries = page.evaluate(LIST)
    assert len(entries) == dated(programs) and page.evaluate(SHOWN, "ol.timeline-list li.entry") == len(entries)
    assert all(e["size"] >= 12 and e["width"] > 0 and e["inside"] for e in entries), entries
    assert "2015–2018 West Côte d'Ivoire Model Police Prefecture pilot" in [e["text"] for e in entries]
    cells = page.evaluate("""() => [...document.querySelectorAll('section.accomplishments td')].map(td =>
        [getComputedStyle(td).display, getComputedStyle(td, '::before').content, td.textContent])""")
    assert cells and all(display == ("block" if text else "none") for display, _, text in cells), cells
    assert {label for _, label, _ in cells} >= {'"When"', '"Partners"', '"Results"'}
    opened.check_clean()
    opened.screenshot(f"{name}-phone", tmp_path)


@pytest.mark.parametrize("width", [1024, 1280])
def test_on_a_wide_screen_the_timeline_is_drawn_and_tables_are_tables(browser, reports, width):
    path, programs = reports["two"]
    opened = Opened(browser, path, width)
    page = opened.page
    assert page.evaluate(SHOWN, "svg.timeline g.entry") == dated(programs)
    assert page.evaluate(SHOWN, "ol.timeline-list") == 0
    assert page.evaluate("getComputedStyle(document.querySelector('section.accomplishments td')).display") == \
        "table-cell"
    opened.check_clean()


FUNDING = ("country,code,fiscal_year,transaction_type,account,bureau,us_sector,implementing_partner,activity_id,"
           "activity_name,current_dollars,constant_dollars\n"
           + "".join(f"Cote d'Ivoire,CI,{year},{kind},International Narcotics Control and Law Enforcement,INL,"
                     f"Civilian Police,UNDP,A-1,Training,{amount},{amount}\n"
                     for year, kind, amount in (("2014", "obligations", 1_500_000), ("2016", "obligations", -300_000),
                                                ("2019", "disbursements", 2_000_000))))


@pytest.mark.parametrize("width", [1280, 390])
def test_the_funding_chart_stands_on_the_timeline_s_years(browser, tmp_path, width):
    extract = tmp_path / "funding.csv"
    extract.write_text(FUNDING, encoding="utf-8")
    target = tmp_path / "funded.html"
    result = CliRunner().invoke(main, ["--funding", str(extract), "export", "-o", str(target)],
                                env={"INL_DATA": None}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    opened = Opened(browser, target, width)
    table = opened.page.locator("section.funding-section td").all_inner_texts()
    assert table == ["FY2014", "$1.5M", "$0", "FY2016", "-$300K", "$0", "FY2019", "$0", "$2M"]
    if width < 600:  # a phone: the table stacks as records, and no drawing shrinks to unreadable text
        assert not opened.page.locator("section.funding-section figure").is_visible()
    else:
        boxes = opened.page.evaluate("""() => ['timeline', 'funding'].map(name => {
            const svg = document.querySelector('svg.' + name), box = svg.getBoundingClientRect();
            return {left: box.left, width: box.width, ticks: Array.from(svg.querySelectorAll('.axis text'),
                t => [t.textContent, Math.round(t.getBoundingClientRect().x)])};
        })""")
        timeline, funding = boxes
        assert (timeline["left"], timeline["width"]) == (funding["left"], funding["width"])
        shared = dict(timeline["ticks"]).keys() & dict(funding["ticks"]).keys()
        assert {"2014", "2019"} <= shared
        assert {y: x for y, x in timeline["ticks"] if y in shared} == {y: x for y, x in funding["ticks"] if y in shared}
        bars = opened.page.locator("svg.funding rect.obligations")
        assert bars.count() == 3 and bars.nth(0).bounding_box()["height"] > 20
    opened.check_clean()
