"""The golden table: all 14 algorithms of the provider on one seeded synthetic scene, each output's statistics
(raster band stats, feature counts, field sums and means, returned numbers) against ``golden_table.yaml``.
After a deliberate change of results: ``.venv/bin/python scripts/regenerate_golden_table.py`` (never run here)."""
import pytest

from lunar_lab.tests.algorithms import golden

TABLE = golden.load_table()


@pytest.fixture(scope="module")
def golden_run(run_alg, tmp_path_factory):
    """One torch thread, as the table was written with: on a busy 2-core machine more threads made the training
    cases 5-7x slower (traincraterdetector 275 s against 40 s)."""
    import torch
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield golden.Run(TABLE, tmp_path_factory.mktemp("golden"), run_alg)
    torch.set_num_threads(threads)


def test_the_table_covers_every_algorithm_once(lunar_processing):
    from qgis.core import QgsApplication
    provided = sorted(alg.id() for alg in QgsApplication.processingRegistry().providerById("lunar").algorithms())
    assert len(provided) == 14
    assert sorted(case["algorithm"] for case in TABLE["cases"]) == provided
    assert all(case.get("expected") for case in TABLE["cases"])


def test_the_comparison_catches_a_wrong_statistic():
    expected = {"OUTPUT": {"type": "raster", "width": 4, "height": 4, "bands": [{"valid": 16, "mean": 10.0}]}}
    tolerance = {"rel": 1e-3, "abs": 1e-6}
    same = {"OUTPUT": {"type": "raster", "width": 4, "height": 4, "bands": [{"valid": 16, "mean": 10.005}]}}
    assert golden.compare(expected, same, tolerance) == []
    wrong = {"OUTPUT": {"type": "raster", "width": 4, "height": 4, "bands": [{"valid": 15, "mean": 10.02}]}}
    assert golden.compare(expected, wrong, tolerance) == [
        ".OUTPUT.bands[0].valid: expected 16 ± 0, got 15", ".OUTPUT.bands[0].mean: expected 10.0 ± 0.01, got 10.02"]
    assert golden.compare(expected, {}, tolerance) == [".OUTPUT: missing"]
    assert golden.compare({"N": {"value": "Imbrian"}}, {"N": {"value": "Nectarian"}}, tolerance) == [
        ".N.value: expected 'Imbrian', got 'Nectarian'"]


@pytest.mark.parametrize("case", TABLE["cases"], ids=[case["name"] for case in TABLE["cases"]])
def test_golden(golden_run, case):
    result = golden_run.result(case["name"])
    problems = golden.compare(case["expected"], golden.case_stats(result, case), case["tolerance"])
    problems += [problem for check in case.get("achieves", []) for problem in [golden.achieved(check, result)[1]]
                 if problem]
    assert not problems, f"{case['name']}:\n" + "\n".join(problems)


def test_a_trained_model_is_held_to_what_it_must_achieve(tmp_path):
    """A trainer that learnt nothing (every site predicted as the mean) fails the trained cases' checks."""
    from osgeo import ogr
    path = str(tmp_path / "predictions.csv")
    measured = [3.5, 8.0, 11.0, 14.5, 20.0]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("site,measured,predicted\n")
        fh.writelines(f"{i},{m},{sum(measured) / len(measured)}\n" for i, m in enumerate(measured))
    assert ogr.Open(path) is not None
    [case] = [case for case in TABLE["cases"] if case["name"] == "trainoxidecnn"]
    problems = [golden.achieved(check, {"OUTPUT_PREDICTIONS": path})[1] for check in case["achieves"]]
    assert problems[0].startswith("OUTPUT_PREDICTIONS r2(measured, predicted): 0, needs at least")
    assert problems[1].startswith("OUTPUT_PREDICTIONS rmse(measured, predicted): 5.")
    assert golden.achieved({"output": "RECALL_AFTER", "at_least": 0.8}, {"RECALL_AFTER": 0.05})[1] == \
        "RECALL_AFTER: 0.05, needs at least 0.8"
