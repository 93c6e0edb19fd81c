"""The command line: one small module per command, the `main` group that holds them, and the parts they share
(option types, options, completion, suggestions, output, errors and exit codes)."""
from .main import main, run

__all__ = ["main", "run"]
