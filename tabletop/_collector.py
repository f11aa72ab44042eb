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
def collector_paused() -> Iterator[None]:
    """Run a batch with the collector off, switched back on after (if it was on)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
