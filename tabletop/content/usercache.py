"""Scenarios that are not bundled, validated once per content: the user's cache.

Validating a file imports pydantic and its models (it nearly doubled the
TUI's cold start), and every simulate worker validated again. So a scenario
validated once is kept in the user's cache folder (``$XDG_CACHE_HOME/tabletop``,
else ``~/.cache/tabletop``; macOS ``~/Library/Caches/tabletop``, Windows
``%LOCALAPPDATA%\\tabletop\\Cache``), one file per entry in the format of the
bundled cache (:mod:`tabletop.content.cache`): a head line, the keys, the
validated data.

An entry is named by a hash of the validator (tabletop's version, the bytes
of the content package's code and pydantic's version: an upgrade or an edit
of the rules means validating again) with either the ruleset file's bytes and
the deck given, or the scenario data (a save's or a simulate worker's). What
is read back must be exactly what validating gave: the deck's bytes, the
hash of the data's line and the validator are checked against the entry, and anything
else (a missing, torn, foreign or odd file) only means validating again.
Writing is best effort and atomic (a temporary file renamed into place), so
a read-only or full disk changes nothing and concurrent writers never tear
an entry. The folder keeps the :data:`KEEP` entries written last.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

from . import cache as bundled
from .files import MAX_CONTENT_BYTES, FileRefused, read_regular

FOLDER = "scenarios"
#: an entry is a scenario's ruleset, deck and keys; far smaller than both files' limit together
MAX_ENTRY_BYTES = 4 * MAX_CONTENT_BYTES
#: entries kept (two per scenario); the oldest written go first, so a designer's edits do not pile up
KEEP = 100


def folder() -> Path | None:
    """Where validated scenarios are kept, or None when there is no home to keep them in."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # the XDG rule: a relative value is ignored
        base = Path(xdg)
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"  # untranslated: a path
    elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "tabletop" / "Cache" / FOLDER  # untranslated: a path
    else:
        try:
            base = Path.home() / ".cache"
        except RuntimeError:  # no home directory can be found
            return None
    return base / "tabletop" / FOLDER


@cache
def validator() -> str | None:
    """A hash of what decides validation; None if it cannot be known (then nothing is cached)."""
    from .._version import __version__

    # untranslated: a hash's input
    digest = hashlib.sha256(f"tabletop {__version__}\0format {bundled.FORMAT}\0".encode())
    try:
        here = Path(__file__).resolve().parent
        for name in sorted(n for n in os.listdir(here) if n.endswith(".py")):
            digest.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
        digest.update(_pydantic_version())
    except OSError:
        return None
    return digest.hexdigest()


def _pydantic_version() -> bytes:
    """The bytes of pydantic's version module, found without importing pydantic."""
    from importlib.util import find_spec

    spec = find_spec("pydantic")
    if spec is None or spec.origin is None:
        raise OSError("pydantic not found")  # untranslated: a developer's error, caught
    return (Path(spec.origin).parent / "version.py").read_bytes()


def _name(*parts: str) -> str | None:
    version = validator()
    if version is None:
        return None
    return hashlib.sha256("\0".join((version, *parts)).encode()).hexdigest() + ".jsonl"


def files_name(ruleset_sha: str, deck: str | Path | None) -> str | None:
    """The entry of a ruleset file's bytes played with ``deck`` (as given; None: the one it names)."""
    return _name("files", ruleset_sha, "" if deck is None else str(deck))


def data_name(data_sha: str) -> str | None:
    """The entry of a scenario's embedded data."""
    return _name("data", data_sha)


# --------------------------------------------------------------------------
# Reading


def for_files(ruleset_bytes: bytes, deck: str | Path | None) -> dict[str, Any] | None:
    """The entry validated for a ruleset file with these bytes (its deck is checked by the caller)."""
    sha = bundled.file_sha(ruleset_bytes)
    entry = _read(files_name(sha, deck))
    return entry if entry is not None and entry.get("ruleset_sha") == sha else None


def for_data(data: dict[str, Any]) -> dict[str, Any] | None:
    """The entry whose validated data is exactly ``data``."""
    sha = bundled.data_sha(data)
    entry = _read(data_name(sha))
    return entry if entry is not None and entry["data_sha"] == sha else None


def _read(name: str | None) -> dict[str, Any] | None:
    """An entry, if its file is a regular file holding a whole entry of this validator."""
    where = folder()
    if name is None or where is None:
        return None
    try:
        raw = read_regular(where / name, MAX_ENTRY_BYTES)  # a FIFO or /dev/zero must not hold up a start
        lines = raw.split(b"\n")
        head, keys = (json.loads(line.decode("utf-8")) for line in lines[:2])
        if not (isinstance(head, dict) and isinstance(keys, dict)):
            return None
        if head.get("format") != bundled.FORMAT or head.get("validator") != validator():
            return None
        if not all(isinstance(keys.get(k), str) for k in ("ruleset_sha", "deck_sha", "data_sha", "deck_ref",
                                                          "line_sha")):
            return None
        # the data is what was validated, bit for bit: its line is the one written beside its hash (the
        # line's bytes are hashed, not the data dumped again in canonical form: ~1 ms of a start)
        if len(lines) < 3 or hashlib.sha256(lines[2]).hexdigest() != keys["line_sha"]:
            return None
        data = json.loads(lines[2].decode("utf-8"))
        if not isinstance(data, dict) or not all(isinstance(data.get(part), dict) for part in ("ruleset", "deck")):
            return None
    except (FileRefused, ValueError, RecursionError):  # missing, unreadable, torn, not text, absurdly nested
        return None
    return {**keys, "data": data}


def overlay_tables(overlay: bytes, base: bytes) -> dict[str, Any] | None:
    """The same tables as data."""
    found = overlay_entry(bundled.file_sha(overlay), bundled.file_sha(base))
    try:
        tables = json.loads(found[0]) if found is not None else None
    except ValueError:
        return None
    return tables if isinstance(tables, dict) else None


def overlay_entry(overlay_sha: str, base_sha: str) -> tuple[bytes, Any] | None:
    """The checked tables of an overlay whose bytes have this hash over a base whose bytes have this, if an
    earlier check kept them: their line in canonical JSON (its hash checked) and each section's place in it
    (:func:`.overlaycache.sections_of`)."""
    name = _name("overlay", overlay_sha, base_sha)
    where = folder()
    if name is None or where is None:
        return None
    try:
        lines = read_regular(where / name, MAX_ENTRY_BYTES).split(b"\n")
        head, keys = (json.loads(line.decode("utf-8")) for line in lines[:2])
        if not (isinstance(head, dict) and isinstance(keys, dict) and len(lines) >= 3):
            return None
        if head.get("validator") != validator() or (keys.get("overlay_sha"), keys.get("base_sha")) != (overlay_sha, base_sha):
            return None
        if hashlib.sha256(lines[2]).hexdigest() != keys.get("line_sha"):
            return None
    except (FileRefused, ValueError, RecursionError):
        return None
    return lines[2], keys.get("sections")


# --------------------------------------------------------------------------
# Writing


def remember_overlay(overlay: bytes, base: bytes, line: bytes, places: dict[str, list[int]]) -> None:
    """Keep the tables of an overlay just checked without a problem (their canonical line and each section's
    place in it, :func:`.overlaycache.tables_line`); failing to is not an error."""
    overlay_sha, base_sha = bundled.file_sha(overlay), bundled.file_sha(base)
    name = _name("overlay", overlay_sha, base_sha)
    head = {"format": bundled.FORMAT, "validator": validator(), "written_by": "tabletop"}
    keys = {"overlay_sha": overlay_sha, "base_sha": base_sha, "line_sha": hashlib.sha256(line).hexdigest(),
            "sections": places}
    _write(name, "\n".join((json.dumps(head), json.dumps(keys), line.decode("utf-8"))) + "\n")


def remember(data: dict[str, Any], ruleset: Path, ruleset_sha: str, deck: Path, deck_sha: str,
             deck_arg: str | Path | None, deck_ref: str) -> None:
    """Keep a scenario just validated from these files' bytes; failing to is not an error."""
    keys = {
        "ruleset": str(ruleset),
        "deck": str(deck),
        "deck_ref": deck_ref,
        "ruleset_sha": ruleset_sha,
        "deck_sha": deck_sha,
        "data_sha": bundled.data_sha(data),
    }
    text = _render(keys, data)
    for name in (files_name(ruleset_sha, deck_arg), data_name(keys["data_sha"])):
        _write(name, text)


def remember_data(data: dict[str, Any]) -> None:
    """Keep embedded data just validated (when validating gave back exactly that data)."""
    sha = bundled.data_sha(data)
    keys = {"ruleset": "", "deck": "", "deck_ref": "", "ruleset_sha": "", "deck_sha": "", "data_sha": sha}
    _write(data_name(sha), _render(keys, data))


def _render(keys: dict[str, str], data: dict[str, Any]) -> str:
    head = {"format": bundled.FORMAT, "validator": validator(), "written_by": "tabletop"}
    line = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    keys = {**keys, "line_sha": hashlib.sha256(line.encode("utf-8")).hexdigest()}
    head_and_keys = (json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in (head, keys))
    return "\n".join((*head_and_keys, line)) + "\n"


def _write(name: str | None, text: str) -> None:
    """Write an entry atomically: a reader or another writer sees the old entry or the whole new one."""
    where = folder()
    if name is None or where is None:
        return
    import tempfile  # only a start that validated writes (imports a cached start skips)

    temp: str | None = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=where, prefix=".tmp-", suffix=".jsonl")
        with os.fdopen(fd, "wb") as handle:
            # no fsync: an entry cut short by a crash fails its checks and is validated again
            handle.write(text.encode("utf-8"))
        os.replace(temp, where / name)
        temp = None
        _prune(where)
    except OSError:
        pass  # read-only, full, or not ours: the next start validates again, nothing else changes
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def _prune(where: Path) -> None:
    """Remove all but the :data:`KEEP` entries written last (another writer's removals are no error)."""
    try:
        found = [(e.stat(follow_symlinks=False).st_mtime_ns, e.path) for e in os.scandir(where)
                 if e.name.endswith(".jsonl")]
    except OSError:
        return
    for _, path in sorted(found)[:-KEEP]:
        try:
            os.unlink(path)
        except OSError:
            pass
