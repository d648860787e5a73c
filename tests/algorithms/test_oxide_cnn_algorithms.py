"""lunar:oxidecnn and lunar:trainoxidecnn through processing.run."""
import csv
import json

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from lunar_lab.tests.rasters import r2_rmse, read_raster, write_raster
from lunar_lab.tests.recording import RecordingFeedback

BANDS = ("R415", "R750", "R900", "R950", "R1000")
OXIDES = ["FeO", "TiO2", "Al2O3", "MgO", "CaO"]


@pytest.fixture(scope="module")
def sites(shared_data):
    return list(csv.DictReader(open(shared_data / "samples" / "clementine_sites.csv")))


def test_shipped_model_maps_the_sites_and_agrees_with_its_card(run_alg, sites, tmp_path):
    bands = np.array([[float(r[k]) for r in sites] for k in BANDS], np.float32)[:, None, :]
    raster = write_raster(tmp_path / "sites.tif", bands)
    out = run_alg("lunar:oxidecnn", {"INPUT": raster, **{f"OUTPUT_{o.upper()}": str(tmp_path / f"{o}.tif")
                                                          for o in ("FeO", "TiO2", "MgO")},
                                     "OUTPUT_MGNUMBER": str(tmp_path / "mg.tif")})
    feo = read_raster(out["OUTPUT_FEO"])[0]
    card = json.load(open(__import__("lunar_lab").__path__[0] + "/models/oxide_clementine.json"))
    r2, _ = r2_rmse(feo, [float(r["FeO"]) for r in sites])
    assert r2 == pytest.approx(card["metrics"]["FeO"]["train_r2"], abs=1e-3)  # the all-sites model's fit
    mg = read_raster(out["OUTPUT_MGNUMBER"])[0]
    assert np.all((mg > 0.2) & (mg < 0.9))


def test_model_expecting_other_bands_is_refused(run_alg, tmp_path):
    raster = write_raster(tmp_path / "three.tif", np.full((3, 4, 4), 0.1, np.float32))
    with pytest.raises(QgsProcessingException, match="expects 5 bands"):
        run_alg("lunar:oxidecnn", {"INPUT": raster, "OUTPUT_FEO": str(tmp_path / "f.tif")})


def test_kaguya_model_cannot_give_feo(run_alg, tmp_path):
    import lunar_lab
    raster = write_raster(tmp_path / "mi.tif", np.full((8, 4, 4), 0.1, np.float32))
    with pytest.raises(QgsProcessingException, match="predicts TiO2, not FeO"):
        run_alg("lunar:oxidecnn", {"INPUT": raster, "MODEL": lunar_lab.__path__[0] + "/models/oxide_kaguya_mi_tio2.pt",
                                   "OUTPUT_FEO": str(tmp_path / "f.tif")})


def test_corrupt_model_file(run_alg, tmp_path):
    raster = write_raster(tmp_path / "r.tif", np.full((5, 4, 4), 0.1, np.float32))
    bogus = tmp_path / "other_tool.pt"
    bogus.write_bytes(b"PK\x03\x04 definitely not a torch file")
    with pytest.raises(QgsProcessingException, match="other_tool.pt"):
        run_alg("lunar:oxidecnn", {"INPUT": raster, "MODEL": str(bogus), "OUTPUT_FEO": str(tmp_path / "f.tif")})


def test_train_kfold_writes_model_predictions_and_report(run_alg, shared_data, tmp_path):
    out = run_alg("lunar:trainoxidecnn", {
        "INPUT": str(shared_data / "samples" / "clementine_sites.csv"), "TARGET_FIELDS": ["FeO"], "VALIDATION": 1,
        "FOLDS": 5, "GROUP_FIELD": "site", "OUTPUT_MODEL": str(tmp_path / "m.pt"),
        "OUTPUT_PREDICTIONS": str(tmp_path / "p.csv"), "OUTPUT_REPORT": str(tmp_path / "r.html")})
    rows = list(csv.DictReader(open(out["OUTPUT_PREDICTIONS"])))
    assert len(rows) == 47 and {r["target"] for r in rows} == {"FeO"}
    r2, _ = r2_rmse([float(r["predicted"]) for r in rows], [float(r["measured"]) for r in rows])
    assert r2 > 0.8
    assert all(r["predicted_group_left_out"] for r in rows)  # GROUP_FIELD: landing sites left out, side by side
    report = open(out["OUTPUT_REPORT"], encoding="utf-8").read()
    assert "R² leaving one landing site out" in report and "training fit R² (not a validation)" in report
    card = json.load(open(tmp_path / "m.json"))
    assert card["settings"]["group_field"] == "site" and card["metrics"]["FeO"]["n_groups"] == 9
    raster = write_raster(tmp_path / "r.tif", np.full((5, 2, 2), 0.1, np.float32))
    mapped = run_alg("lunar:oxidecnn", {"INPUT": raster, "MODEL": out["OUTPUT_MODEL"],
                                        "OUTPUT_FEO": str(tmp_path / "feo.tif")})
    assert np.isfinite(read_raster(mapped["OUTPUT_FEO"])).all()
    # m.onnx beside m.pt (ONNX Runtime, the default engine, ran it); torch gives the same map
    from lunar_lab.lunar_plugin.core import engine
    assert engine.read_onnx(tmp_path / "m.onnx")[2] == engine.sha256(tmp_path / "m.pt")
    by_torch = run_alg("lunar:oxidecnn", {"INPUT": raster, "MODEL": out["OUTPUT_MODEL"], "ENGINE": 2,
                                          "OUTPUT_FEO": str(tmp_path / "feo_torch.tif")})
    np.testing.assert_allclose(read_raster(mapped["OUTPUT_FEO"]), read_raster(by_torch["OUTPUT_FEO"]), atol=1e-4)


def test_too_few_sites_for_the_folds(run_alg, tmp_path):
    table = tmp_path / "few.csv"
    table.write_text("site,R415,R750,R900,R950,R1000,FeO\n" +
                     "".join(f"s{i},0.06,0.1,0.1,0.1,0.1,{10 + i}\n" for i in range(4)))
    with pytest.raises(QgsProcessingException, match="target field 'FeO': 4 sites have a value, at least 5 needed"):
        run_alg("lunar:trainoxidecnn", {"INPUT": str(table), "VALIDATION": 1, "FOLDS": 10,
                                        "OUTPUT_MODEL": str(tmp_path / "m.pt")})


def test_non_numeric_feature_field(run_alg, tmp_path):
    table = tmp_path / "bad.csv"
    table.write_text("site,R415,R750,R900,R950,R1000,FeO\n" +
                     "".join(f"s{i},x,0.1,0.1,0.1,0.1,{10 + i}\n" for i in range(8)))
    with pytest.raises(QgsProcessingException, match="R415"):
        run_alg("lunar:trainoxidecnn", {"INPUT": str(table), "OUTPUT_MODEL": str(tmp_path / "m.pt")})


def test_synthetic_scene_maps_stay_in_bounds_with_domain_and_uncertainty(run_alg, tmp_path):
    from osgeo import gdal

    from lunar_lab.lunar_plugin.core import synthetic
    from lunar_lab.lunar_plugin.core.oxides import trust
    scene = synthetic.make_scene(256, 256, -20, 10, pixel_m=100, seed=42)
    raster = write_raster(tmp_path / "refl.tif", scene.reflectance)
    feedback = RecordingFeedback()
    params = {"INPUT": raster, **{f"OUTPUT_{o.upper()}": str(tmp_path / f"{o}.tif") for o in OXIDES},
              "OUTPUT_DOMAIN": str(tmp_path / "domain.tif"), "OUTPUT_UNCERTAINTY": str(tmp_path / "sigma.tif")}
    out = run_alg("lunar:oxidecnn", params, feedback)
    for oxide in OXIDES:
        values = read_raster(out[f"OUTPUT_{oxide.upper()}"])
        low, high = trust.OXIDE_BOUNDS[oxide]
        assert np.isfinite(values).all() and values.min() >= low and values.max() <= high, oxide
    clipped = [line for line in feedback.lines if line.startswith("TiO2:") and "below 0 wt% set to 0" in line]
    assert clipped and int(clipped[0].split()[1]) > 0  # the scene's TiO2 goes negative before the bounds
    domain = gdal.Open(out["OUTPUT_DOMAIN"])
    mask = domain.ReadAsArray()
    assert set(np.unique(mask)) <= {0, 1} and domain.GetRasterBand(1).DataType == gdal.GDT_Byte
    outside = float(domain.GetMetadataItem("LUNAR_DOMAIN_FRACTION_OUTSIDE"))
    assert outside == pytest.approx(1 - mask.mean(), abs=1e-6)
    assert any("outside the training sites' spectral domain" in line for line in feedback.lines)
    sigma = gdal.Open(out["OUTPUT_UNCERTAINTY"])
    assert [sigma.GetRasterBand(i + 1).GetDescription().split()[0] for i in range(sigma.RasterCount)] == OXIDES
    assert np.all(sigma.ReadAsArray() > 0)
    assert gdal.Open(out["OUTPUT_TIO2"]).GetMetadataItem("LUNAR_TIO2_CLIPPED").startswith(clipped[0].split()[1])


def test_stations_lie_inside_the_domain(run_alg, sites, tmp_path):
    bands = np.array([[float(r[k]) for r in sites] for k in BANDS], np.float32)[:, None, :]
    raster = write_raster(tmp_path / "sites.tif", bands)
    out = run_alg("lunar:oxidecnn", {"INPUT": raster, "OUTPUT_DOMAIN": str(tmp_path / "domain.tif")})
    assert read_raster(out["OUTPUT_DOMAIN"]).mean() >= 0.9


def test_model_without_a_domain_refuses_the_domain_output(run_alg, tmp_path):
    import lunar_lab
    from lunar_lab.lunar_plugin.core.oxides import model_io
    bundle = model_io.load_model(lunar_lab.__path__[0] + "/models/oxide_clementine.pt")
    del bundle.card["trust"]  # as the models trained before the domain was recorded
    old = model_io.save_model(bundle, tmp_path / "old.pt")
    raster = write_raster(tmp_path / "r.tif", np.full((5, 4, 4), 0.1, np.float32))
    with pytest.raises(QgsProcessingException, match="has no spectral domain"):
        run_alg("lunar:oxidecnn", {"INPUT": raster, "MODEL": str(old), "OUTPUT_DOMAIN": str(tmp_path / "d.tif")})
    mapped = run_alg("lunar:oxidecnn", {"INPUT": raster, "MODEL": str(old), "OUTPUT_FEO": str(tmp_path / "f.tif")})
    assert np.isfinite(read_raster(mapped["OUTPUT_FEO"])).all()


def test_trainoxidecnn_defaults_are_the_shipped_recipe(lunar_processing):
    from qgis.core import QgsApplication
    alg = QgsApplication.processingRegistry().algorithmById("lunar:trainoxidecnn")
    card = json.load(open(__import__("lunar_lab").__path__[0] + "/models/oxide_clementine.json"))
    from lunar_lab.processing_provider.algorithms.oxide_cnn import FEATURE_PRESETS
    assert FEATURE_PRESETS[alg.parameterDefinition("FEATURE_PRESET").defaultValue()][0] == card["feature_preset"]
    assert alg.parameterDefinition("ARCHITECTURE").defaultValue() == card["settings"]["architecture"]
    assert alg.parameterDefinition("VALIDATION").defaultValue() == 0 and card["settings"]["validation"] == "loo"
    assert alg.parameterDefinition("SEED").defaultValue() == card["settings"]["seed"]


def test_a_1_mpx_map_reports_progress_and_stops_within_a_second_of_cancel(run_alg, tmp_path):
    """A 1024x1024 raster was one block: the bar jumped 0 -> 100 and a Cancel 4 s in took a whole run."""
    import os
    import time
    from qgis.core import QgsProcessingFeedback
    refl = run_alg("lunar:syntheticscene", {"WIDTH": 1024, "HEIGHT": 1024, "OUTPUT_DEM": "TEMPORARY_OUTPUT",
                                            "OUTPUT_DOM": "TEMPORARY_OUTPUT", "OUTPUT_CRATERS": "TEMPORARY_OUTPUT",
                                            "OUTPUT_REFLECTANCE": str(tmp_path / "refl.tif")})["OUTPUT_REFLECTANCE"]
    feedback = QgsProcessingFeedback()
    reports, cancelled_at = [], []

    def on_progress(percent):
        reports.append(percent)
        if len(set(reports)) == 12 and not cancelled_at:
            cancelled_at.append(time.monotonic())
            feedback.cancel()
    feedback.progressChanged.connect(on_progress)
    with pytest.raises(QgsProcessingException, match="Cancelled by the user; no output was written"):
        run_alg("lunar:oxidecnn", {"INPUT": refl, "OUTPUT_FEO": str(tmp_path / "feo.tif")}, feedback)
    stopped = time.monotonic() - cancelled_at[0]
    assert 0 < reports[10] < reports[11] < 100   # 12 distinct steps before the end
    assert stopped < 1.0, f"stopped {stopped:.2f} s after Cancel"
    assert sorted(os.listdir(tmp_path)) == ["refl.qml", "refl.tif"]   # no FeO map, not even a partial one
