"""Build the demo's QGIS project (every output styled as the Toolbox styles it) and a PNG map."""
import sys
from pathlib import Path

from plugin_path import ROOT  # noqa: E402,F401 (makes the checkout importable as lunar_lab)

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererParallelJob,  # noqa: E402
                       QgsMapSettings, QgsProject, QgsRasterLayer, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

from lunar_lab.processing_provider import styles  # noqa: E402

#: (file, layer name, style, visible) from bottom to top of the layer tree. Detections: (INPUT's layer name in
#: scripts/demo.sh, SHIPPED_MODEL), named as lunar:detectcraters names its output (detected_name).
LAYERS = [
    ("dom.tif", "DOM (synthetic)", styles.pseudocolor("grey"), True),
    ("dem.tif", "DEM (synthetic, m)", styles.pseudocolor("elevation", unit="m"), False),
    ("fused.tif", "Fused DOM/DEM (brightness, slope, elevation)", styles.rgb(), False),
    ("reflectance.tif", "Reflectance (synthetic Clementine, 950/750/415 nm)", styles.rgb((4, 2, 1)), False),
    ("omat.tif", "OMAT — Qiu et al. 2025", styles.pseudocolor("omat"), False),
    ("tio2_equation.tif", "TiO2 (wt%) — Qiu et al. 2025 equation", styles.oxide_map("TiO2"), False),
    ("feo_equation.tif", "FeO (wt%) — Qiu et al. 2025 equation", styles.oxide_map("FeO"), True),
    ("feo_cnn.tif", "FeO (wt%) — 1D CNN", styles.oxide_map("FeO"), False),
    ("tio2_cnn.tif", "TiO2 (wt%) — 1D CNN", styles.oxide_map("TiO2"), False),
    ("al2o3_cnn.tif", "Al2O3 (wt%) — 1D CNN", styles.oxide_map("Al2O3"), False),
    ("mgo_cnn.tif", "MgO (wt%) — 1D CNN", styles.oxide_map("MgO"), False),
    ("cao_cnn.tif", "CaO (wt%) — 1D CNN", styles.oxide_map("CaO"), False),
    ("mg_number.tif", "Mg# (molar)", styles.pseudocolor("mgnumber"), False),
    ("units.gpkg", "Geologic units (synthetic)",
     styles.craters_by_category("kind", [("mare", "#3f007d"), ("highland", "#e6550d")]), False),
    ("equal_area_samples.gpkg", "Equal-area samples (2.25 km²)", styles.points("#3182bd", 0.4), False),
    ("craters_truth.gpkg", "Craters (synthetic ground truth)", styles.craters_outline(styles.CATALOGUE_COLOUR), False),
    ("craters_evaluation.gpkg", "Crater evaluation (matched / missed / false)",
     styles.craters_by_category("status", [("matched", "#1a9641"), ("missed", "#2c7bb6"), ("false", "#d7191c")]),
     False),
    ("craters_detected.gpkg", ("fused", 0), styles.craters_by_confidence(), False),
    ("craters_aged.gpkg", "Craters by lunar System", styles.craters_by_system(), True),
    ("nac_tile.vrt", "LRO NAC tile M1229577647 (0.5 m/px)", styles.pseudocolor("grey"), False),
    ("nac_craters_evaluation.gpkg", "NAC craters: evaluation (matched / missed / false)",
     styles.craters_by_category("status", [("matched", "#1a9641"), ("missed", "#2c7bb6"), ("false", "#d7191c")]),
     False),
    ("nac_craters_detected.gpkg", ("nac_tile", 1), styles.craters_by_confidence(), False),
]


def detected_name(raster_name, shipped_model):
    """The name lunar:detectcraters gives its output for this input and shipped model."""
    from lunar_lab.processing_provider.algorithms.detect_craters import DetectCraters, shipped_model_name
    return DetectCraters().layer_name(raster_name, shipped_model_name(shipped_model))


def main(out):
    out = Path(out).resolve()
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("IAU_2015:30100"))
    shown = []
    for name, title, style, visible in LAYERS:
        path = out / name
        if isinstance(title, tuple):
            title = detected_name(*title)
        if not path.exists():
            continue
        layer = QgsRasterLayer(str(path), title) if path.suffix in (".tif", ".vrt") else QgsVectorLayer(str(path), title, "ogr")
        if not layer.isValid():
            raise SystemExit(f"demo output {path} does not open as a layer")
        styles.apply_style(layer, style)
        if name.endswith("_equation.tif") or name.endswith("_cnn.tif"):
            layer.renderer().setOpacity(0.7)  # the DOM shows through the abundance map
        project.addMapLayer(layer)
        project.layerTreeRoot().findLayer(layer.id()).setItemVisibilityChecked(visible)
        if visible:
            shown.insert(0, layer)
    project.write(str(out / "lunar_lab_demo.qgz"))
    settings = QgsMapSettings()
    settings.setLayers(shown)
    settings.setDestinationCrs(project.crs())
    settings.setExtent(shown[-1].extent())
    settings.setOutputSize(QSize(1000, 1000))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(str(out / "demo_map.png"), "png")
    print(f"   project: {out / 'lunar_lab_demo.qgz'} ({len(project.mapLayers())} layers), map: {out / 'demo_map.png'}")
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo_output")
