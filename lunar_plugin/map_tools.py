"""Crater counting in QGIS desktop: draw craters by 2 points (the ends of a diameter) or 3 points on the rim, draw
named count areas and cut holes from them, all measured on the Moon sphere whatever the map CRS (the clicked map
points go to lunar lon/lat, IAU_2015:30100, and the geometry is core.counting's); the vetting mode is in
vetting.py. ``CountingTools`` adds the actions to the Lunar Lab menu and toolbar and holds every tool, rubber band
and dock (QGIS would otherwise own Python objects Python has forgotten), releasing them in ``unload``."""
import math
import os

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsEditorWidgetSetup,
                       QgsFeature, QgsField, QgsFillSymbol, QgsGeometry, QgsPointXY, QgsProject,
                       QgsSingleSymbolRenderer, QgsVectorFileWriter, QgsVectorLayer, QgsWkbTypes)
from qgis.gui import QgsMapToolEmitPoint, QgsRubberBand
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QColor

from .core import counting
from .core.errors import LunarInputError
from .core.moon import MOON_GEOGRAPHIC_CRS
from .core.vector_files import make_crs_readable
from .qt_compat import FieldType, GeometryType, QAction

#: The plugin's own strings are in the "LunarLab" context (DEVELOPERS.md, "Dialogs and translations").
translate = QCoreApplication.translate


def tag_labels():
    """{stored tag: label a user reads}, in the order of core.counting.TAGS."""
    labels = {"standard": translate("LunarLab", "standard"), "secondary": translate("LunarLab", "secondary"),
              "doubtful": translate("LunarLab", "doubtful"), "degraded": translate("LunarLab", "degraded"),
              "cluster": translate("LunarLab", "cluster"), "overlapping": translate("LunarLab", "overlapping")}
    return {tag: labels[tag] for tag in counting.TAGS}


#: Fields of a crater layer the tools write (name, type); ``vetting`` is added by the vetting mode.
CRATER_FIELDS = (("lon", FieldType.Double), ("lat", FieldType.Double), ("diameter_km", FieldType.Double),
                 ("tag", FieldType.String), ("method", FieldType.String))
AREA_FIELDS = (("name", FieldType.String), ("area_km2", FieldType.Double))
#: Vertices of a crater circle (display and polygon layers).
RING_POINTS = 128


def moon_crs():
    return QgsCoordinateReferenceSystem(MOON_GEOGRAPHIC_CRS)


def _transform(source, target):
    return QgsCoordinateTransform(source, target, QgsProject.instance().transformContext())


def to_lonlat(points, crs):
    """Map points (QgsPointXY in ``crs``) -> ([lon], [lat]) in degrees on the Moon sphere."""
    transform = _transform(crs, moon_crs())
    done = [transform.transform(QgsPointXY(p)) for p in points]
    return [p.x() for p in done], [p.y() for p in done]


def from_lonlat(lons, lats, crs):
    """Lon/lat (degrees) -> QgsPointXY in ``crs``; points the CRS cannot show (the far side of a polar map) are
    left out."""
    transform = _transform(moon_crs(), crs)
    points = []
    for lon, lat in zip(lons, lats):
        try:
            point = transform.transform(QgsPointXY(float(lon), float(lat)))
        except QgsCsException:
            continue
        if math.isfinite(point.x()) and math.isfinite(point.y()):
            points.append(point)
    return points


def circle_geometry(lon, lat, diameter_km, crs, polygon=True, n=RING_POINTS):
    """The crater as a geodesic circle polygon (or its centre point) in ``crs``."""
    if not polygon:
        points = from_lonlat([lon], [lat], crs)
        return QgsGeometry.fromPointXY(points[0]) if points else QgsGeometry()
    lons, lats = counting.circle_ring(lon, lat, diameter_km, n)
    ring = from_lonlat(lons, lats, crs)
    return QgsGeometry.fromPolygonXY([ring]) if len(ring) >= 4 else QgsGeometry()


def geodesic_area_km2(geometry, crs):
    """Area on the Moon sphere of a (multi)polygon in ``crs``, holes subtracted; edges are densified in ``crs``
    first (they are straight there) so that a long edge follows the map's line, not the great circle."""
    if geometry is None or geometry.isEmpty():
        return 0.0
    box = geometry.boundingBox()
    dense = geometry.densifyByDistance(max(box.width(), box.height()) / 256.0) \
        if max(box.width(), box.height()) > 0 else geometry
    parts = dense.asMultiPolygon() if dense.isMultipart() else [dense.asPolygon()]
    total = 0.0
    for part in parts:
        rings = []
        for ring in part:
            lons, lats = to_lonlat(ring, crs)
            rings.append(list(zip(lons, lats)))
        total += counting.area_km2(rings)
    return total


def _fields(spec):
    return [QgsField(name, kind) for name, kind in spec]


def set_tag_widget(layer):
    """The tag field edited as a value map (a combobox of the translated tags) in the attribute form."""
    index = layer.fields().indexOf("tag")
    if index >= 0:
        layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup(
            "ValueMap", {"map": [{label: tag} for tag, label in tag_labels().items()]}))


def ensure_fields(layer, spec):
    """Add the fields of ``spec`` a layer lacks, through its provider (saved at once)."""
    missing = [QgsField(name, kind) for name, kind in spec if layer.fields().indexOf(name) < 0]
    if missing:
        if not layer.dataProvider().addAttributes(missing):
            raise LunarInputError(translate("LunarLab", "Cannot add the fields {0} to the layer {1}").format(
                ", ".join(f.name() for f in missing), layer.name()))
        layer.updateFields()


def new_layer(kind, crs, path=None, name=None, polygon=True):
    """A crater (``kind`` 'craters') or count-area ('areas') layer: in memory, or a GeoPackage at ``path``; added
    to the project."""
    spec = CRATER_FIELDS if kind == "craters" else AREA_FIELDS
    geometry = "MultiPolygon" if polygon or kind == "areas" else "Point"
    name = name or (translate("LunarLab", "Craters") if kind == "craters" else translate("LunarLab", "Count areas"))
    layer = QgsVectorLayer("{0}?crs={1}".format(geometry, crs.authid() or "wkt:" + crs.toWkt()), name, "memory")
    if not layer.crs().isValid():
        layer.setCrs(crs)
    layer.dataProvider().addAttributes(_fields(spec))
    layer.updateFields()
    if path:
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = "craters" if kind == "craters" else "count_areas"
        write = getattr(QgsVectorFileWriter, "writeAsVectorFormatV3", None) or \
            QgsVectorFileWriter.writeAsVectorFormatV2
        result = write(layer, str(path), QgsProject.instance().transformContext(), options)
        if os.path.isfile(str(path)):
            make_crs_readable(str(path))  # an IAU CRS reopens valid in QGIS 3.22 (core/vector_files.py)
        layer = QgsVectorLayer("{0}|layername={1}".format(path, options.layerName), name, "ogr")
        if not layer.isValid():  # (the writer's error code is an enum whose home moves between QGIS versions)
            raise LunarInputError(translate("LunarLab", "Cannot write {0}: {1}").format(path, result[1]))
    if kind == "craters":
        set_tag_widget(layer)
    symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "255,204,0" if kind == "craters"
                                         else "40,140,255", "outline_width": "0.6"}) \
        if QgsWkbTypes.geometryType(layer.wkbType()) == GeometryType.Polygon else None
    if symbol is not None:  # outlines only: the image under a crater or an area stays visible
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    QgsProject.instance().addMapLayer(layer)
    return layer


def is_crater_layer(layer):
    return (isinstance(layer, QgsVectorLayer) and layer.isValid() and layer.fields().indexOf("diameter_km") >= 0
            and QgsWkbTypes.geometryType(layer.wkbType()) in (GeometryType.Point, GeometryType.Polygon))


def is_area_layer(layer):
    return (isinstance(layer, QgsVectorLayer) and layer.isValid() and layer.fields().indexOf("name") >= 0
            and QgsWkbTypes.geometryType(layer.wkbType()) == GeometryType.Polygon)


def _fit(geometry, layer):
    """A polygon as the layer takes it (single or multi)."""
    if QgsWkbTypes.isMultiType(layer.wkbType()) and not geometry.isMultipart():
        geometry.convertToMultiType()
    elif not QgsWkbTypes.isMultiType(layer.wkbType()) and geometry.isMultipart():
        geometry.convertToSingleType()
    return geometry


def store(layer, feature):
    """Add a feature: into the edit buffer when the layer is being edited (QGIS's undo, saved with the layer),
    else straight through the provider (saved at once). Returns its id."""
    if layer.isEditable():
        layer.addFeature(feature)
        return feature.id()
    ok, added = layer.dataProvider().addFeatures([feature])
    if not ok:
        raise LunarInputError(translate("LunarLab", "Cannot add a feature to {0}").format(layer.name()))
    layer.updateExtents()
    layer.triggerRepaint()
    return added[0].id()


def crater_feature(layer, lon, lat, diameter_km, tag="standard", method=""):
    feature = QgsFeature(layer.fields())
    crs = layer.crs()
    polygon = QgsWkbTypes.geometryType(layer.wkbType()) == GeometryType.Polygon
    feature.setGeometry(_fit(circle_geometry(lon, lat, diameter_km, crs, polygon), layer) if polygon
                        else circle_geometry(lon, lat, diameter_km, crs, polygon))
    values = {"lon": lon, "lat": lat, "diameter_km": diameter_km, "tag": tag, "method": method}
    for name, value in values.items():
        if layer.fields().indexOf(name) >= 0:
            feature[name] = value
    return feature


def write_crater(layer, lon, lat, diameter_km, tag="standard", method=""):
    ensure_fields(layer, CRATER_FIELDS)
    return store(layer, crater_feature(layer, lon, lat, diameter_km, tag, method))


def _band(canvas, geometry_type, colour, width=2, dashed=False):
    band = QgsRubberBand(canvas, geometry_type)
    band.setColor(colour)
    band.setFillColor(QColor(colour.red(), colour.green(), colour.blue(), 40))
    band.setWidth(width)
    if dashed:
        band.setLineStyle(Qt.PenStyle.DashLine)
    return band


class CircleTool(QgsMapToolEmitPoint):
    """Draw a crater: 2 clicks at the ends of a diameter, or 3 on the rim; a geodesic preview follows the mouse.
    Right click or Esc drops the points, Backspace the last one (or, with none pending, ``on_undo()``: the last
    crater drawn). ``on_done(lon, lat, diameter_km, method)`` gets
    each finished crater, ``on_preview(text)`` what to show while drawing, ``on_cancel()`` an Esc."""

    def __init__(self, canvas, points_needed, on_done, on_preview=None, on_cancel=None, on_undo=None):
        super().__init__(canvas)
        self.points_needed = points_needed
        self.on_done, self.on_preview, self.on_cancel, self.on_undo = on_done, on_preview, on_cancel, on_undo
        self.clicked = []  # (lon, lat)
        self.band = _band(canvas, GeometryType.Polygon, QColor(255, 204, 0), 2)
        self.marks = _band(canvas, GeometryType.Point, QColor(255, 80, 0), 2)
        self.marks.setIconSize(9)
        self.last = None  # the last crater (lon, lat, diameter_km), for tests and the status bar

    def _crs(self):
        return self.canvas().mapSettings().destinationCrs()

    def reset(self):
        self.clicked = []
        self.band.reset(GeometryType.Polygon)
        self.marks.reset(GeometryType.Point)

    def _preview(self, lons, lats):
        try:
            lon, lat, diameter = counting.circle_from_points(lons, lats)
        except LunarInputError:
            return
        geometry = circle_geometry(lon, lat, diameter, self._crs())
        self.band.setToGeometry(geometry, self._crs())
        if self.on_preview is not None:
            self.on_preview(translate("LunarLab", "Crater: {0:.3f} km at {1:.4f}, {2:.4f}").format(diameter, lon, lat))

    def canvasMoveEvent(self, event):  # noqa: N802 (QGIS's name)
        if not self.clicked:
            return
        lons, lats = to_lonlat([event.mapPoint()], self._crs())
        points = self.clicked + [(lons[0], lats[0])]
        if len(points) == self.points_needed:  # the crater the next click would make
            self._preview([p[0] for p in points], [p[1] for p in points])

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.RightButton:
            self.reset()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.add_point(event.mapPoint())

    def add_point(self, map_point):
        """One click at a map point (canvas CRS); finishes the crater at the last point needed."""
        lons, lats = to_lonlat([map_point], self._crs())
        self.clicked.append((lons[0], lats[0]))
        self.marks.addPoint(QgsPointXY(map_point))
        if len(self.clicked) < self.points_needed:
            return
        points, self.clicked = self.clicked, []
        try:
            lon, lat, diameter = counting.circle_from_points([p[0] for p in points], [p[1] for p in points])
        except LunarInputError as error:
            self.reset()
            if self.on_preview is not None:
                self.on_preview(str(error))
            return
        self.reset()
        self.last = (lon, lat, diameter)
        self.on_done(lon, lat, diameter, "2 points" if self.points_needed == 2 else "3 points")

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.reset()
            event.accept()
            if self.on_cancel is not None:
                self.on_cancel()
        elif event.key() == Qt.Key.Key_Backspace and self.clicked:
            self.clicked.pop()
            points = [p for p in self.marks.asGeometry().asMultiPoint()][:-1] if self.marks.numberOfVertices() \
                else []
            self.marks.reset(GeometryType.Point)
            for point in points:
                self.marks.addPoint(point)
            self.band.reset(GeometryType.Polygon)
            event.accept()
        elif event.key() == Qt.Key.Key_Backspace and self.on_undo is not None:  # no click pending: the last crater
            self.on_undo()
            event.accept()
        else:
            event.ignore()

    def deactivate(self):
        self.reset()
        super().deactivate()

    def release(self):
        """Take the rubber bands off the canvas (unload)."""
        for band in (self.band, self.marks):
            self.canvas().scene().removeItem(band)
        self.band = self.marks = None


class AreaTool(QgsMapToolEmitPoint):
    """Draw a count area (or a hole) vertex by vertex: left clicks add vertices, right click or Enter closes it
    (``on_done(points in the canvas CRS)``), Backspace drops the last vertex, Esc all."""

    def __init__(self, canvas, on_done, hole=False):
        super().__init__(canvas)
        self.on_done = on_done
        self.hole = hole
        self.vertices = []
        colour = QColor(220, 40, 40) if hole else QColor(40, 140, 255)
        self.band = _band(canvas, GeometryType.Polygon, colour, 2, dashed=hole)

    def reset(self):
        self.vertices = []
        self.band.reset(GeometryType.Polygon)

    def _show(self, extra=None):
        points = self.vertices + ([extra] if extra is not None else [])
        self.band.reset(GeometryType.Polygon)
        for point in points:
            self.band.addPoint(QgsPointXY(point), False)
        self.band.updatePosition()
        self.band.update()

    def canvasMoveEvent(self, event):  # noqa: N802
        if self.vertices:
            self._show(event.mapPoint())

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.RightButton:
            self.finish()
        elif event.button() == Qt.MouseButton.LeftButton:
            self.vertices.append(QgsPointXY(event.mapPoint()))
            self._show()

    def finish(self):
        vertices, self.vertices = self.vertices, []
        self.band.reset(GeometryType.Polygon)
        if len(vertices) >= 3:
            self.on_done(vertices)

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
        elif event.key() == Qt.Key.Key_Escape:
            self.reset()
        elif event.key() == Qt.Key.Key_Backspace and self.vertices:
            self.vertices.pop()
            self._show()
        else:
            event.ignore()
            return
        event.accept()

    def deactivate(self):
        self.reset()
        super().deactivate()

    def release(self):
        self.canvas().scene().removeItem(self.band)
        self.band = None


class CountingTools:
    """The crater counting actions of the Lunar Lab menu and toolbar, their tools, layers and the vetting dock."""

    def __init__(self, iface, menu, toolbar, icon):
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.crater_layer_id = None
        self.area_layer_id = None
        self.ask_name = self._ask_name  # tests replace the dialogs
        self.ask_new_layer = self._ask_new_layer
        self.tag = "standard"
        self.drawn = []  # (layer id, feature id) of the craters drawn, for Backspace
        window = iface.mainWindow()
        self.tools = {
            "crater2": CircleTool(self.canvas, 2, self.add_crater, self.show_status, on_undo=self.undo_crater),
            "crater3": CircleTool(self.canvas, 3, self.add_crater, self.show_status, on_undo=self.undo_crater),
            "area": AreaTool(self.canvas, self.add_area),
            "hole": AreaTool(self.canvas, self.cut_hole, hole=True),
        }
        labels = {"crater2": (translate("LunarLab", "Draw crater by 2 points (diameter)"), "crater_2points"),
                  "crater3": (translate("LunarLab", "Draw crater by 3 points on the rim"), "crater_3points"),
                  "area": (translate("LunarLab", "Draw count area"), "count_area"),
                  "hole": (translate("LunarLab", "Cut hole from count area"), "count_hole")}
        tips = {"crater2": translate("LunarLab", "Click the two ends of a crater's diameter; measured on the Moon "
                                     "sphere in any map projection. Right click or Esc cancels."),
                "crater3": translate("LunarLab", "Click three points on a crater's rim; measured on the Moon sphere "
                                     "in any map projection. Right click or Esc cancels."),
                "area": translate("LunarLab", "Click the vertices of a named count area; right click or Enter "
                                  "closes it."),
                "hole": translate("LunarLab", "Click the vertices of a hole (excluded ejecta, fresh craters…) cut "
                                  "from the count areas under it; right click or Enter closes it.")}
        self.actions = {}
        menu.addSeparator()
        for key, tool in self.tools.items():
            text, icon_name = labels[key]
            action = QAction(icon(icon_name), text, window)
            action.setObjectName("mLunarLab_" + icon_name)
            action.setCheckable(True)
            action.setStatusTip(tips[key])
            action.setToolTip(text)
            action.triggered.connect(lambda _checked=False, k=key: self.activate(k))
            tool.setAction(action)
            menu.addAction(action)
            toolbar.addAction(action)
            self.actions[key] = action
        from qgis.PyQt.QtWidgets import QComboBox
        self.tag_box = QComboBox(toolbar)
        self.tag_box.setObjectName("mLunarLab_crater_tag_box")
        self.tag_box.setToolTip(translate("LunarLab", "Tag of the craters you draw"))
        for tag, label in tag_labels().items():
            self.tag_box.addItem(label, tag)
        self.tag_box.currentIndexChanged.connect(lambda index: setattr(self, "tag", self.tag_box.itemData(index)))
        self.tag_action = toolbar.addWidget(self.tag_box)
        self.tag_action.setIcon(icon("crater_tag"))  # shown where the toolbar overflows into a menu
        self.tag_action.setObjectName("mLunarLab_crater_tag")
        vet = QAction(icon("vetting"), translate("LunarLab", "Vet detections…"), window)
        vet.setObjectName("mLunarLab_vetting")
        vet.setStatusTip(translate("LunarLab", "Step through detected craters to accept, reject, redraw and tag them"))
        vet.triggered.connect(self.show_vetting)
        menu.addAction(vet)
        toolbar.addAction(vet)
        self.actions["vetting"] = vet
        self.vetting = None  # vetting.VettingController, made on first use
        self.menu, self.toolbar = menu, toolbar

    # ---- layers ---------------------------------------------------------------------------------------------
    def _layer(self, layer_id):
        return QgsProject.instance().mapLayer(layer_id) if layer_id else None

    def crater_layer(self, create=True):
        """The layer craters go into: the active layer when it is a crater layer, else the last one used, else a
        new one (the user picks a GeoPackage or a temporary layer)."""
        active = self.iface.activeLayer()
        if is_crater_layer(active):
            self.crater_layer_id = active.id()
        layer = self._layer(self.crater_layer_id)
        if layer is None and create:
            layer = self.ask_new_layer("craters")
            self.crater_layer_id = layer.id() if layer is not None else None
        return layer

    def area_layer(self, create=True):
        active = self.iface.activeLayer()
        if is_area_layer(active):
            self.area_layer_id = active.id()
        layer = self._layer(self.area_layer_id)
        if layer is None and create:
            layer = self.ask_new_layer("areas")
            self.area_layer_id = layer.id() if layer is not None else None
        return layer

    def _ask_new_layer(self, kind):
        from qgis.PyQt.QtWidgets import QFileDialog, QMessageBox
        window = self.iface.mainWindow()
        box = QMessageBox(window)
        box.setWindowTitle(translate("LunarLab", "Lunar Lab"))
        box.setText(translate("LunarLab", "No crater layer is selected. Where should the craters go?")
                    if kind == "craters" else
                    translate("LunarLab", "No count-area layer is selected. Where should the count areas go?"))
        gpkg = box.addButton(translate("LunarLab", "New GeoPackage…"), QMessageBox.ButtonRole.AcceptRole)
        memory = box.addButton(translate("LunarLab", "Temporary layer"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        crs = self.canvas.mapSettings().destinationCrs() if kind == "areas" else moon_crs()
        if box.clickedButton() == memory:
            return new_layer(kind, crs)
        if box.clickedButton() == gpkg:
            path, _ = QFileDialog.getSaveFileName(window, translate("LunarLab", "New GeoPackage"), "",
                                                  translate("LunarLab", "GeoPackage (*.gpkg)"))
            if path:
                if not path.lower().endswith(".gpkg"):
                    path += ".gpkg"
                return new_layer(kind, crs, path)
        return None

    def _ask_name(self, default):
        from qgis.PyQt.QtWidgets import QInputDialog
        name, ok = QInputDialog.getText(self.iface.mainWindow(), translate("LunarLab", "Count area"),
                                        translate("LunarLab", "Name of the count area:"), text=default)
        return name if ok else None

    # ---- tools ----------------------------------------------------------------------------------------------
    def activate(self, key):
        if key.startswith("crater") and self.crater_layer() is None:
            self.actions[key].setChecked(False)
            return
        if key in ("area", "hole") and self.area_layer() is None:
            self.actions[key].setChecked(False)
            return
        self.canvas.setMapTool(self.tools[key])

    def show_status(self, text):
        self.iface.statusBarIface().showMessage(text, 10000)

    def add_crater(self, lon, lat, diameter_km, method):
        layer = self.crater_layer()
        if layer is None:
            return None
        try:
            fid = write_crater(layer, lon, lat, diameter_km, self.tag, method)
        except LunarInputError as error:  # a read-only provider
            self.iface.messageBar().pushWarning(translate("LunarLab", "Lunar Lab"), str(error))
            return None
        self.drawn.append((layer.id(), fid))
        self.show_status(translate("LunarLab", "Crater added to {0}: {1:.3f} km at {2:.4f}, {3:.4f}").format(
            layer.name(), diameter_km, lon, lat))
        return fid

    def undo_crater(self):
        """Take back the last crater drawn (Backspace with no click pending); returns its id or None."""
        while self.drawn:
            layer_id, fid = self.drawn.pop()
            layer = self._layer(layer_id)
            if layer is None:
                continue
            done = layer.deleteFeature(fid) if layer.isEditable() else layer.dataProvider().deleteFeatures([fid])
            layer.triggerRepaint()
            if done:
                self.show_status(translate("LunarLab", "Last crater removed from {0}").format(layer.name()))
                return fid
        return None

    def add_area(self, vertices):
        layer = self.area_layer()
        if layer is None:
            return None
        ensure_fields(layer, AREA_FIELDS)
        canvas_crs = self.canvas.mapSettings().destinationCrs()
        geometry = QgsGeometry.fromPolygonXY([vertices + vertices[:1]])
        geometry.transform(_transform(canvas_crs, layer.crs()))
        geometry = geometry.makeValid() if not geometry.isGeosValid() else geometry
        name = self.ask_name(translate("LunarLab", "Area {0}").format(layer.featureCount() + 1))
        if name is None:
            return None
        feature = QgsFeature(layer.fields())
        feature.setGeometry(_fit(geometry, layer))
        feature["name"] = name
        feature["area_km2"] = geodesic_area_km2(geometry, layer.crs())
        fid = store(layer, feature)
        self.show_status(translate("LunarLab", "Count area {0}: {1:.3f} km²").format(name, feature["area_km2"]))
        return fid

    def cut_hole(self, vertices):
        """Cut the polygon from every count area under it; their areas are measured again."""
        layer = self.area_layer()
        if layer is None:
            return 0
        ensure_fields(layer, AREA_FIELDS)
        canvas_crs = self.canvas.mapSettings().destinationCrs()
        hole = QgsGeometry.fromPolygonXY([vertices + vertices[:1]])
        hole.transform(_transform(canvas_crs, layer.crs()))
        area_index = layer.fields().indexOf("area_km2")
        cut = 0
        for feature in list(layer.getFeatures()):
            if not feature.geometry().intersects(hole):
                continue
            geometry = _fit(feature.geometry().difference(hole), layer)
            area = geodesic_area_km2(geometry, layer.crs())
            if layer.isEditable():
                layer.changeGeometry(feature.id(), geometry)
                layer.changeAttributeValue(feature.id(), area_index, area)
            else:
                layer.dataProvider().changeGeometryValues({feature.id(): geometry})
                layer.dataProvider().changeAttributeValues({feature.id(): {area_index: area}})
            cut += 1
        layer.triggerRepaint()
        self.show_status(translate("LunarLab", "Hole cut from {0} count areas").format(cut))
        return cut

    # ---- vetting --------------------------------------------------------------------------------------------
    def show_vetting(self):
        if self.vetting is None:
            from .vetting import VettingController
            self.vetting = VettingController(self.iface, self)
        self.vetting.show()

    def unload(self):
        if self.vetting is not None:
            self.vetting.unload()
            self.vetting = None
        for tool in self.tools.values():
            if self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
            tool.release()
        if self.toolbar is not None:
            self.toolbar.removeAction(self.tag_action)
        self.tag_box.deleteLater()
        self.tag_box = self.tag_action = None
        for action in self.actions.values():
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            if self.menu is not None:
                self.menu.removeAction(action)
            action.deleteLater()
        self.tools, self.actions = {}, {}
