"""Whether a Dask worker plays games with the same tabletop code as the machine that asked for them.

Found from outside: a worker running an older checkout of tabletop made a sweep fail with ten lines about the
ruleset (its tabletop did not read the scenario's data), naming neither the worker nor the cause; a worker a few
hours older was taken silently, and one whose game code differed would have written other rows under the same
seeds, which breaks the promise that a sweep's rows are the same wherever its games ran.

The code that decides a game is what a chunk reaches on a worker: the packages ``engine``, ``content`` (the
scenario is rebuilt there from its data), ``sim`` (the bots, the game loop, the rows) and ``store``. Its print is a
hash of those packages' source files as installed, worked out once per process, the first time it is asked for
(reading about a hundred small files: nothing at the import of the command line). The bundled scenarios are not in
it: the scenario reaches the workers as data (:func:`.workerscenario.data_sha`), so a worker's own scenario files
decide nothing. The print is conservative: any edit in those packages makes another print, even one that changes
no game (a table's layout in ``sim/tables.py``).

Each chunk carries the driver's print and the worker compares it before playing (:func:`run_if_same`); the driver
also asks every worker for its print before sending games and when a worker joins (:func:`code_print_here`, through
``client.run``), and the scheduler, which unpickles every chunk's task. A worker whose tabletop predates the
check has no such function: asking it fails, and that is taken as another tabletop too.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from .workerscenario import TaskFn, run
from ..lang import Domain

_, ngettext, N_ = Domain("sim").words()

#: the packages of tabletop whose source decides a game played on a worker (see the module's words)
GAME_CODE = ("engine", "content", "sim", "store")


def code_print_of(root: Path) -> str:
    """The hash of the game code under ``root``, tabletop's package folder: each source file of :data:`GAME_CODE`,
    by its path from ``root`` and its bytes."""
    digest = hashlib.sha256()
    for package in GAME_CODE:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@cache
def code_print() -> str:
    """This process's game code print (worked out once)."""
    return code_print_of(Path(__file__).resolve().parent.parent)


def code_print_here() -> str:
    """What a worker answers when the driver asks for its print (``client.run``)."""
    return code_print()


class OtherTabletop(Exception):
    """A Dask worker (or its ``scheduler``, which unpickles every chunk's task) that runs another tabletop than this
    machine: its game code differs (``old`` False), or it is too old to say which code it runs (``old``: it has no
    :func:`code_print_here`)."""

    def __init__(self, address: str, old: bool = False, scheduler: bool = False):
        super().__init__(address, old, scheduler)  # (all in args: the exception is pickled on a worker, read here)
        self.address = address
        self.old = old
        self.scheduler = scheduler

    def __str__(self) -> str:
        if self.scheduler:
            said = _("the Dask scheduler at {address} runs another tabletop: install the same tabletop on every "
                     "machine, the scheduler's too")
        elif self.old:
            said = _("the Dask worker at {address} runs another tabletop, one too old to say which game code it "
                     "runs: install the same tabletop on every machine")
        else:
            said = _("the Dask worker at {address} runs another tabletop, whose game code is not this machine's: "
                     "install the same tabletop on every machine")
        return said.format(address=self.address)


def run_if_same(code: str, fn: TaskFn, sha: str, task: Any) -> Any:
    """``fn`` on the held scenario and ``task``, on a Dask worker whose game code's print is ``code``, the driver's;
    OtherTabletop, naming this worker, before any game when it is not."""
    if code_print() != code:
        from distributed import get_worker

        raise OtherTabletop(get_worker().address)
    return run(fn, sha, task)
