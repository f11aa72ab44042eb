"""Reading saves through the public API (DESIGN 7a): ``tabletop.open_save`` in a notebook's folder-wide analysis.

Found from outside (helper-221): a save whose event 41 was changed opened as a shorter game with no exception
(only ``save.damage`` said so), ``tabletop.SaveError``, named by the docstring, did not exist, and
``state_at(-1)`` raised where ``events[-1]`` worked, while ``state_at(True)`` gave the game after event 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import tabletop
from tabletop import legal_actions, load_scenario
from tabletop.store.reading import open_save as read_save

from .savekit import Recorded, record_actions


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Recorded:
    path = tmp_path_factory.mktemp("api") / "game.jsonl"
    return record_actions(path, load_scenario("parallel-tracks"), 7, [lambda s: legal_actions(s)[0]] * 60)


def _changed_at(recorded: Recorded, folder: Path, seq: int) -> Path:
    """A copy of the save with event ``seq``'s line edited (its hash chain then no longer holds)."""
    lines = recorded.path.read_bytes().split(b"\n")
    lines[seq] = lines[seq].replace(b'"round":', b'"round": ', 1)
    copy = folder / "changed.jsonl"
    copy.write_bytes(b"\n".join(lines))
    return copy


def test_the_public_names_a_script_catches_and_types_are_exported() -> None:
    from tabletop.store.errors import SaveError
    from tabletop.store.reading import Save

    assert tabletop.SaveError is SaveError and tabletop.Save is Save
    assert {"SaveError", "Save"} <= set(tabletop.__all__)


def test_a_damaged_save_is_refused_by_default_and_read_up_to_its_damage_when_asked(recorded: Recorded,
                                                                                   tmp_path: Path) -> None:
    damaged = _changed_at(recorded, tmp_path, 41)
    with pytest.raises(tabletop.SaveError) as refused:
        tabletop.open_save(damaged)
    assert refused.value.seq == 41 and refused.value.kind == "changed line"
    assert "event 41 (line 42): changed line" in str(refused.value) and "strict=False" in str(refused.value)
    save = tabletop.open_save(damaged, strict=False)
    assert len(save) == 40 and save.damage is not None and save.damage.seq == 41
    assert save.state_at(40).hash == recorded.states[40].hash
    # an intact save opens as it always did; the command line's own reader still opens a damaged one
    assert len(tabletop.open_save(recorded.path)) == 60
    assert len(read_save(damaged)) == 40


def test_state_at_counts_from_the_end_as_a_sequence_does(recorded: Recorded) -> None:
    save = tabletop.open_save(recorded.path)
    n = len(save)
    assert save.state_at(-1).hash == save.state_at(n).hash == save.events[-1].state
    assert save.state_at(-2).hash == save.events[-2].state
    assert save.state_at(-n - 1).hash == save.state_at(0).hash == recorded.states[0].hash
    for outside in (n + 1, -n - 2):
        with pytest.raises(IndexError):
            save.state_at(outside)


@pytest.mark.parametrize("index", ["3", None, True, False, 1.5, 2.0])
def test_state_at_refuses_what_is_not_an_integer(recorded: Recorded, index: object) -> None:
    save = tabletop.open_save(recorded.path)
    with pytest.raises(TypeError, match="an int"):
        save.state_at(index)  # type: ignore[arg-type]
