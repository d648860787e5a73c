"""The plugin around the algorithms: Help pages, the About box, the QGIS 3/4 compatibility module, the menu."""
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# ---- help ---------------------------------------------------------------------------------------------------
def test_every_help_button_opens_a_page_that_exists(lunar_processing):
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QUrl
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_help.py")], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    algs = QgsApplication.processingRegistry().providerById("lunar").algorithms()
    assert len(algs) == 14
    for alg in algs:
        url = QUrl(alg.helpUrl())
        assert url.isLocalFile(), (alg.name(), alg.helpUrl())
        page = Path(url.toLocalFile())
        assert page.resolve() == (ROOT / "help" / f"{alg.name()}.html").resolve() and page.is_file()
        text = page.read_text(encoding="utf-8")
        assert f"lunar:{alg.name()}" in text and alg.displayName() in text
        for parameter in alg.parameterDefinitions():
            assert f"<code>{parameter.name()}</code>" in text, (alg.name(), parameter.name())


# ---- About --------------------------------------------------------------------------------------------------
def test_about_names_licence_authors_papers_data_and_every_model_in_one_form(qgis_app):
    from lunar_lab.lunar_plugin import about
    text = about.about_html()
    for needed in ("GPL-2.0-or-later", "Lunar Lab developers", "Nature Communications 11, 6358",
                   "doi:10.1038/s43247-025-02914-w", "Icarus 397, 115505", "LDEM_4", "Head, J. W. et al. (2010)",
                   "Plugin version", "PyTorch version", "ONNX Runtime version"):
        assert needed in text.replace("&#x27;", "'"), needed
    cards = about.model_cards()
    assert [c["file"] for c in cards] == ["crater_ages", "crater_detector", "crater_detector_nac", "oxide_clementine",
                                          "oxide_kaguya_mi_tio2"]
    for card in cards:
        assert card["values"], card
        # one form: "<validation>: <metric> <0.xxx>[ ± 0.xxx], ..."
        validation, _, values = card["summary"].partition(": ")
        assert validation == card["validation"], card["summary"]
        assert re.fullmatch(r"[^,]+ \d\.\d{3}( ± \d\.\d{3})?(, [^,]+ \d\.\d{3}( ± \d\.\d{3})?)*", values), values
        assert card["summary"] in text.replace("&#x27;", "'").replace("&amp;", "&")


def test_about_headlines_are_the_cards_numbers():
    from lunar_lab.lunar_plugin import about
    models = ROOT / "models"
    ages = json.loads((models / "crater_ages.json").read_text())
    validation, values = about.headline(ages)
    assert validation == "5 stratified 8:1:1 trials"
    assert values[0] == ("accuracy", f"{ages['trials']['accuracy_mean']:.3f} ± {ages['trials']['accuracy_sd']:.3f}")
    detector = json.loads((models / "crater_detector.json").read_text())
    validation, values = about.headline(detector)
    held_out = detector["metrics"]["validation"]
    assert validation == f"held-out longitudes -100° to -60° ({held_out['n_catalog']} craters)"
    assert values == [(label, f"{held_out[k]:.3f}") for label, k in (("recall", "recall"), ("precision", "precision"),
                                                                     ("F1", "f1"))]
    oxide = json.loads((models / "oxide_clementine.json").read_text())
    validation, values = about.headline(oxide)
    assert validation == "leave-one-out cross-validation (47 sites)"
    assert dict(values)["R² FeO"] == f"{oxide['metrics']['FeO']['r2']:.3f}"
    assert about.headline({"metrics": {"loss": 0.1}}) == (None, [])


def test_about_box_speaks_chinese_under_zh_cn(qgis_app):
    """Under zh_CN the About box's data lines, validations and metrics are Chinese (the papers are cited as
    published), and its help link opens the Chinese help pages."""
    from lunar_lab.lunar_plugin import about, i18n
    english = about.about_html()
    assert i18n.install_translator("zh_CN")
    try:
        chinese = about.about_html()
        cards = about.model_cards()
    finally:
        i18n.remove_translator()
    data = re.search(r"<ul>((?:(?!</ul>).)*LDEM_4(?:(?!</ul>).)*)</ul>", chinese).group(1)
    items = re.findall(r"<li>(.*?)</li>", data)
    assert len(items) == len(about.DATA) and all(re.search(r"[\u4e00-\u9fff]", item) for item in items), items
    for card in cards:
        assert re.search(r"[\u4e00-\u9fff]", card["validation"]) and re.search(r"[\u4e00-\u9fff]", card["name"]), card
    assert "/help/zh_CN/index.html" in chinese and "/help/zh_CN/" not in english
    assert "Nature Communications 11, 6358" in chinese


def test_about_box_opens_and_closes(qgis_app):
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QDialog, QTextBrowser

    from lunar_lab.lunar_plugin import about
    seen = []

    def close():
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
        seen.append(box.findChild(QTextBrowser).toPlainText())
        box.accept()
    QTimer.singleShot(200, close)
    about.show_about()
    assert seen and "Plugin version" in seen[0]


def test_about_box_fits_a_small_screen_and_names_models_as_the_dialogs_do(qgis_app):
    """Issue 24: 966-996 px tall with OK off a 1366x768 screen, and the models listed by file name."""
    from qgis.PyQt.QtGui import QGuiApplication
    from qgis.PyQt.QtWidgets import QDialogButtonBox, QTextBrowser

    from lunar_lab.lunar_plugin import about
    from lunar_lab.processing_provider.algorithms import models
    dialog = about.about_dialog()
    dialog.show()
    try:
        available = QGuiApplication.primaryScreen().availableGeometry()
        assert dialog.sizeHint().height() <= 600 and dialog.height() <= min(600, available.height())
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        corner = ok.mapTo(dialog, ok.rect().bottomRight())
        assert ok.isVisible() and dialog.rect().contains(corner), (corner, dialog.rect())
        text = dialog.findChild(QTextBrowser).toPlainText()
        for kind in models.SHIPPED_MODELS:
            for label in models.shipped_labels(kind):
                assert label in text, label
        assert not re.search(r"\w\.(pt|onnx)\b", text), re.findall(r"\S+\.(?:pt|onnx)\b", text)
        for card in about.model_cards():   # each name with its headline figures
            assert f"{card['name']} ({card['date']}): {card['summary']}" in text if card["date"] else \
                f"{card['name']}: {card['summary']}" in text, card
    finally:
        dialog.close()


# ---- QGIS 3.22 / QGIS 4 compatibility ----------------------------------------------------------------------
def test_compat_gives_the_same_values_as_the_qgis_3_22_spellings():
    """Each name scripts/qt6_spellings.py writes holds the value of the 3.22 spelling it replaces."""
    import qgis.core
    from qgis.PyQt.QtCore import QVariant

    from lunar_lab.lunar_plugin import qt_compat
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    import qt6_spellings
    rules = qt6_spellings.rules()
    assert len(rules) >= 60
    for old, (new, imported) in rules.items():
        owner, member = old.split(".")
        scope = qt_compat if imported else qgis.core
        value = scope
        for part in new.split("."):
            value = getattr(value, part)
        old_owner = QVariant if owner == "QVariant" else getattr(qgis.core, owner)
        if not hasattr(old_owner, member):   # gone in this QGIS (3.40 has no QgsProcessingModelChildParameterSource
            assert qgis.core.Qgis.QGIS_VERSION_INT >= 33000, old   # .ModelParameter): nothing left to compare with
            continue
        assert int(value) == int(getattr(old_owner, member)), (old, new)
    field = qgis.core.QgsField("d", qt_compat.FieldType.Double)
    assert field.type() == QVariant.Double
    assert qgis.core.QgsField("s", qt_compat.FieldType.String).type() == QVariant.String


# ---- the menu -----------------------------------------------------------------------------------------------
def test_menu_offers_the_onnxruntime_and_pytorch_installers_and_distinct_toolbar_icons(qgis_iface, lunar_processing,
                                                                                        monkeypatch):
    from lunar_lab.lunar_plugin.plugin import LunarPlugin
    monkeypatch.setattr(qgis_iface, "firstRightStandardMenu", lambda: None, raising=False)
    plugin = LunarPlugin(qgis_iface)
    plugin.provider = object()  # the session's provider is registered already (conftest): do not add another
    try:
        plugin.initGui()
        names = [a.objectName() for a in plugin.actions]
        assert "mLunarLab_install_torch" in names and "mLunarLab_about" in names
        assert names.index("mLunarLab_install_onnxruntime") < names.index("mLunarLab_install_torch")
        install = next(a for a in plugin.actions if a.objectName() == "mLunarLab_install_torch")
        assert install.text() == "Install PyTorch…" and "train" in install.statusTip()
        ort = next(a for a in plugin.actions if a.objectName() == "mLunarLab_install_onnxruntime")
        assert ort.text() == "Install ONNX Runtime…" and "24 MB" in ort.statusTip()
        toolbar = [a for a in plugin.toolbar.actions()]
        keys = [a.icon().cacheKey() for a in toolbar]
        images = [bytes(a.icon().pixmap(32, 32).toImage().constBits().asstring(32 * 32 * 4)) for a in toolbar]
        assert len(toolbar) >= 9 and len(set(images)) == len(images), [a.objectName() for a in toolbar]
        assert len(set(keys)) == len(keys)
    finally:
        plugin.provider = None
        plugin.unload()


def test_menu_entry_of_a_neural_algorithm_offers_the_installer_of_what_it_needs(qgis_iface, lunar_processing,
                                                                                 monkeypatch):
    """Running a model needs ONNX Runtime (or PyTorch), training one PyTorch: each missing one is offered."""
    import processing
    from qgis.PyQt.QtWidgets import QMessageBox

    from lunar_lab.lunar_plugin import deps, plugin as plugin_module
    asked, opened, installs = [], [], []
    monkeypatch.setattr(deps, "torch_available", lambda: False)
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda parent, title, text, buttons: asked.append((title, text))
                                     or QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(processing, "execAlgorithmDialog", lambda alg_id, params: opened.append(alg_id))
    monkeypatch.setattr(plugin_module.LunarPlugin, "install_torch", lambda self: installs.append("torch"))
    monkeypatch.setattr(plugin_module.LunarPlugin, "install_onnxruntime", lambda self: installs.append("onnxruntime"))
    lunar = plugin_module.LunarPlugin(qgis_iface)
    lunar.open_dialog("lunar:oxidecnn")   # ONNX Runtime is there: no PyTorch needed
    assert opened == ["lunar:oxidecnn"] and not asked
    lunar.open_dialog("lunar:trainoxidecnn")
    assert opened == ["lunar:oxidecnn"] and installs == ["torch"]
    assert "This algorithm needs PyTorch" in asked[0][1] and asked[0][1].endswith("Install PyTorch now?")
    monkeypatch.setattr(deps, "onnxruntime_available", lambda: False)
    lunar.open_dialog("lunar:detectcraters")
    assert installs == ["torch", "onnxruntime"] and opened == ["lunar:oxidecnn"]
    assert "runs its network with ONNX Runtime" in asked[1][1] and asked[1][1].endswith("Install ONNX Runtime now?")
    lunar.open_dialog("lunar:oxideequations")  # needs neither: its dialog opens
    assert opened == ["lunar:oxidecnn", "lunar:oxideequations"] and len(asked) == 2
