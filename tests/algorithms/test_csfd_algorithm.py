"""lunar:csfd through processing.run on a synthetic crater population of known age."""
import os

import numpy as np
import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsField, QgsGeometry, QgsPointXY,
                       QgsProcessingException, QgsVectorFileWriter, QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant

from lunar_lab.lunar_plugin.core import csfd


def _layer(path, geometry_type, fields, rows):
    layer = QgsVectorLayer(f"{geometry_type}?crs=IAU_2015:30100", "tmp", "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(name, kind) for name, kind in fields])
    layer.updateFields()
    features = []
    for geometry, attributes in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(geometry)
        f.setAttributes(attributes)
        features.append(f)
    provider.addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), layer.transformContext(), options)
    return str(path)


@pytest.fixture
def population(tmp_path):
    """Craters of a 3.0 Ga surface drawn from the Neukum PF inside a 20 x 20 degree box at the equator."""
    box = QgsGeometry.fromWkt("POLYGON((-10 -10,10 -10,10 10,-10 10,-10 -10))")
    area = _layer(tmp_path / "area.gpkg", "Polygon", [("name", QVariant.String)], [(box, ["box"])])
    from qgis.core import QgsDistanceArea, QgsProject
    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem("IAU_2015:30100"), QgsProject.instance().transformContext())
    da.setEllipsoid("PARAMETER:1737400:1737400")
    area_km2 = da.measureArea(box) / 1e6
    diameters = csfd.synthetic_population(3.0, area_km2, 2.0, 64.0, seed=3)
    rng = np.random.default_rng(1)
    lon = rng.uniform(-10, 10, diameters.size)
    lat = np.degrees(np.arcsin(rng.uniform(np.sin(np.radians(-10)), np.sin(np.radians(10)), diameters.size)))
    rows = [(QgsGeometry.fromPointXY(QgsPointXY(x, y)), [float(d), "Imbrian" if i % 2 else "Eratosthenian"])
            for i, (x, y, d) in enumerate(zip(lon, lat, diameters))]
    # and a few craters outside the box, which must not be counted
    rows += [(QgsGeometry.fromPointXY(QgsPointXY(40, 0)), [100.0, "Imbrian"])]
    craters = _layer(tmp_path / "craters.gpkg", "Point", [("diameter_km", QVariant.Double),
                                                          ("system", QVariant.String)], rows)
    return craters, area, diameters, area_km2


def test_model_age_matches_core_and_truth(run_alg, population, tmp_path):
    craters, area, diameters, area_km2 = population
    out = run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "MIN_DIAMETER_KM": 2.0, "MAX_DIAMETER_KM": 64.0,
                                 "OUTPUT_TABLE": str(tmp_path / "table.csv"), "OUTPUT_PLOT": str(tmp_path / "csfd.png"),
                                 "OUTPUT_DIAM": str(tmp_path / "count.diam")})
    expected = csfd.fit_model_age(diameters, area_km2, 2.0, 64.0)
    assert out["N_CRATERS"] == diameters.size
    assert out["MODEL_AGE_GA"] == pytest.approx(expected.age_ga, rel=1e-6)
    assert abs(out["MODEL_AGE_GA"] - 3.0) < 3 * out["MODEL_AGE_ERR_GA"] + 0.05
    assert out["SYSTEM"] == csfd.system_for_age(out["MODEL_AGE_GA"])
    for name in ("csfd.png", "csfd.svg", "count.diam", "count.scc", "table.csv"):
        assert os.path.getsize(tmp_path / name) > 0


def test_split_by_system(run_alg, population, tmp_path):
    craters, area, _, _ = population
    out = run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "MIN_DIAMETER_KM": 2.0, "SPLIT_BY_SYSTEM": True,
                                 "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png")})
    groups = {f["group"] for f in QgsVectorLayer(out["OUTPUT_TABLE"], "t", "ogr").getFeatures()}
    assert groups == {"all craters", "Imbrian", "Eratosthenian"}


def test_missing_diameter_field(run_alg, population, tmp_path):
    craters, area, _, _ = population
    with pytest.raises(QgsProcessingException, match="no diameter field 'diam'"):
        run_alg("lunar:csfd", {"CRATERS": craters, "AREA": area, "DIAMETER_FIELD": "diam",
                               "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png")})


def test_zero_area_polygon(run_alg, population, tmp_path):
    craters, _, _, _ = population
    flat = _layer(tmp_path / "flat.gpkg", "Polygon", [("n", QVariant.Int)],
                  [(QgsGeometry.fromWkt("POLYGON((0 0,1 0,2 0,0 0))"), [1])])
    with pytest.raises(QgsProcessingException, match="AREA has zero size on the Moon sphere"):
        run_alg("lunar:csfd", {"CRATERS": craters, "AREA": flat, "OUTPUT_TABLE": str(tmp_path / "t.csv"),
                               "OUTPUT_PLOT": str(tmp_path / "p.png")})


def test_unclassified_and_out_of_range_craters_are_counted_not_drawn(run_alg, population, tmp_path):
    """A NULL System is no group of its own; an age outside the model's range is no System curve; the HTML
    report's counts equal the table's and the log's."""
    from lunar_lab.tests.recording import RecordingFeedback
    craters, area, diameters, _ = population
    source = QgsVectorLayer(craters, "c", "ogr")
    rows = []
    for i, f in enumerate(source.getFeatures()):
        system = None if i % 7 == 0 else f["system"]
        rows.append((QgsGeometry(f.geometry()), [f["diameter_km"], system, i % 5 != 0]))
    marked = _layer(tmp_path / "marked.gpkg", "Point", [("diameter_km", QVariant.Double), ("system", QVariant.String),
                                                       ("in_model_range", QVariant.Bool)], rows)

    log = RecordingFeedback()
    out = run_alg("lunar:csfd", {"CRATERS": marked, "AREA": area, "MIN_DIAMETER_KM": 2.0, "SPLIT_BY_SYSTEM": True,
                                 "OUTPUT_TABLE": str(tmp_path / "t.csv"), "OUTPUT_PLOT": str(tmp_path / "p.png"),
                                 "OUTPUT_HTML": str(tmp_path / "r.html")}, feedback=log)
    inside = diameters.size  # the one crater outside the box is not counted
    unclassified = sum(1 for i in range(inside) if i % 7 == 0)
    out_of_range = sum(1 for i in range(inside) if i % 7 != 0 and i % 5 == 0)
    table = {}
    for f in QgsVectorLayer(out["OUTPUT_TABLE"], "t", "ogr").getFeatures():
        table[f["group"]] = table.get(f["group"], 0) + int(f["n"])
    assert set(table) == {"all craters", "Imbrian", "Eratosthenian"}
    assert table["all craters"] == inside
    assert table["Imbrian"] + table["Eratosthenian"] == inside - unclassified - out_of_range
    assert any(f"{unclassified} craters without a System and {out_of_range} outside" in line for line in log.lines)
    report = open(out["OUTPUT_HTML"], encoding="utf-8").read()
    for group, n in table.items():
        assert f"<tr><td>{group}</td><td>{n}</td></tr>" in report
    assert "data:image/png;base64," in report


def test_error_bars_are_bounded_like_craterstats():
    """Gehrels' 1-sigma Poisson bounds: one crater spans 0.173-3.30, not down to zero (1e-9 on a log axis)."""
    lower, upper = csfd.poisson_interval([1, 10, 100])
    assert lower[0] == pytest.approx(0.173, abs=1e-3) and upper[0] == pytest.approx(3.300, abs=1e-3)
    assert lower[1] == pytest.approx(6.89, abs=0.01) and upper[1] == pytest.approx(14.27, abs=0.01)
    assert upper[2] == pytest.approx(100 + np.sqrt(100.75) + 1, abs=0.05)  # Gehrels eq. 7
