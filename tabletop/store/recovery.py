"""Repair and resume saves (``verify`` has a module of its own, :mod:`.verifying`)."""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..engine import State
from .reading import Save, open_save
from .savefile import SaveWriter, unique_path
from .verifying import VerifyReport, verify  # noqa: F401 - where verify lived before it had a module of its own


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
