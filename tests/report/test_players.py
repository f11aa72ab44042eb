"""Who played: every report and the replay say, per actor, which human team (by its name) or which bot played it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Static

from tabletop import lang
from tabletop.content.loader import load_scenario
from tabletop.report import render
from tabletop.report.htmlparts import e
from tabletop.report.markdown import esc
from tabletop.play.session import Session
from tabletop.store.reading import open_save
from tabletop.store.players import TEAM_NAME_MAX, parse_teams
from tabletop.tui.replay import ReplayApp

NAME = "Delegation [b]A[/] <i>, & co"  # typed text: markup and commas stay as typed


def game(path: Path, events: int = 30) -> Path:
    session = Session.start(load_scenario("parallel-tracks"), 5, path, {"ua": "hardliner", "us": "cooperative"},
                            teams={"ru": f"  {NAME}  ", "eu": "Team\nBrussels", "ua": "ignored: a bot's seat"})
    try:
        while not session.state.over and session.state.seq < events:
            session.apply(session.options()[0])
    finally:
        session.close()
    return path


def test_the_header_records_the_human_teams_names(tmp_path: Path) -> None:
    header = open_save(game(tmp_path / "g.jsonl", events=0)).header
    assert header["teams"] == {"ru": NAME, "eu": "Team Brussels"}  # trimmed, on one line; no bot's name
    assert header["seats"] == {"ru": "human", "ua": "hardliner", "us": "cooperative", "eu": "human",
                               "bridge": "human"}


def test_no_names_no_teams_key(tmp_path: Path) -> None:
    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "g.jsonl")
    session.close()
    assert "teams" not in open_save(tmp_path / "g.jsonl").header


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_every_report_says_who_played(tmp_path: Path, fmt: str) -> None:
    text = render(game(tmp_path / "g.jsonl"), fmt)
    escape = esc if fmt == "md" else e
    assert escape(f"Russia \u2014 played by {NAME} (human team)") in text
    assert escape("Ukraine \u2014 bot: hardliner") in text
    assert escape("United States \u2014 bot: cooperative") in text
    assert escape("European NATO members / EU \u2014 played by Team Brussels (human team)") in text
    assert escape("Mediating states \u2014 a human team") in text


@pytest.mark.parametrize(("code", "hardliner", "cooperative"), [("ru", "жёсткий", "сотрудничающий"),
                                                                ("uk", "жорсткий", "співпрацюючий")])
def test_a_report_in_russian_or_ukrainian_says_the_bots_policy_in_its_language(
        tmp_path: Path, code: str, hardliner: str, cooperative: str) -> None:
    """It said "бот: cooperative": the policy's id in an otherwise Russian report."""
    save = game(tmp_path / "g.jsonl")
    with lang.using(code):
        text = render(save, "md")
    assert f"— {'бот' if code == 'ru' else 'бот'}: {hardliner}" in text and f": {cooperative}" in text
    assert "hardliner" not in text and "cooperative" not in text
    assert json.loads(render(save, "json"))["players"][1]["bot"] == "hardliner"  # the data keeps the id


def test_the_json_report_keeps_the_names_as_typed(tmp_path: Path) -> None:
    report = json.loads(render(game(tmp_path / "g.jsonl"), "json"))
    players = {p["actor"]: p for p in report["players"]}
    assert players["ru"] == {"actor": "ru", "name": "Russia", "kind": "human", "bot": None, "team": NAME,
                             "text": f"played by {NAME} (human team)"}
    assert players["ua"]["kind"] == "bot" and players["ua"]["bot"] == "hardliner" and players["ua"]["team"] is None


def test_an_older_save_says_it_does_not_record_who_played() -> None:
    fixture = Path(__file__).parent / "fixtures" / "tiny-game.jsonl"
    report = json.loads(render(fixture, "json"))
    assert {p["text"] for p in report["players"]} == {"not recorded in this save"}
    for fmt in ("md", "html"):
        assert "This save does not record who played" in render(fixture, fmt)  # once, not per actor


async def test_the_replay_says_who_played(tmp_path: Path) -> None:
    app = ReplayApp(open_save(game(tmp_path / "g.jsonl")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#players", Static).render())
    assert f"Russia \u2014 played by {NAME} (human team)" in text
    assert "Ukraine \u2014 bot: hardliner" in text


def test_team_names_on_the_command_line() -> None:
    actors = ["ru", "ua", "us"]
    assert parse_teams(['ru=Delegation A,ua=Team Kyiv, Lviv'], actors) == {"ru": "Delegation A",
                                                                           "ua": "Team Kyiv, Lviv"}
    assert parse_teams(["ru=A", "us = B "], actors) == {"ru": "A", "us": "B"}
    for bad, message in [
        ("ru", "expected ACTOR=NAME"),
        ("xx=A", "unknown actor 'xx' (expected one of ru, ua, us)"),
        ("ru=", "the team name for 'ru' is empty"),
        ("ru=A,ru=B", "two team names for 'ru'"),
        ("ru=" + "x" * (TEAM_NAME_MAX + 1), f"at most {TEAM_NAME_MAX} characters"),
    ]:
        with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
            parse_teams([bad], actors)


def test_the_note_of_a_decision_entered_for_a_named_team_names_the_team_in_every_report_and_the_replay(
        tmp_path: Path) -> None:
    """Found from outside: the host's note on a decision the console entered for a team with no screen named the actor
    ("Russia had no screen connected") where the room had named the team, and every other line of the hosted game
    calls it by that name with its actor: "Delegation A (Russia)". A team with no name is called by its actor."""
    from tabletop.engine import Action
    from tabletop.tui.replay import ReplayScreen

    path = tmp_path / "g.jsonl"
    session = Session.start(load_scenario("parallel-tracks"), 5, path, {"ua": "hardliner", "us": "cooperative"},
                            teams={"ru": NAME})
    try:
        while session.state.seq < 3:
            session.apply(session.options()[0])
        about = session.state.seq
        session.apply(Action("note", about=about, entered="ru"))
        session.apply(Action("note", about=about, entered="bridge"))  # a human team with no name
    finally:
        session.close()
    save = open_save(path)
    for code, russia, bridge in (("en", "Russia", "Mediating states"), ("uk", "Росія", None)):
        with lang.using(code):
            named = f"{NAME} ({russia})"
            for fmt, escape in (("md", esc), ("html", e)):
                text = render(path, fmt)
                assert escape(named) in text, (code, fmt)
            notes = json.loads(render(path, "json"))["notes"]
            [ru, other] = [n["text"] for n in notes if n.get("entered")]
            assert named in ru and NAME not in other and (bridge is None or bridge in other), (code, ru, other)
            screen = ReplayScreen(save)
            lines = [screen._line(save.state_at(len(save)), ev, {}).plain for ev in save.events[-2:]]
            assert named in lines[0] and NAME not in lines[1], (code, lines)
            screen.index = len(save) - 1
            assert named in working(screen), (code,)
    # the game resumed in the hot seat (its host gone): the board's log calls the team so too
    from tabletop.tui.text import event_line

    resumed = Session.resume(path)
    try:
        with lang.using("en"):
            line = event_line(resumed.state, resumed.state.log[-2], set(), teams=resumed.teams).plain
    finally:
        resumed.close()
    assert f"{NAME} (Russia) had no screen connected" in line, line


def working(screen) -> str:  # noqa: ANN001 - a ReplayScreen not mounted
    """The replay's working panel of the event at ``screen.index``, as the screen words it."""
    from tabletop.tui.timeline import working_text

    return working_text(screen.save, screen.index, screen._undone, screen._notes, screen._kept_sealed(),
                        screen._noted, screen._kept_gated()).plain
