"""A crater GeoPackage written by Lunar Lab adds directly with Layer > Add Vector Layer (issue 24): QGIS asks "Select
Items to Add" when the ogr provider's querySublayers, with system tables, finds more than one vector sublayer or
incomplete details (QgsAppLayerHandling::addOgrVectorLayers; qgisapp.cpp in 3.22). A style in the GeoPackage's
layer_styles table is such a second sublayer, so the style goes into NAME.qml beside it, and still comes back."""
import os

import pytest
import qgis.core
from qgis.core import (Qgis, QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer, QgsProviderRegistry,
                       QgsProviderUtils, QgsVectorLayer)

#: Qgis.LayerType from QGIS 3.30 on, QgsMapLayerType before.
VECTOR = Qgis.LayerType.Vector if hasattr(Qgis, "LayerType") else qgis.core.QgsMapLayerType.VectorLayer


def sublayers_qgis_would_offer(path):
    """What QGIS's Add Vector Layer weighs: vector sublayers with system tables; (count, details incomplete)."""
    found = QgsProviderRegistry.instance().providerMetadata("ogr").querySublayers(
        path, Qgis.SublayerQueryFlag.IncludeSystemTables)
    vectors = [s for s in found if s.type() == VECTOR]
    incomplete = QgsProviderUtils.sublayerDetailsAreIncomplete(
        vectors, QgsProviderUtils.SublayerCompletenessFlag.IgnoreUnknownFeatureCount)
    return [s.name() for s in vectors], incomplete


@pytest.fixture(scope="module")
def dem(run_alg, tmp_path_factory):
    out = tmp_path_factory.mktemp("gpkg_scene")
    return run_alg("lunar:syntheticscene", {
        "WIDTH": 128, "HEIGHT": 128, "SEED": 3, "OUTPUT_DEM": str(out / "dem.tif"), "OUTPUT_DOM": str(out / "dom.tif"),
        "OUTPUT_REFLECTANCE": "TEMPORARY_OUTPUT", "OUTPUT_CRATERS": str(out / "truth.gpkg")})


@pytest.mark.parametrize("algorithm", ["detectcraters", "classifycraterages"])
def test_crater_geopackage_is_one_sublayer_and_keeps_its_style(run_alg, dem, tmp_path, algorithm):
    path = str(tmp_path / "craters.gpkg")
    params = {"INPUT": dem["OUTPUT_DEM"]} if algorithm == "detectcraters" else {
        "CRATERS": dem["OUTPUT_CRATERS"], "DEM": dem["OUTPUT_DEM"], "DOM": dem["OUTPUT_DOM"]}
    run_alg(f"lunar:{algorithm}", dict(params, OUTPUT=path))
    assert sublayers_qgis_would_offer(path) == (["craters"], False)
    assert os.path.isfile(tmp_path / "craters.qml")
    renderer = {"detectcraters": QgsGraduatedSymbolRenderer, "classifycraterages": QgsCategorizedSymbolRenderer}
    for uri in (path, path + "|layername=craters"):   # added by hand, and as QGIS adds the one sublayer
        layer = QgsVectorLayer(uri, "craters", "ogr")
        assert layer.isValid() and isinstance(layer.renderer(), renderer[algorithm]), uri
    with open(path, "rb") as fh:   # still delivered in rollback-journal mode
        header = fh.read(20)
    assert (header[18], header[19]) == (1, 1)


def test_the_check_sees_a_style_table_as_a_second_sublayer(run_alg, dem, tmp_path):
    """The same check counts layer_styles, as QGIS does: a style saved into the GeoPackage would make it ask."""
    path = str(tmp_path / "styled.gpkg")
    run_alg("lunar:detectcraters", {"INPUT": dem["OUTPUT_DEM"], "OUTPUT": path})
    layer = QgsVectorLayer(path, "styled", "ogr")
    save = getattr(layer, "saveStyleToDatabaseV2", None) or layer.saveStyleToDatabase
    save("styled", "", True, "")
    del layer
    assert sublayers_qgis_would_offer(path)[0] == ["styled", "layer_styles"]
