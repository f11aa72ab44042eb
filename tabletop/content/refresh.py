"""Keeping the bundled scenarios' validated cache current, with no step by hand.

``scenarios/validated.jsonl`` (:mod:`tabletop.content.cache`) must hold every
bundled ruleset with its deck, as validating them gives. It is written again:

- **when a bundled file changed.** A bundled ruleset (played with the deck it
  names) whose bytes or whose deck's bytes are not in the cache is validated
  like any file and kept in the user's cache; then, because only an edited
  bundled file misses there, the cache's hashes are compared with the bundled
  files and, if they differ, every bundled scenario is validated and the whole
  file written again. Writing is atomic (a temporary file renamed into place)
  and best effort: an installed package's folder is usually read-only (and its
  files never change), so there nothing is written and the user's cache serves;
  a bundled file with a mistake leaves the file as it is (validating it says
  what is wrong). A start that hits the cache checks nothing (checking would cost
  what the cache saves).
- **when validating itself changed** (the content code or pydantic give other
  data for the same bytes): no start can see that cheaply, so the suite's
  ``test_the_cache_file_is_up_to_date_with_the_bundled_files`` writes the file
  and fails once, saying so, for the new file to be committed with the change.

``python -m tabletop.content.refresh`` writes it at once; nothing needs it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import cache
from .drafts import write_whole
from .errors import ContentError
from .finding import BUNDLED, bundled_rulesets
from .parsing import validate_files


def make_entries() -> list[dict[str, Any]]:
    """Validate every bundled ruleset with the deck it names, as the cache holds them."""
    entries = []
    for path in bundled_rulesets():
        scenario = validate_files(path, None).scenario
        deck_path = Path(scenario.deck_source)
        data = scenario.embedded()
        entries.append(
            {
                "ruleset": path.relative_to(BUNDLED).as_posix(),
                "deck": deck_path.resolve().relative_to(BUNDLED).as_posix(),
                "deck_ref": scenario.ruleset.ruleset.deck,
                "ruleset_sha": cache.file_sha(path.read_bytes()),
                "deck_sha": cache.file_sha(deck_path.read_bytes()),
                "data_sha": cache.data_sha(data),
                "data": data,
            }
        )
    return entries


def render(entries: list[dict[str, Any]]) -> str:
    lines = [json.dumps({"format": cache.FORMAT, "written_by": "tabletop.content.refresh"})]
    for entry in entries:
        lines.append(json.dumps({k: v for k, v in entry.items() if k != "data"}, ensure_ascii=False))
        lines.append(json.dumps(entry["data"], ensure_ascii=False, separators=(",", ":")))
    return "\n".join(lines) + "\n"


def current() -> bool:
    """Whether the cache holds exactly the bundled rulesets, each with its deck's bytes as they are."""
    keys = cache.keys()
    if sorted(str(k.get("ruleset")) for k in keys) != sorted(p.relative_to(BUNDLED).as_posix() for p in bundled_rulesets()):
        return False
    try:
        return all(
            cache.file_sha((BUNDLED / k["ruleset"]).read_bytes()) == k["ruleset_sha"]
            and cache.file_sha((BUNDLED / k["deck"]).read_bytes()) == k["deck_sha"]
            for k in keys
        )
    except (OSError, KeyError, TypeError):
        return False


def after_validating(ruleset: Path) -> None:
    """A ruleset was just validated for want of a cache entry: if it is a bundled one, bring the cache up to date."""
    if ruleset.resolve().parent != BUNDLED / "rulesets" or current():
        return
    try:
        write()
    except (ContentError, OSError):
        pass  # a bundled file with a mistake, or a read-only package: the user's cache serves meanwhile


def write() -> bool:
    """Write the cache from the bundled files if it differs; whether it did. Raises ContentError or OSError."""
    text = render(make_entries())
    target = cache.CACHE
    try:
        if target.read_text(encoding="utf-8") == text:
            return False
    except (OSError, ValueError):
        pass
    # a reader sees the old file or the whole new one; the draft's name is new, never one planted beside the cache
    write_whole(target, text.encode("utf-8"))
    cache.clear()
    return True


def main() -> None:
    print(f"{'wrote' if write() else 'already current:'} {cache.CACHE}")


if __name__ == "__main__":
    main()
