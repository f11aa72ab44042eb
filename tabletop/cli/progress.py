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

#: ``advance(n, written=False)``: n more games on the bar (``written``: found already written, not played now)
Advance = Callable[..., None]


class GamesBar:
    """A context manager giving ``advance(n, written=False)``, or None when no bar is drawn.

    The games/s and the time left are this bar's own: the games played over the time since the bar began (``clock``).
    Found from outside: Rich's estimate, taken from a window of its samples, read a sweep's chunk-sized steps as
    a burst ("256 games/s, 0:00:24 left" when 73 games/s and 80 s were true). ``written``: games found already
    written (a resumed sweep), on the bar but not in the rate. The time taken is shown from the start, and until
    the first games are in, that the time left comes with them (found from outside: a sweep of chunks of 100,000
    games showed a bar at 0 and nothing else for as long as a chunk took).
    """

    def __init__(self, total: int, enabled: bool = True, minimum: int = 1, clock: Callable[[], float] | None = None):
        self.total = total
        self.enabled = enabled and total >= minimum and sys.stderr.isatty()
        self._bar: Any = None
        self._clock = clock

    def __enter__(self) -> Advance | None:
        if not self.enabled:
            return None
        import time

        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
        from rich.table import Column

        clock = self._clock or time.monotonic
        # the numbers are never cut or wrapped: on a narrow terminal the bar gives way, then the words of the last
        # column (found in testing: at 80 columns "0/1000000000" was cut to "0/…")
        self._bar = Progress(
            "[progress.description]{task.description}", BarColumn(),
            MofNCompleteColumn(table_column=Column(no_wrap=True)), _elapsed_column(),
            TextColumn("{task.fields[rate]}", table_column=Column(no_wrap=True)),
            TextColumn("{task.fields[left]}", table_column=Column(no_wrap=True, overflow="ellipsis")),
            console=Console(stderr=True), transient=True, get_time=clock,
        )
        self._bar.start()
        waiting = _("time left once the first games are done")
        task = self._bar.add_task(_("games"), total=self.total, rate="", left=waiting)
        bar, started, total = self._bar, clock(), self.total
        done = played = 0

        def advance(n: int, written: bool = False) -> None:
            nonlocal done, played
            done += n
            if not written:
                played += n
            seconds = clock() - started
            rate = played / seconds if seconds > 0 else 0.0
            bar.update(task, advance=n, rate=rate_words(rate),
                       left=left_words(total - done, rate) if played else waiting)

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
    return clock_words(games / rate)


def clock_words(seconds: float) -> str:
    """``0:01:20``; hours past a day go on counting (``72:01:05``): no word to translate."""
    whole = round(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _elapsed_column() -> Any:
    """The time since the bar began, as the time left is written (Rich's own says "3 days, 0:01:05" in English)."""
    from rich.progress import ProgressColumn, Task
    from rich.table import Column
    from rich.text import Text

    class Elapsed(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(clock_words(task.elapsed or 0.0), style="progress.elapsed")

    return Elapsed(table_column=Column(no_wrap=True))


__all__ = ["Advance", "GamesBar", "clock_words", "left_words", "rate_words"]
