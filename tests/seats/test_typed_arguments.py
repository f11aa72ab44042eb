"""Remote teams type their own matrix arguments and counters (issue 17 on the seats), through a real host.

Russia's screen enters an argument as the hot seat's dialog takes it (its
action, the result wanted, two reasons, every key typed); Ukraine's screen
types a counter to it. The host checks the texts against the ruleset's
limits (``TEXT_TOO_LONG``, said on the screen, the dialog opened again with
what was typed) and saves them as typed; another screen shows them literal.
"""

from __future__ import annotations

from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import pytest
from textual.events import Paste

from tabletop.content.loader import load_scenario
from tabletop.play.session import Session
from tabletop.seats.client import Refused, SeatClient, connect
from tabletop.seats.table import Table, seats_for
from tabletop.store.reading import open_save
from tabletop.tui.argument import ArgumentScreen
from tabletop.tui.seat import SeatApp

from tests.tui.support import type_text

from .screenkit import choose, entries, seq_of, until
from .support import Sleeps, caught_up, hosting

BOTS = {"us": "cooperative", "eu": "cooperative", "bridge": "cooperative"}
ARGUMENT = "Open a humanitarian corridor under joint monitoring"
REASONS = ("Both sides gain civilians' trust", "Monitors make it checkable")
COUNTER = "Monitors would need \x1b[31m access nobody grants"  # an escape typed or pasted: shown, never run


def _table(tmp_path: Path, sealed: bool = False) -> Table:
    scenario = load_scenario("parallel-tracks").with_options(sealed_moves=sealed)
    session = Session.start(scenario, 5, tmp_path / "typed.jsonl", BOTS)
    return Table(session, seats_for(session, observers=0))


async def _facilitator_until(table: Table, facilitator: SeatClient, done: Any, passing: dict[str, Any]) -> None:
    """The facilitator moves the game on (a human team not wanted here passes) until ``done(state)``."""
    for _ in range(200):
        state = table.session.state
        if done(state):
            return
        acting = table.session.acting()
        if acting is not None and acting in passing:
            await passing[acting](state)
            continue
        view = await caught_up(facilitator, state.seq)
        entry = next(e for e in view["decision"]["entries"] if "refusal" not in e)
        await facilitator.act(pick=entry["id"], reason="ruled" if entry.get("needs") else None)
    raise AssertionError("the game did not get there")


def _plain(found: list[Any]) -> Any:
    """The entry a team not under test picks: its pass, else the first it may (an accept, a card's answer)."""
    passing = [e for e in found if (e.get("action") or {}).get("kind") in ("pass", "counter") and not e.get("needs")]
    return passing[0] if passing else next(e for e in found if not e.get("refusal") and not e.get("needs"))




async def test_a_remote_team_types_its_argument_and_another_its_counter(tmp_path: Path) -> None:
    table = _table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        apps = {a: SeatApp(address, codes[f"team:{a}"], sleep=Sleeps()) for a in ("ru", "ua")}
        async with AsyncExitStack() as stack:
            pilots = {a: await stack.enter_async_context(app.run_test(size=(120, 40))) for a, app in apps.items()}
            for a, app in apps.items():
                await until(pilots[a], app.joined.is_set, f"{a} to join")

            def passes(actor: str) -> Any:
                async def go(state: Any) -> None:  # the team passes (or accepts, or makes no counter)
                    app, pilot = apps[actor], pilots[actor]
                    await until(pilot, lambda: seq_of(app) == state.seq, f"{actor}'s screen")
                    await choose(pilot, app, entries(app).index(_plain(entries(app))))
                    await until(pilot, lambda: table.session.state.seq != state.seq, f"{actor}'s pick")
                return go

            await _facilitator_until(table, facilitator, lambda s: table.session.acting() == "ru"
                                     and s.phase == "moves", {"ua": passes("ua")})
            ru, pilot = apps["ru"], pilots["ru"]
            await until(pilot, lambda: seq_of(ru) == table.session.state.seq, "Russia's screen")
            found = entries(ru)
            index = next(i for i, e in enumerate(found) if e.get("needs") == "argument"
                         and e.get("group") == "humanitarian")
            await choose(pilot, ru, index)
            await until(pilot, lambda: isinstance(ru.screen, ArgumentScreen), "the argument's dialog")
            await type_text(pilot, ARGUMENT)
            await pilot.press("enter")  # to the result wanted
            await pilot.press("down", "enter")  # the second result the track offers (tension -1)
            await type_text(pilot, REASONS[0])
            await pilot.press("enter")
            await type_text(pilot, REASONS[1])
            await pilot.press("enter")  # the last field: handed in
            await until(pilot, lambda: table.session.state.last.action.move == "argue", "the argument to be saved")
            argued = table.session.state.last.action
            assert (argued.text, argued.reasons, argued.wanted) == (ARGUMENT, REASONS, {"tension": -1})

            await _facilitator_until(table, facilitator, lambda s: table.session.acting() == "ua"
                                     and s.phase == "adjudication", {"ru": passes("ru"), "ua": passes("ua")})
            ua, pilot = apps["ua"], pilots["ua"]
            await until(pilot, lambda: seq_of(ua) == table.session.state.seq, "Ukraine's screen")
            counter = next(e for e in entries(ua) if e.get("needs") == "counter")
            assert ARGUMENT in counter["form"]["about"]  # the counter is typed with the argument in view
            await choose(pilot, ua, entries(ua).index(counter))
            await until(pilot, lambda: isinstance(ua.screen, ArgumentScreen), "the counter's dialog")
            field = ua.screen.query_one("#argue-action")
            field.post_message(Paste("x" * 200))  # the ruleset's 200, pasted (300 key presses took 20 s)
            await pilot.pause()
            await type_text(pilot, "xy")  # past the limit: the field takes no more
            assert ua.screen.entered().action == "x" * 200
            ua.screen.query_one("#argue-action").value = ""
            await type_text(pilot, COUNTER.replace("\x1b", ""))
            await pilot.press("enter")
            await until(pilot, lambda: _counter_by(table, "ua") is not None, "the counter to be saved")
    table.session.close()
    saved = [e.action for e in open_save(table.session.save_path).events if e.action.kind == "counter"]
    assert [a.text for a in saved if a.actor == "ua"] == [COUNTER.replace("\x1b", "")]


def _counter_by(table: Table, actor: str) -> Any:
    return next((e for e in table.session.state.log if e.action.kind == "counter" and e.action.actor == actor), None)


async def test_the_host_checks_typed_texts_and_they_are_shown_literal(tmp_path: Path) -> None:
    """A client that skips the dialog is held to the ruleset's limits by the host; its escapes show as symbols."""
    table = _table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        ua = await connect(address, codes["team:ua"])
        ru = await connect(address, codes["team:ru"])

        async def ua_passes(state: Any) -> None:
            view = await caught_up(ua, state.seq)
            await ua.act(pick=_plain(view["decision"]["entries"])["id"])

        await _facilitator_until(table, facilitator, lambda s: table.session.acting() == "ru" and s.phase == "moves",
                                 {"ua": ua_passes})
        view = await caught_up(ru, table.session.state.seq)
        entry = next(e for e in view["decision"]["entries"] if e.get("needs") == "argument")
        limit = entry["form"]["text_limit"]
        with pytest.raises(Refused) as refused:
            await ru.act(pick=entry["id"], typed={"text": "y" * (limit + 1), "result": 0, "reasons": []})
        assert refused.value.code == "TEXT_TOO_LONG"
        with pytest.raises(Refused) as refused:
            await ru.act(pick=entry["id"], typed={"result": 0})
        assert refused.value.code == "INVALID_ACTION"
        assert table.session.state.seq == view["game"]["seq"]  # nothing was done
        await ru.act(pick=entry["id"], typed={"text": COUNTER, "result": 0, "reasons": ["\x1b]52;c;x\x07"]})
        assert table.session.state.last.action.text == COUNTER  # kept as typed in the save
        seen = await caught_up(ua, table.session.state.seq)
        shown = [line["text"] for line in seen["board"]["log"]]
        assert not any("\x1b" in text for text in shown)
        for client in (facilitator, ua, ru):
            await client.close()
    table.session.close()


async def test_a_team_screen_keeps_a_typed_argument_through_ctrl_q(tmp_path: Path) -> None:
    """Found from outside on the hot seat: ctrl+q over a half-typed argument closed the game at once and the text
    was gone. On a team's own screen ctrl+q over it leaves the dialog and its text as they are (the hot seat now
    warns first: tests/tui/test_dialogs.py). Cyrillic typed in the argument's field stays Cyrillic (outside a
    field a Cyrillic letter is the Latin key it sits on)."""
    table = _table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        ru = SeatApp(address, codes["team:ru"], sleep=Sleeps())
        async with ru.run_test(size=(120, 40), notifications=True) as pilot:
            await until(pilot, ru.joined.is_set, "ru to join")
            await _facilitator_until(table, facilitator, lambda s: table.session.acting() == "ru"
                                     and s.phase == "moves", {})
            await until(pilot, lambda: seq_of(ru) == table.session.state.seq, "Russia's screen")
            index = next(i for i, e in enumerate(entries(ru)) if e.get("needs") == "argument")
            await choose(pilot, ru, index)
            await until(pilot, lambda: isinstance(ru.screen, ArgumentScreen), "the argument's dialog")
            await type_text(pilot, "коридор")
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert ru.is_running and isinstance(ru.screen, ArgumentScreen)
            assert ru.screen.query_one("TextArea").text == "коридор"  # type: ignore[attr-defined]


async def test_a_team_s_counter_given_up_with_escape_is_not_sent(tmp_path: Path) -> None:
    """Found from outside on a team's seat at 80x24 (helper-208): a counter typed past its limit (the field stopped
    at 200), one Escape as the dialog's keys said, then 1 and a new sentence, Enter: the 200 x's reached the room and
    the save. The first Escape had only put a notice in the screen's corner and left the dialog open. Now the dialog
    says it under the field, its keys say Escape twice, and the second Escape closes it with nothing sent."""
    table = _table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        ru = await connect(address, codes["team:ru"])
        ua = SeatApp(address, codes["team:ua"], sleep=Sleeps())
        async with ua.run_test(size=(80, 24), notifications=True) as pilot:
            await until(pilot, ua.joined.is_set, "ua to join")

            async def ua_passes(state: Any) -> None:
                await until(pilot, lambda: seq_of(ua) == state.seq, "Ukraine's screen")
                await choose(pilot, ua, entries(ua).index(_plain(entries(ua))))
                await until(pilot, lambda: table.session.state.seq != state.seq, "Ukraine's pick")

            async def ru_passes(state: Any) -> None:
                view = await caught_up(ru, state.seq)
                await ru.act(pick=_plain(view["decision"]["entries"])["id"])

            await _facilitator_until(table, facilitator, lambda s: table.session.acting() == "ru"
                                     and s.phase == "moves", {"ua": ua_passes})
            view = await caught_up(ru, table.session.state.seq)
            entry = next(e for e in view["decision"]["entries"] if e.get("needs") == "argument")
            await ru.act(pick=entry["id"], typed={"text": ARGUMENT, "result": 0, "reasons": list(REASONS)})
            await _facilitator_until(table, facilitator, lambda s: table.session.acting() == "ua"
                                     and s.phase == "adjudication", {"ru": ru_passes, "ua": ua_passes})
            await until(pilot, lambda: seq_of(ua) == table.session.state.seq, "Ukraine's screen")
            counter = next(e for e in entries(ua) if e.get("needs") == "counter")
            await choose(pilot, ua, entries(ua).index(counter))
            await until(pilot, lambda: isinstance(ua.screen, ArgumentScreen), "the counter's dialog")
            dialog = ua.screen
            dialog.query_one("#argue-action").post_message(Paste("x" * 230))
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert ua.screen is dialog
            box = dialog.query_one("ArgumentScreen > Vertical")  # untranslated: CSS (the frame)
            said = " ".join(str(w.render()) for w in box.query("Static")
                            if w.display and w.region.area and box.region.contains_region(w.region))
            assert "press Escape or click outside it again to close it without the text" in said, said
            assert "Escape twice: cancel, nothing is sent" in said, said
            await type_text(pilot, "1 A new sentence")
            assert "not taken" in str(dialog.query_one("#argue-action-count").render())
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(ua.screen, ArgumentScreen), "the dialog to close")
            await pilot.pause()
            assert table.session.acting() == "ua" and seq_of(ua) == table.session.state.seq  # still Ukraine's to answer
    await facilitator.close()
    await ru.close()
    table.session.close()
    assert _counter_by(table, "ua") is None


async def test_a_team_reaches_its_pass_under_every_move_with_end(tmp_path: Path) -> None:
    """Found from outside: a team's list holds every move on every track (~30 entries, most refused) and its pass
    last, and nothing said how to reach it but scrolling. The prompt and F1 say End; End then Enter passes."""
    table = _table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        ua = SeatApp(address, codes["team:ua"], sleep=Sleeps())
        async with ua.run_test(size=(80, 24)) as pilot:
            await until(pilot, ua.joined.is_set, "ua to join")

            async def ru_passes(state: Any) -> None:
                view = await caught_up(facilitator, state.seq)
                entry = next(e for e in view["decision"]["entries"] if (e.get("action") or {}).get("kind") == "pass")
                await facilitator.act(pick=entry["id"])

            await _facilitator_until(table, facilitator, lambda s: table.session.acting() == "ua"
                                     and s.phase == "moves", {"ru": ru_passes})
            await until(pilot, lambda: seq_of(ua) == table.session.state.seq, "Ukraine's screen")
            listed = entries(ua)
            assert len(listed) > 15 and (listed[-1].get("action") or {}).get("kind") == "pass"
            prompt = str(ua.view["decision"]["prompt"])  # type: ignore[index]
            assert "End" in prompt, prompt
            seq = table.session.state.seq
            await pilot.press("end", "enter")
            await until(pilot, lambda: table.session.state.seq > seq, "the pass")
            await until(pilot, lambda: "ua" in table.session.state.passed or table.session.state.phase != "moves",
                        "Ukraine's pass to be taken")
    table.session.close()
    taken = [e.action for e in open_save(table.session.save_path).events if e.seq > seq]
    assert taken[0].kind == "pass" and taken[0].actor == "ua", taken[0]


def test_the_seats_help_names_the_keys_to_the_last_entry_and_to_stop_the_host() -> None:
    from tabletop.tui.seatdialogs import CONSOLE_HELP, SEAT_HELP

    assert "home/end" in SEAT_HELP and "pass is the last" in SEAT_HELP and "ctrl+c" in CONSOLE_HELP


def test_both_helps_name_the_0_that_picks_a_list_s_tenth_line_in_each_language() -> None:
    """Found from outside (stop 56): ``0`` picks the tenth line of every list, and F1 said "1-9 choose",
    so a facilitator with a long list of moves read that the tenth had no key."""
    from tabletop import lang
    from tabletop.lang import Domain
    from tabletop.tui.modals import HELP
    from tabletop.tui.seatdialogs import CONSOLE_HELP, SEAT_HELP

    tui = Domain("tui")
    for code in ("en", "ru", "uk"):
        with lang.using(code):
            for keys in (HELP, SEAT_HELP, CONSOLE_HELP):
                first = next(line for line in tui.gettext(keys).splitlines() if "\u2191/\u2193," in line)
                assert "0-9" in first and "1-9" not in first, (code, first)
