"""A game being played: the live session (state, save writer, seats, clock) and
what it waits for, headless — the TUI draws it, a host will serve it to seats."""
