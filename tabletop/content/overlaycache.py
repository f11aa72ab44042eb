"""The bundled overlays, checked ahead of time: a new game's header embeds them without parsing TOML.

Every game's save header embeds the translations of its scenario
(:func:`.overlays.header_translations`), an English game's too. Parsing and
checking the bundled overlay files costs a start some milliseconds each; so
``scenarios/translated.jsonl`` holds each bundled overlay's checked tables,
keyed by the SHA-256 of the overlay's bytes and of its base file's bytes. Any
other bytes (an edited file, a custom scenario) are checked as usual (and then
kept in the user's cache, :mod:`.usercache`): the file is never trusted for
what it was not written from.

JSON lines: a first line with the format, then two lines per overlay, its
keys and its tables. The tables are written in canonical JSON (sorted keys, no
spaces, UTF-8: the form of a save's lines), and the keys give where each
section's value lies in the line (byte offsets), so a new game's header takes
those bytes as they are (:func:`header_json`), neither parsing nor writing
them again: ~5 ms of every start. Written by :func:`write` (``python -m
tabletop.content.overlaycache``); ``tests/content/test_overlays.py`` writes
it and fails once when it is out of date, for the new file to be committed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..lang import LANGUAGES, SOURCE
from .drafts import write_whole
from .files import MAX_CONTENT_BYTES, FileRefused, read_regular
from .finding import BUNDLED, is_overlay_name

if TYPE_CHECKING:
    from .scenario import Scenario

#: 2: the tables in canonical JSON, each section's place in the line given
FORMAT = 2
CACHE = BUNDLED / "translated.jsonl"
#: section -> the canonical JSON bytes of its value
Sections = dict[str, bytes]

#: canonical JSON, as a save's lines and the scenario cache's hashes write it
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical(data: Any) -> bytes:
    return _ENCODER.encode(data).encode("utf-8")


def tables_line(tables: Mapping[str, Any]) -> tuple[bytes, dict[str, list[int]]]:
    """``tables`` in canonical JSON, and where each section's value lies in it: ``[start, end]``."""
    line = canonical(tables)
    places: dict[str, list[int]] = {}
    at = 1  # after "{"
    for section in sorted(tables):
        at += len(canonical(section)) + 1  # the key and ":"
        end = at + len(canonical(tables[section]))
        places[section] = [at, end]
        at = end + 1  # the "," or the closing "}"
    return line, places


def sections_of(line: bytes, places: Any) -> Sections | None:
    """Each section's bytes in a tables line, where ``places`` says; None for places that do not fit the line."""
    if not isinstance(places, dict) or not line.startswith(b"{") or not line.endswith(b"}"):
        return None
    out: Sections = {}
    for section, where in places.items():
        if not (isinstance(section, str) and isinstance(where, list) and len(where) == 2
                and all(isinstance(n, int) for n in where)):
            return None
        start, end = where
        key = canonical(section) + b":"
        if line[start - len(key):start] != key or line[end:end + 1] not in (b",", b"}") or start >= end:
            return None
        out[section] = line[start:end]
    return out


@cache
def _index() -> tuple[tuple[dict[str, Any], bytes], ...]:
    try:
        lines = CACHE.read_bytes().split(b"\n")
        head = json.loads(lines[0]) if lines else None
        keys = [json.loads(line) for line in lines[1::2] if line]
    except (OSError, ValueError):
        return ()
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        return ()
    return tuple((k, line) for k, line in zip(keys, lines[2::2], strict=False) if isinstance(k, dict))


def _found(overlay: bytes, base: bytes) -> tuple[dict[str, Any], bytes] | None:
    """The keys and tables line of a bundled overlay with exactly these bytes, over a base with exactly these."""
    return _found_sha(_sha(overlay), _sha(base))


def _found_sha(overlay_sha: str, base_sha: str) -> tuple[dict[str, Any], bytes] | None:
    wanted = (overlay_sha, base_sha)
    return next(((keys, line) for keys, line in _index()
                 if (keys.get("overlay_sha"), keys.get("base_sha")) == wanted), None)


def lookup(overlay: bytes, base: bytes) -> dict[str, Any] | None:
    """The checked tables of a bundled overlay with exactly these bytes, over a base with exactly these bytes."""
    found = _found(overlay, base)
    if found is None:
        return None
    try:
        tables = json.loads(found[1])
    except ValueError:
        return None
    return tables if isinstance(tables, dict) else None


# --------------------------------------------------------------------------
# A new game's header


def header_json(scenario: Scenario) -> bytes | None:
    """:func:`.overlays.header_translations` of a scenario read from files, as canonical JSON bytes.

    Taken from the caches' bytes (the bundled one, else the user's) without
    parsing them: ``b""`` when no overlay is beside the scenario's files;
    None when an overlay is in no cache (or cannot be read): then the tables
    are read and checked (:func:`.overlays.header_translations`), which says
    what is wrong with a broken one. Kept on the scenario: many games of one
    scenario (a simulation) read the files once.
    """
    if scenario.translations is not None:
        return None  # a scenario from a save: its embedded translations are checked, not files
    known = scenario.__dict__.get("_header_json")
    if known is not None:
        return known
    languages: list[bytes] = []
    shas = scenario.source_shas or (None, None)
    for lang in LANGUAGES:
        if lang == SOURCE:
            continue
        sections: Sections = {}
        for base, sha in zip((scenario.ruleset_source, scenario.deck_source), shas, strict=True):
            got = _beside(base, lang, sha) if base else {}
            if got is None:
                return None
            sections.update(got)
        if sections:
            joined = b",".join(canonical(s) + b":" + sections[s] for s in sorted(sections))
            languages.append(canonical(lang) + b":{" + joined + b"}")
    out = b"{" + b",".join(languages) + b"}" if languages else b""
    scenario.__dict__["_header_json"] = out
    return out


def _beside(base: str, lang: str, base_sha: str | None) -> Sections | None:
    """The sections of the ``lang`` overlay beside ``base`` (``{}``: none there), from a cache; None: in none.

    ``base_sha``: the hash of the base's bytes the scenario was loaded from (None: read the file now)."""
    path = Path(base)
    if not path.name.endswith(".toml") or not path.parent.is_dir():
        return {}
    overlay = path.with_name(f"{path.stem}.{lang}.toml")
    if not (overlay.exists() or overlay.is_symlink()):
        return {}
    try:
        overlay_sha = _sha(read_regular(overlay, MAX_CONTENT_BYTES))
        base_sha = base_sha or _sha(read_regular(path, MAX_CONTENT_BYTES))
    except FileRefused:
        return None
    found = _found_sha(overlay_sha, base_sha)
    if found is not None:
        return sections_of(found[1], found[0].get("sections"))
    from . import usercache

    entry = usercache.overlay_entry(overlay_sha, base_sha)
    return sections_of(*entry) if entry is not None else None


# --------------------------------------------------------------------------
# Writing


def bundled_overlays() -> list[Path]:
    """Every overlay file among the bundled rulesets and decks, sorted."""
    return sorted(p for folder in ("rulesets", "decks") for p in (BUNDLED / folder).glob("*.toml") if is_overlay_name(p))


def render() -> str:
    """The cache file as checking the bundled overlays gives it (an overlay with a problem is left out)."""
    from .overlayfiles import base_path, check_overlay_file

    lines = [json.dumps({"format": FORMAT, "written_by": "tabletop.content.overlaycache"})]
    for path in bundled_overlays():
        checked, problems = check_overlay_file(path)
        if checked is None or problems or checked.problems:
            continue
        line, places = tables_line(checked.tables)
        keys = {"overlay": path.relative_to(BUNDLED).as_posix(), "overlay_sha": _sha(path.read_bytes()),
                "base_sha": _sha(base_path(path).read_bytes()), "sections": places}
        lines.append(json.dumps(keys))
        lines.append(line.decode("utf-8"))
    return "\n".join(lines) + "\n"


def write() -> bool:
    """Write the cache from the bundled overlays if it differs; whether it did."""
    text = render()
    try:
        if CACHE.read_text(encoding="utf-8") == text:
            return False
    except OSError:
        pass
    write_whole(CACHE, text.encode("utf-8"))  # through a new draft: never a name planted beside the cache
    _index.cache_clear()
    return True


if __name__ == "__main__":
    print(f"{'wrote' if write() else 'already current:'} {CACHE}")  # untranslated: a developer's command
