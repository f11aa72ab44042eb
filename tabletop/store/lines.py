"""The save's line format, written and read: version, canonical JSON, and the chain hash linking each line.

A line is written ``canonical body`` + ``"chain"`` last, so the chain is
checked over the exact bytes written. The writer (:mod:`.savefile`), the
reader (:mod:`.reading`) and the save schema all take it from here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

FORMAT = "tabletop-save"
#: 2: the log is language-neutral: a result records ids and figures, never words (``engine.telling`` words them),
#: and an action records the language its free text was typed in. Version 1 saves (results with a ``summary``)
#: are read, verified, replayed, reported and continued as ever; a tabletop that reads only version 1 refuses a
#: version 2 save by its version, not as a save whose every event fails to replay.
VERSION = 2
#: the versions this tabletop reads
READABLE = (1, 2)
#: the longest event line a reader takes (the header may be longer: it embeds the scenario's translations);
#: the writer never writes a longer one
MAX_LINE = 4 * 1024 * 1024
_CHAIN_KEY = b',"chain":"'


#: one encoder for every line (json.dumps would build one per call)
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
#: the same encoder's C core, made once: ``JSONEncoder.encode`` makes it anew for every line, with a table of the
#: containers seen (a line is plain data the game made, never circular). None without the C accelerator.
_C_ENCODE = (json.encoder.c_make_encoder(None, _ENCODER.default, json.encoder.c_encode_basestring, None, ":", ",",
                                         True, False, True)
             if json.encoder.c_make_encoder is not None and json.encoder.c_encode_basestring is not None else None)


def canonical(data: Any) -> bytes:
    """The bytes of ``data`` as every line holds it: sorted keys, no spaces, UTF-8."""
    if _C_ENCODE is not None and type(data) is dict:
        return "".join(_C_ENCODE(data, 0)).encode("utf-8")
    return _ENCODER.encode(data).encode("utf-8")


def canonical_with(data: dict[str, Any], given: Mapping[str, bytes]) -> bytes:
    """``canonical({**data, **values})`` where ``given`` holds some top-level values' canonical bytes already.

    A new game's header embeds the scenario's translations, some hundred KB
    already in canonical form in the content caches: they are spliced in as
    they are, not parsed and encoded again (the bytes are the same)."""
    if not given:
        return canonical(data)
    items = (_ENCODER.encode(key).encode("utf-8") + b":" + (given[key] if key in given else canonical(data[key]))
             for key in sorted({*data, *given}))
    return b"{" + b",".join(items) + b"}"


def chain_hash(prev: str, body: bytes) -> str:
    """The chain hash of a line: its canonical body, linked to the line before's hash."""
    return hashlib.sha256(prev.encode("ascii") + b"\n" + body).hexdigest()[:32]


def line(data: dict[str, Any], prev: str, given: Mapping[str, bytes] | None = None) -> tuple[bytes, str]:
    """A line to write (its chain hash last, over the exact bytes) and that hash.

    ``given``: top-level values already in canonical JSON (:func:`canonical_with`)."""
    body = canonical_with(data, given) if given else canonical(data)
    chain = chain_hash(prev, body)
    return body[:-1] + _CHAIN_KEY + chain.encode("ascii") + b'"}\n', chain


def split_chain(raw: bytes) -> tuple[bytes, str] | None:
    """The canonical body and the chain hash of a written line, or None."""
    idx = raw.rfind(_CHAIN_KEY)
    if idx < 0 or not raw.endswith(b'"}'):
        return None
    chain = raw[idx + len(_CHAIN_KEY) : -2]
    try:
        return raw[:idx] + b"}", chain.decode("ascii")
    except UnicodeDecodeError:
        return None


def in_current_format(lines: bytes) -> bytes:
    """Whole lines of a save, its header first (intact, as a reader took them), as this tabletop writes them: the
    header of an older format says the current one, and every chain is recomputed from it; the rest of each line
    is as it was. The lines themselves when they are of the current format already (or not a save's).

    A save of an older format is continued in such a copy, never in place (see ``VERSION``): a tabletop that reads
    only that format reads the file it wrote whole ever after, and refuses the copy by its version."""
    out: list[bytes] = []
    prev = ""
    for n, written in enumerate(lines.splitlines(keepends=True)):
        split = split_chain(written.rstrip(b"\n"))
        if split is None:
            return lines
        body = split[0]
        if n == 0:
            header = json.loads(body)
            if not isinstance(header, dict) or header.get("version") == VERSION:
                return lines
            body = canonical({**header, "version": VERSION})
        chain = chain_hash(prev, body)
        out.append(body[:-1] + _CHAIN_KEY + chain.encode("ascii") + b'"}\n')
        prev = chain
    return b"".join(out)
