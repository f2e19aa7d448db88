"""``python -m desktop`` runs the same front door as the ``rapport`` command."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
