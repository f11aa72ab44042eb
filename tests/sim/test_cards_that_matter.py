"""``tabletop simulate``'s "cards that matter most" are told only from cards seen often enough to tell.

Found from outside: 200 games ranked "Calls for a referendum -2.54" first, a card drawn in one game of the
200 (its "impact" the agreements of that one game against the rest); at 2,000 games cards drawn in 15 made
the top five. A card is ranked only once it came up, and did not, in enough games; the line says in how many.
"""

from __future__ import annotations

from tabletop.sim.tables import MIN_GAMES, format_table, top_cards


def _report(cards: dict[str, dict[str, object]]) -> dict[str, object]:
    return {"games": 200, "ruleset": "r", "independence": "strict", "seed": 1, "bots": "mixed", "elapsed_s": 0.1,
            "tracks": {}, "agreements_per_game": 1.0, "objectives": {}, "cards": cards}


def test_a_card_seen_in_one_game_is_not_ranked_and_the_line_says_how_many_games() -> None:
    report = _report({
        "rare": {"drawn": 1, "games": 1, "impact": -2.54},
        "common": {"drawn": 120, "games": 120, "impact": 0.4},
        "always": {"drawn": 200, "games": 200 - MIN_GAMES + 1, "impact": 1.9},  # not drawn in too few games
    })
    assert [cid for cid, _row in top_cards(report, 5)] == ["common"]
    said = format_table(report, {"common": "Common card"})
    assert "Common card +0.40 (drawn in 120 of 200 games)" in said, said
    assert "rare" not in said and "always" not in said


def test_an_actor_with_no_objectives_is_said_to_have_none_not_to_meet_none() -> None:
    """Found from outside: "West Town 0%" for an actor with no objectives read as "West can never win"."""
    report = {**_report({}), "objectives": {"east": {"met": 104, "per_objective": [104, 150]},
                                            "west": {"met": 0, "per_objective": []}}}
    said = format_table(report, {"east": "East", "west": "West Town"})
    assert "objectives met (all of an actor's, share of games): East 52%, West Town (no objectives)" in said


def test_a_long_track_name_is_cut_with_an_ellipsis() -> None:
    """Found from outside: a name cut at 33 characters mid-word, with nothing to say it went on."""
    name = "Water quality and the sharing of the lake's fish"
    report = {**_report({}), "tracks": {"water": {"agreed": 1, "collapsed": 0, "deferred": 0, "open": 199,
                                                  "mean_rounds_to_agreement": 3.0}}}
    row = next(line for line in format_table(report, {"water": name}).splitlines() if line.startswith("Water"))
    assert row.startswith(name[:32] + "\u2026 ") and name not in row


def test_wide_and_combining_names_keep_the_columns_straight() -> None:
    """Found from outside: names in CJK or with emoji pushed the columns right, and a stressed Russian vowel (a
    combining mark) pulled them left: a name is cut and padded by the cells it takes, not its letters."""
    from rich.cells import cell_len

    row = {"agreed": 1, "collapsed": 0, "deferred": 0, "open": 199, "mean_rounds_to_agreement": 3.0}
    names = {"a": "Borders", "b": "水资源分配的谈判与合作框架协议水资源分配的谈判", "c": "Зе\u0301мля", "d": "Fish 🐟🐟"}
    report = {**_report({}), "tracks": {tid: row for tid in names}}
    lines = format_table(report, names).splitlines()
    rows = [line for line in lines if line.endswith("3.0")]
    assert len(rows) == 4
    ends = {cell_len(line) for line in rows}
    assert ends == {cell_len(next(line for line in rows if line.startswith("Borders")))}, rows
    assert any("\u2026" in line for line in rows if line.startswith("水"))
