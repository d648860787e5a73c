"""The installers run pip with the Python QGIS runs (issue 24), never with a pyenv/conda shim of another Python that
sits on PATH or in sys.executable; without QGIS's own interpreter they say so and show the command to run by hand."""
import os
import sys

import pytest

from lunar_lab.lunar_plugin import deps

VERSION = f"{sys.version_info.major}.{sys.version_info.minor}"


def fake_python(path, prefix, version):
    """An executable that answers like a Python living in ``prefix`` (as a shim of another Python does)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho '{prefix}'\necho '{version}'\n")
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def shim(tmp_path, monkeypatch):
    """python3 and pythonX.Y on PATH and as sys.executable, all a shim of /opt/pyenv's 3.9; this Python lives in a
    prefix of its own (no interpreter file in it yet)."""
    shims = tmp_path / "shims"
    for name in ("python3", f"python{VERSION}"):
        fake_python(shims / name, "/opt/pyenv/versions/3.9.18", "3.9")
    prefix = tmp_path / "qgis"
    prefix.mkdir()
    monkeypatch.setenv("PATH", f"{shims}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(sys, "executable", str(shims / "python3"))
    for name in ("prefix", "exec_prefix", "base_prefix", "base_exec_prefix"):
        monkeypatch.setattr(sys, name, str(prefix))
    return prefix


def test_the_interpreter_under_exec_prefix_wins_over_a_shim(shim):
    own = fake_python(shim / "bin" / f"python{VERSION}", shim, VERSION)
    assert deps.python_executable() == own
    assert deps.pip_command("/tmp/deps")[0] == own


def test_a_shim_of_another_python_is_never_taken(shim):
    assert deps.python_executable() is None
    assert deps.pip_command("/tmp/deps") is None


def test_another_candidate_is_taken_when_it_says_it_is_this_python(shim, tmp_path, monkeypatch):
    same = fake_python(tmp_path / "elsewhere" / "python3", shim, VERSION)
    monkeypatch.setattr(sys, "executable", same)
    assert deps.python_executable() == same


def test_the_installer_says_plainly_what_to_run_by_hand(qgis_app, shim, tmp_path):
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QDialog, QPlainTextEdit

    from lunar_lab.lunar_plugin.install_torch import Installer, show_install_dialog
    target = str(tmp_path / "deps")
    installer = Installer(target, deps.ONNXRUNTIME_REQUIREMENT, deps.ONNXRUNTIME_PIP_ARGS, "onnxruntime")
    result = []
    installer.finished.connect(lambda ok, message: result.append((ok, message)))
    installer.start()
    command = (f"python{VERSION} -m pip install --disable-pip-version-check --no-input --upgrade --target {target} "
               f"--no-deps {deps.ONNXRUNTIME_REQUIREMENT}")
    assert result == [(False, f"The Python that QGIS runs (Python {VERSION}, in {shim}) was not found, so Lunar Lab "
                              f"cannot run pip with it. Run this with that Python in a terminal, then restart "
                              f"QGIS:\n{command}")]
    assert not os.path.exists(target)
    seen = []

    def close():   # the dialog says it before Install is clicked
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
        seen.append(dialog.findChild(QPlainTextEdit).toPlainText())
        dialog.reject()
    QTimer.singleShot(200, close)
    show_install_dialog(package="onnxruntime")
    assert seen and "was not found" in seen[0] and "-m pip install" in seen[0], seen
