"""The scenario a worker process holds, built once from its data, and a task run against it.

Shared by the process pool and the Dask worker plugin (:mod:`.cluster`,
:mod:`.clusterplugin`): a task names the scenario by the hash of its data
and never carries the data itself.
"""

from __future__ import annotations

import hashlib
import json
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


def run(fn: TaskFn, sha: str, task: Any) -> Any:
    """``fn`` on the held scenario and ``task``."""
    return fn(_SCENARIOS[sha], task)
