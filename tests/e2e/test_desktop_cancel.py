"""Progress and Cancel as a desktop user meets them: lunar:oxidecnn on a 1 Mpx raster run from its dialog in QGIS
under Xvfb (the zip installed in a fresh profile; scripts/screenshots.py, task ``cancel_run``). One run to the end,
whose progress bar must move in steps, and runs cancelled with the dialog's Cancel button, which must stop soon and
leave no output behind."""
import re

import pytest
from qgis.core import Qgis

from tests.e2e.test_desktop import installed_desktop

#: From this QGIS on (3.44.15, Debian forky, Python 3.14) QGIS desktop crashes (SIGSEGV in runPrepared, the dialog's
#: context gone) when lunar:oxidecnn runs with ONNX Runtime in the dialog's task thread, even on 256 x 256 pixels;
#: PyTorch there, and ONNX Runtime in a QgsTask of a plain Python 3.14 or in QGIS 3.22/3.40 desktop, run fine. Not
#: solved: there the runs below use ENGINE=torch (the default engine's crash is in the docs' known problems).
ORT_CRASHES_FROM_VERSION = 34400
#: At least this many distinct progress values in a full 1 Mpx run (issue 24: the bar jumped 0 -> 100).
MIN_STEPS = 10
#: Seconds from Cancel to the end of the run, as issue 24 asks (measured here: 0.02-0.1 s; the CNN's strips between
#: checks are about 0.1 s of work).
MAX_STOP_SECONDS = 1.0


@pytest.fixture(scope="module")
def cancel_run(tmp_path_factory):
    shots, tmp, _ = installed_desktop(tmp_path_factory, "desktop_progress")
    default = {"ENGINE": 2} if Qgis.QGIS_VERSION_INT >= ORT_CRASHES_FROM_VERSION else {}
    runs = [{"name": "full", "parameters": default}, {"name": "stopped", "cancel_after_s": 2.0, "parameters": default},
            {"name": "stopped_torch", "cancel_after_s": 2.0, "parameters": {"ENGINE": 2}}]
    task = {"work": str(tmp / "work"), "cancel_run": {"side": 1024, "runs": runs}, "watchdog_ms": 150000}
    rc, report, log = shots.run_qgis(tmp / "profiles", task, timeout=170)
    assert report is not None and not report["errors"], (report or {}).get("errors") or log[-3000:]
    return report["cancel_run"]


def test_a_full_1_mpx_run_moves_the_progress_bar_in_steps(cancel_run):
    complete = next(r for r in cancel_run["runs"] if r["run"] == "full")
    assert cancel_run["pixels"] == 1024 * 1024 and not complete.get("timed_out")
    steps = [v for v in complete["values"] if 0 < v < 100]
    assert len(steps) >= MIN_STEPS, complete["values"]
    assert complete["output_exists"], complete["log"]


@pytest.mark.parametrize("run", ["stopped", "stopped_torch"])
def test_cancel_stops_the_run_within_a_second_and_leaves_nothing(cancel_run, run):
    """With either engine (ONNX Runtime by default, PyTorch asked for): both are imported before the task's thread
    starts (LunarAlgorithm.prepareAlgorithm); imported in it, they crashed QGIS 3.22 here."""
    cancelled = next(r for r in cancel_run["runs"] if r["run"] == run)
    assert "cancel_at" in cancelled, cancelled["log"][-1500:]    # still running when Cancel was clicked
    assert cancelled["ended"] - cancelled["cancel_at"] <= MAX_STOP_SECONDS, cancelled
    assert not cancelled["output_exists"] and not cancelled["leftovers"], cancelled["leftovers"]
    said = [line for line in cancelled["log"].splitlines() if re.search("cancel", line, re.IGNORECASE)]
    assert len(said) == 1, said     # one line says so (issue 24: two near-identical ones)
