"""Write the generated pages of the documentation site as Markdown: the algorithm reference (one page per
algorithm, from its HELP text and its parameter and output definitions, as scripts/build_help.py renders them for
the Help button) and the model cards (one page per models/*.json). Nothing here is hand-copied text: change the
algorithm or retrain the model and the page follows.

scripts/docs_hooks.py runs it on every `mkdocs build` (so `make docs`) into a temporary folder under build/ and hands
the pages to MkDocs; run it alone to look at the Markdown:

    .venv/bin/python scripts/build_docs_pages.py --out build/docs-generated

It also writes nav.json there: the pages' titles in order, for the site's navigation.
"""
import argparse
import glob
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import plugin_path  # noqa: E402,F401 -- the checkout importable as lunar_lab
import build_help  # noqa: E402 -- the Help pages' renderers (default values, flags)


# ---- Markdown helpers ---------------------------------------------------------------------------------------------
def text(value):
    """Plain text for a Markdown paragraph or table cell: HTML and Markdown's own characters escaped, one line."""
    value = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|":
        value = value.replace(char, "\\" + char)
    return " ".join(value.split())


def code(value):
    """Inline code for a table cell (backticks and pipes cannot appear inside it, so those go out as text)."""
    value = str(value)
    if "`" in value or "|" in value or not value:
        return text(value)
    return f"`{value}`"


def number(value):
    if isinstance(value, bool) or not isinstance(value, float):
        return str(value)
    return f"{value:.4g}" if abs(value) < 1000 else f"{value:.1f}"  # the card's JSON, at the page's end, is exact


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell if cell != "" else " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# ---- algorithm reference ------------------------------------------------------------------------------------------
def flags_text(parameter):
    if build_help.OPTIONAL is None:
        from qgis.core import Qgis, QgsProcessingParameterDefinition
        flags = getattr(Qgis, "ProcessingParameterFlag", None)
        build_help.OPTIONAL = flags.Optional if flags is not None else QgsProcessingParameterDefinition.FlagOptional
        build_help.ADVANCED = flags.Advanced if flags is not None else QgsProcessingParameterDefinition.FlagAdvanced
    return ", ".join(word for word, flag in (("optional", build_help.OPTIONAL), ("advanced", build_help.ADVANCED))
                     if parameter.flags() & flag)


def algorithm_page(alg):
    name = alg.name()
    out = [f"# {text(alg.displayName())}\n",
           f"Algorithm id `lunar:{name}`, group *{text(alg.group())}*. In the Processing Toolbox under Lunar Lab, in "
           "Model Builder, and headless:\n",
           f"```sh\nbin/lunar-process help lunar:{name}\nbin/lunar-process --json run lunar:{name} -- NAME=value …\n```\n",
           "*Generated from the algorithm's own help text and parameter definitions (the page its Help button "
           "opens); the [methods and validation](../methods/index.md) pages say how it was measured.*\n"]
    out += [text(par) + "\n" for par in alg.help_text().split("\n") if par.strip()]
    rows = []
    for p in alg.parameterDefinitions():
        help_text = text(p.help()) if hasattr(p, "help") else ""
        if hasattr(p, "options") and p.type() == "enum":
            help_text += ("<br>" if help_text else "") + "; ".join(f"{i} = {text(o)}" for i, o in enumerate(p.options()))
        rows.append([code(p.name()), text(p.description()), code(p.type()), code(build_help.default_text(p)),
                     flags_text(p), help_text])
    out += ["## Parameters\n", table(["name", "label", "type", "default", "", "help"], rows)]
    outputs = [[code(o.name()), text(o.description()), code(o.type())] for o in alg.outputDefinitions()]
    out += ["## Outputs\n", table(["name", "label", "type"], outputs)]
    return "\n".join(out)


def reference(out):
    from lunar_lab.processing_provider.algorithms import all_algorithms
    algs = sorted(all_algorithms(), key=lambda a: (a.group(), a.name()))
    (out / "reference").mkdir(parents=True, exist_ok=True)
    nav = []
    rows = []
    for alg in algs:
        alg.initAlgorithm({})
        (out / "reference" / f"{alg.name()}.md").write_text(algorithm_page(alg), encoding="utf-8")
        nav.append({alg.displayName(): f"reference/{alg.name()}.md"})
        first = alg.help_text().strip().split("\n")[0]
        first = first.split(". ")[0].rstrip(".") + "."
        rows.append([f"[{text(alg.displayName())}]({alg.name()}.md)", code("lunar:" + alg.name()),
                     text(alg.group()), text(first)])
    index = ["# Algorithm reference\n",
             f"The {len(algs)} algorithms of the `lunar` provider, each page generated from the algorithm's own help "
             "text and parameter definitions by `scripts/build_docs_pages.py` (the same source as the Help button's "
             "pages, `scripts/build_help.py`). Parameters marked *advanced* sit under *Advanced Parameters* in the "
             "dialog.\n", table(["algorithm", "id", "group", "what it does"], rows)]
    (out / "reference" / "index.md").write_text("\n".join(index), encoding="utf-8")
    return nav


# ---- model cards --------------------------------------------------------------------------------------------------
SCALAR = (str, int, float, bool, type(None))
#: Card sections shown first, where a card has them: its measured figures, then its data and split.
FIRST = ("metrics", "trials", "holdout_band", "comparison", "targets", "trust", "label_completeness",
         "relief_study", "data", "split", "training_sites")


def scalar_text(value):
    if isinstance(value, float):
        return number(value)
    if value is None:
        return "–"
    return text(value)


def is_flat(value):
    """A scalar, or a short list of scalars: one table cell."""
    return isinstance(value, SCALAR) or (isinstance(value, list) and len(value) <= 12
                                         and all(isinstance(v, SCALAR) for v in value))


def cell(value):
    if isinstance(value, list):
        return ", ".join(scalar_text(v) for v in value)
    return scalar_text(value)


def render(key, value, depth):
    """Markdown for one field of a card: tables where the structure allows, JSON where it does not."""
    heading = "#" * min(depth, 6) + " " + code(key) + "\n"
    if is_flat(value):
        return None  # gathered into the parent's field table
    if isinstance(value, dict) and all(is_flat(v) for v in value.values()):
        return heading + "\n" + table(["field", "value"], [[code(k), cell(v)] for k, v in value.items()])
    if isinstance(value, dict) and value and all(isinstance(v, dict) and all(is_flat(x) for x in v.values())
                                                 for v in value.values()):
        columns = list(dict.fromkeys(k for v in value.values() for k in v))
        if len(columns) <= 14:
            rows = [[code(k)] + [cell(v[c]) if c in v else "" for c in columns] for k, v in value.items()]
            return heading + "\n" + table([""] + [code(c) for c in columns], rows)
    if isinstance(value, dict) and depth < 4:
        parts = [heading]
        flat = [[code(k), cell(v)] for k, v in value.items() if is_flat(v)]
        if flat:
            parts.append(table(["field", "value"], flat))
        parts += [r for k, v in value.items() if (r := render(k, v, depth + 1))]
        return "\n".join(parts)
    if isinstance(value, list) and value and all(isinstance(v, dict) and all(is_flat(x) for x in v.values())
                                                 for v in value):
        columns = list(dict.fromkeys(k for v in value for k in v))
        if len(columns) <= 14:  # a list of records: one row each
            rows = [[cell(v[c]) if c in v else "" for c in columns] for v in value]
            return heading + "\n" + table([code(c) for c in columns], rows)
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value) and depth < 4:
        parts = [heading]
        for i, item in enumerate(value, 1):
            parts.append(render(f"{key}[{i}]", item, depth + 1) or "")
        return "\n".join(parts)
    return heading + "\n```json\n" + json.dumps(value, indent=1, ensure_ascii=False) + "\n```\n"


def card_page(path, summary):
    card = json.loads(Path(path).read_text(encoding="utf-8"))
    stem = Path(path).stem
    files = [f"`models/{stem}.json` (this card)"]
    for ext in (".pt", ".onnx"):
        if (Path(path).with_suffix(ext)).exists():
            files.insert(0, f"`models/{stem}{ext}`")
    out = [f"# {text(card.get('name', stem))}\n",
           "Files: " + ", ".join(files) + ". *Generated from the card by `scripts/build_docs_pages.py`; the card is "
           "written by the script that trained the model" + (f" (`{card['script']}`)" if card.get("script") else "")
           + ".*\n"]
    if summary:
        out.append(f"**Headline** (as the About box shows it): {text(summary)}\n")
    for key in ("description", "task", "note"):
        if isinstance(card.get(key), str):
            out.append(text(card[key]) + "\n")
    shown = ("description", "task", "note")
    flat = [[code(k), cell(v)] for k, v in card.items() if is_flat(v) and k not in shown]
    out += ["## Card fields\n", table(["field", "value"], flat)]
    # what was measured first, then the data it was measured on, then the rest in the card's order
    first = [k for k in FIRST if k in card]
    out += [r for k in first + [k for k in card if k not in first] if (r := render(k, card[k], 2))]
    out.append('??? note "The card as JSON"\n\n    ```json\n' + "\n".join(
        "    " + line for line in json.dumps(card, indent=1, ensure_ascii=False).splitlines()) + "\n    ```\n")
    return "\n".join(out)


def model_cards(out):
    from lunar_lab.lunar_plugin import about
    (out / "models").mkdir(parents=True, exist_ok=True)
    summaries = {c["file"]: c for c in about.model_cards(str(ROOT / "models"))}
    nav, rows = [], []
    for path in sorted(glob.glob(str(ROOT / "models" / "*.json"))):
        stem = Path(path).stem
        info = summaries.get(stem)
        (out / "models" / f"{stem}.md").write_text(card_page(path, info["summary"] if info else ""),
                                                   encoding="utf-8")
        nav.append({stem: f"models/{stem}.md"})
        if info:
            rows.append([f"[{text(stem)}]({stem}.md)", code(f"models/{stem}.pt"), text(info["date"]),
                         text(info["summary"])])
        else:
            rows.append([f"[{text(stem)}]({stem}.md)", code(f"models/{stem}.json"), "",
                         "data beside the models (no weights)"])
    index = ["# Model cards\n",
             "Each shipped model (`models/NAME.pt`, with `models/NAME.onnx` for ONNX Runtime) has a card, "
             "`models/NAME.json`, written by the training script that produced the weights: data, settings and "
             "measured metrics. These pages are generated from the cards; the headline is the one the About box "
             "shows. The [methods and validation](../methods/index.md) pages explain the figures.\n",
             table(["card", "file", "date", "headline"], rows)]
    (out / "models" / "index.md").write_text("\n".join(index), encoding="utf-8")
    return nav


def build(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    nav = {"reference": reference(out), "models": model_cards(out)}
    (out / "nav.json").write_text(json.dumps(nav, ensure_ascii=False, indent=1), encoding="utf-8")
    return nav


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "docs-generated"))
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    nav = build(args.out)
    print(f"{len(nav['reference'])} algorithm pages, {len(nav['models'])} model cards -> {args.out}")
