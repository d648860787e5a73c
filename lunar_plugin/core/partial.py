"""Temporary names for outputs being written, and the clean-up that keeps nothing half-written behind.

Every output (raster, vector, model, report) is written to a hidden file beside its target,
``.NAME.PID-RANDOM.partial[EXT]``, and renamed over the target only when complete. The process id in the name
lets the next run remove what a killed run (SIGKILL, power cut) left: a partial whose writer is no longer alive.
``live`` lists the partials this process is writing, so a SIGTERM handler can remove them before exiting.
"""
import glob
import os
import re
import shutil
import uuid

#: Partials this process is writing now (removed from the set when renamed or deleted).
live = set()
_PARTIAL = re.compile(r"\.(?P<pid>\d+)-[0-9a-f]{8}\.partial")


def partial_path(path, suffix=""):
    """A hidden temporary name beside ``path`` (registered in ``live``); stale partials of ``path`` are removed.

    ``suffix`` is the file extension the writer needs to see (GDAL picks the driver from it), e.g. '.tif'.
    """
    folder, name = os.path.split(os.path.abspath(os.fspath(path)))
    remove_stale(path)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.partial{suffix}")
    live.add(tmp)
    return tmp


def siblings(tmp):
    """The files a writer made from one temporary name: the name itself and its companions (.aux.xml, a
    GeoPackage's -journal/-wal, a shapefile's .shx/.dbf/.prj/.cpg)."""
    stem = tmp[:-len(".shp")] if tmp.endswith(".shp") else tmp
    return glob.glob(glob.escape(stem) + "*")


def _remove(p):
    """Remove one partial: a file, or a cluster run's folder of chunks (a missing one is no error)."""
    if os.path.isdir(p):
        shutil.rmtree(p, ignore_errors=True)
        return
    try:
        os.remove(p)
    except FileNotFoundError:
        pass


def discard(tmp):
    """Remove a temporary file and its companions (never raises for a missing file)."""
    for p in siblings(tmp):
        _remove(p)
    live.discard(tmp)


def commit(tmp, path):
    """Rename a finished temporary file (and a shapefile's companions) over ``path``."""
    path = os.path.abspath(os.fspath(path))
    if tmp.endswith(".shp"):
        stem, target_stem = tmp[:-4], os.path.splitext(path)[0]
        for p in siblings(tmp):
            os.replace(p, target_stem + p[len(stem):])
    else:
        os.replace(tmp, path)
    live.discard(tmp)
    return path


def remove_stale(path):
    """Remove partials of ``path`` whose writing process no longer runs (left by a killed run)."""
    folder, name = os.path.split(os.path.abspath(os.fspath(path)))
    removed = []
    for p in glob.glob(os.path.join(glob.escape(folder), "." + glob.escape(name) + ".*.partial*")):
        match = _PARTIAL.search(p[len(folder) + len(name) + 2:])
        if match and not _alive(int(match.group("pid"))):
            try:
                _remove(p)
                removed.append(p)
            except OSError:
                pass
    return removed


def remove_live():
    """Remove every partial this process is writing (called on SIGTERM)."""
    for tmp in list(live):
        discard(tmp)


def _alive(pid):
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
