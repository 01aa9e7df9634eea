"""Benchmarks of newsgraph; ``python -m bench`` prints the table of side-by-side ratios."""
