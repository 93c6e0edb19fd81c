"""Rules about text that every layer shares, each written once: which characters are unsafe to show, how
they are shown, how accents and case are folded for matching, and what a web address may be.

This module is at the bottom of the package: it imports nothing of inl's, so the model, the loader, the
importer, the renderers and the commands can all use it.
"""
from __future__ import annotations

import re
import unicodedata

BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Bidirectional marks, embeddings, overrides and isolates: they reorder what a reader sees."""
INVISIBLE = "\u200b-\u200d\u2028\u2029\u2060-\u2065\ufeff"
"""Zero-width characters and line or paragraph separators: there, but not seen."""
NONCHARACTERS = "\ufffe\uffff"
CONTROL_CHARACTERS = f"\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}{INVISIBLE}{NONCHARACTERS}"
"""C0 controls but tab and newline, DEL, C1 controls (CSI among them), and the characters above."""
_SURROGATES = "\ud800-\udfff"
"""How Python keeps bytes it could not decode (a file name): no output can write them, so they are shown."""
_UNSAFE = re.compile(f"[{CONTROL_CHARACTERS}{_SURROGATES}]")
_UNSAFE_OR_LINE = re.compile(f"[\n{CONTROL_CHARACTERS}{_SURROGATES}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _shown(match: re.Match) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if char < "\u0100" else f"\\u{ord(char):04x}")


def clean(text: str, lines: bool = True) -> str:
    """Text safe for a terminal or a document: each unsafe character shown escaped, as `\\x1b` or `\\u202e`.

    The one escape for every line that shows data or a path. A tab is kept, and newlines too unless `lines`
    is false (a message or a file name must stay one line).
    """
    return (_UNSAFE if lines else _UNSAFE_OR_LINE).sub(_shown, text)


def one_line(text: str) -> str:
    """`clean(text, lines=False)`: for messages and file names."""
    return _UNSAFE_OR_LINE.sub(_shown, text)


def has_unsafe(text: str) -> bool:
    """Whether `clean` would change `text` (a newline counts)."""
    return _UNSAFE_OR_LINE.search(text) is not None


def path_name(path: str) -> str:
    """A file name as inl shows it. A byte the file system's encoding cannot decode is kept by Python as a lone
    surrogate, which no output can write: it is shown escaped, as `bad\\xff.yaml`."""
    import os
    import sys

    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return os.fsencode(path).decode(sys.getfilesystemencoding(), "backslashreplace")
    except UnicodeError:
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def escape_unsafe(text: str) -> str:
    """`text` with each character `clean` would escape (newlines kept) written `\\u001b`, the escape JSON and
    YAML's double-quoted strings read back as the character: for text already in such a string."""
    return _UNSAFE.sub(_u_escape, text)


def _u_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def strip_unsafe(text: str) -> str:
    """`text` without the unsafe characters (tab and newline kept): for text taken in from outside."""
    return _UNSAFE.sub("", text)


def strip_accents(text: str) -> str:
    """`text` with its accents taken off the letters: "Côte" -> "Cote"."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching: 'Côte d’Ivoire' -> "cote d'ivoire"."""
    return strip_accents(text.replace("’", "'").replace("‘", "'")).casefold()


def key(text: str) -> str:
    """Letters and digits only, folded: "Côte d’Ivoire", "cote divoire" and "COTE-D'IVOIRE" agree."""
    return "".join(c for c in fold(text) if c.isalnum())


def ascii_words(text: str) -> list[str]:
    """The ASCII letter and digit runs of `text`, lower case, accents dropped: for ids and file names."""
    plain = strip_accents(text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", plain)


WEB_ADDRESS_PATTERN = f"^[hH][tT][tT][pP][sS]?://[^\\s<>\"'`{CONTROL_CHARACTERS}]+$"
"""The web-address rule as a regular expression, for the JSON Schema and for `web_address_problem`."""
_WEB_ADDRESS = re.compile(WEB_ADDRESS_PATTERN)
WEB_ADDRESS_RULE = "an http:// or https:// address without spaces, control or invisible characters, quotes, < or >"


def web_address_problem(text: str) -> str | None:
    """What is wrong with `text` as a web address, or None when it is one.

    The one rule for --url, an address to fetch, a program's `source.url` and the links a report makes.
    """
    if not text.lower().startswith(("http://", "https://")):
        return f"expected {WEB_ADDRESS_RULE}"
    if not _WEB_ADDRESS.match(text):
        return f"expected {WEB_ADDRESS_RULE}"
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  raises on a port that is not a number
    except ValueError as error:
        return f"not a valid web address: {error}"
    if not parts.hostname:
        return "a web address names a host after the //"
    return None


def is_web_address(text: str) -> bool:
    return web_address_problem(text) is None
