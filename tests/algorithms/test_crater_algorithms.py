"""Crater algorithms through processing.run: evaluation rule, detection on a synthetic scene, ages."""
import re

import numpy as np
import pytest
from qgis.core import (QgsProcessingException, QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant

from lunar_lab.tests.vectors import point_layer


@pytest.fixture(scope="module")
def scene(run_alg, tmp_path_factory):
    out = tmp_path_factory.mktemp("scene")
    return run_alg("lunar:syntheticscene", {
        "WIDTH": 384, "HEIGHT": 384, "SEED": 11, "PIXEL_M": 100.0, "OUTPUT_DEM": str(out / "dem.tif"),
        "OUTPUT_DOM": str(out / "dom.tif"), "OUTPUT_REFLECTANCE": str(out / "refl.tif"),
        "OUTPUT_CRATERS": str(out / "craters.gpkg"), "OUTPUT_UNITS": str(out / "units.gpkg")})


def test_evaluation_rule_on_hand_cases(run_alg, tmp_path):
    km = 180 / (np.pi * 1737.4)  # degrees per km at the equator
    catalog = point_layer(tmp_path / "cat.gpkg", [(0, 0, 10.0), (1, 0, 10.0), (2, 0, 20.0)])
    detections = point_layer(tmp_path / "det.gpkg", [
        (3 * km, 0, 11.0),           # 3 km off, 10% larger: matches crater 1 (3^2 < 1.8 * 5^2, |dr| = 0.5 < 5)
        (1 + 8 * km, 0, 10.0),       # 8 km off: 64 > 45, misses crater 2
        (2, 0, 45.0),                # |dr| = 12.5 > 10: false, crater 3 missed
    ])
    out = run_alg("lunar:evaluatecraters", {"DETECTIONS": detections, "CATALOG": catalog,
                                            "OUTPUT": str(tmp_path / "eval.gpkg"), "OUTPUT_BINS": str(tmp_path / "b.csv")})
    assert out["RECALL"] == pytest.approx(1 / 3) and out["PRECISION"] == pytest.approx(1 / 3)
    assert out["MEDIAN_REL_DIAMETER_ERROR"] == pytest.approx(0.1, abs=1e-6)
    status = sorted(f["status"] for f in QgsVectorLayer(out["OUTPUT"], "e", "ogr").getFeatures())
    assert status == ["false", "false", "matched", "missed", "missed"]


def test_catalogue_without_diameter_is_refused(run_alg, tmp_path):
    layer = point_layer(tmp_path / "nodiam.gpkg", [(0, 0, "a")], fields=(("name", QVariant.String),))
    with pytest.raises(QgsProcessingException, match="no diameter field"):
        run_alg("lunar:evaluatecraters", {"DETECTIONS": layer, "CATALOG": layer, "OUTPUT": str(tmp_path / "e.gpkg")})


def test_detect_and_evaluate_on_synthetic_scene(run_alg, scene, tmp_path):
    det = run_alg("lunar:detectcraters", {"INPUT": scene["OUTPUT_DEM"], "OUTPUT": str(tmp_path / "det.gpkg")})
    layer = QgsVectorLayer(det["OUTPUT"], "d", "ogr")
    assert layer.featureCount() > 10
    assert {"lon", "lat", "diameter_km", "confidence", "level"} <= set(layer.fields().names())
    score = run_alg("lunar:evaluatecraters", {"DETECTIONS": det["OUTPUT"], "CATALOG": scene["OUTPUT_CRATERS"],
                                              "MIN_DIAMETER_KM": 1.6, "OUTPUT": str(tmp_path / "ev.gpkg")})
    assert score["RECALL"] > 0.5 and score["PRECISION"] > 0.7   # craters of >= 16 px on a 100 m/px scene


def test_detect_refuses_a_raster_without_crs(run_alg, tmp_path):
    from lunar_lab.tests.rasters import write_raster
    dem = write_raster(tmp_path / "nocrs.tif", np.zeros((128, 128), np.float32), wkt=False)
    with pytest.raises(QgsProcessingException, match="INPUT: '.*nocrs.tif' has no coordinate reference system"):
        run_alg("lunar:detectcraters", {"INPUT": dem, "OUTPUT": str(tmp_path / "d.gpkg")})


def test_detect_refuses_a_corrupt_model(run_alg, scene, tmp_path):
    bogus = tmp_path / "bogus.pt"
    bogus.write_bytes(b"not a model")
    with pytest.raises(QgsProcessingException, match="bogus.pt"):
        run_alg("lunar:detectcraters", {"INPUT": scene["OUTPUT_DEM"], "MODEL": str(bogus),
                                        "OUTPUT": str(tmp_path / "d.gpkg")})


def test_classify_ages_gives_a_system_and_probabilities(run_alg, scene, tmp_path):
    """Every crater comes back; its System is the most probable one, named as its code says; in_model_range follows
    the shipped model's diameter range. (The probabilities themselves: tests/algorithms/golden_table.yaml.)"""
    import json
    from pathlib import Path
    names = {1: "pre-Nectarian", 2: "Nectarian", 3: "Imbrian", 4: "Eratosthenian", 5: "Copernican"}
    d_lo, d_hi = json.loads((Path(__file__).parents[2] / "models" / "crater_ages.json").read_text())[
        "diameter_range_km"]
    out = run_alg("lunar:classifycraterages", {"CRATERS": scene["OUTPUT_CRATERS"], "DEM": scene["OUTPUT_DEM"],
                                               "DOM": scene["OUTPUT_DOM"], "OUTPUT": str(tmp_path / "aged.gpkg")})
    features = list(QgsVectorLayer(out["OUTPUT"], "a", "ogr").getFeatures())
    truth = QgsVectorLayer(scene["OUTPUT_CRATERS"], "t", "ogr")
    assert sorted(f["diameter_km"] for f in features) == pytest.approx(sorted(f["diameter_km"]   # written to 0.1 m
                                                                              for f in truth.getFeatures()), abs=5e-5)
    classified = [f for f in features if f["system_code"] not in (None, QVariant())]
    assert len(classified) > 0.8 * len(features)   # the rest lie too near the scene edge for a chip
    for f in classified:
        p = [f[n] for n in ("p_pre_nectarian", "p_nectarian", "p_imbrian", "p_eratosthenian", "p_copernican")]
        assert f["system_code"] == int(np.argmax(p)) + 1 and f["system"] == names[f["system_code"]]
    for f in features:
        assert f["in_model_range"] == (d_lo <= f["diameter_km"] <= d_hi)   # all False here: craters < 20 km


def test_classified_craters_have_one_set_of_fields_rounded_and_one_skipped_line(run_alg, scene, tmp_path):
    """Issue 24: lon_2, lat_2, diameter_km_2 beside ours, 16-digit numbers, and one warning per skipped crater."""
    from lunar_lab.tests.recording import RecordingFeedback
    feedback = RecordingFeedback()
    out = run_alg("lunar:classifycraterages", {"CRATERS": scene["OUTPUT_CRATERS"], "DEM": scene["OUTPUT_DEM"],
                                               "DOM": scene["OUTPUT_DOM"], "OUTPUT": str(tmp_path / "aged.gpkg")},
                  feedback)
    aged, truth = QgsVectorLayer(out["OUTPUT"], "a", "ogr"), QgsVectorLayer(scene["OUTPUT_CRATERS"], "t", "ogr")
    names = [n.lower() for n in aged.fields().names()]
    assert len(names) == len(set(names)) and not [n for n in names if n.endswith("_2")], names
    assert {"id", "kind", "depth_km", "degradation"} <= set(names)   # the input's other fields are kept
    by_id = {f["id"]: f for f in truth.getFeatures()}
    probabilities = ["p_pre_nectarian", "p_nectarian", "p_imbrian", "p_eratosthenian", "p_copernican"]
    for f in aged.getFeatures():
        assert f["kind"] == by_id[f["id"]]["kind"]
        assert f["lon"] == round(f["lon"], 6) == pytest.approx(by_id[f["id"]]["lon"], abs=1e-5)
        assert f["lat"] == round(f["lat"], 6) == pytest.approx(by_id[f["id"]]["lat"], abs=1e-5)
        assert f["diameter_km"] == round(f["diameter_km"], 4) == pytest.approx(by_id[f["id"]]["diameter_km"],
                                                                               abs=1e-4)
        if f["system_code"] not in (None, QVariant()):
            assert [f[n] for n in probabilities] == [round(f[n], 4) for n in probabilities]
    skipped = [line for line in feedback.warnings if "skipped" in line]
    assert len(skipped) == 1, feedback.warnings
    assert re.fullmatch(r"(\d+) of \d+ craters skipped \(kept without a System\): outside the DEM raster \(crater "
                        r"and 3 radii around it\): \1 \(feature ids \d+, \d+, \d+, \d+, \d+, …\)", skipped[0]), \
        skipped[0]


def test_classify_needs_the_image_the_model_was_trained_with(run_alg, scene, tmp_path):
    with pytest.raises(QgsProcessingException, match="image channel"):
        run_alg("lunar:classifycraterages", {"CRATERS": scene["OUTPUT_CRATERS"], "DEM": scene["OUTPUT_DEM"],
                                             "OUTPUT": str(tmp_path / "aged.gpkg")})


def test_train_ages_writes_model_and_report(run_alg, scene, tmp_path):
    truth = QgsVectorLayer(scene["OUTPUT_CRATERS"], "t", "ogr")
    craters = [(f["lon"], f["lat"], f["diameter_km"], f["degradation"]) for f in truth.getFeatures()]
    craters = sorted(craters, key=lambda c: -c[2])[:60]
    # labels from degradation, fresh = Copernican (5); System 1 is left out so its recall is undefined
    labels = point_layer(tmp_path / "labels.gpkg", [(lon, lat, d, 5 - min(int(g * 4), 3)) for lon, lat, d, g in craters],
                         fields=(("diameter_km", QVariant.Double), ("age", QVariant.Int)))
    out = run_alg("lunar:traincraterages", {"CRATERS": labels, "LABEL_FIELD": "age", "DEM": scene["OUTPUT_DEM"],
                                            "DOM": scene["OUTPUT_DOM"], "FOLDS": 2, "EPOCHS": 5, "SEED": 3,
                                            "OUTPUT_MODEL": str(tmp_path / "ages.pt"),
                                            "OUTPUT_REPORT": str(tmp_path / "ages.html")})
    # the returned accuracy is the mean (and s.d.) over the trials of the share on the confusion diagonal (5 epochs,
    # seed 3: the two trials differ, 0 and 0.25, and their mean differs from the majority-class baseline, 0.25)
    from lunar_lab.lunar_plugin.core.ages import model_io
    bundle = model_io.load(out["OUTPUT_MODEL"])
    validation = bundle["card"]["validation"]
    per_trial = [np.trace(t["confusion"]) / np.sum(t["confusion"]) for t in validation["trials"]]
    assert [int(np.sum(t["confusion"])) for t in validation["trials"]] == [t["n"] for t in validation["trials"]]
    assert len(per_trial) == 2 and min(t["n"] for t in validation["trials"]) >= 4, validation["trials"]
    assert out["ACCURACY_MEAN"] == pytest.approx(np.mean(per_trial), abs=1e-9), (per_trial, validation)
    assert out["ACCURACY_SD"] == pytest.approx(np.std(per_trial, ddof=1), abs=1e-9)
    report = (tmp_path / "ages.html").read_text()
    assert "Confusion matrix" in report and "Recall per System" in report
    # the model records that it reads the DOM (lunar:classifycraterages refuses to run it without one)
    assert bundle["channel_names"] == ["dem_relief", "image_rel"]
    # ages.onnx beside ages.pt, exported from it: ONNX Runtime runs the trained model, as torch does
    from lunar_lab.lunar_plugin.core import engine
    from lunar_lab.lunar_plugin.core.ages import inference
    _, description, source = engine.read_onnx(tmp_path / "ages.onnx")
    assert source == engine.sha256(tmp_path / "ages.pt") and description["card"] == bundle["card"]
    rng = np.random.default_rng(0)
    px, k = bundle["chip_px"], bundle["config"]["n_attributes"]
    chips, attrs = rng.standard_normal((20, 2, px, px)), rng.standard_normal((20, k))
    np.testing.assert_allclose(inference.classify(model_io.load_for(out["OUTPUT_MODEL"], "onnxruntime"), chips, attrs),
                               inference.classify(bundle, chips, attrs), atol=1e-5)


def test_labels_outside_the_five_systems_are_refused(run_alg, scene, tmp_path):
    layer = point_layer(tmp_path / "labels.gpkg", [(-20.0, 10.0, 5.0, 7)],
                        fields=(("diameter_km", QVariant.Double), ("age", QVariant.Int)))
    with pytest.raises(QgsProcessingException, match="'7' is not a lunar System"):
        run_alg("lunar:traincraterages", {"CRATERS": layer, "LABEL_FIELD": "age", "DEM": scene["OUTPUT_DEM"],
                                          "DOM": scene["OUTPUT_DOM"], "OUTPUT_MODEL": str(tmp_path / "m.pt")})


def test_fine_tuning_on_50_labelled_craters_raises_recall(run_alg, tmp_path):
    """The seed's transfer learning: a new scene (60 m/px, 35 S), its 50 largest craters labelled."""
    new = run_alg("lunar:syntheticscene", {"WIDTH": 512, "HEIGHT": 512, "SEED": 99, "PIXEL_M": 60.0, "CENTRE_LAT": -35.0,
                                           "MARE_FRACTION": 0.2, "OUTPUT_DEM": str(tmp_path / "dem.tif"),
                                           "OUTPUT_DOM": str(tmp_path / "dom.tif"),
                                           "OUTPUT_REFLECTANCE": str(tmp_path / "r.tif"),
                                           "OUTPUT_CRATERS": str(tmp_path / "truth.gpkg")})
    truth = QgsVectorLayer(new["OUTPUT_CRATERS"], "t", "ogr")
    largest = sorted(truth.getFeatures(), key=lambda f: -f["diameter_km"])[:50]
    labels = point_layer(tmp_path / "labels.gpkg", [(f["lon"], f["lat"], f["diameter_km"]) for f in largest])
    out = run_alg("lunar:traincraterdetector", {"INPUT": new["OUTPUT_DEM"], "CRATERS": labels, "EPOCHS": 2,
                                                "OUTPUT_MODEL": str(tmp_path / "tuned.pt"),
                                                "OUTPUT_REPORT": str(tmp_path / "report.html")})
    assert out["RECALL_AFTER"] >= out["RECALL_BEFORE"] + 0.1, out
    assert (tmp_path / "tuned.json").exists() and "before" in (tmp_path / "report.html").read_text()
    detected = run_alg("lunar:detectcraters", {"INPUT": new["OUTPUT_DEM"], "MODEL": out["OUTPUT_MODEL"],
                                               "OUTPUT": str(tmp_path / "det.gpkg")})
    assert QgsVectorLayer(detected["OUTPUT"], "d", "ogr").featureCount() > 20
