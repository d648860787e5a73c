"""Find Qt5-only code in the plugin's Python files (what would break under QGIS 4 / PyQt6), by reading the source:

- ``PyQt5``/``PyQt6``/``sip`` imported directly (use ``qgis.PyQt``);
- ``exec_()`` / ``print_()`` (PyQt6 has only ``exec()`` / ``print()``);
- ``QAction`` / ``QActionGroup`` / ``QShortcut`` from ``QtWidgets`` (Qt6 moved them to ``QtGui``; import them
  from ``lunar_plugin.qt_compat``);
- unscoped enum members of Qt classes, e.g. ``Qt.RichText`` or ``QMessageBox.Ok`` (PyQt6 needs
  ``Qt.TextFormat.RichText``; PyQt5 5.11+ accepts that form too);
- ``QVariant.<Type>`` (gone in PyQt6: QGIS 4 takes ``QMetaType.Type``; write ``qt_compat.FieldType.<Type>``,
  which scripts/qt6_spellings.py --fix does).

    .venv/bin/python scripts/check_qt6.py      # prints FILE:LINE: what, exit status 1 when anything is found
tests/core/test_qt6_static.py runs it and fails on any spot.
"""
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: What ships in the plugin (scripts, tests and benches run on the developers' QGIS only).
SHIPPED = ("__init__.py", "lunar_plugin", "processing_provider")
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QUndoStack", "QFileSystemModel"}
COMPAT = "lunar_plugin/qt_compat.py"


def plugin_files(root=ROOT):
    for entry in SHIPPED:
        path = root / entry
        yield from ([path] if path.is_file() else sorted(path.rglob("*.py")))


def _parents(tree):
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


def check_source(source, name):
    """(line, message) for each Qt5-only spot in one file's source."""
    tree = ast.parse(source, name)
    found = []
    qt_names = set()  # names bound to Qt classes/modules imported through qgis.PyQt
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in ("PyQt5", "PyQt6", "sip"):
                    found.append((node.lineno, f"import {alias.name}: import through qgis.PyQt"))
        elif isinstance(node, ast.ImportFrom) and node.module:
            top = node.module.split(".")[0]
            if top in ("PyQt5", "PyQt6", "sip"):
                found.append((node.lineno, f"from {node.module} import: import through qgis.PyQt"))
            if node.module.startswith("qgis.PyQt"):
                for alias in node.names:
                    qt_names.add(alias.asname or alias.name)
                    if (node.module == "qgis.PyQt.QtWidgets" and alias.name in MOVED_TO_QTGUI
                            and not name.endswith(COMPAT)):
                        found.append((node.lineno, f"{alias.name} from QtWidgets (QtGui in Qt6): use qt_compat"))
    parents = _parents(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("exec_", "print_"):
            found.append((node.lineno, f".{node.attr}(): use .{node.attr[:-1]}()"))
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in qt_names
                and node.value.id.startswith("Q") and node.attr[:1].isupper()):
            parent = parents.get(node)
            if isinstance(parent, ast.Attribute) and parent.value is node:
                continue  # Qt.TextFormat.RichText: scoped
            if isinstance(parent, ast.Call) and (parent.func is node or (
                    isinstance(parent.func, ast.Name) and parent.func.id in ("getattr", "hasattr", "isinstance"))):
                continue  # an enum class called as a constructor or looked into: QMetaType.Type(6), getattr(...)
            if node.value.id == "QVariant":
                found.append((node.lineno, f"QVariant.{node.attr}: no QVariant types in PyQt6 (QMetaType.Type)"))
            else:
                found.append((node.lineno, f"{node.value.id}.{node.attr}: unscoped enum (use the scoped name)"))
    return sorted(found)


def check(root=ROOT):
    """{relative path: [(line, message), ...]} over the shipped files."""
    out = {}
    for path in plugin_files(root):
        spots = check_source(path.read_text(encoding="utf-8"), str(path))
        if spots:
            out[path.relative_to(root).as_posix()] = spots
    return out


if __name__ == "__main__":
    spots = check()
    for rel, items in spots.items():
        for line, message in items:
            print(f"{rel}:{line}: {message}")
    sys.exit(1 if spots else 0)
