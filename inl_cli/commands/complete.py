"""Shell completion of values from the data the command line points at: country and partner names."""
from __future__ import annotations

import os
import re

from ..text import has_unsafe, key


def shell_word(value: str) -> str:
    """A completion as bash must insert it (zsh and fish quote for themselves): spaces and quotes escaped, or,
    when the word being completed opens a quote, the name inside that quote and the quote closed."""
    if not os.environ.get("_INL_COMPLETE", "").startswith("bash"):
        return value
    quote = _open_quote(os.environ.get("COMP_WORDS", ""))
    if quote == '"':
        word = '"' + re.sub(r'(["\\$`])', r"\\\1", value) + '"'
    elif quote == "'":
        word = "'" + value.replace("'", "'\"'\"'") + "'"
    else:
        word = re.sub(r"([^\w./,:@%+=-])", r"\\\1", value)
    # Click's bash script reads each completion with `read`, which takes off one level of backslashes.
    return word.replace("\\", "\\\\")


def _open_quote(words: str) -> str:
    """The quote the last word typed opens and does not close (`--country "Cô`), or ""."""
    quote = ""
    escaped = False
    for char in words:
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote and char == quote:
            quote = ""
        elif not quote and char in "'\"":
            quote = char
    return quote


def typeable(text: str) -> bool:
    """Whether a completion may offer `text`: a newline or ESC in it would break the shell's reading of the
    completions (bash reads them a line at a time) or reach the terminal; nobody types such a name anyway."""
    return not has_unsafe(text)


def programs_typed(ctx):
    """The programs that the command line typed so far points at, or [] when they cannot be read."""
    from ..load import DataError, load

    data, recursive = None, False
    while ctx is not None:
        data = data if data is not None else ctx.params.get("data")
        recursive = recursive or bool(ctx.params.get("recursive"))
        ctx = ctx.parent
    try:
        return load(data, recursive)
    except (DataError, OSError):
        return []


def complete_country(ctx, param, incomplete):
    """Country codes from the data the command line points at, or names once the typing goes past a code."""
    from click.shell_completion import CompletionItem

    prefix = key(incomplete)
    found = []
    for p in programs_typed(ctx):
        name = p.country.name if typeable(p.country.name) else None  # a code is two capital letters
        if key(p.country.code).startswith(prefix):
            found.append(CompletionItem(p.country.code, help=name))
        elif name is not None and key(name).startswith(prefix):
            found.append(CompletionItem(shell_word(name), help=p.country.code))
    return found


def complete_partner(ctx, param, incomplete):
    """Partner abbreviations, or ids, from the data the command line points at; names once typing goes past."""
    from click.shell_completion import CompletionItem

    prefix = key(incomplete)
    found = {}
    for program in programs_typed(ctx):
        for partner in program.partners:
            # An id is always plain (lowercase letters, digits, - and _); a name or an abbreviation may not be.
            short = partner.abbreviation if partner.abbreviation and typeable(partner.abbreviation) else partner.id
            name = partner.name if typeable(partner.name) else None
            if key(short).startswith(prefix):
                found.setdefault(short, CompletionItem(shell_word(short), help=name))
            elif name is not None and key(name).startswith(prefix):
                found.setdefault(name, CompletionItem(shell_word(name), help=short))
    return list(found.values())
