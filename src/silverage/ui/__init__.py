"""Qt user interface. Importing it applies the PySide6 workarounds in ``qt_workarounds``."""

from silverage.ui.shell.qt_workarounds import protect_none

protect_none()
