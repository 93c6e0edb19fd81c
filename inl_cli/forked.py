"""`[function(item) for item in items]`, with a forked process doing the second half on a spare core.

Loading hundreds of program files is CPU work that one Python process does on one core. A forked child
shares the loaded modules at no cost, works through its half, and sends its results back pickled
through a pipe while this process works through the first half. Whatever goes wrong on that side (no
fork on this system, one core, threads running, a child that fails or dies) ends in this process doing
the child's half itself, so the answer never depends on the child. `INL_JOBS=1` (or 0) turns it off.
"""
from __future__ import annotations

import os
import sys

MIN_ITEMS = 48
"""Fewer items than this are done here: a fork and a pickle cost more than a few dozen files take."""


def _spare_core() -> bool:
    if os.environ.get("INL_JOBS", "").strip() in ("0", "1") or not hasattr(os, "fork"):
        return False
    threading = sys.modules.get("threading")  # never imported: no threads to worry about
    if threading is not None and threading.active_count() > 1:  # a fork copies only this thread
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):
        return (os.cpu_count() or 1) > 1


def map_split(function, items: list, min_items: int = MIN_ITEMS) -> list:
    """The results of `function` over `items`, in order; the second half computed in a child process when
    there are at least `min_items` and a spare core. The results must pickle."""
    if len(items) < min_items or not _spare_core():
        return [function(item) for item in items]
    import pickle

    half = len(items) // 2
    head, tail = items[:half], items[half:]
    receive, send = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(receive)
        os.close(send)
        return [function(item) for item in items]
    if pid == 0:
        _child(lambda: pickle.dumps([function(item) for item in tail], protocol=pickle.HIGHEST_PROTOCOL),
               receive, send)
    os.close(send)
    waited = False
    try:
        with open(receive, "rb") as pipe:
            results = [function(item) for item in head]
            data = pipe.read()
        status = os.waitpid(pid, 0)[1]
        waited = True
        if status == 0:
            try:
                theirs = pickle.loads(data)
            except Exception:  # noqa: BLE001  a half-written answer: done here instead
                theirs = None
            if isinstance(theirs, list) and len(theirs) == len(tail):
                return results + theirs
        return results + [function(item) for item in tail]
    finally:
        if not waited:  # interrupted here (Ctrl-C, an error): the child is of no more use
            import signal

            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):  # already reaped, in the moment before `waited`
                pass


def _child(work, receive: int, send: int):
    """The child's whole life: it never returns, never runs the program's exit handlers or flushes its
    buffers, and writes nothing to the terminal. Its stdout and stderr go to /dev/null at once, so that if
    this process is killed, whoever reads this process's output is not kept waiting by the child."""
    status = 1
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(receive)
        data = work()
        with open(send, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)
