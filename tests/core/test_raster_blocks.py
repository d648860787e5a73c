"""Block layout of process_blocks: whole output tiles per block, so each tile is written once."""
import os

import numpy as np
import pytest

from lunar_lab.lunar_plugin.core.raster import RasterSource, process_blocks, windows
from lunar_lab.tests.rasters import read_raster, write_raster


@pytest.mark.parametrize("xsize,ysize,max_pixels", [(20000, 20000, 1 << 20), (20000, 20000, 1 << 22),
                                                     (3000, 1000, 1 << 22), (700, 300, 10_000), (100, 50, 1 << 20)])
def test_windows_cover_the_raster_in_whole_tiles(xsize, ysize, max_pixels):
    blocks = windows(xsize, ysize, max_pixels)
    for x, y, w, h in blocks:
        # every block starts on a tile corner and ends on one or at the raster edge
        assert x % 256 == 0 and y % 256 == 0
        assert (x + w) % 256 == 0 or x + w == xsize
        assert (y + h) % 256 == 0 or y + h == ysize
        assert w * h <= max(max_pixels, 256 * 256)
    # together the blocks cover every 256 x 256 tile exactly once (no tile twice, none left out)
    cover = np.zeros((-(-ysize // 256), -(-xsize // 256)), dtype=int)
    for x, y, w, h in blocks:
        cover[y // 256:-(-(y + h) // 256), x // 256:-(-(x + w) // 256)] += 1
    assert (cover == 1).all(), np.unique(cover)
    assert sum(w * h for _, _, w, h in blocks) == xsize * ysize


def test_a_wide_raster_is_not_written_twice(tmp_path):
    """A raster wider than max_pixels / 256 used to be flushed in strips thinner than a tile: every tile was written
    several times and the file grew with each copy."""
    rng = np.random.default_rng(0)
    src = RasterSource(write_raster(tmp_path / "in.tif", rng.normal(size=(512, 4096)).astype(np.float32)))
    out = [(str(tmp_path / "small_blocks.tif"), [("noise", "1")])]
    process_blocks([(src, [1])], out, lambda arrays, window: [arrays[0][0]], max_pixels=1 << 16)
    one = [(str(tmp_path / "one_block.tif"), [("noise", "1")])]
    process_blocks([(src, [1])], one, lambda arrays, window: [arrays[0][0]], max_pixels=1 << 24)
    assert np.array_equal(read_raster(out[0][0]), read_raster(one[0][0]), equal_nan=True)
    assert os.path.getsize(out[0][0]) < 1.05 * os.path.getsize(one[0][0])


class Recorder:
    """Feedback that records progress and asks to stop after ``cancel_after`` reports."""

    def __init__(self, cancel_after=None):
        self.reports, self.cancel_after = [], cancel_after

    def setProgress(self, percent):  # noqa: N802 (the feedback protocol)
        self.reports.append(percent)

    def isCanceled(self):  # noqa: N802
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


def test_a_small_raster_reports_progress_in_steps_and_stops_on_cancel(tmp_path):
    """A 1 M-pixel raster used to be one block: the bar jumped 0 -> 100 and Cancel waited for the whole run."""
    from lunar_lab.lunar_plugin.core.errors import Cancelled
    src = RasterSource(write_raster(tmp_path / "in.tif", np.ones((1024, 1024), dtype=np.float32)))
    out = [(str(tmp_path / "out.tif"), [("copy", "")])]
    feedback = Recorder()
    process_blocks([(src, [1])], out, lambda arrays, window: [arrays[0][0]], feedback)
    assert len(set(feedback.reports)) >= 10 and feedback.reports[-1] == 100
    computed = []
    stop = Recorder(cancel_after=3)
    with pytest.raises(Cancelled, match="cancelled by the user"):
        process_blocks([(src, [1])], [(str(tmp_path / "cancelled.tif"), [("copy", "")])],
                       lambda arrays, window: computed.append(window) or [arrays[0][0]], stop)
    assert len(computed) == stop.cancel_after and sorted(os.listdir(tmp_path)) == ["in.tif", "out.tif"]


def test_a_full_disk_says_so_and_names_the_file(tmp_path, monkeypatch):
    """GDAL reports a full disk as 'TIFFAppendToStrip: Write error at scanline 4294967295'."""
    from collections import namedtuple
    from osgeo import gdal
    from lunar_lab.lunar_plugin.core import raster
    from lunar_lab.lunar_plugin.core.errors import LunarInputError
    src = RasterSource(write_raster(tmp_path / "in.tif", np.ones((64, 64), dtype=np.float32)))

    def failing_write(*args, **kwargs):
        raise RuntimeError("TIFFAppendToStrip: Write error at scanline 4294967295")
    monkeypatch.setattr(gdal.Band, "WriteArray", failing_write)
    monkeypatch.setattr(raster.shutil, "disk_usage", lambda folder: namedtuple("usage", "total used free")(
        10 << 20, 9 << 20, 1 << 20))
    target = str(tmp_path / "out.tif")
    with pytest.raises(LunarInputError, match=r"cannot write output '.*out\.tif': the disk is full \(1\.0 MiB free"):
        process_blocks([(src, [1])], [(target, [("copy", "")])], lambda arrays, window: [arrays[0][0]])
    assert sorted(os.listdir(tmp_path)) == ["in.tif"]


def test_a_block_computed_in_strips_equals_one_call_and_cancels_within_the_block(tmp_path):
    """step_pixels: a slow per-pixel function (the oxide CNN) reports and honours Cancel inside a block."""
    from lunar_lab.lunar_plugin.core.errors import Cancelled
    rng = np.random.default_rng(1)
    src = RasterSource(write_raster(tmp_path / "in.tif", rng.normal(size=(2, 256, 300)).astype(np.float32)))

    def func(arrays, window):
        return [arrays[0][0] * 2.0, arrays[0]]   # one 2-D and one 3-D result
    whole = [(str(tmp_path / "a.tif"), [("x2", "")]), (str(tmp_path / "b.tif"), [("b1", ""), ("b2", "")])]
    process_blocks([(src, [1, 2])], whole, func)
    strips = [(str(tmp_path / "c.tif"), [("x2", "")]), (str(tmp_path / "d.tif"), [("b1", ""), ("b2", "")])]
    feedback = Recorder()
    process_blocks([(src, [1, 2])], strips, func, feedback, step_pixels=3000)
    for (one, _), (stripped, _) in zip(whole, strips):
        assert np.array_equal(read_raster(one), read_raster(stripped), equal_nan=True)
    assert len(set(feedback.reports)) > 25   # blocks 256 and 44 wide: strips of 11 and 68 rows
    computed = []
    with pytest.raises(Cancelled, match="cancelled by the user"):
        process_blocks([(src, [1, 2])], [(str(tmp_path / "e.tif"), [("x2", "")])],
                       lambda arrays, window: computed.append(window) or [arrays[0][0]], Recorder(cancel_after=4),
                       step_pixels=3000)
    assert [w[3] for w in computed] == [11, 11, 11] and not os.path.exists(tmp_path / "e.tif")
