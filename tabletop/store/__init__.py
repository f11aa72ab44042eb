"""The save log: append with fsync, read, verify, resume, seek."""

from .recovery import Resumed, VerifyReport, resume, verify
from .savefile import Damage, Save, SaveError, SavedEvent, SaveWriter, default_save_path, open_save, typed_save_path

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
