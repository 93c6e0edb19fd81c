"""Where the funding extract lives: the user's data folder (`$XDG_DATA_HOME/inl/funding.csv`, by default
`~/.local/share/inl/funding.csv` on Linux, where platformdirs puts data on macOS and Windows) unless
--funding or $INL_FUNDING name another file.

A module apart from `extract`, which reads the file: every report and `show overview` looks for an extract,
most find none, and looking should not load a CSV reader.
"""
from __future__ import annotations

import os
import sys

FILE_NAME = "funding.csv"
XDG_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd")
"""Where the XDG Base Directory spec says where data goes (as platformdirs has it too), Android aside."""


def default_path() -> str:
    """`$XDG_DATA_HOME/inl/funding.csv`; on the XDG platforms without it, the spec's default
    `~/.local/share/inl/funding.csv`; elsewhere (macOS, Windows, Android) platformdirs' user data folder for
    inl. platformdirs is imported only there: with the modules it brings it costs several milliseconds, and
    every report and `show overview` looks for the extract."""
    base = os.environ.get("XDG_DATA_HOME", "").strip()
    if base and os.path.isabs(base):
        return os.path.join(base, "inl", FILE_NAME)
    if sys.platform.startswith(XDG_PLATFORMS) and not _android():
        return os.path.join(os.path.expanduser("~"), ".local", "share", "inl", FILE_NAME)
    import platformdirs

    return os.path.join(platformdirs.user_data_dir("inl", appauthor=False), FILE_NAME)


def _android() -> bool:
    return hasattr(sys, "getandroidapilevel") or "ANDROID_ROOT" in os.environ


def locate(given: str | None) -> tuple[str, bool]:
    """The extract's path and whether the user named it: `given` (--funding), else $INL_FUNDING, else
    `default_path()`. An empty value counts as none."""
    if given:
        return given, True
    named = os.environ.get("INL_FUNDING", "")
    if named:
        return named, True
    return default_path(), False
