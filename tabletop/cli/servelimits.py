"""What a served page lets the room's network take: screens at once, in all and from one address, and the
seconds a connection has to send its request (found from outside: a hostile participant started screens
without limit, and held connections open a byte a second). ``serve``'s options name them; :mod:`.serveroom`
keeps to them. A module of its own so that ``tabletop --help`` imports no web server."""

from __future__ import annotations

#: screens serve runs at once unless ``--max-screens`` says otherwise: more than a room's seats (its teams, the
#: projector, observers, a few reloads), and at some 50 MB each within a laptop's memory
MAX_SCREENS = 40

#: screens one address runs at once unless ``--max-screens-per-address`` says otherwise: a laptop with a few tabs
MAX_SCREENS_PER_ADDRESS = 8

#: seconds a connection has to send its whole request (a browser sends it at once); an idle kept-alive connection
#: is closed after as long (the browser opens another)
REQUEST_DEADLINE = 5.0

#: what every page serve sends starts with, so that a phone lays it out at its own width, not a desktop's 980 px
#: shrunk to unreadable 6 px type (found from outside, a class joining from phones: the room's page and the page
#: that says the room's screens are all in use)
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'  # untranslated: markup

__all__ = ["MAX_SCREENS", "MAX_SCREENS_PER_ADDRESS", "REQUEST_DEADLINE", "VIEWPORT"]
