"""Tension at breakdown, in words: a success that collapses its track says why,
and an override that leaves an open track at breakdown warns.

An open track whose tension sits at its breakdown threshold (a facilitator
can reopen one so) collapses on the next change there, a successful move
included; the rulings must never read "succeeds" and end in a collapse
without saying so.
"""

from __future__ import annotations

from ..lang import Domain

_, ngettext, N_ = Domain("engine").words()


def breakdown_warning(status: str, tension: int, breakdown_at: int, track_name: str) -> str | None:
    """A warning when a track is left open with its tension at breakdown, else None."""
    if status == "open" and tension >= breakdown_at:
        return _("warning: {track} is open with tension at breakdown ({tension}/{breakdown}): "
                 "unless its tension comes down first, the next change there collapses it").format(
            track=track_name, tension=tension, breakdown=breakdown_at)
    return None


__all__ = ["breakdown_warning"]
