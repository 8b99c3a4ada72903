"""The one typed wrapper around QSettings: window layout and UI preferences, nothing a supervisor configures.

Care rules and visit policy live in the database (versioned); this file only remembers how this PC's
window looked, which page was open, the language and who signed in last. With ``SILVERAGE_HOME`` or
in portable mode they live in an INI file there (``paths.settings_file``), not in this PC's registry.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from silverage.paths import settings_file

LANGS = ("zh", "en")


def default_qsettings() -> QSettings:
    """This install's settings: the INI file of ``SILVERAGE_HOME`` or portable mode, else Qt's place."""
    path = settings_file()
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings("silverage", "silverage")


class UiSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings if settings is not None else default_qsettings()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # window
    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    @property
    def last_page(self) -> str:
        return str(self._s.value("window/last_page", "roster"))

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._s.setValue("window/last_page", value)

    def header_state(self, table: str) -> QByteArray | None:
        return self._bytes(f"tables/{table}")

    def set_header_state(self, table: str, value: QByteArray) -> None:
        self._s.setValue(f"tables/{table}", value)

    # preferences
    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", "zh"))
        return value if value in LANGS else "zh"

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in LANGS else "zh")

    @property
    def last_user(self) -> str:
        return str(self._s.value("session/last_user", ""))

    @last_user.setter
    def last_user(self, value: str) -> None:
        self._s.setValue("session/last_user", value)

    def sync(self) -> None:
        self._s.sync()
