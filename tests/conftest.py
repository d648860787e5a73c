"""Shared test set-up: the plugin importable as ``lunar_lab`` and the real data folder."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import plugin_path  # noqa: E402,F401 -- QGIS imports the plugin by its folder name: link the checkout as lunar_lab

SHARED_DATA = Path(os.environ.get("LUNAR_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data():
    if not SHARED_DATA.is_dir():
        pytest.fail(f"real data folder {SHARED_DATA} is missing (set LUNAR_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session", autouse=True)
def onnx_cache(tmp_path_factory):
    """On-the-fly ONNX exports of the tests' own models (core.engine) go to the session's temporary folder, not the
    user's cache."""
    folder = str(tmp_path_factory.mktemp("onnx_cache"))
    saved = os.environ.get("LUNAR_ONNX_CACHE")
    os.environ["LUNAR_ONNX_CACHE"] = folder
    yield folder
    if saved is None:
        os.environ.pop("LUNAR_ONNX_CACHE", None)
    else:
        os.environ["LUNAR_ONNX_CACHE"] = saved


def pytest_sessionfinish(session, exitstatus):
    session.config.lunar_exitstatus = int(exitstatus)


@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config):
    """End the process with pytest's own status once it has reported everything. QGIS 3.22's bindings can crash
    tearing down at interpreter exit after a long mixed run (SIGSEGV, exit 139, after '284 passed' was printed),
    which would turn a green run red; LUNAR_TEST_TEARDOWN=1 keeps the normal teardown to study that crash."""
    status = getattr(config, "lunar_exitstatus", None)
    if status is not None and os.environ.get("LUNAR_TEST_TEARDOWN") != "1":
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
