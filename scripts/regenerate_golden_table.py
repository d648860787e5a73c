#!/usr/bin/env python
"""Rewrite the expected statistics of the golden table (tests/algorithms/golden_table.yaml) from a fresh run of
its cases. Only after a deliberate change of results; say in the commit which figures moved and why.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/regenerate_golden_table.py [--threads 1]

The test (tests/algorithms/test_golden.py) never calls this: it compares a fresh run with the table.
"""
import argparse
import sys
import tempfile
import time

from plugin_path import ROOT  # noqa: F401 (makes the checkout importable as lunar_lab)

import yaml  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=1, help="torch threads (default 1)")
    args = ap.parse_args(argv)
    import torch
    torch.set_num_threads(args.threads)
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    Processing.initialize()
    import processing

    from lunar_lab.processing_provider.provider import LunarProvider
    from lunar_lab.tests.algorithms import golden
    provider = LunarProvider()
    QgsApplication.processingRegistry().addProvider(provider)

    table = golden.load_table()
    with tempfile.TemporaryDirectory() as folder:
        run = golden.Run(table, folder, lambda alg, params: processing.run(
            alg, params, context=QgsProcessingContext(), feedback=QgsProcessingFeedback()))
        for case in table["cases"]:
            start = time.time()
            case["expected"] = golden.case_stats(run.result(case["name"]), case)
            for check in case.get("achieves", []):
                print(f"  {check['output']}: achieves {golden.achieved(check, run.result(case['name']))[0]:.4g}")
            print(f"{case['name']}: {len(case['expected'])} outputs, {time.time() - start:.1f} s", flush=True)
    header = "".join(line for line in golden.TABLE.read_text(encoding="utf-8").splitlines(keepends=True)
                     if line.startswith("#"))
    text = yaml.safe_dump(table, sort_keys=False, width=118, default_flow_style=None)
    golden.TABLE.write_text(header + text, encoding="utf-8")
    print(f"wrote {golden.TABLE}")


if __name__ == "__main__":
    main()
