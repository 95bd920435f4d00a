"""Other processes for a build: pools of workers, and forks that share its memory.

A build uses the machine's cores in two ways. Reading and extracting
documents goes to a pool of worker processes, which receive their work and
return their results pickled. Rendering pages goes to a forked process that
needs the whole linked corpus: forked, it sees this process's memory as it
is, and nothing is copied to it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def forking_is_safe() -> bool:
    """Whether this process may fork: the platform forks, and no other thread runs but a worker's
    watch on its parent (`end_with_parent`), which holds no lock.

    A forked child inherits other threads' locks (`make serve`'s server runs
    in a thread) in whatever state they were, and those threads not at all.
    """
    others = [thread for thread in threading.enumerate()
              if thread is not threading.current_thread() and thread.name != PARENT_WATCH]
    return "fork" in multiprocessing.get_all_start_methods() and not others


def process_pool(workers: int) -> ProcessPoolExecutor:
    """`workers` processes, forked where that is safe, spawned otherwise.

    A forked worker logs as this process does. A spawned one starts bare, so
    it is given this process's level and format: what it reads is reported
    (`make serve` spawns) as the rest of the build is.
    """
    if forking_is_safe():
        return ProcessPoolExecutor(workers, initializer=end_with_parent, initargs=(os.getpid(),))
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_spawned_worker, initargs=(os.getpid(), *_logging_here()))


def end_with_parent(parent: int) -> None:
    """End this process when `parent`, the process that started it, ends, however it ends.

    A pool's workers wait for work that only their parent sends: a parent
    killed outright (`kill -9`, out of memory) would leave them waiting
    forever, holding their memory. Orphaned, a process is handed to another
    parent; a thread watching for that ends it. The parent's id is taken
    before the start: a parent killed while its child starts is gone already.
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name=PARENT_WATCH, daemon=True).start()


#: The name of the thread that ends a worker with its parent.
PARENT_WATCH = "end-with-parent"

#: How often a worker looks whether its parent still runs.
PARENT_POLL_SECONDS = 0.5


def _spawned_worker(parent: int, level: int, format: str | None) -> None:
    end_with_parent(parent)
    _log_as(level, format)


def _logging_here() -> tuple[int, str | None]:
    """This process's log level for the build, and the format of its first handler."""
    # The format string, not the formatter: a formatter may hold a terminal
    # stream (pytest's does), which does not pickle across to the worker.
    formats = [handler.formatter._fmt for handler in logging.getLogger().handlers if handler.formatter]
    return logging.getLogger("reportsite").getEffectiveLevel(), next(iter(formats), None)


def _log_as(level: int, format: str | None) -> None:
    logging.basicConfig(level=level, format=format or logging.BASIC_FORMAT)


def in_own_process(function: Callable[..., T], *args: Any, meanwhile: Callable[[], Any] | None = None) -> T:
    """`function(*args)`, run in a process of its own: the memory it takes goes back when it ends.
    `meanwhile()` runs in this process while it does."""
    with process_pool(1) as pool:
        running = pool.submit(function, *args)
        if meanwhile:
            meanwhile()
        return running.result()


def start_in_fork(function: Callable[..., T], *args: Any) -> Callable[[], T]:
    """Start `function(*args)` in a forked process; returns what waits for its result.

    The arguments are not copied: the child sees this process's memory as it
    was at the fork. Only the result (or the exception) comes back, pickled.
    """
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    parent = os.getpid()

    def run() -> None:
        end_with_parent(parent)
        try:
            outcome = (True, function(*args))
        except BaseException as error:  # raised again in the parent
            outcome = (False, error)
        try:
            sending.send(outcome)
        except Exception:  # a result or an exception that does not pickle: its traceback does
            failure = outcome[1] if not outcome[0] else sys.exc_info()[1]
            sending.send((False, RuntimeError("".join(traceback.format_exception(failure)))))

    child = context.Process(target=run, daemon=True)
    child.start()
    sending.close()

    def result() -> T:
        try:
            succeeded, value = receiving.recv()
        except EOFError:
            child.join()
            raise RuntimeError(f"a forked build process ended with exit code {child.exitcode}") from None
        child.join()
        if not succeeded:
            raise value
        return value

    return result


def shared_between_forks(items: list[T]) -> Iterator[T]:
    """The items, shared out between this process and those it forks afterwards.

    Each process that iterates takes the next item no process has taken yet,
    so none waits while another has several left.
    """
    # Made now, before the forks, so that they all count on the one number.
    taken = multiprocessing.get_context("fork").Value("i", 0)

    def take() -> Iterator[T]:
        while True:
            with taken.get_lock():
                position = taken.value
                taken.value += 1
            if position >= len(items):
                return
            yield items[position]

    return take()
