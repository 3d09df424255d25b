"""The checks: applying the plan to the dev environment only, then the unit tests and audits of
the changed models."""

from __future__ import annotations

import io
import typing as t

from catwalk.project import CatwalkError
from catwalk.review.common import one_line


def apply_dev(context, plan, env_name: str, against_name: str) -> dict[str, t.Any]:
    if not plan.is_dev or plan.environment_naming_info.name != env_name or env_name == against_name:
        raise CatwalkError(f"refusing to apply a plan that is not for the dev environment {env_name!r}")
    try:
        context.apply(plan)
    except Exception as error:  # PlanError, audit failures, engine errors: reported, not raised
        return {"applied": True, "ok": False, "error": one_line(error)}
    return {"applied": True, "ok": True, "error": None}


def run_tests(context, model_names: list[str]) -> dict[str, t.Any]:
    fqns = [context.get_model(name).fqn for name in model_names if context.get_model(name)]
    if not fqns:
        return {"run": 0, "failed": 0, "failures": []}
    result = context.test(model_names=fqns, stream=io.StringIO())
    failures = [
        {"test": _test_name(test), "message": one_line(message)}
        for test, message in [*result.failures, *result.errors]
    ]
    return {"run": result.testsRun, "failed": len(failures), "failures": failures}


def _test_name(test) -> str:
    return getattr(test, "test_name", None) or str(test)


def run_audits(context, plan, model_names: list[str]) -> list[dict[str, t.Any]]:
    """Audit the changed models as the plan audits them: per batch of intervals (the model's
    batch size, its signals) over the plan's range, with the plan's execution time (@execution_ts).

    This is SQLMesh's own audit path (`Scheduler.audit`, used by plans that only re-audit), with
    the per-audit results kept: one entry per model and audit, failing rows summed over batches.
    It also runs after a failed dev backfill, so that the report names the audit that failed.
    `plan.execution_time` is cached by the plan: the dev backfill used the same value.
    """
    scheduler, batches, deployability_index = _audit_batches(context, plan, model_names)
    results: dict[tuple, dict[str, t.Any]] = {}
    for snapshot, intervals in batches.items():
        for batch_start, batch_end in intervals:
            try:
                audit_results = context.snapshot_evaluator.audit(
                    snapshot=snapshot,
                    snapshots=scheduler.snapshots_by_name,
                    start=batch_start,
                    end=batch_end,
                    execution_time=plan.execution_time,
                    deployability_index=deployability_index,
                )
            except Exception as error:  # the table was not built: the backfill error says why
                _add_audit_error(results, snapshot.model.name, error)
                break
            for result in audit_results:
                _add_audit_result(results, snapshot.model.name, result)
    return sorted(results.values(), key=lambda r: (r["model"], r["audit"]))


def _audit_batches(context, plan, model_names: list[str]):
    """The batches the plan evaluates between its start and end for the audited models."""
    from sqlmesh.core.snapshot import DeployabilityIndex

    fqns = {context.get_model(name).fqn for name in model_names if context.get_model(name)}
    scheduler = context.create_scheduler(plan.snapshots.values(), context.snapshot_evaluator)
    audited = [
        s
        for s in scheduler.snapshots.values()
        if s.name in fqns and s.is_model and s.model.audits_with_args
    ]
    context.state_reader.refresh_snapshot_intervals(audited)
    start, end, execution_time = plan.start, plan.end, plan.execution_time
    deployability_index = DeployabilityIndex.create(scheduler.snapshots.values(), start=start)
    removals = {
        s.snapshot_id: s.get_removal_interval(start, end, execution_time, is_preview=True)
        for s in audited
    }
    for snapshot_id, interval in removals.items():
        scheduler.snapshots[snapshot_id].remove_interval(interval)
    merged = scheduler.merged_missing_intervals(
        start,
        end,
        execution_time,
        deployability_index=deployability_index,
        restatements=removals,
        start_override_per_model=plan.start_override_per_model,
        end_override_per_model=plan.end_override_per_model,
        end_bounded=plan.end_bounded,
        selected_snapshots={s.name for s in audited},
    )
    batches = scheduler.batch_intervals(
        merged, deployability_index, plan.environment_naming_info
    )
    return scheduler, batches, deployability_index


def _add_audit_error(results: dict, model: str, error: Exception) -> None:
    results[(model, "")] = {
        "model": model,
        "audit": "(all audits)",
        "status": "error",
        "failing_rows": 0,
        "blocking": True,
        "error": one_line(error),
    }


def _add_audit_result(results: dict, model: str, result) -> None:
    key = (model, result.audit.name, repr(sorted(result.audit_args.items(), key=str)))
    entry = results.setdefault(
        key,
        {
            "model": model,
            "audit": result.audit.name,
            "status": "skipped",
            "failing_rows": 0,
            "blocking": bool(result.blocking),
        },
    )
    if result.skipped:
        return
    entry["failing_rows"] += int(result.count or 0)
    entry["status"] = "fail" if entry["failing_rows"] else "pass"
