"""Progress and cancellation without QGIS: the protocol QgsProcessingFeedback already follows."""
from .errors import Cancelled


class NullFeedback:
    """Feedback for plain-Python callers: never cancelled, progress ignored."""

    def setProgress(self, percent):
        pass

    def isCanceled(self):
        return False

    def pushInfo(self, text):
        pass

    def reportError(self, text, fatalError=False):
        pass


def ensure(feedback):
    return feedback if feedback is not None else NullFeedback()


def info(feedback, text):
    """Log a line where the feedback can (the protocol itself asks only for setProgress and isCanceled)."""
    push = getattr(feedback, "pushInfo", None)
    if push is not None:
        push(text)


class Progress:
    """Maps step i of n onto a percent range of ``feedback`` and raises Cancelled when asked to stop."""

    def __init__(self, feedback, total, start=0.0, end=100.0):
        self.feedback = ensure(feedback)
        self.total = max(int(total), 1)
        self.start, self.end = start, end

    def step(self, done):
        if self.feedback.isCanceled():
            raise Cancelled("cancelled by the user")
        self.feedback.setProgress(self.start + (self.end - self.start) * min(done, self.total) / self.total)


class ScaledFeedback:
    """Feedback for a sub-task: its 0-100% maps onto [start, end] of the whole run; cancel passes through."""

    def __init__(self, feedback, start, end):
        self.feedback, self.start, self.end = ensure(feedback), start, end

    def setProgress(self, percent):  # noqa: N802 (the feedback protocol)
        self.feedback.setProgress(self.start + (self.end - self.start) * percent / 100.0)

    def isCanceled(self):  # noqa: N802
        return self.feedback.isCanceled()

    def pushInfo(self, text):  # noqa: N802
        self.feedback.pushInfo(text)
