"""A seed nobody chose is drawn from the whole range a typed one may take, and no seat but the facilitator's is sent it.

Found from outside: ``play``, ``host`` and the start screen drew the default seed from 1..999,999 (about 20 bits).
Every card order and every roll is a function of the seed, so a team recovered a real game's seed from the first
four public rolls in 8 s of one core, and knew every later card and die. The random source is injected here: the
range asked for is what is tested, not randomness.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.content.numbers import MOST_SEED
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify


class Highest(random.Random):
    """A random source that always gives the top of the range it is asked for."""

    def randrange(self, start: int, stop: int) -> int:
        return stop - 1

    def randint(self, low: int, high: int) -> int:
        return high


class Lowest(random.Random):
    """A random source that always gives the bottom of the range it is asked for."""

    def randrange(self, start: int, stop: int) -> int:
        return start

    def randint(self, low: int, high: int) -> int:
        return low


def _captured_sessions(monkeypatch: pytest.MonkeyPatch) -> list:
    import tabletop.cli.screens as screens

    sessions: list = []
    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    monkeypatch.setattr(screens, "_run_app", lambda session: sessions.append(session) or 0)
    return sessions


@pytest.mark.parametrize(("source", "seed"), [(Highest, MOST_SEED), (Lowest, 1)])
def test_play_without_a_seed_draws_one_from_the_whole_range_a_typed_seed_may_take(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: type, seed: int) -> None:
    sessions = _captured_sessions(monkeypatch)
    monkeypatch.setattr(random, "SystemRandom", source)
    save = tmp_path / "g.jsonl"
    assert main(["play", "--save", str(save)]) == 0
    sessions[0].close()
    assert open_save(save).header["seed"] == seed


def test_host_without_a_seed_draws_one_from_the_whole_range(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tabletop.cli import host

    async def served(*_args: object, **_kwargs: object) -> int:
        return 0

    monkeypatch.setattr(host, "_serve", served)
    monkeypatch.setattr(random, "SystemRandom", Highest)
    save = tmp_path / "h.jsonl"
    assert main(["host", "--headless", "--listen", "127.0.0.1:0", "--save", str(save)]) == 0
    assert open_save(save).header["seed"] == MOST_SEED


def test_a_game_of_the_largest_seed_plays_resumes_verifies_and_reports(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from tabletop.play.session import Session

    sessions = _captured_sessions(monkeypatch)
    monkeypatch.setattr(random, "SystemRandom", Highest)
    save = tmp_path / "g.jsonl"
    assert main(["play", "--save", str(save), "--bots", "ru=cooperative,ua=hardliner"]) == 0
    session = sessions[0]
    for _ in range(12):  # cards drawn and dice rolled from the seed
        session.apply(session.options()[0])
    session.close()
    again = Session.resume(save)
    again.apply(again.options()[0])
    again.close()
    report = verify(save)
    assert report.ok and report.events == 13
    assert open_save(save).final_state().seed == MOST_SEED
    capsys.readouterr()
    assert main(["report", str(save)]) == 0
    assert str(MOST_SEED) in capsys.readouterr().out  # the facilitator learns it afterwards from the report


async def test_no_team_projector_or_observer_is_sent_the_seed(tmp_path: Path) -> None:
    from tests.seats.support import hosting, join_all, make_table, play_some

    seed = 8_765_432_109_876_543_210  # digits found nowhere else in a message
    table = make_table(tmp_path, seed=seed, observers=2)
    async with hosting(table, record=True) as (host, address, codes):
        clients = await join_all(address, codes)
        await play_some(clients, 30)
        await asyncio.sleep(0)
        for client in clients.values():
            await client.close()
    table.session.close()
    assert host.sent is not None
    assert any(str(seed) in text for text in host.sent["facilitator"])  # the save's header: the check can see it
    others = [seat for seat in host.sent if seat != "facilitator"]
    assert {"projector", "team:ru", "team:ua"} <= set(others)
    for seat in others:
        assert not any(str(seed) in text for text in host.sent[seat]), seat
