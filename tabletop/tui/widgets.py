"""Board widgets: fed a State, they show it. The play screen and the replay share them."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult, RenderResult
from textual.containers import Grid, Vertical
from textual.widgets import Static

from ..engine import State
from ..engine.rules import waiting_for
from .text import (
    STATUS_MARK,
    STATUS_STYLE,
    card_text,
    event_line,
    gauge,
    hidden_seqs,
    literal,
    names,
    ruling_lines,
    undone_seqs,
)


def ladder_text(position: int, agreement_at: int, top: int) -> Text:
    """The ladder as rungs: passed \u25cf, here \u25c9, ahead \u25cb, agreement \u2605."""
    out = Text()
    for i in range(top + 1):
        if i == position:
            out.append("\u25c9", style="bold reverse")
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

    def paint(self, text: Text) -> None:
        text.rstrip()  # a trailing newline would cost the panel an empty row
        if self._painted is not None and text == self._painted:
            return
        self._painted = text
        # a layout pass over the whole screen is the dearest part of a repaint: ask for one
        # only when the text now needs a different number of rows
        width = self.content_size.width
        lines = len(text.wrap(self.app.console, width)) if width > 0 else -1
        relayout = lines != self._painted_lines or lines < 0
        self._painted_lines = lines
        self.update(text, layout=relayout)


class TrackPanel(BoardPart):
    """One track: its ladder with the position marked, tension against breakdown, status, members."""

    DEFAULT_CSS = """
    TrackPanel {
        border: round $primary-darken-1;
        padding: 0 1;
        height: auto;
        min-height: 6;
    }
    TrackPanel.-agreed { border: double $success; }
    TrackPanel.-collapsed { border: heavy $error; }
    TrackPanel.-deferred { border: dashed $warning; }
    TrackPanel.-acting { border: heavy $accent; }
    TrackPanel.-compact { border: none; padding: 0 1; height: 2; min-height: 2; }
    """

    def __init__(self, track_id: str, **kwargs: object):
        super().__init__(id=f"track-{track_id}", **kwargs)  # type: ignore[arg-type]
        self.track_id = track_id
        self.compact = False

    def show(self, state: State, acting: str | None = None) -> None:
        spec = next(t for t in state.ruleset.tracks if t.id == self.track_id)
        track = state.tracks[self.track_id]
        for status in STATUS_MARK:
            self.set_class(track.status == status, f"-{status}")
        self.set_class(acting is not None and acting in spec.members and track.is_open, "-acting")
        self.set_class(self.compact, "-compact")
        self.border_title = Text(literal(spec.name))  # a str border title is parsed as markup
        self.border_subtitle = STATUS_MARK[track.status] + (" (provisional)" if track.provisional else "")
        top = len(spec.ladder) - 1
        out = Text()
        danger = track.tension >= spec.breakdown_at - 1 and track.is_open
        if self.compact:
            # two lines: the tension comes before the rung's name, so a narrow column cuts only the name
            out.append(literal(spec.name), style="bold")
            out.append(f"  {STATUS_MARK[track.status]}", style=STATUS_STYLE[track.status])
            out.append("\n tension ")
            out.append(f"{track.tension}/{spec.breakdown_at}" + (" \u26a0" if danger else ""),
                       style="bold red" if danger else "bold")
            out.append("  ")
        out.append_text(ladder_text(track.position, spec.agreement_at, top))
        out.append(f" {track.position}/{top} ")
        out.append(f"\u201c{literal(spec.ladder[track.position])}\u201d", style="bold")
        if not self.compact:
            out.append("\ntension ")
            out.append(gauge(track.tension, spec.breakdown_at), style="bold red" if danger else "")
            out.append(f" {track.tension}/{spec.breakdown_at}", style="bold red" if danger else "")
            if danger:  # the gauge's full length is the breakdown; the words only when it is near
                out.append(f" \u26a0 NEAR BREAKDOWN at {spec.breakdown_at}", style="bold red")
            out.append("\n" + " \u00b7 ".join(m.upper() for m in spec.members), style="dim")
            if spec.ratify is not None:
                extra = f" \u00b7 ratify {spec.threshold()}"
                if spec.vetoes():
                    extra += " \u00b7 veto " + " ".join(v.upper() for v in spec.vetoes())
                out.append(extra, style="dim")
        self.paint(out)


class MetersBar(BoardPart):
    DEFAULT_CSS = """
    MetersBar { height: auto; padding: 0 1; border: round $secondary; }
    """

    def show(self, state: State) -> None:
        out = Text()
        for i, m in enumerate(state.ruleset.meters):
            value = state.meters[m.id]
            if i:
                out.append("    ")
            out.append(f"{literal(m.name)} ", style="bold")
            out.append(f"{gauge(value - m.min, m.max - m.min)} {value}/{m.max}")
        self.border_title = "Meters"
        self.paint(out)


class TurnPanel(BoardPart):
    """Round, phase, whose turn, what it may still spend, and the phase timer."""

    DEFAULT_CSS = """
    TurnPanel { height: auto; padding: 0 1; border: round $accent; }
    """

    def show(self, state: State, acting: str | None, seats: dict[str, str], timer: str = "", paused: bool = False) -> None:
        n = names(state)
        rs = state.ruleset.ruleset
        out = Text()
        if paused:
            out.append(" PAUSED ", style="bold reverse")
            out.append("  ")
        phase = "GAME OVER" if state.over else state.phase.upper()
        out.append(f"Round {state.round}/{rs.turns} \u00b7 {phase}", style="bold")
        if timer:
            out.append(f"  time {timer}")
        out.append("\n")
        waiting = waiting_for(state)
        if acting is not None:
            seat = seats.get(acting, "human")
            who = f"{n.get(acting, acting)}" + ("" if seat == "human" else f" (bot: {seat})")
            verb = {"move": "to move", "vote": "to vote", "choice": "to answer the card"}.get(waiting, "to act")
            out.append(f"\u25b6 {who} {verb}\n", style="bold")
            res = state.resources.get(acting, {})
            spend = ", ".join(f"{v} {k}" for k, v in res.items()) or "no resources"
            left = state.actions_left.get(acting)
            out.append(f"  has {spend}")
            if waiting == "move" and left is not None:
                out.append(f"; {left} action{'s' if left != 1 else ''} left")
            out.append("\n")
        elif not state.over:
            out.append("\u25b6 Facilitator: " + {
                "draw": "draw the event card",
                "card": "apply the card",
                "roll": "roll the dice",
                "rule": "rule on the move",
                "enact": "reveal and apply",
                "advance": "continue",
            }.get(waiting, waiting) + "\n", style="bold")
        if state.phase == "moves" and rs.sealed_moves and not state.over:
            committed = {p.actor for p in state.queue if p.sealed and not p.revealed}
            if committed:
                out.append("  committed: " + ", ".join(n.get(a, a) for a in sorted(committed)) + "\n", style="dim")
        self.border_title = "Turn"
        self.paint(out)


class CardPanel(BoardPart):
    DEFAULT_CSS = """
    CardPanel { height: auto; max-height: 14; padding: 0 1; border: round $warning; }
    """

    def show(self, state: State, facilitator: bool) -> None:
        card_id = state.card
        if card_id is None:
            last = next((e for e in reversed(state.recent(40)) if e.action.kind in ("apply_card", "choose")), None)
            if last is not None and last.round == state.round:
                card = next(c for c in state.scenario.deck.cards if c.id == last.action.card)
                self.border_title = "This round's card (applied)"
                self.paint(card_text(state, card, facilitator))
                return
            self.border_title = "Card"
            self.paint(Text("No card on the table.", style="dim"))
            return
        card = next(c for c in state.scenario.deck.cards if c.id == card_id)
        self.border_title = "Event card"
        self.paint(card_text(state, card, facilitator))


class RulingsPanel(BoardPart):
    """The last events, with the working of each ruling."""

    _rows: list[Text] = []

    DEFAULT_CSS = """
    RulingsPanel { height: 1fr; padding: 0 1; border: round $primary; overflow-y: auto; }
    """

    def show(self, state: State, lines: int = 14) -> None:
        hidden = hidden_seqs(state)
        log = state.recent(lines)
        undone = undone_seqs(log)  # an undo comes after what it undoes: the tail holds them all
        out = Text()
        rows: list[Text] = []
        for event in log:
            rows.append(event_line(state, event, hidden, undone))
            if event.seq not in hidden:
                rows.extend(ruling_lines(state, event))
        for row in rows[-lines:]:
            out.append_text(row)
            out.append("\n")
        self.border_title = "Last rulings"
        self._rows = rows[-lines:]
        self.paint(out if rows else Text("Nothing has happened yet.", style="dim"))

    def render(self) -> RenderResult:
        # the newest ruling and its working come last: when wrapped lines do not all fit,
        # the oldest rows give way, never the working of the newest ruling
        width, height = self.content_size
        if not self._rows or width <= 0 or height <= 0:
            return super().render()
        kept: list[Text] = []
        used = 0
        for row in reversed(self._rows):
            need = len(row.wrap(self.app.console, width))
            if kept and used + need > height:
                break
            kept.append(row)
            used += need
        return Text("\n").join(reversed(kept))


class Board(Vertical):
    """The whole board: every track, the meters. Always on screen."""

    DEFAULT_CSS = """
    Board { height: auto; }
    Board Grid { grid-size: 2; grid-gutter: 0 1; height: auto; }
    Board.-compact Grid { grid-size: 1; grid-gutter: 0; }
    """

    def __init__(self, state: State, **kwargs: object):
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._state = state

    def compose(self) -> ComposeResult:
        with Grid():
            for t in self._state.ruleset.tracks:
                yield TrackPanel(t.id)
        yield MetersBar()

    def show(self, state: State, acting: str | None = None, compact: bool = False) -> None:
        self._state = state
        self.set_class(compact, "-compact")
        for panel in self.query(TrackPanel):
            panel.compact = compact
            panel.show(state, acting)
        self.query_one(MetersBar).show(state)
