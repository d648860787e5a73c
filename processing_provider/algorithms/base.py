"""What every Lunar Lab algorithm shares: naming, help, error translation, inputs and styled outputs."""
import html
import os

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QIcon

from ...lunar_plugin.core.errors import Cancelled, LunarInputError
from .. import styles

ICON_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "icons")
GROUP_ICONS = {"Craters": "craters", "Crater ages": "craters", "Surface chemistry": "chemistry",
               "Statistics": "statistics", "Data": "data"}
#: Help links open the README shipped with the plugin (the zip carries it too).
README_PATH = os.path.join(os.path.dirname(ICON_DIR), "README.md")


def optional_float(value):
    """A number for an attribute or an output: None (NULL) for missing or NaN values."""
    if value is None:
        return None
    value = float(value)
    return value if value == value else None


class LunarAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set NAME, DISPLAY, GROUP, HELP and implement ``define`` and ``execute``."""

    NAME = ""
    DISPLAY = ""
    GROUP = ""
    HELP = ""
    NEEDS_TORCH = False  # True: canExecute says so (translated) before Run when PyTorch is missing

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

    def shortHelpString(self):
        # QGIS shows help as HTML: escape '<' in formulas, keep paragraphs
        return html.escape(self.tr(self.HELP)).replace("\n", "<br>")

    def helpUrl(self):
        # help/NAME.html is generated from HELP and the parameters (scripts/build_help.py; make setup, the zip)
        page = os.path.join(os.path.dirname(ICON_DIR), "help", self.NAME + ".html")
        return QUrl.fromLocalFile(page).toString() if os.path.isfile(page) else ""

    def canExecute(self):  # noqa: N802 (QGIS's name)
        if self.NEEDS_TORCH:
            from .models import torch_missing_message
            message = torch_missing_message()
            if message:
                return False, message
        return True, ""

    def icon(self):
        return QIcon(self.svgIconPath())

    def svgIconPath(self):  # noqa: N802 (QGIS's name)
        return os.path.join(ICON_DIR, GROUP_ICONS.get(self.GROUP, "lunar_lab") + ".svg")

    def initAlgorithm(self, config=None):
        self.define()

    def add(self, parameter, help_text=""):
        """Add a parameter with its help text (shown in the dialog and in qgis_process help)."""
        if help_text and hasattr(parameter, "setHelp"):
            parameter.setHelp(self.tr(help_text))
        self.addParameter(parameter)
        return parameter

    def processAlgorithm(self, parameters, context, feedback):
        self._post_processors = []
        try:
            return self.execute(parameters, context, feedback)
        except LunarInputError as err:
            raise QgsProcessingException(str(err)) from None
        except Cancelled:
            feedback.reportError(self.tr("Cancelled: no output was written."))
            raise QgsProcessingException(self.tr("Cancelled by the user; no output was written.")) from None
        except MemoryError:
            raise QgsProcessingException(self.tr("Out of memory; try a smaller extent or block size.")) from None

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
    def style_output(self, context, path, style, layer_name):
        """Style a raster/vector output when the Toolbox loads it, and give it a readable name."""
        if not context.willLoadLayerOnCompletion(path):
            return
        details = context.layerToLoadOnCompletionDetails(path)
        details.name = layer_name
        processor = styles.PostProcessor.create(style)
        self._post_processors.append(processor)
        details.setPostProcessor(processor)

