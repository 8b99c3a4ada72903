"""Where things live: the user data folder, the log folder, the Qt settings, bundled resources.

Three places, the first that applies:

- ``SILVERAGE_HOME`` (tests, scripts, a chosen folder): ``data/``, ``logs/`` and ``silverage.ini``
  inside it;
- portable mode: a file named ``portable`` beside the executable (the frozen ``silverage.exe``, or
  the ``python`` of a venv: ``Scripts\\`` on Windows, ``bin/`` elsewhere) puts everything in a
  ``data/`` folder beside it (the database and its backups, ``data/logs/``, ``data/silverage.ini``),
  so the app runs from a USB stick and leaves nothing on the PC;
- otherwise the user profile (platformdirs), and Qt keeps its settings where it always does (the
  registry on Windows, ~/.config elsewhere).
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import platformdirs

APP = "silverage"
PORTABLE_MARKER = "portable"
SETTINGS_FILE = "silverage.ini"


def restrict_new_files() -> None:
    """Everything this process creates from now on (database, its journal, logs, exports, backups)
    is readable by its owner only: files 0600, folders 0700. Windows has no umask (its folders'
    ACLs decide), so there this changes nothing."""
    if os.name == "posix":
        os.umask(0o077)


def private_dir(path: Path) -> Path:
    """``path`` and its missing parents, created owner-only (an existing folder is left as it is)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def portable_dir() -> Path | None:
    """The ``data`` folder beside the executable when a file named ``portable`` sits there."""
    beside = Path(sys.executable).absolute().parent
    return beside / "data" if (beside / PORTABLE_MARKER).is_file() else None


def _home() -> Path | None:
    home = os.environ.get("SILVERAGE_HOME")
    return Path(home) if home else None


def data_dir() -> Path:
    home, portable = _home(), portable_dir()
    if home is not None:
        path = home / "data"
    elif portable is not None:
        path = portable
    else:
        path = Path(platformdirs.user_data_dir(APP, appauthor=False))
    return private_dir(path)


def log_dir() -> Path:
    home, portable = _home(), portable_dir()
    if home is not None:
        path = home / "logs"
    elif portable is not None:
        path = portable / "logs"
    else:
        path = Path(platformdirs.user_log_dir(APP, appauthor=False))
    return private_dir(path)


def settings_file() -> Path | None:
    """The INI file for the window layout and UI preferences (None: Qt's own place for them)."""
    home = _home()
    folder = home if home is not None else portable_dir()
    return private_dir(folder) / SETTINGS_FILE if folder is not None else None


def default_db_path() -> Path:
    return data_dir() / "silverage.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def resource(*parts: str) -> Traversable:
    """A bundled resource (fonts/..., icons/..., translations/...), found inside the installed package."""
    node = resources.files("silverage.resources")
    for part in parts:
        node = node / part
    return node


def font_path() -> Path:
    """The bundled CJK TrueType font (WenQuanYi Micro Hei), as a real file path."""
    return Path(str(resource("fonts", "wqy-microhei.ttc")))
