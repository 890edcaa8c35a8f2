"""The one door to Qt for the UI: every widget module imports Qt names from here.

Keeping the imports in one place makes a Qt upgrade or a binding switch one file's work.

Names are looked up when first imported from here (PEP 562), not all at once: PySide6 makes
each class on first access, and the log-in dialog, the first window on screen, needs a few
dozen of these names, not all of them (nor QtPrintSupport's library).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Explicit re-exports (``X as X``): the names the UI imports from here, for the type checker.
    from PySide6.QtCore import QAbstractItemModel as QAbstractItemModel
    from PySide6.QtCore import QAbstractListModel as QAbstractListModel
    from PySide6.QtCore import QAbstractTableModel as QAbstractTableModel
    from PySide6.QtCore import QBuffer as QBuffer
    from PySide6.QtCore import QByteArray as QByteArray
    from PySide6.QtCore import QCoreApplication as QCoreApplication
    from PySide6.QtCore import QDate as QDate
    from PySide6.QtCore import QElapsedTimer as QElapsedTimer
    from PySide6.QtCore import QEvent as QEvent
    from PySide6.QtCore import QIODevice as QIODevice
    from PySide6.QtCore import QItemSelection as QItemSelection
    from PySide6.QtCore import QItemSelectionModel as QItemSelectionModel
    from PySide6.QtCore import QLocale as QLocale
    from PySide6.QtCore import QMimeData as QMimeData
    from PySide6.QtCore import QModelIndex as QModelIndex
    from PySide6.QtCore import QObject as QObject
    from PySide6.QtCore import QPersistentModelIndex as QPersistentModelIndex
    from PySide6.QtCore import QPoint as QPoint
    from PySide6.QtCore import QPointF as QPointF
    from PySide6.QtCore import QRect as QRect
    from PySide6.QtCore import QRectF as QRectF
    from PySide6.QtCore import QRunnable as QRunnable
    from PySide6.QtCore import QSettings as QSettings
    from PySide6.QtCore import QSize as QSize
    from PySide6.QtCore import QSortFilterProxyModel as QSortFilterProxyModel
    from PySide6.QtCore import Qt as Qt
    from PySide6.QtCore import QThread as QThread
    from PySide6.QtCore import QThreadPool as QThreadPool
    from PySide6.QtCore import QTimer as QTimer
    from PySide6.QtCore import QtMsgType as QtMsgType
    from PySide6.QtCore import QTranslator as QTranslator
    from PySide6.QtCore import QUrl as QUrl
    from PySide6.QtCore import Signal as Signal
    from PySide6.QtCore import Slot as Slot
    from PySide6.QtCore import qInstallMessageHandler as qInstallMessageHandler
    from PySide6.QtGui import QAction as QAction
    from PySide6.QtGui import QCloseEvent as QCloseEvent
    from PySide6.QtGui import QColor as QColor
    from PySide6.QtGui import QCursor as QCursor
    from PySide6.QtGui import QDesktopServices as QDesktopServices
    from PySide6.QtGui import QDropEvent as QDropEvent
    from PySide6.QtGui import QFont as QFont
    from PySide6.QtGui import QFontInfo as QFontInfo
    from PySide6.QtGui import QFontMetrics as QFontMetrics
    from PySide6.QtGui import QIcon as QIcon
    from PySide6.QtGui import QImage as QImage
    from PySide6.QtGui import QKeyEvent as QKeyEvent
    from PySide6.QtGui import QKeySequence as QKeySequence
    from PySide6.QtGui import QPagedPaintDevice as QPagedPaintDevice
    from PySide6.QtGui import QPainter as QPainter
    from PySide6.QtGui import QPaintEvent as QPaintEvent
    from PySide6.QtGui import QPalette as QPalette
    from PySide6.QtGui import QPixmap as QPixmap
    from PySide6.QtGui import QResizeEvent as QResizeEvent
    from PySide6.QtGui import QScreen as QScreen
    from PySide6.QtGui import QShortcut as QShortcut
    from PySide6.QtGui import QStandardItem as QStandardItem
    from PySide6.QtGui import QStandardItemModel as QStandardItemModel
    from PySide6.QtGui import QTextCharFormat as QTextCharFormat
    from PySide6.QtGui import QTextCursor as QTextCursor
    from PySide6.QtGui import QTextLength as QTextLength
    from PySide6.QtGui import QTextListFormat as QTextListFormat
    from PySide6.QtGui import QTextTableFormat as QTextTableFormat
    from PySide6.QtGui import QWheelEvent as QWheelEvent
    from PySide6.QtPrintSupport import QPrintDialog as QPrintDialog
    from PySide6.QtPrintSupport import QPrinter as QPrinter
    from PySide6.QtWidgets import QAbstractButton as QAbstractButton
    from PySide6.QtWidgets import QAbstractItemView as QAbstractItemView
    from PySide6.QtWidgets import QApplication as QApplication
    from PySide6.QtWidgets import QButtonGroup as QButtonGroup
    from PySide6.QtWidgets import QCheckBox as QCheckBox
    from PySide6.QtWidgets import QComboBox as QComboBox
    from PySide6.QtWidgets import QCompleter as QCompleter
    from PySide6.QtWidgets import QDateEdit as QDateEdit
    from PySide6.QtWidgets import QDialog as QDialog
    from PySide6.QtWidgets import QDialogButtonBox as QDialogButtonBox
    from PySide6.QtWidgets import QDoubleSpinBox as QDoubleSpinBox
    from PySide6.QtWidgets import QFileDialog as QFileDialog
    from PySide6.QtWidgets import QFormLayout as QFormLayout
    from PySide6.QtWidgets import QFrame as QFrame
    from PySide6.QtWidgets import QGridLayout as QGridLayout
    from PySide6.QtWidgets import QGroupBox as QGroupBox
    from PySide6.QtWidgets import QHBoxLayout as QHBoxLayout
    from PySide6.QtWidgets import QHeaderView as QHeaderView
    from PySide6.QtWidgets import QInputDialog as QInputDialog
    from PySide6.QtWidgets import QLabel as QLabel
    from PySide6.QtWidgets import QLineEdit as QLineEdit
    from PySide6.QtWidgets import QListView as QListView
    from PySide6.QtWidgets import QListWidget as QListWidget
    from PySide6.QtWidgets import QListWidgetItem as QListWidgetItem
    from PySide6.QtWidgets import QMainWindow as QMainWindow
    from PySide6.QtWidgets import QMenu as QMenu
    from PySide6.QtWidgets import QMenuBar as QMenuBar
    from PySide6.QtWidgets import QMessageBox as QMessageBox
    from PySide6.QtWidgets import QPlainTextEdit as QPlainTextEdit
    from PySide6.QtWidgets import QProgressBar as QProgressBar
    from PySide6.QtWidgets import QProgressDialog as QProgressDialog
    from PySide6.QtWidgets import QPushButton as QPushButton
    from PySide6.QtWidgets import QRadioButton as QRadioButton
    from PySide6.QtWidgets import QScrollArea as QScrollArea
    from PySide6.QtWidgets import QSizePolicy as QSizePolicy
    from PySide6.QtWidgets import QSpinBox as QSpinBox
    from PySide6.QtWidgets import QSplitter as QSplitter
    from PySide6.QtWidgets import QStackedWidget as QStackedWidget
    from PySide6.QtWidgets import QStatusBar as QStatusBar
    from PySide6.QtWidgets import QTableView as QTableView
    from PySide6.QtWidgets import QTabWidget as QTabWidget
    from PySide6.QtWidgets import QTextBrowser as QTextBrowser
    from PySide6.QtWidgets import QTextEdit as QTextEdit
    from PySide6.QtWidgets import QToolBar as QToolBar
    from PySide6.QtWidgets import QToolButton as QToolButton
    from PySide6.QtWidgets import QTreeView as QTreeView
    from PySide6.QtWidgets import QVBoxLayout as QVBoxLayout
    from PySide6.QtWidgets import QWidget as QWidget
    from PySide6.QtWidgets import QWizard as QWizard
    from PySide6.QtWidgets import QWizardPage as QWizardPage
    from shiboken6 import isValid as isValid

_MODULE_OF: dict[str, str] = {
    **dict.fromkeys(
        [
            "QAbstractItemModel", "QAbstractListModel", "QAbstractTableModel", "QBuffer",
            "QByteArray", "QCoreApplication", "QDate", "QElapsedTimer", "QEvent",
            "qInstallMessageHandler", "QIODevice", "QItemSelection", "QItemSelectionModel",
            "QLocale", "QMimeData", "QModelIndex", "QObject", "QPersistentModelIndex", "QPoint",
            "QPointF", "QRect", "QRectF", "QRunnable", "QSettings", "QSize",
            "QSortFilterProxyModel", "Qt", "QThread", "QThreadPool", "QTimer", "QtMsgType",
            "QTranslator", "QUrl", "Signal", "Slot",
        ],
        "PySide6.QtCore",
    ),
    **dict.fromkeys(
        [
            "QAction", "QCloseEvent", "QColor", "QCursor", "QDesktopServices", "QDropEvent",
            "QFont", "QFontInfo", "QFontMetrics", "QIcon", "QImage", "QKeyEvent", "QKeySequence",
            "QPagedPaintDevice", "QPainter", "QPaintEvent", "QPalette", "QPixmap", "QResizeEvent",
            "QScreen", "QShortcut",
            "QStandardItem", "QStandardItemModel", "QTextCharFormat", "QTextCursor", "QTextLength",
            "QTextListFormat", "QTextTableFormat", "QWheelEvent",
        ],
        "PySide6.QtGui",
    ),
    **dict.fromkeys(
        [
            "QAbstractButton", "QAbstractItemView", "QApplication", "QButtonGroup", "QCheckBox",
            "QComboBox", "QCompleter", "QDateEdit", "QDialog", "QDialogButtonBox",
            "QDoubleSpinBox", "QFileDialog", "QFormLayout", "QFrame", "QGridLayout", "QGroupBox",
            "QHBoxLayout", "QHeaderView", "QInputDialog", "QLabel", "QLineEdit", "QListView",
            "QListWidget", "QListWidgetItem", "QMainWindow", "QMenu", "QMenuBar", "QMessageBox",
            "QPlainTextEdit", "QProgressBar", "QProgressDialog", "QPushButton", "QRadioButton",
            "QScrollArea", "QSizePolicy", "QSpinBox", "QSplitter", "QStackedWidget", "QStatusBar",
            "QTableView", "QTabWidget", "QTextBrowser", "QTextEdit", "QToolBar", "QToolButton",
            "QTreeView", "QVBoxLayout", "QWidget", "QWizard", "QWizardPage",
        ],
        "PySide6.QtWidgets",
    ),
    **dict.fromkeys(
        [
            "QPrintDialog", "QPrinter",
        ],
        "PySide6.QtPrintSupport",
    ),
    **dict.fromkeys(
        [
            "isValid",
        ],
        "shiboken6",
    ),
}  # fmt: skip

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next import of it is a plain module attribute
    return value
