"""The bundled overlays, checked ahead of time: a new game's header embeds them without parsing TOML.

Every game's save header embeds the translations of its scenario
(:func:`.overlays.header_translations`), an English game's too. Parsing and
checking the bundled overlay files costs a start some milliseconds each; so
``scenarios/translated.jsonl`` holds each bundled overlay's checked tables,
keyed by the SHA-256 of the overlay's bytes and of its base file's bytes. Any
other bytes (an edited file, a custom scenario) are checked as usual: the
file is never trusted for what it was not written from.

JSON lines: a first line with the format, then two lines per overlay, its
keys and its tables. Written by :func:`write` (``python -m
tabletop.content.overlaycache``); ``tests/content/test_overlays.py`` writes
it and fails once when it is out of date, for the new file to be committed.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from .finding import BUNDLED, is_overlay_name

FORMAT = 1
CACHE = BUNDLED / "translated.jsonl"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@cache
def _index() -> tuple[tuple[dict[str, Any], str], ...]:
    try:
        lines = CACHE.read_text(encoding="utf-8").splitlines()
        head = json.loads(lines[0]) if lines else None
        keys = [json.loads(line) for line in lines[1::2]]
    except (OSError, ValueError):
        return ()
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        return ()
    return tuple((k, line) for k, line in zip(keys, lines[2::2], strict=False) if isinstance(k, dict))


def lookup(overlay: bytes, base: bytes) -> dict[str, Any] | None:
    """The checked tables of a bundled overlay with exactly these bytes, over a base with exactly these bytes."""
    if not _index():
        return None
    wanted = (_sha(overlay), _sha(base))
    for keys, line in _index():
        if (keys.get("overlay_sha"), keys.get("base_sha")) == wanted:
            try:
                tables = json.loads(line)
            except ValueError:
                return None
            return tables if isinstance(tables, dict) else None
    return None


def bundled_overlays() -> list[Path]:
    """Every overlay file among the bundled rulesets and decks, sorted."""
    return sorted(p for folder in ("rulesets", "decks") for p in (BUNDLED / folder).glob("*.toml") if is_overlay_name(p))


def render() -> str:
    """The cache file as checking the bundled overlays gives it (an overlay with a problem is left out)."""
    from .overlayfiles import check_overlay_file

    lines = [json.dumps({"format": FORMAT, "written_by": "tabletop.content.overlaycache"})]
    for path in bundled_overlays():
        checked, problems = check_overlay_file(path)
        if checked is None or problems or checked.problems:
            continue
        from .overlayfiles import base_path

        keys = {"overlay": path.relative_to(BUNDLED).as_posix(), "overlay_sha": _sha(path.read_bytes()),
                "base_sha": _sha(base_path(path).read_bytes())}
        lines.append(json.dumps(keys))
        lines.append(json.dumps(checked.tables, ensure_ascii=False, separators=(",", ":")))
    return "\n".join(lines) + "\n"


def write() -> bool:
    """Write the cache from the bundled overlays if it differs; whether it did."""
    text = render()
    try:
        if CACHE.read_text(encoding="utf-8") == text:
            return False
    except OSError:
        pass
    temp = CACHE.with_name(f".{CACHE.name}.{os.getpid()}.tmp")
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, CACHE)
    finally:
        if temp.exists():
            temp.unlink()
    _index.cache_clear()
    return True


if __name__ == "__main__":
    print(f"{'wrote' if write() else 'already current:'} {CACHE}")  # untranslated: a developer's command
