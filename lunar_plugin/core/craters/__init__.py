"""Crater detection on DEM rasters: a small CenterNet-style network run over an image pyramid.

``detect`` (detect_craters, nms_circles), ``matching`` (match against a catalogue), ``training`` (train,
save_bundle, load_bundle) and ``network`` (the torch model; imports torch, so import it lazily).
Nothing here imports torch at module level except ``network``.
"""
