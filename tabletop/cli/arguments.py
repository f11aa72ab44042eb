"""Argument types more than one command uses."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def _whole(minimum: int, what: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{what} {minimum} or more, got {value}")
        return value

    return parse


_positive = _whole(1, "must be")
_seed = _whole(0, "a seed must be")
