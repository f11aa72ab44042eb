"""The save log: append with fsync, read, verify, resume, seek.

Here is what a new game needs, which only writes. Reading a save back is
:mod:`.reading` (``open_save``, ``Save``), checking one :mod:`.verifying`
(``verify``), continuing one :mod:`.recovery` (``resume``): each is imported
from its module where it is used, so a new game never loads them.
"""

from .errors import SaveError, SaveWriteError
from .lock import SaveBusy
from .savefile import SaveWriter, default_save_path, typed_save_path

__all__ = [
    "SaveBusy",
    "SaveError",
    "SaveWriteError",
    "SaveWriter",
    "default_save_path",
    "typed_save_path",
]
