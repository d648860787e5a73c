"""The core's block functions on a Dask cluster: the same code as in-process, mapped over chunks of a raster.

``SCHEDULER`` specs (``parse_scheduler``): '' = in-process (no Dask at all); 'local:N' = a LocalCluster of N
worker processes with one thread each, started and stopped by the run; 'tcp://host:port' = an existing
scheduler; a path = a Dask scheduler file (what ``dask scheduler --scheduler-file``, dask-jobqueue and dask-mpi
write). Workers import this package under the same name as the driver (LocalCluster workers inherit the driver's
``sys.path``; remote workers need the plugin folder on their ``PYTHONPATH``) and read their windows with GDAL from
the path the driver gives, so inputs and outputs must be on a file system every worker sees.

Rasters (``map_blocks``): every chunk is one block of ``raster.windows`` (whole 256x256 output tiles); a worker
reads it (with its halo), runs the block function and writes its results as chunk GeoTIFFs into a hidden folder
beside the first output. The driver copies each finished chunk into the tiled outputs as it arrives (written
under a temporary name, renamed when complete) and deletes the chunk. Measured against a VRT of all chunks plus a
final ``gdal.Translate`` (``bench/bench_cluster.py``): direct assembly overlaps with the computation, needs no
second pass, and keeps at most one chunk in the driver's memory (bench/bench_cluster_memory.py: the driver's peak
does not grow from 4000^2 to 20000^2). A block object's ``tally`` (clipped, out-of-domain pixels) comes back with
each chunk and is added up here, so the counts are an in-process run's.

Detection (``craters.detect.raw_on_cluster``) and equal-area sampling (``sampling.sampled_bands``) run their own
tasks through ``dask_client``, ``check_workers`` and ``ordered_results``: this module knows neither, and imports
nothing of theirs.

Dask is imported inside functions only: the plugin loads without it.
"""
import collections
import copy
import json
import os
import re
import shutil
import sys
import time
import uuid
from contextlib import contextmanager

import numpy as np
from osgeo import gdal

from .errors import LunarInputError
from .feedback import Progress
from .messages import tr
from .raster import (BLOCK_PIXELS, AtomicRasterWriter, RasterSource, check_aligned, grid_of, process_blocks,
                     windows, write_block, write_metadata)

#: Seconds to wait for a scheduler (and for its first worker) before giving up with a clear error.
CONNECT_TIMEOUT_S = 5.0
#: Seconds between two looks at the futures (progress and cancel).
POLL_S = 0.05
#: Pixels per raster chunk on a cluster; None: the caller's block size (4 M pixels, 1 M for the CNN).
CHUNK_PIXELS = None
#: Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also switches off glibc's adaptive mmap
#: threshold: every array over 128 KiB is then mapped afresh and faulted in page by page. Detection chunks ran 1.6-1.9x
#: slower so (bench/bench_cluster.py: the same chunks in a worker and alone), and worse on two workers at once, so
#: LocalClusters start their workers without it (a config value of None unsets it).
WORKER_MALLOC_TRIM = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"


def parse_scheduler(spec):
    """('inprocess', None) | ('local', n_workers) | ('address', 'tcp://...') | ('file', path)."""
    spec = str(spec or "").strip()
    if not spec:
        return "inprocess", None
    local = re.fullmatch(r"local(?::(.*))?", spec, re.IGNORECASE)
    if local:
        count = (local.group(1) or "").strip()
        if not count:
            return "local", os.cpu_count() or 1
        if not count.isdigit() or int(count) < 1:
            raise LunarInputError(tr("SCHEDULER: '{spec}' must be local:N with N >= 1 worker processes").format(
                spec=spec))
        return "local", int(count)
    if "://" in spec:
        return "address", spec
    if os.path.isfile(spec) or spec.lower().endswith(".json"):
        return "file", spec
    if re.fullmatch(r"[\w.\-]+:\d+", spec):   # host:port, as 'dask worker' takes it
        return "address", "tcp://" + spec
    raise LunarInputError(tr("SCHEDULER: '{spec}' is none of: empty (in-process), local:N, tcp://host:port, "
                             "or the path of a Dask scheduler file").format(spec=spec))


def _address_from_file(path):
    try:
        with open(path, encoding="utf-8") as f:
            address = json.load(f)["address"]
    except FileNotFoundError:
        raise LunarInputError(tr("SCHEDULER: scheduler file '{path}' does not exist").format(path=path)) from None
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise LunarInputError(tr("SCHEDULER: '{path}' is not a Dask scheduler file (JSON with an 'address'): "
                                 "{error}").format(path=path, error=err)) from None
    return str(address)


def _worker_python():
    """The Python that LocalCluster spawns its workers with. Inside QGIS (qgis_process, the desktop) the running
    program is not Python and ``sys.executable`` is whatever python3 the PATH finds first (under pyenv, another
    version): use the interpreter of this very Python version instead; the workers get the driver's sys.path."""
    try:
        same = os.path.realpath("/proc/self/exe") == os.path.realpath(sys.executable)
    except OSError:
        same = os.path.basename(sys.executable or "").startswith("python")
    if same:
        return sys.executable
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (os.path.join(sys.exec_prefix, "bin", version), shutil.which(version) or ""):
        if candidate and os.path.exists(candidate):
            return candidate
    return sys.executable


@contextmanager
def dask_client(spec, timeout=CONNECT_TIMEOUT_S):
    """A connected ``distributed.Client`` for a SCHEDULER spec (None for in-process); closed on exit, and a
    LocalCluster it started is stopped. Unreachable schedulers and clusters without workers raise
    LunarInputError within about ``timeout`` seconds."""
    kind, value = parse_scheduler(spec)
    if kind == "inprocess":
        yield None
        return
    try:
        import logging
        import multiprocessing

        from distributed import Client, LocalCluster
    except ImportError:
        raise LunarInputError(tr("SCHEDULER: a Dask cluster needs dask[distributed] (pip install "
                                 "'dask[distributed]'); leave SCHEDULER empty to run in-process")) from None
    cluster = client = None
    try:
        if kind == "local":
            import dask
            finish_closing()   # one LocalCluster at a time on this machine
            multiprocessing.set_executable(_worker_python())
            with dask.config.set({WORKER_MALLOC_TRIM: None}):   # see WORKER_MALLOC_TRIM
                cluster = LocalCluster(n_workers=value, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster, timeout=max(timeout, 30))
        else:
            address = value if kind == "address" else _address_from_file(value)
            try:
                client = Client(address, timeout=timeout)
            except (OSError, TimeoutError, ValueError) as err:
                raise LunarInputError(tr("SCHEDULER: cannot reach the Dask scheduler at '{address}' within "
                                         "{timeout:g} s ({kind}: {error}); nothing was written").format(
                    address=address, timeout=timeout, kind=type(err).__name__, error=err)) from None
            try:
                client.wait_for_workers(1, timeout=timeout)
            except (OSError, TimeoutError):
                raise LunarInputError(tr("SCHEDULER: the Dask scheduler at '{address}' has no workers (none joined "
                                         "within {timeout:g} s); nothing was written").format(
                    address=address, timeout=timeout)) from None
        yield client
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            _close_in_background(cluster)


#: LocalClusters still shutting down (threads), so a new one waits for the last one's processes to end.
_closing = []


def _close_in_background(cluster):
    """Stop a LocalCluster after the run has returned: the outputs are complete, and worker processes that hold
    torch take seconds to end (bench/bench_cluster.py), time the caller need not wait. The next LocalCluster
    (``finish_closing``) and the interpreter's exit wait for it."""
    import threading
    thread = threading.Thread(target=cluster.close, name="lunar-close-localcluster")
    thread.start()
    _closing.append(thread)


def finish_closing():
    """Wait until every LocalCluster this process started has stopped."""
    while _closing:
        _closing.pop().join()


def check_workers(client, paths):
    """The scheduler and every worker can import this package (the scheduler unpickles the tasks too) and the
    workers see ``paths`` (inputs, output folders): a clear error here instead of a traceback later."""
    import importlib

    def probe(package, wanted):   # runs on the scheduler and the workers: (kind, detail) of a problem, or None
        try:
            importlib.import_module(package)
        except ImportError:
            return "import", package
        missing = [p for p in wanted if not os.path.exists(p)]
        return ("missing", missing) if missing else None

    def described(problem):   # a probe's problem in the user's language (here, not where the probe ran)
        kind, detail = problem
        if kind == "import":
            return tr("cannot import '{package}': start it with the folder holding '{folder}' on PYTHONPATH").format(
                package=detail, folder=detail.split(".")[0])
        return tr("does not see {paths} (use a file system every worker mounts)").format(paths=", ".join(detail))

    problem = client.run_on_scheduler(probe, __name__, [])
    if problem:
        raise LunarInputError(tr("SCHEDULER: the Dask scheduler {problem}; nothing was written").format(
            problem=described(problem)))
    local_files = [os.path.abspath(p) for p in paths if os.path.exists(p)]   # not /vsi... or database sources
    for worker, problem in client.run(probe, __name__, local_files).items():
        if problem:
            raise LunarInputError(tr("SCHEDULER: Dask worker {worker} {problem}; nothing was written").format(
                worker=worker, problem=described(problem)))


def run_futures(client, calls, on_result, feedback=None, progress_range=(0.0, 100.0)):
    """Submit ``calls`` ([(function, args)]) and hand each result to ``on_result(index, result)`` as it arrives.

    Progress counts finished calls; a cancel (or any error) cancels every future still pending and raises.
    """
    progress = Progress(feedback, len(calls), *progress_range)
    tag = uuid.uuid4().hex[:8]
    futures = [client.submit(func, *args, key=f"lunar-{func.__name__}-{tag}-{i}", pure=False)
               for i, (func, args) in enumerate(calls)]
    pending = dict(enumerate(futures))
    try:
        while pending:
            progress.step(len(calls) - len(pending))
            ready = [i for i, future in pending.items() if future.done()]
            if not ready:
                time.sleep(POLL_S)
                continue
            for i in ready:
                on_result(i, pending.pop(i).result())
        progress.step(len(calls))
    except BaseException:
        client.cancel(list(pending.values()))
        raise


def ordered_results(client, calls, window, on_wait=None):
    """Generator: the results of ``calls`` (an iterable of (function, args), read as it goes) in their order,
    with at most ``window`` of them submitted at a time, so the driver never holds more than ``window`` results.
    ``on_wait()`` is called every POLL_S while the next result is pending (progress; it may raise to cancel).
    Closing it (after a cancel or an error) cancels the tasks still pending."""
    tag = uuid.uuid4().hex[:8]
    calls = enumerate(calls)
    futures = collections.deque()

    def submit_up_to_window():
        for i, (func, args) in calls:
            futures.append(client.submit(func, *args, key=f"lunar-{func.__name__}-{tag}-{i}", pure=False))
            if len(futures) >= window:
                return

    try:
        submit_up_to_window()
        while futures:
            while on_wait is not None and not futures[0].done():
                on_wait()
                time.sleep(POLL_S)
            result = futures.popleft().result()
            submit_up_to_window()
            yield result
    finally:
        client.cancel(list(futures))


# ------------------------------------------------------------------------------------------- rasters
def read_and_compute(input_specs, func, window, halo):
    """What one block is, here or on a worker: read every input's window (with halo), run ``func``."""
    arrays = []
    for path, role, bands in input_specs:
        source = RasterSource(path, role)
        arrays.append(source.read(bands, window, halo))
        source.close()
    return [np.asarray(r)[None] if np.asarray(r).ndim == 2 else np.asarray(r) for r in func(arrays, window)]


def zeroed(tally):
    """A tally of the same shape with every count at zero (a new dict, list or number)."""
    if isinstance(tally, dict):
        return {key: zeroed(value) for key, value in tally.items()}
    if isinstance(tally, (list, tuple)):
        return [zeroed(value) for value in tally]
    return 0


def merge_tally(into, part):
    """Add a task's ``tally`` (nested dicts and lists of counts, e.g. clipped and out-of-domain pixels) into the
    driver's, in place: the counts of a cluster run are those of an in-process one."""
    for key, value in part.items():
        if isinstance(value, dict):
            merge_tally(into.setdefault(key, {}), value)
        elif isinstance(value, (list, tuple)):
            total = into.setdefault(key, [0] * len(value))
            for i, count in enumerate(value):
                total[i] += count
        else:
            into[key] = into.get(key, 0) + value


def compute_chunk(input_specs, func, window, halo, chunk_dir, index, like):
    """Worker task: one block of the raster into chunk GeoTIFFs (one per output). Returns (their paths, the
    counts the block function tallied on this chunk or None): a block function with a ``tally`` runs as a copy
    with its own zeroed tally, so the driver can add up every chunk's counts."""
    tally = getattr(func, "tally", None)
    if tally is not None:
        func = copy.copy(func)
        func.tally = zeroed(tally)
    gt = like[2]
    chunk_gt = (gt[0] + window[0] * gt[1], gt[1], gt[2], gt[3] + window[1] * gt[5], gt[4], gt[5])
    paths = []
    for k, result in enumerate(read_and_compute(input_specs, func, window, halo)):
        path = os.path.join(chunk_dir, f"chunk{index}-{k}.tif")
        partial = path + ".partial.tif"
        ds = gdal.GetDriverByName("GTiff").Create(partial, window[2], window[3], result.shape[0],
                                                  gdal.GetDataTypeByName(result.dtype.name), ["TILED=YES"])
        ds.SetGeoTransform(chunk_gt)
        if like[3]:
            ds.SetProjection(like[3])
        for b in range(result.shape[0]):
            ds.GetRasterBand(b + 1).WriteArray(result[b])
        ds = None
        os.replace(partial, path)
        paths.append(path)
    return paths, (func.tally if tally is not None else None)


def map_blocks(inputs, outputs, func, feedback=None, halo=0, max_pixels=BLOCK_PIXELS, scheduler="",
               progress_range=(0.0, 100.0), metadata=None, step_pixels=None):
    """``raster.process_blocks`` in-process (empty ``scheduler``) or chunk by chunk on a Dask cluster.

    Same arguments and result as process_blocks; ``func`` must be picklable (a module-level function or an
    object of a module-level class) to reach the workers. On the cluster every block is one chunk, and the counts
    of a block object's ``tally`` (clipped, out-of-domain pixels) are gathered from the chunks into ``func.tally``
    before ``metadata`` is called, as if every block had run here.
    """
    if parse_scheduler(scheduler)[0] == "inprocess":
        return process_blocks(inputs, outputs, func, feedback, halo, max_pixels, progress_range, metadata,
                              step_pixels)
    check_aligned(inputs, outputs)
    first = inputs[0][0]
    like = grid_of(first)
    specs = [(src.path, src.role, list(bands)) for src, bands in inputs]
    blocks = windows(first.xsize, first.ysize, CHUNK_PIXELS or max_pixels)
    with dask_client(scheduler) as client:
        check_workers(client, [path for path, _, _ in specs] +
                      [os.path.dirname(os.path.abspath(spec[0])) for spec in outputs])
        writers = [AtomicRasterWriter(spec[0], like, *spec[1:]) for spec in outputs]
        chunk_dir = writers[0].tmp + ".chunks"
        os.makedirs(chunk_dir)

        def assemble(i, result):
            paths, tally = result
            if tally is not None:
                merge_tally(func.tally, tally)
            write_block(writers, blocks[i], (gdal.Open(path).ReadAsArray() for path in paths))
            for path in paths:
                os.remove(path)

        try:
            run_futures(client, [(compute_chunk, (specs, func, window, halo, chunk_dir, i, like))
                                 for i, window in enumerate(blocks)], assemble, feedback, progress_range)
            write_metadata(writers, metadata)
        except BaseException as exc:
            for writer in writers:
                writer.__exit__(type(exc), exc, None)
            _remove_tree(chunk_dir)
            raise
        _remove_tree(chunk_dir)
        for writer in writers:
            writer.__exit__(None, None, None)
    return [writer.path for writer in writers]


def _remove_tree(path):
    """Remove a chunk folder; a task cancelled while running may still add a file, so try a few times."""
    for _ in range(20):
        shutil.rmtree(path, ignore_errors=True)
        if not os.path.exists(path):
            return
        time.sleep(0.1)


__all__ = ["parse_scheduler", "dask_client", "finish_closing", "check_workers", "run_futures", "ordered_results",
           "map_blocks", "compute_chunk", "read_and_compute", "zeroed", "merge_tally"]
