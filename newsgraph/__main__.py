"""``python -m newsgraph`` runs the newsgraph command line."""

import sys

from newsgraph.cli import main

sys.exit(main())
