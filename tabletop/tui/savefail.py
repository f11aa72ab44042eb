"""What the room is told when the save refuses an action (a full disk, a lost USB stick)."""

from __future__ import annotations

from pathlib import Path

from ..store import SaveWriteError
from ..store.errors import disk_advice


def not_saved_words(exc: OSError, save: Path, by_bot: bool = False) -> str:
    """Why the save refused, what is on disk, and how to go on — in a facilitator's words.

    The notification's title says that the action was not taken.
    """
    reason = exc.strerror or str(exc)
    restored = exc.restored if isinstance(exc, SaveWriteError) else True
    then = "press p to go on" if by_bot else "do it again"
    advice = f"{disk_advice(exc.errno, save.parent)}, then {then}."
    on_disk = (
        "The save on disk is as it was before this action, and the board shows what it holds."
        if restored
        else f"The save's last line may be incomplete; tabletop resume {save} drops it."
    )
    return f"Could not write to {save} ({reason}). {on_disk} {advice}"
