"""Scores of a System classification: accuracy, balanced accuracy, per-class recall/precision, confusion."""
import numpy as np

from ..systems import CODES


def metrics(y_true, y_pred):
    """Overall accuracy, balanced accuracy, per-class recall/precision and confusion matrix (rows = true)."""
    y_true = np.asarray(y_true, dtype=int)
    y_pred = np.asarray(y_pred, dtype=int)
    cm = np.zeros((5, 5), dtype=int)
    for t_, p_ in zip(y_true, y_pred):
        cm[t_ - 1, p_ - 1] += 1
    support = cm.sum(axis=1)
    recall = {str(c): (float(cm[c - 1, c - 1] / support[c - 1]) if support[c - 1] else None) for c in CODES}
    predicted = cm.sum(axis=0)
    precision = {str(c): (float(cm[c - 1, c - 1] / predicted[c - 1]) if predicted[c - 1] else None) for c in CODES}
    rec = [v for v in recall.values() if v is not None]
    return {"n": int(len(y_true)), "accuracy": float((y_true == y_pred).mean()) if len(y_true) else float("nan"),
            "balanced_accuracy": float(np.mean(rec)) if rec else float("nan"),
            "recall": recall, "precision": precision, "confusion": cm.tolist(),
            "support": {str(c): int(support[c - 1]) for c in CODES}}


__all__ = ["metrics"]
