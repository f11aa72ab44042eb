"""The bundled scenarios, validated ahead of time.

Validating a file needs pydantic and its models (about 100 ms before the
first board appears). The bundled rulesets and decks change only with a
release, so ``scenarios/validated.json`` holds each bundled ruleset with its
deck as validated data, keyed by the SHA-256 of both files' bytes and of the
data itself. A file whose bytes match is read from there; any other file,
including an edited bundled one, is validated as usual. Regenerate after
editing a bundled file::

    python -m tabletop.content.cache

(a test fails while the file is out of date).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from .fields import build
from .models import Deck, Ruleset

FORMAT = 1
CACHE = Path(__file__).resolve().parent.parent / "scenarios" / "validated.json"


def file_sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def data_sha(data: dict[str, Any]) -> str:
    """SHA-256 of embedded scenario data in a canonical form (key order and spacing do not count)."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def _entries() -> tuple[dict[str, Any], ...]:
    try:
        doc = json.loads(CACHE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()  # no cache (or a broken one): every file is validated
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("entries"), list):
        return ()
    return tuple(e for e in doc["entries"] if isinstance(e, dict))


def for_files(ruleset_bytes: bytes) -> dict[str, Any] | None:
    """The entry of a ruleset file with these bytes, if it is a bundled one."""
    sha = file_sha(ruleset_bytes)
    return next((e for e in _entries() if e.get("ruleset_sha") == sha), None)


def for_data(data: dict[str, Any]) -> dict[str, Any] | None:
    """The entry whose validated data is exactly ``data`` (e.g. a save's embedded scenario)."""
    sha = data_sha(data)
    return next((e for e in _entries() if e.get("data_sha") == sha), None)


def contents(entry: dict[str, Any]) -> tuple[Ruleset, Deck]:
    """The ruleset and deck of an entry, as content objects (checked when the cache was written)."""
    data = entry["data"]
    return build(Ruleset, data["ruleset"]), build(Deck, data["deck"])


def make_entries() -> list[dict[str, Any]]:
    """Validate every bundled ruleset with the deck it names, as the cache holds them."""
    from .loader import BUNDLED, bundled_rulesets, load_scenario

    entries = []
    for path in bundled_rulesets():
        scenario = load_scenario(path, use_cache=False)
        deck_path = Path(scenario.deck_source)
        data = scenario.embedded()
        entries.append(
            {
                "ruleset": path.relative_to(BUNDLED).as_posix(),
                "deck": deck_path.resolve().relative_to(BUNDLED).as_posix(),
                "deck_ref": scenario.ruleset.ruleset.deck,
                "ruleset_sha": file_sha(path.read_bytes()),
                "deck_sha": file_sha(deck_path.read_bytes()),
                "data_sha": data_sha(data),
                "data": data,
            }
        )
    return entries


def render(entries: list[dict[str, Any]]) -> str:
    return json.dumps({"format": FORMAT, "entries": entries}, indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    CACHE.write_text(render(make_entries()), encoding="utf-8")
    _entries.cache_clear()
    print(f"wrote {CACHE}")


if __name__ == "__main__":
    main()
