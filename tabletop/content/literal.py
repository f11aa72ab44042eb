"""The one sanitiser for text that came from a file: every screen, report and line on a terminal uses it.

Anyone can write a scenario or edit a save. Nothing they write may reach a
terminal as a control sequence (``ESC[2J`` clears the screen, OSC 52 writes
the clipboard, OSC 8 makes a link), nor reorder what a room reads (bidi
overrides). :func:`literal` shows each such character as a harmless visible
symbol instead; markup is a separate matter (widgets take ``Text``, never
markup, and the report formats escape their own syntax).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# C0 controls but tab and line feed, DEL, C1 controls (CSI, OSC and ST as single characters), and lone surrogates: a
# file name's bytes that are not UTF-8, as Python reads them (found by a review: a report of a folder holding one
# stopped on "surrogates not allowed" as it wrote the name)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\ud800-\udfff]")
#: Unicode's bidirectional controls (the Bidi_Control property): the Arabic letter mark, the
#: left-to-right and right-to-left marks, embeddings, overrides and isolates. Any of them could
#: reorder what a reader sees around it; a character class, for every sanitiser and escaper to share.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: characters that draw nothing and join, split or hide what is around them: the soft hyphen, zero-width space,
#: non-joiner and joiner, word joiner and the invisible operators, the byte order mark, the Mongolian vowel
#: separator and the tag characters. "Rus\u200bsia" read as Russia beside Russia (found from outside)
INVISIBLE = "\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff\U000e0000-\U000e007f"
_BIDI = re.compile(f"[{BIDI_CONTROLS}{INVISIBLE}]")
# In one-line text, a line break or tab is shown too: a name must not start a line of its own.
_LINE_BREAK = re.compile(r"[\t\n]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": \u241b for ESC
    if code == 0x7F:
        return "\u2421"  # DEL
    return "\ufffd"  # C1 controls


def literal(value: Any, *, lines: bool = True) -> str:
    """``value`` as text that is safe to show anywhere, every character visible.

    ``None`` is the empty string. With ``lines`` (the default) tabs and line
    breaks are kept (``\\r\\n`` and a lone ``\\r`` become ``\\n``); without,
    they are shown as symbols too, for text that must stay on one line (a
    name in a table, a problem on a terminal). Every other control character
    becomes a visible symbol (``\\x1b`` is shown as ``\u241b``), and a bidi
    override or an invisible character (:data:`INVISIBLE`) its code point (``<U+202E>``,
    ``<U+200B>``). Applying it twice changes nothing more.
    """
    text = "" if value is None else str(value)
    if lines:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    else:
        text = _LINE_BREAK.sub(_visible, text)
    text = _CONTROL.sub(_visible, text)
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def one_line(value: Any) -> str:
    """:func:`literal`, with runs of white space (line breaks too) folded to one space."""
    return " ".join(literal(value).split())


def from_here(path: Any) -> Any:
    """A save's path from the current folder when it is below it, for a command to type (found from outside: after
    a resume the quit printed the save's whole absolute path, where the first quit had printed ``saves/…``, and at
    80 columns the command broke over two lines); elsewhere, or None, as it is."""
    if path is None or not Path(path).is_absolute():
        return path
    try:
        return Path(path).relative_to(Path.cwd())
    except (ValueError, OSError):  # not below the current folder, or the current folder is gone
        return path


def shell_path(path: Any) -> str:
    """A path as a shell takes it back (quoted when it must be), shown literally; SAVE when there is none."""
    if path is None:
        return "SAVE"
    import shlex  # only where a command to type is shown

    text = str(path)
    if text.startswith("-"):  # found from outside: "tabletop resume -new x.jsonl" was read as an option
        text = "./" + text
    return literal(shlex.quote(text), lines=False)


__all__ = ["BIDI_CONTROLS", "INVISIBLE", "from_here", "literal", "one_line", "shell_path"]
