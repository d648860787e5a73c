"""Lunar Lab plugin package: the QGIS plugin class (plugin.py) and the QGIS-free science core (core/)."""
