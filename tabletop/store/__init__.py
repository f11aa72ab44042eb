"""The save log: append with fsync, read, verify, resume, seek.

Verifying and resuming (:mod:`.recovery`) are imported on first use: a new
game only writes.
"""

from typing import Any

from .savefile import (
    Damage,
    Save,
    SavedEvent,
    SaveError,
    SaveWriter,
    default_save_path,
    open_save,
    typed_save_path,
)

_RECOVERY = ("Resumed", "VerifyReport", "resume", "verify")


def __getattr__(name: str) -> Any:
    if name in _RECOVERY:
        from . import recovery

        return getattr(recovery, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Damage",
    "Resumed",
    "Save",
    "SaveError",
    "SaveWriter",
    "SavedEvent",
    "VerifyReport",
    "default_save_path",
    "open_save",
    "resume",
    "typed_save_path",
    "verify",
]
