"""The crater record every detection returns and every crater layer the plugin writes starts with.

``FIELDS`` ((name, Python type), in output order) is derived from the ``Crater`` dataclass: algorithms build their
QGIS fields from it (``processing_provider/algorithms/crater_layers.py``), the headless batch its OGR fields.
"""
import dataclasses


@dataclasses.dataclass(frozen=True)
class Crater:
    """A detected crater: centre (degrees, lon -180..180), diameter measured on the ground, the network's
    confidence (0..1) and the pyramid level that found it (2^level source pixels per pixel)."""
    lon: float
    lat: float
    diameter_km: float
    confidence: float
    level: int

    def measures(self):
        """The values of MEASURES, in order."""
        return [getattr(self, name) for name, _ in MEASURES]


FIELDS = tuple((f.name, f.type) for f in dataclasses.fields(Crater))
#: lon, lat, diameter_km: the circle any crater layer has (catalogues, aged craters, evaluations).
CIRCLE = FIELDS[:3]
#: What a detection adds to its circle.
MEASURES = FIELDS[3:]

__all__ = ["Crater", "FIELDS", "CIRCLE", "MEASURES"]
