"""Seats: one game on many screens (DESIGN section 9), headless.

The host holds the one engine state and the save; each seat (the
facilitator, a team, the projector, an observer) sees a view redacted for
it, over WebSockets with JSON messages (:mod:`.protocol`). Nothing here
imports Textual: the join client's screens sit above, in ``tabletop.tui``.
"""
