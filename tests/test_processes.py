"""Other processes: forks that share the parent's memory and its work."""

import pytest

from generator.processes import in_own_process, shared_between_forks, start_in_fork


def test_a_fork_and_its_parent_share_items_out_each_once():
    items = shared_between_forks(list(range(500)))
    theirs = start_in_fork(list, items)
    mine = list(items)
    assert sorted(mine + theirs()) == list(range(500))


def test_the_fork_sees_the_parents_memory_and_returns_its_result():
    large = {"documents": list(range(100_000))}  # not pickled to reach the child
    assert start_in_fork(lambda: sum(large["documents"]))() == sum(range(100_000))


def test_an_error_in_the_fork_is_raised_by_its_result():
    def failing():
        raise ValueError("in the fork")

    result = start_in_fork(failing)
    with pytest.raises(ValueError, match="in the fork"):
        result()


def test_an_error_that_does_not_pickle_comes_back_as_its_traceback():
    class Unpicklable(Exception):
        def __reduce__(self):
            raise TypeError("not this one")

    def failing():
        raise Unpicklable("kept in the traceback")

    with pytest.raises(RuntimeError, match="kept in the traceback"):
        start_in_fork(failing)()


def test_a_function_runs_in_a_process_of_its_own():
    import os

    assert in_own_process(os.getpid) != os.getpid()


def test_a_process_of_its_own_may_fork_though_it_watches_its_parent():
    """The stages a build runs in processes of their own (generating; MkDocs) fork their workers
    and their renderer: the thread that ends the process with its parent holds no lock."""
    import threading

    from generator.processes import forking_is_safe

    assert in_own_process(threading.active_count) == 2
    assert in_own_process(forking_is_safe)


def test_a_function_runs_meanwhile_in_this_process():
    import os

    here = []
    assert in_own_process(os.getpid, meanwhile=lambda: here.append(os.getpid())) != os.getpid()
    assert here == [os.getpid()]


def test_a_spawned_worker_logs_as_its_parent_does(capfd, monkeypatch):
    import logging

    import generator.processes

    monkeypatch.setattr(generator.processes, "forking_is_safe", lambda: False)
    root = logging.getLogger()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("parent-format %(levelname)s %(message)s"))
    monkeypatch.setattr(root, "handlers", [handler])
    monkeypatch.setattr(logging.getLogger("reportsite"), "level", logging.INFO)
    with generator.processes.process_pool(1) as pool:
        pool.submit(_log_a_line).result()
    assert "parent-format INFO read in a spawned worker" in capfd.readouterr().err


def _log_a_line() -> None:
    import logging

    logging.getLogger("reportsite").info("read in a spawned worker")


_ORPHANED_POOL = """
import os, sys, time
from generator.processes import process_pool, start_in_fork
pool = process_pool(1)
worker = pool.submit(os.getpid).result()
start_in_fork(time.sleep, 60)
print(worker, flush=True)
time.sleep(60)
"""


def test_workers_end_when_the_build_is_killed():
    import os
    import signal
    import subprocess
    import sys
    import time

    build = subprocess.Popen([sys.executable, "-c", _ORPHANED_POOL], stdout=subprocess.PIPE, text=True)
    worker = int(build.stdout.readline())
    children = [int(pid) for pid in open(f"/proc/{build.pid}/task/{build.pid}/children").read().split()]
    assert worker in children and len(children) >= 2  # the pool's worker and the fork
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(map(_running, children)):
        time.sleep(0.1)
    assert not [pid for pid in children if _running(pid)]


def _running(pid: int) -> bool:
    """Whether the process runs (an ended one no parent reaped yet is a zombie: state Z)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
