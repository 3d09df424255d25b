"""Catwalk tooling: the synthetic warehouse, the prod runner, plan reviews, docs and benchmarks.

Each capability lives in its own module and is reachable from the `catwalk` command
(see `catwalk.cli`); the functions are importable so tests and scripts call them directly.
"""

__version__ = "0.1.0"
