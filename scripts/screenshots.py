"""Lunar Lab in a real QGIS desktop window under Xvfb: screenshots for the docs, and the desktop end-to-end check.

Run from a shell (what README's screenshots come from):

    .venv/bin/python scripts/screenshots.py                 # demo_output/lunar_lab_demo.qgz -> docs/screenshots/
    .venv/bin/python scripts/screenshots.py --zip dist/lunar_lab-0.1.0.zip --out /tmp/shots --run-algorithms

It installs the plugin from the zip made by scripts/package.sh (built when --zip is not given) into a temporary
profile (``qgis --profiles-path``), enables it there, and starts ``qgis`` under
``xvfb-run -a -s '-screen 0 1600x1000x24'`` with ``--code`` pointing at this same file. Inside QGIS (the
LUNAR_DESKTOP_TASK variable names a JSON task file) it checks the plugin's menu, toolbar and provider, optionally
runs lunar:syntheticscene and lunar:oxideequations with ``processing.runAndLoadResults``, saves PNG screenshots
(main window with layer tree and map, the Lunar Lab menu, an algorithm dialog, the About box), unloads the plugin
to check it cleans up, writes its findings to a JSON report and exits QGIS. tests/e2e/test_desktop.py uses it.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

try:
    HERE = Path(__file__).resolve()
except NameError:  # qgis --code runs the file with exec(), without __file__
    HERE = Path(os.environ.get("LUNAR_DESKTOP_SCRIPT", "scripts/screenshots.py")).resolve()
ROOT = HERE.parents[1]
SCREEN = "1600x1000x24"
TASK_ENV = "LUNAR_DESKTOP_TASK"
PLUGIN = "lunar_lab"

#: QGIS3.ini of the temporary profile: the plugin enabled, no first-run noise.
PROFILE_INI = """[PythonPlugins]
{plugin}=true
processing=true

[Plugins]
lastZipDirectory=

[qgis]
checkVersion=false
showTips{ver}=false
newProjectDefault=false
askToSaveProjectChanges=false
messageTimeout=1
crashReport=false

[core]
NewsFeed\\httpsfeedqgisorg\\disabled=true

[app]
LocaleSettingsVersion=1
"""


# ---------------------------------------------------------------------------------------------------------------
# Outside QGIS: build/install the zip, run QGIS under Xvfb
# ---------------------------------------------------------------------------------------------------------------
def build_zip(dist):
    proc = subprocess.run([str(ROOT / "scripts" / "package.sh")], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, DIST=str(dist)))
    if proc.returncode != 0:
        raise RuntimeError(f"scripts/package.sh failed:\n{proc.stdout}\n{proc.stderr}")
    return Path(proc.stdout.strip().splitlines()[-1])


def install_profile(zip_path, profiles_path, locale=None):
    """Unzip the plugin into PROFILES/profiles/default/python/plugins and enable it in that profile; with no
    ``zip_path``, link this checkout there instead (scripts/counting_desktop.py)."""
    profile = Path(profiles_path) / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    if zip_path is None:
        (plugins / PLUGIN).symlink_to(ROOT, target_is_directory=True)
    else:
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(plugins)
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    text = PROFILE_INI.format(plugin=PLUGIN, ver="")
    if locale:
        text += f"\n[locale]\noverrideFlag=true\nuserLocale={locale}\n"
    ini.write_text(text)
    return plugins / PLUGIN


def run_qgis(profiles_path, task, project=None, timeout=110, screen=SCREEN, script=None, task_env=TASK_ENV):
    """Start QGIS desktop under Xvfb on TASK (a dict, see ``inside_qgis``); returns (returncode, report, log).

    ``script`` (default: this file) is what ``qgis --code`` runs, reading the task file named by ``task_env``
    (scripts/counting_desktop.py runs its own). The whole process group (xvfb-run, Xvfb, qgis) is killed on timeout,
    so no Xvfb is left behind.
    """
    script = Path(script or HERE)
    work = Path(tempfile.mkdtemp(prefix="lunar_desktop_"))
    task = dict(task, report=str(work / "report.json"))
    if project:   # opened by the script as File > Open would (QGIS 3.44 ran no --code script beside --project)
        task["project"] = str(Path(project).resolve())
    (work / "task.json").write_text(json.dumps(task))
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_PLUGINPATH", "PYTHONPATH", "QT_QPA_PLATFORM",
                                                             "QGIS_CUSTOM_CONFIG_PATH", "DISPLAY")}
    site = sorted((ROOT / ".venv" / "lib").glob("python3*/site-packages"))
    if site:
        env["PYTHONPATH"] = str(site[0])  # torch for the neural-network algorithms; never the repository
        env["LUNAR_DESKTOP_SITE"] = str(site[0])  # its .pth files too (inside_qgis), which PYTHONPATH skips
    env[task_env] = str(work / "task.json")
    env["LUNAR_DESKTOP_SCRIPT"] = str(script)   # qgis --code runs it with exec(), without __file__
    env.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {screen}", "qgis", "--nologo", "--noversioncheck",
           "--profiles-path", str(profiles_path)]
    cmd += ["--code", str(script)]
    log = work / "qgis.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=str(work),
                                start_new_session=True)
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            rc = 124
        finally:
            try:  # xvfb-run, Xvfb and qgis share the new session's process group
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
    report = json.loads(Path(task["report"]).read_text()) if Path(task["report"]).exists() else None
    if report is not None:
        report["task_file"] = env[task_env]  # what this run's processes carry (tests look for leftovers by it)
    text = log.read_text(errors="replace")
    shutil.rmtree(work, ignore_errors=True)
    return rc, report, text


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zip", help="plugin zip (default: build one with scripts/package.sh)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--project", default=str(ROOT / "demo_output" / "lunar_lab_demo.qgz"),
                        help="project to open (make demo writes it); skipped when missing")
    parser.add_argument("--run-algorithms", action="store_true",
                        help="also run lunar:syntheticscene + lunar:oxideequations inside QGIS")
    parser.add_argument("--locale", help="e.g. zh_CN: QGIS locale/userLocale for the screenshots")
    parser.add_argument("--timeout", type=int, default=110)
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="lunar_shots_"))
    try:
        zip_path = Path(args.zip) if args.zip else build_zip(tmp / "dist")
        install_profile(zip_path, tmp / "profiles", args.locale)
        project = Path(args.project) if args.project and Path(args.project).exists() else None
        out = Path(args.out).resolve()
        out.mkdir(parents=True, exist_ok=True)
        suffix = f"_{args.locale}" if args.locale else ""
        task = {"screenshots": str(out), "suffix": suffix, "run_algorithms": bool(args.run_algorithms or not project),
                "work": str(tmp / "work"), "dialogs": True}
        started = time.time()
        rc, report, log = run_qgis(tmp / "profiles", task, project, timeout=args.timeout)
        if not report or not report.get("ok"):
            print(log[-4000:], file=sys.stderr)
            print(json.dumps(report, indent=1), file=sys.stderr)
            return 1
        for shot in report["screenshots"]:
            print(f"{shot}  ({Path(shot).stat().st_size // 1024} KiB)")
        print(f"QGIS ran {time.time() - started:.0f} s (rc {rc})")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------------------------------------
# Inside QGIS (qgis --code this file, with LUNAR_DESKTOP_TASK set)
# ---------------------------------------------------------------------------------------------------------------
def inside_qgis(task_path):
    import traceback

    from qgis.core import QgsApplication, QgsProject, QgsRasterLayer
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtGui import QImage
    from qgis.PyQt.QtWidgets import QApplication, QMenu, QToolBar
    from qgis.utils import iface

    task = json.loads(Path(task_path).read_text())
    report = {"ok": False, "screenshots": [], "errors": [], "steps": []}
    if os.environ.get("LUNAR_DESKTOP_FAULTS"):   # a crash's Python stacks, all threads, into that file
        import faulthandler
        keep_open = open(os.environ["LUNAR_DESKTOP_FAULTS"], "w")
        faulthandler.enable(file=keep_open, all_threads=True)
    if os.environ.get("LUNAR_DESKTOP_SITE"):   # the venv as a site: its .pth files (a chroot's torch) count too
        import site
        site.addsitedir(os.environ["LUNAR_DESKTOP_SITE"])
    shots = Path(task["screenshots"]) if task.get("screenshots") else None
    keep = []  # Python references to timers and widgets

    def finish():
        Path(task["report"]).write_text(json.dumps(report, indent=1, default=str))
        sys.stdout.flush()
        os._exit(0)  # no exit dialogs, no teardown surprises; the caller reads the report

    def python_error(kind, value, tb, *args, **kwargs):
        """A Python error anywhere in QGIS (a slot, a timer) goes into the report, not a modal dialog."""
        report["errors"].append("".join(traceback.format_exception(kind, value, tb)))
        finish()

    sys.excepthook = python_error

    def later(ms, fn):
        timer = QTimer()
        timer.setSingleShot(True)

        def run():
            try:
                fn()
            except Exception:  # noqa: BLE001 (reported, then QGIS exits)
                report["errors"].append(traceback.format_exc())
                finish()
        timer.timeout.connect(run)
        timer.start(ms)
        keep.append(timer)

    def save(image, name, max_width=1600):
        if shots is None:
            return
        if image.width() > max_width:
            image = image.scaledToWidth(max_width, 1)  # Qt.SmoothTransformation
        # 8-bit palette with dithering: PNGs of a few hundred KB instead of megabytes
        image = image.convertToFormat(QImage.Format_Indexed8)
        path = shots / f"{name}{task.get('suffix', '')}.png"
        image.save(str(path), "png")
        report["screenshots"].append(str(path))

    def grab_screen():
        return QApplication.primaryScreen().grabWindow(0).toImage()

    def when_rendered(then, tries=120):
        canvas = iface.mapCanvas()
        if canvas.isDrawing() and tries > 0:
            later(250, lambda: when_rendered(then, tries - 1))
        else:
            later(400, then)

    def describe_layers():
        layers = []
        for layer in QgsProject.instance().mapLayers().values():
            renderer = layer.renderer() if hasattr(layer, "renderer") else None
            layers.append({"name": layer.name(), "valid": layer.isValid(),
                           "kind": "raster" if isinstance(layer, QgsRasterLayer) else "vector",
                           "renderer": type(renderer).__name__ if renderer is not None else None,
                           "source": layer.source()})
        return layers

    # ---- steps ---------------------------------------------------------------------------------------------
    def arrange_window():
        from qgis.PyQt.QtWidgets import QDockWidget
        window = iface.mainWindow()
        window.setGeometry(QApplication.primaryScreen().geometry())  # Xvfb has no window manager to maximise
        for name, visible in (("Browser", False), ("ProcessingToolbox", True), ("Layers", True)):
            dock = window.findChild(QDockWidget, name)
            if dock is not None:
                dock.setVisible(visible)
        toolbox = window.findChild(QDockWidget, "ProcessingToolbox")
        layers = window.findChild(QDockWidget, "Layers")
        if toolbox is not None and layers is not None:
            from qgis.PyQt.QtCore import Qt
            window.resizeDocks([layers, toolbox], [360, 300], Qt.Horizontal)
        tree = getattr(toolbox, "algorithmTree", None)
        if tree is not None:  # only the Lunar Lab provider expanded
            tree.collapseAll()
            model = tree.model()
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                if "Lunar Lab" in str(model.data(index)):
                    tree.expandRecursively(index)
                    tree.scrollTo(index, tree.PositionAtTop)
        iface.messageBar().clearWidgets()

    def check_plugin():
        import qgis.utils
        window = iface.mainWindow()
        arrange_window()
        report["qgis_version"] = __import__("qgis.core", fromlist=["Qgis"]).Qgis.QGIS_VERSION
        report["plugin_loaded"] = PLUGIN in qgis.utils.plugins
        report["plugin_path"] = getattr(sys.modules.get(PLUGIN), "__file__", None)
        report["provider"] = QgsApplication.processingRegistry().providerById("lunar") is not None
        report["algorithms"] = sorted(a.id() for a in QgsApplication.processingRegistry().algorithms()
                                      if a.provider() is not None and a.provider().id() == "lunar")
        menu = window.findChild(QMenu, "mLunarLabMenu")
        report["menu_in_menubar"] = menu is not None and menu.menuAction() in window.menuBar().actions()
        report["menu_title"] = menu.title() if menu else None
        report["menu_actions"] = [a.objectName() for a in menu.actions() if a.objectName()] if menu else []
        toolbar = window.findChild(QToolBar, "mLunarLabToolBar")
        report["toolbar_actions"] = [a.objectName() for a in toolbar.actions()] if toolbar else []
        report["steps"].append("plugin checked")
        if task.get("cancel_run"):
            later(10, cancel_from_dialog)
        else:
            later(10, run_algorithms if task.get("run_algorithms") else zoom)

    def cancel_from_dialog():
        """lunar:oxidecnn on a 1 Mpx raster from its dialog, as a user runs it: each of task["cancel_run"]["runs"]
        ({"name", "cancel_after_s" (none: to the end), "parameters"}) clicks Run, watches the progress bar and clicks
        Cancel when asked; the bar's values, the seconds from Cancel to the end of the run, the log and what was left
        in the output folder go to report["cancel_run"]."""
        import processing
        from osgeo import gdal
        from qgis.PyQt.QtWidgets import QProgressBar, QTextEdit
        work = Path(task["work"])
        work.mkdir(parents=True, exist_ok=True)
        scene = processing.run("lunar:syntheticscene", {
            "WIDTH": 128, "HEIGHT": 128, "SEED": 3, "OUTPUT_DEM": str(work / "dem.tif"),
            "OUTPUT_DOM": str(work / "dom.tif"), "OUTPUT_REFLECTANCE": str(work / "reflectance_small.tif"),
            "OUTPUT_CRATERS": str(work / "craters.gpkg"), "OUTPUT_UNITS": str(work / "units.gpkg")})
        side = int(task["cancel_run"].get("side", 1024))
        big = str(work / "reflectance_1mpx.tif")
        gdal.Translate(big, scene["OUTPUT_REFLECTANCE"], width=side, height=side)
        result = report["cancel_run"] = {"pixels": side * side, "runs": []}
        manager = QgsApplication.taskManager()
        todo = list(task["cancel_run"]["runs"])

        class DialogRun:
            """One run from the dialog, watched every 20 ms (state on an object: plain and easy to follow)."""

            def __init__(self, spec):
                self.name = spec["name"]
                self.output = work / f"feo_{self.name}.tif"
                self.dialog = processing.createAlgorithmDialog("lunar:oxidecnn", {
                    "INPUT": big, "OUTPUT_FEO": str(self.output), **spec.get("parameters", {})})
                self.dialog.show()
                self.bar = self.dialog.findChild(QProgressBar)
                self.record = {"run": self.name, "values": [], "started": time.time()}
                result["runs"].append(self.record)
                self.cancel_after = spec.get("cancel_after_s")
                keep.append(self)
                self.dialog.runAlgorithm()   # the Run button's slot
                later(20, self.poll)

            def poll(self):
                record, dialog = self.record, self.dialog
                now = time.time() - record["started"]
                if self.bar.value() not in record["values"]:
                    record["values"].append(self.bar.value())
                if self.cancel_after is not None and "cancel_at" not in record and now >= self.cancel_after:
                    record["cancel_at"] = now
                    dialog.cancelButton().click()
                # the dialog's on_complete ends by dropping its feedback: the run and its bookkeeping are over
                if now > 0.5 and manager.countActiveTasks() == 0 and getattr(dialog, "feedback", None) is None:
                    record["ended"] = now
                    log = dialog.findChild(QTextEdit, "txtLog")
                    record["log"] = log.toPlainText() if log is not None else None
                    record["output_exists"] = self.output.exists()
                    record["leftovers"] = sorted(p.name for p in work.iterdir() if p.name.startswith(self.output.stem))
                    dialog.close()
                    later(10, next_run)
                elif now > 80:
                    record["timed_out"] = True
                    later(10, next_run)
                else:
                    later(20, self.poll)

        def next_run():
            if todo:
                DialogRun(todo.pop(0))
            else:
                report["steps"].append("cancel runs")
                later(10, unload)
        next_run()

    def run_algorithms():
        import processing
        work = Path(task["work"])
        work.mkdir(parents=True, exist_ok=True)
        started = time.time()
        scene = processing.runAndLoadResults("lunar:syntheticscene", {
            "WIDTH": 192, "HEIGHT": 160, "SEED": 7, "OUTPUT_DEM": str(work / "dem.tif"),
            "OUTPUT_DOM": str(work / "dom.tif"), "OUTPUT_REFLECTANCE": str(work / "reflectance.tif"),
            "OUTPUT_CRATERS": str(work / "craters.gpkg"), "OUTPUT_UNITS": str(work / "units.gpkg")})
        oxides = processing.runAndLoadResults("lunar:oxideequations", {
            "INPUT": scene["OUTPUT_REFLECTANCE"], "OUTPUT_FEO": str(work / "feo.tif"),
            "OUTPUT_TIO2": str(work / "tio2.tif"), "OUTPUT_OMAT": str(work / "omat.tif")})
        report["algorithm_seconds"] = round(time.time() - started, 2)
        started = time.time()
        craters = processing.runAndLoadResults("model:Craters: fusion, detection, ages, CSFD", {
            "DEM": scene["OUTPUT_DEM"], "DOM": scene["OUTPUT_DOM"], "MIN_DIAMETER_KM": 0.5,
            "fuse:Fused DOM/DEM": str(work / "model_fused.tif"),
            "detect:Detected craters": str(work / "model_detected.gpkg"),
            "ages:Craters by lunar System": str(work / "model_aged.gpkg"),
            "csfd:CSFD table": str(work / "model_csfd.csv"), "csfd:CSFD plot": str(work / "model_csfd.png"),
            "csfd:CSFD report": str(work / "model_csfd.html")})
        chemistry = processing.runAndLoadResults("model:Chemistry: equations, CNN oxides, Mg#, equal-area statistics", {
            "REFLECTANCE": scene["OUTPUT_REFLECTANCE"],
            **{f"cnn:{o} (CNN)": str(work / f"model_{o.lower()}_cnn.tif") for o in ("FeO", "TiO2", "Al2O3", "MgO", "CaO")},
            "equations:FeO (equation)": str(work / "model_feo_eq.tif"),
            "equations:TiO2 (equation)": str(work / "model_tio2_eq.tif"), "equations:OMAT": str(work / "model_omat.tif"),
            "mg:Mg#": str(work / "model_mg.tif"), "sampling:Equal-area samples": str(work / "model_samples.gpkg"),
            "sampling:Equal-area statistics": str(work / "model_stats.csv")})
        report["model_seconds"] = round(time.time() - started, 2)
        report["results"] = {"scene": scene, "oxides": oxides, "crater_model": craters, "chemistry_model": chemistry}
        report["steps"].append("algorithms run")
        reopen_and_reproject(work)
        later(10, zoom)

    def legend_rows(layer_id):
        """The rows the Layers panel shows under a layer: (row type, text)."""
        node = QgsProject.instance().layerTreeRoot().findLayer(layer_id) if layer_id else None
        if node is None:
            return None
        return [[type(row).__name__, str(row.data(0))]
                for row in iface.layerTreeView().layerTreeModel().layerLegendNodes(node)]

    def reopen_and_reproject(work):
        """What a user does next: reopen the saved files as new layers, and view the project in a projected
        Moon CRS (IAU 2015 equirectangular), into which every layer is reprojected on the fly."""
        from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsVectorLayer
        target = QgsCoordinateReferenceSystem("IAU_2015:30110")
        reopened = {}
        for name in ("craters.gpkg", "model_detected.gpkg", "model_aged.gpkg", "model_samples.gpkg"):
            layer = QgsVectorLayer(str(work / name), name, "ogr")
            feature = next(layer.getFeatures(), None)
            entry = {"valid": layer.isValid(), "crs_valid": layer.crs().isValid(), "authid": layer.crs().authid(),
                     "renderer": type(layer.renderer()).__name__ if layer.renderer() else None,
                     "features": layer.featureCount()}
            if feature is not None and layer.crs().isValid():
                centre = feature.geometry().centroid().asPoint()
                xy = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance()).transform(centre)
                entry.update({"lonlat": [centre.x(), centre.y()], "equirectangular_m": [xy.x(), xy.y()]})
            reopened[name] = entry
        report["reopened"] = reopened
        raster = iface.addRasterLayer(str(work / "feo.tif"), "FeO reopened")   # its .qml asks for Lunar Lab's legend
        report["reopened_raster_id"] = raster.id() if raster is not None else None
        QgsProject.instance().setCrs(target)
        iface.mapCanvas().setDestinationCrs(target)
        report["project_crs"] = QgsProject.instance().crs().authid()
        report["canvas_crs"] = iface.mapCanvas().mapSettings().destinationCrs().authid()
        report["steps"].append("reopened and reprojected")

    def zoom():
        report["layers"] = describe_layers()
        report["reopened_raster_legend"] = legend_rows(report.pop("reopened_raster_id", None))
        arrange_window()
        canvas = iface.mapCanvas()
        canvas.zoomToFullExtent()
        canvas.refresh()
        when_rendered(shoot_main)

    def shoot_main():
        iface.messageBar().clearWidgets()
        QApplication.processEvents()
        save(iface.mainWindow().grab().toImage(), "main_window")
        report["steps"].append("main window")
        if task.get("dialogs"):
            later(10, shoot_menu)
        else:
            later(10, unload)

    def shoot_menu():
        menu = iface.mainWindow().findChild(QMenu, "mLunarLabMenu")
        bar = iface.mainWindow().menuBar()
        pos = bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft())
        menu.popup(pos)
        keep.append(menu)

        def grab():
            top = bar.mapToGlobal(bar.rect().topLeft()).y()
            box = menu.geometry()
            left = max(0, box.left() - 360)
            image = grab_screen().copy(left, top, box.right() + 40 - left, box.bottom() + 12 - top)
            save(image, "lunar_lab_menu")
            menu.hide()
            report["steps"].append("menu")
            later(10, shoot_dialog)
        later(600, grab)

    def shoot_dialog():
        import processing
        inputs = [layer for layer in QgsProject.instance().mapLayers().values()
                  if isinstance(layer, QgsRasterLayer) and layer.bandCount() >= 4]
        dialog = processing.createAlgorithmDialog("lunar:oxideequations",
                                                  {"INPUT": inputs[0]} if inputs else {})
        dialog.resize(1100, 760)
        dialog.show()
        keep.append(dialog)

        def grab():
            save(dialog.grab().toImage(), "oxide_dialog")
            dialog.close()
            report["steps"].append("dialog")
            later(10, shoot_about)
        later(800, grab)

    def shoot_about():
        about = sys.modules[PLUGIN + ".lunar_plugin.about"] if PLUGIN + ".lunar_plugin.about" in sys.modules \
            else __import__(PLUGIN + ".lunar_plugin.about", fromlist=["about_dialog"])
        box = about.about_dialog(iface.mainWindow())
        box.show()
        keep.append(box)

        def grab():
            report["about_html"] = about.about_html()
            save(box.grab().toImage(), "about")
            box.close()
            report["steps"].append("about")
            later(10, unload)
        later(500, grab)

    def unload():
        import qgis.utils
        report["unloaded"] = qgis.utils.unloadPlugin(PLUGIN)

        def check():
            window = iface.mainWindow()
            report["after_unload"] = {
                "menu": window.findChild(QMenu, "mLunarLabMenu") is not None,
                "toolbar": window.findChild(QToolBar, "mLunarLabToolBar") is not None,
                "provider": QgsApplication.processingRegistry().providerById("lunar") is not None,
                "layers_kept": len(QgsProject.instance().mapLayers()),
            }
            report["steps"].append("unloaded")
            report["ok"] = not report["errors"]
            finish()
        later(300, check)

    def open_project():
        """File > Open on the project a run was given, then the plugin's checks: its layers load with their styles."""
        if task.get("project"):
            report["project_opened"] = iface.addProject(task["project"])
            report["project_layers"] = describe_layers()
            report["steps"].append("project opened")
        later(10, check_plugin)

    later(1500, open_project)
    later(int(task.get("watchdog_ms", 100000)), lambda: (report["errors"].append("watchdog"), finish()))


if os.environ.get(TASK_ENV) and "qgis.utils" in sys.modules and getattr(sys.modules["qgis.utils"], "iface", None):
    inside_qgis(os.environ[TASK_ENV])
elif __name__ == "__main__":
    sys.exit(main())
