"""``tabletop replay`` of a damaged save: what the terminal is told around the viewer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.savekit import lines_of, record_bot_game, scenario


@pytest.mark.parametrize("damage", ["changed line", "torn tail"])
def test_the_damage_is_said_once(tmp_path: Path, damage: str, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``tabletop replay`` of a save damaged mid-file (or torn at its end) said the damage
    before the viewer opened and again after it closed; the first line was still on the terminal when the viewer's
    alternate screen closed, so it read twice. Said once, and the exit status still says so."""
    import tabletop.cli as cli
    import tabletop.cli.screens as screens
    import tabletop.tui.replay as replay

    path = record_bot_game(tmp_path / "game.jsonl", scenario(), 4).path
    lines = lines_of(path)
    if damage == "changed line":
        lines[5] = lines[5].replace(b'"round":', b'"round" :', 1)  # one byte more: the chain breaks at event 5
    else:
        lines[-1] = lines[-1][:-20]  # the last line torn
    path.write_bytes(b"".join(lines))
    monkeypatch.setattr(replay.ReplayApp, "run", lambda self, *args, **kwargs: None)  # the viewer, closed with q
    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    assert cli.main(["replay", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("the save is damaged at") == 1, err
    assert f"{damage}:" in err, err
