"""A link move names its second track wherever it is put to the room.

Found from outside (helper-103): "European NATO members / EU propose «Link to another track» on Track 2 dialogue:
… on the linked track: progress +1": the vote never said which track that was (the save had link
"ukraine-eu"), nor did the hot seat's question before the move was made.
"""

from __future__ import annotations

from tabletop import legal_actions, load_scenario, new_game
from tabletop.engine import apply
from tabletop.play import decisions


def test_a_link_proposal_put_to_the_vote_names_the_linked_track() -> None:
    state = new_game(load_scenario("parallel-tracks-linked"), 3)
    while state.phase != "moves":
        state = apply(state, legal_actions(state)[0])
    while True:
        options = legal_actions(state)
        link = next((a for a in options if a.kind == "move" and a.link), None)
        if link is not None:
            break
        state = apply(state, next(a for a in options if a.kind == "pass"))
    state = apply(state, link)
    while (options := legal_actions(state))[0].kind != "vote":  # the others pass; the moves phase ends
        state = apply(state, next((a for a in options if a.kind == "pass"), options[0]))
    linked = state.scenario.index.tracks[link.link or ""].name
    prompt = decisions.decision(state, legal_actions(state)[0].actor).prompt.plain
    assert f"The linked track: {linked}." in prompt, prompt


async def test_the_hot_seats_question_before_a_link_move_names_both_tracks(tmp_path) -> None:  # noqa: ANN001
    from tabletop.play.session import Session
    from tabletop.tui.app import TabletopApp
    from tabletop.tui.board import BoardScreen
    from tabletop.tui.modals import ConfirmScreen

    session = Session.start(load_scenario("parallel-tracks-linked"), 3, tmp_path / "link.jsonl")
    while session.state.phase != "moves":
        session.apply(legal_actions(session.state)[0])
    while (link := next((a for a in legal_actions(session.state) if a.kind == "move" and a.link), None)) is None:
        session.apply(next(a for a in legal_actions(session.state) if a.kind == "pass"))
    tracks = session.state.scenario.index.tracks
    app = TabletopApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        app.screen._confirm_move(link)()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        asked = str(app.screen.query_one("#confirm-title").render())
        assert f"on {tracks[link.track or ''].name}, linked to {tracks[link.link or ''].name}?" in asked, asked
    session.close()
