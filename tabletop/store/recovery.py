"""Verify, repair and resume saves."""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..engine import RuleViolation, State, apply, new_game
from ..engine.actions import CHANCE_KINDS, IndependenceBreach
from .reading import Damage, Save, collector_paused, open_save
from .savefile import SaveError, SaveWriter, unique_path


@dataclass
class VerifyReport:
    """What ``tabletop verify`` found."""

    path: str
    events: int = 0
    rounds: int = 0
    damage: Damage | None = None
    error: SaveError | None = None
    chance_checked: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.damage is None and self.error is None

    def lines(self) -> list[str]:
        if self.error is not None:
            return [f"{self.path}: damaged: {self.error.kind}: {self.error.message}"]
        if self.damage is not None:
            return [
                f"{self.path}: damaged at {self.damage}",
                f"  the {self.events} events before it are intact",
            ]
        return [
            f"{self.path}: intact — {self.events} events, {self.rounds} round{'s' if self.rounds != 1 else ''}, "
            f"every state hash and the hash chain check out; {self.chance_checked} draws and rolls "
            "re-derived from the seed match",
            *self.notes,
        ]


def verify(path: str | Path) -> VerifyReport:
    """Replay a save from its header, checking every hash, the chain and every draw and roll."""
    with collector_paused():
        return _verify(path)


def _verify(path: str | Path) -> VerifyReport:
    report = VerifyReport(str(path))
    try:
        save = open_save(path)
    except SaveError as exc:
        report.error = exc
        return report
    state: State = new_game(save.scenario, save.seed)
    for index, event in enumerate(save.events):
        line = index + 2
        try:
            after = apply(state, event.action)
        except (RuleViolation, IndependenceBreach) as exc:
            report.damage = Damage(event.seq, line, "illegal event", f"does not replay: {exc}")
            break
        if after.hash != event.state:
            report.damage = Damage(
                event.seq, line, "state differs",
                f"replaying gives state {after.hash}, the save says {event.state} (edited, or made by a different engine)",
            )
            break
        if event.action.kind in CHANCE_KINDS and event.action.outcome is not None:
            try:
                derived = apply(state, event.action.without_outcome())
            except (RuleViolation, IndependenceBreach) as exc:
                report.damage = Damage(event.seq, line, "outcome differs", f"cannot re-derive from the seed: {exc}")
                break
            recorded = dict(event.action.outcome)
            fresh = (derived.last.result.get("outcome") if derived.last else None) or {}
            if fresh != recorded:
                report.damage = Damage(
                    event.seq, line, "outcome differs",
                    f"the seed gives {fresh}, the save records {recorded}",
                )
                break
            report.chance_checked += 1
        state = after
        report.events += 1
        report.rounds = state.round
    if report.damage is None and save.damage is not None:
        report.damage = save.damage
    if report.damage is None:
        report.rounds = state.round
    return report


def _atomic_write(path: Path, data: bytes, like: Path | None = None) -> None:
    # mkstemp makes the file 0600: give it the mode of the save it replaces (or is copied from)
    mode = stat.S_IMODE(os.stat(like or path).st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    dfd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def _intact_prefix(save: Save) -> bytes:
    with open(save.path, "rb") as handle:
        return handle.read(save.good_bytes)


@dataclass
class Resumed:
    """A save ready to continue: its state, a writer, and what was done to it."""

    save: Save
    state: State
    writer: SaveWriter
    messages: list[str]


def resume(path: str | Path, durable: bool = True) -> Resumed:
    """Open a save to continue playing it.

    A torn last line (a crash mid-write) is dropped by an atomic rewrite of
    the intact lines. Other damage leaves the file untouched: play goes on in
    a new ``-recovered`` save holding the events before the damage.
    """
    save = open_save(path)
    messages: list[str] = []
    if save.damage is not None:
        if save.damage.kind == "torn tail":
            _atomic_write(Path(save.path), _intact_prefix(save))
            messages.append(
                f"The save's last line was incomplete (a crash while writing) and was dropped; "
                f"the game continues after event {len(save)}."
            )
            save = open_save(path)
        else:
            target = unique_path(Path(save.path).with_name(Path(save.path).name.removesuffix(".jsonl") + "-recovered.jsonl"))
            _atomic_write(target, _intact_prefix(save), like=Path(save.path))
            messages.append(
                f"The save is damaged at {save.damage}. It was left as it is; the game continues from "
                f"event {len(save)} in {target}."
            )
            save = open_save(target)
    mismatch = save.first_mismatch()
    if mismatch is not None:
        seq, why = mismatch
        target = unique_path(Path(save.path).with_name(Path(save.path).name.removesuffix(".jsonl") + "-recovered.jsonl"))
        with open(save.path, "rb") as handle:
            prefix = handle.read(save.offsets[seq - 1])
        _atomic_write(target, prefix, like=Path(save.path))
        messages.append(
            f"Event {seq} of the save does not replay as it was recorded ({why}): the save was made by another "
            f"version of tabletop, or edited. It was left as it is; the game continues from event {seq - 1} in {target}."
        )
        save = open_save(target)
    state = save.final_state()
    return Resumed(save, state, SaveWriter.reopen(save, durable=durable), messages)
