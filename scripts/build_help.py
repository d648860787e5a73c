"""Write one HTML help page per algorithm, help/<name>.html, from its HELP text and its parameter and output
definitions (so the pages follow the code), and the same pages in each translation, help/<locale>/<name>.html
(from i18n/lunar_<locale>.qm: `make translations` first). LunarAlgorithm.helpUrl opens the page in the language
QGIS runs in from the Help button; the zip ships them (scripts/package.sh) and `make setup` builds them.

    .venv/bin/python scripts/build_help.py [--out DIR]
"""
import argparse
import html
import os
import sys
from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import plugin_path  # noqa: E402,F401 -- the checkout importable as lunar_lab

STYLE = ("body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4}"
         "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.25em .5em;vertical-align:top;"
         "text-align:left}code{background:#f2f2f2}")
OPTIONAL = ADVANCED = None


def tr(text):
    """The pages' own words, translated with the plugin's strings (context LunarLab; update_translations.sh)."""
    return QCoreApplication.translate("LunarLab", text)


def default_text(parameter):
    value = parameter.defaultValue()
    if value is None or value == "":
        return ""
    if hasattr(parameter, "options") and isinstance(value, int) and 0 <= value < len(parameter.options()):
        return f"{value} ({parameter.options()[value]})"
    return str(value)


def page(alg):
    e = html.escape
    global OPTIONAL, ADVANCED
    if OPTIONAL is None:  # Qgis.ProcessingParameterFlag from QGIS 3.36 (and only it in QGIS 4)
        from qgis.core import Qgis, QgsProcessingParameterDefinition
        flags = getattr(Qgis, "ProcessingParameterFlag", None)
        OPTIONAL = flags.Optional if flags is not None else QgsProcessingParameterDefinition.FlagOptional
        ADVANCED = flags.Advanced if flags is not None else QgsProcessingParameterDefinition.FlagAdvanced
    rows = []
    for p in alg.parameterDefinitions():
        help_text = p.help() if hasattr(p, "help") else ""
        options = ""
        if hasattr(p, "options") and p.type() == "enum":
            options = "<br>" + "; ".join(f"{i} = {e(o)}" for i, o in enumerate(p.options()))
        optional = ", ".join(word for word, flag in ((tr("optional"), OPTIONAL), (tr("advanced"), ADVANCED))
                             if p.flags() & flag)
        rows.append(f"<tr><td><code>{e(p.name())}</code></td><td>{e(p.description())}</td><td>{e(p.type())}"
                    f"</td><td>{e(default_text(p))}</td><td>{optional}</td><td>{e(help_text)}{options}</td></tr>")
    outputs = "".join(f"<tr><td><code>{e(o.name())}</code></td><td>{e(o.description())}</td><td>{e(o.type())}"
                      "</td></tr>" for o in alg.outputDefinitions())
    body = "".join(f"<p>{e(par)}</p>" for par in alg.help_text().split("\n") if par.strip())
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{e(alg.displayName())} — Lunar Lab"
            f"</title><style>{STYLE}</style></head><body>\n<h1>{e(alg.displayName())}</h1>\n<p>"
            + e(tr("Algorithm id {id}, group {group}. Run it from the Processing Toolbox, Model Builder, or headless: "
                   "{command}.")).format(id=f"<code>lunar:{e(alg.name())}</code>", group=e(alg.group()),
                                         command=f"<code>qgis_process run lunar:{e(alg.name())} -- NAME=value …</code>")
            + f"</p>\n{body}\n<h2>{e(tr('Parameters'))}</h2>\n<table><tr><th>{e(tr('name'))}</th>"
            f"<th>{e(tr('label'))}</th><th>{e(tr('type'))}</th><th>{e(tr('default'))}</th><th></th>"
            f"<th>{e(tr('help'))}</th></tr>{''.join(rows)}</table>\n<h2>{e(tr('Outputs'))}</h2>\n<table><tr>"
            f"<th>{e(tr('name'))}</th><th>{e(tr('label'))}</th><th>{e(tr('type'))}</th></tr>{outputs}</table>\n"
            f"<p><a href=\"index.html\">{e(tr('All Lunar Lab algorithms'))}</a></p>\n</body></html>\n")


def index(algs):
    e = html.escape
    items = "".join(f"<li><a href=\"{e(a.name())}.html\">{e(a.displayName())}</a> (<code>lunar:{e(a.name())}"
                    "</code>)</li>" for a in algs)
    title = e(tr("Lunar Lab algorithms"))
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<style>{STYLE}</style></head><body><h1>{title}</h1><ul>{items}</ul></body></html>\n")


def build(out):
    """The pages in the language of the translator installed now (none: English)."""
    from lunar_lab.processing_provider.algorithms import all_algorithms
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    algs = sorted(all_algorithms(), key=lambda a: a.name())
    written = []
    for alg in algs:
        alg.initAlgorithm({})
        path = out / f"{alg.name()}.html"
        tmp = path.with_name(path.name + ".partial")
        tmp.write_text(page(alg), encoding="utf-8")
        os.replace(tmp, path)
        written.append(path)
    (out / "index.html").write_text(index(algs), encoding="utf-8")
    return written


def build_translated(out, qm_dir=ROOT / "i18n"):
    """help/<locale>/ for each compiled translation lunar_<locale>.qm in ``qm_dir``."""
    from qgis.PyQt.QtCore import QTranslator
    written = []
    for qm in sorted(Path(qm_dir).glob("lunar_*.qm")):
        translator = QTranslator()
        if not translator.load(str(qm)):
            raise SystemExit(f"{qm}: not a compiled translation (make translations)")
        QCoreApplication.instance().installTranslator(translator)
        try:
            written += build(Path(out) / qm.stem[len("lunar_"):])
        finally:
            QCoreApplication.instance().removeTranslator(translator)
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "help"))
    parser.add_argument("--qm-dir", default=str(ROOT / "i18n"), help="the compiled translations (default i18n/)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    pages = build(args.out) + build_translated(args.out, args.qm_dir)
    print(f"{len(pages)} help pages -> {args.out}")
