"""The end screen says why a track that stood agreed provisionally is open at the end.

Found from outside (helper-103): after a full game under the package deal the end screen read "Strategic
stability ○ OPEN, position 6/6 “Agreement”" with no reason; only the report said the provisional agreement had
lapsed because the package was not complete.
"""

from __future__ import annotations

from tabletop import Action, apply, legal_actions, load_scenario, new_game
from tabletop.tui.text import outcome_text


def test_a_provisional_deal_that_lapsed_at_the_end_is_said_to_have() -> None:
    sc = load_scenario("parallel-tracks-linked")
    state = new_game(sc, 1)
    spec = sc.index.tracks["humanitarian"]
    state = apply(state, Action("override", track="humanitarian", position=spec.agreement_at, reason="a deal"))
    assert state.tracks["humanitarian"].provisional
    state = apply(state, Action("end", reason="out of time"))
    assert state.tracks["humanitarian"].is_open
    said = outcome_text(state, show_secret=False).plain
    line = next(line for line in said.splitlines() if "Humanitarian" in line)
    assert "its provisional agreement lapsed at the end: the package was not complete" in line, said
    assert said.count("lapsed at the end") == 1


def _ended_with_a_lapse() -> tuple[object, object]:
    sc = load_scenario("parallel-tracks-linked")
    state = new_game(sc, 1)
    spec = sc.index.tracks["humanitarian"]
    state = apply(state, Action("override", track="humanitarian", position=spec.agreement_at, reason="a deal"))
    return sc, apply(state, Action("end", reason="out of time"))


def test_the_step_into_the_end_says_which_provisional_deal_lapsed_on_the_board_and_a_seat() -> None:
    """Found from outside (left alone at stop 47): the board's rulings, the replay and a seat's log showed the end and
    "Humanitarian: status agreed → open" with no reason; only the end screen and the report said why."""
    from tabletop.seats.views import _public_line
    from tabletop.tui.seatwords import log_text
    from tabletop.tui.text import settled_lines

    sc, ended = _ended_with_a_lapse()
    why = ("Under the package deal, the provisional agreement on Humanitarian lapsed at the end \u2014 the package "
           "was not complete")
    end = ended.last
    assert end.action.kind == "end"
    assert [line.plain.strip() for line in settled_lines(ended, end)] == [why]
    line = _public_line(ended, end)
    assert line.get("settled") == [why] and why in log_text({"board": {"log": [line]}}).plain
    # a note written after the end: the lapse stays under the end, the note settles nothing
    noted = apply(ended, Action("note", text="we ran out of time", about=end.seq))
    assert [line.plain.strip() for line in settled_lines(noted, end)] == [why]
    assert settled_lines(noted, noted.last) == []
    # the same game before its end says nothing of a lapse; a game ended with no provisional deal neither
    before = [line.plain for line in settled_lines(ended.previous, ended.previous.last)]
    assert before and not any("lapsed" in line for line in before), before
    plain = apply(new_game(load_scenario("parallel-tracks"), 1), Action("end", reason="out of time"))
    assert settled_lines(plain, plain.last) == []


async def test_the_replay_says_the_lapse_under_the_end(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    from textual.widgets import Static

    from tabletop.store.reading import open_save
    from tabletop.store.savefile import SaveWriter
    from tabletop.tui.replay import ReplayApp

    sc, ended = _ended_with_a_lapse()
    path = tmp_path / "lapsed.jsonl"
    writer = SaveWriter.create(path, sc, 1)
    state = new_game(sc, 1)
    for event in ended.log:
        state = apply(state, event.action)
        writer.append(state)
    writer.close()
    app = ReplayApp(open_save(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.go(len(app.screen.save))
        await pilot.pause()
        working = str(app.screen.query_one("#working", Static).render())
    assert "provisional agreement on Humanitarian lapsed at the end" in working, working


def _provisional(sc: object) -> object:
    spec = sc.index.tracks["humanitarian"]  # type: ignore[attr-defined]
    return Action("override", track="humanitarian", position=spec.agreement_at, reason="a deal")


async def test_ending_the_game_warns_of_the_provisional_deal_it_lets_lapse(tmp_path) -> None:  # noqa: ANN001
    """Found from outside (left alone at stop 47): ``e`` said only "The outcome is taken as the board stands" and the
    provisional deal the room had worked for turned open on the end screen."""
    from tabletop.play.session import Session
    from tabletop.tui.app import TabletopApp
    from tabletop.tui.modals import ConfirmScreen
    from tabletop.tui.text import end_warning

    sc = load_scenario("parallel-tracks-linked")
    warned = "Under the package deal, the provisional agreement on Humanitarian lapses: the package is not complete."
    assert end_warning(new_game(sc, 1)) == ""  # nothing provisional: nothing to warn of
    state = apply(new_game(sc, 1), _provisional(sc))
    assert end_warning(state) == warned
    session = Session.start(sc, 1, tmp_path / "linked.jsonl")
    session.apply(_provisional(sc))
    app = TabletopApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert warned in shown.replace("\n", " "), shown
    session.close()



def test_an_undone_end_says_no_lapse_on_a_seat_as_on_the_board() -> None:
    """Found in review (helper-111): a seat's log line of the end was kept (cached by event) with its "lapsed at the
    end" after the facilitator undid the end, while the board dropped it."""
    from tabletop.seats.views import _public_line
    from tabletop.tui.text import settled_lines

    _sc, ended = _ended_with_a_lapse()
    end = ended.last
    assert _public_line(ended, end).get("settled")
    undone = apply(ended, Action("undo", reason="not yet"))
    assert not undone.over
    assert "settled" not in _public_line(undone, end) and settled_lines(undone, end) == []


def test_the_last_rounds_review_warns_of_the_provisional_deal_its_advance_lets_lapse() -> None:
    """Found from outside (left alone at stop 48): the last round's review read "Humanitarian: agreed, no change" and
    its one entry, "End the game (that was the last round)", let the provisional deal lapse with no word before it,
    while ``e`` warned of the same lapse."""
    from tabletop import legal_actions
    from tabletop.tui.review import review_text

    sc = load_scenario("parallel-tracks-linked")
    warned = "Under the package deal, the provisional agreement on Humanitarian lapses: the package is not complete."
    state = apply(new_game(sc, 1), _provisional(sc))
    turns = sc.ruleset.ruleset.turns
    while not (state.round == turns and state.phase == "review"):  # every team passes, every proposal is voted down
        options = legal_actions(state)
        pick = next((o for o in options if o.kind == "pass" or (o.kind == "vote" and o.accept is False)), options[0])
        state = apply(state, pick)
        if state.phase == "review" and state.round < turns:
            said = review_text(state).plain
            assert "Humanitarian: agreed (provisional), " in said and warned not in said, said  # not the last round
    said = review_text(state).plain
    assert "Humanitarian: agreed (provisional), no change" in said, said
    # said first, under the title: at 80x24 the tracks' lines push what follows them out of the box's view
    assert said.splitlines()[1] == warned, said
    ended = apply(state, legal_actions(state)[0])
    assert ended.over and ended.tracks["humanitarian"].is_open  # what the warning said


def _package_held() -> object:
    sc = load_scenario("parallel-tracks-linked")
    state = new_game(sc, 1)
    for spec in sc.ruleset.tracks:
        state = apply(state, Action("override", track=spec.id, position=spec.agreement_at, reason="a deal"))
    assert state.over and state.end_reason == "no track is open"
    return state


def test_the_end_screen_says_the_package_held() -> None:
    """Found from outside (helper-242): a package deal completed in round 5 ended on "Game ended: no track is open",
    with no word that the package had held and its provisional agreements become final."""
    from tabletop import lang

    state = _package_held()
    held = state.last
    said = outcome_text(state, show_secret=False).plain
    assert (f"The package is complete (round 1, #{held.seq}): every provisional agreement in it became final."
            in said), said
    with lang.using("uk"):
        said = outcome_text(state, show_secret=False).plain
    assert f"Пакетну угоду укладено (раунд 1, #{held.seq})" in said, said


def test_the_end_screen_says_no_package_held_where_none_did() -> None:
    sc, ended = _ended_with_a_lapse()
    assert "package is complete" not in outcome_text(ended, show_secret=False).plain


def _tabled(count: int) -> object:
    """A game in its first moves phase with ``count`` proposals tabled (consensus), none decided."""
    sc = load_scenario("parallel-tracks")
    state = new_game(sc, 7)
    while state.phase != "moves":
        state = apply(state, legal_actions(state)[0])
    while len(state.queue) < count:
        state = apply(state, next(a for a in legal_actions(state) if a.kind == "move"
                                  and sc.index.moves[a.move].resolution == "consensus"))
    return state


def test_ending_now_names_the_tabled_moves_it_leaves_undecided() -> None:
    """Found from outside (uk, round 5's moves phase): two proposals (#105, #106) and two dice moves were tabled, and
    ``e`` said only "The outcome is taken as the board stands; the save is kept"; only the report said later
    "Move #105: Russia — Table a proposal … → never settled: the game ended first". The question names each move
    (who, what, on which track), and counts those past the first few. Found from outside since (ru): each entry
    ended in the report's past tense, "→ never settled: the game ended first", before the facilitator had ended
    anything; the heading says what an end would leave, and an entry says only the move."""
    from tabletop.tui.text import end_warning

    state = _tabled(2)
    said = end_warning(state)
    assert said.splitlines() == [
        "Ending now leaves 2 tabled moves undecided:",
        "  #4 Russia: Table a proposal on Strategic stability \u2014 tabled for consensus",
        "  #5 Ukraine: Table a proposal on Status of Ukraine \u2014 tabled for consensus",
    ], said
    many = end_warning(_tabled(8)).splitlines()
    assert many[0] == "Ending now leaves 8 tabled moves undecided:", many
    assert len(many) == 1 + 5 + 1 and many[-1] == "  and 3 more", many
    assert "#8 " in many[5] and "#9 " not in "\n".join(many)


async def test_the_end_question_names_the_undecided_moves_in_the_rooms_language(tmp_path) -> None:  # noqa: ANN001
    """The hot seat's ``e``, in Ukrainian and Russian, says what an end would leave undecided, not the report's
    past tense («так і не вирішено: гра скінчилася раніше», «так и не решено: игра закончилась раньше»)."""
    from tabletop.play.session import Session
    from tabletop.tui.app import TabletopApp
    from tabletop.tui.modals import ConfirmScreen

    tabled = _tabled(2)
    session = Session.start(load_scenario("parallel-tracks"), 7, tmp_path / "tabled.jsonl")
    for event in tabled.log:
        session.apply(event.action)
    for lang, heading, move, past in (
            ("uk", "2 винесені ходи так і не буде вирішено:", "#4 Росія: Внести пропозицію", "гра скінчилася раніше"),
            ("ru", "2 вынесенных хода так и не будут решены:", "#4 Россия: ", "игра закончилась раньше")):
        app = TabletopApp(session, lang=lang)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            shown = " ".join(str(w.render()) for w in app.screen.query("Static")).replace("\n", " ")
            assert heading in shown and move in shown, shown
            assert past not in shown and "\u2192" not in shown, shown
            await pilot.press("escape")
    session.close()
