"""The UI language: Qt translators for the app's catalogue and Qt's own words, and the domain's.

``use_language`` installs ``resources/i18n/naskah_<lang>.qm`` (the widgets' ``tr()`` and the
domain layer's ``_()``, which reads the same catalogue under the context ``desktop.i18n.CONTEXT``)
and, for Bahasa Indonesia, ``qtbase_id.qm`` for the words of Qt's own widgets (Qt ships no
Indonesian catalogue). The catalogues are made by ``packaging/i18n.py``.
"""

from __future__ import annotations

import logging

from desktop import i18n
from desktop.resources import resource_path
from desktop.ui.qt import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

LOCALES = {
    "id": QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}

_installed: list[QTranslator] = []  # Qt does not own installed translators: keep them alive
_current: list[str] = []


def catalogue_files(language: str) -> list[str]:
    """The compiled catalogues ``language`` needs, in resources/i18n."""
    names = [f"naskah_{language}.qm"]
    if language == "id":
        names.append("qtbase_id.qm")
    return names


def _domain_translate(text: str) -> str:
    return QCoreApplication.translate(i18n.CONTEXT, text)


def use_language(language: str) -> bool:
    """Translate the UI (and the domain's messages) into ``language`` from now on.

    Widgets made afterwards speak it; the app applies a change on its next start. False (and the
    Indonesian source text) when a catalogue is missing or unreadable.
    """
    app = QCoreApplication.instance()
    assert app is not None, "make the QApplication first"
    if language not in i18n.LANGUAGES:
        language = i18n.DEFAULT_LANGUAGE
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _current[:] = [language]
    QLocale.setDefault(LOCALES[language])
    complete = True
    for name in catalogue_files(language):
        translator = QTranslator()
        path = resource_path("i18n", name)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation catalogue %s cannot be loaded", path)
            complete = False
    i18n.install(_domain_translate)
    return complete


def current_language() -> str:
    return _current[0] if _current else i18n.DEFAULT_LANGUAGE


def install_translator(translator: QTranslator) -> None:
    """Install one more translator (first asked), kept alive here; for tests and tools."""
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    _installed.append(translator)


def reset() -> None:
    """Back to the untranslated source (Bahasa Indonesia, Qt's words in English): for tests."""
    app = QCoreApplication.instance()
    if app is not None:
        for old in _installed:
            app.removeTranslator(old)
    _installed.clear()
    _current.clear()
    i18n.install(None)
