"""A paste reaches a field whole and in order, escape bytes and all (:class:`PasteGuard`, :class:`WholePastes`).

Found from outside (helper-222, tmux ``paste-buffer -p``): pasting ``abc \\x1b[31mRED\\x1b[0m def ghi`` into a reason
showed and saved ``^[31mRED^[0m def ghiabc``. Textual 8's xterm parser (``textual/_xterm_parser.py``, its bracketed
paste) takes an ESC inside a paste for the start of a key's sequence: what follows it leaves the paste as key
presses, typed at once (the ESC as ``^``), and the paste, cut at the ESC, comes after them. By the time our fields see
them they are keys like any typed, so they are told apart before the parser: the terminal's driver hands the text
between the bracketed paste's marks on as one :class:`~textual.events.Paste`, as typed, and the field shows it through
the one sanitiser (:func:`~.text.literal`: an ESC as its visible symbol). The rest of the input goes to Textual's
parser as before.

Only the terminal's own driver on Linux and macOS (``LinuxDriver``) reads raw input here; the headless driver of
the tests and the browser's (``tabletop serve``) are used as Textual makes them.
"""

from __future__ import annotations

import errno
import os
import selectors
import signal
from codecs import getincrementaldecoder
from collections.abc import Iterator
from typing import Any

from textual import events

#: the marks a terminal puts round pasted text in bracketed paste mode
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


class PasteGuard:
    """Splits the terminal's input into the text between bracketed paste marks, each a :class:`~textual.events.Paste`
    of it as typed, and the rest, for the parser. A mark split between two reads is waited for: outside a paste only
    until the next read or :meth:`flush` (a lone Escape key reaches the parser when no more input came with it, and
    the parser waits its own while more for it anyway)."""

    def __init__(self) -> None:
        self._pasting = False
        self._pasted: list[str] = []
        self._held = ""  # the beginning of an end mark, at the end of a read within a paste

    def feed(self, data: str) -> Iterator[str | events.Paste]:
        """What ``data`` holds, in order: text for the parser, and each paste that ends in it."""
        data, self._held = self._held + data, ""
        while data:
            if not self._pasting:
                start = data.find(PASTE_START)
                if start < 0:
                    keep = _mark_begun(data, PASTE_START)
                    if len(data) > keep:
                        yield data[: len(data) - keep]
                    self._held = data[len(data) - keep:]
                    return
                if start:
                    yield data[:start]
                data = data[start + len(PASTE_START):]
                self._pasting = True
                continue
            end = data.find(PASTE_END)
            if end < 0:
                keep = _mark_begun(data, PASTE_END)
                self._pasted.append(data[: len(data) - keep])
                self._held = data[len(data) - keep:]
                return
            self._pasted.append(data[:end])
            data = data[end + len(PASTE_END):]
            self._pasting = False
            pasted, self._pasted = "".join(self._pasted), []
            yield events.Paste(pasted.replace("\x00", ""))  # as Textual's parser: a NUL is dropped (textual#1661)


    def flush(self) -> str:
        """Outside a paste, what was held as the beginning of a start mark: nothing more came (alt+[ pressed), it is
        the parser's. Within a paste, nothing: its end mark will come."""
        if self._pasting:
            return ""
        held, self._held = self._held, ""
        return held


def _mark_begun(data: str, mark: str) -> int:
    """How many characters at the end of ``data`` are the beginning of ``mark`` (0: none)."""
    for size in range(min(len(mark) - 1, len(data)), 0, -1):
        if data.endswith(mark[:size]):
            return size
    return 0


class TerminalGone(Exception):
    """The terminal's input has ended: its window closed (a read of nothing, or EIO), and no key can come again."""


def _typed(fileno: int) -> bytes:
    """What the terminal sent: some bytes, or :class:`TerminalGone`. Textual's thread took a read of nothing for a pause
    and read again at once, for ever: a screen whose terminal had closed spun a core, trying to reach a stopped host,
    and only ``kill -9`` ended it (found from outside; a controlling terminal sends SIGHUP too, but not every screen's
    terminal is its controlling one)."""
    try:
        data = os.read(fileno, 1024 * 4)
    except OSError as exc:
        if exc.errno == errno.EIO:  # a closed pseudo-terminal's
            raise TerminalGone from exc
        raise
    if not data:
        raise TerminalGone
    return data


def hang_up() -> None:
    """The terminal is gone: close the screen as its hang-up does (SIGHUP, which the command line's runner takes as a
    stop: exit 129, README's 128 + the signal; without a handler the process simply ends), from any thread."""
    os.kill(os.getpid(), signal.SIGHUP)


_DRIVERS: dict[type, type] = {}


def whole_pastes(driver: type) -> type:
    """``driver`` (Textual's ``LinuxDriver``) reading its input through a :class:`PasteGuard`; any other as it is."""
    from textual.drivers.linux_driver import LinuxDriver

    if driver is not LinuxDriver:
        return driver
    if driver not in _DRIVERS:
        _DRIVERS[driver] = _guarded(LinuxDriver)
    return _DRIVERS[driver]


def _guarded(base: Any) -> type:
    from textual._loop import loop_last
    from textual._parser import ParseError
    from textual._xterm_parser import XTermParser

    class PasteGuardedDriver(base):  # type: ignore[misc, valid-type]
        """Textual's ``LinuxDriver.run_input_thread`` (Textual 8.2), its input read through a :class:`PasteGuard`."""

        def run_input_thread(self) -> None:
            selector = selectors.SelectSelector()
            selector.register(self.fileno, selectors.EVENT_READ)
            fileno = self.fileno
            parser = XTermParser(self._debug)
            guard = PasteGuard()
            decode = getincrementaldecoder("utf-8")().decode

            def process(selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> None:
                for last, (_key, mask) in loop_last(selector_events):
                    if mask & selectors.EVENT_READ:
                        data = decode(_typed(fileno), final=final and last)
                        if not data:  # half a letter: the rest comes with the next read
                            break
                        for part in guard.feed(data):
                            if isinstance(part, events.Paste):
                                self.process_message(part)
                            else:
                                for event in parser.feed(part):
                                    self.process_message(event)
                held = guard.flush() if not selector_events else ""  # nothing came within the wait: the parser's
                if held:
                    for event in parser.feed(held):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)

            try:
                while not self.exit_event.is_set():
                    process(selector.select(0.1))
                selector.unregister(self.fileno)
                process(selector.select(0.1), final=True)
            except TerminalGone:
                hang_up()
            finally:
                selector.close()
                try:
                    for _event in parser.feed(""):
                        pass
                except (EOFError, ParseError):
                    pass

    return PasteGuardedDriver


class WholePastes:
    """An app whose terminal driver hands each paste on whole (:func:`whole_pastes`). Mixed in before ``App``."""

    def get_driver_class(self) -> type:
        return whole_pastes(super().get_driver_class())  # type: ignore[misc]


__all__ = ["PASTE_END", "PASTE_START", "PasteGuard", "WholePastes", "whole_pastes"]
