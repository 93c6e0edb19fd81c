"""Hostile text bound for documents: Markdown headings and links, CSV rows and formulas."""
import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import MINIMAL
from markdown_it import MarkdownIt

from inl_cli import views
from inl_cli.load import load
from inl_cli.render.markdown import render_report

SCHEMA = jsonschema.Draft202012Validator(json.loads(
    (Path(__file__).resolve().parent.parent / "schema" / "program.schema.json").read_text(encoding="utf-8")))
URL = 'url: "https://example.org/testland"'
INJECTED = "https://x/>)[Update](https://evil.example)<details>"


def links_and_html(markdown: str) -> tuple[list[str], list[str]]:
    """The link targets and raw HTML a CommonMark reader finds."""
    links, html = [], []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type.startswith("html"):
            html.append(token.content)
        for child in token.children or ():
            if child.type == "link_open":
                links.append(child.attrGet("href"))
            elif child.type.startswith("html"):
                html.append(child.content)
    return links, html


def test_headings_and_the_source_title_escape_control_characters(run, program):
    path = program(base=MINIMAL.replace("name: Testland,", 'name: "Test\\e]0;pwned\\a\\nland\\u202e",').replace(
        "title: Testland Summary", 'title: "Summary \\e[2J\\x9b"'))
    result = run("--data", str(path), "export")
    assert result.exit_code == 0, result.output
    assert not any(char in result.stdout for char in ("\x1b", "\x07", "\x9b", "\u202e"))
    lines = result.stdout.splitlines()
    assert lines[0] == "# INL in Test\\\\x1b\\]0;pwned\\\\x07\\\\nland\\\\u202e"  # one line, backslashes escaped
    assert "[Summary \\\\x1b\\[2J\\\\x9b](<https://example.org/testland>)" in result.stdout


@pytest.mark.parametrize("url", [INJECTED, "https://x/ y", "https://x/<b>", "javascript:alert(1)",
                                 "https://x/\x1b[2J", "ftp://example.org/", "https://x.example/\u202elmth.exe",
                                 "https://x/\u2066a\u2069", "https://x/\u200fa", "https://x/\u061c",
                                 "https://x/\u00a0a", "https://x/\u3000a", "https://x/a\u2028", "https://x/\ufeff",
                                 "https://x/\x85", "https://x/\u200ba"])
def test_source_urls_must_be_plain_web_addresses(run, program, url):
    text = MINIMAL.replace(URL, f"url: {json.dumps(url)}")
    result = run("validate", str(program(base=text)))
    assert result.exit_code == 1
    assert "source.url: " in result.stdout and "expected an http:// or https:// address without spaces, control or invisible characters, quotes, < or >" \
        in result.stdout
    import yaml

    assert not SCHEMA.is_valid(yaml.safe_load(text))


def test_an_address_that_got_past_the_loader_still_cannot_break_its_link(program):
    [loaded] = load(program())
    hostile = loaded._replace(source=loaded.source._replace(url=INJECTED + " \x1b[2J"))
    markdown = render_report(views.report([hostile]))
    links, html = links_and_html(markdown)
    assert html == []
    # the report names its source once, under Source, which the opening line points to
    assert links == ["#source", "https://x/%3E)%5BUpdate%5D(https://evil.example)%3Cdetails%3E%20%1B%5B2J"]
    assert "(<https://x/%3E)[Update](https://evil.example)%3Cdetails%3E%20%1B[2J>)" in markdown
    assert "\x1b" not in markdown


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_a_bare_carriage_return_is_quoted(run, program):
    path = program('goals:\n  - {id: g, title: "one\\rtwo", text: "a\\r\\rb", crimes: ["x\\ry"]}\n')
    result = run("--data", str(path), "show", "goals", "-f", "csv")
    assert result.exit_code == 0
    assert '"one\rtwo"' in result.stdout
    assert csv_rows(result.stdout) == [["id", "title", "text", "crimes"], ["g", "one\rtwo", "a\r\rb", "x\ry"]]


FORMULAS = """\
    goals:
      - {id: g, title: "=HYPERLINK(\\"http://evil\\")", text: "+1+1", crimes: ["-2+3", "@SUM(A1)"]}
      - {id: h, title: "\\tTabbed", text: "plain - text", crimes: ["a=b"]}
    accomplishments:
      - id: a
        title: A
        summary: S
        results: [{value: -7.5, unit: "-units"}]
    """


def test_csv_cells_that_spreadsheets_run_get_a_leading_quote(run, program):
    path = program(FORMULAS)
    result = run("--data", str(path), "show", "goals", "-f", "csv")
    assert csv_rows(result.stdout)[1:] == [["g", "'=HYPERLINK(\"http://evil\")", "'+1+1", "'-2+3; @SUM(A1)"],
                                           ["h", "'\tTabbed", "plain - text", "a=b"]]
    results = csv_rows(run("--data", str(path), "show", "results", "-f", "csv").stdout)
    assert results[1][results[0].index("value")] == "-7.5"  # a number stays a number
    assert results[1][results[0].index("unit")] == "'-units"
    exported = csv_rows(run("--data", str(path), "export", "-f", "csv", "-s", "goals").stdout)
    assert exported[1][1] == "'=HYPERLINK(\"http://evil\")"


def test_csv_raw_keeps_cells_as_they_are(run, program):
    path = program(FORMULAS)
    for args in (["show", "goals", "-f", "csv", "--csv-raw"], ["export", "-f", "csv", "-s", "goals", "--csv-raw"]):
        rows = csv_rows(run("--data", str(path), *args).stdout)
        assert rows[1][1:3] == ["=HYPERLINK(\"http://evil\")", "+1+1"], args
