"""Translations: the plugin's QTranslator (i18n/lunar_<locale>.qm) and ``tr`` with the plugin's fixed context.

The translator is installed on QCoreApplication when QGIS loads the plugin (``classFactory``), so it works in
QGIS desktop and under ``qgis_process`` alike. Algorithms translate with their class name as context
(``LunarAlgorithm.tr``); the plugin's own strings (menus, About box) use the context ``LunarLab``.
Sources for ``pylupdate5`` must call ``QCoreApplication.translate("LunarLab", "literal")`` or
``tr("literal")`` from inside a class whose name is the context; see scripts/update_translations.sh.
"""
import os

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

CONTEXT = "LunarLab"
I18N_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n")
_installed = []  # the installed QTranslator: Python must keep it alive


def tr(text):
    """Translate one of the plugin's own strings (context ``LunarLab``)."""
    return QCoreApplication.translate(CONTEXT, text)


def qgis_locale():
    """The locale QGIS uses: ``locale/userLocale`` (written by QGIS desktop at start-up, also when overridden
    in Options > General), else the system locale (e.g. under a fresh qgis_process profile)."""
    try:
        from qgis.core import QgsSettings
        value = QgsSettings().value("locale/userLocale", "")
    except Exception:  # noqa: BLE001 (no QGIS settings: plain Qt)
        value = QSettings().value("locale/userLocale", "")
    value = str(value or "").strip()
    return value or QLocale().name()


def qm_candidates(locale):
    """``lunar_zh_CN.qm`` style file names to try for a locale such as ``zh_CN``, ``zh-Hans`` or ``zh``."""
    locale = locale.replace("-", "_")
    language = locale.split("_")[0]
    names = [locale, language]
    if language == "zh" and locale not in ("zh_TW", "zh_HK", "zh_Hant"):
        names.append("zh_CN")  # Simplified Chinese is the default Chinese
    return [os.path.join(I18N_DIR, f"lunar_{name}.qm") for name in dict.fromkeys(names)]


def install_translator(locale=None):
    """Load the .qm for the QGIS locale (or ``locale``) and install it once; returns its path or None."""
    if _installed:
        return _installed[0][1]
    app = QCoreApplication.instance()
    if app is None:
        return None
    for path in qm_candidates(locale or qgis_locale()):
        if os.path.isfile(path):
            translator = QTranslator()
            if translator.load(path):
                app.installTranslator(translator)
                _installed.append((translator, path))
                return path
    return None


def installed_locale():
    """The locale of the installed translation ('zh_CN' for lunar_zh_CN.qm), None when English."""
    if not _installed:
        return None
    return os.path.splitext(os.path.basename(_installed[0][1]))[0][len("lunar_"):]


def remove_translator():
    """Uninstall the plugin's translator (plugin unload)."""
    app = QCoreApplication.instance()
    while _installed:
        translator, _ = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
