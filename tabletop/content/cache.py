"""The bundled scenarios, validated ahead of time.

Validating a file needs pydantic and its models (the most expensive part
of a start, benchmarks/README.md). The bundled rulesets and decks change only with a
release, so ``scenarios/validated.jsonl`` holds each bundled ruleset with its
deck as validated data, keyed by the SHA-256 of both files' bytes and of the
data itself. A file whose bytes match is read from there; any other file,
including an edited bundled one, is validated as usual, and then kept in the
user's cache (:mod:`tabletop.content.usercache`, in this same format).

The file is JSON lines: a first line with the format, then two lines per
scenario, what it is (the keys) and then its data, so that a start parses
only the keys and the one scenario it plays, not every scenario's data.
The file is written by :mod:`tabletop.content.refresh`, by itself: see
there for when.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from .fields import build
from .models import Deck, Ruleset

FORMAT = 2
CACHE = Path(__file__).resolve().parent.parent / "scenarios" / "validated.jsonl"


def file_sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def data_sha(data: dict[str, Any]) -> str:
    """SHA-256 of embedded scenario data in a canonical form (key order and spacing do not count)."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def _index() -> tuple[tuple[dict[str, Any], str], ...]:
    """Each scenario's keys, with the line of its data (parsed only when it is played)."""
    try:
        lines = CACHE.read_text(encoding="utf-8").splitlines()
        head = json.loads(lines[0]) if lines else None
        keys = [json.loads(line) for line in lines[1::2]]
    except (OSError, ValueError):
        return ()  # no cache (or a broken one): every file is validated
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        return ()
    return tuple((k, line) for k, line in zip(keys, lines[2::2], strict=False) if isinstance(k, dict))


@cache
def _entry(position: int) -> dict[str, Any] | None:
    keys, line = _index()[position]
    try:
        data = json.loads(line)
    except ValueError:
        return None
    return {**keys, "data": data} if isinstance(data, dict) else None


def _find(key: str, sha: str) -> dict[str, Any] | None:
    return next((_entry(i) for i, (keys, _) in enumerate(_index()) if keys.get(key) == sha), None)


def for_files(ruleset_bytes: bytes) -> dict[str, Any] | None:
    """The entry of a ruleset file with these bytes, if it is a bundled one."""
    return _find("ruleset_sha", file_sha(ruleset_bytes))


def for_data(data: dict[str, Any]) -> dict[str, Any] | None:
    """The entry whose validated data is exactly ``data`` (e.g. a save's embedded scenario)."""
    return _find("data_sha", data_sha(data))


def contents(entry: dict[str, Any]) -> tuple[Ruleset, Deck]:
    """The ruleset and deck of an entry, as content objects (checked when the cache was written)."""
    data = entry["data"]
    return build(Ruleset, data["ruleset"]), build(Deck, data["deck"])


def keys() -> list[dict[str, Any]]:
    """What each cached scenario is (its files and their hashes), without its data."""
    return [k for k, _ in _index()]


def clear() -> None:
    """Forget what was read (after the file was written or replaced)."""
    _index.cache_clear()
    _entry.cache_clear()
