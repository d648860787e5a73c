"""lunar:fusedomdem -- DOM + DEM -> fused 3-band raster (Yang et al. 2020)."""
from qgis.core import (QgsProcessingParameterBoolean, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer)

from ...lunar_plugin.core import fusion
from .. import styles
from .base import LunarAlgorithm


class FuseDomDem(LunarAlgorithm):
    NAME = "fusedomdem"
    DISPLAY = "Fuse DOM and DEM"
    GROUP = "Craters"
    HELP = ("Fuses a digital orthophoto map (DOM) and a DEM into one 3-band raster on the DOM's grid, as Yang et al. "
            "2020 fuse Chang'E DOM and DEM for crater detection: band 1 = image brightness (morphology; a DEM "
            "hillshade when no DOM is given), band 2 = slope (degrees, from true metres on the 1737.4 km Moon sphere "
            "in geographic and projected CRSs), band 3 = elevation (m). The DEM is resampled (bilinear) to the DOM "
            "grid when they differ. '8-bit' stretches every band to 1-255 (0 = nodata) for detectors.")

    def define(self):
        self.add(QgsProcessingParameterRasterLayer("DEM", self.tr("DEM")), "Elevation raster (band 1), with a CRS.")
        self.add(QgsProcessingParameterRasterLayer("DOM", self.tr("DOM (orthophoto)"), optional=True),
                 "Optional image (band 1); without it band 1 is a hillshade of the DEM.")
        self.add(QgsProcessingParameterBoolean("EIGHT_BIT", self.tr("8-bit output for detectors"), False),
                 "Stretch each band to 1-255 (Byte) instead of float32 physical units.")
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Fused DOM/DEM")))

    def execute(self, parameters, context, feedback):
        out = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        fusion.fuse(self.raster_source(parameters, "DEM", context), out,
                    dom_path=self.raster_source(parameters, "DOM", context, required=False),
                    eight_bit=self.parameterAsBool(parameters, "EIGHT_BIT", context), feedback=feedback)
        self.style_output(context, out, styles.rgb(), self.tr("Fused DOM/DEM (brightness, slope, elevation)"))
        return {"OUTPUT": out}
