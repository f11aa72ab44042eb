"""The wire's messages: versioned JSON objects, checked field by field, with a size limit."""

from __future__ import annotations

import pytest

from tabletop.seats.protocol import MAX_CLIENT_MESSAGE, VERSION, ProtocolError, Wire, check_client, decode, encode, message


def _code(raw: str | bytes) -> Wire:
    with pytest.raises(ProtocolError) as caught:
        check_client(decode(raw))
    return caught.value.code


def test_a_message_round_trips_with_its_version() -> None:
    sent = message("act", client_seq=3, pick="12-abc", at=12)
    assert sent["v"] == VERSION
    assert check_client(decode(encode(sent))) == sent


@pytest.mark.parametrize(("raw", "code"), [
    ("{", Wire.BAD_JSON),
    ("[1, 2]", Wire.BAD_JSON),
    ('{"type": "hello", "v": 1, "code": NaN}', Wire.BAD_JSON),
    ('{"type": "hello", "v": 3, "code": "x"}', Wire.BAD_VERSION),
    ('{"type": "hello", "v": true, "code": "x"}', Wire.BAD_VERSION),
    ('{"type": "hello", "v": 2.0, "code": "x"}', Wire.BAD_VERSION),  # found from outside: taken as version 2
    ('{"type": "shout", "v": 1}', Wire.UNKNOWN_TYPE),
    ('{"type": "hello", "v": 1}', Wire.BAD_MESSAGE),
    ('{"type": "hello", "v": 1, "code": 5}', Wire.BAD_MESSAGE),
    ('{"type": "act", "v": 1, "client_seq": 1}', Wire.BAD_MESSAGE),
    ('{"type": "act", "v": 1, "client_seq": true, "pick": "a"}', Wire.BAD_MESSAGE),
    ('{"type": "act", "v": 1, "client_seq": -1, "pick": "a"}', Wire.BAD_MESSAGE),
    ('{"type": "act", "v": 1, "client_seq": 1, "pick": "a", "action": {}}', Wire.BAD_MESSAGE),
    ("[" * (MAX_CLIENT_MESSAGE + 1), Wire.TOO_BIG),
    ('"' + "x" * MAX_CLIENT_MESSAGE + '"', Wire.TOO_BIG),
    ("[" * 5_000 + "]" * 5_000, Wire.BAD_JSON),  # nested deeper than the parser goes
], ids=lambda v: v[:40] if isinstance(v, str) else str(v))
def test_each_bad_message_is_refused_with_its_code(raw: str, code: Wire) -> None:
    assert _code(raw) == code


def test_a_field_of_the_wrong_kind_is_not_said_to_be_missing() -> None:
    """Found from outside: an act whose 'at' was 1.5 was told "'at' is missing or of the wrong type"."""
    with pytest.raises(ProtocolError) as there:
        check_client(decode('{"type": "act", "v": 2, "client_seq": 1, "pick": "3-x", "at": 1.5}'))
    assert there.value.code == Wire.BAD_MESSAGE and "'at' is 1.5: expected a whole number" in str(there.value)
    with pytest.raises(ProtocolError) as missing:
        check_client(decode('{"type": "hello", "v": 2}'))
    assert "'code' is missing" in str(missing.value)
