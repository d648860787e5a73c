"""Lunar Lab QGIS plugin entry point. Imports nothing heavy: qgis_process loads it headless."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .lunar_plugin.plugin import LunarPlugin
    return LunarPlugin(iface)
