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
    by_name = {s.model.name: s for s in plan.snapshots.values() if s.is_model}
    results = []
    for name in model_names:
        snapshot = by_name.get(name)
        if snapshot is None or not snapshot.model.audits_with_args:
            continue
        audit_results = context.snapshot_evaluator.audit(
            snapshot=snapshot,
            snapshots={s.name: s for s in plan.snapshots.values()},
            start=plan.start,
            end=plan.end,
            deployability_index=plan.deployability_index,
        )
        for result in audit_results:
            status = "skipped" if result.skipped else ("fail" if result.count else "pass")
            results.append(
                {
                    "model": name,
                    "audit": result.audit.name,
                    "status": status,
                    "failing_rows": int(result.count or 0),
                    "blocking": bool(result.blocking),
                }
            )
    return results
