"""SHA-256 for the save's chain, the content's fingerprints and the seats' versions.

CPython's own implementation (``_sha256``) rather than :mod:`hashlib`: importing
hashlib loads OpenSSL, ~6 ms of every start before the first board
(benchmarks/README.md, stop 53), for a digest the start takes of a few short
lines. OpenSSL's is faster per byte (a save's line costs ~1.3 us more here, 1-2 %
of verifying it); the digest is the same. An interpreter built without
``_sha256`` falls back to hashlib.
"""

from __future__ import annotations

try:
    from _sha256 import sha256
except ImportError:  # pragma: no cover - CPython builds ship it; another interpreter may not
    from hashlib import sha256

__all__ = ["sha256"]
