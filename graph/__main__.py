"""``python -m graph`` runs the newsgraph command line."""

import sys

from graph.cli import main

sys.exit(main())
