"""LunarPlugin: registers the Processing provider; adds menus only when a desktop iface exists."""
from qgis.core import QgsApplication


class LunarPlugin:
    def __init__(self, iface):
        self.iface = iface  # None under qgis_process
        self.provider = None

    def initProcessing(self):  # noqa: N802 (QGIS's name)
        from ..processing_provider.provider import LunarProvider
        self.provider = LunarProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
