"""A hosted game whose save is deleted or written over during play: the host says where the game now lives.

Found from outside: a sync client restored an older copy of the host's save
over it mid-game. The host went on, rightly, in ``NAME-2.jsonl``, but said
nothing on its terminal or any screen, and wrote no join codes beside it;
after a crash, ``--resume NAME.jsonl`` served the stale copy and undid the
reveal the room had seen. With the folder removed, the save came back whole
but its codes did not, and every screen was locked out after a resume.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tabletop.seats.host import Host
from tabletop.seats.joincodes import codes_path, game_of, new_codes, read_codes, read_listen, write_codes

from .support import make_table


def _hosted(tmp_path: Path):  # noqa: ANN202
    (tmp_path / "hostdir").mkdir()
    table = make_table(tmp_path / "hostdir")
    codes = new_codes(table.seats)
    write_codes(table.session.save_path, codes, listen="127.0.0.1:9050")
    said: list[str] = []
    host = Host(table, codes, say=said.append)
    host.listen = "127.0.0.1:9050"
    host.go_on = ["--listen", "127.0.0.1:9050", "--headless"]
    return table, host, codes, said


def _step(table) -> None:  # noqa: ANN001
    table._apply(table.session.options()[0])


def test_a_save_written_over_goes_on_beside_it_with_its_codes_and_the_host_says_where(tmp_path: Path) -> None:
    table, _host, codes, said = _hosted(tmp_path)
    save = table.session.save_path
    for _n in range(3):
        _step(table)
    older = save.read_text(encoding="utf-8").splitlines(keepends=True)[:2]
    save.write_text("".join(older), encoding="utf-8")  # a backup restores an older copy over it
    _step(table)
    moved = table.session.save_path
    assert moved == save.with_name(save.stem + "-2.jsonl")
    assert read_codes(moved, table.seats) == codes  # the seats rejoin the copy with the codes they have
    assert read_listen(moved) == "127.0.0.1:9050"  # and a resume of it alone listens where they look
    assert len(said) == 1, said
    assert str(save) in said[0] and str(moved) in said[0]
    assert f"tabletop host --resume {moved} --listen 127.0.0.1:9050 --headless" in said[0]
    facts = table.facts()
    assert facts.saved_again is not None and str(moved) in facts.saved_again[1]
    _step(table)
    assert len(said) == 1  # said once


def test_a_save_whose_folder_is_removed_is_written_again_with_its_codes(tmp_path: Path) -> None:
    table, _host, codes, said = _hosted(tmp_path)
    save = table.session.save_path
    _step(table)
    shutil.rmtree(save.parent)
    _step(table)
    assert table.session.save_path == save and save.is_file()
    assert json.loads(codes_path(save).read_text(encoding="utf-8")) == {**codes, "listen": "127.0.0.1:9050",
                                                                       "game": game_of(save)}
    assert len(said) == 1 and str(save) in said[0]
