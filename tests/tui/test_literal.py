"""Text from a deck or ruleset is shown as written: markup is not markup, an
escape sequence is a visible symbol. Anyone can write a scenario; none of it
may style the screen, crash it, or reach the terminal.
"""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget
from textual.widgets import OptionList

from tabletop import load_scenario
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp
from tabletop.tui.board import BoardScreen
from tabletop.tui.modals import PickScreen
from tabletop.tui.widgets import Board

from .support import SIZE, SMALL, board, choose, on_screen, panel, press, toasts

ESC = "\x1b"
SHOWN_ESC = "\u241b"  # the visible symbol for ESC

RULESET = r'''
[ruleset]
id = "literal"
name = "Literal [bold]scenario[/]"
turns = 2
independence = "strict"
deck = "literal-events"

[[actors]]
id = "east"
name = "[red]East[/] \u001b[31mside"
resources = { capital = 3 }

[[actors]]
id = "west"
name = "West"
resources = { capital = 3 }

[[actors]]
id = "south"
name = "South [/]"
resources = { capital = 3 }

[[meters]]
id = "trust"
name = "Trust"
min = 0
max = 10
start = 2

[[tracks]]
id = "alpha"
name = "Alpha [bold]x[/] [/] \u001b[31m"
members = ["east", "west"]
ladder = ["Frozen", "Talks", "Agreement"]
agreement_at = 2
breakdown_at = 4
start_tension = 1

[[tracks]]
id = "beta"
name = "Beta"
members = ["east", "west", "south"]
ladder = ["Frozen", "Talks", "Agreement"]
agreement_at = 2
breakdown_at = 4

[[moves]]
id = "propose"
name = "Table [red]it[/]"
cost = { capital = 1 }
resolution = "consensus"
effects = [ { progress = 1 } ]
fail_effects = [ { tension = 1 } ]

[[moves]]
id = "press"
name = "Press \u001b]0;title\u0007 \u202eRLO"
cost = { capital = 1 }
resolution = "auto"
requires = [ { tension = { at_most = 0 } } ]
effects = [ { progress = 1 } ]
'''

DECK = r'''
[deck]
id = "literal-events"
name = "Literal events"

[[cards]]
id = "calm"
title = "Calm"
effects = [ { meter = "trust", add = 1 } ]

[[cards]]
id = "markup"
title = "Alert [bold]x[/]"
text = "A stray [/] and [red] here, then \u001b[31mred?\u001b[0m and [d6]."
effects = [ { meter = "trust", add = 1 } ]
'''

CARD_TEXT = f"A stray [/] and [red] here, then {SHOWN_ESC}[31mred?{SHOWN_ESC}[0m and [d6]."
ACTOR = f"[red]East[/] {SHOWN_ESC}[31mside"
TRACK = f"Alpha [bold]x[/] [/] {SHOWN_ESC}[31m"


def session(tmp_path: Path) -> Session:
    (tmp_path / "literal.toml").write_text(RULESET, encoding="utf-8")
    (tmp_path / "literal-events.toml").write_text(DECK, encoding="utf-8")
    scenario = load_scenario(tmp_path / "literal.toml", tmp_path / "literal-events.toml")
    assert scenario.ruleset.actors[0].name == f"[red]East[/] {ESC}[31mside"  # the loader keeps it as written
    return Session.start(scenario, 1, tmp_path / "game.jsonl")


async def test_card_actor_and_track_text_appear_literally(tmp_path: Path) -> None:
    game = session(tmp_path)
    app = TabletopApp(game)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = board(pilot)
        # the track: its panel's title, and its line in nothing else yet
        assert TRACK in on_screen(screen.query_one(Board))

        # inject the card by name: listed literally, shown literally
        await press(pilot, "i")
        assert isinstance(app.screen, PickScreen)
        listed = [str(app.screen.query_one(OptionList).get_option_at_index(i).prompt) for i in range(2)]
        assert "Alert [bold]x[/]  [global]" in listed
        await press(pilot, "down", "enter")
        assert game.state.card == "markup"
        card = on_screen(app.screen.query_one("#card"))
        assert "Alert [bold]x[/]" in card
        # wrapped on screen at the side column's width
        assert "A stray [/] and [red] here, then" in card
        assert f"{SHOWN_ESC}[31mred?{SHOWN_ESC}[0m and [d6]." in card
        assert CARD_TEXT in panel(pilot, "#card")

        # the actor: in the turn panel and the decision list
        await press(pilot, "enter", "enter")  # apply the card, go to the moves phase
        assert game.state.turn == "east"
        assert ACTOR in panel(pilot, "#turn")
        assert any(ACTOR in e.label.plain for e in board(pilot).entries)
        assert any(TRACK in e.label.plain for e in board(pilot).entries)

        # a refusal names the track and the actor: the notification shows them as written
        await choose(pilot, "Pass \u2014")  # east
        await choose(pilot, "Pass \u2014")  # west
        assert game.state.turn == "south"
        await choose(pilot, "Alpha")
        messages = "\n".join(toasts(pilot))
        assert messages.startswith("Not allowed\n")  # said in words: no refusal code on screen
        assert f"South [/] is not at the table of '{TRACK}'" in messages

        # a move named with markup, in the confirmation and in the rulings
        await choose(pilot, "Beta")
        await choose(pilot, "Table [red]it[/]")
        assert "Table [red]it[/]" in on_screen(app.screen.query_one("#confirm-title"))
        await press(pilot, "enter")
        assert "South [/]: Table [red]it[/] on Beta" in panel(pilot, "#rulings")

        # nothing anywhere on the screen carries a raw escape
        for widget in app.screen.query(Widget):
            assert ESC not in on_screen(widget)
        assert app.is_running and isinstance(app.screen, BoardScreen)


async def test_literal_names_on_the_compact_board(tmp_path: Path) -> None:
    app = TabletopApp(session(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        track = on_screen(board(pilot).query_one(Board))
        assert "Alpha [bold]x[/] [/]" in track
        assert ESC not in track
        assert app.screen.title == "Literal [bold]scenario[/]"


async def test_a_refusal_under_a_move_in_the_list_is_shown_literally(tmp_path: Path) -> None:
    """Found from outside: the reason under a refused move ("'Press …' needs tension <= 0", "… may not be made
    conditional on 'Alpha …'") quoted the names as written, and an OSC title left open blanked most of the board."""
    game = session(tmp_path)
    app = TabletopApp(game)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter", "enter", "enter")  # draw, apply, on to the moves
        assert game.state.turn == "east"
        await choose(pilot, "Alpha")  # tension 1: the press needs 0
        listed = [e for e in board(pilot).entries if "Press" in e.label.plain]
        assert listed and listed[0].problem
        shown = on_screen(app.screen.query_one("#decision"))
        assert f"Press {chr(0x241B)}]0;title{chr(0x2407)} <U+202E>RLO" in shown.replace("\n", "")
        for widget in app.screen.query(Widget):
            text = on_screen(widget)
            assert ESC not in text and "\u202e" not in text and "\x07" not in text, widget


async def test_a_pasted_control_in_a_note_is_shown_and_recorded_as_its_symbol(tmp_path: Path) -> None:
    """Found from outside: a note, a ruling's reason and an override's reason echoed a pasted U+202E and control
    characters raw to the terminal while they were typed (the argument's fields showed them as symbols)."""
    from textual import events
    from textual.widgets import Input

    from tabletop import open_save

    game = session(tmp_path)
    app = TabletopApp(game)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter")  # draw: an event to note
        await press(pilot, "n")
        field = app.screen.query_one("#ask-input", Input)
        field.post_message(events.Paste(f"see {ESC}[2J \u202eevil\x07 end"))
        await pilot.pause()
        shown = f"see {SHOWN_ESC}[2J <U+202E>evil\u2407 end"
        assert field.value == shown and field.cursor_position == len(shown)
        for widget in app.screen.query(Widget):
            text = on_screen(widget)
            assert ESC not in text and "\u202e" not in text, widget
        await press(pilot, "enter")
    [note] = [e for e in open_save(game.save_path).events if e.action.kind == "note"]
    assert note.action.text == shown


async def test_a_paste_refused_for_its_length_leaves_the_cursor_where_it_was() -> None:
    """Found in review: a pasted U+202E, shown as "<U+202E>", past a field's limit was refused (the value kept), and
    the cursor still moved 8 places on."""
    from textual.app import App, ComposeResult

    from tabletop.tui.fields import LiteralInput

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield LiteralInput(value="abcdefghi", max_length=10)

    app = One()
    async with app.run_test() as pilot:
        field = app.query_one(LiteralInput)
        field.cursor_position = 0
        field.insert_text_at_cursor("\u202e")
        await pilot.pause()
        assert (field.value, field.cursor_position) == ("abcdefghi", 0)
        field.insert_text_at_cursor("\x1b")  # one symbol for one character: taken, the cursor after it
        await pilot.pause()
        assert (field.value, field.cursor_position) == ("\u241babcdefghi", 1)
        field.value, field.cursor_position = "", 0
        field.insert_text_at_cursor("ne\u00adgo")  # a soft hyphen from a document: dropped, not shown
        await pilot.pause()
        assert field.value == "nego"
