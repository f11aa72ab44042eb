"""The scenario a worker process holds, built once from its data, and a task run against it.

Shared by the process pool and the Dask worker plugin (:mod:`.cluster`,
:mod:`.clusterplugin`): a task names the scenario by the hash of its data
and never carries the data itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from ..content import Scenario, scenario_from_data

TaskFn = Callable[[Scenario, Any], Any]

#: the scenarios this process holds, by the hash of their data
_SCENARIOS: dict[str, Scenario] = {}


def data_sha(embedded: dict[str, Any]) -> str:
    """The hash a scenario's data is known by on the workers."""
    return hashlib.sha256(json.dumps(embedded, sort_keys=True).encode()).hexdigest()[:16]


def keep(sha: str, embedded: dict[str, Any]) -> None:
    """Build and hold the scenario (once per process)."""
    if sha not in _SCENARIOS:
        _SCENARIOS[sha] = scenario_from_data(embedded)


def keep_in_pool(sha: str, embedded: dict[str, Any], parent: int) -> None:
    """A pool worker's start: hold the scenario, and end with the process that started it.

    A sweep killed with SIGKILL must not leave its workers playing on for
    nobody: on Linux the kernel sends them SIGKILL too (``PR_SET_PDEATHSIG``).
    """
    die_with_parent(parent)
    keep(sha, embedded)


def die_with_parent(parent: int) -> None:
    """End this pool worker when ``parent``, the process that started it, ends (on Linux; a kill -9 too)."""
    if not sys.platform.startswith("linux") or parent == os.getpid():  # in the parent itself (a pool stand-in)
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # without it, a worker ends when it next reads from its dead parent
    if os.getppid() != parent:  # the parent died before the call: nothing will send the signal
        os._exit(1)


def run(fn: TaskFn, sha: str, task: Any) -> Any:
    """``fn`` on the held scenario and ``task``."""
    return fn(_SCENARIOS[sha], task)
