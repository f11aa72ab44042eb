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
    """A context manager giving ``advance(n)``, or None when no bar is drawn.

    The games/s and the time left are this bar's own: the games done over the time since the bar began (``clock``).
    Found from outside: Rich's estimate, taken from a window of its samples, read a sweep's chunk-sized steps as
    a burst ("256 games/s, 0:00:24 left" when 73 games/s and 80 s were true).
    """

    def __init__(self, total: int, enabled: bool = True, minimum: int = 1, clock: Callable[[], float] | None = None):
        self.total = total
        self.enabled = enabled and total >= minimum and sys.stderr.isatty()
        self._bar: Any = None
        self._clock = clock

    def __enter__(self) -> Callable[[int], None] | None:
        if not self.enabled:
            return None
        import time

        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        clock = self._clock or time.monotonic
        self._bar = Progress(
            "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[left]}"),
            console=Console(stderr=True), transient=True,
        )
        self._bar.start()
        task = self._bar.add_task(_("games"), total=self.total, rate="", left="")
        bar, started, total = self._bar, clock(), self.total
        done = 0

        def advance(n: int) -> None:
            nonlocal done
            done += n
            seconds = clock() - started
            rate = done / seconds if seconds > 0 else 0.0
            bar.update(task, advance=n, rate=rate_words(rate), left=left_words(total - done, rate))

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def rate_words(rate: float) -> str:
    """``73 games/s`` (no thousands separator: a Russian reader takes "4,107" for four point one); empty at 0."""
    return _("{rate} games/s").format(rate=f"{rate:.0f}") if rate > 0 else ""


def left_words(games: int, rate: float) -> str:
    """The time left at ``rate``, ``0:01:20``; empty while no rate is known."""
    if rate <= 0 or games < 0:
        return ""
    seconds = round(games / rate)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


__all__ = ["GamesBar", "left_words", "rate_words"]
