"""What a move, a track and a team stand for, readable where a team decides: F1 (or ?) on the highlighted entry.

Found from outside (a fact-checker of the default scenario): the authoring guide says a move's description is
"what the move means, in plain words (players read it)", and docs/seed-map.md relies on Russia's and Ukraine's
descriptions and on the moves' to carry the source's paragraphs 5 and 6; but no screen showed a move's, an actor's
or a track's description (F1 listed only keys). The help now opens with what the highlighted entry stands for (a
move, and its track; a track) and the description of the team to move, in the language spoken, then the keys.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tabletop import lang
from tabletop.engine.lookups import shown as shown_scenario
from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import HelpScreen

from .support import board, choose, entry_index, press, shown, start, to_turn_of

SIZES = [(80, 24), (120, 40)]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(autouse=True)
def english_after():  # noqa: ANN201
    lang.set_language("en")
    yield
    lang.set_language("en")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("code", lang.LANGUAGES)
async def test_the_help_says_what_the_highlighted_move_its_track_and_the_team_stand_for(
        tmp_path: Path, size: tuple[int, int], code: str) -> None:
    session = start(tmp_path)
    to_turn_of(session, "ru")
    app = TabletopApp(session, lang=code)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        sc = shown_scenario(session.state)
        stability, propose, ru = (sc.index.tracks["strategic-stability"], sc.index.moves["propose"],
                                  sc.index.actors["ru"])
        await choose(pilot, stability.name)  # the track's moves
        screen = board(pilot)
        screen.query_one("#decision").highlighted = entry_index(screen, propose.name)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        about = _flat(shown(app.screen.query_one("#help-about", Static)))
        keys = str(app.screen.query_one("#help-text", Static).content)
        for part in (propose, stability, ru):
            assert part.name in about and _flat(part.description) in about, (part.id, about)
        assert "ctrl+q" in keys  # the keys still follow
        await press(pilot, "escape")
        board(pilot)


async def test_a_highlighted_track_says_what_it_stands_for(tmp_path: Path) -> None:
    session = start(tmp_path)
    to_turn_of(session, "ua")
    app = TabletopApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = board(pilot)
        borders = session.state.scenario.index.tracks["borders"]
        screen.query_one("#decision").highlighted = entry_index(screen, borders.name)
        await press(pilot, "question_mark")
        about = _flat(shown(app.screen.query_one("#help-about", Static)))
        assert "may have to be left open" in about and "Ukraine" in about
        assert _flat(session.state.scenario.index.actors["ua"].description) in about


async def test_with_nothing_to_describe_the_help_lists_only_the_keys(tmp_path: Path) -> None:
    """At the round's draw the facilitator acts: no team, no move, nothing above the keys."""
    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        assert not app.screen.query_one("#help-about", Static).display


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("code", lang.LANGUAGES)
async def test_a_team_s_seat_help_says_what_the_highlighted_move_and_its_own_team_stand_for(
        tmp_path: Path, size: tuple[int, int], code: str) -> None:
    """The same on a team's seat (``tabletop join``): the view carries what each move, track and actor stands for,
    in the seat's language, as the host sends it (``seats.table``: ``seat_view(seen(state, lang), …)``)."""
    from tabletop.engine.lookups import seen
    from tabletop.seats.views import Seat, TableFacts, seat_view
    from tabletop.tui.seat import SeatApp, SeatScreen

    session = start(tmp_path)
    to_turn_of(session, "ua")
    with lang.using(code):
        state = seen(session.state, code)
        view = seat_view(state, Seat("team:ua", "team", "ua"), TableFacts())
    sc = state.scenario
    stability, propose, ua = (sc.index.tracks["strategic-stability"], sc.index.moves["propose"],
                              sc.index.actors["ua"])
    app = SeatApp("127.0.0.1:9", None, lang=code)  # no host: the screen is shown the view by hand
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        while not isinstance(app.screen, SeatScreen):  # the code dialog a screen without a code opens
            app.pop_screen()
            await pilot.pause()
        app.view = view
        app.seat_screen.show(view, {})
        await pilot.pause()
        found = view["decision"]["entries"]
        index = next(i for i, e in enumerate(found) if (e.get("action") or {}).get("move") == "propose"
                     and e["action"].get("track") == "ukraine-status")
        app.seat_screen.query_one("#entries").highlighted = index
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        about = _flat(shown(app.screen.query_one("#help-about", Static)))
    status = sc.index.tracks["ukraine-status"]
    for part in (propose, status, ua):
        assert part.name in about and _flat(part.description) in about, (part.id, about)
    assert stability.name not in about


async def test_the_help_s_quit_line_resumes_in_the_room_s_language(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-242): F1 in a Ukrainian room said "tabletop resume …/g1.jsonl", the quit message
    "tabletop resume …/g1.jsonl --lang uk": the help's command brought the game back in the locale's language."""
    from tabletop.store.heads import resume_command

    for key in ("TABLETOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(key, raising=False)
    session = start(tmp_path)
    app = TabletopApp(session, lang="uk")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        keys = " ".join(str(app.screen.query_one("#help-text", Static).content).split())
        command = resume_command(session.save_path)
        assert command.endswith(" --lang uk") and command in keys, keys


@pytest.mark.parametrize("code", lang.LANGUAGES)
async def test_at_80x24_the_help_on_a_track_says_who_sits_ratifies_and_holds_a_veto(tmp_path: Path, code: str) -> None:
    """Found from outside (helper-260): at 80x24 (and 130x32) a track's panel is two lines, with no room for the
    wide panel's "RU · UA · US · EU · ratify 3 · veto UA RU", and F1 on the track said only its name and
    description: nothing on screen said who sits at it, how many must ratify, who holds a veto. The help says it
    in the wide panel's words, and names each member in full beside its short name."""
    session = start(tmp_path)
    to_turn_of(session, "ua")
    app = TabletopApp(session, lang=code)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sc = shown_scenario(session.state)
        status = sc.index.tracks["ukraine-status"]
        screen = board(pilot)
        screen.query_one("#decision").highlighted = entry_index(screen, status.name)
        await press(pilot, "f1")
        about = _flat(shown(app.screen.query_one("#help-about", Static)))
        ru, ua, us, eu = (sc.index.actors[a] for a in ("ru", "ua", "us", "eu"))
        with lang.using(code):  # the wide panel's words for it, in the room's language
            from tabletop.tui.widgets import _ as words

            ratify, veto = words("ratify {n}").format(n=3), words("veto {actors}").format(actors=f"{ua.short} {ru.short}")
        assert f"{ru.short} \u00b7 {ua.short} \u00b7 {us.short} \u00b7 {eu.short} \u00b7 {ratify} \u00b7 {veto}" in about, about
        for actor in (ru, ua, us, eu):
            assert f"{actor.short} \u2014 {actor.name}" in about, (actor.id, about)


@pytest.mark.parametrize(("code", "said"), [("en", "ratify 3"), ("ru", "ратифицируют 3"), ("uk", "ратифікують 3")])
def test_how_many_must_ratify_reads_as_a_count_of_those_who_ratify(code: str, said: str) -> None:
    """Found from outside (ru): the wide panel and the help on a track said «ратификация 3» ("ratification 3"), read
    as the third ratification or a ratification numbered 3; it means that 3 members must ratify."""
    from tabletop.tui.widgets import _ as words

    with lang.using(code):
        assert words("ratify {n}").format(n=3) == said
