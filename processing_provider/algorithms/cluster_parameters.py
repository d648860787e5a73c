"""The advanced SCHEDULER, DEVICE and ENGINE parameters shared by the algorithms that can run on a cluster, a GPU or
in either inference engine."""
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterString

from ...lunar_plugin.core.device import DEVICES
from ...lunar_plugin.core.engine import ENGINES


def add_scheduler(alg):
    alg.add(QgsProcessingParameterString("SCHEDULER", alg.tr("Dask scheduler (empty = this process)"), "",
                                         optional=True),
            "Empty: run here. local:N: a Dask LocalCluster of N worker processes started and stopped by this run. "
            "tcp://host:port: an existing Dask scheduler. A path: a Dask scheduler file (dask scheduler "
            "--scheduler-file, dask-jobqueue, dask-mpi). Inputs and outputs must be on a file system every worker "
            "sees; see the README, 'Beyond one machine'.", advanced=True)


def add_device(alg):
    alg.add(QgsProcessingParameterEnum("DEVICE", alg.tr("Device"), [alg.tr(d) for d in DEVICES], defaultValue=0),
            "auto: CUDA when the engine sees a GPU (ONNX Runtime: the CUDA provider of onnxruntime-gpu; PyTorch: a "
            "CUDA build), else the CPU; cpu or cuda force one.", advanced=True)


def add_engine(alg):
    alg.add(QgsProcessingParameterEnum("ENGINE", alg.tr("Inference engine"), [alg.tr(e) for e in ENGINES],
                                       defaultValue=0),
            "auto: ONNX Runtime when it is installed (Lunar Lab > Install ONNX Runtime…, 24 MB), else PyTorch; "
            "PyTorch also when DEVICE is cuda and ONNX Runtime has no CUDA provider (onnxruntime-gpu). Both give the "
            "same results (within 1e-4 of each network output); ONNX Runtime needs no PyTorch and starts faster. "
            "onnxruntime or torch force one. A model file without its .onnx beside it is converted on the fly where "
            "PyTorch and onnx are installed, else it runs in PyTorch.", advanced=True)


def scheduler(alg, parameters, context):
    return alg.parameterAsString(parameters, "SCHEDULER", context) or ""


def device(alg, parameters, context):
    return DEVICES[alg.parameterAsEnum(parameters, "DEVICE", context)]


def engine(alg, parameters, context):
    return ENGINES[alg.parameterAsEnum(parameters, "ENGINE", context)]
