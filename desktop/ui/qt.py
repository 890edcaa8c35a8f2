"""The one door to Qt for the UI: every widget module imports Qt names from here.

Keeping the imports in one place makes a Qt upgrade or a binding switch one file's work.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    QtMsgType,
    QTranslator,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QDesktopServices,
    QFont,
    QFontInfo,
    QIcon,
    QImage,
    QKeySequence,
    QPalette,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

__all__ = [
    "QAbstractItemModel", "QAbstractItemView", "QAbstractListModel", "QAbstractTableModel",
    "QAction", "QApplication", "QButtonGroup", "QCheckBox", "QCloseEvent", "QColor", "QComboBox",
    "QCompleter", "QCoreApplication", "QDate", "QDateEdit", "QDesktopServices", "QDialog",
    "QDialogButtonBox", "QEvent", "QFileDialog", "QFont", "QFormLayout", "QFrame",
    "QGridLayout", "QGroupBox", "QHBoxLayout", "QHeaderView", "QIcon", "QImage",
    "QInputDialog", "QItemSelectionModel", "QKeySequence", "QLabel", "QLineEdit", "QListView",
    "QListWidget", "QListWidgetItem", "QLocale", "QMainWindow", "QMessageBox", "QModelIndex",
    "QObject", "QPalette", "QPersistentModelIndex", "QPixmap", "QPlainTextEdit", "QPushButton",
    "QRadioButton", "QRunnable", "QScrollArea", "QSize", "QSizePolicy", "QSortFilterProxyModel",
    "QSpinBox", "QSplitter", "QStackedWidget", "QStandardItem", "QStandardItemModel",
    "QStatusBar", "QTabWidget", "QTableView", "QTextBrowser", "QTextCursor", "QTextEdit",
    "QTextListFormat", "QThread", "QThreadPool", "QTimer", "QToolBar", "QTranslator",
    "QTreeView", "QUrl", "QVBoxLayout", "QWidget", "QWizard", "QWizardPage", "Qt", "Signal",
    "Slot",
]  # fmt: skip

# Forms: error marks on buttons and boxes, decimal spin boxes, the busy bar.
__all__ += ["QAbstractButton", "QDoubleSpinBox", "QProgressBar"]
# The self-test: the font a family resolves to, and Qt's own log messages.
__all__ += ["QFontInfo", "QtMsgType", "qInstallMessageHandler"]

# Letter list, editor, preview and views: menus, rich-text formats, printing.
from PySide6.QtCore import QElapsedTimer, QItemSelection, QPoint  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QResizeEvent,
    QTextCharFormat,
    QTextLength,
    QTextTableFormat,
    QWheelEvent,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: E402
from PySide6.QtWidgets import QMenu, QToolButton  # noqa: E402

__all__ += [
    "QElapsedTimer", "QItemSelection", "QMenu", "QPoint", "QPrintDialog", "QPrinter",
    "QResizeEvent", "QTextCharFormat", "QTextLength", "QTextTableFormat", "QToolButton",
    "QWheelEvent",
]  # fmt: skip

# The operation runner: busy cursor, progress dialog, is a widget still alive.
from PySide6.QtGui import QCursor  # noqa: E402
from PySide6.QtWidgets import QProgressDialog  # noqa: E402
from shiboken6 import isValid  # noqa: E402

__all__ += ["QCursor", "QProgressDialog", "isValid"]

# Pasting into the letter body; fitting windows to the screen and remembering their size.
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QRect, QSettings  # noqa: E402
from PySide6.QtGui import QScreen  # noqa: E402

__all__ += ["QBuffer", "QByteArray", "QIODevice", "QMimeData", "QRect", "QScreen", "QSettings"]

# Dropping scans on the registration of an incoming letter.
from PySide6.QtGui import QDropEvent, QKeyEvent, QPagedPaintDevice  # noqa: E402

__all__ += ["QDropEvent", "QKeyEvent", "QPagedPaintDevice"]

# Keyboard and remembered layout: shortcuts, text measuring.
from PySide6.QtGui import QFontMetrics, QShortcut  # noqa: E402

__all__ += ["QFontMetrics", "QShortcut"]

# The dashboard's charts, drawn by hand (QtCharts is left out of the build).
from PySide6.QtCore import QPointF, QRectF  # noqa: E402
from PySide6.QtGui import QPainter, QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QMenuBar  # noqa: E402

__all__ += ["QMenuBar", "QPaintEvent", "QPainter", "QPointF", "QRectF"]
