"""The advanced SCHEDULER and DEVICE parameters shared by the algorithms that can run on a cluster or a GPU."""
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterString

from ...lunar_plugin.core.device import DEVICES


def add_scheduler(alg):
    alg.add(QgsProcessingParameterString("SCHEDULER", alg.tr("Dask scheduler (empty = this process)"), "",
                                         optional=True),
            "Empty: run here. local:N: a Dask LocalCluster of N worker processes started and stopped by this run. "
            "tcp://host:port: an existing Dask scheduler. A path: a Dask scheduler file (dask scheduler "
            "--scheduler-file, dask-jobqueue, dask-mpi). Inputs and outputs must be on a file system every worker "
            "sees; see the README, 'Beyond one machine'.", advanced=True)


def add_device(alg):
    alg.add(QgsProcessingParameterEnum("DEVICE", alg.tr("Torch device"), [alg.tr(d) for d in DEVICES], defaultValue=0),
            "auto: CUDA when PyTorch sees a GPU, else the CPU; cpu or cuda force one.", advanced=True)


def scheduler(alg, parameters, context):
    return alg.parameterAsString(parameters, "SCHEDULER", context) or ""


def device(alg, parameters, context):
    return DEVICES[alg.parameterAsEnum(parameters, "DEVICE", context)]
