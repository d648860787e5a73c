"""Write the Model Builder models shipped with Lunar Lab (processing_provider/models/*.model3).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/build_models.py
The models chain the provider's algorithms the way the demo does, so they open (and can be edited) in the
Model Builder and run headless: bin/lunar-process run processing_provider/models/NAME.model3 -- ...
``lay_out`` places the boxes from the chain's order, none on another (tests/algorithms/test_model_layout.py).
"""
import sys

from plugin_path import ROOT  # noqa: E402,F401 (makes the checkout importable as lunar_lab)
sys.path.append("/usr/share/qgis/python/plugins")

from qgis.core import (QgsApplication, QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,  # noqa: E402
                       QgsProcessingModelChildParameterSource as Source, QgsProcessingModelOutput,
                       QgsProcessingModelParameter, QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer)
from qgis.PyQt.QtCore import QPointF  # noqa: E402

from lunar_lab.lunar_plugin.qt_compat import ProcessingModelChildParameterSource as SourceType  # noqa: E402

OUT = ROOT / "processing_provider" / "models"


def child(model, alg_id, child_id, sources, outputs):
    """Add a step: ``sources`` maps parameter -> Source; ``outputs`` maps output -> model output name."""
    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    step = QgsProcessingModelChildAlgorithm(alg_id)
    step.setChildId(child_id)
    step.setDescription(alg.displayName())
    for definition in alg.parameterDefinitions():  # everything not wired gets the algorithm's default
        if definition.name() not in sources and not definition.isDestination() \
                and definition.defaultValue() is not None:
            step.addParameterSources(definition.name(), [Source.fromStaticValue(definition.defaultValue())])
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


def parameter(model, definition):
    model.addModelParameter(definition, QgsProcessingModelParameter(definition.name()))


#: Space between boxes, how far a step's outputs sit right of it, and the room a step's "In" and "Out" rows take
#: above and below its box (QGIS draws each box centred on its position, with the component's size, 200 x 30).
GAP_X, GAP_Y, OUTPUT_INDENT, IN_OUT_ROW, MARGIN = 80, 20, 40, 25, 40


def lay_out(model, steps):
    """Place the boxes from the chain's order: the inputs in the first column, each step (``steps``: child ids in
    chain order) one column right of the last step it reads from, its outputs stacked under it, a column's boxes
    one under the other. Every link then runs left to right and no box covers another."""
    size = QgsProcessingModelParameter().size()
    column_width = size.width() + OUTPUT_INDENT + GAP_X
    next_top = {}

    def place(component, column, indent=0, padding=0):
        top = next_top.get(column, MARGIN) + padding
        next_top[column] = top + component.size().height() + padding + GAP_Y
        component.setPosition(QPointF(MARGIN + column * column_width + indent + component.size().width() / 2,
                                      top + component.size().height() / 2))

    inputs = model.parameterComponents()
    for definition in model.parameterDefinitions():  # in the order added (the outputs' own parameters have no box)
        if definition.name() in inputs:
            place(inputs[definition.name()], 0)
            model.setParameterComponent(inputs[definition.name()])
    columns = {}
    children = model.childAlgorithms()
    for child_id in steps:
        step = children[child_id]
        sources = [source for group in step.parameterSources().values() for source in group]
        columns[child_id] = 1 + max([columns[s.outputChildId()] for s in sources
                                     if s.source() == SourceType.ChildOutput] + [0])
        place(step, columns[child_id], padding=IN_OUT_ROW)
        outputs = step.modelOutputs()
        for output in outputs.values():
            place(output, columns[child_id], OUTPUT_INDENT)
        step.setModelOutputs(outputs)
        model.setChildAlgorithm(step)


def crater_chain():
    model = QgsProcessingModelAlgorithm("Craters: fusion, detection, ages, CSFD", "Lunar Lab")
    model.setHelpContent({"ALG_DESC": "DOM + DEM -> lunar:fusedomdem -> lunar:detectcraters (on the fused "
                                      "elevation band) -> lunar:classifycraterages -> lunar:csfd (counted over the "
                                      "DEM's extent, split by System).", "ALG_CREATOR": "Lunar Lab"})
    parameter(model, QgsProcessingParameterRasterLayer("DEM", "DEM"))
    parameter(model, QgsProcessingParameterRasterLayer("DOM", "DOM (orthophoto)"))
    parameter(model, QgsProcessingParameterNumber("MIN_DIAMETER_KM", "Minimum crater diameter (km)",
                                                  QgsProcessingParameterNumber.Double, 1.0, minValue=0.001))
    child(model, "lunar:fusedomdem", "fuse", {"DEM": Source.fromModelParameter("DEM"),
                                              "DOM": Source.fromModelParameter("DOM")}, {"OUTPUT": "Fused DOM/DEM"})
    child(model, "lunar:detectcraters", "detect", {"INPUT": Source.fromChildOutput("fuse", "OUTPUT"),
                                                   "MIN_DIAMETER_KM": Source.fromModelParameter("MIN_DIAMETER_KM")},
          {"OUTPUT": "Detected craters"})
    child(model, "lunar:classifycraterages", "ages", {"CRATERS": Source.fromChildOutput("detect", "OUTPUT"),
                                                      "DEM": Source.fromModelParameter("DEM"),
                                                      "DOM": Source.fromModelParameter("DOM")},
          {"OUTPUT": "Craters by lunar System"})
    child(model, "native:polygonfromlayerextent", "area", {"INPUT": Source.fromModelParameter("DEM")}, {})
    child(model, "lunar:csfd", "csfd", {"CRATERS": Source.fromChildOutput("ages", "OUTPUT"),
                                        "AREA": Source.fromChildOutput("area", "OUTPUT"),
                                        "MIN_DIAMETER_KM": Source.fromModelParameter("MIN_DIAMETER_KM"),
                                        "SPLIT_BY_SYSTEM": Source.fromStaticValue(True)},
          {"OUTPUT_TABLE": "CSFD table", "OUTPUT_PLOT": "CSFD plot", "OUTPUT_HTML": "CSFD report"})
    lay_out(model, ["fuse", "detect", "ages", "area", "csfd"])
    return model, "lunar_crater_chain.model3"


def chemistry_chain():
    model = QgsProcessingModelAlgorithm("Chemistry: equations, CNN oxides, Mg#, equal-area statistics", "Lunar Lab")
    model.setHelpContent({"ALG_DESC": "Clementine reflectance (bands 415/750/900/950/1000 nm) -> "
                                      "lunar:oxideequations (FeO, TiO2, OMAT) and lunar:oxidecnn (FeO, TiO2, Al2O3, "
                                      "MgO, CaO) -> lunar:mgnumber -> lunar:equalareasampling statistics.",
                          "ALG_CREATOR": "Lunar Lab"})
    parameter(model, QgsProcessingParameterRasterLayer("REFLECTANCE", "Clementine reflectance (5 bands)"))
    child(model, "lunar:oxideequations", "equations", {"INPUT": Source.fromModelParameter("REFLECTANCE")},
          {"OUTPUT_FEO": "FeO (equation)", "OUTPUT_TIO2": "TiO2 (equation)", "OUTPUT_OMAT": "OMAT"})
    child(model, "lunar:oxidecnn", "cnn", {"INPUT": Source.fromModelParameter("REFLECTANCE")},
          {"OUTPUT_FEO": "FeO (CNN)", "OUTPUT_TIO2": "TiO2 (CNN)", "OUTPUT_AL2O3": "Al2O3 (CNN)",
           "OUTPUT_MGO": "MgO (CNN)", "OUTPUT_CAO": "CaO (CNN)"})
    child(model, "lunar:mgnumber", "mg", {"FEO": Source.fromChildOutput("cnn", "OUTPUT_FEO"),
                                          "MGO": Source.fromChildOutput("cnn", "OUTPUT_MGO")}, {"OUTPUT": "Mg#"})
    child(model, "lunar:equalareasampling", "sampling",
          {"RASTERS": [Source.fromChildOutput("equations", "OUTPUT_FEO"),
                       Source.fromChildOutput("equations", "OUTPUT_TIO2"),
                       Source.fromChildOutput("cnn", "OUTPUT_FEO"), Source.fromChildOutput("mg", "OUTPUT")]},
          {"OUTPUT": "Equal-area samples", "OUTPUT_STATS": "Equal-area statistics"})
    lay_out(model, ["equations", "cnn", "mg", "sampling"])
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
