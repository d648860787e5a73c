"""Vetting mode: step through a detection layer (lunar:detectcraters' output, or any crater layer with
diameter_km) by confidence or position, zooming to each crater, and accept, reject, redraw (2 or 3 points, or
resize by 5%) and tag it with keys or the dock's buttons. Each decision is written at once through the layer's
provider into a ``vetting`` field (accepted/rejected/redrawn) and a ``tag`` field, so a crash loses nothing and a
later session resumes at the first crater not yet decided; each key press is one undo step.

Keys (on the map with the vetting tool, or in the dock): A or Enter accept, R or Delete reject, 2 / 3 redraw by 2
or 3 points, + / - resize by 5%, T next tag, N or Page Down next, P or Page Up previous, U or Backspace undo,
Z zoom to the crater again, Esc stop (everything is saved)."""
from qgis.core import QgsGeometry, QgsProject, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QDockWidget, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                                 QVBoxLayout, QWidget)

from . import map_tools
from .core import counting
from .qt_compat import FieldType, GeometryType

translate = QCoreApplication.translate

VETTING_FIELDS = (("vetting", FieldType.String), ("tag", FieldType.String))
#: Layer property remembering the order a session used (a resumed session offers it again).
ORDER_PROPERTY = "lunar_lab/vetting_order"
RESIZE_STEP = 1.05


def order_labels():
    return {"confidence_desc": translate("LunarLab", "Confidence, high to low"),
            "confidence_asc": translate("LunarLab", "Confidence, low to high"),
            "position": translate("LunarLab", "Position, north to south")}


def decision_labels():
    return {counting.ACCEPTED: translate("LunarLab", "accepted"), counting.REJECTED: translate("LunarLab", "rejected"),
            counting.REDRAWN: translate("LunarLab", "redrawn")}


KEYS = {  # Qt key -> action
    Qt.Key.Key_A: "accept", Qt.Key.Key_Return: "accept", Qt.Key.Key_Enter: "accept",
    Qt.Key.Key_R: "reject", Qt.Key.Key_Delete: "reject",
    Qt.Key.Key_2: "redraw2", Qt.Key.Key_3: "redraw3",
    Qt.Key.Key_Plus: "larger", Qt.Key.Key_Equal: "larger", Qt.Key.Key_Minus: "smaller",
    Qt.Key.Key_T: "tag",
    Qt.Key.Key_N: "next", Qt.Key.Key_PageDown: "next", Qt.Key.Key_P: "previous", Qt.Key.Key_PageUp: "previous",
    Qt.Key.Key_U: "undo", Qt.Key.Key_Backspace: "undo",
    Qt.Key.Key_Z: "zoom", Qt.Key.Key_Escape: "stop",
}


def _number(value):
    """A float, or None for NULL (QGIS gives NULL as a null QVariant, not None) and anything not a number."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def set_vetting_style(layer):
    """Outlines coloured by decision (not decided: yellow, accepted: green, rejected: red, redrawn: orange), so
    that the image under the craters stays visible."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsMarkerSymbol, QgsRendererCategory
    polygon = QgsWkbTypes.geometryType(layer.wkbType()) == GeometryType.Polygon
    categories = []
    for value, colour, label in ((counting.ACCEPTED, "40,200,60", translate("LunarLab", "accepted")),
                                 (counting.REJECTED, "230,40,40", translate("LunarLab", "rejected")),
                                 (counting.REDRAWN, "255,140,0", translate("LunarLab", "redrawn")),
                                 ("", "255,230,0", translate("LunarLab", "not decided"))):
        if polygon:
            symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": colour, "outline_width": "0.6"})
        else:
            symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "0,0,0,0", "outline_color": colour,
                                                   "outline_width": "0.6", "size": "4"})
        categories.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("vetting", categories))
    layer.triggerRepaint()


class VettingTool(QgsMapTool):
    """The map tool of a vetting session: its keys go to the controller (the canvas has the focus)."""

    def __init__(self, canvas, controller):
        super().__init__(canvas)
        self.controller = controller

    def keyPressEvent(self, event):  # noqa: N802 (QGIS's name)
        if self.controller.key(event):
            event.accept()
        else:
            event.ignore()


class VettingDock(QDockWidget):
    """The vetting panel; keys pressed while it has the focus act as on the map."""

    def __init__(self, controller, parent):
        super().__init__(translate("LunarLab", "Lunar Lab crater vetting"), parent)
        self.controller = controller
        self.setObjectName("LunarLabVettingDock")
        body = QWidget(self)
        box = QVBoxLayout(body)
        self.layer_box = QComboBox(body)
        self.layer_box.setObjectName("vettingLayer")
        self.order_box = QComboBox(body)
        self.order_box.setObjectName("vettingOrder")
        for key, label in order_labels().items():
            self.order_box.addItem(label, key)
        self.zoom_box = QCheckBox(translate("LunarLab", "Zoom to each crater (else pan)"), body)
        self.zoom_box.setChecked(True)
        row = QHBoxLayout()
        self.start_button = QPushButton(translate("LunarLab", "Start / resume"), body)
        self.start_button.setObjectName("vettingStart")
        self.stop_button = QPushButton(translate("LunarLab", "Stop"), body)
        self.stop_button.setObjectName("vettingStop")
        row.addWidget(self.start_button)
        row.addWidget(self.stop_button)
        for widget in (QLabel(translate("LunarLab", "Detection layer"), body), self.layer_box,
                       QLabel(translate("LunarLab", "Order"), body), self.order_box, self.zoom_box):
            box.addWidget(widget)
        box.addLayout(row)
        self.progress = QLabel(translate("LunarLab", "Not started"), body)
        self.progress.setObjectName("vettingProgress")
        font = self.progress.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.progress.setFont(font)
        self.info = QLabel("", body)
        self.info.setObjectName("vettingInfo")
        self.info.setWordWrap(True)
        box.addWidget(self.progress)
        box.addWidget(self.info)
        grid = QGridLayout()
        self.buttons = {}
        for i, (action, label) in enumerate((
                ("accept", translate("LunarLab", "Accept (A)")), ("reject", translate("LunarLab", "Reject (R)")),
                ("redraw2", translate("LunarLab", "Redraw, 2 points (2)")),
                ("redraw3", translate("LunarLab", "Redraw, 3 points (3)")),
                ("larger", translate("LunarLab", "Larger (+)")), ("smaller", translate("LunarLab", "Smaller (−)")),
                ("previous", translate("LunarLab", "Previous (P)")), ("next", translate("LunarLab", "Next (N)")),
                ("undo", translate("LunarLab", "Undo (U)")), ("zoom", translate("LunarLab", "Zoom to crater (Z)")))):
            button = QPushButton(label, body)
            button.setObjectName("vetting_" + action)
            button.clicked.connect(lambda _checked=False, a=action: controller.do(a))
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[action] = button
        box.addLayout(grid)
        tag_row = QHBoxLayout()
        tag_row.addWidget(QLabel(translate("LunarLab", "Tag (T: next)"), body))
        self.tag_box = QComboBox(body)
        self.tag_box.setObjectName("vettingTag")
        for tag, label in map_tools.tag_labels().items():
            self.tag_box.addItem(label, tag)
        self.tag_box.activated.connect(lambda index: controller.set_tag(self.tag_box.itemData(index)))
        tag_row.addWidget(self.tag_box)
        box.addLayout(tag_row)
        help_text = QLabel(translate("LunarLab", "Keys: A/Enter accept · R/Delete reject · 2/3 redraw by 2 or 3 "
                                               "points · +/− resize 5% · T next tag · N/P next/previous · "
                                               "U/Backspace undo · Z zoom · Esc stop. Every decision is saved at "
                                               "once; start again to resume."), body)
        help_text.setWordWrap(True)
        box.addWidget(help_text)
        box.addStretch(1)
        self.setWidget(body)
        self.start_button.clicked.connect(controller.start_from_dock)
        self.layer_box.currentIndexChanged.connect(controller.layer_chosen)
        self.stop_button.clicked.connect(controller.stop)

    def keyPressEvent(self, event):  # noqa: N802 (Qt's name)
        if self.controller.key(event):
            event.accept()
        else:
            super().keyPressEvent(event)


class VettingController:
    """One vetting session at a time over one layer; see the module's docstring."""

    def __init__(self, iface, counting_tools):
        self.iface = iface
        self.counting_tools = counting_tools
        self.canvas = iface.mapCanvas()
        self.dock = VettingDock(self, iface.mainWindow())
        iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.tool = VettingTool(self.canvas, self)
        self.redraw_tools = {n: map_tools.CircleTool(self.canvas, n, self._redrawn, counting_tools.show_status,
                                                     self._redraw_cancelled) for n in (2, 3)}
        self.band = QgsRubberBand(self.canvas, GeometryType.Polygon)
        self.band.setColor(QColor(0, 230, 255))
        self.band.setFillColor(QColor(0, 230, 255, 0))
        self.band.setWidth(3)
        self.session = None
        self.layer_id = None
        self.craters = {}      # fid -> [lon, lat, diameter_km, confidence]
        self.circle_undo = []  # beside session.undo_stack: None or (fid, old circle, old geometry)
        QgsProject.instance().layersAdded.connect(self.refresh_layers)
        QgsProject.instance().layersRemoved.connect(self._layers_removed)

    # ---- dock ------------------------------------------------------------------------------------------------
    def show(self):
        self.refresh_layers()
        self.dock.setVisible(True)
        self.dock.raise_()

    def refresh_layers(self, *_args):
        box = self.dock.layer_box
        current = box.currentData()
        box.clear()
        for layer in QgsProject.instance().mapLayers().values():
            if map_tools.is_crater_layer(layer):
                box.addItem(layer.name(), layer.id())
        active = self.iface.activeLayer()
        wanted = current or (active.id() if map_tools.is_crater_layer(active) else None)
        if wanted is not None and box.findData(wanted) >= 0:
            box.setCurrentIndex(box.findData(wanted))

    def layer_chosen(self, _index=None):
        """Offer the order an earlier session over this layer used (a resumed session keeps its order)."""
        layer = QgsProject.instance().mapLayer(self.dock.layer_box.currentData() or "")
        order = layer.customProperty(ORDER_PROPERTY) if layer is not None else None
        if order and self.dock.order_box.findData(order) >= 0:
            self.dock.order_box.setCurrentIndex(self.dock.order_box.findData(order))

    def _layers_removed(self, ids):
        if self.layer_id in ids:
            self.stop()
        self.refresh_layers()

    def start_from_dock(self):
        layer = QgsProject.instance().mapLayer(self.dock.layer_box.currentData() or "")
        if layer is None:
            self.counting_tools.show_status(translate("LunarLab", "Choose a crater layer to vet"))
            return
        try:
            self.start(layer, self.dock.order_box.currentData())
        except ValueError as error:  # a layer being edited, or one the provider cannot add fields to
            self.iface.messageBar().pushWarning(translate("LunarLab", "Crater vetting"), str(error))

    # ---- session ---------------------------------------------------------------------------------------------
    @property
    def layer(self):
        return QgsProject.instance().mapLayer(self.layer_id) if self.layer_id else None

    def start(self, layer, order="confidence_desc"):
        """Start (or resume: decided craters are skipped) vetting ``layer`` in ``order``; returns the session."""
        if not isinstance(layer, QgsVectorLayer) or layer.fields().indexOf("diameter_km") < 0:
            raise ValueError(translate("LunarLab", "{0} is not a crater layer with a diameter_km field").format(
                layer.name() if layer is not None else "None"))
        if layer.isEditable():
            raise ValueError(translate("LunarLab", "{0} is being edited: save or discard its edits before vetting "
                                       "it").format(layer.name()))
        self.stop()
        map_tools.ensure_fields(layer, VETTING_FIELDS)
        fields = layer.fields()
        has = {name: fields.indexOf(name) >= 0 for name in ("lon", "lat", "confidence")}
        to_lonlat = map_tools._transform(layer.crs(), map_tools.moon_crs())
        self.craters, decided, ids = {}, {}, []
        for feature in layer.getFeatures():
            lon, lat = (_number(feature["lon"]), _number(feature["lat"])) if has["lon"] and has["lat"] \
                else (None, None)
            if lon is None or lat is None:
                centre = to_lonlat.transform(feature.geometry().centroid().asPoint())
                lon, lat = centre.x(), centre.y()
            confidence = _number(feature["confidence"]) if has["confidence"] else None
            self.craters[feature.id()] = [lon, lat, _number(feature["diameter_km"]) or 0.0, confidence or 0.0]
            ids.append(feature.id())
            if feature["vetting"] in counting.DECISIONS:
                decided[feature.id()] = (feature["vetting"], feature["tag"] or None)
        values = [self.craters[i] for i in ids]
        ordered = counting.vetting_order([v[3] for v in values], [v[0] for v in values], [v[1] for v in values],
                                         [v[2] for v in values], order)
        self.session = counting.VettingSession([ids[k] for k in ordered], decided)
        self.circle_undo = []
        self.layer_id = layer.id()
        layer.setCustomProperty(ORDER_PROPERTY, order)
        set_vetting_style(layer)
        self.dock.order_box.setCurrentIndex(max(self.dock.order_box.findData(order), 0))
        self.canvas.setMapTool(self.tool)
        self.canvas.setFocus()
        self.show_current()
        return self.session

    def stop(self):
        if self.session is None:
            return
        self.session = None
        self.layer_id = None
        self.band.reset(GeometryType.Polygon)
        for tool in [self.tool] + list(self.redraw_tools.values()):
            if self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
        self.dock.progress.setText(translate("LunarLab", "Stopped: every decision is saved; start again to resume"))

    def progress_text(self):
        counts = self.session.counts()
        return translate("LunarLab", "{0} / {1}, {2} accepted, {3} rejected, {4} redrawn").format(
            counts["decided"], counts["total"], counts["accepted"], counts["rejected"], counts["redrawn"])

    def show_current(self, move_map=True):
        session = self.session
        self.dock.progress.setText(self.progress_text())
        crater = session.current
        if crater is None:
            self.band.reset(GeometryType.Polygon)
            self.dock.info.setText(translate("LunarLab", "All {0} craters vetted. Undo, Previous or Start again to "
                                             "revisit.").format(len(session.ids)))
            return
        lon, lat, diameter, confidence = self.craters[crater]
        vetting, tag = session.state[crater]
        undecided = translate("LunarLab", "not decided")
        self.dock.info.setText(translate("LunarLab", "Crater {0} of {1}: confidence {2:.2f}, {3:.3f} km at {4:.4f}, "
                                         "{5:.4f}; {6}, tag {7}").format(
            session.position + 1, len(session.ids), confidence, diameter, lon, lat,
            decision_labels().get(vetting, undecided), map_tools.tag_labels().get(tag or "", "–")))
        self.dock.tag_box.setCurrentIndex(self.dock.tag_box.findData(tag) if tag else -1)
        crs = self.canvas.mapSettings().destinationCrs()
        ring = map_tools.circle_geometry(lon, lat, diameter, crs)
        self.band.setToGeometry(ring, crs)
        if move_map and not ring.isEmpty():
            box = ring.boundingBox()
            if self.dock.zoom_box.isChecked():
                box.scale(4.0)
                self.canvas.setExtent(box)
            else:
                self.canvas.setCenter(box.center())
            self.canvas.refresh()

    # ---- writing ---------------------------------------------------------------------------------------------
    def _write_state(self, fid, state):
        layer = self.layer
        fields = layer.fields()
        vetting, tag = state
        layer.dataProvider().changeAttributeValues({fid: {fields.indexOf("vetting"): vetting,
                                                          fields.indexOf("tag"): tag}})

    def _write_circle(self, fid, circle, geometry=None):
        """lon, lat, diameter_km (and the geometry: ``geometry`` or the circle's) of a crater."""
        layer = self.layer
        fields = layer.fields()
        lon, lat, diameter = circle
        values = {fields.indexOf(name): value for name, value in (("lon", lon), ("lat", lat),
                                                                   ("diameter_km", diameter))
                  if fields.indexOf(name) >= 0}
        if geometry is None:
            polygon = QgsWkbTypes.geometryType(layer.wkbType()) == GeometryType.Polygon
            geometry = map_tools.circle_geometry(lon, lat, diameter, layer.crs(), polygon)
            if polygon:
                geometry = map_tools._fit(geometry, layer)
        layer.dataProvider().changeAttributeValues({fid: values})
        layer.dataProvider().changeGeometryValues({fid: geometry})
        self.craters[fid][:3] = [lon, lat, diameter]

    def _after(self, move_map=True):
        self.layer.triggerRepaint()
        self.show_current(move_map)

    # ---- actions ---------------------------------------------------------------------------------------------
    def key(self, event):
        """Handle a key press; False when it is not a vetting key (or no session runs)."""
        if self.session is None:
            return False
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        action = KEYS.get(event.key())
        if action is None:
            return False
        self.do(action)
        return True

    def do(self, action):
        if self.session is None or self.layer is None:
            return
        handlers = {"accept": self.accept, "reject": self.reject, "redraw2": lambda: self.begin_redraw(2),
                    "redraw3": lambda: self.begin_redraw(3), "larger": lambda: self.resize(RESIZE_STEP),
                    "smaller": lambda: self.resize(1 / RESIZE_STEP), "tag": self.next_tag,
                    "next": lambda: self.move(1), "previous": lambda: self.move(-1), "undo": self.undo,
                    "zoom": self.show_current, "stop": self.stop}
        handlers[action]()

    def _decide(self, vetting, tag=None, advance=True, circle_undo=None):
        if self.session.current is None:
            return False
        crater, _old, new = self.session.decide(vetting, tag, advance)
        self._write_state(crater, new)
        self.circle_undo.append(circle_undo)
        return True

    def accept(self):
        """Accept the current crater (one redrawn stays 'redrawn') and go to the next undecided one."""
        current = self.session.current
        if current is None:
            return
        redrawn = self.session.state[current][0] == counting.REDRAWN
        if self._decide(counting.REDRAWN if redrawn else counting.ACCEPTED):
            self._after()

    def reject(self):
        if self._decide(counting.REJECTED):
            self._after()

    def set_tag(self, tag):
        if self.session is None or self.session.current is None:
            return
        crater, _old, new = self.session.set_tag(tag)
        self._write_state(crater, new)
        self.circle_undo.append(None)
        self._after(move_map=False)

    def next_tag(self):
        """The next tag of core.counting.TAGS (an untagged crater counts as the first, 'standard')."""
        current = self.session.current
        if current is None:
            return
        tags = list(counting.TAGS)
        tag = self.session.state[current][1]
        self.set_tag(tags[(tags.index(tag) + 1) % len(tags)] if tag in tags else tags[1])

    def _redraw(self, circle, advance):
        """Give the current crater a new circle (lon, lat, diameter_km) and mark it redrawn."""
        crater = self.session.current
        if crater is None:
            return
        layer = self.layer
        old_geometry = QgsGeometry(next(layer.getFeatures([crater])).geometry())
        old_circle = tuple(self.craters[crater][:3])
        self._write_circle(crater, circle)
        self._decide(counting.REDRAWN, advance=advance, circle_undo=(crater, old_circle, old_geometry))
        self._after()

    def resize(self, factor):
        crater = self.session.current
        if crater is not None:
            lon, lat, diameter = self.craters[crater][:3]
            self._redraw((lon, lat, diameter * factor), advance=False)

    def begin_redraw(self, points):
        if self.session.current is None:
            return
        self.canvas.setMapTool(self.redraw_tools[points])
        self.counting_tools.show_status(
            translate("LunarLab", "Redraw the crater: click {0} points (Esc: keep it)").format(points))

    def _redrawn(self, lon, lat, diameter, _method):
        self.canvas.setMapTool(self.tool)
        self.counting_tools.show_status(translate("LunarLab", "Crater redrawn: {0:.3f} km at {1:.4f}, {2:.4f}").format(
            diameter, lon, lat))
        if self.session is not None:
            self._redraw((lon, lat, diameter), advance=True)

    def _redraw_cancelled(self):
        if self.session is not None:
            self.canvas.setMapTool(self.tool)

    def move(self, step):
        self.session.move(step)
        self.show_current()

    def undo(self):
        undone = self.session.undo()
        if undone is None:
            return
        crater, state, _undone = undone
        self._write_state(crater, state)
        circle = self.circle_undo.pop() if self.circle_undo else None
        if circle is not None:
            fid, old_circle, old_geometry = circle
            self._write_circle(fid, old_circle, old_geometry)
        self._after()

    def unload(self):
        self.stop()
        try:
            QgsProject.instance().layersAdded.disconnect(self.refresh_layers)
            QgsProject.instance().layersRemoved.disconnect(self._layers_removed)
        except TypeError:
            pass
        for tool in self.redraw_tools.values():
            tool.release()
        self.canvas.scene().removeItem(self.band)
        self.iface.removeDockWidget(self.dock)
        self.dock.deleteLater()
        self.redraw_tools, self.band, self.dock, self.tool = {}, None, None, None
