"""`inl import` inputs and outputs: HTML, stdin, http(s) addresses, several pages, and files it must not clobber."""
import csv
import http.server
import threading
from pathlib import Path

import pytest
from conftest import shared_source
from test_import_layouts import assert_no_frame, draft

from inl_cli.importer import inputs
from inl_cli.load import load, parse

PAGES = (shared_source() or Path(__file__).resolve().parents[2] / "shared" / "source") / "pages"
SIMPLE = "Challenges: Ghana's courts lack staff.\n\nGoals: INL supports Ghana's courts.\n"
HTML = """<!DOCTYPE html><html><head><title>Guinea Summary - United States Department of State</title>
<link rel="canonical" href="https://www.state.gov/guinea-summary/"><style>p {color: red}</style></head>
<body><nav><a href="/">Home</a> Menu</nav><header><p>An official website of the United States government</p>
</header><main><h1>Guinea Summary</h1><h2>Challenges</h2><p>Guinea's police <b>lack</b> training.</p>
<h2>Goals</h2><p>INL supports Guinea's police.</p><h2>Accomplishments</h2>
<ul><li>In 2019, INL trained 40 Guinean National Police officers, with results including:
<ul><li>12 stations renovated</li></ul></li><li>In 2021, INL opened a lab.</li></ul></main>
<footer>U.S. Department of State</footer><script>var x = "Challenges: not text";</script></body></html>"""


def test_a_saved_html_page_keeps_its_headings_and_list_items(run, tmp_path):
    program, result = draft(run, tmp_path, HTML, name="guinea.html")
    assert (program.country.name, program.country.code) == ("Guinea", "GN")
    assert program.source.url == "https://www.state.gov/guinea-summary/"
    assert [c.text for c in program.challenges] == ["Guinea's police lack training."]
    assert [g.text for g in program.goals] == ["INL supports Guinea's police."]
    assert [(a.title, str(a.date), a.details) for a in program.accomplishments] == [
        ("INL trained 40 Guinean National Police officers", "2019", ("12 stations renovated",)),
        ("INL opened a lab", "2021", ())]
    assert "var x" not in result.stdout and "Menu" not in result.stdout


SAVED = """<!-- saved from url=(0040)https://www.state.gov/benin-summary/ -->
<html><head><title>Benin Summary</title></head><body>
<div class="menu"><ul><li>Travel</li><li>Careers</li></ul></div><div role="navigation"><ul><li>Home</li></ul></div>
<main><p><strong>Challenges:</strong> Benin&#8217;s port is a transit point for drugs.</p>
<p><strong>Accomplishments:</strong></p><ul><li>In 2018, INL trained 60 officers<br>in maritime security.</li></ul>
</main><div><h3>Related</h3><ul><li>Another page</li></ul></div></body></html>"""


def test_a_saved_page_keeps_only_its_main_text_and_its_address(run, tmp_path):
    program, result = draft(run, tmp_path, SAVED, name="benin.html")
    assert program.source.url == "https://www.state.gov/benin-summary/"
    assert [c.text for c in program.challenges] == ["Benin's port is a transit point for drugs."]
    assert [a.summary for a in program.accomplishments] == ["In 2018, INL trained 60 officers in maritime security."]
    assert "Travel" not in result.stdout and "Another page" not in result.stdout


def test_stdin(run):
    result = run("import", "-", input=SIMPLE)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Imported by `inl import` from stdin.")
    program = parse(result.stdout, "stdin.yaml")
    assert program.country.code == "GH"


def test_html_on_stdin_is_recognised(run):
    result = run("import", "-", input=HTML)
    assert result.exit_code == 0, result.output
    assert parse(result.stdout, "x.yaml").country.code == "GN"


class _Pages(http.server.BaseHTTPRequestHandler):
    pages = {}

    def do_GET(self):
        if self.path == "/slow/":
            import time

            time.sleep(1)
        kind, body = self.pages.get(self.path, ("text/plain", None))
        if body is None:
            self.send_error(404, "Not Found")
            return
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    """A test server that keeps a client's early hang-up (a broken pipe) out of the output under test."""

    def handle_error(self, request, client_address):
        pass


def _serve(handler):
    """A fixture's body: `handler` served on a free local port until the test ends; yields the base address."""
    server = _QuietServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def site():
    _Pages.pages = {"/ghana-summary/": ("text/plain", SIMPLE), "/guinea-summary/": ("text/html", HTML)}
    yield from _serve(_Pages)


def test_an_address_is_fetched_and_recorded_as_the_source(run, site):
    result = run("import", f"{site}/ghana-summary/")
    assert result.exit_code == 0, result.output
    program = parse(result.stdout, "x.yaml")
    assert (program.country.code, program.source.url) == ("GH", f"{site}/ghana-summary/")
    result = run("import", f"{site}/guinea-summary/")
    program = parse(result.stdout, "x.yaml")
    assert (program.country.code, program.source.url) == ("GN", f"{site}/guinea-summary/")


def test_a_missing_or_oversized_address_is_one_line(run, site, monkeypatch):
    result = run("import", f"{site}/nowhere/")
    assert (result.exit_code, result.stderr) == (1, f"Error: {site}/nowhere/: the server answered 404 Not Found\n")
    monkeypatch.setattr(inputs, "LIMIT", 50)
    result = run("import", f"{site}/ghana-summary/")
    assert (result.exit_code, result.stderr) == (1, f"Error: {site}/ghana-summary/: larger than 50 bytes; not a "
                                                    "summary page\n")


def test_a_slow_address_times_out_in_one_line(run, site, monkeypatch):
    monkeypatch.setattr(inputs, "TIMEOUT", 0.2)
    result = run("import", f"{site}/slow/")
    assert (result.exit_code, result.stderr) == (1, f"Error: {site}/slow/: could not fetch it (timed out)\n")


def test_dash_o_dash_is_stdout_and_an_empty_name_is_an_error(run, tmp_path):
    source = tmp_path / "ghana.txt"
    source.write_text(SIMPLE, encoding="utf-8")
    result = run("import", str(source), "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("# Imported by `inl import`")
    assert not (tmp_path / "-").exists()
    result = run("import", str(source), "-o", "")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == ("Error: Invalid value for '--output' / '-o': give a file name, or - "
                                              "for standard output")


def test_several_pages_go_to_one_file_each_with_a_summary_table(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ghana.txt").write_text(SIMPLE, encoding="utf-8")
    (tmp_path / "guinea.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("Ghana\n", encoding="utf-8")
    out = Path("programs")
    result = run("import", str(tmp_path / "ghana.txt"), str(tmp_path / "guinea.html"), str(tmp_path / "empty.txt"),
                 "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == (f"Error: {tmp_path / 'empty.txt'}: found no Challenges, Goals or Accomplishments "
                        "text, so there is nothing to import")
    assert lines[1] == "Imported pages"
    assert [line.split() for line in lines[3:13]] == [
        ["Page", "ghana.txt"], ["File", str(out / "ghana.yaml")], ["Country", "Ghana"], ["Code", "GH"],
        ["Accomplishments", "0"], ["Dates", "0"], ["Partners", "0"], ["Review", "notes", "2"], ["Cut", "whole"],
        [lines[3 + 9]]]
    assert [line.split()[-1] for line in lines[13:22]] == [
        "guinea.html", str(out / "guinea.yaml"), "Guinea", "GN", "2", "2", "1", "0", "whole"]
    assert sorted(p.name for p in out.iterdir()) == ["ghana.yaml", "guinea.yaml"]
    assert {p.country.code for p in load(out)} == {"GH", "GN"}


def test_several_pages_need_a_folder(run, tmp_path):
    (tmp_path / "a.txt").write_text(SIMPLE, encoding="utf-8")
    result = run("import", str(tmp_path / "a.txt"), str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == ("Error: several pages need -o DIR: a folder to write one program "
                                              "file per page into")


def test_a_missing_input_is_a_usage_error(run, tmp_path):
    result = run("import", str(tmp_path / "nope.txt"), str(tmp_path / "nope.txt"), "-o", str(tmp_path))
    assert (result.exit_code, result.stderr) == (2, f"Error: no such file or folder: {tmp_path / 'nope.txt'}\n")
    result = run("import", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (f"Error: Invalid value for 'FILE...': {tmp_path} is a folder; give "
                                              "the pages in it (folder/*.txt)")


def test_an_existing_file_is_kept_unless_force(run, tmp_path):
    source = tmp_path / "ghana.txt"
    source.write_text(SIMPLE, encoding="utf-8")
    target = tmp_path / "ghana.yaml"
    target.write_text("reviewed by hand\n", encoding="utf-8")
    result = run("import", str(source), "-o", str(target))
    assert (result.exit_code, result.stderr) == (1, f"Error: {target} already exists; give --force to replace it\n")
    assert target.read_text(encoding="utf-8") == "reviewed by hand\n"
    result = run("import", str(source), "-o", str(target), "--force")
    assert result.exit_code == 0, result.output
    assert load(target)[0].country.code == "GH"


def test_the_input_is_never_written_over_even_with_force(run, tmp_path):
    source = tmp_path / "ghana.yaml"
    source.write_text(SIMPLE, encoding="utf-8")
    for extra in ([], ["--force"]):
        result = run("import", str(source), "-o", str(source), *extra)
        assert (result.exit_code, result.stderr) == (
            1, f"Error: {source} is a page being imported; write the program to another file\n")
        assert source.read_text(encoding="utf-8") == SIMPLE
    result = run("import", str(source), str(tmp_path / "other.txt"), "-o", str(tmp_path), "--force")
    assert source.read_text(encoding="utf-8") == SIMPLE


def test_control_characters_never_reach_the_yaml(run, tmp_path):
    page = "Challenges: Ghana\x7f's courts\x85 lack\x9f \x1b[2Kstaff\ufffe.\n"
    program, result = draft(run, tmp_path, page)
    assert [c.text for c in program.challenges] == ["Ghana's courts lack [2Kstaff."]


def test_a_newline_in_the_file_name_stays_out_of_the_header(run, tmp_path):
    source = tmp_path / "evil\nname: x\x1b[31m.txt"
    source.write_text(SIMPLE, encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0]
    assert header.startswith("# Imported by `inl import` from ") and "evil\\nname: x\\x1b[31m.txt" in header
    assert parse(result.stdout, "x.yaml").country.code == "GH"


def _index():
    with (PAGES / "index.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_every_stored_page_imports_into_a_file_that_validates(run, tmp_path):
    assert (PAGES / "index.tsv").is_file(), (f"the stored pages are missing: put the `shared` folder beside this "
                                            f"clone ({PAGES}) or set INL_SHARED_SOURCE to its source folder")
    rows = _index()
    assert len(rows) == 12
    out = tmp_path / "programs"
    first = {}
    for row in rows:
        first.setdefault(row["code"], row)
    result = run("import", *[str(PAGES / row["file"]) for row in first.values()], "-o", str(out))
    assert result.exit_code == 0, result.output
    written = [str(path) for path in sorted(out.iterdir())]
    assert len(written) == len(first)
    for row in rows:
        if first[row["code"]] is not row:  # a second page of a country goes to a file of its own
            alone = tmp_path / row["file"].replace(".txt", ".yaml")
            assert run("import", str(PAGES / row["file"]), "-o", str(alone)).exit_code == 0
            written.append(str(alone))
    assert len(written) == 12
    for path in written:
        check = run("validate", path)
        assert check.exit_code == 0, check.output
    found = {}
    for path in written:
        [program] = load(Path(path))
        assert_no_frame(program)
        found.setdefault((program.country.name, program.country.code), []).append(path)
    assert sorted(found) == sorted({(row["country"], row["code"]) for row in rows})


def test_a_page_that_is_not_utf8_is_one_line(run, tmp_path):
    source = tmp_path / "page.txt"
    source.write_bytes(b"Challenges: caf\xe9 crime.\n")
    result = run("import", str(source))
    assert (result.exit_code, result.stderr) == (1, f"Error: {source} is not UTF-8 text (byte 15)\n")


class _Trickle(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        import time

        if self.path == "/ftp/":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/page.txt")
            self.end_headers()
            return
        if self.path == "/to-text/":
            self.send_response(301)
            self.send_header("Location", "/text/")
            self.end_headers()
            return
        if self.path == "/text/":
            data = SIMPLE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if self.path == "/headers/":
            try:
                self.wfile.write(b"HTTP/1.0 200 OK\r\n")
                for _ in range(100):
                    self.wfile.write(b"X")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        try:
            for byte in SIMPLE.encode("utf-8"):
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def trickle():
    yield from _serve(_Trickle)


def test_a_server_that_trickles_bytes_is_given_up_on_at_the_deadline(run, trickle, monkeypatch):
    monkeypatch.setattr(inputs, "DEADLINE", 0.3)
    result = run("import", f"{trickle}/trickle/")
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {trickle}/trickle/: took longer than 0.3 s to send the page; gave up\n")


def test_a_server_that_trickles_its_headers_is_given_up_on_at_the_deadline(run, trickle, monkeypatch):
    monkeypatch.setattr(inputs, "DEADLINE", 0.3)
    result = run("import", f"{trickle}/headers/")
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {trickle}/headers/: took longer than 0.3 s to send the page; gave up\n")


def test_only_http_redirects_are_followed(run, trickle):
    result = run("import", f"{trickle}/ftp/")
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {trickle}/ftp/: redirected to ftp://127.0.0.1/page.txt; only http(s) redirects are followed\n")
    result = run("import", f"{trickle}/to-text/")
    assert result.exit_code == 0, result.output
    assert parse(result.stdout, "x.yaml").source.url == f"{trickle}/text/"


def test_a_page_with_more_text_than_a_summary_page_is_refused_in_one_line(run, tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "TEXT_LIMIT", 100)
    source = tmp_path / "big.txt"
    source.write_text(SIMPLE + "x" * 100, encoding="utf-8")
    result = run("import", str(source))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {source}: {len(SIMPLE) + 100:,} characters of text, more than the 100 a "
                             "summary page could hold; import the program's part of it\n")


def test_ids_of_items_with_the_same_first_words_are_numbered_in_order():
    from inl_cli.importer.partners import Taken, slug

    taken = Taken()
    assert [slug("INL trained police officers", taken) for _ in range(4)] == [
        "inl-trained-police-officers", "inl-trained-police-officers-2", "inl-trained-police-officers-3",
        "inl-trained-police-officers-4"]
    taken = Taken({"a-b-2"})
    assert [slug("a b", taken) for _ in range(3)] == ["a-b", "a-b-3", "a-b-4"]


def test_a_bad_canonical_address_is_left_out_with_a_review_note(run, tmp_path):
    page = ('<html><head><link rel=canonical href="https://x.example/&quot;&gt;&lt;script&gt;">'
            "<title>Ghana Summary</title></head><body><p>Challenges: Crime rises in Ghana.</p>"
            "<p>Goals: INL helps the police.</p><ul><li>In 2019, INL trained 40 police officers.</li></ul>"
            "</body></html>")
    program, result = draft(run, tmp_path, page, name="ghana.html")
    assert program.source.url.startswith("https://www.state.gov/")
    assert ("# review: left out the page's own address 'https://x.example/\"><script>': it is not a web address "
            "a program file may hold") in result.stdout


def test_a_folder_gets_one_file_per_country(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "niger.txt").write_text("Niger\n\nChallenges: Crime rises in Niger.\n", encoding="utf-8")
    (tmp_path / "niger_older.txt").write_text("Niger\n\nGoals: INL helps the police.\n", encoding="utf-8")
    (tmp_path / "ghana.txt").write_text(SIMPLE, encoding="utf-8")
    out = Path("programs")
    result = run("import", str(tmp_path / "niger.txt"), str(tmp_path / "niger_older.txt"), "-o", str(out))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == (f"Error: {tmp_path / 'niger_older.txt'}: Niger (NE) is already in {out / 'niger.yaml'}, "
                        "and a folder holds one file per country; import this page alone with -o FILE")
    at = lines.index("Page            niger_older.txt")
    assert [line.split(None, 1) for line in lines[at:]] == [
        ["Page", "niger_older.txt"], ["File", "not written: NE is in niger.yaml"], ["Country", "Niger"],
        ["Code", "NE"]]
    assert [p.name for p in out.iterdir()] == ["niger.yaml"]
    assert [p.country.code for p in load(out)] == ["NE"]
    (out / "niger.yaml").rename(out / "my-niger.yaml")  # a file already in the folder counts, whatever its name
    result = run("import", str(tmp_path / "niger_older.txt"), str(tmp_path / "ghana.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path / 'niger_older.txt'}: Niger (NE) is already in "
                                    f"{out / 'my-niger.yaml'}, ")
    assert sorted(p.name for p in out.iterdir()) == ["ghana.yaml", "my-niger.yaml"]
    assert run("import", str(tmp_path / "niger.txt"), "-o", str(out) + "/", "--force").exit_code == 1


def test_the_summary_table_fits_the_terminal(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("ghana.txt").write_text(SIMPLE, encoding="utf-8")
    Path("guinea.html").write_text(HTML, encoding="utf-8")
    result = run("import", "ghana.txt", "guinea.html", "-o", "p", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert max(len(line) for line in lines) <= 120
    assert [cell.strip() for cell in lines[2].split("┃")[1:-1]] == [
        "Page", "File", "Country", "Code", "Accomplishments", "Dates", "Partners", "Review notes", "Cut"]
    assert [cell.strip() for cell in lines[4].split("│")[1:-1]] == [
        "ghana.txt", "p/ghana.yaml", "Ghana", "GH", "0", "0", "0", "2", "whole"]
    result = run("import", "ghana.txt", "guinea.html", "-o", "p", "--force", env={"COLUMNS": "40"})
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert max(len(line) for line in lines) <= 40
    assert lines[:4] == ["Imported pages", "─" * 40, "Page            ghana.txt", "File            p/ghana.yaml"]


class _Broken(http.server.BaseHTTPRequestHandler):
    """A server that answers badly: too many headers, a broken chunked body, fewer bytes than it announces."""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        if self.path == "/headers/":
            for n in range(120):
                self.send_header(f"X-Header-{n}", "x")
            self.end_headers()
            self.wfile.write(SIMPLE.encode("utf-8"))
        elif self.path == "/chunked/":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"zz\r\nnot a chunk\r\n")
        elif self.path == "/short/":
            data = SIMPLE.encode("utf-8")
            self.send_header("Content-Length", str(len(data) + 500))
            self.end_headers()
            self.wfile.write(data)
        else:
            data = SIMPLE.encode("utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture
def broken():
    yield from _serve(_Broken)


@pytest.mark.parametrize("path, says", [
    ("/headers/", "the server's answer is broken (HTTPException: got more than 100 headers)"),
    ("/chunked/", "the server's answer is broken (IncompleteRead"),
    ("/short/", "the server sent 76 bytes of the 576 it announced; the page is cut short, try again"),
])
def test_a_broken_answer_is_one_line_not_a_traceback(run, broken, path, says):
    result = run("import", f"{broken}{path}")
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"Error: {broken}{path}: {says}")


def test_an_address_in_capitals_is_fetched_and_kept(run, broken):
    address = broken.replace("http://", "HTTP://") + "/page/"
    result = run("import", address)
    assert result.exit_code == 0, result.output
    assert parse(result.stdout, "x.yaml").source.url == address


@pytest.mark.parametrize("address", ["http://h/o k", "http://h/x\r\nX: 1", "http://h:abc/", "http://[::1"])
def test_a_malformed_address_is_a_usage_error(run, address):
    result = run("import", address)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith("Error: Invalid value for 'FILE...': ")
    assert "\r" not in result.stderr and "Traceback" not in result.stderr


def test_a_page_past_the_size_limit_is_refused_before_any_work(run, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Accomplishments:\n" + "".join(f"• In 2019 INL trained {n} officers.\n" for n in range(21_000)),
                    encoding="utf-8")
    result = run("import", str(page))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {page}: 42,202 lines, sentences and dates, more than the 5,000 a summary "
                             "page could hold; import the program's part of it\n")


def test_one_sentence_with_thousands_of_dates_is_refused_before_any_work(run, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Accomplishments:\n• " + "INL trained police in 2016 and judges in 2017 and " * 3_000 + "\n",
                    encoding="utf-8")
    result = run("import", str(page))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {page}: 6,003 lines, sentences and dates, more than the 5,000 a summary "
                             "page could hold; import the program's part of it\n")


def test_deeply_nested_lists_import_in_bounded_memory(tmp_path):
    """920 KB of <ul><li> nested 40,000 deep peaked at 6.6 GB: the text built from it is now linear."""
    import resource
    import subprocess
    import sys

    page = tmp_path / "deep.html"
    depth = 40_000
    page.write_text("<html><body><p>Challenges: crime in Ghana.</p>" + "<ul><li>x" * depth + "</li></ul>" * depth
                    + "</body></html>", encoding="utf-8")
    code = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            "print(r.returncode); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
            "print(r.stderr.count('Traceback'))")
    result = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "inl_cli", "import", str(page)],
                            capture_output=True, text=True, timeout=120)
    returncode, peak_kb, tracebacks = result.stdout.split()
    assert tracebacks == "0"
    assert returncode in ("0", "1")
    assert int(peak_kb) < 400 * 1024
    del resource


def test_import_into_a_folder_passes_over_a_fifo_named_like_a_program(run, tmp_path):
    import os

    folder = tmp_path / "programs"
    folder.mkdir()
    os.mkfifo(folder / "ghana.yaml")
    page = tmp_path / "guinea.txt"
    page.write_text(SIMPLE.replace("Ghana", "Guinea"), encoding="utf-8")
    result = run("import", str(page), "-o", str(folder))
    assert result.exit_code == 0, result.output
    assert (folder / "guinea.yaml").is_file()


def test_importing_over_an_existing_file_prints_the_refusal_only(run, tmp_path):
    page = tmp_path / "ghana.txt"
    page.write_text(SIMPLE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "ghana.yaml").write_text("kept", encoding="utf-8")
    result = run("import", str(page), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'out' / 'ghana.yaml'} already exists; give --force to replace it\n"
