"""Matrix arguments in content: the ``[moves.argue]`` table and a deck's ``[[arguments]]``.

Each file in ``arguments/broken/`` has one mistake; the validator names its
file, line and key, and says what was meant. ``deck-*`` files are checked
with the valid ``arguments/argue.toml``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.content import ContentError
from tabletop.content.loader import load_file, load_scenario

HERE = Path(__file__).parent / "arguments"
BROKEN = HERE / "broken"
RULESET = HERE / "argue.toml"

# (file, line, key path, fragment of the message)
CASES: list[tuple[str, int, str, str]] = [
    ("ruleset-argue-without-table.toml", 36, "moves[0].resolution",
     'a move with resolution = "argue" needs an [moves.argue] table'),
    ("ruleset-argue-table-on-consensus.toml", 36, "moves[0].resolution",
     "and only such a move has one"),
    ("ruleset-argue-misspelt-key.toml", 39, "moves[0].argue.progres",
     "unknown key 'progres' (did you mean 'progress'?)"),
    ("ruleset-argue-misspelt-odds.toml", 40, "moves[0].argue.odds",
     "got 'facilitater' (did you mean 'facilitator'?); expected one of 'facilitator', 'matrix' or 'vote'"),
    ("ruleset-argue-unknown-track.toml", 39, "moves[0].argue.tracks[0]",
     "unknown track 'alfa' (did you mean 'alpha'?)"),
    ("ruleset-argue-range-reversed.toml", 39, "moves[0].argue.progress",
     "progress is [lowest, highest]: 2 is above 1"),
    ("ruleset-argue-range-one-number.toml", 39, "moves[0].argue.tension", "needs at least 2 entries"),
    ("ruleset-argue-offers-nothing.toml", 38, "moves[0].argue",
     "an argue table needs at least one result to argue for: progress, tension or status"),
    # at the key to change, not at [moves.argue] (found from outside: "moves[9].argue: … has no effects" at the
    # table's header, three lines under the effects)
    ("ruleset-argue-with-effects.toml", 37, "moves[0].effects", "has no effects: its effect is the result the team argues for"),
    ("ruleset-argue-links.toml", 36, "moves[0].link", "links nothing"),
    ("ruleset-argue-status-open.toml", 39, "moves[0].argue.status", 'status "open" cannot be argued for'),
    ("ruleset-argue-four-reasons.toml", 40, "moves[0].argue.reasons", "must be at most 3, got 4"),
    ("deck-argument-unknown-track.toml", 11, "arguments[0].track", "unknown track 'alfa' (did you mean 'alpha'?)"),
    ("deck-argument-not-offered.toml", 11, "arguments[0].track",
     "no move of ruleset 'argue' offers an argument on track 'beta'"),
    ("deck-argument-reason-too-long.toml", 15, "arguments[0].reasons[1]",
     "62 characters: move 'argue' takes at most 40 (reason_length)"),
    ("deck-argument-misspelt-key.toml", 13, "arguments[0].reason", "unknown key 'reason' (did you mean 'reasons'?)"),
    ("deck-argument-no-actions.toml", 12, "arguments[0].actions", "needs at least 1 entry"),
]


def test_every_broken_file_has_a_case() -> None:
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(name for name, *_ in CASES)


@pytest.mark.parametrize(("name", "line", "key", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_broken_file(name: str, line: int, key: str, fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = BROKEN / name
    is_deck = name.startswith("deck-")
    with pytest.raises(ContentError) as info:
        load_scenario(RULESET, path) if is_deck else load_file(path)
    problems = info.value.problems
    assert [p for p in problems if (p.file, p.line, p.path) == (str(path), line, key) and fragment in p.message], \
        "\n".join(map(str, problems))
    assert {p.file for p in problems} == {str(path)}

    assert main(["validate", str(RULESET), str(path)] if is_deck else ["validate", str(path)]) == 1
    out = capsys.readouterr()
    assert any(o.startswith(f"{path}:{line}: {key}: ") and fragment in o for o in out.out.splitlines()), out.out
    assert "Traceback" not in out.out + out.err


def test_the_valid_files_load_with_their_stock_and_offered_tracks() -> None:
    scenario = load_scenario(RULESET, HERE / "argue-events.toml")
    move = scenario.index.moves["argue"]
    assert move.argue is not None
    assert move.argue.results() == ({"progress": 1}, {"progress": 2}, {"tension": -1}, {"status": "deferred"})
    assert [s.track for s in scenario.deck.arguments] == ["alpha"]
    # offered on alpha only: beta's plays leave it out
    assert {(m.id, t) for m, t in scenario.index.plays["east"]} == {("argue", "alpha")}
