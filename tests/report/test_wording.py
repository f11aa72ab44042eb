"""Reports, the replay and the simulate tables in words: names where ids were, words apart, plurals right."""

from __future__ import annotations

import json
import re
from pathlib import Path

from textual.widgets import Static

from tabletop.content.loader import load_scenario
from tabletop.report import render
from tabletop.sim.runner import simulate
from tabletop.sim.tables import format_comparison, format_table, names_of
from tabletop.store.reading import open_save
from tabletop.tui.replay import ReplayApp

from .kit import HtmlDoc, Played


def test_html_keeps_words_apart(strict_game: Played, linked_game: Played) -> None:
    doc = HtmlDoc(render([strict_game.path], "html")).text
    assert not re.search(r"(agreed|collapsed|deferred|open)R\d", doc)
    assert not re.search(r"\w\((auto|consensus|dice|facilitator|global)", doc)  # "Borders(dice)"
    assert not re.search(r"SECRET\w|FACILITATOR\w|NOTE#", doc)
    both = HtmlDoc(render([strict_game.path, linked_game.path], "html")).text
    assert not re.search(r"(agreed|collapsed|deferred|open)R\d", both)


def test_dice_working_names_the_meters_it_reads(strict_game: Played) -> None:
    report = json.loads(render([strict_game.path], "json"))
    rs = strict_game.scenario.ruleset
    meters = {m.id: m.name for m in rs.meters}
    working = [e["working"] for e in report["log"] if e["kind"] == "roll"]
    assert working
    for text in working:
        for mid, name in meters.items():
            assert f"for {mid} " not in text
    assert any(f"for {name} " in text for text in working for name in meters.values())


async def test_the_replay_names_what_an_event_changed(tmp_path: Path, strict_game: Played) -> None:
    save = open_save(strict_game.path)
    seq = next(e.seq for e in save.events if any("track" in c for c in e.result.get("changes", [])))
    change = next(c for c in save.events[seq - 1].result["changes"] if "track" in c)
    track = next(t for t in save.scenario.ruleset.tracks if t.id == change["track"])
    app = ReplayApp(save)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.go(seq)  # type: ignore[attr-defined]
        await pilot.pause()
        working = str(app.screen.query_one("#working", Static).render())
    assert f"{track.name}: {change['what']} {change['from']} \u2192 {change['to']}" in working
    assert f"{track.id} {change['what']}" not in working


def test_simulate_tables_count_in_words_and_name_cards() -> None:
    scenario = load_scenario("parallel-tracks")
    names = names_of(scenario)
    one = simulate(scenario, 1, 3, None, workers=1)
    assert format_table(one, names).startswith("1 game of parallel-tracks")
    many = simulate(scenario, 100, 3, None, workers=1)  # cards are ranked once seen in 30 games (and not in 30)
    table = format_table(many, names)
    assert table.startswith("100 games of parallel-tracks")
    cards = table.splitlines()[-1].split(": ", 1)[1]
    titles = {c.title for c in scenario.deck.cards}
    ids = {c.id for c in scenario.deck.cards}
    assert any(title in cards for title in titles) and not any(re.search(rf"\b{i}\b", cards) for i in ids)
    compare = format_comparison({"strict": one, "linked": one}, names)
    assert compare.startswith("1 game of parallel-tracks, seed 3: the same game under")
