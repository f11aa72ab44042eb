"""Writing a report to a file (``tabletop report -o FILE``) without ever destroying one.

A report is written beside its target through a temp file and renamed into
place, so a full disk or a crash leaves the old file (or none) — never half a
report. It never writes onto one of the saves it was made from, and it
overwrites an existing file only when asked (``--force``).
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .render import ReportError
from ..lang import Domain

_, ngettext, N_ = Domain("report").words()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_target(out: Path, inputs: Sequence[Path], force: bool) -> None:
    """Raise :class:`ReportError` unless ``out`` may be written: not an input, not a special file, new or forced."""
    for save in inputs:
        if _same_file(out, save) or out.resolve() == save.resolve():
            raise ReportError(out, _("is one of the saves being reported; a report never overwrites a save"))
    try:
        st = os.stat(out)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReportError(out, _("cannot be written: {problem}").format(problem=exc.strerror or exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise ReportError(out, _("exists and is not a regular file (a folder, a device or a pipe); give a file name"))
    if not force:
        raise ReportError(out, _("already exists; give another name, or --force to replace it"))


def write_report(out: Path, text: str) -> None:
    """Write ``text`` to ``out`` whole, or leave ``out`` as it was (raises OSError)."""
    folder = out.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            # mkstemp makes the file 0600; a report is an ordinary document
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(handle.fileno(), 0o666 & ~umask)
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
