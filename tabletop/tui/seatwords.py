"""A seat's view (as the host sent it) in words: the board, the card, a team's own, the control cell's.

Everything here came over the network: every string goes through
:func:`~tabletop.content.literal.literal` and into a ``Text`` (never markup),
and a missing or odd field shows as nothing rather than a traceback.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from rich.cells import cell_len
from rich.text import Text

from ..content.literal import literal, one_line
from ..engine.telling import end_reason
from ..engine.wording import near_breakdown, once_word, status_word
from ..lang import LANGUAGES, Domain
from ..play.clock import clock_text
from ..play.commitments import check_reveal, short
from ..play.decisions import phase_name
from ..seats.checks import seat_name as named_seat
from ..store.players import policy_word, team_names as named_teams
from .decisionlist import pick_key, refused_under
from .text import phase_word
from .themes import DANGER  # a track near breakdown, in the board's style for it (the theme's, read on every theme)

_tui = Domain("tui")
_, ngettext, N_ = _tui.words()
pgettext = _tui.pgettext

#: time up reads the same on every theme, and in words (never colour alone), as on the hot seat
TIME_UP_STYLE = "bold #000000 on #ffd700"  # untranslated: a style
#: styles (never words)
LOUD, UNDERLINED, NOTED = "bold reverse", "bold underline", "bold italic"  # untranslated: styles


def _s(value: Any) -> str:
    return literal(value, lines=False) if value is not None else ""


def _text(value: Any) -> str:
    """A text of several lines (a description), every character visible; anything else: nothing."""
    return literal(value) if isinstance(value, str) else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _map(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def actor_names(view: Mapping[str, Any]) -> dict[str, str]:
    """Actor id -> name, from the view's game facts."""
    return _id_names(_map(view.get("game")).get("actors"))


def seat_name(seat: Any, view: Mapping[str, Any], teams: Mapping[str, str] | None = None) -> str:
    """A seat as the room calls it (``Russia``, ``Projector``, ``Observer 1``), not its id (``team:ru``); with
    ``teams`` (:func:`team_names`), a named team as the host's join lines call it: ``Delegation A (Russia)``."""
    return named_seat(_s(seat), actor_names(view), teams)


def team_names(header: Any, view: Mapping[str, Any]) -> dict[str, str]:
    """Actor id -> the name its team was given (``host --teams``), as the save's header records it: the host sends
    the facilitator the header in its welcome, and its join lines read the same. Typed text, kept as typed (on one
    line); none in a header that records none, or from a seat that is sent no header."""
    if not isinstance(header, Mapping):
        return {}
    return {actor: _s(team) for actor, team in named_teams(header, actor_names(view)).items()}


def _id_names(items: Any) -> dict[str, str]:
    """Id -> name of a list of ``{id, name}`` objects from the view."""
    return {_s(a.get("id")): _s(a.get("name")) for a in _list(items) if isinstance(a, Mapping)}


def _namer(items: Any) -> Any:
    """An id's name from a list of ``{id, name}`` of the view (the game's ``resources`` and ``moves``, the
    board's ``tracks``), or the id itself (an older host sends no names)."""
    found = _id_names(items)

    def name(value: Any) -> str:
        return found.get(_s(value)) or _s(value)

    return name


def _moves_and_tracks(view: Mapping[str, Any]) -> tuple[Any, Any]:
    return _namer(_map(view.get("game")).get("moves")), _namer(_map(view.get("board")).get("tracks"))


def _purse(view: Mapping[str, Any], purse: Any) -> str:
    """``capital 3, mandate Moscow 1``: what an actor holds, each resource by its name."""
    resource = _namer(_map(view.get("game")).get("resources"))
    return ", ".join(f"{resource(k)} {_s(v)}" for k, v in _map(purse).items())


#: the fewest cells a cut game name keeps in a headline (less would read as nothing: it is left out)
NAME_LEAST = 12


def headline(view: Mapping[str, Any], gone: float = 0.0, width: int | None = None, held: bool = False) -> Text:
    """``Round 2/6 · moves phase · sealed moves  time 04:12`` (``PAUSED`` first while paused, ``WAITING FOR THE
    FACILITATOR`` while the clock waits for the facilitator's console).

    ``gone``: seconds since the view came; the phase timer runs on between views unless paused.
    ``held``: the host is not answering, or the link to it is lost: the timer stands and says so (:func:`timer_text`).
    ``width``: the cells of its line. What does not fit gives way, the least needed first: the game's name is cut,
    then left out, then "sealed moves"; the round, the phase and the timer stay whole (found from outside: at 80
    columns a Russian team's headline put its timer on a second line).
    """
    game = _map(view.get("game"))
    name = _s(game.get("name"))
    if game.get("over"):
        out = Text(f"{name}  ", style="bold")
        # the engine's own reason in the seat's words (the save records it in English), a facilitator's as
        # typed, marked with the language it was typed in where this seat reads another (as the log line is)
        lang = game.get("end_lang")
        why = end_reason(_s(game.get("end_reason")), lang if lang in LANGUAGES else None)
        out.append(_("GAME OVER \u2014 {why}").format(why=_s(why)), style=LOUD)
        return out
    clock = _map(view.get("clock"))
    sealed = bool(game.get("sealed_moves"))
    whole = _headline(name, game, clock, gone, sealed, held)
    if width is None or whole.cell_len <= width:
        return whole
    nameless = _headline(None, game, clock, gone, sealed, held)
    room = width - nameless.cell_len - 2  # (2: the gap after the name)
    if room >= NAME_LEAST:
        cut = Text(name)
        cut.truncate(room - 1)  # (1: the ellipsis, after the word cut, not after a space)
        return _headline(cut.plain.rstrip() + "\u2026", game, clock, gone, sealed, held)
    if nameless.cell_len <= width or not sealed:
        return nameless
    return _headline(None, game, clock, gone, False, held)  # narrower still, it wraps: the timer is in it


#: a 3x5 dot font for the projector's round, read from across a room: each digit drawn in three rows of half blocks
#: (two dots a cell, a blank half row on top), three cells wide. Block elements fill their cells in a terminal and
#: in a browser alike; box-drawing lines (Textual's Digits) are drawn apart by a browser's font (found from outside:
#: in chromium the round's digit read as a stray bracket)
_DOTS = {  # untranslated: dot patterns
    "0": ("###", "#.#", "#.#", "#.#", "###"), "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"), "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"), "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"), "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"), "9": ("###", "#.#", "###", "..#", "###"),
}
_HALVES = {(False, False): " ", (True, False): "\u2580", (False, True): "\u2584", (True, True): "\u2588"}


def _big(dots: tuple[str, ...]) -> tuple[str, str, str]:
    rows = ("...", *dots)  # (the blank half row on top: the digit's foot on the label's last line)
    return tuple("".join(_HALVES[(upper[i] == "#", lower[i] == "#")] for i in range(3))  # type: ignore[return-value]
                 for upper, lower in zip(rows[::2], rows[1::2], strict=True))


#: each digit's three rows as drawn, three cells each
BIG_DIGITS: dict[str, tuple[str, str, str]] = {digit: _big(dots) for digit, dots in _DOTS.items()}


def round_badge(view: Mapping[str, Any]) -> Text:
    """The projector's round, for someone who walks in: the number in big digits, its word beside the top and the
    rounds beside the foot, in the seat's language::

        ▄▄▄ ▄▄▄  Round
        ▄▄█ █▄█
        █▄▄ █▄█  of 12

    Nothing when the view has no round."""
    game = _map(view.get("game"))
    number = str(game.get("round", ""))
    if not number.isdigit():
        return Text()
    rows = [" ".join(BIG_DIGITS[d][row] for d in number) for row in range(3)]
    rounds = _s(game.get("rounds"))
    labels = [_("Round"), "", _("of {rounds}").format(rounds=rounds) if rounds else ""]
    out = Text()
    for row, label in zip(rows, labels, strict=True):
        out.append(row)
        if label:
            out.append("  ")
            out.append(label)
        out.append("\n")
    out.rstrip()
    return out


def _headline(name: str | None, game: Mapping[str, Any], clock: Mapping[str, Any], gone: float,
              sealed: bool, held: bool = False) -> Text:
    """The headline of a game going on; ``name`` None: without the game's name (it gave way)."""
    out = Text(f"{name}  " if name is not None else "", style="bold")
    if clock.get("waiting"):  # held till the facilitator's console joins: the game is not paused (the teams act)
        out.append(" " + _("WAITING FOR THE FACILITATOR") + " ", style=LOUD)
        out.append("  ")
    elif clock.get("paused"):
        out.append(" " + _("PAUSED") + " ", style=LOUD)
        out.append("  ")
    phase = _s(game.get("phase"))
    timer = timer_text(clock, gone, phase, held)
    if timer:  # the phase beside its clock, «ходи: 06:58», not twice
        out.append(_("Round {round}/{rounds}").format(round=_s(game.get("round")), rounds=_s(game.get("rounds"))))
    else:
        out.append(_("Round {round}/{rounds} \u00b7 {phase} phase").format(
            round=_s(game.get("round")), rounds=_s(game.get("rounds")), phase=phase_name(phase)))
    if sealed:
        out.append(" \u00b7 " + _("sealed moves"), style="italic")
    out.append_text(timer)
    return out


def timer_text(clock: Mapping[str, Any], gone: float = 0.0, phase: str = "", held: bool = False) -> Text:
    """The phase timer: ``  moves: 04:12``, ``  moves:  TIME UP `` (in words and colour), or nothing for a phase without
    one. ``phase``: the phase it counts down, named as the hot seat's timer names it (found from outside: «час 06:58»
    alone, and a first-time team read it as the game's time).

    ``held``: the host is not answering, and the timer stands at the host's last known reading, saying so (found from
    outside: it counted down on its own while the host was frozen, then jumped back up when the host woke and gave
    the time back; a team watching its clock was misled); or the link to the host is lost (dropped, refused), and it
    stands at its reading then, saying so in the same words (found from outside: it stopped with no word why)."""
    left = clock.get("left")
    if not isinstance(left, (int, float)) or isinstance(left, bool):
        return Text()
    now = left if clock.get("paused") else max(0.0, left - max(gone, 0.0))

    def said(left: str) -> str:
        # Translators: the phase timer on a seat, «ходи: 06:58»; {phase} is the phase's word (moves, event, ...)
        return _("{phase}: {left}").format(phase=phase_word(phase), left=left) if phase else \
            _("time {left}").format(left=left)

    if now <= 0:
        return Text.assemble("  " + (said("") if phase else ""), (" " + _("TIME UP") + " ", TIME_UP_STYLE))
    out = Text("  " + said(clock_text(math.ceil(now))), style="bold" if now <= 60 else "")
    if held:
        # Translators: after a seat's phase timer while the host is not answering: the time stands still meanwhile
        out.append(" " + _("(held: waiting for the host)"), style="italic")
    return out


def tracks_text(view: Mapping[str, Any], large: bool = False, compact: bool = False, tight: bool = False,
                meters_named: bool = True, width: int | None = None) -> Text:
    """Every track: its rung, a ladder gauge, tension against breakdown, and its status (in words, not colour).

    ``compact``: a line a track, its rung's words left out (the gauge says how far it is): a narrow projector keeps
    the whole board so beside the card or the reveal (found from outside: at 80x24 the card was below the screen);
    ``tight`` too: tension as ``3/7`` without its word, which the panel's title says (:func:`tracks_legend`).
    ``meters_named``: the meters' line begins "Meters:"; without, a row of a 60-column projector goes to the card's
    text instead (the meters' own names say what they are). ``width``: the panel's inner width, so that a track's
    lines break between their parts, never inside one (:func:`_track_text`, :func:`_track_line`)."""
    out = Text()
    board = _map(view.get("board"))
    for t in _list(board.get("tracks")):
        if isinstance(t, Mapping):
            out.append_text(_track_line(t, large, tight, width) if compact or tight else _track_text(t, large, width))
    meters = [f"{_s(m.get('name'))} {_s(m.get('value'))}" for m in _list(board.get("meters")) if isinstance(m, Mapping)]
    if meters:
        said = " \u00b7 ".join(meters)
        out.append((_("Meters: {meters}").format(meters=said) if meters_named else said) + "\n",
                   style="bold" if large else "")
    return out


def track_place(view: Mapping[str, Any], track: str, width: int | None = None) -> tuple[Text, Text] | None:
    """Where ``track`` is in :func:`tracks_text` (a team's, not large, ``width`` wide): the words above it, and its own
    lines (None: no such track on the board). A screen works out from them which of its lines to keep in view."""
    above = Text()
    for t in _list(_map(view.get("board")).get("tracks")):
        if not isinstance(t, Mapping):
            continue
        own = _track_text(t, large=False, width=width)
        if t.get("id") == track:
            return above, own
        above.append_text(own)
    return None


def _track_parts(t: Mapping[str, Any]) -> tuple[str, str, str]:
    """A track's gauge, its tension in words and its status (a mark and a word), as a seat's panel says them."""
    top = t.get("top") if isinstance(t.get("top"), int) else 0
    pos = t.get("position") if isinstance(t.get("position"), int) else 0
    # plain ASCII: a browser's font (tabletop serve) may lack the hot seat's gauge glyphs
    gauge = "[" + "=" * max(pos, 0) + "-" * max(top - pos, 0) + "]"
    tension = _("tension {tension}/{breakdown}").format(tension=_s(t.get("tension")), breakdown=_s(t.get("breakdown_at")))
    return gauge, tension, status_word(_s(t.get("status")), bool(t.get("provisional")), loud=True)


def tension_numbers(t: Mapping[str, Any]) -> str:
    """A track's tension against its breakdown, ``3/8``."""
    return f"{_s(t.get('tension'))}/{_s(t.get('breakdown_at'))}"


def _near_breakdown(t: Mapping[str, Any]) -> bool:
    """Whether the board flags the track near breakdown (found from outside: the projector said "tension 6/7 · ○ OPEN"
    with no mark where the hot seat's board said "6/7 ⚠")."""
    tension, at = t.get("tension"), t.get("breakdown_at")
    return isinstance(tension, int) and isinstance(at, int) and near_breakdown(tension, at, t.get("status") == "open")


def _tension(t: Mapping[str, Any], said: str) -> Text:
    """A track's tension as ``said``, marked ⚠ in the board's red when near breakdown (a line with room for them says
    the board's words too: :func:`_track_text`)."""
    if not _near_breakdown(t):
        return Text(said)
    return Text(said + " \u26a0", style=DANGER)


#: how a track's second line is set in, and the line its parts go on to where the panel is too narrow for them
TRACK_INDENT = "  "
#: what parts a track's parts on one line: after its gauge, and between the others
PART_GAP, PART_DOT = "  ", "  \u00b7  "


def _track_text(t: Mapping[str, Any], large: bool, width: int | None = None) -> Text:
    """One track's two lines: its name, then its gauge, rung, tension and status.

    ``width``: the panel's inner width: the second line goes on under itself between its parts, never inside one
    ("напряжённость 3/8" whole), and a line never starts with "·" (found from outside: at 80x24 a Russian team's
    panel wrapped "│ ·  напряжённость 3/8  ·  ○ ОТКРЫТО │", a Ukrainian one "│ 3/6  ·  ○ ВІДКРИТО │"; the panel
    wraps its text between words, a non-breaking space included). A panel too narrow for "напряжённость 3/8" (the
    seat's least size, 60x16: 14 cells) says it as the hot seat's narrow column does, "напряж. 3/8", and the words
    near breakdown only where they have a line's room, the ⚠ always. A part wider than the panel still wraps inside
    itself, as it must."""
    gauge, tension, status = _track_parts(t)
    out = Text()
    out.append(f"{_s(t.get('name'))}\n", style=UNDERLINED if large else "bold")
    room = None if width is None else width - len(TRACK_INDENT)
    said = _tension(t, tension)
    if width is not None and said.cell_len > width:
        said = _tension(t, pgettext("a narrow column", "tension") + " " + tension_numbers(t))
    parts: list[tuple[str | Text, Text]] = [("", Text(gauge))]
    if _s(t.get("rung")):
        parts.append((PART_GAP, Text(_s(t.get("rung")))))
    parts.append((PART_DOT, said))
    near = _("NEAR BREAKDOWN at {breakdown}").format(breakdown=_s(t.get("breakdown_at")))
    if _near_breakdown(t) and (room is None or cell_len(near) <= room):  # the board's words, a part of their own
        parts.append((Text(" ", style=DANGER), Text(near, style=DANGER)))  # (a space joins one phrase)
    parts.append((PART_DOT, Text(status)))
    out.append_text(_parted(parts, width))
    out.append("\n")
    return out


def _parted(parts: list[tuple[str | Text, Text]], width: int | None, lead: str = TRACK_INDENT) -> Text:
    """``parts`` (each with what goes before it on a line: a ``Text`` gap keeps its style, a space joining one phrase)
    after ``lead``, on as many lines of ``width`` cells as they need, each line after the first set in by
    :data:`TRACK_INDENT`, broken between parts only, what went before a part left out where a line breaks before it
    (as the hot seat's panels pack their members: :func:`~.widgets.packed`)."""
    out = Text(lead)
    used, fresh = len(lead), True  # fresh: nothing on the line yet, where a part goes whatever its width
    for gap, part in parts:
        if width is not None and not fresh and used + len(gap) + part.cell_len > width:
            # set in where it fits so, else from the line's start (a panel 14 cells wide: "напряж. 6/7 ⚠" whole)
            indent = TRACK_INDENT if len(TRACK_INDENT) + part.cell_len <= width else ""
            out.append("\n" + indent)
            used, gap = len(indent), ""
        if isinstance(gap, Text):
            out.append_text(gap)
        else:
            out.append(gap)
        out.append_text(part)
        used += len(gap) + part.cell_len
        fresh = False
    return out


def tracks_legend() -> str:
    """The title of a panel of tracks in their tightest lines (:func:`tracks_text`): what the numbers are."""
    return _("Tracks: tension/breakdown")


def _track_line(t: Mapping[str, Any], large: bool, tight: bool = False, width: int | None = None) -> Text:
    """One track on one line: its name, its gauge, tension and status; ``tight``: tension without its word.

    ``width``: the panel's inner width: where the line is longer, it goes on under itself between its parts, never
    inside one, and never starts a line with "·" (found in review: a narrow projector's panel wrapped these lines
    anywhere, as :func:`_track_text`'s before); "напряж. 3/8" where "напряжённость 3/8" is wider than the panel."""
    gauge, tension, status = _track_parts(t)
    name = Text(_s(t.get("name")), style=UNDERLINED if large else "bold")
    gap, dot = (" ", " \u00b7 ") if tight else (PART_GAP, PART_DOT)
    said = _tension(t, tension_numbers(t) if tight else tension)
    if not tight and width is not None and said.cell_len > width:
        said = _tension(t, pgettext("a narrow column", "tension") + " " + tension_numbers(t))
    out = _parted([("", name), (gap, Text(gauge)), (gap, said), (dot, Text(status))], width, lead="")
    out.append("\n")
    return out


def _card_track(view: Mapping[str, Any], card: Mapping[str, Any]) -> str:
    """The track a card is about, by name (``global``: a card on no track)."""
    track = card.get("track")
    return _namer(_map(view.get("board")).get("tracks"))(track) if isinstance(track, str) and track else _("global")


def card_text(view: Mapping[str, Any], brief: bool = False, words: int | None = None) -> Text:
    """The card on the table, or this round's once applied (the control note only in the facilitator's view: the
    host sends it to no one else). ``brief``: its title and choices, its text and effects left out: a narrow
    projector with no rows for it whole keeps what the room decides (the teams' screens have it whole). ``words``:
    its text's first that many words only, then "…", its effects left out (a narrow projector's rows hold that
    much of it with the choices: found from outside, at 60x20 the text was left out whole); :func:`card_words`
    counts them."""
    card = _map(_map(view.get("board")).get("card"))
    if not card:
        return Text(_("No card on the table."), style="dim")
    if card.get("applied") is True:
        # answered already, read out before: its title under a mark, as the hot seat keeps it, in two lines (the
        # reveal and the log below it must stay on a projector's screen); the log says what it did
        out = Text(_("This round's card (applied)") + "\n", style="dim")
        out.append(f"{_s(card.get('title'))}", style="bold")
        out.append(f"  [{_card_track(view, card)}]\n", style="dim")  # kept once applied, as the hot seat keeps it
        return out
    out = Text(f"{_s(card.get('title'))}", style="bold")
    # the track it is about, as the hot seat's panel marks it (found from outside: a seat's card did not say)
    out.append(f"  [{_card_track(view, card)}]\n", style="dim")
    effects = _s(card.get("effects"))
    if not brief and words is not None and words < card_words(view):
        out.append(" ".join(literal(card.get("text")).split()[:words]) + "\u2026\n")
    elif not brief:
        out.append(f"{literal(card.get('text'))}\n")
        if effects:
            out.append(_("Effects: {effects}").format(effects=effects) + "\n", style="italic")
    for i, choice in enumerate(_list(card.get("choices")), 1):
        if isinstance(choice, Mapping):
            # as the hot seat's card panel and pick list say a choice: its label → what it does
            out.append(f"  {i}. {_s(choice.get('label'))} \u2192 {_s(choice.get('effects'))}\n")
    if card.get("control_note"):
        out.append(_("Control note (facilitator only): {note}").format(note=literal(card.get("control_note"))) + "\n",
                   style=NOTED)
    return out


def card_words(view: Mapping[str, Any]) -> int:
    """The words of the text of the card on the table (:func:`card_text`'s ``words``)."""
    return len(literal(_map(_map(view.get("board")).get("card")).get("text")).split())


def log_entries(view: Mapping[str, Any], lines: int = 12) -> list[Text]:
    """The newest events in words, one text an event, oldest first: its line (a sealed entry another team made says
    only that it was committed), then why its changes, if said, a line each."""
    out = []
    for line in _list(_map(view.get("board")).get("log"))[-lines:]:
        if not isinstance(line, Mapping):
            continue
        entry = _entry_line(line)
        for said in _list(line.get("settled")):  # why the changes: a collapse, what the package deal reopened
            entry.append(f"\n      {_s(said)}", style="italic")
        out.append(entry)
    return out


def _entry_line(line: Mapping[str, Any], package: str = "", told: Any = None) -> Text:
    """An event's number, its words (``told``, else the line's) and its changes; ``package``: what the package deal
    did, said before its words (as the hot seat's log line says it)."""
    entry = Text()
    entry.append(f"{_s(line.get('seq')):>4} ", style="dim")
    if package:
        entry.append(package, style="bold")
        entry.append("\n      ")
    entry.append(_s(told if isinstance(told, str) else line.get("text")))
    changes = [_s(c) for c in (*_list(line.get("changes")), *_list(line.get("logs")))]
    if changes:
        entry.append(f"  ({'; '.join(changes)})", style="dim")
    return entry


def last_ruling(view: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The newest log line of the view that settled a ruling and stands (not undone), as the hot seat's ``l`` finds it
    (:func:`~.rulingview.last_ruling`): the host marks a ruling's line with its working, and sends none on a line the
    seat may not read yet (a sealed move not revealed). One older than the log lines sent: the board's
    ``last_ruling``, the line the host sends of it (found in review: after 40 notes and moves, ``l`` said "No ruling
    yet")."""
    board = _map(view.get("board"))
    undone: set[object] = set()
    for line in reversed(_list(board.get("log"))):
        if not isinstance(line, Mapping):
            continue
        if line.get("kind") == "undo":
            undone.add(line.get("undoes"))
        elif isinstance(line.get("ruling"), Mapping) and line.get("seq") not in undone:
            return line
    older = board.get("last_ruling")
    if isinstance(older, Mapping) and isinstance(older.get("ruling"), Mapping) and older.get("seq") not in undone:
        return older
    return None


def verdict_text(view: Mapping[str, Any]) -> Text:
    """The newest verdict, as a narrow projector keeps it under whose turn: the last ruling that stands
    (:func:`last_ruling`), else the newest event; its number, its words, its changes (nothing before the first)."""
    line = last_ruling(view)
    if line is None:
        log = [entry for entry in _list(_map(view.get("board")).get("log")) if isinstance(entry, Mapping)]
        line = log[-1] if log else None
    return _entry_line(line) if line is not None else Text()


def argued_roll(view: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The view's newest event when it is an argument's roll (its texts are long: the projector and the console put
    its ruling up whole as it is made, as the hot seat's board does: :func:`~.rulingview.ruling_to_show`), else None;
    None too once the game is over."""
    game = _map(view.get("game"))
    log = _list(_map(view.get("board")).get("log"))
    line = log[-1] if log and isinstance(log[-1], Mapping) else None
    if line is None or game.get("over") or line.get("seq") != game.get("seq") or line.get("kind") != "roll":
        return None
    return line if _map(line.get("ruling")).get("resolution") == "argue" else None


#: the rulings a team's screen puts up by itself when they settle its own move: its roll, its vote's verdict, the
#: facilitator's ruling, its argument's roll (a move that simply takes effect is the log's to say)
OWN_RULINGS = frozenset({"argue", "dice", "consensus", "facilitator"})  # untranslated: resolutions


def own_ruling(view: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """A team's view whose newest event rules on the team's own move (:data:`OWN_RULINGS`): its log line, which the
    team's screen puts up whole as the projector puts up an argument's roll (found from outside: a team whose argument
    was countered, weighed and rolled was shown nothing; the verdict was in its scrolled log); else None, and None
    once the game is over."""
    game = _map(view.get("game"))
    log = _list(_map(view.get("board")).get("log"))
    line = log[-1] if log and isinstance(log[-1], Mapping) else None
    if view.get("role") != "team" or line is None or game.get("over") or line.get("seq") != game.get("seq"):
        return None
    ruling = _map(line.get("ruling"))
    own = ruling.get("actor") is not None and ruling.get("actor") == view.get("actor")
    return line if own and ruling.get("resolution") in OWN_RULINGS else None


def weighing_text(view: Mapping[str, Any]) -> Text:
    """While a team's own argument is weighed (countered, its odds set, the dice next): its counters and the odds as
    the log says them, under what the team waits for (found from outside: its screen said only "Waiting for the
    facilitator." throughout; the projector showed them in its log). Empty for any other moment or seat."""
    game, board = _map(view.get("game")), _map(view.get("board"))
    queue = [p for p in _list(board.get("queue")) if isinstance(p, Mapping)]
    head = queue[0] if queue else None
    if (view.get("role") != "team" or head is None or head.get("actor") != view.get("actor")
            or head.get("resolution") != "argue" or game.get("waiting") not in ("counter", "odds", "roll")):
        return Text()
    log = [line for line in _list(board.get("log")) if isinstance(line, Mapping)]
    undone = {line.get("undoes") for line in log if line.get("kind") == "undo"}
    since = head.get("seq") if isinstance(head.get("seq"), int) else 0
    for line in log:  # the arguments ruled before it this round had their own counters
        if isinstance(line.get("ruling"), Mapping) and isinstance(line.get("seq"), int) and line["seq"] > since:
            since = line["seq"]
    said = [_s(line.get("text")) for line in log
            if line.get("kind") in ("counter", "odds") and isinstance(line.get("seq"), int) and line["seq"] > since
            and line.get("seq") not in undone]
    if not said:
        return Text()
    out = Text(_("Your argument is being weighed:"), style="bold")
    for line in said:
        out.append("\n\u2022 " + line)
    return out


def ruling_parts(line: Mapping[str, Any]) -> tuple[Text, list[str]]:
    """A ruling's log line as its view shows it (:func:`~.rulingview.working_text`): the event as the log names it,
    then each line of its working and what it settled besides."""
    ruling = _map(line.get("ruling"))
    said = [_text(t) for t in (*_list(ruling.get("working")), *_list(line.get("settled")))]
    # its words as the working goes with them (a facilitator's reason said once, in the working)
    return _entry_line(line, _s(ruling.get("package")) if ruling.get("package") else "", ruling.get("text")), said


def log_text(view: Mapping[str, Any], lines: int = 12) -> Text:
    """The newest events in words, a line each (:func:`log_entries`), with no blank line under the newest: on a small
    screen that row is the log's last (found from outside: at 80x23 it stood empty under the newest ruling while the
    ruling's verdict was above the log's rows)."""
    return Text("\n").join(log_entries(view, lines))


def dice_text(view: Mapping[str, Any]) -> Text:
    """This round's latest roll that stands, as it landed (from the log's newest roll line); an earlier round's is
    history. A roll the facilitator undid is gone from the panel (found from outside: "Dice: … rolled 4+5 = 9 vs 9"
    stayed on the projector and the teams' screens while the host asked to roll again)."""
    now = _map(view.get("game")).get("round")
    undone: set[object] = set()
    for line in reversed(_list(_map(view.get("board")).get("log"))):
        if not isinstance(line, Mapping):
            continue
        if line.get("kind") == "undo":  # (nothing undoes an undo: engine.review.last_undoable)
            undone.add(line.get("undoes"))
        elif line.get("kind") == "roll" and line.get("round") == now and line.get("seq") not in undone:
            return Text(_("Dice: {roll}").format(roll=_s(line.get("text"))), style="bold")
    return Text()


def about_parts(view: Mapping[str, Any], entry: Mapping[str, Any] | None) -> list[tuple[str, ...]]:
    """The move and the track ``entry`` (the highlighted one) is about, and the team (a team's seat: its own; the
    console: the team to move), each as (heading, description) for :func:`~.decisionlist.about_text`: as the hot
    seat's help says them (:func:`~.text.about_parts`), from the view's facts."""
    game, board = _map(view.get("game")), _map(view.get("board"))

    def by_id(parts: Any) -> dict[str, Mapping[str, Any]]:
        return {_s(p.get("id")): p for p in _list(parts) if isinstance(p, Mapping)}

    action = _map(_map(entry).get("action"))
    out = []
    if (m := by_id(game.get("moves")).get(_s(action.get("move")))) is not None:
        out.append((_("Move: {name}").format(name=_s(m.get("name"))), _text(m.get("description")),
                    *([once_word()] if m.get("once_per_game") is True else [])))
    if (t := by_id(board.get("tracks")).get(_s(action.get("track")))) is not None:
        out.append((_("Track: {name}").format(name=_s(t.get("name"))), _text(t.get("description"))))
    own = view.get("role") == "team"
    actor = view.get("actor") if own else game.get("turn")
    if (a := by_id(game.get("actors")).get(_s(actor))) is not None:
        said = _("Your team: {name}") if own else _("The team to move: {name}")
        out.append((said.format(name=_s(a.get("name"))), _text(a.get("description"))))
    return out


def own_text(view: Mapping[str, Any]) -> Text:
    """A team's own: what it may still spend, its objectives (secret ones too) and its sealed entries."""
    own = _map(view.get("own"))
    if not own:
        return Text()
    resources = _purse(view, own.get("resources"))
    move, track = _moves_and_tracks(view)
    out = Text(_("Your team") + "\n", style="bold")
    if _map(view.get("game")).get("over"):  # no actions to count once the game is over (found from outside)
        out.append("  " + _("Resources: {resources}").format(resources=resources or _("none")) + "\n")
    else:
        out.append("  " + _("Resources: {resources} \u00b7 actions left: {left}").format(
            resources=resources or _("none"), left=_s(own.get("actions_left"))) + "\n")
    for o in _list(own.get("objectives")):
        if isinstance(o, Mapping):
            # the mark first, as on the console: at the end of a long objective a narrow column broke "[ ]" in two
            mark = "[x]" if o.get("met") else "[ ]"  # untranslated: a check box
            said = _("Objective (secret): {text}") if o.get("secret") else _("Objective: {text}")
            out.append(f"  {mark} " + said.format(text=_s(o.get("text"))) + "\n")
    for e in _list(own.get("sealed")):
        if isinstance(e, Mapping):
            state = _("revealed") if e.get("revealed") else _("sealed, only you see it")
            if e.get("entered"):  # the console entered it for the team, no screen of its own connected
                said = (_("Your sealed move, entered by the facilitator: {move} on {track} ({state})") if e.get("track")
                        else _("Your sealed move, entered by the facilitator: {move} ({state})"))
            else:
                said = (_("Your sealed move: {move} on {track} ({state})") if e.get("track")
                        else _("Your sealed move: {move} ({state})"))
            out.append("  " + said.format(move=move(e.get("move")), track=track(e.get("track")), state=state) + "\n",
                       style="italic")
    return out


def control_text(view: Mapping[str, Any], teams: Mapping[str, str] | None = None) -> Text:
    """The control cell's own: who is connected, the bots, every team's objectives and resources.

    ``teams`` (:func:`team_names`): the seats connected name a named team as the join codes do (the facilitator
    checks there that the team handed a code has joined); the objectives are the actors', as on the board."""
    control = _map(view.get("control"))
    if not control:
        return Text()
    names = actor_names(view)
    out = Text(_("Control") + "\n", style="bold")
    connected = ", ".join(seat_name(c, view, teams) for c in _list(control.get("connected"))) or _("nobody")
    out.append("  " + _("Connected: {seats}").format(seats=connected) + "\n")
    bots = ", ".join(f"{names.get(_s(a), _s(a))}: {policy_word(_s(p))}" for a, p in _map(control.get("bots")).items())
    if bots:
        out.append("  " + _("Bots: {bots}").format(bots=bots) + "\n")
    resources = _map(control.get("resources"))
    for actor, rows in _map(control.get("objectives")).items():
        spend = _purse(view, resources.get(actor))
        out.append(f"  {names.get(_s(actor), _s(actor))} ({spend})\n", style="bold")
        for o in _list(rows):
            if isinstance(o, Mapping):
                mark = "[x]" if o.get("met") else "[ ]"
                text = _s(o.get("text"))
                out.append(f"    {mark} " + (_("{objective} (secret)").format(objective=text) if o.get("secret") else text) + "\n")
    return out


def seals_text(view: Mapping[str, Any], seen: dict[int, str]) -> Text:
    """Commitments made this round and the reveal (each entry checked against the commitment this seat saw).

    ``seen``: the commitments this screen has been shown so far, by event;
    updated here, so a reveal is checked against what was shown before it.
    """
    lines = committed_lines(view, seen)
    out = committed_heading(len(lines)) + Text("\n").join(lines) if lines else Text()
    if lines:
        out.append("\n")
    return out + reveal_text(view, seen)


def committed_lines(view: Mapping[str, Any], seen: dict[int, str]) -> list[Text]:
    """The commitments made this round and not yet revealed, a line each, oldest first (``seen`` updated as
    :func:`seals_text` says)."""
    seals = _map(view.get("seals"))
    names = actor_names(view)
    opened = set(revealed(view))
    lines = []
    for c in _list(seals.get("committed")):
        if isinstance(c, Mapping) and isinstance(c.get("seq"), int) and isinstance(c.get("commitment"), str):
            seen.setdefault(c["seq"], c["commitment"])
            if c["seq"] not in opened:  # else its reveal line says whether it matches: each entry said once
                who = names.get(_s(c.get("actor")), _s(c.get("actor")))
                lines.append(Text(f"  {who}  {short(_s(c.get('commitment')))}"))
    return lines


def committed_heading(count: int, shown: int | None = None) -> Text:
    """The heading over ``count`` commitments, a line each under it (found from outside: "Russia committed a sealed
    move — commitment …", two rows each on a projector's table, pushed the round's first commitments off its top
    before the reveal); ``shown``: only that many of the newest are under it (a panel without room for them all: found
    from outside, a team's page in a browser showed 2 of 7, and nothing said there were more), and the heading says
    how many (found from outside: "5 ходов сделано; последние:" over one commitment)."""
    # short: on a narrow column a heading of two rows would keep a commitment out
    if shown is None or shown >= count:
        said = ngettext("{n} sealed move committed (commitment):", "{n} sealed moves committed (commitment):", count)
    elif shown == 1:
        said = ngettext("{n} committed; the newest one:", "{n} committed; the newest one:", count)
    else:  # (the count under it is a numeral said after its words: "последние 3", whatever the number)
        said = ngettext("{n} committed; the {shown} newest:", "{n} committed; the {shown} newest:", count)
    return Text(said.format(n=count, shown=shown) + "\n", style="bold")


def reveal_text(view: Mapping[str, Any], seen: dict[int, str]) -> Text:
    """The reveal of the sealed moves, each entry checked against the commitment this seat saw (``seen``)."""
    out = Text()
    reveal = [r for r in _list(_map(view.get("seals")).get("reveal")) if isinstance(r, Mapping)]
    names = actor_names(view)
    move, track = _moves_and_tracks(view)
    if reveal:
        out.append(_("Reveal of the sealed moves") + "\n", style="bold")
    for r in reveal:
        entry = _map(r.get("entry"))
        ok = check_reveal(dict(r), seen) if r.get("seq") in seen else None
        mark = {True: _("matches its commitment"), False: _("DOES NOT MATCH its commitment"),
                None: _("(commitment not seen here)")}[ok]
        said = (_("{actor}: {move} on {track} \u2014 {mark}") if entry.get("track")
                else _("{actor}: {move} \u2014 {mark}"))
        out.append("  " + said.format(actor=names.get(_s(entry.get("actor")), _s(entry.get("actor"))),
                                      move=move(entry.get("move")), track=track(entry.get("track")), mark=mark) + "\n",
                   style="" if ok is not False else LOUD)
    return out


def reveal_parts(view: Mapping[str, Any], seen: dict[int, str]) -> tuple[Text, list[tuple[Text, bool]]]:
    """The reveal (:func:`reveal_text`) in parts, for a screen that fits it to its rows: its heading, and each entry
    with whether it may be left out of a screen short of rows (False: it DOES NOT MATCH its commitment)."""
    whole = reveal_text(view, seen)
    if not whole.plain:
        return Text(), []
    lines = whole.split("\n", allow_blank=False)
    checks = []
    for r in (r for r in _list(_map(view.get("seals")).get("reveal")) if isinstance(r, Mapping)):
        checks.append(check_reveal(dict(r), seen) is not False if r.get("seq") in seen else True)
    return lines[0], list(zip(lines[1:], checks, strict=False))


def more_revealed(count: int) -> Text:
    """The line under the entries of a reveal fitted to a screen's rows: how many more it has (an entry that does not
    match its commitment is never left out; a team's screen and the log have them all)."""
    return Text("  " + ngettext("\u2026and {n} more entry", "\u2026and {n} more entries", count).format(n=count),
                style="italic")


def head_text(view: Mapping[str, Any]) -> Text:
    """At a round's end, the save's chain head to note in the minutes, kept until the next round's end (nothing
    before the first round ends); while the round's review goes on, the head so far, said to be so. A panel of its own,
    above the reveal and the log: found from outside (helper-117), at the end of the reveal the projector, kept at
    the log's newest line, never showed it in the review."""
    head = _map(_map(view.get("seals")).get("head"))
    if not head:
        return Text()
    if head.get("so_far") is True:  # the review goes on: said so, and not to be noted yet (it may change)
        return Text(_("Chain head so far, after event {events}: {chain} \u2014 the head to note in the minutes shows "
                      "once the round is over").format(events=_s(head.get("events")), chain=_s(head.get("chain"))))
    return Text(_("Chain head after event {events}: {chain} \u2014 note it in the minutes").format(
        events=_s(head.get("events")), chain=_s(head.get("chain"))), style="bold")


def revealed(view: Mapping[str, Any]) -> tuple[int, ...]:
    """The events whose sealed entries the view reveals (none before the reveal)."""
    reveal = _list(_map(view.get("seals")).get("reveal"))
    return tuple(r["seq"] for r in reveal if isinstance(r, Mapping) and isinstance(r.get("seq"), int))


def prompt_text(view: Mapping[str, Any]) -> Text:
    """What the seat is asked now, or whom the game waits on (on its lines: an argument's prompt has several)."""
    prompt = _map(view.get("decision")).get("prompt")
    return Text(literal(prompt) if prompt is not None else "", style="bold")


def waiting_text(view: Mapping[str, Any]) -> Text:
    """What the game waits for, on one line, for a screen that only watches (the projector, an observer): the
    prompt the host words for it, which names no secret ("Waiting for European NATO members / EU."). Found from
    outside (helper-117): the host said it, the projector never did."""
    prompt = _map(view.get("decision")).get("prompt")
    return Text(one_line(prompt) if prompt is not None else "", style="bold")


def passed_by_clock(view: Mapping[str, Any], actor: str, since: int) -> bool:
    """Whether the host's phase timer has passed ``actor`` after the event ``since`` (``on_time_up = "pass"``), as
    the view's log says: a move the team was asked about since can no longer be made."""
    return any(isinstance(line, Mapping) and line.get("time_up") is True and line.get("kind") in ("pass", "counter")
               and line.get("actor") == actor and isinstance(line.get("seq"), int) and line["seq"] > since
               for line in _list(_map(view.get("board")).get("log")))


def cut_off_names(view: Mapping[str, Any], action: Mapping[str, Any]) -> tuple[str, str | None, str]:
    """The team, the move (None: a counter-argument) and the track of a question the phase timer closed, by name (an
    id the view names not: the id), as :func:`~.notices.cut_off_words` takes them."""
    actor, move, track = _s(action.get("actor")), action.get("move"), action.get("track")
    moves, tracks = _moves_and_tracks(view)
    return (actor_names(view).get(actor) or actor, None if action.get("kind") == "counter" else moves(move),
            tracks(track) if track is not None else "")


def entries(view: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The decision entries of the view that can be shown (each with an ``id`` and a ``label``)."""
    found = _list(_map(view.get("decision")).get("entries"))
    return [e for e in found if isinstance(e, Mapping) and isinstance(e.get("id"), str)]


def entry_label(number: int, entry: Mapping[str, Any]) -> Text:
    """An entry as the list shows it: numbered 1 to 9, then 0, as the hot seat's; refused: greyed, with the engine's
    reason."""
    key = pick_key(number)
    label = Text(f"{key}. " if key is not None else "   ")
    label.append(_s(entry.get("label")))
    if entry.get("refusal"):
        refused_under(label, _s(entry.get("refusal")))
    return label


__all__ = [
    "about_parts",
    "actor_names",
    "argued_roll",
    "card_text",
    "card_words",
    "control_text",
    "dice_text",
    "entries",
    "entry_label",
    "head_text",
    "headline",
    "last_ruling",
    "timer_text",
    "log_entries",
    "log_text",
    "own_text",
    "prompt_text",
    "revealed",
    "ruling_parts",
    "committed_heading",
    "committed_lines",
    "more_revealed",
    "reveal_parts",
    "reveal_text",
    "seals_text",
    "seat_name",
    "team_names",
    "track_place",
    "tracks_legend",
    "tracks_text",
    "verdict_text",
    "waiting_text",
]
