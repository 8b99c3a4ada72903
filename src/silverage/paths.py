"""Where things live: the user data folder, the log folder, bundled resources.

``SILVERAGE_HOME`` moves the data and log folders (tests and portable installs use it).
"""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import platformdirs

APP = "silverage"


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


def data_dir() -> Path:
    home = os.environ.get("SILVERAGE_HOME")
    path = Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP, appauthor=False))
    return private_dir(path)


def log_dir() -> Path:
    home = os.environ.get("SILVERAGE_HOME")
    path = Path(home) / "logs" if home else Path(platformdirs.user_log_dir(APP, appauthor=False))
    return private_dir(path)


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
