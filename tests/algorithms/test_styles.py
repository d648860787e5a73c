"""Outputs load styled and named, as the Toolbox loads them (handleAlgorithmResults runs the post-processors)."""
from qgis.core import (QgsApplication, QgsMultiBandColorRenderer, QgsProcessingContext, QgsProcessingFeedback,
                       QgsProcessingOutputLayerDefinition, QgsProject, QgsSingleBandPseudoColorRenderer,
                       QgsSingleSymbolRenderer)


def run_and_load(lunar_processing, alg_id, params, outputs, tmp_path):
    from processing.gui.Postprocessing import handleAlgorithmResults
    project = QgsProject.instance()
    project.removeAllMapLayers()
    for name, filename in outputs.items():
        params[name] = QgsProcessingOutputLayerDefinition(str(tmp_path / filename), project)
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    lunar_processing.run(alg_id, params, context=context, feedback=feedback)
    assert handleAlgorithmResults(alg, context, feedback, showResults=False)
    return {layer.name(): layer for layer in project.mapLayers().values()}


def test_scene_and_oxide_layers_are_styled(lunar_processing, tmp_path):
    layers = run_and_load(lunar_processing, "lunar:syntheticscene", {"WIDTH": 64, "HEIGHT": 64},
                          {"OUTPUT_DEM": "dem.tif", "OUTPUT_DOM": "dom.tif", "OUTPUT_REFLECTANCE": "refl.tif",
                           "OUTPUT_CRATERS": "craters.gpkg"}, tmp_path)
    assert isinstance(layers["DEM (synthetic, m)"].renderer(), QgsSingleBandPseudoColorRenderer)
    assert isinstance(layers["Reflectance (synthetic Clementine, 950/750/415 nm)"].renderer(),
                      QgsMultiBandColorRenderer)
    craters = layers["Craters (synthetic ground truth)"]
    assert isinstance(craters.renderer(), QgsSingleSymbolRenderer)
    assert craters.renderer().symbol().symbolLayer(0).brushStyle() == 0  # Qt.NoBrush: unfilled circles

    layers = run_and_load(lunar_processing, "lunar:oxideequations", {"INPUT": str(tmp_path / "refl.tif")},
                          {"OUTPUT_FEO": "feo.tif", "OUTPUT_TIO2": "tio2.tif", "OUTPUT_OMAT": "omat.tif"}, tmp_path)
    feo = layers["FeO (wt%) — Qiu et al. 2025 equation"]
    renderer = feo.renderer()
    assert isinstance(renderer, QgsSingleBandPseudoColorRenderer)
    low, high = renderer.classificationMin(), renderer.classificationMax()
    assert 0 < low < high < 30  # the central 95% of the scene's FeO, not the raw min/max
    items = renderer.shader().rasterShaderFunction().colorRampItemList()
    assert items[0].color.blue() > items[0].color.red() and items[-1].color.red() > items[-1].color.blue()
    assert "OMAT — Qiu et al. 2025" in layers


def test_age_classes_legend_names_system_and_age_span():
    from qgis.core import QgsVectorLayer
    from lunar_lab.processing_provider import styles
    layer = QgsVectorLayer("Polygon?field=system_code:integer", "ages", "memory")
    styles.craters_by_system()(layer)
    labels = [c.label() for c in layer.renderer().categories()]
    assert labels == ["pre-Nectarian (4.52–3.92 Ga)", "Nectarian (3.92–3.85 Ga)", "Imbrian (3.85–3.16 Ga)",
                      "Eratosthenian (3.16–0.8 Ga)", "Copernican (0.8–0 Ga)",
                      "No System (outside the DEM, in nodata or outside the age model's diameter range)"]


def test_unclassified_craters_are_drawn():
    """A crater with a NULL System gets the grey dashed symbol (it was not drawn at all)."""
    from qgis.core import QgsExpressionContextUtils, QgsFeature, QgsRenderContext, QgsVectorLayer
    from lunar_lab.lunar_plugin.core import systems
    from lunar_lab.processing_provider import styles
    layer = QgsVectorLayer("Polygon?field=system_code:integer&field=in_model_range:boolean", "ages", "memory")
    styles.craters_by_system()(layer)
    renderer, context = layer.renderer(), QgsRenderContext()
    context.expressionContext().appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    renderer.startRender(context, layer.fields())
    colours = []
    for value, in_range in ((None, True), (3, True), (3, False)):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([value, in_range])
        context.expressionContext().setFeature(feature)
        symbol = renderer.symbolForFeature(feature, context)
        colours.append(symbol.symbolLayer(0).strokeColor().name() if symbol else None)
    renderer.stopRender(context)
    # no System, a System, and a System outside the age model's diameter range (not vouched for)
    assert colours == [styles.UNCLASSIFIED_COLOUR, systems.by_code(3).colour, styles.UNCLASSIFIED_COLOUR]
