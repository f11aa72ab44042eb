"""Deterministic randomness keyed by (game seed, stream index).

Each chance event draws from its own ``random.Random`` seeded with a string,
which CPython hashes with SHA-512: the same in every process, whatever
PYTHONHASHSEED says. The engine keeps no RNG object in its state, only the
index of the next stream, so states stay plain values.
"""

from __future__ import annotations

import random
from collections.abc import Sequence


def _stream(seed: int, index: int) -> random.Random:
    return random.Random(f"tabletop/{seed}/{index}")


def shuffle(seed: int, index: int, items: Sequence[str]) -> tuple[str, ...]:
    out = list(items)
    _stream(seed, index).shuffle(out)
    return tuple(out)


def roll_2d6(seed: int, index: int) -> tuple[int, int]:
    r = _stream(seed, index)
    return r.randint(1, 6), r.randint(1, 6)


def derive_seed(master: int, index: int) -> int:
    """A game's seed from a simulation's master seed and the game's index."""
    return _stream(master, -1 - index).getrandbits(63)
