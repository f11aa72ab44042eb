"""Writing a report to a file (``tabletop report -o FILE``) without ever destroying one.

A report is written beside its target through a temp file and renamed into
place, so a full disk or a crash leaves the old file (or none) — never half a
report. It never writes onto a save (one it was made from or any other), the
join codes or lock note beside a save, nor onto a sweep's plan or rows, and it
overwrites any other existing file only when asked (``--force``).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from .render import ReportError
from ..lang import Domain
from ..store.files import codes_path
from ..store.lines import FORMAT as SAVE_FORMAT
from ..store.lock import info_path
from ..content.files import FileRefused, open_regular, save_header_like
from ..content.drafts import draft
from ..content.oswords import system_words

_, ngettext, N_ = Domain("report").words()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _resolved(path: Path) -> Path | None:
    """``path`` with its links followed, or None where they cannot be (a loop: Python 3.11 raises RuntimeError)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def check_target(out: Path, inputs: Sequence[Path], force: bool) -> None:
    """Raise :class:`ReportError` unless ``out`` may be written: not an input, not a special file, new or forced."""
    for save in inputs:
        # found from outside: -o into a symlink loop was a traceback (RuntimeError); os.stat below says the loop
        if _same_file(out, save) or (_resolved(out) or out) == _resolved(save):
            raise ReportError(out, _("is one of the saves being reported; a report never overwrites a save"))
    owned = _a_save_s_own(out)  # there or not: a report left at that name would be read as the save's own file
    if owned is not None:
        raise ReportError(out, owned)
    try:
        st = os.stat(out)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReportError(out, _("cannot be written: {problem}").format(problem=system_words(exc))) from None
    if not stat.S_ISREG(st.st_mode):
        raise ReportError(out, _("exists and is not a regular file (a folder, a device or a pipe); give a file name"))
    kept = _kept_data(out)
    if kept is not None:
        raise ReportError(out, kept)
    if not force:
        raise ReportError(out, _("already exists; give another name, or --force to replace it"))


#: the format key as a save's header line writes it (canonical JSON: no spaces)
_SAVE_MARK = f'"format":"{SAVE_FORMAT}"'.encode()
#: how much of an existing file is read to tell a save or a sweep's plan from a document (a save's header
#: line embeds the scenario, its translations included: the format key comes after them)
_LOOK = 16 * 1024 * 1024


def _kept_data(out: Path) -> str | None:
    """Why ``out`` is never replaced by a report, even with ``--force``: it is a save or a sweep's data."""
    try:
        with open(out, "rb") as handle:
            head = handle.readline(_LOOK)
            if head.startswith(b"PAR1"):  # a Parquet file's magic: a sweep's rows, never a report
                return _("is a Parquet file (a sweep's rows); a report never overwrites a sweep")
            if head.startswith(b"{\n"):  # sweep.json, written indented
                head += handle.read(_LOOK - len(head))
    except OSError:
        return None  # the write itself will say what is wrong
    try:
        data = json.loads(head)
    except (UnicodeDecodeError, ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):
        # a save whose header line does not read (damaged: verify says so, a person may mend it by hand) is still
        # a save (found from outside: --force wrote a report over it); a save writes its format key so
        return _("is a tabletop save; a report never overwrites a save") if _SAVE_MARK in head else None
    if data.get("format") == SAVE_FORMAT:
        return _("is a tabletop save; a report never overwrites a save")
    if "plan" in data and "tabletop" in data and out.name == "sweep.json":
        return _("is a sweep's plan; a report never overwrites a sweep")
    return None


def _a_save_s_own(out: Path) -> str | None:
    """Why ``out`` is a save's own file, never replaced by a report: the join codes kept beside it (``SAVE.codes``)
    or the note naming the tabletop that writes it (``.SAVE.lock``). Found from outside: ``-o SAVE.codes --force``
    put a report over a game's codes, and the next resume gave every seat a new code and listened elsewhere."""
    name = out.name
    if name.endswith(".codes") and codes_path(save := out.with_name(name.removesuffix(".codes"))) == out:
        what = _("is the join codes of the save {save}; a report never overwrites a save's files")
    elif name.startswith(".") and name.endswith(".lock") and len(name) > len("..lock") and \
            info_path(save := out.with_name(name[1:].removesuffix(".lock"))) == out:
        what = _("is the note naming the tabletop that writes the save {save}; a report never overwrites a save's "
                 "files")
    else:
        return None
    try:
        with open_regular(save) as handle:
            if not save_header_like(handle.readline(_LOOK)):
                return None
    except (FileRefused, OSError):
        return None  # no save beside it: a name like any other
    return what.format(save=save)


def chosen_format(given: str | None, output: str | None, known: tuple[str, ...]) -> str:
    """The report's format: ``--format`` when given, else the one ``-o FILE``'s suffix names (``.html``, ``.json``)
    among ``known``, else Markdown (no suffix, or ``.txt``). Found from outside: ``-o report.html`` without
    ``--format`` wrote Markdown; ``-o report.pdf`` wrote Markdown and said "Report written" (raises ReportError)."""
    if given is not None:
        return given
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    suffix = {"htm": "html", "markdown": "md", "txt": "md", "": "md"}.get(suffix, suffix)
    if suffix not in known:
        raise ReportError(output, _("a report is written as {names}: name the file so, or give --format").format(
            names=", ".join(f".{k}" for k in known)))
    return suffix


def write_report(out: Path, text: str, private: bool = False) -> None:
    """Write ``text`` to ``out`` whole, or leave ``out`` as it was (raises OSError).

    ``private``: readable by its owner only (0600), whatever the umask, as the save it comes from: the facilitator's
    report of a live game holds its unrevealed sealed moves, its seed, every secret objective and the control notes
    (found from outside: 0644, readable by every account on a shared machine). Otherwise (the participants' copy, a
    sweep's) a report is an ordinary document, made as the umask says."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with draft(out, 0o600 if private else 0o666, sync=True) as sink:  # (the umask applies to an ordinary one)
        sink.write(text.encode("utf-8"))
