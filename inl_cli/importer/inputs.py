"""Reading a page: a text file, `-` for stdin, an http(s) address (with a timeout and a size limit), or an HTML
page saved from a browser, read through the standard library's HTML parser so that headings and list items keep
their structure.
"""
from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from ..text import is_web_address

LIMIT = 20 * 1024 * 1024
"""The largest page read, in bytes: far above any real summary page."""
TEXT_LIMIT = 1024 * 1024
"""The most text (characters, after any HTML is read) a page may hold. A summary page holds some 10 KB; the
importer takes about 0.4 s per thousand bullets (linear), so a megabyte is some 5 s, and more only makes the user
wait."""
TIMEOUT = 20
"""Seconds one network read may wait."""
DEADLINE = 60
"""Seconds a whole fetch may take, however the server trickles its bytes."""
CHUNK = 64 * 1024


"""An address a program file may hold (the loader's rule, and no quote or bidi control)."""


class ReadError(OSError):
    """A page that could not be read; the message says why, in one line."""


class Page:
    """What was read: the text, its name for messages and comments, and the address it came from, if known."""

    def __init__(self, text: str, name: str, url: str | None = None, dropped: str | None = None):
        self.text = text
        self.name = name
        self.url = url
        self.dropped = dropped
        """An address the page names for itself that no program file may hold (left out, with a review note)."""


def is_address(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


def read(location: str) -> Page:
    if location == "-":
        data = sys.stdin.buffer.read(LIMIT + 1) if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        return _page(_limited(data, "stdin"), "stdin", None, html=None)
    if is_address(location):
        return fetch(location)
    from ..load import read_bytes

    path = Path(location)
    try:
        data = read_bytes(path)
    except OSError as error:
        raise ReadError(f"{location}: {error.strerror or error}") from None
    html = path.suffix.lower() in (".html", ".htm", ".xhtml") or None
    return _page(_limited(data, location), path.name, None, html=html, where=location)


def _limited(data: bytes, name: str) -> bytes:
    if len(data) > LIMIT:
        size = f"{LIMIT // (1024 * 1024)} MB" if LIMIT >= 1024 * 1024 else f"{LIMIT} bytes"
        raise ReadError(f"{name}: larger than {size}; not a summary page")
    return data


def fetch(url: str) -> Page:
    """The page at `url`, within DEADLINE seconds in all: name lookup, connection, headers and body. The work
    runs in a daemon thread, so a server that trickles its headers cannot hold the command either."""
    import threading

    outcome: dict = {}

    def work():
        try:
            outcome["page"] = _fetch(url)
        except BaseException as error:  # handed to the caller below
            outcome["error"] = error

    worker = threading.Thread(target=work, name="inl-fetch", daemon=True)
    worker.start()
    worker.join(DEADLINE)
    if worker.is_alive():
        raise _too_slow(url)
    if "error" in outcome:
        raise outcome["error"]
    data, final, html, charset = outcome["page"]
    return _page(data, url, final, html=html, charset=charset)  # read here: the deadline is the server's


def _too_slow(url: str) -> ReadError:
    return ReadError(f"{url}: took longer than {DEADLINE:g} s to send the page; gave up")


def _fetch(url: str) -> tuple[bytes, str, bool | None, str | None]:
    """The body, the final address, whether it is HTML, and its charset."""
    import http.client
    import time
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "inl-cli (https://github.com/)"})
    opener = urllib.request.build_opener(_redirect_handler())
    began = time.monotonic()
    try:
        with opener.open(request, timeout=min(TIMEOUT, DEADLINE)) as response:
            data = _limited(_read_by(response, began + DEADLINE, url), url)
            kind = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            final = response.geturl() or url
    except ReadError:
        raise
    except urllib.error.HTTPError as error:
        raise ReadError(f"{url}: the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise ReadError(f"{url}: could not fetch it ({error.reason})") from None
    except (OSError, ValueError) as error:
        raise ReadError(f"{url}: could not fetch it ({error})") from None
    except http.client.HTTPException as error:
        raise ReadError(f"{url}: the server's answer is broken ({type(error).__name__}: {error})") from None
    html = True if kind in ("text/html", "application/xhtml+xml") else None
    return data, final, html, charset


def _read_by(response, deadline: float, url: str) -> bytes:
    """The body, read in chunks, at most LIMIT + 1 bytes, given up on once `deadline` (monotonic) passes."""
    import time

    chunks, size = [], 0
    while size <= LIMIT:
        if time.monotonic() > deadline:
            raise _too_slow(url)
        chunk = response.read1(min(CHUNK, LIMIT + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    missing = getattr(response, "length", None)
    if size <= LIMIT and missing:
        raise ReadError(f"{url}: the server sent {size:,} bytes of the {size + missing:,} it announced; the page "
                        "is cut short, try again")
    return b"".join(chunks)


def _redirect_handler():
    import urllib.request

    class HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
        """Follows a redirect only to another http(s) address."""

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if not is_address(newurl):
                raise ReadError(f"{req.full_url}: redirected to {newurl[:200]}; only http(s) redirects are "
                                "followed")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return HttpOnlyRedirects


def _page(data: bytes, name: str, url: str | None, html: bool | None, charset: str | None = None,
          where: str | None = None) -> Page:
    text = _decode(data, where or name, charset)
    dropped = None
    if html is None:
        html = bool(re.match(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", text[:2000],
                             re.I | re.S))
    if html:
        text, own = html_text(text)
        if own and not is_web_address(own):
            dropped = own
        else:
            url = url or own
    if len(text) > TEXT_LIMIT:
        raise ReadError(f"{where or name}: {len(text):,} characters of text, more than the {TEXT_LIMIT:,} a "
                        "summary page could hold; import the program's part of it")
    return Page(text, name, url, dropped)


def _decode(data: bytes, name: str, charset: str | None) -> str:
    for encoding in filter(None, (charset, "utf-8-sig")):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4000], re.I)
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReadError(f"{name} is not UTF-8 text (byte {error.start})") from None
    return data.decode("utf-8")


BLOCKS = {"p", "div", "section", "article", "main", "header", "br", "tr", "table", "ul", "ol", "dl", "dt", "dd",
          "blockquote", "figure", "figcaption", "title", "address", "hr", "li", "h1", "h2", "h3", "h4", "h5", "h6"}
SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "form", "button", "select", "iframe",
        "head", "header", "aside"}
SKIP_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
MAIN = {"main", "article"}


MAX_INDENT = 8
"""Deepest indentation of a list item's line: a page nested deeper (40,000 levels) keeps its text linear."""
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Text(HTMLParser):
    """Text with a line per block, a line per heading and a "• " line per list item, indented by depth. Site
    chrome (nav, header, footer, aside, forms, scripts, ARIA navigation/banner roles) is skipped; when the page
    has a <main> or <article>, only its text is kept."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.main_lines: list[str] = []
        self.current: list[str] = []
        self.open: dict[str, int] = {}
        self.skips: list[tuple[str, int]] = []
        self.mains: list[tuple[str, int]] = []
        self.depth = 0
        self.prefix = ""
        self.title = ""
        self.in_title = False
        self.address = None

    def _emit(self, line: str):
        self.lines.append(line)
        if self.mains:
            self.main_lines.append(line)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self._emit(self.prefix + text)
        self.current = []
        self.prefix = ""

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        if tag == "link" and attributes.get("rel", "").lower() == "canonical":
            self.address = self.address or attributes.get("href")
        if tag == "meta" and attributes.get("property", "").lower() == "og:url":
            self.address = self.address or attributes.get("content")
        if tag == "title":
            self.in_title = True
        if tag in VOID:
            if tag in ("br", "hr") and not self.skips:
                if self.depth and tag == "br":
                    self.current.append(" ")
                else:
                    self._flush()
            return
        self.open[tag] = self.open.get(tag, 0) + 1
        if (tag in SKIP and tag != "head") or attributes.get("role", "").lower() in SKIP_ROLES or \
                "aria-hidden" in attributes and attributes["aria-hidden"] == "true":
            self.skips.append((tag, self.open[tag]))
            return
        if self.skips:
            return
        if tag in MAIN:
            self._flush()
            self.mains.append((tag, self.open[tag]))
        if tag in BLOCKS:
            self._flush()
        if tag in ("ul", "ol"):
            self.depth += 1
        if tag == "li":
            self.prefix = "  " * min(max(0, self.depth - 1), MAX_INDENT) + "• "

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in VOID:
            return
        level = self.open.get(tag, 0)
        self.open[tag] = max(0, level - 1)
        if self.skips:
            if self.skips[-1] == (tag, level):
                self.skips.pop()
            return
        if tag in BLOCKS:
            self._flush()
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol"):
                self._emit("")
        if tag in ("ul", "ol"):
            self.depth = max(0, self.depth - 1)
        if self.mains and self.mains[-1] == (tag, level):
            self._flush()
            self.mains.pop()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
            return
        if not self.skips:
            self.current.append(data)

    def handle_comment(self, data):
        saved = re.match(r"\s*saved from url=\(\d+\)(\S+)", data)
        if saved:
            self.address = self.address or saved.group(1)


def html_text(html: str) -> tuple[str, str | None]:
    """The page's text with its structure as lines, and the page's own address if it names one."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._flush()
    address = parser.address.strip() if parser.address and parser.address.strip() else None
    title = re.split(r"\s+[-|–]\s+", " ".join(parser.title.split()))[0]
    body = parser.main_lines if any(line.strip() for line in parser.main_lines) else parser.lines
    lines = ([title, ""] if title else []) + body
    return "\n".join(lines), address
