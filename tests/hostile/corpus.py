"""The hostile-input corpus: files made to hang, flood or hijack whatever reads them.

Small files are written at test time (a FIFO and ``/dev/zero`` cannot live in
git; the others are a few lines each): escapes and markup in every name a
ruleset, a deck or a save can carry, numbers no board can draw, nesting deep
enough to exhaust the recursion limit, a file too large to read, and a save
whose damage quotes markup. Chain-recomputed forgeries are the verify tests'.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tabletop import Action, load_scenario
from tabletop.store.lines import line
from tests.store.savekit import first_legal, record_actions

#: what a hostile name holds: clear the screen, write the clipboard (OSC 52), a link (OSC 8),
#: NUL, a C1 CSI, a bidi override, and Textual markup that would be a working "quit" link
HOSTILE = (
    "\x1b[2J\x1b]52;c;aGVsbG8=\x07\x1b]8;;https://example.invalid\x1b\\link\x1b]8;;\x1b\\"
    "\x00\x9b31m\u202egnp\u202c[@click=app.quit]X[/] [bold]"
)
MARKUP = "[@click=app.quit]X[/]"
#: bytes that must never reach a terminal raw: C0 controls but tab and line feed, DEL, C1 controls
RAW_CONTROLS = {chr(c) for c in range(0x20) if chr(c) not in "\t\n"} | {"\x7f"} | {chr(c) for c in range(0x80, 0xA0)}
BIDI = {"\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"}


def raw_controls(text: str) -> set[str]:
    """The control and bidi characters in ``text`` that a terminal would act on."""
    return {ch for ch in text if ch in RAW_CONTROLS or ch in BIDI}


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string, every control character escaped as TOML requires."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def hostile_scenario(folder: Path) -> Path:
    """A valid ruleset and deck (``rulesets/``, ``decks/``) with HOSTILE in every name and text."""
    h = toml_string(HOSTILE)
    (folder / "rulesets").mkdir(parents=True, exist_ok=True)
    (folder / "decks").mkdir(parents=True, exist_ok=True)
    ruleset = folder / "rulesets" / "hostile.toml"
    ruleset.write_text(f"""
[ruleset]
id = "hostile"
name = {h}
description = {h}
turns = 2
deck = "hostile-events"

[[actors]]
id = "east"
name = {h}
description = {h}
resources = {{ capital = 3 }}
objectives = [ {{ track = "alpha", at_least = 1, text = {h} }} ]

[[actors]]
id = "west"
name = {toml_string("West " + HOSTILE)}
resources = {{ capital = 3 }}

[[meters]]
id = "trust"
name = {h}
max = 10
start = 2

[[tracks]]
id = "alpha"
name = {h}
description = {h}
members = ["east", "west"]
ladder = [{h}, {toml_string("Talks " + HOSTILE)}, {toml_string("Deal " + HOSTILE)}]
agreement_at = 2
breakdown_at = 3

[[moves]]
id = "propose"
name = {h}
description = {h}
effects = [ {{ progress = 1 }}, {{ log = {h} }} ]

[[moves]]
id = "press"
name = {toml_string("Press " + HOSTILE)}
resolution = "dice"
target = 7
modifiers = [ {{ meter = "trust", at_least = 1, add = 1 }} ]
effects = [ {{ progress = 1 }} ]
fail_effects = [ {{ tension = 1 }} ]
""", encoding="utf-8")
    (folder / "decks" / "hostile-events.toml").write_text(f"""
[deck]
id = "hostile-events"
name = {h}
description = {h}

[[cards]]
id = "incident"
title = {h}
text = {h}
control_note = {h}
track = "alpha"
effects = [ {{ tension = 1 }}, {{ log = {h} }} ]
choices = [
  {{ actor = "east", label = {h}, effects = [ {{ tension = -1 }} ] }},
  {{ actor = "east", label = {toml_string("Refuse " + HOSTILE)}, effects = [ {{ tension = 1 }} ] }},
]

[[cards]]
id = "summit"
title = {toml_string("Summit " + HOSTILE)}
text = {h}
copies = 2
""", encoding="utf-8")
    return ruleset


def hostile_save(folder: Path, seed: int = 5) -> Path:
    """A game of the hostile scenario, every name in it hostile, and so is what the facilitator typed:
    a note, an override's reason, the reason the game ended."""
    path = folder / "hostile.jsonl"
    record_actions(path, load_scenario(hostile_scenario(folder)), seed, [first_legal] * 3 + [
        lambda s: Action("note", text=HOSTILE, about=s.seq),
        lambda s: Action("override", track="alpha", tension=1, reason=HOSTILE),
        lambda s: Action("end", reason=HOSTILE)])
    return path


def damaged_with_markup(folder: Path) -> Path:
    """A save whose last event carries a hostile key, its chain recomputed: the damage quotes it."""
    path = hostile_save(folder)
    lines = path.read_bytes().splitlines(keepends=True)
    before = json.loads(lines[-2])
    record = json.loads(lines[-1])
    record.pop("chain")
    record["action"][HOSTILE] = 1
    forged, _ = line(record, before["chain"])
    path.write_bytes(b"".join(lines[:-1]) + forged)
    return path


def unknown_key_ruleset(folder: Path) -> Path:
    """A ruleset whose unknown keys (quoted TOML keys) and bad values are hostile text."""
    path = folder / "unknown-keys.toml"
    path.write_text(f"""
[ruleset]
id = "unknown"
name = "Unknown keys"
turns = 2
{toml_string(HOSTILE)} = 1
independence = {toml_string(HOSTILE)}

[[actors]]
id = "east"
name = "East"

[[tracks]]
id = "alpha"
name = "Alpha"
members = ["east", {toml_string(HOSTILE)}]
ladder = ["A", "B"]
agreement_at = 1
breakdown_at = 2

[[moves]]
id = "propose"
name = "Propose"
effects = [ {{ {toml_string(HOSTILE)} = 1 }} ]
""", encoding="utf-8")
    return path


def huge_numbers_ruleset(folder: Path) -> Path:
    """The numbers that once froze the board: a meter of a billion and beyond."""
    path = folder / "huge.toml"
    path.write_text("""
[ruleset]
id = "huge"
name = "Huge numbers"
turns = 2
deck = "huge-events"

[[actors]]
id = "east"
name = "East"
resources = { capital = 100000000000000000000 }

[[meters]]
id = "trust"
name = "Trust"
min = -1000000000000
max = 1000000000
start = 0

[[tracks]]
id = "alpha"
name = "Alpha"
members = ["east"]
ladder = ["A", "B", "C"]
agreement_at = 2
breakdown_at = 2

[[moves]]
id = "propose"
name = "Propose"
effects = [ { progress = 9223372036854775807 } ]
""", encoding="utf-8")
    return path


def deeply_nested(path: Path, depth: int = 5000) -> Path:
    path.write_text("[deck]\nid = \"deep\"\nname = \"Deep\"\nx = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    return path


def oversized(path: Path, size: int = 6 * 1024 * 1024) -> Path:
    """A file larger than any content file or save line may be (sparse: it costs no disk)."""
    with open(path, "wb") as handle:
        handle.write(b"[deck]\n")
        handle.truncate(size)
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path
