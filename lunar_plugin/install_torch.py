"""Lunar Lab > Install ONNX Runtime… and Install PyTorch…: pip-installs the pinned ONNX Runtime (inference, 24 MB,
``--no-deps``) or CPU PyTorch (training, 0.9 GB) into the profile's private folder (lunar_plugin/deps.py) in a
QProcess, showing pip's output, without blocking QGIS.

``Installer`` is the part without widgets (tests drive it with a local wheel); ``show_install_dialog`` shows it.
"""
import importlib.util
import os
import sys

from qgis.PyQt.QtCore import QCoreApplication, QObject, QProcess, QT_TRANSLATE_NOOP, pyqtSignal

from . import deps

#: What each installer installs: (requirement, pip arguments, module it makes importable, dialog title, intro when
#: missing, intro when present). The intros take the requirement and the folder.
PACKAGES = {
    "onnxruntime": (deps.ONNXRUNTIME_REQUIREMENT, deps.ONNXRUNTIME_PIP_ARGS, "onnxruntime",
                    QT_TRANSLATE_NOOP("LunarLab", "Install ONNX Runtime for Lunar Lab"),
                    QT_TRANSLATE_NOOP("LunarLab", "Crater detection, crater ages and the oxide CNN run their networks "
                                      "with ONNX Runtime. This downloads {0} (about 24 MB; 68 MB installed) with pip "
                                      "into {1}, without its dependencies, so QGIS's own NumPy is used and QGIS's "
                                      "Python is not changed. Lunar Lab adds that folder to Python's path when it "
                                      "starts. PyTorch is needed only to train models."),
                    QT_TRANSLATE_NOOP("LunarLab", "ONNX Runtime is already available to QGIS's Python. Installing "
                                      "again puts {0} into {1}.")),
    "torch": (deps.TORCH_REQUIREMENT, ("--index-url", deps.TORCH_INDEX_URL), "torch",
              QT_TRANSLATE_NOOP("LunarLab", "Install PyTorch for Lunar Lab"),
              QT_TRANSLATE_NOOP("LunarLab", "Training and fine-tuning the networks (crater detector, crater ages, "
                                "oxide CNN) need PyTorch; running them needs only ONNX Runtime. This downloads the "
                                "CPU build of {0} (about 200 MB; 0.9 GB installed) with pip into {1}; QGIS's own "
                                "Python is not changed. Lunar Lab adds that folder to Python's path when it starts."),
              QT_TRANSLATE_NOOP("LunarLab", "PyTorch is already available to QGIS's Python. Installing again puts "
                                "{0} into {1}.")),
}


class Installer(QObject):
    """Runs one pip command in a QProcess; ``output`` carries its text, ``finished`` (ok, message) the end."""

    output = pyqtSignal(str)
    finished = pyqtSignal(bool, str)

    def __init__(self, target, requirement=deps.TORCH_REQUIREMENT,
                 index_args=("--index-url", deps.TORCH_INDEX_URL), module="torch", parent=None):
        super().__init__(parent)
        self.target = target
        self.module = module
        self.command = deps.pip_command(target, requirement, index_args)
        self.manual_command = deps.manual_pip_command(target, requirement, index_args)
        self.process = None

    def no_python_message(self):
        """What to do when the Python QGIS runs was not found (never another Python's pip: it would install for
        that one)."""
        return QCoreApplication.translate(
            "LunarLab", "The Python that QGIS runs (Python {0}, in {1}) was not found, so Lunar Lab cannot run pip "
            "with it. Run this with that Python in a terminal, then restart QGIS:\n{2}").format(
            deps.running_version(), sys.exec_prefix, self.manual_command)

    def start(self):
        if self.command is None:
            self.finished.emit(False, self.no_python_message())
            return
        try:
            os.makedirs(self.target, exist_ok=True)
        except OSError as err:
            self.finished.emit(False, QCoreApplication.translate(
                "LunarLab", "The folder {0} cannot be created: {1}").format(self.target, err.strerror or err))
            return
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._done)
        self.process.errorOccurred.connect(self._error)
        self.output.emit("$ " + " ".join(self.command) + "\n")
        self.process.start(self.command[0], self.command[1:])

    def cancel(self):
        if self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.kill()

    def _read(self):
        self.output.emit(bytes(self.process.readAllStandardOutput()).decode("utf-8", "replace"))

    def _error(self, error):
        if error == QProcess.ProcessError.FailedToStart:
            self.finished.emit(False, QCoreApplication.translate(
                "LunarLab", "pip could not be started: {0}").format(self.process.errorString()))

    def _done(self, code, _status=None):
        self._read()
        if code != 0:
            self.finished.emit(False, QCoreApplication.translate(
                "LunarLab", "pip failed (exit code {0}); see its output above.").format(code))
            return
        deps.add_to_path(self.target)
        if importlib.util.find_spec(self.module) is None:
            self.finished.emit(False, QCoreApplication.translate(
                "LunarLab", "pip finished but {0} still cannot be imported from {1}.").format(
                self.module, self.target))
            return
        self.finished.emit(True, QCoreApplication.translate(
            "LunarLab", "{0} is installed in {1}. The neural-network algorithms can run now.").format(
            self.module, self.target))


def show_install_dialog(parent=None, package="torch"):
    """Ask, then install ``package`` (a key of PACKAGES: 'onnxruntime' or 'torch') with the output in a log; returns
    the dialog after it closes."""
    from qgis.PyQt.QtGui import QTextCursor
    from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

    requirement, pip_args, module, title, missing, present = PACKAGES[package]
    target = deps.deps_dir()
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("LunarLab", title))
    dialog.resize(720, 420)
    layout = QVBoxLayout(dialog)
    installed = importlib.util.find_spec(module) is not None
    intro = QCoreApplication.translate("LunarLab", present if installed else missing)
    label = QLabel(intro.format(requirement, target))
    label.setWordWrap(True)
    layout.addWidget(label)
    log = QPlainTextEdit()
    log.setReadOnly(True)
    layout.addWidget(log)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    install = buttons.addButton(QCoreApplication.translate("LunarLab", "Install"),
                                QDialogButtonBox.ButtonRole.AcceptRole)
    layout.addWidget(buttons)
    installer = Installer(target, requirement, pip_args, module, parent=dialog)

    def append(text):
        log.moveCursor(QTextCursor.MoveOperation.End)
        log.insertPlainText(text)
        log.ensureCursorVisible()

    def done(ok, message):
        append("\n" + message + "\n")
        install.setEnabled(not ok)

    def start():
        install.setEnabled(False)
        installer.start()

    installer.output.connect(append)
    installer.finished.connect(done)
    if installer.command is None:   # said before anyone clicks Install
        done(False, installer.no_python_message())
    install.clicked.connect(start)
    buttons.rejected.connect(dialog.reject)
    dialog.finished.connect(lambda _result: installer.cancel())
    dialog.exec()
    return dialog
