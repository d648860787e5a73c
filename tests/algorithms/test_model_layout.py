"""The shipped Model Builder chains open with every box in its own place (scripts/build_models.py lays them out)."""
from pathlib import Path

import pytest

MODELS = sorted((Path(__file__).resolve().parents[2] / "processing_provider" / "models").glob("*.model3"))


def boxes(model):
    """(what, QRectF) for each box the Model Builder draws: QGIS centres a component on its position with its size;
    a comment is drawn only when it has text."""
    from qgis.PyQt.QtCore import QRectF

    found = []

    def add(what, component):
        size, centre = component.size(), component.position()
        found.append((what, QRectF(centre.x() - size.width() / 2, centre.y() - size.height() / 2,
                                   size.width(), size.height())))
        comment = component.comment()
        if comment is not None and comment.description():
            add(f"comment on {what}", comment)

    for name, component in model.parameterComponents().items():
        add(f"input {name}", component)
    for child_id, step in model.childAlgorithms().items():
        add(f"step {child_id}", step)
        for name, output in step.modelOutputs().items():
            add(f"output {name}", output)
    return found


def load(path):
    from qgis.core import QgsProcessingModelAlgorithm
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(path)), path
    return model


def test_both_chains_are_shipped():
    assert [p.name for p in MODELS] == ["lunar_chemistry_chain.model3", "lunar_crater_chain.model3"]


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.stem)
def test_no_two_boxes_overlap(lunar_processing, path):
    found = boxes(load(path))
    assert len(found) >= 8
    overlapping = [(a, b) for i, (a, ra) in enumerate(found) for b, rb in found[i + 1:] if ra.intersects(rb)]
    assert not overlapping, overlapping


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.stem)
def test_links_run_left_to_right(lunar_processing, path):
    """Each step sits right of every box it reads from, and its outputs sit under it: the chain reads in order."""
    from lunar_lab.lunar_plugin.qt_compat import ProcessingModelChildParameterSource as SourceType
    model = load(path)
    steps = model.childAlgorithms()
    for child_id, step in steps.items():
        for sources in step.parameterSources().values():
            for source in sources:
                if source.source() == SourceType.ChildOutput:
                    upstream = steps[source.outputChildId()].position()
                elif source.source() == SourceType.ModelParameter:
                    upstream = model.parameterComponent(source.parameterName()).position()
                else:
                    continue
                assert upstream.x() < step.position().x(), (child_id, source.outputChildId())
        for name, output in step.modelOutputs().items():
            assert output.position().y() > step.position().y(), (child_id, name)


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.stem)
def test_chain_is_valid_in_the_model_designer(lunar_processing, path):
    """A step that misses a mandatory parameter (one an algorithm gained after the chain was built) turns the chain
    red in the Model Designer, whose Run then refuses it: scripts/build_models.py rebuilds the chains."""
    assert load(path).validate() == (True, [])
