"""Log lines of the core in the user's language. The core has no Qt: the plugin hands in Qt's translate function
when it loads (``lunar_plugin.i18n``), plain Python and Dask workers keep the English source. Sources call
``tr("literal with {names}").format(...)``; scripts/update_translations.sh finds the literals (context LunarCore).
"""
CONTEXT = "LunarCore"
_translate = None


def set_translator(translate):
    """``translate(context, text)``, e.g. ``QCoreApplication.translate``; None restores English."""
    global _translate
    _translate = translate


def tr(text):
    return _translate(CONTEXT, text) if _translate is not None else text
