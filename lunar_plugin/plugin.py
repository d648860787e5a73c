"""LunarPlugin: registers the Processing provider (also under qgis_process, where ``iface`` is None and initGui is
never called); in QGIS desktop adds a "Lunar Lab" menu and toolbar that open the main algorithms' dialogs, and an
About box, and installers for ONNX Runtime (inference) and PyTorch (training) (lunar_plugin/install_torch.py) whose
private folder goes on sys.path here."""
import os

from qgis.core import QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QFile
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMenu

from . import deps, i18n
from .qt_compat import QAction

#: Menu and toolbar entries, in workflow order; an entry is only added when the algorithm is registered.
MAIN_ALGORITHMS = ("syntheticscene", "fusedomdem", "oxideequations", "oxidecnn", "equalareasampling",
                   "detectcraters", "classifycraterages", "csfd")
RESOURCE = ":/plugins/lunar_lab/icons/{0}.svg"
ICON_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "icons")
#: Processing group id -> icon in resources.qrc (icons/NAME.svg); ALGORITHM_ICONS tells apart the menu and toolbar
#: entries of one group.
GROUP_ICONS = {"craters": "craters", "craterages": "craters", "surfacechemistry": "chemistry",
               "statistics": "statistics", "data": "data"}
ALGORITHM_ICONS = {"fusedomdem": "fusion", "oxidecnn": "chemistry_cnn", "classifycraterages": "crater_ages",
                   "csfd": "csfd"}


def icon(name):
    """The icon from the compiled resources (resources_rc.py, built by make/package.sh), else from icons/:
    PyQt6 has no resource compiler, and a checkout may not have built resources_rc.py."""
    resource = RESOURCE.format(name)
    return QIcon(resource if QFile.exists(resource) else os.path.join(ICON_DIR, name + ".svg"))


MODELS_FOLDER = os.path.join(os.path.dirname(os.path.dirname(__file__)), "processing_provider", "models")


def _models_folder(add):
    """Show (or stop showing) the shipped Model Builder models under "Models" in the Processing Toolbox."""
    try:
        from processing.core.ProcessingConfig import ProcessingConfig
        from processing.modeler.ModelerUtils import ModelerUtils
    except ImportError:  # no Processing plugin: nothing to show them in
        return
    folders = [f for f in ModelerUtils.modelsFolders() if f and f != MODELS_FOLDER] + ([MODELS_FOLDER] if add else [])
    if ModelerUtils.MODELS_FOLDER in ProcessingConfig.settings:
        ProcessingConfig.setSettingValue(ModelerUtils.MODELS_FOLDER, ";".join(folders))
    else:  # Processing not initialised yet: it reads the setting when it is
        QgsSettings().setValue("Processing/Configuration/" + ModelerUtils.MODELS_FOLDER, ";".join(folders))
    provider = QgsApplication.processingRegistry().providerById("model")
    if provider is not None:
        provider.refreshAlgorithms()


class LunarPlugin:
    def __init__(self, iface):
        self.iface = iface  # None under qgis_process
        self.provider = None
        self.menu = None
        self.toolbar = None
        self.actions = []
        self.counting = None  # map_tools.CountingTools (desktop only)
        i18n.install_translator()
        deps.add_deps_to_path()  # PyTorch installed by "Install PyTorch…" (before any algorithm checks for it)
        try:
            from .. import resources_rc  # noqa: F401 (registers :/plugins/lunar_lab/...)
        except (ImportError, AttributeError):  # not built (a checkout before `make setup`), or PyQt6 (no
            # qRegisterResourceData): icons come from icons/
            pass

    # ---- Processing (desktop and qgis_process) ------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS's name)
        if self.provider is not None:
            return
        from ..processing_provider.provider import LunarProvider
        self.provider = LunarProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)
        _models_folder(add=True)

    # ---- desktop ------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802
        self.initProcessing()
        if self.iface is None:
            return
        window = self.iface.mainWindow()
        self.menu = QMenu(QCoreApplication.translate("LunarLab", "&Lunar Lab"), window.menuBar())
        self.menu.setObjectName("mLunarLabMenu")
        self.toolbar = self.iface.addToolBar(QCoreApplication.translate("LunarLab", "Lunar Lab"))
        self.toolbar.setObjectName("mLunarLabToolBar")
        registry = QgsApplication.processingRegistry()
        for name in MAIN_ALGORITHMS:
            alg = registry.algorithmById("lunar:" + name)
            if alg is None:
                continue
            name_icon = ALGORITHM_ICONS.get(name) or GROUP_ICONS.get(alg.groupId(), "lunar_lab")
            action = QAction(icon(name_icon), alg.displayName() + "…", window)
            action.setObjectName("mLunarLab_" + name)
            action.setToolTip(alg.displayName())
            action.setStatusTip(QCoreApplication.translate("LunarLab", "Open the dialog of {0}").format(alg.id()))
            action.triggered.connect(lambda _checked=False, alg_id=alg.id(): self.open_dialog(alg_id))
            self.menu.addAction(action)
            self.toolbar.addAction(action)
            self.actions.append(action)
        from .map_tools import CountingTools
        self.counting = CountingTools(self.iface, self.menu, self.toolbar, icon)  # crater counting and vetting
        self.menu.addSeparator()
        toolbox = QAction(icon("lunar_lab"), QCoreApplication.translate("LunarLab", "Show Processing Toolbox"),
                          window)
        toolbox.setObjectName("mLunarLab_toolbox")
        toolbox.triggered.connect(self.show_toolbox)
        install_ort = QAction(icon("lunar_lab"), QCoreApplication.translate("LunarLab", "Install ONNX Runtime…"),
                              window)
        install_ort.setObjectName("mLunarLab_install_onnxruntime")
        install_ort.setStatusTip(QCoreApplication.translate(
            "LunarLab", "Install ONNX Runtime (about 24 MB), which runs crater detection, crater ages and the oxide "
            "CNN, into your QGIS profile"))
        install_ort.triggered.connect(self.install_onnxruntime)
        install = QAction(icon("lunar_lab"), QCoreApplication.translate("LunarLab", "Install PyTorch…"), window)
        install.setObjectName("mLunarLab_install_torch")
        install.setStatusTip(QCoreApplication.translate(
            "LunarLab", "Install the CPU build of PyTorch (0.9 GB), needed to train the networks, into your QGIS "
            "profile"))
        install.triggered.connect(self.install_torch)
        about = QAction(icon("about"), QCoreApplication.translate("LunarLab", "About Lunar Lab…"), window)
        about.setObjectName("mLunarLab_about")
        about.triggered.connect(self.show_about)
        for action in (toolbox, install_ort, install, about):
            self.menu.addAction(action)
            self.actions.append(action)
        self.toolbar.addAction(about)
        from ..processing_provider.styles import forget_legends, restore_legends
        QgsProject.instance().layersAdded.connect(restore_legends)
        QgsProject.instance().layersRemoved.connect(forget_legends)
        help_menu = self.iface.firstRightStandardMenu()
        if help_menu is not None:
            window.menuBar().insertMenu(help_menu.menuAction(), self.menu)
        else:
            window.menuBar().addMenu(self.menu)

    def open_dialog(self, alg_id):
        """The algorithm's dialog; when it cannot run (ONNX Runtime or PyTorch missing) its reason instead, and the
        installer of what it needs."""
        import processing
        alg = QgsApplication.processingRegistry().algorithmById(alg_id)
        ok, message = alg.canExecute() if alg is not None else (True, "")
        if not ok:
            from qgis.PyQt.QtWidgets import QMessageBox
            parent = self.iface.mainWindow() if self.iface is not None else None
            if getattr(alg, "NEEDS_ENGINE", False):
                question, install = QCoreApplication.translate("LunarLab", "Install ONNX Runtime now?"), \
                    self.install_onnxruntime
            elif getattr(alg, "NEEDS_TORCH", False):
                question, install = QCoreApplication.translate("LunarLab", "Install PyTorch now?"), self.install_torch
            else:
                QMessageBox.warning(parent, alg.displayName(), message)
                return
            answer = QMessageBox.question(parent, alg.displayName(), message + "\n\n" + question,
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                install()
            return
        processing.execAlgorithmDialog(alg_id, {})

    def show_toolbox(self):
        from qgis.PyQt.QtWidgets import QDockWidget
        dock = self.iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox") if self.iface else None
        if dock is not None:
            dock.setVisible(True)
            dock.raise_()

    def install_torch(self):
        from .install_torch import show_install_dialog
        show_install_dialog(self.iface.mainWindow() if self.iface is not None else None, "torch")

    def install_onnxruntime(self):
        from .install_torch import show_install_dialog
        show_install_dialog(self.iface.mainWindow() if self.iface is not None else None, "onnxruntime")

    def show_about(self):
        from .about import show_about
        show_about(self.iface.mainWindow() if self.iface is not None else None)

    def unload(self):
        if self.iface is not None:
            from ..processing_provider.styles import forget_legends, restore_legends
            try:
                QgsProject.instance().layersAdded.disconnect(restore_legends)
                QgsProject.instance().layersRemoved.disconnect(forget_legends)
            except TypeError:   # initGui did not get that far
                pass
            forget_legends()
            if self.counting is not None:
                self.counting.unload()
                self.counting = None
            for action in self.actions:
                if self.toolbar is not None:
                    self.toolbar.removeAction(action)
                action.deleteLater()
            if self.menu is not None:
                self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
                self.menu.deleteLater()
            if self.toolbar is not None:
                self.iface.mainWindow().removeToolBar(self.toolbar)
                self.toolbar.deleteLater()
        self.actions, self.menu, self.toolbar = [], None, None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
            _models_folder(add=False)
        i18n.remove_translator()
