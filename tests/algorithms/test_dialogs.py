"""The algorithm dialogs as a user meets them: expert parameters under Advanced, number boxes with sensible
decimals, the shipped models offered by name with their cards' figures, BANDS checked against the model's
wavelengths, and every label, option and help text in Chinese under zh_CN."""
import html
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProcessingParameterDefinition, QgsProcessingParameterNumber
from qgis.PyQt.QtCore import QUrl

from tests.rasters import write_raster

ROOT = Path(__file__).resolve().parents[2]
CLEMENTINE_NM = (415, 750, 900, 950, 1000)
#: Parameters a user need not decide to run an algorithm: they must sit under "Advanced Parameters".
EXPERT = {
    "detectcraters": {"MODEL", "BAND", "CONFIDENCE", "TILE_SIZE", "OVERLAP", "SCHEDULER", "DEVICE"},
    "oxideequations": {"BAND_415", "BAND_750", "BAND_950", "X0_FE", "Y0_FE", "FE_SLOPE", "FE_OFFSET", "X0_TI",
                       "Y0_TI", "TI_SCALE", "TI_EXPONENT", "SCHEDULER"},
    "oxidecnn": {"MODEL", "SCHEDULER", "DEVICE"},
    "trainoxidecnn": {"ARCHITECTURE", "FOLDS", "SEED", "FEATURE_FIELDS", "TARGET_FIELDS"},
    "traincraterdetector": {"EPOCHS", "SEED", "BASE_MODEL"},
    "traincraterages": {"EPOCHS", "SEED", "FOLDS", "BASE_MODEL"},
    "classifycraterages": {"MODEL", "DIAMETER_FIELD"},
    "syntheticscene": {"SEED", "CRATER_DENSITY", "MARE_FRACTION"},
    "equalareasampling": {"LAT_STEP"},
    "csfd": {"METHOD", "DIAMETER_FIELD"},
}


def algorithms():
    from lunar_lab.processing_provider.algorithms import all_algorithms
    found = []
    for alg in all_algorithms():
        alg.initAlgorithm({})
        found.append(alg)
    return found


def advanced(parameter):
    return bool(parameter.flags() & QgsProcessingParameterDefinition.FlagAdvanced)


def test_expert_parameters_are_advanced_and_what_a_user_must_give_is_not(lunar_processing):
    algs = {alg.name(): alg for alg in algorithms()}
    for name, expert in EXPERT.items():
        flagged = {p.name() for p in algs[name].parameterDefinitions() if advanced(p)}
        assert expert <= flagged, (name, expert - flagged)
    for alg in algs.values():
        for p in alg.parameterDefinitions():
            required = not p.flags() & QgsProcessingParameterDefinition.FlagOptional and p.defaultValue() is None
            assert not (required and advanced(p)), f"{alg.name()}: {p.name()} must be given, yet hidden"
    total = sum(1 for a in algs.values() for p in a.parameterDefinitions() if not p.isDestination())
    assert sum(1 for a in algs.values() for p in a.parameterDefinitions() if advanced(p)) >= 0.4 * total


def test_help_panels_name_parameters_by_their_labels_and_no_file_paths(lunar_processing):
    """The dialog's help and tooltips speak of what the user sees: labels, not ids (qgis_process's names) or the
    plugin's file paths. An oxide constant's label names its id on purpose (the equations' symbol)."""
    from lunar_lab.processing_provider.algorithms.base import IDS_THAT_ARE_WORDS
    for alg in algorithms():
        ids = {d.name() for d in [*alg.parameterDefinitions(), *alg.outputDefinitions()]
               if d.description() != d.name()} - IDS_THAT_ARE_WORDS
        texts = {"help panel": alg.shortHelpString()}
        texts.update((f"{p.name()} tooltip", p.help()) for p in alg.parameterDefinitions())
        for where, text in texts.items():
            named = sorted(ids & set(re.findall(r"\b[A-Z][A-Z0-9_]+\b", text)))
            assert not named, (alg.name(), where, named)
            paths = re.findall(r"models/\w+|\bNAME\.\w+|\w+\.(?:pt|onnx|json)\b", text)
            assert not paths, (alg.name(), where, paths)
        for p in alg.parameterDefinitions():  # and each id the help text names is there as its label
            if p.name() not in IDS_THAT_ARE_WORDS and re.search(rf"\b{p.name()}\b", alg.HELP):
                assert html.escape(f"“{p.description()}”") in alg.shortHelpString(), (alg.name(), p.name())


def test_every_decimal_number_box_says_how_many_decimals(lunar_processing):
    for alg in algorithms():
        for p in alg.parameterDefinitions():
            if p.type() == "number" and p.dataType() == QgsProcessingParameterNumber.Double:
                decimals = p.metadata().get("widget_wrapper", {}).get("decimals")
                assert decimals is not None and 0 <= decimals <= 5, (alg.name(), p.name(), decimals)


@pytest.mark.parametrize("alg_name, kind", [("detectcraters", "detector"), ("oxidecnn", "oxide"),
                                            ("classifycraterages", "ages")])
def test_shipped_models_are_offered_by_name_with_their_cards_figures(lunar_processing, alg_name, kind):
    from lunar_lab.processing_provider.algorithms.models import MODELS_DIR, SHIPPED_MODELS
    alg = next(a for a in algorithms() if a.name() == alg_name)
    options = alg.parameterDefinition("SHIPPED_MODEL").options()
    assert advanced(alg.parameterDefinition("MODEL")) and not advanced(alg.parameterDefinition("SHIPPED_MODEL"))
    assert len(options) == len(SHIPPED_MODELS[kind])
    for (model_file, _), label in zip(SHIPPED_MODELS[kind], options):
        card = json.load(open(Path(MODELS_DIR) / model_file.replace(".pt", ".json")))
        assert (Path(MODELS_DIR) / model_file).is_file() and not label.endswith(".pt"), label
        if kind == "detector":
            assert f"F1 {card['metrics']['validation']['f1']:.2f}" in label
        elif kind == "oxide":
            target = card["targets"][0]
            assert f"{target} R² {card['metrics'][target]['r2']:.2f}" in label
            assert f"{len(card['wavelengths_nm'])} bands {min(card['wavelengths_nm']):.0f}-" in label
        else:
            assert f"accuracy {card['trials']['accuracy_mean']:.0%}" in label


def test_the_chosen_shipped_model_is_the_one_that_runs(run_alg, tmp_path):
    mi = write_raster(tmp_path / "mi.tif", np.full((8, 4, 4), 0.1, np.float32))
    with pytest.raises(QgsProcessingException, match="predicts TiO2, not FeO"):   # option 1: the Kaguya MI model
        run_alg("lunar:oxidecnn", {"INPUT": mi, "SHIPPED_MODEL": 1, "OUTPUT_FEO": str(tmp_path / "f.tif")})


def clementine_raster(path, order=CLEMENTINE_NM):
    """Five reflectance bands that say their wavelength, as lunar:syntheticscene writes them."""
    path = write_raster(path, np.full((len(order), 4, 4), 0.1, np.float32))
    ds = gdal.Open(path, gdal.GA_Update)
    for i, nm in enumerate(order, start=1):
        ds.GetRasterBand(i).SetMetadata({"wavelength": str(nm), "wavelength_units": "nm"})
    ds = None
    return path


@pytest.mark.parametrize("bands, message", [
    ("1,2,3", r"BANDS: 3 band numbers were given \('1,2,3'\), but the model reads 5 bands: R415 \(415 nm\), "
              r"R750 \(750 nm\), R900 \(900 nm\), R950 \(950 nm\), R1000 \(1000 nm\)"),
    ("1,2,x", r"BANDS: '1,2,x' is not a comma-separated list of band numbers; the model expects 5 bands"),
    ("1,2,3,4,9", r"BANDS: band 9 does not exist in INPUT 'clem.tif' \(5 bands\); the model expects 5 bands"),
    ("1,2,4,3,5", r"BANDS: raster band 4 is at 950 nm but stands for the model's R900 \(900 nm\); the model "
                  r"expects R415 .*; the raster's wavelengths fit BANDS=1,2,3,4,5"),
])
def test_bands_are_checked_against_the_models_wavelengths(run_alg, tmp_path, bands, message):
    raster = clementine_raster(tmp_path / "clem.tif")
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("lunar:oxidecnn", {"INPUT": raster, "BANDS": bands, "OUTPUT_FEO": str(tmp_path / "f.tif")})


def test_default_band_order_is_checked_too_and_a_fitting_order_runs(run_alg, tmp_path):
    shuffled = clementine_raster(tmp_path / "shuffled.tif", (750, 415, 900, 950, 1000))
    with pytest.raises(QgsProcessingException, match=r"BANDS \(empty: 1, 2, 3, …\): raster band 1 is at 750 nm but "
                                                     r"stands for the model's R415 .*fit BANDS=2,1,3,4,5"):
        run_alg("lunar:oxidecnn", {"INPUT": shuffled, "OUTPUT_FEO": str(tmp_path / "f.tif")})
    out = run_alg("lunar:oxidecnn", {"INPUT": shuffled, "BANDS": "2,1,3,4,5", "OUTPUT_FEO": str(tmp_path / "g.tif")})
    assert Path(out["OUTPUT_FEO"]).is_file()


def test_kaguya_model_on_a_clementine_raster_names_the_missing_band(run_alg, tmp_path):
    eight = clementine_raster(tmp_path / "eight.tif", (415, 750, 900, 950, 1000, 1050, 1250, 1500))
    with pytest.raises(QgsProcessingException, match=r"raster band 8 is at 1500 nm but stands for the model's 1548nm "
                                                     r"\(1548 nm\).*the raster has no band at 1548 nm"):
        run_alg("lunar:oxidecnn", {"INPUT": eight, "SHIPPED_MODEL": 1, "OUTPUT_TIO2": str(tmp_path / "t.tif")})


def test_band_wavelength_reads_metadata_and_descriptions():
    from lunar_lab.processing_provider.algorithms.oxide_cnn import band_wavelength
    ds = gdal.GetDriverByName("MEM").Create("", 2, 2, 5, gdal.GDT_Float32)
    ds.GetRasterBand(1).SetMetadata({"WAVELENGTH": "0.75", "wavelength_units": "Micrometers"})
    ds.GetRasterBand(2).SetDescription("R950 (Clementine UVVIS 950 nm)")
    ds.GetRasterBand(3).SetDescription("reflectance at 1001 nm")
    ds.GetRasterBand(4).SetDescription("Band 4")
    ds.GetRasterBand(5).SetMetadata({"wavelength": "415"})
    assert [band_wavelength(ds.GetRasterBand(b)) for b in range(1, 6)] == [750.0, 950.0, 1001.0, None, 415.0]


# ---- zh_CN -----------------------------------------------------------------------------------------------------
def dialog_strings(alg):
    """What a dialog shows: name, group, help, and each parameter's label, help and options; outputs' labels."""
    texts = [alg.displayName(), alg.group(), alg.shortHelpString()]
    for p in alg.parameterDefinitions():
        texts += [p.description(), p.help()]
        if p.type() == "enum" and p.name() != "SHIPPED_MODEL":
            texts += p.options()
    texts += [o.description() for o in alg.outputDefinitions()]
    return [t for t in texts if t]


def test_zh_cn_dialogs_have_no_english_left(lunar_processing, tmp_path):
    """Every string of every dialog comes out translated; one the translation keeps as is (DEM, cpu, F1) must
    say so in the .ts. The shipped models' labels (figures filled in) must be Chinese."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QTranslator
    lrelease = shutil.which("lrelease")
    assert lrelease, "lrelease (Debian: qttools5-dev-tools) builds i18n/*.qm; the Makefile needs it too"
    qm = tmp_path / "lunar_zh_CN.qm"
    subprocess.run([lrelease, "-silent", str(ROOT / "i18n" / "lunar_zh_CN.ts"), "-qm", str(qm)], check=True)
    kept = {}   # (context, source) whose finished translation is the source itself
    for context in ET.parse(ROOT / "i18n" / "lunar_zh_CN.ts").iter("context"):
        for message in context.iter("message"):
            node = message.find("translation")
            if node.get("type") is None and node.text == message.findtext("source"):
                kept[(context.findtext("name"), node.text)] = True
    english = {alg.name(): dialog_strings(alg) for alg in algorithms()}
    translator = QTranslator()
    assert translator.load(str(qm))
    QgsApplication.instance().installTranslator(translator)
    try:
        chinese = {alg.name(): (type(alg).__name__, dialog_strings(alg)) for alg in algorithms()}
        models = [o for alg in algorithms() if alg.parameterDefinition("SHIPPED_MODEL")
                  for o in alg.parameterDefinition("SHIPPED_MODEL").options()]
    finally:
        QgsApplication.instance().removeTranslator(translator)
    left = [f"{name}: {en[:80]!r}" for name, (context, zh) in chinese.items()
            for en, text in zip(english[name], zh) if text == en and (context, en) not in kept]
    assert sum(len(v) for v in english.values()) > 300
    assert not left, "English left in zh_CN (run scripts/update_translations.sh and translate):\n" + "\n".join(left)
    assert len(models) == 5 and all(re.search(r"[\u4e00-\u9fff]", label) for label in models), models


def test_zh_cn_help_pages_are_chinese_and_the_help_button_opens_them(lunar_processing, tmp_path):
    """help/zh_CN/NAME.html (scripts/build_help.py, from i18n/lunar_zh_CN.qm: make setup): title, text, headings and labels in Chinese; the
    Help button opens the page in the language of the installed translation."""
    import sys
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_help
    from lunar_lab.lunar_plugin import i18n
    english = {page.name: page.read_text(encoding="utf-8") for page in build_help.build(tmp_path / "en")}
    assert i18n.install_translator("zh_CN")
    try:
        pages = {page.name: page.read_text(encoding="utf-8") for page in build_help.build(tmp_path / "zh_CN")}
        url = next(a for a in algorithms() if a.name() == "oxidecnn").helpUrl()
    finally:
        i18n.remove_translator()
    assert url.endswith("/help/zh_CN/oxidecnn.html") and QUrl(url).isLocalFile(), url
    assert len(pages) == len(algorithms()) == 14
    for name, text in pages.items():
        visible = re.sub(r"<code>.*?</code>|<[^>]+>", " ", text.split("<style>")[0] + text.split("</style>")[1])
        english_runs = re.findall(r"(?:\b[A-Za-z]{3,}\b[ ,;:()'-]+){6,}", visible)
        assert not english_runs, (name, english_runs[:3])
        assert re.search(r"[\u4e00-\u9fff]", text.split("<h1>")[1]), name
    assert "Algorithm id" in english["oxidecnn.html"] and "Algorithm id" not in pages["oxidecnn.html"]
