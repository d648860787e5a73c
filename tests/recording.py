"""A Processing feedback that keeps what an algorithm said, for tests of its log and warnings."""
from qgis.core import QgsProcessingFeedback


class RecordingFeedback(QgsProcessingFeedback):
    """``warnings``: the pushWarning lines; ``lines``: info and warning lines in order."""

    def __init__(self):
        super().__init__()
        self.warnings, self.lines = [], []

    def pushWarning(self, text):  # noqa: N802 (QGIS's name)
        self.warnings.append(text)
        self.lines.append(text)
        super().pushWarning(text)

    def pushInfo(self, text):  # noqa: N802
        self.lines.append(text)
        super().pushInfo(text)
