"""Crater age classification into the five lunar Systems (1 pre-Nectarian ... 5 Copernican).

``features`` (numpy/GDAL/scipy) is safe to import anywhere; ``network`` imports torch at module level and
``training`` imports torch inside its functions -- both are imported lazily by the algorithms that use them.

    features.crater_features(dem, craters, image=None, omat=None, geology=None, chip_px=32, feedback=None,
                             catalogue=None) -> (chips, attributes, attribute_names, skipped)
    training.train(chips, attributes, labels, base_bundle=None, epochs=None, seed=0, feedback=None, ...) -> bundle
    training.evaluate_trials(chips, attributes, labels, trials=5, split=(0.8, 0.1, 0.1) | 'kfold', ...) -> dict
    training.classify(bundle, chips, attributes) -> probabilities (n, 5), column j = System j + 1
    training.save(bundle, path) / training.load(path)
"""
SYSTEMS = {1: "pre-Nectarian", 2: "Nectarian", 3: "Imbrian", 4: "Eratosthenian", 5: "Copernican"}
#: Age span (Ga, youngest first) of each System, as seed 000 gives them; for legends.
SYSTEM_AGES_GA = {1: (3.92, 4.52), 2: (3.85, 3.92), 3: (3.16, 3.85), 4: (0.8, 3.16), 5: (0.0, 0.8)}
