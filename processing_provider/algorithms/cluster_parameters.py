"""The advanced SCHEDULER and DEVICE parameters shared by the algorithms that can run on a cluster or a GPU."""
from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterEnum, QgsProcessingParameterString

from ...lunar_plugin.core.device import DEVICES


def _advanced(parameter):
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    return parameter


def add_scheduler(alg):
    alg.add(_advanced(QgsProcessingParameterString("SCHEDULER", alg.tr("Dask scheduler (empty = this process)"),
                                                   "", optional=True)),
            "Empty: run here. local:N: a Dask LocalCluster of N worker processes started and stopped by this run. "
            "tcp://host:port: an existing Dask scheduler. A path: a Dask scheduler file (dask scheduler "
            "--scheduler-file, dask-jobqueue, dask-mpi). Inputs and outputs must be on a file system every worker "
            "sees; see the README, 'Beyond one machine'.")


def add_device(alg):
    alg.add(_advanced(QgsProcessingParameterEnum("DEVICE", alg.tr("Torch device"), DEVICES, defaultValue=0)),
            "auto: CUDA when PyTorch sees a GPU, else the CPU; cpu or cuda force one.")


def scheduler(alg, parameters, context):
    return alg.parameterAsString(parameters, "SCHEDULER", context) or ""


def device(alg, parameters, context):
    return DEVICES[alg.parameterAsEnum(parameters, "DEVICE", context)]
