"""The last round's review names the tabled moves its advance leaves undecided in the room's words.

Found in review: the warning worded each move with the engine's default, the base (English) scenario's names, not
made literal, and a sealed move not yet revealed said in full, on the hot seat's review and the hosted console's.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tabletop import apply, lang, legal_actions, load_scenario, new_game
from tabletop.engine.lookups import seen
from tabletop.play.session import with_sealed
from tabletop.seats.views import Seat, TableFacts, seat_view
from tabletop.tui.review import review_text

FAC = Seat("facilitator", "facilitator")


def _tabled_at_the_last_review(sealed: bool):  # noqa: ANN202 - a State
    """Two consensus moves tabled in the last round, and the game put at that round's review with them still on the
    table (no bundled ruleset's phases leave one there: the state is built as such a ruleset would leave it)."""
    sc = with_sealed(load_scenario("parallel-tracks"), sealed)
    state = new_game(sc, 7)
    turns = sc.ruleset.ruleset.turns
    while not (state.round == turns and state.phase == "moves"):
        options = legal_actions(state)
        state = apply(state, next((o for o in options if o.kind == "pass" or (o.kind == "vote" and o.accept is False)),
                                  options[0]))
    while len(state.queue) < 2:
        state = apply(state, next(a for a in legal_actions(state) if a.kind == "move"
                                  and sc.index.moves[a.move].resolution == "consensus"))
    return dataclasses.replace(state, phase=sc.ruleset.ruleset.phases[-1])


def _warning(said: str) -> list[str]:
    lines = said.splitlines()
    start = next(i for i, line in enumerate(lines) if "#" in line) - 1
    return lines[start:start + 3]


def test_the_hot_seats_last_review_names_the_undecided_moves_in_russian() -> None:
    state = _tabled_at_the_last_review(sealed=False)
    with lang.using("ru"):
        said = _warning(review_text(state).plain)
    assert said[0].startswith("\u0415\u0441\u043b\u0438 \u0437\u0430\u0432\u0435\u0440\u0448\u0438\u0442\u044c"), said  # «Если завершить…»
    moves = "\n".join(said[1:])
    assert "Table a proposal" not in moves and "Strategic stability" not in moves, said
    assert "\u0421\u0442\u0440\u0430\u0442\u0435\u0433\u0438\u0447\u0435\u0441\u043a" in moves, said  # «Стратегическ…»


def test_the_consoles_last_review_names_the_undecided_moves_in_russian_and_keeps_a_sealed_one_sealed() -> None:
    for sealed in (False, True):
        state = _tabled_at_the_last_review(sealed)
        with lang.using("ru"):
            prompt = seat_view(seen(state, "ru"), FAC, TableFacts(connected=("facilitator",)))["decision"]["prompt"]
        said = _warning(prompt)
        moves = "\n".join(said[1:])
        assert "Table a proposal" not in moves and "Strategic stability" not in moves, said
        if sealed:  # what the sealed moves are stays sealed until the reveal, as on the shared screen
            assert moves.count("\u0441\u0434\u0435\u043b\u0430\u043d \u0437\u0430\u043a\u0440\u044b\u0442\u044b\u0439 \u0445\u043e\u0434") == 2, said  # «сделан закрытый ход»
            assert "\u0421\u0442\u0440\u0430\u0442\u0435\u0433\u0438\u0447\u0435\u0441\u043a" not in moves, said
        else:
            assert "\u0421\u0442\u0440\u0430\u0442\u0435\u0433\u0438\u0447\u0435\u0441\u043a" in moves, said


def test_a_move_in_the_warning_is_literal(tmp_path: Path) -> None:
    """A team's and a move's names with a control character in them reach the warning as its visible symbol, as every
    word from a file does (the scenario of tests/tui/test_literal.py)."""
    from tests.tui.test_literal import ACTOR, DECK, ESC, RULESET

    (tmp_path / "literal.toml").write_text(RULESET, encoding="utf-8")
    (tmp_path / "literal-events.toml").write_text(DECK, encoding="utf-8")
    sc = load_scenario(tmp_path / "literal.toml", tmp_path / "literal-events.toml")
    state = new_game(sc, 1)
    while not (state.round == sc.ruleset.ruleset.turns and state.phase == "moves"):
        options = legal_actions(state)
        state = apply(state, next((o for o in options if o.kind == "pass" or (o.kind == "vote" and o.accept is False)),
                                  options[0]))
    state = apply(state, next(a for a in legal_actions(state) if a.kind == "move" and a.actor == "east"))
    state = dataclasses.replace(state, phase=sc.ruleset.ruleset.phases[-1])
    with lang.using("ru"):
        hot = _warning(review_text(state).plain)
        console = _warning(seat_view(seen(state, "ru"), FAC, TableFacts(connected=("facilitator",)))["decision"]["prompt"])
    for said in (hot, console):
        assert ACTOR in said[1] and ESC not in "\n".join(said), said
