"""Write the Model Builder models shipped with Lunar Lab (processing_provider/models/*.model3).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/build_models.py
The models chain the provider's algorithms the way the demo does, so they open (and can be edited) in the
Model Builder and run headless: bin/lunar-process run processing_provider/models/NAME.model3 -- ...
"""
import sys

from plugin_path import ROOT  # noqa: E402,F401 (makes the checkout importable as lunar_lab)
sys.path.append("/usr/share/qgis/python/plugins")

from qgis.core import (QgsApplication, QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,  # noqa: E402
                       QgsProcessingModelChildParameterSource as Source, QgsProcessingModelOutput,
                       QgsProcessingModelParameter, QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer)
from qgis.PyQt.QtCore import QPointF  # noqa: E402

OUT = ROOT / "processing_provider" / "models"


def child(model, alg_id, child_id, sources, outputs, x, y):
    """Add a step: ``sources`` maps parameter -> Source; ``outputs`` maps output -> model output name."""
    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    step = QgsProcessingModelChildAlgorithm(alg_id)
    step.setChildId(child_id)
    step.setDescription(alg.displayName())
    for definition in alg.parameterDefinitions():  # everything not wired gets the algorithm's default
        if definition.name() not in sources and not definition.isDestination() \
                and definition.defaultValue() is not None:
            step.addParameterSources(definition.name(), [Source.fromStaticValue(definition.defaultValue())])
    step.setPosition(QPointF(x, y))
    for name, source in sources.items():
        step.addParameterSources(name, source if isinstance(source, list) else [source])
    model_outputs = {}
    for output, label in outputs.items():
        out = QgsProcessingModelOutput(label, label)
        out.setMandatory(True)  # an unnamed output goes to a temporary file rather than being skipped
        out.setChildId(child_id)
        out.setChildOutputName(output)
        model_outputs[label] = out
    step.setModelOutputs(model_outputs)
    model.addChildAlgorithm(step)
    return step


def parameter(model, definition, x, y):
    p = QgsProcessingModelParameter(definition.name())
    p.setPosition(QPointF(x, y))
    model.addModelParameter(definition, p)


def crater_chain():
    model = QgsProcessingModelAlgorithm("Craters: fusion, detection, ages, CSFD", "Lunar Lab")
    model.setHelpContent({"ALG_DESC": "DOM + DEM -> lunar:fusedomdem -> lunar:detectcraters (on the fused "
                                      "elevation band) -> lunar:classifycraterages -> lunar:csfd (counted over the "
                                      "DEM's extent, split by System).", "ALG_CREATOR": "Lunar Lab"})
    parameter(model, QgsProcessingParameterRasterLayer("DEM", "DEM"), 80, 60)
    parameter(model, QgsProcessingParameterRasterLayer("DOM", "DOM (orthophoto)"), 80, 140)
    parameter(model, QgsProcessingParameterNumber("MIN_DIAMETER_KM", "Minimum crater diameter (km)",
                                                  QgsProcessingParameterNumber.Double, 1.0, minValue=0.001), 80, 220)
    child(model, "lunar:fusedomdem", "fuse", {"DEM": Source.fromModelParameter("DEM"),
                                              "DOM": Source.fromModelParameter("DOM")}, {"OUTPUT": "Fused DOM/DEM"},
          320, 100)
    child(model, "lunar:detectcraters", "detect", {"INPUT": Source.fromChildOutput("fuse", "OUTPUT"),
                                                   "MIN_DIAMETER_KM": Source.fromModelParameter("MIN_DIAMETER_KM")},
          {"OUTPUT": "Detected craters"}, 560, 100)
    child(model, "lunar:classifycraterages", "ages", {"CRATERS": Source.fromChildOutput("detect", "OUTPUT"),
                                                      "DEM": Source.fromModelParameter("DEM"),
                                                      "DOM": Source.fromModelParameter("DOM")},
          {"OUTPUT": "Craters by lunar System"}, 800, 100)
    child(model, "native:polygonfromlayerextent", "area", {"INPUT": Source.fromModelParameter("DEM")}, {}, 560, 220)
    child(model, "lunar:csfd", "csfd", {"CRATERS": Source.fromChildOutput("ages", "OUTPUT"),
                                        "AREA": Source.fromChildOutput("area", "OUTPUT"),
                                        "MIN_DIAMETER_KM": Source.fromModelParameter("MIN_DIAMETER_KM"),
                                        "SPLIT_BY_SYSTEM": Source.fromStaticValue(True)},
          {"OUTPUT_TABLE": "CSFD table", "OUTPUT_PLOT": "CSFD plot"}, 1040, 160)
    return model, "lunar_crater_chain.model3"


def chemistry_chain():
    model = QgsProcessingModelAlgorithm("Chemistry: equations, CNN oxides, Mg#, equal-area statistics", "Lunar Lab")
    model.setHelpContent({"ALG_DESC": "Clementine reflectance (bands 415/750/900/950/1000 nm) -> "
                                      "lunar:oxideequations (FeO, TiO2, OMAT) and lunar:oxidecnn (FeO, TiO2, Al2O3, "
                                      "MgO, CaO) -> lunar:mgnumber -> lunar:equalareasampling statistics.",
                          "ALG_CREATOR": "Lunar Lab"})
    parameter(model, QgsProcessingParameterRasterLayer("REFLECTANCE", "Clementine reflectance (5 bands)"), 80, 100)
    child(model, "lunar:oxideequations", "equations", {"INPUT": Source.fromModelParameter("REFLECTANCE")},
          {"OUTPUT_FEO": "FeO (equation)", "OUTPUT_TIO2": "TiO2 (equation)", "OUTPUT_OMAT": "OMAT"}, 320, 40)
    child(model, "lunar:oxidecnn", "cnn", {"INPUT": Source.fromModelParameter("REFLECTANCE")},
          {"OUTPUT_FEO": "FeO (CNN)", "OUTPUT_TIO2": "TiO2 (CNN)", "OUTPUT_AL2O3": "Al2O3 (CNN)",
           "OUTPUT_MGO": "MgO (CNN)", "OUTPUT_CAO": "CaO (CNN)"}, 320, 180)
    child(model, "lunar:mgnumber", "mg", {"FEO": Source.fromChildOutput("cnn", "OUTPUT_FEO"),
                                          "MGO": Source.fromChildOutput("cnn", "OUTPUT_MGO")}, {"OUTPUT": "Mg#"},
          560, 180)
    child(model, "lunar:equalareasampling", "sampling",
          {"RASTERS": [Source.fromChildOutput("equations", "OUTPUT_FEO"),
                       Source.fromChildOutput("equations", "OUTPUT_TIO2"),
                       Source.fromChildOutput("cnn", "OUTPUT_FEO"), Source.fromChildOutput("mg", "OUTPUT")]},
          {"OUTPUT": "Equal-area samples", "OUTPUT_STATS": "Equal-area statistics"}, 800, 110)
    return model, "lunar_chemistry_chain.model3"


def main():
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing
    from lunar_lab.processing_provider.provider import LunarProvider
    Processing.initialize()
    provider = LunarProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    OUT.mkdir(parents=True, exist_ok=True)
    for build in (crater_chain, chemistry_chain):
        model, name = build()
        ok, errors = model.validate()
        if not ok:
            raise SystemExit(f"{name}: {errors}")
        if not model.toFile(str(OUT / name)):
            raise SystemExit(f"could not write {OUT / name}")
        print(f"wrote {OUT / name}")
    app.exitQgis()


if __name__ == "__main__":
    main()
