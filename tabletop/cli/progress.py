"""The progress bar of long runs (``simulate``, ``sweep``): games done, games/s and time left, on stderr.

Drawn by Rich only when stderr is a terminal (a pipe or a log file gets
nothing) and the caller did not ask for quiet.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any
from ..lang import Domain

_, ngettext, N_ = Domain("cli").words()


class GamesBar:
    """A context manager giving ``advance(n)``, or None when no bar is drawn."""

    def __init__(self, total: int, enabled: bool = True, minimum: int = 1):
        self.total = total
        self.enabled = enabled and total >= minimum and sys.stderr.isatty()
        self._bar: Any = None

    def __enter__(self) -> Callable[[int], None] | None:
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(
            "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
        )
        self._bar.start()
        task = self._bar.add_task("games", total=self.total, rate="")
        bar = self._bar

        def advance(n: int) -> None:
            bar.advance(task, n)
            speed = bar.tasks[0].speed
            bar.update(task, rate=_("{rate} games/s").format(rate=f"{speed:,.0f}") if speed else "")

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
