"""A long run stopped from outside (``kill``, a closed terminal) stops its worker processes too.

Found from outside: ``tabletop simulate --games 100000 --workers 2 & kill -TERM $!`` left both
workers blocked for ever in a pipe write, their parent gone; Ctrl-C did stop them. The run is a
child process; the test waits (a bounded number of looks at ``/proc``) until it has two workers,
sends the signal, and expects a killed program's status (128 + the signal), a line saying so, and
no worker left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
#: generous upper bounds only: starting takes well under a second, stopping a few milliseconds, on a machine at
#: rest; the whole suite on two loaded cores (a load of 14) once took more than 60 s to stop a sweep's two workers
TIMEOUT = 240
LOOKS = 12000  # at 10 ms apart at least

SWEEP = """\
[sweep]
ruleset = "parallel-tracks"
games = 100000
seed = 1
chunk = 500

[[axes]]
key = "bots.ru"
values = ["cooperative", "hardliner"]
"""


def _children(parent: int) -> list[int]:
    """The live processes whose parent is ``parent``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:  # gone meanwhile
            continue
        fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
        if fields.get("PPid", "").strip() == str(parent) and not fields.get("State", "").startswith("Z"):
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has stopped: only its parent's reaper is late


def _look(until: object, what: str) -> None:
    for _ in range(LOOKS):
        if until():  # type: ignore[operator]
            return
        time.sleep(0.01)
    raise AssertionError(f"still waiting after {LOOKS} looks: {what}")


def _stop_after_workers(args: list[str], signum: int, cwd: Path) -> tuple[int, str, list[int]]:
    """Run ``tabletop ARGS``, send ``signum`` once it has two workers; its status, its stderr and the workers."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    # stderr to a file: a worker left behind holds a pipe open, and reading it to its end would wait for ever
    with open(cwd / "stderr", "w+", encoding="utf-8") as err:
        proc = subprocess.Popen([sys.executable, "-m", "tabletop", *args], stdout=subprocess.DEVNULL, stderr=err,
                                env=env, cwd=cwd, start_new_session=True)
        workers: list[int] = []
        try:
            def two_workers() -> bool:
                workers[:] = _children(proc.pid)
                return len(workers) >= 2 or proc.poll() is not None

            _look(two_workers, "two worker processes")
            assert proc.poll() is None, (proc.returncode, Path(err.name).read_text())
            proc.send_signal(signum)
            proc.wait(timeout=TIMEOUT)
        finally:
            if proc.poll() is None:  # the test failed before the parent ended: its whole group goes
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        err.seek(0)
        return proc.returncode, err.read(), workers


def _left(workers: list[int]) -> list[int]:
    """The workers still alive after a bounded wait (killed then, so that no test leaves one behind)."""
    alive: list[int] = []

    def none_alive() -> bool:
        alive[:] = [pid for pid in workers if _alive(pid)]
        return not alive

    try:
        _look(none_alive, "the workers to end")
    except AssertionError:
        for pid in alive:
            os.kill(pid, signal.SIGKILL)
    return alive


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["TERM", "HUP"])
def test_a_stopped_simulation_stops_its_workers(signum: int, tmp_path: Path) -> None:
    code, err, workers = _stop_after_workers(["simulate", "--games", "100000", "--seed", "1", "--workers", "2"],
                                             signum, tmp_path)
    assert _left(workers) == [], "workers left playing for nobody"
    assert code == 128 + signum, (code, err[-2000:])
    assert "Traceback" not in err, err[-2000:]
    assert f"stopped by a stop signal ({signal.Signals(signum).name})" in err, err[-2000:]


def test_a_stopped_sweep_stops_its_workers_and_says_how_to_resume(tmp_path: Path) -> None:
    spec = tmp_path / "big.toml"
    spec.write_text(SWEEP, encoding="utf-8")
    code, err, workers = _stop_after_workers(["sweep", str(spec), "--out", str(tmp_path / "out"), "--workers", "2",
                                              "--quiet"], signal.SIGTERM, tmp_path)
    assert _left(workers) == [], "workers left playing for nobody"
    assert code == 128 + signal.SIGTERM, (code, err[-2000:])
    assert "Traceback" not in err, err[-2000:]
    assert "stopped by a stop signal (SIGTERM)" in err and "--resume" in err, err[-2000:]
