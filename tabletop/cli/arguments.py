"""Argument types more than one command uses."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from ..lang import Domain

_, ngettext, N_ = Domain("cli").words()


def _whole(minimum: int, what: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(_("expected a whole number, got '{text}'").format(text=text)) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(_(what).format(minimum=minimum, value=value))
        return value

    return parse


_positive = _whole(1, N_("must be {minimum} or more, got {value}"))
_seed = _whole(0, N_("a seed must be {minimum} or more, got {value}"))
