"""The shipped Model Builder chains run headless through bin/lunar-process and show under Models."""
import csv
from pathlib import Path

from lunar_lab.tests.e2e.test_lunar_process import lunar_process, results

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "processing_provider" / "models"


def scene(tmp_path):
    return results(lunar_process("run", "lunar:syntheticscene", "--", "WIDTH=256", "HEIGHT=256", "SEED=5",
                                 f"OUTPUT_DEM={tmp_path / 'dem.tif'}", f"OUTPUT_DOM={tmp_path / 'dom.tif'}",
                                 f"OUTPUT_REFLECTANCE={tmp_path / 'refl.tif'}",
                                 f"OUTPUT_CRATERS={tmp_path / 'truth.gpkg'}"))


def test_crater_chain_model(tmp_path):
    s = scene(tmp_path)
    out = results(lunar_process("run", str(MODELS / "lunar_crater_chain.model3"), "--", f"DEM={s['OUTPUT_DEM']}",
                                f"DOM={s['OUTPUT_DOM']}", "MIN_DIAMETER_KM=0.5",
                                "fuse:Fused DOM/DEM=TEMPORARY_OUTPUT", "detect:Detected craters=TEMPORARY_OUTPUT",
                                f"ages:Craters by lunar System={tmp_path / 'aged.gpkg'}",
                                f"csfd:CSFD table={tmp_path / 'csfd.csv'}", f"csfd:CSFD plot={tmp_path / 'csfd.png'}",
                                f"csfd:CSFD report={tmp_path / 'csfd.html'}"))
    assert Path(out["ages:Craters by lunar System"]).exists()
    rows = list(csv.DictReader(open(tmp_path / "csfd.csv")))
    assert rows and {"group", "cumulative", "r_value"} <= set(rows[0])
    assert (tmp_path / "csfd.png").stat().st_size > 10000
    assert "data:image/png;base64," in (tmp_path / "csfd.html").read_text(encoding="utf-8")   # the Results Viewer's


def test_chemistry_chain_model(tmp_path):
    s = scene(tmp_path)
    temporary = ["cnn:FeO (CNN)", "cnn:TiO2 (CNN)", "cnn:Al2O3 (CNN)", "cnn:MgO (CNN)", "cnn:CaO (CNN)",
                 "equations:FeO (equation)", "equations:TiO2 (equation)", "equations:OMAT",
                 "sampling:Equal-area samples"]
    lunar_process("run", str(MODELS / "lunar_chemistry_chain.model3"), "--", f"REFLECTANCE={s['OUTPUT_REFLECTANCE']}",
                  f"mg:Mg#={tmp_path / 'mg.tif'}", f"sampling:Equal-area statistics={tmp_path / 'stats.csv'}",
                  *[f"{name}=TEMPORARY_OUTPUT" for name in temporary])
    stats = {r["variable"]: r for r in csv.DictReader(open(tmp_path / "stats.csv")) if r["zone"] == "all"}
    assert {"feo_qiu_et_al_2025_equation", "feo_1d_cnn", "mg"} <= set(stats), sorted(stats)
    assert 0.3 < float(stats["mg"]["mean"]) < 0.8


def test_models_show_under_models_in_the_toolbox():
    proc = lunar_process("list", check=False)
    assert "Craters: fusion, detection, ages, CSFD" in proc.stdout
    assert "Chemistry: equations, CNN oxides, Mg#, equal-area statistics" in proc.stdout
