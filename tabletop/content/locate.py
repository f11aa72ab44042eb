"""Find the line of a key path in TOML text.

tomllib keeps no positions, so once a file has parsed we scan its text again
with a small scanner that knows just enough TOML (headers, keys, strings,
arrays, inline tables, comments) to map ``('cards', 3, 'effects', 0)`` to the
line where that value starts. Best effort: when the exact key is absent (a
missing key) we answer with the line of the nearest enclosing table.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from .errors import KeyPath

_BARE = re.compile(r"[A-Za-z0-9_-]+")


class _Scanner:
    def __init__(self, text: str):
        self.text = text

    def skip_ws(self, pos: int, newlines: bool = True) -> int:
        text = self.text
        while pos < len(text):
            ch = text[pos]
            if ch in " \t\r" or (newlines and ch == "\n"):
                pos += 1
            elif ch == "#":
                end = text.find("\n", pos)
                pos = len(text) if end < 0 else end
            else:
                break
        return pos

    def skip_string(self, pos: int) -> int:
        text = self.text
        for quote in ('"""', "'''"):
            if text.startswith(quote, pos):
                end = pos + 3
                while True:
                    end = text.find(quote, end)
                    if end < 0:
                        return len(text)
                    if quote == '"""' and _escaped(text, end):
                        end += 1
                        continue
                    # a closing run may be longer than three quotes
                    while text.startswith(quote[0], end + 3):
                        end += 1
                    return end + 3
        quote = text[pos]
        end = pos + 1
        while end < len(text) and text[end] != "\n":
            if text[end] == "\\" and quote == '"':
                end += 2
                continue
            if text[end] == quote:
                return end + 1
            end += 1
        return end

    def read_key(self, pos: int) -> tuple[list[str], int]:
        parts: list[str] = []
        text = self.text
        while pos < len(text):
            pos = self.skip_ws(pos, newlines=False)
            if pos < len(text) and text[pos] in "\"'":
                end = self.skip_string(pos)
                parts.append(text[pos + 1 : end - 1])
                pos = end
            else:
                m = _BARE.match(text, pos)
                if not m:
                    break
                parts.append(m.group())
                pos = m.end()
            pos = self.skip_ws(pos, newlines=False)
            if pos < len(text) and text[pos] == ".":
                pos += 1
                continue
            break
        return parts, pos

    def skip_value(self, pos: int) -> int:
        text = self.text
        if pos >= len(text):
            return pos
        ch = text[pos]
        if ch in "\"'":
            return self.skip_string(pos)
        if ch == "[":
            # walk the elements; the last step's position is the end of the array
            end = pos
            for _, end in self._elements(pos):
                continue
            return end
        if ch == "{":
            end = pos
            for _, _, end in self._pairs(pos):
                continue
            return end
        while pos < len(text) and text[pos] not in ",]}\n#":
            pos += 1
        return pos

    def _elements(self, pos: int):  # yields (element start, position after it)
        text = self.text
        pos += 1
        while True:
            pos = self.skip_ws(pos)
            if pos >= len(text) or text[pos] == "]":
                yield (-1, min(pos + 1, len(text)))
                return
            start = pos
            pos = self.skip_value(pos)
            pos = self.skip_ws(pos)
            if pos < len(text) and text[pos] == ",":
                pos += 1
            yield (start, pos)

    def _pairs(self, pos: int):  # yields (key parts, value start, position after)
        text = self.text
        pos += 1
        while True:
            pos = self.skip_ws(pos)
            if pos >= len(text) or text[pos] == "}":
                yield ([], -1, min(pos + 1, len(text)))
                return
            key, pos = self.read_key(pos)
            if not key or pos >= len(text) or text[pos] != "=":
                yield ([], -1, len(text))
                return
            start = self.skip_ws(pos + 1)
            pos = self.skip_ws(self.skip_value(start))
            if pos < len(text) and text[pos] == ",":
                pos += 1
            yield (key, start, pos)

    def find_in_value(self, pos: int, rest: KeyPath) -> int:
        """Offset of ``rest`` inside the value starting at ``pos`` (or ``pos``)."""
        if not rest or pos >= len(self.text):
            return pos
        head, tail = rest[0], rest[1:]
        ch = self.text[pos]
        if isinstance(head, int) and ch == "[":
            for index, (start, _) in enumerate(self._elements(pos)):
                if start < 0:
                    break
                if index == head:
                    return self.find_in_value(start, tail)
        elif isinstance(head, str) and ch == "{":
            for key, start, _ in self._pairs(pos):
                if start < 0:
                    break
                if tuple(key) == tuple(rest[: len(key)]):
                    return self.find_in_value(start, rest[len(key) :])
        return pos


def _escaped(text: str, pos: int) -> bool:
    slashes = 0
    while pos - 1 - slashes >= 0 and text[pos - 1 - slashes] == "\\":
        slashes += 1
    return slashes % 2 == 1


class Locator:
    """Maps key paths of a parsed TOML document to 1-based line numbers.

    The text is scanned when a line is first asked for, not when the file is read: most files read have
    no problem to place, and the scan cost as much as parsing the file (``tests/content/test_locate_growth.py``).
    """

    def __init__(self, text: str):
        self.text = text
        self.scanner = _Scanner(text)

    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    @cached_property
    def tables(self) -> list[tuple[KeyPath, int, list[tuple[list[str], int]]]]:
        """(concrete table path, header offset, [(key parts, value offset)]), in the order written."""
        return self._index()

    @cached_property
    def _lookup(self) -> tuple[dict[KeyPath, tuple[KeyPath, int, list[tuple[list[str], int]]]], dict[KeyPath, int]]:
        """Each table by its path, and the first header under a path written only as headers of longer tables.

        Looked up once per problem: a deck of thousands of cards each with a problem asked each of its
        tables for each problem (40,000 problems: minutes); now a lookup per prefix of the problem's path."""
        by_path: dict[KeyPath, tuple[KeyPath, int, list[tuple[list[str], int]]]] = {}
        first_under: dict[KeyPath, int] = {}
        for table in self.tables:
            tpath = table[0]
            by_path[tpath] = table  # the later of two equal headers, as the scan took it
            for k in range(len(tpath)):
                first_under.setdefault(tpath[:k], table[1])
        return by_path, first_under

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def _index(self) -> list[tuple[KeyPath, int, list[tuple[list[str], int]]]]:
        text, sc = self.text, self.scanner
        tables: list[tuple[KeyPath, int, list[tuple[list[str], int]]]] = [((), 0, [])]
        counts: dict[KeyPath, int] = {}
        pos = 0
        while True:
            pos = sc.skip_ws(pos)
            if pos >= len(text):
                return tables
            if text[pos] == "[":
                array = text.startswith("[[", pos)
                names, end = sc.read_key(pos + (2 if array else 1))
                path: list[str | int] = []
                for i, name in enumerate(names):
                    path.append(name)
                    if i == len(names) - 1 and array:
                        key = tuple(path)
                        counts[key] = counts.get(key, -1) + 1
                        path.append(counts[key])
                    elif tuple(path) in counts:
                        path.append(counts[tuple(path)])
                tables.append((tuple(path), pos, []))
                newline = text.find("\n", end)
                pos = len(text) if newline < 0 else newline
                continue
            key, after = sc.read_key(pos)
            if not key or after >= len(text) or text[after] != "=":
                # not something we understand: skip the line
                newline = text.find("\n", pos)
                pos = len(text) if newline < 0 else newline
                continue
            start = sc.skip_ws(after + 1, newlines=False)
            tables[-1][2].append((key, start))
            pos = sc.skip_value(start)

    def line(self, path: KeyPath) -> int | None:
        """The line where ``path`` is written, or of its nearest enclosing table."""
        whole = tuple(path)
        by_path, first_under = self._lookup
        best = next((by_path[whole[:k]] for k in range(len(whole), -1, -1) if whole[:k] in by_path),
                    None)  # the table of the longest prefix of ``path``
        if best is None:
            return None
        tpath, header, pairs = best
        rest = whole[len(tpath) :]
        if rest:
            # a sweep point's key is one word with dots ("tracks.fish.breakdown_at"), written quoted or as TOML's
            # dotted key, whose parts are the words between the dots
            spelt = tuple(p for part in rest for p in (part.split(".") if isinstance(part, str) else (part,)))
            for key, start in pairs:
                for words in (rest, spelt):
                    if tuple(key) == words[: len(key)]:
                        return self.line_of(self.scanner.find_in_value(start, words[len(key) :]))
            # a key written only as table headers, e.g. [[card]] for path ('card',)
            under = first_under.get(whole)
            if under is not None:
                return self.line_of(under)
        if tpath == () and rest:
            # a key of the root table that is not written: no better line than the top
            return 1
        return self.line_of(header)
