"""Writing output files whole: a reader never sees a half-written or emptied file.

A regular file (or a new path) is written to a temporary file beside it, then
renamed over it: the new file gets the mode the umask gives, a replaced one keeps
its mode and, where the process may set it, its owner. A symbolic link is followed,
so the link stays and its target is replaced. A character device or a FIFO
(/dev/null, a named pipe) is written through, as a shell's `>` would; nothing is
ever renamed over it. A stream this process already has open (/dev/stdout, /dev/fd/3)
is written where it stands, so what the shell wrote before stays and `>>` appends.
A file the user may write in a folder that takes no new file is written in place,
as `>` would. Anything else is refused. SIGINT, SIGTERM and SIGHUP during the write
leave no temporary file behind.
"""
from __future__ import annotations

import os
import secrets
import signal
import stat
from pathlib import Path

_SIGNALS = ("SIGTERM", "SIGHUP")
_NAME_MAX = 255
"""Longest file name, in bytes, on the usual file systems."""


class WriteError(Exception):
    """An output file that cannot be written; says which and why, as a shell would."""

    def __init__(self, path: str, reason: str):
        from .text import one_line

        super().__init__(f"Could not open file {one_line(path)!r}: {reason}")
        self.path = path
        self.reason = reason


class _Stopped(BaseException):
    """A terminating signal arrived during a write."""

    def __init__(self, number: int):
        super().__init__(number)
        self.number = number


def write_atomic(path: str, text: str) -> None:
    """Write `text` to `path` whole or not at all (see the module's notes)."""
    data = text.encode("utf-8")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise WriteError(path, error.strerror or str(error)) from None
    special = info is not None and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode))
    if special or (info is not None and _names_a_descriptor(path)):
        return _write_through(path, data)
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise WriteError(path, "not a regular file, a character device or a FIFO")
    if info is not None and not os.access(path, os.W_OK):
        # As `>` would: a file the user may not write is not replaced, even in a folder they may write.
        raise WriteError(path, "permission denied")
    with _signals_raise():
        _replace(path, Path(os.path.realpath(path)), data, info)


def _names_a_descriptor(path: str) -> bool:
    """Whether `path` leads through /proc or /dev/fd (as /dev/stdout does) to an open descriptor."""
    return _descriptor_path(path) is not None


def _descriptor_path(path: str) -> str | None:
    """The /proc or /dev/fd path that `path` leads to through its links, or None."""
    at = os.path.abspath(path)
    for _ in range(40):
        if at.startswith(("/proc/", "/dev/fd/")):
            return at
        try:
            link = os.readlink(at)
        except OSError:
            return None
        at = os.path.normpath(os.path.join(os.path.dirname(at), link))
    return None


def _own_descriptor(path: str) -> int | None:
    """The descriptor of this process that `path` names (/dev/stdout is 1), or None."""
    import re

    at = _descriptor_path(path)
    found = re.fullmatch(r"/(?:proc/(?:self|thread-self|(\d+))|dev)/fd/(\d+)", at or "")
    if found is None or (found.group(1) and int(found.group(1)) != os.getpid()):
        return None
    fd = int(found.group(2))
    try:
        os.fstat(fd)
    except OSError:
        return None
    return fd


def _write_to_descriptor(fd: int, data: bytes) -> None:
    """Write to a stream this process already has open, where it stands: after what the shell wrote before,
    appending where the shell appends (`>>`). Reopening /dev/stdout would start again at offset 0."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _write_through(path: str, data: bytes) -> None:
    fd = _own_descriptor(path)
    try:
        if fd is not None:
            return _write_to_descriptor(fd, data)
        # Without blocking, so a FIFO nobody reads is refused (ENXIO) instead of hanging; then blocking writes.
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except OSError as error:
        raise WriteError(path, error.strerror or str(error)) from None


def _replace(path: str, target: Path, data: bytes, info) -> None:
    token = secrets.token_hex(4)
    temporary = target.parent / f".{target.name}.{token}.tmp"
    if len(os.fsencode(temporary.name)) > _NAME_MAX:  # a long (legal) name would make an illegal temporary one
        temporary = target.parent / f".inl.{token}.tmp"
    made = False
    try:
        # 0o666 less the umask, as any new file; mkstemp's private 0o600 would stay on the result.
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        except PermissionError:
            if info is None:
                raise
            return _write_in_place(target, data)  # a writable file in a folder that takes no new file
        made = True
        with os.fdopen(fd, "wb") as out:
            if info is not None:
                _keep_owner_and_mode(out.fileno(), info)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        if made:
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise WriteError(path, error.strerror or str(error)) from None
        raise


def _write_in_place(target: Path, data: bytes) -> None:
    """Replace the file's contents where it is, as `>` does: for a file the user may write in a folder where
    they may not create the temporary file. Not whole-or-nothing, so only when the temporary cannot be made."""
    with open(target, "r+b") as out:
        out.write(data)
        out.truncate()
        out.flush()
        os.fsync(out.fileno())


def _keep_owner_and_mode(fd: int, info) -> None:
    try:
        os.fchown(fd, info.st_uid, info.st_gid)
    except OSError:
        pass  # only root may give a file away; the mode is still kept
    os.fchmod(fd, stat.S_IMODE(info.st_mode))


class _signals_raise:
    """While a file is written, SIGTERM and SIGHUP raise (so the temporary file is removed), then act as before."""

    def __enter__(self):
        self.previous = {}
        try:
            for name in _SIGNALS:
                number = getattr(signal, name, None)
                # Only a signal that would end the process: an ignored one (nohup) or another handler stays.
                if number is not None and signal.getsignal(number) == signal.SIG_DFL:
                    self.previous[number] = signal.signal(number, self._raise)
        except ValueError:  # not the main thread: signals cannot be caught here
            self.previous = {}
        return self

    @staticmethod
    def _raise(number, _frame):
        raise _Stopped(number)

    def __exit__(self, kind, error, trace):
        for number, handler in self.previous.items():
            signal.signal(number, handler)
        if isinstance(error, _Stopped):
            os.kill(os.getpid(), error.number)  # the temporary file is gone; now end as the signal would have
        return False
