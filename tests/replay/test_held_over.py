"""Why a scheduled card came up after its round, as the board, the seats, the replay and the reports say it.

Found from outside (a fact-checker of the default scenario): the log read "Card drawn: Moscow speaks on Ukraine's EU
ties — scheduled for round 5, held over to round 6: it could not be played before", but the card has no conditions:
it waited because the scheduler takes the first waiting card on the master events list, and another scheduled card
took round 5's draw. Every surface now says what the record shows (``engine.telling.held_over``).

The game: the default scenario, seed 19, bot teams (``tests.store.savekit.record_bot_game``): round 5's draw takes
"Kyiv sets out a multi-vector course" (scheduled for round 4, after "Lawmakers demand linkage" came up in round 4),
round 6's "Moscow speaks on Ukraine's EU ties" (scheduled for round 5).
"""

from __future__ import annotations

import json

import pytest
from textual.widgets import OptionList

from tabletop import lang
from tabletop.content.loader import load_scenario
from tabletop.report import render
from tabletop.seats.views import Seat, TableFacts, seat_view
from tabletop.store.reading import open_save
from tabletop.tui.replay import ReplayApp
from tabletop.tui.facilitator import facilitator_text
from tabletop.tui.text import card_text, told
from tabletop.tui.timeline import working_text
from tests.store.savekit import record_bot_game

#: what the log says of round 6's draw, in each language
SAID = {
    "en": "Moscow speaks on Ukraine's EU ties \u2014 scheduled for round 5, held over to round 6: another card came up "
          "first (Kyiv sets out a multi-vector course)",
    "ru": "по плану в раунде 5, перенесена в раунд 6: раньше выпала другая карточка",
    "uk": "за планом у раунді 5, перенесено до раунду 6: раніше випала інша картка",
}
#: the words that were false of it, in each language
FALSE = {
    "en": "it could not be played before",
    "ru": "раньше её нельзя было сыграть",
    "uk": "раніше її не можна було зіграти",
}


@pytest.fixture(scope="module")
def game(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - savekit's Recorded
    played = record_bot_game(tmp_path_factory.mktemp("held") / "g.jsonl", load_scenario("parallel-tracks"), 19)
    draw = next(s.last for s in played.states if s.last is not None and s.last.action.kind == "draw"
                and s.last.result["outcome"]["card"] == "moscow-objects")
    assert draw.round == 6 and draw.result["outcome"].get("scheduled")  # what the tests below are about
    return played


@pytest.mark.parametrize("code", lang.LANGUAGES)
@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_the_report_says_why_the_card_was_held_over(game, code: str, fmt: str) -> None:  # noqa: ANN001
    text = render(game.path, fmt, lang=code)
    if fmt == "json":
        text = "\n".join(e["summary"] for e in json.loads(text)["log"])
    text = text.replace("&#x27;", "'").replace("&#39;", "'")
    assert SAID[code] in text
    assert FALSE[code] not in text


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_the_board_and_every_seat_say_why_the_card_was_held_over(game, code: str) -> None:  # noqa: ANN001
    state = next(s for s in game.states if s.last is not None and s.last.action.kind == "draw"
                 and s.last.result["outcome"]["card"] == "moscow-objects")  # the seats' log: the newest lines
    draw = state.last
    with lang.using(code):
        board = told(state, draw)
        seats = ["\n".join(line["text"] for line in seat_view(state, seat, TableFacts())["board"]["log"])
                 for seat in (Seat("projector", "projector"), Seat("team:ua", "team", "ua"))]
        # the card panel, and the facilitator's, while it is on the table: "Scheduled for round 5, held over …"
        panel = card_text(state, state.scenario.index.cards["moscow-objects"], True, scheduled=True).plain
        facilitator = facilitator_text(state, private=False).plain
    for said in (board, *seats):
        assert SAID[code] in said and FALSE[code] not in said
    when = SAID[code].split(" \u2014 ")[-1][1:]  # capitalised at the head of the panel
    for said in (panel, facilitator):
        assert when in said and FALSE[code] not in said


@pytest.mark.parametrize("code", lang.LANGUAGES)
async def test_the_replay_says_why_the_card_was_held_over(game, code: str) -> None:  # noqa: ANN001
    save = open_save(game.path)
    index = next(i for i, e in enumerate(save.events, 1) if e.action.kind == "draw"
                 and e.result["outcome"]["card"] == "moscow-objects")
    app = ReplayApp(save, lang=code)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        timeline = app.screen.query_one("#timeline", OptionList)
        lines = "\n".join(str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count))
        working = working_text(save, index, set(), {}, {}).plain
    lang.set_language("en")
    for said in (lines, working):
        assert SAID[code] in said and FALSE[code] not in said
