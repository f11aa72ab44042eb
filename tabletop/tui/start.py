"""The start screen: pick a bundled scenario, a seed, who plays whom, and where to save."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual import events
from textual.containers import Container, Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Label, OptionList, Select, Static, Switch
from textual.widgets.option_list import Option

from ..content import ContentError, Scenario
from ..content.grammar import independence_word
from ..content.finding import DEFAULT_RULESET, bundled_rulesets
from ..content.loader import load_scenario
from ..content.overlays import translated
from ..content.numbers import LONGEST_NUMBER, MOST_SEED, unchosen_seed
from ..content.timers import parse_timer_option
from ..lang import LANGUAGES, NAMES, Domain, current
from ..play.session import DEFAULT_SAVE_DIR, HUMAN
from ..store import typed_save_path
from ..store.players import TEAM_NAME_MAX, policy_word
from ..sim.bots import POLICIES
from .bars import KeyBar, TitleBar
from .text import literal, timer_words, timers_placeholder, timers_words
from .themes import DANGER
from .decisionlist import MarkedList, MarkedSelect
from .fields import FIELD_KEYS, InOrder, LimitedField, NumberField, TimersField
from .widgets import KeyScroll

_tui = Domain("tui")
_, ngettext, N_ = _tui.words()
pgettext = _tui.pgettext

#: the set-up's labels, by their widget's id: said again when the language changes
LABELS = {
    "seed-label": N_("Seed"),
    "sealed-label": N_("Sealed moves"),
    "save-label": N_("Save name (in saves/)"),
    "timers-label": N_("Phase timers"),
    "language-label": N_("Language (F4)"),
}
#: the set-up's placeholders, by their field's id
PLACEHOLDERS = {
    # Translators: the empty seed field on the start screen; the seed is drawn when the game starts, and not shown
    "seed": N_("blank: a random seed is drawn"),
    "save-name": N_("blank: an automatic name"),
}


#: under the seed, a character it did not take
SEED_REFUSED = N_("\u201c{typed}\u201d not taken: the seed is a whole number, digits only.")
#: a digit typed on the scenario's description: where the seed is typed
SEED_IS_BELOW = N_("The seed is typed in its own field, under the description: Tab once more.")


class SeedField(NumberField):
    """The seed: digits only. A character it does not take is refused in words (:class:`Refused`), not only with the
    terminal's bell, which a room seldom hears (found from outside: "7.0" typed showed "70", and the game's seed was
    70 with no word that the "." was not taken), as the note's event field and the argument's limits do."""

    class Refused(Message):
        """``typed`` (a key's character, or a paste) was not taken."""

        def __init__(self, typed: str) -> None:
            super().__init__()
            self.typed = typed

    _offered = ""

    def __init__(self, placeholder: str) -> None:
        super().__init__("", placeholder=placeholder, id="seed", restrict=r"[0-9]*")

    def replace(self, text: str, start: int, end: int) -> None:
        self._offered = text  # what restricted() refuses, when it does
        super().replace(text, start, end)

    def restricted(self) -> None:
        super().restricted()
        self.post_message(self.Refused(self._offered))


class TeamField(LimitedField):
    """A human team's name, at most :data:`~tabletop.store.players.TEAM_NAME_MAX` characters, and said so once full
    (:class:`~.fields.LimitedField`)."""

    def __init__(self, actor_id: str) -> None:
        super().__init__("", placeholder=_("team (optional)"), max_length=TEAM_NAME_MAX, id=f"team-{actor_id}")


class SeatSelect(MarkedSelect[str]):
    """A team's seat: played by people or by a bot. Its list, open, is titled with the actor's name: near the
    screen's foot it opens upwards over the name beside or above it (found from outside: at 80x24 in Russian the
    list covered «Соединённые Штаты», and the facilitator could not see whose seat it set)."""

    DEFAULT_CSS = """
    SeatSelect > SelectOverlay { border-title-color: $text; border-title-style: bold; }
    """

    def __init__(self, options: list[tuple[Text, str]], actor_name: str, **kwargs: object):
        super().__init__(options, **kwargs)  # type: ignore[arg-type]
        self._actor_name = actor_name

    def on_mount(self) -> None:
        self.name_actor(self._actor_name)

    def name_actor(self, name: str) -> None:
        """Title the list with ``name`` (the actor's, as shown: :func:`.text.literal`), in the language now spoken."""
        self._actor_name = name
        overlay = self.query_one("SelectOverlay")  # untranslated: Textual's widget type
        overlay.border_title = Text(name)
        # whole, the list wider than its field if need be ("European NATO members / EU" in a field of 24 cells):
        # its corners, a cell of edge and a space each side
        overlay.styles.min_width = cell_len(name) + 6


class Details(KeyScroll):
    """The scenario's description: Tab stops on it only while its text is cut (it scrolls then; found from outside,
    "42" typed after the first Tab went nowhere, the focus on a description that showed whole)."""

    FOCUS_WHEN_CUT = True


def switch_word(on: bool) -> Text:
    """A switch's state, said beside it: its knob's place and colour are no sign on a washed-out projector (found from
    outside: «Закрытые ходы ▊        ▎», sealed moves on or off? DESIGN.md 3a)."""
    # Translators: a switch's state, beside it on the start screen ("Sealed moves  [switch]  on"): short, as on a device
    return Text(pgettext("switch", "on") if on else pgettext("switch", "off"))


def said(words: dict[str, str], key: str) -> str:
    """One of the set-up's marked words, in the language spoken."""
    return _(words[key])


def seat_choices() -> list[tuple[str, str]]:
    """Who may sit in a seat: a human team or a bot of each policy, in the language spoken."""
    return [(_("Human team"), HUMAN)] + [(_("Bot: {policy}").format(policy=policy_word(p)), p) for p in POLICIES]


#: who may sit in a seat, in the order the list shows them (the words: :func:`seat_choices`, at the time)
SEAT_CHOICES: list[tuple[str, str]] = seat_choices()


@dataclass
class Choice:
    """What the start screen hands to the app."""

    scenario: Scenario
    seed: int
    seats: dict[str, str] = field(default_factory=dict)
    sealed: bool = False
    save_name: str = ""
    teams: dict[str, str] = field(default_factory=dict)  # actor id -> the human team's name


def typed_save(save_dir: str | Path, typed: str) -> tuple[Path, str]:
    """The file a typed save name becomes, and a notice when that is not the name typed (else "")."""
    path = typed_save_path(save_dir, typed)
    # the name as typed, folders and all (found from outside: "a/b/c" was saved as c.jsonl without a word)
    wanted = Path(save_dir) / (typed.strip().removesuffix(".jsonl") + ".jsonl")
    if path == wanted:
        return path, ""
    try:
        taken = "/" not in typed and wanted.exists()  # (a folder in the name: not usable as typed, below)
    except OSError:  # found from outside: a name too long for the system stopped the start screen (ENAMETOOLONG)
        taken = False
    if taken:
        return path, _("{wanted} already exists (a save is never overwritten): this game is saved as {path}").format(
            wanted=literal(str(wanted)), path=path)
    return path, _("\u201c{typed}\u201d is not usable as a file name as typed: this game is saved as {path}").format(
        typed=literal(typed.strip()), path=path)


@dataclass
class Entry:
    path: Path
    scenario: Scenario | None
    problems: str = ""


def load_entries() -> list[Entry]:
    entries = []
    for path in bundled_rulesets():
        try:
            entries.append(Entry(path, load_scenario(path)))
        except ContentError as exc:
            entries.append(Entry(path, None, str(exc)))
    # the default scenario first
    entries.sort(key=lambda e: (e.scenario is None or e.scenario.id != DEFAULT_RULESET, e.path.name))
    return entries


def describe(entry: Entry) -> Text:
    out = Text()
    if entry.scenario is None:
        out.append(_("{file} cannot be played:").format(file=entry.path.name) + "\n", style=DANGER)
        out.append(literal(entry.problems))
        return out
    rs = translated(entry.scenario, current()).ruleset
    o = rs.ruleset
    out.append(literal(o.name) + "\n", style="bold")
    if o.description:
        out.append(literal(o.description) + "\n")
    cards = sum(c.copies for c in entry.scenario.deck.cards)
    facts = [ngettext("{n} round", "{n} rounds", o.turns).format(n=o.turns),
             _("{independence} independence").format(independence=independence_word(o.independence)),
             ngettext("{n} action per round", "{n} actions per round", o.actions_per_round).format(n=o.actions_per_round),
             ngettext("deck of {n} card", "deck of {n} cards", cards).format(n=cards)]
    out.append("\n" + " \u00b7 ".join(facts) + "\n")
    out.append(_("Timers: {timers}").format(timers=timers_words(o.timers)) + "\n")
    out.append(_("Actors: "), style="bold")
    out.append(", ".join(literal(a.name) for a in rs.actors) + "\n")
    out.append(_("Tracks:") + "\n", style="bold")
    names = {a.id: a.name for a in rs.actors}
    for t in rs.tracks:
        out.append(f"  {literal(t.name)}", style="bold")
        out.append(f" \u2014 {', '.join(literal(names[m]) for m in t.members)}\n")
    return out


class StartScreen(Screen[Choice]):
    """Choose and set up a game. F5 starts it."""

    BINDINGS = [
        Binding("f5", "start", N_("Start game"), id="start.start", priority=True),
        # as the app reads the key (priority), not once the list has acted on it: the keys read meanwhile went to the
        # list (found from outside: Enter, then at once "ctrl+a ctrl+k 4 2", and the seed was not 42)
        Binding("enter", "to_seed", show=False, priority=True, id="start.seed"),
        # Tab as the app reads it too, as in a dialog of several fields: "42 Tab Tab name" in one burst typed the
        # name into nothing, the focus still on its way (found in review)
        *FIELD_KEYS,
    ]
    #: F1 on this screen: its own keys (found from outside: it showed the board's, a game not yet started)
    HELP_KEYS = N_("""\
tabletop \u2014 the start screen                (\u2191/\u2193 scroll \u00b7 escape closes)
  \u2191/\u2193        choose a scenario (what it is, on the right)
  enter      on a scenario: on to its seed
  tab        on to its details, then each field: seed, sealed moves, save name, timers, language, the teams
  space      sealed moves on or off
  F5         start the game
  F4         language: English, \u0420\u0443\u0441\u0441\u043a\u0438\u0439, \u0423\u043a\u0440\u0430\u0457\u043d\u0441\u044c\u043a\u0430
  F2         switch theme (high contrast for projectors)
  ctrl+q     quit
Each actor is played by a team of people or by a bot; a team may be given its name for the debrief.
""")

    CSS_PATH = "start.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(self, start: Callable[[Choice], bool] | None = None) -> None:
        """``start``: starts the chosen game (its save made) before the screen goes; False: it could not, and said why,
        and the screen stays as the facilitator filled it (found from outside: a full disk at F5 brought back an
        empty form with another seed, and a second F5 started a game nobody chose)."""
        super().__init__()
        self._start = start
        self.entries = load_entries()
        self.selected = 0
        self._shown: int | None = None
        #: what the seed last refused, said under it until the field is emptied (None: nothing)
        self._seed_refused: str | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="columns"):
            yield MarkedList(*[Option(self._scenario_label(e), id=str(i)) for i, e in enumerate(self.entries)],
                             id="scenarios")
            with Vertical(id="right"):
                with Details(id="details-box"):
                    yield Static(id="details")
                # its fields take the focus (it scrolls to the one focused): not a stop of its own on the way to
                # the seed (found from outside: Tab seemed not to reach the seed, and the digits typed went nowhere)
                with KeyScroll(id="setup", can_focus=False):
                    with Horizontal(classes="row"):
                        yield Label(said(LABELS, "seed-label"), id="seed-label")
                        # each field acts on its keys in the order typed (:class:`InOrder`): found from outside, "ctrl+a
                        # ctrl+k 4 2" at once typed 42, then went home and deleted it (a field's ctrl+a, ctrl+k,
                        # Backspace act once the key has come back up to the app, its digits at once)
                        # empty: a seed nobody chose is drawn at the start and never shown, as this screen may be
                        # on the projector (found from outside: a seed of 1..999,999 shown here was found again from
                        # the first dice, and told every card and die to come)
                        yield SeedField(said(PLACEHOLDERS, "seed"))
                    yield Static(id="seed-refused")
                    with Horizontal(classes="row"):
                        yield Label(said(LABELS, "sealed-label"), id="sealed-label")
                        yield Switch(False, id="sealed")
                        yield Label(switch_word(False), id="sealed-state")
                    with Horizontal(classes="row"):
                        yield Label(said(LABELS, "save-label"), id="save-label")
                        yield InOrder("", placeholder=said(PLACEHOLDERS, "save-name"), id="save-name")
                    yield Static(id="save-hint")
                    with Horizontal(classes="row"):
                        yield Label(said(LABELS, "timers-label"), id="timers-label")
                        yield TimersField("", placeholder=timers_placeholder(), id="timers")
                    with Horizontal(classes="row"):
                        yield Label(said(LABELS, "language-label"), id="language-label")
                        yield MarkedSelect([(NAMES[code], code) for code in LANGUAGES], value=current(), allow_blank=False,
                                     id="language")
                    yield Vertical(id="seats")
                    yield Button(_("Start the game (F5)"), id="start", variant="primary")
        yield KeyBar()

    async def on_mount(self) -> None:
        self.title = "tabletop"  # untranslated: the program's name
        self.sub_title = _("choose a scenario")
        await self._show(0)
        self.query_one("#scenarios", OptionList).focus()

    @staticmethod
    def _scenario_label(entry: Entry) -> Text:
        if entry.scenario is None:
            return Text(literal(entry.path.name)) + Text("\n  " + _("has errors"), style="dim")
        independence = independence_word(entry.scenario.ruleset.ruleset.independence)
        return Text(literal(translated(entry.scenario, current()).name)) + Text(f"\n  {independence}", style="dim")

    def relabel(self) -> None:
        """Every word of the set-up again, in the language now spoken; what was typed and chosen stays."""
        self.sub_title = _("choose a scenario")
        for widget_id, words in LABELS.items():
            self.query_one(f"#{widget_id}", Label).update(_(words))
        for widget_id, words in PLACEHOLDERS.items():
            self.query_one(f"#{widget_id}", Input).placeholder = _(words)
        self.query_one("#timers", Input).placeholder = timers_placeholder()
        button = self.query_one("#start", Button)
        button.label = _("Start the game (F5)")
        button.refresh(layout=True)  # its width is the label's
        self.query_one("#sealed-state", Label).update(switch_word(self.query_one("#sealed", Switch).value))
        with self.prevent(Select.Changed):
            self.query_one("#language", Select).value = current()
        scenarios = self.query_one("#scenarios", OptionList)
        for i, entry in enumerate(self.entries):
            scenarios.replace_option_prompt_at_index(i, self._scenario_label(entry))
        entry = self.entries[self.selected] if self.entries else None
        if entry is None:
            self.query_one("#details", Static).update(Text(_("No bundled scenarios found."), style=DANGER))
            return
        text = describe(entry)
        text.rstrip()
        self.query_one("#details", Static).update(text)
        if entry.scenario is not None:
            for actor in translated(entry.scenario, current()).ruleset.actors:
                self.query_one(f"#actor-{actor.id}", Label).update(Text(literal(actor.name)))
                self.query_one(f"#seat-{actor.id}", SeatSelect).name_actor(literal(actor.name))
        for select in self.query("#seats Select").results(Select):  # untranslated: a CSS selector
            chosen = select.value
            choices = seat_choices()
            with self.prevent(Select.Changed):
                select.set_options([(Text(label), value) for label, value in choices])
                # the shown label follows a change of value only: set_options picked the first choice, which a
                # human team's seat already had, so its label stayed in the old language (found from outside)
                select.value = next(value for _label, value in choices if value != chosen)
                select.value = chosen
        for team_field in self.query("#seats Input").results(TeamField):  # untranslated: a CSS selector
            team_field.placeholder = _("team (optional)")
            team_field.say_limit()
        self.query_one("#save-hint", Static).update(self.save_hint(self.query_one("#save-name", Input).value))
        if self._seed_refused is not None:
            self._say_seed_refused(self._seed_refused)

    async def _show(self, index: int) -> None:
        if self._shown == index:
            return  # already shown: keep the seats as chosen
        self._shown = self.selected = index
        entry = self.entries[index] if self.entries else None
        details = self.query_one("#details", Static)
        seats = self.query_one("#seats", Vertical)
        # the old seat widgets must be gone before new ones with the same ids are mounted
        await seats.remove_children()
        if entry is None:
            details.update(Text(_("No bundled scenarios found."), style=DANGER))
            return
        text = describe(entry)
        text.rstrip()
        details.update(text)
        if entry.scenario is None:
            return
        self.query_one("#sealed", Switch).value = entry.scenario.ruleset.ruleset.sealed_moves
        rows = []
        names = {a.id: a.name for a in translated(entry.scenario, current()).ruleset.actors}
        for actor in entry.scenario.ruleset.actors:
            fields = Horizontal(
                SeatSelect([(Text(label), value) for label, value in seat_choices()], literal(names[actor.id]),
                           value=HUMAN, allow_blank=False, id=f"seat-{actor.id}"),
                TeamField(actor.id),
                classes="fields",
            )
            # the team's name beside its fields, or on a line of its own above them on a narrow screen (start.tcss)
            rows.append(Container(Label(Text(literal(names[actor.id])), id=f"actor-{actor.id}"), fields,
                                  classes="row seat-row"))  # untranslated: CSS classes
        await seats.mount(*rows)

    async def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "scenarios":
            await self._show(int(event.option.id or 0))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_seed":  # Enter on the scenario list; elsewhere it is the focused widget's
            return self.focused is not None and self.focused.id == "scenarios"
        return True

    def action_to_seed(self) -> None:
        """On to the seed of the scenario highlighted (shown already: highlighting shows it), the focus moved as the
        key is read, so that the keys typed after it go to the seed (``Widget.focus`` moves it a moment later)."""
        self.set_focus(self.query_one("#seed", Input))

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "scenarios":
            await self._show(int(event.option.id or 0))
            self.query_one("#seed", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "language":
            if isinstance(event.value, str) and event.value != current():
                self.app.action_language(event.value)  # type: ignore[attr-defined] # a Multilingual app
            return
        # a team name is for a human team: a bot's seat has none. A seat list says its first value once mounted: by
        # then an arrow may have put the next scenario's teams in its place (found with a burst of arrows: NoMatches)
        if event.select.id and event.select.id.startswith("seat-") and event.select.is_attached:
            actor = event.select.id.removeprefix("seat-")
            self.query_one(f"#team-{actor}", Input).display = event.value == HUMAN

    def on_switch_changed(self, event: Switch.Changed) -> None:
        if event.switch.id == "sealed":
            self.query_one("#sealed-state", Label).update(switch_word(event.value))

    def on_seed_field_refused(self, event: SeedField.Refused) -> None:
        event.stop()
        self._say_seed_refused(event.typed)

    def _say_seed_refused(self, typed: str) -> None:
        """Under the seed, what it did not take (shown literally: a paste may hold anything)."""
        self._seed_refused = typed
        line = self.query_one("#seed-refused", Static)
        line.update(Text(_(SEED_REFUSED).format(typed=literal(typed, lines=False))))
        line.display = True

    def on_key(self, event: events.Key) -> None:
        """A digit typed on the scenario's description says where the seed is (the focus stays: the description
        scrolls with the arrows)."""
        if event.character is not None and event.character.isdigit() and self.focused is not None \
                and self.focused.id == "details-box":
            event.stop()
            self.notify(_(SEED_IS_BELOW), markup=False, timeout=6)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "seed" and not event.value and self._seed_refused is not None:
            self._seed_refused = None  # emptied: nothing left to say of what it refused
            self.query_one("#seed-refused", Static).display = False
        if event.input.id == "save-name":
            hint = self.save_hint(event.value)
            widget = self.query_one("#save-hint", Static)
            widget.update(hint)
            widget.display = bool(hint.plain)

    def save_hint(self, typed: str) -> Text:
        """Where a typed save name goes, said before the game starts when it is not the name typed."""
        if not typed.strip():
            return Text("")
        return Text(typed_save(getattr(self.app, "save_dir", DEFAULT_SAVE_DIR), typed)[1])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def action_start(self) -> None:
        if not self.entries:
            return
        entry = self.entries[self.selected]
        if entry.scenario is None:
            said = _("This scenario has errors (see the details); fix them, then check again with tabletop validate.")
            self.notify(said, markup=False, severity="error", timeout=8)
            return
        seed_text = self.query_one("#seed", Input).value.strip()
        try:
            if not seed_text:  # left blank: drawn now, never on screen
                seed = unchosen_seed()
            else:  # typed: used as typed (int() reads 4,300 digits at most)
                seed = int(seed_text) if len(seed_text) <= LONGEST_NUMBER else -1
            if not 0 <= seed <= MOST_SEED:  # the command line's limit (found from outside: 10**100 was taken here)
                raise ValueError
        except ValueError:
            said = _("The seed is a whole number from 0 to {most}.").format(most=MOST_SEED)
            self.notify(said, severity="error", markup=False)
            self.query_one("#seed", Input).focus()
            return
        try:
            timers = parse_timer_option(self.query_one("#timers", Input).value,
                                        entry.scenario.ruleset.ruleset.timers, timer_words())
        except ValueError as exc:
            self.notify(literal(_("Timers: {problem}").format(problem=exc)), severity="error", timeout=10, markup=False)
            self.query_one("#timers", Input).focus()
            return
        seats = {}
        teams = {}
        for actor in entry.scenario.ruleset.actors:
            value = self.query_one(f"#seat-{actor.id}", Select).value
            seats[actor.id] = value if isinstance(value, str) else HUMAN
            team = " ".join(self.query_one(f"#team-{actor.id}", Input).value.split())
            if team and seats[actor.id] == HUMAN:
                teams[actor.id] = team
        choice = Choice(
            scenario=entry.scenario.with_options(timers=timers),
            seed=seed,
            seats=seats,
            sealed=self.query_one("#sealed", Switch).value,
            save_name=self.query_one("#save-name", Input).value.strip(),
            teams=teams,
        )
        if self._start is not None and not self._start(choice):
            return
        self.dismiss(choice)
