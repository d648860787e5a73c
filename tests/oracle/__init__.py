"""craterstats 3.6.x as the CSFD test oracle, in its own interpreter (tests/oracle/craterstats_oracle.py).

The interpreter is ``$LUNAR_CRATERSTATS_PYTHON``, default ``<repo>/.venv-craterstats/bin/python`` (made by
``scripts/install-craterstats.sh``, which ``make setup`` runs). A test takes the ``craterstats_oracle`` fixture
(import it into the test module); a missing or broken oracle fails that test with what to run, never skips it.
"""
import json
import os
import select
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("craterstats_oracle.py")
DEFAULT_PYTHON = ROOT / ".venv-craterstats" / "bin" / "python"
MIN_VERSION, BELOW_VERSION = (3, 6, 4), (3, 7)      # 3.6.4+: Poisson pdf weighted by dN1/dT
INSTALL_HINT = ("run `make setup` (or `scripts/install-craterstats.sh`) to build .venv-craterstats with "
                "requirements-craterstats.txt, or set LUNAR_CRATERSTATS_PYTHON to a Python that has craterstats 3.6.x")
TIMEOUT_S = 300


class OracleError(RuntimeError):
    pass


class CraterstatsOracle:
    """One craterstats process; ``call(op, **args)`` sends a request and returns its result (see the runner)."""

    def __init__(self, python):
        self.python = str(python)
        self._stderr = tempfile.TemporaryFile(mode="w+")
        env = dict(os.environ, MPLBACKEND="Agg", PYTHONNOUSERSITE="1")
        env.pop("PYTHONPATH", None)                  # the plugin's venv must not leak into the oracle's
        try:
            self._proc = subprocess.Popen([self.python, str(SCRIPT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                          stderr=self._stderr, text=True, env=env, cwd=str(ROOT))
        except OSError as e:
            raise OracleError(f"cannot run {self.python}: {e}") from None
        self.version = self.call("version")

    def _stderr_tail(self):
        self._stderr.seek(0)
        return self._stderr.read()[-3000:]

    def call(self, op, **args):
        try:
            if self._proc.poll() is not None:
                raise BrokenPipeError
            self._proc.stdin.write(json.dumps(dict(args, op=op), allow_nan=True) + "\n")
            self._proc.stdin.flush()
        except BrokenPipeError:
            raise OracleError(f"the craterstats oracle ({self.python}) has exited ({self._proc.wait()}):\n"
                              f"{self._stderr_tail()}") from None
        ready, _, _ = select.select([self._proc.stdout], [], [], TIMEOUT_S)
        line = self._proc.stdout.readline() if ready else ""
        if not line:
            self._proc.kill()
            raise OracleError(f"no reply from the craterstats oracle ({self.python}) to {op!r} "
                              f"{'within ' + str(TIMEOUT_S) + ' s' if not ready else '(it exited)'}:\n"
                              f"{self._stderr_tail()}")
        reply = json.loads(line)
        if not reply["ok"]:
            raise OracleError(f"craterstats oracle {op!r} failed: {reply['error']}\n{reply.get('traceback', '')}")
        return reply["result"]

    def close(self):
        if self._proc.poll() is None:
            self._proc.stdin.close()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._stderr.close()


def oracle_python():
    return os.environ.get("LUNAR_CRATERSTATS_PYTHON") or str(DEFAULT_PYTHON)


def start_oracle():
    """A running oracle, or pytest.fail saying what is missing and what to run."""
    python = oracle_python()
    where = f"LUNAR_CRATERSTATS_PYTHON={python}" if os.environ.get("LUNAR_CRATERSTATS_PYTHON") else python
    if not Path(python).exists():
        pytest.fail(f"craterstats oracle interpreter {where} does not exist: {INSTALL_HINT}", pytrace=False)
    try:
        oracle = CraterstatsOracle(python)
    except (OracleError, ValueError) as e:
        pytest.fail(f"craterstats oracle {where} is broken: {e}\n{INSTALL_HINT}", pytrace=False)
    version = oracle.version["craterstats"]
    numbers = tuple(int(p) for p in version.split(".")[:3] if p.isdigit())
    if not MIN_VERSION <= numbers < BELOW_VERSION:
        oracle.close()
        pytest.fail(f"craterstats oracle {where} has craterstats {version}; the tests need 3.6.x >= 3.6.4: "
                    f"{INSTALL_HINT}", pytrace=False)
    return oracle


@pytest.fixture(scope="session")
def craterstats_oracle():
    oracle = start_oracle()
    yield oracle
    oracle.close()
