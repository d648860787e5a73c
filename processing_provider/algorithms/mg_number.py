"""lunar:mgnumber -- Mg# from FeO and MgO rasters."""
from qgis.core import QgsProcessingParameterRasterDestination, QgsProcessingParameterRasterLayer

from ...lunar_plugin.core.oxides import equations
from .. import styles
from .base import LunarAlgorithm


class MgNumber(LunarAlgorithm):
    NAME = "mgnumber"
    DISPLAY = "Mg# from FeO and MgO"
    GROUP = "Surface chemistry"
    HELP = ("Magnesium number, the molar Mg/(Mg+Fe) = (MgO/40.30) / (MgO/40.30 + FeO/71.84), from FeO and MgO "
            "abundance rasters (wt%) on one grid, as in Qiu et al. 2025 Fig. 1h. Output: float32 "
            "GeoTIFF, 0-1, nodata where an input is nodata or negative.")

    def define(self):
        self.add(QgsProcessingParameterRasterLayer("FEO", self.tr("FeO (wt%) raster")), "Band 1 is used.")
        self.add(QgsProcessingParameterRasterLayer("MGO", self.tr("MgO (wt%) raster")),
                 "Band 1 is used; must share the FeO raster's grid and CRS.")
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Mg#")))

    def execute(self, parameters, context, feedback):
        out = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        equations.mg_number_map(self.raster_source(parameters, "FEO", context),
                                self.raster_source(parameters, "MGO", context), out, feedback=feedback)
        self.style_output(context, out, styles.pseudocolor("mgnumber"), self.tr("Mg# (molar)"))
        return {"OUTPUT": out}
