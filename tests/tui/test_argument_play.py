"""A matrix argument played on the board with keys only: the argument, two counters, the
facilitator's odds, the roll and the ruling; the facilitator's undo of it; the replay shows it.

Played on the engine tests' catalogue scenario with an argue move added (actors Arden a,
Brask b, Corvin c; Beta seats all three), so the test does not hang on the bundled content.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tabletop import legal_actions, open_save
from tabletop.play.session import Session
from tabletop.store.verifying import verify
from tabletop.tui.app import TabletopApp
from tabletop.tui.argument import ArgumentScreen, LineField
from tabletop.tui.board import BoardScreen
from tabletop.tui.modals import UndoScreen
from tabletop.tui.replay import ReplayApp
from tabletop.tui.weighing import StrongScreen
from tests.engine.support import catalogue_scenario

from .support import SIZE, SMALL, board, choose, panel, press, rendered, type_text

ARGUE = {
    "id": "argue", "name": "Make an argument", "cost": {"capital": 1}, "resolution": "argue",
    "fail_effects": [{"tension": 1}],
    "argue": {"progress": [1, 2], "tension": [-1, -1], "status": ["deferred"], "text_length": 60},
}


def game(tmp_path: Path, *, sealed: bool = False, odds: str = "facilitator") -> Session:
    """Round 1's moves phase, Arden to move (seed 1 draws "Incident on Alpha": Beta stands as it started)."""
    tweak = {"ruleset.sealed_moves": True} if sealed else {}
    scenario = catalogue_scenario("strict", tweak=tweak, extra_moves=[{**ARGUE, "argue": {**ARGUE["argue"], "odds": odds}}])
    session = Session.start(scenario, 1, tmp_path / "game.jsonl")
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    return session


async def to_the_argument(pilot) -> None:
    """Arden, the first to move, opens its argument on Beta."""
    await choose(pilot, "Beta")
    await choose(pilot, "Make an argument")
    assert isinstance(pilot.app.screen, ArgumentScreen)


@asynccontextmanager
async def arguing(tmp_path: Path, size: tuple[int, int] = SMALL,
                  sealed: bool = False) -> AsyncIterator[tuple[Session, TabletopApp, Pilot]]:
    """A new game's board at ``size``, its argument dialog open (:func:`to_the_argument`; sealed: past the gate)."""
    session = game(tmp_path, sealed=sealed)
    app = TabletopApp(session)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if sealed:
            await choose(pilot, "Ready")  # the team at the keyboard, the others looking away
        await to_the_argument(pilot)
        yield session, app, pilot


async def argue(pilot) -> None:
    """Arden argues on Beta for progress +2 with two reasons, and the other teams pass their moves."""
    await to_the_argument(pilot)
    await type_text(pilot, "Talk [b]now[/]")
    await press(pilot, "enter", "down", "enter")  # progress +2
    await type_text(pilot, "Calm")
    await press(pilot, "enter")
    await type_text(pilot, "Ties")
    await press(pilot, "enter", "enter")  # the empty third reason hands it in
    assert isinstance(pilot.app.screen, BoardScreen)


async def to_the_counters(pilot) -> None:
    await argue(pilot)
    await choose(pilot, "Pass")  # Brask
    await choose(pilot, "Pass")  # Corvin
    await choose(pilot, "Continue to the adjudication phase")


async def counter(pilot, text: str) -> None:
    await choose(pilot, "Counter it")
    screen = pilot.app.screen
    assert isinstance(screen, ArgumentScreen)
    assert "Talk [b]now[/]" in str(screen.query_one("#argue-about", Static).render())
    await type_text(pilot, text)
    await press(pilot, "enter")


async def test_a_round_with_an_argument_two_counters_odds_roll_ruling_undo_and_replay(tmp_path: Path) -> None:
    session = game(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await to_the_counters(pilot)
        assert "Brask: counter this argument, or pass." in panel(pilot, "#prompt")
        await counter(pilot, "No way")
        await counter(pilot, "Too soon")
        prompt = panel(pilot, "#prompt")
        assert "Facilitator: how likely is it to work?" in prompt
        for words in ("Talk [b]now[/]", "wants progress +2", "reason 2: Ties",
                      "counter by Brask: No way", "counter by Corvin: Too soon"):
            assert words in prompt
        await choose(pilot, "likely: 2d6 \u2265 6")
        assert "set by the facilitator" in panel(pilot, "#prompt")
        before_roll = session.state.hash
        await choose(pilot, "Roll the dice")
        last = session.state.last
        assert last is not None and last.action.kind == "roll"
        ruling = last.result["ruling"]
        assert ruling["odds"] == "likely" and ruling["target"] == 6
        shown = rendered(pilot)
        for words in ("Talk [b]now[/]", "reason 1: \u201cCalm\u201d", "counter by Corvin: \u201cToo soon\u201d",
                      "odds: likely (6+ on two dice), set by the facilitator",
                      f"rolled {ruling['dice'][0]} + {ruling['dice'][1]} = {ruling['total']} vs target 6"):
            assert words in shown, words
        assert type(app.screen).__name__ == "RulingScreen"  # the ruling's whole working, up after the roll
        await press(pilot, "enter")
        assert "Talk [b]now[/]" in rendered(pilot)  # and in the board's rulings once it is read
        # the facilitator takes the roll back: the argument waits for its dice again
        await press(pilot, "u")
        assert isinstance(app.screen, UndoScreen)
        await press(pilot, "enter")
        assert session.state.hash == before_roll
        assert "Roll the dice" in board(pilot).entries[0].label.plain
        await press(pilot, "u", "enter")  # and the odds: the facilitator sets them again
        assert "Facilitator: how likely is it to work?" in panel(pilot, "#prompt")
    events = open_save(session.save_path).events
    kinds = [e.action.kind for e in events]
    assert kinds[3:] == ["move", "pass", "pass", "advance", "counter", "counter", "odds", "roll", "undo", "undo"]
    argued = next(e for e in events if e.action.kind == "move")
    assert argued.action.text == "Talk [b]now[/]"
    assert argued.action.wanted == {"progress": 2}
    assert argued.action.reasons == ("Calm", "Ties")
    assert verify(session.save_path).ok
    from tabletop.report.render import render

    debrief = render(session.save_path, "md")  # the debrief reads the argument as the room typed it
    assert "- action: \u201cTalk \\[b\\]now\\[/\\]\u201d" in debrief  # Markdown's own syntax escaped
    assert "- counter by Brask: \u201cNo way\u201d" in debrief and "- reason 2: \u201cTies\u201d" in debrief

    replay = ReplayApp(open_save(session.save_path))
    async with replay.run_test(size=SIZE) as pilot:
        screen = replay.screen
        roll_seq = next(e.seq for e in events if e.action.kind == "roll")
        screen.go(roll_seq)
        await pilot.pause()
        working = str(screen.query_one("#working", Static).render())
        for words in ("Talk [b]now[/]", "wants: progress +2", "reason 2: \u201cTies\u201d",
                      "counter by Brask: \u201cNo way\u201d", "set by the facilitator", "rolled"):
            assert words in working, words
        screen.go(roll_seq - 2)  # the second counter: the argument is still being weighed
        await pilot.pause()
        assert "counter by Corvin: Too soon" in str(screen.query_one("#working", Static).render())


async def test_escape_on_the_argument_sends_nothing(tmp_path: Path) -> None:
    async with arguing(tmp_path) as (session, app, pilot):
        await type_text(pilot, "half a thought")
        await press(pilot, "escape", "escape")  # the first says the text is not saved; the second closes
        assert isinstance(app.screen, BoardScreen)
    assert session.state.seq == 3 and not session.state.queue
    assert [e.action.kind for e in open_save(session.save_path).events] == ["draw", "apply_card", "advance"]


async def test_sealed_counters_are_entered_behind_the_gate(tmp_path: Path) -> None:
    """At 80x24: the gate, each counter's entry and the hand-over fit the smallest screen too."""
    session = game(tmp_path, sealed=True)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await choose(pilot, "Ready")
        await argue(pilot)
        for _team in ("Brask", "Corvin"):
            await choose(pilot, "hand over")
            await choose(pilot, "Ready")
            await choose(pilot, "Pass")
        await choose(pilot, "hand over")
        await choose(pilot, "Reveal the sealed moves")
        assert "Brask enters its counter-argument privately" in panel(pilot, "#prompt")
        await choose(pilot, "Ready")
        await counter(pilot, "Hidden")
        assert "counter is sealed until the last counter" in panel(pilot, "#prompt")
        assert "Hidden" not in rendered(pilot)
        await choose(pilot, "hand over")
        assert "Committed so far: Brask" in panel(pilot, "#prompt")
        await choose(pilot, "Ready")
        prompt = panel(pilot, "#prompt")
        assert "Brask: a counter or a pass entered" in prompt and "Hidden" not in prompt
        await counter(pilot, "Open")
        await choose(pilot, "hand over")
        prompt = panel(pilot, "#prompt")
        assert "counter by Brask: Hidden" in prompt and "counter by Corvin: Open" in prompt


async def test_matrix_odds_are_weighed_from_the_strong_marks(tmp_path: Path) -> None:
    session = game(tmp_path, odds="matrix")
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await to_the_counters(pilot)
        await counter(pilot, "No way")
        await choose(pilot, "Pass")
        await choose(pilot, "Mark the strong")
        screen = app.screen
        assert isinstance(screen, StrongScreen)
        await press(pilot, "enter", "down", "enter")  # both reasons strong: even, two steps likelier
        assert "very likely" in str(screen.query_one("#strong-odds", Static).render())
        await press(pilot, "down", "enter")  # and the counter: one step back
        assert "odds: likely" in str(screen.query_one("#strong-odds", Static).render()).lower()
        await press(pilot, "down", "enter")  # set these odds
        assert isinstance(app.screen, BoardScreen)
    head = session.state.queue[0]
    assert head.argument is not None and head.argument.odds == "likely" and head.argument.strong == (0, 1, 2)


async def test_a_refused_argument_keeps_what_was_typed(tmp_path: Path) -> None:
    """The engine refuses (here: the game was paused meanwhile): its words are said, nothing typed is lost."""
    async with arguing(tmp_path, SIZE) as (session, app, pilot):
        await type_text(pilot, "Keep this")
        board_screen = app.screen_stack[0]
        assert isinstance(board_screen, BoardScreen)
        board_screen.paused = True
        await press(pilot, "enter", "enter", "enter")
        screen = app.screen
        assert isinstance(screen, ArgumentScreen)
        assert screen.query_one("#argue-action", LineField).value == "Keep this"
    assert not session.state.queue


async def test_an_argument_whose_turn_has_gone_is_not_asked_for_again(tmp_path: Path) -> None:
    """The team's turn passed while it typed (the phase timer ran out): the refusal is said, the dialog closes."""
    async with arguing(tmp_path, SIZE) as (session, app, pilot):
        await type_text(pilot, "Late")
        under = app.screen_stack[0]
        assert isinstance(under, BoardScreen)
        under.act(legal_actions(session.state)[-1])  # Arden passes, as the timer does when time is up
        await press(pilot, "enter", "enter", "enter")
        assert isinstance(app.screen, BoardScreen)
        assert "Brask" in panel(pilot, "#prompt")
    assert not session.state.queue


async def test_a_bot_counters_on_its_own_and_the_teams_vote_the_odds(tmp_path: Path) -> None:
    """Corvin is a bot: it counters (or passes) by itself; the teams vote, the facilitator confirms."""
    scenario = catalogue_scenario("strict", extra_moves=[{**ARGUE, "argue": {**ARGUE["argue"], "odds": "vote"}}])
    session = Session.start(scenario, 1, tmp_path / "game.jsonl", {"c": "cooperative"})
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await argue(pilot)
        await choose(pilot, "Pass")  # Brask; Corvin, the bot, moves by itself
        for _ in range(50):  # the bot's short delay, counted in pauses, not in seconds
            if session.state.turn is None:
                break
            await pilot.pause(0.02)
        await choose(pilot, "Continue to the adjudication phase")
        await counter(pilot, "No way")
        for _ in range(50):
            if session.state.queue[0].argument.next_counterer() is None:  # type: ignore[union-attr]
                break
            await pilot.pause(0.02)
        assert "Brask: how likely is it to work? Vote on the odds." in panel(pilot, "#prompt")
        await choose(pilot, "unlikely")
        for _ in range(50):
            if "confirm the odds" in panel(pilot, "#prompt"):
                break
            await pilot.pause(0.02)
        assert "odds voted: Brask unlikely, Corvin " in panel(pilot, "#prompt")
        await choose(pilot, "Confirm the teams' vote")
    argument = session.state.queue[0].argument
    assert argument is not None and argument.odds_by in ("vote", "facilitator") and argument.odds is not None
    assert [a for a, _ in argument.counters] == ["b", "c"] and [a for a, _ in argument.votes] == ["b", "c"]


def _arguing(path: Path, done: Callable[[Session], bool]) -> Session:
    """The bundled game (seed 3), every team human, played until ``done``: the first team that may argues (in words
    that name nothing), every other team passes."""
    from tabletop.content.loader import load_scenario
    from tabletop.engine import Action

    session = Session.start(load_scenario("parallel-tracks"), 3, path)
    while not done(session):
        options = legal_actions(session.state)
        argues = [a for a in options if a.kind == "move" and a.move == "argue"]
        passes = [a for a in options if a.kind == "pass" and session.state.phase == "moves"]
        if argues:
            a = argues[0]
            session.apply(Action("move", actor=a.actor, move=a.move, track=a.track, text="Talk now",
                                 wanted=a.wanted, reasons=("Calm",)))
        else:
            session.apply((passes or options)[0])
    return session


def _to_a_counter(path: Path) -> Session:
    """Russia argues on a track (in words that name nothing), and Ukraine is to counter it."""
    from tabletop.engine import waiting_for

    return _arguing(path, lambda session: waiting_for(session.state) == "counter")


async def test_the_counter_dialog_and_the_replay_name_actors_and_tracks_in_the_rooms_language(tmp_path: Path) -> None:
    """Found from outside: in a game in Ukrainian the counter dialog said "Ukraine заперечує аргумент сторони
    Russia" and "Russia наводить аргумент на треку «Status of Ukraine»", and the Russian replay "Russia
    приводит аргумент на треке «Status of Ukraine»": the argument's words took the names from the scenario
    as written, not as the room reads it (the decision list had the translation already)."""
    from tabletop import lang
    from tabletop.content.overlays import translated

    session = _to_a_counter(tmp_path / "game.jsonl")
    head = session.state.queue[0]
    base = {**{a.id: a.name for a in session.scenario.ruleset.actors},
            **{t.id: t.name for t in session.scenario.ruleset.tracks}}
    try:
        for code, app_of in (("uk", lambda: TabletopApp(session)), ("ru", lambda: ReplayApp(open_save(session.save_path)))):
            lang.set_language(code)
            here = translated(session.scenario, code)
            names = {**{a.id: a.name for a in here.ruleset.actors}, **{t.id: t.name for t in here.ruleset.tracks}}
            app = app_of()
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                if code == "uk":
                    await choose(pilot, "Заперечити")  # Ukraine counters: the dialog
                    assert isinstance(app.screen, ArgumentScreen)
                shown = rendered(pilot)
                assert names[head.actor] in shown and names[head.track] in shown, shown
                assert base[head.actor] not in shown and base[head.track] not in shown, shown
                await press(pilot, "escape")
    finally:
        lang.set_language("en")
    session.close()


async def test_at_80x24_the_list_of_a_counter_and_of_a_cards_answer_is_on_the_screen_whole(tmp_path: Path) -> None:
    """Found from outside: on an 80 x 24 terminal in Ukrainian the argument waiting for a counter filled the
    decision column and its list (counter, or pass) was below the screen, numbers and all; a card's answer
    showed its first choice only, the second under it unseen. The card and the prompt together took up to 95 %
    of the column (45 % and 50 %) above the turn panel and the list. Now the list of a short decision is on
    the screen whole, whatever the card and the prompt say: they scroll."""
    from textual.errors import NoWidget
    from textual.widgets import OptionList

    from tabletop import lang

    def whole_list(app: TabletopApp) -> bool:
        listed = app.screen.query_one("#decision", OptionList)
        try:
            where = app.screen.find_widget(listed)
        except NoWidget:  # not on the screen at all
            return False
        return (where.region.intersection(where.clip) == where.region
                and listed.virtual_size.height <= listed.scrollable_content_region.height)

    countering = _to_a_counter(tmp_path / "counter.jsonl")
    answering = Session.start(countering.scenario, 39, tmp_path / "card.jsonl")
    answering.apply(legal_actions(answering.state)[0])  # the card drawn: a team answers it
    assert answering.state.card is not None
    lang.set_language("uk")
    try:
        for session in (countering, answering):
            app = TabletopApp(session)
            async with app.run_test(size=SMALL) as pilot:
                await pilot.pause()
                if session is answering:  # a team answers the card on the table
                    assert "відповідають на" in panel(pilot, "#prompt")
                assert len(board(pilot).entries) == 2
                assert whole_list(app), rendered(pilot)
    finally:
        lang.set_language("en")
    countering.close()
    answering.close()


def test_the_side_caps_keep_the_lists_rows_and_give_the_prompt_its_own_first() -> None:
    from tabletop.tui.decisionlist import LIST_ROWS, side_caps

    assert side_caps(19, 3, 9, 6) == (None, None)  # all fits (a one-line list keeps 4 rows): the stylesheet's caps stand
    assert side_caps(19, 3, 9, 7) == (8, 7)  # one row short: the prompt keeps its 7, the card scrolls in 8
    card, prompt = side_caps(16, 2 + 2, 9, 9)  # two one-line options and a border: 12 rows above them
    assert (card, prompt) == (6, 6) and card + prompt + 4 == 16
    card, prompt = side_caps(16, 40, 9, 3)  # a long list keeps LIST_ROWS rows (and its border): it scrolls
    assert prompt == 3 and card == 16 - (LIST_ROWS + 2) - 3


async def test_at_80x24_the_facilitator_sets_the_odds_with_every_counter_in_view(tmp_path: Path) -> None:
    """Found from outside: at 80x24 the facilitator's "how likely is it to work? Set the odds." showed the
    argument up to its first reason and then the list: Russia's counter, what the odds weigh, was out of
    view (it showed whole only at the roll, the odds fixed). While an argument is weighed, the card's box
    gives the question its rows."""
    from tabletop.engine import Action, waiting_for

    session = _to_a_counter(tmp_path / "game.jsonl")
    while waiting_for(session.state) == "counter":
        counterer = legal_actions(session.state)[0].actor
        session.apply(Action("counter", actor=counterer, track=session.state.queue[0].track,
                             text=f"counter-words-of-{counterer}"))
    assert waiting_for(session.state) == "odds"
    counterers = [a for a, _ in session.state.queue[0].argument.counters]
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for _ in range(3):
            await pilot.pause()
        shot = app.export_screenshot()
        assert all(f"counter-words-of-{a}" in shot for a in counterers), counterers
        assert "Set&#160;the&#160;odds" in shot


async def test_at_80x24_the_counter_list_that_follows_the_moves_phase_shows_both_its_options(tmp_path: Path) -> None:
    """Found from outside (helper-181, in Ukrainian): the facilitator moved the game on to the adjudication and
    the list of the argument's counter showed "1. Заперечити — ввести контраргумент" alone, "2. Пас" under it
    unseen, with nothing but a scrollbar to say so. The turn panel grew a line (the team's means) and the card
    and the prompt were fitted to the column as it was before: the list lost the rows it had been given."""
    from textual.widgets import OptionList

    from tabletop import lang

    session = _arguing(tmp_path / "game.jsonl", lambda session: session.state.phase == "moves" and any(
        a.kind == "advance" for a in legal_actions(session.state)))
    lang.set_language("uk")
    try:
        app = TabletopApp(session)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            await choose(pilot, "Перейти до фази рішень")
            for _ in range(3):
                await pilot.pause()
            assert session.state.phase == "adjudication"
            assert [e.label.plain.split(" — ")[0] for e in board(pilot).entries] == ["Заперечити", "Пас"]
            listed = app.screen.query_one("#decision", OptionList)
            where = listed.region.intersection(app.screen.region)  # the list's rows on the screen
            assert where == listed.region, (listed.region, rendered(pilot))
            inner = where.height - listed.styles.gutter.height
            assert listed.virtual_size.height <= inner, (listed.virtual_size, where, rendered(pilot))
    finally:
        lang.set_language("en")
    session.close()


def _at_the_argument_s_dice(path: Path) -> Session:
    """The bundled game: Russia argues with the longest texts the ruleset takes (280 characters of action, two
    reasons of 200), every other team counters with 200 characters, the facilitator's odds set: the dice are next."""
    from tabletop.engine import Action, waiting_for

    action = ("\u0410\u043a\u0446\u0438\u044f-" * 60)[:279] + "\u2116"  # the end of the action marked
    reasons = (("\u0414" * 199) + "1", ("\u0434" * 199) + "2")
    from tabletop import load_scenario

    session = Session.start(load_scenario("parallel-tracks"), 3, path)
    while waiting_for(session.state) != "roll":
        options = legal_actions(session.state)
        argues = [a for a in options if a.kind == "move" and a.move == "argue"]
        passes = [a for a in options if a.kind == "pass" and session.state.phase == "moves"]
        if argues:
            a = argues[0]
            session.apply(Action("move", actor=a.actor, move=a.move, track=a.track, text=action, wanted=a.wanted,
                                 reasons=reasons))
        elif options[0].kind == "counter":
            who = options[0].actor
            session.apply(Action("counter", actor=who, track=session.state.queue[0].track,
                                 text=(f"end-of-{who}".rjust(200, "\u2014"))))
        elif options[0].kind == "odds":  # the facilitator's: unlikely
            session.apply(next(o for o in options if o.odds == "unlikely"))
        else:
            session.apply((passes or options)[0])
    return session


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x40"])
@pytest.mark.parametrize("code", ["en", "ru", "uk"])
async def test_an_argument_s_ruling_is_shown_whole_after_the_roll(tmp_path: Path, code: str,
                                                                  size: tuple[int, int]) -> None:
    """Found from outside (helper-222, in Russian at 80x24): the facilitator rolled an argument's dice and the board
    went straight on; the ruling showed as the first four lines of the newest entry in "Last rulings", its action,
    reasons, counters and odds below them, reached only by Tab and scrolling. After the roll the ruling's whole working
    comes up: the verdict, the action, each reason, each counter by team, the odds and who set them, the roll, every
    line of it reached by the arrows on the smallest screen; a double Enter does not close it unread; Enter closes it,
    and l puts it up again."""
    from textual.widgets import OptionList

    from tabletop import lang
    from tabletop.engine.records import Ruling
    from tabletop.engine.lookups import seen as seen_state
    from tabletop.tui.text import names as room_names
    from tabletop.tui.widgets import KeyScroll

    session = _at_the_argument_s_dice(tmp_path / "game.jsonl")
    clock = [100.0]
    lang.set_language(code)
    app = TabletopApp(session, now=lambda: clock[0], pick_hold=0.5)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        clock[0] += 1
        await press(pilot, "1")  # roll the dice
        assert session.state.last is not None and session.state.last.action.kind == "roll"
        screen = app.screen
        assert type(screen).__name__ == "RulingScreen", (type(screen).__name__, rendered(pilot))
        from tabletop.tui.rulingview import RulingScreen

        await press(pilot, "enter")  # the Enter that rolled, pressed twice: held
        assert app.screen is screen

        # every line, read through with the arrows where the screen is short
        scroll = screen.query_one(KeyScroll)
        seen = []
        for _ in range(40):
            seen.append(rendered(pilot))
            await press(pilot, "down")
        shown = " ".join(seen)
        ruling = Ruling.from_result(session.state.last.result)
        assert ruling is not None
        assert "\u2116" in shown  # the action to its end
        for reason in ("\u0414" * 20 + "1", "\u0434" * 20 + "2"):
            assert reason in shown.replace(" ", ""), reason
        counterers = [a for a, _t in ruling.counters]
        assert counterers and all(f"end-of-{a}" in shown for a in counterers), counterers
        said = room_names(seen_state(session.state))  # each counter by its team, as the room names it
        assert all(said[a] in shown for a in counterers), [said[a] for a in counterers]
        assert f"{ruling.dice[0]} + {ruling.dice[1]} = {ruling.total}" in shown
        assert str(ruling.target) in shown
        with_words = {"en": "set by the facilitator", "ru": "\u0432\u0435\u0434\u0443\u0449", "uk": "\u0432\u0435\u0434\u0443\u0447"}
        assert with_words[code] in shown.lower(), shown
        assert scroll.max_scroll_y == 0 or scroll.scroll_y == scroll.max_scroll_y  # read to its end
        clock[0] += 1
        await press(pilot, "enter")
        assert isinstance(app.screen, BoardScreen)
        clock[0] += 1
        await press(pilot, "l")
        assert isinstance(app.screen, RulingScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, BoardScreen)
        assert isinstance(app.screen.query_one("#decision"), OptionList)
    session.close()


async def test_the_argument_dialog_says_what_the_move_s_question_says(tmp_path: Path) -> None:
    """Found from outside: the argument dialog said nothing of its cost, of sealing or of how it is judged (every
    other move is asked first with them); sending it took the team's capital. The dialog shows the move's question's
    words, and the sealed note under them in a sealed game. At 80x24: the first field is in view under them."""
    from tabletop.engine.wording import move_words
    from tabletop.tui.text import SEALED_NOTE, names

    async with arguing(tmp_path, sealed=True) as (session, app, pilot):
        about = str(app.screen.query_one("#argue-about", Static).render())
        said = move_words(session.state.scenario.index.moves["argue"], names(session.state), sealed=True)
        assert said in about and "1 capital" in said and "argued, countered" in said, about
        assert about.endswith(SEALED_NOTE)
        field = app.screen.query_one("#argue-action", LineField)
        assert field.has_focus and field.region.bottom <= SMALL[1]
    session.close()
