"""A seat's view (as the host sent it) in words: the board, the card, a team's own, the control cell's.

Everything here came over the network: every string goes through
:func:`~tabletop.content.literal.literal` and into a ``Text`` (never markup),
and a missing or odd field shows as nothing rather than a traceback.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from rich.text import Text

from ..content.literal import literal
from ..engine.wording import status_word
from ..play.clock import clock_text
from ..play.commitments import check_reveal, short
from ..seats.views import SEALED_LINE

#: time up reads the same on every theme, and in words (never colour alone), as on the hot seat
TIME_UP_STYLE = "bold #000000 on #ffd700"


def _s(value: Any) -> str:
    return literal(value, lines=False) if value is not None else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _map(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def actor_names(view: Mapping[str, Any]) -> dict[str, str]:
    """Actor id -> name, from the view's game facts."""
    return {_s(a.get("id")): _s(a.get("name")) for a in _list(_map(view.get("game")).get("actors")) if isinstance(a, Mapping)}


def headline(view: Mapping[str, Any], gone: float = 0.0) -> Text:
    """``Round 2/6 · moves phase · sealed moves  time 04:12`` (``PAUSED`` first while paused).

    ``gone``: seconds since the view came; the phase timer runs on between views unless paused.
    """
    game = _map(view.get("game"))
    out = Text(f"{_s(game.get('name'))}  ", style="bold")
    if game.get("over"):
        out.append(f"GAME OVER \u2014 {_s(game.get('end_reason'))}", style="bold reverse")
        return out
    clock = _map(view.get("clock"))
    if clock.get("paused"):
        out.append(" PAUSED ", style="bold reverse")
        out.append("  ")
    out.append(f"Round {_s(game.get('round'))}/{_s(game.get('rounds'))} \u00b7 {_s(game.get('phase'))} phase")
    if game.get("sealed_moves"):
        out.append(" \u00b7 sealed moves", style="italic")
    out.append_text(timer_text(clock, gone))
    return out


def timer_text(clock: Mapping[str, Any], gone: float = 0.0) -> Text:
    """The phase timer: ``  time 04:12``, ``  TIME UP`` (in words and colour), or nothing for a phase without one."""
    left = clock.get("left")
    if not isinstance(left, (int, float)) or isinstance(left, bool):
        return Text()
    now = left if clock.get("paused") else max(0.0, left - max(gone, 0.0))
    if now <= 0:
        return Text.assemble("  ", (" TIME UP ", TIME_UP_STYLE))
    return Text(f"  time {clock_text(math.ceil(now))}", style="bold" if now <= 60 else "")


def tracks_text(view: Mapping[str, Any], large: bool = False) -> Text:
    """Every track: its rung, a ladder gauge, tension against breakdown, and its status (in words, not colour)."""
    out = Text()
    board = _map(view.get("board"))
    for t in _list(board.get("tracks")):
        if not isinstance(t, Mapping):
            continue
        top = t.get("top") if isinstance(t.get("top"), int) else 0
        pos = t.get("position") if isinstance(t.get("position"), int) else 0
        # plain ASCII: a browser's font (tabletop serve) may lack the hot seat's gauge glyphs
        gauge = "[" + "=" * max(pos, 0) + "-" * max(top - pos, 0) + "]"
        status = status_word(_s(t.get("status")), bool(t.get("provisional")), loud=True)  # a mark and a word
        out.append(f"{_s(t.get('name'))}\n", style="bold underline" if large else "bold")
        out.append(f"  {gauge}  {_s(t.get('rung'))}  \u00b7  tension {_s(t.get('tension'))}/{_s(t.get('breakdown_at'))}"
                   f"  \u00b7  {status}\n")
    meters = [f"{_s(m.get('name'))} {_s(m.get('value'))}" for m in _list(board.get("meters")) if isinstance(m, Mapping)]
    if meters:
        out.append("Meters: " + " \u00b7 ".join(meters) + "\n", style="bold" if large else "")
    return out


def card_text(view: Mapping[str, Any]) -> Text:
    """The card on the table (the control note only in the facilitator's view: the host sends it to no one else)."""
    card = _map(_map(view.get("board")).get("card"))
    if not card:
        return Text("No card on the table.", style="dim")
    out = Text(f"{_s(card.get('title'))}\n", style="bold")
    out.append(f"{literal(card.get('text'))}\n")
    effects = _s(card.get("effects"))
    if effects:
        out.append(f"Effects: {effects}\n", style="italic")
    for i, choice in enumerate(_list(card.get("choices")), 1):
        if isinstance(choice, Mapping):
            out.append(f"  {i}. {_s(choice.get('label'))} \u2014 {_s(choice.get('effects'))}\n")
    if card.get("control_note"):
        out.append(f"Control note (facilitator only): {literal(card.get('control_note'))}\n", style="bold italic")
    return out


def log_text(view: Mapping[str, Any], lines: int = 12) -> Text:
    """The newest events in words (a sealed entry another team made says only that it was committed)."""
    out = Text()
    for line in _list(_map(view.get("board")).get("log"))[-lines:]:
        if not isinstance(line, Mapping):
            continue
        out.append(f"{_s(line.get('seq')):>4} ", style="dim")
        out.append(_s(line.get("text")))
        changes = [_s(c) for c in _list(line.get("changes"))]
        if changes:
            out.append(f"  ({'; '.join(changes)})", style="dim")
        out.append("\n")
    return out


def dice_text(view: Mapping[str, Any]) -> Text:
    """The latest roll, as it landed (from the log's newest roll line)."""
    for line in reversed(_list(_map(view.get("board")).get("log"))):
        if isinstance(line, Mapping) and line.get("kind") == "roll":
            return Text(f"Dice: {_s(line.get('text'))}", style="bold")
    return Text()


def own_text(view: Mapping[str, Any]) -> Text:
    """A team's own: what it may still spend, its objectives (secret ones too) and its sealed entries."""
    own = _map(view.get("own"))
    if not own:
        return Text()
    resources = ", ".join(f"{_s(k)} {_s(v)}" for k, v in _map(own.get("resources")).items())
    out = Text("Your team\n", style="bold")
    out.append(f"  Resources: {resources or 'none'} \u00b7 actions left: {_s(own.get('actions_left'))}\n")
    for o in _list(own.get("objectives")):
        if isinstance(o, Mapping):
            mark = "[x] met" if o.get("met") else "[ ] not yet"
            secret = " (secret)" if o.get("secret") else ""
            out.append(f"  Objective{secret}: {_s(o.get('text'))} \u2014 {mark}\n")
    for e in _list(own.get("sealed")):
        if isinstance(e, Mapping):
            where = f" on {_s(e.get('track'))}" if e.get("track") else ""
            state = "revealed" if e.get("revealed") else "sealed, only you see it"
            out.append(f"  Your sealed move: {_s(e.get('move'))}{where} ({state})\n", style="italic")
    return out


def control_text(view: Mapping[str, Any]) -> Text:
    """The control cell's own: who is connected, the bots, every team's objectives and resources."""
    control = _map(view.get("control"))
    if not control:
        return Text()
    names = actor_names(view)
    out = Text("Control\n", style="bold")
    connected = ", ".join(_s(c) for c in _list(control.get("connected"))) or "nobody"
    out.append(f"  Connected: {connected}\n")
    bots = ", ".join(f"{names.get(_s(a), _s(a))}: {_s(p)}" for a, p in _map(control.get("bots")).items())
    if bots:
        out.append(f"  Bots: {bots}\n")
    resources = _map(control.get("resources"))
    for actor, rows in _map(control.get("objectives")).items():
        spend = ", ".join(f"{_s(k)} {_s(v)}" for k, v in _map(resources.get(actor)).items())
        out.append(f"  {names.get(_s(actor), _s(actor))} ({spend})\n", style="bold")
        for o in _list(rows):
            if isinstance(o, Mapping):
                mark = "[x]" if o.get("met") else "[ ]"
                out.append(f"    {mark} {_s(o.get('text'))}{' (secret)' if o.get('secret') else ''}\n")
    return out


def seals_text(view: Mapping[str, Any], seen: dict[int, str]) -> Text:
    """Commitments made this round, the reveal (each entry checked against the commitment this seat saw), the chain head.

    ``seen``: the commitments this screen has been shown so far, by event;
    updated here, so a reveal is checked against what was shown before it.
    """
    seals = _map(view.get("seals"))
    names = actor_names(view)
    out = Text()
    for c in _list(seals.get("committed")):
        if isinstance(c, Mapping) and isinstance(c.get("seq"), int) and isinstance(c.get("commitment"), str):
            seen.setdefault(c["seq"], c["commitment"])
            out.append(f"  {names.get(_s(c.get('actor')), _s(c.get('actor')))} {SEALED_LINE} "
                       f"\u2014 commitment {short(_s(c.get('commitment')))}\n")
    reveal = [r for r in _list(seals.get("reveal")) if isinstance(r, Mapping)]
    if reveal:
        out.append("Reveal of the sealed moves\n", style="bold")
    for r in reveal:
        entry = _map(r.get("entry"))
        ok = check_reveal(dict(r), seen) if r.get("seq") in seen else None
        mark = {True: "matches its commitment", False: "DOES NOT MATCH its commitment",
                None: "(commitment not seen here)"}[ok]
        where = f" on {_s(entry.get('track'))}" if entry.get("track") else ""
        out.append(f"  {names.get(_s(entry.get('actor')), _s(entry.get('actor')))}: {_s(entry.get('move'))}{where} "
                   f"\u2014 {mark}\n", style="" if ok is not False else "bold reverse")
    head = _map(seals.get("head"))
    if head:
        out.append(f"Chain head after event {_s(head.get('events'))}: {_s(head.get('chain'))} "
                   "\u2014 note it in the minutes\n", style="bold")
    return out


def prompt_text(view: Mapping[str, Any]) -> Text:
    """What the seat is asked now, or whom the game waits on."""
    return Text(_s(_map(view.get("decision")).get("prompt")), style="bold")


def entries(view: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The decision entries of the view that can be shown (each with an ``id`` and a ``label``)."""
    found = _list(_map(view.get("decision")).get("entries"))
    return [e for e in found if isinstance(e, Mapping) and isinstance(e.get("id"), str)]


def entry_label(number: int, entry: Mapping[str, Any]) -> Text:
    """An entry as the list shows it: numbered up to 9; refused: greyed, with the engine's reason."""
    label = Text(f"{number}. " if number <= 9 else "   ")
    label.append(_s(entry.get("label")))
    if entry.get("refusal"):
        label.stylize("dim")
        label.append(f"\n     x {_s(entry.get('refusal'))}", style="dim italic")
    return label


__all__ = [
    "actor_names",
    "card_text",
    "control_text",
    "dice_text",
    "entries",
    "entry_label",
    "headline",
    "timer_text",
    "log_text",
    "own_text",
    "prompt_text",
    "seals_text",
    "tracks_text",
]
