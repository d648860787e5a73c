"""Output styling: applied through layer post-processors when Processing loads an output.

Post-processors run in the main thread after the algorithm; ``PostProcessor.create`` keeps a Python
reference to each (QGIS holds only a C++ pointer, so an unreferenced one would be garbage collected).
"""
from qgis.core import (QgsCategorizedSymbolRenderer, QgsColorRampShader, QgsContrastEnhancement,
                       QgsFillSymbol, QgsGradientColorRamp, QgsGradientStop, QgsGraduatedSymbolRenderer,
                       QgsMarkerSymbol, QgsMultiBandColorRenderer, QgsProcessingLayerPostProcessorInterface,
                       QgsRasterBandStats, QgsRasterShader, QgsRendererCategory, QgsRendererRange,
                       QgsSingleBandPseudoColorRenderer, QgsSingleSymbolRenderer, QgsRasterLayer,
                       QgsVectorLayer)
from qgis.PyQt.QtGui import QColor

from ..lunar_plugin.core.systems import SYSTEMS

#: Colour ramps after the seeds' maps: oxides blue (low) to red (high), OMAT grey, Mg# viridis.
RAMPS = {
    "oxide": ["#2b83ba", "#abdda4", "#ffffbf", "#fdae61", "#d7191c"],
    "omat": ["#1a1a1a", "#7f7f7f", "#f0f0f0"],
    "mgnumber": ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"],
    "elevation": ["#2c3e8c", "#4f9fd1", "#a6d96a", "#f4e285", "#b2672d", "#f7f7f7"],
    "grey": ["#000000", "#ffffff"],
}
#: Craters without a System (outside the DEM, in nodata): drawn, grey and dashed, never hidden.
UNCLASSIFIED_COLOUR = "#969696"
#: Catalogue (ground-truth) craters: cyan, far from the orange-red ramp of detections by confidence.
CATALOGUE_COLOUR = "#00d5ff"


def gradient(colours):
    stops = [QgsGradientStop(i / (len(colours) - 1), QColor(c)) for i, c in enumerate(colours[1:-1], 1)]
    return QgsGradientColorRamp(QColor(colours[0]), QColor(colours[-1]), False, stops)


def value_range(layer, band=1, cut=(0.025, 0.975)):
    """The central 95% of the values (as the seeds' Fig. 1), from a sample of the raster."""
    provider = layer.dataProvider()
    low, high = provider.cumulativeCut(band, cut[0], cut[1], layer.extent(), 250000)
    if not (high > low):
        stats = provider.bandStatistics(band, QgsRasterBandStats.Min | QgsRasterBandStats.Max)
        low, high = stats.minimumValue, stats.maximumValue
    return low, high if high > low else low + 1.0


def pseudocolor(ramp, band=1, fixed_range=None):
    def apply(layer):
        low, high = fixed_range or value_range(layer, band)
        shader_fn = QgsColorRampShader(low, high, gradient(RAMPS[ramp]), QgsColorRampShader.Interpolated)
        shader_fn.classifyColorRamp(7, band)
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(shader_fn)
        renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), band, shader)
        renderer.setClassificationMin(low)
        renderer.setClassificationMax(high)
        layer.setRenderer(renderer)
    return apply


def rgb(bands=(1, 2, 3)):
    def apply(layer):
        renderer = QgsMultiBandColorRenderer(layer.dataProvider(), *bands)
        for band, setter in zip(bands, (renderer.setRedContrastEnhancement, renderer.setGreenContrastEnhancement,
                                        renderer.setBlueContrastEnhancement)):
            low, high = value_range(layer, band, (0.02, 0.98))
            enhancement = QgsContrastEnhancement(layer.dataProvider().dataType(band))
            enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
            enhancement.setMinimumValue(low)
            enhancement.setMaximumValue(high)
            setter(enhancement)
        layer.setRenderer(renderer)
    return apply


def outline_symbol(colour, width=0.5, dashed=False):
    return QgsFillSymbol.createSimple({"color": "0,0,0,0", "style": "no", "outline_color": colour,
                                       "outline_width": str(width), "outline_width_unit": "MM",
                                       "outline_style": "dash" if dashed else "solid"})


def craters_outline(colour=CATALOGUE_COLOUR):
    def apply(layer):
        layer.setRenderer(QgsSingleSymbolRenderer(outline_symbol(colour)))
    return apply


#: Craters coloured by System only where the age model vouches for it: outside its diameter range (or without a
#: System) they draw in the grey dashed "no System" class.
SYSTEM_EXPRESSION = 'if("in_model_range" IS false, NULL, "system_code")'


def craters_by_system(field=SYSTEM_EXPRESSION):
    def apply(layer):
        categories = [QgsRendererCategory(system.code, outline_symbol(system.colour, 0.6), system.label)
                      for system in SYSTEMS]
        # '' is the renderer's "all other values" category: it draws the NULL (unclassified) craters
        categories.append(QgsRendererCategory("", outline_symbol(UNCLASSIFIED_COLOUR, 0.4, dashed=True),
                                              "No System (outside the DEM, in nodata or outside the age "
                                              "model's diameter range)"))
        layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    return apply


def craters_by_confidence(field="confidence"):
    def apply(layer):
        bounds = [0.0, 0.5, 0.7, 0.85, 1.0]
        colours = ["#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]
        ranges = [QgsRendererRange(lo, hi, outline_symbol(c, 0.6), f"{lo:.2f} – {hi:.2f}")
                  for lo, hi, c in zip(bounds[:-1], bounds[1:], colours)]
        layer.setRenderer(QgsGraduatedSymbolRenderer(field, ranges))
    return apply


def craters_by_category(field, colours):
    """Categorised outlines, e.g. evaluation status matched/missed/false."""
    def apply(layer):
        categories = [QgsRendererCategory(value, outline_symbol(colour, 0.6), value) for value, colour in colours]
        layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    return apply


def points(colour="#e31a1c", size=1.2):
    def apply(layer):
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": str(size),
                                               "outline_style": "no"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return apply


class PostProcessor(QgsProcessingLayerPostProcessorInterface):
    _alive = []

    def __init__(self, style):
        super().__init__()
        self.style = style

    @classmethod
    def create(cls, style):
        processor = cls(style)
        cls._alive.append(processor)
        return processor

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS's name)
        if isinstance(layer, (QgsRasterLayer, QgsVectorLayer)) and layer.isValid():
            self.style(layer)
            layer.triggerRepaint()


def apply_style(layer, style):
    """Style a layer directly (demo project, tests)."""
    style(layer)
    layer.triggerRepaint()
