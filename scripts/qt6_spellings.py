"""Rewrite the QGIS 3.22-only spellings in the plugin's shipped modules into ones QGIS 3.22 and QGIS 4 both take.

- QGIS enums that QGIS 3.30-3.36 moved into ``Qgis`` (QGIS 4 drops the old spellings):
  ``QgsProcessing.TypeVectorPolygon`` -> ``ProcessingSourceType.VectorPolygon``, imported from
  ``lunar_plugin/qt_compat.py`` (Qgis's own enum where the running QGIS has it, the 3.22 values otherwise);
- enums that stayed in their class, written scoped: ``QgsFeatureSink.FastInsert`` -> ``QgsFeatureSink.Flag.FastInsert``;
- field types (PyQt6 has no ``QVariant.Type``): ``QVariant.Double`` -> ``FieldType.Double`` (qt_compat).

The rules are qt_compat's MOVED, SCOPED and FIELD_TYPES tables, read as literals (no QGIS needed). ``--fix`` adds the
qt_compat import and drops the qgis.core / QtCore names the rewrite left unused; running it again changes nothing.
An old spelling without a rule (an enum member the tables do not list yet) is reported by ``--check``: add it to
qt_compat's tables, then ``--fix``.

    .venv/bin/python scripts/qt6_spellings.py --check   # FILE:LINE: old -> new; exit status 1 when any is left
    .venv/bin/python scripts/qt6_spellings.py --fix     # rewrite the shipped modules in place
tests/core/test_qt6_static.py runs the check.
"""
import argparse
import ast
import io
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_qt6 import plugin_files  # noqa: E402

COMPAT = ("lunar_plugin", "qt_compat")
#: Modules whose names the rewrite may leave unused (their import is then trimmed).
TRIMMED_MODULES = ("qgis.core", "qgis.PyQt.QtCore")
WIDTH = 120


def rules(compat=ROOT / "lunar_plugin" / "qt_compat.py"):
    """{old spelling: (new spelling, name imported from qt_compat or None)} from qt_compat's tables."""
    tables = {}
    for node in ast.parse(compat.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id in ("MOVED", "SCOPED", "FIELD_TYPES"):
                tables[node.targets[0].id] = ast.literal_eval(node.value)
    found = {}
    for enum, (old_class, members) in tables["MOVED"].items():
        for member, old_member in members.items():
            found[f"{old_class}.{old_member}"] = (f"{enum}.{member}", enum)
    found.update({old: (new, None) for old, new in tables["SCOPED"].items()})
    found.update({f"QVariant.{name}": (f"FieldType.{name}", "FieldType") for name in tables["FIELD_TYPES"]})
    return found


def old_spellings(tree):
    """(node, 'Class.Member') for each unscoped QGIS enum member (Qgs*.Member, Qgis.Member) and QVariant type:
    a capitalised attribute of the class that is neither ALL_CAPS (a constant), called (a nested class built) nor
    looked into (Class.Enum.Member is scoped already)."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
            continue
        owner = node.value.id
        if not (owner.startswith("Qgs") or owner in ("Qgis", "QVariant")):
            continue
        if not node.attr[:1].isupper() or node.attr.isupper():
            continue
        parent = parents.get(node)
        if isinstance(parent, ast.Attribute) and parent.value is node:
            continue
        if isinstance(parent, ast.Call) and parent.func is node:
            continue
        yield node, f"{owner}.{node.attr}"


def check(root=ROOT):
    """[(relative path, line, old, new or None)] over the shipped modules (qt_compat itself excepted)."""
    table = rules(root / "lunar_plugin" / "qt_compat.py")
    out = []
    for path in plugin_files(root):
        rel = path.relative_to(root).as_posix()
        if rel == "/".join(COMPAT) + ".py":
            continue
        for node, old in old_spellings(ast.parse(path.read_text(encoding="utf-8"), rel)):
            out.append((rel, node.lineno, old, table.get(old, (None,))[0]))
    return sorted(out)


def compat_module(rel):
    """How the module at ``rel`` imports qt_compat: '.qt_compat' in lunar_plugin/, '...lunar_plugin.qt_compat' in
    processing_provider/algorithms/."""
    package = Path(rel).parent.parts
    common = 0
    while common < min(len(package), len(COMPAT) - 1) and package[common] == COMPAT[common]:
        common += 1
    return "." * (1 + len(package) - common) + ".".join(COMPAT[common:])


def format_import(indent, module, names):
    """'from module import a, b', wrapped in parentheses with aligned lines past WIDTH (the house style)."""
    line = f"{indent}from {module} import {', '.join(names)}"
    if len(line) <= WIDTH:
        return line
    head = f"{indent}from {module} import ("
    lines, line = [], head
    for i, name in enumerate(names):
        piece = name + (", " if i < len(names) - 1 else ")")
        if len(line) + len(piece.rstrip()) > WIDTH and line != head:
            lines.append(line.rstrip())
            line = " " * len(head) + piece
        else:
            line += piece
    return "\n".join(lines + [line])


def _alias_text(alias):
    return f"{alias.name} as {alias.asname}" if alias.asname else alias.name


def _replace_statement(lines, node, text):
    """Put ``text`` (or nothing) in place of the statement ``node``, keeping a comment after it."""
    tail = lines[node.end_lineno - 1][node.end_col_offset:]
    new = [] if text is None else [text + tail]
    if text is None and tail.strip():
        new = [" " * node.col_offset + tail.strip() + "\n"]
    lines[node.lineno - 1:node.end_lineno] = new


def _used_names(tree):
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def _split_point(source, number):
    """(column, indent) to break line ``number`` at: after its last comma inside brackets that leaves the first part
    within WIDTH, the next part aligned with the bracket (the house style); else after its last opening bracket
    within WIDTH, the next part indented four more. None when neither exists."""
    stack, commas, openings = [], [], []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.OP:
            continue
        row, col = token.start
        if token.string in "([{":
            stack.append(col)
            if row == number and token.end[1] <= WIDTH:
                openings.append(token.end[1])
        elif token.string in ")]}":
            stack.pop()
        elif token.string == "," and row == number and stack and token.end[1] <= WIDTH:
            commas.append((token.end[1], stack[-1] + 1))
    if commas:
        return commas[-1]
    if openings:
        line = source.splitlines()[number - 1]
        return openings[-1], len(line) - len(line.lstrip()) + 4
    return None


def wrap_long_lines(source, numbers):
    """Break the lines ``numbers`` (1-based) that the rewrite made longer than WIDTH, where Python allows it (lines
    that were longer already are left as they were)."""
    for number in sorted(numbers, reverse=True):
        for _ in range(3):
            lines = source.splitlines(keepends=True)
            if len(lines[number - 1].rstrip("\n")) <= WIDTH:
                break
            point = _split_point(source, number)
            if point is None:
                break
            column, indent = point
            line = lines[number - 1]
            rest = line[column:].lstrip()
            if not rest.strip() or rest.lstrip().startswith("#"):
                break
            lines[number - 1:number] = [line[:column].rstrip() + "\n", " " * indent + rest]
            source = "".join(lines)
            number += 1
    return source


def fix_source(source, rel, table):
    """The module's source with its old spellings rewritten; (source, number of spellings rewritten)."""
    tree = ast.parse(source, rel)
    todo = [(node, table[old]) for node, old in old_spellings(tree) if old in table]
    if not todo:
        return source, 0
    used_before = _used_names(tree)
    # ast offsets count UTF-8 bytes: edit the bytes, last spelling first
    data = source.encode("utf-8")
    starts = [0]
    for line in data.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    for node, (new, _) in sorted(todo, key=lambda item: (item[0].lineno, item[0].col_offset), reverse=True):
        begin = starts[node.lineno - 1] + node.col_offset
        end = starts[node.end_lineno - 1] + node.end_col_offset
        data = data[:begin] + new.encode("utf-8") + data[end:]
    long_before = {number for number, line in enumerate(source.splitlines(), 1) if len(line) > WIDTH}
    source = wrap_long_lines(data.decode("utf-8"), {node.lineno for node, _ in todo} - long_before)

    # drop the qgis.core / QtCore names the rewrite left unused (ones unused before stay: they may be re-exports)
    tree = ast.parse(source, rel)
    unused = used_before - _used_names(tree)
    lines = source.splitlines(keepends=True)
    edits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in TRIMMED_MODULES and node.level == 0:
            kept = [alias for alias in node.names if (alias.asname or alias.name) not in unused]
            if len(kept) < len(node.names):
                text = format_import(" " * node.col_offset, node.module, [_alias_text(a) for a in kept]) \
                    if kept else None
                edits.append((node, text))
    for node, text in sorted(edits, key=lambda item: item[0].lineno, reverse=True):
        _replace_statement(lines, node, text)
    source = "".join(lines)

    # import the new names from qt_compat: into its import if the module has one, else after the last import
    wanted = {name for _, (_, name) in todo if name}
    if wanted:
        tree = ast.parse(source, rel)
        module = compat_module(rel)
        lines = source.splitlines(keepends=True)
        existing = [node for node in tree.body if isinstance(node, ast.ImportFrom) and node.level
                    and "." * node.level + (node.module or "") == module]
        if existing:
            node = existing[0]
            names = [_alias_text(a) for a in node.names]
            names += sorted(wanted - {a.asname or a.name for a in node.names})
            _replace_statement(lines, node, format_import("", module, names))
        else:  # after the module's imports from lunar_plugin (sorted by name), else after its last import
            imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
            siblings = [node for node in imports if isinstance(node, ast.ImportFrom) and node.level
                        and "." * node.level + (node.module or "") < module
                        and (node.module or "").startswith(module.lstrip(".").split(".")[0])]
            after = (siblings or imports)[-1].end_lineno if imports else 0
            lines[after:after] = [format_import("", module, sorted(wanted)) + "\n"]
        source = "".join(lines)
    return source, len(todo)


def fix(root=ROOT):
    """Rewrite every shipped module in place; {relative path: spellings rewritten}."""
    table = rules(root / "lunar_plugin" / "qt_compat.py")
    done = {}
    for path in plugin_files(root):
        rel = path.relative_to(root).as_posix()
        if rel == "/".join(COMPAT) + ".py":
            continue
        source = path.read_text(encoding="utf-8")
        new, count = fix_source(source, rel, table)
        if count:
            path.write_text(new, encoding="utf-8")
            done[rel] = count
    return done


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="list the old spellings; exit status 1 when any is left")
    mode.add_argument("--fix", action="store_true", help="rewrite them in place")
    args = parser.parse_args(argv)
    if args.fix:
        done = fix()
        for rel, count in done.items():
            print(f"{rel}: {count} rewritten")
        print(f"{sum(done.values())} spellings rewritten in {len(done)} files")
    left = check()
    for rel, line, old, new in left:
        print(f"{rel}:{line}: {old} -> {new or 'no rule: add it to lunar_plugin/qt_compat.py'}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
