"""Entry script for frozen builds, the same two programs as the pip install's entry points:
``silverage-gui`` (the windowed executable, no console) runs ``silverage.app:gui_main`` (start
options only: there is no console to print to), ``silverage`` runs ``silverage.cli:main``."""

import os
import sys


def _entry():
    name = os.path.splitext(os.path.basename(sys.executable))[0].lower()
    if name == "silverage-gui":
        from silverage.app import gui_main

        return gui_main
    from silverage.cli import main

    return main


if __name__ == "__main__":
    sys.exit(_entry()())
