"""Output styling: applied through layer post-processors when Processing loads an output.

Post-processors run in the main thread after the algorithm; ``PostProcessor.create`` keeps a Python
reference to each (QGIS holds only a C++ pointer, so an unreferenced one would be garbage collected).
Legend labels are rounded to the digits the value range needs, and every map of one oxide (the equations' and the
1D CNN's) uses the same scale from ``OXIDE_SCALES``, so that two maps compare side by side.
"""
import math

from qgis.core import (QgsBasicNumericFormat, QgsCategorizedSymbolRenderer, QgsColorRampLegendNodeSettings,
                       QgsColorRampShader, QgsContrastEnhancement, QgsFillSymbol,
                       QgsGradientColorRamp, QgsGradientStop, QgsGraduatedSymbolRenderer, QgsMapLayerLegendUtils,
                       QgsMarkerSymbol, QgsPalettedRasterRenderer,
                       QgsMultiBandColorRenderer, QgsProcessingLayerPostProcessorInterface, QgsRasterShader,
                       QgsRendererCategory, QgsRendererRange, QgsSimpleLegendNode, QgsSingleBandPseudoColorRenderer,
                       QgsSingleSymbolRenderer, QgsRasterLayer, QgsVectorLayer)
from qgis.PyQt.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, QTimer
from qgis.PyQt.QtGui import QColor

from ..lunar_plugin.core.systems import SYSTEMS
from ..lunar_plugin.qt_compat import RasterBandStatistic, ShaderInterpolationMethod

#: Colour ramps after the seeds' maps: oxides blue (low) to red (high), OMAT grey, Mg# viridis.
RAMPS = {
    "oxide": ["#2b83ba", "#abdda4", "#ffffbf", "#fdae61", "#d7191c"],
    "omat": ["#1a1a1a", "#7f7f7f", "#f0f0f0"],
    "mgnumber": ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"],
    "elevation": ["#2c3e8c", "#4f9fd1", "#a6d96a", "#f4e285", "#b2672d", "#f7f7f7"],
    "grey": ["#000000", "#ffffff"],
}
#: One colour scale per oxide, shared by all its maps (Qiu et al. 2025 equations and 1D CNN): (low, high) in wt%
#: and the ramp. The ranges hold the returned-sample sites' values (data/samples/zhang2023_table1_sites.csv: FeO
#: 4.1-22.2, TiO2 0.4-10.0, Al2O3 10.9-28.6, MgO 4.6-11.4, CaO 9.7-16.9 wt%) with a margin; a value beyond
#: the range takes the end colour (the legend says "≥ high").
OXIDE_SCALES = {
    "FeO": (0.0, 24.0, "oxide"),
    "TiO2": (0.0, 12.0, "oxide"),
    "Al2O3": (8.0, 32.0, "oxide"),
    "MgO": (2.0, 14.0, "oxide"),
    "CaO": (8.0, 18.0, "oxide"),
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
        stats = provider.bandStatistics(band, RasterBandStatistic.Min | RasterBandStatistic.Max)
        low, high = stats.minimumValue, stats.maximumValue
    return low, high if high > low else low + 1.0


def label_decimals(low, high):
    """Decimals that give a range's labels about three significant digits: 3.7-19.4, 0.148-0.339, -508-838."""
    span = abs(high - low)
    return max(0, 2 - math.floor(math.log10(span))) if span > 0 else 2


def rounded_range(low, high):
    """(low, high, decimals): a stretch widened to the digits its labels show, so that a label is the class limit."""
    decimals = label_decimals(low, high)
    scale = 10 ** decimals
    return math.floor(low * scale) / scale, math.ceil(high * scale) / scale, decimals


def number(value, decimals, unit=""):
    text = f"{value:.{decimals}f}"
    return f"{text} {unit}" if unit else text


def pseudocolor(ramp, band=1, fixed_range=None, unit="", end_labels=None):
    """A single-band colour ramp stretched over the central 95% of the values (rounded for its labels), or over
    ``fixed_range``; ``unit`` follows the legend's numbers and ``end_labels`` replaces its (low, high) labels."""
    def apply(layer):
        if fixed_range:
            low, high = fixed_range
            decimals = label_decimals(low, high)
        else:
            low, high, decimals = rounded_range(*value_range(layer, band))
        shader_fn = QgsColorRampShader(low, high, gradient(RAMPS[ramp]), ShaderInterpolationMethod.Linear)
        shader_fn.classifyColorRamp(7, band)
        items = shader_fn.colorRampItemList()
        for item in items:
            item.label = number(item.value, decimals, unit)
        shader_fn.setColorRampItemList(items)
        shader_fn.setLabelPrecision(decimals)
        shader_fn.setLegendSettings(ramp_legend(decimals, unit, end_labels))
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(shader_fn)
        renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), band, shader)
        renderer.setClassificationMin(low)
        renderer.setClassificationMax(high)
        layer.setRenderer(renderer)
        mark_raster_legend(layer)
    return apply


def ramp_legend(decimals, unit, end_labels=None):
    settings = QgsColorRampLegendNodeSettings()
    numbers = QgsBasicNumericFormat()
    numbers.setNumberDecimalPlaces(decimals)
    numbers.setShowTrailingZeros(True)
    numbers.setShowThousandsSeparator(False)
    settings.setNumericFormat(numbers)
    if unit:
        settings.setSuffix(" " + unit)
    if end_labels:
        settings.setMinimumLabel(end_labels[0])
        settings.setMaximumLabel(end_labels[1])
    return settings


def oxide_map(oxide):
    """The oxide's shared scale (OXIDE_SCALES), whichever method made the map; an oxide without one (a model
    trained on another target) is stretched on its own."""
    if oxide not in OXIDE_SCALES:
        return pseudocolor("oxide", unit="wt%")
    low, high, ramp = OXIDE_SCALES[oxide]
    decimals = label_decimals(low, high)
    below = ("\u2264 " if low > 0 else "") + number(low, decimals)  # the legend adds the unit
    return pseudocolor(ramp, fixed_range=(low, high), unit="wt%",
                       end_labels=(below, "\u2265 " + number(high, decimals)))


#: The classes of a spectral-domain mask (1 inside the fitting sites' domain, 0 outside): value, colour, label.
DOMAIN_CLASSES = ((0, "#d7191c", QT_TRANSLATE_NOOP("LunarLab", "outside: extrapolated (0)")),
                  (1, "#1a9641", QT_TRANSLATE_NOOP("LunarLab", "inside the sites' domain (1)")))


def inside_domain():
    """A 1/0 mask: two classes that say which is which, not a continuous grey ramp."""
    def apply(layer):
        classes = [QgsPalettedRasterRenderer.Class(value, QColor(colour), QCoreApplication.translate("LunarLab", label))
                   for value, colour, label in DOMAIN_CLASSES]
        layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))
        mark_raster_legend(layer)
    return apply


#: Layer property that asks for Lunar Lab's legend rows: saved with the style (.qml) and in projects, so the plugin
#: can tidy a reopened layer's legend again (``restore_legends``).
LEGEND_PROPERTY = "lunar_lab/legend"


def tidy_legend(layer):
    """Hide the band row QGIS puts above a single-band layer's ramp or classes ('Band 1: FeO (wt%) (Gray)': the
    layer's name says it, and a GeoTIFF's single band always reads back as Gray; a layer of several bands keeps it,
    as it says which band is shown) and drop '(Gray)'/'(Red)' from the rows.

    Done with the layer's node in the layer tree (QgsMapLayerLegendUtils: plain settings that a project keeps), not
    with a Python subclass of QGIS's legend: QGIS 3.44 crashes on a legend subclass it keeps. Returns whether the
    layer had a node to tidy (it has none before it is put into the layer tree)."""
    project = layer.project()   # None for a layer of no project (a style saved in the algorithm's thread)
    node = project.layerTreeRoot().findLayer(layer.id()) if project is not None else None
    if node is None or layer.legend() is None:
        return False
    for key in node.customProperties():   # what an earlier renderer's legend was given
        if key == "legend/node-order" or key.startswith("legend/label-"):
            node.removeCustomProperty(key)
    legend_nodes = layer.legend().createLayerTreeModelLegendNodes(node)
    provider = layer.dataProvider()
    suffixes = {f" ({provider.colorInterpretationName(band)})" for band in range(1, provider.bandCount() + 1)
                if provider.colorInterpretationName(band) != "Undefined"}
    kept = []
    for index, legend_node in enumerate(legend_nodes):
        if provider.bandCount() == 1 and isinstance(legend_node, QgsSimpleLegendNode):
            continue   # a band row says which band of several is shown (a 1-sigma layer: one band per oxide)
        kept.append(index)
        text = legend_node.data(0)
        for suffix in suffixes:
            if isinstance(text, str) and text.endswith(suffix):
                QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, index, text[:-len(suffix)])
    if len(kept) < len(legend_nodes):
        QgsMapLayerLegendUtils.setLegendNodeOrder(node, kept)
    layer.legend().itemsChanged.emit()
    return True


def mark_raster_legend(layer):
    """LEGEND_PROPERTY, so that a reopened file or project gets its legend tidied (``restore_legends``), and the
    legend tidied now if the layer is in a layer tree."""
    layer.setCustomProperty(LEGEND_PROPERTY, "raster")
    tidy_legend(layer)


#: Raster layers of a project that restore_legends watches for their style: {layer id: (layer, slot)}.
_watched = {}


def restore_legends(layers):
    """Tidy the legend of every raster layer among ``layers`` styled by Lunar Lab (LEGEND_PROPERTY, which its .qml
    and a project keep), now or when its style arrives (QGIS desktop loads a file's .qml after adding the layer).
    The plugin connects it to QgsProject.layersAdded, ``forget_legends`` to layersRemoved."""
    for layer in layers:
        if isinstance(layer, QgsRasterLayer) and layer.id() not in _watched:
            slot = (lambda *_args, layer_id=layer.id(): _tidy_marked(layer_id))
            layer.customPropertyChanged.connect(slot)
            layer.rendererChanged.connect(slot)   # a restyled layer's legend rows are not the ones tidied
            _watched[layer.id()] = (layer, slot)
            _tidy_marked(layer.id())


def _tidy_marked(layer_id):
    layer = _watched.get(layer_id, (None,))[0]
    if layer is None or layer.customProperty(LEGEND_PROPERTY) != "raster":
        return
    if not tidy_legend(layer):   # layersAdded comes before the layer tree's node: try once control returns
        QTimer.singleShot(0, lambda: layer_id in _watched and tidy_legend(_watched[layer_id][0]))


def forget_legends(layer_ids=None):
    """Stop watching these layers (all: the plugin unloads)."""
    for layer_id in list(_watched) if layer_ids is None else layer_ids:
        layer, slot = _watched.pop(layer_id, (None, None))
        if layer is not None:
            try:
                layer.customPropertyChanged.disconnect(slot)
                layer.rendererChanged.disconnect(slot)
            except (RuntimeError, TypeError):   # the layer is already gone
                pass


def rgb(bands=(1, 2, 3)):
    def apply(layer):
        renderer = QgsMultiBandColorRenderer(layer.dataProvider(), *bands)
        for band, setter in zip(bands, (renderer.setRedContrastEnhancement, renderer.setGreenContrastEnhancement,
                                        renderer.setBlueContrastEnhancement)):
            low, high = value_range(layer, band, (0.02, 0.98))
            enhancement = QgsContrastEnhancement(layer.dataProvider().dataType(band))
            enhancement.setContrastEnhancementAlgorithm(
                QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum)
            enhancement.setMinimumValue(low)
            enhancement.setMaximumValue(high)
            setter(enhancement)
        layer.setRenderer(renderer)
        mark_raster_legend(layer)
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
        label = QCoreApplication.translate("LunarLab", "confidence {0:.2f} – {1:.2f}")
        ranges = [QgsRendererRange(lo, hi, outline_symbol(c, 0.6), label.format(lo, hi))
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
