"""LunarProvider: the 'lunar' Processing provider."""
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .algorithms import all_algorithms
from .outputs import RASTER_EXTENSIONS, VECTOR_EXTENSIONS

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icons", "lunar_lab.svg")


class LunarProvider(QgsProcessingProvider):
    def id(self):
        return "lunar"

    def name(self):
        return "Lunar Lab"

    def longName(self):
        return self.tr("Lunar Lab: craters, ages and oxides of the Moon")

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):
        return ICON

    def supportedOutputVectorLayerExtensions(self):  # noqa: N802 (QGIS's name)
        """Only the formats whose lunar CRS is tested to reopen valid (tests/algorithms/test_output_files.py)."""
        return list(VECTOR_EXTENSIONS)

    def supportedOutputRasterLayerExtensions(self):  # noqa: N802
        return list(RASTER_EXTENSIONS)

    def defaultVectorFileExtension(self, hasGeometry=True):  # noqa: N802,N803
        return "gpkg" if hasGeometry else "csv"

    def defaultRasterFileExtension(self):  # noqa: N802
        return "tif"

    def loadAlgorithms(self):
        for alg in all_algorithms():
            self.addAlgorithm(alg)
