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
