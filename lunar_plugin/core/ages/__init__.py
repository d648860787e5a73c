"""Crater age classification into the five lunar Systems (codes and names: ``core.systems``).

Modules, each with one role and imported in this order only (no circles):

    features   chips and named attributes per crater (numpy/GDAL/scipy; safe to import anywhere)
    metrics    accuracy, balanced accuracy, recall/precision, confusion (numpy)
    model_io   the model file: format, save, load (the one verb), the network it describes (torch inside functions)
    inference  classify / predict with a loaded model (torch inside functions)
    network    the torch network and the mean-teacher loop (imports torch at module level: import it lazily)
    training   train and evaluate_trials (torch inside functions)

    features.crater_features(dem, craters, image=None, omat=None, geology=None, chip_px=32, feedback=None,
                             catalogue=None) -> (chips, attributes, attribute_names, skipped)
    training.train(chips, attributes, labels, base_bundle=None, epochs=None, seed=0, feedback=None, ...) -> bundle
    training.evaluate_trials(chips, attributes, labels, trials=5, split=(0.8, 0.1, 0.1) | 'kfold', ...) -> dict
    inference.classify(bundle, chips, attributes) -> probabilities (n, 5), column j = System j + 1
    model_io.save(bundle, path) / model_io.load(path)
"""
