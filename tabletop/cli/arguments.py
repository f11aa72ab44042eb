"""Argument types more than one command uses."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from ..content.numbers import LONGEST_NUMBER, MOST_SEED
from ..lang import Domain

_, ngettext, N_ = Domain("cli").words()


def _whole(minimum: int, what: str, maximum: Callable[[int], str | None] | None = None) -> Callable[[str], int]:
    """A whole number of at least ``minimum``; ``maximum(value)`` says what is wrong with one too big."""

    def parse(text: str) -> int:
        digits = text.strip().lstrip("+-")
        if len(digits) > LONGEST_NUMBER and digits.isdigit():  # past what int() reads, and past any use
            raise argparse.ArgumentTypeError(ngettext("a whole number of {digits} digit is far too large",
                                                      "a whole number of {digits} digits is far too large",
                                                      len(digits)).format(digits=len(digits)))
        try:
            value = int(text)
        except ValueError:
            shown = text if len(text) <= LONGEST_NUMBER else text[:LONGEST_NUMBER] + "\u2026"
            raise argparse.ArgumentTypeError(_("expected a whole number, got '{text}'").format(text=shown)) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(_(what).format(minimum=minimum, value=value))
        too_big = maximum(value) if maximum is not None else None
        if too_big is not None:
            raise argparse.ArgumentTypeError(too_big)
        return value

    return parse


#: worker processes per core a machine is given at most: more only wait for a core, each with its own memory
WORKERS_PER_CORE = 4


def too_many_workers(value: int) -> str | None:
    """What is wrong with ``value`` worker processes on this machine, or None."""
    from ..sim.runner import default_workers  # the machine's cores (imported by the commands that take workers)

    cores = default_workers()
    most = WORKERS_PER_CORE * cores
    if value <= most:
        return None
    # two numbers, each with its noun: the machine's cores in a phrase of their own
    each = ngettext("{per} for its one core", "{per} for each of its {cores} cores", cores).format(
        per=WORKERS_PER_CORE, cores=cores)
    return ngettext("{value} worker process is too many for this machine: at most {most} ({each}; each worker is a "
                    "process with its own memory)",
                    "{value} worker processes is too many for this machine: at most {most} ({each}; each worker is a "
                    "process with its own memory)", value).format(value=value, most=most, each=each)


def _too_many_games(value: int) -> str | None:
    from ..content.sweepspec import MOST_GAMES  # a sweep file's bound (not imported by a game's start)

    if value <= MOST_GAMES:
        return None
    return _("must be at most {most}, got {value}").format(most=MOST_GAMES, value=value)


_positive = _whole(1, N_("must be {minimum} or more, got {value}"))
_games = _whole(1, N_("must be {minimum} or more, got {value}"), _too_many_games)
_workers = _whole(1, N_("must be {minimum} or more, got {value}"), too_many_workers)


def _too_big_a_seed(value: int) -> str | None:
    return _("a seed must be at most {most}").format(most=MOST_SEED) if value > MOST_SEED else None


_seed = _whole(0, N_("a seed must be {minimum} or more, got {value}"), _too_big_a_seed)
