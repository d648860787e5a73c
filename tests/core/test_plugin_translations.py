"""zh_CN covers the plugin's own strings (context "LunarLab": menu, PyTorch installer and message, About box): each
literal the code translates is in i18n/lunar_zh_CN.ts, finished and non-empty (scripts/update_translations.sh)."""
import ast
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "lunar_plugin").glob("*.py")) + [ROOT / "processing_provider" / "algorithms" / "models.py"]


def plugin_strings():
    found = {}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            context, text = node.args[:2]
            if (name == "translate" and isinstance(context, ast.Constant) and context.value == "LunarLab"
                    and isinstance(text, ast.Constant) and isinstance(text.value, str)):
                found[text.value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def test_every_plugin_string_has_a_finished_chinese_translation():
    strings = plugin_strings()
    assert len(strings) >= 30 and "Install PyTorch…" in strings
    translations = {}
    for context in ET.parse(ROOT / "i18n" / "lunar_zh_CN.ts").iter("context"):
        if context.findtext("name") == "LunarLab":
            for message in context.iter("message"):
                node = message.find("translation")
                translations[message.findtext("source")] = (node.text or "", node.get("type"))
    missing = [f"{where}: {text!r}" for text, where in strings.items()
               if text not in translations or translations[text][1] is not None or not translations[text][0].strip()]
    assert not missing, "run scripts/update_translations.sh and translate:\n" + "\n".join(missing)
    for text, (translated, _) in translations.items():
        assert translated.count("{") == text.count("{"), (text, translated)  # same placeholders
