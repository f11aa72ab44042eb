"""The save log: one JSON object per line, each event fsynced as it is played.

Line 1 is the header: format and versions, the seed, and the full ruleset and
deck embedded, so a replay never depends on files that may change. Each
further line is one event: its action (with the recorded outcome of draws and
dice), its result, the state hash after it, and a ``chain`` hash linking it to
the line before. A line is written ``canonical body`` + ``"chain"`` last, so
the chain is checked over the exact bytes written.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .. import __version__
from ..content import Scenario
from ..engine import Action, State
from ..engine.actions import CHANCE_KINDS, Event

if TYPE_CHECKING:
    from .reading import Save  # reading a save back is a module of its own: a new game only writes

FORMAT = "tabletop-save"
VERSION = 1
_CHAIN_KEY = b',"chain":"'


class SaveError(Exception):
    """A file that cannot be read as a save at all (not a save, unknown version...)."""

    def __init__(self, path: str | Path, message: str, seq: int | None = None, kind: str = "not a save"):
        self.path = str(path)
        self.message = message
        self.seq = seq
        self.kind = kind
        super().__init__(f"{path}: {message}")


#: one encoder for every line (json.dumps would build one per call)
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _canonical(data: Any) -> bytes:
    return _ENCODER.encode(data).encode("utf-8")


def _chain(prev: str, body: bytes) -> str:
    return hashlib.sha256(prev.encode("ascii") + b"\n" + body).hexdigest()[:32]


def _line(data: dict[str, Any], prev: str) -> tuple[bytes, str]:
    body = _canonical(data)
    chain = _chain(prev, body)
    return body[:-1] + _CHAIN_KEY + chain.encode("ascii") + b'"}\n', chain


def _split_chain(raw: bytes) -> tuple[bytes, str] | None:
    """The canonical body and the chain hash of a written line, or None."""
    idx = raw.rfind(_CHAIN_KEY)
    if idx < 0 or not raw.endswith(b'"}'):
        return None
    chain = raw[idx + len(_CHAIN_KEY) : -2]
    try:
        return raw[:idx] + b"}", chain.decode("ascii")
    except UnicodeDecodeError:
        return None


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --------------------------------------------------------------------------
# Writing


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path.parent or Path("."), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class SaveWriter:
    """Appends events to a save. With ``durable`` each event is fsynced before append returns."""

    def __init__(self, path: Path, handle: IO[bytes], chain: str, seq: int, durable: bool = True):
        self.path = path
        self._handle = handle
        self._chain = chain
        self._seq = seq
        self.durable = durable

    @classmethod
    def create(cls, path: str | Path, scenario: Scenario, seed: int, durable: bool = True,
               extra: dict[str, Any] | None = None) -> SaveWriter:
        """Start a new save at ``path``; refuses to overwrite an existing file."""
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        if p.exists():
            raise FileExistsError(17, "a save is never overwritten", str(p))
        header = {
            "format": FORMAT,
            "version": VERSION,
            "app_version": __version__,
            "created": _now(),
            "seed": int(seed),
            "scenario": {
                "ruleset_id": scenario.ruleset.ruleset.id,
                "ruleset_name": scenario.ruleset.ruleset.name,
                "deck_id": scenario.deck.deck.id,
                "deck_name": scenario.deck.deck.name,
                "independence": scenario.ruleset.ruleset.independence,
            },
            **(extra or {}),
            **scenario.embedded(),
        }
        raw, chain = _line(header, "")
        # the header is written whole into a temp file and linked into place, so a crash
        # never leaves an empty or half-written save; link() refuses to overwrite
        tmp = p.parent / f".{p.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)  # the umask applies, as for any file
        try:
            with os.fdopen(fd, "wb") as tmp_handle:
                tmp_handle.write(raw)
                tmp_handle.flush()
                os.fsync(tmp_handle.fileno())
            os.link(tmp, p)
        finally:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        _fsync_dir(p)
        handle = open(p, "ab")  # noqa: SIM115 - kept open for appending
        return cls(p, handle, chain, 0, durable)

    @classmethod
    def reopen(cls, save: Save, durable: bool = True) -> SaveWriter:
        """Continue appending to an intact save (see :func:`resume`)."""
        if save.damage is not None:
            raise SaveError(save.path, f"cannot append to a damaged save: {save.damage}", kind="damaged")
        handle = open(save.path, "ab")  # noqa: SIM115
        return cls(Path(save.path), handle, save.last_chain, len(save), durable)

    def append(self, state: State) -> None:
        """Write the event ``state.last`` (and the hash of ``state``) to disk."""
        event = state.last
        if event is None:
            raise ValueError("the state has no event to save")
        if event.seq != self._seq + 1:
            raise ValueError(f"event {event.seq} does not follow event {self._seq} in {self.path}")
        record = event_record(event, state.hash, _now())
        raw, chain = _line(record, self._chain)
        self._handle.write(raw)
        self._handle.flush()
        if self.durable:
            os.fsync(self._handle.fileno())
        self._chain = chain
        self._seq = event.seq

    @property
    def seq(self) -> int:
        return self._seq

    @property
    def chain(self) -> str:
        """The chain hash of the last line written: the save's head, to note and check later."""
        return self._chain

    def close(self) -> None:
        if not self._handle.closed:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()

    def __enter__(self) -> SaveWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def event_record(event: Event, state_hash: str, time: str) -> dict[str, Any]:
    """The line an event is saved as, without its chain.

    ``verify`` rebuilds this from the replayed event (with the recorded time)
    and holds it against the line: keep the two the same function.
    """
    return {
        "seq": event.seq,
        "time": time,
        "round": event.round,
        "phase": event.phase,
        "actor": event.action.actor,
        "track": event.action.track,
        "action": _recorded_action(event.action, event.result),
        "result": event.result,
        "state": state_hash,
    }


def _recorded_action(action: Action, result: Mapping[str, Any]) -> dict[str, Any]:
    """The action as saved: a chance action carries the outcome that was resolved, no other action one."""
    data = action.to_dict()
    if action.kind not in CHANCE_KINDS:
        data.pop("outcome", None)
    elif "outcome" in result:
        data["outcome"] = result["outcome"]
    return data


# --------------------------------------------------------------------------
# Names


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def default_save_path(save_dir: str | Path, ruleset_id: str) -> Path:
    """``<dir>/<UTC timestamp>-<ruleset id>.jsonl``, never an existing file."""
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return unique_path(Path(save_dir) / f"{stamp}-{_safe(ruleset_id)}.jsonl")


def unique_path(path: Path) -> Path:
    if not path.exists():
        return path
    stem, suffix = path.name[: -len(".jsonl")] if path.name.endswith(".jsonl") else path.stem, ".jsonl"
    n = 2
    while (path.parent / f"{stem}-{n}{suffix}").exists():
        n += 1
    return path.parent / f"{stem}-{n}{suffix}"


def _safe(name: str) -> str:
    cleaned = _UNSAFE.sub("-", name).strip(".-") or "game"
    return cleaned[:80]


def typed_save_path(save_dir: str | Path, typed: str) -> Path:
    """A save name a user typed, kept inside ``save_dir`` whatever it contains."""
    name = _safe(Path(typed.strip()).name.removesuffix(".jsonl"))
    return unique_path(Path(save_dir) / f"{name}.jsonl")
