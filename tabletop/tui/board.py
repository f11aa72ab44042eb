"""The play screen: the board on the left, the decision at hand on the right.

A thin view: it lists what ``legal_actions`` offers (and, greyed with the
engine's reason, what it refuses), sends actions through the Session, and
redraws from the new state. It never decides a rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..content.grammar import possessive
from ..engine import Action, RuleViolation, State, move_options, waiting_for
from ..engine.review import last_undoable
from ..play.session import Session
from . import clock as room_clock
from .bars import KeyBar, TitleBar
from .cardhold import CardHold
from .clock import Now
from .facilitator import PRIVATE_WARNING, FacilitatorPanel
from .keys import key_available
from .notices import Refusals
from .review import review_text
from .savefail import not_saved_words
from .sealed import SealedDesk
from .text import card_text, literal, move_words, named, names, outcome_text, ruling_lines
from .timekeeper import Timekeeper
from .widgets import Board, BoardPart, CardPanel, RulingsPanel, TurnPanel

# The dialogs (.modals) are imported by the actions that open them: the first board needs none.

BOT_DELAY = 0.9  # seconds a bot "thinks" so the room can follow


class DecisionList(OptionList):
    """The decision at hand: the column gives it its height, whatever it lists.

    Textual lays the whole screen out again when a widget's virtual size
    changes, as it does with every new list here; since the size of this
    list never depends on its content, a new list only repaints it (a
    scrollbar that appears or goes still asks for a layout). That layout
    pass was most of the time from a key press to the new list on screen.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class Entry(NamedTuple):
    """One line of the decision list: its words, what choosing it does, and why it is refused."""

    label: Text
    run: Callable[[], None]
    problem: str | None = None
    hint: str | None = None  # a short form of the problem for the list (the problem itself is notified)


class BoardScreen(Screen[None]):
    """The board for a game in progress."""

    BINDINGS = [
        # one key, two bindings: the footer names what p does now (check_action hides the other)
        Binding("p", "pause", "Pause", id="facilitator.pause"),
        Binding("p", "resume", "Resume", id="facilitator.resume"),
        Binding("plus,equals_sign", "extend", "+1 min", id="facilitator.extend"),
        Binding("i", "inject", "Inject", id="facilitator.inject"),
        Binding("k", "skip", "Skip card", id="facilitator.skip"),
        Binding("r", "redraw", "Redraw", id="facilitator.redraw"),
        Binding("o", "override", "Override", id="facilitator.override"),
        Binding("u", "undo", "Undo", id="facilitator.undo"),
        Binding("n", "note", "Note", id="facilitator.note"),
        Binding("e", "end_game", "End", id="facilitator.end"),
        Binding("f", "facilitator_panel", "Facilitator", id="facilitator.panel"),
        Binding("s", "private_notes", "Private notes", show=False, id="facilitator.private"),
        Binding("escape", "back", "Back", show=False, id="play.back"),
        *[Binding(str(i), f"pick({i})", show=False, id=f"play.pick{i}") for i in range(1, 10)],
    ]

    # The title and key bars are docked: the two columns are the screen's own layout.
    # #turn and #prompt keep room for what they usually say, so that a new team's turn, one line
    # longer or shorter, repaints them without laying the screen out again.
    # The decision column widens with the screen (40%, 48 to 96 cells; half the screen from 160
    # columns), so a wide screen gives the card and the list room instead of stretching the
    # tracks. The decision list takes the rows the column has left and scrolls inside them, so
    # its highlight stays in view; its scrollbar's room is kept even without one, so an option
    # never wraps at one width and is drawn at another (the list measured its options without
    # the bar and cut their last line once the bar came).
    # The card and the prompt scroll rather than cut (the card's effect line comes before its
    # choices), so the list keeps its rows on a small screen.
    # Compact (80x24 up to 110x34): no border on the turn panel, the rulings under the board,
    # the facilitator's panel in their place while open.
    # The rules are in board.tcss, which the app loads (TabletopApp.CSS_PATH): Textual reads a
    # screen's own CSS_PATH only for screens it pushes, and the board is the first screen itself.
    # (The comments live here, not in board.tcss: Textual parses the CSS on every start.)

    def __init__(self, session: Session, now: Now | None = None):
        super().__init__()
        self.session = session
        # the phase timer and session clock read ``now`` (tests pass a clock they move by hand)
        self.timekeeper = Timekeeper(self, now or room_clock.wall_clock)
        self.paused = self.timekeeper.clock.paused  # a game saved while paused resumes paused
        self.stage: str | None = None  # None, or the track ("@global" for global moves) a team is choosing on
        self.entries: list[Entry] = []
        self._listing: tuple[str, list[tuple[str, str | None]]] | None = None
        self.show_facilitator = False
        self.sealed = SealedDesk()
        self.refusals = Refusals()
        self.card_hold = CardHold()  # a bot answers a card only once the facilitator has read it out
        self.show_private: int | None = None  # the round whose private notes are on screen, if any
        self._bot_timer: Timer | None = None
        self._prompt_text: Text | None = None
        self._keys_shown: tuple[bool, ...] | None = None
        self._ended_shown = False
        self._compact_drawn: bool | None = None

    # -- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="left"):
            yield Board(self.session.state, id="board")
            yield RulingsPanel(id="rulings")
            # the facilitator's panel comes under the rulings when first opened
        with Vertical(id="side"):
            yield TurnPanel(id="turn")
            with VerticalScroll(id="card-box"):
                yield CardPanel(id="card")
            with VerticalScroll(id="prompt-box"):
                yield BoardPart("", id="prompt")
            yield DecisionList(id="decision")
        yield KeyBar()

    def on_mount(self) -> None:
        rs = self.session.scenario.ruleset.ruleset
        self.title = literal(rs.name)
        self.sub_title = f"{rs.independence} independence \u00b7 save: {literal(self.session.save_path)}"
        self.set_interval(1.0, self._tick)
        for message in self.session.messages:
            self.notify(literal(message), title="Save recovered", timeout=12, markup=False)
        if self.paused:
            self.notify("The game was paused when it was saved: press p to go on.", title="Paused", timeout=12)
        self.refresh_view()
        self.query_one("#decision", OptionList).focus()

    def on_resize(self) -> None:
        # Textual rewraps the panels at the new size itself; the board is drawn anew only when
        # the screen crosses into or out of the compact layout (at start-up it is resized 3 times).
        # A resize can arrive while the panels are still being mounted (seen under load): the
        # first drawing is on_mount's, once every panel is there.
        if self._compact_drawn is None:
            return
        if self.compact != self._compact_drawn:
            self.refresh_view()
        self.set_class(self.app.size.width >= 160, "-wide")

    @property
    def compact(self) -> bool:
        return self.app.size.width < 110 or self.app.size.height < 34

    # -- drawing -------------------------------------------------------------

    def refresh_view(self) -> None:
        state = self.session.state
        acting = self.session.acting()
        self.timekeeper.follow(state)
        self._compact_drawn = self.compact
        self.set_class(self.compact, "-compact")
        self.set_class(self.app.size.width >= 160, "-wide")  # half the screen for the decision column
        self.set_class(self.show_facilitator, "-facilitator")
        self.query_one(Board).show(state, acting, compact=self.compact)
        self._show_turn(acting)
        self.query_one(CardPanel).show(state, False)  # the control note is in the facilitator panel, whole
        self.query_one(RulingsPanel).show(state, brief=self.compact)
        self._build_decision(state, acting)
        if self.show_private is not None and self.show_private != state.round:
            self.show_private = None  # a new round: the private notes leave the projector
        if self.show_facilitator:
            self._facilitator_panel().show(state, self.show_private is not None)
        self._schedule_bot()
        if self.timekeeper.clock.time_up():
            self.call_later(self.timekeeper.pass_if_out_of_time)  # after this redraw, not inside it
        keys = (state.card is not None, state.previous is not None, state.over, self.paused)
        if keys != self._keys_shown:
            # the footer rebuilds itself on refresh_bindings: only when a key's availability changed
            self._keys_shown = keys
            self.refresh_bindings()
        if state.over and not self._ended_shown:
            self._ended_shown = True
            from .end import EndScreen

            self.app.push_screen(EndScreen(state, self.session.save_path, head=self.session.save_head))

    def _show_turn(self, acting: str | None) -> None:
        panel = self.query_one(TurnPanel)
        panel.show(self.session.state, acting, self.session.seats, self.timekeeper.phase_text(), self.paused)
        panel.border_subtitle = self.timekeeper.session_text()

    @property
    def seconds_left(self) -> int:
        """Whole seconds left on the phase timer (0: time is up, or no timer)."""
        return self.timekeeper.seconds_left

    def _tick(self) -> None:
        if self.session.state.over:
            return
        self._show_turn(self.session.acting())
        self.timekeeper.tick()

    # -- the decision list ---------------------------------------------------

    def _set_entries(self, prompt: str | Text, entries: list[Entry]) -> None:
        # the cursor stays put only when the same list is redrawn (pause, note, panel); a new list
        # (a track's moves after the track list, the next team) starts on its first allowed line
        prompt = prompt if isinstance(prompt, Text) else Text(prompt)
        listing = (prompt.plain, [(e.label.plain, e.problem) for e in entries])
        same_list, self._listing = listing == self._listing, listing
        self.entries = entries
        if same_list and self._prompt_text == prompt:
            return  # nothing to redraw: a repaint costs a layout pass
        self._prompt_text = prompt
        self.query_one("#prompt", BoardPart).paint(prompt)
        options = self.query_one("#decision", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for i, entry in enumerate(entries):
            label = Text(f"{i + 1}. " if i < 9 else "   ")
            label.append_text(entry.label)
            if entry.problem:
                label.stylize("dim")
                label.append(f"\n     \u2716 {entry.hint or entry.problem}", style="dim italic")
            options.add_option(Option(label, id=str(i)))
        if entries:
            first_ok = next((i for i, e in enumerate(entries) if not e.problem), 0)
            keep = highlighted if highlighted is not None and highlighted < len(entries) and same_list else first_ok
            options.highlighted = keep

    def _build_decision(self, state: State, acting: str | None) -> None:
        n = names(state)
        session = self.session
        if state.over:
            self._set_entries("The game is over.", [Entry(Text("Show the outcome"), self._show_end)])
            return
        step = self.sealed.step(state, acting is not None and not session.is_bot(acting))
        if step is not None:
            self._sealed_step(state, step.kind, step.team, step.to)
            return
        if session.is_bot(acting) and self.card_hold.held(state):
            who = n.get(acting or "", acting)
            self._set_entries(
                Text(f"{who} (bot) answers this card. Read it out first (k: skip it, r: redraw).",
                     style="bold"),
                [Entry(Text(f"Let {who} answer the card"), self._release_card)],
            )
            return
        if session.is_bot(acting):
            who = n.get(acting or "", acting)
            self._set_entries(f"{who} (bot: {session.seats[acting or '']}) is deciding\u2026", [])
            return
        waiting = waiting_for(state)
        options = session.options()
        if waiting == "draw":
            self._set_entries("Event phase: draw this round's card.", [Entry(Text("Draw the event card"), self._do(options[0]))])
        elif waiting == "card":
            self._set_entries("The card is on the table. Read it out, then apply it.",
                              [Entry(Text("Apply the card to the board"), self._do(options[0]))])
        elif waiting == "choice":
            card = next(c for c in state.scenario.deck.cards if c.id == state.card)
            entries = []
            for action in options:
                choice = card.choices[action.choice or 0]
                label = Text(literal(choice.label), style="bold")
                label.append(f" \u2192 {', '.join(named(e, n) for e in choice.effects) or 'no further effect'}")
                entries.append(Entry(label, self._do(action)))
            self._set_entries(f"{n.get(card.chooser() or '', '')} answers \u201c{literal(card.title)}\u201d:", entries)
        elif waiting == "move":
            assert acting is not None
            self._build_moves(state, acting)
        elif waiting == "vote":
            head = state.queue[0]
            move = next(m for m in state.ruleset.moves if m.id == head.move)
            voter = options[0].actor or ""
            prompt = Text(f"{n.get(voter, voter)}: accept or reject?\n", style="bold")
            prompt.append(f"{n.get(head.actor, head.actor)} proposes \u201c{literal(move.name)}\u201d on {n.get(head.track or '', '')}: "
                          f"{move_words(move, n)}", style="")
            spec = state.scenario.index.tracks.get(head.track or "")
            if spec is not None:
                rule = f"\nIt passes with {spec.threshold()} of {len(spec.members)} accepting (the proposer counts)"
                if spec.vetoes():
                    rule += "; a reject by " + " or ".join(n.get(v, v) for v in spec.vetoes()) + " is a veto"
                prompt.append(rule + ".", style="italic")
            accept, reject = options
            self._set_entries(prompt, [Entry(Text("Accept"), self._do(accept)), Entry(Text("Reject"), self._do(reject))])
        elif waiting == "roll":
            head = state.queue[0]
            move = next(m for m in state.ruleset.moves if m.id == head.move)
            prompt = Text(f"Dice for {possessive(n.get(head.actor, head.actor))} \u201c{literal(move.name)}\u201d on "
                          f"{n.get(head.track or '', '')}: 2d6 + modifiers \u2265 {move.target}\n")
            for mod in move.modifiers:
                prompt.append(f"  {mod.add:+d} if {named(mod, n)}\n", style="dim")  # type: ignore[attr-defined]
            self._set_entries(prompt, [Entry(Text("Roll the dice"), self._do(options[0]))])
        elif waiting == "rule":
            head = state.queue[0]
            move = next(m for m in state.ruleset.moves if m.id == head.move)
            prompt = Text(f"Facilitator, rule on {possessive(n.get(head.actor, head.actor))} \u201c{literal(move.name)}\u201d on "
                          f"{n.get(head.track or '', '')}: {move_words(move, n)}")
            self._set_entries(prompt, [
                Entry(Text("Success \u2014 with a reason"), lambda: self._ask_ruling(head.track, True)),
                Entry(Text("Failure \u2014 with a reason"), lambda: self._ask_ruling(head.track, False)),
            ])
        elif waiting == "enact":
            head = state.queue[0]
            move = next(m for m in state.ruleset.moves if m.id == head.move)
            self._set_entries(
                f"Revealed: {possessive(n.get(head.actor, head.actor))} \u201c{literal(move.name)}\u201d on {n.get(head.track or '', 'the world')}.",
                [Entry(Text("Apply it"), self._do(options[0]))],
            )
        else:
            self._set_entries(self._advance_prompt(state), [Entry(Text(self._advance_label(state)), self._do(options[0]))])

    def _advance_label(self, state: State) -> str:
        phases = state.ruleset.ruleset.phases
        index = phases.index(state.phase)
        if index + 1 < len(phases):
            nxt = phases[index + 1]
            if state.phase == "moves" and state.ruleset.ruleset.sealed_moves and state.queue:
                return f"Reveal the sealed moves and go to {nxt}"
            return f"Continue to the {nxt} phase"
        if state.round >= state.ruleset.ruleset.turns:
            return "End the game (that was the last round)"
        return f"Start round {state.round + 1}"

    def _advance_prompt(self, state: State) -> Text:
        if state.phase != "review":
            return Text(f"{state.phase.capitalize()} phase done.")
        return review_text(state)

    def _sealed_step(self, state: State, kind: str, team: str, to: str | None) -> None:
        """The look-away gate before a team's sitting, or its hand-over after it (sealed rounds)."""
        n = names(state)
        committed = sorted({p.actor for p in state.queue if p.sealed and not p.revealed})
        so_far = ("Committed so far: " + ", ".join(n.get(a, a) for a in committed) + ".") if committed else ""
        if kind == "gate":
            def ready() -> None:
                self.sealed.ready(state, team)
                self.refresh_view()

            prompt = Text(f"Sealed round: {n[team]} enters all its moves privately. Everyone else, look away.",
                          style="bold")
            if so_far:
                prompt.append(f"\n{so_far}", style="dim")
            self._set_entries(prompt, [Entry(Text(f"Ready \u2014 {n[team]} is at the keyboard"), ready)])
            return

        def hand_over() -> None:
            self.sealed.handed_over()
            self.refresh_view()

        nxt = n.get(to, to) if to else "the facilitator"
        self._set_entries(
            Text(f"{possessive(n[team])} moves are sealed until the reveal. {n[team]}: hand over to {nxt}.",
                 style="bold"),
            [Entry(Text(f"Done \u2014 hand over to {nxt}"), hand_over)],
        )

    def _release_card(self) -> None:
        self.card_hold.release(self.session.state)
        self.refresh_view()

    def _build_moves(self, state: State, actor: str) -> None:
        n = names(state)
        rs = state.ruleset
        left = state.actions_left.get(actor, 0)
        if self.stage is None:
            # a track is greyed when the engine refuses every move there for one reason
            # (not a member, track closed): that reason, in the engine's words
            refusals: dict[str, list[RuleViolation | None]] = {}
            for action, refusal in move_options(state, actor):
                if action.track is not None:
                    refusals.setdefault(action.track, []).append(refusal)
            entries: list[Entry] = []
            for spec in rs.tracks:
                track = state.tracks[spec.id]
                label = Text(n[spec.id], style="bold")
                label.append(f"  pos {track.position}/{len(spec.ladder) - 1}, tension {track.tension}/{spec.breakdown_at}")
                found = refusals.get(spec.id, [])
                codes = {r.code if r else None for r in found}
                refusal = found[0] if found and len(codes) == 1 and None not in codes else None
                if refusal is not None:
                    hint = {"NOT_A_MEMBER": f"{n[actor]} is not at this table",
                            "TRACK_CLOSED": f"the track is {track.status}"}.get(refusal.code)
                    entries.append(Entry(label, self._refuse(refusal), refusal.message, hint))
                else:
                    entries.append(Entry(label, self._stage(spec.id)))
            if any(m.scope == "global" for m in rs.moves):
                entries.append(Entry(Text("Global moves (signals to everyone)", style="bold"), self._stage("@global")))
            entries.append(Entry(Text(f"Pass \u2014 {n[actor]} makes no more moves this round"), self._do(Action("pass", actor=actor))))
            prompt = f"{n[actor]}: pick a track, then a move ({left} action{'s' if left != 1 else ''} left)."
            self._set_entries(prompt, entries)
            return
        entries = []
        held = set(state.scenario.index.actors[actor].resources)
        for action, problem in move_options(state, actor):
            if (self.stage == "@global") != (action.track is None):
                continue
            if not set(state.scenario.index.moves[action.move or ""].cost) <= held:
                continue  # paid in a resource this actor never has (another side's move): not its to make
            if action.track is not None and action.track != self.stage:
                continue
            move = next(m for m in rs.moves if m.id == action.move)
            label = Text(literal(move.name), style="bold")
            if action.link:
                label.append(f" (with {n.get(action.link, action.link)})", style="bold")
            label.append(f" \u2014 {move_words(move, n)}")
            entries.append(Entry(label, self._confirm_move(action, problem), problem.message if problem else None))
        entries.append(Entry(Text("\u2190 Back to the tracks"), self._stage(None)))
        where = "everyone" if self.stage == "@global" else n.get(self.stage, self.stage)
        self._set_entries(f"{n[actor]} on {where}: pick a move (escape: back).", entries)

    # -- doing ---------------------------------------------------------------

    def _stage(self, stage: str | None) -> Callable[[], None]:
        def go() -> None:
            self.stage = stage
            self.refresh_view()

        return go

    def _refuse(self, problem: RuleViolation) -> Callable[[], None]:
        # engine messages quote scenario names: never markup, never raw control characters
        return lambda: self.refusals.show(self, problem.message)

    def _do(self, action: Action) -> Callable[[], None]:
        return lambda: self.act(action)

    def _confirm_move(self, action: Action, problem: RuleViolation | None) -> Callable[[], None]:
        from .modals import ConfirmScreen

        def confirm() -> None:
            state = self.session.state
            n = names(state)
            move = next(m for m in state.ruleset.moves if m.id == action.move)
            if problem is not None:
                # the engine's own words; nothing changes
                self.refusals.show(self, problem.message)
                return
            where = f" on {n.get(action.track or '', '')}" if action.track else " (global)"
            details = Text(move_words(move, n))
            if state.ruleset.ruleset.sealed_moves:
                details.append("\nSealed: the others see only that you committed, until the reveal.", style="italic")

            def done(ok: bool | None) -> None:
                if ok:
                    self.stage = None
                    self.act(action)

            self.app.push_screen(ConfirmScreen(f"{n[action.actor or '']}: {literal(move.name)}{where}?", details), done)

        return confirm

    def act(self, action: Action) -> bool:
        """Apply an action through the session (saved before the screen changes)."""
        if self.paused:
            self.notify("The game is paused: press p to resume.", severity="warning")
            return False
        try:
            self.session.apply(action)
        except RuleViolation as exc:
            self.refusals.show(self, exc.message)
            return False
        except OSError as exc:
            self._not_saved(exc, action)
            return False
        if action.kind not in ("note",):
            self.stage = None
        if action.kind == "undo":
            self.card_hold.reset()  # a card back on the table is read out again before a bot answers
        warning = self.session.state.last.result.get("warning") if self.session.state.last else None
        if warning and action.kind == "override":
            self.notify(literal(warning), title="Tension at breakdown", severity="warning", timeout=12,
                        markup=False)
        self.refresh_view()
        # each panel tells the screen of its change when its own task next idles, and a frame can
        # fall between them (the board then came a frame, ~30 ms, after the list): one repaint of
        # the screen puts the whole result in the next frame
        self.refresh()
        return True

    def _not_saved(self, exc: OSError, action: Action) -> None:
        """The save refused the action: say so plainly, and how to go on (the board is what is on disk)."""
        by_bot = self.session.is_bot(action.actor)
        if by_bot:
            # a bot would try again and again: the game waits for the facilitator
            self.paused = True
            self.timekeeper.pause(True)
            if self._bot_timer is not None:
                self._bot_timer.stop()
                self._bot_timer = None
            self.refresh_view()
        self.notify(literal(not_saved_words(exc, self.session.save_path, by_bot)),
                    title="Not saved: the action was not taken", severity="error", timeout=30, markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "decision":
            return
        event.stop()
        index = int(event.option.id or 0)
        if index < len(self.entries):
            self.entries[index].run()

    def action_pick(self, number: int) -> None:
        options = self.query_one("#decision", OptionList)
        if 0 < number <= len(self.entries):
            options.highlighted = number - 1
            options.action_select()

    def action_back(self) -> None:
        if self.stage is not None:
            self.stage = None
            self.refresh_view()

    # -- bots ----------------------------------------------------------------

    def _schedule_bot(self) -> None:
        if self._bot_timer is not None or self.paused or self.session.state.over:
            return
        state = self.session.state
        if self.sealed.step(state, False) is not None or self.card_hold.held(state):
            return  # a hand-over, or a card the facilitator has not read out yet, comes first
        if self.session.bot_action() is not None:
            self._bot_timer = self.set_timer(BOT_DELAY, self._bot_step)

    def _bot_step(self) -> None:
        self._bot_timer = None
        state = self.session.state
        if self.paused or not self.is_current:
            return
        if self.sealed.step(state, False) is not None or self.card_hold.held(state):
            return
        action = self.session.bot_action()
        if action is not None:
            self.act(action)

    # -- facilitator ---------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # False hides the key (None would only grey it): the footer lists what can be done now
        return key_available(action, self.session.state, self.paused)

    def action_pause(self) -> None:
        self.paused = not self.paused
        self.timekeeper.pause(self.paused)
        self.notify("Paused: the timer and the bots wait." if self.paused else "Resumed.", timeout=3)
        if self.paused and self._bot_timer is not None:
            self._bot_timer.stop()
            self._bot_timer = None
        self.refresh_view()

    def action_resume(self) -> None:
        self.action_pause()

    def action_extend(self) -> None:
        self.notify(self.timekeeper.extend(), timeout=3)
        self.refresh_view()

    def _facilitator_panel(self) -> FacilitatorPanel:
        """The facilitator's panel, made the first time it is opened (most sessions never do)."""
        found = self.query("#facilitator")
        if found:
            return found.first(FacilitatorPanel)
        panel = FacilitatorPanel(id="facilitator")
        # under the board, beside the decision: opening it must not squeeze the list a team acts on
        self.query_one("#left").mount(panel)
        return panel

    def action_facilitator_panel(self) -> None:
        self.show_facilitator = not self.show_facilitator
        self.refresh_view()

    def action_private_notes(self) -> None:
        """Control notes and secret objectives on the shared screen, once the facilitator confirms."""
        from .modals import ConfirmScreen

        if self.show_private is not None:
            self._hide_private()
            return

        def done(ok: bool | None) -> None:
            if ok:
                self.show_private = self.session.state.round
                self.show_facilitator = True
                self.refresh_view()

        self.app.push_screen(ConfirmScreen(PRIVATE_WARNING, Text("Any key, or the next round, hides them again.")), done)

    def _hide_private(self) -> None:
        self.show_private = None
        self.refresh_view()

    def on_key(self, event: events.Key) -> None:
        # a key reaches the screen before its bindings run: the private notes leave the projector
        # at the first key after they were shown, whatever that key then does (s only hides them)
        if self.show_private is not None:
            self._hide_private()
            if event.key == "s":
                event.stop()

    def _card_title(self) -> str:
        card = self.session.scenario.index.cards.get(self.session.state.card or "")
        return literal(card.title) if card else ""

    def action_skip(self) -> None:
        self._set_card_aside("skip", "Skip \u201c{title}\u201d?",
                             "It is set aside without effect; the record keeps it.", "skipped by the facilitator")

    def action_redraw(self) -> None:
        self._set_card_aside("redraw", "Set \u201c{title}\u201d aside and draw another?",
                             "The new card comes from the deck; the record keeps both.", "redrawn by the facilitator")

    def _set_card_aside(self, kind: str, question: str, detail: str, reason: str) -> None:
        """Skip or redraw the card on the table once the facilitator confirms (``{title}``: the card's)."""
        from .modals import ConfirmScreen

        if self.session.state.card is None:
            self.notify(f"There is no card on the table to {kind}.", severity="warning")
            return

        def done(ok: bool | None) -> None:
            if ok:
                self.act(Action(kind, reason=reason))

        self.app.push_screen(ConfirmScreen(question.format(title=self._card_title()), Text(detail)), done)

    def action_inject(self) -> None:
        from .modals import PickScreen

        state = self.session.state
        n = names(state)
        cards = state.scenario.deck.cards

        def chosen(index: int | None) -> None:
            if index is not None:
                self.act(Action("inject", card=cards[index].id))

        labels = [Text(f"{literal(c.title)}  [{n.get(c.track, c.track) if c.track else 'global'}]") for c in cards]
        self.app.push_screen(PickScreen("Inject which card now?", labels), chosen)

    def action_undo(self) -> None:
        from .modals import ConfirmScreen

        state = self.session.state
        last = last_undoable(state)
        if state.previous is None or last is None:
            self.notify("There is nothing to undo.", severity="warning")
            return

        def done(ok: bool | None) -> None:
            if ok:
                self.act(Action("undo", reason="undone by the facilitator"))

        self.app.push_screen(
            ConfirmScreen(f"Undo event {last.seq}: {literal(last.summary)}?",
                          Text("The undone action stays in the record, marked as undone.")), done
        )

    def action_note(self) -> None:
        from .modals import AskScreen

        state = self.session.state
        about = state.seq
        summary = literal(state.last.summary) if state.last else "the start of the game"

        def done(text: str | None) -> None:
            if text:
                was_paused, self.paused = self.paused, False
                if self.act(Action("note", text=text, about=about)):
                    self.notify("Note saved.", timeout=3)
                self.paused = was_paused
                self.refresh_view()

        self.app.push_screen(AskScreen(f"Note on event {about}: {summary}", "what happened, what to discuss later"), done)

    def action_end_game(self) -> None:
        from .modals import AskScreen, ConfirmScreen

        def reason_given(reason: str | None) -> None:
            if reason is not None:
                self.act(Action("end", reason=reason or "ended by the facilitator"))

        def confirmed(ok: bool | None) -> None:
            if ok:
                self.app.push_screen(AskScreen("Why does the game end now? (optional; it goes into the record)",
                                               "e.g. out of time", required=False), reason_given)

        self.app.push_screen(ConfirmScreen("End the game now?",
                                           Text("The outcome is taken as the board stands; the save is kept.")), confirmed)

    def _ask_ruling(self, track: str | None, success: bool) -> None:
        from .modals import AskScreen

        def done(reason: str | None) -> None:
            if reason:
                self.act(Action("rule", track=track, success=success, reason=reason))

        word = "SUCCESS" if success else "FAILURE"
        self.app.push_screen(AskScreen(f"Ruling: {word}. Why? (the room and the record see this)", "the reason"), done)

    def action_override(self) -> None:
        from .modals import PickScreen

        state = self.session.state
        n = names(state)
        targets = [(t.id, None) for t in state.ruleset.tracks] + [(None, m.id) for m in state.ruleset.meters]
        def track_label(tid: str) -> Text:
            t = state.tracks[tid]
            spec = state.scenario.index.tracks[tid]
            return Text(f"Track: {n[tid]} (position {t.position}, tension {t.tension}/{spec.breakdown_at}, "
                        f"{t.status})")

        labels = [track_label(t) if t else Text(f"Meter: {n[m or '']} (now {state.meters[m or '']})")
                  for t, m in targets]

        def picked_target(index: int | None) -> None:
            if index is None:
                return
            track, meter = targets[index]
            if meter is not None:
                spec = next(x for x in state.ruleset.meters if x.id == meter)
                self._ask_value(f"New value of {n[meter]} ({spec.min}..{spec.max})", spec.min, spec.max,
                                lambda v: self._ask_reason(Action("override", meter=meter, value=v)))
                return
            assert track is not None
            from .override import TrackOverrideScreen

            def overridden(action: Action | None) -> None:
                if action is not None:
                    self.act(action)

            self.app.push_screen(TrackOverrideScreen(self.session.state, track), overridden)

        self.app.push_screen(PickScreen("Override which track or meter?", labels), picked_target)

    def _ask_value(self, title: str, low: int, high: int, then: Callable[[int], None]) -> None:
        from .modals import AskScreen

        def check(text: str) -> str | None:
            try:
                value = int(text)
            except ValueError:
                return f"Type a whole number from {low} to {high}."
            return None if low <= value <= high else f"Type a whole number from {low} to {high}."

        def done(text: str | None) -> None:
            if text is not None:
                then(int(text))

        self.app.push_screen(AskScreen(title, f"{low}..{high}", check=check), done)

    def _ask_reason(self, action: Action) -> None:
        from .modals import AskScreen

        def done(reason: str | None) -> None:
            if reason:
                self.act(Action(**{**action.to_dict(), "reason": reason}))

        self.app.push_screen(AskScreen("Reason for the override (it goes into the record)", "the reason"), done)

    def _show_end(self) -> None:
        from .end import EndScreen

        self.app.push_screen(EndScreen(self.session.state, self.session.save_path, head=self.session.save_head))


class GameCommands(Provider):
    """Every game and facilitator action of the board, in the command palette."""

    def _commands(self) -> list[tuple[str, Callable[[], None], str]]:
        screen = self.screen
        if not isinstance(screen, BoardScreen):
            return []
        out: list[tuple[str, Callable[[], None], str]] = []
        for entry in screen.entries:
            if entry.problem:
                continue
            out.append((entry.label.plain, entry.run, "the decision at hand"))
        for name, action, help_text in (
            ("Pause or resume", screen.action_pause, "facilitator"),
            ("More time: +1 minute on the phase timer", screen.action_extend, "facilitator"),
            ("Inject a card now", screen.action_inject, "facilitator"),
            ("Skip the card", screen.action_skip, "facilitator"),
            ("Redraw the card", screen.action_redraw, "facilitator"),
            ("Override a track or meter", screen.action_override, "facilitator"),
            ("Undo the last action", screen.action_undo, "facilitator"),
            ("Note on the last event", screen.action_note, "facilitator"),
            ("End the game", screen.action_end_game, "facilitator"),
            ("Show or hide the facilitator panel", screen.action_facilitator_panel, "facilitator"),
            ("Show private notes (control notes, secret objectives) to the room", screen.action_private_notes,
             "facilitator"),
        ):
            out.append((name, action, help_text))
        return out

    async def discover(self) -> Hits:
        for text, run, help_text in self._commands():
            yield DiscoveryHit(Content(text), run, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, run, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, Content(text), run, text=text, help=help_text)


BoardScreen.COMMANDS = {GameCommands}

__all__ = ["BoardScreen", "GameCommands", "card_text", "outcome_text", "ruling_lines"]
