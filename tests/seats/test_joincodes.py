"""Join codes read off paper: no look-alike characters, in groups of four, typed forgivingly; codes kept from before
still join as typed before."""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

import pytest

from tabletop.seats import joincodes
from tabletop.seats.client import Refused, connect
from tabletop.seats.host import Host

from tests.planted import plant, untouched

from .support import Sleeps, Ticks, make_table

#: what a code was before (12 random bytes, ``secrets.token_urlsafe``): a new one is no easier to guess
OLD_BITS = 96


def test_a_new_code_has_no_look_alikes_and_is_printed_in_groups_of_four() -> None:
    """Found from outside: codes such as ``hDIi-CvL_7S5aW70`` mixed I/l/1/i, O/0 and -/_ and were copied wrong from
    paper ("no seat has this code"). A new code is drawn from lowercase letters and digits with none of those, in
    groups of four joined by "-"."""
    alphabet = set(joincodes.ALPHABET)
    assert not alphabet & set("01ilo_-IO"), alphabet
    assert alphabet <= set("23456789abcdefghjkmnpqrstuvwxyz")
    group = f"[{re.escape(joincodes.ALPHABET)}]{{4}}"
    for code in joincodes.new_codes(f"seat{n}" for n in range(300)).values():
        assert re.fullmatch(rf"{group}(?:-{group})+", code), code
        assert joincodes.typed(code) == code  # never taken for an option on a command line


def test_a_new_code_is_no_easier_to_guess_than_before() -> None:
    code = joincodes.new_code()
    random_characters = len(code.replace("-", ""))
    bits = random_characters * math.log2(len(set(joincodes.ALPHABET)))
    assert len(set(joincodes.ALPHABET)) == len(joincodes.ALPHABET)  # each character as likely as any other
    assert bits >= OLD_BITS, bits


@pytest.mark.parametrize("as_typed", [
    str.upper,  # read off paper in capitals
    lambda code: code.replace("-", " ").upper(),  # "K7MQ 3XRT …"
    lambda code: code.replace("-", ""),  # the dashes left out
    lambda code: " ".join(code.replace("-", "")),  # a space after every character
    lambda code: code.replace("-", "\u2013"),  # a word processor's en dash
])
def test_a_new_code_typed_with_other_case_spaces_or_dashes_is_the_seats(as_typed: object) -> None:
    codes = joincodes.new_codes(["team:ru", "team:ua", "projector"])
    assert callable(as_typed)
    for seat, code in codes.items():
        assert joincodes.seat_of(codes, as_typed(code)) == seat, as_typed(code)
    wrong = codes["team:ru"][:-1] + ("2" if codes["team:ru"][-1] != "2" else "3")
    assert joincodes.seat_of(codes, as_typed(wrong)) is None


async def test_a_code_typed_in_capitals_with_spaces_joins_the_host(tmp_path: Path) -> None:
    """The same through a host: ``K7MQ 3XRT …``, as a team reads its paper aloud and types it, joins its seat."""
    table = make_table(tmp_path)
    codes = joincodes.new_codes(table.seats)
    host = Host(table, codes, sleeper=Sleeps(), clock=Ticks())
    addr, port = await host.start("127.0.0.1", 0)
    try:
        client = await connect(f"{addr}:{port}", codes["team:ua"].replace("-", " ").upper())
        assert client.seat == "team:ua"
        await client.close()
    finally:
        await host.stop()
        table.session.close()


async def test_an_old_code_kept_beside_a_save_still_joins_after_resume_as_typed_before(tmp_path: Path) -> None:
    """Codes issued before (URL-safe, mixed case, "-" and "_" in them) and kept in ``SAVE.codes`` are read on
    ``--resume``; the seats' screens rejoin with them, compared exactly as before."""
    table = make_table(tmp_path)
    save = table.session.save_path
    old = {seat: f"hDIi-CvL_7S5aW{n:02d}" for n, seat in enumerate(table.seats)}
    old["team:ru"] = "-nQ00j-1cJ-p4OqU"  # one that starts with "-"
    joincodes.write_codes(save, old)
    kept = joincodes.read_codes(save, table.seats)
    assert kept == old
    host = Host(table, kept, sleeper=Sleeps(), clock=Ticks())
    addr, port = await host.start("127.0.0.1", 0)
    try:
        for seat in ("team:ru", "team:ua"):
            client = await connect(f"{addr}:{port}", f"  {old[seat]}\n")  # the spaces round it, as before
            assert client.seat == seat
            await client.close()
        for changed in (old["team:ua"].upper(), old["team:ua"].replace("-", ""), old["team:ua"].replace("_", "-")):
            with pytest.raises(Refused) as caught:
                await connect(f"{addr}:{port}", changed)
            assert caught.value.code == "WRONG_CODE"
    finally:
        await host.stop()
        table.session.close()


#: the tester's code, and as it came typed on a Russian keyboard layout and with a Cyrillic «а» for its last letter
TESTERS_CODE = "vzst-7hn9-34m5-ffjg-wsja"
ON_A_RUSSIAN_LAYOUT = "мяые-7рт9-34ь5-ааоп-цыоф"
ONE_CYRILLIC_LOOK_ALIKE = "vzst-7hn9-34m5-ffjg-wsj\u0430"


@pytest.mark.parametrize(("as_typed", "seat"), [
    (ON_A_RUSSIAN_LAYOUT, "team:ru"),
    (ON_A_RUSSIAN_LAYOUT.upper(), "team:ru"),  # Caps Lock on as well
    (ONE_CYRILLIC_LOOK_ALIKE, "team:ru"),
    (ONE_CYRILLIC_LOOK_ALIKE.upper(), "team:ru"),  # «А» is "A"
    ("vzs\u0442-7hn9-34m5-ffjg-wsja", None),  # «т» does not look like "t": not taken for it
])
def test_a_new_code_typed_with_cyrillic_letters_is_read_as_the_keys_or_shapes_meant(as_typed: str, seat: str | None) -> None:
    """Found from outside: in a Russian/Ukrainian room many laptops have the Cyrillic layout on, and the code typed
    on it (``мяые-7рт9-…``), or with one Cyrillic «а» that looks just like "a", was refused WRONG_CODE. Typed
    wholly in Cyrillic, each key is read as the Latin one in its place; mixed with Latin, only a Cyrillic letter of
    the very same shape is read as it."""
    codes = {"team:ru": TESTERS_CODE, "team:ua": "k7mq-3xrt-9pwa-c4hd-e5fz"}
    assert joincodes.seat_of(codes, as_typed) == seat, as_typed


def test_each_key_of_the_ukrainian_layout_is_read_by_its_place() -> None:
    """The Ukrainian layout has «і» where the Russian has «ы» (the "s" key): a code typed on it joins too."""
    codes = {"team:ua": "sdfg-2345-hjkq-wert-zxcv"}
    assert joincodes.seat_of(codes, "івап-2345-ролй-цуке-ячсм") == "team:ua"


#: the tester's code, as typed on a French AZERTY keyboard without Shift (its top row types é " ' ( - è _ ç à for 2…0)
AZERTY_CODE = "hq9e-5tam-zggx-tejh-8zfg"


@pytest.mark.parametrize(("as_typed", "seat"), [
    ("hq\u00e7e-(tam-zggx-tejh-_zfg", "team:fr"),
    ("hq\u00e7e (tam zggx tejh _zfg", "team:fr"),  # in groups, spaces between
    ("hq\u00e7e(tamzggxtejh_zfg", "team:fr"),  # all in one
    ("\u00e9\"'---\u00e8_\u00e7-abcd-efgh-jkmn", "team:be"),  # a 6 (AZERTY's "-") beside the dashes between groups
    ("\u00e9\"'- -\u00e8_\u00e7 abcd efgh jkmn", "team:be"),  # in groups, spaces between
    ("\u00e9\"'--\u00e8_\u00e7abcdefghjkmn", "team:be"),  # all in one: 20 characters, so each "-" is a 6
    ("\u00e9\"'- -\u00e8_\u00e7abcd efgh jkmn", None),  # groups not as printed: no "-" is guessed to be a 6
])
def test_a_new_code_typed_on_azerty_without_shift_is_read_as_its_digits(as_typed: str, seat: str | None) -> None:
    """Found from outside (helper-333): on a French AZERTY keyboard the top row types digits only with Shift, and
    ``hqçe-(tam-zggx-tejh-_zfg`` typed for ``hq9e-5tam-zggx-tejh-8zfg`` was refused WRONG_CODE with no hint. No code
    holds é " ' ( è _ ç à: they are read as the digits on their keys. AZERTY's 6 is "-", as a code's dashes are: it
    is read as a 6 only where the code's groups of four show it is not one of them."""
    codes = {"team:fr": AZERTY_CODE, "team:be": "2346-6789-abcd-efgh-jkmn"}
    assert joincodes.seat_of(codes, as_typed) == seat, as_typed


async def test_a_wrong_code_typed_on_azerty_is_told_to_hold_shift_for_its_digits(tmp_path: Path) -> None:
    """Through a host: the tester's AZERTY spelling joins; a code whose 6 cannot be told from its dashes (typed in
    groups not as printed) is refused with the hint, in the seat's language, to hold Shift for the digits; a wrong
    code with no AZERTY digit in it gets no such hint."""
    table = make_table(tmp_path)
    codes = dict(joincodes.new_codes(table.seats), **{"team:ru": "2346-6789-abcd-efgh-jkmn"})
    host = Host(table, codes, sleeper=Sleeps(), clock=Ticks())
    addr, port = await host.start("127.0.0.1", 0)
    try:
        client = await connect(f"{addr}:{port}", "\u00e9\"'---\u00e8_\u00e7-abcd-efgh-jkmn", lang="en")
        assert client.seat == "team:ru"
        await client.close()
        for lang, hint in (("en", "Shift"), ("ru", "Shift"), ("uk", "Shift")):
            with pytest.raises(Refused) as caught:
                await connect(f"{addr}:{port}", "\u00e9\"'- -\u00e8_\u00e7abcd efgh jkmn", lang=lang)
            assert caught.value.code == "WRONG_CODE"
            assert hint in caught.value.message and "AZERTY" in caught.value.message, (lang, caught.value.message)
        with pytest.raises(Refused) as caught:
            await connect(f"{addr}:{port}", "2346-6789-abcd-efgh-jkmz", lang="en")
        assert "Shift" not in caught.value.message, caught.value.message
    finally:
        await host.stop()
        table.session.close()


def test_an_old_code_typed_in_cyrillic_is_still_compared_exactly() -> None:
    """A code of the old form, kept beside a save from before, is compared as typed: no layout is guessed for it."""
    codes = {"team:ru": "hDIi-CvL_7S5aW70", "team:ua": "abcd-efgh-jkmn-pqrs-tuvw"}
    assert joincodes.seat_of(codes, "hDIi-CvL_7S5aW70") == "team:ru"
    for cyrillic in ("рВШш-СмД_7Ы5фЦ70", "hDIi-CvL_7S5\u0430W70"):  # the same keys on a Russian layout; a look-alike «а»
        assert joincodes.seat_of(codes, cyrillic) is None


async def test_a_code_typed_in_cyrillic_joins_and_a_wrong_one_is_told_to_switch_the_layout(tmp_path: Path) -> None:
    """Through a host: the tester's spellings join their seat; a wrong code typed in Cyrillic is refused with the
    hint, in the seat's language, that a code is in Latin letters; a wrong code in Latin letters gets no such hint."""
    table = make_table(tmp_path)
    codes = dict(joincodes.new_codes(table.seats), **{"team:ru": TESTERS_CODE})
    host = Host(table, codes, sleeper=Sleeps(), clock=Ticks())
    addr, port = await host.start("127.0.0.1", 0)
    try:
        for spelling in (ON_A_RUSSIAN_LAYOUT, ONE_CYRILLIC_LOOK_ALIKE):
            client = await connect(f"{addr}:{port}", spelling, lang="ru")
            assert client.seat == "team:ru"
            await client.close()
        for wrong, lang, hint in (("мяые-7рт9-34ь5-ааоп-цыоя", "ru", "латинскими буквами"),
                                  ("мяые-7рт9-34ь5-ааоп-цыоя", "uk", "латинськими літерами"),
                                  ("мяые-7рт9-34ь5-ааоп-цыоя", "en", "Latin letters"),
                                  ("hDIi-CvL_7S5\u0430W70", "ru", "латинскими буквами")):
            with pytest.raises(Refused) as caught:
                await connect(f"{addr}:{port}", wrong, lang=lang)
            assert caught.value.code == "WRONG_CODE"
            assert hint in caught.value.message, (lang, caught.value.message)
        with pytest.raises(Refused) as caught:
            await connect(f"{addr}:{port}", TESTERS_CODE[:-1] + "z", lang="ru")
        assert caught.value.message == "ни у одного места нет такого кода: уточните его у ведущего"
    finally:
        await host.stop()
        table.session.close()


def test_a_code_typed_in_groups_on_the_command_line_is_one_code() -> None:
    """Found in review: the README and docs/seats.md say spaces in a code do not matter, but `tabletop join ADDR K7MQ
    3XRT …` typed unquoted was refused ("unrecognized arguments"): the words are one code."""
    from tabletop.cli import build_parser

    args = build_parser().parse_args(["join", "127.0.0.1:8765", "k7mq", "3xrt", "9pwa", "c4hd", "e5fz"])
    assert args.code == "k7mq 3xrt 9pwa c4hd e5fz"
    assert build_parser().parse_args(["join", "127.0.0.1:8765"]).code is None
    assert build_parser().parse_args(["join", "127.0.0.1:8765", "--", "-nQ00j-1cJ-p4OqU"]).code == "-nQ00j-1cJ-p4OqU"


@pytest.mark.parametrize("planted", ["file", "symlink"])
def test_the_codes_go_through_no_name_another_user_planted_in_the_folder(tmp_path: Path, planted: str) -> None:
    """Found from outside (a shared, group-writable workshop folder): another user pre-created the codes' temporary
    name, ``.NAME.codes.PID.tmp``, as an empty 0666 file, and every seat's code landed in a file they own and read;
    a symlink there had the codes written into whatever it named."""
    save = tmp_path / "w3.jsonl"
    elsewhere = tmp_path / "theirs.txt"
    trap = tmp_path / f".w3.jsonl.codes.{os.getpid()}.tmp"  # the name the codes were once written through
    plant(trap, planted, elsewhere)
    path = joincodes.write_codes(save, {"Blue": "ABCD-EFGH-JKMN"})
    assert path.stat().st_mode & 0o777 == 0o600
    untouched(trap, planted, elsewhere, path)
