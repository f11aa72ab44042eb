"""Board widgets: fed a State, they show it. The play screen and the replay share them; every screen shares
:class:`KeyScroll`, the column the keys scroll, and every dialog :class:`KeyLine`, its keys a click presses."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rich import box
from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.containers import Lines
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.app import RenderResult
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from ..content.grammar import plural_subject
from ..engine import State, waiting_for, wording
from ..engine.cards import on_schedule
from ..engine.legal import lapsing
from ..engine.review import applied_card, applied_choice, undone_seqs
from ..lang import Domain
from .themes import DANGER
from .text import (
    STATUS_STYLE,
    card_text,
    event_line,
    facilitator_waits,
    gauge,
    hidden_seqs,
    literal,
    meter_text,
    meters_lines,
    names,
    phase_word,
    resources_words,
    ruling_lines,
    settled_lines,
    shown,
    status_word,
    team_waits,
)

_tui = Domain("tui")
_, ngettext, N_ = _tui.words()
pgettext = _tui.pgettext


class KeyScroll(VerticalScroll):
    """A column the keys scroll a line, or a page, a press, however fast they come.

    Textual's own keys scroll after the next refresh, each from where the column was aimed when the key came:
    ten arrows in a burst, or a held key, moved it one line (found from outside, in the replay; PageDown, Home
    and End as well). Here each key scrolls at once, from where the last one aimed."""

    #: the keys that scroll it (what :meth:`scroll_key` takes)
    KEYS = frozenset({"up", "down", "pageup", "pagedown", "home", "end"})  # untranslated: key names
    #: Tab reaches it only while it holds more than it shows (the Last rulings, a dialog's long heading)
    FOCUS_WHEN_CUT = False

    def allow_focus(self) -> bool:
        return self.allow_vertical_scroll if self.FOCUS_WHEN_CUT else super().allow_focus()

    def scroll_key(self, key: str, *, animate: bool = True) -> None:
        """Scroll as ``key`` (one of :data:`KEYS`) does, at once."""
        if key == "home":
            self.scroll_home(animate=animate, immediate=True)
        elif key == "end":
            self.scroll_end(animate=animate, immediate=True)
        else:
            page = self.scrollable_content_region.height
            lines = {"up": -1, "down": 1, "pageup": -page, "pagedown": page}[key]
            self.scroll_to(y=self.scroll_target_y + lines, animate=animate, immediate=True)

    def _key(self, key: str) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()  # as Textual's own: the key goes on to the screen's bindings
        self.scroll_key(key)

    def action_scroll_up(self) -> None:
        self._key("up")

    def action_scroll_down(self) -> None:
        self._key("down")

    def action_page_up(self) -> None:
        self._key("pageup")

    def action_page_down(self) -> None:
        self._key("pagedown")

    def action_scroll_home(self) -> None:
        self._key("home")

    def action_scroll_end(self) -> None:
        self._key("end")


#: what parts a line of keys into its keys' words ("Enter: apply · Escape: cancel")
KEY_SEPARATOR = " \u00b7 "
#: the style's meta under which a key's words on a :class:`KeyLine` name the key a click on them presses
_CLICKED_KEY = "tabletop.key"  # untranslated: an identifier


def key_line(said: str, keys: Sequence[str | None], style: str = "dim") -> Text:
    """``said``, a line of keys whose parts (:data:`KEY_SEPARATOR`; a line break parts them too) are, in order, the
    words of ``keys`` (Textual's key names; None: words a click does not press, as "↑/↓ scroll"), for a
    :class:`KeyLine`. A translation parted otherwise than ``keys`` is shown whole, and no click presses a key on it."""
    parts = re.split(f"({re.escape(KEY_SEPARATOR)}|\n)", said)
    words = parts[::2]
    if len(words) != len(keys):
        return Text(said, style=style)
    text = Text(style=style)
    for i, part in enumerate(parts):
        key = keys[i // 2] if i % 2 == 0 else None
        text.append(part, Style(meta={_CLICKED_KEY: key}) if key else None)
    return text


class KeyLine(Static):
    """A dialog's line of keys (:func:`key_line`): a click, or a tap on a phone, on a key's words presses that key,
    through the same path as the keyboard's (what the key does in the field focused, a question's hold, a refusal).
    Found from outside: a mouse alone could not say yes to a question, nor apply an override or a counter."""

    def on_click(self, event: events.Click) -> None:
        key = event.style.meta.get(_CLICKED_KEY)
        if key:
            event.stop()
            self.app.simulate_key(key)


def fit_scroll(screen: Widget, box: str) -> None:
    """The :class:`KeyScroll` in the dialog's ``box`` no taller than the screen leaves it beside the box's other rows
    (a title, a line of keys), which stay in sight: found from outside, a docked line of keys hid a ruling's last
    line, the roll, at 80x24. The ruling view's and a team's own panel's."""
    found = screen.query_one(box)
    scroll = screen.query_one(KeyScroll)
    others = sum(w.outer_size.height for w in found.children if w is not scroll)
    # the rows notices take under the box are not its (:func:`~.bars.dialog_clear_of_notices`)
    room = max(3, screen.size.height - found.styles.margin.height - found.styles.gutter.height - others)
    if scroll.styles.max_height is None or scroll.styles.max_height.cells != room:
        scroll.styles.max_height = room


def ladder_text(position: int, agreement_at: int, top: int) -> Text:
    """The ladder as rungs: passed \u25cf, here \u25c9, ahead \u25cb, agreement \u2605."""
    out = Text()
    for i in range(top + 1):
        if i == position:
            out.append("\u25c9", style="bold reverse")  # untranslated: a style
        elif i < position:
            out.append("\u25cf")
        elif i == agreement_at:
            out.append("\u2605", style="dim")
        else:
            out.append("\u25cb", style="dim")
        if i < top:
            out.append("\u2500", style="dim")
    return out


class BoardPart(Static):
    """A Static that repaints only when its text really changed (repaints cost a layout pass)."""

    _painted: Text | None = None
    _painted_lines = -1

    @property
    def painted(self) -> Text | None:
        """The text last painted (None: none yet)."""
        return self._painted

    def paint(self, text: Text) -> None:
        text.rstrip()  # a trailing newline would cost the panel an empty row
        if self._painted is not None and text == self._painted:
            return
        self._painted = text
        # a layout pass over the whole screen is the dearest part of a repaint: ask for one
        # only when the text now needs a different number of rows
        width = self.content_size.width
        lines = self._rows_for(len(text.wrap(self.app.console, width))) if width > 0 else -1
        relayout = lines != self._painted_lines or lines < 0
        self._painted_lines = lines
        self.update(text, layout=relayout)

    def _rows_for(self, lines: int) -> int:
        """The rows the text takes, counting those a min-height keeps anyway."""
        height = self.styles.height
        if height is not None and not height.is_auto:
            return 0  # the layout gives this panel its height: no text changes it
        least = self.styles.min_height
        if least is not None and least.is_cells:
            return max(lines, int(least.value) - self.styles.gutter.height)
        return lines


class TurnPanel(BoardPart):
    """Round, phase, whose turn, what it may still spend, and the phase timer."""

    DEFAULT_CSS = """
    TurnPanel { height: auto; padding: 0 1; border: round $accent; border-title-color: $legible-accent;
                border-subtitle-color: $legible-accent; }
    """

    def show(self, state: State, acting: str | None, seats: dict[str, str], timer: str | Text = "",
             paused: bool = False, unseen: bool = False, card_held: bool = False) -> None:
        """``unseen``: the acting team's resources and actions left are its own now (a sealed sitting it is not
        seated at: a bot's, or a team's before its gate). ``card_held``: the card a bot answers waits for the
        facilitator to read it out (the game waits for the facilitator, not the bot)."""
        n = names(state)
        rs = state.ruleset.ruleset
        out = Text()
        if paused:
            out.append(" " + _("PAUSED") + " ", style="bold reverse")  # untranslated: a style
            out.append("  ")
        phase = phase_word("over" if state.over else state.phase).upper()
        out.append(_("Round {round}/{turns} \u00b7 {phase}").format(round=state.round, turns=rs.turns, phase=phase),
                   style="bold")
        if timer:
            clock = timer if isinstance(timer, Text) else Text(_("time {clock}").format(clock=timer))
            # on the line if it fits, else whole on the next (found from outside: paused at 80x24, "⚠ TIME" ended
            # the line and "UP" began the next, over the tracks' column)
            width = self.content_size.width
            out.append("\n" if width and out.cell_len + 2 + clock.cell_len > width else "  ")
            out.append_text(clock)
        out.append("\n")
        # a tabled move whose track has closed: the facilitator sets it aside, whatever it waited for (no "vote")
        waiting = "lapse" if acting is None and lapsing(state) is not None else waiting_for(state)
        if acting is not None:
            seat = seats.get(acting, "human")
            who = f"{n.get(acting, acting)}"
            if seat != "human":
                from ..store.players import policy_word  # a bot's policy in the room's words (a game with bots only)

                who += _(" (bot: {policy})").format(policy=policy_word(seat))
            if card_held and seat != "human":
                # found from outside: "▶ United States (bot: hardliner) to answer the card" while nothing happened
                # until the facilitator let the bot answer; the room asked who it was waiting for
                plural = plural_subject(shown(state), acting)
                said = (pgettext("plural subject", "Facilitator: read the card out, then {who} answer it") if plural
                        else _("Facilitator: read the card out, then {who} answers it"))
                out.append("\u25b6 " + said.format(who=who) + "\n", style="bold")
            else:
                out.append("\u25b6 " + team_waits(waiting, who) + "\n", style="bold")
            if not unseen and not (card_held and seat != "human"):  # (under the facilitator's line: not theirs)
                res = state.resources.get(acting, {})
                spend = resources_words(res, n)
                left = state.actions_left.get(acting)
                out.append("  " + _("has {resources}").format(resources=spend))
                if waiting == "move" and left is not None:
                    out.append("; " + ngettext("{n} action left", "{n} actions left", left).format(n=left))
                out.append("\n")
        elif not state.over:
            out.append("\u25b6 " + facilitator_waits(waiting) + "\n", style="bold")
        if state.phase == "moves" and rs.sealed_moves and not state.over:
            committed = {p.actor for p in state.queue if p.sealed and not p.revealed}
            if committed:  # in turn order (by id, it read in no order the room knows: found from outside)
                who = ", ".join(n.get(a.id, a.id) for a in state.ruleset.actors if a.id in committed)
                out.append("  " + _("committed: {actors}").format(actors=who) + "\n", style="dim")
        self.border_title = _("Turn")
        self.paint(out)


class CardPanel(BoardPart):
    DEFAULT_CSS = """
    CardPanel { height: auto; padding: 0 1; border: round $warning; border-title-color: $legible-warning; }
    """

    def show(self, state: State, facilitator: bool) -> None:
        card_id = state.card
        if card_id is None:
            applied = applied_card(state)
            if applied is not None:
                card = next(c for c in state.scenario.deck.cards if c.id == applied)
                self.border_title = _("This round's card (applied)")
                # read out already: on a small screen its title and effect are enough
                small = self.app.size.width < 110 or self.app.size.height < 34
                self.paint(card_text(state, card, facilitator, story=not small, chosen=applied_choice(state)))
                return
            self.border_title = _("Card")
            self.paint(Text(_("No card on the table."), style="dim"))
            return
        card = next(c for c in state.scenario.deck.cards if c.id == card_id)
        scheduled = on_schedule(state)
        self.border_title = _("Event card (scheduled)") if scheduled else _("Event card")
        self.paint(card_text(state, card, facilitator, scheduled=scheduled))


class RulingsPanel(BoardPart):
    """The last events, with the working of each ruling, in a :class:`RulingsColumn`.

    Entries from their beginning, the newest last: when they do not all fit, the oldest entries give way, never the
    newest, and never to show an entry's end (found from outside: at 80x24 the top line read " вдається — випало
    1+5 = 6, мета 8", the end of "… не вдається …", and the room read a failed roll as a success). The room left
    over the entries that fit whole holds the beginning of the one before them, its number, who, what and the
    verdict, cut at the bottom under a last line "…" (found from outside: one vote after a failed roll, the roll's
    entry, too tall to fit whole with the vote, was gone, and four rows stood empty over the vote). An entry taller
    than the column is shown from its beginning, its verdict, the column scrolled to its top; Tab and the arrows
    read on to its end (found from outside: a long override's reason at 80x24 was cut in the middle of a word, and
    the change it made, at its end, never shown)."""

    _rows: list[Text] = []
    _entries: list[list[Text]] = []  # the rows of each event, oldest first: what gives way is an entry, never a row
    _latest: int | None = None  # the newest event's number

    DEFAULT_CSS = """
    RulingsPanel { height: auto; min-height: 100%; padding: 0 1; }
    """

    def show(self, state: State, lines: int = 14, brief: bool = False, teams: Mapping[str, str] | None = None) -> None:
        log = state.recent(lines)
        undone = undone_seqs(log)  # an undo comes after what it undoes: the tail holds them all
        hidden = hidden_seqs(state, log, undone)
        entries: list[list[Text]] = []
        for event in log:
            rows = [event_line(state, event, hidden, undone, teams)]
            if event.seq not in hidden:
                rows.extend(ruling_lines(state, event, brief))
                rows.extend(settled_lines(state, event))
            entries.append(rows)
        # the newest entry whole, however tall; older ones while they make ``lines`` rows at most, and the one
        # before them, whose beginning may fill the rows left (:meth:`_kept`)
        kept: list[list[Text]] = []
        for rows in reversed(entries):
            kept.append(rows)
            if sum(map(len, kept)) > lines:
                break
        self._entries = kept[::-1]
        self._rows = [row for rows in self._entries for row in rows]
        self.border_title = _("Last rulings")
        latest = log[-1].seq if log else None
        if latest != self._latest and isinstance(self.parent, RulingsColumn):
            self.parent.to_newest()  # a new event: its beginning in view, however the keys had scrolled the column
        self._latest = latest
        self.paint(Text("\n").join(self._rows) if self._rows else Text(_("Nothing has happened yet."), style="dim"))

    def _room(self) -> int:
        """The rows the column shows at once."""
        column = self.parent
        return column.scrollable_content_region.height if isinstance(column, Widget) else self.content_size.height

    def _kept(self, width: int, room: int) -> tuple[list[Text], int]:
        """The rows shown at ``width``, and the lines they take: the newest entry's, then older entries, each whole,
        while they fit in ``room`` lines; then the beginning of the next older one in the lines left, if any."""
        kept: list[Text] = []
        used = 0
        for i, rows in enumerate(reversed(self._entries)):
            wrapped = [line for row in rows for line in row.wrap(self.app.console, width)]
            if i and used + len(wrapped) > room:
                if room > used:
                    kept[:0] = _beginning(wrapped, room - used, width)
                    used = room
                break
            kept[:0] = rows
            used += len(wrapped)
        return kept, used

    def _rows_for(self, lines: int) -> int:
        # its height: the column's, or more when the newest event is taller (a layout pass only when that changes)
        width = self.content_size.width
        return max(self._kept(width, self._room())[1], self._room()) if self._rows and width > 0 else lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self._rows or width <= 0:
            return super().get_content_height(container, viewport, width)
        return self._kept(width, container.height)[1]

    def render(self) -> RenderResult:
        width = self.content_size.width
        if not self._rows or width <= 0:
            return super().render()
        return Text("\n").join(self._kept(width, self._room())[0])


#: the last line of an entry cut short in Last rulings: it goes on, out of the panel's room
CUT_MARK = "\u2026"


def _beginning(lines: list[Text], room: int, width: int) -> list[Text]:
    """The first of an entry's ``lines`` (wrapped at ``width``) that ``room`` lines hold, seen to be cut: a last line
    :data:`CUT_MARK`, or with one line of room, that line ending in it."""
    if room >= 2:
        return [*lines[:room - 1], Text(CUT_MARK, style="dim")]
    first = lines[0].copy()
    first.truncate(max(0, width - 1))
    first.rstrip()
    return [first + Text(CUT_MARK, style="dim")]


class RulingsColumn(KeyScroll):
    """The column of the last rulings, the newest event last; it scrolls when that event and its working are taller
    than the column (up, down, PageUp, PageDown, Home, End, the wheel), and Tab reaches it only then."""

    DEFAULT_CSS = """
    RulingsColumn { height: 1fr; border: round $primary; scrollbar-size-vertical: 1; border-title-color: $legible-primary; }
    """
    FOCUS_WHEN_CUT = True

    def to_newest(self) -> None:
        """The newest entry's beginning in view: the top (the panel holds older entries only while the newest fits).

        Not anchored at the foot: an entry taller than the column showed its end, without its verdict."""
        self.scroll_home(animate=False, immediate=True)


#: a track's border while a team acts on it (square, its name marked ▶: a shape no status has; found from outside, it
#: was heavy as a collapse's, told from it by an orange against a red), and by its status
_DASHED = box.Box("\u256d\u254c\u254c\u256e\n\u254e \u254e\u254e\n\u251c\u254c\u253c\u2524\n\u254e \u254e\u254e\n"
                  "\u251c\u254c\u253c\u2524\n\u251c\u254c\u253c\u2524\n\u254e \u254e\u254e\n\u2570\u254c\u254c\u256f\n")
BORDERS: dict[str, tuple[box.Box, str]] = {
    "acting": (box.SQUARE, "accent"),
    "open": (box.ROUNDED, "primary-darken-1"),
    "agreed": (box.DOUBLE, "success"),
    "collapsed": (box.HEAVY, "error"),
    "deferred": (_DASHED, "warning"),
}
ACTING_MARK = "\u25b6"  # before the name of a track the team to move plays on (as before the team's name in Turn)
TRACK_ROWS = 4  # a track panel's least number of lines inside its border


_SPACE = Segment(" ")


def _color(theme: dict[str, str], name: str) -> Style:
    """A border style in the theme's colour ``name`` (none if the theme lacks it)."""
    color = theme.get(name)
    return Style.parse(color) if color else Style()


def _panel(console: Console, body: Lines, width: int, rows: int, frame: box.Box, style: Style, title: str,
           subtitle: str | None, words: Style | None = None) -> list[list[Segment]]:
    """A bordered panel, line by line, as Rich's Panel draws it: ``rows`` lines of ``body`` (cut or
    filled with blanks) inside a one-cell padding, the title set into the top edge on the left,
    the subtitle into the bottom edge on the right, every border cell in ``style``, the title and subtitle in
    ``words`` (their frame's colour made legible: the frame may be light, its words are read)."""
    inner = max(0, width - 4)
    words = style if words is None else words
    out = [_edge(frame.top_left, frame.top, frame.top_right, title, "left", width, style, words)]
    left, right = Segment(frame.mid_left, style), Segment(frame.mid_right, style)
    for i in range(rows):
        segments = list(body[i].render(console, end="")) if i < len(body) else []
        used = sum(s.cell_length for s in segments)
        out.append([left, _SPACE, *segments, Segment(" " * (inner - used + 1)), right])
    out.append(_edge(frame.bottom_left, frame.bottom, frame.bottom_right, subtitle, "right", width, style, words))
    return out


def _edge(start: str, fill: str, end: str, label: str | None, align: str, width: int,
          style: Style, words: Style) -> list[Segment]:
    """A panel's top or bottom edge in ``style``, with a label in ``words`` set into it (cut to fit)."""
    if label is None or width <= 4:
        return [Segment(start + fill * max(0, width - 2) + end, style)]
    room = width - 4
    label = f" {label} "
    if cell_len(label) > room:  # cut, and seen to be cut: a long language's name ends in an ellipsis
        label = set_cell_size(label, max(0, room - 2)).rstrip() + "\u2026 " if room > 3 else set_cell_size(label, room)
    rest = Segment(fill * (room - cell_len(label)), style)
    middle = [Segment(label, words), rest] if align == "left" else [rest, Segment(label, words)]
    return [Segment(start + fill, style), *middle, Segment(fill + end, style)]


def packed(items: list[str], width: int | None, sep: str = " \u00b7 ") -> str:
    """Items joined by ``sep``, broken into lines of ``width`` cells between items, never inside one."""
    if width is None or width <= 0:
        return sep.join(items)
    lines: list[str] = []
    for item in items:
        if lines and cell_len(lines[-1] + sep + item) <= width:
            lines[-1] += sep + item
        else:
            lines.append(item)
    return "\n".join(lines)


def member_label(state: State, actor_id: str) -> str:
    """How a track panel names a member: the actor's ``short`` where the scenario gives one (RU, UA), else its name
    without a gloss in brackets ("Kessaria (upstream)" -> "Kessaria"). An id is for files, never for the room (found
    from outside: a designer's actors ``sud`` and ``med`` read "SUD" and "MED" on the board, in every language)."""
    actor = shown(state).index.actors[actor_id]
    if actor.short:
        return literal(actor.short)
    name = actor.name
    short = name.split(" (", 1)[0].strip()
    return literal(short or name)


def track_text(state: State, track_id: str, compact: bool = False, width: int | None = None, *, ladder: bool = True,
               fold: bool = False, whole_name: bool = False, acting: bool = False) -> Text:
    """What a track's panel holds: its ladder with the position marked, tension against breakdown, members.

    ``width``: the panel's inner width, so that the members wrap between members, never inside one.
    Compact (two lines: name and status, then tension and ladder), ``ladder``: the ladder drawn, rung by rung, before
    its position's numbers (False: the numbers alone, the rung's name given the room); ``fold``: a rung's name too
    long for its line goes on under it, between words (else the line is cut where the column ends); ``whole_name``:
    so does the track's name, its status after it (else the name is cut to leave the status room); ``acting``: the
    team to move plays on it, its name marked :data:`ACTING_MARK` as the wide board's frame is (found from outside: at
    80x24 nothing marked them, while F1 there explained the mark)."""
    spec = shown(state).index.tracks[track_id]
    track = state.tracks[track_id]
    top = len(spec.ladder) - 1
    out = Text()
    danger = wording.near_breakdown(track.tension, spec.breakdown_at, track.is_open)
    # the language's own quotes (ru, uk: «…»): found from outside, “Контакты восстановлены” beside «Границы»
    rung = _("\u201c{rung}\u201d").format(rung=literal(spec.ladder[track.position]))
    if compact:
        # two lines: the tension comes before the rung's name, so a narrow column cuts only the name
        # a provisional deal says so, as the wide board's panel does (found from outside: "✔ AGREED" at 80x24, a
        # package deal's provisional agreement read as final)
        status, name = f"  {status_word(state, track_id)}", literal(spec.name)
        if acting:
            name = f"{ACTING_MARK} {name}"
        # a name folded over lines leaves its status a line of its own at worst: the words shortened only if that
        # is too narrow for them
        long = width is not None and cell_len(name + status) > width
        if width is not None and track.provisional and cell_len(("" if whole_name else name) + status) > width:
            status = f"  {wording.STATUS_MARK[track.status]}{wording.provisional_words('')}"  # "✔ (provisional)"
        if whole_name and width is not None and long:
            _fold_name(out, name, status, track.status, width)
        else:
            # the name gives way, never the status, open or reached (found from outside: the replay at 80x24 in
            # Russian read "Стратегическая стабильность  ○" with no word, the room's only sign the track was open,
            # where Ukrainian cut the name and kept "✔ УЗГОДЖЕНО")
            if width is not None and cell_len(name + status) > width:
                name = set_cell_size(name, max(1, width - cell_len(status) - 1)).rstrip() + "\u2026"
            out.append(name, style="bold")
            out.append(status, style=STATUS_STYLE[track.status])
        # the word as short as the language allows: a narrow column cuts the ladder after it
        out.append("\n " + pgettext("a narrow column", "tension") + " ")
        out.append(f"{track.tension}/{spec.breakdown_at}" + (" \u26a0" if danger else ""),
                   style=DANGER if danger else "bold")
        out.append("  ")
        if ladder:
            out.append_text(ladder_text(track.position, spec.agreement_at, top))
            out.append(" ")
        out.append(f"{track.position}/{top} ")
        if fold and width is not None:
            _fold_rung(out, rung, width)
        else:
            out.append(rung, style="bold")
        return out
    out.append_text(ladder_text(track.position, spec.agreement_at, top))
    out.append(f" {track.position}/{top} ")
    out.append(rung, style="bold")
    out.append("\n" + _("tension") + " ")
    out.append(gauge(track.tension, spec.breakdown_at), style=DANGER if danger else "")
    out.append(f" {track.tension}/{spec.breakdown_at}", style=DANGER if danger else "")
    if danger:  # the gauge's full length is the breakdown; the words only when it is near
        out.append(" \u26a0 " + _("NEAR BREAKDOWN at {breakdown}").format(breakdown=spec.breakdown_at),
                   style=DANGER)
    out.append("\n" + packed(seating(state, track_id), width), style="dim")
    return out


def seating(state: State, track_id: str) -> list[str]:
    """Who sits at a track, as its panel names them, then how many must ratify and who holds a veto, where the
    track sets it: the wide panel's last line, item by item ("RU", "UA", "US", "EU", "ratify 3", "veto UA RU")."""
    spec = shown(state).index.tracks[track_id]
    items = [member_label(state, m) for m in spec.members]
    if spec.ratify is not None:
        items.append(_("ratify {n}").format(n=spec.threshold()))
        if spec.vetoes():
            items.append(_("veto {actors}").format(actors=" ".join(member_label(state, v) for v in spec.vetoes())))
    return items


def seating_lines(state: State, track_id: str) -> list[str]:
    """What the help (F1) says of who sits at a track: the wide panel's line (:func:`seating`), then each member
    whose panel name is not its full name, both given ("RU — Russia"). Found from outside: at 80x24 a track's
    panel is two lines, and nothing on screen said who sits at it, who ratifies, who holds a veto."""
    actors = shown(state).index.actors
    lines = [" \u00b7 ".join(seating(state, track_id))]
    for m in shown(state).index.tracks[track_id].members:
        label, name = member_label(state, m), literal(actors[m].name)
        if label != name:
            lines.append(f"{label} \u2014 {name}")
    return lines


#: how a rung's name that goes on under its track's lines is set in: under the tension, one cell further
FOLD_INDENT = "   "


def _fold_rung(out: Text, rung: str, width: int) -> None:
    """``rung`` after ``out``'s last line, its words going on under it, set in, where the line ends at ``width``."""
    used = cell_len(out.plain.rsplit("\n", 1)[-1])
    line: list[str] = []
    for word in rung.split(" "):
        if line and used + cell_len(" ".join([*line, word])) > width:
            out.append(" ".join(line), style="bold")
            out.append("\n" + FOLD_INDENT)
            used, line = cell_len(FOLD_INDENT), []
        line.append(word)
    out.append(" ".join(line), style="bold")


def _fold_name(out: Text, name: str, status: str, track_status: str, width: int) -> None:
    """A track's ``name`` over as many lines of ``width`` as it needs, broken between words as the members are
    (:func:`packed`), its ``status`` after its last word, as on every track's line; on a line of its own, set in as
    the tension's, only when the last word is too long to share one with it."""
    words = name.split(" ")
    alone = cell_len(words[-1] + status) > width
    lines = packed(words if alone else [*words[:-1], words[-1] + status], width, sep=" ").split("\n")
    if not alone:
        lines[-1] = lines[-1][:len(lines[-1]) - len(status)]
    out.append("\n".join(lines), style="bold")
    out.append("\n " + status.lstrip() if alone else status, style=STATUS_STYLE[track_status])


def compact_board(screen: Size) -> bool:
    """Whether a screen this size lists the tracks a line pair each rather than in boxes two by two
    (narrower than 110 columns or shorter than 34 rows): the hot seat's board and the facilitator's console."""
    return screen.width < 110 or screen.height < 34


class Board(Widget):
    """The whole board in one widget: a panel per track (two columns; one line pair each when
    compact), the meters under them. Always on screen.

    One widget rather than a grid of panels: each widget costs Textual a
    style, a layout and a render of its own, and the board was a third of
    the widgets on the play screen.
    """

    DEFAULT_CSS = """
    Board { height: auto; }
    """

    def __init__(self, state: State, **kwargs: object):
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._state = state
        self._acting: str | None = None
        self.compact = False
        self._view: tuple[object, ...] | None = None
        self._built: tuple[tuple[object, ...], int, list[Strip | None]] | None = None
        #: each row of two track panels as last drawn, by its widths, colours and its tracks' view: a
        #: key press on a big board draws again only the rows it changed
        self._rows: dict[tuple[object, ...], list[Strip]] = {}
        self._bodies: dict[tuple[object, ...], Lines] = {}  # each track's wrapped text, by its state
        self._pending: dict[int, tuple[object, ...]] = {}  # rows not drawn yet, by their first line
        self.rows_drawn = 0  # rows of track panels drawn so far (tests count them)
        #: compact, the rows the board leaves under it in its column (None: a rung's name never takes another line)
        self.rows_under: int | None = None
        #: compact, a track's name too long for its line goes on under it, whatever the rows (False: it is cut)
        self.whole_names = False
        self._column = 0  # the rows of the column the board is in, as last laid out

    def show(self, state: State, acting: str | None = None, compact: bool = False) -> None:
        self._state, self._acting, self.compact = state, acting, compact
        view = self._view_of(state, acting, compact)
        if view == self._view:
            return  # nothing on the board changed: no repaint
        self._view = view
        width = self.content_size.width
        before = len(self._built[2]) if self._built else -1
        after = len(self._build(width)[2]) if width > 0 else -2
        # a layout pass over the whole screen is the dearest part of a repaint: only when the height changes
        self.refresh(layout=after != before)

    def _view_of(self, state: State, acting: str | None, compact: bool) -> tuple[object, ...]:
        tracks = tuple(
            (t.id, s.position, s.tension, s.status, s.provisional, self._is_acting(state, t.id, acting))
            for t in state.ruleset.tracks
            for s in (state.tracks[t.id],)
        )
        return (compact, tracks, tuple(sorted(state.meters.items())), id(state.scenario))

    @staticmethod
    def _is_acting(state: State, track_id: str, acting: str | None) -> bool:
        spec = state.scenario.index.tracks[track_id]
        return acting is not None and acting in spec.members and state.tracks[track_id].is_open

    def track_text(self, track_id: str) -> Text:
        """One track as the board shows it: its name, status and panel text (for tests and tools)."""
        state = self._state
        out = Text(literal(shown(state).index.tracks[track_id].name) + "\n")
        out.append(status_word(state, track_id) + "\n")
        out.append_text(track_text(state, track_id, self.compact))
        return out

    def _build(self, width: int) -> tuple[tuple[object, ...], int, list[Strip | None]]:
        """The board's lines at ``width``: a row of track panels not drawn before is left None (its
        height known) until it is first shown (:meth:`render_line`): a big board draws what fits."""
        view = self._view if self._view is not None else self._view_of(self._state, self._acting, self.compact)
        if self.compact:
            view = (*view, self._column)  # the column's rows: a rung's name may take another line
        if self._built is not None and self._built[0] == view and self._built[1] == width:
            return self._built
        state, colors, console = self._state, self.app.theme_variables, self.app.console
        # the widget's own colours under every cell, as Textual gives them to a rendered Rich renderable
        base = self.visual_style.rich_style
        strips: list[Strip | None] = []
        self._pending = {}
        if self.compact:
            for lines in self._compact_tracks(max(1, width - 2)):
                for line in lines:
                    line.truncate(max(1, width - 2), overflow="ellipsis", pad=True)
                    strips.append(Strip(Segment.apply_style([_SPACE, *line.render(console, end=""), _SPACE], base)))
            # one line a meter, no frame: on a small screen the rows go to the rulings
            for m in state.ruleset.meters:
                line = meter_text(state, m.id, max(1, width - 2))
                line.truncate(max(1, width - 2), overflow="ellipsis", pad=True)
                strips.append(Strip(Segment.apply_style([_SPACE, *line.render(console, end=""), _SPACE], base)))
        else:
            self._plan_rows(view[1], width, base, strips)
            meters = meters_lines(state, console, max(1, width - 4))
            strips.extend(Strip(Segment.apply_style(line, base)) for line in _panel(
                console, meters, width, len(meters), box.ROUNDED, _color(colors, "secondary"), _("Meters"), None,
                _color(colors, "legible-secondary")))
        self._built = (view, width, strips)
        return self._built

    def _compact_tracks(self, width: int) -> list[list[Text]]:
        """Each track's lines on a compact board, ``width`` cells wide (:attr:`rows_under` set: the play screen's).

        The rung's name is what the room reads a track's position by (found from outside: at 80x24 in Ukrainian every
        track read «Замо…», «Глух…», «Непр…», in every phase). The ladder is drawn rung by rung only where every
        track's name fits beside it; else its numbers alone, and a name still too long goes on under its track's
        lines as long as the column has rows for it beyond :attr:`rows_under` (the tracks first on the board
        first); past them it is cut. With :attr:`whole_names` (the replay's), a track's name too long for its line
        goes on under it first, whatever the rows (found from outside: the debrief's projector at 80x24 read
        «Стратегическая стабильно…», at 72x20 «Диалог второ…», «Гуманитарные…»); the rungs' names have what is left."""
        state = self._state
        tracks = [t.id for t in state.ruleset.tracks]
        acting = {t: self._is_acting(state, t, self._acting) for t in tracks}
        if self.rows_under is None:  # a board that has not asked for it (a seat's): drawn as it was
            return [track_text(state, t, compact=True, width=width, acting=acting[t]).split("\n") for t in tracks]
        ladder = all(cell_len(track_text(state, t, compact=True, width=width).plain.split("\n")[1]) <= width
                     for t in tracks)
        named = {t: track_text(state, t, compact=True, width=width, ladder=ladder, whole_name=self.whole_names,
                               acting=acting[t]) for t in tracks}
        tall = {t: len(text.plain.split("\n")) for t, text in named.items()}  # its name's lines and the tension's
        spare = self._column - self.rows_under - sum(tall.values()) - len(state.ruleset.meters)
        out: list[list[Text]] = []
        for t in tracks:
            lines = named[t].split("\n")
            if spare > 0:
                folded = track_text(state, t, compact=True, width=width, ladder=ladder, fold=True,
                                    whole_name=self.whole_names, acting=acting[t]).split("\n")
                if len(folded) - tall[t] <= spare:  # else no rows left for it: cut at the column's end
                    spare -= len(folded) - tall[t]
                    lines = folded
            out.append(lines)
        return out

    def _plan_rows(self, tracks: tuple[object, ...], width: int, base: Style, strips: list[Strip | None]) -> None:
        """The rows of two track panels: kept as drawn while their tracks are unchanged, else their
        height worked out (the wrapped texts, kept per track state) and their drawing left for later."""
        state, console = self._state, self.app.console
        specs = state.ruleset.tracks
        left = max(8, (width - 1) // 2)
        right = max(8, width - 1 - left)
        kept, self._rows = self._rows, {}
        bodies, self._bodies = self._bodies, {}
        for row_start in range(0, len(specs), 2):
            row = specs[row_start:row_start + 2]
            row_key = (left, right, base, tracks[row_start:row_start + 2])
            drawn = kept.get(row_key)
            if drawn is not None:
                self._rows[row_key] = drawn
                strips.extend(drawn)
                continue
            texts = []
            for t, w in zip(row, (left, right), strict=False):
                s = state.tracks[t.id]
                body_key = (t.id, s.position, s.tension, s.status, w)
                text = bodies.get(body_key) or track_text(state, t.id, width=w - 4).wrap(console, w - 4)
                self._bodies[body_key] = text
                texts.append(text)
            height = max(TRACK_ROWS, *(len(text) for text in texts)) + 2
            self._pending[len(strips)] = (row_key, row, texts, (left, right), height)
            strips.extend([None] * height)

    def _draw_row(self, start: int, strips: list[Strip | None]) -> None:
        """Draw the row of track panels whose first line is ``start`` into ``strips``."""
        row_key, row, texts, (left, right), height = self._pending.pop(start)
        state, colors, console = self._state, self.app.theme_variables, self.app.console
        self.rows_drawn += 1
        panels = []
        for t, body, w in zip(row, texts, (left, right), strict=False):
            kind = "acting" if self._is_acting(state, t.id, self._acting) else state.tracks[t.id].status
            frame, color_name = BORDERS[kind]
            name = literal(shown(state).index.tracks[t.id].name)
            panels.append(_panel(console, body, w, height - 2, frame, _color(colors, color_name),
                                 f"{ACTING_MARK} {name}" if kind == "acting" else name, status_word(state, t.id),
                                 _color(colors, f"legible-{color_name}")))
        if len(panels) == 1:  # the second column stays empty, in the board's colours
            panels.append([[Segment(" " * right)]] * len(panels[0]))
        base = row_key[2]
        drawn = [Strip(Segment.apply_style([*first, _SPACE, *second], base)) for first, second in zip(*panels, strict=True)]
        strips[start:start + height] = drawn
        self._rows[row_key] = drawn

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._column = container.height
        return len(self._build(width)[2])

    def render_line(self, y: int) -> Strip:
        # the board draws its lines itself: a Rich Panel per track cost a tenth of the first frame
        width = self.content_size.width
        strips = self._build(width)[2]
        if y >= len(strips):
            return Strip.blank(width, self.visual_style.rich_style)
        if strips[y] is None:
            self._draw_row(max(start for start in self._pending if start <= y), strips)
        return strips[y]  # type: ignore[return-value]

    def on_mount(self) -> None:
        # the borders are drawn in the theme's colours: a new theme draws them anew
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def on_unmount(self) -> None:
        self.app.theme_changed_signal.unsubscribe(self)

    def _theme_changed(self, _theme: object) -> None:
        self._built = None
        self._rows, self._pending = {}, {}
        self.refresh()

    def forget(self) -> None:
        """Draw every panel anew, in the language now spoken: its words may need other heights."""
        self._built = self._view = None
        self._rows, self._pending, self._bodies = {}, {}, {}
        self.refresh(layout=True)
