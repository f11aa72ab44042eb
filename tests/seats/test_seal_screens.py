"""What every screen is shown of the sealed moves: commitments, then the reveal checked against them, then the head.

Headless: :func:`tabletop.play.commitments.table_seals` from a game played
on a session (as the host plays it), and the words a seat's screen makes of
it (:mod:`tabletop.tui.seatwords`), a forged reveal included; and the
projector's screen (Pilot, against a real host) through a round and its reveal.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.errors import NoWidget

from tabletop.content.loader import load_scenario
from tabletop.engine import Action, legal_actions
from tabletop.play.commitments import table_seals
from tabletop.play.session import Session
from tabletop.seats.client import connect
from tabletop.seats.host import Host
from tabletop.seats.joincodes import new_codes
from tabletop.seats.table import Table, seats_for
from tabletop.store.sealing import commitment
from tabletop.tui.seat import SeatApp
from tabletop.tui.seatwords import seals_text

from .screenkit import seq_of, until
from .support import Sleeps, Ticks, caught_up, hosting, make_table


def _session(tmp_path: Path) -> Session:
    scenario = load_scenario("parallel-tracks").with_options(sealed_moves=True, turns=1)
    return Session.start(scenario, 5, tmp_path / "game.jsonl")


def _play_until(session: Session, done, limit: int = 500) -> None:  # type: ignore[no-untyped-def]
    for _ in range(limit):
        if done(session.state):
            return
        options = legal_actions(session.state)
        moves = [a for a in options if a.kind == "move"]
        session.apply(moves[0] if moves else options[0])  # every team moves: sealed entries to commit
    raise AssertionError("the game did not get there")


def _seals(session: Session) -> dict:  # type: ignore[type-arg]
    return table_seals(session.state, session.writer.seals, session.save_head)


def test_commitments_show_before_the_reveal_and_the_entries_only_after(tmp_path: Path) -> None:
    session = _session(tmp_path)
    try:
        _play_until(session, lambda s: any(e.result.get("sealed") for e in s.this_round()))
        before = _seals(session)
        assert [c["actor"] for c in before["committed"]]
        assert before["reveal"] == [] and "head" not in before
        assert all(set(c) == {"seq", "actor", "commitment"} for c in before["committed"])  # never the move
        seen: dict[int, str] = {}
        said = seals_text({"seals": before}, seen).plain
        n = len(before["committed"])
        assert said.startswith(f"{n} sealed move{'s' * (n > 1)} committed (commitment):\n"), said
        assert before["committed"][0]["commitment"][:12] in said
        # the facilitator takes the sealed move back: its commitment is no longer shown
        session.apply(Action("undo", reason="taken back"))
        assert len(_seals(session)["committed"]) == len(before["committed"]) - 1
        _play_until(session, lambda s: s.phase != "moves" and s.phase != "event")
        after = _seals(session)
        assert after["reveal"], after
        for item in after["reveal"]:
            assert item["commitment"] == commitment(item["entry"], item["nonce"])
        words = seals_text({"seals": after}, {c["seq"]: c["commitment"] for c in after["committed"]}).plain
        assert "matches its commitment" in words and "DOES NOT MATCH" not in words
        _play_until(session, lambda s: s.over)
        end = _seals(session)
        assert end["head"]["events"] == session.save_head[0]
        assert session.save_head[1].startswith(end["head"]["chain"])
    finally:
        session.close()


def test_a_reveal_that_does_not_open_the_commitment_shown_earlier_is_said_loudly() -> None:
    entry = {"kind": "move", "actor": "ru", "move": "propose", "track": "borders"}
    nonce = "0" * 32
    seen = {4: commitment(entry, nonce)}
    forged = {"seals": {"reveal": [{"seq": 4, "entry": {**entry, "move": "walk_out"}, "nonce": nonce}]}}
    assert "DOES NOT MATCH its commitment" in seals_text(forged, seen).plain
    honest = {"seals": {"reveal": [{"seq": 4, "entry": entry, "nonce": nonce}]}}
    assert "matches its commitment" in seals_text(honest, seen).plain
    unseen = seals_text(honest, {}).plain
    assert "commitment not seen here" in unseen


async def test_a_wide_projector_keeps_the_board_and_the_newest_line_in_view_through_a_round(tmp_path: Path) -> None:
    """Found from outside: on a projector at 120 x 40 the log sat under the tracks, the card and the reveal, below
    the fold: after the reveal the room saw none of the votes and rulings that followed, and bringing the reveal
    into view scrolled the round off the top. A projector 100 columns wide shows the board on the left and the
    table on the right, the table kept at its newest line; after every action of a round, the round, every
    track and the newest log line are on the screen.

    At the reveal, the reveal itself is on the screen, whole (it was below the fold too: the round, the tracks,
    the card, then every commitment of the round and under them the reveal of those same entries), and it says
    each entry once (each reveal line already says whether it matches). The card and this round's dice stay on
    the screen above them all through the round."""
    bots = {actor: "cooperative" for actor in ("ru", "ua", "us", "eu", "bridge")}
    table = make_table(tmp_path, "parallel-tracks", seed=5, sealed=True, bots=bots, observers=0)
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        app = SeatApp(address, codes["projector"], sleep=Sleeps())
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.joined.is_set, "the projector to join")
            screen = app.seat_screen

            def whole(selector: str, bottom: bool = False) -> bool:
                """The widget on the screen, whole (or its ``bottom`` line: the log's newest)."""
                try:
                    where = screen.find_widget(screen.query_one(selector))
                except NoWidget:  # not laid out yet, or scrolled out of the screen
                    return False
                if bottom:
                    return where.clip.y < where.region.bottom <= where.clip.bottom
                return where.region.intersection(where.clip) == where.region

            checked, revealed_at = 0, None
            while table.session.state.round == 1:
                view = await caught_up(facilitator, table.session.state.seq)
                entry = view["decision"]["entries"][0]
                await facilitator.act(pick=entry["id"], reason="as the room saw it" if entry.get("needs") else None)
                if revealed_at is None and _seals(table.session)["reveal"]:
                    revealed_at = table.session.state.seq
                seq = table.session.state.seq
                await until(pilot, lambda: seq_of(app) == seq, "the projector to show the action")
                await pilot.pause()
                log = screen.query_one("#log")
                assert whole("#round") and whole("#tracks"), f"the board scrolled away at event {seq}"
                # the card read out and the dice as they land stay in view above the reveal and the log (found from
                # outside: the table, kept at its newest line, had scrolled them off its top)
                for panel in ("#card", "#dice"):
                    if str(screen.query_one(panel).render()).strip():
                        assert whole(panel), f"{panel} scrolled away at event {seq}"
                if table.session.state.seq == revealed_at:  # the reveal itself comes into view, whole
                    await until(pilot, lambda: whole("#seals"), "the reveal on the screen")
                    said = screen.query_one("#seals").render().__str__()
                    revealed = _seals(table.session)["reveal"]
                    assert len(revealed) >= 5 and said.count("matches its commitment") == len(revealed), said
                    assert "committed (commitment)" not in said
                else:
                    await until(pilot, lambda: whole("#log", bottom=True) and bool(log.render().__str__().strip()),
                                f"the newest log line of event {seq} on the screen")
                    # every commitment of the round too, before the reveal (found from outside, helper-109: two rows
                    # each, they pushed the round's first ones off the table's top; nobody scrolls a projector)
                    sealed = _seals(table.session)
                    if sealed["committed"] and not sealed["reveal"]:
                        assert whole("#seals"), f"a commitment scrolled away at event {seq}"
                checked += 1
            assert checked >= 10 and revealed_at is not None  # the round went through its reveal
        await facilitator.close()
    table.session.close()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_projector_keeps_the_chain_head_in_view_through_the_review(tmp_path: Path,
                                                                             size: tuple[int, int]) -> None:
    """Found from outside (helper-117): the projector never showed the round's chain head in the review ("Chain
    head after event 64: … — note it in the minutes", which the README promises): it was the last line of the
    reveal's panel, above the log, and the projector keeps the log at its newest line; it showed only at game over.
    It is a panel of its own now, in view on the projector through the review, a note written meanwhile too."""
    bots = {"ru": "hardliner", "ua": "cooperative", "us": "cooperative", "eu": "cooperative", "bridge": "hardliner"}
    table = make_table(tmp_path, "parallel-tracks", seed=11, sealed=True, bots=bots, observers=0)
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        app = SeatApp(address, codes["projector"], sleep=Sleeps())
        async with app.run_test(size=size) as pilot:
            await until(pilot, app.joined.is_set, "the projector to join")

            def head_in_view() -> bool:
                """The chain head to note is on the screen (the screen as drawn: a panel may be cut)."""
                head = _seals(table.session).get("head")
                return bool(head) and str(head["chain"]) in app.export_screenshot()

            while table.session.state.phase != "review" or table.session.state.round < 2:  # (the tester's: round 2)
                view = await caught_up(facilitator, table.session.state.seq)
                entry = view["decision"]["entries"][0]
                await facilitator.act(pick=entry["id"], reason="as the room saw it" if entry.get("needs") else None)
            seq = table.session.state.seq
            await until(pilot, lambda: seq_of(app) == seq, "the projector to show the review")
            await until(pilot, head_in_view, f"the chain head on the projector at {size}")
            await facilitator.act({"kind": "note", "text": "the room takes a break"})  # the log grows meanwhile
            await until(pilot, lambda: seq_of(app) == seq + 1, "the projector to show the note")
            await pilot.pause()
            await until(pilot, head_in_view, f"the chain head on the projector after a note at {size}")
        await facilitator.close()
    table.session.close()


def test_a_prompt_of_several_lines_is_shown_on_its_lines_and_its_controls_as_symbols() -> None:
    """Found from outside: every seat read an argument's prompt as one line with a literal "␊" between its parts:
    "Ukraine: counter this argument or pass.␊Russia argues…␊  wants: tension −1"."""
    from tabletop.tui import seatwords

    prompt = "Ukraine: counter this argument or pass.\nRussia argues \u201cOpen a hotline\u201d\n  wants: tension \u22121\x1b[31m"
    shown = seatwords.prompt_text({"decision": {"prompt": prompt}}).plain
    assert shown.splitlines() == ["Ukraine: counter this argument or pass.", "Russia argues \u201cOpen a hotline\u201d",
                                  "  wants: tension \u22121\u241b[31m"]
    assert "\u240a" not in shown


async def test_a_screen_open_across_a_recovered_save_checks_the_reveal_against_the_moves_committed_again(
        tmp_path: Path) -> None:
    """Found from outside (helper-88): the host was killed among the sealed moves, a line of them damaged, and
    `host --resume` went on from a recovered copy; the bots committed their moves again, with new nonces. A
    screen that had stayed open checked the reveal against the commitments of the game before and said
    "DOES NOT MATCH" for five of nine moves (the host's console said they matched). The screen drops what it
    saw after the events kept, takes the new commitments, and says that the game went back. The facilitator's
    console (here joined from another machine) replays the game anew: its board is the recovered game's."""
    bots = {actor: "cooperative" for actor in ("ru", "ua", "us", "eu", "bridge")}
    table = make_table(tmp_path, "parallel-tracks", seed=5, sealed=True, bots=bots, observers=0)
    path = table.session.save_path
    codes = new_codes(table.seats)
    first = Host(table, codes, sleeper=Sleeps(), clock=Ticks())
    addr, port = await first.start("127.0.0.1", 0)
    app = SeatApp(f"{addr}:{port}", codes["facilitator"], sleep=Sleeps())

    async def play_one(session: Session) -> None:
        """The facilitator's first entry (draw, apply, advance: the bots make the moves), then the console shows it."""
        await until(pilot, lambda: seq_of(app) == session.state.seq, "the console to show the game")
        entry = app.view["decision"]["entries"][0]
        await app.client.act(pick=entry["id"], reason="as the room saw it" if entry.get("needs") else None)
        await until(pilot, lambda: seq_of(app) == session.state.seq, "the console to show the action")

    def same_board(session: Session) -> bool:
        return app.replica is not None and app.replica.state.log == session.state.log

    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await until(pilot, app.joined.is_set, "the console to join")
        while len(_seals(table.session)["committed"]) < 4:
            await play_one(table.session)
        before = {c["seq"]: c["commitment"] for c in _seals(table.session)["committed"]}
        assert {seq: app.seen.get(seq) for seq in before} == before and same_board(table.session)
        await first.stop()  # the host is killed ...
        table.session.close()
        damaged = sorted(before)[1]  # ... and a line among the commitments is damaged
        lines = path.read_bytes().split(b"\n")
        lines[damaged] = lines[damaged].replace(b'"nonce":"', b'"nonce":"f', 1)
        path.write_bytes(b"\n".join(lines))

        again = Session.resume(path)  # host --resume: the game goes on from a recovered copy
        assert again.rewound == damaged - 1 and again.save_path != path
        table = Table(again, seats_for(again, 0))
        second = Host(table, codes, sleeper=Sleeps(), clock=Ticks())
        await second.start("127.0.0.1", port)
        try:
            now = {c["seq"]: c["commitment"] for c in _seals(again)["committed"]}
            assert any(now.get(seq) not in (None, before[seq]) for seq in before)  # committed again, anew
            await until(pilot, lambda: app.joined.is_set() and seq_of(app) == again.state.seq, "the console to rejoin")
            # the recovery's notice and the board come with the views after the rejoin: waited for by pauses (the
            # view's number alone came first under load, and the notice a pause later)
            said_after = f"after event {damaged - 1}, and what was played after it is not in the game"
            await until(pilot, lambda: any(said_after in n.message for n in app._notifications),
                        f"the recovery's notice: {[n.message for n in app._notifications]}")
            await until(pilot, lambda: same_board(again), "the console's board as the recovered game's")
            while not _seals(again)["reveal"]:
                await play_one(again)
            revealed = _seals(again)["reveal"]
            said = str(app.seat_screen.query_one("#seals").render())
            assert said.count("matches its commitment") == len(revealed) >= 5 and "DOES NOT MATCH" not in said, said
            assert same_board(again)
        finally:
            await second.stop()
            again.close()

        # found from outside (helper-89): the damaged save resumed once more goes on in its copy, where that
        # ended; the screens that saw the copy's game were told again that all after the first cut was gone
        ended = again.state.seq
        third = Session.resume(path)
        assert third.rewound is None and third.save_path == again.save_path and third.state.seq == ended
        await _serve_again(pilot, app, third, codes, port, lambda: not _told(app, ended))
        third.close()
        # and a save whose last line shown was cut off (a damaged disk, not a crash mid-line): the screens
        # that were shown it hear that it is gone
        copy = again.save_path
        copy.write_bytes(copy.read_bytes()[:-30])
        fourth = Session.resume(path)
        assert fourth.rewound == ended - 1 and fourth.state.seq == ended - 1
        await _serve_again(pilot, app, fourth, codes, port, lambda: _told(app, ended - 1))
        fourth.close()


def _told(app: SeatApp, kept: int) -> bool:
    """The screen said the game goes on after event ``kept``, without what was played after it."""
    return any(f"after event {kept}, and what was played after it" in n.message for n in app._notifications)


async def _serve_again(pilot, app: SeatApp, session: Session, codes: dict[str, str], port: int,  # type: ignore[no-untyped-def]
                       told) -> None:
    """A host for ``session`` on ``port`` again; the screen rejoins and shows its game; then ``told()`` holds."""
    host = Host(Table(session, seats_for(session, 0)), codes, sleeper=Sleeps(), clock=Ticks())
    await host.start("127.0.0.1", port)
    try:
        await until(pilot, lambda: app.joined.is_set() and seq_of(app) == session.state.seq, "the console to rejoin")
        await pilot.pause()
        assert told(), [n.message for n in app._notifications]
    finally:
        await host.stop()


@pytest.mark.parametrize("damage", ["a changed line", "a cut last line"])
async def test_a_screen_opened_after_a_recovery_hears_what_the_game_lost(tmp_path: Path, damage: str) -> None:
    """Found from outside (helper-89): a team whose laptop was shut during the crash opened its screen on the
    recovered game and was never told that its sealed move, among the lines lost, was gone. A screen opened
    afresh has no history to compare: it is told once how many events of the damaged save are not in the game.
    A cut last line (a crash mid-write) was never shown to any screen: nothing is said."""
    scenario = load_scenario("parallel-tracks").with_options(sealed_moves=True)  # all its rounds: a save to resume
    session = Session.start(scenario, 5, tmp_path / "game.jsonl")
    _play_until(session, lambda s: sum(1 for e in s.log if e.action.kind == "move") >= 3)
    path, events = session.save_path, session.state.seq
    session.close()
    lines = path.read_bytes().split(b"\n")
    if damage == "a changed line":
        lines[events - 2] = lines[events - 2].replace(b'"seq":', b'"seq": ', 1)  # event events-2: 3 lines lost
    else:  # the last event cut mid-line, no newline after it: a crash while writing
        lines = lines[:-2] + [lines[-2][: len(lines[-2]) // 2]]
    path.write_bytes(b"\n".join(lines))
    again = Session.resume(path)
    expected_lost = 3 if damage == "a changed line" else 0
    assert again.rewound is not None and again.lost == expected_lost
    table = Table(again, seats_for(again, 0))
    codes = new_codes(table.seats)
    host = Host(table, codes, sleeper=Sleeps(), clock=Ticks())
    addr, port = await host.start("127.0.0.1", 0)
    try:
        app = SeatApp(f"{addr}:{port}", codes["team:ua"], sleep=Sleeps())
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await until(pilot, lambda: app.joined.is_set() and seq_of(app) == again.state.seq, "the screen to join")
            await pilot.pause()
            told = [n.message for n in app._notifications if n.title == "Save recovered"]
            if expected_lost:
                assert told == [f"The host's save was damaged: the game goes on after event {again.rewound}; 3 more "
                                f"events played then are not in the game. A move made after event {again.rewound} "
                                "is made again."], told
            else:
                assert told == [], told
    finally:
        await host.stop()
        again.close()


def test_the_rounds_chain_head_stays_in_the_views_until_the_next_rounds_end(tmp_path: Path) -> None:
    """Found from outside (helper-123): the head was in the views only during the review; as round 2 began it went,
    and no seat could show it again. It stays until the next round's end gives the next head."""
    from tabletop.engine import legal_actions

    table = make_table(tmp_path, "parallel-tracks", seed=11, observers=0)
    session = table.session
    while session.state.phase != "review":
        session.apply(legal_actions(session.state)[0])
    noted = table.seals()["head"]
    assert noted["events"] == session.state.seq and noted["so_far"] is True  # the review goes on: not final yet
    session.apply(legal_actions(session.state)[0])  # round 2 begins
    assert session.state.round == 2 and session.state.phase != "review"
    assert table.seals()["head"] == {k: v for k, v in noted.items() if k != "so_far"}  # the round's, to note
    while session.state.phase != "review":
        session.apply(legal_actions(session.state)[0])
    assert table.seals()["head"]["events"] == session.state.seq != noted["events"]
    session.close()


def _column_text(app: SeatApp) -> str:
    """What a person reads in the seat's left column as it is scrolled now, its rows run together (its scrollbar left
    out: its thumb drawn beside a track's line split the line's words)."""
    from .screenkit import screen_lines

    column = app.seat_screen.query_one("#left").scrollable_content_region
    rows = screen_lines(app)[column.y:column.bottom]
    return " ".join(" ".join(row[column.x:column.right].replace("\u2502", " ").split()) for row in rows)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_team_voting_after_the_reveal_sees_the_track_it_votes_on(tmp_path: Path, size: tuple[int, int]) -> None:
    """Found from outside (helper-183): after the reveal, a team asked to accept or reject a proposal on Borders saw
    only the reveal in its left column at 80x24 (brought into view, it scrolled the tracks off the top); at 120x40,
    from round 2, the chain head's panel above the reveal pushed the tracks out. The track voted on stays in view,
    every track where the column has room for them all (DESIGN 3a: the board stays on screen while a team decides)."""
    from tabletop.tui.seatwords import track_place

    from .screenkit import choose, entries

    bots = {"us": "cooperative", "eu": "hardliner", "bridge": "random"}  # the tester's game (seed 7)
    table = make_table(tmp_path, "parallel-tracks", seed=7, sealed=True, bots=bots, observers=0)
    session = table.session
    votes = 0
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        russia = await connect(address, codes["team:ru"])
        app = SeatApp(address, codes["team:ua"], sleep=Sleeps())
        async with app.run_test(size=size) as pilot:
            await until(pilot, app.joined.is_set, "Ukraine's screen to join")
            while session.state.round <= 2:
                state = session.state
                options = session.options()
                actor = options[0].actor if options else None
                if actor == "ua":
                    await until(pilot, lambda s=state.seq: seq_of(app) == s and bool(entries(app)), "Ukraine's turn")
                    found = entries(app)
                    vote = next((e for e in found if e["action"].get("kind") == "vote"), None)
                    if vote is not None:
                        votes += 1
                        view = app.view or {}
                        names = [t["id"] for t in view["board"]["tracks"]]
                        # each track's lines as its panel breaks them, at its width
                        width = app.seat_screen.query_one("#tracks").content_region.width
                        said = {track: " ".join(place[1].plain.split()) for track in names
                                if (place := track_place(view, track, width)) is not None}
                        wanted = list(said) if size == (120, 40) else [vote["action"]["track"]]
                        await until(pilot, lambda: all(said[t] in _column_text(app) for t in wanted),
                                    f"{', '.join(wanted)} in view at event {state.seq} ({size})")
                    # Ukraine passes, and accepts what it is asked to vote on
                    await choose(pilot, app, next(i for i, e in enumerate(found)
                                                  if e["action"].get("kind") in ("pass", "vote")))
                elif actor == "ru":  # Russia tables a proposal on Borders each round: Ukraine votes on it
                    view = await caught_up(russia, state.seq)
                    open_ = [e for e in view["decision"]["entries"] if not e.get("refusal")]
                    pick = next((e for e in open_ if e["action"].get("move") == "propose"
                                 and e["action"].get("track") == "borders"), None) or next(
                        e for e in open_ if e["action"].get("kind") in ("pass", "vote"))
                    await russia.act(pick=pick["id"])
                else:
                    view = await caught_up(facilitator, state.seq)
                    entry = view["decision"]["entries"][0]
                    await facilitator.act(pick=entry["id"], reason="as the room saw it" if entry.get("needs") else None)
                await until(pilot, lambda s=state.seq: session.state.seq != s, "the act taken")
        await facilitator.close()
        await russia.close()
    assert votes >= 4  # on Borders in both rounds, after each round's reveal
    session.close()


async def test_the_head_to_note_is_shown_once_the_round_is_over_and_stays_as_shown(tmp_path: Path) -> None:
    """Found from outside (helper-183): "Chain head after event 30: … — note it in the minutes" showed on the
    projector as the review began, then moved on to a later event after an override and an undo in the same
    review: the room was told to minute a head that was not the round's. While the review goes on the head is
    said to be the head so far; once the round is over (the next round begun), the round's last head is the one to
    note, and it stays as shown while the next round is played; the save is found at it (verify --head)."""
    from tabletop.store.verifying import verify

    bots = {actor: "cooperative" for actor in ("ru", "ua", "us", "eu", "bridge")}
    table = make_table(tmp_path, "parallel-tracks", seed=11, sealed=True, bots=bots, observers=0)
    session = table.session
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        app = SeatApp(address, codes["projector"], sleep=Sleeps())
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.joined.is_set, "the projector to join")

            def head() -> str:
                return str(app.seat_screen.query_one("#head").render())

            async def act(action: dict | None = None) -> str:  # type: ignore[type-arg]
                """One act of the facilitator's (its first entry, else ``action``): the head panel after it."""
                if action is None:
                    view = await caught_up(facilitator, session.state.seq)
                    entry = view["decision"]["entries"][0]
                    await facilitator.act(pick=entry["id"], reason="as the room saw it" if entry.get("needs") else None)
                else:
                    await facilitator.act(action)
                seq = session.state.seq
                await until(pilot, lambda: seq_of(app) == seq, f"the projector to show event {seq}")
                return head()

            while session.state.phase != "review":
                await act()
            said = head()
            assert f"Chain head so far, after event {session.state.seq}: " in said, said
            assert "note it in the minutes" not in said, said
            said = await act({"kind": "override", "track": "borders", "tension": 1, "reason": "calmer than it looks"})
            assert "so far" in said and "note it in the minutes" not in said, said
            said = await act({"kind": "undo", "reason": "not what the room agreed"})
            assert "so far" in said and "note it in the minutes" not in said, said
            last = session.state.seq  # the review's last event
            said = await act()  # round 2 begins: the round is over
            assert session.state.round == 2
            assert said.startswith(f"Chain head after event {last}: ") and "note it in the minutes" in said, said
            noted = said.split(": ")[1].split()[0]
            for _ in range(3):  # round 2 goes on: the head to note stays as shown
                assert await act() == said
        await facilitator.close()
    session.close()
    found = verify(session.save_path, head=noted)
    assert found.head_found == last, found.lines()


#: a browser's page at 1280x800 through ``tabletop serve`` (textual-serve's 16px font: 9x19 pixels a cell, measured in
#: headless chromium): 142 columns, 34 rows in the 657 pixels its window leaves the page, 42 in a page of 800
@pytest.mark.parametrize("size", [(80, 24), (142, 34), (142, 42)])
async def test_a_team_at_its_sealed_moves_reads_its_whole_prompt_and_the_newest_commitments(
        tmp_path: Path, size: tuple[int, int]) -> None:
    """Found from outside (a four-team workshop, browser seats and one in tmux): Europe's seat at 80x24 showed "pick a
    move (2 actions left), or pass", its prompt cut before "(End: the last entry)", and the commitments made so far
    were below the tracks, out of view; in a browser (1280x800) the commitments' panel ran past the screen's foot,
    the later commitments off it (the US page showed 2 of 7). The prompt is on the screen whole, and the panel of
    commitments is, with their count and the newest one, at each size, without scrolling (all of them, or said to be
    only the newest)."""
    from tabletop.play.commitments import short

    from .screenkit import entries, screen_lines

    table = make_table(tmp_path, "parallel-tracks", seed=3, sealed=True, bots={"bridge": "cooperative"}, observers=0)
    session = table.session
    async with hosting(table) as (_host, address, codes):
        clients = {seat: await connect(address, codes[seat]) for seat in ("facilitator", "team:ru", "team:ua", "team:us")}
        app = SeatApp(address, codes["team:eu"], sleep=Sleeps())
        async with app.run_test(size=size) as pilot:
            await until(pilot, app.joined.is_set, "Europe's screen to join")
            while True:  # the others commit their moves (the card's answer is Europe's: it answers it too)
                state = session.state
                actor = next((a.actor for a in session.options() if a.actor), None)
                if actor == "eu":
                    if state.phase == "moves":
                        break
                    await until(pilot, lambda s=state.seq: seq_of(app) == s and bool(entries(app)), "Europe's answer")
                    await pilot.press("1")
                else:
                    client = clients.get(f"team:{actor}", clients["facilitator"])
                    view = await caught_up(client, state.seq)
                    found = [e for e in view["decision"]["entries"] if not e.get("refusal")]
                    entry = next((e for e in found if e["action"].get("kind") == "move" and not e.get("needs")),
                                 found[0])
                    await client.act(pick=entry["id"], reason="as the room saw it" if entry.get("needs") else None)
                await until(pilot, lambda s=state.seq: session.state.seq != s, "the act taken")
            committed = _seals(session)["committed"]
            assert len(committed) >= 4, committed
            await until(pilot, lambda: seq_of(app) == session.state.seq and bool(entries(app)), "Europe's moves")
            for _ in range(3):
                await pilot.pause()
            screen = app.seat_screen
            rows = screen_lines(app)
            right = screen.query_one("#right").content_region
            column = " ".join(" ".join(row[right.x:right.right].split()) for row in rows[right.y:right.bottom])
            prompt = " ".join(app.view["decision"]["prompt"].split())
            assert prompt in column and prompt.endswith("(End: the last entry)."), (prompt, column)
            said = " ".join(" ".join(row.replace("\u2502", " ").split()) for row in rows)  # the screen as drawn
            n = len(committed)
            shown = [c for c in committed if short(c["commitment"]) in said]
            assert shown and shown[-1] == committed[-1], said  # the newest in view, whatever the room
            if "newest" not in said:
                assert f"{n} sealed moves committed" in said and shown == committed, said
            else:  # found from outside: "5 moves made; the newest:" over one move: the heading says how many are under it
                newest = "the newest one:" if len(shown) == 1 else f"the {len(shown)} newest:"
                assert f"{n} committed; {newest}" in said, said
        for client in clients.values():
            await client.close()
    session.close()
