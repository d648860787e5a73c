"""The places where Qt5 (QGIS 3) and Qt6 (QGIS 4) differ, in one module; everything else imports from qgis.PyQt.

- QAction moved from QtWidgets to QtGui in Qt6.
- Dialogs: use ``exec()`` (both have it; ``exec_()`` is gone in PyQt6) and scoped enums such as
  ``Qt.TextFormat.RichText`` (PyQt5 5.11+ accepts them too); tests/core/test_qt6_static.py checks this.
"""
try:
    from qgis.PyQt.QtGui import QAction  # Qt6
except ImportError:
    from qgis.PyQt.QtWidgets import QAction  # Qt5

__all__ = ["QAction"]
