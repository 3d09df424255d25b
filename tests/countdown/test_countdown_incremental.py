"""Twice-daily runs of the countdown and episode-feature models give the same tables as a rebuild.

The per-episode and per-instance features are INCREMENTAL_BY_UNIQUE_KEY models that recompute only
the keys touched in the run's interval (72-hour lookback); the event bases are incremental by event
time and drop Segment duplicates. On a reduced copy of the project (these models and their
upstream closure) over the tiny warehouse: apply prod at 07:30 UTC, then play two loader deliveries
(with late Segment events) each followed by `sqlmesh run`, and compare every table with a fresh
build over the same raw data.
"""

from __future__ import annotations

import shutil

import pytest

from catwalk.project import copy_project, open_context

pytestmark = pytest.mark.slow  # builds its own warehouse and prod; `make test-all` runs it

MODELS = (
    "countdown_question_replied",
    "countdown_qnaire_completed",
    "countdown_qnaire_completion_stats",
    "countdown_episode_started_sequence",
    "countdown_cc_confirmed",
    "dxa_launched_cc",
    "episodes_subject",
    "episodes_chief_complaint",
    "episodes_cc_confirmed",
    "episodes_reason_for_visit",
)
DELIVERIES = (
    ("2026-03-16T18:00:00Z", "2026-03-16 18:30:00+00:00"),
    ("2026-03-17T07:00:00Z", "2026-03-17 07:30:00+00:00"),
)


@pytest.fixture(scope="module")
def reduced_project(tmp_path_factory):
    """The project with only these models and everything upstream of them.

    Plans on it skip the linter: the linter judges the whole project, and a reduced copy leaves
    models without the readers that justify their schedule.
    """
    from sqlmesh.core.model import ExternalModel

    context = open_context(load_state=False, load_tests=False)
    names = set()
    for name in MODELS:
        fqn = context.get_model(f"analytics.{name}").fqn
        names |= {fqn, *context.dag.upstream(fqn)}
    root = copy_project(tmp_path_factory.mktemp("countdown_project"), include_models=False)
    for name in names:
        model = context.get_model(name)
        if model is None or isinstance(model, ExternalModel):
            continue
        relative = model._path.relative_to(context.path)
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(model._path, root / relative)
    context.close()
    return root


def _copy(source, folder):
    """A copy of the warehouse file (the DuckDB catalog is the file stem: keep it)."""
    folder.mkdir(parents=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def _tables(context) -> dict:
    tables = {}
    for name in MODELS:
        frame = context.fetchdf(f"SELECT * FROM analytics.{name}").astype(str)
        tables[name] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
    return tables


def _build(project, warehouse, monkeypatch, tiny_window, runs: bool) -> dict:
    import time_machine

    from catwalk.warehouse import load

    monkeypatch.setenv("CATWALK_DUCKDB", str(warehouse))
    monkeypatch.setenv("CATWALK_START", tiny_window.start)
    if runs:
        with time_machine.travel(tiny_window.now, tick=False):
            context = open_context(gateway="local", paths=project, load_tests=False)
            context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
            context.close()
    for until, now in DELIVERIES:
        load("local", until=until, progress=False)
        if runs:
            with time_machine.travel(now, tick=False):
                context = open_context(gateway="local", paths=project, load_tests=False)
                assert not context.run().is_failure
                context.close()
    with time_machine.travel(DELIVERIES[-1][1], tick=False):
        context = open_context(gateway="local", paths=project, load_tests=False)
        if not runs:
            context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True, skip_linter=True)
        tables = _tables(context)
        context.close()
    return tables


def test_incremental_runs_equal_a_rebuild(reduced_project, tiny_warehouse, tiny_window, tmp_path, monkeypatch):
    incremental = _build(
        reduced_project, _copy(tiny_warehouse, tmp_path / "incremental"), monkeypatch, tiny_window, runs=True
    )
    rebuilt = _build(
        reduced_project, _copy(tiny_warehouse, tmp_path / "rebuilt"), monkeypatch, tiny_window, runs=False
    )
    for name in MODELS:
        assert len(incremental[name]) > 0, f"{name} is empty: the test would prove nothing"
        assert incremental[name].equals(rebuilt[name]), (
            f"{name}: {len(incremental[name])} rows after incremental runs, {len(rebuilt[name])} rebuilt"
        )
