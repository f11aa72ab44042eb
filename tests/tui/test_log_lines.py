"""A card's or a move's ``{ log = "…" }`` lines are shown where the room reads the game: the board and the replay.

Found from outside (helper-107): the save held ``"log": ["Tankers sent to the coast"]`` and the report and a seat's
log showed it, in the room's language; the hot seat's "Last rulings" and the replay's working did not. The default
scenario has such choices too ("Keep arms control separate": "Washington keeps arms control apart from Ukraine's
status").
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tabletop import Action, apply, load_scenario, new_game
from tabletop.lang import using
from tabletop.store.reading import open_save
from tabletop.store.savefile import SaveWriter
from tabletop.tui.replay import ReplayApp
from tabletop.tui.text import event_line

LOGGED = "Washington keeps arms control apart from Ukraine's status"


def _chosen() -> tuple[object, list[Action]]:
    sc = load_scenario("parallel-tracks")
    card = sc.index.cards["congress-linkage"]
    choice = next(i for i, c in enumerate(card.choices) if any(getattr(e, "log", None) == LOGGED for e in c.effects))
    actions = [Action("draw", outcome={"card": card.id, "set_aside": [], "reshuffled": 0}),
               Action("choose", actor="us", track=card.track, card=card.id, choice=choice)]
    return sc, actions


def test_the_board_s_line_of_a_choice_says_its_log_line_in_the_room_s_language() -> None:
    sc, actions = _chosen()
    state = new_game(sc, 1)
    for action in actions:
        state = apply(state, action)
    assert state.last.result.get("log") == [LOGGED]  # the save holds it in the base's English
    assert LOGGED in event_line(state, state.last, set()).plain
    with using("ru"):
        said = event_line(state, state.last, set()).plain
    assert LOGGED not in said and "Вашингтон" in said, said


async def test_the_replay_s_working_says_the_log_line(tmp_path: Path) -> None:
    sc, actions = _chosen()
    path = tmp_path / "logged.jsonl"
    writer = SaveWriter.create(path, sc, 1)
    state = new_game(sc, 1)
    for action in actions:
        state = apply(state, action)
        writer.append(state)
    writer.close()
    app = ReplayApp(open_save(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.go(2)
        await pilot.pause()
        working = str(app.screen.query_one("#working", Static).render())
    assert LOGGED in working, working
