"""The start screen: pick a bundled scenario, a seed, who plays whom, and where to save."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, OptionList, Select, Static, Switch
from textual.widgets.option_list import Option

from ..content import ContentError, Scenario
from ..content.finding import DEFAULT_RULESET, bundled_rulesets
from ..content.loader import load_scenario
from ..content.timers import parse_timer_option
from ..play.session import DEFAULT_SAVE_DIR, HUMAN
from ..store import typed_save_path
from ..store.players import TEAM_NAME_MAX
from ..sim.bots import POLICIES
from .bars import KeyBar, TitleBar
from .text import literal

SEAT_CHOICES: list[tuple[str, str]] = [("Human team", HUMAN)] + [(f"Bot: {p}", p) for p in POLICIES]


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
    wanted = Path(save_dir) / (Path(typed.strip()).name.removesuffix(".jsonl") + ".jsonl")
    if path == wanted:
        return path, ""
    if wanted.exists():
        return path, f"{literal(str(wanted))} already exists (a save is never overwritten): this game is saved as {path}"
    return path, f"\u201c{literal(typed.strip())}\u201d is not usable as a file name as typed: this game is saved as {path}"


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
        out.append(f"{entry.path.name} cannot be played:\n", style="bold red")
        out.append(literal(entry.problems))
        return out
    rs = entry.scenario.ruleset
    o = rs.ruleset
    out.append(literal(o.name) + "\n", style="bold")
    if o.description:
        out.append(literal(o.description) + "\n")
    out.append(f"\n{o.turns} rounds \u00b7 {o.independence} independence \u00b7 {o.actions_per_round} actions per round"
               f" \u00b7 deck of {sum(c.copies for c in entry.scenario.deck.cards)} cards\n")
    out.append(f"Timers: {o.timers.describe()}\n")
    out.append("Actors: ", style="bold")
    out.append(", ".join(literal(a.name) for a in rs.actors) + "\n")
    out.append("Tracks:\n", style="bold")
    names = {a.id: a.name for a in rs.actors}
    for t in rs.tracks:
        out.append(f"  {literal(t.name)}", style="bold")
        out.append(f" \u2014 {', '.join(literal(names[m]) for m in t.members)}\n")
    return out


class StartScreen(Screen[Choice]):
    """Choose and set up a game. F5 starts it."""

    BINDINGS = [Binding("f5", "start", "Start game", id="start.start", priority=True)]

    CSS_PATH = "start.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(self) -> None:
        super().__init__()
        self.entries = load_entries()
        self.selected = 0
        self._shown: int | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="columns"):
            yield OptionList(
                *[
                    Option(
                        Text(literal(e.scenario.name if e.scenario else e.path.name))
                        + Text(f"\n  {e.scenario.ruleset.ruleset.independence if e.scenario else 'has errors'}", style="dim"),
                        id=str(i),
                    )
                    for i, e in enumerate(self.entries)
                ],
                id="scenarios",
            )
            with Vertical(id="right"):
                with VerticalScroll(id="details-box", can_focus=False):
                    yield Static(id="details")
                with VerticalScroll(id="setup"):
                    with Horizontal(classes="row"):
                        yield Label("Seed")
                        yield Input(str(random.SystemRandom().randrange(1, 1_000_000)), id="seed", type="integer")
                    with Horizontal(classes="row"):
                        yield Label("Sealed moves")
                        yield Switch(False, id="sealed")
                    with Horizontal(classes="row"):
                        yield Label("Save name (in saves/)")
                        yield Input("", placeholder="blank: an automatic name", id="save-name")
                    yield Static(id="save-hint")
                    with Horizontal(classes="row"):
                        yield Label("Phase timers")
                        yield Input("", placeholder="as above; or moves=5m,review=2m or off", id="timers")
                    yield Vertical(id="seats")
                    yield Button("Start the game (F5)", id="start", variant="primary")
        yield KeyBar()

    async def on_mount(self) -> None:
        self.title = "tabletop"
        self.sub_title = "choose a scenario"
        await self._show(0)
        self.query_one("#scenarios", OptionList).focus()

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
            details.update(Text("No bundled scenarios found.", style="bold red"))
            return
        text = describe(entry)
        text.rstrip()
        details.update(text)
        if entry.scenario is None:
            return
        self.query_one("#sealed", Switch).value = entry.scenario.ruleset.ruleset.sealed_moves
        rows = []
        for actor in entry.scenario.ruleset.actors:
            rows.append(
                Horizontal(
                    Label(Text(literal(actor.name))),
                    Select([(Text(label), value) for label, value in SEAT_CHOICES], value=HUMAN, allow_blank=False,
                           id=f"seat-{actor.id}"),
                    Input("", placeholder="team (optional)", max_length=TEAM_NAME_MAX, id=f"team-{actor.id}"),
                    classes="row",
                )
            )
        await seats.mount(*rows)

    async def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "scenarios":
            await self._show(int(event.option.id or 0))

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "scenarios":
            await self._show(int(event.option.id or 0))
            self.query_one("#seed", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        # a team name is for a human team: a bot's seat has none
        if event.select.id and event.select.id.startswith("seat-"):
            actor = event.select.id.removeprefix("seat-")
            self.query_one(f"#team-{actor}", Input).display = event.value == HUMAN

    def on_input_changed(self, event: Input.Changed) -> None:
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
            self.notify("This scenario has errors (see the details); fix them with `tabletop validate`.", markup=False,
                        severity="error", timeout=8)
            return
        seed_text = self.query_one("#seed", Input).value.strip()
        try:
            seed = int(seed_text)
            if seed < 0:
                raise ValueError
        except ValueError:
            self.notify("The seed is a whole number, 0 or more.", severity="error", markup=False)
            self.query_one("#seed", Input).focus()
            return
        try:
            timers = parse_timer_option(self.query_one("#timers", Input).value,
                                        entry.scenario.ruleset.ruleset.timers)
        except ValueError as exc:
            self.notify(literal(f"Timers: {exc}"), severity="error", timeout=10, markup=False)
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
        self.dismiss(
            Choice(
                scenario=entry.scenario.with_options(timers=timers),
                seed=seed,
                seats=seats,
                sealed=self.query_one("#sealed", Switch).value,
                save_name=self.query_one("#save-name", Input).value.strip(),
                teams=teams,
            )
        )
