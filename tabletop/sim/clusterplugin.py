"""The Dask worker plugin that gives each worker the scenario once (and each worker that joins later)."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from .workerscenario import keep


class ScenarioPlugin(WorkerPlugin):
    """Builds the scenario from its data on a worker as it starts, before any task needs it."""

    def __init__(self, sha: str, embedded: dict[str, Any]):
        self.sha = sha
        self.embedded = embedded

    def setup(self, worker: Any) -> None:
        keep(self.sha, self.embedded)
