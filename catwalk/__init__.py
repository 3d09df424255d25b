"""Catwalk tooling: the synthetic warehouse, the prod runner, plan reviews, docs and benchmarks.

Each capability lives in its own module and is reachable from the `catwalk` command
(see `catwalk.cli`); the functions are importable so tests and scripts call them directly.
"""

import os

__version__ = "0.1.0"

# SQLMesh computes the model schemas of a project load in a pool of forked processes, one per core.
# On the 2-core hosts Catwalk runs on, shipping ~550 models to the workers and back costs more than
# it saves: a warm load takes 8 s in-process and 11-23 s with the pool, a cold one 24 s and 40 s
# (measured with SQLMesh 0.236; `catwalk bench` reports the load time). Every catwalk command
# therefore loads in-process unless MAX_FORK_WORKERS is set; SQLMesh reads the variable once, when
# it is first imported, which a catwalk command always does after this line.
os.environ.setdefault("MAX_FORK_WORKERS", "1")
