"""The save log: append with fsync, read, verify, resume, seek.

Reading (:mod:`.reading`), verifying and resuming (:mod:`.recovery`) are
imported on first use: a new game only writes.
"""

from typing import Any

from .errors import SaveError, SaveWriteError
from .lock import SaveBusy
from .savefile import SaveWriter, default_save_path, typed_save_path

_LATER = {
    "Damage": "reading",
    "Save": "reading",
    "SavedEvent": "reading",
    "open_save": "reading",
    "Resumed": "recovery",
    "VerifyReport": "verifying",
    "resume": "recovery",
    "verify": "verifying",
}


def __getattr__(name: str) -> Any:
    if name in _LATER:
        from importlib import import_module

        return getattr(import_module(f".{_LATER[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Damage",
    "Resumed",
    "Save",
    "SaveBusy",
    "SaveError",
    "SaveWriteError",
    "SaveWriter",
    "SavedEvent",
    "VerifyReport",
    "default_save_path",
    "open_save",
    "resume",
    "typed_save_path",
    "verify",
]
