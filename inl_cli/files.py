"""Writing output files whole: a reader never sees a half-written or emptied file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click


def write_atomic(path: str, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`."""
    target = Path(path)
    try:
        fd, temporary = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise click.FileError(path, hint=error.strerror or str(error)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise click.FileError(path, hint=error.strerror or str(error)) from None
        raise
