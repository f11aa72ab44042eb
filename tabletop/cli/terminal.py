"""What the command line writes on the terminal: every line literal, whatever a file held."""

from __future__ import annotations

import codecs
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

from ..content import ContentError
from ..content.literal import literal
from ..lang import Domain

_, ngettext, N_ = Domain("cli").words()


def _out(text: str = "") -> None:
    # names, keys and damage details come from files: no control character reaches the terminal
    print(literal(text), flush=True)


def _err(text: str) -> None:
    print(literal(text), file=sys.stderr, flush=True)


def _document(text: str) -> None:
    """A document (a report, a schema) on stdout, ``-o -``: UTF-8 bytes whatever the terminal's encoding says, the
    bytes ``-o FILE`` writes (with a last line break). Found from outside: on a Russian or Ukrainian Windows, output
    redirected to a file is cp1251, and ``report SAVE > r.md`` ended in a traceback on the report's first circle;
    a document taken for a file or a script is UTF-8, as every file tabletop writes."""
    text = literal(text)  # each format made its text literal already: the last guard
    if not text.endswith("\n"):
        text += "\n"
    sys.stdout.flush()  # whatever was said before it comes first
    raw = getattr(sys.stdout, "buffer", None)
    if raw is None:  # a text stream with no bytes under it (a caller's StringIO): text is all it takes
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    raw.write(text.encode("utf-8"))
    raw.flush()  # a full disk, a reader gone: raised here, in the command line's code, where main says it


def say_what_the_terminal_shows() -> None:
    """Let stdout and stderr write a character their encoding lacks as "?" instead of failing: once, as the command
    line starts, for every message, argparse's help and usage included. Found from outside: ``--lang ru verify`` in
    koi8_r (no em dash), ``--lang uk --help`` (no Ukrainian i) and nearly everything in ascii ended in a traceback
    and exit 1, which says a file was refused. stderr's "?" too, not Python's backslashed code points: a line of
    those reads as nothing. A UTF-8 stream fails on nothing but a lone surrogate (a name's undecodable bytes): one
    that already writes those somehow (escaped under the C locale, backslashed on stderr) keeps its way."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # not a text file (a caller's StringIO): it encodes nothing
            continue
        utf8 = codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "utf-8"
        if stream.errors == "replace" or (utf8 and stream.errors != "strict"):
            continue
        try:
            reconfigure(errors="replace")
        except (OSError, ValueError):  # closed, or a stream that takes no new errors: left as it is
            pass


def _notice(command: str) -> Callable[[str], None]:
    """A long run's word to the person waiting (``tabletop sweep: no Dask worker has joined…``), on stderr."""
    return lambda text: _err(f"tabletop {command}: {_line(text)}")  # untranslated: the command's name


def _line(text: object) -> str:
    """One record (a problem, a path) on one line: a line break inside it is shown, not obeyed."""
    return literal(text, lines=False)


def _problems(exc: ContentError, command: str) -> str:
    """``exc``'s problems, one a line, each after ``command`` (``tabletop play``) as every refusal starts."""
    return "\n".join(f"{command}: {_line(p)}" for p in exc.problems)  # untranslated: the command's name


def control_refused(path: object, option: str) -> str | None:
    """What is wrong with a path a person gave ``option`` that holds a control character (a line break, a tab), or
    None: such a name broke every line that named it (found from outside: ``--save saves/a$'\\n'b.jsonl``)."""
    text = str(path)
    if literal(text, lines=False) == text:  # the one sanitiser's list: nothing in it it would show otherwise
        return None
    return _("{path} has a control character (a line break, a tab) in its name; give {option} a name without "
             "one").format(path=_line(text), option=option)


def no_place_for_a_file(path: Path, option: str, make_folders: bool = False) -> str | None:
    """What makes ``path``, given to ``option`` for a new file, no place for one, in words; None: nothing found
    (it is there, or it may be made). Looked at, never made nor opened.

    A folder on the way that is not one: a file, or a link that leads to no folder (no ``mkdir`` makes it); a
    link at ``path`` that leads to no file (writing would replace the link, or make a file wherever it points);
    a folder that is not there, unless ``make_folders`` (a typo in a folder's name must not scatter files into
    new folders nobody will look in). ``play --save`` and ``report -o`` say these alike (found from outside:
    ``report -o`` made the missing folders and replaced a link to nothing with a file, where ``play --save``
    refused)."""
    for folder in path.parents:  # the nearest folder on the way that is there must be a folder
        if folder.is_symlink() and not folder.exists():
            from ..content.oswords import in_the_way  # an error path: not on the start path

            return _("{folder}: {problem}; give {option} a path in an existing folder").format(
                folder=folder, problem=in_the_way(folder), option=option)
        if folder.exists():
            if not folder.is_dir():
                return _("{folder} is not a folder; give {option} a path in an existing folder").format(
                    folder=folder, option=option)
            break
    if path.exists():
        return None
    if path.is_symlink():
        return _("{path} is a symbolic link that leads to no file; give {option} the name of a new file").format(
            path=path, option=option)
    if not make_folders and not path.parent.is_dir():
        return _("the folder {folder} does not exist; create it first, or give {option} a path in an existing "
                 "folder").format(folder=path.parent, option=option)
    return None


def output_file(text: str) -> str | None:
    """``-o``'s value, as argparse reads it: a file's name, or None for ``-``, standard output, as without ``-o``
    (the Unix way; found from outside: ``report`` and ``sweep report`` wrote a file named "-"). ``./-`` names one."""
    return None if text == "-" else text


def output_refused(path: str, option: str = "-o") -> tuple[str, int] | None:
    """What makes ``path``, a report's ``-o``, no place to write, with the exit status that says so: a control
    character in its name is typed wrong (2); a missing folder, a link to nothing, a folder on the way that is a
    file is a place refused (1), as ``play --save`` words them. None: nothing found. ``report -o`` and
    ``sweep report -o`` ask it before they write anything."""
    if (refused := control_refused(path, option)) is not None:
        return refused, 2
    if (refused := no_place_for_a_file(Path(path), option)) is not None:
        return refused, 1
    return None


def listen_refused(command: str, host: str, port: int, exc: OSError, *, resumed: bool = False) -> str:
    """Why ``command`` (host, serve) cannot listen on ``host:port`` (an IPv6 address in brackets), the system's
    reason in the user's language, and for a port in use what to do. Found from outside: a second workshop's host
    said asyncio's English words ("error while attempting to bind on address …") under --lang ru, printed ``[::]``
    as ``:::9297``, and "the same command can be run again", which only failed the same way."""
    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    # asyncio words the bind's refusal itself, in English: the system's own words by its number
    from ..content.oswords import system_words  # an error path: not on the start path

    problem = system_words(OSError(exc.errno, os.strerror(exc.errno)) if exc.errno else exc)
    if exc.errno != errno.EADDRINUSE:
        return _("{command}: cannot listen on {address}: {problem}").format(
            command=command, address=address, problem=problem)
    where = address.rpartition(":")[0] + ":PORT"
    if resumed:  # the seats' screens keep retrying the address they joined
        return _("{command}: cannot listen on {address}: {problem}. Another program holds this port (perhaps another "
                 "workshop's tabletop host or serve on this machine): choose another port with --listen {where}; "
                 "the screens must then join at the new address (they keep trying the old one)").format(
                     command=command, address=address, problem=problem, where=where)
    return _("{command}: cannot listen on {address}: {problem}. Another program holds this port (perhaps another "
             "workshop's tabletop host or serve on this machine): choose another port with --listen {where}").format(
                 command=command, address=address, problem=problem, where=where)
