"""The Spark session's shared fixtures: the tiny warehouse generated into a scratch Spark folder and
the prod plan applied there (one JVM for the whole session: Derby allows one)."""

from __future__ import annotations

import os
import time

import pytest


@pytest.fixture(scope="session")
def tiny_spark(tmp_path_factory, tiny_window):
    """The tiny warehouse generated into a scratch Spark folder (Iceberg raw tables)."""
    pytest.importorskip("pyspark", reason="run `make spark-setup` for the Spark tests")
    from catwalk.warehouse import generate

    folder = tmp_path_factory.mktemp("tiny_spark")
    # The JVM keeps its settings for the whole session: these variables stay set.
    os.environ.update({"CATWALK_SPARK_DIR": str(folder),
                       "CATWALK_SPARK_STATE": str(folder / "state.duckdb")})
    started = time.perf_counter()
    generate(gateway="spark", scale="tiny", seed=tiny_window.seed, start=tiny_window.start,
             days=tiny_window.days, force=True, progress=False, write_env=False)
    print(f"\ngenerate --gateway spark: {time.perf_counter() - started:.0f} s")
    return folder


@pytest.fixture(scope="session")
def tiny_prod_spark(tiny_spark, tiny_window):
    """A Context on the spark gateway with the prod plan applied (frozen clock)."""
    import time_machine

    from sqlmesh.core.console import TerminalConsole, set_console

    from catwalk.project import open_context

    set_console(TerminalConsole())  # a failed plan says which model failed and why
    os.environ["CATWALK_START"] = tiny_window.start
    try:
        started = time.perf_counter()
        with time_machine.travel(tiny_window.now, tick=False):
            context = open_context(gateway="spark", load_tests=False)
            context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True)
        print(f"\ncold prod plan on spark: {time.perf_counter() - started:.0f} s")
    finally:
        os.environ.pop("CATWALK_START", None)
    yield context
    context.close()
