"""A hosted game: a tabled move whose track has closed is the console's to set aside; the bots do not vote on it and
the teams' screens say what the facilitator is doing.

Found from outside (a Ukrainian hot seat, seed 11): after Borders collapsed, the room was asked to rule, with a typed
reason, on Russia's «Ask for mediation» on Borders, and every member to vote on a dead proposal; the record then said
the move lapsed whatever was decided. A hosted game takes its decisions and its bots' turns from seats/.
"""

from __future__ import annotations

from pathlib import Path

from tabletop.content.loader import load_scenario
from tabletop.engine import Action, legal_actions
from tabletop.play.session import Session
from tabletop.seats.table import Table, seats_for

BOTS = {"ua": "cooperative", "eu": "hardliner", "us": "cooperative", "bridge": "cooperative"}


def _mv(actor: str, move: str) -> Action:
    return Action("move", actor=actor, move=move, track="borders")


def _table(tmp_path: Path, bots: dict[str, str] = BOTS) -> Table:
    """Seed 11: the EU's press on Borders fails and collapses it; Russia's proposal there (Ukraine's and the EU's vote,
    both bots) is still tabled behind it."""
    session = Session.start(load_scenario("parallel-tracks"), 11, tmp_path / "lapse.jsonl", bots)
    session.apply(Action("draw"))
    session.apply(legal_actions(session.state)[0])
    for action in (Action("advance"), _mv("ru", "walk_out"), _mv("ua", "walk_out"), Action("pass", actor="us"),
                   _mv("eu", "press"), Action("pass", actor="bridge"), _mv("ru", "propose"), Action("pass", actor="ua"),
                   Action("pass", actor="eu"), Action("advance"), Action("roll", track="borders")):
        session.apply(action)
    assert session.state.tracks["borders"].status == "collapsed" and session.state.queue[0].move == "propose"
    table = Table(session, seats_for(session, observers=0))
    table.connected.update({"facilitator", "team:ru"})
    return table


def test_the_bots_do_not_vote_and_the_console_sets_the_proposal_aside(tmp_path: Path) -> None:
    table = _table(tmp_path)
    seq = table.session.state.seq
    assert table.play_bots() == 0 and table.session.state.seq == seq  # Ukraine's bot would have voted on it

    console = table.view("facilitator")["decision"]
    assert [e["label"] for e in console["entries"]] == [
        "Set aside: Russia's \u201cTable a proposal\u201d lapses \u2014 Borders has collapsed"]
    assert console["prompt"].startswith("Borders has collapsed: Russia's \u201cTable a proposal\u201d lapses")

    team = table.view("team:ru")["decision"]
    assert team["entries"] == []
    assert team["prompt"] == ("The facilitator is setting aside Russia's \u201cTable a proposal\u201d: Borders has "
                              "collapsed, so it lapses.")
    uk = table.view("team:ru", lang="uk")["decision"]["prompt"]
    assert uk == ("Ведучий знімає з розгляду \u00abВнести пропозицію\u00bb (Росія): трек \u00abКордони\u00bb "
                  "зірвано, тому хід відпадає."), uk

    answer = table.act("facilitator", "c1", {"client_seq": 1, "pick": console["entries"][0]["id"]})
    assert answer["type"] == "ack", answer
    last = table.session.state.last
    assert last is not None and last.action == Action("lapse", track="borders")
    assert not table.session.state.queue


def test_a_team_cannot_set_a_proposal_aside(tmp_path: Path) -> None:
    table = _table(tmp_path)
    answer = table.act("team:ru", "c1", {"client_seq": 1, "action": {"kind": "lapse", "track": "borders"}})
    assert answer["type"] == "refused" and answer["code"] == "NOT_YOUR_SEAT", answer


def test_a_team_cannot_vote_on_a_proposal_the_facilitator_is_setting_aside(tmp_path: Path) -> None:
    """Found in review: Ukraine's screen listed nothing, yet a vote sent by a stale or scripted client was taken and
    recorded on the dead proposal (the engine still lists it, as saves and simulations played before lapse did)."""
    table = _table(tmp_path, {k: v for k, v in BOTS.items() if k != "ua"})  # Ukraine a team of people
    table.connected.add("team:ua")
    seq = table.session.state.seq
    vote = {"kind": "vote", "actor": "ua", "track": "borders", "accept": True}
    answer = table.act("team:ua", "c1", {"client_seq": 1, "action": vote})
    assert answer["type"] == "refused" and answer["code"] == "NOT_YOUR_SEAT", answer
    assert answer["message"] == "Only the facilitator can set aside a move whose track has closed."
    assert table.session.state.seq == seq
