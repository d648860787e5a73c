"""Crater detection on DEM and image rasters: a small CenterNet-style network run over an image pyramid.

Modules, each with one role and imported in this order only (no circles):

    schema    the Crater record and its field list (what every crater layer the plugin writes starts with)
    model_io  the model file: format, typed card (ModelCard), save, load (the one verb), the network it describes
    tiles     pyramid levels, the tile plan (Span, Level, TileJob, TilePlan), per-tile normalisation
    suppression  non-maximum suppression, whole or region by region in bounded memory (RegionMerger)
    datasets  training targets, scenes, random crops, synthetic scenes, the labelled region of a raster
    training  the loss and the training loop
    detect    Detector: a model loaded once, run over the tiles, returning [Crater]
    matching  match detections against a catalogue (DeepMoon's rule, in km)
    network   the torch model (imports torch at module level: import it lazily)

Nothing here imports torch at module level except ``network``.
"""
