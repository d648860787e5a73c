"""Crater counting tools in a real QGIS desktop under Xvfb: the 2- and 3-point crater tools clicked on the canvas
in geographic, polar stereographic and a NAC tile's equidistant cylindrical map, count areas with a hole, and a
vetting session of 50 detections driven by key presses; screenshots of the draw tool's preview and of the vetting
dock. tests/e2e/test_counting_desktop.py runs it and reads its JSON report.

    .venv/bin/python scripts/counting_desktop.py --out /tmp/counting_shots     # prints the report's summary

Outside QGIS it makes a temporary profile whose plugin folder links to this checkout (``lunar_lab``), writes a task
file and starts ``xvfb-run -a qgis --profiles-path TMP --code scripts/counting_desktop.py`` (the pattern of
scripts/screenshots.py); inside QGIS (LUNAR_COUNTING_TASK names the task) it does the steps below with real mouse
and key events (QTest on the canvas viewport and the dock), writes the report and exits.
"""
import json
import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

try:
    HERE = Path(__file__).resolve()
except NameError:  # qgis --code runs the file with exec(), without __file__
    HERE = Path(os.environ.get("LUNAR_DESKTOP_SCRIPT", "scripts/counting_desktop.py")).resolve()
ROOT = HERE.parents[1]
TASK_ENV = "LUNAR_COUNTING_TASK"
PLUGIN = "lunar_lab"
SCREEN = "1600x1000x24"
NAC_TILE = "nac_train/M115143943_mosaic_train_small.tif"

#: Craters drawn: name, map CRS, tool (points), centre lon, lat, diameter km, bearings of the clicked rim points.
#: The polar ones are in IAU 2015 south polar stereographic; "pole" encloses the south pole.
CASES = [
    ("geo_2pt", "IAU_2015:30100", 2, 23.5, 12.25, 7.3, (60, 240)),
    ("geo_3pt_north", "IAU_2015:30100", 3, -140.0, 61.0, 48.0, (20, 140, 260)),
    ("geo_3pt_antimeridian", "IAU_2015:30100", 3, 179.95, -3.0, 18.0, (10, 100, 230)),
    ("geo_2pt_80N", "IAU_2015:30100", 2, 60.0, 80.0, 30.0, (90, 270)),
    ("polar_2pt", "IAU_2015:30135", 2, -60.0, -80.0, 10.0, (30, 210)),
    ("polar_3pt", "IAU_2015:30135", 3, 120.0, -85.0, 25.0, (0, 130, 250)),
    ("polar_2pt_pole", "IAU_2015:30135", 2, 35.0, -89.7, 40.0, (0, 180)),
    ("polar_3pt_pole", "PROJ:+proj=stere +lat_0=-90 +lon_0=0 +R=1737400 +units=m", 3, 35.0, -89.7, 40.0,
     (45, 170, 290)),
]


# ---------------------------------------------------------------------------------------------------------------
# Outside QGIS
# ---------------------------------------------------------------------------------------------------------------
def run_qgis(task, timeout=90):
    """QGIS desktop under Xvfb on TASK (a dict), this checkout linked into a fresh profile; returns (returncode,
    report or None, log text). scripts/screenshots.py starts it (``run_qgis``, ``install_profile``)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("lunar_screenshots", HERE.with_name("screenshots.py"))
    screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(screenshots)
    work = Path(tempfile.mkdtemp(prefix="lunar_counting_"))
    try:
        screenshots.install_profile(None, work / "profiles")
        task = dict(task, work=task.get("work") or str(work / "work"))
        Path(task["work"]).mkdir(parents=True, exist_ok=True)
        return screenshots.run_qgis(work / "profiles", task, timeout=timeout, screen=SCREEN, script=HERE,
                                    task_env=TASK_ENV)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--data", default=os.environ.get("LUNAR_SHARED_DATA", str(ROOT.parent / "shared" / "data")))
    parser.add_argument("--timeout", type=int, default=90)
    parser.add_argument("--report", help="also write the JSON report here")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    rc, report, log = run_qgis({"screenshots": str(out), "data": args.data}, args.timeout)
    if args.report:
        Path(args.report).write_text(json.dumps(report, indent=1))
    if not report or not report.get("ok"):
        print(log[-4000:], file=sys.stderr)
        print(json.dumps(report, indent=1), file=sys.stderr)
        return 1
    for crater in report["craters"]:
        print("{name:24s} {tool} points  true {true_km:9.4f} km  measured {measured_km:9.4f} km  "
              "error {error_pct:+.3f}%".format(**crater))
    print(json.dumps(report["vetting"]["counts"]), report["vetting"]["progress"])
    for shot in report["screenshots"]:
        print(shot)
    print(f"QGIS ran {time.time() - started:.0f} s (rc {rc})")
    return 0


# ---------------------------------------------------------------------------------------------------------------
# Inside QGIS
# ---------------------------------------------------------------------------------------------------------------
def vetting_plan(rank, visit):
    """The keys pressed on the crater of confidence rank ``rank`` (0 = surest) at its ``visit``-th visit, and what
    the layer must hold for it at the end: (keys, (vetting, tag, diameter factor or None))."""
    if rank == 12:      # resized twice, then accepted: stays 'redrawn'
        return ["+", "+", "A"], ("redrawn", None, 1.05 ** 2)
    if rank == 17:      # rejected by mistake, undone, accepted
        return ["R", "U", "A"], ("accepted", None, 1.0)
    if rank == 22:      # redrawn with the 2-point tool at 1.2 times its diameter
        return ["2", "click", "click"], ("redrawn", None, 1.2)
    if rank == 30:      # accepted, back with P on the dock, rejected
        return ["A", "dock:P", "R"], ("rejected", None, 1.0)
    if rank == 40:      # skipped with N, decided when the session comes back to it at the end
        return (["N"] if visit == 0 else ["R"]), ("rejected", None, 1.0)
    if rank % 5 == 4:
        return ["R"], ("rejected", None, 1.0)
    if rank % 7 == 2:   # tagged (T: standard -> secondary) then accepted
        return ["T", "A"], ("accepted", "secondary", 1.0)
    return ["A"], ("accepted", None, 1.0)


def inside_qgis(task_path):
    import traceback

    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature,
                           QgsField, QgsPointXY, QgsProject, QgsVectorFileWriter, QgsVectorLayer)
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt, QTimer
    from qgis.PyQt.QtGui import QImage, QMouseEvent
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication, QDockWidget
    from qgis.utils import iface
    try:
        from qgis.PyQt.QtGui import QAction  # Qt6
    except ImportError:
        from qgis.PyQt.QtWidgets import QAction

    task = json.loads(Path(task_path).read_text())
    report = {"ok": False, "errors": [], "steps": [], "craters": [], "areas": {}, "screenshots": []}
    shots = Path(task["screenshots"]) if task.get("screenshots") else None
    work = Path(task["work"])
    keep = []
    canvas = iface.mapCanvas()
    state = {}

    def finish():
        Path(task["report"]).write_text(json.dumps(report, indent=1, default=str))
        sys.stdout.flush()
        os._exit(0)

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

    def when_rendered(then, tries=80, first=True):
        if first:  # a refresh starts rendering on a timer: give it time to begin
            later(300, lambda: when_rendered(then, tries, False))
        elif canvas.isDrawing() and tries > 0:
            later(100, lambda: when_rendered(then, tries - 1, False))
        else:
            later(150, then)

    def save(name):
        QApplication.processEvents()
        if shots is None:
            return
        iface.messageBar().clearWidgets()
        QApplication.processEvents()
        image = iface.mainWindow().grab().toImage().convertToFormat(QImage.Format.Format_Indexed8)
        path = shots / f"{name}.png"
        image.save(str(path), "png")
        report["screenshots"].append(str(path))

    def crs_of(text):
        return (QgsCoordinateReferenceSystem.fromProj(text[5:]) if text.startswith("PROJ:")
                else QgsCoordinateReferenceSystem(text))

    def moon():
        return QgsCoordinateReferenceSystem("IAU_2015:30100")

    def to_map(lon, lat, crs):
        return QgsCoordinateTransform(moon(), crs, QgsProject.instance()).transform(QgsPointXY(lon, lat))

    def pixel(map_point):
        p = canvas.getCoordinateTransform().transform(map_point)
        return QPoint(int(round(p.x())), int(round(p.y())))

    def click(map_point, button=Qt.MouseButton.LeftButton):
        QTest.mouseClick(canvas.viewport(), button, Qt.KeyboardModifier.NoModifier, pixel(map_point))
        QApplication.processEvents()

    def hover(map_point):
        event = QMouseEvent(QEvent.Type.MouseMove, pixel(map_point), Qt.MouseButton.NoButton,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(canvas.viewport(), event)
        QApplication.processEvents()

    def view(crs, lonlat_points, scale=1.6):
        """Map in ``crs`` framing these points."""
        canvas.setDestinationCrs(crs)
        xs, ys = zip(*[(p.x(), p.y()) for p in (to_map(lon, lat, crs) for lon, lat in lonlat_points)])
        from qgis.core import QgsRectangle
        box = QgsRectangle(min(xs), min(ys), max(xs), max(ys))
        box.scale(scale)
        canvas.setExtent(box)
        canvas.refresh()
        QApplication.processEvents()

    def key(widget, name):
        keys = {"A": Qt.Key.Key_A, "R": Qt.Key.Key_R, "U": Qt.Key.Key_U, "T": Qt.Key.Key_T, "N": Qt.Key.Key_N,
                "P": Qt.Key.Key_P, "+": Qt.Key.Key_Plus, "2": Qt.Key.Key_2, "3": Qt.Key.Key_3,
                "Esc": Qt.Key.Key_Escape}
        QTest.keyClick(widget, keys[name])
        QApplication.processEvents()

    # ---- steps ---------------------------------------------------------------------------------------------
    def setup():
        import qgis.utils
        from qgis.core import QgsRasterLayer
        window = iface.mainWindow()
        window.setGeometry(QApplication.primaryScreen().geometry())
        for name, visible in (("Browser", False), ("ProcessingToolbox", False), ("Layers", True)):
            dock = window.findChild(QDockWidget, name)
            if dock is not None:
                dock.setVisible(visible)
        plugin = qgis.utils.plugins.get(PLUGIN)
        report["plugin_loaded"] = plugin is not None
        report["plugin_path"] = getattr(sys.modules.get(PLUGIN), "__file__", None)
        tools = plugin.counting
        state["tools"] = tools
        state["plugin_module"] = sys.modules[PLUGIN + ".lunar_plugin.map_tools"]
        report["actions"] = sorted(a.objectName() for a in tools.actions.values())
        menu = window.findChild(__import__("qgis.PyQt.QtWidgets", fromlist=["QMenu"]).QMenu, "mLunarLabMenu")
        report["menu_actions"] = [a.objectName() for a in menu.actions() if a.objectName()] if menu else []
        data = Path(task["data"])
        raster = QgsRasterLayer(str(data / NAC_TILE), "NAC M115143943")
        QgsProject.instance().addMapLayer(raster)
        state["raster"] = raster
        map_tools = state["plugin_module"]
        # no crater layer yet (the raster is the active layer): the tool asks where craters go; answer
        # "Temporary layer" in the dialog
        iface.setActiveLayer(raster)

        def answer():
            box = QApplication.activeModalWidget()
            report["new_layer_dialog"] = box.text() if box is not None else None
            for button in (box.buttons() if box is not None else []):
                if button.text() == "Temporary layer":
                    button.click()
        later(700, answer)
        tools.actions["crater2"].trigger()   # returns when the dialog is answered
        made = QgsProject.instance().mapLayer(tools.crater_layer_id or "")
        report["new_layer"] = {"provider": made.providerType(), "crs": made.crs().authid(),
                               "fields": made.fields().names(), "map_tool": type(canvas.mapTool()).__name__,
                               "checked": tools.actions["crater2"].isChecked()} if made is not None else None
        if made is not None:
            QgsProject.instance().removeMapLayer(made.id())
        layer = map_tools.new_layer("craters", moon(), path=str(work / "drawn.gpkg"), name="Drawn craters")
        state["craters"] = layer
        tools.crater_layer_id = layer.id()
        iface.setActiveLayer(layer)

        def no_dialog(kind):
            report["errors"].append(f"asked for a new {kind} layer")
        tools.ask_new_layer = no_dialog
        report["steps"].append("setup")
        later(200, lambda: draw_case(0))

    def last_crater():
        layer = state["craters"]
        feature = max(layer.getFeatures(), key=lambda f: f.id(), default=None)
        return feature

    def draw_case(i):
        if i >= len(CASES):
            later(10, draw_nac_with_preview)
            return
        name, crs_text, points, lon, lat, diameter, bearings = CASES[i]
        moon_module = sys.modules[PLUGIN + ".lunar_plugin.core.moon"]
        ring = moon_module.circle_polygon_lonlat(lon, lat, diameter, n=360)
        rim = [ring[(-b) % 360] for b in bearings]
        crs = crs_of(crs_text)
        view(crs, ring[::10])
        tools = state["tools"]

        def go():
            # the toolbar's tag for new craters: "doubtful" for one of them
            tools.tag_box.setCurrentIndex(tools.tag_box.findData("doubtful" if name == "polar_3pt" else "standard"))
            tools.actions["crater2" if points == 2 else "crater3"].trigger()
            before = state["craters"].featureCount()
            clicked = []  # where the clicks landed: the pixels' map points, on the Moon
            for lon_r, lat_r in rim:
                click(to_map(lon_r, lat_r, crs))
                landed = canvas.getCoordinateTransform().toMapCoordinates(pixel(to_map(lon_r, lat_r, crs)))
                clicked.append(QgsCoordinateTransform(crs, moon(), QgsProject.instance()).transform(landed))
            feature = last_crater()
            entry = {"name": name, "crs": crs.authid() or crs_text, "crs_valid": crs.isValid(), "tool": points,
                     "true_km": diameter, "added": state["craters"].featureCount() - before,
                     "map_tool": type(canvas.mapTool()).__name__}
            if points == 2:  # QGIS's own geodesic distance between the two pixels clicked
                from qgis.core import QgsDistanceArea
                measure = QgsDistanceArea()
                measure.setSourceCrs(moon(), QgsProject.instance().transformContext())
                measure.setEllipsoid("PARAMETER:1737400:1737400")
                entry["qgis_clicked_km"] = measure.measureLine(clicked[0], clicked[1]) / 1000.0
            if feature is not None and entry["added"] == 1:
                geo = sys.modules[PLUGIN + ".lunar_plugin.core.moon"]
                entry.update({"measured_km": feature["diameter_km"], "lon": feature["lon"], "lat": feature["lat"],
                              "error_pct": 100.0 * (feature["diameter_km"] - diameter) / diameter,
                              "centre_offset_km": float(geo.great_circle_km(feature["lon"], feature["lat"],
                                                                            lon, lat)),
                              "tag": feature["tag"], "method": feature["method"],
                              "geometry": feature.geometry().type()})
            report["craters"].append(entry)
            later(10, lambda: draw_case(i + 1))
        when_rendered(go)

    def draw_nac_with_preview():
        """A real labelled crater of the NAC tile, in the tile's own (equidistant cylindrical) CRS: two rim
        clicks, the mouse at the third point (screenshot of the preview), the third click."""
        import csv
        data = Path(task["data"])
        with open(data / NAC_TILE.replace(".tif", "_craters.csv")) as handle:
            rows = sorted(csv.DictReader(handle), key=lambda r: -float(r["Diam_km"]))
        big = rows[0]
        lon, lat, diameter = float(big["Lon"]), float(big["Lat"]), float(big["Diam_km"])
        moon_module = sys.modules[PLUGIN + ".lunar_plugin.core.moon"]
        ring = moon_module.circle_polygon_lonlat(lon, lat, diameter, n=360)
        rim = [ring[(-b) % 360] for b in (30, 150, 280)]
        crs = state["raster"].crs()
        view(crs, ring[::10], scale=2.2)

        def go():
            state["tools"].actions["crater3"].trigger()
            click(to_map(*rim[0], crs))
            click(to_map(*rim[1], crs))
            hover(to_map(*rim[2], crs))
            report["preview_vertices"] = state["tools"].tools["crater3"].band.numberOfVertices()
            report["status_bar"] = iface.statusBarIface().currentMessage()
            save("counting_draw_preview")
            before = state["craters"].featureCount()
            click(to_map(*rim[2], crs))
            feature = last_crater()
            report["craters"].append({
                "name": "nac_3pt_real_crater", "crs": "NAC tile (equidistant cylindrical)", "crs_valid": crs.isValid(),
                "tool": 3, "true_km": diameter, "added": state["craters"].featureCount() - before,
                "measured_km": feature["diameter_km"], "lon": feature["lon"], "lat": feature["lat"],
                "error_pct": 100.0 * (feature["diameter_km"] - diameter) / diameter,
                "centre_offset_km": float(moon_module.great_circle_km(feature["lon"], feature["lat"], lon, lat)),
                "tag": feature["tag"], "method": feature["method"], "geometry": feature.geometry().type(),
                "map_tool": type(canvas.mapTool()).__name__})
            # Backspace with no click pending takes the crater back; drawn again after
            fid, count = feature.id(), state["craters"].featureCount()
            QTest.keyClick(canvas, Qt.Key.Key_Backspace)
            report["undo_draw"] = {"before": count, "after": state["craters"].featureCount(),
                                   "gone": state["craters"].getFeature(fid).isValid() is False}
            for point in rim:
                click(to_map(*point, crs))
            report["undo_draw"]["redrawn"] = state["craters"].featureCount()
            later(10, draw_areas)
        when_rendered(go)

    def draw_areas():
        """A count area near the south pole in polar stereographic, then a hole cut from it."""
        map_tools = state["plugin_module"]
        tools = state["tools"]
        crs = QgsCoordinateReferenceSystem("IAU_2015:30135")
        areas = map_tools.new_layer("areas", crs, name="Count areas")
        tools.area_layer_id = areas.id()
        names = iter(["Shackleton rim", "spare"])
        tools.ask_name = lambda default: next(names)
        outer = [(0.0, -86.0), (90.0, -86.0), (180.0, -86.0), (270.0, -86.0)]  # encloses the pole
        hole = [(30.0, -88.5), (60.0, -88.5), (60.0, -88.0), (30.0, -88.0)]  # inside it
        view(crs, outer, scale=1.3)

        def go():
            iface.setActiveLayer(areas)
            tools.actions["area"].trigger()
            for lon, lat in outer:
                click(to_map(lon, lat, crs))
            click(to_map(*outer[0], crs), Qt.MouseButton.RightButton)
            feature = next(areas.getFeatures(), None)
            entry = {"count": areas.featureCount()}
            if feature is not None:
                entry.update({"name": feature["name"], "area_km2": feature["area_km2"],
                              "wkt": feature.geometry().asWkt()})
            tools.actions["hole"].trigger()
            for lon, lat in hole:
                click(to_map(lon, lat, crs))
            QTest.keyClick(canvas, Qt.Key.Key_Return)
            QApplication.processEvents()
            feature = next(areas.getFeatures(), None)
            entry.update({"after_hole_km2": feature["area_km2"], "after_hole_wkt": feature.geometry().asWkt(),
                          "crs": areas.crs().authid(), "after_hole_parts": len(feature.geometry().asMultiPolygon()),
                          "after_hole_rings": [len(part) for part in feature.geometry().asMultiPolygon()]})
            report["areas"] = entry
            report["steps"].append("areas")
            later(10, make_detections)
        when_rendered(go)

    def make_detections():
        """50 detections on the NAC tile, as lunar:detectcraters writes them (circles in IAU_2015:30100 with lon,
        lat, diameter_km, confidence, level), from its 50 largest labelled craters; confidences a permutation
        so that their order is not the size order."""
        import csv
        map_tools = state["plugin_module"]
        data = Path(task["data"])
        with open(data / NAC_TILE.replace(".tif", "_craters.csv")) as handle:
            rows = sorted(csv.DictReader(handle), key=lambda r: -float(r["Diam_km"]))[:50]
        memory = QgsVectorLayer("MultiPolygon?crs=IAU_2015:30100", "detections", "memory")
        fields = [QgsField("lon", map_tools.FieldType.Double), QgsField("lat", map_tools.FieldType.Double),
                  QgsField("diameter_km", map_tools.FieldType.Double),
                  QgsField("confidence", map_tools.FieldType.Double), QgsField("level", map_tools.FieldType.Int)]
        memory.dataProvider().addAttributes(fields)
        memory.updateFields()
        features = []
        for k, row in enumerate(rows):
            lon, lat, diameter = float(row["Lon"]), float(row["Lat"]), float(row["Diam_km"])
            feature = QgsFeature(memory.fields())
            geometry = map_tools.circle_geometry(lon, lat, diameter, moon())
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes([lon, lat, diameter, round(0.3 + 0.69 * ((k * 37) % 50) / 49, 4), 0])
            features.append(feature)
        memory.dataProvider().addFeatures(features)
        path = work / "detections.gpkg"
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        write = getattr(QgsVectorFileWriter, "writeAsVectorFormatV3", None) or \
            QgsVectorFileWriter.writeAsVectorFormatV2
        write(memory, str(path), QgsProject.instance().transformContext(), options)
        sys.modules[PLUGIN + ".lunar_plugin.core.vector_files"].make_crs_readable(str(path))  # as the algorithms do
        layer = iface.addVectorLayer(str(path), "Detections", "ogr")
        state["detections"] = layer
        report["detections_crs"] = layer.crs().authid()
        report["drawn_crs"] = state["craters"].crs().authid()
        state["detections_path"] = path
        # the expected order, by confidence high to low (ties by feature id)
        values = sorted(((f["confidence"], f.id()) for f in layer.getFeatures()), key=lambda v: (-v[0], v[1]))
        state["rank_of"] = {fid: rank for rank, (_c, fid) in enumerate(values)}
        state["diameter_of"] = {f.id(): f["diameter_km"] for f in layer.getFeatures()}
        state["lonlat_of"] = {f.id(): (f["lon"], f["lat"]) for f in layer.getFeatures()}
        canvas.setDestinationCrs(state["raster"].crs())
        iface.setActiveLayer(layer)
        tools = state["tools"]
        tools.actions["vetting"].trigger()
        controller = tools.vetting
        state["controller"] = controller
        report["dock_visible"] = controller.dock.isVisible()
        report["dock_layers"] = [controller.dock.layer_box.itemText(i) for i in range(controller.dock.layer_box.count())]
        controller.dock.layer_box.setCurrentIndex(controller.dock.layer_box.findData(layer.id()))
        controller.dock.order_box.setCurrentIndex(controller.dock.order_box.findData("confidence_desc"))
        QTest.mouseClick(controller.dock.start_button, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        report["vetting"] = {"visits": [], "first": controller.session.current,
                             "first_rank": state["rank_of"].get(controller.session.current)}
        state["visits"] = {}
        state["stopped_once"] = False
        later(10, vet_step)

    def vet_step():
        controller = state["controller"]
        session = controller.session
        if session.finished:
            later(10, check_vetting)
            return
        crater = session.current
        rank = state["rank_of"][crater]
        visit = state["visits"].get(rank, 0)
        state["visits"][rank] = visit + 1
        keys, _expected = vetting_plan(rank, visit)
        report["vetting"]["visits"].append(rank)
        for name in keys:
            if name == "click":
                continue
            if name == "2":
                key(canvas, "2")
                lon, lat = state["lonlat_of"][crater]
                moon_module = sys.modules[PLUGIN + ".lunar_plugin.core.moon"]
                ring = moon_module.circle_polygon_lonlat(lon, lat, 1.2 * state["diameter_of"][crater], n=360)
                report["vetting"]["redraw_tool"] = type(canvas.mapTool()).__name__
                for b in (90, 270):
                    click(to_map(*ring[(-b) % 360], canvas.mapSettings().destinationCrs()))
                report["vetting"]["after_redraw_tool"] = type(canvas.mapTool()).__name__
            elif name.startswith("dock:"):
                key(controller.dock, name[5:])
                report["vetting"]["after_dock_key"] = state["rank_of"].get(controller.session.current)
            else:
                key(canvas, name)
        if rank == 24 and not state["stopped_once"]:   # stop, check what is on disk, resume
            state["stopped_once"] = True
            key(canvas, "Esc")
            report["vetting"]["stopped"] = controller.session is None
            on_disk = QgsVectorLayer(str(state["detections_path"]), "check", "ogr")
            report["vetting"]["decided_on_disk_at_stop"] = sum(1 for f in on_disk.getFeatures()
                                                               if f["vetting"] not in (None, ""))
            controller.start(state["detections"], "confidence_desc")
            report["vetting"]["resumed_at_rank"] = state["rank_of"].get(controller.session.current)
            report["vetting"]["resumed_progress"] = controller.dock.progress.text()
            when_rendered(shoot_vetting)
            return
        later(5, vet_step)

    def shoot_vetting():
        save("counting_vetting")
        report["vetting"]["screenshot_progress"] = state["controller"].dock.progress.text()
        later(10, vet_step)

    def check_vetting():
        controller = state["controller"]
        report["vetting"]["progress"] = controller.dock.progress.text()
        report["vetting"]["counts"] = controller.session.counts()
        layer = QgsVectorLayer(str(state["detections_path"]), "reopened", "ogr")   # what is saved on disk
        found, mismatches = {}, []
        for feature in layer.getFeatures():
            rank = state["rank_of"][feature.id()]
            _keys, (vetting, tag, factor) = vetting_plan(rank, 1 if rank == 40 else 0)
            expected_d = state["diameter_of"][feature.id()] * factor
            got = (feature["vetting"], feature["tag"] or None, feature["diameter_km"])
            found[rank] = got
            if got[0] != vetting or got[1] != tag or abs(got[2] - expected_d) > 0.005 * expected_d:
                mismatches.append({"rank": rank, "expected": [vetting, tag, expected_d], "got": got})
        report["vetting"]["on_disk"] = {str(k): v for k, v in sorted(found.items())}
        report["vetting"]["mismatches"] = mismatches
        report["vetting"]["features_on_disk"] = layer.featureCount()
        detections = state["detections"]
        report["vetting"]["renderer"] = type(detections.renderer()).__name__
        report["vetting"]["legend"] = [item.label() for item in detections.renderer().legendSymbolItems()]
        report["steps"].append("vetting")
        canvas.setExtent(state["raster"].extent())   # the canvas is in the tile's CRS
        canvas.refresh()

        def shoot():
            save("counting_vetting_done")
            later(10, unload)
        when_rendered(shoot)

    def unload():
        import qgis.utils
        report["unloaded"] = qgis.utils.unloadPlugin(PLUGIN)
        later(300, check_unloaded)

    def check_unloaded():
        window = iface.mainWindow()
        names = set(report["actions"])
        report["after_unload"] = {
            "dock": [d.objectName() for d in window.findChildren(QDockWidget)
                     if d.objectName() == "LunarLabVettingDock"],
            "actions": sorted(a.objectName() for a in window.findChildren(QAction) if a.objectName() in names),
            "map_tool": type(canvas.mapTool()).__name__ if canvas.mapTool() else None,
        }
        report["steps"].append("unloaded")
        report["ok"] = not report["errors"]
        finish()

    later(1500, setup)
    later(int(task.get("watchdog_ms", 80000)), lambda: (report["errors"].append("watchdog"), finish()))


if os.environ.get(TASK_ENV) and "qgis.utils" in sys.modules and getattr(sys.modules["qgis.utils"], "iface", None):
    inside_qgis(os.environ[TASK_ENV])
elif __name__ == "__main__":
    sys.exit(main())
