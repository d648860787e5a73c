"""Outputs load styled and named, as the Toolbox loads them (handleAlgorithmResults runs the post-processors)."""
import inspect

from qgis.core import (QgsApplication, QgsMultiBandColorRenderer, QgsNumericFormatContext, QgsProcessingContext,
                       QgsProcessingFeedback, QgsProcessingOutputLayerDefinition, QgsProject,
                       QgsSingleBandPseudoColorRenderer, QgsSingleSymbolRenderer)


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
    # QGIS 3.40 dropped handleAlgorithmResults' showResults (3.22 shows HTML results unless told not to); 3.44
    # hands iface.layerTreeView() to C++, and pytest-qgis's iface stub gives a MagicMock there: no iface, as headless
    import processing.gui.Postprocessing as postprocessing
    quiet = {"showResults": False} if "showResults" in inspect.signature(handleAlgorithmResults).parameters else {}
    stub = getattr(postprocessing, "iface", None)
    postprocessing.iface = None
    try:
        assert handleAlgorithmResults(alg, context, feedback, **quiet)
    finally:
        postprocessing.iface = stub
    return {layer.name(): layer for layer in project.mapLayers().values()}


SCENE_OUTPUTS = {"OUTPUT_DEM": "dem.tif", "OUTPUT_DOM": "dom.tif", "OUTPUT_REFLECTANCE": "refl.tif",
                 "OUTPUT_CRATERS": "craters.gpkg"}


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
    items = renderer.shader().rasterShaderFunction().colorRampItemList()
    assert items[0].color.blue() > items[0].color.red() and items[-1].color.red() > items[-1].color.blue()
    omat = layers["OMAT — Qiu et al. 2025"].renderer()
    low, high = omat.classificationMin(), omat.classificationMax()
    assert 0 < low < high < 1  # the central 95% of the scene's OMAT, not the raw min/max


def legend_texts(model, layer):
    """What the Layers panel (``model``) shows under a layer (a ramp's end labels for a colour ramp)."""
    from qgis.core import QgsColorRampLegendNode
    texts = []
    for node in model.layerLegendNodes(model.rootGroup().findLayer(layer.id())):
        if isinstance(node, QgsColorRampLegendNode):
            settings = node.settings()
            fmt = settings.numericFormat()
            ends = ((settings.minimumLabel(), layer.renderer().classificationMin()),
                    (settings.maximumLabel(), layer.renderer().classificationMax()))
            texts += [(label or fmt.formatDouble(value, QgsNumericFormatContext())) + settings.suffix()
                      for label, value in ends]
        else:
            texts.append(node.data(0))
    return texts


def ramp_of(layer):
    """(min, max, [(value, colour, label)], the layer's own central 95%) of a colour-ramp layer."""
    from lunar_lab.processing_provider import styles
    renderer = layer.renderer()
    items = renderer.shader().rasterShaderFunction().colorRampItemList()
    return (renderer.classificationMin(), renderer.classificationMax(),
            [(item.value, item.color.name(), item.label) for item in items], styles.value_range(layer))


def test_equation_and_cnn_maps_of_an_oxide_share_one_scale(lunar_processing, tmp_path):
    """The FeO (TiO2) maps of the two methods get the same range and ramp, so that they compare side by side."""
    from lunar_lab.processing_provider import styles
    run_and_load(lunar_processing, "lunar:syntheticscene", {"WIDTH": 64, "HEIGHT": 64}, dict(SCENE_OUTPUTS), tmp_path)
    refl = {"INPUT": str(tmp_path / "refl.tif")}
    layers = run_and_load(lunar_processing, "lunar:oxideequations", dict(refl),
                          {"OUTPUT_FEO": "feo_eq.tif", "OUTPUT_TIO2": "tio2_eq.tif"}, tmp_path)
    equation = {oxide: ramp_of(layers[f"{oxide} (wt%) — Qiu et al. 2025 equation"]) for oxide in ("FeO", "TiO2")}
    layers = run_and_load(lunar_processing, "lunar:oxidecnn", dict(refl),
                          {"OUTPUT_FEO": "feo_cnn.tif", "OUTPUT_TIO2": "tio2_cnn.tif"}, tmp_path)
    cnn = {oxide: ramp_of(layers[f"{oxide} (wt%) — 1D CNN"]) for oxide in ("FeO", "TiO2")}
    for oxide in ("FeO", "TiO2"):
        low, high, _ = styles.OXIDE_SCALES[oxide]
        assert equation[oxide][:3] == cnn[oxide][:3] and equation[oxide][:2] == (low, high), (oxide, equation, cnn)
        # each stretched on its own, the two maps would get different ranges
        assert equation[oxide][3] != cnn[oxide][3]


def test_legends_are_rounded_and_name_no_band(lunar_processing, tmp_path):
    """Legend labels carry the digits the range needs and the unit; no 'Band 1: ... (Gray)' row under a layer."""
    import re
    from qgis.core import QgsLayerTreeModel, QgsProject
    QgsProject.instance().removeAllMapLayers()
    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())  # open before the runs, as the Layers panel is
    layers = run_and_load(lunar_processing, "lunar:syntheticscene", {"WIDTH": 64, "HEIGHT": 64}, dict(SCENE_OUTPUTS),
                          tmp_path)
    texts = {name: legend_texts(model, layer) for name, layer in layers.items()}
    layers = run_and_load(lunar_processing, "lunar:oxideequations", {"INPUT": str(tmp_path / "refl.tif")},
                          {"OUTPUT_FEO": "feo.tif", "OUTPUT_OMAT": "omat.tif"}, tmp_path)
    texts.update({name: legend_texts(model, layer) for name, layer in layers.items()})
    assert texts["FeO (wt%) — Qiu et al. 2025 equation"] == ["0.0 wt%", "\u2265 24.0 wt%"]
    assert re.fullmatch(r"0\.\d{3}", texts["OMAT — Qiu et al. 2025"][0]), texts
    assert all(re.fullmatch(r"-?\d+ m", t) for t in texts["DEM (synthetic, m)"]), texts
    assert texts["Reflectance (synthetic Clementine, 950/750/415 nm)"][2] == "Band 1: R415 (Clementine UVVIS 415 nm)"
    assert not [t for ts in texts.values() for t in ts if "Gray" in t or t.startswith("Band 1: FeO")], texts


def test_label_digits_follow_the_range():
    from lunar_lab.processing_provider import styles
    assert styles.rounded_range(3.714492, 19.429626) == (3.7, 19.5, 1)
    assert styles.rounded_range(0.148254, 0.338678) == (0.148, 0.339, 3)
    assert styles.rounded_range(-507.84, 837.51) == (-508, 838, 0)
    assert styles.label_decimals(0.0, 24.0) == 1


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


def test_masks_confidence_and_sigma_layers_say_what_they_show(lunar_processing, tmp_path):
    """A domain mask shows two named classes (not a grey ramp), detections' classes say 'confidence', and the
    5-band 1-sigma layer's legend names the oxide of the band it shows."""
    from qgis.core import QgsLayerTreeModel, QgsPalettedRasterRenderer, QgsProject
    QgsProject.instance().removeAllMapLayers()
    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())
    scene = run_and_load(lunar_processing, "lunar:syntheticscene", {"WIDTH": 64, "HEIGHT": 64}, dict(SCENE_OUTPUTS),
                         tmp_path)
    layers = run_and_load(lunar_processing, "lunar:oxidecnn", {"INPUT": str(tmp_path / "refl.tif")},
                          {"OUTPUT_FEO": "feo.tif", "OUTPUT_DOMAIN": "domain.tif",
                           "OUTPUT_UNCERTAINTY": "sigma.tif"}, tmp_path)
    [domain] = [layer for name, layer in layers.items() if name.startswith("Inside")]
    assert isinstance(domain.renderer(), QgsPalettedRasterRenderer)
    assert legend_texts(model, domain) == ["outside: extrapolated (0)", "inside the sites' domain (1)"]
    [sigma] = [layer for name, layer in layers.items() if name.startswith("1-sigma")]
    assert legend_texts(model, sigma)[0] == "Band 1: FeO 1-sigma (wt%) - 1D CNN"
    layers = run_and_load(lunar_processing, "lunar:detectcraters", {"INPUT": str(tmp_path / "dem.tif")},
                          {"OUTPUT": "detected.gpkg"}, tmp_path)
    [craters] = layers.values()
    labels = [item.label() for item in craters.renderer().ranges()]
    assert labels[0] == "confidence 0.00 – 0.50" and len(labels) == 4
    assert scene
