"""What the global options chose, for every command: where the programs are, which countries, and the
funding extract. Programs are loaded only when a command asks for them."""
from __future__ import annotations

import os
import shlex

import click

from .errors import MissingPath, missing


class Session:
    """The global options of one run (`--data`, `--recursive`, `--country`, `--funding`), given before or
    after the command, and the programs they select."""

    def __init__(self, data=None, recursive: bool = False, countries=(), funding=None):
        self.data = data
        self.recursive = recursive
        self.countries = tuple(countries)
        self.funding = funding
        self._programs = None

    def add(self, data=None, recursive: bool = False, countries=(), funding=None) -> None:
        """The same options given after the command: a later --data or --funding wins, countries add up."""
        if data is not None:
            self.data = data
        if funding is not None:
            self.funding = funding
        self.recursive = self.recursive or recursive
        self.countries += tuple(countries)

    def command(self, *words: str) -> str:
        """`inl WORDS` as the user would type it to see the same data: with their --data and --recursive."""
        data = ["--data", shlex.quote(os.fspath(self.data))] if self.data is not None else []
        return " ".join(["inl", *data, *(["--recursive"] if self.recursive else []), *words])

    def programs(self):
        """The programs of --data (or $INL_DATA, or the bundled one) for the chosen countries."""
        if self._programs is None:
            from ..load import load
            from ..query import select

            if self.data is not None and missing(self.data):
                raise MissingPath(self.data)
            loaded = load(self.data, self.recursive)
            self._programs, unknown = select(loaded, self.countries)
            if unknown:
                from .suggest import unknown_country

                raise click.BadParameter(unknown_country(unknown[0], loaded, self), param_hint="'--country'")
        return self._programs
