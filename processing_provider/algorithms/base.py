"""What every Lunar Lab algorithm shares: naming, help, error translation, inputs and styled outputs."""
import html
import os
import re
import signal
import threading
import traceback

from qgis.core import (QgsEllipsoidUtils, QgsProcessingAlgorithm, QgsProcessingException,
                       QgsProcessingParameterExtent, QgsProcessingParameterFeatureSource, QgsProcessingParameterFile,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterRasterLayer,
                       QgsProcessingParameterVectorLayer, QgsRasterLayer)
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QIcon

from ...lunar_plugin import i18n
from ...lunar_plugin.core import messages, partial
from ...lunar_plugin.core.errors import Cancelled, LunarInputError
from ...lunar_plugin.core.model_files import read_weights
from ...lunar_plugin.core.moon import MOON_RADIUS_M, same_body
from ...lunar_plugin.core.raster import RasterSource
from ...lunar_plugin.deps import torch_available
from ...lunar_plugin.qt_compat import ProcessingParameterFlag, WkbType
from .. import outputs, styles

ICON_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "icons")
GROUP_ICONS = {"Craters": "craters", "Crater ages": "craters", "Surface chemistry": "chemistry",
               "Statistics": "statistics", "Data": "data"}
#: Parameter ids that are also the data's own names in help texts ("DOM/DEM fusion"): left as written there.
IDS_THAT_ARE_WORDS = frozenset({"DEM", "DOM", "OMAT", "CRS"})

messages.set_translator(QCoreApplication.translate)  # the core's log lines in the user's language


def optional_float(value):
    """A number for an attribute or an output: None (NULL) for missing or NaN values."""
    if value is None:
        return None
    value = float(value)
    return value if value == value else None


class Terminated(BaseException):
    """SIGTERM (a batch scheduler's kill): the whole process is going, so every partial it writes goes too. A
    BaseException, as KeyboardInterrupt: it is raised wherever the main thread happens to be, and an ``except
    Exception`` there (ours, ONNX Runtime's, GDAL's) must not swallow it and let the run go on."""


def _terminate(signum, frame):
    raise Terminated("terminated (SIGTERM)")


def is_lunar(crs):
    """False for a valid CRS on another body than the Moon (EPSG:4326, Mars, ...): its ellipsoid's size tells."""
    if not crs.isValid():
        return True
    radius = QgsEllipsoidUtils.ellipsoidParameters(crs.ellipsoidAcronym()).semiMajor
    return not radius > 0 or same_body(radius, MOON_RADIUS_M)


class LunarAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set NAME, DISPLAY, GROUP, HELP and implement ``define`` and ``execute``."""

    NAME = ""
    DISPLAY = ""
    GROUP = ""
    HELP = ""
    #: Files an output writes beside itself, by parameter: {"OUTPUT_MODEL": (".json",)} (checked by the guard).
    SIDECARS = {}
    NEEDS_TORCH = False  # True: canExecute says so (translated) before Run when PyTorch is missing (training)
    NEEDS_ENGINE = False  # True: the same when neither ONNX Runtime nor PyTorch is there (running a model)

    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):
        return type(self)()

    def name(self):
        return self.NAME

    def displayName(self):
        return self.tr(self.DISPLAY)

    def group(self):
        return self.tr(self.GROUP)

    def groupId(self):
        return self.GROUP.lower().replace(" ", "").replace("&", "")

    def with_labels(self, text):
        """``text`` with each parameter id named by its label in the dialog, as the dialog's reader knows it (the
        ids are what qgis_process users type; the help page lists both)."""
        labels = {d.name(): d.description() for d in self.outputDefinitions()}
        labels.update((d.name(), d.description()) for d in self.parameterDefinitions())
        ids = sorted((name for name, label in labels.items() if name not in IDS_THAT_ARE_WORDS and label != name),
                     key=len, reverse=True)
        if not ids:
            return text
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, ids)) + r")\b")
        return pattern.sub(lambda match: "“" + labels[match.group(1)] + "”", text)

    def help_text(self):
        """HELP translated, parameters named by their labels."""
        return self.with_labels(self.tr(self.HELP))

    def shortHelpString(self):
        # QGIS shows help as HTML: escape '<' in formulas, keep paragraphs
        return html.escape(self.help_text()).replace("\n", "<br>")

    def helpUrl(self):
        # help/NAME.html is generated from HELP and the parameters (scripts/build_help.py; make setup, the zip),
        # help/<locale>/NAME.html the same in the plugin's translation QGIS runs in
        help_dir = os.path.join(os.path.dirname(ICON_DIR), "help")
        locale = i18n.installed_locale()
        for folder in ([os.path.join(help_dir, locale)] if locale else []) + [help_dir]:
            page = os.path.join(folder, self.NAME + ".html")
            if os.path.isfile(page):
                return QUrl.fromLocalFile(page).toString()
        return ""

    def canExecute(self):  # noqa: N802 (QGIS's name)
        if self.NEEDS_TORCH or self.NEEDS_ENGINE:
            from .models import engine_missing_message, torch_missing_message
            message = torch_missing_message() if self.NEEDS_TORCH else engine_missing_message()
            if message:
                return False, message
        return True, ""

    def icon(self):
        return QIcon(self.svgIconPath())

    def svgIconPath(self):  # noqa: N802 (QGIS's name)
        return os.path.join(ICON_DIR, GROUP_ICONS.get(self.GROUP, "lunar_lab") + ".svg")

    def initAlgorithm(self, config=None):
        self.help_sources = {}   # parameter name -> its help as written (what tr looks up; update_translations.sh)
        self.define()
        for parameter in self.parameterDefinitions():  # tooltips name the other parameters by label too
            if parameter.help():
                parameter.setHelp(self.with_labels(parameter.help()))

    def add(self, parameter, help_text="", advanced=False, decimals=None):
        """Add a parameter with its help text (shown in the dialog and in qgis_process help).

        ``advanced``: under "Advanced Parameters", so that the dialog first shows only what a user must decide.
        ``decimals``: the digits a number box shows (QGIS's own algorithms set the same widget_wrapper metadata)."""
        if help_text and hasattr(parameter, "setHelp"):
            parameter.setHelp(self.tr(help_text))
            self.help_sources[parameter.name()] = help_text
        if advanced:
            parameter.setFlags(parameter.flags() | ProcessingParameterFlag.Advanced)
        if decimals is not None:
            metadata = parameter.metadata()
            metadata.setdefault("widget_wrapper", {})["decimals"] = decimals
            parameter.setMetadata(metadata)
        self.addParameter(parameter)
        return parameter

    def processAlgorithm(self, parameters, context, feedback):
        """Guard the outputs and check the inputs before any work; turn every failure into a clear message and
        leave nothing half-written behind (errors, cancel and SIGTERM alike)."""
        self._post_processors = []
        self._vector_outputs = []
        in_main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _terminate) if in_main_thread else None
        try:
            outputs.guard(self, parameters, context)
            self._check_inputs(parameters, context, feedback)
            results = self.execute(parameters, context, feedback)
            for output in self._vector_outputs:
                output.finish(feedback)
            return results
        except BaseException as err:
            for output in self._vector_outputs:
                output.discard()
            if isinstance(err, Terminated):   # other failures: each writer has removed its own partial already;
                partial.remove_live()         # another run in this QGIS may be writing the others
            raise self._message(err, feedback) from None
        finally:
            self._vector_outputs = []
            if in_main_thread:
                signal.signal(signal.SIGTERM, previous)

    def _message(self, err, feedback):
        """The QgsProcessingException a user sees for ``err``: never a traceback (that goes to the log)."""
        if isinstance(err, QgsProcessingException):
            return err
        if isinstance(err, LunarInputError):
            return QgsProcessingException(str(err))
        if isinstance(err, Cancelled):
            return QgsProcessingException(self.tr("Cancelled by the user; no output was written."))
        if isinstance(err, MemoryError):
            return QgsProcessingException(self.tr("Out of memory; try a smaller extent or block size."))
        if isinstance(err, (KeyboardInterrupt, SystemExit, Terminated)):
            return QgsProcessingException(self.tr("Interrupted; no output was written."))
        feedback.pushDebugInfo("".join(traceback.format_exception(type(err), err, err.__traceback__)))
        if isinstance(err, (OSError, RuntimeError)):  # GDAL, OGR and file-system failures
            return QgsProcessingException(self.tr("Reading or writing a file failed: {0}. No output was "
                                                  "written.").format(err))
        return QgsProcessingException(self.tr("Lunar Lab failed unexpectedly ({0}: {1}); no output was written. "
                                              "The log holds the details for a bug report.").format(
            type(err).__name__, err))

    def _check_inputs(self, parameters, context, feedback):
        """Open every input (a truncated or unreadable raster fails here, not half-way through the work) and warn
        about inputs in a CRS of another body, whose coordinates are taken as lunar."""
        for definition in self.parameterDefinitions():
            name = definition.name()
            if parameters.get(name) in (None, "", []):
                continue
            if isinstance(definition, QgsProcessingParameterRasterLayer):
                RasterSource(self.raster_source(parameters, name, context), name).verify()
                layer = self.parameterAsRasterLayer(parameters, name, context)
                self._warn_crs(name, layer.crs(), layer.source(), feedback)
            elif isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
                source = self.parameterAsSource(parameters, name, context)
                if source is None:
                    raise QgsProcessingException(self.tr("{0}: '{1}' cannot be opened as a vector layer").format(
                        name, parameters.get(name)))
                self._warn_crs(name, source.sourceCrs(), source.sourceName(), feedback)
            elif isinstance(definition, QgsProcessingParameterFile):
                path = self.parameterAsFile(parameters, name, context)
                if not os.path.isfile(path):
                    raise QgsProcessingException(self.tr("{0}: file '{1}' does not exist").format(name, path))
                if path.lower().endswith(".pt") and self._torch_reads_models(parameters, context):
                    read_weights(path, name)  # a broken model fails now, not after minutes of work
            elif isinstance(definition, QgsProcessingParameterExtent):
                crs = self.parameterAsExtentCrs(parameters, name, context)
                if not is_lunar(crs):   # transformed into the Moon's CRS, it would be taken as lunar degrees
                    raise QgsProcessingException(self.tr(
                        "{0}: the extent is given in {1} ({2}), a CRS of another body; give it in a lunar CRS "
                        "(draw it on a map in a Moon CRS, or take it from a lunar layer)").format(
                        name, crs.authid() or crs.toProj(), crs.description()))
            elif isinstance(definition, QgsProcessingParameterMultipleLayers):
                for layer in self.parameterAsLayerList(parameters, name, context):
                    if isinstance(layer, QgsRasterLayer):
                        RasterSource(layer.source(), f"{name} ({layer.name()})").verify()
                    self._warn_crs(name, layer.crs(), layer.source(), feedback)

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        """Import the network library of this run here, in the thread that starts it (the dialog's: QGIS's main
        thread), not in the task's worker thread: ONNX Runtime or PyTorch imported in a QGIS 3.22 task thread while
        the main thread ran Python left Python objects corrupted and crashed QGIS (tests/e2e/test_desktop_cancel.py).
        A library that does not import is reported by the run itself."""
        from ...lunar_plugin.core import engine
        if self.NEEDS_TORCH:
            engine.import_error("torch")
        elif self.NEEDS_ENGINE:
            engine.import_error(self._engine_of_run(parameters, context) or "onnxruntime")
        return True

    def _engine_of_run(self, parameters, context):
        """'onnxruntime' or 'torch' as this run's ENGINE and DEVICE resolve; None when neither can run."""
        from ...lunar_plugin.core import engine
        from ...lunar_plugin.core.device import DEVICES
        device = DEVICES[self.parameterAsEnum(parameters, "DEVICE", context)] \
            if self.parameterDefinition("DEVICE") is not None else "auto"
        try:
            return engine.resolve(self.parameterAsEnum(parameters, "ENGINE", context), device)
        except LunarInputError:
            return None

    def _torch_reads_models(self, parameters, context):
        """Whether this run reads .pt files with torch: with an ENGINE that resolves to ONNX Runtime it reads the
        .onnx instead (checked when the model loads), and importing torch would only cost seconds."""
        if not torch_available():
            return False
        if self.parameterDefinition("ENGINE") is None:
            return True
        return self._engine_of_run(parameters, context) == "torch"

    def _warn_crs(self, name, crs, where, feedback):
        if not is_lunar(crs):
            feedback.pushWarning(self.tr("{0}: '{1}' is in {2} ({3}), a CRS of another body; its coordinates are "
                                         "taken as lunar degrees / metres on the Moon").format(
                name, where, crs.authid() or crs.description(), crs.description()))

    # ---- inputs -------------------------------------------------------------------------------
    def raster_source(self, parameters, name, context, required=True):
        """Path of a raster parameter, with a clear error when it is missing or not a raster."""
        layer = self.parameterAsRasterLayer(parameters, name, context)
        if layer is None:
            if not required and not parameters.get(name):
                return None
            raise QgsProcessingException(self.tr("{0}: '{1}' is not a raster layer").format(
                name, parameters.get(name)))
        if not layer.isValid():
            raise QgsProcessingException(self.tr("{0}: raster '{1}' could not be opened").format(
                name, layer.source()))
        return layer.source()

    # ---- outputs ------------------------------------------------------------------------------
    def output_sink(self, parameters, name, context, fields, geometry_type=None, crs=None, style=None,
                    layer_name=None):
        """(sink, destination) like parameterAsSink, written under a temporary name and finished after the run:
        renamed into place with a CRS QGIS reads back and ``style`` saved with it (outputs.VectorOutput)."""
        from qgis.core import QgsCoordinateReferenceSystem as Crs
        output = outputs.VectorOutput(self, parameters, name, context, fields,
                                      WkbType.NoGeometry if geometry_type is None else geometry_type,
                                      crs if crs is not None else Crs(), style, layer_name)
        if output.sink is not None:
            self._vector_outputs.append(output)
        return output.sink, output.dest

    def style_output(self, context, path, style, layer_name, save=True):
        """Style an output when the Toolbox loads it, give it a readable name, and (``save``) store the style
        with a finished raster file (a .qml beside it) so that it reopens the same."""
        if save and path and os.path.isfile(path):
            outputs.save_style(path, style)
        if not context.willLoadLayerOnCompletion(path):
            return
        details = context.layerToLoadOnCompletionDetails(path)
        if layer_name:
            details.name = layer_name
        processor = styles.PostProcessor.create(style)
        self._post_processors.append(processor)
        details.setPostProcessor(processor)
