"""zh_CN is complete: every string the code translates is in i18n/lunar_zh_CN.ts, finished and non-empty
(scripts/update_translations.sh), and no user-visible message of the Processing layer is left untranslatable.

The plugin's own strings (context "LunarLab": menu, PyTorch installer and message, About box, the shipped models'
option labels, the crater helpers' messages) are checked here from the sources; the strings each algorithm builds
at run time (labels, enum options, help) in tests/algorithms/test_dialogs.py."""
import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "i18n" / "lunar_zh_CN.ts"
SOURCES = sorted((ROOT / "lunar_plugin").glob("*.py")) + sorted((ROOT / "processing_provider").rglob("*.py"))
HELP_PAGES = ROOT / "scripts" / "build_help.py"
#: Calls whose first argument a user reads: the error a run stops with and the log lines.
USER_VISIBLE = {"QgsProcessingException", "pushInfo", "pushWarning", "reportError", "setProgressText"}


def _name(call):
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")


def plugin_strings():
    """{text: where} of translate("LunarLab", "literal") and QT_TRANSLATE_NOOP("LunarLab", "literal"), and the
    help pages' tr("literal") (scripts/build_help.py)."""
    found = {}
    for node in ast.walk(ast.parse(HELP_PAGES.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "tr" and node.args
                and isinstance(node.args[0], ast.Constant)):
            found[node.args[0].value] = f"{HELP_PAGES.relative_to(ROOT)}:{node.lineno}"
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            context, text = node.args[:2]
            if (_name(node) in ("translate", "QT_TRANSLATE_NOOP") and isinstance(context, ast.Constant)
                    and context.value == "LunarLab" and isinstance(text, ast.Constant)
                    and isinstance(text.value, str)):
                found[text.value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def translations(context_name):
    """{source: (translation, type)} of one context of the .ts."""
    found = {}
    for context in ET.parse(TS).iter("context"):
        if context.findtext("name") == context_name:
            for message in context.iter("message"):
                node = message.find("translation")
                found[message.findtext("source")] = (node.text or "", node.get("type"))
    return found


def test_every_plugin_string_has_a_finished_chinese_translation():
    strings = plugin_strings()
    assert len(strings) >= 40 and "Install PyTorch…" in strings
    done = translations("LunarLab")
    missing = [f"{where}: {text!r}" for text, where in strings.items()
               if text not in done or done[text][1] is not None or not done[text][0].strip()]
    assert not missing, "run scripts/update_translations.sh and translate:\n" + "\n".join(missing)


def test_no_message_in_the_ts_is_unfinished_and_placeholders_survive():
    unfinished, broken = [], []
    for context in ET.parse(TS).iter("context"):
        for message in context.iter("message"):
            source, node = message.findtext("source"), message.find("translation")
            if node.get("type") is not None or not (node.text or "").strip():
                unfinished.append(f"{context.findtext('name')}: {source[:80]!r}")
            elif sorted(re.findall(r"\{[^}]*\}", source)) != sorted(re.findall(r"\{[^}]*\}", node.text)):
                broken.append(f"{context.findtext('name')}: {source[:80]!r}")
    assert not unfinished, "unfinished in zh_CN:\n" + "\n".join(unfinished)
    assert not broken, "placeholders differ:\n" + "\n".join(broken)


def _untranslated_words(node):
    """Literal text with words in a message argument that does not go through tr()/translate()."""
    if isinstance(node, ast.Call) and _name(node) == "format" and isinstance(node.func, ast.Attribute):
        return _untranslated_words(node.func.value)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    elif isinstance(node, ast.BinOp):
        return _untranslated_words(node.left) or _untranslated_words(node.right)
    else:
        return ""
    return text if re.search(r"[A-Za-z]{2,}", text) else ""


def test_processing_messages_are_translatable():
    """Errors and log lines of the algorithms go through tr() (a literal with words in them stays English)."""
    found = []
    for path in sorted((ROOT / "processing_provider").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node) in USER_VISIBLE and node.args:
                words = _untranslated_words(node.args[0])
                if words:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {words[:70]!r}")
    assert not found, "wrap in self.tr()/QCoreApplication.translate():\n" + "\n".join(found)


def test_the_checker_sees_an_untranslated_message():
    tree = ast.parse('raise QgsProcessingException(f"{name}: no such band")\n'
                     'feedback.pushInfo(self.tr("{0}: no such band").format(name))\n'
                     'raise QgsProcessingException(f"{name}: {err}")')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _name(n) in USER_VISIBLE]
    assert [bool(_untranslated_words(c.args[0])) for c in calls] == [True, False, False]


def algorithm_tr_strings():
    """{(context, text): where} of every tr("literal") of the Processing layer, with the context it is looked up
    in: the class for self.tr inside a class; every algorithm for LunarAlgorithm's own self.tr and for the shared
    helpers' alg.tr (they run with the calling algorithm's class name)."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8"))
             for path in sorted((ROOT / "processing_provider").rglob("*.py"))}
    algorithms = {node.name for tree in trees.values() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                  and any(getattr(b, "id", "") == "LunarAlgorithm" for b in node.bases)}
    found = {}
    for path, tree in trees.items():
        owner = {}
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for node in ast.walk(cls):
                owner[node] = cls.name
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node) == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                continue
            by_self = isinstance(node.func.value, ast.Name) and node.func.value.id == "self"
            cls = owner.get(node)
            contexts = [cls] if by_self and cls and cls != "LunarAlgorithm" else sorted(algorithms)
            for context in contexts:
                found[(context, node.args[0].value)] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found, algorithms


def test_every_algorithm_message_has_a_finished_chinese_translation():
    strings, algorithms = algorithm_tr_strings()
    assert len(algorithms) == 14 and len(strings) > 300
    done = {name: translations(name) for name in {context for context, _ in strings}}
    missing = [f"{where} [{context}]: {text!r}" for (context, text), where in strings.items()
               if done[context].get(text, ("", "missing"))[1] is not None or not done[context][text][0].strip()]
    assert not missing, "run scripts/update_translations.sh and translate:\n" + "\n".join(missing)


#: The core's calls whose text a user reads: log lines (core.feedback.info, core.oxides.trust.warn, feedback.*) and
#: the errors the Processing layer shows (LunarInputError).
CORE_LOG_CALLS = {"info", "warn", "pushInfo", "pushWarning", "LunarInputError"}


def core_tr_strings():
    """{text: where} of the core's tr("literal") log lines (lunar_plugin.core.messages, context LunarCore)."""
    found = {}
    for path in sorted((ROOT / "lunar_plugin" / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def test_core_log_lines_are_translatable_and_translated():
    """The log lines and error messages the core writes go through messages.tr and are in zh_CN."""
    untranslatable = []
    for path in sorted((ROOT / "lunar_plugin" / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node) in CORE_LOG_CALLS and node.args:
                text = node.args[-1]   # info(feedback, text), warn(feedback, text), feedback.pushInfo(text)
                words = _untranslated_words(text)
                if words:
                    untranslatable.append(f"{path.relative_to(ROOT)}:{node.lineno}: {words[:70]!r}")
    assert not untranslatable, "wrap in messages.tr(...).format(...):\n" + "\n".join(untranslatable)
    strings = core_tr_strings()
    assert len(strings) >= 250
    done = translations("LunarCore")
    missing = [f"{where}: {text!r}" for text, where in strings.items()
               if text not in done or done[text][1] is not None or not done[text][0].strip()]
    assert not missing, "run scripts/update_translations.sh and translate:\n" + "\n".join(missing)


def test_core_messages_follow_the_translator_the_plugin_hands_in():
    from lunar_lab.lunar_plugin.core import messages
    plugin_translator = messages._translate  # the algorithms' base module hands in QCoreApplication.translate
    try:
        messages.set_translator(lambda context, text: f"[{context}] {text}")
        assert messages.tr("{n} craters") == "[LunarCore] {n} craters"
        messages.set_translator(None)
        assert messages.tr("{n} craters") == "{n} craters"
    finally:
        messages.set_translator(plugin_translator)
