"""LunarProvider: the 'lunar' Processing provider."""
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .algorithms import all_algorithms

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

    def loadAlgorithms(self):
        for alg in all_algorithms():
            self.addAlgorithm(alg)
