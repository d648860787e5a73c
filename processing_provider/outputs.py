"""What every Lunar Lab output goes through, so that nothing is lost and what is saved reopens as it was made.

- ``guard``: before any work, an output that resolves to an input (the same file, a link to it, a layer of an
  input GeoPackage), to a shipped model, or to another output of the same run is refused, naming both parameters;
  numbers given as text that is not a number are refused; output folders must be writable.
- ``VectorOutput``: a feature sink written under a temporary name beside its target and renamed when complete;
  on completion the lunar CRS is stored in a form QGIS reads back (core.vector_files) and the style is saved as a
  .qml beside the file (``save_style``), so a reopened layer looks as Processing showed it.
"""
import os
import re

from qgis.core import (QgsMapLayer, QgsProcessing, QgsProcessingException, QgsProcessingFeatureSourceDefinition,
                       QgsProcessingOutputLayerDefinition, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterMultipleLayers,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer, QgsProcessingParameterVectorDestination,
                       QgsProcessingParameterVectorLayer, QgsProcessingUtils, QgsProperty, QgsProviderRegistry,
                       QgsRasterLayer, QgsVectorLayer)

from ..lunar_plugin.core import partial
from ..lunar_plugin.core.errors import LunarInputError
from ..lunar_plugin.core.raster import check_output_path
from ..lunar_plugin.core.vector_files import make_crs_readable, name_single_layer, rollback_journal
from .algorithms.models import MODELS_DIR

#: Vector formats whose lunar CRS is checked to reopen valid (tests/algorithms/test_output_files.py).
VECTOR_EXTENSIONS = ["gpkg", "shp", "geojson", "fgb", "csv"]
#: Raster outputs are GeoTIFFs (core.raster.AtomicRasterWriter).
RASTER_EXTENSIONS = ["tif"]
_INPUT_TYPES = (QgsProcessingParameterRasterLayer, QgsProcessingParameterFeatureSource,
                QgsProcessingParameterVectorLayer, QgsProcessingParameterMultipleLayers, QgsProcessingParameterFile)
_OUTPUT_TYPES = (QgsProcessingParameterFeatureSink, QgsProcessingParameterRasterDestination,
                 QgsProcessingParameterVectorDestination, QgsProcessingParameterFileDestination)
_OGR_URI = re.compile(r"^ogr:dbname='(?P<path>[^']*)'(\s+table=\"(?P<table>[^\"]*)\")?")


def _string(value, context):
    """The text of a parameter value (a string, a property, a layer or an output/source definition)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    elif isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.valueAsString(context.expressionContext())
        value = value[0] if isinstance(value, tuple) else value  # PyQGIS returns (text, ok)
    if isinstance(value, QgsMapLayer):
        return value.id()
    return "" if value is None else str(value)


def _real(path):
    return os.path.realpath(os.path.abspath(path))


def _layer_file(layer):
    """(real path, layer name or None) of a file-based layer; None for memory and database layers."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path")
    if not path or not os.path.exists(path):
        return None
    return _real(path), parts.get("layerName") or None


def input_files(alg, parameters, context):
    """[(parameter name, real path, layer name)] of every file an algorithm reads, as the user gave them."""
    found = []
    for definition in alg.parameterDefinitions():
        name = definition.name()
        value = parameters.get(name)
        if not isinstance(definition, _INPUT_TYPES) or value in (None, "", []):
            continue
        if isinstance(definition, QgsProcessingParameterFile):
            path = alg.parameterAsFile(parameters, name, context)
            if path and os.path.exists(path):
                found.append((name, _real(path), None))
            continue
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            where = _file_of(item, context)
            if where is not None:
                found.append((name,) + where)
    return found


def _file_of(item, context):
    """(real path, layer name or None) of an input value: a path is taken as it is (opening it could touch it:
    QGIS opens a GeoPackage read-write), a layer or layer id by its source."""
    if not isinstance(item, QgsMapLayer):
        text = _string(item, context)
        path, _, options = text.partition("|")
        if os.path.exists(path):
            layer_name = re.search(r"layername=([^|]*)", options)
            return _real(path), layer_name.group(1) if layer_name else None
        item = QgsProcessingUtils.mapLayerFromString(text, context, False)
    return _layer_file(item) if item is not None else None


def output_target(alg, parameters, name, context):
    """(path as given, table or None) of a file output, or None for temporary and skipped outputs."""
    text = _string(parameters.get(name), context).strip()
    if not text or text in ("TEMPORARY_OUTPUT", QgsProcessing.TEMPORARY_OUTPUT) or text.startswith("memory:"):
        return None
    match = _OGR_URI.match(text)
    if match:
        return os.path.abspath(match.group("path")), match.group("table")
    return os.path.abspath(text.split("|")[0]), None


def written_path(definition, path):
    """The file QGIS writes for ``path``: an unsupported extension gets the format's default one appended."""
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    if isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)):
        return path if extension in VECTOR_EXTENSIONS else path + ".gpkg"
    if isinstance(definition, QgsProcessingParameterRasterDestination):
        return path if extension in RASTER_EXTENSIONS else path + ".tif"
    return path


def _sidecars(alg, name, path):
    """Files written beside an output: a model's card, a plot's SVG, a style."""
    stem = os.path.splitext(path)[0]
    return [stem + extension for extension in alg.SIDECARS.get(name, ())]


def guard(alg, parameters, context):
    """Refuse, before any work, outputs that would destroy an input, a shipped model or another output, and
    number parameters given as text that is not a number."""
    for definition in alg.parameterDefinitions():
        value = parameters.get(definition.name())
        if isinstance(definition, QgsProcessingParameterNumber) and isinstance(value, str) and value.strip():
            try:
                float(value)
            except ValueError:
                raise QgsProcessingException(alg.tr("{0}: '{1}' is not a number").format(
                    definition.name(), value)) from None
    inputs = input_files(alg, parameters, context)
    claimed = {}
    shipped = _real(MODELS_DIR)
    for definition in alg.destinationParameterDefinitions():
        name = definition.name()
        if not isinstance(definition, _OUTPUT_TYPES):
            continue
        target = output_target(alg, parameters, name, context)
        if target is None:
            continue
        given, table = target
        written = written_path(definition, given)
        if os.path.isdir(given) or os.path.isdir(written):
            raise QgsProcessingException(alg.tr("{0}: '{1}' is a folder; give a file name").format(name, given))
        for path in dict.fromkeys([given, written] + _sidecars(alg, name, written)):
            real = _real(path)
            for input_name, input_path, input_layer in inputs:
                if real == input_path and (table is None or input_layer is None or table == input_layer):
                    raise QgsProcessingException(alg.tr(
                        "{0} would overwrite the input {1} ('{2}'): inputs are never overwritten; choose another "
                        "file").format(name, input_name, input_path))
            if os.path.dirname(real) == shipped:
                raise QgsProcessingException(alg.tr(
                    "{0} would overwrite a model shipped with Lunar Lab ('{1}'); save it elsewhere").format(
                    name, real))
            key = (real, table)
            if key in claimed:
                raise QgsProcessingException(alg.tr("{0} and {1} point at the same file '{2}'; give each output "
                                                    "its own file").format(claimed[key], name, real))
            claimed[key] = name
        _check_folder(name, written)


def _check_folder(name, path):
    """The output's folder is created if missing and must be writable (core.raster.check_output_path)."""
    try:
        check_output_path(path)
    except LunarInputError as err:
        raise QgsProcessingException(f"{name}: {err}") from None


def save_style(path, style, table=None, shared_geopackage=False):
    """Store ``style`` with a finished output as NAME.qml beside it, which QGIS loads with the file (3.22 to 3.44).

    Not in a GeoPackage of our own: its layer_styles table counts as a second layer when QGIS decides whether to ask
    "Select Items to Add" (ogr querySublayers with IncludeSystemTables), so every Add Vector Layer would ask. A layer
    added to an existing GeoPackage (``shared_geopackage``) keeps its style in it: one .qml would style every layer
    of that file alike."""
    source = f"{path}|layername={table}" if table else path
    is_raster = os.path.splitext(path)[1].lower() in (".tif", ".tiff")
    statistics = path + ".aux.xml"  # GDAL keeps the statistics the style computed there: not ours to leave
    had_statistics = os.path.exists(statistics)
    layer = QgsRasterLayer(path, "", "gdal") if is_raster else QgsVectorLayer(source, "", "ogr")
    if not layer.isValid():
        return
    style(layer)
    _follow_truncated_field(layer)
    if shared_geopackage:
        # saveStyleToDatabaseV2 from QGIS 3.34 on (the old call is deprecated); 3.22 has only the old one
        save = getattr(layer, "saveStyleToDatabaseV2", None) or layer.saveStyleToDatabase
        save(table or os.path.splitext(os.path.basename(path))[0], "Lunar Lab", True, "")
    else:
        layer.saveNamedStyle(os.path.splitext(path)[0] + ".qml")
    del layer
    if is_raster and not had_statistics and os.path.exists(statistics):
        os.remove(statistics)


def _follow_truncated_field(layer):
    """A Shapefile keeps 10 characters of a field name (system_code -> system_cod): point the renderer's field
    (or the fields its expression names) there."""
    renderer = layer.renderer() if isinstance(layer, QgsVectorLayer) else None
    attribute = getattr(renderer, "classAttribute", lambda: None)()
    if not attribute:
        return
    names = layer.fields().names()

    def truncated(name):
        return name[:10] if name not in names and name[:10] in names else name
    if attribute in names or not re.search(r'"', attribute):
        renderer.setClassAttribute(truncated(attribute))
    else:
        renderer.setClassAttribute(re.sub(r'"([^"]+)"', lambda m: f'"{truncated(m.group(1))}"', attribute))


def _forget_pooled_datasets(path):
    """Close the datasets QGIS's ogr provider keeps open for ``path`` (reloadData invalidates its pool): one opened
    to read the file earlier (an input of a previous run) does not see a table added now, and loading the new layer
    through it fails ("Loading of layer failed", QGIS 3.22)."""
    if os.path.isfile(path):
        layer = QgsVectorLayer(path, "", "ogr")
        if layer.isValid():
            layer.dataProvider().reloadData()


class VectorOutput:
    """One feature sink of a run: created at a temporary file, finished (CRS, style, rename) or discarded."""

    def __init__(self, alg, parameters, name, context, fields, geometry_type, crs, style=None, layer_name=None):
        self.alg, self.context = alg, context
        self.style, self.layer_name = style, layer_name
        definition = alg.parameterDefinition(name)
        target = output_target(alg, parameters, name, context)
        self.tmp = self.table = None
        self.in_place = False  # True: a new layer in an existing GeoPackage, written where it goes
        if target is None:  # a temporary (memory) layer, or a skipped optional output
            self.sink, self.dest = alg.parameterAsSink(parameters, name, context, fields, geometry_type, crs)
            self.final = self.dest
            return
        given, table = target
        self.final = written_path(definition, given)
        self.in_place = table is not None
        if self.in_place:
            self.table = table
            _forget_pooled_datasets(self.final)
            self.sink, self.dest = alg.parameterAsSink(parameters, name, context, fields, geometry_type, crs)
            return
        extension = os.path.splitext(self.final)[1]
        self.tmp = partial.partial_path(self.final, extension)
        value = parameters.get(name)
        definition_value = QgsProcessingOutputLayerDefinition(value) if isinstance(
            value, QgsProcessingOutputLayerDefinition) else QgsProcessingOutputLayerDefinition(given)
        if extension.lower() == ".gpkg":  # the layer inside gets the final file's name when finished
            self.table = os.path.splitext(os.path.basename(self.final))[0]
        definition_value.sink = QgsProperty.fromValue(self.tmp)
        patched = dict(parameters)
        patched[name] = definition_value
        try:
            self.sink, self.temp_dest = alg.parameterAsSink(patched, name, context, fields, geometry_type, crs)
        except QgsProcessingException as err:
            partial.discard(self.tmp)
            raise QgsProcessingException(alg.tr("{0}: cannot create '{1}' ({2})").format(
                name, self.final, err)) from None
        if self.sink is None:
            partial.discard(self.tmp)
            raise QgsProcessingException(alg.tr("{0}: cannot create '{1}'").format(name, self.final))
        self.dest = self.final

    def finish(self, feedback):
        """Close the sink, store the CRS QGIS reads back and the style, and rename into place."""
        self.sink = None  # the last reference: the writer closes the file
        if self.tmp is None and not self.in_place:
            self._load_as(self.dest)
            return
        written = self.final if self.in_place else self.tmp
        try:
            if self.table and not self.in_place:
                name_single_layer(written, self.table)
            make_crs_readable(written)
        except (LunarInputError, RuntimeError) as err:
            raise QgsProcessingException(str(err)) from None
        if not self.in_place:
            partial.commit(self.tmp, self.final)
            self._rekey(self.temp_dest, self.dest)
        if self.style is not None:
            save_style(self.final, self.style, self.table, shared_geopackage=self.in_place)
        if self.final.lower().endswith(".gpkg"):
            self._deliver_without_wal(feedback)
        self._load_as(self.dest)

    def _deliver_without_wal(self, feedback):
        try:
            mode = rollback_journal(self.final)
        except LunarInputError as err:
            mode = str(err)
        if mode != "delete" and feedback is not None:
            feedback.pushWarning(self.alg.tr("{0} stays in WAL journal mode ({1}): copy its -wal file with it").format(
                self.final, mode))

    def discard(self):
        """Remove what a failed or cancelled run wrote."""
        self.sink = None
        if self.tmp is not None:
            partial.discard(self.tmp)
        elif self.in_place and self.table:
            from osgeo import ogr
            try:
                ds = ogr.Open(self.final, 1)
                index = next((i for i in range(ds.GetLayerCount()) if ds.GetLayer(i).GetName() == self.table), None)
                if index is not None:
                    ds.DeleteLayer(index)
                ds = None
            except (RuntimeError, AttributeError):
                pass

    def _rekey(self, old, new):
        """Processing registered the temporary file to load on completion: load the renamed one instead."""
        layers = self.context.layersToLoadOnCompletion()
        if old in layers:
            layers[new] = layers.pop(old)
            self.context.setLayersToLoadOnCompletion(layers)

    def _load_as(self, dest):
        if dest and self.style is not None:
            self.alg.style_output(self.context, dest, self.style, self.layer_name, save=False)
