"""Python's cycle collector paused around a batch of work that makes many objects and no garbage cycles.

Importing tabletop, reading a save, playing a chunk of bot games: each makes
tens of thousands of objects that live on (modules, classes, events, states)
and form no reference cycles, so the collector's passes over them find
nothing. Reference counting still frees whatever dies meanwhile.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, for_good: bool = False) -> Iterator[None]:
    """Run a batch with the collector off, switched back on after (if it was on).

    Switched back on, the collector's next pass walks everything the batch made, at once. ``for_good``: what
    the batch makes lives as long as the process (a program's own modules, in a process that is the program):
    it is moved out of the collector's sight (:func:`gc.freeze`) instead. At the start of ``tabletop play``
    that pass walked the screens' modules and Textual's, ~36,000 objects, ~12 ms before the first board
    (benchmarks/README.md, stop 53). Never for a library's import: freezing takes the caller's objects too.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if for_good:
            gc.freeze()
        if was_on:
            gc.enable()
