"""kill -9 at a random moment loses at most the action in flight (DESIGN 6).

Each event is fsynced before ``append`` returns and the screen shows it as
done, so whatever the writer reported as written must be there after a crash;
``resume`` must then open the save, drop a torn last line if there is one,
and the game must go on and verify intact. The writer is a separate process
(``_writer.py``) killed with SIGKILL after a seeded random delay.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tabletop.store.reading import open_save

from .savekit import kill_trial

#: each trial is a child process that writes until it is killed, then a resume and a verify: 25 random
#: moments over the first half second of a game (tests/store/test_torn.py cuts a line at every byte)
TRIALS = 25


@pytest.mark.parametrize("trial", range(TRIALS))
def test_kill_while_writing(tmp_path: Path, trial: int) -> None:
    delay = random.Random(f"kill/{trial}").uniform(0.02, 0.5)
    save = tmp_path / "game.jsonl"
    result = kill_trial(save, seed=trial, delay=delay)

    # everything reported as written is there; at most the action in flight is lost
    assert result.reported <= result.recovered <= result.reported + 1, result
    assert result.verified, result.verify_lines
    if result.torn:
        assert result.messages == [
            (
                "The save's last line was incomplete (a crash while writing) and was dropped; "
                f"the game continues after event {result.recovered}."
            )
        ]
    else:
        assert result.messages == []
    # resume repaired the save in place: no temp file, no recovered copy
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.jsonl"]
    assert len(open_save(save)) == result.recovered + 1
