"""The built-in column audits checked in one query (catwalk/audits.py) count exactly the rows
SQLMesh's own audits count, on tables corrupted with nulls, duplicates and unknown values; a model
with a failing row gets no shortcut (SQLMesh runs and reports its audits as usual)."""

from __future__ import annotations

import pytest

from catwalk import audits

START, END, NOW = "2026-03-02", "2026-03-16", "2026-03-16 07:30:00"


@pytest.fixture(scope="module")
def corrupted(tiny_prod):
    """The tiny prod build with its audited tables given two duplicated rows, a row of nulls and a
    row with an unknown value in each text accepted_values column, inside a transaction rolled back
    at the end (the shared build is left as it was)."""
    context = tiny_prod
    pool = context.engine_adapter._connection_pool
    pool.begin()  # SQLMesh's own transactions nest in it (and do not commit it)
    try:
        yield from _corrupt(context)
    finally:
        pool.rollback()


def _corrupt(context):
    environment = context.state_reader.get_environment("prod")
    snapshots = {s.name: s for s in context.state_reader.get_snapshots(environment.snapshots).values()}
    chosen, kinds = [], set()
    for snapshot in sorted(snapshots.values(), key=lambda s: s.name):
        if not snapshot.is_model or snapshot.is_seed or snapshot.model.kind.is_external:
            continue
        names = {audits.builtin_name(a) for a, args in snapshot.model.audits_with_args if audits.eligible(a, args)}
        if names - kinds or (snapshot.model.time_column and len(chosen) < 12):
            chosen.append(snapshot)
            kinds |= names - {None}
        if len(chosen) >= 12 and kinds == set(audits.BUILTIN):
            break
    candidates = [s for s in sorted(snapshots.values(), key=lambda s: s.name)
                  if s.is_model and not s.is_seed and s not in chosen and s.model.audits_with_args
                  and all(audits.eligible(a, args) for a, args in s.model.audits_with_args)]
    adapter = context.engine_adapter
    for snapshot in chosen:
        table = snapshot.table_name()
        adapter.execute(f"INSERT INTO {table} SELECT * FROM {table} LIMIT 2")
        adapter.execute(f"INSERT INTO {table} DEFAULT VALUES")
        for audit, args in snapshot.model.audits_with_args:
            if audits.builtin_name(audit) == "accepted_values" and audits.eligible(audit, args):
                column = args["column"].name
                if str(snapshot.model.columns_to_types[column]).upper() in ("TEXT", "VARCHAR"):
                    adapter.execute(
                        f"INSERT INTO {table} SELECT * REPLACE ('bogus' AS {column}) FROM {table} LIMIT 1")
    # SQLMesh's own count of each built-in audit's failing rows, computed once
    expected = {
        (snapshot.name, audits.audit_key(audit, args)): _sqlmesh_count(context, snapshots, snapshot, audit, args)
        for snapshot in chosen
        for audit, args in snapshot.model.audits_with_args
        if audits.eligible(audit, args, snapshot.model)
    }
    yield context, snapshots, chosen, candidates, kinds, expected


def _sqlmesh_count(context, snapshots, snapshot, audit, args) -> int:
    from sqlmesh.core.snapshot import DeployabilityIndex

    result = audits.sqlmesh_audit(context.snapshot_evaluator, audit, dict(args), snapshot, snapshots,
                                  START, END, NOW, DeployabilityIndex.all_deployable())
    return int(result.count)


def _fast_count(context, snapshot, audit, args) -> int:
    from sqlglot import exp

    source = audits.batch_source(context.engine_adapter, snapshot.model, snapshot.table_name(), START, END)
    query = exp.select("COUNT(*)").from_(
        audits.failing_rows(audits.builtin_name(audit), args, source).subquery("failing"))
    return int(context.engine_adapter.fetchone(query, quote_identifiers=True)[0])


def test_each_builtin_audit_counts_the_rows_sqlmesh_counts(corrupted):
    context, _snapshots, chosen, _candidates, kinds, expected = corrupted
    assert kinds == set(audits.BUILTIN), kinds
    assert any(s.model.time_column for s in chosen)  # the batch's time range is applied too
    compared, failing = 0, 0
    for snapshot in chosen:
        for audit, args in snapshot.model.audits_with_args:
            if not audits.eligible(audit, args, snapshot.model):
                continue
            count = expected[snapshot.name, audits.audit_key(audit, args)]
            assert _fast_count(context, snapshot, audit, args) == count, (snapshot.name, audit.name, args)
            compared += 1
            failing += count > 0
    assert compared >= 20 and failing >= 10, (compared, failing)


def test_a_failing_row_leaves_every_audit_to_sqlmesh(corrupted):
    from sqlmesh.core.snapshot import DeployabilityIndex

    context, snapshots, chosen, candidates, _kinds, expected = corrupted
    evaluator = context.snapshot_evaluator
    arguments = dict(snapshots=snapshots, start=START, end=END, execution_time=NOW,
                     deployability_index=DeployabilityIndex.all_deployable())
    failing_models = 0
    for snapshot in chosen:
        checks = [(a, args) for a, args in snapshot.model.audits_with_args
                  if audits.eligible(a, args, snapshot.model)]
        fails = any(expected[snapshot.name, audits.audit_key(a, args)] for a, args in checks)
        passing = audits.passing_builtin_audits(evaluator, snapshot, **arguments)
        # one failing row anywhere: no shortcut at all; none: every built-in audit is known to pass
        assert passing == (set() if fails else {audits.audit_key(a, args) for a, args in checks}), snapshot.name
        failing_models += fails
    assert failing_models >= 5, failing_models
    # an untouched model whose audits all pass (some models have a failing non-blocking audit)
    clean = next(s for s in candidates if audits.passing_builtin_audits(evaluator, s, **arguments))
    passing = audits.passing_builtin_audits(evaluator, clean, **arguments)
    assert len(passing) == len({audits.audit_key(a, args) for a, args in clean.model.audits_with_args})
    # SQLMesh's audit of a corrupted model reports the failures with their counts and queries
    corrupt = next(s for s in chosen if not audits.passing_builtin_audits(evaluator, s, **arguments))
    results = evaluator.audit(corrupt, **arguments)
    failed = [r for r in results if r.count]
    assert failed and all(r.query is not None for r in failed)
    # and of the clean one: every audit passes, none rendered
    results = evaluator.audit(clean, **arguments)
    assert results and all(r.count == 0 and r.query is None for r in results), (
        clean.name, passing, [(r.audit.name, r.count, r.query) for r in results])
