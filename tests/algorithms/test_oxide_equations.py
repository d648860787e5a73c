"""lunar:oxideequations through processing.run."""
import csv
import os

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from lunar_lab.lunar_plugin.core.oxides import equations
from lunar_lab.tests.rasters import r2_rmse, read_raster, write_raster


@pytest.fixture(scope="module")
def site_raster(shared_data, tmp_path_factory):
    """The 47 sample sites as a 47x1 five-band Clementine raster, with their measured oxides."""
    rows = list(csv.DictReader(open(shared_data / "samples" / "clementine_sites.csv")))
    bands = np.array([[float(r[k]) for r in rows] for k in ("R415", "R750", "R900", "R950", "R1000")])
    path = write_raster(tmp_path_factory.mktemp("sites") / "sites.tif", bands[:, None, :].astype(np.float32))
    measured = {k: np.array([float(r[k]) for r in rows]) for k in ("FeO", "TiO2")}
    return path, measured


@pytest.mark.parametrize("preset, feo_fig, tio2_fig", [("qiu2025", (0.948, 1.04), (0.824, 1.18)),
                                                       ("lucey2000", (0.924, 1.26), (0.818, 1.20))])
def test_reproduces_published_figures(run_alg, site_raster, tmp_path, preset, feo_fig, tio2_fig):
    path, measured = site_raster
    out = run_alg("lunar:oxideequations", {"INPUT": path, "PRESET": equations.PRESET_CHOICES.index(preset),
                                           "OUTPUT_FEO": str(tmp_path / "feo.tif"),
                                           "OUTPUT_TIO2": str(tmp_path / "tio2.tif"),
                                           "OUTPUT_OMAT": str(tmp_path / "omat.tif")})
    feo, tio2 = read_raster(out["OUTPUT_FEO"])[0], read_raster(out["OUTPUT_TIO2"])[0]
    r2, rmse = r2_rmse(feo, measured["FeO"])
    assert (round(r2, 3), round(rmse, 2)) == feo_fig
    r2, rmse = r2_rmse(tio2, measured["TiO2"])
    assert (round(r2, 3), round(rmse, 2)) == tio2_fig
    assert np.isfinite(read_raster(out["OUTPUT_OMAT"])).all()
    assert not [f for f in os.listdir(tmp_path) if "partial" in f]


def test_scaled_integer_input_and_nodata(run_alg, tmp_path):
    r = np.array([[600, 918, 957, 971, 996], [0, 0, 0, 0, 0]], dtype=np.float32).T[:, None, :]  # 5 x 1 x 2
    path = write_raster(tmp_path / "dn.tif", r, nodata=0)
    out = run_alg("lunar:oxideequations", {"INPUT": path, "REFLECTANCE_SCALE": 0.0001,
                                           "OUTPUT_FEO": str(tmp_path / "feo.tif")})
    feo = read_raster(out["OUTPUT_FEO"])[0]
    assert 10 < feo[0] < 25 and np.isnan(feo[1])


def test_custom_constant_overrides(run_alg, site_raster, tmp_path):
    path, _ = site_raster
    base = run_alg("lunar:oxideequations", {"INPUT": path, "OUTPUT_FEO": str(tmp_path / "a.tif")})
    custom = run_alg("lunar:oxideequations", {"INPUT": path, "FE_OFFSET": 0.0, "OUTPUT_FEO": str(tmp_path / "b.tif")})
    diff = read_raster(custom["OUTPUT_FEO"]) - read_raster(base["OUTPUT_FEO"])
    assert np.allclose(diff, 8.053, atol=1e-4)


def test_bad_band_is_a_clear_error(run_alg, site_raster, tmp_path):
    path, _ = site_raster
    with pytest.raises(QgsProcessingException, match="band 9 for R950 does not exist; 'sites.tif' has 5"):
        run_alg("lunar:oxideequations", {"INPUT": path, "BAND_950": 9, "OUTPUT_FEO": str(tmp_path / "x.tif")})
    assert not os.listdir(tmp_path)


def test_all_nodata_input_is_refused(run_alg, tmp_path):
    path = write_raster(tmp_path / "empty.tif", np.zeros((5, 4, 4), np.float32), nodata=0)
    with pytest.raises(QgsProcessingException, match="only nodata"):
        run_alg("lunar:oxideequations", {"INPUT": path, "OUTPUT_FEO": str(tmp_path / "x.tif")})


def test_non_raster_input_is_refused(run_alg, tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a raster")
    with pytest.raises(QgsProcessingException, match="Could not load source layer for INPUT: .*notes.txt not found"):
        run_alg("lunar:oxideequations", {"INPUT": str(bogus), "OUTPUT_FEO": str(tmp_path / "x.tif")})


def test_input_is_never_overwritten(run_alg, site_raster):
    path, _ = site_raster
    before = open(path, "rb").read()
    with pytest.raises(QgsProcessingException, match="never overwritten"):
        run_alg("lunar:oxideequations", {"INPUT": path, "OUTPUT_FEO": path})
    assert open(path, "rb").read() == before


def test_unwritable_output_folder(run_alg, site_raster, tmp_path):
    path, _ = site_raster
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root ignores permissions: use a path under a file instead
            target = str(tmp_path / "afile.txt" / "feo.tif")
            (tmp_path / "afile.txt").write_text("x")
        else:
            target = str(locked / "feo.tif")
        with pytest.raises(QgsProcessingException, match="output"):
            run_alg("lunar:oxideequations", {"INPUT": path, "OUTPUT_FEO": target})
    finally:
        locked.chmod(0o700)


def test_cancel_leaves_no_file(run_alg, tmp_path):
    bands = np.full((5, 600, 600), 0.1, np.float32)
    path = write_raster(tmp_path / "big.tif", bands)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancel"):
        run_alg("lunar:oxideequations", {"INPUT": path, "OUTPUT_FEO": str(tmp_path / "feo.tif")}, feedback)
    assert sorted(os.listdir(tmp_path)) == ["big.tif"]


def test_domain_where_the_published_fits_end(run_alg, site_raster, tmp_path):
    from osgeo import gdal
    path, _ = site_raster
    out = run_alg("lunar:oxideequations", {"INPUT": path, "OUTPUT_DOMAIN": str(tmp_path / "domain.tif")})
    inside = read_raster(out["OUTPUT_DOMAIN"])
    assert inside.mean() >= 0.9  # the fitting stations themselves
    flat = write_raster(tmp_path / "flat.tif", np.stack([np.full((2, 3), v, np.float32)
                                                         for v in (0.2, 0.2, 0.2, 0.2, 0.2)]))
    out = run_alg("lunar:oxideequations", {"INPUT": flat, "OUTPUT_FEO": str(tmp_path / "feo.tif"),
                                           "OUTPUT_DOMAIN": str(tmp_path / "flat_domain.tif")})
    assert (read_raster(out["OUTPUT_DOMAIN"]) == 0).all()
    assert gdal.Open(out["OUTPUT_FEO"]).GetMetadataItem("LUNAR_DOMAIN_FRACTION_OUTSIDE") == "1.000000"


def test_bands_are_chosen_by_name_and_constants_show_the_presets(lunar_processing):
    """The dialog offers the raster's bands by name ('Band 1: R415 ...'), not bare spin boxes, and a custom
    constant's label gives the presets' values instead of 'Not set' alone."""
    from qgis.core import QgsApplication, QgsProcessingParameterBand
    alg = QgsApplication.processingRegistry().createAlgorithmById("lunar:oxideequations")
    for name, default in (("BAND_415", 1), ("BAND_750", 2), ("BAND_950", 4)):
        band = alg.parameterDefinition(name)
        assert isinstance(band, QgsProcessingParameterBand) and band.parentLayerParameterName() == "INPUT"
        assert band.defaultValue() == default
    assert alg.parameterDefinition("X0_FE").description() == \
        "Custom x0 of the FeO angle (X0_FE); presets: Qiu et al. 2025 0.018; Lucey et al. 2000 0.08"
