"""Bad input and hostile outputs, generated for every algorithm from its own parameter definitions.

Each case runs through processing.run and must end in a QgsProcessingException whose message names the
parameter at fault (never another exception type: that is what reaches a user as a traceback), with every input
and shipped model byte-identical afterwards and nothing left in the output folder. Warning cases must run and say
what was assumed. tests/e2e/test_lunar_process.py runs a sample of the same cases through bin/lunar-process.
"""
import csv
import hashlib
import os
import re
import shutil

import pytest
from qgis.core import (QgsApplication, QgsProcessingDestinationParameter, QgsProcessingException,
                       QgsProcessingParameterExtent, QgsProcessingParameterFeatureSource, QgsProcessingParameterFile,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterLayer, QgsProcessingParameterVectorLayer, QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant

from lunar_lab.processing_provider.algorithms.models import MODELS_DIR
from lunar_lab.tests.vectors import point_layer
from lunar_lab.tests.recording import RecordingFeedback

SHIPPED_MODEL = os.path.join(MODELS_DIR, "crater_detector.pt")


@pytest.fixture(scope="module")
def kit(run_alg, shared_data, tmp_path_factory):
    """Small valid inputs for every algorithm, and broken ones, in one folder whose bytes must never change."""
    root = tmp_path_factory.mktemp("fault_kit")
    scene = run_alg("lunar:syntheticscene", {
        "WIDTH": 160, "HEIGHT": 160, "SEED": 3, "PIXEL_M": 150.0, "CRATER_DENSITY": 2.0,
        "OUTPUT_DEM": str(root / "dem.tif"), "OUTPUT_DOM": str(root / "dom.tif"),
        "OUTPUT_REFLECTANCE": str(root / "refl.tif"), "OUTPUT_CRATERS": str(root / "truth.gpkg"),
        "OUTPUT_UNITS": str(root / "units.gpkg")})
    truth = sorted(QgsVectorLayer(scene["OUTPUT_CRATERS"], "t", "ogr").getFeatures(), key=lambda f: -f["diameter_km"])
    labelled = [(f["lon"], f["lat"], f["diameter_km"], 2 + i % 4) for i, f in enumerate(truth[:24])]
    point_layer(root / "labels.gpkg", labelled, (("diameter_km", QVariant.Double), ("age", QVariant.Int)))
    shutil.copy(shared_data / "samples" / "clementine_sites.csv", root / "sites.csv")
    data = open(root / "dem.tif", "rb").read()
    (root / "truncated.tif").write_bytes(data[:len(data) // 2])
    (root / "text.tif").write_text("this is not a raster\n")
    gpkg = open(root / "truth.gpkg", "rb").read()
    (root / "truncated.gpkg").write_bytes(gpkg[:len(gpkg) // 3])
    model = open(SHIPPED_MODEL, "rb").read()
    (root / "truncated.pt").write_bytes(model[:len(model) // 2])
    for gpkg_path in root.glob("*.gpkg"):
        # QGIS switches a GeoPackage to WAL journaling the first time it opens one (SQLite header bytes 18-19),
        # in any QGIS and for reading too: done here, as a user's QGIS would, so the digests see only real writes
        assert QgsVectorLayer(f"{gpkg_path}", "open once", "ogr").isValid() or "truncated" in gpkg_path.name
    with open(root / "text_diameters.csv", "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["lon", "lat", "diameter_km"])
        writer.writerows([[30.0, -20.0, 12.5], [30.1, -20.1, "twelve"], [30.2, -20.2, 3.0]])
    return root


def baselines(kit):
    """A valid run of each algorithm, outputs under '{out}'."""
    scene = {"dem": str(kit / "dem.tif"), "dom": str(kit / "dom.tif"), "refl": str(kit / "refl.tif"),
             "truth": str(kit / "truth.gpkg"), "units": str(kit / "units.gpkg"), "labels": str(kit / "labels.gpkg"),
             "sites": str(kit / "sites.csv")}
    return {
        "syntheticscene": {"WIDTH": 32, "HEIGHT": 32, "OUTPUT_DEM": "{out}/dem.tif", "OUTPUT_DOM": "{out}/dom.tif",
                           "OUTPUT_REFLECTANCE": "{out}/refl.tif", "OUTPUT_CRATERS": "{out}/craters.gpkg",
                           "OUTPUT_UNITS": "{out}/units.gpkg"},
        "oxideequations": {"INPUT": scene["refl"], "OUTPUT_FEO": "{out}/feo.tif", "OUTPUT_TIO2": "{out}/tio2.tif",
                           "OUTPUT_OMAT": "{out}/omat.tif"},
        "oxidecnn": {"INPUT": scene["refl"], "MODEL": os.path.join(MODELS_DIR, "oxide_clementine.pt"),
                     "OUTPUT_FEO": "{out}/feo.tif", "OUTPUT_TIO2": "{out}/tio2.tif", "OUTPUT_MGO": "{out}/mgo.tif",
                     "OUTPUT_MGNUMBER": "{out}/mg.tif"},
        "trainoxidecnn": {"INPUT": scene["sites"], "TARGET_FIELDS": ["FeO"], "VALIDATION": 1, "FOLDS": 2,
                          "OUTPUT_MODEL": "{out}/m.pt", "OUTPUT_PREDICTIONS": "{out}/p.csv",
                          "OUTPUT_REPORT": "{out}/r.html"},
        "mgnumber": {"FEO": scene["dem"], "MGO": scene["dom"], "OUTPUT": "{out}/mg.tif"},
        "fusedomdem": {"DEM": scene["dem"], "DOM": scene["dom"], "OUTPUT": "{out}/fused.tif"},
        "equalareasampling": {"RASTERS": [scene["dem"]], "ZONES": scene["units"], "ZONE_FIELD": "kind",
                              "LAT_STEP": 0.2, "AREA_KM2": 100.0, "OUTPUT": "{out}/samples.gpkg",
                              "OUTPUT_STATS": "{out}/stats.csv"},
        "detectcraters": {"INPUT": scene["dem"], "OUTPUT": "{out}/craters.gpkg"},
        "traincraterdetector": {"INPUT": scene["dem"], "CRATERS": scene["truth"], "EPOCHS": 1,
                                "BASE_MODEL": SHIPPED_MODEL, "OUTPUT_MODEL": "{out}/det.pt",
                                "OUTPUT_REPORT": "{out}/det.html"},
        "evaluatecraters": {"DETECTIONS": scene["truth"], "CATALOG": scene["labels"], "OUTPUT": "{out}/eval.gpkg",
                            "OUTPUT_BINS": "{out}/bins.csv"},
        "classifycraterages": {"CRATERS": scene["labels"], "DEM": scene["dem"], "DOM": scene["dom"],
                               "OUTPUT": "{out}/ages.gpkg"},
        "traincraterages": {"CRATERS": scene["labels"], "LABEL_FIELD": "age", "DEM": scene["dem"],
                            "DOM": scene["dom"], "BASE_MODEL": os.path.join(MODELS_DIR, "crater_ages.pt"),
                            "FOLDS": 2, "EPOCHS": 1, "OUTPUT_MODEL": "{out}/ages.pt",
                            "OUTPUT_REPORT": "{out}/ages.html"},
        "csfd": {"CRATERS": scene["truth"], "AREA": scene["units"], "MIN_DIAMETER_KM": 0.5, "MAX_DIAMETER_KM": 20.0,
                 "OUTPUT_TABLE": "{out}/csfd.csv", "OUTPUT_PLOT": "{out}/csfd.png", "OUTPUT_DIAM": "{out}/csfd.diam"},
    }


_RASTER = (QgsProcessingParameterRasterLayer,)
_VECTOR = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)


def _broken_inputs(definition, kit):
    """(label, value) of broken files for an input parameter."""
    if isinstance(definition, _RASTER) or isinstance(definition, QgsProcessingParameterMultipleLayers):
        wrap = (lambda v: [v]) if isinstance(definition, QgsProcessingParameterMultipleLayers) else (lambda v: v)
        return [("missing", wrap(str(kit / "missing" / "nothing.tif"))), ("truncated", wrap(str(kit / "truncated.tif"))),
                ("not-a-raster", wrap(str(kit / "text.tif"))), ("a-vector", wrap(str(kit / "truth.gpkg")))]
    if isinstance(definition, _VECTOR):
        return [("missing", str(kit / "missing" / "nothing.gpkg")), ("truncated", str(kit / "truncated.gpkg")),
                ("a-raster", str(kit / "dem.tif"))]
    if isinstance(definition, QgsProcessingParameterFile):
        return [("missing", str(kit / "missing" / "nothing.pt")), ("truncated", str(kit / "truncated.pt")),
                ("not-a-model", str(kit / "text.tif"))]
    return []


def generate_cases(kit):
    """(id, algorithm, parameters, parameter names the message must contain) for every algorithm."""
    cases = []
    registry = QgsApplication.processingRegistry()
    for name, base in baselines(kit).items():
        alg = registry.algorithmById(f"lunar:{name}")
        outputs = [d.name() for d in alg.destinationParameterDefinitions() if d.name() in base]
        inputs = [d for d in alg.parameterDefinitions()
                  if d.name() in base and not isinstance(d, QgsProcessingDestinationParameter)]
        for definition in inputs:
            for label, value in _broken_inputs(definition, kit):
                cases.append((f"{name}-{definition.name()}-{label}", name, dict(base, **{definition.name(): value}),
                              [definition.name()]))
        for definition in alg.parameterDefinitions():
            if isinstance(definition, QgsProcessingParameterNumber):
                cases.append((f"{name}-{definition.name()}-text", name, dict(base, **{definition.name(): "abc"}),
                              [definition.name()]))
            if isinstance(definition, QgsProcessingParameterExtent):   # an Earth extent was taken as lunar degrees
                cases.append((f"{name}-{definition.name()}-earth-crs", name,
                              dict(base, **{definition.name(): "-10,10,-10,10 [EPSG:4326]"}),
                              [definition.name(), "EPSG:4326", "another body"]))
        file_inputs = [(d.name(), base[d.name()]) for d in inputs if isinstance(base[d.name()], (str, list))]
        for output in outputs:
            for input_name, value in file_inputs:
                path = value[0] if isinstance(value, list) else value
                if os.path.isfile(path):
                    cases.append((f"{name}-{output}-overwrites-{input_name}", name, dict(base, **{output: path}),
                                  [output, input_name]))
            cases.append((f"{name}-{output}-shipped-model", name, dict(base, **{output: SHIPPED_MODEL}), [output]))
            cases.append((f"{name}-{output}-is-a-folder", name, dict(base, **{output: "{out}"}), [output]))
            for other in outputs:
                if other != output:
                    cases.append((f"{name}-{output}-same-as-{other}", name, dict(base, **{output: base[other]}),
                                  [output, other]))
    for name in ("classifycraterages", "evaluatecraters", "traincraterdetector", "csfd"):
        base = baselines(kit)[name]
        parameter = "DETECTIONS" if name == "evaluatecraters" else "CRATERS"
        cases.append((f"{name}-{parameter}-text-diameter", name,
                      dict(base, **{parameter: str(kit / "text_diameters.csv")}), ["twelve"]))
    cases.append(("equalareasampling-ZONE_FIELD-missing", "equalareasampling",
                  dict(baselines(kit)["equalareasampling"], ZONE_FIELD="no_such_field"), ["ZONE_FIELD"]))
    return cases


def _fill(params, out):
    return {k: (v.replace("{out}", str(out)) if isinstance(v, str) else v) for k, v in params.items()}


def _digest(folders):
    """{path: sha1} of every file under the folders (inputs and shipped models). GDAL's .aux.xml statistics
    caches are left out: QGIS writes one beside any raster it opens as a layer, in any algorithm."""
    found = {}
    for folder in folders:
        for dirpath, _, files in os.walk(folder):
            for f in (f for f in files if not f.endswith(".aux.xml")):
                path = os.path.join(dirpath, f)
                found[path] = hashlib.sha1(open(path, "rb").read()).hexdigest()
    return found


def test_fault_suite(run_alg, kit, tmp_path):
    """Every generated case: a clear error naming the parameter, inputs unchanged, nothing left behind."""
    cases = generate_cases(kit)
    assert len(cases) >= 270, f"only {len(cases)} cases generated"
    before = _digest([kit, MODELS_DIR])
    failures = []
    for number, (case_id, name, params, must_name) in enumerate(cases):
        out = tmp_path / f"case{number}"
        out.mkdir()
        try:
            run_alg(f"lunar:{name}", _fill(params, out))
            failures.append(f"{case_id}: accepted")
        except QgsProcessingException as err:
            missing = [p for p in must_name if not re.search(re.escape(p), str(err))]
            if missing:
                failures.append(f"{case_id}: message does not name {missing}: {err}")
        except Exception as err:  # noqa: BLE001 -- what a user would see as a traceback
            failures.append(f"{case_id}: {type(err).__name__} (a traceback): {err}")
        left = os.listdir(out)
        if left:
            failures.append(f"{case_id}: left {left}")
    after = _digest([kit, MODELS_DIR])
    changed = [p for p in before if before[p] != after.get(p)] + [p for p in after if p not in before]
    assert not changed, f"inputs changed or files added: {changed}"
    assert not failures, f"{len(failures)} of {len(cases)} cases failed:\n" + "\n".join(failures)


@pytest.mark.parametrize("name,parameter,warning", [
    ("detectcraters", "INPUT", "another body"),
    ("oxideequations", "INPUT", "another body"),
    ("csfd", "CRATERS", "largest basin"),
])
def test_warnings_say_what_was_assumed(run_alg, kit, tmp_path, name, parameter, warning):
    """Input a user may know better about runs, with a warning (Earth CRS taken as lunar, huge diameters)."""
    params = _fill(baselines(kit)[name], tmp_path)
    if warning == "another body":
        earth = tmp_path / "earth.tif"
        from osgeo import gdal
        gdal.Translate(str(earth), params[parameter], outputSRS="EPSG:4326")
        params[parameter] = str(earth)
    else:
        truth = QgsVectorLayer(params[parameter], "t", "ogr")
        rows = [(f["lon"], f["lat"], f["diameter_km"] * (1000.0 if i < 3 else 1.0))  # three in metres
                for i, f in enumerate(sorted(truth.getFeatures(), key=lambda f: -f["diameter_km"]))]
        params[parameter] = point_layer(tmp_path / "metres.gpkg", rows, (("diameter_km", QVariant.Double),))
    feedback = RecordingFeedback()
    run_alg(f"lunar:{name}", params, feedback=feedback)
    assert any(warning in w for w in feedback.warnings), feedback.warnings


def test_all_nodata_dem_is_refused(run_alg, kit, tmp_path):
    import numpy as np
    from osgeo import gdal
    empty = tmp_path / "nodata.tif"
    ds = gdal.GetDriverByName("GTiff").CreateCopy(str(empty), gdal.Open(str(kit / "dem.tif")))
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-9999.0)
    band.WriteArray(np.full((ds.RasterYSize, ds.RasterXSize), -9999.0, np.float32))
    ds = None
    with pytest.raises(QgsProcessingException, match="holds only nodata"):
        run_alg("lunar:detectcraters", {"INPUT": str(empty), "OUTPUT": str(tmp_path / "c.gpkg")})
    assert not (tmp_path / "c.gpkg").exists()


def test_stale_partials_of_a_killed_run_are_removed(run_alg, kit, tmp_path):
    """After a SIGKILL nothing could clean up: the next run of the same output removes the dead run's partials."""
    dead_pid = 2 ** 22 + 12345  # above pid_max: no such process
    stale = [tmp_path / f".feo.tif.{dead_pid}-0123abcd.partial.tif", tmp_path / f".c.gpkg.{dead_pid}-89abcdef.partial.gpkg"]
    for path in stale:
        path.write_bytes(b"half")
    run_alg("lunar:oxideequations", {"INPUT": str(kit / "refl.tif"), "OUTPUT_FEO": str(tmp_path / "feo.tif")})
    run_alg("lunar:detectcraters", {"INPUT": str(kit / "dem.tif"), "OUTPUT": str(tmp_path / "c.gpkg")})
    assert sorted(os.listdir(tmp_path)) == ["c.gpkg", "c.qml", "feo.qml", "feo.tif"]


def test_earth_crs_crater_layer_is_taken_as_lunar_degrees(run_alg, tmp_path):
    """Much planetary data is labelled EPSG:4326: its degrees are used as lunar degrees, with a warning."""
    rows = [(30.0, -20.0, 5.0), (30.1, -20.1, 3.0)]
    earth = point_layer(tmp_path / "earth.gpkg", rows, (("diameter_km", QVariant.Double),), crs="EPSG:4326")
    feedback = RecordingFeedback()
    out = run_alg("lunar:evaluatecraters", {"DETECTIONS": earth, "CATALOG": earth,
                                            "OUTPUT": str(tmp_path / "scored.gpkg")}, feedback=feedback)
    assert out["RECALL"] == 1.0 and out["PRECISION"] == 1.0
    positions = sorted((round(f["lon"], 6), round(f["lat"], 6)) for f in QgsVectorLayer(out["OUTPUT"], "s", "ogr")
                       .getFeatures())
    assert positions == [(30.0, -20.0), (30.1, -20.1)]
    assert any("DETECTIONS" in w and "EPSG:4326" in w and "taken as lunar" in w for w in feedback.warnings)


def test_fusion_of_two_bodies_says_how_to_fix_it(run_alg, kit, tmp_path):
    """A DOM labelled EPSG:4326 and a lunar DEM cannot be resampled onto each other (PROJ joins no two bodies)."""
    from osgeo import gdal
    earth = tmp_path / "dom_earth.tif"
    gdal.Translate(str(earth), str(kit / "dom.tif"), outputSRS="EPSG:4326")
    with pytest.raises(QgsProcessingException, match="CRSs of different bodies .* gdal_edit.py -a_srs IAU_2015:30100"):
        run_alg("lunar:fusedomdem", {"DEM": str(kit / "dem.tif"), "DOM": str(earth),
                                     "OUTPUT": str(tmp_path / "fused.tif")})
    assert sorted(os.listdir(tmp_path)) == ["dom_earth.tif"]
