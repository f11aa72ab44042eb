"""The replay says how the engine ended the game, in the report timeline's words (``report.words.game_over_words``).

Found in review: the report's timeline said "Game over: no track is open (#214)" for a game played to its end; the
debrief viewer at that step showed the last vote, "round 8 · adjudication", and nothing said the game had ended, nor
why. The header over the timeline says it now, from the step that ended the game on, and not once an undo took that
step back. Found in review after: at 80x24 the header's first line still said "round 8 · adjudication" over "Game
over: …" (the turn panel's GAME OVER is below the screen at that size): its phase says the game is over, as the turn
panel does, in the same words.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tabletop import lang
from tabletop.engine import Action
from tabletop.report.words import game_over_words
from tabletop.store.reading import open_save
from tabletop.tui.replay import ReplayApp, ReplayScreen
from tabletop.tui.text import phase_word
from tabletop.tui.widgets import TurnPanel
from tests.engine.support import catalogue_scenario
from tests.report.kit import TINY_GAME
from tests.store.savekit import record_actions

AGREE = [lambda s, t=t: Action("override", track=t, status="agreed", reason="agreed in the room")
         for t in ("alpha", "beta", "gamma")]
#: no track open at #3, taken back at #4, no track open again at #5, a note on it at #6
STEPS = [*AGREE, lambda s: Action("undo"), AGREE[-1], lambda s: Action("note", text="Over", about=5)]


def _said(reason: str, seq: int) -> str:
    return game_over_words({"reason": reason, "seq": seq}, str)


def _where(app: ReplayApp) -> str:
    return str(app.screen.query_one("#where", Static).render())


def _phases(app: ReplayApp) -> tuple[str, str]:
    """The phase the header's first line says, and the one the turn panel says ("Round 1/8 · GAME OVER")."""
    header = _where(app).split("\n")[0].split(" \u00b7 ")[2]
    turn = str(app.screen.query_one(TurnPanel).render()).split("\n")[0].split(" \u00b7 ")[1]
    return header, turn


async def test_the_replay_says_how_the_engine_ended_the_game(tmp_path: Path) -> None:
    recorded = record_actions(tmp_path / "ended.jsonl", catalogue_scenario("strict"), 1, STEPS)
    assert [s.over for s in recorded.states] == [False, False, False, True, False, True, True]  # what is tested
    reason = recorded.states[-1].end_reason
    app = ReplayApp(open_save(recorded.path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen) and screen.index == 6
        said = {}
        for index in (6, 5, 4, 2, 3):  # last at #3, where the game first ended
            screen.go(index)
            await pilot.pause()
            said[index] = _where(app)
            header, turn = _phases(app)  # one wording: the header's phase is the turn panel's, never the last phase's
            assert header.upper() == turn, (index, header, turn)
            state = recorded.states[index]
            assert (header == phase_word(state.phase)) != state.over, (index, header, state.phase)
        assert _said(reason, 5) in said[6] and _said(reason, 5) in said[5], said
        assert "Game over" not in said[4] and "Game over" not in said[2], said
        assert _said(reason, 3) in said[3], said
        await pilot.press("f4")  # in the language spoken: Russian next
        await pilot.pause()
        with lang.using("ru"):
            assert _said(reason, 3) in _where(app), _where(app)
            header, turn = _phases(app)
            assert header.upper() == turn and header != phase_word(recorded.states[3].phase), (header, turn)

        await pilot.press("f4", "f4")  # back to English
        await pilot.pause()
        tiny = open_save(TINY_GAME)
        app.push_screen(ReplayScreen(tiny, None, None, 0.0))  # a game played to its last round
        await pilot.pause()
        last = tiny.events[-1]
        assert tiny.final_state().end_reason == "all rounds played" and last.result.get("to") == "over"
        assert _said("all rounds played", last.seq) in _where(app), _where(app)
