"""Entry script for frozen builds: the same ``main`` as the ``silverage`` console script."""

import sys

from silverage.cli import main

if __name__ == "__main__":
    sys.exit(main())
