"""The replay's working of a facilitator's ruling says its reason once in the working, not again as a loose line."""

from __future__ import annotations

from pathlib import Path

from tabletop.store.reading import open_save
from tabletop.tui.timeline import working_text

from tests.report.kit import TINY_GAME, Workshop, facilitated_save, scenario


def test_a_facilitators_ruling_says_its_reason_in_its_working_and_not_again() -> None:
    """Found from outside (helper-121): a ruling read "... — facilitator: RULING-1 ...", then "facilitator's reason:
    RULING-1 ...", then "reason: RULING-1 ...". The working says it; the loose "reason:" line is for events whose
    reason no ruling words (an override, an undo)."""
    save = open_save(TINY_GAME)
    index = next(i for i, e in enumerate(save.events, 1) if e.action.kind == "rule")
    shown = working_text(save, index, set(), {}, {}).plain
    reason = save.events[index - 1].action.reason
    assert reason and "facilitator's reason: " in shown, shown
    assert "\n  reason: " not in shown, shown


def test_a_reason_the_event_s_line_says_is_not_said_again_under_it(tmp_path: Path) -> None:
    """Found from outside (helper-270): the replay's detail read "Facilitator ends the game: lunch break, the hotel
    needs the room" and under it "reason: lunch break, the hotel needs the room"; an override's the same. The line
    of an override, an end and an undo ends with its reason: the detail leaves it out."""
    played = facilitated_save(tmp_path / "workshop.jsonl", scenario(), 4, Workshop())  # every power used
    save = open_save(played.path)
    said = [(i, e) for i, e in enumerate(save.events, 1)
            if e.action.kind in ("override", "end", "undo") and (e.action.reason or "").strip()]
    assert {e.action.kind for _, e in said} == {"override", "end", "undo"}
    for i, e in said:
        shown = working_text(save, i, set(), {}, {}).plain
        reason = e.action.reason.strip()
        assert shown.count(reason) == 1, (e.action.kind, shown)
        assert "\n  reason: " not in shown, shown
    skip = next(i for i, e in enumerate(save.events, 1) if e.action.kind == "skip")
    assert "\n  reason: " in working_text(save, skip, set(), {}, {}).plain  # a reason no words above say is still said


def test_a_roll_s_working_says_what_each_modifier_read_when_the_dice_were_thrown() -> None:
    """Found from outside (helper-121): "−1 for tension >= 3 (does not apply)" under a board at tension 3 (the failed
    roll had raised it) read as a wrong ruling. The replay's working, as the report's, says what each modifier read
    at the roll, from the state before it."""
    from tabletop.engine.review import roll_readings

    save = open_save(TINY_GAME)
    rolls = [i for i, e in enumerate(save.events, 1) if e.action.kind == "roll"]
    assert rolls
    for index in rolls:
        event = save.events[index - 1]
        before = save.state_at(index - 1)
        read = roll_readings(before, event)
        recorded = event.result["ruling"]["modifiers"]
        assert read is not None and len(read) == len(recorded)
        head = before.queue[0]
        track = before.tracks[head.track]
        shown = working_text(save, index, set(), {}, {}).plain
        for value, mod in zip(read, recorded, strict=True):
            if mod["source"].startswith("tension"):
                assert value == track.tension  # the track as it stood before the roll
            said = f"({value} at the roll)" if mod["applies"] else f"({value} at the roll: not met)"
            assert said in shown, shown
    assert roll_readings(save.state_at(0), save.events[0]) is None  # no roll, nothing read
