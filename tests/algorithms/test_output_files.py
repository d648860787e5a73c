"""What a user reopens: every vector output of every algorithm, saved as GeoPackage, Shapefile, GeoJSON and
FlatGeobuf, reopens from the file with a valid lunar CRS that reprojects into the IAU Moon projections, keeps its
style, carries the input's attributes; GeoTIFF outputs likewise. Nothing temporary is left beside the outputs."""
import gc
import math
import os

import pytest
from qgis.core import (QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                       QgsEllipsoidUtils, QgsGraduatedSymbolRenderer, QgsLayerTreeLayer, QgsPointXY, QgsProject,
                       QgsRasterLayer, QgsSingleBandPseudoColorRenderer, QgsVectorLayer)

MOON_R_M = 1737400.0
FORMATS = ["gpkg", "shp", "geojson", "fgb"]
EQUIRECTANGULAR = QgsCoordinateReferenceSystem("IAU_2015:30110")
SOUTH_POLAR = QgsCoordinateReferenceSystem("IAU_2015:30135")


@pytest.fixture(scope="module")
def scene(run_alg, tmp_path_factory):
    out = tmp_path_factory.mktemp("reopen_scene")
    return run_alg("lunar:syntheticscene", {
        "WIDTH": 256, "HEIGHT": 256, "SEED": 5, "PIXEL_M": 200.0, "CENTRE_LON": 30.0, "CENTRE_LAT": -20.0,
        "OUTPUT_DEM": str(out / "dem.tif"), "OUTPUT_DOM": str(out / "dom.tif"),
        "OUTPUT_REFLECTANCE": str(out / "refl.tif"), "OUTPUT_CRATERS": str(out / "truth.gpkg"),
        "OUTPUT_UNITS": str(out / "units.gpkg")})


def _cases(scene):
    """(algorithm, parameters without the output, output name, style renderer class or None)."""
    return {
        "syntheticscene": ("lunar:syntheticscene", {"WIDTH": 64, "HEIGHT": 64, "OUTPUT_DEM": "TEMPORARY_OUTPUT",
                                                    "OUTPUT_DOM": "TEMPORARY_OUTPUT",
                                                    "OUTPUT_REFLECTANCE": "TEMPORARY_OUTPUT"},
                           "OUTPUT_CRATERS", None),
        "syntheticscene-units": ("lunar:syntheticscene", {"WIDTH": 64, "HEIGHT": 64, "OUTPUT_DEM": "TEMPORARY_OUTPUT",
                                                          "OUTPUT_DOM": "TEMPORARY_OUTPUT",
                                                          "OUTPUT_REFLECTANCE": "TEMPORARY_OUTPUT",
                                                          "OUTPUT_CRATERS": "TEMPORARY_OUTPUT"},
                                 "OUTPUT_UNITS", QgsCategorizedSymbolRenderer),
        "detectcraters": ("lunar:detectcraters", {"INPUT": scene["OUTPUT_DEM"]}, "OUTPUT", QgsGraduatedSymbolRenderer),
        "classifycraterages": ("lunar:classifycraterages", {"CRATERS": scene["OUTPUT_CRATERS"],
                                                            "DEM": scene["OUTPUT_DEM"], "DOM": scene["OUTPUT_DOM"]},
                               "OUTPUT", QgsCategorizedSymbolRenderer),
        "evaluatecraters": ("lunar:evaluatecraters", {"DETECTIONS": scene["OUTPUT_CRATERS"],
                                                      "CATALOG": scene["OUTPUT_CRATERS"]},
                            "OUTPUT", QgsCategorizedSymbolRenderer),
        "equalareasampling": ("lunar:equalareasampling", {"RASTERS": [scene["OUTPUT_DEM"]], "LAT_STEP": 0.5,
                                                          "AREA_KM2": 400.0, "GEOMETRY": 1}, "OUTPUT", None),
    }


def _is_moon(crs):
    return crs.isValid() and QgsEllipsoidUtils.ellipsoidParameters(crs.ellipsoidAcronym()).semiMajor == MOON_R_M


@pytest.mark.parametrize("extension", FORMATS)
@pytest.mark.parametrize("algorithm", ["syntheticscene", "syntheticscene-units", "detectcraters",
                                       "classifycraterages", "evaluatecraters", "equalareasampling"])
def test_vector_output_reopens_with_lunar_crs_and_style(run_alg, scene, tmp_path, algorithm, extension):
    alg_id, params, output, renderer_class = _cases(scene)[algorithm]
    path = str(tmp_path / f"out.{extension}")
    result = run_alg(alg_id, dict(params, **{output: path}))
    assert result[output] == path
    layer = QgsVectorLayer(path, "reopened", "ogr")
    assert layer.isValid() and layer.featureCount() > 0
    assert _is_moon(layer.crs()), f"{extension}: CRS '{layer.crs().authid()}' {layer.crs().description()}"
    feature = next(layer.getFeatures())
    centre = feature.geometry().centroid().asPoint()
    lon_field = layer.fields().indexOf("lon")
    if lon_field >= 0:  # the geometry sits where the attributes say (no swapped axes after reopening)
        assert centre.x() == pytest.approx(feature["lon"], abs=0.05)
        assert centre.y() == pytest.approx(feature["lat"], abs=0.05)
    context = QgsProject.instance().transformContext()
    to_eqc = QgsCoordinateTransform(layer.crs(), EQUIRECTANGULAR, context)
    xy = to_eqc.transform(QgsPointXY(centre))
    assert xy.x() == pytest.approx(MOON_R_M * math.radians(centre.x()), abs=1.0)
    assert xy.y() == pytest.approx(MOON_R_M * math.radians(centre.y()), abs=1.0)
    to_pole = QgsCoordinateTransform(layer.crs(), SOUTH_POLAR, context)
    back = to_pole.transform(to_pole.transform(QgsPointXY(centre)), QgsCoordinateTransform.ReverseTransform)
    assert back.x() == pytest.approx(centre.x(), abs=1e-6) and back.y() == pytest.approx(centre.y(), abs=1e-6)
    if renderer_class is not None:
        assert isinstance(layer.renderer(), renderer_class), f"{extension}: the saved style did not come back"
    assert not [n for n in os.listdir(tmp_path) if "partial" in n]


def test_geopackage_keeps_the_iau_code_and_layer_name(run_alg, scene, tmp_path):
    path = str(tmp_path / "detections.gpkg")
    run_alg("lunar:detectcraters", {"INPUT": scene["OUTPUT_DEM"], "OUTPUT": path})
    layer = QgsVectorLayer(path, "reopened", "ogr")
    assert layer.crs().authid() == "IAU_2015:30100"
    assert layer.dataProvider().subLayers()[0].split("!!::!!")[1] == "detections"


def test_geopackages_are_delivered_in_rollback_journal_mode(run_alg, scene, tmp_path):
    """QGIS switches a GeoPackage it opens (saving the style) to WAL: a copy of the .gpkg alone would then be
    incomplete, and GDAL warns on read-only media. Header bytes 18-19 are 1 in rollback-journal mode, 2 in WAL."""
    path = str(tmp_path / "detected.gpkg")
    run_alg("lunar:detectcraters", {"INPUT": scene["OUTPUT_DEM"], "OUTPUT": path})
    with open(path, "rb") as fh:
        header = fh.read(20)
    assert (header[18], header[19]) == (1, 1)
    assert not os.path.exists(path + "-wal")


def test_classified_craters_carry_the_input_attributes(run_alg, scene, tmp_path):
    path = str(tmp_path / "ages.gpkg")
    run_alg("lunar:classifycraterages", {"CRATERS": scene["OUTPUT_CRATERS"], "DEM": scene["OUTPUT_DEM"],
                                            "DOM": scene["OUTPUT_DOM"], "OUTPUT": path})
    truth = QgsVectorLayer(scene["OUTPUT_CRATERS"], "truth", "ogr")
    ages = QgsVectorLayer(path, "ages", "ogr")
    names = ages.fields().names()
    assert {"id", "kind", "depth_km", "system", "system_code"} <= set(names)
    assert not {"lon_2", "lat_2", "diameter_km_2"} & set(names)  # ours replace the input's same-named fields
    by_id = {f["id"]: f for f in truth.getFeatures()}
    for feature in ages.getFeatures():
        assert feature["kind"] == by_id[feature["id"]]["kind"]
        assert feature["diameter_km"] == pytest.approx(by_id[feature["id"]]["diameter_km"], abs=1e-4)
    assert ages.featureCount() == truth.featureCount()


def test_raster_outputs_reopen_with_crs_and_style(run_alg, tmp_path):
    out = run_alg("lunar:oxideequations", {"INPUT": _scene_reflectance(run_alg, tmp_path),
                                              "OUTPUT_FEO": str(tmp_path / "feo.tif")})
    layer = QgsRasterLayer(out["OUTPUT_FEO"], "feo", "gdal")
    assert _is_moon(layer.crs())
    assert os.path.exists(tmp_path / "feo.qml")
    assert isinstance(layer.renderer(), QgsSingleBandPseudoColorRenderer)
    # the legend without QGIS's 'Band 1 (Gray)' row comes back with a reopened file or project (the plugin
    # connects restore_legends to QgsProject.layersAdded), and a restyled layer gets QGIS's rows back
    from qgis.core import QgsSingleBandGrayRenderer
    from qgis.PyQt.QtCore import QCoreApplication
    from lunar_lab.processing_provider import styles
    assert layer.customProperty(styles.LEGEND_PROPERTY) == "raster"
    project = QgsProject()
    project.layersAdded.connect(styles.restore_legends)
    project.layersRemoved.connect(styles.forget_legends)
    project.addMapLayer(layer)
    QCoreApplication.processEvents()   # the layer tree's node comes after layersAdded
    assert legend_rows(project, layer) == ["QgsColorRampLegendNode"]
    project.addMapLayer(project.takeMapLayer(layer))   # taken out and back: watched once
    assert list(styles._watched) == [layer.id()]
    assert project.write(str(tmp_path / "p.qgz"))
    project.removeAllMapLayers()
    assert styles._watched == {}   # removed layers are forgotten
    reopened = QgsProject()
    reopened.layersAdded.connect(styles.restore_legends)
    reopened.layersRemoved.connect(styles.forget_legends)
    assert reopened.read(str(tmp_path / "p.qgz"))
    gc.collect()
    QCoreApplication.processEvents()
    [again] = reopened.mapLayersByName("feo")
    assert legend_rows(reopened, again) == ["QgsColorRampLegendNode"]   # QGIS's own adds 'Band 1 (Gray)'
    again.setRenderer(QgsSingleBandGrayRenderer(again.dataProvider(), 1))
    node = reopened.layerTreeRoot().findLayer(again.id())
    assert not [key for key in node.customProperties() if key.startswith("legend/")]   # nothing hidden any more
    reopened.removeAllMapLayers()


def legend_rows(project, layer):
    """The type of each row that the Layers panel shows under ``layer``."""
    from qgis.core import QgsLayerTreeModel
    model = QgsLayerTreeModel(project.layerTreeRoot())
    return [type(node).__name__ for node in model.layerLegendNodes(project.layerTreeRoot().findLayer(layer.id()))]


def _scene_reflectance(run_alg, tmp_path):
    return run_alg("lunar:syntheticscene", {"WIDTH": 64, "HEIGHT": 64, "OUTPUT_DEM": "TEMPORARY_OUTPUT",
                                               "OUTPUT_DOM": "TEMPORARY_OUTPUT",
                                               "OUTPUT_REFLECTANCE": str(tmp_path / "refl.tif"),
                                               "OUTPUT_CRATERS": "TEMPORARY_OUTPUT"})["OUTPUT_REFLECTANCE"]


def test_circles_stay_inside_the_longitude_domain():
    """A crater across the domain's edge is split there, never drawn past ±180 (or 0…360)."""
    from lunar_lab.processing_provider.algorithms.crater_layers import circle_geometry
    from lunar_lab.lunar_plugin.core.moon import KM_PER_DEGREE
    for lon, domain in ((179.5, (-180.0, 180.0)), (-179.8, (-180.0, 180.0)), (-0.5, (0.0, 360.0)), (359.9, (0.0, 360.0))):
        geometry = circle_geometry(lon, 0.0, 200.0, domain)
        box = geometry.boundingBox()
        assert domain[0] <= box.xMinimum() and box.xMaximum() <= domain[1], (lon, domain, box.toString())
        assert len(geometry.asMultiPolygon()) == 2, (lon, domain)
        area_deg2 = math.pi * (100.0 / KM_PER_DEGREE) ** 2
        assert geometry.area() == pytest.approx(area_deg2, rel=0.01)
    inside = circle_geometry(20.0, 0.0, 200.0)
    assert len(inside.asMultiPolygon()) == 1


def test_detections_east_of_180_keep_the_rasters_longitudes(run_alg, tmp_path):
    """A raster in 0…360 longitudes gives craters in 0…360 (it was -180…180)."""
    scene = run_alg("lunar:syntheticscene", {
        "WIDTH": 256, "HEIGHT": 256, "SEED": 5, "PIXEL_M": 200.0, "CENTRE_LON": 200.0, "CENTRE_LAT": 0.0,
        "OUTPUT_DEM": str(tmp_path / "dem.tif"), "OUTPUT_DOM": "TEMPORARY_OUTPUT",
        "OUTPUT_REFLECTANCE": "TEMPORARY_OUTPUT", "OUTPUT_CRATERS": "TEMPORARY_OUTPUT"})
    layer = QgsRasterLayer(scene["OUTPUT_DEM"], "dem", "gdal")
    assert layer.extent().xMinimum() > 180.0  # the scene is written in 0…360 longitudes
    out = run_alg("lunar:detectcraters", {"INPUT": scene["OUTPUT_DEM"], "OUTPUT": str(tmp_path / "c.gpkg")})
    craters = QgsVectorLayer(out["OUTPUT"], "c", "ogr")
    lons = [f["lon"] for f in craters.getFeatures()]
    assert lons and min(lons) > 195.0 and max(lons) < 205.0
    box = craters.extent()
    assert box.xMinimum() > 195.0 and box.xMaximum() < 205.0


def test_a_new_layer_in_an_existing_geopackage(run_alg, scene, tmp_path):
    """'Save to GeoPackage' into an existing file adds a layer (written in place, CRS and style stored); a layer
    named like the input's own is refused."""
    import shutil
    from qgis.core import QgsProcessingException
    book = tmp_path / "book.gpkg"
    shutil.copy(scene["OUTPUT_CRATERS"], book)
    assert QgsVectorLayer(str(book), "b", "ogr").isValid()  # QGIS's first opening switches it to WAL (bytes 18-19)
    before = open(book, "rb").read()
    with pytest.raises(QgsProcessingException, match="OUTPUT would overwrite the input DETECTIONS"):
        run_alg("lunar:evaluatecraters", {"DETECTIONS": str(book), "CATALOG": scene["OUTPUT_CRATERS"],
                                             "OUTPUT": f"ogr:dbname='{book}' table=\"truth\" (geom)"})
    assert open(book, "rb").read() == before
    run_alg("lunar:detectcraters", {"INPUT": scene["OUTPUT_DEM"],
                                       "OUTPUT": f"ogr:dbname='{book}' table=\"detections\" (geom)"})
    layer = QgsVectorLayer(f"{book}|layername=detections", "d", "ogr")
    assert layer.isValid() and layer.featureCount() > 0 and layer.crs().authid() == "IAU_2015:30100"
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert QgsVectorLayer(f"{book}|layername=truth", "t", "ogr").featureCount() > 0
