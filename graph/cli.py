"""Kept for old entry points (``python -m graph.cli``, an install whose console script still
names ``graph.cli:main``): the command line is newsgraph/cli/."""

import sys

if __name__ == "__main__":
    from newsgraph.cli import main

    sys.exit(main())


def main(argv: list[str] | None = None) -> int:
    from newsgraph.cli import main as cli_main

    return cli_main(argv)
