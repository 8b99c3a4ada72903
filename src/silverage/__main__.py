import sys

from silverage.cli import main

sys.exit(main())
