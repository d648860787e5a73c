"""Processing set-up for algorithm tests: QGIS's processing plugin plus the Lunar Lab provider."""
import sys

import pytest

sys.path.append("/usr/share/qgis/python/plugins")
_KEEP = []


@pytest.fixture(scope="session")
def lunar_processing(qgis_app):
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication

    from lunar_lab.processing_provider.provider import LunarProvider

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("lunar") is None:
        _KEEP.append(LunarProvider())  # Python must keep the provider alive
        assert registry.addProvider(_KEEP[-1]), "the lunar provider did not load"
    import processing
    return processing


@pytest.fixture(scope="session")
def run_alg(lunar_processing):
    """processing.run with a fresh context and feedback; returns the results dict (session-wide, so that module
    fixtures build their scenes with it too)."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    def run(alg_id, params, feedback=None):
        context = QgsProcessingContext()
        return lunar_processing.run(alg_id, params, context=context, feedback=feedback or QgsProcessingFeedback())
    return run
